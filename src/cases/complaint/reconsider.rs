//! The akimat whose act is contested satisfies the complaint itself (APPK Art. 91(4)).

use super::super::CaseError;
use super::annul::annul;
use super::read::{read, Complaint};
use super::view::{begin, finish, load, rules_on, Detail, Moved};
use crate::db::audit::Actor;
use crate::db::complaints::ComplaintRow;
use crate::db::Conn;
use crate::domain::complaint::DecidingBody;
use crate::domain::complaint::{self, ComplaintEvent};
use crate::domain::{EmployerId, RegionCode};
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
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
    actor: &Actor,
) -> Result<Complaint, E> {
    let row = load(conn, id, access)?;
    let after = reconsider_loaded(conn, &row, reasons, expected_version, today, actor)?;
    Ok(read(conn, after, today)?)
}

fn reconsider_loaded(
    conn: &mut Conn,
    row: &ComplaintRow,
    reasons: &str,
    expected_version: Option<i64>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    let event = ComplaintEvent::Reconsider;
    let to = begin(row, event, expected_version)?;
    complaint::reconsideration_open(row.due, today)?;
    let rules = rules_on(conn, today)?;
    let done = annul(conn, row, &rules, today, actor)?;
    let detail = Detail {
        reasons: Some(reasons.to_owned()),
        ..Detail::of(row)?
    };
    let moved = Moved {
        to,
        due: row.due,
        decided_on: Some(today),
        detail: &detail,
        awaiting_quota: done.awaiting_quota,
        actions: ("complaint.reconsidered", "permit.complaint_reconsidered"),
        legal_basis: event.legal_basis().cite(),
    };
    finish(conn, row, &moved, actor)
}
