# Problem titles
title-malformed-request = The request is malformed
title-unsupported-media-type = Unsupported media type
title-payload-too-large = The body is too large
title-invalid-fields = Some fields are invalid
title-rule-violation = A rule of the law refuses the request
title-unauthorized = Authentication required
title-forbidden = Not allowed for this caller
title-not-found = Not found
title-method-not-allowed = Method not allowed
title-conflict = Conflict with the current state
title-stale-version = Precondition failed
title-service-unavailable = Service unavailable
title-internal-error = Internal error

# Problem details
detail-unsupported-media-type = the body must be application/json
detail-payload-too-large = the body is larger than { $limit } bytes
detail-invalid-fields = some fields are invalid
detail-method-not-allowed = { $method } is not allowed here; allowed: { $allow }
detail-stale-version = the resource changed since you read it (version { $current })
detail-service-unavailable = the database is unavailable; retry later
detail-internal-error = internal error

# 400
malformed-body = the JSON body does not match the schema: { $reason }
malformed-path = a path parameter is malformed
malformed-query = the query string is malformed: { $reason }
malformed-parameter = { $field } { $reason }
malformed-idempotency-key = Idempotency-Key must be 1 to 255 visible ASCII characters
malformed-if-match = If-Match must be an ETag this service sent, e.g. "3"
malformed-limit = limit must be between 1 and 500
malformed-cursor = the cursor is not one this service sent
malformed-year = year { $year } is outside 2000-2100
malformed-year-text = year { $year } is not a whole number

# 401
unauthorized-no-token = a bearer token is required
unauthorized-not-bearer = the Authorization header must be `Bearer <token>`
unauthorized-token-malformed = the token is malformed
unauthorized-algorithm = the token's algorithm is not accepted
unauthorized-expired = the token has expired
unauthorized-signature = the token's signature is invalid
unauthorized-token-invalid = the token is invalid
unauthorized-no-subject = the token has no subject
unauthorized-claim = the token's { $claim } claim is invalid: { $reason }
unauthorized-missing-claim = the token needs a { $claim } claim for its role

# 403
forbidden-role = the role { $role } may not do this here
forbidden-other-region = an akimat sees its own region only
forbidden-no-bin = no employer BIN in the token

# 404
not-found-resource = no such resource
not-found-path = no resource at { $path }
not-found-case = no such case, or not one of yours
not-found-hold = no quota hold { $id }
not-found-region = no region { $region }
not-found-country = no country { $country } in the reference data
not-found-quota-year = no quota is set for { $year }
not-found-rule-set-on = no rule set is in force on { $date }
not-found-rule-set-version = no rule set version { $version }

# 409
conflict-created-concurrently = a concurrent request created the same record; read it again
conflict-idempotency-key-reused = this Idempotency-Key was used for a different request
conflict-idempotency-key-in-use = a request with this Idempotency-Key is being processed
conflict-quota-set-concurrently = the year's quota changed while this version was being set; read it again
conflict-country-quota-taken = units of the { $country } quota were taken concurrently
conflict-allocation-changed = the allocation changed while it was being set; read it again
conflict-case-already-holds-quota = { $case } already holds quota
conflict-hold-state-changed = quota hold { $id } changed concurrently
conflict-demand-changed = quota demand { $id } changed while it was being reviewed
conflict-illegal-transition = a { $machine } that is { $state } cannot take the event { $event }

# Rule violations (code = key)
category-split-exceeds-quota = the categories add up to { $sum }, more than the permit quota of { $total } for { $year }
quota-below-distributed = category { $category } cannot go down to { $total }: { $distributed } are already distributed to regions
quota-not-set = the national quota for { $year } has no category { $category } yet
quota-out-of-range = the { $component } quota is out of range
country-not-treaty-partner = { $country } has no ratified labour-migration treaty with Kazakhstan
country-quota-for-eaeu-member = { $country } is a member of the Eurasian Economic Union: its citizens work without a permit, so it can have no country-of-origin quota
quota-below-used = the quota for { $country } cannot go down to { $number }: { $taken } are held or used
unknown-country = { $country } is not in the reference data
allocation-below-used = { $region } cannot go down to { $number } of category { $category } for { $year }: { $taken } are held or used
national-quota-exceeded = { $region } would get { $increase } more of category { $category } for { $year }, but only { $reserve } are left undistributed
transfer-to-itself = a transfer needs two different ends
transfer-exceeds-unused = { $source } has { $available } unused units of category { $category } for { $year }, fewer than { $units }
quota-exhausted = { $region } has { $left } of { $allocated } units of category { $category } left for { $year }; { $wanted } requested
country-quota-exhausted = the { $year } quota for citizens of { $country } has { $left } units left; { $wanted } requested
reduction-invalid = a reduction needs a number below the { $requested } requested and a reason
reason-required = a rejection needs a reason
profession-not-seasonal = { $profession } is not on the ministry's list of seasonal professions
demand-filing-closed = demand for { $year } is filed from { $opens } to { $closes }; today is { $today }
statutory-limit-exceeded = { $field } is { $value }; the law allows at most { $limit }
ict-fee-not-allowed = { $field } must be true: ICT permits pay no fee
title-request-timeout = Request timeout
title-header-too-large = A header is too large
detail-request-timeout = the body did not arrive in time
detail-header-too-large = a request header is larger than { $limit } bytes
unauthorized-subject-too-long = the token's subject is longer than { $max } bytes
unauthorized-subject-control = the token's subject contains control characters
unauthorized-no-region = region claim: no region { $region }
malformed-query-nul = the query parameter { $field } must not contain U+0000 (NUL)
conflict-quota-ledger-mismatch = the { $year } quota's ledger does not explain its figures ({ $row }); writes to it are refused until the ministry's ledger check passes
malformed-query-empty = the query parameter { $field } is empty: give a value or leave it out

# Route finder (Art. 32(2)-(3), 2(3), 33(1), 34, 35)
route-eaeu-applies = a citizen of { $country }, a member state of the Eurasian Economic Union: the EAEU Treaty, ratified by Kazakhstan, prevails over the law, so no permit and no quota are needed
route-eaeu-not-member = { $country } is not a member state of the Eurasian Economic Union
route-resident-applies = a foreigner permanently residing in Kazakhstan needs no permit and no quota
route-resident-not = the foreigner does not reside permanently in Kazakhstan
route-education-applies = a head or specialist with higher education in an autonomous education organisation, its organisations or the Nazarbayev Fund
route-education-needs-higher = in autonomous education organisations and the Nazarbayev Fund heads and specialists alike must have higher education, and the worker has none
route-education-position = in autonomous education organisations and the Nazarbayev Fund only heads and specialists with higher education are exempt, not qualified workers
route-state-body-applies = work in a state body, with documents confirmed in the procedure the Government sets
route-investment-applies = a head, a specialist with higher education or a qualified worker in the contract's list, at an organisation with an investment contract for a priority investment project or its contractor
route-investment-needs-higher = a specialist at a priority investment project is exempt only with higher education
route-contractor-expired = a contractor's foreign staff are exempt only until one year after the object was commissioned ({ $commissioned }), and the work starts on { $start }
route-sez-applies = work at a special economic zone participant whose project costs more than one million MRP, or at its contractor while building, within the categories and numbers the commission set
route-sez-value-too-low = the project costs { $value } MRP; the exemption needs more than { $min } MRP
route-hub-applies = a head, or a specialist with higher education, at the Astana Hub international technology park or its participant
route-hub-needs-higher = a specialist at the Astana Hub is exempt only with higher education (heads need none)
route-hub-position = at the Astana Hub only heads and specialists with higher education are exempt, not qualified workers
route-first-head-applies = the first head of a branch or representative office of a foreign legal entity
route-first-head-not = only the first head of a branch or representative office is exempt; its other staff are not
route-employer-not-listed = the employer is none of those whose foreign staff the quota and permit rules do not apply to
route-self-employment-applies = the foreigner comes to find work on their own in { $profession }, an in-demand profession of a priority sector
route-self-employment-not-in-demand = { $profession } is not on the list of in-demand professions in force on { $date }
route-self-employment-no-profession = no profession was given for self-employment
route-self-employment-employer = an employer engages the worker; the certificate is for foreigners who come to find work on their own
route-ict-applies = a transfer within a group from an entity in { $country }, a WTO member, to its branch, subsidiary or representative office in Kazakhstan, as a head, manager or specialist: outside the annual quota and without a fee
route-ict-not-transfer = the engagement is not a transfer within a foreign group of companies
route-ict-sender-not-wto = the sending entity's country, { $country }, is not a WTO member on { $date }
route-ict-employer = only a branch, subsidiary or representative office in Kazakhstan can receive a transferred worker
route-ict-position = only heads, managers and specialists can be transferred within a group, not qualified workers
route-quota-applies = the employer needs a permit within the region's quota, category { $category }
route-quota-no-employer = permits are issued to employers, and no employer engages the foreigner
route-none = no route applies
route-next-eaeu = conclude the labour contract; no permit is needed. Keep a copy of the passport that shows the EAEU citizenship
route-next-exempt = conclude the labour contract; no permit and no quota are needed. Keep the documents that prove the ground of Art. 32(2)({ $subparagraph })
route-next-state-body = have the worker's documents confirmed in the procedure the Government sets, then conclude the labour contract; no permit is needed
route-next-investment = check that the position is in the list and numbers of the investment contract; then no permit is needed
route-next-sez = check the position against the categories and numbers the commission set; then no permit is needed
route-next-self-employment = apply for a self-employment certificate through a Kazakh foreign mission, or directly to the akimat when in Kazakhstan; it lasts up to three months, and once employed the holder applies within three months of issue to extend it for the labour contract's term, up to three years
route-next-ict = the branch, subsidiary or representative office applies to the akimat for an ICT permit (up to three years, one extension of up to one year, no fee, no quota) and notifies the local body within ten calendar days after the worker enters Kazakhstan
route-next-quota = the employer applies to the akimat of the region for a permit within the quota, category { $category }, and pays the fee after approval
route-next-none = the foreigner needs an employer who applies for a permit, or a profession on the in-demand list

# Self-employment certificates (Art. 34, 28(2)(10))
conflict-certificate-changed = self-employment certificate { $id } changed concurrently; read it again
profession-not-in-demand = occupation { $occupation } is not on the list of in-demand professions of priority sectors in force on { $date }
qualification-education-below = { $profession } requires higher education
qualification-experience-below = { $profession } requires { $required } years of experience; the applicant has { $years }
certificate-term-too-long = a certificate is issued for at most { $max } months; { $months } asked
extension-window-closed = the certificate was issued on { $issued }: an extension had to be applied for by { $deadline }, not on { $applied }
extension-beyond-three-years = the labour contract from { $start } to { $end } runs beyond { $max } months; a certificate is never extended beyond three years
contract-ends-before-start = the labour contract ends before it starts
certificate-not-issued = self-employment certificate { $id } has not been issued, so it has no holder to employ
employment-end-without-hire = the end of an employment is reported after the hire; this employer reported no hire on certificate { $id }

# Permits (Art. 33): checks of an application (code = key), stored and rendered when read
quota-available = { $region } has { $left } units of category { $category } left for { $year }; { $wanted } needed
country-quota-available = the { $year } quota for citizens of { $country } has { $left } units left; { $wanted } needed
kazakh-share = categories { $categories }: { $kazakh } Kazakh staff against { $foreign } foreign workers with this permit; at least { $min } % must be Kazakh
kazakh-share-exempt = a branch or representative office of a foreign legal entity with { $employees } employees (at most { $max }) keeps no Kazakh share
kazakh-share-not-applicable = no Kazakh-share ratio covers category { $category }
employer-profile-required = the employer has no profile in force on { $date }: its workforce is needed to judge the Kazakh share
qualification-data = { $worker }: occupation { $occupation }, { $years } years of experience; education, an NKZ occupation code and a qualification reference are required
term-allowed = category { $category } with a term of { $length } { $unit }
labour-market-test = the vacancy was published on the Electronic Labour Exchange { $days } days before the application; at least { $min } are required, with its code
employer-barred = a revocation for unlawful engagement of foreign labour bars the employer until { $until }
replacement-commitment = category 4 commits to replacing the foreigners with Kazakh citizens within { $min } to { $max } months
worker-on-live-permit = { $worker } is named on live permit { $permit }
passport-expires = the passport of { $worker } expires on { $expiry }, before the permit ends on { $end }
worker-needs-no-permit = { $worker } is a citizen of { $country }, an EAEU member state, and needs no permit: refused for this worker, drawing no quota
no-worker-needs-permit = every worker named is an EAEU citizen and needs no permit
fee-rate-missing = the rule set has no fee rate for category { $category } in sector { $sector }
fee-underpaid = { $paid } tenge were paid to { $region }; the fee due is { $due } tenge at the MRP of { $mrp } tenge on the payment date
trip-region-in-permit = { $region } is named in the permit: the permit itself is valid there, no business trip is needed
trip-outside-validity = the trip from { $from } to { $to } is outside the permit's validity from { $start } to { $end }
trip-days-exceeded = in { $year } the worker has { $used } business-trip days; { $wanted } more would exceed { $max }
unknown-ground = { $ground } is not a ground on the ministry's list
grounds-required = a refusal names at least one ground from the ministry's list
foreign-division-mismatch = { $bin } is a { $kind }: only a branch or representative office can be a division of a foreign legal entity
extension-not-allowed = category { $category } permits cannot be extended
extension-limit-reached = a category { $category } permit can be extended at most { $max } times
extension-window = an extension of a permit ending on { $end } is applied for from { $opens } to { $closes }; today is { $today }
payment-date-invalid = the payment date { $date } is before the decision ({ $decided }) or after today ({ $today })
start-date-past = the permit cannot start on { $start }, before today ({ $today })
region-not-in-permit = { $region } is not named in the permit
unknown-sector = { $sector } is not an OKED section
not-found-permit = no permit { $id }
not-found-employer-profile = no profile of employer { $bin }
not-found-worker = no worker { $id } on this permit
conflict-permit-changed = permit { $id } changed concurrently; read it again
conflict-profile-changed = the profile of { $bin } for { $date } changed concurrently; read it again
conflict-departure-recorded = the departure of worker { $id } is already recorded

# Intra-corporate transfers (Art. 35, 1(25), 28(2)(8))
conflict-ict-changed = ICT permit { $id } changed concurrently; read it again
conflict-ict-departure-recorded = the departure of worker { $worker } is already recorded
ict-employer-form = a BIN of a { $kind } cannot receive a transfer as a { $form }: a branch or representative office applies with its own BIN, a subsidiary with a head office's
ict-sender-not-wto = the sending entity's country, { $country }, is not a WTO member on { $date }
ict-term-too-long = the labour contract from { $start } to { $end } runs beyond { $max } months; an ICT permit is issued for at most three years
ict-not-employed-by-sender = { $worker } has not worked for the sending entity; only its own heads, managers and specialists are transferred
ict-ratio-exceeded = { $foreigners } transferred { $position } workers against { $kazakh } Kazakh staff in that position exceed { $max } per cent
ict-worker-route-other = { $worker } takes another route ({ $route }), not an ICT permit
ict-contract-ended = the labour contract ended on { $end }; there is nothing left to issue the permit for
ict-extension-limit = an ICT permit is extended at most { $max } time(s); it was extended { $extensions } time(s)
ict-extension-too-long = an ICT permit is extended by at most { $max } months; { $months } asked
ict-permit-not-issued = ICT permit { $id } has not been issued
ict-entry-in-future = the entry date { $entry } is in the future
ict-arrival-sender-mismatch = the workers come from { $country }, but the permit's sender is in { $sender }
ict-worker-not-on-permit = worker { $worker } is not on ICT permit { $id }
ict-worker-already-notified = the arrival of worker { $worker } was already notified
ict-departure-in-future = the departure date { $date } is in the future
