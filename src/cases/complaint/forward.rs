//! The akimat passes the complaint to the body considering it (APPK Art. 91(3), (4)).

use super::super::permits;
use super::super::CaseError;
use super::view::{audit_step, changed, check_version, load, Detail, Seen};
use crate::db::audit::Actor;
use crate::db::complaints::{self as db, ComplaintRow, Step};
use crate::db::{rulesets, Conn};
use crate::domain::complaint::{self, ComplaintEvent};
use crate::domain::Message;
use chrono::NaiveDate;

/// APPK Art. 91(3), (4): the akimat whose act is contested passes the complaint with the
/// case to the body considering it, which the rule set names; that body's term (101(1))
/// runs from today in working days over the holiday calendar of the rule set in force.
pub fn forward<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(Seen<'_>) -> Result<(), E>,
    actor: &Actor,
) -> Result<ComplaintRow, E> {
    let row = load(conn, id, access)?;
    Ok(forward_loaded(conn, row, expected_version, today, actor)?)
}

fn forward_loaded(
    conn: &mut Conn,
    row: ComplaintRow,
    expected_version: Option<i64>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    check_version(&row, expected_version)?;
    let to = complaint::transition(row.state, ComplaintEvent::Forward)
        .map_err(|t| CaseError::Refused(t.into()))?;
    let rules = rulesets::in_force(conn, today)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
        })?
        .rules;
    let due = complaint::decision_due(
        today,
        rules.complaints.decision_working_days,
        &rules.holidays,
    );
    let mut detail = Detail::of(&row)?;
    detail.forwarded_on = Some(today);
    let after = db::advance(
        conn,
        row.id,
        row.state,
        row.version,
        &Step {
            to,
            due,
            decided_on: None,
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
        ("complaint.forwarded", "permit.complaint_forwarded"),
        ComplaintEvent::Forward.legal_basis().cite(),
        &permit,
    )?;
    Ok(after)
}
