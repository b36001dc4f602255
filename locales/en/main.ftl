# Problem titles
title-malformed-request = The request is malformed
title-unsupported-media-type = Unsupported media type
title-payload-too-large = The body is too large
title-invalid-fields = Some fields are invalid
title-rule-violation = A rule of the law refuses the request
title-service-rule = The service refuses the request by a rule of its own
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
malformed-reason-syntax = the body is not valid JSON (line { $line }, column { $column })
malformed-reason-not-object = the body must be one JSON object
malformed-reason-type = { $field } has a value of the wrong type
malformed-reason-value = { $field } has a value it does not admit
malformed-reason-variant = { $field }: “{ $value }” is none of { $allowed }
malformed-reason-missing = the field { $field } is missing
malformed-reason-unknown = the field { $field } is not one this request takes
malformed-reason-length = { $field } has the wrong number of items
malformed-reason-duplicate = the key { $field } is given twice
unknown-region = { $region } is none of the regions of Kazakhstan

# 401
unauthorized-no-token = a bearer token is required
unauthorized-not-bearer = the Authorization header must be `Bearer <token>`
unauthorized-metrics-token = the metrics need the metrics token: `Authorization: Bearer <metrics token>`
unauthorized-token-malformed = the token is malformed
unauthorized-algorithm = the token's algorithm is not accepted
unauthorized-expired = the token has expired
unauthorized-signature = the token's signature is invalid
unauthorized-token-invalid = the token is invalid
unauthorized-no-subject = the token has no subject
unauthorized-claim = the token's { $claim } claim is invalid: { $reason }
unauthorized-missing-claim = the token needs a { $claim } claim for its role

# 403
forbidden-role =
    { $role ->
        [ministry] a ministry analyst
        [akimat] an akimat official
        [employer] an employer
        [auditor] an auditor
       *[other] this caller
    } may not do this here
forbidden-other-region = an akimat sees its own region only
forbidden-not-deciding-body = only the body the rule set names decides this complaint: { $body ->
        [ministry] the ministry
       *[akimat] the akimat
    }
forbidden-no-bin = no employer BIN in the token

# 404
not-found-resource = no such resource
not-found-path = no resource at { $path }
not-found-case = no such case, or not one of yours
not-found-webhook = no such webhook subscription, or not one of yours
not-found-webhook-delivery = no such delivery of this webhook subscription
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
conflict-case-already-holds-quota =
    { $kind ->
        [permit-extension] the extension { $id }
        [permit] permit { $id }
        [complaint-extension] the extension revived by complaint { $id }
        [complaint] complaint { $id }
       *[other] case { $id }
    } already holds quota in { $region }
conflict-hold-state-changed = quota hold { $id } changed concurrently
conflict-demand-changed = quota demand { $id } changed while it was being reviewed
conflict-illegal-transition =
    { $machine ->
        [permit] a permit
        [permit-region] a permit in this region
        [quota-hold] a quota hold
        [quota-demand] a quota demand
        [ict-permit] an ICT permit
        [certificate] a self-employment certificate
        [complaint] a complaint
       *[other] a case
    } that is { $state ->
        [applied] awaiting a decision
        [refused] refused
        [withdrawn] withdrawn by the employer
        [awaiting_payment] awaiting payment of the fee
        [active] active
        [suspended] suspended
        [revoked] revoked
        [returned] returned
        [lapsed] lapsed
        [expired] expired
        [issued] issued
        [extended] extended
        [extension-filed] awaiting a decision on its extension
        [filed] awaiting review
        [accepted] accepted
        [reduced] reduced
        [rejected] rejected
        [held] held
        [confirmed] used by an issued permit
        [released] released
        [pending] awaiting a decision
        [approved] approved
        [paid] paid
        [reconsidered] satisfied by the akimat itself
        [forwarded] with the body considering complaints
        [satisfied] satisfied
        [partly_satisfied] partly satisfied
       *[other] in its current state
    } cannot { $event ->
        [approve] be approved
        [refuse] be refused
        [withdraw] be withdrawn
        [pay] be paid for
        [lapse] lapse for an unpaid fee
        [suspend] be suspended
        [resume] be resumed
        [revoke] be revoked
        [return] be returned
        [extend] be extended
        [trip] be used for a business trip
        [depart] have a worker's departure recorded
        [report-replacement] have its category-4 replacement reported
        [reissue] be re-issued for another foreigner
        [end-with-parent] end with the permit it extends
        [restore-with-parent] be restored with the permit it extends
        [issue] be issued
        [apply-extension] be applied for an extension
        [refuse-extension] have its extension refused
        [accept] be accepted
        [reduce] be reduced
        [reject] be rejected
        [confirm] be confirmed
        [release] be released
        [reconsider] be satisfied by the akimat itself
        [forward] be passed to the body considering complaints
        [satisfy] be satisfied
        [satisfy-partly] be partly satisfied
        [annul] be restored on a complaint
       *[other] be changed this way
    }
conflict-extension-parent-not-active =
    the extension cannot { $event ->
        [approve] be approved
        [refuse] be refused
        [pay] be paid for
       *[other] be decided
    }: permit { $parent }, which it extends, { $state ->
        [suspended] is suspended; it can be once the permit is resumed
        [revoked] was revoked
        [returned] was returned by the employer
        [lapsed] lapsed
        [expired] has expired
        [refused] was refused
        [withdrawn] was withdrawn
       *[other] is not in force
    }
ground-parent-ended =
    ended with the permit it extends, which { $state ->
        [revoked] was revoked
        [returned] was returned by the employer
        [lapsed] lapsed
        [expired] expired
        [reissued] was re-issued for other foreigners in place of its workers
       *[other] ended
    }

# Rule violations (code = key)
category-split-exceeds-quota = the categories add up to { $sum }, more than the permit quota of { $total } for { $year }
quota-below-distributed = category { $category } cannot go down to { $total }: { $distributed } are already distributed to regions
quota-not-set = the national quota for { $year } has no category { $category } yet
quota-out-of-range =
    { $component ->
        [permits] the permit quota
        [labour-immigrants] the labour immigrants' quota
       *[other] the quota
    } is out of range
country-not-treaty-partner = { $country } has no ratified labour-migration treaty with Kazakhstan
country-quota-for-eaeu-member = { $country } is a member of the Eurasian Economic Union: its citizens work without a permit, so it can have no country-of-origin quota
quota-below-used = the quota for { $country } cannot go down to { $number }: { $taken } are held or used
unknown-country = { $country } is not in the reference data
allocation-below-used = { $region } cannot go down to { $number } of category { $category } for { $year }: { $taken } are held or used
national-quota-exceeded = { $region } would get { $increase } more of category { $category } for { $year }, but only { $reserve } are left undistributed
transfer-to-itself = a transfer needs two different ends
transfer-exceeds-unused = { $source } has { $available } unused { $available ->
        [one] unit
       *[other] units
    } of category { $category } for { $year }, fewer than { $units }
quota-exhausted = { $region } has { $left } of { $allocated ->
        [one] { $allocated } unit
       *[other] { $allocated } units
    } of category { $category } left for { $year }; { $wanted } requested
country-quota-exhausted = the { $year } quota for citizens of { $country } has { $left ->
        [one] { $left } unit
       *[other] { $left } units
    } left; { $wanted } requested
reduction-invalid = a reduction needs a number below the { $requested } requested and a reason
reason-required = a rejection needs a reason
profession-not-seasonal = { $profession } is not on the ministry's list of seasonal professions
demand-filing-closed = demand for { $year } is filed from { $opens } to { $closes }; today is { $today }
statutory-limit-exceeded = { $field } is { $value }; the law allows at most { $limit }
statutory-minimum-not-met = { $field } is { $value }; the law gives at least { $minimum }
statutory-rule-fixed = { $field } must be { $required }: the law fixes it
name-blank = { $field }: the name is empty or only spaces
name-too-long = { $field }: the name is longer than { $max } characters
name-invisible-character = { $field }: the name holds an invisible character, { $char } (a control, zero-width or text-direction character)
name-separator = { $field }: a hyphen or an apostrophe must stand between two letters
name-not-latin = { $field }: { $char } is not a Latin letter A-Z; write the name in Latin letters as the passport prints it{ $cyrillic ->
        [none] {""}
       *[other] {"; a Cyrillic spelling goes in "}{ $cyrillic }
    }
name-not-cyrillic = { $field }: { $char } is not a Cyrillic letter (the Kazakh letters ә ғ қ ң ө ұ ү һ і included)
passport-number-character = { $field }: { $char } cannot be in a passport number, which holds letters A-Z and digits 0-9 (spaces and < fillers are left out)
passport-number-length = { $field }: a passport number has { $min } to { $max } letters and digits; this one has { $length }
mrz-shape = { $field }: the machine-readable zone is two lines of 44 characters A-Z, 0-9 and <; line { $line } is not
mrz-not-passport = { $field }: the first line of a passport's machine-readable zone begins with P
mrz-date = { $field }: the { $item ->
        [birth-date] date of birth
       *[expiry] date of expiry
    } in the machine-readable zone is no date
mrz-check-digit = { $field }: the check digit of the { $item ->
        [document-number] document number
        [birth-date] date of birth
        [expiry] date of expiry
        [personal-number] personal number
       *[composite] second line as a whole
    } in the machine-readable zone does not match
mrz-mismatch = { $field }: the { $item ->
        [document-number] document number
        [nationality] nationality
        [birth-date] date of birth
        [sex] sex
       *[expiry] date of expiry
    } in the machine-readable zone differs from the one sent
birth-date-not-past = { $field }: the date of birth { $birth } is not before today, { $today }
worker-below-working-age = { $field }: born on { $birth }, the worker is { $age } on the permit's first day, { $start }; a labour contract needs { $minimum } years ({ $source })
experience-beyond-working-years = { $field }: { $years ->
        [one] { $years } year
       *[other] { $years } years
    } of experience, but only { $possible ->
        [one] { $possible } year has
       *[other] { $possible } years have
    } passed since the age of { $minimum }
passport-expiry-before-birth = { $field }: the passport expires on { $expiry }, before its holder was born on { $birth }
worker-named-twice = { $field }: { $worker } is named twice in the request
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
route-list-applies = a person in the Government's list of those who need no permit: { $category }
route-list-not = the foreigner is in no category of the Government's list of persons who need no permit
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
qualification-experience-below = { $profession } requires { $required ->
        [one] { $required } year
       *[other] { $required } years
    } of experience; the applicant has { $years }
certificate-term-too-long = a certificate is issued for at most { $max } months; { $months } asked
extension-window-closed = the certificate was issued on { $issued }: an extension had to be applied for by { $deadline }, not on { $applied }
extension-beyond-three-years = the labour contract from { $start } to { $end } runs beyond { $max } months; a certificate is never extended beyond three years
certificate-holder-not-employed = the certificate valid from { $issued } to { $until } is extended once its holder is employed: the labour contract must start while it is valid, or the employer must have reported hiring the holder while it was, and the contract may not start after { $until } (it starts on { $start })
contract-ends-before-start = the labour contract ends before it starts
certificate-not-issued = self-employment certificate { $id } has not been issued, so it has no holder to employ
employment-end-without-hire = the end of an employment is reported after the hire; this employer reported no hire on certificate { $id }

# Permits (Art. 33): checks of an application (code = key), stored and rendered when read
quota-available = { $region } has { $left ->
        [one] { $left } unit
       *[other] { $left } units
    } of category { $category } left for { $year }; { $wanted } needed
country-quota-available = the { $year } quota for citizens of { $country } has { $left ->
        [one] { $left } unit
       *[other] { $left } units
    } left; { $wanted } needed
kazakh-share = categories { $categories }: { $kazakh } Kazakh staff against { $foreign ->
        [one] { $foreign } foreign worker
       *[other] { $foreign } foreign workers
    } with this permit, { $permitted } of them on the employer's other live permits and ICT permits; at least { $min } % must be Kazakh
kazakh-share-exempt = a branch or representative office of a foreign legal entity with { $employees ->
        [one] { $employees } employee
       *[other] { $employees } employees
    } (at most { $max }) keeps no Kazakh share
kazakh-share-small-business = a small-business entity with { $employees ->
        [one] { $employees } employee
       *[other] { $employees } employees
    } (at most { $max }) keeps no Kazakh share
kazakh-share-not-applicable = no Kazakh-share ratio covers category { $category }
employer-profile-required = the employer has no profile in force on { $date }: its workforce is needed to judge the Kazakh share
qualification-data = { $worker }: occupation { $occupation }, { $years ->
        [one] { $years } year
       *[other] { $years } years
    } of experience; education, an NKZ occupation code and a qualification reference are required
term-allowed =
    category { $category } allows no term of { $length } { $unit ->
        [days] { $length ->
            [one] day
           *[other] days
        }
        [months] { $length ->
            [one] month
           *[other] months
        }
       *[other] units
    }
labour-market-test = the vacancy was published on the Electronic Labour Exchange { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before the application; at least { $min } are required, with its code
employer-barred = a revocation for unlawful engagement of foreign labour bars the employer until { $until }
replacement-commitment = category 4 commits to replacing the foreigners with Kazakh citizens within { $min } to { $max } months
worker-on-live-permit = { $holder ->
    [own] { $worker } is named on this employer's live permit { $permit }
   *[other] { $worker } is named on another employer's live permit{ $permit ->
        [hidden] {""}
       *[other] {" "}{ $permit }
    }
}
worker-on-pending-application = { $holder ->
    [own] { $worker } is also named on this employer's application { $permit }, not yet decided: the first approval wins
   *[other] { $worker } is also named on another employer's application{ $permit ->
        [hidden] {""}
       *[other] {" "}{ $permit }
    }, not yet decided: the first approval wins
}
reissue-not-allowed = the rule set in force allows no re-issue of a permit for another foreigner
reissue-occupation-differs = the newcomer's occupation { $newcomer } is not that of the worker replaced ({ $occupation })
reissue-needs-no-permit = the newcomer is a citizen of { $country }, an EAEU member state, and needs no permit
reissue-country-quota = the newcomer, a citizen of { $country }, would draw on another quota than the permit's units are held in ({ $held })
replacement-obligation-met = earlier category-4 permits whose replacement period has passed without the replacement reported: { $count } ({ $permits })
replacement-report-short = the report names { $hired ->
        [one] { $hired } Kazakh citizen
       *[other] { $hired } Kazakh citizens
    } hired by today; the permit had { $foreign ->
        [one] { $foreign } foreign worker
       *[other] { $foreign } foreign workers
    } to replace
replacement-not-category-4 = only a category-4 permit carries a replacement commitment; this one is category { $category }
country-quota-mixed = citizens of { $country } draw on their country quota, so they are applied for on a permit of their own, not with workers of { $countries ->
        [one] { $countries } citizenship
       *[other] { $countries } citizenships
    }
passport-expires = the passport of { $worker } expires on { $expiry }, before the permit ends on { $end }
quota-available-pass =
    { $region } has { $left } { $left ->
        [one] unit
       *[other] units
    } of category { $category } left for { $year }, enough for the { $wanted } needed
country-quota-available-pass =
    the { $year } quota for citizens of { $country } has { $left } { $left ->
        [one] unit
       *[other] units
    } left, enough for the { $wanted } needed
country-quota-mixed-pass = no citizen of a country with a country-of-origin quota is applied for together with workers of other citizenships
kazakh-share-pass = categories { $categories }: { $kazakh } Kazakh staff against { $foreign ->
        [one] { $foreign } foreign worker
       *[other] { $foreign } foreign workers
    } with this permit, { $permitted } of them on the employer's other live permits and ICT permits, keep the Kazakh share of at least { $min } %
kazakh-share-exempt-pass = exempt from the Kazakh share: a branch or representative office of a foreign legal entity with { $employees ->
        [one] { $employees } employee
       *[other] { $employees } employees
    } (at most { $max })
kazakh-share-small-business-pass = exempt from the Kazakh share: a small-business entity with { $employees ->
        [one] { $employees } employee
       *[other] { $employees } employees
    } (at most { $max })
kazakh-share-not-applicable-pass = no Kazakh-share ratio covers category { $category }, so no share is required
qualification-data-pass = { $worker }: occupation { $occupation }, { $years } years of experience; the education, NKZ occupation code and qualification reference are given
term-allowed-pass =
    category { $category } allows a term of { $length } { $unit ->
        [days] { $length ->
            [one] day
           *[other] days
        }
        [months] { $length ->
            [one] month
           *[other] months
        }
       *[other] units
    }
labour-market-test-pass = the labour-market test is met or does not apply yet (the vacancy published on the Electronic Labour Exchange, with its code, at least { $min } days before the application)
employer-barred-pass = no revocation for unlawful engagement of foreign labour bars the employer
replacement-commitment-pass = the category-4 commitment to replace the foreigners with Kazakh citizens within { $min } to { $max } months is given, or the category needs none
replacement-obligation-met-pass = no earlier category-4 permit of the employer is past its replacement period without the replacement reported
worker-on-live-permit-pass = { $worker } is named on no other live permit
worker-on-pending-application-pass = { $worker } is named on no other application awaiting a decision
passport-expires-pass = the passport of { $worker } is valid until { $expiry }, not before the permit ends on { $end }
worker-needs-no-permit = { $worker } is a citizen of { $country }, an EAEU member state, and needs no permit: refused for this worker, drawing no quota
worker-exempt =
    { $worker } needs no permit and draws no quota: { $subparagraph ->
        [1] { route-education-applies }
        [2] { route-state-body-applies }
        [3] { route-investment-applies }
        [7] { route-sez-applies }
        [9] { route-resident-applies }
        [10] { route-first-head-applies }
        [11] { route-list-applies }
        [12] { route-hub-applies }
       *[other] an exemption of Art. 32(2)
    }
no-permit-list-category-unknown = { $category } is no category of the Government's list of persons who need no permit in force on { $date }
worker-route-other =
    { $worker } takes another route ({ $route ->
        [eaeu_citizen] work as an EAEU citizen, without a permit
        [exempt] an exemption from the permit and the quota
        [self_employment_certificate] a self-employment certificate
        [ict_permit] an intra-corporate transfer permit
        [quota_permit] a permit within the quota
        [none] no route applies
       *[other] another route
    }): refused for this permit, drawing no quota
no-worker-needs-permit = no worker of the permit needs a permit within the quota
rule-set-incomplete = the rule set in force has no { $section } for category { $category } in sector { $sector }: the ministry must complete it before this permit can be priced
fee-underpaid = { $paid } were paid to { $region }; the fee due is { $due } at the MRP of { $mrp } on the payment date
trip-region-in-permit = { $region } is named in the permit: the permit itself is valid there, no business trip is needed
trip-outside-validity = the trip from { $from } to { $to } is outside the permit's validity from { $start } to { $end }
trip-days-exceeded = in { $year } the worker has { $used ->
        [one] { $used } business-trip day
       *[other] { $used } business-trip days
    }; { $wanted } more would exceed { $max }
trip-ends-before-start = the trip ends on { $to }, before it starts on { $from }
unknown-ground = { $ground } is not a ground on the ministry's list
grounds-required = a refusal names at least one ground from the ministry's list
rule-set-lists-no-grounds = the rule set in force lists no grounds to refuse { $decision ->
    [certificate] a self-employment certificate
    [ict] an ICT permit
   *[ict_extension] the extension of an ICT permit
} (it was published before such grounds were listed): it cannot be refused until the ministry publishes a version of the rule set that lists them
complaint-no-such-act = the permit shows no { $act ->
        [refusal] refusal
        [suspension] suspension
        [revocation] revocation
        [certificate_refusal] refusal of the self-employment certificate
        [ict_refusal] refusal of the ICT permit
       *[missed_deadline] missed decision deadline (its deadline is { $due })
    } to complain of
complaint-relief-mismatch = a complaint against { $act ->
        [refusal] a refusal
        [suspension] a suspension
        [revocation] a revocation
        [certificate_refusal] a refusal of a self-employment certificate
        [ict_refusal] a refusal of an ICT permit
       *[missed_deadline] a missed deadline
    } cannot ask { $relief ->
        [annul] to annul an act
       *[take_decision] to take a decision
    }
complaint-term-restoration-required = the complaint was filed late: the decision must say whether the missed term is restored
complaint-term-not-restored = a late complaint whose term is not restored cannot be satisfied
complaint-reconsideration-term-passed = the akimat's term to satisfy the complaint itself ended on { $due }: it must be passed to the body considering it
complaint-reasons-required = a refusal or a partial satisfaction of a complaint states its reasons
ground-unpaid-fee = the fee was not paid to the budget of every region named within the time to pay after the last region's approval
ground-returned = the employer returned the permit
ground-listed = { $name }
foreign-division-mismatch =
    { $bin } is { $kind ->
        [head_office] a legal entity
        [branch] a branch
        [representative_office] a representative office
        [peasant_farm] a peasant farm
        [individual_entrepreneur] an individual entrepreneur
       *[other] another kind of employer
    }: only a branch or representative office can be a division of a foreign legal entity
extension-not-allowed = category { $category } permits cannot be extended
extension-limit-reached = a category { $category } permit can be extended at most { $max ->
        [one] once
       *[other] { $max } times
    }
extension-window = an extension of a permit ending on { $end } is applied for from { $opens } to { $closes }; today is { $today }
payment-date-invalid = the payment date { $date } is before the decision ({ $decided }) or after today ({ $today })
start-date-past = the permit cannot start on { $start }, before today ({ $today })
departure-date-future = a departure on { $date } cannot be recorded before it happens (today is { $today })
departure-not-owed = no departure is owed: the permit's term began on { $start }, after it ended for this worker on { $ended }, so the worker did not come on it
region-not-in-permit = { $region } is not named in the permit
unknown-sector = { $sector } is not an OKED section
not-found-permit = no permit { $id }
not-found-employer-profile = no profile of employer { $bin }
not-found-worker = no worker { $id } on this permit
conflict-permit-changed = permit { $id } changed concurrently; read it again
conflict-complaint-changed = complaint { $id } changed concurrently; read it again
conflict-complaint-not-awaiting-quota = complaint { $id } does not wait for quota: there is no permit to reinstate
conflict-complaint-exists = permit { $id } already has a complaint under consideration
conflict-profile-changed = the profile of { $bin } for { $date } changed concurrently; read it again
conflict-departure-recorded = the departure of worker { $id } is already recorded
conflict-replacement-reported = the replacement for permit { $id } is already reported

# Intra-corporate transfers (Art. 35, 1(25), 28(2)(8))
conflict-ict-changed = ICT permit { $id } changed concurrently; read it again
conflict-webhook-cursor = another worker queued these events first; they are not queued twice
conflict-ict-permit-not-ended = ICT permit { $id } runs until { $until }; a departure is recorded once it has ended
conflict-ict-departure-recorded = the departure of worker { $worker } is already recorded
ict-employer-form =
    a BIN of { $kind ->
        [head_office] a legal entity
        [branch] a branch
        [representative_office] a representative office
        [peasant_farm] a peasant farm
        [individual_entrepreneur] an individual entrepreneur
       *[other] another kind of employer
    } cannot receive a transfer as { $form ->
        [branch] a branch
        [subsidiary] a subsidiary
        [representative_office] a representative office
       *[other] another form
    }: a branch or representative office applies with its own BIN, a subsidiary with a head office's
ict-sender-not-wto = the sending entity's country, { $country }, is not a WTO member on { $date }
ict-term-too-long = the labour contract from { $start } to { $end } runs beyond { $max } months; an ICT permit is issued for at most three years
ict-not-employed-by-sender = { $worker } has not worked for the sending entity; only its own heads, managers and specialists are transferred
ict-ratio-exceeded =
    { $foreigners } transferred { $position ->
        [head] heads
        [manager] managers
        [specialist] specialists
       *[other] workers
    } ({ $transferred } of them on the employer's other live ICT permits) against { $kazakh } Kazakh staff in that position exceed { $max } per cent
ict-worker-route-other =
    { $worker } takes another route ({ $route ->
        [eaeu_citizen] work as an EAEU citizen, without a permit
        [exempt] an exemption from the permit and the quota
        [self_employment_certificate] a self-employment certificate
        [ict_permit] an intra-corporate transfer permit
        [quota_permit] a permit within the quota
        [none] no route applies
       *[other] another route
    }), not an ICT permit
ict-contract-ended = the labour contract ended on { $end }; there is nothing left to issue the permit for
ict-extension-limit = an ICT permit is extended at most { $max } time(s); it was extended { $extensions } time(s)
ict-extension-too-long = an ICT permit is extended by at most { $max } months; { $months } asked
ict-permit-not-issued = ICT permit { $id } has not been issued
ict-entry-in-future = the entry date { $entry } is in the future
ict-arrival-sender-mismatch = the workers come from { $country }, but the permit's sender is in { $sender }
webhook-url-not-absolute = the webhook address must be an absolute URL with a host, such as https://hr.example.kz/hooks
webhook-url-not-https = the webhook address must begin with https://
webhook-url-credentials = the webhook address must not carry a user name or password
webhook-url-not-public = { $host } is not a public Internet address: the service does not call loopback, private, link-local (169.254.169.254 among them) or unique-local addresses
ict-arrival-term-outside-permit = the term of work { $from } – { $to } goes beyond the ICT permit's validity ({ $valid_from } – { $valid_until })
conflict-ict-extension-pending = ICT permit { $id } already has an extension application awaiting the akimat
conflict-ict-extension-not-applied = no extension of ICT permit { $id } was applied for
ict-extension-beyond-application = an extension by { $months ->
        [one] { $months } month
       *[other] { $months } months
    } goes beyond the { $asked ->
        [one] { $asked } month
       *[other] { $asked } months
    } applied for
ict-worker-not-on-permit = worker { $worker } is not on ICT permit { $id }
ict-worker-already-notified = the arrival of worker { $worker } was already notified
ict-departure-in-future = the departure date { $date } is in the future

# The electronic permit and its public verification (Art. 33(4)-(5))
not-found-permit-number = no issued permit carries this number
conflict-permit-not-issued =
    permit { $id } is { $status ->
        [applied] awaiting a decision
        [refused] refused
        [withdrawn] withdrawn by the employer
        [awaiting_payment] awaiting payment of the fee
        [active] active
        [suspended] suspended
        [revoked] revoked
        [returned] returned
        [lapsed] lapsed
        [expired] expired
        [issued] issued
        [extended] extended
        [extension-filed] awaiting a decision on its extension
        [filed] awaiting review
        [accepted] accepted
        [reduced] reduced
        [rejected] rejected
        [held] held
        [confirmed] used by an issued permit
        [released] released
        [pending] awaiting a decision
        [approved] approved
        [paid] paid
       *[other] in its current state
    }: it has no number and no document until its fees are paid and it is issued
title-too-many-requests = Too many requests
detail-too-many-requests = too many requests from this address; retry in { $seconds } seconds
document-title = Permit to attract foreign labour
document-extension = extension
document-number = Number
document-issued-on = Issued on
document-employer = Employer
document-bin = BIN / IIN
document-category = Category
document-profession = Profession
document-regions = Valid in
document-term = Term
document-status = Status on { $date }
document-ended = Ended on { $date }, on the ground
document-workers = Foreign workers
document-passport = passport
document-verify = Verify
document-basis = Art. 33 of the Law of the Republic of Kazakhstan "On Employment of the Population"
document-category-1 = 1: heads and their deputies
document-category-2 = 2: heads of structural divisions
document-category-3 = 3: specialists
document-category-4 = 4: qualified workers
document-category-seasonal = seasonal workers
document-status-valid = valid
document-status-active = issued, not yet in force
document-status-suspended = suspended
document-status-revoked = revoked
document-status-returned = returned
document-status-expired = expired
# The officials' console (/console/).
forbidden-dev-sign-in = sign-in with a development token is off here
not-found-console-page = no such page in the console
# The quota calculator's steps (Art. 32(4)-(5))
calculation-step-permit-quota = permit quota = ⌊{ $labour_force } × { $percent } / 100⌋ = ⌊{ $exact }⌋ = { $total }
calculation-step-labour-immigrants = labour immigrants = ⌊{ $labour_force } × { $percent } / 100⌋ = ⌊{ $exact }⌋ = { $total }
calculation-step-category = category { $category }: { $arithmetic }
calculation-step-category-region = category { $category } in { $region } ({ $basis }): { $arithmetic }

console-name = Foreign labour: officials' console
console-service-rule = the service’s own rule
console-sign-in-title = Sign in
console-sign-in = Sign in
console-sign-in-token = Development token
console-sign-in-token-hint = Print one with
console-sign-in-none = No sign-in is configured.
console-sign-out = Sign out
console-home-title = Console
console-home-intro = Choose a page.
console-home-employer = The console is for akimat officials and ministry analysts; employers use the API.
console-verify-title = Verify a permit
console-verify-number = Permit number
console-verify-check = Verify
console-verify-valid = Valid today
console-verify-not-valid = Not valid today
console-verify-regions = Regions
console-verify-checked-on = Checked on
console-verify-status-not-started = issued, not yet in force
console-verify-unknown = No issued permit carries the number { $number }. Check it against the permit and type it again.
console-error-title = Not shown
console-back-home = Back to the console
console-csrf-refused = The form is out of date or not from this console; reload the page and try again.
console-role-ministry = Ministry analyst
console-role-akimat = Akimat official
console-role-employer = Employer
console-role-auditor = Auditor
console-nav-queue = Work queue
console-nav-overdue = Overdue
console-nav-ict = ICT register
console-nav-quota = Quota
console-nav-transfers = Transfers
console-nav-demand = Demand
console-nav-rules = Rule set
console-queue-title = Work queue
console-queue-intro = Applications and extensions awaiting your region's decision, by decision deadline, overdue first.
console-queue-intro-all = Applications and extensions awaiting a region's decision, in every region, by decision deadline, overdue first.
console-queue-empty = Nothing awaits a decision.
console-overdue = overdue
console-find-search = Find a case (case number, permit number, BIN, employer, passport number or name in Latin letters)
console-find-status = Status
console-find-awaiting = awaiting your decision
console-find-awaiting-all = awaiting a region's decision
console-find-any = any
console-find-employer = Employer's BIN
console-find-due-by = Decision due by
console-find-submit = Show
console-find-total = Cases found
console-find-next = Next page
console-find-none = No case matches.
console-none = None.
console-all = all
console-col-case = Case
console-col-kind = Kind
console-col-employer = Employer
console-col-category = Category
console-col-filed = Filed
console-col-due = Decision due
console-col-status = Status
console-col-profession = Profession
console-col-term = Term
console-col-suspension = Suspended because
console-col-ended = Ended
console-col-check = Check
console-col-outcome = Outcome
console-col-article = Article
console-col-finding = Finding
console-col-region = Region
console-col-decision = Decision
console-col-name = Name
console-col-citizenship = Citizenship
console-col-passport = Passport
console-col-education = Education
console-col-departed = Departed
console-col-when = When
console-col-what = What
console-col-who = Who
console-col-issued = Issued
console-col-position = Position
console-col-sender = Sender
console-col-arrival = Arrival notification
console-kind-permit = permit
console-kind-extension = extension
console-status-applied = applied
console-status-refused = refused
console-status-withdrawn = withdrawn
console-status-awaiting_payment = awaiting payment
console-status-active = active
console-status-suspended = suspended
console-status-revoked = revoked
console-status-returned = returned
console-status-lapsed = lapsed
console-status-expired = expired
console-outcome-pass = pass
console-outcome-fail = fail
console-outcome-warning = warning
console-decision-pending = pending
console-decision-approved = approved
console-decision-refused = refused
console-case-title = Case
console-decision = Decision for your region
console-approve = Approve
console-refuse = Refuse
console-refusal-grounds = Grounds of refusal
console-supervision = Supervision
console-suspend = Suspend
console-suspension-reason = Reason for suspension
console-resume = Resume
console-revoke = Revoke
console-revocation-ground = Ground of revocation
console-note = Note
console-done-decided = Decided.
console-done-refused = Refused.
console-done-suspended = Suspended.
console-done-resumed = Resumed.
console-done-revoked = Revoked.
console-checks = Automatic checks
console-quota-left = Quota left in the region
console-quota-none = No quota is set for this year.
console-regions-decisions = Regions and decisions
console-fees = Fees
console-payments = Payments
console-col-fee-rate = Rate
console-col-mrp = MRP
console-col-amount = Amount
console-col-pay-by = Pay by
console-col-paid-on = Paid on
console-col-reference = Payment reference
console-fee-if-paid-today = if paid today
console-fee-not-due-yet = once every region has approved
console-fees-none = No fee yet: a region prices its fee when it approves.
console-payments-none = No payment yet.
console-workers = Workers
console-history = History
console-overdue-title = Overdue payments and departures
console-overdue-awaiting = Approved, fee awaited
console-overdue-lapsed = Lapsed: the fee was not paid in time
console-overdue-departures = Departures owed and not recorded
console-ict-title = ICT register
console-ict-missing-title = Missing arrival notifications
console-ict-register = The register
console-ict-on-time = on time
console-ict-late = late
console-ict-missing = missing
console-ict-pending = not yet due
console-quota-title = Quota of the year
console-quota-order = Order
console-labour-force = labour force
console-quota-total = Total
console-quota-distributed = Distributed
console-quota-reserve = Reserve
console-quota-allocated = Allocated
console-quota-held = Pending
console-quota-used = Used
console-quota-available = Available
console-quota-regions = Regions
console-quota-by-category = Regions by category
console-quota-cell = Each cell: allocated / pending / used / available.
console-transfers-title = Transfers between regions
console-transfer-from = From
console-transfer-to = To
console-transfer-units = Units
console-transfer-reason = Reason
console-reserve = reserve
console-demand-title = Demand for the quota
console-demand-arithmetic = Labour-force arithmetic
console-demand-requested = Requested
console-demand-supported = Supported
console-demand-demands = Demands
console-demand-awaiting = Awaiting review
console-demand-by-region = By region and category
console-rules-title = Rule set
console-rules-current = In force today
console-rules-version = Version
console-rules-from = in force from
console-rules-source = Source
console-rules-in-english = in English
console-rules-numbers = Every number of the version
console-rules-history = History
unauthorized-oidc =
    the identity provider's sign-in failed at: { $step ->
        [http-client] setting up the connection to the provider
        [issuer] the provider's address
        [discovery] reading the provider's configuration
        [redirect-url] the return address of the sign-in
        [state] matching the answer to the sign-in started here
        [authorization] the provider's answer to the sign-in
        [code] the authorization code
        [token-endpoint] the provider's token service
        [code-exchange] exchanging the authorization code for tokens
        [id-token] checking the identity token
       *[other] an unnamed step
    }
unauthorized-session-token-expired = the token has already expired: sign in again with a fresh one
console-skip-to-content = Skip to the page's content
verify-why-not-started = its term begins on { $from }
verify-why-suspended = it is suspended
verify-why-revoked = it was revoked on { $on }
verify-why-expired = it expired on { $on }
verify-why-lapsed = it lapsed on { $on }: the fee was not paid in time
verify-why-returned = the employer gave it back on { $on }
verify-why-not-issued = it was not issued
console-quota-chart-name = Quota of { $year } by region: units used, pending and available
ground-not-for-category = { $ground } is not a ground for a category-{ $category } permit
ground-not-for-case = { $ground } is not a ground to refuse { $decision ->
    [certificate] a self-employment certificate
    [ict] an ICT permit
   *[ict_extension] the extension of an ICT permit
}
console-permit-pdf = Permit document (PDF)
console-choose-ground = — choose a ground —
console-col-note = Reason or note
console-confirm = Confirm
console-cancel = Cancel and go back to the case
console-confirm-title = Confirm the decision
console-confirm-revoke = You are revoking this permit on the ground: { $ground }.
console-confirm-refuse = You are refusing this application on the grounds: { $grounds }.
console-effect-quota-back = { $region } gets back the quota held for { $workers ->
        [one] one worker
       *[other] { $workers } workers
    } ({ $category }, { $year }) on { $date }: other employers' applications may use it.
console-effect-bar = The employer { $employer } may not be issued new permits for { $months } months, until { $until } inclusive ({ $article }).
console-effect-revoked = The permit ends today, { $date }: anyone who checks its number is told it was revoked on { $date }.
console-effect-refused = The application is refused today, { $date }, in every region it names; the employer is told the grounds.
console-effect-note = Your note, kept in the case's history: { $note }
console-stale-form = The case changed after you opened it: { $what } by { $who } at { $when }. Nothing was done; the page below shows the case as it is now.
console-stale-form-plain = The case changed after you opened it. Nothing was done; the page below shows the case as it is now.
console-ground-unlisted = The ground chosen is not on the ministry's list of refusal grounds. Nothing was done; choose a ground from the list below.
console-request-unread = The request could not be read. Nothing was done; go back to the page and try again.
console-effect-no-quota = No region holds quota for it yet: none is given back.
console-sign-in-oidc = Sign in with the identity provider
console-status-issued = issued
console-kind-ict_permit = ICT permit
statistical-report-period-open = quarter { $quarter } of { $year } is not over: its statistical data can be reported from { $from }
conflict-statistical-report-exists = quarter { $quarter } of { $year } was already reported
replacement-permit-unknown = permit { $id } is not a category-4 permit of this employer
quarter-invalid = the quarter must be 1 to 4

# The console's words for values it shows (console/words.rs): checks, history actions,
# positions, the fee's rate, the rule set's sections and keys.
console-fee-rate = { $rate } MRP × { $workers }
malformed-category = category { $category } is none of 1, 2, 3, 4 and seasonal
malformed-queue-filter = the field { $field } is none of this page's choices
console-check-quota-available = Regional quota
console-check-country-quota-available = Country-of-origin quota
console-check-country-quota-mixed = Country-quota citizens apart
console-check-kazakh-share = Kazakh staff share
console-check-kazakh-share-exempt = Kazakh staff share: branch exempt
console-check-kazakh-share-small-business = Kazakh staff share: small business
console-check-kazakh-share-not-applicable = Kazakh staff share not required
console-check-employer-profile-required = Employer's profile
console-check-qualification-data = Qualification
console-check-term-allowed = Permit term
console-check-labour-market-test = Labour-market test
console-check-employer-barred = Bar after a revocation
console-check-replacement-commitment = Replacement commitment
console-check-replacement-obligation-met = Earlier replacements met
console-check-worker-on-live-permit = Worker on another live permit
console-check-worker-on-pending-application = Worker on another application
console-check-passport-expires = Passport validity
console-check-worker-needs-no-permit = No permit needed (EAEU)
console-check-worker-exempt = Exempt from a permit
console-action-permit-applied = application filed
console-action-permit-approved = approved by a region
console-action-permit-refused = refused
console-action-permit-withdrawn = withdrawn by the employer
console-action-permit-fee-paid = fee paid
console-action-permit-issued = permit issued
console-action-permit-lapsed = lapsed: fee not paid in time
console-action-permit-suspended = suspended
console-action-permit-resumed = resumed
console-action-permit-revoked = revoked
console-action-permit-returned = returned by the employer
console-action-permit-annulled = annulled
console-action-permit-reissued = re-issued for another worker
console-action-permit-replacement-reported = replacement reported
console-action-permit-trip-reported = business trip reported
console-action-permit-expiring = expiry coming up: the extension window opened
console-action-permit-fee-due = last day to pay the fee
console-action-permit-departure-overdue = workers' departure overdue
console-action-ict-permit-expiring = expiry coming up: the extension window opened
console-action-ict-permit-departure-overdue = workers' departure overdue
console-action-self-employment-certificate-applied = application registered
console-action-self-employment-certificate-issued = certificate issued
console-action-self-employment-certificate-refused = refused
console-action-self-employment-certificate-extended = extended for the labour contract
console-action-self-employment-certificate-employment-reported = employer's report of the employment
console-action-self-employment-certificate-annulled = annulled
console-action-ict-permit-applied = application filed
console-action-ict-permit-issued = permit issued
console-action-ict-permit-refused = refused
console-action-ict-permit-extension-applied = extension applied for
console-action-ict-permit-extended = extended
console-action-ict-permit-extension-refused = extension refused
console-action-ict-permit-extension-ended = extension application ended
console-action-ict-permit-suspended = suspended
console-action-ict-permit-resumed = resumed
console-action-ict-permit-revoked = revoked
console-action-ict-permit-annulled = annulled
console-action-ict-permit-arrival-notified = arrival notified
console-action-ict-permit-arrival-notice-due = arrival notice due
console-action-ict-permit-departure-recorded = departure recorded
console-action-permit-departure-recorded = departure recorded
console-action-permit-extension-applied = extension applied for
console-action-permit-extension-ended = extension ended
console-action-permit-extension-revived = extension back with the permit after a complaint
console-action-permit-decision-ordered = new decision ordered on a complaint
console-action-permit-complaint-filed = complaint filed
console-action-permit-complaint-forwarded = complaint forwarded
console-action-permit-complaint-partly-satisfied = complaint partly upheld
console-action-permit-complaint-reconsidered = complaint reconsidered
console-action-permit-complaint-refused = complaint dismissed
console-action-permit-complaint-satisfied = complaint upheld
console-action-permit-complaint-reinstated = reinstated after a complaint
console-action-personal-data-read = personal data viewed
console-position-head = head
console-position-manager = manager
console-position-specialist = specialist
console-rules-yes = yes
console-rules-no = no
console-rules-none = none
console-rules-unit-months = months
console-rules-unit-days = days
console-rules-section-categories = Categories and terms
console-rules-section-category_4_replacement = Category 4: replacement by citizens
console-rules-section-ict = Intra-corporate transfer
console-rules-section-self_employment = Self-employment
console-rules-section-kazakh_share = Kazakh staff share
console-rules-section-fees = Fees
console-rules-section-mrp = Monthly calculation index (MRP)
console-rules-section-deadlines = Deadlines
console-rules-section-extension_window = Extension window
console-rules-section-business_trips = Business trips
console-rules-section-labour_market_test = Labour-market test
console-rules-section-quota_demand = Quota demand
console-rules-section-lists = Priority sectors and in-demand professions
console-rules-section-holidays = Days off and holidays
console-rules-section-permit_grounds = Grounds of refusal and revocation
console-rules-section-complaints = Complaints
console-rules-section-working_age = Working age
console-rules-section-no_permit_list = Persons needing no permit
console-rules-section-case_grounds = Grounds to refuse certificates and ICT permits
console-rules-key-allowed = allowed
console-rules-key-applies_from = applies from
console-rules-key-arrival_notice_days = arrival notice, days
console-rules-key-article = article
console-rules-key-bars_employer = bars the employer
console-rules-key-by_term = by term
console-rules-key-categories = categories
console-rules-key-category = category
console-rules-key-code = code
console-rules-key-confirmed = confirmed against the official text
console-rules-key-days_off = days off
console-rules-key-deciding_bodies = deciding bodies
console-rules-key-decision_working_days = decision, working days
console-rules-key-eaeu_citizens_count_as_foreign = EAEU citizens count as foreign
console-rules-key-earliest_days_before_expiry = earliest, days before expiry
console-rules-key-exemption_max_employees = exemption: most employees
console-rules-key-extension = extension
console-rules-key-extension_apply_within_months = apply to extend within, months
console-rules-key-extension_decision_working_days = extension decision, working days
console-rules-key-extension_max_months = extension at most, months
console-rules-key-extension_months = extension, months
console-rules-key-fee_payment_working_days = fee payment, working days
console-rules-key-fees = fees
console-rules-key-filing_closes = filing closes
console-rules-key-filing_months = filing, months
console-rules-key-filing_opens = filing opens
console-rules-key-from = from
console-rules-key-valid_from = from
console-rules-key-group = group
console-rules-key-higher_education_required = higher education required
console-rules-key-ict_exempt = intra-corporate transfer exempt
console-rules-key-in_demand_professions = in-demand professions
console-rules-key-initial = initial permit
console-rules-key-initial_max_months = initial term at most, months
console-rules-key-issue_decision_working_days = issue decision, working days
console-rules-key-latest_days_before_expiry = latest, days before expiry
console-rules-key-max_days = at most, days
console-rules-key-max_days_per_calendar_year = at most, days a calendar year
console-rules-key-max_employees = at most, employees
console-rules-key-max_extensions = extensions at most
console-rules-key-max_months = at most, months
console-rules-key-max_percent_of_kazakh_staff = at most, share of Kazakh staff
console-rules-key-max_term_months = term at most, months
console-rules-key-min_days_published = vacancy published at least, days
console-rules-key-min_experience_years = experience at least, years
console-rules-key-min_kazakh_percent = Kazakh staff at least
console-rules-key-min_months = at least, months
console-rules-key-minimum_age = minimum age
console-rules-key-mrp = MRP
console-rules-key-name = name
console-rules-key-occupation_code = occupation code
console-rules-key-posted_workers_count = posted workers count
console-rules-key-priority_sectors = priority sectors
console-rules-key-ratios = ratios
console-rules-key-reconsideration_working_days = reconsideration, working days
console-rules-key-refusal = grounds of refusal
console-rules-key-regional_proposals_due = regional proposals due
console-rules-key-reissue = re-issue for another worker
console-rules-key-revocation = grounds of revocation
console-rules-key-same_occupation = same occupation only
console-rules-key-seasonal = seasonal work
console-rules-key-seasonal_professions = seasonal professions
console-rules-key-sector = sector
console-rules-key-sector_groups = sector groups
console-rules-key-sectors = sectors
console-rules-key-small_business_exemption = small-business exemption
console-rules-key-source = source
console-rules-key-tenge = tenge
console-rules-key-unit = unit
console-rules-key-unlawful_engagement_bar_months = bar after unlawful engagement, months
console-rules-key-up_to = up to the term
console-rules-key-values = values
console-rules-key-working_weekend_days = working weekend days
console-rules-key-year = year
console-rules-key-years = years
console-role-system = system
console-actor-system = the service (automatically)
console-actor-seed = initial load

## The console's pages for certificates, ICT permits and a region (issue 21, item 6)
console-nav-certificates = Certificates
console-nav-ict-permits = ICT permits
console-nav-region = Region
console-certificates-title = Self-employment certificates
console-certificates-intro = Certificates of qualification compliance for self-employment (Art. 34): applications, decisions, extensions and the employers' reports, oldest first.
console-certificate-title = Self-employment certificate
console-certificate-status-applied = awaiting decision
console-certificate-status-issued = issued
console-certificate-status-refused = refused
console-certificate-status-extended = extended for the labour contract
console-certificate-via-mission = through a foreign mission
console-certificate-via-akimat = directly at the akimat
console-certificate-months = Months of validity
console-certificate-extension = Extension for the labour contract
console-all-regions = All regions
console-choose-region = Choose a region
console-choose = Choose
console-show = Show
console-back-to-certificates = Back to the certificates
console-back-to-ict-permits = Back to the ICT permits
console-cancel-case = Cancel and go back to the case
console-col-channel = Application channel
console-col-condition = Special condition
console-col-contract = Labour contract
console-col-date = Date
console-col-deadline = Notice due by
console-col-entry = Entry
console-col-experience = Years of experience
console-col-extended = extended on
console-col-higher-education = Higher education
console-col-iin = IIN
console-col-justification = Justification
console-col-kazakh-staff = Kazakh staff
console-col-notified = Notified
console-col-prior-months = Months with the sending entity
console-col-refusal-reason = Note on the refusal
console-col-valid-until = Valid until
console-col-workers = Workers
console-confirm-certificate-refuse = You are refusing this certificate application on the grounds: { $grounds }.
console-confirm-ict-refuse = You are refusing this ICT permit application on the grounds: { $grounds }.
console-confirm-ict-extension-refuse = You are refusing this extension application on the grounds: { $grounds }.
console-rules-key-applies_to = refuses
console-rules-use-certificate = a self-employment certificate
console-rules-use-ict = an ICT permit
console-rules-use-ict_extension = the extension of an ICT permit
console-col-refusal-grounds = Grounds of refusal
console-effect-certificate-refused = The application is closed; the applicant may complain against the refusal or apply again.
console-effect-ict-refused = The application is closed; no quota or fee is involved; the employer may complain against the refusal.
console-effect-ict-extension-refused = The permit keeps its last day; the employer may complain against the refusal.
console-contract-employer = Employer's BIN
console-contract-start = First day of the contract
console-contract-end = Last day of the contract
console-demand-review = Review
console-demand-review-submit = Record the review
console-demand-decision-accept = support in full
console-demand-decision-reduce = support a smaller number
console-demand-decision-reject = support none
console-demand-status-filed = awaiting review
console-demand-status-accepted = supported in full
console-demand-status-reduced = supported in part
console-demand-status-rejected = not supported
console-done-certificate-issued = The certificate is issued.
console-done-certificate-refused = The certificate application is refused.
console-done-certificate-extended = The certificate is extended for the labour contract.
console-done-ict-issued = The ICT permit is issued.
console-done-ict-refused = The ICT permit application is refused.
console-done-ict-extended = The ICT permit is extended.
console-done-ict-extension-refused = The extension application is refused.
console-done-demand-reviewed = The review is recorded.
console-employment-reports = Employers' reports of hiring and its end
console-report-hire = hired
console-report-end = employment ended
console-report-past-validity = outside the certificate's validity
console-extend = Extend
console-issue = Issue
console-refusal-reason = Note (optional)
console-refuse-extension = Refuse the extension
console-yes = yes
console-no = no
console-ict-permits-title = ICT permits
console-ict-permits-intro = Permits for intra-corporate transfers (Art. 35): applications to decide, extension applications and arrival notifications, oldest first.
console-ict-permit-title = ICT permit
console-ict-arrivals = Arrival notifications
console-ict-extension = Extension
console-ict-extension-asked = Extension applied for, months
console-ict-extensions = Extensions granted
console-ict-extend-months = Months to extend by
console-ict-form-branch = branch
console-ict-form-subsidiary = subsidiary
console-ict-form-representative_office = representative office
console-ict-condition-train_kazakh_staff = training Kazakh staff
console-ict-condition-create_jobs = creating jobs for Kazakh citizens
console-region-title = Region: quota and demand
console-region-quota = The region's quota by category
console-region-countries = Quotas by country of origin (national)
console-region-demands = Employers' quota demand
console-region-read-only = You see this region as its akimat does; reviewing is the akimat's.
console-region-choose-first = Choose a region to see its quota and demand.
console-col-year = Year
## The console's complaint pages (issue 23, item 4).
console-nav-complaints = Complaints
console-complaints-title = Complaints awaiting decision
console-complaints-intro = Complaints against acts awaiting your body, by deadline, overdue first.
console-complaints-empty = No complaint awaits you.
console-complaint-title = Complaint
console-col-complaint = Complaint
console-col-act = Act contested
console-col-act-on = Act notified on
console-col-relief = Relief asked
console-col-grounds = Grounds
console-col-references = Documents attached
console-col-late = Filed in time
console-col-deciding-body = Body considering complaints
console-col-forwarded = Passed on
console-col-decided = Decided on
console-col-reasons = Reasons of the decision
console-complaint-case = case
console-complaint-certificate = self-employment certificate
console-complaint-ict = ICT permit
console-complaint-late = filed late
console-complaint-late-yes = filed late, after the term for complaints
console-complaint-late-no = filed in time
console-complaint-term = The missed term for complaints
console-complaint-term-restored-yes = the missed term is restored for a good reason
console-complaint-term-restored-no = the missed term is not restored
console-complaint-awaiting-quota = the permit waits for quota
console-complaint-act-refusal = refusal of a permit
console-complaint-act-suspension = suspension of a permit
console-complaint-act-revocation = revocation of a permit
console-complaint-act-missed_deadline = decision not taken by its deadline
console-complaint-act-certificate_refusal = refusal of a self-employment certificate
console-complaint-act-ict_refusal = refusal of an ICT permit
console-complaint-relief-annul = annul the act
console-complaint-relief-take_decision = take the decision
console-complaint-state-filed = with the akimat whose act it contests
console-complaint-state-reconsidered = satisfied by the akimat itself
console-complaint-state-forwarded = with the body considering complaints
console-complaint-state-satisfied = satisfied
console-complaint-state-partly_satisfied = partly satisfied
console-complaint-state-refused = refused
console-complaint-body-akimat = the akim of the region
console-complaint-body-ministry = the ministry's authorised unit
console-complaint-own-term = Satisfy it yourselves or pass it on
console-complaint-reasons = Reasons
console-complaint-reconsider = Satisfy the complaint
console-complaint-forward = Pass it to the body considering complaints
console-complaint-decision = Decision on the complaint
console-complaint-outcome = Outcome
console-complaint-outcome-satisfied = satisfy: annul the act
console-complaint-outcome-partly_satisfied = satisfy in part: the act stands
console-complaint-outcome-refused = refuse
console-complaint-decide = Decide
console-confirm-complaint-reconsider = You are satisfying complaint № { $id } against the { $act } yourselves.
console-confirm-complaint-forward = You are passing complaint № { $id } against the { $act } on.
console-confirm-complaint-satisfied = You are satisfying complaint № { $id } against the { $act }.
console-confirm-complaint-partly-satisfied = You are satisfying complaint № { $id } against the { $act } in part.
console-confirm-complaint-refused = You are refusing complaint № { $id } against the { $act }.
console-effect-complaint-annulled = The { $act } is annulled.
console-effect-complaint-quota = The permit is active again and holds its quota again where its regions have room; where they have none, it waits first in line for quota.
console-effect-complaint-bar = The bar on new permits for the employer (Art. 33(2)) is lifted.
console-effect-complaint-active = The permit is in force again.
console-effect-complaint-redecide = The case goes back to where it stood before the act, to be decided again.
console-effect-complaint-stands = The { $act } stands; the employer reads the reasons.
console-effect-complaint-forward = The complaint passes to { $body }, whose deadline runs from today in working days.
console-effect-complaint-term-restored = The missed term for complaints is restored.
console-effect-complaint-term-not-restored = The missed term for complaints is not restored.
console-effect-complaint-reasons = Your reasons, kept with the complaint: { $reasons }
console-done-complaint-reconsider = Complaint satisfied: the act is annulled.
console-done-complaint-forward = Complaint passed to the body considering complaints.
console-done-complaint-satisfied = Complaint satisfied: the act is annulled.
console-done-complaint-partly-satisfied = Complaint satisfied in part.
console-done-complaint-refused = Complaint refused.
console-complaint-reinstatement = Reinstate the permit
console-complaint-reinstatement-why = The complaint annulled the revocation, but the permit's regions had no quota left: the permit stays revoked and waits first in line. Reinstate it once there is room.
console-complaint-reinstate = Reinstate the permit
console-confirm-complaint-reinstate = You are reinstating the permit of complaint № { $id } against the { $act }.
console-effect-complaint-reinstate = The permit is active again and takes its quota again in every named region, held and used at once.
console-effect-complaint-reinstate-extension = Any extension that ended with the revocation comes back where it stood.
console-effect-complaint-reinstate-no-room = If a region still has no room, nothing changes and the permit keeps waiting first in line.
console-done-complaint-reinstate = Permit reinstated: it is active again.
console-stale-complaint = The complaint changed after you opened it. Nothing was done; the page below shows it as it is now.
console-action-complaint-filed = complaint filed
console-action-complaint-forwarded = complaint passed on
console-action-complaint-reconsidered = satisfied by the akimat itself
console-action-complaint-satisfied = complaint satisfied
console-action-complaint-partly-satisfied = complaint partly satisfied
console-action-complaint-refused = complaint refused
console-action-complaint-reinstated = permit reinstated

## Education levels as an application names them (issue 21)
console-education-postgraduate = postgraduate
console-education-higher = higher
console-education-vocational = technical and vocational
console-education-secondary = secondary
console-education-basic = basic secondary
console-education-primary = primary

## Dates typed into the console's forms (issue 21)
console-date-hint = day.month.year, e.g. { $example }
malformed-typed-date = “{ $typed }” in { $field ->
    [due_by] “Decision due by”
    [contract_start] “First day of the contract”
    [contract_end] “Last day of the contract”
   *[other] the date field
  } is not a date: write it as 07.12.2026 (day.month.year)

## The certificate list's order (issue 21)
console-sort = Order
console-sort-filed = by date filed
console-sort-deadline = by deadline: the certificate's nearest last day first

## Why a field is refused: errors[].message of a problem (issue 22)
field-between = must be between { $min } and { $max }
field-at-least = must be at least { $min }
field-at-most = must be at most { $max }
field-above-zero-at-most = must be above 0 and at most { $max }
field-chars-between = must be { $min } to { $max } { $max ->
        [one] character
       *[other] characters
    } long
field-chars-at-least = must be at least { $min } { $min ->
        [one] character
       *[other] characters
    } long
field-chars-at-most = must be at most { $max } { $max ->
        [one] character
       *[other] characters
    } long
field-chars-exactly = must be exactly { $n } { $n ->
        [one] character
       *[other] characters
    } long
field-items-between = must have { $min } to { $max } { $max ->
        [one] item
       *[other] items
    }
field-items-at-least = must have at least { $min } { $min ->
        [one] item
       *[other] items
    }
field-items-at-most = must have at most { $max } { $max ->
        [one] item
       *[other] items
    }
field-items-exactly = must have exactly { $n } { $n ->
        [one] item
       *[other] items
    }
field-blank = must not be blank
field-empty = must not be empty
field-nul = must not contain the NUL character (U+0000)
field-nul-in-key = a key must not contain the NUL character (U+0000)
field-date-outside = a date must lie between { $from } and { $to }
field-not-before = must be { $earliest } or later
field-typed-date = must be a date written as day.month.year, e.g. 07.12.2026
field-whole-number = must be a whole number
field-positive-amount = must be a positive amount in tenge
field-too-large = is too large to compute with
field-twice = appears twice
field-repeated = names the same value more than once
field-category-once = category { $category } must appear exactly once, found { $found }
field-one-of = must be one of: { $allowed }
field-none-of-choices = is none of the page's choices
field-ground-code = must be a ground code: 1 to { $max } small letters, digits and hyphens
field-cursor = not a cursor this service sent
field-visible-ascii = must be { $min } to { $max } visible ASCII characters
field-quoted-version = must be a quoted version number, e.g. "3"
field-required-when = is required { $when ->
        [issue] to issue, and an issue takes neither grounds nor a reason
        [refuse] to refuse
        [revoke] to revoke
        [foreign-mission] for a foreign mission
        [special-economic-zone] for a special economic zone
        [intra-corporate-transfer] for an intra-corporate transfer
        [position-or-transfer] with position or intra_corporate_transfer
        [employer-kind] with employer_kind
       *[other] here
    }
field-only-when = is given only { $when ->
        [issue] to issue
        [refuse] to refuse
        [revoke] to revoke
        [foreign-mission] for a foreign mission
        [special-economic-zone] for a special economic zone
        [intra-corporate-transfer] with intra_corporate_transfer
        [position-or-transfer] with position or intra_corporate_transfer
        [employer-kind] with employer_kind
       *[other] in another case
    }
field-required = is missing
field-invalid = has a value it does not admit
field-id-twelve-digits = must be exactly 12 digits
field-id-check-digit = check digit does not match
field-id-bin = is not a BIN: YYMM of registration (month 01-12), then 4, 5 or 6, then 0 to 3
field-id-iin = is not an IIN: a real YYMMDD birth date, then a century digit 1 to 6
field-id-employer = is neither a BIN (YYMM, then 4-6, then 0-3) nor an individual entrepreneur's IIN (YYMMDD, then 1-6)
field-id-region = must look like KZ-NN (ISO 3166-2:KZ)
field-id-country = must be three capital letters (ISO 3166-1 alpha-3)
field-id-sector = must be one OKED section letter A-U
field-rules-terms-ascending = must list positive terms in ascending order
field-rules-years-once = must list each year once, ascending
field-rules-dates-of-year = must list dates of { $year } once, ascending
field-rules-weekend-off = { $date } is a Saturday or Sunday; list only weekdays off
field-rules-not-weekend = { $date } is not a Saturday or Sunday
field-rules-category-one-ratio = category { $category } must be in exactly one ratio, found { $found }
field-rules-group-repeated = group { $group } appears more than once
field-rules-sector-in-groups = sector { $sector } is in more than one fee group
field-rules-fee-per-category = must have one fee for category { $category }, found { $found }
field-rules-terms-once = must list positive terms once, ascending
field-rules-durations-ascending = must list durations in ascending order
field-rules-sector-not-priority = sector { $sector } is not one of the priority sectors
field-rules-occupation-code = must be an NKZ code: four digits, optionally followed by -digits
field-rules-source = must name the act it comes from
field-rules-grounds-listed = must list at least one ground, each code once
field-rules-ground-named = every ground needs a code, an article and a name in kk, ru and en
field-rules-ground-codes = every ground needs a code of small letters, digits and hyphens, each once
field-rules-ground-article = every ground needs an article and a name in kk, ru and en
field-rules-ground-applies = every ground applies to at least one decision, each once
field-rules-list-categories = every category needs a code, each once, and a name in kk, ru and en
field-rules-no-extension-terms = must be 0 when the category has no extension terms
field-rules-replacement-months = min_months must be positive and not above max_months
field-rules-mrp-ascending = must list MRP values in ascending date order
field-rules-mrp-amount = must be a positive amount in whole tiyn that the ledger can hold
field-rules-extension-window = earliest_days_before_expiry must be above latest_days_before_expiry
field-rules-filing-window = filing_opens must not be after filing_closes
field-rules-seasonal-rate = has no rate for seasonal permits of up to { $term } { $term ->
        [one] day
       *[other] days
    }
field-rules-size = must have at most { $max } { $max ->
        [one] entry or character
       *[other] entries or characters
    }
