//! The closed set of codes a rule of the service refuses (or warns) with: each
//! [`crate::domain::Violation`] is raised under one [`ProblemCode`], which is also the key of
//! its message in the catalogue (`locales/{kk,ru,en}/main.ftl`) and, alone in a refusal, the
//! end of the problem's `type` URI (RFC 9457). The contract's `ProblemCode` enum and every
//! operation's list of the codes its 422 answers are made from this table, so neither can
//! name a code the service does not raise.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Declares [`ProblemCode`] from `Variant = "code"` rows.
macro_rules! problem_codes {
    ($($variant:ident = $code:literal,)+) => {
        /// A stable, machine-readable code of a rule of the service: never translated, never
        /// renamed once published.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ProblemCode {
            $(#[doc = concat!("`", $code, "`")] $variant,)+
        }

        impl ProblemCode {
            /// Every code, in the order of the table.
            pub const ALL: &'static [ProblemCode] = &[$(ProblemCode::$variant),+];

            /// The code as sent (kebab-case), also its catalogue key.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ProblemCode::$variant => $code,)+
                }
            }

            /// The name a generated client gives the code's constant (`FEE_UNDERPAID`).
            pub fn constant(self) -> String {
                self.as_str().replace('-', "_").to_uppercase()
            }
        }
    };
}

problem_codes! {
    AllocationBelowUsed = "allocation-below-used",
    BirthDateNotPast = "birth-date-not-past",
    CategorySplitExceedsQuota = "category-split-exceeds-quota",
    CertificateHolderNotEmployed = "certificate-holder-not-employed",
    CertificateNotIssued = "certificate-not-issued",
    CertificateTermTooLong = "certificate-term-too-long",
    ComplaintNoSuchAct = "complaint-no-such-act",
    ComplaintReasonsRequired = "complaint-reasons-required",
    ComplaintReconsiderationTermPassed = "complaint-reconsideration-term-passed",
    ComplaintReliefMismatch = "complaint-relief-mismatch",
    ComplaintTermNotRestored = "complaint-term-not-restored",
    ComplaintTermRestorationRequired = "complaint-term-restoration-required",
    ContractEndsBeforeStart = "contract-ends-before-start",
    CountryNotTreatyPartner = "country-not-treaty-partner",
    CountryQuotaAvailable = "country-quota-available",
    CountryQuotaExhausted = "country-quota-exhausted",
    CountryQuotaForEaeuMember = "country-quota-for-eaeu-member",
    CountryQuotaMixed = "country-quota-mixed",
    DemandFilingClosed = "demand-filing-closed",
    DepartureDateFuture = "departure-date-future",
    DepartureNotOwed = "departure-not-owed",
    EmployerBarred = "employer-barred",
    EmployerProfileRequired = "employer-profile-required",
    EmploymentEndWithoutHire = "employment-end-without-hire",
    ExperienceBeyondWorkingYears = "experience-beyond-working-years",
    ExtensionBeyondThreeYears = "extension-beyond-three-years",
    ExtensionLimitReached = "extension-limit-reached",
    ExtensionNotAllowed = "extension-not-allowed",
    ExtensionWindow = "extension-window",
    ExtensionWindowClosed = "extension-window-closed",
    FeeUnderpaid = "fee-underpaid",
    ForeignDivisionMismatch = "foreign-division-mismatch",
    GroundNotForCase = "ground-not-for-case",
    GroundNotForCategory = "ground-not-for-category",
    GroundsRequired = "grounds-required",
    IctArrivalSenderMismatch = "ict-arrival-sender-mismatch",
    IctArrivalTermOutsidePermit = "ict-arrival-term-outside-permit",
    IctContractEnded = "ict-contract-ended",
    IctDepartureInFuture = "ict-departure-in-future",
    IctEmployerForm = "ict-employer-form",
    IctEntryInFuture = "ict-entry-in-future",
    IctExtensionBeyondApplication = "ict-extension-beyond-application",
    IctExtensionLimit = "ict-extension-limit",
    IctExtensionTooLong = "ict-extension-too-long",
    IctFeeNotAllowed = "ict-fee-not-allowed",
    IctNotEmployedBySender = "ict-not-employed-by-sender",
    IctPermitNotIssued = "ict-permit-not-issued",
    IctRatioExceeded = "ict-ratio-exceeded",
    IctSenderNotWto = "ict-sender-not-wto",
    IctTermTooLong = "ict-term-too-long",
    IctWorkerAlreadyNotified = "ict-worker-already-notified",
    IctWorkerNotOnPermit = "ict-worker-not-on-permit",
    IctWorkerRouteOther = "ict-worker-route-other",
    KazakhShare = "kazakh-share",
    KazakhShareExempt = "kazakh-share-exempt",
    KazakhShareNotApplicable = "kazakh-share-not-applicable",
    KazakhShareSmallBusiness = "kazakh-share-small-business",
    LabourMarketTest = "labour-market-test",
    MrzCheckDigit = "mrz-check-digit",
    MrzDate = "mrz-date",
    MrzMismatch = "mrz-mismatch",
    MrzNotPassport = "mrz-not-passport",
    MrzShape = "mrz-shape",
    NameBlank = "name-blank",
    NameInvisibleCharacter = "name-invisible-character",
    NameNotCyrillic = "name-not-cyrillic",
    NameNotLatin = "name-not-latin",
    NameSeparator = "name-separator",
    NameTooLong = "name-too-long",
    NationalQuotaExceeded = "national-quota-exceeded",
    NoPermitListCategoryUnknown = "no-permit-list-category-unknown",
    NoWorkerNeedsPermit = "no-worker-needs-permit",
    PassportExpires = "passport-expires",
    PassportExpiryBeforeBirth = "passport-expiry-before-birth",
    PassportNumberCharacter = "passport-number-character",
    PassportNumberLength = "passport-number-length",
    PaymentDateInvalid = "payment-date-invalid",
    ProfessionNotInDemand = "profession-not-in-demand",
    ProfessionNotSeasonal = "profession-not-seasonal",
    QualificationData = "qualification-data",
    QualificationEducationBelow = "qualification-education-below",
    QualificationExperienceBelow = "qualification-experience-below",
    QuarterInvalid = "quarter-invalid",
    QuotaAvailable = "quota-available",
    QuotaBelowDistributed = "quota-below-distributed",
    QuotaBelowUsed = "quota-below-used",
    QuotaExhausted = "quota-exhausted",
    QuotaNotSet = "quota-not-set",
    QuotaOutOfRange = "quota-out-of-range",
    ReasonRequired = "reason-required",
    ReductionInvalid = "reduction-invalid",
    RegionNotInPermit = "region-not-in-permit",
    ReissueCountryQuota = "reissue-country-quota",
    ReissueNeedsNoPermit = "reissue-needs-no-permit",
    ReissueNotAllowed = "reissue-not-allowed",
    ReissueOccupationDiffers = "reissue-occupation-differs",
    ReplacementCommitment = "replacement-commitment",
    ReplacementNotCategory4 = "replacement-not-category-4",
    ReplacementObligationMet = "replacement-obligation-met",
    ReplacementPermitUnknown = "replacement-permit-unknown",
    ReplacementReportShort = "replacement-report-short",
    RuleSetIncomplete = "rule-set-incomplete",
    RuleSetListsNoGrounds = "rule-set-lists-no-grounds",
    StartDatePast = "start-date-past",
    StatisticalReportPeriodOpen = "statistical-report-period-open",
    StatutoryLimitExceeded = "statutory-limit-exceeded",
    StatutoryMinimumNotMet = "statutory-minimum-not-met",
    StatutoryRuleFixed = "statutory-rule-fixed",
    TermAllowed = "term-allowed",
    TransferExceedsUnused = "transfer-exceeds-unused",
    TransferToItself = "transfer-to-itself",
    TripDaysExceeded = "trip-days-exceeded",
    TripEndsBeforeStart = "trip-ends-before-start",
    TripOutsideValidity = "trip-outside-validity",
    TripRegionInPermit = "trip-region-in-permit",
    UnknownCountry = "unknown-country",
    UnknownGround = "unknown-ground",
    UnknownSector = "unknown-sector",
    WebhookUrlCredentials = "webhook-url-credentials",
    WebhookUrlNotAbsolute = "webhook-url-not-absolute",
    WebhookUrlNotHttps = "webhook-url-not-https",
    WebhookUrlNotPublic = "webhook-url-not-public",
    WorkerBelowWorkingAge = "worker-below-working-age",
    WorkerExempt = "worker-exempt",
    WorkerNamedTwice = "worker-named-twice",
    WorkerNeedsNoPermit = "worker-needs-no-permit",
    WorkerOnLivePermit = "worker-on-live-permit",
    WorkerOnPendingApplication = "worker-on-pending-application",
    WorkerRouteOther = "worker-route-other",
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<ProblemCode> for String {
    fn eq(&self, code: &ProblemCode) -> bool {
        self == code.as_str()
    }
}

impl PartialEq<ProblemCode> for &str {
    fn eq(&self, code: &ProblemCode) -> bool {
        *self == code.as_str()
    }
}

/// The unit of a [`Limit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitUnit {
    /// Calendar days (e.g. business-trip days in a year, Art. 33(3)).
    Days,
    /// Times a step may be taken (e.g. extensions of a permit, Art. 7(20)).
    Times,
    /// Percent (e.g. transferred workers against Kazakh staff, Art. 35(4)).
    Percent,
    /// Months (e.g. a term of a permit or certificate).
    Months,
    /// Workers or quota units.
    Units,
}

impl LimitUnit {
    /// Every unit, in the order of the contract's enum.
    pub const ALL: [LimitUnit; 5] = [
        LimitUnit::Days,
        LimitUnit::Times,
        LimitUnit::Percent,
        LimitUnit::Months,
        LimitUnit::Units,
    ];

    /// The unit as sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            LimitUnit::Days => "days",
            LimitUnit::Times => "times",
            LimitUnit::Percent => "percent",
            LimitUnit::Months => "months",
            LimitUnit::Units => "units",
        }
    }
}

/// The limit a rule refused a request for exceeding, with its unit: what a client shows
/// or checks before it asks again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    /// The largest value the rule admits, in `unit`.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// What `value` counts.
    pub unit: LimitUnit,
}

impl Limit {
    /// A limit of `value` `unit`s.
    pub fn new(value: impl Into<Decimal>, unit: LimitUnit) -> Limit {
        Limit {
            value: value.into(),
            unit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_kebab_case_and_named_once() {
        let mut seen = std::collections::BTreeSet::new();
        for code in ProblemCode::ALL {
            let s = code.as_str();
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s}"
            );
            assert!(seen.insert(s), "{s} twice");
        }
    }
}
