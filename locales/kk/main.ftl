# Мәселе тақырыптары
title-malformed-request = Сұрау дұрыс құрылмаған
title-unsupported-media-type = Мазмұн түріне қолдау көрсетілмейді
title-payload-too-large = Сұрау денесі тым үлкен
title-invalid-fields = Кейбір өрістер қате толтырылған
title-rule-violation = Сұрау заң нормасы бойынша қабылданбады
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

# 401
unauthorized-no-token = Bearer токені қажет
unauthorized-not-bearer = Authorization тақырыбы `Bearer <токен>` түрінде болуы керек
unauthorized-token-malformed = токен дұрыс құрылмаған
unauthorized-algorithm = токен алгоритмі қабылданбайды
unauthorized-expired = токеннің мерзімі өтті
unauthorized-signature = токен қолтаңбасы жарамсыз
unauthorized-token-invalid = токен жарамсыз
unauthorized-no-subject = токенде субъект жоқ
unauthorized-claim = токендегі { $claim } мәлімдемесі жарамсыз: { $reason }
unauthorized-missing-claim = бұл рөл үшін токенде { $claim } мәлімдемесі болуы керек

# 403
forbidden-role = { $role } рөлі мұнда бұл әрекетті орындай алмайды
forbidden-other-region = әкімдік тек өз өңірін көреді
forbidden-no-bin = токенде жұмыс берушінің БСН-і жоқ

# 404
not-found-resource = мұндай ресурс жоқ
not-found-path = { $path } мекенжайында ресурс жоқ
not-found-case = мұндай іс жоқ
not-found-demand = { $id } квотаға өтінімі жоқ
not-found-hold = { $id } квота резерві жоқ
not-found-region = { $region } өңірі жоқ
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
conflict-case-already-holds-quota = { $case } квотаны әлдеқашан ұстап тұр
conflict-hold-state-changed = { $id } квота резерві қатар жүрген сұраумен өзгерді
conflict-demand-changed = { $id } квотаға өтінімі қаралып жатқанда өзгерді
conflict-illegal-transition = { $state } күйіндегі { $machine } { $event } оқиғасын қабылдамайды

# Норма бұзушылықтары (код = кілт)
category-split-exceeds-quota = санаттар бойынша сомасы { $sum }, бұл { $year } жылға рұқсаттар квотасынан ({ $total }) көп
quota-below-distributed = { $category } санатын { $total } дейін азайтуға болмайды: { $distributed } өңірлерге бөлініп қойған
quota-not-set = { $year } жылғы ұлттық квотада әзірге { $category } санаты жоқ
quota-out-of-range = { $component } квотасы рұқсат етілген ауқымнан тыс
country-not-treaty-partner = { $country } елінің Қазақстанмен еңбек көші-қоны туралы ратификацияланған шарты жоқ
country-quota-for-eaeu-member = { $country } — Еуразиялық экономикалық одақтың мүшесі: оның азаматтары рұқсатсыз жұмыс істейді, сондықтан оған шыққан елі бойынша квота болмайды
quota-below-used = { $country } квотасын { $number } дейін азайтуға болмайды: { $taken } резервте немесе пайдаланылған
unknown-country = { $country } анықтамалықта жоқ
allocation-below-used = { $region } өңірінің { $year } жылғы { $category } санатындағы квотасын { $number } дейін азайтуға болмайды: { $taken } резервте немесе пайдаланылған
national-quota-exceeded = { $region } { $year } жылға { $category } санаты бойынша тағы { $increase } алар еді, бірақ бөлінбегені тек { $reserve }
transfer-to-itself = қайта бөлудің екі түрлі шеті болуы керек
transfer-exceeds-unused = { $source } ішінде { $year } жылға { $category } санатының пайдаланылмаған { $available } бірлігі бар, бұл { $units } кем
quota-exhausted = { $region } өңірінде { $year } жылға { $category } санатының { $allocated } бірлігінен { $left } қалды; { $wanted } сұралды
country-quota-exhausted = { $country } азаматтарына арналған { $year } жылғы квотада { $left } бірлік қалды; { $wanted } сұралды
reduction-invalid = азайту үшін сұралған { $requested } санынан кіші сан және себеп қажет
reason-required = бас тарту үшін себеп қажет
profession-not-seasonal = { $profession } кәсібі министрліктің маусымдық кәсіптер тізбесінде жоқ
demand-filing-closed = { $year } жылға өтінімдер { $opens } бастап { $closes } дейін беріледі; бүгін { $today }
statutory-limit-exceeded = { $field } мәні { $value }; заң ең көбі { $limit } рұқсат етеді
ict-fee-not-allowed = { $field } true болуы керек: корпоративішілік ауыстыру үшін алым алынбайды
title-request-timeout = Сұрауды күту уақыты өтті
title-header-too-large = Тақырып тым үлкен
detail-request-timeout = сұрау денесі уақытында келмеді
detail-header-too-large = сұрау тақырыбы { $limit } байттан үлкен
unauthorized-subject-too-long = токен субъектісі { $max } байттан ұзын
unauthorized-subject-control = токен субъектісінде басқару таңбалары бар
unauthorized-no-region = region мәлімдемесі: { $region } өңірі жоқ
malformed-query-nul = { $field } сұрау параметрінде U+0000 (NUL) болмауы керек

# Permits (Art. 33): checks of an application (code = key), stored and rendered when read
quota-available = { $region } өңірінде { $year } жылға { $category } санаты бойынша { $left } квота бірлігі қалды; { $wanted } қажет
country-quota-available = { $country } азаматтарына арналған { $year } жылғы квотада { $left } бірлік қалды; { $wanted } қажет
kazakh-share = { $categories } санаттары: осы рұқсатпен { $kazakh } қазақстандық қызметкерге { $foreign } шетелдік қызметкер келеді; қазақстандықтар кемінде { $min } % болуы тиіс
kazakh-share-exempt = { $employees } қызметкері бар (ең көбі { $max }) шетелдік заңды тұлғаның филиалы немесе өкілдігі қазақстандық кадрлар үлесін сақтамайды
kazakh-share-not-applicable = { $category } санаты қазақстандық кадрлар үлесінің ешбір арақатынасына кірмейді
employer-profile-required = жұмыс берушінің { $date } күні қолданыстағы профилі жоқ: үлесті тексеру үшін оның штаты қажет
qualification-data = { $worker }: { $occupation } кәсібі, { $years } жыл өтілі; білімі, ҰКЖ бойынша кәсіп коды және біліктілік анықтамалығына сілтеме қажет
term-allowed = { $category } санаты, мерзімі { $length } ({ $unit })
labour-market-test = бос орын өтінішке дейін { $days } күн бұрын Еңбек биржасында жарияланған; кемінде { $min } күн және оның коды қажет
employer-barred = шетелдік жұмыс күшін заңсыз тартқаны үшін рұқсаттың кері қайтарылуы жұмыс берушіге { $until } дейін жаңа рұқсат бермейді
replacement-commitment = 4-санат бойынша жұмыс беруші шетелдіктерді { $min }–{ $max } ай ішінде Қазақстан азаматтарымен алмастыруға міндеттенеді
worker-on-live-permit = { $worker } қолданыстағы { $permit } рұқсатта көрсетілген
passport-expires = { $worker } паспортының мерзімі { $expiry } күні, рұқсат аяқталатын { $end } күнінен бұрын бітеді
worker-needs-no-permit = { $worker } — ЕАЭО мүше мемлекеті { $country } азаматы, оған рұқсат қажет емес: бұл қызметкер бойынша бас тартылды, квота жұмсалмайды
no-worker-needs-permit = көрсетілген барлық қызметкер ЕАЭО азаматтары, оларға рұқсат қажет емес
fee-rate-missing = ережелер жинағында { $sector } секциясындағы { $category } санатына алым мөлшерлемесі жоқ
fee-underpaid = { $region } бюджетіне { $paid } теңге төленді; төлем күнгі { $mrp } теңгелік АЕК бойынша алым { $due } теңге
trip-region-in-permit = { $region } рұқсатта көрсетілген: рұқсат онда өздігінен жарамды, іссапар қажет емес
trip-outside-validity = { $from } – { $to } іссапары рұқсаттың { $start } – { $end } қолданылу мерзімінен тыс
trip-days-exceeded = { $year } жылы қызметкердің іссапар күндері { $used }; тағы { $wanted } күн { $max } шегінен асады
unknown-ground = { $ground } министрліктің негіздер тізбесінде жоқ
grounds-required = бас тарту министрлік тізбесіндегі кемінде бір негізді көрсетеді
foreign-division-mismatch = { $bin } — { $kind }: шетелдік заңды тұлғаның бөлімшесі тек филиал немесе өкілдік бола алады
extension-not-allowed = { $category } санатындағы рұқсаттар ұзартылмайды
extension-limit-reached = { $category } санатындағы рұқсат ең көбі { $max } рет ұзартылады
extension-window = { $end } күні бітетін рұқсатты ұзарту { $opens } бастап { $closes } дейін сұралады; бүгін { $today }
payment-date-invalid = { $date } төлем күні шешімнен ({ $decided }) бұрын немесе бүгіннен ({ $today }) кейін
start-date-past = рұқсат бүгіннен ({ $today }) бұрын, { $start } күні басталмайды
region-not-in-permit = { $region } рұқсатта көрсетілмеген
unknown-sector = { $sector } ЭҚЖЖ секциясы емес
not-found-permit = { $id } рұқсаты жоқ
not-found-employer-profile = { $bin } жұмыс берушісінің профилі жоқ
not-found-worker = бұл рұқсатта { $id } қызметкері жоқ
conflict-permit-changed = { $id } рұқсаты қатар өзгертілді; оны қайта оқыңыз
conflict-profile-changed = { $bin } профилі { $date } күнге қатар өзгертілді; оны қайта оқыңыз
conflict-departure-recorded = { $id } қызметкерінің кетуі тіркеліп қойған
