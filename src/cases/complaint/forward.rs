//! The akimat passes the complaint to the body considering it (APPK Art. 91(3), (4)).

use super::super::CaseError;
use super::read::{read, Complaint};
use super::view::{begin, finish, load, rules_on, Detail, Moved};
use crate::db::audit::Actor;
use crate::db::complaints::ComplaintRow;
use crate::db::Conn;
use crate::domain::complaint::DecidingBody;
use crate::domain::complaint::{self, ComplaintEvent};
use crate::domain::{EmployerId, RegionCode};
use chrono::NaiveDate;

/// APPK Art. 91(3), (4): the akimat whose act is contested passes the complaint with the
/// case to the body considering it, which the rule set names; that body's term (99)
/// runs from today in working days over the holiday calendar of the rule set in force.
pub fn forward<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
    actor: &Actor,
) -> Result<Complaint, E> {
    let row = load(conn, id, access)?;
    let after = forward_loaded(conn, &row, expected_version, today, actor)?;
    Ok(read(conn, after, today)?)
}

fn forward_loaded(
    conn: &mut Conn,
    row: &ComplaintRow,
    expected_version: Option<i64>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    let event = ComplaintEvent::Forward;
    let to = begin(row, event, expected_version)?;
    let rules = rules_on(conn, today)?;
    let due = complaint::decision_due(
        today,
        rules.complaints.decision_working_days,
        &rules.holidays,
    );
    let detail = Detail {
        forwarded_on: Some(today),
        ..Detail::of(row)?
    };
    let moved = Moved {
        to,
        due,
        decided_on: None,
        detail: &detail,
        awaiting_quota: false,
        actions: ("complaint.forwarded", "permit.complaint_forwarded"),
        legal_basis: event.legal_basis().cite(),
    };
    finish(conn, row, &moved, actor)
}
