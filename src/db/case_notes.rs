//! What officials wrote when they acted on a permit — the reason of a suspension, the note
//! of a refusal, revocation or return — as the audit trail keeps it in each event's after-image,
//! for the case's history (a reason outlives the suspension it explained).

use super::schema::audit_events;
use super::AnyConnection;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The permit events that carry an official's words.
const WORDED: [&str; 4] = [
    "permit.suspended",
    "permit.refused",
    "permit.revoked",
    "permit.returned",
];

/// Each worded event of permit `id`: when, what, and its after-image (JSON), oldest first.
pub fn of_permit(
    conn: &mut AnyConnection,
    id: i64,
) -> QueryResult<Vec<(NaiveDateTime, String, Option<String>)>> {
    audit_events::table
        .filter(audit_events::entity_type.eq("permit"))
        .filter(audit_events::entity_id.eq(id.to_string()))
        .filter(audit_events::action.eq_any(WORDED))
        .order(audit_events::id)
        .select((
            audit_events::occurred_at,
            audit_events::action,
            audit_events::after_json,
        ))
        .load(conn)
}
