# Заголовки проблем
title-malformed-request = Некорректный запрос
title-unsupported-media-type = Неподдерживаемый тип содержимого
title-payload-too-large = Слишком большое тело запроса
title-invalid-fields = Некоторые поля заполнены неверно
title-rule-violation = Запрос отклонён по норме закона
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

# 401
unauthorized-no-token = требуется токен Bearer
unauthorized-not-bearer = заголовок Authorization должен иметь вид `Bearer <токен>`
unauthorized-token-malformed = токен некорректен
unauthorized-algorithm = алгоритм токена не принимается
unauthorized-expired = срок действия токена истёк
unauthorized-signature = подпись токена недействительна
unauthorized-token-invalid = токен недействителен
unauthorized-no-subject = в токене нет субъекта
unauthorized-claim = утверждение { $claim } в токене недействительно: { $reason }
unauthorized-missing-claim = для этой роли токен должен содержать утверждение { $claim }

# 403
forbidden-role = роль { $role } не может выполнить здесь это действие
forbidden-other-region = акимат видит только свой регион
forbidden-no-bin = в токене нет БИН работодателя

# 404
not-found-resource = такого ресурса нет
not-found-path = по адресу { $path } ресурса нет
not-found-case = такого дела нет
not-found-demand = заявки на квоту { $id } нет
not-found-hold = резерва квоты { $id } нет
not-found-region = региона { $region } нет
not-found-quota-year = квота на { $year } год не установлена
not-found-rule-set-on = на { $date } не действует ни один набор правил
not-found-rule-set-version = версии набора правил { $version } нет

# 409
conflict-created-concurrently = параллельный запрос создал такую же запись; прочитайте её заново
conflict-idempotency-key-reused = этот Idempotency-Key уже использован для другого запроса
conflict-idempotency-key-in-use = запрос с этим Idempotency-Key ещё обрабатывается
conflict-quota-set-concurrently = квота года изменилась, пока устанавливалась эта версия; прочитайте её заново
conflict-country-quota-taken = единицы квоты для { $country } были заняты параллельно
conflict-allocation-changed = распределение изменилось, пока оно устанавливалось; прочитайте его заново
conflict-case-already-holds-quota = { $case } уже занимает квоту
conflict-hold-state-changed = резерв квоты { $id } изменился параллельно
conflict-demand-changed = заявка на квоту { $id } изменилась во время рассмотрения
conflict-illegal-transition = { $machine } в состоянии { $state } не допускает событие { $event }

# Нарушения норм (код = ключ)
category-split-exceeds-quota = сумма по категориям { $sum } больше квоты на разрешения { $total } на { $year } год
quota-below-distributed = категорию { $category } нельзя уменьшить до { $total }: { $distributed } уже распределено по регионам
quota-not-set = в национальной квоте на { $year } год ещё нет категории { $category }
quota-out-of-range = квота { $component } вне допустимого диапазона
country-not-treaty-partner = у { $country } нет ратифицированного договора с Казахстаном о трудовой миграции
country-quota-for-eaeu-member = { $country } — член Евразийского экономического союза: его граждане работают без разрешения, поэтому квоты по стране происхождения для него быть не может
quota-below-used = квоту для { $country } нельзя уменьшить до { $number }: { $taken } уже зарезервировано или использовано
unknown-country = { $country } нет в справочнике
allocation-below-used = квоту { $region } по категории { $category } на { $year } год нельзя уменьшить до { $number }: { $taken } зарезервировано или использовано
national-quota-exceeded = { $region } получил бы ещё { $increase } по категории { $category } на { $year } год, но нераспределённым осталось только { $reserve }
transfer-to-itself = у перераспределения должны быть два разных конца
transfer-exceeds-unused = у { $source } { $available } неиспользованных единиц категории { $category } на { $year } год, меньше чем { $units }
quota-exhausted = у { $region } осталось { $left } из { $allocated } единиц категории { $category } на { $year } год; запрошено { $wanted }
country-quota-exhausted = в квоте на { $year } год для граждан { $country } осталось { $left } единиц; запрошено { $wanted }
reduction-invalid = для сокращения нужно число меньше запрошенных { $requested } и причина
reason-required = для отказа нужна причина
profession-not-seasonal = профессии { $profession } нет в перечне сезонных профессий министерства
demand-filing-closed = заявки на { $year } год подаются с { $opens } по { $closes }; сегодня { $today }
statutory-limit-exceeded = { $field } равно { $value }; закон допускает не более { $limit }
ict-fee-not-allowed = { $field } должно быть true: за внутрикорпоративный перевод сбор не взимается
title-request-timeout = Истекло время ожидания запроса
title-header-too-large = Заголовок слишком большой
detail-request-timeout = тело запроса не поступило вовремя
detail-header-too-large = заголовок запроса больше { $limit } байт
unauthorized-subject-too-long = субъект токена длиннее { $max } байт
unauthorized-subject-control = субъект токена содержит управляющие символы
unauthorized-no-region = утверждение region: региона { $region } нет
malformed-query-nul = параметр запроса { $field } не должен содержать U+0000 (NUL)

# Permits (Art. 33): checks of an application (code = key), stored and rendered when read
quota-available = у { $region } осталось { $left } единиц квоты категории { $category } на { $year } год; нужно { $wanted }
country-quota-available = в квоте { $year } года для граждан { $country } осталось { $left } единиц; нужно { $wanted }
kazakh-share = категории { $categories }: { $kazakh } казахстанских работников против { $foreign } иностранных с этим разрешением; казахстанских должно быть не менее { $min } %
kazakh-share-exempt = филиал или представительство иностранного юридического лица с { $employees } работниками (не более { $max }) не соблюдает соотношение казахстанских кадров
kazakh-share-not-applicable = категория { $category } не входит ни в одно соотношение казахстанских кадров
employer-profile-required = у работодателя нет профиля, действующего на { $date }: для проверки соотношения нужен его штат
qualification-data = { $worker }: занятие { $occupation }, стаж { $years } лет; требуются образование, код занятия по НКЗ и ссылка на квалификационный справочник
term-allowed = категория { $category } со сроком { $length } ({ $unit })
labour-market-test = вакансия опубликована на Электронной бирже труда за { $days } дней до заявления; требуется не менее { $min } и её код
employer-barred = отзыв разрешения за незаконное привлечение иностранной рабочей силы закрывает работодателю выдачу до { $until }
replacement-commitment = по 4-й категории работодатель обязуется заменить иностранцев гражданами Казахстана в срок от { $min } до { $max } месяцев
worker-on-live-permit = { $worker } указан в действующем разрешении { $permit }
passport-expires = паспорт { $worker } истекает { $expiry }, раньше окончания разрешения { $end }
worker-needs-no-permit = { $worker } — гражданин { $country }, государства — члена ЕАЭС, и не нуждается в разрешении: отказано по этому работнику, квота не расходуется
no-worker-needs-permit = все указанные работники — граждане ЕАЭС и не нуждаются в разрешении
fee-rate-missing = в своде правил нет ставки сбора для категории { $category } в секции { $sector }
fee-underpaid = в бюджет { $region } уплачено { $paid } тенге; сбор составляет { $due } тенге по МРП { $mrp } тенге на дату оплаты
trip-region-in-permit = { $region } указан в разрешении: разрешение действует там само, командировка не нужна
trip-outside-validity = командировка с { $from } по { $to } выходит за срок действия разрешения с { $start } по { $end }
trip-days-exceeded = в { $year } году у работника { $used } дней командировок; ещё { $wanted } превысят { $max }
unknown-ground = { $ground } нет в перечне оснований министерства
grounds-required = в отказе указывается хотя бы одно основание из перечня министерства
foreign-division-mismatch = { $bin } — это { $kind }: подразделением иностранного юридического лица может быть только филиал или представительство
extension-not-allowed = разрешения категории { $category } не продлеваются
extension-limit-reached = разрешение категории { $category } продлевается не более { $max } раз
extension-window = продление разрешения, истекающего { $end }, запрашивается с { $opens } по { $closes }; сегодня { $today }
payment-date-invalid = дата оплаты { $date } раньше решения ({ $decided }) или позже сегодняшнего дня ({ $today })
start-date-past = разрешение не может начаться { $start }, раньше сегодняшнего дня ({ $today })
region-not-in-permit = { $region } не указан в разрешении
unknown-sector = { $sector } не является секцией ОКЭД
not-found-permit = разрешение { $id } не найдено
not-found-employer-profile = профиль работодателя { $bin } не найден
not-found-worker = работника { $id } нет в этом разрешении
conflict-permit-changed = разрешение { $id } изменено параллельно; прочитайте его снова
conflict-profile-changed = профиль { $bin } на { $date } изменён параллельно; прочитайте его снова
conflict-departure-recorded = выезд работника { $id } уже зарегистрирован
