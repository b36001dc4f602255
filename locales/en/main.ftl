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
conflict-quota-ledger-mismatch = the { $year } quota's ledger does not explain its figures ({ $row }); writes to it are refused until the ministry's ledger check passes
malformed-query-empty = the query parameter { $field } is empty: give a value or leave it out
