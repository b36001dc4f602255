//! A worker's departure (Art. 28(2)(8)).

use super::record::{changed, load, load_full, Access, Loaded};
use super::steps::{check_version, illegal, record};
use crate::cases::CaseError;
use crate::db::audit::Actor;
use crate::db::permits::{self as db};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::permit::{departure_owed, transition, PermitEvent, Stay};
use crate::domain::ProblemCode;
use crate::domain::{Message, Violation};
use chrono::NaiveDate;

/// A worker's departure as the employer records it (Art. 28(2)(8)).
#[derive(Debug, Clone)]
pub struct Departure {
    pub worker_id: i64,
    pub on: NaiveDate,
    pub evidence: String,
    /// The version the employer last read (`If-Match`); `None`: any.
    pub expected_version: Option<i64>,
}

/// Art. 28(2)(8): once a permit issued has ended (expired, revoked, returned), or once a
/// worker was replaced on it by another foreigner, the employer ensures the worker leaves
/// and records the departure, once — owed only when the permit's term had begun by then
/// (`departure-not-owed` otherwise: nobody came on it).
pub fn record_departure<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Departure,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    check_version(&l, cmd.expected_version)?;
    Ok(depart_loaded(conn, l, cmd, today, actor)?)
}

pub(super) fn depart_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Departure,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    let worker = l
        .workers
        .iter()
        .find(|w| w.id == cmd.worker_id && w.needs_permit)
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-worker").text("id", cmd.worker_id))
        })?;
    let state = l.state_on(today);
    let stay = Stay {
        state,
        start: l.permit.start_date,
        ended_on: l.permit.ended_on,
        replaced_on: l.replaced_on(worker.id),
    };
    if !departure_owed(&stay) {
        transition(state, PermitEvent::Depart).map_err(illegal)?;
        // Ended before its first day: no worker came on it.
        return Err(Violation::new(ProblemCode::DepartureNotOwed, ART_28_2_8)
            .text("start", l.permit.start_date)
            .text("ended", stay.replaced_on.or(stay.ended_on).unwrap_or(today))
            .into());
    }
    if cmd.on > today {
        return Err(Violation::service_rule(ProblemCode::DepartureDateFuture)
            .text("date", cmd.on)
            .text("today", today)
            .into());
    }
    if worker.departed_on.is_some() {
        return Err(CaseError::conflict(
            "departure-recorded",
            Message::new("conflict-departure-recorded").text("id", worker.id),
        ));
    }
    if db::record_departure(conn, l.permit.id, worker.id, cmd.on, &cmd.evidence)? == 0 {
        return Err(changed(l.permit.id));
    }
    // What the permit shows changed (`workers[].departed_on`): so does its version.
    db::bump(conn, l.permit.id, l.permit.version)?.ok_or_else(|| changed(l.permit.id))?;
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.departure_recorded",
        Some(&l),
        ART_28_2_8.cite(),
    )?;
    Ok(after)
}
