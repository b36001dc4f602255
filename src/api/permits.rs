//! Permits to attract foreign labour (Art. 33, 9(5), 28(2)(8)): employers apply, pay,
//! extend, report trips and departures and return permits; akimats decide, suspend,
//! resume and revoke for their region; everyone reads what they may see.

use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{change, create, Changed, Created};
use super::lifecycle::{answer, moved, Versioned};
use super::page::{more, split, PageQuery};
use super::{narrowed, AppState};
use crate::api::extract::AcceptLanguage;
use crate::auth::{authorize, authorize_role, permit_access, Action, Caller, Role, Scope};
use crate::cases;
use crate::cases::permit::list;
use crate::cases::permit::view::{self, Reader, Reading};
use crate::cases::permits::Supervision;
use crate::domain::ids::IdError;
use crate::domain::permit::PermitState;
use crate::domain::Reason;
use crate::domain::{EmployerId, Message};
use crate::error::{ApiError, FieldError, Problem};
use crate::i18n::Lang;
use crate::wire::docs::{
    IdempotencyConflict, IdempotencyKeyHeader, IfMatchPermit, NotCallersPermit, StaleVersionShort,
};
use crate::wire::permits::{
    application, regions_of, ApplicationRequest, DecisionRequest, DepartureQuery, DepartureRequest,
    ExtensionRequest, NoteRequest, OverdueDeparture, PaymentRequest, PermitQuery, PermitSummary,
    PermitView, PersonError, ReissueRequest, ReplacementReportRequest, RevocationRequest,
    SuspensionRequest, TripRequest, TripView,
};
use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;

/// How `caller` reads permits today in `lang`: only an official reads another employer's
/// case id in a check (Art. 33(3)).
fn reading(state: &AppState, caller: &Caller, lang: Lang) -> Reading {
    Reading {
        today: state.time.today(),
        lang,
        reader: match caller.role {
            Role::Employer => Reader::Employer,
            _ => Reader::Official,
        },
    }
}

fn own_bin(caller: &Caller) -> Result<EmployerId, ApiError> {
    caller
        .bin
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-no-bin")))
}

impl Versioned for PermitView {
    fn version(&self) -> i64 {
        self.version
    }
}

/// File a permit application
///
/// Files an application (employer): the checks run at once and are stored with it; an
/// application nothing of which could be permitted is refused with its articles.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = ApplicationRequest,
    responses(
        (status = 201, description = "Filed, with its checks.", body = PermitView, headers(("Location" = String, description = "The permit."), ("ETag" = String, description = "The version."))),
        (status = 404, description = "No rule set in force.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
        crate::wire::refusals::FilePermitRefused,
    ))]
#[post("/permit-applications")]
pub async fn file_permit_application(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    lang: AcceptLanguage,
    body: Body<ApplicationRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::FilePermit)?;
    let req = body.value;
    let bin = own_bin(&caller)?;
    let regions = regions_of(&req.regions)?;
    for region in &regions {
        authorize(
            &caller,
            Action::FilePermit,
            Scope::Case { region, bin: &bin },
        )?;
    }
    let cmd = application(req, bin, regions)?;
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let loaded = cases::permits::apply(conn, &cmd, today, &actor)?;
        let view = PermitView::from(view::render(conn, &rule_sets, loaded, how)?);
        Ok(Created {
            location: format!("/v1/permits/{}", view.id),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

super::page::cursor_page!(
    /// A page of permits.
    PermitPage,
    PermitSummary,
    "The permits on this page."
);

/// 400 for the query parameter `field`, refused for `reason`: the detail and the field
/// say it in the reader's language.
fn malformed(field: &str, reason: Message) -> ApiError {
    ApiError::malformed(
        Message::new("malformed-parameter")
            .text("field", field)
            .arg("reason", crate::i18n::words(&reason)),
        vec![FieldError::new(field, reason)],
    )
}

/// The permit statuses a listing filters by, comma-separated: every stored one (`expired`
/// is read from an active permit's dates, never stored).
fn stored_statuses() -> String {
    PermitState::ALL
        .into_iter()
        .filter(|s| *s != PermitState::Expired)
        .map(PermitState::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The listing the query asks for, narrowed to what `caller` may see; `None` when it can
/// match nothing (a `bin` of twelve digits that is no BIN or IIN).
fn listing_of(
    state: &AppState,
    caller: &Caller,
    q: &PermitQuery,
    page: &super::page::PageRequest,
) -> Result<Option<list::Listing>, ApiError> {
    let scope = narrowed(state, caller, Action::ReadPermits, q.region.as_deref())?;
    let asked_bin = match q.bin.as_deref().map(str::parse::<EmployerId>).transpose() {
        Ok(bin) => bin,
        Err(e) if e == IdError::NotTwelveDigits => return Err(malformed("bin", e.message())),
        // Twelve digits no BIN or IIN has: no case names them (as GET /v1/employers/{bin}
        // answers 404).
        Err(_) => return Ok(None),
    };
    let status = q
        .status
        .as_deref()
        .map(|s| {
            PermitState::parse(s)
                .filter(|s| *s != PermitState::Expired)
                .ok_or_else(|| {
                    let allowed = stored_statuses();
                    malformed("status", Reason::OneOf { allowed }.message())
                })
        })
        .transpose()?;
    Ok(Some(list::Listing {
        region: scope.region,
        bin: scope.bin.or(asked_bin),
        status,
        category: q.category,
        filed_from: q.filed_from,
        filed_to: q.filed_to,
        due_by: q.due_by,
        search: None,
        after_id: page.after_id,
        limit: page.fetch(),
    }))
}

/// List permits and applications
///
/// Permits and applications, oldest first, with filters: an employer sees its own, an
/// akimat those naming its region, the ministry and auditors all.
#[utoipa::path(tag = "permits", security(("bearer" = [])), params(PermitQuery, PageQuery),
    responses((status = 200, description = "A page of permits.", body = PermitPage)))]
#[get("/permits")]
pub async fn list_permits(
    state: web::Data<AppState>,
    caller: Caller,
    filter: Query<PermitQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let Some(l) = listing_of(&state, &caller, &filter.0, &page)? else {
        return Ok(HttpResponse::Ok().json(PermitPage::default()));
    };
    let today = state.time.today();
    let rows = state.db(move |c| Ok(list::permits(c, &l, today)?)).await?;
    let (items, next_cursor) = split(page, rows, |p| p.id, |p| Ok(PermitSummary::from(p)))?;
    Ok(HttpResponse::Ok().json(PermitPage { items, next_cursor }))
}

/// Applications awaiting a decision
///
/// Applications awaiting a decision, by decision deadline, overdue first: an akimat sees
/// those still pending in its region, an employer its own, the ministry and auditors all.
/// The cursor continues after the last (deadline, id) of the page.
#[utoipa::path(tag = "permits", security(("bearer" = [])), params(PermitQuery, PageQuery),
    responses((status = 200, description = "A page of applications.", body = PermitPage)))]
#[get("/permit-applications")]
pub async fn list_permit_applications(
    state: web::Data<AppState>,
    caller: Caller,
    filter: Query<PermitQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let after = page
        .0
        .cursor
        .as_deref()
        .map(decode_due_cursor)
        .transpose()?;
    let page = PageQuery {
        limit: page.0.limit,
        cursor: None,
    }
    .parse()?;
    let Some(l) = listing_of(&state, &caller, &filter.0, &page)? else {
        return Ok(HttpResponse::Ok().json(PermitPage::default()));
    };
    let today = state.time.today();
    let mut rows = state
        .db(move |c| Ok(list::applications(c, &l, after, today)?))
        .await?;
    let next_cursor = more(page, &mut rows)
        .then(|| rows.last().map(|p| list::due_cursor(p.decision_due, p.id)))
        .flatten();
    let items = rows.into_iter().map(PermitSummary::from).collect();
    Ok(HttpResponse::Ok().json(PermitPage { items, next_cursor }))
}

fn decode_due_cursor(c: &str) -> Result<(NaiveDate, i64), ApiError> {
    list::read_due_cursor(c).ok_or_else(|| {
        ApiError::malformed(
            Message::new("malformed-cursor"),
            vec![FieldError::new("cursor", Reason::Cursor)],
        )
    })
}

/// Read a permit
///
/// One permit with its workers, checks (in the reader's language), fee per region with
/// payments, trips and history. A permit whose fee is overdue lapses first (the same
/// command the scheduled job runs); an active one past its end reads as expired.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The permit.", body = PermitView, headers(("ETag" = String, description = "The version."))),
        NotCallersPermit,
    ))]
#[get("/permits/{id}")]
pub async fn get_permit(
    state: web::Data<AppState>,
    caller: Caller,
    lang: AcceptLanguage,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    Ok(answer(read(&state, caller, id.into_inner(), lang.0).await?))
}

/// One permit as `caller` may read it.
async fn read(
    state: &AppState,
    caller: Caller,
    id: i64,
    lang: Lang,
) -> Result<PermitView, ApiError> {
    authorize_role(&caller, Action::ReadPermits)?;
    let how = reading(state, &caller, lang);
    let rule_sets = state.rule_sets.clone();
    let actor = cases::permits::system_actor(state.time.now().naive_utc());
    state
        .read_settled(
            move |c| {
                let access = permit_access(&caller, Action::ReadPermits);
                Ok(view::read(c, &rule_sets, id, how, access)?.map(PermitView::from))
            },
            move |c| Ok(view::settle(c, id, how.today, &actor)?),
        )
        .await
}

/// Lapses the permit when its fee is overdue, and ends it when it is an extension whose
/// parent has ended (Art. 33(2)); idempotent, nothing for other permits.
async fn lapse_first(state: &AppState, id: i64, today: NaiveDate) -> Result<(), ApiError> {
    let actor = cases::permits::system_actor(state.time.now().naive_utc());
    state
        .write(move |c| Ok(view::settle(c, id, today, &actor)?))
        .await
}

/// Approve or refuse a permit
///
/// Approves or refuses the permit for the akimat's region (Art. 33(2), 9(5)). An approval
/// re-runs the checks, holds the region's quota and prices its fee; a refusal refuses the
/// whole permit and gives back quota other regions hold for it.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "Decided.", body = PermitView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such permit, or it does not name the akimat's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not awaiting a decision, or the region already decided; for an extension, `extension-parent-not-active` while the permit it extends is not active (suspended, or ended: Art. 33(2)), naming its state.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::DecidePermitRefused,
    ))]
#[post("/permits/{id}/decisions")]
pub async fn decide_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<DecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecidePermit)?;
    let region = caller
        .region
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-other-region")))?;
    let cmd = cases::permits::Decide {
        region,
        decision: body.value.into(),
        expected_version: if_match.0,
    };
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    let actor = state.actor(&caller, &rid);
    moved(&state, move |c| {
        let today = cases::permits::Today {
            date: today,
            rule_sets: &rule_sets,
        };
        cases::permits::decide(
            c,
            id,
            &cmd,
            today,
            permit_access(&caller, Action::DecidePermit),
            &actor,
            |decided| Ok(PermitView::from(decided.render(how)?)),
        )
    })
    .await
}

/// Withdraw an application
///
/// Withdraws an application before a decision (employer); quota held for it comes back.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    responses(
        (status = 200, description = "Withdrawn.", body = PermitView, headers(("ETag" = String, description = "The permit's version."))),
        NotCallersPermit,
        (status = 409, description = "Already decided.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
    ))]
#[post("/permits/{id}/withdrawal")]
pub async fn withdraw_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::WithdrawPermit)?;
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    let actor = state.actor(&caller, &rid);
    moved(&state, move |c| {
        let l = cases::permits::withdraw(
            c,
            id,
            if_match.0,
            permit_access(&caller, Action::WithdrawPermit),
            &actor,
        )?;
        Ok(PermitView::from(view::render(c, &rule_sets, l, how)?))
    })
    .await
}

/// Record a fee payment
///
/// Records the fee paid to one named region's budget (employer, Art. 33(4)): the fee due is
/// rate × the MRP in force on the payment date × workers; an underpayment is refused with
/// the amount due. The fee falls due to every region on one day, the rule set's working
/// days after the last region's approval; once every region is paid the permit is active
/// from its start date.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = PaymentRequest,
    responses(
        (status = 201, description = "Recorded.", body = PermitView, headers(("Location" = String, description = "The permit."), ("ETag" = String, description = "The permit's version."))),
        NotCallersPermit,
        (status = 409, description = "Not awaiting payment (e.g. lapsed), or that region is paid; for an extension, `extension-parent-not-active` while the permit it extends is not active (suspended, or ended: Art. 33(2)), naming its state.", body = Problem, content_type = "application/problem+json"),
        crate::wire::refusals::PayFeeRefused,
    ))]
#[post("/permits/{id}/payments")]
pub async fn pay_permit_fee(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<PaymentRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::PayPermitFee)?;
    let cmd = cases::permits::Pay::try_from(body.value)?;
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    lapse_first(&state, id, today).await?;
    let actor = state.actor(&caller, &rid);
    create(&state, &caller.clone(), key, body.fingerprint, move |c| {
        let l = cases::permits::pay(
            c,
            id,
            &cmd,
            today,
            permit_access(&caller, Action::PayPermitFee),
            &actor,
        )?;
        let view = PermitView::from(view::render(c, &rule_sets, l, how)?);
        Ok(Created {
            location: format!("/v1/permits/{id}"),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

/// Apply to extend a permit
///
/// Applies for an extension (employer): a case of its own, decided like an application,
/// drawing quota of the year it starts in and paying a new fee (Art. 33(2), 7(20)). One
/// open extension per permit, held by the database (409 `extension-exists`). It follows
/// the permit it extends: decided and paid only while that permit is active, and ended
/// (`lapsed`, its `end_ground` naming the permit's end) when the permit is revoked,
/// returned or expires, or a worker it names is re-issued, before it is issued.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The permit to extend.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = ExtensionRequest,
    responses(
        (status = 201, description = "The extension case, with its checks.", body = PermitView, headers(("ETag" = String, description = "The permit's version."), ("Location" = String, description = "The extension."))),
        NotCallersPermit,
        (status = 409, description = "The permit is not active, or an extension is already filed.", body = Problem, content_type = "application/problem+json"),
        crate::wire::refusals::ExtendPermitRefused,
    ))]
#[post("/permits/{id}/extensions")]
pub async fn extend_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<ExtensionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ExtendPermit)?;
    let cmd = cases::permits::Extend {
        term_unit: body.value.term.unit,
        term_length: body.value.term.length,
    };
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    let actor = state.actor(&caller, &rid);
    create(&state, &caller.clone(), key, body.fingerprint, move |c| {
        let l = cases::permits::extend(
            c,
            id,
            &cmd,
            today,
            permit_access(&caller, Action::ExtendPermit),
            &actor,
        )?;
        let view = PermitView::from(view::render(c, &rule_sets, l, how)?);
        Ok(Created {
            location: format!("/v1/permits/{}", view.id),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

/// One supervision of a permit by the caller, with the version it read and its language.
struct Supervise {
    action: Action,
    cmd: Supervision,
    if_match: IfMatch,
    lang: Lang,
}

/// Suspends, resumes, revokes or returns a permit.
async fn supervise(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    id: i64,
    s: Supervise,
) -> Result<HttpResponse, ApiError> {
    let Supervise {
        action,
        cmd,
        if_match,
        lang,
    } = s;
    authorize_role(&caller, action)?;
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang);
    let actor = state.actor(&caller, &rid);
    moved(&state, move |c| {
        let l = cases::permits::supervise(
            c,
            id,
            &cmd,
            today,
            if_match.0,
            permit_access(&caller, action),
            &actor,
        )?;
        Ok(PermitView::from(view::render(c, &rule_sets, l, how)?))
    })
    .await
}

/// Suspend a permit
///
/// Suspends an active permit (akimat of a named region, Art. 9(5), 33(2)).
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = SuspensionRequest,
    responses(
        (status = 200, description = "Suspended.", body = PermitView, headers(("ETag" = String, description = "The permit's version."))),
        (status = 404, description = "No such permit, or not naming the akimat's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not active.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::FieldsRefused,
    ))]
#[post("/permits/{id}/suspension")]
pub async fn suspend_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<SuspensionRequest>,
) -> Result<HttpResponse, ApiError> {
    let cmd = Supervision::Suspend {
        reason: body.value.reason,
    };
    supervise(
        state,
        caller,
        rid,
        id.into_inner(),
        Supervise {
            action: Action::SupervisePermit,
            cmd,
            if_match,
            lang: lang.0,
        },
    )
    .await
}

/// Lift a permit's suspension
///
/// Lifts a suspension (akimat of a named region, Art. 9(5)).
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    responses(
        (status = 200, description = "Active again.", body = PermitView, headers(("ETag" = String, description = "The permit's version."))),
        (status = 404, description = "No such permit, or not naming the akimat's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not suspended.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
    ))]
#[post("/permits/{id}/resumption")]
pub async fn resume_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    supervise(
        state,
        caller,
        rid,
        id.into_inner(),
        Supervise {
            action: Action::SupervisePermit,
            cmd: Supervision::Resume,
            if_match,
            lang: lang.0,
        },
    )
    .await
}

/// Revoke a permit
///
/// Revokes a permit on a ground from the list (akimat of a named region, Art. 9(5),
/// 33(2)); its quota comes back; a ground that bars keeps the employer from new permits.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = RevocationRequest,
    responses(
        (status = 200, description = "Revoked.", body = PermitView, headers(("ETag" = String, description = "The permit's version."))),
        (status = 404, description = "No such permit, or not naming the akimat's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not active or suspended.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::MeasureRefused,
    ))]
#[post("/permits/{id}/revocation")]
pub async fn revoke_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<RevocationRequest>,
) -> Result<HttpResponse, ApiError> {
    let cmd = Supervision::Revoke {
        ground: body.value.ground,
        note: body.value.note,
    };
    supervise(
        state,
        caller,
        rid,
        id.into_inner(),
        Supervise {
            action: Action::SupervisePermit,
            cmd,
            if_match,
            lang: lang.0,
        },
    )
    .await
}

/// Return a permit voluntarily
///
/// Returns an active permit voluntarily (employer); its quota comes back.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchPermit),
    request_body = NoteRequest,
    responses(
        (status = 200, description = "Returned.", body = PermitView, headers(("ETag" = String, description = "The permit's version."))),
        NotCallersPermit,
        (status = 409, description = "Not active.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::FieldsRefused,
    ))]
#[post("/permits/{id}/return")]
pub async fn return_permit(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<NoteRequest>,
) -> Result<HttpResponse, ApiError> {
    let cmd = Supervision::Return {
        reason: body.value.reason,
    };
    supervise(
        state,
        caller,
        rid,
        id.into_inner(),
        Supervise {
            action: Action::ReturnPermit,
            cmd,
            if_match,
            lang: lang.0,
        },
    )
    .await
}

/// Report a worker's business trip
///
/// Reports a business trip of a worker on an active permit (employer, Art. 33(3)).
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = TripRequest,
    responses(
        (status = 201, description = "Recorded.", body = TripView, headers(("Location" = String, description = "The permit."))),
        (status = 404, description = "No such permit or worker, or not the caller's.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The permit is not active.", body = Problem, content_type = "application/problem+json"),
        crate::wire::refusals::TripRefused,
    ))]
#[post("/permits/{id}/trips")]
pub async fn report_trip(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<TripRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReportTrip)?;
    let req = body.value;
    let host = req
        .host_region
        .parse::<crate::domain::RegionCode>()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid("host_region", e))?;
    let cmd = cases::permits::Trip {
        worker_id: req.worker_id,
        host_region: host,
        host_organisation: req.host_organisation,
        from: req.from,
        to: req.to,
    };
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    create(&state, &caller.clone(), key, body.fingerprint, move |c| {
        let (_, trip) = cases::permits::report_trip(
            c,
            id,
            &cmd,
            today,
            permit_access(&caller, Action::ReportTrip),
            &actor,
        )?;
        Ok(Created {
            location: format!("/v1/permits/{id}"),
            version: None,
            body: TripView::from(view::Trip::from(trip)),
        })
    })
    .await
}

/// Re-issue a permit for another worker
///
/// Re-issues an active permit for another foreigner in place of one of its workers
/// (employer; Order No. 279 under Art. 7(20), Art. 33(3)). The permit keeps its employer,
/// regions, term and units of quota; no fee is assessed; the worker replaced owes a
/// departure (Art. 28(2)(8)).
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader,
        IfMatchPermit),
    request_body = ReissueRequest,
    responses(
        (status = 201, description = "Re-issued: the permit with the newcomer in the worker's place.", body = PermitView, headers(("Location" = String, description = "The permit."), ("ETag" = String, description = "The permit's version."))),
        (status = 404, description = "No such permit or worker (or the worker was already replaced), or not the caller's.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The permit is not active, or changed concurrently.", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names another version.", body = Problem, content_type = "application/problem+json"),
        crate::wire::refusals::ReissueRefused,
    ))]
#[post("/permits/{id}/reissues")]
#[allow(clippy::too_many_arguments)]
pub async fn reissue(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<ReissueRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReissuePermit)?;
    let req = body.value;
    let cmd = cases::permits::Reissue {
        worker_id: req.worker_id,
        newcomer: req
            .newcomer
            .into_input("newcomer", "/newcomer")
            .map_err(|e| PersonError::into_api(vec![e]))?,
        expected_version: if_match.0,
    };
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    let actor = state.actor(&caller, &rid);
    create(&state, &caller.clone(), key, body.fingerprint, move |c| {
        let l = cases::permits::reissue(
            c,
            id,
            &cmd,
            today,
            permit_access(&caller, Action::ReissuePermit),
            &actor,
        )?;
        let view = PermitView::from(view::render(c, &rule_sets, l, how)?);
        Ok(Created {
            location: format!("/v1/permits/{id}"),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

/// Record a worker's departure
///
/// Records a worker's departure once the permit issued has ended after its term began, or
/// the worker was replaced on it (employer, Art. 28(2)(8)). A retry with the same
/// `Idempotency-Key` replays the first answer.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader,
        IfMatchPermit),
    request_body = DepartureRequest,
    responses(
        (status = 200, description = "Recorded.", body = PermitView, headers(("ETag" = String, description = "The permit's version."))),
        (status = 404, description = "No such permit or worker, or not the caller's.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The permit has not ended or was never issued (lapsed), or the departure is recorded, or the `Idempotency-Key` was used for another body.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::DepartureRefused,
    ))]
#[post("/permits/{id}/departures")]
#[allow(clippy::too_many_arguments)]
pub async fn record_departure(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<DepartureRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::RecordDeparture)?;
    let req = body.value;
    let cmd = cases::permits::Departure {
        worker_id: req.worker_id,
        on: req.date,
        evidence: req.evidence,
        expected_version: if_match.0,
    };
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    let actor = state.actor(&caller, &rid);
    change(&state, &caller.clone(), key, body.fingerprint, move |c| {
        let l = cases::permits::record_departure(
            c,
            id,
            &cmd,
            today,
            permit_access(&caller, Action::RecordDeparture),
            &actor,
        )?;
        changed(PermitView::from(view::render(c, &rule_sets, l, how)?))
    })
    .await
}

/// The permit's view as a changed resource: its version is the answer's `ETag`.
fn changed(view: PermitView) -> Result<Changed<PermitView>, ApiError> {
    Ok(Changed {
        status: actix_web::http::StatusCode::OK,
        version: Some(view.version),
        body: view,
    })
}

/// Report a category-4 replacement met
///
/// Reports, once, that an issued category-4 permit's commitment to replace its foreign
/// workers with Kazakh citizens was met (employer, Art. 33(2)). Until it is reported, a
/// permit whose replacement period has passed fails `replacement-obligation-met` on the
/// employer's new applications and decisions. A retry with the same `Idempotency-Key`
/// replays the first answer.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader,
        IfMatchPermit),
    request_body = ReplacementReportRequest,
    responses(
        (status = 200, description = "Reported.", body = PermitView, headers(("ETag" = String, description = "The permit's version."))),
        NotCallersPermit,
        (status = 409, description = "The permit was never issued, or the replacement is reported, or the `Idempotency-Key` was used for another body.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::ReplacementReportRefused,
    ))]
#[post("/permits/{id}/replacement-report")]
#[allow(clippy::too_many_arguments)]
pub async fn report_replacement(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    if_match: IfMatch,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    body: Body<ReplacementReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReportReplacement)?;
    let citizens: Vec<cases::permits::HiredCitizen> = body
        .value
        .citizens
        .into_iter()
        .map(|c| cases::permits::HiredCitizen {
            iin: c.iin,
            full_name: c.full_name,
            hired_on: c.hired_on,
        })
        .collect();
    let today = state.time.today();
    let rule_sets = state.rule_sets.clone();
    let how = reading(&state, &caller, lang.0);
    let actor = state.actor(&caller, &rid);
    let expected = if_match.0;
    change(&state, &caller.clone(), key, body.fingerprint, move |c| {
        let l = cases::permits::report_replacement(
            c,
            id,
            &citizens,
            expected,
            today,
            permit_access(&caller, Action::ReportReplacement),
            &actor,
        )?;
        changed(PermitView::from(view::render(c, &rule_sets, l, how)?))
    })
    .await
}

super::page::cursor_page!(
    /// Overdue departures.
    DeparturePage,
    OverdueDeparture,
    "Workers whose departure is owed and not recorded, oldest first."
);

/// Workers whose departure is overdue
///
/// Workers of permits that were issued and ended after their term began (expired, or
/// revoked or returned on or after their first day), workers replaced on a permit by
/// another foreigner once its term began, and workers of ICT permits (Art. 35) that were
/// issued and ended after their term began (past their last day, or revoked on or after
/// the later of their issue and the contract's start), whose departure is not recorded
/// (Art. 28(2)(8)), by the day it became owed: an akimat sees its region's, the ministry
/// and auditors all. A permit that lapsed unpaid, or an ICT permit never issued, brought
/// no one.
#[utoipa::path(tag = "permits", security(("bearer" = [])), params(DepartureQuery),
    responses((status = 200, description = "Overdue departures.", body = DeparturePage)))]
#[get("/departures/overdue")]
pub async fn list_overdue_departures(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<DepartureQuery>,
) -> Result<HttpResponse, ApiError> {
    let scope = narrowed(
        &state,
        &caller,
        Action::ReadDepartures,
        q.0.region.as_deref(),
    )?;
    let today = state.time.today();
    let items = state
        .db(move |c| Ok(list::overdue_departures(c, scope.region.as_ref(), today)?))
        .await?;
    Ok(HttpResponse::Ok().json(DeparturePage {
        items: items.into_iter().map(OverdueDeparture::from).collect(),
        next_cursor: None,
    }))
}

impl crate::api::extract::ActionBody for ApplicationRequest {
    const ACTION: Action = Action::FilePermit;
}
impl crate::api::extract::ActionBody for DecisionRequest {
    const ACTION: Action = Action::DecidePermit;
}
impl crate::api::extract::ActionBody for PaymentRequest {
    const ACTION: Action = Action::PayPermitFee;
}
impl crate::api::extract::ActionBody for ExtensionRequest {
    const ACTION: Action = Action::ExtendPermit;
}
impl crate::api::extract::ActionBody for SuspensionRequest {
    const ACTION: Action = Action::SupervisePermit;
}
impl crate::api::extract::ActionBody for RevocationRequest {
    const ACTION: Action = Action::SupervisePermit;
}
impl crate::api::extract::ActionBody for NoteRequest {
    const ACTION: Action = Action::ReturnPermit;
}
impl crate::api::extract::ActionBody for ReissueRequest {
    const ACTION: Action = Action::ReissuePermit;
}
impl crate::api::extract::ActionBody for TripRequest {
    const ACTION: Action = Action::ReportTrip;
}
impl crate::api::extract::ActionBody for DepartureRequest {
    const ACTION: Action = Action::RecordDeparture;
}
impl crate::api::extract::ActionBody for ReplacementReportRequest {
    const ACTION: Action = Action::ReportReplacement;
}
