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
forbidden-role = a { $role } may not do this here
forbidden-other-region = an akimat sees its own region only
forbidden-no-bin = no employer BIN in the token

# 404
not-found-resource = no such resource
not-found-path = no resource at { $path }
not-found-case = no such case
not-found-demand = no quota demand { $id }
not-found-hold = no quota hold { $id }
not-found-region = no region { $region }
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
