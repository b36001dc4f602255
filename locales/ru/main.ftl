# Заголовки проблем
title-malformed-request = Некорректный запрос
title-unsupported-media-type = Неподдерживаемый тип содержимого
title-payload-too-large = Слишком большое тело запроса
title-invalid-fields = Некоторые поля заполнены неверно
title-rule-violation = Запрос отклонён по норме закона
title-service-rule = Запрос отклонён по правилу самого сервиса
title-unauthorized = Требуется аутентификация
title-forbidden = Действие не разрешено для этого пользователя
title-not-found = Не найдено
title-method-not-allowed = Метод не разрешён
title-conflict = Конфликт с текущим состоянием
title-stale-version = Предусловие не выполнено
title-service-unavailable = Сервис недоступен
title-internal-error = Внутренняя ошибка

# Подробности
detail-unsupported-media-type = тело запроса должно быть application/json
detail-payload-too-large = тело запроса больше { $limit } байт
detail-invalid-fields = некоторые поля заполнены неверно
detail-method-not-allowed = метод { $method } здесь не разрешён; разрешены: { $allow }
detail-stale-version = ресурс изменился после того, как вы его прочитали (версия { $current })
detail-service-unavailable = база данных недоступна; повторите позже
detail-internal-error = внутренняя ошибка

# 400
malformed-body = тело JSON не соответствует схеме: { $reason }
malformed-path = параметр пути некорректен
malformed-query = строка запроса некорректна: { $reason }
malformed-parameter = { $field }: { $reason }
malformed-idempotency-key = Idempotency-Key должен состоять из 1–255 видимых символов ASCII
malformed-if-match = If-Match должен быть ETag, выданным этим сервисом, например "3"
malformed-limit = limit должен быть от 1 до 500
malformed-cursor = курсор выдан не этим сервисом
malformed-year = год { $year } вне диапазона 2000–2100
malformed-year-text = год { $year } не является целым числом
malformed-reason-syntax = тело запроса — не корректный JSON (строка { $line }, столбец { $column })
malformed-reason-not-object = тело запроса должно быть одним объектом JSON
malformed-reason-type = у поля { $field } значение неверного типа
malformed-reason-value = поле { $field } имеет недопустимое значение
malformed-reason-variant = поле { $field }: «{ $value }» — не одно из значений { $allowed }
malformed-reason-missing = нет обязательного поля { $field }
malformed-reason-unknown = поле { $field } этим запросом не предусмотрено
malformed-reason-length = в поле { $field } неверное число элементов
malformed-reason-duplicate = ключ { $field } указан дважды
unknown-region = { $region } не относится к регионам Казахстана

# 401
unauthorized-no-token = требуется токен Bearer
unauthorized-not-bearer = заголовок Authorization должен иметь вид `Bearer <токен>`
unauthorized-metrics-token = для метрик нужен токен метрик: `Authorization: Bearer <токен метрик>`
unauthorized-token-malformed = токен некорректен
unauthorized-algorithm = алгоритм токена не принимается
unauthorized-expired = срок действия токена истёк
unauthorized-signature = подпись токена недействительна
unauthorized-token-invalid = токен недействителен
unauthorized-no-subject = в токене нет субъекта
unauthorized-claim = утверждение { $claim } в токене недействительно: { $reason }
unauthorized-missing-claim = для этой роли токен должен содержать утверждение { $claim }

# 403
forbidden-role =
    { $role ->
        [ministry] аналитик министерства
        [akimat] должностное лицо акимата
        [employer] работодатель
        [auditor] аудитор
       *[other] этот пользователь
    } не может выполнить здесь это действие
forbidden-other-region = акимат видит только свой регион
forbidden-not-deciding-body = эту жалобу рассматривает только орган, указанный в правилах: { $body ->
        [ministry] министерство
       *[akimat] акимат
    }
forbidden-no-bin = в токене нет БИН работодателя

# 404
not-found-resource = такого ресурса нет
not-found-path = по адресу { $path } ресурса нет
not-found-case = такого дела нет
not-found-webhook = такой подписки на уведомления нет
not-found-webhook-delivery = такой отправки этой подписки нет
not-found-hold = резерва квоты { $id } нет
not-found-region = региона { $region } нет
not-found-country = в справочнике нет страны с кодом { $country }
not-found-quota-year = квота на { $year } год не установлена
not-found-rule-set-on = на { $date } не действует ни один набор правил
not-found-rule-set-version = версии набора правил { $version } нет

# 409
conflict-created-concurrently = параллельный запрос создал такую же запись; прочитайте её заново
conflict-idempotency-key-reused = этот Idempotency-Key уже использован для другого запроса
conflict-idempotency-key-in-use = запрос с этим Idempotency-Key ещё обрабатывается
conflict-quota-set-concurrently = квота года изменилась, пока устанавливалась эта версия; прочитайте её заново
conflict-country-quota-taken = единицы квоты по стране происхождения ({ $country }) были заняты параллельно
conflict-allocation-changed = распределение изменилось, пока оно устанавливалось; прочитайте его заново
conflict-case-already-holds-quota =
    { $kind ->
        [permit-extension] продление { $id }
        [permit] разрешение { $id }
        [complaint-extension] продление, восстановленное по жалобе { $id },
        [complaint] жалоба { $id }
       *[other] дело { $id }
    } уже занимает квоту (регион: { $region })
conflict-hold-state-changed = резерв квоты { $id } изменился параллельно
conflict-demand-changed = заявка на квоту { $id } изменилась во время рассмотрения
conflict-illegal-transition =
    { $machine ->
        [permit] разрешение
        [permit-region] разрешение в этом регионе
        [quota-hold] резерв квоты
        [quota-demand] заявку на квоту
        [ict-permit] разрешение на внутрикорпоративный перевод
        [certificate] справку о самостоятельном трудоустройстве
        [complaint] жалобу
       *[other] дело
    } { $state ->
        [applied] в статусе «подано»
        [refused] в статусе «отказано»
        [withdrawn] в статусе «отозвано заявителем»
        [awaiting_payment] в статусе «ожидает оплаты»
        [active] в статусе «действует»
        [suspended] в статусе «приостановлено»
        [revoked] в статусе «отозвано»
        [returned] в статусе «возвращено»
        [lapsed] в статусе «утратило силу»
        [expired] в статусе «истекло»
        [issued] в статусе «выдано»
        [extended] в статусе «продлено»
        [extension-filed] с уже поданным заявлением о продлении
        [filed] в статусе «на рассмотрении»
        [accepted] в статусе «принято»
        [reduced] в статусе «сокращено»
        [rejected] в статусе «отклонено»
        [held] в статусе «зарезервировано»
        [confirmed] в статусе «использовано»
        [released] в статусе «освобождено»
        [pending] в статусе «ожидает решения»
        [approved] в статусе «одобрено»
        [paid] в статусе «оплачено»
        [reconsidered] в статусе «удовлетворена акиматом»
        [forwarded] в статусе «передана в орган, рассматривающий жалобу»
        [satisfied] в статусе «удовлетворена»
        [partly_satisfied] в статусе «удовлетворена частично»
       *[other] в текущем статусе
    } нельзя { $event ->
        [approve] одобрить
        [refuse] отклонить
        [withdraw] снять с рассмотрения
        [pay] оплатить
        [lapse] признать утратившим силу
        [suspend] приостановить
        [resume] возобновить
        [revoke] отозвать
        [return] вернуть
        [extend] продлить
        [trip] использовать для командировки
        [depart] использовать для отметки о выезде работника
        [report-replacement] использовать для отчёта о замене иностранцев
        [reissue] переоформить на другого иностранца
        [end-with-parent] прекратить вместе с продлеваемым разрешением
        [restore-with-parent] восстановить вместе с продлеваемым разрешением
        [issue] выдать
        [apply-extension] представить на продление
        [refuse-extension] оставить без продления
        [accept] принять
        [reduce] сократить
        [reject] отклонить
        [confirm] подтвердить
        [release] освободить
        [reconsider] удовлетворить силами акимата
        [forward] передать в орган, рассматривающий жалобу
        [satisfy] удовлетворить
        [satisfy-partly] удовлетворить частично
        [annul] вернуть в прежнее состояние по жалобе
       *[other] изменить таким образом
    }
conflict-extension-parent-not-active =
    продление нельзя { $event ->
        [approve] одобрить
        [refuse] отклонить
        [pay] оплатить
       *[other] рассмотреть
    }: продлеваемое разрешение { $parent } { $state ->
        [suspended] приостановлено; это станет возможно после возобновления его действия
        [revoked] отозвано
        [returned] возвращено работодателем
        [lapsed] утратило силу
        [expired] истекло
        [refused] отклонено
        [withdrawn] снято с рассмотрения
       *[other] не действует
    }
ground-parent-ended =
    прекращено вместе с продлеваемым разрешением, которое { $state ->
        [revoked] отозвано
        [returned] возвращено работодателем
        [lapsed] утратило силу
        [expired] истекло
        [reissued] переоформлено на других иностранцев вместо его работников
       *[other] прекратило действие
    }

# Нарушения норм (код = ключ)
category-split-exceeds-quota = сумма по категориям { $sum } больше квоты на разрешения { $total } на { $year } год
quota-below-distributed = категорию { $category } нельзя уменьшить до { $total }: { $distributed } уже распределено по регионам
quota-not-set = в национальной квоте на { $year } год ещё нет категории { $category }
quota-out-of-range =
    { $component ->
        [permits] квота на разрешения
        [labour-immigrants] квота трудовых иммигрантов
       *[other] квота
    } вне допустимого диапазона
country-not-treaty-partner = страна { $country } не имеет ратифицированного договора с Казахстаном о трудовой миграции
country-quota-for-eaeu-member = { $country } — член Евразийского экономического союза: его граждане работают без разрешения, поэтому квоты по стране происхождения для него быть не может
quota-below-used = квоту по стране происхождения ({ $country }) нельзя уменьшить до { $number }: { $taken } уже зарезервировано или использовано
unknown-country = страны с кодом { $country } нет в справочнике
allocation-below-used = { $region }: квоту по категории { $category } на { $year } год нельзя уменьшить до { $number }: { $taken } зарезервировано или использовано
national-quota-exceeded = { $region }: ещё { $increase } по категории { $category } на { $year } год не выделить, нераспределённым осталось только { $reserve }
transfer-to-itself = у перераспределения должны быть два разных конца
transfer-exceeds-unused = { $source }: неиспользованных единиц категории { $category } на { $year } год — { $available }, меньше чем { $units }
quota-exhausted = { $region }: осталось { $left } из { $allocated ->
        [one] { $allocated } единицы
       *[other] { $allocated } единиц
    } квоты категории { $category } на { $year } год; запрошено { $wanted }
country-quota-exhausted = в квоте на { $year } год по стране гражданства ({ $country }) { $left ->
        [one] осталась { $left } единица
        [few] осталось { $left } единицы
       *[other] осталось { $left } единиц
    }; запрошено { $wanted }
reduction-invalid = для сокращения нужно число меньше запрошенных { $requested } и причина
reason-required = для отказа нужна причина
profession-not-seasonal = профессии { $profession } нет в перечне сезонных профессий министерства
demand-filing-closed = заявки на { $year } год подаются с { $opens } по { $closes }; сегодня { $today }
statutory-limit-exceeded = { $field } равно { $value }; закон допускает не более { $limit }
statutory-minimum-not-met = { $field } равно { $value }; закон предусматривает не менее { $minimum }
statutory-rule-fixed = { $field } должно быть { $required }: это установлено законом
name-blank = { $field }: имя пустое или состоит из одних пробелов
name-too-long = { $field }: имя длиннее { $max } символов
name-invisible-character = { $field }: в имени невидимый символ { $char } (управляющий символ, символ нулевой ширины или направления текста)
name-separator = { $field }: дефис или апостроф должен стоять между двумя буквами
name-not-latin = { $field }: { $char } не латинская буква A-Z; имя пишется латиницей, как в паспорте{ $cyrillic ->
        [none] {""}
       *[other] {"; написание кириллицей указывается в поле "}{ $cyrillic }
    }
name-not-cyrillic = { $field }: { $char } не буква кириллицы (включая казахские буквы ә ғ қ ң ө ұ ү һ і)
passport-number-character = { $field }: { $char } не может быть в номере паспорта, в нём только буквы A-Z и цифры 0-9 (пробелы и заполнители < опускаются)
passport-number-length = { $field }: в номере паспорта от { $min } до { $max } букв и цифр, в этом { $length }
mrz-shape = { $field }: машиночитаемая зона состоит из двух строк по 44 символа A-Z, 0-9 и <; строка { $line } не такова
mrz-not-passport = { $field }: первая строка машиночитаемой зоны паспорта начинается с P
mrz-date = { $field }: { $item ->
        [birth-date] дата рождения
       *[expiry] дата окончания срока действия
    } в машиночитаемой зоне не является датой
mrz-check-digit = { $field }: контрольная цифра { $item ->
        [document-number] номера документа
        [birth-date] даты рождения
        [expiry] даты окончания срока действия
        [personal-number] личного номера
       *[composite] второй строки в целом
    } в машиночитаемой зоне не сходится
mrz-mismatch = { $field }: { $item ->
        [document-number] номер документа
        [nationality] гражданство
        [birth-date] дата рождения
        [sex] пол
       *[expiry] дата окончания срока действия
    } в машиночитаемой зоне не совпадает с указанным
birth-date-not-past = { $field }: дата рождения { $birth } не раньше сегодняшнего дня, { $today }
worker-below-working-age = { $field }: родившемуся { $birth } работнику в первый день разрешения, { $start }, { $age ->
        [one] { $age } год
        [few] { $age } года
       *[other] { $age } лет
    }; трудовой договор заключается с { $minimum } лет ({ $source })
experience-beyond-working-years = { $field }: стаж { $years ->
        [one] { $years } год
        [few] { $years } года
       *[other] { $years } лет
    }, но с { $minimum } лет прошло только { $possible }
passport-expiry-before-birth = { $field }: паспорт истекает { $expiry }, раньше рождения его владельца { $birth }
worker-named-twice = { $field }: { $worker } указан в запросе дважды
ict-fee-not-allowed = { $field } должно быть true: за внутрикорпоративный перевод сбор не взимается
title-request-timeout = Истекло время ожидания запроса
title-header-too-large = Заголовок запроса слишком большой
detail-request-timeout = тело запроса не поступило вовремя
detail-header-too-large = заголовок запроса больше { $limit } байт
unauthorized-subject-too-long = субъект токена длиннее { $max } байт
unauthorized-subject-control = субъект токена содержит управляющие символы
unauthorized-no-region = утверждение region: региона { $region } нет
malformed-query-nul = параметр запроса { $field } не должен содержать U+0000 (NUL)
conflict-quota-ledger-mismatch = журнал квоты на { $year } год не объясняет её показатели ({ $row }); изменения запрещены, пока проверка журнала министерством не пройдёт успешно
malformed-query-empty = параметр запроса { $field } пуст: укажите значение или не передавайте его

# Route finder (Art. 32(2)-(3), 2(3), 33(1), 34, 35)
route-eaeu-applies = гражданство: { $country }, государство — член Евразийского экономического союза: Договор о ЕАЭС, ратифицированный Казахстаном, имеет приоритет перед законом, поэтому ни разрешение, ни квота не нужны
route-eaeu-not-member = { $country } не является государством — членом Евразийского экономического союза
route-resident-applies = иностранцу, постоянно проживающему в Казахстане, не нужны ни разрешение, ни квота
route-resident-not = иностранец не проживает в Казахстане постоянно
route-list-applies = лицо из перечня Правительства, которым разрешение не требуется: { $category }
route-list-not = иностранец не относится ни к одной категории перечня Правительства лиц, которым разрешение не требуется
route-education-applies = руководитель или специалист с высшим образованием в автономной организации образования, её организациях или «Назарбаев Фонде»
route-education-needs-higher = в автономных организациях образования и «Назарбаев Фонде» высшее образование требуется и от руководителей, и от специалистов, а у работника его нет
route-education-position = в автономных организациях образования и «Назарбаев Фонде» освобождены только руководители и специалисты с высшим образованием, но не квалифицированные рабочие
route-state-body-applies = работа в государственном органе при наличии документов, подтверждённых в порядке, установленном Правительством
route-investment-applies = руководитель, специалист с высшим образованием или квалифицированный рабочий из перечня контракта в организации с инвестиционным контрактом на реализацию инвестиционного приоритетного проекта или у её подрядчика
route-investment-needs-higher = специалист инвестиционного приоритетного проекта освобождён только при наличии высшего образования
route-contractor-expired = иностранные работники подрядчика освобождены лишь до истечения одного года после ввода объекта в эксплуатацию ({ $commissioned }), а работа начинается { $start }
route-sez-applies = работа у участника специальной экономической зоны с проектом стоимостью более одного миллиона МРП или у его подрядчика в период строительства, по перечню категорий и численности, определённых комиссией
route-sez-value-too-low = стоимость проекта { $value } МРП; для освобождения нужно более { $min } МРП
route-hub-applies = руководитель или специалист с высшим образованием в международном технопарке «Астана Хаб» или у его участника
route-hub-needs-higher = специалист в «Астана Хаб» освобождён только при наличии высшего образования (от руководителей оно не требуется)
route-hub-position = в «Астана Хаб» освобождены только руководители и специалисты с высшим образованием, но не квалифицированные рабочие
route-first-head-applies = первый руководитель филиала или представительства иностранного юридического лица
route-first-head-not = освобождён только первый руководитель филиала или представительства, но не другие его работники
route-employer-not-listed = работодатель не относится к тем, на чьих иностранных работников не распространяются нормы о квоте и разрешениях
route-self-employment-applies = иностранец прибывает для самостоятельного трудоустройства по профессии { $profession }, востребованной в приоритетной отрасли
route-self-employment-not-in-demand = профессии { $profession } нет в перечне востребованных профессий, действующем на { $date }
route-self-employment-no-profession = не указана профессия для самостоятельного трудоустройства
route-self-employment-employer = работника привлекает работодатель; справка предназначена для иностранцев, прибывающих для самостоятельного трудоустройства
route-ict-applies = внутрикорпоративный перевод из организации в стране — члене ВТО ({ $country }) в её филиал, дочернюю организацию или представительство в Казахстане на должность руководителя, менеджера или специалиста: вне ежегодной квоты и без сбора
route-ict-not-transfer = привлечение не является переводом внутри иностранной группы компаний
route-ict-sender-not-wto = страна направляющей организации, { $country }, не является членом ВТО на { $date }
route-ict-employer = переведённого работника может принять только филиал, дочерняя организация или представительство в Казахстане
route-ict-position = внутри группы можно перевести только руководителей, менеджеров и специалистов, но не квалифицированных рабочих
route-quota-applies = работодателю нужно разрешение в пределах квоты региона, категория { $category }
route-quota-no-employer = разрешения выдаются работодателям, а иностранца не привлекает ни один работодатель
route-none = ни один путь не подходит
route-next-eaeu = заключите трудовой договор; разрешение не нужно. Сохраните копию паспорта, подтверждающего гражданство государства ЕАЭС
route-next-exempt = заключите трудовой договор; ни разрешение, ни квота не нужны. Сохраните документы, подтверждающие основание подпункта { $subparagraph } пункта 2 статьи 32
route-next-state-body = подтвердите документы работника в порядке, установленном Правительством, затем заключите трудовой договор; разрешение не нужно
route-next-investment = проверьте, что должность есть в перечне и численности инвестиционного контракта; тогда разрешение не нужно
route-next-sez = сверьте должность с категориями и численностью, определёнными комиссией; тогда разрешение не нужно
route-next-self-employment = подайте заявление на справку о соответствии квалификации для самостоятельного трудоустройства через загранучреждение Казахстана или, находясь в Казахстане, прямо в акимат; справка действует до трёх месяцев, а после трудоустройства её владелец в течение трёх месяцев со дня выдачи подаёт заявление о продлении на срок трудового договора, но не более трёх лет
route-next-ict = филиал, дочерняя организация или представительство подаёт в акимат заявление на разрешение для внутрикорпоративного перевода (до трёх лет, одно продление до одного года, без сбора и квоты) и в течение десяти календарных дней после въезда работника в Казахстан уведомляет местный орган
route-next-quota = работодатель подаёт в акимат региона заявление на разрешение в пределах квоты, категория { $category }, и после одобрения уплачивает сбор
route-next-none = иностранцу нужен работодатель, который получит разрешение, или профессия из перечня востребованных

# Self-employment certificates (Art. 34, 28(2)(10))
conflict-certificate-changed = справка о самостоятельном трудоустройстве { $id } изменилась одновременно; прочитайте её снова
profession-not-in-demand = занятия { $occupation } нет в перечне востребованных профессий приоритетных отраслей, действующем на { $date }
qualification-education-below = для профессии { $profession } требуется высшее образование
qualification-experience-below = для профессии { $profession } требуется стаж { $required ->
        [one] { $required } год
        [few] { $required } года
       *[other] { $required } лет
    }; у заявителя { $years }
certificate-term-too-long = справка выдаётся не более чем на { $max } мес.; запрошено { $months }
extension-window-closed = справка выдана { $issued }: заявление о продлении нужно было подать до { $deadline }, а не { $applied }
extension-beyond-three-years = трудовой договор с { $start } по { $end } длится более { $max } мес.; справка никогда не продлевается более чем на три года
certificate-holder-not-employed = справка, действующая с { $issued } по { $until }, продлевается после трудоустройства её владельца: трудовой договор должен начинаться в период её действия либо работодатель должен был сообщить о найме владельца в этот период, и договор не может начинаться позже { $until } (он начинается { $start })
contract-ends-before-start = трудовой договор заканчивается раньше, чем начинается
certificate-not-issued = справка о самостоятельном трудоустройстве { $id } не выдана, поэтому нанимать некого
employment-end-without-hire = о прекращении трудовых отношений сообщают после сообщения о найме; этот работодатель не сообщал о найме по справке { $id }

# Permits (Art. 33): checks of an application (code = key), stored and rendered when read
quota-available = { $region }: осталось { $left ->
        [one] { $left } единица
        [few] { $left } единицы
       *[other] { $left } единиц
    } квоты категории { $category } на { $year } год; нужно { $wanted }
country-quota-available = в квоте { $year } года по стране гражданства ({ $country }) { $left ->
        [one] осталась { $left } единица
        [few] осталось { $left } единицы
       *[other] осталось { $left } единиц
    }; нужно { $wanted }
kazakh-share = категории { $categories }: { $kazakh ->
        [one] { $kazakh } казахстанский работник
        [few] { $kazakh } казахстанских работника
       *[other] { $kazakh } казахстанских работников
    } против { $foreign } { $foreign ->
        [one] иностранного
       *[other] иностранных
    } с этим разрешением, из них { $permitted } — по другим действующим разрешениям работодателя и разрешениям на внутрикорпоративный перевод; казахстанских должно быть не менее { $min } %
kazakh-share-exempt = филиал или представительство иностранного юридического лица с { $employees ->
        [one] { $employees } работником
       *[other] { $employees } работниками
    } (не более { $max }) не соблюдает соотношение казахстанских кадров
kazakh-share-small-business = субъект малого предпринимательства с { $employees ->
        [one] { $employees } работником
       *[other] { $employees } работниками
    } (не более { $max }) не соблюдает соотношение казахстанских кадров
kazakh-share-not-applicable = категория { $category } не входит ни в одно соотношение казахстанских кадров
employer-profile-required = у работодателя нет профиля, действующего на { $date }: для проверки соотношения нужен его штат
qualification-data = { $worker }: занятие { $occupation }, стаж { $years ->
        [one] { $years } год
        [few] { $years } года
       *[other] { $years } лет
    }; требуются образование, код занятия по НКЗ и ссылка на квалификационный справочник
term-allowed =
    для категории { $category } срок { $length } { $unit ->
        [days] { $length ->
            [one] день
            [few] дня
           *[other] дней
        }
        [months] { $length ->
            [one] месяц
            [few] месяца
           *[other] месяцев
        }
       *[other] ед.
    } не допускается
labour-market-test = вакансия опубликована на Электронной бирже труда за { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[other] { $days } дней
    } до заявления; требуется не менее { $min } и её код
employer-barred = отзыв разрешения за незаконное привлечение иностранной рабочей силы закрывает работодателю выдачу до { $until }
replacement-commitment = по 4-й категории работодатель обязуется заменить иностранцев гражданами Казахстана в срок от { $min } до { $max ->
        [one] { $max } месяца
       *[other] { $max } месяцев
    }
worker-on-live-permit = { $holder ->
    [own] { $worker } указан в действующем разрешении этого работодателя { $permit }
   *[other] { $worker } указан в действующем разрешении другого работодателя{ $permit ->
        [hidden] {""}
       *[other] {" "}{ $permit }
    }
}
worker-on-pending-application = { $holder ->
    [own] { $worker } указан также в заявлении этого работодателя { $permit }, ещё не решённом: действует первое одобрение
   *[other] { $worker } указан также в заявлении другого работодателя{ $permit ->
        [hidden] {""}
       *[other] {" "}{ $permit }
    }, ещё не решённом: действует первое одобрение
}
reissue-not-allowed = действующий свод правил не допускает переоформления разрешения на другого иностранца
reissue-occupation-differs = занятие нового работника { $newcomer } не совпадает с занятием заменяемого ({ $occupation })
reissue-needs-no-permit = гражданство нового работника: { $country }, государство — член ЕАЭС; разрешение ему не нужно
reissue-country-quota = новый работник (гражданство: { $country }) расходовал бы иную квоту, чем та, в которой удерживаются единицы разрешения ({ $held })
replacement-obligation-met = прежние разрешения 4-й категории, срок замены по которым истёк, а замена не сообщена: { $count } ({ $permits })
replacement-report-short = в отчёте указаны граждане Казахстана, принятые на работу к сегодняшнему дню: { $hired }; заменить нужно иностранных работников: { $foreign }
replacement-not-category-4 = обязательство по замене несёт только разрешение 4-й категории; это разрешение категории { $category }
country-quota-mixed = граждане страны с квотой по стране происхождения ({ $country }) расходуют её квоту, поэтому на них подаётся отдельное разрешение, а не вместе с работниками { $countries ->
        [one] { $countries } гражданства
       *[other] { $countries } гражданств
    }
passport-expires = паспорт { $worker } истекает { $expiry }, раньше окончания разрешения { $end }
quota-available-pass = { $region }: остаток квоты по категории { $category } на { $year } год — { $left } ед.; этого достаточно для нужных { $wanted }
country-quota-available-pass = остаток квоты { $year } года по стране гражданства ({ $country }) — { $left } ед.; этого достаточно для нужных { $wanted }
country-quota-mixed-pass = граждане страны с квотой по стране происхождения не объединены в одном разрешении с работниками других гражданств
kazakh-share-pass = категории { $categories }: { $kazakh ->
        [one] { $kazakh } казахстанский работник
        [few] { $kazakh } казахстанских работника
       *[other] { $kazakh } казахстанских работников
    } против { $foreign } { $foreign ->
        [one] иностранного
       *[other] иностранных
    } с этим разрешением, из них { $permitted } — по другим действующим разрешениям работодателя и разрешениям на внутрикорпоративный перевод, — доля казахстанских кадров не менее { $min } % соблюдена
kazakh-share-exempt-pass = филиал или представительство иностранного юридического лица с { $employees ->
        [one] { $employees } работником
       *[other] { $employees } работниками
    } (не более { $max }) освобождено от соблюдения доли казахстанских кадров
kazakh-share-small-business-pass = субъект малого предпринимательства с { $employees ->
        [one] { $employees } работником
       *[other] { $employees } работниками
    } (не более { $max }) освобождён от соблюдения доли казахстанских кадров
kazakh-share-not-applicable-pass = категория { $category } не входит ни в одно соотношение казахстанских кадров, поэтому доля не требуется
qualification-data-pass =
    { $worker }: занятие { $occupation }, стаж { $years } { $years ->
        [one] год
        [few] года
       *[other] лет
    }; образование, код занятия по НКЗ и ссылка на квалификационный справочник указаны
term-allowed-pass =
    для категории { $category } срок { $length } { $unit ->
        [days] { $length ->
            [one] день
            [few] дня
           *[other] дней
        }
        [months] { $length ->
            [one] месяц
            [few] месяца
           *[other] месяцев
        }
       *[other] ед.
    } допускается
labour-market-test-pass =
    проверка рынка труда пройдена или ещё не применяется (вакансия с её кодом опубликована на Электронной бирже труда не менее чем за { $min } { $min ->
        [one] день
        [few] дня
       *[other] дней
    } до заявления)
employer-barred-pass = у работодателя нет отзыва разрешения за незаконное привлечение иностранной рабочей силы, который закрывал бы ему выдачу
replacement-commitment-pass = обязательство 4-й категории заменить иностранцев гражданами Казахстана в срок от { $min } до { $max } месяцев принято или для этой категории не требуется
replacement-obligation-met-pass = у работодателя нет прежних разрешений 4-й категории, срок замены по которым истёк, а замена не сообщена
worker-on-live-permit-pass = { $worker } не указан ни в одном другом действующем разрешении
worker-on-pending-application-pass = { $worker } не указан ни в одном другом заявлении, ожидающем решения
passport-expires-pass = паспорт { $worker } действителен до { $expiry }, не раньше окончания разрешения { $end }
worker-needs-no-permit = { $worker } (гражданство: { $country }, государство — член ЕАЭС) не нуждается в разрешении: отказано по этому работнику, квота не расходуется
worker-exempt =
    { $worker } не нуждается в разрешении и не занимает квоту: { $subparagraph ->
        [1] { route-education-applies }
        [2] { route-state-body-applies }
        [3] { route-investment-applies }
        [7] { route-sez-applies }
        [9] { route-resident-applies }
        [10] { route-first-head-applies }
        [11] { route-list-applies }
        [12] { route-hub-applies }
       *[other] освобождение по пункту 2 статьи 32
    }
no-permit-list-category-unknown = { $category } не является категорией перечня Правительства лиц, которым разрешение не требуется, действующего на { $date }
worker-route-other =
    для { $worker } предусмотрен иной порядок ({ $route ->
        [eaeu_citizen] работа гражданина ЕАЭС без разрешения
        [exempt] освобождение от разрешения и квоты
        [self_employment_certificate] справка о самостоятельном трудоустройстве
        [ict_permit] разрешение на внутрикорпоративный перевод
        [quota_permit] разрешение в пределах квоты
        [none] ни один порядок не подходит
       *[other] иной порядок
    }): отказано по этому разрешению, квота не расходуется
no-worker-needs-permit = ни одному работнику разрешения не требуется разрешение в пределах квоты
rule-set-incomplete = в действующем своде правил нет раздела «{ $section }» для категории { $category } в секции { $sector }: министерству нужно дополнить его, прежде чем сбор по этому разрешению можно будет рассчитать
fee-underpaid = в местный бюджет ({ $region }) уплачено { $paid }; сбор составляет { $due } по МРП { $mrp } на дату оплаты
trip-region-in-permit = { $region }: регион указан в разрешении, разрешение действует там само, командировка не нужна
trip-outside-validity = командировка с { $from } по { $to } выходит за срок действия разрешения с { $start } по { $end }
trip-days-exceeded = в { $year } году у работника { $used ->
        [one] { $used } день командировок
        [few] { $used } дня командировок
       *[other] { $used } дней командировок
    }; ещё { $wanted } превысят { $max }
trip-ends-before-start = командировка заканчивается { $to }, раньше, чем начинается ({ $from })
unknown-ground = { $ground } нет в перечне оснований министерства
grounds-required = в отказе указывается хотя бы одно основание из перечня министерства
rule-set-lists-no-grounds = в действующем своде правил нет оснований для отказа { $decision ->
    [certificate] в справке о самостоятельном трудоустройстве
    [ict] в разрешении на внутрикорпоративный перевод
   *[ict_extension] в продлении разрешения на внутрикорпоративный перевод
} (он опубликован до того, как такие основания стали перечисляться): отказать нельзя, пока министерство не опубликует версию свода правил с ними
complaint-no-such-act = у разрешения нет { $act ->
        [refusal] отказа
        [suspension] приостановления
        [revocation] отзыва
        [certificate_refusal] отказа в выдаче справки
        [ict_refusal] отказа в выдаче разрешения ВКП
       *[missed_deadline] пропущенного срока решения (срок истекает { $due })
    }, на который можно подать жалобу
complaint-relief-mismatch = жалоба на { $act ->
        [refusal] отказ
        [suspension] приостановление
        [revocation] отзыв
        [certificate_refusal] отказ в выдаче справки
        [ict_refusal] отказ в выдаче разрешения ВКП
       *[missed_deadline] пропуск срока
    } не может требовать { $relief ->
        [annul] отмены акта
       *[take_decision] принятия решения
    }
complaint-term-restoration-required = жалоба подана с пропуском срока: в решении нужно указать, восстановлен ли срок
complaint-term-not-restored = жалоба, поданная с пропуском невосстановленного срока, не может быть удовлетворена
complaint-reconsideration-term-passed = срок, в который акимат мог сам удовлетворить жалобу, истёк { $due }: жалобу нужно направить в орган, рассматривающий жалобу
complaint-reasons-required = отказ или частичное удовлетворение жалобы должны быть мотивированы
ground-unpaid-fee = сбор не уплачен в бюджет каждого указанного региона в срок для оплаты после согласования последнего региона
ground-returned = разрешение возвращено работодателем
ground-listed = { $name }
foreign-division-mismatch =
    { $bin } — это { $kind ->
        [head_office] юридическое лицо
        [branch] филиал
        [representative_office] представительство
        [peasant_farm] крестьянское хозяйство
        [individual_entrepreneur] индивидуальный предприниматель
       *[other] иной вид работодателя
    }: подразделением иностранного юридического лица может быть только филиал или представительство
extension-not-allowed = разрешения категории { $category } не продлеваются
extension-limit-reached = разрешение категории { $category } продлевается не более { $max ->
        [one] { $max } раза
       *[other] { $max } раз
    }
extension-window = продление разрешения, истекающего { $end }, запрашивается с { $opens } по { $closes }; сегодня { $today }
payment-date-invalid = дата оплаты { $date } раньше решения ({ $decided }) или позже сегодняшнего дня ({ $today })
start-date-past = разрешение не может начаться { $start }, раньше сегодняшнего дня ({ $today })
departure-date-future = выезд { $date } нельзя зарегистрировать раньше, чем он состоится (сегодня { $today })
departure-not-owed = выезд не требуется: срок разрешения начинался { $start }, позже, чем оно прекратилось для этого работника { $ended }, поэтому по нему работник не прибывал
region-not-in-permit = { $region }: регион не указан в разрешении
unknown-sector = { $sector } не является секцией ОКЭД
not-found-permit = разрешение { $id } не найдено
not-found-employer-profile = профиль работодателя { $bin } не найден
not-found-worker = работника { $id } нет в этом разрешении
conflict-permit-changed = разрешение { $id } изменено параллельно; прочитайте его снова
conflict-complaint-changed = жалоба { $id } изменилась одновременно с запросом; прочитайте её заново
conflict-complaint-not-awaiting-quota = жалоба { $id } не ожидает квоты: восстанавливать нечего
conflict-complaint-exists = по разрешению { $id } уже рассматривается жалоба
conflict-profile-changed = профиль { $bin } на { $date } изменён параллельно; прочитайте его снова
conflict-departure-recorded = выезд работника { $id } уже зарегистрирован
conflict-replacement-reported = замена по разрешению { $id } уже сообщена

# Intra-corporate transfers (Art. 35, 1(25), 28(2)(8))
conflict-ict-changed = разрешение на внутрикорпоративный перевод { $id } изменилось одновременно; прочитайте его снова
conflict-webhook-cursor = эти события уже поставил в очередь другой обработчик; дважды они не ставятся
conflict-ict-permit-not-ended = разрешение на внутрикорпоративный перевод { $id } действует до { $until }; выезд отмечается после окончания его действия
conflict-ict-departure-recorded = выезд работника { $worker } уже отмечен
ict-employer-form =
    БИН вида «{ $kind ->
        [head_office] юридическое лицо
        [branch] филиал
        [representative_office] представительство
        [peasant_farm] крестьянское хозяйство
        [individual_entrepreneur] индивидуальный предприниматель
       *[other] иной вид работодателя
    }» не может принять перевод как «{ $form ->
        [branch] филиал
        [subsidiary] дочерняя организация
        [representative_office] представительство
       *[other] иная форма
    }»: филиал или представительство подаёт заявление со своим БИН, дочерняя организация — с БИН юридического лица
ict-sender-not-wto = страна направляющего юридического лица, { $country }, не является членом ВТО на { $date }
ict-term-too-long = трудовой договор с { $start } по { $end } длится более { $max } мес.; разрешение на внутрикорпоративный перевод выдаётся не более чем на три года
ict-not-employed-by-sender = { $worker } не работал в направляющем юридическом лице; переводятся только его руководители, менеджеры и специалисты
ict-ratio-exceeded =
    { $foreigners } переводимых работников в должности «{ $position ->
        [head] руководитель
        [manager] менеджер
        [specialist] специалист
       *[other] работник
    }» (из них { $transferred } — по другим действующим разрешениям работодателя на внутрикорпоративный перевод) при { $kazakh } казахстанских работниках в этой должности превышают { $max } процентов
ict-worker-route-other =
    для { $worker } действует другой порядок ({ $route ->
        [eaeu_citizen] работа гражданина ЕАЭС без разрешения
        [exempt] освобождение от разрешения и квоты
        [self_employment_certificate] справка о самостоятельном трудоустройстве
        [ict_permit] разрешение на внутрикорпоративный перевод
        [quota_permit] разрешение в пределах квоты
        [none] ни один порядок не подходит
       *[other] иной порядок
    }), а не разрешение на внутрикорпоративный перевод
ict-contract-ended = трудовой договор закончился { $end }; выдавать разрешение не на что
ict-extension-limit = разрешение на внутрикорпоративный перевод продлевается не более { $max } раз(а); оно продлевалось { $extensions } раз(а)
ict-extension-too-long = разрешение на внутрикорпоративный перевод продлевается не более чем на { $max } мес.; запрошено { $months }
ict-permit-not-issued = разрешение на внутрикорпоративный перевод { $id } не выдано
ict-entry-in-future = дата въезда { $entry } ещё не наступила
ict-arrival-sender-mismatch = страна, из которой прибыли работники: { $country }; страна направляющей стороны разрешения: { $sender }
webhook-url-not-absolute = адрес вебхука должен быть абсолютным URL с именем хоста, например https://hr.example.kz/hooks
webhook-url-not-https = адрес вебхука должен начинаться с https://
webhook-url-credentials = адрес вебхука не должен содержать имя пользователя или пароль
webhook-url-not-public = { $host } не является публичным адресом в интернете: сервис не обращается к адресам обратной петли, частных сетей, локальным адресам канала (в том числе 169.254.169.254) и уникальным локальным адресам
ict-arrival-term-outside-permit = срок работы { $from } – { $to } выходит за срок действия разрешения на внутрикорпоративный перевод ({ $valid_from } – { $valid_until })
conflict-ict-extension-pending = по разрешению на внутрикорпоративный перевод { $id } уже подано заявление о продлении, ожидающее решения акимата
conflict-ict-extension-not-applied = заявление о продлении разрешения на внутрикорпоративный перевод { $id } не подавалось
ict-extension-beyond-application = продление на { $months } мес. превышает запрошенные { $asked } мес.
ict-worker-not-on-permit = работника { $worker } нет в разрешении на внутрикорпоративный перевод { $id }
ict-worker-already-notified = о прибытии работника { $worker } уже уведомлено
ict-departure-in-future = дата выезда { $date } ещё не наступила

# The electronic permit and its public verification (Art. 33(4)-(5))
not-found-permit-number = выданного разрешения с таким номером нет
conflict-permit-not-issued =
    разрешение { $id } { $status ->
        [applied] в статусе «подано»
        [refused] в статусе «отказано»
        [withdrawn] в статусе «отозвано заявителем»
        [awaiting_payment] в статусе «ожидает оплаты»
        [active] в статусе «действует»
        [suspended] в статусе «приостановлено»
        [revoked] в статусе «отозвано»
        [returned] в статусе «возвращено»
        [lapsed] в статусе «утратило силу»
        [expired] в статусе «истекло»
        [issued] в статусе «выдано»
        [extended] в статусе «продлено»
        [extension-filed] с уже поданным заявлением о продлении
        [filed] в статусе «на рассмотрении»
        [accepted] в статусе «принято»
        [reduced] в статусе «сокращено»
        [rejected] в статусе «отклонено»
        [held] в статусе «зарезервировано»
        [confirmed] в статусе «использовано»
        [released] в статусе «освобождено»
        [pending] в статусе «ожидает решения»
        [approved] в статусе «одобрено»
        [paid] в статусе «оплачено»
       *[other] в текущем статусе
    }: номера и документа нет, пока не уплачены сборы и оно не выдано
title-too-many-requests = Слишком много запросов
detail-too-many-requests = слишком много запросов с этого адреса; повторите через { $seconds } с
document-title = Разрешение на привлечение иностранной рабочей силы
document-extension = продление
document-number = Номер
document-issued-on = Дата выдачи
document-employer = Работодатель
document-bin = БИН / ИИН
document-category = Категория
document-profession = Профессия
document-regions = Действует в
document-term = Срок
document-status = Статус на { $date }
document-ended = Прекращено { $date } по основанию
document-workers = Иностранные работники
document-passport = паспорт
document-verify = Проверка
document-basis = Статья 33 Закона Республики Казахстан «О занятости населения»
document-category-1 = 1: руководители и их заместители
document-category-2 = 2: руководители структурных подразделений
document-category-3 = 3: специалисты
document-category-4 = 4: квалифицированные рабочие
document-category-seasonal = сезонные работники
document-status-valid = действует
document-status-active = выдано, срок ещё не наступил
document-status-suspended = приостановлено
document-status-revoked = отозвано
document-status-returned = возвращено
document-status-expired = срок истёк
# The officials' console (/console/).
forbidden-dev-sign-in = вход по токену разработки здесь отключён
not-found-console-page = в консоли нет такой страницы
# Шаги расчёта квоты (ст. 32(4)-(5))
calculation-step-permit-quota = квота на разрешения = ⌊{ $labour_force } × { $percent } / 100⌋ = ⌊{ $exact }⌋ = { $total }
calculation-step-labour-immigrants = трудовые иммигранты = ⌊{ $labour_force } × { $percent } / 100⌋ = ⌊{ $exact }⌋ = { $total }
calculation-step-category = категория { $category }: { $arithmetic }
calculation-step-category-region = категория { $category }, { $region } ({ $basis }): { $arithmetic }

console-name = Иностранная рабочая сила: консоль должностных лиц
console-service-rule = собственное правило сервиса
console-sign-in-title = Вход
console-sign-in = Войти
console-sign-in-token = Токен разработки
console-sign-in-token-hint = Получите его командой
console-sign-in-none = Вход не настроен.
console-sign-out = Выйти
console-home-title = Консоль
console-home-intro = Выберите страницу.
console-home-employer = Консоль предназначена для должностных лиц акиматов и аналитиков министерства; работодатели пользуются API.
console-verify-title = Проверка разрешения
console-verify-number = Номер разрешения
console-verify-check = Проверить
console-verify-valid = Действительно сегодня
console-verify-not-valid = Сегодня недействительно
console-verify-regions = Регионы
console-verify-checked-on = Дата проверки
console-verify-status-not-started = выдано, ещё не вступило в силу
console-verify-unknown = Выданного разрешения с номером { $number } нет. Сверьте номер с разрешением и введите его ещё раз.
console-error-title = Не показано
console-back-home = Вернуться в консоль
console-csrf-refused = Форма устарела или отправлена не из этой консоли; обновите страницу и повторите.
console-role-ministry = Аналитик министерства
console-role-akimat = Должностное лицо акимата
console-role-employer = Работодатель
console-role-auditor = Аудитор
console-nav-queue = Очередь заявлений
console-nav-overdue = Просрочки
console-nav-ict = Реестр ВКП
console-nav-quota = Квота
console-nav-transfers = Перераспределения
console-nav-demand = Потребность
console-nav-rules = Набор правил
console-queue-title = Очередь заявлений
console-queue-intro = Заявления и продления, ожидающие решения вашего региона, по сроку решения, просроченные первыми.
console-queue-intro-all = Заявления и продления, ожидающие решения региона, во всех регионах, по сроку решения, просроченные первыми.
console-queue-empty = Нет заявлений, ожидающих решения.
console-overdue = просрочено
console-find-search = Найти дело (номер дела, номер разрешения, БИН, работодатель, номер паспорта или имя латиницей)
console-find-status = Статус
console-find-awaiting = ожидают вашего решения
console-find-awaiting-all = ожидают решения региона
console-find-any = любая
console-find-employer = БИН работодателя
console-find-due-by = Срок решения до
console-find-submit = Показать
console-find-total = Найдено дел
console-find-next = Следующая страница
console-find-none = Подходящих дел нет.
console-none = Нет.
console-all = все
console-col-case = Дело
console-col-kind = Вид
console-col-employer = Работодатель
console-col-category = Категория
console-col-filed = Подано
console-col-due = Срок решения
console-col-status = Статус
console-col-profession = Профессия
console-col-term = Срок
console-col-suspension = Приостановлено по причине
console-col-ended = Прекращено
console-col-check = Проверка
console-col-outcome = Результат
console-col-article = Статья
console-col-finding = Вывод
console-col-region = Регион
console-col-decision = Решение
console-col-name = ФИО
console-col-citizenship = Гражданство
console-col-passport = Паспорт
console-col-education = Образование
console-col-departed = Выезд
console-col-when = Когда
console-col-what = Что
console-col-who = Кто
console-col-issued = Выдано
console-col-position = Должность
console-col-sender = Направляющая сторона
console-col-arrival = Уведомление о прибытии
console-kind-permit = разрешение
console-kind-extension = продление
console-status-applied = подано
console-status-refused = отказано
console-status-withdrawn = отозвано заявителем
console-status-awaiting_payment = ожидает оплаты
console-status-active = действует
console-status-suspended = приостановлено
console-status-revoked = отозвано
console-status-returned = возвращено
console-status-lapsed = утратило силу
console-status-expired = истекло
console-outcome-pass = пройдена
console-outcome-fail = не пройдена
console-outcome-warning = предупреждение
console-decision-pending = ожидает
console-decision-approved = одобрено
console-decision-refused = отказано
console-case-title = Дело
console-decision = Решение по вашему региону
console-approve = Одобрить
console-refuse = Отказать
console-refusal-grounds = Основания отказа
console-supervision = Надзор
console-suspend = Приостановить
console-suspension-reason = Причина приостановления
console-resume = Возобновить
console-revoke = Отозвать
console-revocation-ground = Основание отзыва
console-note = Примечание
console-done-decided = Решение принято.
console-done-refused = Отказано.
console-done-suspended = Приостановлено.
console-done-resumed = Возобновлено.
console-done-revoked = Отозвано.
console-checks = Автоматические проверки
console-quota-left = Остаток квоты в регионе
console-quota-none = Квота на этот год не установлена.
console-regions-decisions = Регионы и решения
console-fees = Сборы
console-payments = Платежи
console-col-fee-rate = Ставка
console-col-mrp = МРП
console-col-amount = Сумма
console-col-pay-by = Оплатить до
console-col-paid-on = Дата оплаты
console-col-reference = Номер платежа
console-fee-if-paid-today = при оплате сегодня
console-fee-not-due-yet = после одобрения всеми регионами
console-fees-none = Сбора пока нет: регион начисляет сбор, когда одобряет.
console-payments-none = Платежей пока нет.
console-workers = Работники
console-history = История
console-overdue-title = Просроченные оплаты и выезды
console-overdue-awaiting = Одобрено, ожидается оплата сбора
console-overdue-lapsed = Утратили силу: сбор не оплачен в срок
console-overdue-departures = Выезды, которые должны были состояться и не отмечены
console-ict-title = Реестр внутрикорпоративных переводов
console-ict-missing-title = Отсутствующие уведомления о прибытии
console-ict-register = Реестр
console-ict-on-time = в срок
console-ict-late = с опозданием
console-ict-missing = отсутствует
console-ict-pending = срок не наступил
console-quota-title = Квота года
console-quota-order = Приказ
console-labour-force = рабочая сила
console-quota-total = Всего
console-quota-distributed = Распределено
console-quota-reserve = Резерв
console-quota-allocated = Выделено
console-quota-held = В ожидании
console-quota-used = Использовано
console-quota-available = Доступно
console-quota-regions = Регионы
console-quota-by-category = Регионы по категориям
console-quota-cell = В каждой ячейке: выделено / в ожидании / использовано / доступно.
console-transfers-title = Перераспределения между регионами
console-transfer-from = Откуда
console-transfer-to = Куда
console-transfer-units = Единиц
console-transfer-reason = Основание
console-reserve = резерв
console-demand-title = Потребность в квоте
console-demand-arithmetic = Расчёт от численности рабочей силы
console-demand-requested = Запрошено
console-demand-supported = Поддержано
console-demand-demands = Заявок
console-demand-awaiting = Ожидает рассмотрения
console-demand-by-region = По регионам и категориям
console-rules-title = Набор правил
console-rules-current = Действует сегодня
console-rules-version = Версия
console-rules-from = действует с
console-rules-source = Источник
console-rules-in-english = по-английски
console-rules-numbers = Все числа версии
console-rules-history = История
unauthorized-oidc =
    вход через поставщика удостоверений не удался на шаге: { $step ->
        [http-client] подключение к поставщику
        [issuer] адрес поставщика
        [discovery] чтение настроек поставщика
        [redirect-url] адрес возврата после входа
        [state] сверка ответа с начатым здесь входом
        [authorization] ответ поставщика на запрос входа
        [code] код авторизации
        [token-endpoint] служба токенов поставщика
        [code-exchange] обмен кода авторизации на токены
        [id-token] проверка токена удостоверения
       *[other] неназванный шаг
    }
unauthorized-session-token-expired = срок действия токена уже истёк: войдите снова с новым токеном
console-skip-to-content = Перейти к содержанию страницы
verify-why-not-started = срок его действия начинается { $from }
verify-why-suspended = его действие приостановлено
verify-why-revoked = отозвано { $on }
verify-why-expired = срок действия истёк { $on }
verify-why-lapsed = утратило силу { $on }: сбор не уплачен в срок
verify-why-returned = работодатель вернул его { $on }
verify-why-not-issued = оно не выдано
console-quota-chart-name = Квота { $year } года по регионам: использовано, в ожидании, доступно
ground-not-for-category = { $ground } не является основанием для разрешения { $category }-й категории
ground-not-for-case = { $ground } не является основанием { $decision ->
    [certificate] отказа в справке о самостоятельном трудоустройстве
    [ict] отказа в разрешении на внутрикорпоративный перевод
   *[ict_extension] отказа в продлении разрешения на внутрикорпоративный перевод
}
console-permit-pdf = Документ разрешения (PDF)
console-choose-ground = — выберите основание —
console-col-note = Причина или примечание
console-confirm = Подтвердить
console-cancel = Отменить и вернуться к делу
console-confirm-title = Подтверждение решения
console-confirm-revoke = Вы отзываете это разрешение по основанию: { $ground }.
console-confirm-refuse = Вы отказываете в этом заявлении по основаниям: { $grounds }.
console-effect-quota-back = { $region }: регион получает обратно квоту, зарезервированную на { $workers ->
        [one] { $workers } работника
       *[other] { $workers } работников
    } ({ $category }, { $year } год), { $date }: ею смогут воспользоваться заявления других работодателей.
console-effect-bar = Работодателю { $employer } в течение { $months ->
        [one] { $months } месяца
       *[other] { $months } месяцев
    } не выдаются новые разрешения, по { $until } включительно ({ $article }).
console-effect-revoked = Разрешение прекращается сегодня, { $date }: любому, кто проверит его номер, будет сказано, что оно отозвано { $date }.
console-effect-refused = Сегодня, { $date }, в заявлении отказывают во всех указанных в нём регионах; работодателю сообщают основания.
console-effect-note = Ваше примечание сохранится в истории дела: { $note }
console-stale-form = Дело изменилось после того, как вы его открыли: { $what }, { $who }, { $when }. Ничего не сделано; ниже дело в нынешнем виде.
console-stale-form-plain = Дело изменилось после того, как вы его открыли. Ничего не сделано; ниже дело в нынешнем виде.
console-ground-unlisted = Выбранного основания нет в перечне оснований отказа министерства. Ничего не сделано; выберите основание из перечня ниже.
console-request-unread = Запрос не прочитан. Ничего не сделано; вернитесь на страницу и повторите действие.
console-effect-no-quota = Квота под него ещё не зарезервирована ни в одном регионе: возвращать нечего.
console-sign-in-oidc = Войти через поставщика удостоверений
console-status-issued = выдано
console-kind-ict_permit = разрешение на внутрикорпоративный перевод
statistical-report-period-open = { $quarter }-й квартал { $year } года не закончился: статистические данные за него подаются с { $from }
conflict-statistical-report-exists = данные за { $quarter }-й квартал { $year } года уже поданы
replacement-permit-unknown = разрешение { $id } не является разрешением этого работодателя по 4-й категории
quarter-invalid = квартал должен быть от 1 до 4

# The console's words for values it shows (console/words.rs): checks, history actions,
# positions, the fee's rate, the rule set's sections and keys.
console-fee-rate = { $rate } МРП × { $workers }
malformed-category = категории «{ $category }» нет: укажите 1, 2, 3, 4 или сезонных работников
malformed-queue-filter = поле { $field } не совпадает ни с одним из вариантов этой страницы
console-check-quota-available = Квота региона
console-check-country-quota-available = Квота по стране происхождения
console-check-country-quota-mixed = Граждане стран с квотой — отдельно
console-check-kazakh-share = Доля казахстанских кадров
console-check-kazakh-share-exempt = Доля казахстанских кадров: филиал освобождён
console-check-kazakh-share-small-business = Доля казахстанских кадров: малое предпринимательство
console-check-kazakh-share-not-applicable = Доля казахстанских кадров не требуется
console-check-employer-profile-required = Сведения о работодателе
console-check-qualification-data = Квалификация
console-check-term-allowed = Срок разрешения
console-check-labour-market-test = Поиск кандидатов на внутреннем рынке
console-check-employer-barred = Запрет после отзыва
console-check-replacement-commitment = Обязательство замены
console-check-replacement-obligation-met = Прежние обязательства замены
console-check-worker-on-live-permit = Работник в другом действующем разрешении
console-check-worker-on-pending-application = Работник в другом заявлении
console-check-passport-expires = Срок действия паспорта
console-check-worker-needs-no-permit = Разрешение не требуется (ЕАЭС)
console-check-worker-exempt = Освобождён от разрешения
console-action-permit-applied = подано заявление
console-action-permit-approved = одобрено регионом
console-action-permit-refused = отказано
console-action-permit-withdrawn = заявление отозвано работодателем
console-action-permit-fee-paid = сбор оплачен
console-action-permit-issued = разрешение выдано
console-action-permit-lapsed = утратило силу: сбор не оплачен в срок
console-action-permit-suspended = приостановлено
console-action-permit-resumed = возобновлено
console-action-permit-revoked = отозвано
console-action-permit-returned = возвращено работодателем
console-action-permit-annulled = аннулировано
console-action-permit-reissued = переоформлено на другого работника
console-action-permit-replacement-reported = сообщено о замене
console-action-permit-trip-reported = сообщено о командировке
console-action-permit-expiring = скоро истекает срок: открылось окно продления
console-action-permit-fee-due = последний день уплаты сбора
console-action-permit-departure-overdue = просрочен выезд работников
console-action-ict-permit-expiring = скоро истекает срок: открылось окно продления
console-action-ict-permit-departure-overdue = просрочен выезд работников
console-action-self-employment-certificate-applied = заявление зарегистрировано
console-action-self-employment-certificate-issued = справка выдана
console-action-self-employment-certificate-refused = отказано
console-action-self-employment-certificate-extended = продлена на срок трудового договора
console-action-self-employment-certificate-employment-reported = работодатель сообщил о трудоустройстве
console-action-self-employment-certificate-annulled = аннулировано
console-action-ict-permit-applied = подано заявление
console-action-ict-permit-issued = разрешение выдано
console-action-ict-permit-refused = отказано
console-action-ict-permit-extension-applied = подано заявление о продлении
console-action-ict-permit-extended = продлено
console-action-ict-permit-extension-refused = в продлении отказано
console-action-ict-permit-extension-ended = заявление о продлении прекращено
console-action-ict-permit-suspended = приостановлено
console-action-ict-permit-resumed = возобновлено
console-action-ict-permit-revoked = отозвано
console-action-ict-permit-annulled = аннулировано
console-action-ict-permit-arrival-notified = сообщено о прибытии
console-action-ict-permit-arrival-notice-due = срок уведомления о прибытии
console-action-ict-permit-departure-recorded = отмечен выезд работника
console-action-permit-departure-recorded = отмечен выезд работника
console-action-permit-extension-applied = подано заявление о продлении
console-action-permit-extension-ended = продление прекращено
console-action-permit-extension-revived = продление восстановлено вместе с разрешением по жалобе
console-action-permit-decision-ordered = по жалобе назначено новое решение
console-action-permit-complaint-filed = подана жалоба
console-action-permit-complaint-forwarded = жалоба передана на рассмотрение
console-action-permit-complaint-partly-satisfied = жалоба удовлетворена частично
console-action-permit-complaint-reconsidered = жалоба пересмотрена
console-action-permit-complaint-refused = в удовлетворении жалобы отказано
console-action-permit-complaint-satisfied = жалоба удовлетворена
console-action-permit-complaint-reinstated = восстановлено по жалобе
console-action-personal-data-read = просмотрены персональные данные
console-position-head = руководитель
console-position-manager = менеджер
console-position-specialist = специалист
console-rules-yes = да
console-rules-no = нет
console-rules-none = нет
console-rules-unit-months = мес.
console-rules-unit-days = дн.
console-rules-section-categories = Категории и сроки
console-rules-section-category_4_replacement = 4-я категория: замена гражданами Казахстана
console-rules-section-ict = Внутрикорпоративный перевод
console-rules-section-self_employment = Самостоятельное трудоустройство
console-rules-section-kazakh_share = Доля казахстанских кадров
console-rules-section-fees = Сборы
console-rules-section-mrp = Месячный расчётный показатель
console-rules-section-deadlines = Сроки
console-rules-section-extension_window = Срок подачи заявления о продлении
console-rules-section-business_trips = Командировки
console-rules-section-labour_market_test = Поиск кандидатов на внутреннем рынке
console-rules-section-quota_demand = Потребность в квоте
console-rules-section-lists = Приоритетные отрасли и востребованные профессии
console-rules-section-holidays = Выходные и праздничные дни
console-rules-section-permit_grounds = Основания отказа и отзыва
console-rules-section-complaints = Жалобы
console-rules-section-working_age = Трудоспособный возраст
console-rules-section-no_permit_list = Перечень лиц, которым разрешение не требуется
console-rules-section-case_grounds = Основания отказа в справках и разрешениях ВКП
console-rules-key-allowed = допускается
console-rules-key-applies_from = применяется с
console-rules-key-arrival_notice_days = срок уведомления о прибытии, дней
console-rules-key-article = статья
console-rules-key-bars_employer = закрывает выдачу работодателю
console-rules-key-by_term = по сроку
console-rules-key-categories = категории
console-rules-key-category = категория
console-rules-key-code = код
console-rules-key-confirmed = сверено с официальным текстом
console-rules-key-days_off = выходные дни
console-rules-key-deciding_bodies = органы, принимающие решение
console-rules-key-decision_working_days = срок решения, рабочих дней
console-rules-key-eaeu_citizens_count_as_foreign = граждане ЕАЭС считаются иностранцами
console-rules-key-earliest_days_before_expiry = не ранее чем за, дней до окончания
console-rules-key-exemption_max_employees = не более работников для освобождения
console-rules-key-extension = продление
console-rules-key-extension_apply_within_months = подать на продление в течение, мес.
console-rules-key-extension_decision_working_days = срок решения о продлении, рабочих дней
console-rules-key-extension_max_months = продление не более, мес.
console-rules-key-extension_months = продление, мес.
console-rules-key-fee_payment_working_days = срок оплаты сбора, рабочих дней
console-rules-key-fees = сборы
console-rules-key-filing_closes = приём заявок заканчивается
console-rules-key-filing_months = срок подачи жалобы, мес.
console-rules-key-filing_opens = приём заявок начинается
console-rules-key-from = с
console-rules-key-valid_from = с
console-rules-key-group = группа
console-rules-key-higher_education_required = требуется высшее образование
console-rules-key-ict_exempt = внутрикорпоративный перевод освобождён от сбора
console-rules-key-in_demand_professions = востребованные профессии
console-rules-key-initial = первичное разрешение
console-rules-key-initial_max_months = первичный срок не более, мес.
console-rules-key-issue_decision_working_days = срок решения о выдаче, рабочих дней
console-rules-key-latest_days_before_expiry = не позднее чем за, дней до окончания
console-rules-key-max_days = не более дней
console-rules-key-max_days_per_calendar_year = не более дней в календарном году
console-rules-key-max_employees = не более работников
console-rules-key-max_extensions = продлений не более
console-rules-key-max_months = не более, мес.
console-rules-key-max_percent_of_kazakh_staff = не более доли от казахстанских работников
console-rules-key-max_term_months = срок не более, мес.
console-rules-key-min_days_published = вакансия опубликована не менее, дней
console-rules-key-min_experience_years = опыт работы не менее, лет
console-rules-key-min_kazakh_percent = доля казахстанских кадров не менее
console-rules-key-min_months = не менее, мес.
console-rules-key-minimum_age = минимальный возраст
console-rules-key-mrp = МРП
console-rules-key-name = наименование
console-rules-key-occupation_code = код занятия
console-rules-key-posted_workers_count = командированные работники учитываются
console-rules-key-priority_sectors = приоритетные отрасли
console-rules-key-ratios = соотношения
console-rules-key-reconsideration_working_days = срок пересмотра, рабочих дней
console-rules-key-refusal = основания отказа
console-rules-key-regional_proposals_due = предложения регионов до
console-rules-key-reissue = переоформление на другого работника
console-rules-key-revocation = основания отзыва
console-rules-key-same_occupation = только по той же профессии
console-rules-key-seasonal = сезонные работы
console-rules-key-seasonal_professions = сезонные профессии
console-rules-key-sector = отрасль
console-rules-key-sector_groups = группы отраслей
console-rules-key-sectors = отрасли
console-rules-key-small_business_exemption = освобождение малого предпринимательства
console-rules-key-source = источник
console-rules-key-tenge = тенге
console-rules-key-unit = единица
console-rules-key-unlawful_engagement_bar_months = запрет за незаконное привлечение, мес.
console-rules-key-up_to = до указанного срока
console-rules-key-values = значения
console-rules-key-working_weekend_days = рабочие выходные дни
console-rules-key-year = год
console-rules-key-years = годы
console-role-system = система
console-actor-system = сервис (автоматически)
console-actor-seed = начальная загрузка

## Страницы консоли для справок, разрешений ВКП и региона (issue 21, п. 6)
console-nav-certificates = Справки
console-nav-ict-permits = Разрешения ВКП
console-nav-region = Регион
console-certificates-title = Справки о самостоятельном трудоустройстве
console-certificates-intro = Справки о соответствии квалификации для самостоятельного трудоустройства (ст. 34): заявления, решения, продления и сообщения работодателей, от старых к новым.
console-certificate-title = Справка о самостоятельном трудоустройстве
console-certificate-status-applied = ожидает решения
console-certificate-status-issued = выдана
console-certificate-status-refused = отказано
console-certificate-status-extended = продлена на срок трудового договора
console-certificate-via-mission = через загранучреждение
console-certificate-via-akimat = непосредственно в акимат
console-certificate-months = Срок действия, месяцев
console-certificate-extension = Продление на срок трудового договора
console-all-regions = Все регионы
console-choose-region = Выберите регион
console-choose = Выберите
console-show = Показать
console-back-to-certificates = К списку справок
console-back-to-ict-permits = К списку разрешений ВКП
console-cancel-case = Отменить и вернуться к делу
console-col-channel = Способ подачи
console-col-condition = Особое условие
console-col-contract = Трудовой договор
console-col-date = Дата
console-col-deadline = Срок уведомления
console-col-entry = Въезд
console-col-experience = Стаж, лет
console-col-extended = продлена
console-col-higher-education = Высшее образование
console-col-iin = ИИН
console-col-justification = Обоснование
console-col-kazakh-staff = Казахстанские кадры
console-col-notified = Уведомлено
console-col-prior-months = Месяцев в направляющей организации
console-col-refusal-reason = Примечание к отказу
console-col-valid-until = Действует до
console-col-workers = Работники
console-confirm-certificate-refuse = Вы отказываете в выдаче справки по основаниям: { $grounds }.
console-confirm-ict-refuse = Вы отказываете в выдаче разрешения ВКП по основаниям: { $grounds }.
console-confirm-ict-extension-refuse = Вы отказываете в продлении по основаниям: { $grounds }.
console-rules-key-applies_to = для отказа в
console-rules-use-certificate = справке о самостоятельном трудоустройстве
console-rules-use-ict = разрешении ВКП
console-rules-use-ict_extension = продлении разрешения ВКП
console-col-refusal-grounds = Основания отказа
console-effect-certificate-refused = Заявление закрывается; заявитель может обжаловать отказ или подать заявление снова.
console-effect-ict-refused = Заявление закрывается; квота и сбор не затрагиваются; работодатель может обжаловать отказ.
console-effect-ict-extension-refused = Срок разрешения не меняется; работодатель может обжаловать отказ.
console-contract-employer = БИН работодателя
console-contract-start = Первый день договора
console-contract-end = Последний день договора
console-demand-review = Рассмотрение
console-demand-review-submit = Записать решение
console-demand-decision-accept = поддержать полностью
console-demand-decision-reduce = поддержать в меньшем числе
console-demand-decision-reject = не поддержать
console-demand-status-filed = ожидает рассмотрения
console-demand-status-accepted = поддержана полностью
console-demand-status-reduced = поддержана частично
console-demand-status-rejected = не поддержана
console-done-certificate-issued = Справка выдана.
console-done-certificate-refused = В выдаче справки отказано.
console-done-certificate-extended = Справка продлена на срок трудового договора.
console-done-ict-issued = Разрешение ВКП выдано.
console-done-ict-refused = В выдаче разрешения ВКП отказано.
console-done-ict-extended = Разрешение ВКП продлено.
console-done-ict-extension-refused = В продлении отказано.
console-done-demand-reviewed = Решение записано.
console-employment-reports = Сообщения работодателей о приёме и прекращении работы
console-report-hire = принят на работу
console-report-end = работа прекращена
console-report-past-validity = вне срока действия справки
console-extend = Продлить
console-issue = Выдать
console-refusal-reason = Примечание (необязательно)
console-refuse-extension = Отказать в продлении
console-yes = да
console-no = нет
console-ict-permits-title = Разрешения ВКП
console-ict-permits-intro = Разрешения на внутрикорпоративный перевод (ст. 35): заявления к решению, заявления о продлении и уведомления о прибытии, от старых к новым.
console-ict-permit-title = Разрешение ВКП
console-ict-arrivals = Уведомления о прибытии
console-ict-extension = Продление
console-ict-extension-asked = Запрошено продление, месяцев
console-ict-extensions = Продлений выдано
console-ict-extend-months = Продлить на месяцев
console-ict-form-branch = филиал
console-ict-form-subsidiary = дочерняя организация
console-ict-form-representative_office = представительство
console-ict-condition-train_kazakh_staff = обучение казахстанских кадров
console-ict-condition-create_jobs = создание рабочих мест для граждан Казахстана
console-region-title = Регион: квота и потребность
console-region-quota = Квота региона по категориям
console-region-countries = Квоты по странам происхождения (общие)
console-region-demands = Потребность работодателей в квоте
console-region-read-only = Вы видите регион так, как его видит акимат; рассмотрение — за акиматом.
console-region-choose-first = Выберите регион, чтобы увидеть его квоту и потребность.
console-col-year = Год
## The console's complaint pages (issue 23, item 4).
console-nav-complaints = Жалобы
console-complaints-title = Жалобы, ожидающие решения
console-complaints-intro = Жалобы на акты, ожидающие решения вашего органа, по сроку, просроченные первыми.
console-complaints-empty = Жалоб, ожидающих вас, нет.
console-complaint-title = Жалоба
console-col-complaint = Жалоба
console-col-act = Обжалуемый акт
console-col-act-on = Дата уведомления об акте
console-col-relief = Требование
console-col-grounds = Доводы
console-col-references = Приложенные документы
console-col-late = Срок подачи
console-col-deciding-body = Орган, рассматривающий жалобу
console-col-forwarded = Передана
console-col-decided = Решена
console-col-reasons = Мотивы решения
console-complaint-case = дело
console-complaint-certificate = справка о самостоятельном трудоустройстве
console-complaint-ict = разрешение ВКП
console-complaint-late = подана с пропуском срока
console-complaint-late-yes = подана с пропуском срока обжалования
console-complaint-late-no = подана в срок
console-complaint-term = Пропущенный срок обжалования
console-complaint-term-restored-yes = пропущенный срок восстановлен по уважительной причине
console-complaint-term-restored-no = пропущенный срок не восстановлен
console-complaint-awaiting-quota = разрешение ожидает квоты
console-complaint-act-refusal = отказ в выдаче разрешения
console-complaint-act-suspension = приостановление разрешения
console-complaint-act-revocation = отзыв разрешения
console-complaint-act-missed_deadline = решение, не принятое в срок
console-complaint-act-certificate_refusal = отказ в выдаче справки о самостоятельном трудоустройстве
console-complaint-act-ict_refusal = отказ в выдаче разрешения ВКП
console-complaint-relief-annul = отменить акт
console-complaint-relief-take_decision = принять решение
console-complaint-state-filed = у акимата, чей акт обжалуется
console-complaint-state-reconsidered = удовлетворена самим акиматом
console-complaint-state-forwarded = у органа, рассматривающего жалобу
console-complaint-state-satisfied = удовлетворена
console-complaint-state-partly_satisfied = удовлетворена частично
console-complaint-state-refused = оставлена без удовлетворения
console-complaint-body-akimat = аким области
console-complaint-body-ministry = уполномоченное подразделение министерства
console-complaint-own-term = Удовлетворить самим или передать
console-complaint-reasons = Мотивы
console-complaint-reconsider = Удовлетворить жалобу
console-complaint-forward = Передать органу, рассматривающему жалобу
console-complaint-decision = Решение по жалобе
console-complaint-outcome = Итог
console-complaint-outcome-satisfied = удовлетворить: отменить акт
console-complaint-outcome-partly_satisfied = удовлетворить частично: акт остаётся в силе
console-complaint-outcome-refused = оставить без удовлетворения
console-complaint-decide = Решить
console-confirm-complaint-reconsider = Вы сами удовлетворяете жалобу № { $id } на акт: { $act }.
console-confirm-complaint-forward = Вы передаёте жалобу № { $id } на акт: { $act }.
console-confirm-complaint-satisfied = Вы удовлетворяете жалобу № { $id } на акт: { $act }.
console-confirm-complaint-partly-satisfied = Вы частично удовлетворяете жалобу № { $id } на акт: { $act }.
console-confirm-complaint-refused = Вы оставляете без удовлетворения жалобу № { $id } на акт: { $act }.
console-effect-complaint-annulled = Акт отменяется: { $act }.
console-effect-complaint-quota = Разрешение снова действует и снова занимает квоту там, где в регионах есть место; где места нет, оно первым ожидает квоты.
console-effect-complaint-bar = Запрет на выдачу работодателю новых разрешений (ст. 33 п. 2) снимается.
console-effect-complaint-active = Разрешение снова действует.
console-effect-complaint-redecide = Дело возвращается в состояние до акта и решается заново.
console-effect-complaint-stands = Акт остаётся в силе: { $act }; работодатель прочтёт мотивы.
console-effect-complaint-forward = Жалоба передаётся: { $body }; срок решения исчисляется с сегодняшнего дня в рабочих днях.
console-effect-complaint-term-restored = Пропущенный срок обжалования восстанавливается.
console-effect-complaint-term-not-restored = Пропущенный срок обжалования не восстанавливается.
console-effect-complaint-reasons = Ваши мотивы сохранятся в жалобе: { $reasons }
console-done-complaint-reconsider = Жалоба удовлетворена: акт отменён.
console-done-complaint-forward = Жалоба передана органу, рассматривающему жалобы.
console-done-complaint-satisfied = Жалоба удовлетворена: акт отменён.
console-done-complaint-partly-satisfied = Жалоба удовлетворена частично.
console-done-complaint-refused = Жалоба оставлена без удовлетворения.
console-complaint-reinstatement = Восстановить разрешение
console-complaint-reinstatement-why = Жалоба отменила отзыв, но в регионах разрешения не осталось квоты: разрешение остаётся отозванным и первым ожидает квоты. Восстановите его, когда место появится.
console-complaint-reinstate = Восстановить разрешение
console-confirm-complaint-reinstate = Вы восстанавливаете разрешение по жалобе № { $id } на акт: { $act }.
console-effect-complaint-reinstate = Разрешение снова действует и снова занимает квоту в каждом указанном регионе: она резервируется и используется сразу.
console-effect-complaint-reinstate-extension = Продление, если оно прекратилось вместе с отзывом, возвращается в прежнее состояние.
console-effect-complaint-reinstate-no-room = Если в каком-либо регионе места всё ещё нет, ничего не меняется, и разрешение по-прежнему первым ожидает квоты.
console-done-complaint-reinstate = Разрешение восстановлено: оно снова действует.
console-stale-complaint = Жалоба изменилась после того, как вы её открыли. Ничего не сделано; ниже — жалоба в её нынешнем виде.
console-action-complaint-filed = жалоба подана
console-action-complaint-forwarded = жалоба передана
console-action-complaint-reconsidered = удовлетворена самим акиматом
console-action-complaint-satisfied = жалоба удовлетворена
console-action-complaint-partly-satisfied = жалоба удовлетворена частично
console-action-complaint-refused = жалоба оставлена без удовлетворения
console-action-complaint-reinstated = разрешение восстановлено

## Education levels as an application names them (issue 21)
console-education-postgraduate = послевузовское
console-education-higher = высшее
console-education-vocational = техническое и профессиональное
console-education-secondary = среднее
console-education-basic = основное среднее
console-education-primary = начальное

## Dates typed into the console's forms (issue 21)
console-date-hint = день.месяц.год, например { $example }
malformed-typed-date = в поле { $field ->
    [due_by] «Срок решения»
    [contract_start] «Первый день договора»
    [contract_end] «Последний день договора»
   *[other] даты
  } введено «{ $typed }», а не дата: пишите дату как 07.12.2026 (день.месяц.год)

## The certificate list's order (issue 21)
console-sort = Порядок
console-sort-filed = по дате подачи
console-sort-deadline = по сроку: справки с ближайшим последним днём первыми

## Why a field is refused: errors[].message of a problem (issue 22)
field-between = значение должно быть от { $min } до { $max }
field-at-least = значение должно быть не меньше { $min }
field-at-most = значение должно быть не больше { $max }
field-above-zero-at-most = значение должно быть больше 0 и не больше { $max }
field-chars-between = длина должна быть от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }
field-chars-at-least = длина должна быть не меньше { $min } { $min ->
        [one] символа
       *[other] символов
    }
field-chars-at-most = длина должна быть не больше { $max } { $max ->
        [one] символа
       *[other] символов
    }
field-chars-exactly = длина должна быть ровно { $n } { $n ->
        [one] символ
        [few] символа
       *[other] символов
    }
field-items-between = список должен содержать от { $min } до { $max } { $max ->
        [one] элемента
       *[other] элементов
    }
field-items-at-least = список должен содержать не меньше { $min } { $min ->
        [one] элемента
       *[other] элементов
    }
field-items-at-most = список должен содержать не больше { $max } { $max ->
        [one] элемента
       *[other] элементов
    }
field-items-exactly = список должен содержать ровно { $n } { $n ->
        [one] элемент
        [few] элемента
       *[other] элементов
    }
field-blank = текст не должен быть пустым или состоять из одних пробелов
field-empty = значение не должно быть пустым
field-nul = текст не должен содержать символ NUL (U+0000)
field-nul-in-key = ключ не должен содержать символ NUL (U+0000)
field-date-outside = дата должна быть в пределах с { $from } по { $to }
field-not-before = дата должна быть не ранее { $earliest }
field-typed-date = дата должна быть записана как день.месяц.год, например 07.12.2026
field-whole-number = значение должно быть целым числом
field-positive-amount = сумма в тенге должна быть больше нуля
field-too-large = значение слишком велико для расчёта
field-twice = указано дважды
field-repeated = одно и то же значение указано больше одного раза
field-category-once = категория { $category } должна быть указана ровно один раз, указана { $found } { $found ->
        [one] раз
        [few] раза
       *[other] раз
    }
field-one-of = значение должно быть одним из: { $allowed }
field-none-of-choices = значение не входит в варианты этой страницы
field-ground-code = код основания должен состоять из 1–{ $max } строчных латинских букв, цифр и дефисов
field-cursor = курсор выдан не этим сервисом
field-visible-ascii = значение должно состоять из { $min }–{ $max } видимых символов ASCII
field-quoted-version = значение должно быть номером версии в кавычках, например "3"
field-required-when = обязательно { $when ->
        [issue] при выдаче; при выдаче основания и причина не указываются
        [refuse] при отказе
        [revoke] при отзыве
        [foreign-mission] при подаче через загранучреждение
        [special-economic-zone] для специальной экономической зоны
        [intra-corporate-transfer] для внутрикорпоративного перевода
        [position-or-transfer] вместе с position или intra_corporate_transfer
        [employer-kind] вместе с employer_kind
       *[other] в этом случае
    }
field-only-when = указывается только { $when ->
        [issue] при выдаче
        [refuse] при отказе
        [revoke] при отзыве
        [foreign-mission] при подаче через загранучреждение
        [special-economic-zone] для специальной экономической зоны
        [intra-corporate-transfer] вместе с intra_corporate_transfer
        [position-or-transfer] вместе с position или intra_corporate_transfer
        [employer-kind] вместе с employer_kind
       *[other] в другом случае
    }
field-required = не указано
field-invalid = недопустимое значение
field-id-twelve-digits = должно состоять ровно из 12 цифр
field-id-check-digit = контрольная цифра не совпадает
field-id-bin = не является БИН: ГГММ регистрации (месяц 01–12), затем 4, 5 или 6, затем цифра от 0 до 3
field-id-iin = не является ИИН: реальная дата рождения ГГММДД, затем цифра века от 1 до 6
field-id-employer = не является ни БИН (ГГММ, затем 4–6, затем 0–3), ни ИИН индивидуального предпринимателя (ГГММДД, затем 1–6)
field-id-region = должно иметь вид KZ-NN (ISO 3166-2:KZ)
field-id-country = должно состоять из трёх заглавных латинских букв (ISO 3166-1 alpha-3)
field-id-sector = должно быть одной буквой секции ОКЭД от A до U
field-rules-terms-ascending = сроки должны быть положительными и идти по возрастанию
field-rules-years-once = каждый год указывается один раз, по возрастанию
field-rules-dates-of-year = даты { $year } года указываются по одному разу, по возрастанию
field-rules-weekend-off = { $date } — суббота или воскресенье; указывайте только нерабочие будние дни
field-rules-not-weekend = { $date } — не суббота и не воскресенье
field-rules-category-one-ratio = категория { $category } должна входить ровно в одно соотношение, найдено: { $found }
field-rules-group-repeated = группа { $group } указана больше одного раза
field-rules-sector-in-groups = секция { $sector } входит больше чем в одну группу сборов
field-rules-fee-per-category = для категории { $category } должна быть одна ставка сбора, найдено: { $found }
field-rules-terms-once = сроки должны быть положительными, без повторов и по возрастанию
field-rules-durations-ascending = сроки должны идти по возрастанию
field-rules-sector-not-priority = секция { $sector } не входит в приоритетные отрасли
field-rules-occupation-code = должно быть кодом НКЗ: четыре цифры, затем, возможно, дефис и цифры
field-rules-source = укажите нормативный акт, из которого это взято
field-rules-grounds-listed = нужно хотя бы одно основание, каждый код — один раз
field-rules-ground-named = у каждого основания должны быть код, статья и название на казахском, русском и английском
field-rules-ground-codes = у каждого основания должен быть свой код из строчных латинских букв, цифр и дефисов, без повторов
field-rules-ground-article = у каждого основания должны быть статья и название на казахском, русском и английском
field-rules-ground-applies = каждое основание относится хотя бы к одному решению, каждое решение — один раз
field-rules-list-categories = у каждой категории должны быть свой код без повторов и название на казахском, русском и английском
field-rules-no-extension-terms = должно быть 0, если у категории нет сроков продления
field-rules-replacement-months = min_months должно быть положительным и не больше max_months
field-rules-mrp-ascending = значения МРП должны идти по возрастанию дат
field-rules-mrp-amount = должно быть положительной суммой в целых тиынах, которую вмещает журнал
field-rules-extension-window = earliest_days_before_expiry должно быть больше latest_days_before_expiry
field-rules-filing-window = filing_opens не должно быть позже filing_closes
field-rules-seasonal-rate = нет ставки для сезонных разрешений сроком до { $term } { $term ->
        [one] дня
       *[other] дней
    }
field-rules-size = должно содержать не больше { $max } { $max ->
        [one] элемента или символа
       *[other] элементов или символов
    }
