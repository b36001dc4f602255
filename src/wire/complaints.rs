//! The wire types of `src/api/complaints.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::complaint::{CaseLink, Complaint};
use crate::domain::complaint::{ActKind, ComplaintState, DecidingBody, Relief};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// The kind of act a complaint contests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActKindWire {
    /// A named region's refusal of a permit (Art. 33(2), 9(5)).
    Refusal,
    /// A suspension of a permit (Art. 9(5)).
    Suspension,
    /// A revocation of a permit (Art. 9(5), 33(2)).
    Revocation,
    /// A decision not taken by its deadline, a refusal from the next day (APPK Art. 91(2)).
    MissedDeadline,
    /// The akimat's refusal of a self-employment certificate (Art. 34(1)).
    CertificateRefusal,
    /// The akimat's refusal of an ICT permit (Art. 35(1)).
    IctRefusal,
}

impl From<ActKindWire> for ActKind {
    fn from(a: ActKindWire) -> ActKind {
        match a {
            ActKindWire::Refusal => ActKind::Refusal,
            ActKindWire::Suspension => ActKind::Suspension,
            ActKindWire::Revocation => ActKind::Revocation,
            ActKindWire::MissedDeadline => ActKind::MissedDeadline,
            ActKindWire::CertificateRefusal => ActKind::CertificateRefusal,
            ActKindWire::IctRefusal => ActKind::IctRefusal,
        }
    }
}

impl From<ActKind> for ActKindWire {
    fn from(a: ActKind) -> ActKindWire {
        match a {
            ActKind::Refusal => ActKindWire::Refusal,
            ActKind::Suspension => ActKindWire::Suspension,
            ActKind::Revocation => ActKindWire::Revocation,
            ActKind::MissedDeadline => ActKindWire::MissedDeadline,
            ActKind::CertificateRefusal => ActKindWire::CertificateRefusal,
            ActKind::IctRefusal => ActKindWire::IctRefusal,
        }
    }
}

/// What the complaint asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReliefWire {
    /// Annul the act (a refusal, suspension or revocation).
    Annul,
    /// Take the decision not taken (a missed deadline).
    TakeDecision,
}

/// The body considering complaints (APPK Art. 91(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecidingBodyWire {
    /// The ministry's authorised unit.
    Ministry,
    /// The akim of the region whose akimat made the act.
    Akimat,
}

impl From<ReliefWire> for Relief {
    fn from(r: ReliefWire) -> Relief {
        match r {
            ReliefWire::Annul => Relief::Annul,
            ReliefWire::TakeDecision => Relief::TakeDecision,
        }
    }
}

impl From<DecidingBody> for DecidingBodyWire {
    fn from(b: DecidingBody) -> DecidingBodyWire {
        match b {
            DecidingBody::Ministry => DecidingBodyWire::Ministry,
            DecidingBody::Akimat => DecidingBodyWire::Akimat,
        }
    }
}

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintStateWire {
    /// With the akimat whose act it contests, which may satisfy it itself (APPK Art. 91(4)).
    Filed,
    /// Satisfied by that akimat: the act annulled.
    Reconsidered,
    /// With the body considering complaints.
    Forwarded,
    /// Satisfied: the act annulled.
    Satisfied,
    /// Satisfied in part: the act stands.
    PartlySatisfied,
    /// Refused with reasons: the act stands.
    Refused,
}

impl From<ComplaintState> for ComplaintStateWire {
    fn from(s: ComplaintState) -> ComplaintStateWire {
        match s {
            ComplaintState::Filed => ComplaintStateWire::Filed,
            ComplaintState::Reconsidered => ComplaintStateWire::Reconsidered,
            ComplaintState::Forwarded => ComplaintStateWire::Forwarded,
            ComplaintState::Satisfied => ComplaintStateWire::Satisfied,
            ComplaintState::PartlySatisfied => ComplaintStateWire::PartlySatisfied,
            ComplaintState::Refused => ComplaintStateWire::Refused,
        }
    }
}

/// A complaint filed by the employer against an act of its permit.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintRequest {
    /// The permit (or application) whose act is contested; the employer's own.
    #[schema(example = 42, minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    #[validate(range(min = 1))]
    pub permit_id: i64,
    /// The act contested: it must be what the permit shows (a refused, suspended or
    /// revoked permit; an application past its decision deadline).
    pub act: ActKindWire,
    /// `annul` for a refusal, suspension or revocation; `take_decision` for a missed
    /// deadline.
    pub relief: ReliefWire,
    /// The grounds, in the employer's words.
    #[validate(length(min = 1, max = 10000))]
    #[schema(
        example = "The Kazakh share was met: the profile of 01.11.2025 lists 150 Kazakh staff.",
        min_length = 1,
        max_length = 10000
    )]
    pub grounds: String,
    /// References to attached documents (numbers of letters, orders, files).
    #[serde(default)]
    #[validate(length(max = 20))]
    #[schema(max_items = 20, example = json!(["Letter No. 15-2/311 of 10.03.2026"]))]
    pub references: Vec<Reference>,
}

/// A reference to a document attached to a complaint: 1 to 500 characters.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference(String);

impl From<Reference> for String {
    fn from(r: Reference) -> String {
        r.0
    }
}

impl TryFrom<String> for Reference {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if (1..=500).contains(&s.chars().count()) {
            Ok(Reference(s))
        } else {
            Err("must be 1 to 500 characters")
        }
    }
}

impl utoipa::PartialSchema for Reference {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::wire::schemas::string_schema(
            "A reference to a document attached to the complaint.",
            "^[\\s\\S]{1,500}$",
            500,
            "Letter No. 15-2/311 of 10.03.2026",
        )
    }
}

impl ToSchema for Reference {}

/// A complaint against the refusal of an ICT permit (Art. 35(1)), filed by its employer.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseComplaintRequest {
    /// `annul`: the only relief against a refusal.
    pub relief: ReliefWire,
    /// The grounds, in the complainant's words.
    #[validate(length(min = 1, max = 10000))]
    #[schema(
        example = "The ratio of Art. 35(4) was met: the staff list of 01.11.2026 shows it.",
        min_length = 1,
        max_length = 10000
    )]
    pub grounds: String,
    /// References to attached documents (numbers of letters, orders, files).
    #[serde(default)]
    #[validate(length(max = 20))]
    #[schema(max_items = 20, example = json!(["Letter No. 15-2/311 of 10.03.2026"]))]
    pub references: Vec<Reference>,
}

/// A certificate holder's written complaint against the refusal of the certificate (Art.
/// 34(1)), which the akimat registers as it registers the application: the holder has no
/// role in the service (docs/LAW.md).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(transparent)]
pub struct HolderComplaintRequest(pub CaseComplaintRequest);

impl Validate for HolderComplaintRequest {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        self.0.validate()
    }
}

/// The akimat satisfies a complaint against its own act itself (APPK Art. 91(4)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReconsiderationRequest {
    /// Why the act is annulled.
    #[validate(length(min = 1, max = 10000))]
    #[schema(
        example = "The refusal overlooked the profile's Kazakh staff.",
        min_length = 1,
        max_length = 10000
    )]
    pub reasons: String,
}

/// The decision of the body considering the complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeWire {
    /// The act annulled; the permit back where it stood before it.
    Satisfied,
    /// Founded in part: the act stands; the reasons say what was found.
    PartlySatisfied,
    /// Refused: the act stands.
    Refused,
}

/// A decision on a complaint (APPK Art. 91(3), 92(2)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintDecisionRequest {
    /// The outcome.
    pub outcome: OutcomeWire,
    /// The reasons; required for `refused` and `partly_satisfied`.
    #[validate(length(min = 1, max = 10000))]
    #[schema(
        example = "The revocation rested on a finding the inspection did not make.",
        min_length = 1,
        max_length = 10000
    )]
    pub reasons: Option<String>,
    /// For a late complaint: whether the missed term is restored for a good reason
    /// (illness, force majeure, another reason that kept the employer from filing; APPK
    /// Art. 92(2)); required then, and `true` before it can be satisfied.
    pub term_restored: Option<bool>,
}

/// A complaint with its deadlines.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComplaintView {
    /// Identifier of the complaint.
    #[schema(example = 7)]
    pub id: i64,
    /// The permit whose act it contests; null for a certificate's or an ICT permit's.
    #[schema(example = 42)]
    pub permit_id: Option<i64>,
    /// The self-employment certificate whose refusal it contests.
    pub certificate_id: Option<i64>,
    /// The ICT permit whose refusal it contests.
    pub ict_permit_id: Option<i64>,
    /// The employer's BIN or IIN; null for a certificate holder's complaint, which the
    /// akimat registers.
    #[schema(example = "210340000013")]
    pub bin: Option<String>,
    /// The region of the akimat whose act it contests.
    #[schema(example = "KZ-23")]
    pub region: String,
    /// The act contested.
    pub act: ActKindWire,
    /// The day the employer learnt of the act (its day in the audit trail; for a missed
    /// deadline the day after it), from which the filing term runs (APPK Art. 92(1)).
    pub act_on: NaiveDate,
    /// What the complaint asks for.
    pub relief: ReliefWire,
    /// The grounds, in the employer's words.
    pub grounds: String,
    /// References to attached documents.
    pub references: Vec<String>,
    /// Day filed (Kazakhstan time).
    pub filed_on: NaiveDate,
    /// Filed after the filing term: accepted, and decided on whether the term is restored
    /// (APPK Art. 92(2), (3)).
    pub late: bool,
    /// Where it stands.
    pub state: ComplaintStateWire,
    /// The body considering it once passed on (APPK Art. 91(3)), as the rule set names it.
    pub deciding_body: DecidingBodyWire,
    /// Who has it now: the akimat whose act it is while `filed`, the deciding body once
    /// `forwarded`; null once decided.
    pub with_body: Option<String>,
    /// The deadline of the body that has it: the akimat's term to satisfy it itself while
    /// `filed` (APPK Art. 91(4)), the decision term once `forwarded` (99), in working
    /// days over the holiday calendar; once decided, the last deadline it had.
    pub due: NaiveDate,
    /// Open past its deadline.
    pub overdue: bool,
    /// The day it reached the deciding body.
    pub forwarded_on: Option<NaiveDate>,
    /// The day it was decided.
    pub decided_on: Option<NaiveDate>,
    /// The reasons of the decision (or of the akimat's own reconsideration).
    pub reasons: Option<String>,
    /// For a late complaint, whether the missed term was restored (APPK Art. 92(2)).
    pub term_restored: Option<bool>,
    /// A revocation annulled while a region had no quota left: the permit stays revoked
    /// and is first in line for the quota freed in its regions.
    pub awaiting_quota: bool,
    /// Version; also the `ETag`.
    pub version: i64,
}

impl From<Complaint> for ComplaintView {
    fn from(c: Complaint) -> ComplaintView {
        let (certificate_id, ict_permit_id) = match c.case {
            Some(CaseLink::Certificate(id)) => (Some(id), None),
            Some(CaseLink::Ict(id)) => (None, Some(id)),
            None => (None, None),
        };
        ComplaintView {
            with_body: c.with_body().map(str::to_owned),
            id: c.id,
            permit_id: c.permit_id,
            certificate_id,
            ict_permit_id,
            bin: c.bin.as_ref().map(ToString::to_string),
            region: c.region.to_string(),
            act: c.act.into(),
            act_on: c.act_on,
            relief: match c.relief {
                Relief::TakeDecision => ReliefWire::TakeDecision,
                Relief::Annul => ReliefWire::Annul,
            },
            grounds: c.grounds,
            references: c.detail.references,
            filed_on: c.filed_on,
            late: c.late,
            state: c.state.into(),
            deciding_body: c.decider.into(),
            overdue: c.overdue,
            due: c.due,
            forwarded_on: c.detail.forwarded_on,
            decided_on: c.decided_on,
            reasons: c.detail.reasons,
            term_restored: c.detail.term_restored,
            awaiting_quota: c.detail.awaiting_quota,
            version: c.version,
        }
    }
}

/// Filters of the complaint listings.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintQuery {
    /// Only complaints against acts of this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only those open past their deadline.
    pub overdue: Option<bool>,
}

/// Filters of the officials' queue.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// Only complaints against acts of this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only those open past their deadline.
    pub overdue: Option<bool>,
    /// At most this many, earliest deadline first.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintStatisticsQuery {
    /// Filed on or after this day; default the first of January of this year.
    pub filed_from: Option<NaiveDate>,
    /// Filed on or before this day; default today.
    pub filed_to: Option<NaiveDate>,
    /// Only acts of this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}

/// The counts of one region and kind of act.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintCounts {
    /// The region of the akimat whose acts were contested.
    #[schema(example = "KZ-23")]
    pub region: String,
    /// The kind of act.
    pub act: ActKindWire,
    /// Complaints filed in the period.
    pub filed: u32,
    /// Of those, filed late (APPK Art. 92(1)).
    pub late: u32,
    /// Satisfied by the akimat itself (APPK Art. 91(4)).
    pub reconsidered: u32,
    /// Satisfied by the body considering complaints.
    pub satisfied: u32,
    /// Satisfied in part.
    pub partly_satisfied: u32,
    /// Refused.
    pub refused: u32,
    /// Not yet decided.
    pub open: u32,
    /// The median of calendar days from filing to decision of those decided; null when
    /// none was.
    pub median_days_to_decide: Option<i64>,
}

/// Complaint statistics.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintStatistics {
    /// First day of the period (filed on or after).
    pub filed_from: NaiveDate,
    /// Last day of the period (filed on or before).
    pub filed_to: NaiveDate,
    /// One row per region and kind of act with any complaint.
    pub rows: Vec<ComplaintCounts>,
}
