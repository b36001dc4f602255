//! A permit whose fee is unpaid past a region's due date lapses (Art. 33(4)).

use super::record::{load_full, Loaded};
use super::steps::{advance, illegal, record, release_all};
use crate::cases::{follow, CaseError};
use crate::db::audit::Actor;
use crate::db::permits::{self as db, Move};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::hold::Release;
use crate::domain::permit::{transition, OwnGround, PermitEvent, PermitState};
use chrono::NaiveDate;

/// Art. 33(4): whether the permit awaits a fee some region's due date for which passed
/// before `today` unpaid, so that it lapses.
pub fn lapse_due(l: &Loaded, today: NaiveDate) -> bool {
    l.permit.status == PermitState::AwaitingPayment
        && l.regions
            .iter()
            .any(|r| r.paid_tiyn.is_none() && r.payment_due.is_some_and(|d| d < today))
}

/// Art. 33(4): a permit whose fee is unpaid past a region's due date lapses and its quota
/// comes back. Called by the scheduled job, before a payment, and when a permit is read;
/// does nothing (and returns `None`) for a permit that is not overdue, so it is idempotent.
pub fn lapse_if_due(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Option<Loaded>, CaseError> {
    let l = load_full(conn, id)?;
    if !lapse_due(&l, today) {
        return Ok(None);
    }
    let to = transition(l.permit.status, PermitEvent::Lapse).map_err(illegal)?;
    advance(
        conn,
        &l,
        to,
        &Move {
            ended_on: Some(today),
            end_ground: Some(OwnGround::UnpaidFee.code()),
            ..Move::default()
        },
    )?;
    release_all(conn, &l, Release::LapsedUnpaid, actor)?;
    let after = load_full(conn, id)?;
    let basis = cite_all(OwnGround::UnpaidFee.legal_basis());
    record(conn, actor, &after, "permit.lapsed", Some(&l), &basis)?;
    follow::end_extensions_of(conn, id, follow::ParentEnd::Lapsed, today, actor)?;
    Ok(Some(after))
}

/// Art. 33(4): lapses every permit whose fee is overdue on `today`; the ids lapsed.
pub fn lapse_overdue(
    conn: &mut Conn,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Vec<i64>, CaseError> {
    let mut out = Vec::new();
    for id in db::overdue_unpaid(conn, today)? {
        if lapse_if_due(conn, id, today, actor)?.is_some() {
            out.push(id);
        }
    }
    Ok(out)
}
