//! Pre-trial complaints against the service's acts (APPK No. 350-VI, Art. 91-92, 99-100):
//! thin handlers that parse, authorize, call one command of `cases::complaint` and render.

use super::docs::{
    ComplaintExists, EmployerOrOtherRegion, IdempotencyKeyHeader, IfMatchComplaint,
    NotAkimatsComplaint, NotAnAkimat, NotAnEmployer, StaleVersionShort,
};
use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, Created};
use super::lifecycle::{answer, Versioned};
use super::page::{split, PageQuery};
use super::{narrowed, AppState};
use crate::auth::{
    authorize_role, certificate_access, complaint_access, complaint_decider, permit_access, Action,
    Caller, Role,
};
use crate::cases::complaint::{self as cases, CaseLink, Complaint, QueueOf, Scope};
use crate::domain::complaint::{ActKind, ComplaintState, DecidingBody, Relief};
use crate::domain::{EmployerId, Message};
use crate::error::{ApiError, Problem};
use actix_web::{get, post, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
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
        crate::api::schemas::string_schema(
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

impl crate::api::extract::ActionBody for ComplaintRequest {
    const ACTION: Action = Action::FileComplaint;
}
impl crate::api::extract::ActionBody for CaseComplaintRequest {
    const ACTION: Action = Action::FileComplaint;
}
impl crate::api::extract::ActionBody for HolderComplaintRequest {
    const ACTION: Action = Action::ReconsiderComplaint;
}
impl crate::api::extract::ActionBody for ReconsiderationRequest {
    const ACTION: Action = Action::ReconsiderComplaint;
}
impl crate::api::extract::ActionBody for ComplaintDecisionRequest {
    const ACTION: Action = Action::DecideComplaint;
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

impl Versioned for ComplaintView {
    fn version(&self) -> i64 {
        self.version
    }
}

fn respond(c: Complaint) -> HttpResponse {
    answer(ComplaintView::from(c))
}

/// A complaint just filed, answered 201 at its address.
fn created(c: Complaint) -> Created<ComplaintView> {
    let v = ComplaintView::from(c);
    Created {
        location: format!("/v1/complaints/{}", v.id),
        version: Some(v.version),
        body: v,
    }
}

/// File a complaint against a permit decision
///
/// Files a complaint against a refusal, suspension or revocation of the employer's permit,
/// or against a decision not taken by its deadline (employer; APPK Art. 91, 92). Filed late
/// (after the rule set's months from the act), it is accepted and marked `late`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = ComplaintRequest,
    responses(
        (status = 201, description = "Filed with the akimat whose act it contests.", body = ComplaintView, headers(("Location" = String, description = "The complaint."), ("ETag" = String, description = "The version."))),
        NotAnEmployer,
        (status = 404, description = "No such permit, or not the employer's; no rule set in force.", body = Problem, content_type = "application/problem+json"),
        ComplaintExists,
        crate::api::refusals::FileComplaintRefused,
    ))]
#[post("/complaints")]
pub async fn file_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<ComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::FileComplaint)?;
    let bin: EmployerId = caller
        .bin
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-no-bin")))?;
    let req = body.value;
    let cmd = cases::File {
        bin,
        permit_id: req.permit_id,
        act: req.act.into(),
        relief: req.relief.into(),
        grounds: req.grounds,
        references: req.references.into_iter().map(String::from).collect(),
    };
    let (today, offset) = (state.time.today(), state.time.offset());
    let actor = state.actor(&caller, &rid);
    let c = caller.clone();
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let access = permit_access(&c, Action::FileComplaint);
        let filed = cases::file(conn, &cmd, today, offset, access, &actor)?;
        Ok(created(filed))
    })
    .await
}

/// Complain against an ICT permit refusal
///
/// Files the employer's complaint against the refusal of its ICT permit (employer; Art.
/// 35(1), APPK Art. 91, 92), with the akimat that refused, in the same queue and under the
/// same terms as a permit's. Filed late, it is accepted and marked `late`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "ICT permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = CaseComplaintRequest,
    responses(
        (status = 201, description = "Filed with the akimat that refused.", body = ComplaintView, headers(("Location" = String, description = "The complaint."), ("ETag" = String, description = "The version."))),
        NotAnEmployer,
        (status = 404, description = "No such ICT permit, or not the employer's; no rule set in force.", body = Problem, content_type = "application/problem+json"),
        ComplaintExists,
        crate::api::refusals::FileComplaintRefused,
    ))]
#[post("/ict-permits/{id}/complaints")]
pub async fn file_ict_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<CaseComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    let case = CaseLink::Ict(id.into_inner());
    file_case(state, caller, rid, key, case, body.value, body.fingerprint).await
}

/// Register a complaint against a certificate refusal
///
/// Registers a certificate holder's written complaint against the refusal of the
/// certificate (akimat, its own region; Art. 34(1), APPK Art. 91, 92): the akimat that
/// registered the application registers the complaint, which it may then satisfy itself
/// or pass on. Filed late, it is accepted and marked `late`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = HolderComplaintRequest,
    responses(
        (status = 201, description = "Registered with the akimat that refused.", body = ComplaintView, headers(("Location" = String, description = "The complaint."), ("ETag" = String, description = "The version."))),
        NotAnAkimat,
        (status = 404, description = "No such certificate, or not the akimat's region; no rule set in force.", body = Problem, content_type = "application/problem+json"),
        ComplaintExists,
        crate::api::refusals::FileComplaintRefused,
    ))]
#[post("/self-employment-certificates/{id}/complaints")]
pub async fn file_certificate_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<HolderComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    let case = CaseLink::Certificate(id.into_inner());
    file_case(
        state,
        caller,
        rid,
        key,
        case,
        body.value.0,
        body.fingerprint,
    )
    .await
}

/// The skeleton of filing against a certificate's or an ICT permit's refusal: one
/// command, the caller's own case (404 otherwise), answered 201 with the complaint.
async fn file_case(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    case: CaseLink,
    req: CaseComplaintRequest,
    fingerprint: String,
) -> Result<HttpResponse, ApiError> {
    let action = match case {
        CaseLink::Certificate(_) => Action::ReconsiderComplaint,
        CaseLink::Ict(_) => Action::FileComplaint,
    };
    authorize_role(&caller, action)?;
    let cmd = cases::FileCase {
        case,
        relief: req.relief.into(),
        grounds: req.grounds,
        references: req.references.into_iter().map(String::from).collect(),
    };
    let (today, offset) = (state.time.today(), state.time.offset());
    let actor = state.actor(&caller, &rid);
    let c = caller.clone();
    create(&state, &caller, key, fingerprint, move |conn| {
        let access = certificate_access(&c, action);
        let filed = cases::file_case(conn, &cmd, (today, offset), access, &actor)?;
        Ok(created(filed))
    })
    .await
}

/// Read a complaint
///
/// One complaint with its deadlines: the employer's own, an akimat's region's, all for the
/// ministry and auditors.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The complaint.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such complaint, or not the caller's.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::ReadComplaints)?;
    let id = id.into_inner();
    let today = state.time.today();
    let c = state
        .db(move |c| {
            cases::one(
                c,
                id,
                today,
                complaint_access(&caller, Action::ReadComplaints),
            )
        })
        .await?;
    Ok(respond(c))
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

super::page::cursor_page!(
    /// A page of complaints.
    ComplaintPage,
    ComplaintView,
    "The complaints on this page."
);

/// The listing's scope: what the caller may see, narrowed by the query.
fn scope_of(state: &AppState, caller: &Caller, q: &ComplaintQuery) -> Result<Scope, ApiError> {
    let visible = narrowed(state, caller, Action::ReadComplaints, q.region.as_deref())?;
    Ok(Scope {
        region: visible.region,
        bin: visible.bin,
        overdue: q.overdue == Some(true),
    })
}

/// List complaints
///
/// Complaints, oldest first, with their deadlines: an employer lists its own, an akimat
/// those against its region's acts, the ministry and auditors all.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(ComplaintQuery, PageQuery),
    responses(
        (status = 200, description = "A page of complaints.", body = ComplaintPage),
        (status = 403, description = "An akimat asking for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    caller: Caller,
    filter: Query<ComplaintQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let today = state.time.today();
    let scope = scope_of(&state, &caller, &filter.0)?;
    let (after_id, limit) = (page.after_id, page.fetch());
    let rows = state
        .db(move |c| Ok(cases::list(c, &scope, today, after_id, limit)?))
        .await?;
    let (items, next_cursor) = split(page, rows, |r| r.id, |r| Ok(ComplaintView::from(r)))?;
    Ok(HttpResponse::Ok().json(ComplaintPage { items, next_cursor }))
}

/// Complaints awaiting a decision
///
/// The queue of open complaints by deadline, the earliest (and overdue) first: an akimat's
/// those awaiting it (its own term, or its decision where the rule set names the akimat),
/// the ministry's those it decides; auditors read every open complaint. Ahead of them all,
/// the annulled revocations whose permits wait for quota (`awaiting_quota`), for the
/// akimat to reinstate once there is room.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(QueueQuery),
    responses(
        (status = 200, description = "Open complaints by deadline (at most `limit`, never a `next_cursor`).", body = ComplaintPage),
        EmployerOrOtherRegion,
    ))]
#[get("/complaint-queue")]
pub async fn complaint_queue(
    state: web::Data<AppState>,
    caller: Caller,
    filter: Query<QueueQuery>,
) -> Result<HttpResponse, ApiError> {
    let whose = match caller.role {
        Role::Employer => {
            return Err(ApiError::Forbidden(
                Message::new("forbidden-role").text("role", caller.role.as_str()),
            ))
        }
        Role::Ministry => QueueOf::Ministry,
        Role::Akimat => QueueOf::Akimat,
        _ => QueueOf::All,
    };
    let limit = PageQuery {
        limit: filter.0.limit,
        cursor: None,
    }
    .parse()?
    .limit();
    let today = state.time.today();
    let q = ComplaintQuery {
        region: filter.0.region.clone(),
        overdue: filter.0.overdue,
    };
    let scope = scope_of(&state, &caller, &q)?;
    let rows = state
        .db(move |c| Ok(cases::officials(c, &scope, whose, today, limit)?))
        .await?;
    Ok(HttpResponse::Ok().json(ComplaintPage {
        items: rows.into_iter().map(ComplaintView::from).collect(),
        next_cursor: None,
    }))
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

/// Complaint statistics by region
///
/// Complaints filed, satisfied and refused by region and kind of act, with the median
/// time to decide: the ministry and auditors all regions, an akimat its own.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(ComplaintStatisticsQuery),
    responses(
        (status = 200, description = "The counts.", body = ComplaintStatistics),
        EmployerOrOtherRegion,
    ))]
#[get("/complaint-statistics")]
pub async fn complaint_statistics(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ComplaintStatisticsQuery>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::ReadStatistics)?;
    let scope = narrowed(
        &state,
        &caller,
        Action::ReadStatistics,
        q.0.region.as_deref(),
    )?;
    let today = state.time.today();
    let from =
        q.0.filed_from
            .or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1))
            .unwrap_or(today);
    let to = q.0.filed_to.unwrap_or(today);
    let rows = state
        .db(move |c| Ok(cases::statistics(c, from, to, scope.region.as_ref())?))
        .await?;
    let rows = rows
        .into_iter()
        .map(|r| ComplaintCounts {
            region: r.region.to_string(),
            act: r.act.into(),
            filed: r.counts.filed,
            late: r.counts.late,
            reconsidered: r.counts.reconsidered,
            satisfied: r.counts.satisfied,
            partly_satisfied: r.counts.partly_satisfied,
            refused: r.counts.refused,
            open: r.counts.open,
            median_days_to_decide: r.counts.median_days_to_decide,
        })
        .collect();
    Ok(HttpResponse::Ok().json(ComplaintStatistics {
        filed_from: from,
        filed_to: to,
        rows,
    }))
}

/// Satisfy a complaint by the akimat itself
///
/// The akimat whose act is contested satisfies the complaint itself within its term (APPK
/// Art. 91(4)): the act is annulled and the permit goes back to where it stood before it.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    request_body = ReconsiderationRequest,
    responses(
        (status = 200, description = "Satisfied by the akimat: the act annulled.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        NotAnAkimat,
        NotAkimatsComplaint,
        (status = 409, description = "Not `filed`, or the permit changed concurrently.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::api::refusals::ReconsiderComplaintRefused,
    ))]
#[post("/complaints/{id}/reconsideration")]
pub async fn reconsider_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<ReconsiderationRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, reasons) = (id.into_inner(), body.value.reasons);
    let action = Action::ReconsiderComplaint;
    authorize_role(&caller, action)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_access(&caller, action);
            cases::reconsider(c, id, &reasons, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}

/// Forward a complaint to the considering body
///
/// The akimat passes the complaint with the case to the body considering it (APPK Art.
/// 91(3), (4)), whose decision term runs from today in working days.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    responses(
        (status = 200, description = "With the body considering it, with its deadline.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        NotAnAkimat,
        NotAkimatsComplaint,
        (status = 409, description = "Not `filed`.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
    ))]
#[post("/complaints/{id}/forwarding")]
pub async fn forward_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let action = Action::ReconsiderComplaint;
    authorize_role(&caller, action)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_access(&caller, action);
            cases::forward(c, id, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}

/// Reinstate a permit once quota is free
///
/// The akimat reinstates the permit of a complaint that annulled its revocation while the
/// regions had no quota left (`awaiting_quota`, first in the complaint queue): the permit
/// is active again with its quota held and used anew, the 12-month bar lifted (APPK Art.
/// 91(3), Art. 33(2)).
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    responses(
        (status = 200, description = "Reinstated: the permit active, the complaint no longer awaiting quota.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        NotAnAkimat,
        NotAkimatsComplaint,
        (status = 409, description = "`complaint-not-awaiting-quota`, or the permit changed concurrently.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::api::refusals::ReinstateRefused,
    ))]
#[post("/complaints/{id}/reinstatement")]
pub async fn reinstate_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let action = Action::ReconsiderComplaint;
    authorize_role(&caller, action)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_access(&caller, action);
            cases::reinstate(c, id, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}

/// Decide a complaint
///
/// The body considering the complaint decides it (APPK Art. 91(3), 92(2)-(3)): satisfied
/// (the act annulled, the permit back where it stood, a revocation's quota held again and
/// its bar lifted), partly satisfied or refused with reasons.
#[utoipa::path(tag = "complaints", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Complaint id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchComplaint),
    request_body = ComplaintDecisionRequest,
    responses(
        (status = 200, description = "Decided.", body = ComplaintView, headers(("ETag" = String, description = "The version."))),
        (status = 403, description = "Not the body the rule set names to decide it (`forbidden-not-deciding-body`), or a role that never decides.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such complaint, or not the akimat's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not `forwarded`, or the permit changed concurrently.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::api::refusals::DecideComplaintRefused,
    ))]
#[post("/complaints/{id}/decisions")]
pub async fn decide_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<ComplaintDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let req = body.value;
    let cmd = cases::Decide {
        outcome: match req.outcome {
            OutcomeWire::Satisfied => cases::Outcome::Satisfied,
            OutcomeWire::PartlySatisfied => cases::Outcome::PartlySatisfied,
            OutcomeWire::Refused => cases::Outcome::Refused,
        },
        reasons: req.reasons,
        term_restored: req.term_restored,
    };
    authorize_role(&caller, Action::DecideComplaint)?;
    let (today, actor) = (state.time.today(), state.actor(&caller, &rid));
    let done = state
        .write(move |c| {
            let access = complaint_decider(&caller);
            cases::decide(c, id, &cmd, if_match.0, today, access, &actor)
        })
        .await?;
    Ok(respond(done))
}
