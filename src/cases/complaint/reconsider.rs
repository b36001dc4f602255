//! The akimat whose act is contested satisfies the complaint itself (APPK Art. 91(4)).

use super::super::permits;
use super::super::CaseError;
use super::annul::annul;
use super::view::{audit_step, changed, check_version, load, Detail, Seen};
use crate::db::audit::Actor;
use crate::db::complaints::{self as db, ComplaintRow, Step};
use crate::db::{rulesets, Conn};
use crate::domain::complaint::{self, ComplaintEvent};
use crate::domain::Message;
use chrono::NaiveDate;

/// APPK Art. 91(4): within its term the akimat whose act is contested may satisfy the
/// complaint itself: the act is annulled and the permit goes back to where it stood
/// before it ([`annul`]); after the term it must pass the complaint on (422
/// `complaint-reconsideration-term-passed`). `reasons`: why, in the akimat's words.
pub fn reconsider<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    reasons: &str,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(Seen<'_>) -> Result<(), E>,
    actor: &Actor,
) -> Result<ComplaintRow, E> {
    let row = load(conn, id, access)?;
    Ok(reconsider_loaded(
        conn,
        row,
        reasons,
        expected_version,
        today,
        actor,
    )?)
}

fn reconsider_loaded(
    conn: &mut Conn,
    row: ComplaintRow,
    reasons: &str,
    expected_version: Option<i64>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    check_version(&row, expected_version)?;
    let to = complaint::transition(row.state, ComplaintEvent::Reconsider)
        .map_err(|t| CaseError::Refused(t.into()))?;
    complaint::reconsideration_open(row.due, today)?;
    let rules = rulesets::in_force(conn, today)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
        })?
        .rules;
    let done = annul(conn, &row, &rules, today, actor)?;
    let mut detail = Detail::of(&row)?;
    detail.reasons = Some(reasons.to_owned());
    detail.awaiting_quota = done.awaiting_quota;
    let after = db::advance(
        conn,
        row.id,
        row.state,
        row.version,
        &Step {
            to,
            due: row.due,
            decided_on: Some(today),
            detail: &serde_json::to_string(&detail)?,
        },
    )?
    .ok_or_else(|| changed(row.id))?;
    let permit = permits::load_full(conn, row.permit_id)?;
    audit_step(
        conn,
        actor,
        Some(&row),
        &after,
        ("complaint.reconsidered", "permit.complaint_reconsidered"),
        ComplaintEvent::Reconsider.legal_basis().cite(),
        &permit,
    )?;
    Ok(after)
}
