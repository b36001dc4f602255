# Мәселе тақырыптары
title-malformed-request = Сұрау дұрыс құрылмаған
title-unsupported-media-type = Мазмұн түріне қолдау көрсетілмейді
title-payload-too-large = Сұрау денесі тым үлкен
title-invalid-fields = Кейбір өрістер қате толтырылған
title-rule-violation = Сұрау заң нормасы бойынша қабылданбады
title-service-rule = Сұрау сервистің өз ережесі бойынша қабылданбады
title-unauthorized = Аутентификация қажет
title-forbidden = Бұл пайдаланушыға рұқсат етілмеген
title-not-found = Табылмады
title-method-not-allowed = Әдіске рұқсат етілмеген
title-conflict = Ағымдағы күймен қайшылық
title-stale-version = Алдын ала шарт орындалмады
title-service-unavailable = Қызмет қолжетімсіз
title-internal-error = Ішкі қате

# Толығырақ
detail-unsupported-media-type = сұрау денесі application/json болуы керек
detail-payload-too-large = сұрау денесі { $limit } байттан үлкен
detail-invalid-fields = кейбір өрістер қате толтырылған
detail-method-not-allowed = мұнда { $method } әдісіне рұқсат жоқ; рұқсат етілгендері: { $allow }
detail-stale-version = ресурс сіз оқығаннан кейін өзгерді (нұсқа { $current })
detail-service-unavailable = дерекқор қолжетімсіз; кейінірек қайталаңыз
detail-internal-error = ішкі қате

# 400
malformed-body = JSON денесі схемаға сәйкес емес: { $reason }
malformed-path = жол параметрі дұрыс емес
malformed-query = сұрау жолы дұрыс емес: { $reason }
malformed-parameter = { $field }: { $reason }
malformed-idempotency-key = Idempotency-Key 1–255 көрінетін ASCII таңбадан тұруы керек
malformed-if-match = If-Match осы қызмет берген ETag болуы керек, мысалы "3"
malformed-limit = limit 1 мен 500 аралығында болуы керек
malformed-cursor = курсорды бұл қызмет берген жоқ
malformed-year = { $year } жылы 2000–2100 аралығынан тыс
malformed-year-text = { $year } жылы бүтін сан емес
malformed-reason-syntax = сұрау денесі дұрыс JSON емес ({ $line }-жол, { $column }-баған)
malformed-reason-not-object = сұрау денесі бір JSON нысаны болуы керек
malformed-reason-type = { $field } өрісі мәнінің түрі дұрыс емес
malformed-reason-value = { $field } өрісінің мәні жарамсыз
malformed-reason-variant = { $field } өрісі: «{ $value }» мәні { $allowed } мәндерінің ешқайсысы емес
malformed-reason-missing = міндетті { $field } өрісі жоқ
malformed-reason-unknown = бұл сұрауда { $field } өрісі қарастырылмаған
malformed-reason-length = { $field } өрісіндегі элементтер саны дұрыс емес
malformed-reason-duplicate = { $field } кілті екі рет берілген
unknown-region = { $region } Қазақстан өңірлерінің қатарына кірмейді

# 401
unauthorized-no-token = Bearer токені қажет
unauthorized-not-bearer = Authorization тақырыбы `Bearer <токен>` түрінде болуы керек
unauthorized-metrics-token = метрикалар үшін метрика токені керек: `Authorization: Bearer <метрика токені>`
unauthorized-token-malformed = токен дұрыс құрылмаған
unauthorized-algorithm = токен алгоритмі қабылданбайды
unauthorized-expired = токеннің мерзімі өтті
unauthorized-signature = токен қолтаңбасы жарамсыз
unauthorized-token-invalid = токен жарамсыз
unauthorized-no-subject = токенде субъект жоқ
unauthorized-claim = токендегі { $claim } мәлімдемесі жарамсыз: { $reason }
unauthorized-missing-claim = бұл рөл үшін токенде { $claim } мәлімдемесі болуы керек

# 403
forbidden-role =
    { $role ->
        [ministry] министрлік талдаушысы
        [akimat] әкімдік лауазымды тұлғасы
        [employer] жұмыс беруші
        [auditor] аудитор
       *[other] бұл пайдаланушы
    } мұнда бұл әрекетті орындай алмайды
forbidden-other-region = әкімдік тек өз өңірін көреді
forbidden-not-deciding-body = бұл шағымды ережеде көрсетілген орган ғана қарайды: { $body ->
        [ministry] министрлік
       *[akimat] әкімдік
    }
forbidden-no-bin = токенде жұмыс берушінің БСН-і жоқ

# 404
not-found-resource = мұндай ресурс жоқ
not-found-path = { $path } мекенжайында ресурс жоқ
not-found-case = мұндай іс жоқ
not-found-webhook = мұндай хабарламаға жазылым жоқ
not-found-webhook-delivery = бұл жазылымның мұндай жіберілімі жоқ
not-found-hold = { $id } квота резерві жоқ
not-found-region = { $region } өңірі жоқ
not-found-country = анықтамалықта { $country } кодты ел жоқ
not-found-quota-year = { $year } жылға квота белгіленбеген
not-found-rule-set-on = { $date } күні қолданыстағы ережелер жинағы жоқ
not-found-rule-set-version = ережелер жинағының { $version } нұсқасы жоқ

# 409
conflict-created-concurrently = қатар жүрген сұрау дәл осындай жазба жасады; оны қайта оқыңыз
conflict-idempotency-key-reused = бұл Idempotency-Key басқа сұрау үшін пайдаланылған
conflict-idempotency-key-in-use = осы Idempotency-Key бар сұрау әлі өңделуде
conflict-quota-set-concurrently = бұл нұсқа белгіленіп жатқанда жылдың квотасы өзгерді; оны қайта оқыңыз
conflict-country-quota-taken = { $country } квотасының бірліктері қатар жүрген сұраумен алынды
conflict-allocation-changed = бөлу белгіленіп жатқанда өзгерді; оны қайта оқыңыз
conflict-case-already-holds-quota =
    { $kind ->
        [permit-extension] { $id } ұзартуы
        [permit] { $id } рұқсаты
        [complaint-extension] { $id } шағымы бойынша қалпына келтірілген ұзарту
        [complaint] { $id } шағымы
       *[other] { $id } ісі
    } квотаны әлдеқашан ұстап тұр (өңір: { $region })
conflict-hold-state-changed = { $id } квота резерві қатар жүрген сұраумен өзгерді
conflict-demand-changed = { $id } квотаға өтінімі қаралып жатқанда өзгерді
conflict-illegal-transition =
    { $machine ->
        [permit] рұқсат
        [permit-region] осы өңірдегі рұқсат
        [quota-hold] квота резерві
        [quota-demand] квотаға өтінім
        [ict-permit] корпоративішілік ауыстыруға рұқсат
        [certificate] өз бетінше жұмысқа орналасу туралы анықтама
        [complaint] шағым
       *[other] іс
    } { $state ->
        [applied] «қаралуда» мәртебесінде
        [refused] «бас тартылды» мәртебесінде
        [withdrawn] «өтініш кері алынды» мәртебесінде
        [awaiting_payment] «төлемді күтуде» мәртебесінде
        [active] «жарамды» мәртебесінде
        [suspended] «тоқтатыла тұрды» мәртебесінде
        [revoked] «кері қайтарып алынды» мәртебесінде
        [returned] «қайтарылды» мәртебесінде
        [lapsed] «күшін жойды» мәртебесінде
        [expired] «мерзімі бітті» мәртебесінде
        [issued] «берілді» мәртебесінде
        [extended] «ұзартылды» мәртебесінде
        [extension-filed] ұзартуға өтініш берілген күйде
        [filed] «қаралуда» мәртебесінде
        [accepted] «қабылданды» мәртебесінде
        [reduced] «қысқартылды» мәртебесінде
        [rejected] «қабылданбады» мәртебесінде
        [held] «резервте» мәртебесінде
        [confirmed] «пайдаланылды» мәртебесінде
        [released] «босатылды» мәртебесінде
        [pending] «шешім күтуде» мәртебесінде
        [approved] «мақұлданды» мәртебесінде
        [paid] «төленді» мәртебесінде
        [reconsidered] «әкімдік қанағаттандырды» мәртебесінде
        [forwarded] «шағымды қарайтын органға жіберілді» мәртебесінде
        [satisfied] «қанағаттандырылды» мәртебесінде
        [partly_satisfied] «ішінара қанағаттандырылды» мәртебесінде
       *[other] қазіргі мәртебесінде
    }, сондықтан { $event ->
        [approve] оны мақұлдау
        [refuse] одан бас тарту
        [withdraw] оны кері алу
        [pay] ол бойынша алым төлеу
        [lapse] оны күшін жойды деп тану
        [suspend] оның қолданылуын тоқтата тұру
        [resume] оның қолданылуын қайта жаңарту
        [revoke] оны кері қайтарып алу
        [return] оны қайтару
        [extend] оны ұзарту
        [trip] ол бойынша іссапарға жіберу
        [depart] ол бойынша қызметкердің кетуін тіркеу
        [report-replacement] ол бойынша шетелдіктерді алмастыру туралы есеп беру
        [reissue] оны басқа шетелдікке қайта ресімдеу
        [end-with-parent] оны ұзартылатын рұқсатпен бірге тоқтату
        [restore-with-parent] оны ұзартылатын рұқсатпен бірге қалпына келтіру
        [issue] оны беру
        [apply-extension] оны ұзартуға өтініш беру
        [refuse-extension] оны ұзартудан бас тарту
        [accept] оны қабылдау
        [reduce] оны қысқарту
        [reject] оны қабылдамау
        [confirm] оны растау
        [release] оны босату
        [reconsider] оны әкімдіктің өзі қанағаттандыруы
        [forward] оны шағымды қарайтын органға жіберу
        [satisfy] оны қанағаттандыру
        [satisfy-partly] оны ішінара қанағаттандыру
        [annul] оны шағым бойынша бұрынғы күйіне қайтару
       *[other] оны бұлай өзгерту
    } мүмкін емес
conflict-extension-parent-not-active =
    ұзартуды { $event ->
        [approve] мақұлдау
        [refuse] қабылдамау
        [pay] төлеу
       *[other] қарау
    } мүмкін емес: ұзартылатын { $parent } рұқсат { $state ->
        [suspended] тоқтатыла тұрды; бұл оның қолданылуы қайта жаңартылғаннан кейін мүмкін болады
        [revoked] кері қайтарып алынды
        [returned] жұмыс берушімен қайтарылды
        [lapsed] күшін жойды
        [expired] мерзімі бітті
        [refused] берілмеді
        [withdrawn] кері алынды
       *[other] қолданыста емес
    }
ground-parent-ended =
    ұзартылатын рұқсатпен бірге тоқтатылды: ол { $state ->
        [revoked] кері қайтарып алынды
        [returned] жұмыс берушімен қайтарылды
        [lapsed] күшін жойды
        [expired] мерзімі бітті
        [reissued] оның қызметкерлерінің орнына басқа шетелдіктерге қайта ресімделді
       *[other] тоқтатылды
    }

# Норма бұзушылықтары (код = кілт)
category-split-exceeds-quota = санаттар бойынша сомасы { $sum }, бұл { $year } жылға рұқсаттар квотасынан ({ $total }) көп
quota-below-distributed = { $category } санатын { $total } дейін азайтуға болмайды: { $distributed } өңірлерге бөлініп қойған
quota-not-set = { $year } жылғы ұлттық квотада әзірге { $category } санаты жоқ
quota-out-of-range =
    { $component ->
        [permits] рұқсаттарға квота
        [labour-immigrants] еңбек иммигранттарының квотасы
       *[other] квота
    } рұқсат етілген ауқымнан тыс
country-not-treaty-partner = { $country } елінің Қазақстанмен еңбек көші-қоны туралы ратификацияланған шарты жоқ
country-quota-for-eaeu-member = { $country } — Еуразиялық экономикалық одақтың мүшесі: оның азаматтары рұқсатсыз жұмыс істейді, сондықтан оған шыққан елі бойынша квота болмайды
quota-below-used = { $country } квотасын { $number } дейін азайтуға болмайды: { $taken } резервте немесе пайдаланылған
unknown-country = { $country } кодты ел анықтамалықта жоқ
allocation-below-used = { $region }: { $year } жылғы { $category } санатындағы квотаны { $number } дейін азайтуға болмайды: { $taken } резервте немесе пайдаланылған
national-quota-exceeded = { $region } { $year } жылға { $category } санаты бойынша тағы { $increase } алар еді, бірақ бөлінбегені тек { $reserve }
transfer-to-itself = қайта бөлудің екі түрлі шеті болуы керек
transfer-exceeds-unused = { $source }: { $year } жылға { $category } санатының пайдаланылмаған { $available } бірлігі бар, бұл { $units } кем
quota-exhausted = { $region }: { $year } жылға { $category } санатының { $allocated } бірлігінен { $left } қалды; { $wanted } сұралды
country-quota-exhausted = { $country } азаматтарына арналған { $year } жылғы квотада { $left } бірлік қалды; { $wanted } сұралды
reduction-invalid = азайту үшін сұралған { $requested } санынан кіші сан және себеп қажет
reason-required = бас тарту үшін себеп қажет
profession-not-seasonal = { $profession } кәсібі министрліктің маусымдық кәсіптер тізбесінде жоқ
demand-filing-closed = { $year } жылға өтінімдер { $opens } бастап { $closes } дейін беріледі; бүгін { $today }
statutory-limit-exceeded = { $field } мәні { $value }; заң ең көбі { $limit } рұқсат етеді
statutory-minimum-not-met = { $field } мәні { $value }; заң кемінде { $minimum } береді
statutory-rule-fixed = { $field } { $required } болуы керек: мұны заң белгілейді
name-blank = { $field }: аты бос немесе тек бос орындардан тұрады
name-too-long = { $field }: аты { $max } таңбадан ұзын
name-invisible-character = { $field }: атында көрінбейтін { $char } таңбасы бар (басқару таңбасы, нөлдік ені бар немесе мәтін бағытының таңбасы)
name-separator = { $field }: дефис не апостроф екі әріптің арасында тұруы керек
name-not-latin = { $field }: { $char } A-Z латын әрпі емес; аты паспорттағыдай латын әрпімен жазылады{ $cyrillic ->
        [none] {""}
       *[other] {"; кирилл әрпімен жазылуы мына өріске жазылады: "}{ $cyrillic }
    }
name-not-cyrillic = { $field }: { $char } кирилл әрпі емес (қазақ әріптері ә ғ қ ң ө ұ ү һ і қоса алғанда)
passport-number-character = { $field }: паспорт нөмірінде { $char } болмайды, онда тек A-Z әріптері мен 0-9 цифрлары болады (бос орындар мен < толтырғыштары алынып тасталады)
passport-number-length = { $field }: паспорт нөмірінде { $min }-{ $max } әріп пен цифр болады, мұнда { $length }
mrz-shape = { $field }: машинамен оқылатын аймақ A-Z, 0-9 және < таңбаларынан тұратын 44 таңбалы екі жол; { $line }-жол олай емес
mrz-not-passport = { $field }: паспорттың машинамен оқылатын аймағының бірінші жолы P әрпінен басталады
mrz-date = { $field }: машинамен оқылатын аймақтағы { $item ->
        [birth-date] туған күні
       *[expiry] жарамдылық мерзімінің аяқталу күні
    } күн емес
mrz-check-digit = { $field }: машинамен оқылатын аймақтағы { $item ->
        [document-number] құжат нөмірінің
        [birth-date] туған күнінің
        [expiry] жарамдылық мерзімі аяқталатын күннің
        [personal-number] жеке нөмірдің
       *[composite] тұтас екінші жолдың
    } бақылау цифры сәйкес келмейді
mrz-mismatch = { $field }: машинамен оқылатын аймақтағы { $item ->
        [document-number] құжат нөмірі
        [nationality] азаматтығы
        [birth-date] туған күні
        [sex] жынысы
       *[expiry] жарамдылық мерзімі аяқталатын күн
    } жіберілгенмен сәйкес келмейді
birth-date-not-past = { $field }: туған күні { $birth } бүгіннен, { $today }, бұрын емес
worker-below-working-age = { $field }: { $birth } туған қызметкер рұқсаттың бірінші күні, { $start }, { $age } жаста; еңбек шарты { $minimum } жастан жасалады ({ $source })
experience-beyond-working-years = { $field }: еңбек өтілі { $years } жыл, бірақ { $minimum } жастан бері тек { $possible } жыл өтті
passport-expiry-before-birth = { $field }: паспорттың мерзімі { $expiry } күні, оның иесі туған { $birth } күнінен бұрын бітеді
worker-named-twice = { $field }: { $worker } сұрауда екі рет көрсетілген
ict-fee-not-allowed = { $field } true болуы керек: корпоративішілік ауыстыру үшін алым алынбайды
title-request-timeout = Сұрауды күту уақыты өтті
title-header-too-large = Сұраудың HTTP тақырыбы тым үлкен
detail-request-timeout = сұрау денесі уақытында келмеді
detail-header-too-large = сұрау тақырыбы { $limit } байттан үлкен
unauthorized-subject-too-long = токен субъектісі { $max } байттан ұзын
unauthorized-subject-control = токен субъектісінде басқару таңбалары бар
unauthorized-no-region = region мәлімдемесі: { $region } өңірі жоқ
malformed-query-nul = { $field } сұрау параметрінде U+0000 (NUL) болмауы керек
conflict-quota-ledger-mismatch = { $year } жылғы квота журналы оның көрсеткіштерін түсіндірмейді ({ $row }); министрліктің журнал тексерісі сәтті өткенше өзгерістерге тыйым салынады
malformed-query-empty = { $field } сұрау параметрі бос: мән беріңіз немесе оны жібермеңіз

# Route finder (Art. 32(2)-(3), 2(3), 33(1), 34, 35)
route-eaeu-applies = Еуразиялық экономикалық одаққа мүше мемлекет { $country } азаматы: Қазақстан ратификациялаған ЕАЭО туралы шарттың заңнан басымдығы бар, сондықтан рұқсат та, квота да қажет емес
route-eaeu-not-member = { $country } Еуразиялық экономикалық одаққа мүше мемлекет емес
route-resident-applies = Қазақстанда тұрақты тұратын шетелдікке рұқсат та, квота да қажет емес
route-resident-not = шетелдік Қазақстанда тұрақты тұрмайды
route-list-applies = Үкіметтің рұқсат талап етілмейтін адамдар тізбесіндегі адам: { $category }
route-list-not = шетелдік Үкіметтің рұқсат талап етілмейтін адамдар тізбесінің ешбір санатына кірмейді
route-education-applies = дербес білім беру ұйымында, оның ұйымдарында немесе «Назарбаев Қорында» жоғары білімі бар басшы немесе маман
route-education-needs-higher = дербес білім беру ұйымдарында және «Назарбаев Қорында» жоғары білім басшыларға да, мамандарға да талап етіледі, ал қызметкерде ол жоқ
route-education-position = дербес білім беру ұйымдарында және «Назарбаев Қорында» жоғары білімі бар басшылар мен мамандар ғана босатылады, білікті жұмысшылар босатылмайды
route-state-body-applies = Үкімет белгілеген тәртіппен расталған құжаттары бар, мемлекеттік органдағы жұмыс
route-investment-applies = инвестициялық басым жобаны іске асыруға арналған инвестициялық келісімшарт жасасқан ұйымдағы немесе оның мердігеріндегі басшы, жоғары білімі бар маман немесе келісімшарт тізбесіндегі білікті жұмысшы
route-investment-needs-higher = инвестициялық басым жобаның маманы жоғары білімі болғанда ғана босатылады
route-contractor-expired = мердігердің шетелдік қызметкерлері объект пайдалануға берілгеннен ({ $commissioned }) кейін бір жыл өткенге дейін ғана босатылады, ал жұмыс { $start } басталады
route-sez-applies = комиссия айқындаған санаттар тізбесі мен саны бойынша, жобасының құны бір миллион АЕК-тен жоғары арнайы экономикалық аймақ қатысушысындағы немесе құрылыс кезеңінде оның мердігеріндегі жұмыс
route-sez-value-too-low = жобаның құны { $value } АЕК; босату үшін { $min } АЕК-тен жоғары болуы керек
route-hub-applies = «Астана Хаб» халықаралық технологиялық паркіндегі немесе оның қатысушысындағы басшы не жоғары білімі бар маман
route-hub-needs-higher = «Астана Хабтағы» маман жоғары білімі болғанда ғана босатылады (басшыларға ол талап етілмейді)
route-hub-position = «Астана Хабта» басшылар мен жоғары білімі бар мамандар ғана босатылады, білікті жұмысшылар босатылмайды
route-first-head-applies = шетелдік заңды тұлға филиалының немесе өкілдігінің бірінші басшысы
route-first-head-not = филиалдың немесе өкілдіктің бірінші басшысы ғана босатылады, оның басқа қызметкерлері босатылмайды
route-employer-not-listed = жұмыс беруші шетелдік қызметкерлеріне квота мен рұқсат туралы нормалар қолданылмайтын жұмыс берушілердің ешқайсысына жатпайды
route-self-employment-applies = шетелдік басым саладағы сұранысқа ие { $profession } кәсібі бойынша өз бетінше жұмысқа орналасуға келеді
route-self-employment-not-in-demand = { $profession } кәсібі { $date } күні қолданыстағы сұранысқа ие кәсіптер тізбесінде жоқ
route-self-employment-no-profession = өз бетінше жұмысқа орналасу үшін кәсіп көрсетілмеген
route-self-employment-employer = қызметкерді жұмыс беруші тартады; анықтама өз бетінше жұмысқа орналасуға келетін шетелдіктерге арналған
route-ict-applies = ДСҰ мүшесі болып табылатын елдегі ({ $country }) ұйымнан оның Қазақстандағы филиалына, еншілес ұйымына немесе өкілдігіне басшы, менеджер немесе маман ретінде корпоративішілік ауыстыру: жыл сайынғы квотадан тыс және алымсыз
route-ict-not-transfer = тарту шетелдік компаниялар тобы ішіндегі ауыстыру емес
route-ict-sender-not-wto = жіберуші ұйымның елі { $country } { $date } күні ДСҰ мүшесі емес
route-ict-employer = ауыстырылған қызметкерді Қазақстандағы филиал, еншілес ұйым немесе өкілдік қана қабылдай алады
route-ict-position = топ ішінде басшыларды, менеджерлерді және мамандарды ғана ауыстыруға болады, білікті жұмысшыларды ауыстыруға болмайды
route-quota-applies = жұмыс берушіге өңір квотасы шегінде рұқсат қажет, санаты { $category }
route-quota-no-employer = рұқсаттар жұмыс берушілерге беріледі, ал шетелдікті ешбір жұмыс беруші тартпайды
route-none = бірде-бір жол сәйкес келмейді
route-next-eaeu = еңбек шартын жасасыңыз; рұқсат қажет емес. ЕАЭО мемлекетінің азаматтығын растайтын төлқұжаттың көшірмесін сақтаңыз
route-next-exempt = еңбек шартын жасасыңыз; рұқсат та, квота да қажет емес. 32-баптың 2-тармағының { $subparagraph }) тармақшасындағы негізді растайтын құжаттарды сақтаңыз
route-next-state-body = қызметкердің құжаттарын Үкімет белгілеген тәртіппен растаңыз, содан кейін еңбек шартын жасасыңыз; рұқсат қажет емес
route-next-investment = лауазымның инвестициялық келісімшарттың тізбесі мен санында бар екенін тексеріңіз; сонда рұқсат қажет емес
route-next-sez = лауазымды комиссия айқындаған санаттар мен санмен салыстырыңыз; сонда рұқсат қажет емес
route-next-self-employment = өз бетінше жұмысқа орналасу үшін біліктілік сәйкестігі туралы анықтамаға Қазақстанның шет елдегі мекемесі арқылы немесе Қазақстанда болсаңыз тікелей әкімдікке өтініш беріңіз; анықтама үш айға дейін жарамды, ал жұмысқа орналасқаннан кейін иесі берілген күннен бастап үш ай ішінде оны еңбек шартының мерзіміне, бірақ үш жылдан аспайтын мерзімге ұзартуға өтініш береді
route-next-ict = филиал, еншілес ұйым немесе өкілдік әкімдікке корпоративішілік ауыстыруға рұқсат алуға өтініш береді (үш жылға дейін, бір жылға дейін бір рет ұзарту, алымсыз және квотасыз) және қызметкер Қазақстанға кіргеннен кейін күнтізбелік он күн ішінде жергілікті органды хабардар етеді
route-next-quota = жұмыс беруші өңір әкімдігіне квота шегінде рұқсат алуға өтініш береді, санаты { $category }, және мақұлданғаннан кейін алым төлейді
route-next-none = шетелдікке рұқсат алатын жұмыс беруші немесе сұранысқа ие кәсіптер тізбесіндегі кәсіп қажет

# Self-employment certificates (Art. 34, 28(2)(10))
conflict-certificate-changed = өз бетінше жұмысқа орналасу туралы { $id } анықтама бір мезгілде өзгерді; оны қайта оқыңыз
profession-not-in-demand = { $occupation } кәсібі { $date } күні қолданыстағы басым салалардағы сұранысқа ие кәсіптер тізбесінде жоқ
qualification-education-below = { $profession } кәсібіне жоғары білім талап етіледі
qualification-experience-below = { $profession } кәсібіне { $required } жыл жұмыс тәжірибесі талап етіледі; өтініш берушіде { $years }
certificate-term-too-long = анықтама ең көбі { $max } айға беріледі; { $months } сұралды
extension-window-closed = анықтама { $issued } берілген: ұзартуға өтінішті { $deadline } дейін беру керек еді, { $applied } емес
extension-beyond-three-years = { $start } бастап { $end } дейінгі еңбек шарты { $max } айдан асады; анықтама ешқашан үш жылдан астам мерзімге ұзартылмайды
certificate-holder-not-employed = { $issued } бастап { $until } дейін жарамды анықтама оның иесі жұмысқа орналасқаннан кейін ұзартылады: еңбек шарты анықтаманың қолданылу кезеңінде басталуы керек не жұмыс беруші иесін сол кезеңде жұмысқа қабылдағаны туралы хабарлауы керек, әрі шарт { $until } кейін басталмауы керек (ол { $start } басталады)
contract-ends-before-start = еңбек шарты басталмай тұрып аяқталады
certificate-not-issued = өз бетінше жұмысқа орналасу туралы { $id } анықтама берілмеген, сондықтан жұмысқа алатын иесі жоқ
employment-end-without-hire = еңбек қатынастарының тоқтатылуы туралы жұмысқа алу туралы хабарламадан кейін хабарлайды; бұл жұмыс беруші { $id } анықтама бойынша жұмысқа алу туралы хабарламаған

# Permits (Art. 33): checks of an application (code = key), stored and rendered when read
quota-available = { $region }: { $year } жылға { $category } санаты бойынша { $left } квота бірлігі қалды; { $wanted } қажет
country-quota-available = { $country } азаматтарына арналған { $year } жылғы квотада { $left } бірлік қалды; { $wanted } қажет
kazakh-share = { $categories } санаттары: осы рұқсатпен { $kazakh } қазақстандық қызметкерге { $foreign } шетелдік қызметкер келеді, оның { $permitted } — жұмыс берушінің басқа қолданыстағы рұқсаттары мен корпоративішілік ауыстыру рұқсаттары бойынша; қазақстандықтар кемінде { $min } % болуы тиіс
kazakh-share-exempt = { $employees } қызметкері бар (ең көбі { $max }) шетелдік заңды тұлғаның филиалы немесе өкілдігі қазақстандық кадрлар үлесін сақтамайды
kazakh-share-small-business = { $employees } қызметкері бар (ең көбі { $max }) шағын кәсіпкерлік субъектісі қазақстандық кадрлар үлесін сақтамайды
kazakh-share-not-applicable = { $category } санаты қазақстандық кадрлар үлесінің ешбір арақатынасына кірмейді
employer-profile-required = жұмыс берушінің { $date } күні қолданыстағы профилі жоқ: үлесті тексеру үшін оның штаты қажет
qualification-data = { $worker }: { $occupation } кәсібі, { $years } жыл өтілі; білімі, ҰКЖ бойынша кәсіп коды және біліктілік анықтамалығына сілтеме қажет
term-allowed =
    { $category } санаты үшін { $length } { $unit ->
        [days] күн
        [months] ай
       *[other] бірлік
    } мерзімге жол берілмейді
labour-market-test = бос орын өтінішке дейін { $days } күн бұрын Еңбек биржасында жарияланған; кемінде { $min } күн және оның коды қажет
employer-barred = шетелдік жұмыс күшін заңсыз тартқаны үшін рұқсаттың кері қайтарылуы жұмыс берушіге { $until } дейін жаңа рұқсат бермейді
replacement-commitment = 4-санат бойынша жұмыс беруші шетелдіктерді { $min }–{ $max } ай ішінде Қазақстан азаматтарымен алмастыруға міндеттенеді
worker-on-live-permit = { $holder ->
    [own] { $worker } осы жұмыс берушінің қолданыстағы { $permit } рұқсатында көрсетілген
   *[other] { $worker } басқа жұмыс берушінің қолданыстағы рұқсатында көрсетілген{ $permit ->
        [hidden] {""}
       *[other] {" ("}{ $permit }{")"}
    }
}
worker-on-pending-application = { $holder ->
    [own] { $worker } осы жұмыс берушінің әлі шешілмеген { $permit } өтінішінде де көрсетілген: бірінші мақұлдау күшінде болады
   *[other] { $worker } басқа жұмыс берушінің әлі шешілмеген өтінішінде де көрсетілген{ $permit ->
        [hidden] {""}
       *[other] {" ("}{ $permit }{")"}
    }: бірінші мақұлдау күшінде болады
}
reissue-not-allowed = қолданыстағы ережелер жинағы рұқсатты басқа шетелдікке қайта ресімдеуге жол бермейді
reissue-occupation-differs = жаңа қызметкердің кәсібі { $newcomer } ауыстырылатын қызметкердің кәсібіне ({ $occupation }) сәйкес келмейді
reissue-needs-no-permit = жаңа қызметкер — ЕАЭО мүше мемлекеті { $country } азаматы, оған рұқсат қажет емес
reissue-country-quota = жаңа қызметкер, { $country } азаматы, рұқсат бірліктері ұсталған квотадан ({ $held }) өзге квотаны жұмсар еді
replacement-obligation-met = алмастыру мерзімі өтіп, алмастыру туралы хабарланбаған бұрынғы 4-санат рұқсаттары: { $count } ({ $permits })
replacement-report-short = есепте бүгінге дейін жұмысқа алынған { $hired } Қазақстан азаматы көрсетілген; рұқсатта алмастырылатын { $foreign } шетелдік қызметкер болған
replacement-not-category-4 = алмастыру міндеттемесі тек 4-санат рұқсатында болады; бұл рұқсат { $category } санатты
country-quota-mixed = { $country } азаматтары өз елінің квотасын пайдаланады, сондықтан оларға { $countries } азаматтықтағы қызметкерлермен бірге емес, жеке рұқсат сұралады
passport-expires = { $worker } паспортының мерзімі { $expiry } күні, рұқсат аяқталатын { $end } күнінен бұрын бітеді
quota-available-pass = { $region }: { $year } жылға { $category } санаты бойынша { $left } квота бірлігі қалды, бұл қажетті { $wanted } бірлікке жеткілікті
country-quota-available-pass = { $country } азаматтарына арналған { $year } жылғы квотада { $left } бірлік қалды, бұл қажетті { $wanted } бірлікке жеткілікті
country-quota-mixed-pass = шығу елі бойынша квотасы бар елдің азаматтары басқа азаматтықтағы қызметкерлермен бір рұқсатқа біріктірілмеген
kazakh-share-pass = { $categories } санаттары: осы рұқсатпен { $kazakh } қазақстандық қызметкерге { $foreign } шетелдік қызметкер келеді, оның { $permitted } — жұмыс берушінің басқа қолданыстағы рұқсаттары мен корпоративішілік ауыстыру рұқсаттары бойынша, — қазақстандықтардың кемінде { $min } % үлесі сақталған
kazakh-share-exempt-pass = { $employees } қызметкері бар (ең көбі { $max }) шетелдік заңды тұлғаның филиалы немесе өкілдігі қазақстандық кадрлар үлесін сақтаудан босатылған
kazakh-share-small-business-pass = { $employees } қызметкері бар (ең көбі { $max }) шағын кәсіпкерлік субъектісі қазақстандық кадрлар үлесін сақтаудан босатылған
kazakh-share-not-applicable-pass = { $category } санаты қазақстандық кадрлар үлесінің ешбір арақатынасына кірмейді, сондықтан үлес талап етілмейді
qualification-data-pass = { $worker }: { $occupation } кәсібі, { $years } жыл өтілі; білімі, ҰКЖ бойынша кәсіп коды және біліктілік анықтамалығына сілтеме көрсетілген
term-allowed-pass =
    { $category } санаты үшін { $length } { $unit ->
        [days] күн
        [months] ай
       *[other] бірлік
    } мерзімге жол беріледі
labour-market-test-pass = еңбек нарығын тексеру өтті немесе әлі қолданылмайды (бос орын өз кодымен Электрондық еңбек биржасында өтінішке дейін кемінде { $min } күн бұрын жарияланған)
employer-barred-pass = жұмыс берушінің шетелдік жұмыс күшін заңсыз тартқаны үшін жаңа рұқсат беруге кедергі болатын кері қайтарылған рұқсаты жоқ
replacement-commitment-pass = 4-санат бойынша шетелдіктерді { $min }–{ $max } ай ішінде Қазақстан азаматтарымен алмастыру міндеттемесі берілген немесе бұл санатқа талап етілмейді
replacement-obligation-met-pass = жұмыс берушіде алмастыру мерзімі өтіп, алмастыру туралы хабарланбаған бұрынғы 4-санат рұқсаттары жоқ
worker-on-live-permit-pass = { $worker } басқа ешбір қолданыстағы рұқсатта көрсетілмеген
worker-on-pending-application-pass = { $worker } шешім күтетін басқа ешбір өтініште көрсетілмеген
passport-expires-pass = { $worker } паспорты { $expiry } дейін жарамды, бұл рұқсат аяқталатын { $end } күнінен ерте емес
worker-needs-no-permit = { $worker } — ЕАЭО мүше мемлекеті { $country } азаматы, оған рұқсат қажет емес: бұл қызметкер бойынша бас тартылды, квота жұмсалмайды
worker-exempt =
    { $worker } үшін рұқсат қажет емес және квота алынбайды: { $subparagraph ->
        [1] { route-education-applies }
        [2] { route-state-body-applies }
        [3] { route-investment-applies }
        [7] { route-sez-applies }
        [9] { route-resident-applies }
        [10] { route-first-head-applies }
        [11] { route-list-applies }
        [12] { route-hub-applies }
       *[other] 32-баптың 2-тармағы бойынша босату
    }
no-permit-list-category-unknown = { $category } — { $date } күні қолданыстағы Үкіметтің рұқсат талап етілмейтін адамдар тізбесінің санаты емес
worker-route-other =
    { $worker } үшін өзге тәртіп көзделген ({ $route ->
        [eaeu_citizen] ЕАЭО азаматы ретінде рұқсатсыз жұмыс
        [exempt] рұқсат пен квотадан босату
        [self_employment_certificate] өз бетінше жұмысқа орналасу туралы анықтама
        [ict_permit] корпоративішілік ауыстыруға рұқсат
        [quota_permit] квота шегіндегі рұқсат
        [none] ешбір тәртіп сәйкес келмейді
       *[other] өзге тәртіп
    }): осы рұқсат бойынша бас тартылды, квота жұмсалмайды
no-worker-needs-permit = рұқсаттың бірде-бір қызметкеріне квота шегінде рұқсат қажет емес
rule-set-incomplete = қолданыстағы ережелер жинағында { $sector } секциясындағы { $category } санатына «{ $section }» бөлімі жоқ: бұл рұқсаттың алымын есептеу үшін министрлік оны толықтыруы керек
fee-underpaid = өңір бюджетіне ({ $region }) { $paid } төленді; төлем күнгі АЕК ({ $mrp }) бойынша алым { $due }
trip-region-in-permit = { $region } рұқсатта көрсетілген: рұқсат онда өздігінен жарамды, іссапар қажет емес
trip-outside-validity = { $from } – { $to } іссапары рұқсаттың { $start } – { $end } қолданылу мерзімінен тыс
trip-days-exceeded = { $year } жылы қызметкердің іссапар күндері { $used }; тағы { $wanted } күн { $max } шегінен асады
trip-ends-before-start = іссапар { $to } аяқталады, ол басталатын күннен ({ $from }) бұрын
unknown-ground = { $ground } министрліктің негіздер тізбесінде жоқ
grounds-required = бас тарту министрлік тізбесіндегі кемінде бір негізді көрсетеді
rule-set-lists-no-grounds = қолданыстағы ережелер жинағында { $decision ->
    [certificate] өз бетінше жұмысқа орналасу анықтамасынан
    [ict] корпоративішілік ауыстыру рұқсатынан
   *[ict_extension] корпоративішілік ауыстыру рұқсатын ұзартудан
} бас тарту негіздері жоқ (ол мұндай негіздер тізбеленгенге дейін жарияланған): министрлік оларды қамтитын ережелер жинағының нұсқасын жарияламайынша бас тартуға болмайды
complaint-no-such-act = рұқсатта шағым жасалатын { $act ->
        [refusal] бас тарту
        [suspension] тоқтата тұру
        [revocation] кері қайтарып алу
        [certificate_refusal] анықтама беруден бас тарту
        [ict_refusal] ШКА рұқсатын беруден бас тарту
       *[missed_deadline] өткізіп алынған шешім мерзімі (мерзімі { $due })
    } жоқ
complaint-relief-mismatch = { $act ->
        [refusal] бас тартуға
        [suspension] тоқтата тұруға
        [revocation] кері қайтарып алуға
        [certificate_refusal] анықтама беруден бас тартуға
        [ict_refusal] ШКА рұқсатын беруден бас тартуға
       *[missed_deadline] мерзімді өткізіп алуға
    } шағым { $relief ->
        [annul] актінің күшін жоюды
       *[take_decision] шешім қабылдауды
    } талап ете алмайды
complaint-term-restoration-required = шағым мерзімі өткізіліп берілген: шешімде мерзімнің қалпына келтірілгені көрсетілуі керек
complaint-term-not-restored = мерзімі қалпына келтірілмеген кешіктірілген шағым қанағаттандырылмайды
complaint-reconsideration-term-passed = әкімдіктің шағымды өзі қанағаттандыру мерзімі { $due } аяқталды: шағым оны қарайтын органға жіберілуі керек
complaint-reasons-required = шағымнан бас тарту немесе оны ішінара қанағаттандыру уәжді болуы керек
ground-unpaid-fee = алым соңғы өңір мақұлдағаннан кейінгі төлеу мерзімінде аталған әрбір өңірдің бюджетіне төленбеді
ground-returned = рұқсатты жұмыс беруші қайтарды
ground-listed = { $name }
foreign-division-mismatch =
    { $bin } — { $kind ->
        [head_office] заңды тұлға
        [branch] филиал
        [representative_office] өкілдік
        [peasant_farm] шаруа қожалығы
        [individual_entrepreneur] жеке кәсіпкер
       *[other] жұмыс берушінің өзге түрі
    }: шетелдік заңды тұлғаның бөлімшесі тек филиал немесе өкілдік бола алады
extension-not-allowed = { $category } санатындағы рұқсаттар ұзартылмайды
extension-limit-reached = { $category } санатындағы рұқсат ең көбі { $max } рет ұзартылады
extension-window = { $end } күні бітетін рұқсатты ұзарту { $opens } бастап { $closes } дейін сұралады; бүгін { $today }
payment-date-invalid = { $date } төлем күні шешімнен ({ $decided }) бұрын немесе бүгіннен ({ $today }) кейін
start-date-past = рұқсат бүгіннен ({ $today }) бұрын, { $start } күні басталмайды
departure-date-future = { $date } күнгі шығуды ол болғанға дейін тіркеуге болмайды (бүгін { $today })
departure-not-owed = шығу талап етілмейді: рұқсаттың мерзімі { $start } басталатын еді, ал бұл қызметкер үшін ол { $ended } тоқтады, сондықтан қызметкер ол бойынша келген жоқ
region-not-in-permit = { $region } рұқсатта көрсетілмеген
unknown-sector = { $sector } ЭҚЖЖ секциясы емес
not-found-permit = { $id } рұқсаты жоқ
not-found-employer-profile = { $bin } жұмыс берушісінің профилі жоқ
not-found-worker = бұл рұқсатта { $id } қызметкері жоқ
conflict-permit-changed = { $id } рұқсаты қатар өзгертілді; оны қайта оқыңыз
conflict-complaint-changed = { $id } шағымы сұраныспен бір мезгілде өзгерді; оны қайта оқыңыз
conflict-complaint-not-awaiting-quota = { $id } шағымы квотаны күтпейді: қалпына келтіретін рұқсат жоқ
conflict-complaint-exists = { $id } рұқсаты бойынша шағым қаралуда
conflict-profile-changed = { $bin } профилі { $date } күнге қатар өзгертілді; оны қайта оқыңыз
conflict-departure-recorded = { $id } қызметкерінің кетуі тіркеліп қойған
conflict-replacement-reported = { $id } рұқсаты бойынша алмастыру хабарланып қойған

# Intra-corporate transfers (Art. 35, 1(25), 28(2)(8))
conflict-ict-changed = корпоративішілік ауыстыруға { $id } рұқсат бір мезгілде өзгерді; оны қайта оқыңыз
conflict-webhook-cursor = бұл оқиғаларды басқа өңдегіш кезекке қойып қойды; олар екі рет қойылмайды
conflict-ict-permit-not-ended = корпоративішілік ауыстыруға { $id } рұқсат { $until } дейін қолданылады; шығу оның қолданылуы аяқталғаннан кейін белгіленеді
conflict-ict-departure-recorded = { $worker } қызметкердің шығып кеткені бұрын белгіленген
ict-employer-form =
    «{ $kind ->
        [head_office] заңды тұлға
        [branch] филиал
        [representative_office] өкілдік
        [peasant_farm] шаруа қожалығы
        [individual_entrepreneur] жеке кәсіпкер
       *[other] жұмыс берушінің өзге түрі
    }» түріндегі БСН ауыстыруды «{ $form ->
        [branch] филиал
        [subsidiary] еншілес ұйым
        [representative_office] өкілдік
       *[other] өзге нысан
    }» ретінде қабылдай алмайды: филиал немесе өкілдік өз БСН-імен, еншілес ұйым заңды тұлғаның БСН-імен өтініш береді
ict-sender-not-wto = жіберуші заңды тұлғаның елі, { $country }, { $date } күні Дүниежүзілік сауда ұйымының мүшесі емес
ict-term-too-long = { $start } бастап { $end } дейінгі еңбек шарты { $max } айдан асады; корпоративішілік ауыстыруға рұқсат үш жылдан аспайтын мерзімге беріледі
ict-not-employed-by-sender = { $worker } жіберуші заңды тұлғада жұмыс істемеген; оның өз басшылары, менеджерлері және мамандары ғана ауыстырылады
ict-ratio-exceeded =
    «{ $position ->
        [head] басшы
        [manager] менеджер
        [specialist] маман
       *[other] қызметкер
    }» лауазымындағы { $foreigners } ауыстырылатын қызметкер (оның { $transferred } — жұмыс берушінің басқа қолданыстағы корпоративішілік ауыстыру рұқсаттары бойынша) осы лауазымдағы { $kazakh } қазақстандық кадрға шаққанда { $max } пайыздан асады
ict-worker-route-other =
    { $worker } үшін корпоративішілік ауыстыруға рұқсат емес, басқа тәртіп ({ $route ->
        [eaeu_citizen] ЕАЭО азаматы ретінде рұқсатсыз жұмыс
        [exempt] рұқсат пен квотадан босату
        [self_employment_certificate] өз бетінше жұмысқа орналасу туралы анықтама
        [ict_permit] корпоративішілік ауыстыруға рұқсат
        [quota_permit] квота шегіндегі рұқсат
        [none] ешбір тәртіп сәйкес келмейді
       *[other] өзге тәртіп
    }) қолданылады
ict-contract-ended = еңбек шарты { $end } аяқталды; рұқсат беретін мерзім қалмады
ict-extension-limit = корпоративішілік ауыстыруға рұқсат ең көбі { $max } рет ұзартылады; ол { $extensions } рет ұзартылды
ict-extension-too-long = корпоративішілік ауыстыруға рұқсат ең көбі { $max } айға ұзартылады; { $months } сұралды
ict-permit-not-issued = корпоративішілік ауыстыруға { $id } рұқсат берілмеген
ict-entry-in-future = { $entry } кіру күні әлі келмеген
ict-arrival-sender-mismatch = қызметкерлер келген ел: { $country }; рұқсаттағы жіберуші ел: { $sender }
webhook-url-not-absolute = вебхук мекенжайы хост атауы бар толық URL болуы керек, мысалы https://hr.example.kz/hooks
webhook-url-not-https = вебхук мекенжайы https:// деп басталуы керек
webhook-url-credentials = вебхук мекенжайында пайдаланушы аты немесе құпиясөз болмауы керек
webhook-url-not-public = { $host } интернеттегі жария мекенжай емес: сервис кері байланыс (loopback), жеке желі, арналық жергілікті (169.254.169.254 қоса алғанда) және бірегей жергілікті мекенжайларға жүгінбейді
ict-arrival-term-outside-permit = { $from } – { $to } жұмыс мерзімі корпорацияішілік ауыстыру рұқсатының қолданылу мерзімінен ({ $valid_from } – { $valid_until }) асып кетеді
conflict-ict-extension-pending = корпорацияішілік ауыстыру рұқсаты { $id } бойынша әкімдіктің шешімін күтіп тұрған ұзарту туралы өтініш бар
conflict-ict-extension-not-applied = корпорацияішілік ауыстыру рұқсатын { $id } ұзарту туралы өтініш берілмеген
ict-extension-beyond-application = { $months } айға ұзарту сұралған { $asked } айдан асады
ict-worker-not-on-permit = { $worker } қызметкер корпоративішілік ауыстыруға { $id } рұқсатта жоқ
ict-worker-already-notified = { $worker } қызметкердің келгені туралы бұрын хабарланған
ict-departure-in-future = { $date } шығу күні әлі келмеген

# The electronic permit and its public verification (Art. 33(4)-(5))
not-found-permit-number = мұндай нөмірмен берілген рұқсат жоқ
conflict-permit-not-issued =
    { $id } рұқсаты { $status ->
        [applied] «қаралуда» мәртебесінде
        [refused] «бас тартылды» мәртебесінде
        [withdrawn] «өтініш кері алынды» мәртебесінде
        [awaiting_payment] «төлемді күтуде» мәртебесінде
        [active] «жарамды» мәртебесінде
        [suspended] «тоқтатыла тұрды» мәртебесінде
        [revoked] «кері қайтарып алынды» мәртебесінде
        [returned] «қайтарылды» мәртебесінде
        [lapsed] «күшін жойды» мәртебесінде
        [expired] «мерзімі бітті» мәртебесінде
        [issued] «берілді» мәртебесінде
        [extended] «ұзартылды» мәртебесінде
        [extension-filed] ұзартуға өтініш берілген күйде
        [filed] «қаралуда» мәртебесінде
        [accepted] «қабылданды» мәртебесінде
        [reduced] «қысқартылды» мәртебесінде
        [rejected] «қабылданбады» мәртебесінде
        [held] «резервте» мәртебесінде
        [confirmed] «пайдаланылды» мәртебесінде
        [released] «босатылды» мәртебесінде
        [pending] «шешім күтуде» мәртебесінде
        [approved] «мақұлданды» мәртебесінде
        [paid] «төленді» мәртебесінде
       *[other] қазіргі мәртебесінде
    }: алымдар төленіп, рұқсат берілгенге дейін оның нөмірі мен құжаты жоқ
title-too-many-requests = Сұраулар тым көп
detail-too-many-requests = бұл мекенжайдан сұраулар тым көп; { $seconds } секундтан кейін қайталаңыз
document-title = Шетелдік жұмыс күшін тартуға рұқсат
document-extension = ұзарту
document-number = Нөмірі
document-issued-on = Берілген күні
document-employer = Жұмыс беруші
document-bin = БСН / ЖСН
document-category = Санаты
document-profession = Кәсібі
document-regions = Қолданылу аумағы
document-term = Мерзімі
document-status = { $date } күнгі мәртебесі
document-ended = { $date } күні тоқтатылды, негізі
document-workers = Шетелдік қызметкерлер
document-passport = төлқұжат
document-verify = Тексеру
document-basis = «Халықты жұмыспен қамту туралы» Қазақстан Республикасы Заңының 33-бабы
document-category-1 = 1: басшылар және олардың орынбасарлары
document-category-2 = 2: құрылымдық бөлімшелердің басшылары
document-category-3 = 3: мамандар
document-category-4 = 4: білікті жұмысшылар
document-category-seasonal = маусымдық жұмысшылар
document-status-valid = қолданыста
document-status-active = берілді, мерзімі әлі басталған жоқ
document-status-suspended = тоқтатыла тұрды
document-status-revoked = кері қайтарып алынды
document-status-returned = қайтарылды
document-status-expired = мерзімі өтті
# The officials' console (/console/).
forbidden-dev-sign-in = әзірлеу токенімен кіру мұнда өшірулі
not-found-console-page = консольде мұндай бет жоқ
# Квотаны есептеу қадамдары (32-бап 4)-5)-тармақтар)
calculation-step-permit-quota = рұқсаттар квотасы = ⌊{ $labour_force } × { $percent } / 100⌋ = ⌊{ $exact }⌋ = { $total }
calculation-step-labour-immigrants = еңбек иммигранттары = ⌊{ $labour_force } × { $percent } / 100⌋ = ⌊{ $exact }⌋ = { $total }
calculation-step-category = { $category } санат: { $arithmetic }
calculation-step-category-region = { $category } санат, { $region } ({ $basis }): { $arithmetic }

console-name = Шетелдік жұмыс күші: лауазымды тұлғалар консолі
console-service-rule = сервистің өз ережесі
console-sign-in-title = Кіру
console-sign-in = Кіру
console-sign-in-token = Әзірлеу токені
console-sign-in-token-hint = Оны мына командамен алыңыз
console-sign-in-none = Кіру бапталмаған.
console-sign-out = Шығу
console-home-title = Консоль
console-home-intro = Бетті таңдаңыз.
console-home-employer = Консоль әкімдік лауазымды тұлғалары мен министрлік талдаушыларына арналған; жұмыс берушілер API-ді пайдаланады.
console-verify-title = Рұқсатты тексеру
console-verify-number = Рұқсаттың нөмірі
console-verify-check = Тексеру
console-verify-valid = Бүгін жарамды
console-verify-not-valid = Бүгін жарамсыз
console-verify-regions = Өңірлер
console-verify-checked-on = Тексерілген күні
console-verify-status-not-started = берілді, әлі күшіне енген жоқ
console-verify-unknown = { $number } нөмірімен берілген рұқсат жоқ. Нөмірді рұқсатпен салыстырып, қайта енгізіңіз.
console-error-title = Көрсетілмейді
console-back-home = Консольге оралу
console-csrf-refused = Нысан ескірген немесе осы консольден жіберілмеген; бетті жаңартып, қайталаңыз.
console-role-ministry = Министрлік талдаушысы
console-role-akimat = Әкімдік лауазымды тұлғасы
console-role-employer = Жұмыс беруші
console-role-auditor = Аудитор
console-nav-queue = Өтініштер кезегі
console-nav-overdue = Мерзімі өткендер
console-nav-ict = КІА тізілімі
console-nav-quota = Квота
console-nav-transfers = Қайта бөлулер
console-nav-demand = Қажеттілік
console-nav-rules = Ережелер жинағы
console-queue-title = Өтініштер кезегі
console-queue-intro = Өңіріңіздің шешімін күтіп тұрған өтініштер мен ұзартулар, шешім мерзімі бойынша, мерзімі өткендері алдымен.
console-queue-intro-all = Барлық өңірлерде өңір шешімін күтіп тұрған өтініштер мен ұзартулар, шешім мерзімі бойынша, мерзімі өткендері алдымен.
console-queue-empty = Шешім күтіп тұрған өтініш жоқ.
console-overdue = мерзімі өтті
console-find-search = Істі табу (іс нөмірі, рұқсат нөмірі, БСН, жұмыс беруші, паспорт нөмірі немесе латынша аты-жөні)
console-find-status = Мәртебесі
console-find-awaiting = сіздің шешіміңізді күтуде
console-find-awaiting-all = өңір шешімін күтуде
console-find-any = кез келген
console-find-employer = Жұмыс берушінің БСН
console-find-due-by = Шешім мерзімі осы күнге дейін
console-find-submit = Көрсету
console-find-total = Табылған істер
console-find-next = Келесі бет
console-find-none = Сәйкес іс жоқ.
console-none = Жоқ.
console-all = барлығы
console-col-case = Іс
console-col-kind = Түрі
console-col-employer = Жұмыс беруші
console-col-category = Санат
console-col-filed = Түскен күні
console-col-due = Шешім мерзімі
console-col-status = Мәртебесі
console-col-profession = Кәсіп
console-col-term = Мерзімі
console-col-suspension = Тоқтатылу себебі
console-col-ended = Тоқтатылды
console-col-check = Тексеру
console-col-outcome = Нәтижесі
console-col-article = Бап
console-col-finding = Қорытынды
console-col-region = Өңір
console-col-decision = Шешім
console-col-name = Аты-жөні
console-col-citizenship = Азаматтығы
console-col-passport = Паспорт
console-col-education = Білімі
console-col-departed = Кеткен күні
console-col-when = Қашан
console-col-what = Не
console-col-who = Кім
console-col-issued = Берілген күні
console-col-position = Лауазымы
console-col-sender = Жіберуші тарап
console-col-arrival = Келу туралы хабарлама
console-kind-permit = рұқсат
console-kind-extension = ұзарту
console-status-applied = қаралуда
console-status-refused = бас тартылды
console-status-withdrawn = өтініш кері алынды
console-status-awaiting_payment = төлемді күтуде
console-status-active = жарамды
console-status-suspended = тоқтатыла тұрды
console-status-revoked = кері қайтарылды
console-status-returned = қайтарылды
console-status-lapsed = күшін жойды
console-status-expired = мерзімі бітті
console-outcome-pass = өтті
console-outcome-fail = өтпеді
console-outcome-warning = ескерту
console-decision-pending = күтуде
console-decision-approved = мақұлданды
console-decision-refused = бас тартылды
console-case-title = Іс
console-decision = Өңіріңіз бойынша шешім
console-approve = Мақұлдау
console-refuse = Бас тарту
console-refusal-grounds = Бас тарту негіздері
console-supervision = Қадағалау
console-suspend = Тоқтата тұру
console-suspension-reason = Тоқтата тұру себебі
console-resume = Қайта жаңғырту
console-revoke = Кері қайтарып алу
console-revocation-ground = Кері қайтарып алу негізі
console-note = Ескертпе
console-done-decided = Шешім қабылданды.
console-done-refused = Бас тартылды.
console-done-suspended = Тоқтатыла тұрды.
console-done-resumed = Қайта жаңғыртылды.
console-done-revoked = Кері қайтарып алынды.
console-checks = Автоматты тексерулер
console-quota-left = Өңірдегі квота қалдығы
console-quota-none = Осы жылға квота белгіленбеген.
console-regions-decisions = Өңірлер және шешімдер
console-fees = Алымдар
console-payments = Төлемдер
console-col-fee-rate = Мөлшерлеме
console-col-mrp = АЕК
console-col-amount = Сомасы
console-col-pay-by = Төлеу мерзімі
console-col-paid-on = Төленген күні
console-col-reference = Төлем нөмірі
console-fee-if-paid-today = бүгін төленсе
console-fee-not-due-yet = барлық өңірлер мақұлдағаннан кейін
console-fees-none = Алым әлі жоқ: өңір алымды мақұлдаған кезде есептейді.
console-payments-none = Төлемдер әлі жоқ.
console-workers = Жұмыскерлер
console-history = Тарихы
console-overdue-title = Мерзімі өткен төлемдер мен кетулер
console-overdue-awaiting = Мақұлданды, алым төлемі күтілуде
console-overdue-lapsed = Күшін жойды: алым мерзімінде төленбеді
console-overdue-departures = Болуы тиіс, бірақ тіркелмеген кетулер
console-ict-title = Корпоративішілік ауыстырулар тізілімі
console-ict-missing-title = Келу туралы жоқ хабарламалар
console-ict-register = Тізілім
console-ict-on-time = мерзімінде
console-ict-late = кешіктіріліп
console-ict-missing = жоқ
console-ict-pending = мерзімі әлі келген жоқ
console-quota-title = Жылдың квотасы
console-quota-order = Бұйрық
console-labour-force = жұмыс күші
console-quota-total = Барлығы
console-quota-distributed = Бөлінді
console-quota-reserve = Резерв
console-quota-allocated = Бөлінген
console-quota-held = Күтудегі
console-quota-used = Пайдаланылған
console-quota-available = Қолжетімді
console-quota-regions = Өңірлер
console-quota-by-category = Өңірлер санаттар бойынша
console-quota-cell = Әр ұяшықта: бөлінген / күтудегі / пайдаланылған / қолжетімді.
console-transfers-title = Өңірлер арасындағы қайта бөлулер
console-transfer-from = Қайдан
console-transfer-to = Қайда
console-transfer-units = Бірлік
console-transfer-reason = Негізі
console-reserve = резерв
console-demand-title = Квотаға қажеттілік
console-demand-arithmetic = Жұмыс күші санынан есеп
console-demand-requested = Сұралды
console-demand-supported = Қолдау тапты
console-demand-demands = Өтінімдер
console-demand-awaiting = Қарауды күтуде
console-demand-by-region = Өңірлер мен санаттар бойынша
console-rules-title = Ережелер жинағы
console-rules-current = Бүгін қолданыста
console-rules-version = Нұсқа
console-rules-from = қолданысқа енген күні
console-rules-source = Дереккөз
console-rules-in-english = ағылшынша
console-rules-numbers = Нұсқаның барлық сандары
console-rules-history = Тарихы
unauthorized-oidc =
    сәйкестендіру провайдері арқылы кіру мына қадамда сәтсіз аяқталды: { $step ->
        [http-client] провайдерге қосылу
        [issuer] провайдердің мекенжайы
        [discovery] провайдердің баптауларын оқу
        [redirect-url] кіруден кейінгі қайту мекенжайы
        [state] жауапты осында басталған кірумен салыстыру
        [authorization] провайдердің кіру сұрауына жауабы
        [code] авторизация коды
        [token-endpoint] провайдердің токен қызметі
        [code-exchange] авторизация кодын токендерге айырбастау
        [id-token] сәйкестендіру токенін тексеру
       *[other] аталмаған қадам
    }
unauthorized-session-token-expired = токеннің мерзімі өтіп кеткен: жаңа токенмен қайта кіріңіз
console-skip-to-content = Бет мазмұнына өту
verify-why-not-started = оның қолданылу мерзімі { $from } басталады
verify-why-suspended = оның қолданылуы тоқтатыла тұрды
verify-why-revoked = { $on } кері қайтарып алынды
verify-why-expired = қолданылу мерзімі { $on } аяқталды
verify-why-lapsed = { $on } күшін жойды: алым мерзімінде төленбеді
verify-why-returned = жұмыс беруші оны { $on } қайтарды
verify-why-not-issued = ол берілмеген
console-quota-chart-name = { $year } жылғы квота өңірлер бойынша: пайдаланылғаны, күтудегісі, қолжетімдісі
ground-not-for-category = { $ground } { $category }-санаттағы рұқсат үшін негіз болып табылмайды
ground-not-for-case = { $ground } { $decision ->
    [certificate] өз бетінше жұмысқа орналасу анықтамасынан
    [ict] корпоративішілік ауыстыру рұқсатынан
   *[ict_extension] корпоративішілік ауыстыру рұқсатын ұзартудан
} бас тарту негізі болып табылмайды
console-permit-pdf = Рұқсат құжаты (PDF)
console-choose-ground = — негізді таңдаңыз —
console-col-note = Себебі немесе ескертпе
console-confirm = Растау
console-cancel = Бас тартып, іске оралу
console-confirm-title = Шешімді растау
console-confirm-revoke = Сіз бұл рұқсатты мына негіз бойынша кері қайтарып аласыз: { $ground }.
console-confirm-refuse = Сіз бұл өтінішті мына негіздер бойынша қабылдамайсыз: { $grounds }.
console-effect-quota-back = Өңірге ({ $region }) { $workers } жұмыскерге резервтелген квота ({ $category }, { $year } жыл) { $date } қайтарылады: оны басқа жұмыс берушілердің өтініштері пайдалана алады.
console-effect-bar = { $employer } жұмыс берушіге { $months } ай бойы, { $until } қоса алғанда, жаңа рұқсаттар берілмейді ({ $article }).
console-effect-revoked = Рұқсат бүгін, { $date }, тоқтатылады: оның нөмірін тексерген кез келген адамға ол { $date } кері қайтарып алынғаны айтылады.
console-effect-refused = Өтінішті бүгін, { $date }, онда аталған барлық өңірлерде қабылдамау шешімі шығады; жұмыс берушіге негіздері хабарланады.
console-effect-note = Сіздің ескертпеңіз іс тарихында сақталады: { $note }
console-stale-form = Сіз ашқаннан кейін іс өзгерді: { $what }, { $who }, { $when }. Ештеңе орындалмады; төменде істің қазіргі күйі көрсетілген.
console-stale-form-plain = Сіз ашқаннан кейін іс өзгерді. Ештеңе орындалмады; төменде істің қазіргі күйі көрсетілген.
console-ground-unlisted = Таңдалған негіз министрліктің бас тарту негіздерінің тізбесінде жоқ. Ештеңе орындалмады; төмендегі тізбеден негіз таңдаңыз.
console-request-unread = Сұрау оқылмады. Ештеңе орындалмады; бетке қайта оралып, әрекетті қайталаңыз.
console-effect-no-quota = Ол үшін әлі бірде-бір өңірде квота резервтелмеген: қайтарылатын ештеңе жоқ.
console-sign-in-oidc = Сәйкестендіру провайдері арқылы кіру
console-status-issued = берілді
console-kind-ict_permit = корпоративішілік ауыстыруға рұқсат
statistical-report-period-open = { $year } жылдың { $quarter }-тоқсаны аяқталған жоқ: оның статистикалық деректері { $from } бастап беріледі
conflict-statistical-report-exists = { $year } жылдың { $quarter }-тоқсанының деректері бұрын берілген
replacement-permit-unknown = { $id } рұқсаты осы жұмыс берушінің 4-санаттағы рұқсаты емес
quarter-invalid = тоқсан 1-ден 4-ке дейін болуы керек

# The console's words for values it shows (console/words.rs): checks, history actions,
# positions, the fee's rate, the rule set's sections and keys.
console-fee-rate = { $rate } АЕК × { $workers }
malformed-category = «{ $category }» санаты жоқ: 1, 2, 3, 4 немесе маусымдық жұмыскерлер
malformed-queue-filter = { $field } өрісі бұл беттің нұсқаларының ешқайсысына сәйкес келмейді
console-check-quota-available = Өңір квотасы
console-check-country-quota-available = Шығу елі бойынша квота
console-check-country-quota-mixed = Шығу елі квотасы бар азаматтар бөлек
console-check-kazakh-share = Қазақстандық кадрлардың үлесі
console-check-kazakh-share-exempt = Қазақстандық кадрлардың үлесі: филиал босатылған
console-check-kazakh-share-small-business = Қазақстандық кадрлардың үлесі: шағын кәсіпкерлік
console-check-kazakh-share-not-applicable = Қазақстандық кадрлардың үлесі талап етілмейді
console-check-employer-profile-required = Жұмыс беруші туралы мәліметтер
console-check-qualification-data = Біліктілік
console-check-term-allowed = Рұқсат мерзімі
console-check-labour-market-test = Ішкі нарықта үміткерлерді іздеу
console-check-employer-barred = Кері қайтарып алудан кейінгі тыйым
console-check-replacement-commitment = Алмастыру міндеттемесі
console-check-replacement-obligation-met = Бұрынғы алмастыру міндеттемелері
console-check-worker-on-live-permit = Қызметкер басқа қолданыстағы рұқсатта
console-check-worker-on-pending-application = Қызметкер басқа өтініште
console-check-passport-expires = Төлқұжаттың жарамдылық мерзімі
console-check-worker-needs-no-permit = Рұқсат қажет емес (ЕАЭО)
console-check-worker-exempt = Рұқсаттан босатылған
console-action-permit-applied = өтініш берілді
console-action-permit-approved = өңір келісті
console-action-permit-refused = бас тартылды
console-action-permit-withdrawn = жұмыс беруші өтінішті кері қайтарып алды
console-action-permit-fee-paid = алым төленді
console-action-permit-issued = рұқсат берілді
console-action-permit-lapsed = күшін жойды: алым мерзімінде төленбеді
console-action-permit-suspended = қолданылуы тоқтатыла тұрды
console-action-permit-resumed = қолданылуы қайта жаңартылды
console-action-permit-revoked = кері қайтарып алынды
console-action-permit-returned = жұмыс беруші қайтарды
console-action-permit-annulled = күші жойылды
console-action-permit-reissued = басқа қызметкерге қайта ресімделді
console-action-permit-replacement-reported = алмастыру туралы хабарланды
console-action-permit-trip-reported = іссапар туралы хабарланды
console-action-permit-expiring = мерзімі жақында бітеді: ұзарту мерзімі ашылды
console-action-permit-fee-due = алымды төлеудің соңғы күні
console-action-permit-departure-overdue = қызметкерлердің шығуы кешіктірілді
console-action-ict-permit-expiring = мерзімі жақында бітеді: ұзарту мерзімі ашылды
console-action-ict-permit-departure-overdue = қызметкерлердің шығуы кешіктірілді
console-action-self-employment-certificate-applied = өтініш тіркелді
console-action-self-employment-certificate-issued = анықтама берілді
console-action-self-employment-certificate-refused = бас тартылды
console-action-self-employment-certificate-extended = еңбек шартының мерзіміне ұзартылды
console-action-self-employment-certificate-employment-reported = жұмыс беруші жұмысқа орналасу туралы хабарлады
console-action-self-employment-certificate-annulled = күші жойылды
console-action-ict-permit-applied = өтініш берілді
console-action-ict-permit-issued = рұқсат берілді
console-action-ict-permit-refused = бас тартылды
console-action-ict-permit-extension-applied = ұзарту туралы өтініш берілді
console-action-ict-permit-extended = ұзартылды
console-action-ict-permit-extension-refused = ұзартудан бас тартылды
console-action-ict-permit-extension-ended = ұзарту туралы өтініш тоқтатылды
console-action-ict-permit-suspended = қолданылуы тоқтатыла тұрды
console-action-ict-permit-resumed = қолданылуы қайта жаңартылды
console-action-ict-permit-revoked = кері қайтарып алынды
console-action-ict-permit-annulled = күші жойылды
console-action-ict-permit-arrival-notified = келуі туралы хабарланды
console-action-ict-permit-arrival-notice-due = келуі туралы хабарлау мерзімі
console-action-ict-permit-departure-recorded = қызметкердің шығуы белгіленді
console-action-permit-departure-recorded = қызметкердің шығуы белгіленді
console-action-permit-extension-applied = ұзарту туралы өтініш берілді
console-action-permit-extension-ended = ұзарту тоқтатылды
console-action-permit-extension-revived = ұзарту шағым бойынша рұқсатпен бірге қалпына келтірілді
console-action-permit-decision-ordered = шағым бойынша жаңа шешім тағайындалды
console-action-permit-complaint-filed = шағым берілді
console-action-permit-complaint-forwarded = шағым қарауға жіберілді
console-action-permit-complaint-partly-satisfied = шағым ішінара қанағаттандырылды
console-action-permit-complaint-reconsidered = шағым қайта қаралды
console-action-permit-complaint-refused = шағымды қанағаттандырудан бас тартылды
console-action-permit-complaint-satisfied = шағым қанағаттандырылды
console-action-permit-complaint-reinstated = шағым бойынша қалпына келтірілді
console-action-personal-data-read = дербес деректер қаралды
console-position-head = басшы
console-position-manager = менеджер
console-position-specialist = маман
console-rules-yes = иә
console-rules-no = жоқ
console-rules-none = жоқ
console-rules-unit-months = ай
console-rules-unit-days = күн
console-rules-section-categories = Санаттар және мерзімдер
console-rules-section-category_4_replacement = 4-санат: азаматтармен алмастыру
console-rules-section-ict = Корпоративішілік ауыстыру
console-rules-section-self_employment = Өз бетінше жұмысқа орналасу
console-rules-section-kazakh_share = Қазақстандық кадрлардың үлесі
console-rules-section-fees = Алымдар
console-rules-section-mrp = Айлық есептік көрсеткіш
console-rules-section-deadlines = Мерзімдер
console-rules-section-extension_window = Ұзарту туралы өтініш беру кезеңі
console-rules-section-business_trips = Іссапарлар
console-rules-section-labour_market_test = Ішкі нарықта үміткерлерді іздеу
console-rules-section-quota_demand = Квотаға қажеттілік
console-rules-section-lists = Басым салалар мен сұранысқа ие кәсіптер
console-rules-section-holidays = Демалыс және мереке күндері
console-rules-section-permit_grounds = Бас тарту және кері қайтарып алу негіздері
console-rules-section-complaints = Шағымдар
console-rules-section-working_age = Еңбек жасы
console-rules-section-no_permit_list = Рұқсат талап етілмейтін тұлғалар тізбесі
console-rules-section-case_grounds = Анықтамалар мен КІА рұқсаттарынан бас тарту негіздері
console-rules-key-allowed = рұқсат етілген
console-rules-key-applies_from = қолданылу басталатын күн
console-rules-key-arrival_notice_days = келгені туралы хабарлау мерзімі, күн
console-rules-key-article = бап
console-rules-key-bars_employer = жұмыс берушіге тыйым салады
console-rules-key-by_term = мерзімі бойынша
console-rules-key-categories = санаттар
console-rules-key-category = санат
console-rules-key-code = коды
console-rules-key-confirmed = ресми мәтінмен расталған
console-rules-key-days_off = демалыс күндері
console-rules-key-deciding_bodies = шешім қабылдайтын органдар
console-rules-key-decision_working_days = шешім мерзімі, жұмыс күні
console-rules-key-eaeu_citizens_count_as_foreign = ЕАЭО азаматтары шетелдік ретінде есептеледі
console-rules-key-earliest_days_before_expiry = мерзім біткенге дейін ең ерте, күн
console-rules-key-exemption_max_employees = босату үшін қызметкерлердің ең көп саны
console-rules-key-extension = ұзарту
console-rules-key-extension_apply_within_months = ұзартуға өтініш беру мерзімі, ай
console-rules-key-extension_decision_working_days = ұзарту туралы шешім мерзімі, жұмыс күні
console-rules-key-extension_max_months = ұзартудың ең ұзақ мерзімі, ай
console-rules-key-extension_months = ұзарту мерзімі, ай
console-rules-key-fee_payment_working_days = алымды төлеу мерзімі, жұмыс күні
console-rules-key-fees = алымдар
console-rules-key-filing_closes = өтінім қабылдау аяқталады
console-rules-key-filing_months = шағым беру мерзімі, ай
console-rules-key-filing_opens = өтінім қабылдау басталады
console-rules-key-from = басталатын күн
console-rules-key-valid_from = басталатын күн
console-rules-key-group = топ
console-rules-key-higher_education_required = жоғары білім талап етіледі
console-rules-key-ict_exempt = корпоративішілік ауыстыру алымнан босатылған
console-rules-key-in_demand_professions = сұранысқа ие кәсіптер
console-rules-key-initial = алғашқы рұқсат
console-rules-key-initial_max_months = алғашқы мерзім ең көбі, ай
console-rules-key-issue_decision_working_days = беру туралы шешім мерзімі, жұмыс күні
console-rules-key-latest_days_before_expiry = мерзім біткенге дейін ең кеш, күн
console-rules-key-max_days = ең көп күн
console-rules-key-max_days_per_calendar_year = күнтізбелік жылда ең көп күн
console-rules-key-max_employees = қызметкерлердің ең көп саны
console-rules-key-max_extensions = ұзартудың ең көп саны
console-rules-key-max_months = ең көп ай
console-rules-key-max_percent_of_kazakh_staff = қазақстандық қызметкерлерге шаққандағы ең көп үлес
console-rules-key-max_term_months = ең ұзақ мерзім, ай
console-rules-key-min_days_published = вакансия жарияланған ең аз күн
console-rules-key-min_experience_years = ең аз еңбек өтілі, жыл
console-rules-key-min_kazakh_percent = қазақстандық кадрлардың ең аз үлесі
console-rules-key-min_months = ең аз ай
console-rules-key-minimum_age = ең төменгі жас
console-rules-key-mrp = АЕК саны
console-rules-key-name = атауы
console-rules-key-occupation_code = кәсіп коды
console-rules-key-posted_workers_count = іссапардағы қызметкерлер есептеледі
console-rules-key-priority_sectors = басым салалар
console-rules-key-ratios = арақатынастар
console-rules-key-reconsideration_working_days = қайта қарау мерзімі, жұмыс күні
console-rules-key-refusal = бас тарту негіздері
console-rules-key-regional_proposals_due = өңірлердің ұсыныстары берілетін күн
console-rules-key-reissue = басқа қызметкерге қайта ресімдеу
console-rules-key-revocation = кері қайтарып алу негіздері
console-rules-key-same_occupation = сол кәсіп бойынша ғана
console-rules-key-seasonal = маусымдық жұмыс
console-rules-key-seasonal_professions = маусымдық кәсіптер
console-rules-key-sector = сала
console-rules-key-sector_groups = салалар топтары
console-rules-key-sectors = салалар
console-rules-key-small_business_exemption = шағын кәсіпкерлікті босату
console-rules-key-source = дереккөзі
console-rules-key-tenge = теңге
console-rules-key-unit = өлшем бірлігі
console-rules-key-unlawful_engagement_bar_months = заңсыз тартқаны үшін тыйым, ай
console-rules-key-up_to = көрсетілген мерзімге дейін
console-rules-key-values = мәндері
console-rules-key-working_weekend_days = жұмыс істейтін демалыс күндері
console-rules-key-year = жыл
console-rules-key-years = жылдар
console-role-system = жүйе
console-actor-system = сервис (автоматты түрде)
console-actor-seed = бастапқы жүктеу

## Анықтамалар, КІА рұқсаттары және өңір беттері (issue 21, 6-тармақ)
console-nav-certificates = Анықтамалар
console-nav-ict-permits = КІА рұқсаттары
console-nav-region = Өңір
console-certificates-title = Өз бетінше жұмысқа орналасу туралы анықтамалар
console-certificates-intro = Өз бетінше жұмысқа орналасу үшін біліктіліктің сәйкестігі туралы анықтамалар (34-бап): өтініштер, шешімдер, ұзартулар және жұмыс берушілердің хабарлары, ескісінен бастап.
console-certificate-title = Өз бетінше жұмысқа орналасу туралы анықтама
console-certificate-status-applied = шешім күтуде
console-certificate-status-issued = берілді
console-certificate-status-refused = бас тартылды
console-certificate-status-extended = еңбек шартының мерзіміне ұзартылды
console-certificate-via-mission = шетелдегі мекеме арқылы
console-certificate-via-akimat = әкімдікке тікелей
console-certificate-months = Қолданылу мерзімі, ай
console-certificate-extension = Еңбек шартының мерзіміне ұзарту
console-all-regions = Барлық өңірлер
console-choose-region = Өңірді таңдаңыз
console-choose = Таңдаңыз
console-show = Көрсету
console-back-to-certificates = Анықтамалар тізіміне
console-back-to-ict-permits = КІА рұқсаттарының тізіміне
console-cancel-case = Бас тарту және іске оралу
console-col-channel = Өтініш беру жолы
console-col-condition = Ерекше шарт
console-col-contract = Еңбек шарты
console-col-date = Күні
console-col-deadline = Хабарлау мерзімі
console-col-entry = Келген күні
console-col-experience = Еңбек өтілі, жыл
console-col-extended = ұзартылды
console-col-higher-education = Жоғары білім
console-col-iin = ЖСН
console-col-justification = Негіздеме
console-col-kazakh-staff = Қазақстандық кадрлар
console-col-notified = Хабарланды
console-col-prior-months = Жіберуші ұйымдағы айлар
console-col-refusal-reason = Бас тартуға ескертпе
console-col-valid-until = Қолданылу мерзімі
console-col-workers = Қызметкерлер
console-confirm-certificate-refuse = Сіз анықтама беруден мына негіздер бойынша бас тартасыз: { $grounds }.
console-confirm-ict-refuse = Сіз КІА рұқсатын беруден мына негіздер бойынша бас тартасыз: { $grounds }.
console-confirm-ict-extension-refuse = Сіз ұзартудан мына негіздер бойынша бас тартасыз: { $grounds }.
console-rules-key-applies_to = бас тартылатыны
console-rules-use-certificate = өз бетінше жұмысқа орналасу анықтамасы
console-rules-use-ict = КІА рұқсаты
console-rules-use-ict_extension = КІА рұқсатын ұзарту
console-col-refusal-grounds = Бас тарту негіздері
console-effect-certificate-refused = Өтініш жабылады; өтініш беруші бас тартуға шағым бере алады немесе қайта өтініш бере алады.
console-effect-ict-refused = Өтініш жабылады; квота мен алым қозғалмайды; жұмыс беруші бас тартуға шағым бере алады.
console-effect-ict-extension-refused = Рұқсаттың мерзімі өзгермейді; жұмыс беруші бас тартуға шағым бере алады.
console-contract-employer = Жұмыс берушінің БСН
console-contract-start = Шарттың бірінші күні
console-contract-end = Шарттың соңғы күні
console-demand-review = Қарау
console-demand-review-submit = Шешімді жазу
console-demand-decision-accept = толық қолдау
console-demand-decision-reduce = азырақ санмен қолдау
console-demand-decision-reject = қолдамау
console-demand-status-filed = қарауды күтуде
console-demand-status-accepted = толық қолдау тапты
console-demand-status-reduced = ішінара қолдау тапты
console-demand-status-rejected = қолдау таппады
console-done-certificate-issued = Анықтама берілді.
console-done-certificate-refused = Анықтама беруден бас тартылды.
console-done-certificate-extended = Анықтама еңбек шартының мерзіміне ұзартылды.
console-done-ict-issued = КІА рұқсаты берілді.
console-done-ict-refused = КІА рұқсатын беруден бас тартылды.
console-done-ict-extended = КІА рұқсаты ұзартылды.
console-done-ict-extension-refused = Ұзартудан бас тартылды.
console-done-demand-reviewed = Шешім жазылды.
console-employment-reports = Жұмыс берушілердің жұмысқа қабылдау және оны тоқтату туралы хабарлары
console-report-hire = жұмысқа қабылданды
console-report-end = жұмыс тоқтатылды
console-report-past-validity = анықтаманың қолданылу мерзімінен тыс
console-extend = Ұзарту
console-issue = Беру
console-refusal-reason = Ескертпе (міндетті емес)
console-refuse-extension = Ұзартудан бас тарту
console-yes = иә
console-no = жоқ
console-ict-permits-title = КІА рұқсаттары
console-ict-permits-intro = Корпоративішілік ауыстыруға рұқсаттар (35-бап): шешілетін өтініштер, ұзарту туралы өтініштер және келу туралы хабарламалар, ескісінен бастап.
console-ict-permit-title = КІА рұқсаты
console-ict-arrivals = Келу туралы хабарламалар
console-ict-extension = Ұзарту
console-ict-extension-asked = Сұралған ұзарту, ай
console-ict-extensions = Берілген ұзартулар
console-ict-extend-months = Ұзартылатын айлар
console-ict-form-branch = филиал
console-ict-form-subsidiary = еншілес ұйым
console-ict-form-representative_office = өкілдік
console-ict-condition-train_kazakh_staff = қазақстандық кадрларды оқыту
console-ict-condition-create_jobs = Қазақстан азаматтары үшін жұмыс орындарын құру
console-region-title = Өңір: квота және қажеттілік
console-region-quota = Өңір квотасы санаттар бойынша
console-region-countries = Шыққан елдер бойынша квоталар (жалпы)
console-region-demands = Жұмыс берушілердің квотаға қажеттілігі
console-region-read-only = Сіз өңірді оның әкімдігі көргендей көресіз; қарау — әкімдіктің ісі.
console-region-choose-first = Квотасы мен қажеттілігін көру үшін өңірді таңдаңыз.
console-col-year = Жыл
## The console's complaint pages (issue 23, item 4).
console-nav-complaints = Шағымдар
console-complaints-title = Шешім күтетін шағымдар
console-complaints-intro = Сіздің органыңыздың шешімін күтетін актілерге шағымдар, мерзімі бойынша, мерзімі өткендері бірінші.
console-complaints-empty = Сізді күтетін шағым жоқ.
console-complaint-title = Шағым
console-col-complaint = Шағым
console-col-act = Шағымданылған акт
console-col-act-on = Акт туралы хабарланған күн
console-col-relief = Талап
console-col-grounds = Уәждер
console-col-references = Қоса берілген құжаттар
console-col-late = Беру мерзімі
console-col-deciding-body = Шағымды қарайтын орган
console-col-forwarded = Жіберілген күні
console-col-decided = Шешілген күні
console-col-reasons = Шешімнің уәждері
console-complaint-case = іс
console-complaint-certificate = өз бетінше жұмысқа орналасу туралы анықтама
console-complaint-ict = КІА рұқсаты
console-complaint-late = мерзімі өткізіліп берілген
console-complaint-late-yes = шағымдану мерзімі өткізіліп берілген
console-complaint-late-no = мерзімінде берілген
console-complaint-term = Өткізіп алынған шағымдану мерзімі
console-complaint-term-restored-yes = өткізіп алынған мерзім дәлелді себеппен қалпына келтірілді
console-complaint-term-restored-no = өткізіп алынған мерзім қалпына келтірілмеді
console-complaint-awaiting-quota = рұқсат квотаны күтуде
console-complaint-act-refusal = рұқсат беруден бас тарту
console-complaint-act-suspension = рұқсатты тоқтата тұру
console-complaint-act-revocation = рұқсатты кері қайтарып алу
console-complaint-act-missed_deadline = мерзімінде қабылданбаған шешім
console-complaint-act-certificate_refusal = өз бетінше жұмысқа орналасу туралы анықтама беруден бас тарту
console-complaint-act-ict_refusal = КІА рұқсатын беруден бас тарту
console-complaint-relief-annul = актіні жою
console-complaint-relief-take_decision = шешім қабылдау
console-complaint-state-filed = актісіне шағым жасалған әкімдікте
console-complaint-state-reconsidered = әкімдіктің өзі қанағаттандырды
console-complaint-state-forwarded = шағымды қарайтын органда
console-complaint-state-satisfied = қанағаттандырылды
console-complaint-state-partly_satisfied = ішінара қанағаттандырылды
console-complaint-state-refused = қанағаттандырусыз қалдырылды
console-complaint-body-akimat = облыс әкімі
console-complaint-body-ministry = министрліктің уәкілетті бөлімшесі
console-complaint-own-term = Өздеріңіз қанағаттандыру немесе жіберу
console-complaint-reasons = Уәждер
console-complaint-reconsider = Шағымды қанағаттандыру
console-complaint-forward = Шағымды қарайтын органға жіберу
console-complaint-decision = Шағым бойынша шешім
console-complaint-outcome = Нәтиже
console-complaint-outcome-satisfied = қанағаттандыру: актіні жою
console-complaint-outcome-partly_satisfied = ішінара қанағаттандыру: акт күшінде қалады
console-complaint-outcome-refused = қанағаттандырусыз қалдыру
console-complaint-decide = Шешу
console-confirm-complaint-reconsider = Сіз № { $id } шағымды өздеріңіз қанағаттандырасыз, акт: { $act }.
console-confirm-complaint-forward = Сіз № { $id } шағымды жібересіз, акт: { $act }.
console-confirm-complaint-satisfied = Сіз № { $id } шағымды қанағаттандырасыз, акт: { $act }.
console-confirm-complaint-partly-satisfied = Сіз № { $id } шағымды ішінара қанағаттандырасыз, акт: { $act }.
console-confirm-complaint-refused = Сіз № { $id } шағымды қанағаттандырусыз қалдырасыз, акт: { $act }.
console-effect-complaint-annulled = Акт жойылады: { $act }.
console-effect-complaint-quota = Рұқсат қайтадан күшіне енеді және өңірлерде орын болса, квотаны қайтадан алады; орын болмаса, квотаны бірінші кезекте күтеді.
console-effect-complaint-bar = Жұмыс берушіге жаңа рұқсаттар беруге тыйым (33-баптың 2-тармағы) алынады.
console-effect-complaint-active = Рұқсат қайтадан күшіне енеді.
console-effect-complaint-redecide = Іс актіге дейінгі күйіне қайтарылып, қайта шешіледі.
console-effect-complaint-stands = Акт күшінде қалады: { $act }; жұмыс беруші уәждерді оқиды.
console-effect-complaint-forward = Шағым жіберіледі: { $body }; шешім мерзімі бүгіннен бастап жұмыс күндерімен есептеледі.
console-effect-complaint-term-restored = Өткізіп алынған шағымдану мерзімі қалпына келтіріледі.
console-effect-complaint-term-not-restored = Өткізіп алынған шағымдану мерзімі қалпына келтірілмейді.
console-effect-complaint-reasons = Сіздің уәждеріңіз шағымда сақталады: { $reasons }
console-done-complaint-reconsider = Шағым қанағаттандырылды: акт жойылды.
console-done-complaint-forward = Шағым шағымды қарайтын органға жіберілді.
console-done-complaint-satisfied = Шағым қанағаттандырылды: акт жойылды.
console-done-complaint-partly-satisfied = Шағым ішінара қанағаттандырылды.
console-done-complaint-refused = Шағым қанағаттандырусыз қалдырылды.
console-complaint-reinstatement = Рұқсатты қалпына келтіру
console-complaint-reinstatement-why = Шағым кері қайтарып алуды жойды, бірақ рұқсаттың өңірлерінде квота қалмаған: рұқсат кері қайтарылған күйде қалып, квотаны бірінші кезекте күтеді. Орын пайда болғанда оны қалпына келтіріңіз.
console-complaint-reinstate = Рұқсатты қалпына келтіру
console-confirm-complaint-reinstate = Сіз № { $id } шағым бойынша рұқсатты қалпына келтіресіз, акт: { $act }.
console-effect-complaint-reinstate = Рұқсат қайтадан күшіне енеді және аталған әр өңірде квотаны қайтадан алады: ол бірден сақталып, пайдаланылады.
console-effect-complaint-reinstate-extension = Кері қайтарып алумен бірге тоқтаған ұзарту болса, ол бұрынғы күйіне қайтады.
console-effect-complaint-reinstate-no-room = Қандай да бір өңірде әлі орын болмаса, ештеңе өзгермейді, ал рұқсат квотаны бірінші кезекте күтуін жалғастырады.
console-done-complaint-reinstate = Рұқсат қалпына келтірілді: ол қайтадан күшінде.
console-stale-complaint = Сіз ашқаннан кейін шағым өзгерді. Ештеңе жасалмады; төменде шағымның қазіргі күйі көрсетілген.
console-action-complaint-filed = шағым берілді
console-action-complaint-forwarded = шағым жіберілді
console-action-complaint-reconsidered = әкімдіктің өзі қанағаттандырды
console-action-complaint-satisfied = шағым қанағаттандырылды
console-action-complaint-partly-satisfied = шағым ішінара қанағаттандырылды
console-action-complaint-refused = шағым қанағаттандырусыз қалдырылды
console-action-complaint-reinstated = рұқсат қалпына келтірілді

## Education levels as an application names them (issue 21)
console-education-postgraduate = жоғары оқу орнынан кейінгі
console-education-higher = жоғары
console-education-vocational = техникалық және кәсіптік
console-education-secondary = орта
console-education-basic = негізгі орта
console-education-primary = бастауыш

## Dates typed into the console's forms (issue 21)
console-date-hint = күні.айы.жылы, мысалы { $example }
malformed-typed-date = { $field ->
    [due_by] «Шешім мерзімі осы күнге дейін»
    [contract_start] «Шарттың бірінші күні»
    [contract_end] «Шарттың соңғы күні»
   *[other] Күн
  } өрісіндегі «{ $typed }» күн емес: күнді 07.12.2026 түрінде жазыңыз (күні.айы.жылы)

## The certificate list's order (issue 21)
console-sort = Реті
console-sort-filed = өтініш берілген күні бойынша
console-sort-deadline = мерзімі бойынша: анықтаманың соңғы күні жақыны бірінші

## Why a field is refused: errors[].message of a problem (issue 22)
field-between = мәні { $min } мен { $max } аралығында болуы керек
field-at-least = мәні кемінде { $min } болуы керек
field-at-most = мәні ең көбі { $max } болуы керек
field-above-zero-at-most = мәні 0-ден үлкен және ең көбі { $max } болуы керек
field-chars-between = ұзындығы { $min }–{ $max } таңба болуы керек
field-chars-at-least = ұзындығы кемінде { $min } таңба болуы керек
field-chars-at-most = ұзындығы ең көбі { $max } таңба болуы керек
field-chars-exactly = ұзындығы дәл { $n } таңба болуы керек
field-items-between = тізімде { $min }–{ $max } элемент болуы керек
field-items-at-least = тізімде кемінде { $min } элемент болуы керек
field-items-at-most = тізімде ең көбі { $max } элемент болуы керек
field-items-exactly = тізімде дәл { $n } элемент болуы керек
field-blank = мәтін бос немесе тек бос орындардан тұрмауы керек
field-empty = мәні бос болмауы керек
field-nul = мәтінде NUL (U+0000) таңбасы болмауы керек
field-nul-in-key = кілтте NUL (U+0000) таңбасы болмауы керек
field-date-outside = күн { $from } мен { $to } аралығында болуы керек
field-not-before = күн { $earliest } күнінен ерте болмауы керек
field-typed-date = күн «күні.айы.жылы» түрінде жазылуы керек, мысалы 07.12.2026
field-whole-number = мәні бүтін сан болуы керек
field-positive-amount = теңгемен берілген сома нөлден үлкен болуы керек
field-too-large = мәні есептеу үшін тым үлкен
field-twice = екі рет көрсетілген
field-repeated = бір мән бірнеше рет көрсетілген
field-category-once = { $category } санаты дәл бір рет көрсетілуі керек, { $found } рет көрсетілген
field-one-of = мәні мыналардың бірі болуы керек: { $allowed }
field-none-of-choices = мәні осы беттегі нұсқалардың ешқайсысы емес
field-ground-code = негіз коды 1–{ $max } кіші латын әрпінен, цифрдан және дефистен тұруы керек
field-cursor = бұл курсорды осы қызмет берген жоқ
field-visible-ascii = мәні { $min }–{ $max } көрінетін ASCII таңбадан тұруы керек
field-quoted-version = мәні тырнақшадағы нұсқа нөмірі болуы керек, мысалы "3"
field-required-when = { $when ->
        [issue] беру үшін міндетті; беру кезінде негіздер мен себеп көрсетілмейді
        [refuse] бас тарту үшін міндетті
        [revoke] кері қайтарып алу үшін міндетті
        [foreign-mission] шетелдегі мекеме арқылы берілгенде міндетті
        [special-economic-zone] арнайы экономикалық аймақ үшін міндетті
        [intra-corporate-transfer] корпоративішілік ауыстыру үшін міндетті
        [position-or-transfer] position немесе intra_corporate_transfer берілгенде міндетті
        [employer-kind] employer_kind берілгенде міндетті
       *[other] бұл жағдайда міндетті
    }
field-only-when = { $when ->
        [issue] тек беру кезінде көрсетіледі
        [refuse] тек бас тарту кезінде көрсетіледі
        [revoke] тек кері қайтарып алу кезінде көрсетіледі
        [foreign-mission] тек шетелдегі мекеме арқылы берілгенде көрсетіледі
        [special-economic-zone] тек арнайы экономикалық аймақ үшін көрсетіледі
        [intra-corporate-transfer] тек intra_corporate_transfer берілгенде көрсетіледі
        [position-or-transfer] тек position немесе intra_corporate_transfer берілгенде көрсетіледі
        [employer-kind] тек employer_kind берілгенде көрсетіледі
       *[other] бұл жағдайда көрсетілмейді
    }
field-required = көрсетілмеген
field-invalid = мәні жарамсыз
field-id-twelve-digits = дәл 12 цифрдан тұруы керек
field-id-check-digit = бақылау цифры сәйкес келмейді
field-id-bin = БСН емес: тіркелген ЖЖАА (ай 01–12), одан кейін 4, 5 немесе 6, одан кейін 0–3 цифры
field-id-iin = ЖСН емес: нақты туған күні ЖЖААКК, одан кейін 1–6 ғасыр цифры
field-id-employer = БСН де (ЖЖАА, одан кейін 4–6, одан кейін 0–3), жеке кәсіпкердің ЖСН-і де (ЖЖААКК, одан кейін 1–6) емес
field-id-region = KZ-NN түрінде болуы керек (ISO 3166-2:KZ)
field-id-country = үш бас латын әрпінен тұруы керек (ISO 3166-1 alpha-3)
field-id-sector = A–U аралығындағы бір ЭҚЖЖ секциясының әрпі болуы керек
field-rules-terms-ascending = мерзімдер оң сан болып, өсу ретімен берілуі керек
field-rules-years-once = әр жыл бір рет, өсу ретімен көрсетіледі
field-rules-dates-of-year = { $year } жылдың күндері бір-бір реттен, өсу ретімен көрсетіледі
field-rules-weekend-off = { $date } — сенбі немесе жексенбі; тек жұмыс күндеріне түсетін демалыстарды көрсетіңіз
field-rules-not-weekend = { $date } сенбі де, жексенбі де емес
field-rules-category-one-ratio = { $category } санаты дәл бір арақатынасқа кіруі керек, табылғаны: { $found }
field-rules-group-repeated = { $group } тобы бірнеше рет көрсетілген
field-rules-sector-in-groups = { $sector } секциясы бірнеше алым тобына кірген
field-rules-fee-per-category = { $category } санаты үшін бір алым мөлшерлемесі болуы керек, табылғаны: { $found }
field-rules-terms-once = мерзімдер оң сан болып, қайталанбай, өсу ретімен берілуі керек
field-rules-durations-ascending = мерзімдер өсу ретімен берілуі керек
field-rules-sector-not-priority = { $sector } секциясы басым салаларға кірмейді
field-rules-occupation-code = ҰКЖ коды болуы керек: төрт цифр, одан кейін дефис пен цифрлар болуы мүмкін
field-rules-source = бұл алынған нормативтік құқықтық актіні көрсетіңіз
field-rules-grounds-listed = кемінде бір негіз болуы керек, әр код бір рет
field-rules-ground-named = әр негіздің коды, бабы және қазақ, орыс, ағылшын тілдеріндегі атауы болуы керек
field-rules-ground-codes = әр негіздің кіші латын әріптерінен, цифрлардан және дефистерден тұратын, қайталанбайтын коды болуы керек
field-rules-ground-article = әр негіздің бабы және қазақ, орыс, ағылшын тілдеріндегі атауы болуы керек
field-rules-ground-applies = әр негіз кемінде бір шешімге қатысты, әр шешім бір рет көрсетіледі
field-rules-list-categories = әр санаттың қайталанбайтын коды және қазақ, орыс, ағылшын тілдеріндегі атауы болуы керек
field-rules-no-extension-terms = санатта ұзарту мерзімдері болмаса, 0 болуы керек
field-rules-replacement-months = min_months оң сан болуы және max_months мәнінен аспауы керек
field-rules-mrp-ascending = АЕК мәндері күндердің өсу ретімен берілуі керек
field-rules-mrp-amount = журнал сақтай алатын, бүтін тиынмен берілген оң сома болуы керек
field-rules-extension-window = earliest_days_before_expiry мәні latest_days_before_expiry мәнінен үлкен болуы керек
field-rules-filing-window = filing_opens мәні filing_closes мәнінен кеш болмауы керек
field-rules-seasonal-rate = { $term } күнге дейінгі маусымдық рұқсаттар үшін мөлшерлеме жоқ
field-rules-size = ең көбі { $max } элемент немесе таңба болуы керек
