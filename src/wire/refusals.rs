//! The 422 answer of each operation, written once as a type: which field errors it gives
//! (`invalid-fields`, with `errors`) and the closed list of rule codes its `violations` can
//! carry. `responses(…, PayFeeRefused)` in a `#[utoipa::path]` gives the operation its 422,
//! whose schema is the operation's own narrowed problem (`PayFeeRefusal`: the `Problem`
//! shape whose `type` and `violations[].code` are enums of only that operation's codes,
//! added to the components by [`narrow`]), so a generated client's type of the 422 is the
//! union of what it can meet; the list is also sent as `x-problem-codes`, and the
//! description is made from it, so no refusal is described by hand per endpoint.
//! Every API test checks that a 422 it meets names only codes of its operation's list
//! (`tests/api/helpers.rs`, `declared`).

use crate::domain::ProblemCode::{self, *};
use crate::error::PROBLEM_TYPE_PREFIX;
use std::collections::BTreeMap;
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::schema::{ArrayItems, Object};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder, Schema};
use utoipa::IntoResponses;

/// A Latin name as a passport prints it (ICAO Doc 9303 Part 3).
const LATIN_NAME: &[ProblemCode] = &[
    NameBlank,
    NameInvisibleCharacter,
    NameNotLatin,
    NameSeparator,
    NameTooLong,
];
/// A passport number (ICAO Doc 9303 Part 4).
const PASSPORT_NUMBER: &[ProblemCode] = &[PassportNumberCharacter, PassportNumberLength];
/// The machine-readable zone of a passport (ICAO Doc 9303 Part 4).
const MRZ: &[ProblemCode] = &[
    MrzShape,
    MrzNotPassport,
    MrzDate,
    MrzCheckDigit,
    MrzMismatch,
];
/// A worker's person as a permit names it: names, passport, age and experience (Labour
/// Code Art. 31), each worker once (Art. 33(3)).
const WORKER: &[ProblemCode] = &[
    NameNotCyrillic,
    BirthDateNotPast,
    WorkerBelowWorkingAge,
    ExperienceBeyondWorkingYears,
    PassportExpiryBeforeBirth,
    WorkerNamedTwice,
    UnknownCountry,
];
/// The checks of a permit application, run when it is filed and again at the decision
/// (Art. 2(3), 7(20), 32(2), 32(4)(2), 33).
const PERMIT_CHECKS: &[ProblemCode] = &[
    QuotaAvailable,
    CountryQuotaAvailable,
    CountryQuotaMixed,
    KazakhShare,
    EmployerProfileRequired,
    QualificationData,
    TermAllowed,
    LabourMarketTest,
    EmployerBarred,
    ReplacementCommitment,
    ReplacementObligationMet,
    WorkerOnLivePermit,
    WorkerOnPendingApplication,
    PassportExpires,
    WorkerNeedsNoPermit,
    WorkerExempt,
    WorkerRouteOther,
    NoWorkerNeedsPermit,
    RuleSetIncomplete,
];
/// The checks of an ICT application (Art. 1(25), 35(1),(4)).
const ICT_CHECKS: &[ProblemCode] = &[
    IctEmployerForm,
    IctSenderNotWto,
    IctNotEmployedBySender,
    IctTermTooLong,
    IctRatioExceeded,
    IctWorkerRouteOther,
    ContractEndsBeforeStart,
];

/// What a field error adds when a field names something that does not exist.
const REGION: &str = "; also a `region` that is none of the 20 regions";

/// The 422 answer of the refusal type `name` (`PayFeeRefused`, whose schema is
/// `PayFeeRefusal`): field errors (with `fields` saying what else they cover) when the
/// operation checks fields, and the rule codes of `groups`.
fn unprocessable(
    name: &str,
    fields: Option<&str>,
    groups: &[&[ProblemCode]],
) -> BTreeMap<String, RefOr<Response>> {
    let mut codes: Vec<ProblemCode> = Vec::new();
    for code in groups.iter().flat_map(|g| g.iter()) {
        if !codes.contains(code) {
            codes.push(*code);
        }
    }
    let mut parts = Vec::new();
    if let Some(more) = fields {
        parts.push(format!(
            "Invalid fields (`invalid-fields`, with `errors`{more})."
        ));
    }
    if !codes.is_empty() {
        let listed: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        parts.push(format!(
            "A rule refuses the request (`violations`, each with its article): each \
             violation's `code` is one of {}.",
            listed.join(", ")
        ));
    }
    let response = ResponseBuilder::new()
        .description(parts.join(" "))
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(schema_name(name))))
                .build(),
        )
        .extensions(Some(
            ExtensionsBuilder::new()
                .add(
                    "x-problem-codes",
                    codes.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                )
                .build(),
        ))
        .build();
    BTreeMap::from([("422".to_owned(), RefOr::T(response))])
}

/// The component schema of the refusal type `name`: `PayFeeRefused` → `PayFeeRefusal`.
fn schema_name(name: &str) -> String {
    format!("{}Refusal", name.strip_suffix("Refused").unwrap_or(name))
}

/// Adds to the components, for every 422 that names a refusal schema not yet there, the
/// operation's narrowed problem: `Problem` whose `type` is one of `invalid-fields`,
/// `rule-violation` and the URNs of the operation's codes, and whose `violations` (left out
/// where it lists none) are `ViolationView`s whose `code` is the enum `…RefusalCode` of
/// those codes (read from its `x-problem-codes`). Run after every operation has its 422.
pub fn narrow(doc: &mut OpenApi) {
    let mut wanted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for item in doc.paths.paths.values() {
        let operations = [&item.get, &item.put, &item.post, &item.delete, &item.patch];
        for op in operations.into_iter().flatten() {
            let Some(RefOr::T(refused)) = op.responses.responses.get("422") else {
                continue;
            };
            let Some(RefOr::Ref(schema)) = refused
                .content
                .get("application/problem+json")
                .and_then(|c| c.schema.as_ref())
            else {
                continue;
            };
            let codes = refused
                .extensions
                .as_ref()
                .and_then(|e| e.get("x-problem-codes"))
                .and_then(|c| c.as_array())
                .map(|c| {
                    c.iter()
                        .filter_map(|c| c.as_str())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            let name = schema.ref_location.rsplit('/').next().unwrap_or_default();
            wanted.insert(name.to_owned(), codes);
        }
    }
    let Some(components) = doc.components.as_mut() else {
        return;
    };
    let object = |name: &str| match components.schemas.get(name) {
        Some(RefOr::T(Schema::Object(o))) => Some(o.clone()),
        _ => None,
    };
    let (Some(problem), Some(violation), Some(all)) = (
        object("Problem"),
        object("ViolationView"),
        object("ProblemCode"),
    ) else {
        return;
    };
    let mut added: Vec<(String, Object)> = Vec::new();
    for (name, codes) in wanted {
        if name == "Problem" || components.schemas.contains_key(&name) {
            continue;
        }
        let mut refusal = problem.clone();
        refusal.example = None;
        refusal.examples.clear();
        refusal.description = Some(format!(
            "The 422 answer of an operation (`{name}`): an RFC 9457 problem whose `type` and \
             `violations[].code` are only those the operation gives."
        ));
        let mut types = vec![format!("{PROBLEM_TYPE_PREFIX}invalid-fields")];
        if !codes.is_empty() {
            types.push(format!("{PROBLEM_TYPE_PREFIX}rule-violation"));
        }
        types.extend(codes.iter().map(|c| format!("{PROBLEM_TYPE_PREFIX}{c}")));
        if let Some(RefOr::T(Schema::Object(type_))) = refusal.properties.get_mut("type") {
            let names: Vec<String> = types
                .iter()
                .map(|t| {
                    t[PROBLEM_TYPE_PREFIX.len()..]
                        .replace('-', "_")
                        .to_uppercase()
                })
                .collect();
            type_.enum_values = Some(types.into_iter().map(Into::into).collect());
            type_
                .extensions
                .get_or_insert_with(Default::default)
                .insert("x-enum-varnames".to_owned(), names.into());
        }
        if codes.is_empty() {
            refusal.properties.remove("violations");
        } else {
            let code_name = format!("{name}Code");
            let violation_name = format!("{name}Violation");
            if let Some(RefOr::T(Schema::Array(list))) = refusal.properties.get_mut("violations") {
                list.items = ArrayItems::RefOrSchema(Box::new(
                    Ref::from_schema_name(&violation_name).into(),
                ));
            }
            let mut view = violation.clone();
            view.example = None;
            let mut code = Ref::from_schema_name(&code_name);
            code.description = "Stable, machine-readable code of the rule; one of those this \
                                operation gives; never translated."
                .to_owned();
            view.properties.insert("code".to_owned(), code.into());
            let mut enumerated = all.clone();
            enumerated.description = Some(format!(
                "The codes of the rules that can refuse this operation (`{name}`): a subset \
                 of `ProblemCode`."
            ));
            let names = all
                .extensions
                .as_ref()
                .and_then(|e| e.get("x-enum-varnames"))
                .and_then(|n| n.as_array());
            let values = all.enum_values.iter().flatten();
            let kept: Vec<(serde_json::Value, Option<serde_json::Value>)> = values
                .enumerate()
                .filter(|(_, v)| codes.iter().any(|c| v.as_str() == Some(c.as_str())))
                .map(|(i, v)| (v.clone(), names.and_then(|n| n.get(i)).cloned()))
                .collect();
            enumerated.enum_values = Some(kept.iter().map(|(v, _)| v.clone()).collect());
            if let Some(extensions) = enumerated.extensions.as_mut() {
                let names: Vec<serde_json::Value> =
                    kept.into_iter().filter_map(|(_, n)| n).collect();
                extensions.insert("x-enum-varnames".to_owned(), names.into());
            }
            added.push((code_name, enumerated));
            added.push((violation_name, view));
        }
        added.push((name, refusal));
    }
    for (name, schema) in added {
        components
            .schemas
            .insert(name, RefOr::T(Schema::Object(schema)));
    }
}

/// Declares the 422 answer of an operation: `fields` is `None` for an operation that
/// checks no field, else what its field errors cover beyond the body's own checks.
macro_rules! refusals {
    ($(#[$doc:meta])* $name:ident, $fields:expr, [$($group:expr),* $(,)?]) => {
        $(#[$doc])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                unprocessable(stringify!($name), $fields, &[$($group),*])
            }
        }
    };
}

refusals!(
    /// A list's `region` filter that names none of the 20 regions (`errors` names
    /// `region`); added to every list with the filter.
    RegionFilterRefused,
    Some(": the `region` filter names none of the 20 regions"),
    []
);
refusals!(
    /// `POST /v1/permit-applications`: the worker's route, the application's checks and
    /// each worker's person.
    FilePermitRefused,
    Some("; also a region of `regions` that is none of the 20 regions, e.g. `regions[0]`"),
    [
        &[NoPermitListCategoryUnknown, ProfessionNotSeasonal, StartDatePast],
        PERMIT_CHECKS,
        &[QuotaExhausted, CountryQuotaExhausted, CountryQuotaForEaeuMember],
        LATIN_NAME,
        PASSPORT_NUMBER,
        MRZ,
        WORKER,
    ]
);
refusals!(
    /// `POST /v1/permits/{id}/decisions`: the checks again, the quota, the grounds.
    DecidePermitRefused,
    Some(""),
    [
        PERMIT_CHECKS,
        &[
            QuotaExhausted,
            CountryQuotaExhausted,
            UnknownGround,
            GroundsRequired,
            GroundNotForCategory,
            UnknownSector,
        ],
    ]
);
refusals!(
    /// `POST /v1/permits/{id}/payments` (Art. 33(4)).
    PayFeeRefused,
    Some(REGION),
    [&[FeeUnderpaid, RegionNotInPermit, PaymentDateInvalid, RuleSetIncomplete]]
);
refusals!(
    /// `POST /v1/permits/{id}/extensions` (Art. 7(20)).
    ExtendPermitRefused,
    Some(""),
    [
        &[ExtensionNotAllowed, ExtensionLimitReached, ExtensionWindow],
        PERMIT_CHECKS,
    ]
);
refusals!(
    /// `POST /v1/permits/{id}/suspension` and `/return`: field errors only.
    FieldsRefused,
    Some(""),
    []
);
refusals!(
    /// `POST /v1/permits/{id}/revocation` and an ICT permit's measures (Art. 9(5)).
    MeasureRefused,
    Some(""),
    [&[UnknownGround, GroundNotForCategory]]
);
refusals!(
    /// `POST /v1/permits/{id}/trips` (Art. 33(3)).
    TripRefused,
    Some("; also a `host_region` that is none of the 20 regions"),
    [&[TripDaysExceeded, TripRegionInPermit, TripOutsideValidity, TripEndsBeforeStart]]
);
refusals!(
    /// `POST /v1/permits/{id}/reissues` (Art. 7(20), 2(3), 32(4)(2), 33(3), 33(7)).
    ReissueRefused,
    Some(""),
    [
        &[
            ReissueNotAllowed,
            ReissueOccupationDiffers,
            ReissueNeedsNoPermit,
            ReissueCountryQuota,
            ReplacementNotCategory4,
        ],
        PERMIT_CHECKS,
        LATIN_NAME,
        PASSPORT_NUMBER,
        MRZ,
        WORKER,
    ]
);
refusals!(
    /// `POST /v1/permits/{id}/departures` (Art. 28(2)(8)).
    DepartureRefused,
    Some(""),
    [&[DepartureNotOwed, DepartureDateFuture]]
);
refusals!(
    /// `POST /v1/permits/{id}/replacement-report` (Art. 33(2)).
    ReplacementReportRefused,
    Some(""),
    [&[ReplacementNotCategory4, ReplacementReportShort]]
);
refusals!(
    /// `POST /v1/self-employment-certificates` (Art. 34(1),(4)).
    ApplyCertificateRefused,
    Some(REGION),
    [
        &[
            ProfessionNotInDemand,
            QualificationEducationBelow,
            QualificationExperienceBelow,
        ],
        LATIN_NAME,
        PASSPORT_NUMBER,
        MRZ,
    ]
);
refusals!(
    /// A certificate's decision (Art. 34(1)).
    DecideCertificateRefused,
    Some(""),
    [&[
        CertificateTermTooLong,
        RuleSetListsNoGrounds,
        GroundsRequired,
        UnknownGround,
        GroundNotForCase,
    ]]
);
refusals!(
    /// A certificate's extension (Art. 34(1),(3)).
    ExtendCertificateRefused,
    Some(""),
    [&[
        ExtensionWindowClosed,
        CertificateHolderNotEmployed,
        ExtensionBeyondThreeYears,
        ContractEndsBeforeStart,
    ]]
);
refusals!(
    /// An employer's report of a certificate holder's employment (Art. 28(2)(10)).
    ReportEmploymentRefused,
    Some(""),
    [
        &[CertificateNotIssued, EmploymentEndWithoutHire],
        PASSPORT_NUMBER,
    ]
);
refusals!(
    /// `POST /v1/ict-permits` (Art. 1(25), 35).
    ApplyIctRefused,
    Some(REGION),
    [ICT_CHECKS, LATIN_NAME, PASSPORT_NUMBER, MRZ]
);
refusals!(
    /// An ICT permit's decision: the application's checks again (Art. 35(1),(4)).
    DecideIctRefused,
    Some(""),
    [
        &[
            IctContractEnded,
            RuleSetListsNoGrounds,
            GroundsRequired,
            UnknownGround,
            GroundNotForCase,
        ],
        ICT_CHECKS,
    ]
);
refusals!(
    /// An application for an ICT permit's extension (Art. 35(1)).
    ApplyIctExtensionRefused,
    Some(""),
    [&[IctExtensionLimit, IctExtensionTooLong]]
);
refusals!(
    /// An ICT permit's extension (Art. 35(1)).
    ExtendIctRefused,
    Some(""),
    [&[
        IctExtensionLimit,
        IctExtensionTooLong,
        IctExtensionBeyondApplication,
        RuleSetListsNoGrounds,
        GroundsRequired,
        UnknownGround,
        GroundNotForCase,
    ]]
);
refusals!(
    /// An ICT arrival notice (Art. 35(3)).
    IctArrivalRefused,
    Some(""),
    [
        &[
            IctPermitNotIssued,
            IctWorkerNotOnPermit,
            IctWorkerAlreadyNotified,
            IctArrivalSenderMismatch,
            IctEntryInFuture,
            IctArrivalTermOutsidePermit,
        ],
        LATIN_NAME,
    ]
);
refusals!(
    /// An ICT departure (Art. 28(2)(8)).
    IctDepartureRefused,
    Some(""),
    [&[
        IctPermitNotIssued,
        DepartureNotOwed,
        IctWorkerNotOnPermit,
        IctDepartureInFuture,
    ]]
);
refusals!(
    /// An employer's statistical report (Art. 37(2), 33(6), 33(2)).
    StatisticalReportRefused,
    Some(""),
    [&[
        StatisticalReportPeriodOpen,
        EmployerProfileRequired,
        ReplacementPermitUnknown,
        QuarterInvalid,
    ]]
);
refusals!(
    /// The list of missing statistical reports: a quarter is required.
    MissingReportsRefused,
    Some(" naming `quarter`"),
    [&[QuarterInvalid]]
);
refusals!(
    /// The quota calculator: field errors only (a repeated region, one that is none of the
    /// 20 regions, a percentage that is not one).
    CalculationRefused,
    Some("; a repeated region, or one that is none of the 20 regions (`regions[0].region`)"),
    []
);
refusals!(
    /// A year's national quota (Art. 32(4), 7(23)).
    NationalQuotaRefused,
    Some(""),
    [&[
        CategorySplitExceedsQuota,
        QuotaBelowDistributed,
        CountryNotTreatyPartner,
        CountryQuotaForEaeuMember,
        QuotaBelowUsed,
        QuotaOutOfRange,
        UnknownCountry,
    ]]
);
refusals!(
    /// A transfer of quota between regions or the reserve (Art. 7(23), 6(2)).
    TransferRefused,
    Some("; also a `from_region` or `to_region` that is none of the 20 regions"),
    [&[TransferExceedsUnused, TransferToItself, QuotaNotSet]]
);
refusals!(
    /// A region's quota (Art. 7(23)).
    RegionalQuotaRefused,
    Some(""),
    [&[QuotaNotSet, NationalQuotaExceeded, AllocationBelowUsed]]
);
refusals!(
    /// A webhook subscription: a `url` the service may not call (not absolute, not https,
    /// with credentials, or an address that is not public), or an unknown event type.
    WebhookRefused,
    Some("; an unknown event type"),
    [&[WebhookUrlNotAbsolute, WebhookUrlNotHttps, WebhookUrlCredentials, WebhookUrlNotPublic]]
);
refusals!(
    /// The eligibility check: invalid or contradictory facts.
    EligibilityRefused,
    Some("; facts that contradict each other"),
    [&[NoPermitListCategoryUnknown]]
);
refusals!(
    /// A new rule set: a field or the set inconsistent, or a number beyond the law.
    RuleSetRefused,
    Some("; a rule set inconsistent in itself"),
    [&[
        StatutoryLimitExceeded,
        StatutoryMinimumNotMet,
        StatutoryRuleFixed,
        IctFeeNotAllowed,
        DemandFilingClosed,
    ]]
);
refusals!(
    /// An employer's quota demand (Art. 32(5), 7(21-1)).
    FileDemandRefused,
    Some(REGION),
    [&[DemandFilingClosed, ProfessionNotSeasonal]]
);
refusals!(
    /// An akimat's review of a demand: rules of the service (no article).
    ReviewDemandRefused,
    Some(""),
    [&[ReductionInvalid, ReasonRequired]]
);
refusals!(
    /// An employer's profile (Art. 33(6)).
    ProfileRefused,
    Some(REGION),
    [&[ForeignDivisionMismatch, UnknownSector]]
);
refusals!(
    /// A complaint against an act on a case (APPK Art. 91(1),(2)).
    FileComplaintRefused,
    Some(""),
    [&[ComplaintNoSuchAct, ComplaintReliefMismatch]]
);
refusals!(
    /// An akimat's reconsideration of a complaint (APPK Art. 91(4)).
    ReconsiderComplaintRefused,
    Some(""),
    [&[ComplaintReconsiderationTermPassed]]
);
refusals!(
    /// A reinstatement after a complaint annulled a revocation: still no room (Art. 33(2)).
    ReinstateRefused,
    None,
    [&[QuotaExhausted, CountryQuotaExhausted]]
);
refusals!(
    /// A decision on a complaint (APPK Art. 91(3), 92(2),(3)).
    DecideComplaintRefused,
    Some(""),
    [&[
        ComplaintReasonsRequired,
        ComplaintTermRestorationRequired,
        ComplaintTermNotRestored,
        QuotaExhausted,
        CountryQuotaExhausted,
    ]]
);
