//! A permit whose revocation was annulled while its regions had no quota left is reinstated
//! once quota is there (APPK Art. 91(3), Art. 33(2)).

use super::super::CaseError;
use super::annul;
use super::read::{read, Complaint};
use super::view::{finish, load, rules_on, Detail, Moved};
use crate::db::audit::Actor;
use crate::db::complaints::ComplaintRow;
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::complaint::DecidingBody;
use crate::domain::{EmployerId, RegionCode};
use crate::domain::{Message, Refusal};
use chrono::NaiveDate;

/// APPK Art. 91(3), Art. 33(2): the akimat reinstates the permit of a complaint that
/// annulled its revocation while the regions had no quota left (`awaiting_quota`, first in
/// the complaint queue): the permit active again with its quota held and used anew, and the
/// extension that ended with the revocation back with its quota; the complaint keeps its
/// decision and waits no more. Not waiting: 409
/// `complaint-not-awaiting-quota`; still no room: 422 `quota-exhausted`.
pub fn reinstate<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
    actor: &Actor,
) -> Result<Complaint, E> {
    let row = load(conn, id, access)?;
    let after = reinstate_loaded(conn, &row, expected_version, today, actor)?;
    Ok(read(conn, after, today)?)
}

fn reinstate_loaded(
    conn: &mut Conn,
    row: &ComplaintRow,
    expected_version: Option<i64>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    if expected_version.is_some_and(|v| v != row.version) {
        return Err(CaseError::Refused(Refusal::Stale {
            current: row.version,
        }));
    }
    if !Detail::of(row)?.awaiting_quota {
        return Err(CaseError::conflict(
            "complaint-not-awaiting-quota",
            Message::new("conflict-complaint-not-awaiting-quota").text("id", row.id),
        ));
    }
    let rules = rules_on(conn, today)?;
    annul::reinstate(conn, row, &rules, today, actor)?;
    let moved = Moved {
        to: row.state,
        due: row.due,
        decided_on: row.decided_on.or(Some(today)),
        detail: &Detail::of(row)?,
        awaiting_quota: false,
        actions: ("complaint.reinstated", "permit.complaint_reinstated"),
        legal_basis: &cite_all(&[APPK_91_3, ART_33_2]),
    };
    finish(conn, row, &moved, actor)
}
