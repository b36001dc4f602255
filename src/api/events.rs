//! The event feed (issue 22): what happened to the caller's cases, in commit order, read
//! after an opaque cursor: an employer its BIN's events, an akimat its region's, the
//! ministry and auditors all.

use super::extract::Query;
use super::AppState;
use crate::auth::{visible, Action, Caller};
use crate::cases;
use crate::cases::events::Scope;
use crate::domain::violation::Message;
use crate::domain::Reason;
use crate::error::{ApiError, FieldError, Problem};
use crate::wire::events::{EventPage, EventQuery, EventView};
use actix_web::{get, web, HttpResponse};

const DEFAULT_LIMIT: i64 = 100;

/// A cursor outside the contract's pattern.
fn not_a_cursor() -> ApiError {
    ApiError::malformed(
        Message::new("malformed-cursor"),
        vec![FieldError::new("cursor", Reason::Cursor)],
    )
}

/// Read the caller's event feed
///
/// Events of the caller's stream in commit order.
///
/// An employer reads its BIN's events, an akimat its region's, the ministry and auditors
/// all. Each event is a change committed (a change that rolled back is none) or a fact
/// time brought; its `id` is stable. Read on with `next_cursor`, which is always present.
#[utoipa::path(tag = "events", security(("bearer" = [])), params(EventQuery),
    responses(
        (status = 200, description = "A page of events.", body = EventPage),
        (status = 400, description = "A malformed query: a cursor this service did not send, a limit outside 1-500, an unknown type.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    let Query(q) = q;
    let seen = visible(&caller, Action::ReadEvents, None)?;
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::malformed(
            Message::new("malformed-limit"),
            vec![FieldError::new(
                "limit",
                Reason::Between { min: 1, max: 500 },
            )],
        ));
    }
    let scope = Scope {
        region: seen.region.map(|r| r.as_str().to_owned()),
        bin: seen.bin.map(|b| b.as_str().to_owned()),
    };
    let only = q.event_type.map(|t| t.0);
    let (page, next_cursor) = state
        .read(move |c| {
            let key = cases::events::EventKey::load(c)?;
            let after = match q.cursor.as_deref() {
                Some(cursor) => key.position(&scope, cursor).ok_or_else(not_a_cursor)?,
                None => 0,
            };
            let page = cases::events::feed(c, &scope, only, after, limit)?;
            let next = key.cursor(&scope, page.after);
            Ok((page, next))
        })
        .await?;
    let items = page
        .items
        .into_iter()
        .map(|e| EventView::from_wire(e.wire))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(EventPage { items, next_cursor }))
}
