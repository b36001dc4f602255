//! Bearer-token verification into a [`Caller`], and [`authorize`]: the one function that
//! decides what a caller may do, by role and by the caller's region or BIN.

use crate::config::AuthSettings;
use crate::domain::complaint::DecidingBody;
use crate::domain::violation::Message;
use crate::domain::{EmployerId, RegionCode};
use crate::error::ApiError;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::ToSchema;

/// The four kinds of user (DESIGN "What it is, for whom").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Ministry analyst: sets quotas and rules, reads everything.
    Ministry,
    /// Akimat official, bound to one region.
    Akimat,
    /// Employer, bound to one BIN.
    Employer,
    /// Auditor: reads everything, changes nothing.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Ministry, Role::Akimat, Role::Employer, Role::Auditor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Ministry => "ministry",
            Role::Akimat => "akimat",
            Role::Employer => "employer",
            Role::Auditor => "auditor",
        }
    }
}

/// The claims of a token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bin: Option<String>,
    pub exp: i64,
}

/// A verified caller: an akimat always has its region, an employer always its BIN (or the
/// IIN of an individual entrepreneur).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub sub: String,
    pub role: Role,
    pub region: Option<RegionCode>,
    pub bin: Option<EmployerId>,
}

impl Caller {
    /// Checks the claims' shape: a subject, an akimat's well-formed region, an employer's
    /// BIN or IIN. The signature, expiry and the region's existence are the [`Verifier`]'s.
    pub fn from_claims(c: Claims) -> Result<Caller, Message> {
        if c.sub.trim().is_empty() {
            return Err(Message::new("unauthorized-no-subject"));
        }
        if c.sub.len() > MAX_SUBJECT_BYTES {
            return Err(Message::new("unauthorized-subject-too-long").arg("max", MAX_SUBJECT_BYTES));
        }
        if c.sub.chars().any(char::is_control) {
            return Err(Message::new("unauthorized-subject-control"));
        }
        let claim = |name: &str, e: &dyn std::fmt::Display| {
            Message::new("unauthorized-claim")
                .text("claim", name)
                .text("reason", e)
        };
        let region = match (c.role, c.region) {
            (Role::Akimat, Some(r)) => {
                Some(r.parse::<RegionCode>().map_err(|e| claim("region", &e))?)
            }
            (Role::Akimat, None) => {
                return Err(Message::new("unauthorized-missing-claim").text("claim", "region"))
            }
            _ => None,
        };
        let bin = match (c.role, c.bin) {
            (Role::Employer, Some(b)) => {
                Some(b.parse::<EmployerId>().map_err(|e| claim("bin", &e))?)
            }
            (Role::Employer, None) => {
                return Err(Message::new("unauthorized-missing-claim").text("claim", "bin"))
            }
            _ => None,
        };
        Ok(Caller {
            sub: c.sub,
            role: c.role,
            region,
            bin,
        })
    }
}

/// Longest `sub` claim accepted, in bytes: identity providers' subjects are far shorter,
/// and the subject is stored with every audit event.
pub const MAX_SUBJECT_BYTES: usize = 256;

/// Verifies tokens with the configured keys: HS256 (embedded default, tests) and RS256
/// (the identity provider's public keys in production), and binds an akimat only to a
/// region that exists.
pub struct Verifier {
    hs256: Option<DecodingKey>,
    rs256: Vec<DecodingKey>,
    /// What an HS256 and an RS256 token must carry, built once (a few sets each) rather
    /// than on every request.
    hs256_rules: Validation,
    rs256_rules: Validation,
    regions: HashSet<RegionCode>,
}

/// What a token signed with `alg` must carry: `exp` and `sub`, and `iss` and `aud` when
/// configured, with `leeway` seconds of clock skew.
fn validation(alg: Algorithm, leeway: u64, issuer: &str, audience: &str) -> Validation {
    let mut validation = Validation::new(alg);
    validation.leeway = leeway;
    let mut required = vec!["exp", "sub"];
    if !issuer.is_empty() {
        validation.set_issuer(&[issuer]);
        required.push("iss");
    }
    if audience.is_empty() {
        validation.validate_aud = false;
    } else {
        validation.set_audience(&[audience]);
        required.push("aud");
    }
    validation.set_required_spec_claims(&required);
    validation
}

impl Verifier {
    /// A verifier with the configured keys; `regions` are the codes of the seeded regions
    /// (reference data, loaded at start-up), the only ones an akimat token may name.
    pub fn new(
        s: &AuthSettings,
        regions: impl IntoIterator<Item = RegionCode>,
    ) -> Result<Verifier, String> {
        let regions: HashSet<RegionCode> = regions.into_iter().collect();
        if regions.is_empty() {
            return Err("no regions are known: the region reference data is missing".into());
        }
        let hs256 = (!s.hs256_secret.expose().is_empty())
            .then(|| DecodingKey::from_secret(s.hs256_secret.expose().as_bytes()));
        let rs256 = s
            .rs256_public_keys_pem
            .iter()
            .map(|pem| {
                DecodingKey::from_rsa_pem(pem.as_bytes()).map_err(|e| format!("RS256 key: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if hs256.is_none() && rs256.is_empty() {
            return Err(
                "no token key configured: set auth.hs256_secret or auth.rs256_public_keys_pem"
                    .into(),
            );
        }
        let rules = |alg| validation(alg, s.leeway_seconds, &s.issuer, &s.audience);
        Ok(Verifier {
            hs256,
            rs256,
            hs256_rules: rules(Algorithm::HS256),
            rs256_rules: rules(Algorithm::RS256),
            regions,
        })
    }

    pub fn verify(&self, token: &str) -> Result<Caller, ApiError> {
        self.verify_until(token).map(|(caller, _)| caller)
    }

    /// [`Verifier::verify`], with the token's expiry (seconds since the epoch): a console
    /// session begun with the token ends when it does.
    pub fn verify_until(&self, token: &str) -> Result<(Caller, i64), ApiError> {
        let unauthorized = |key: &str| ApiError::Unauthorized(Message::new(key));
        let header = jsonwebtoken::decode_header(token)
            .map_err(|_| unauthorized("unauthorized-token-malformed"))?;
        let (keys, validation): (Vec<&DecodingKey>, _) = match header.alg {
            Algorithm::HS256 => (self.hs256.iter().collect(), &self.hs256_rules),
            Algorithm::RS256 => (self.rs256.iter().collect(), &self.rs256_rules),
            _ => return Err(unauthorized("unauthorized-algorithm")),
        };
        let mut last = unauthorized("unauthorized-algorithm");
        for key in keys {
            match jsonwebtoken::decode::<Claims>(token, key, validation) {
                Ok(data) => {
                    let exp = data.claims.exp;
                    let caller =
                        Caller::from_claims(data.claims).map_err(ApiError::Unauthorized)?;
                    return self.known(caller).map(|c| (c, exp));
                }
                Err(e) => {
                    last = unauthorized(match e.kind() {
                        jsonwebtoken::errors::ErrorKind::ExpiredSignature => "unauthorized-expired",
                        jsonwebtoken::errors::ErrorKind::InvalidSignature => {
                            "unauthorized-signature"
                        }
                        _ => "unauthorized-token-invalid",
                    })
                }
            }
        }
        Err(last)
    }
}

impl Verifier {
    /// Whether `region` is one of the seeded regions.
    pub fn knows(&self, region: &RegionCode) -> bool {
        self.regions.contains(region)
    }

    /// The caller, when its region (if any) is one of the seeded regions: claims from the
    /// identity provider's ID token are bound by the same rule as a bearer token's.
    pub fn known(&self, caller: Caller) -> Result<Caller, ApiError> {
        match &caller.region {
            Some(r) if !self.regions.contains(r) => Err(ApiError::Unauthorized(
                Message::new("unauthorized-no-region").text("region", r),
            )),
            _ => Ok(caller),
        }
    }
}

/// Signs an HS256 token (development tokens and tests).
pub fn mint(secret: &str, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
}

/// Everything a caller can ask to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ReadReference,
    ReadRuleSets,
    PublishRuleSet,
    ReadAudit,
    /// Walk the audit chain and verify every link (issue 24).
    VerifyAuditChain,
    SetNationalQuota,
    ReadNationalQuota,
    AllocateRegionalQuota,
    ReadRegionalQuota,
    TransferQuota,
    ReadQuotaTransfers,
    FileQuotaDemand,
    ReadQuotaDemands,
    ReviewQuotaDemand,
    ReadQuotaDemandSummary,
    CheckQuotaLedger,
    CheckEligibility,
    ApplySelfEmploymentCertificate,
    DecideSelfEmploymentCertificate,
    ReadSelfEmploymentCertificates,
    ReportSelfEmployment,
    /// State the employer's profile and workforce (Art. 33(6)).
    PutEmployerProfile,
    /// Read an employer's profile and its history.
    ReadEmployerProfile,
    /// File a permit application (Art. 33(1)).
    FilePermit,
    /// Read permits and applications.
    ReadPermits,
    /// Approve or refuse a permit for the caller's region (Art. 33(2), 9(5)).
    DecidePermit,
    /// Withdraw an application before a decision.
    WithdrawPermit,
    /// Record a fee payment to a region's budget (Art. 33(4)).
    PayPermitFee,
    /// Apply for an extension.
    ExtendPermit,
    /// Suspend, resume or revoke a permit (Art. 9(5)).
    SupervisePermit,
    /// Return a permit voluntarily.
    ReturnPermit,
    /// Report a business trip (Art. 33(3)).
    ReportTrip,
    /// Re-issue a permit for another foreigner (Order No. 279, Art. 33(3)).
    ReissuePermit,
    /// Record a worker's departure (Art. 28(2)(8)).
    RecordDeparture,
    /// List workers whose departure is overdue.
    ReadDepartures,
    /// Report a category-4 permit's replacement commitment met (Art. 33(2)).
    ReportReplacement,
    /// Apply for an ICT permit (Art. 35(1)).
    ApplyIctPermit,
    /// Apply for an ICT permit's extension (Art. 35(1)).
    ApplyIctExtension,
    /// Decide, extend, suspend, resume or revoke an ICT permit (Art. 35(1)).
    DecideIctPermit,
    /// Read ICT permits.
    ReadIctPermits,
    /// Notify ICT arrivals and record departures (Art. 35(3), 28(2)(8)).
    NotifyIct,
    /// Read the register of ICT foreigners (Art. 35(5)).
    ReadIctRegister,
    /// Read the ministry's statistics (Art. 36, 37(4)).
    ReadStatistics,
    /// Run the quota calculator (Art. 32(4)-(5)).
    CalculateQuota,
    /// File the employer's primary statistical data (Art. 37(2)).
    FileStatisticalReport,
    /// Read employers' statistical reports (Art. 37(1), (4)).
    ReadStatisticalReports,
    /// File a complaint against an act of the service (APPK Art. 91(1)).
    FileComplaint,
    /// Read complaints, their queue and their statistics.
    ReadComplaints,
    /// Satisfy a complaint against one's own act, or pass it on (APPK Art. 91(4)).
    ReconsiderComplaint,
    /// Decide a complaint as the body considering it (APPK Art. 91(3)).
    DecideComplaint,
    /// Read the event feed (issue 22).
    ReadEvents,
    /// Register, read and delete webhook subscriptions and their deliveries (issue 22).
    ManageWebhooks,
}

impl Action {
    pub const ALL: [Action; 52] = [
        Action::ReadReference,
        Action::ReadRuleSets,
        Action::PublishRuleSet,
        Action::ReadAudit,
        Action::VerifyAuditChain,
        Action::SetNationalQuota,
        Action::ReadNationalQuota,
        Action::AllocateRegionalQuota,
        Action::ReadRegionalQuota,
        Action::TransferQuota,
        Action::ReadQuotaTransfers,
        Action::FileQuotaDemand,
        Action::ReadQuotaDemands,
        Action::ReviewQuotaDemand,
        Action::ReadQuotaDemandSummary,
        Action::CheckQuotaLedger,
        Action::CheckEligibility,
        Action::ApplySelfEmploymentCertificate,
        Action::DecideSelfEmploymentCertificate,
        Action::ReadSelfEmploymentCertificates,
        Action::ReportSelfEmployment,
        Action::PutEmployerProfile,
        Action::ReadEmployerProfile,
        Action::FilePermit,
        Action::ReadPermits,
        Action::DecidePermit,
        Action::WithdrawPermit,
        Action::PayPermitFee,
        Action::ExtendPermit,
        Action::SupervisePermit,
        Action::ReturnPermit,
        Action::ReportTrip,
        Action::ReissuePermit,
        Action::RecordDeparture,
        Action::ReadDepartures,
        Action::ReportReplacement,
        Action::ApplyIctPermit,
        Action::ApplyIctExtension,
        Action::DecideIctPermit,
        Action::ReadIctPermits,
        Action::NotifyIct,
        Action::ReadIctRegister,
        Action::ReadStatistics,
        Action::CalculateQuota,
        Action::FileStatisticalReport,
        Action::ReadStatisticalReports,
        Action::FileComplaint,
        Action::ReadComplaints,
        Action::ReconsiderComplaint,
        Action::DecideComplaint,
        Action::ReadEvents,
        Action::ManageWebhooks,
    ];
}

/// How far a role's right to an action reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Not at all: 403.
    None,
    /// Only the caller's own region (akimat) or BIN (employer).
    Own,
    /// Everything.
    All,
}

/// The role × action table (DESIGN "Auth"; the tables of who does what).
pub fn reach(role: Role, action: Action) -> Reach {
    use Action as A;
    use Role::*;
    match (action, role) {
        (A::ReadReference | A::ReadRuleSets, _) => Reach::All,
        // The route finder answers any valid token: it reveals no case.
        (A::CheckEligibility, _) => Reach::All,
        (A::PublishRuleSet, Ministry) => Reach::All,
        (A::ReadAudit, Ministry | Auditor) => Reach::All,
        (A::ReadAudit, Akimat) => Reach::Own,
        (A::VerifyAuditChain, Ministry | Auditor) => Reach::All,
        (
            A::SetNationalQuota | A::AllocateRegionalQuota | A::TransferQuota | A::CheckQuotaLedger,
            Ministry,
        ) => Reach::All,
        (A::ReadNationalQuota | A::ReadQuotaDemandSummary, Ministry | Auditor) => Reach::All,
        (A::ReadRegionalQuota | A::ReadQuotaTransfers, Ministry | Auditor) => Reach::All,
        (A::ReadRegionalQuota | A::ReadQuotaTransfers, Akimat) => Reach::Own,
        (A::FileQuotaDemand, Employer) => Reach::Own,
        (A::ReadQuotaDemands, Ministry | Auditor) => Reach::All,
        (A::ReadQuotaDemands, Akimat | Employer) => Reach::Own,
        (A::ReviewQuotaDemand, Akimat) => Reach::Own,
        // A certificate's holder is a person: the akimat of its region registers and
        // decides it; an employer reaches only those whose holder's employment it reported.
        (A::ApplySelfEmploymentCertificate | A::DecideSelfEmploymentCertificate, Akimat) => {
            Reach::Own
        }
        (A::ReadSelfEmploymentCertificates, Ministry | Auditor) => Reach::All,
        (A::ReadSelfEmploymentCertificates, Akimat | Employer) => Reach::Own,
        (A::ReportSelfEmployment, Employer) => Reach::Own,
        (A::ReadEmployerProfile, Ministry | Auditor | Akimat) => Reach::All,
        (
            A::PutEmployerProfile
            | A::ReadEmployerProfile
            | A::FilePermit
            | A::WithdrawPermit
            | A::PayPermitFee
            | A::ExtendPermit
            | A::ReturnPermit
            | A::ReportTrip
            | A::ReissuePermit
            | A::RecordDeparture
            | A::ReportReplacement,
            Employer,
        ) => Reach::Own,
        (A::ReadPermits | A::ReadDepartures, Ministry | Auditor) => Reach::All,
        (A::ReadPermits, Akimat | Employer) => Reach::Own,
        (A::ReadDepartures | A::DecidePermit | A::SupervisePermit, Akimat) => Reach::Own,
        // An ICT permit is the case of the Kazakh branch, subsidiary or representative
        // office (its BIN) in the region of the akimat that decides it (Art. 35(1)); the
        // employer notifies arrivals and records departures (Art. 35(3), 28(2)(8)); the
        // register is kept by the akimats and read by the ministry (Art. 35(5)).
        (A::ApplyIctPermit | A::ApplyIctExtension | A::NotifyIct, Employer) => Reach::Own,
        (A::DecideIctPermit, Akimat) => Reach::Own,
        (A::ReadIctPermits, Ministry | Auditor) => Reach::All,
        (A::ReadIctPermits, Akimat | Employer) => Reach::Own,
        (A::ReadIctRegister, Ministry | Auditor) => Reach::All,
        (A::ReadIctRegister, Akimat) => Reach::Own,
        // Statistics (Art. 36, 37): the ministry and auditors read all, an akimat its region;
        // employers report their own data and read their own reports (Art. 37(2)).
        (A::ReadStatistics | A::ReadStatisticalReports, Ministry | Auditor) => Reach::All,
        (A::ReadStatistics, Akimat) => Reach::Own,
        (A::ReadStatisticalReports, Akimat | Employer) => Reach::Own,
        (A::CalculateQuota, Ministry) => Reach::All,
        (A::FileStatisticalReport, Employer) => Reach::Own,
        // Complaints (APPK Art. 91): the employer files and reads its own; the akimat
        // whose act is contested reads, satisfies or passes on those against its region's
        // acts; the body considering them decides (the ministry, or the akim where the
        // rule set names the akimat); the ministry and auditors read all.
        (A::FileComplaint, Employer) => Reach::Own,
        (A::ReadComplaints, Ministry | Auditor) => Reach::All,
        (A::ReadComplaints, Akimat | Employer) => Reach::Own,
        (A::ReconsiderComplaint, Akimat) => Reach::Own,
        (A::DecideComplaint, Ministry) => Reach::All,
        (A::DecideComplaint, Akimat) => Reach::Own,
        // Events (issue 22): read like every case, an employer its BIN's, an akimat its
        // region's; each registers webhooks for its own stream.
        (A::ReadEvents, Ministry | Auditor) => Reach::All,
        (A::ReadEvents | A::ManageWebhooks, Akimat | Employer) => Reach::Own,
        _ => Reach::None,
    }
}

/// What an action is applied to.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// Everything at once, e.g. a national figure: only for roles that reach all of it.
    /// Listings narrowed to the caller's own use [`visible`] instead.
    All,
    /// A region-level resource: another region's is refused with 403.
    Region(&'a RegionCode),
    /// One case of an employer in a region: another's answers 404, as if it did not exist.
    Case {
        region: &'a RegionCode,
        bin: &'a EmployerId,
    },
}

/// Decides whether `caller`'s role may do `action` at all, before anything is parsed or
/// loaded: a role that never may is refused with 403 whatever the request names.
pub fn authorize_role(caller: &Caller, action: Action) -> Result<(), ApiError> {
    match reach(caller.role, action) {
        Reach::None => authorize(caller, action, Scope::All),
        Reach::Own | Reach::All => Ok(()),
    }
}

/// Decides whether `caller` may do `action` on `scope`.
pub fn authorize(caller: &Caller, action: Action, scope: Scope<'_>) -> Result<(), ApiError> {
    let forbidden =
        || ApiError::Forbidden(Message::new("forbidden-role").text("role", caller.role.as_str()));
    match (reach(caller.role, action), scope) {
        (Reach::None, _) => Err(forbidden()),
        (Reach::All, _) => Ok(()),
        (Reach::Own, Scope::All) => Err(forbidden()),
        (Reach::Own, Scope::Region(r)) => match caller.role {
            Role::Akimat if caller.region.as_ref() == Some(r) => Ok(()),
            _ => Err(forbidden()),
        },
        (Reach::Own, Scope::Case { region, bin }) => {
            let own = match caller.role {
                Role::Akimat => caller.region.as_ref() == Some(region),
                Role::Employer => caller.bin.as_ref() == Some(bin),
                _ => false,
            };
            if own {
                Ok(())
            } else {
                Err(ApiError::not_found(Message::new("not-found-case")))
            }
        }
    }
}

/// Decides whether `caller` may do `action` on a case already loaded, which names
/// `regions` (a permit may name several; its akimats each act for their own) and the
/// employers `employers` (a certificate is reached by every employer that reported its
/// holder's employment): a role that reaches all may; an akimat whose region the case
/// names may; an employer the case names may. Anyone else gets 404 `not-found-case`, as
/// for a case that does not exist, so nothing tells a caller whether it exists. A role
/// that may never do `action` is refused with 403 (the edges ask [`authorize_role`]
/// before loading, so this answers only for a role that may).
pub fn case_access(
    caller: &Caller,
    action: Action,
    regions: &[RegionCode],
    employers: &[EmployerId],
) -> Result<(), ApiError> {
    let own = match (reach(caller.role, action), caller.role) {
        (Reach::None, _) => return authorize(caller, action, Scope::All),
        (Reach::All, _) => true,
        (Reach::Own, Role::Akimat) => caller.region.as_ref().is_some_and(|r| regions.contains(r)),
        (Reach::Own, Role::Employer) => caller.bin.as_ref().is_some_and(|b| employers.contains(b)),
        (Reach::Own, _) => false,
    };
    if own {
        Ok(())
    } else {
        Err(ApiError::not_found(Message::new("not-found-case")))
    }
}

/// [`case_access`] in the shape the permit commands take: the permit's regions and its
/// employer.
pub fn permit_access(
    caller: &Caller,
    action: Action,
) -> impl FnOnce(&[RegionCode], &EmployerId) -> Result<(), ApiError> + Clone + '_ {
    move |regions, bin| case_access(caller, action, regions, std::slice::from_ref(bin))
}

/// [`case_access`] in the shape the commands of a one-region case take (an ICT permit, a
/// quota demand): its region and its employer.
pub fn region_case_access(
    caller: &Caller,
    action: Action,
) -> impl FnOnce(&RegionCode, &EmployerId) -> Result<(), ApiError> + Clone + '_ {
    move |region, bin| {
        case_access(
            caller,
            action,
            std::slice::from_ref(region),
            std::slice::from_ref(bin),
        )
    }
}

/// [`case_access`] in the shape the certificate commands take: the certificate's region
/// and the employers that reported its holder's employment.
pub fn certificate_access(
    caller: &Caller,
    action: Action,
) -> impl FnOnce(&RegionCode, &[EmployerId]) -> Result<(), ApiError> + Clone + '_ {
    move |region, reporters| case_access(caller, action, std::slice::from_ref(region), reporters)
}

/// [`case_access`] in the shape the complaint commands take: the region of the akimat whose
/// act it contests and the employer, none for a certificate holder's complaint (which is
/// no employer's); the deciding body is not asked here.
pub fn complaint_access(
    caller: &Caller,
    action: Action,
) -> impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), ApiError> + Clone + '_
{
    move |region, bin, _| {
        let employers = bin.map_or(&[][..], std::slice::from_ref);
        case_access(caller, action, std::slice::from_ref(region), employers)
    }
}

/// The access check of a complaint's decision: besides [`complaint_access`], only the body
/// the rule set names decides (APPK Art. 91(3)): the ministry, or the akimat of the region
/// where the rule set names it; the other is refused with 403.
pub fn complaint_decider(
    caller: &Caller,
) -> impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), ApiError> + Clone + '_
{
    move |region, bin, decider| {
        complaint_access(caller, Action::DecideComplaint)(region, bin, decider)?;
        let body = match caller.role {
            Role::Ministry => DecidingBody::Ministry,
            _ => DecidingBody::Akimat,
        };
        if body == decider {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                Message::new("forbidden-not-deciding-body").text("body", decider.as_str()),
            ))
        }
    }
}

/// What a listing must be narrowed to: the query applies both filters when present.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Visible {
    pub region: Option<RegionCode>,
    pub bin: Option<EmployerId>,
}

/// Decides whether `caller` may list for `action`, and returns the filter the listing must
/// apply: an akimat its own region (asking for another is 403), an employer its own BIN,
/// everyone else what they asked for. Listings take their filter from here, so none can
/// forget to narrow to the caller's own.
pub fn visible(
    caller: &Caller,
    action: Action,
    asked: Option<RegionCode>,
) -> Result<Visible, ApiError> {
    match (reach(caller.role, action), caller.role) {
        (Reach::None, _) => authorize(caller, action, Scope::All).map(|()| Visible::default()),
        (Reach::All, _) => Ok(Visible {
            region: asked,
            bin: None,
        }),
        (Reach::Own, Role::Akimat) => {
            let own = caller.region.clone();
            if asked.is_some() && asked != own {
                return Err(ApiError::Forbidden(Message::new("forbidden-other-region")));
            }
            Ok(Visible {
                region: own,
                bin: None,
            })
        }
        (Reach::Own, _) => match &caller.bin {
            Some(bin) => Ok(Visible {
                region: asked,
                bin: Some(bin.clone()),
            }),
            None => Err(ApiError::Forbidden(Message::new("forbidden-no-bin"))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EmployerKind;
    use std::collections::HashMap;

    fn caller(role: Role) -> Caller {
        Caller {
            sub: "t".into(),
            role,
            region: (role == Role::Akimat).then(|| "KZ-75".parse().unwrap()),
            bin: (role == Role::Employer).then(|| "210340000013".parse().unwrap()),
        }
    }

    /// The full role × action table: every cell is stated here, so any change to who may
    /// do what shows up as a failing row.
    #[test]
    fn every_role_reaches_exactly_the_actions_of_the_table() {
        use Action as A;
        use Reach::{All, None as No, Own};
        let table: HashMap<Action, [Reach; 4]> = HashMap::from([
            //                              ministry akimat employer auditor
            (A::ReadReference, [All, All, All, All]),
            (A::ReadRuleSets, [All, All, All, All]),
            (A::PublishRuleSet, [All, No, No, No]),
            (A::ReadAudit, [All, Own, No, All]),
            (A::SetNationalQuota, [All, No, No, No]),
            (A::ReadNationalQuota, [All, No, No, All]),
            (A::AllocateRegionalQuota, [All, No, No, No]),
            (A::ReadRegionalQuota, [All, Own, No, All]),
            (A::TransferQuota, [All, No, No, No]),
            (A::ReadQuotaTransfers, [All, Own, No, All]),
            (A::FileQuotaDemand, [No, No, Own, No]),
            (A::ReadQuotaDemands, [All, Own, Own, All]),
            (A::ReviewQuotaDemand, [No, Own, No, No]),
            (A::ReadQuotaDemandSummary, [All, No, No, All]),
            (A::CheckQuotaLedger, [All, No, No, No]),
            (A::CheckEligibility, [All, All, All, All]),
            (A::ApplySelfEmploymentCertificate, [No, Own, No, No]),
            (A::DecideSelfEmploymentCertificate, [No, Own, No, No]),
            (A::ReadSelfEmploymentCertificates, [All, Own, Own, All]),
            (A::ReportSelfEmployment, [No, No, Own, No]),
            (A::PutEmployerProfile, [No, No, Own, No]),
            (A::ReadEmployerProfile, [All, All, Own, All]),
            (A::FilePermit, [No, No, Own, No]),
            (A::ReadPermits, [All, Own, Own, All]),
            (A::DecidePermit, [No, Own, No, No]),
            (A::WithdrawPermit, [No, No, Own, No]),
            (A::PayPermitFee, [No, No, Own, No]),
            (A::ExtendPermit, [No, No, Own, No]),
            (A::SupervisePermit, [No, Own, No, No]),
            (A::ReturnPermit, [No, No, Own, No]),
            (A::ReportTrip, [No, No, Own, No]),
            (A::ReissuePermit, [No, No, Own, No]),
            (A::RecordDeparture, [No, No, Own, No]),
            (A::ReadDepartures, [All, Own, No, All]),
            (A::ReportReplacement, [No, No, Own, No]),
            (A::ApplyIctPermit, [No, No, Own, No]),
            (A::ApplyIctExtension, [No, No, Own, No]),
            (A::DecideIctPermit, [No, Own, No, No]),
            (A::ReadIctPermits, [All, Own, Own, All]),
            (A::NotifyIct, [No, No, Own, No]),
            (A::ReadIctRegister, [All, Own, No, All]),
            (A::ReadStatistics, [All, Own, No, All]),
            (A::CalculateQuota, [All, No, No, No]),
            (A::FileStatisticalReport, [No, No, Own, No]),
            (A::ReadStatisticalReports, [All, Own, Own, All]),
            (A::VerifyAuditChain, [All, No, No, All]),
            (A::FileComplaint, [No, No, Own, No]),
            (A::ReadComplaints, [All, Own, Own, All]),
            (A::ReconsiderComplaint, [No, Own, No, No]),
            (A::DecideComplaint, [All, Own, No, No]),
            (A::ReadEvents, [All, Own, Own, All]),
            (A::ManageWebhooks, [No, Own, Own, No]),
        ]);
        assert_eq!(table.len(), Action::ALL.len());
        for action in Action::ALL {
            for (i, role) in Role::ALL.into_iter().enumerate() {
                assert_eq!(
                    reach(role, action),
                    table[&action][i],
                    "{role:?} × {action:?}"
                );
            }
        }
    }

    #[test]
    fn an_akimat_is_refused_another_regions_resource() {
        let other: RegionCode = "KZ-71".parse().unwrap();
        let own: RegionCode = "KZ-75".parse().unwrap();
        let a = caller(Role::Akimat);
        assert!(authorize(&a, Action::ReadRegionalQuota, Scope::Region(&own)).is_ok());
        assert!(matches!(
            authorize(&a, Action::ReadRegionalQuota, Scope::Region(&other)),
            Err(ApiError::Forbidden(_))
        ));
    }

    #[test]
    fn listings_are_narrowed_to_the_callers_own_region_or_bin() {
        let kz75: RegionCode = "KZ-75".parse().unwrap();
        let kz71: RegionCode = "KZ-71".parse().unwrap();
        let a = caller(Role::Akimat);
        assert_eq!(
            visible(&a, Action::ReadAudit, None).unwrap().region,
            Some(kz75.clone())
        );
        assert!(matches!(
            visible(&a, Action::ReadAudit, Some(kz71.clone())),
            Err(ApiError::Forbidden(_))
        ));
        let e = caller(Role::Employer);
        let v = visible(&e, Action::ReadQuotaDemands, Some(kz71.clone())).unwrap();
        assert_eq!((v.region, v.bin), (Some(kz71.clone()), e.bin.clone()));
        let m = caller(Role::Ministry);
        assert_eq!(
            visible(&m, Action::ReadAudit, None).unwrap(),
            Visible::default()
        );
        assert!(visible(&e, Action::ReadAudit, None).is_err());
        // A role that reaches only its own cannot act on everything at once.
        assert!(authorize(&a, Action::ReadAudit, Scope::All).is_err());
    }

    #[test]
    fn another_employers_case_is_not_found_rather_than_forbidden() {
        let region: RegionCode = "KZ-75".parse().unwrap();
        let other: EmployerId = "190540012345".parse().unwrap();
        let e = caller(Role::Employer);
        let own = e.bin.clone().unwrap();
        assert!(authorize(
            &e,
            Action::ReadQuotaDemands,
            Scope::Case {
                region: &region,
                bin: &own
            }
        )
        .is_ok());
        assert!(matches!(
            authorize(
                &e,
                Action::ReadQuotaDemands,
                Scope::Case {
                    region: &region,
                    bin: &other
                }
            ),
            Err(ApiError::NotFound(_))
        ));
    }

    fn rs256_settings(hs256_secret: &str) -> AuthSettings {
        AuthSettings {
            hs256_secret: crate::config::Secret::new(hs256_secret),
            rs256_public_keys_pem: vec![
                include_str!("../tests/fixtures/rs256-test-public.pem").to_owned()
            ],
            issuer: String::new(),
            audience: String::new(),
            leeway_seconds: 0,
        }
    }

    fn regions() -> Vec<RegionCode> {
        vec!["KZ-75".parse().unwrap(), "KZ-71".parse().unwrap()]
    }

    #[test]
    fn an_akimat_token_for_a_region_that_does_not_exist_is_refused() {
        let verifier = Verifier::new(&rs256_settings("secret"), regions()).unwrap();
        let akimat = |region: &str| {
            let mut c = claims(Role::Akimat);
            c.region = Some(region.into());
            mint("secret", &c).unwrap()
        };
        assert!(verifier.verify(&akimat("KZ-75")).is_ok());
        assert!(matches!(
            verifier.verify(&akimat("KZ-98")),
            Err(ApiError::Unauthorized(m))
                if crate::i18n::Lang::En.text(&m) == "region claim: no region KZ-98"
        ));
        assert!(Verifier::new(&rs256_settings("secret"), Vec::new()).is_err());
    }

    #[test]
    fn a_subject_is_at_most_256_bytes_of_printable_text() {
        let with_sub = |sub: String| {
            let mut c = claims(Role::Auditor);
            c.sub = sub;
            Caller::from_claims(c)
        };
        assert!(with_sub("a".repeat(MAX_SUBJECT_BYTES)).is_ok());
        assert!(with_sub("a".repeat(MAX_SUBJECT_BYTES + 1)).is_err());
        assert!(with_sub("a\u{0}b".into()).is_err());
    }

    fn claims(role: Role) -> Claims {
        Claims {
            sub: "idp-user".into(),
            role,
            region: None,
            bin: None,
            exp: chrono::Utc::now().timestamp() + 600,
        }
    }

    /// Production verifies RS256 tokens of the identity provider with its public keys; the
    /// private key here exists only to sign test tokens.
    #[test]
    fn rs256_tokens_of_the_identity_provider_are_accepted() {
        let key =
            EncodingKey::from_rsa_pem(include_bytes!("../tests/fixtures/rs256-test-private.pem"))
                .unwrap();
        let token =
            jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims(Role::Auditor), &key)
                .unwrap();
        let verifier = Verifier::new(&rs256_settings(""), regions()).unwrap();
        assert_eq!(verifier.verify(&token).unwrap().role, Role::Auditor);
    }

    #[test]
    fn tokens_for_another_audience_or_issuer_are_refused_when_configured() {
        let key =
            EncodingKey::from_rsa_pem(include_bytes!("../tests/fixtures/rs256-test-private.pem"))
                .unwrap();
        let sign = |extra: serde_json::Value| {
            let mut c = serde_json::to_value(claims(Role::Auditor)).unwrap();
            c.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            jsonwebtoken::encode(&Header::new(Algorithm::RS256), &c, &key).unwrap()
        };
        let mut s = rs256_settings("");
        s.issuer = "https://idp.example".into();
        s.audience = "permits".into();
        let verifier = Verifier::new(&s, regions()).unwrap();
        let good = sign(serde_json::json!({"iss": "https://idp.example", "aud": "permits"}));
        assert!(verifier.verify(&good).is_ok());
        let other_app = sign(serde_json::json!({"iss": "https://idp.example", "aud": "payroll"}));
        assert!(verifier.verify(&other_app).is_err());
        let no_claims = sign(serde_json::json!({}));
        assert!(verifier.verify(&no_claims).is_err());
    }

    #[test]
    fn hs256_tokens_are_refused_when_only_rs256_keys_are_configured() {
        let token = mint("any-secret", &claims(Role::Ministry)).unwrap();
        let verifier = Verifier::new(&rs256_settings(""), regions()).unwrap();
        assert!(matches!(
            verifier.verify(&token),
            Err(ApiError::Unauthorized(_))
        ));
    }

    #[test]
    fn unsigned_tokens_are_refused() {
        let verifier = Verifier::new(&rs256_settings("secret"), regions()).unwrap();
        // {"alg":"none"} . {"sub":"x","role":"ministry","exp":9999999999} . (no signature)
        let token =
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6Im1pbmlzdHJ5IiwiZXhwIjo5OTk5OTk5OTk5fQ.";
        assert!(matches!(
            verifier.verify(token),
            Err(ApiError::Unauthorized(_))
        ));
    }

    #[test]
    fn a_service_without_any_key_refuses_to_start() {
        let mut s = rs256_settings("");
        s.rs256_public_keys_pem.clear();
        assert!(Verifier::new(&s, regions()).is_err());
    }

    #[test]
    fn tokens_without_their_binding_claim_are_refused() {
        let claims = Claims {
            sub: "x".into(),
            role: Role::Akimat,
            region: None,
            bin: None,
            exp: 0,
        };
        assert!(Caller::from_claims(claims).is_err());
        let claims = Claims {
            sub: "x".into(),
            role: Role::Employer,
            region: None,
            bin: Some("061211600013".into()),
            exp: 0,
        };
        assert!(Caller::from_claims(claims).is_err());
    }

    #[test]
    fn an_employer_token_needs_a_real_shaped_bin_or_iin() {
        let employer = |bin: &str| Claims {
            sub: "x".into(),
            role: Role::Employer,
            region: None,
            bin: Some(bin.into()),
            exp: 0,
        };
        for bad in [
            "000000000000",
            "211340000006",
            "210300000005",
            "880230300012",
            "880715900017",
        ] {
            let err = crate::i18n::Lang::En.text(&Caller::from_claims(employer(bad)).unwrap_err());
            assert!(err.contains("neither a BIN"), "{bad}: {err}");
        }
        let bin = Caller::from_claims(employer("210340000013")).unwrap();
        assert_eq!(bin.bin.unwrap().kind(), EmployerKind::HeadOffice);
        let iin = Caller::from_claims(employer("880715300019")).unwrap();
        assert_eq!(
            iin.bin.unwrap().kind(),
            EmployerKind::IndividualEntrepreneur
        );
    }
}
