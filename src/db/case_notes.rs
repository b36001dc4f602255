//! What officials wrote when they acted on a case — the reason of a suspension, the note
//! of a refusal, revocation or return, the grounds of a certificate's or ICT permit's
//! refusal — as the audit trail keeps it in each event's after-image, for the case's
//! history (a reason outlives the suspension it explained).

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

/// One event of a certificate's or ICT permit's history with its after-image, the words
/// an official wrote with it and the grounds it named being kept there.
#[derive(Debug, Clone, Queryable)]
pub struct WordedLine {
    pub occurred_at: NaiveDateTime,
    pub action: String,
    pub actor: String,
    pub role: String,
    /// The employer the event concerns (an employer acting names itself here).
    pub bin: Option<String>,
    pub legal_basis: String,
    pub after_json: Option<String>,
}

/// The history of case `id` of `entity_type` (`self_employment_certificate`, `ict_permit`),
/// oldest first, at most `limit` lines, with each event's after-image; reads of personal
/// data are not history lines.
pub fn of_case(
    conn: &mut AnyConnection,
    entity_type: &str,
    id: i64,
    limit: i64,
) -> QueryResult<Vec<WordedLine>> {
    audit_events::table
        .filter(audit_events::entity_type.eq(entity_type))
        .filter(audit_events::entity_id.eq(id.to_string()))
        .filter(audit_events::action.ne(super::audit::PERSONAL_DATA_READ))
        .order(audit_events::id)
        .limit(limit)
        .select((
            audit_events::occurred_at,
            audit_events::action,
            audit_events::actor,
            audit_events::role,
            audit_events::bin,
            audit_events::legal_basis,
            audit_events::after_json,
        ))
        .load(conn)
}
