//! The audit trail, read-only: ministry and auditors read everything, an akimat its region.

use super::extract::Query;
use super::page::{split, PageQuery};
use super::{narrowed, AppState};
use crate::auth::{Action, Caller};
use crate::cases::audit::{self};
use crate::error::ApiError;
use crate::wire::audit::{AuditEventView, AuditQuery, ChainVerification};
use actix_web::{get, web, HttpResponse};

super::page::cursor_page!(
    /// A page of audit events.
    AuditEventPage,
    AuditEventView,
    "The events on this page, oldest first."
);

/// List audit events
///
/// Audit events in the order they happened, a cursor page at a time, filtered by region,
/// entity, action or actor: the ministry and auditors read every region's, an akimat its
/// own. The trail is append-only and hash-chained (see `/v1/audit/chain/verification`).
#[utoipa::path(tag = "audit", security(("bearer" = [])), params(AuditQuery, PageQuery),
    responses((status = 200, description = "A page of events.", body = AuditEventPage)))]
#[get("/audit-events")]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<AuditQuery>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let Query(q) = q;
    let page = page.0.parse()?;
    q.check_lengths()?;
    let region = narrowed(&state, &caller, Action::ReadAudit, q.region.as_deref())?.region;
    let filter = audit::Filter {
        region: region.map(String::from),
        entity_type: q.entity_type,
        entity_id: q.entity_id,
        action: q.action,
        actor: q.actor,
        after_id: page.after_id,
        limit: page.fetch(),
    };
    let events = state.db(move |c| Ok(audit::list(c, &filter)?)).await?;
    let (items, next_cursor) = split(page, events, |e| e.id, AuditEventView::try_from)?;
    Ok(HttpResponse::Ok().json(AuditEventPage { items, next_cursor }))
}

/// Verify the audit chain
///
/// Walks the whole audit chain on one snapshot: recomputes every event's SHA-256 link and
/// names the first event that does not match (changed, deleted before, inserted outside
/// the chain, or the end cut off). The head is also written to the log. Ministry and
/// auditors only; it reads every event, so ask for it when needed (e.g. daily), not per
/// request.
#[utoipa::path(tag = "audit", security(("bearer" = [])),
    responses(
        (status = 200, description = "The verification; `intact` says whether the chain holds.", body = ChainVerification),
        (status = 401, description = "No valid bearer token.", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the ministry and auditors verify the chain.", body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
#[get("/audit/chain/verification")]
pub async fn verify_audit_chain(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    crate::auth::authorize_role(&caller, Action::VerifyAuditChain)?;
    let v = state.read(|c| Ok(audit::verify(c)?)).await?;
    crate::ops::log_chain(&v, "on demand");
    Ok(HttpResponse::Ok().json(ChainVerification::from(v)))
}
