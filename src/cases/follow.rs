//! A case that hangs on a parent follows it (Art. 33(2)). An extension of a permit is a
//! case of its own — decided, holding quota of the year it starts in, paid — but what it
//! extends is its parent: it is decided and paid only while the parent is in force and not
//! suspended, and when the parent ends before the extension is issued (revoked, returned,
//! lapsed, expired, or re-issued for other foreigners in place of the workers the extension
//! names) the extension ends in the same transaction, lapsing with the parent's end as its
//! ground and giving back through the ledger whatever quota it holds. An expiry happens by
//! the clock, so the extension's end is applied where expiries and lapses are: when the
//! extension is read, and by the scheduled job.
//!
//! A revocation annulled on a complaint (APPK Art. 91(3)) undoes the end with it: each
//! extension that lapsed with the revocation stands again where it stood, its quota held
//! again ([`revive_extensions_of`]).
//!
//! The other cases that hang on a parent follow theirs in their own modules: an ICT
//! permit's extension application ends with the permit's revocation and is decided only
//! while the permit is issued and in force (`cases::ict`); a self-employment certificate is
//! extended only while it is valid (`cases::certificates`).

use super::permit::record::{load_full, Loaded};
use super::permit::steps::{advance, audit_in, claim_country, release_all};
use super::{ledger, statistics, CaseError};
use crate::db::audit::Actor;
use crate::db::complaints as reopen;
use crate::db::permits::{self as db, Move, WorkerRow};
use crate::db::Conn;
use crate::domain::article::cite_all;
use crate::domain::dates::add_working_days;
use crate::domain::hold::{CaseKind, CaseRef, QuotaClaim, Release, Units};
use crate::domain::permit::{
    restored_with_parent, transition, PermitEvent, PermitKind, PermitState, RegionDecision,
};
use crate::domain::ruleset::RuleSet;
use crate::domain::Message;
use chrono::NaiveDate;

/// How the permit an extension extends ended: the extension's end ground
/// (`parent-revoked`, …), which reads in the reader's language with its article
/// ([`crate::domain::permit::OwnGround::ParentEnded`]).
pub use crate::domain::permit::ParentEnd;

fn pending(state: PermitState) -> bool {
    matches!(state, PermitState::Applied | PermitState::AwaitingPayment)
}

/// The state as of `today` of the permit `l` extends; `None` for a first permit.
fn parent_state(
    conn: &mut Conn,
    l: &Loaded,
    today: NaiveDate,
) -> Result<Option<(i64, PermitState)>, CaseError> {
    let Some(parent_id) = l
        .permit
        .parent_id
        .filter(|_| l.permit.kind == PermitKind::Extension)
    else {
        return Ok(None);
    };
    let parent = db::get(conn, parent_id)?.ok_or_else(|| changed(l.permit.id))?;
    Ok(Some((parent.id, parent.status.at(parent.end_date, today))))
}

/// Art. 33(2): an extension is decided and paid only while the permit it extends is active
/// (issued, in force, not suspended). Otherwise `event` is refused, 409
/// `extension-parent-not-active`, naming the parent and its state; a suspended parent's
/// extension can be decided once it is resumed. Nothing for a first permit.
pub fn ensure_parent_active(
    conn: &mut Conn,
    l: &Loaded,
    event: PermitEvent,
    today: NaiveDate,
) -> Result<(), CaseError> {
    match parent_state(conn, l, today)? {
        Some((parent, state)) if state != PermitState::Active => Err(CaseError::conflict(
            "extension-parent-not-active",
            Message::new("conflict-extension-parent-not-active")
                .arg("parent", parent)
                .text("state", state.as_str())
                .text("event", event.name()),
        )),
        _ => Ok(()),
    }
}

/// Ends one extension not yet issued because its parent ended: it lapses with `why` as its
/// ground, its quota holds are released through the ledger, and the move is counted and
/// filed under each region it names.
fn end(
    conn: &mut Conn,
    id: i64,
    why: ParentEnd,
    today: NaiveDate,
    actor: &Actor,
) -> Result<(), CaseError> {
    let l = load_full(conn, id)?;
    let to = transition(l.permit.status, PermitEvent::ParentEnded)
        .map_err(|t| CaseError::Refused(t.into()))?;
    advance(
        conn,
        &l,
        to,
        &Move {
            ended_on: Some(today),
            end_ground: Some(why.ground()),
            ..Move::default()
        },
    )?;
    release_all(conn, &l, Release::ParentEnded, actor)?;
    let after = load_full(conn, id)?;
    statistics::track(conn, Some(&l), &after)?;
    for r in &after.regions {
        audit_in(
            actor,
            &after,
            "permit.extension_ended",
            Some(&l),
            // An extension prolongs the permit the akimat issued (Art. 33(2)); it cannot
            // outlive it.
            &cite_all(PermitEvent::ParentEnded.legal_basis()),
            Some(r.region.as_str()),
        )?;
    }
    Ok(())
}

/// The permit `parent_id` ended (`why`): each of its extensions not yet issued ends with
/// it, in the caller's transaction. The ids ended.
pub fn end_extensions_of(
    conn: &mut Conn,
    parent_id: i64,
    why: ParentEnd,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Vec<i64>, CaseError> {
    let ids = db::pending_extensions(conn, parent_id)?;
    for id in &ids {
        end(conn, *id, why, today, actor)?;
    }
    Ok(ids)
}

/// The annulment that brings extensions back: the complaint that annulled the parent's
/// end, the day the end was (the act's day) and the rules of today.
pub struct Restored<'a> {
    pub complaint: i64,
    pub ended_on: NaiveDate,
    pub rules: &'a RuleSet,
}

/// APPK Art. 91(3), Art. 33(2): the revocation of permit `parent_id` was annulled and the
/// permit is in force again: each extension that lapsed with that revocation stands again
/// where it stood — awaiting the decisions still to be taken, within a new decision term
/// from `today` and first in the akimat's queue, or, every region having approved it,
/// awaiting its fee within a new payment term. The quota it held in each approving region
/// is held again through the ledger under the complaint's reference; without room in a
/// region the quota's refusal (`quota-exhausted`, 422) is returned and the caller's
/// transaction (or savepoint) undoes the revival. The ids brought back; none while the
/// parent is not in force `today` (it expired meanwhile, say).
pub fn revive_extensions_of(
    conn: &mut Conn,
    parent_id: i64,
    r: &Restored<'_>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Vec<i64>, CaseError> {
    let parent = load_full(conn, parent_id)?;
    if parent.state_on(today) != PermitState::Active {
        return Ok(Vec::new());
    }
    let ids =
        reopen::extensions_ended_with(conn, parent_id, ParentEnd::Revoked.ground(), r.ended_on)?;
    for id in &ids {
        revive(conn, *id, r, today, actor)?;
    }
    Ok(ids)
}

fn revive(
    conn: &mut Conn,
    id: i64,
    r: &Restored<'_>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<(), CaseError> {
    let l = load_full(conn, id)?;
    let approved = |d: RegionDecision| d == RegionDecision::Approved;
    let event = restored_with_parent(l.regions.iter().all(|g| approved(g.decision)));
    let to = transition(l.permit.status, event).map_err(|t| CaseError::Refused(t.into()))?;
    hold_again(conn, &l, r.complaint, actor)?;
    let decision_due = (to == PermitState::Applied).then(|| {
        let days = r.rules.deadlines.extension_decision_working_days;
        add_working_days(today, days, &r.rules.holidays)
    });
    reopen::reopen_permit(
        conn,
        id,
        l.permit.status,
        l.permit.version,
        to,
        decision_due,
    )?
    .ok_or_else(|| changed(id))?;
    if to == PermitState::AwaitingPayment {
        let days = r.rules.deadlines.fee_payment_working_days;
        let due = add_working_days(today, days, &r.rules.holidays);
        reopen::payment_due_again(conn, id, due)?;
    } else {
        reopen::mark_reopened(conn, id, r.complaint, today)?;
    }
    let after = load_full(conn, id)?;
    statistics::track(conn, Some(&l), &after)?;
    for g in &after.regions {
        audit_in(
            actor,
            &after,
            "permit.extension_revived",
            Some(&l),
            &cite_all(event.legal_basis()),
            Some(g.region.as_str()),
        )?;
    }
    Ok(())
}

/// Art. 33(2): the units an extension brought back held in each region that had approved
/// it, held again under the complaint's reference (its own released holds never move
/// again); not yet used, since it was not yet issued.
fn hold_again(conn: &mut Conn, l: &Loaded, complaint: i64, actor: &Actor) -> Result<(), CaseError> {
    let Some(units) = Units::new(l.units()) else {
        return Ok(());
    };
    let case = CaseRef::new(CaseKind::ComplaintExtension, complaint);
    for g in l.regions.iter().filter(|g| g.hold_id.is_some()) {
        let claim = QuotaClaim {
            year: l.permit.quota_year,
            region: g.region.clone(),
            category: l.permit.category,
            country: claim_country(l),
            units,
        };
        let hold = ledger::hold(conn, &claim, &case, actor)?;
        let hold_id = hold.id();
        hold.take(conn)?;
        reopen::set_region_hold(conn, l.permit.id, &g.region, hold_id)?;
    }
    Ok(())
}

fn changed(id: i64) -> CaseError {
    CaseError::conflict(
        "changed-concurrently",
        Message::new("conflict-permit-changed").text("id", id),
    )
}

/// The same foreigner: by passport, or by Latin name and date of birth.
fn same_person(a: &WorkerRow, b: &WorkerRow) -> bool {
    a.passport_number == b.passport_number
        || (a.full_name_latin == b.full_name_latin && a.birth_date == b.birth_date)
}

/// A worker of `parent` was replaced by another foreigner (re-issue): an extension not yet
/// issued that names that worker no longer extends the permit as it stands, and ends with
/// the re-issue as its ground. The employer may apply again for the permit as re-issued.
pub fn after_reissue(
    conn: &mut Conn,
    parent: &Loaded,
    replaced: &WorkerRow,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Vec<i64>, CaseError> {
    let mut ended = Vec::new();
    for id in db::pending_extensions(conn, parent.permit.id)? {
        let names = db::workers_of(conn, id)?
            .iter()
            .any(|w| same_person(w, replaced));
        if names {
            end(conn, id, ParentEnd::Reissued, today, actor)?;
            ended.push(id);
        }
    }
    Ok(ended)
}

/// Whether `l` is an extension not yet issued whose parent has ended by `today` (an expiry
/// comes by the clock): then it is to be ended before it is shown.
pub fn orphaned(conn: &mut Conn, l: &Loaded, today: NaiveDate) -> Result<bool, CaseError> {
    if !pending(l.permit.status) {
        return Ok(false);
    }
    Ok(parent_state(conn, l, today)?.is_some_and(|(_, s)| ParentEnd::of_state(s).is_some()))
}

/// Ends permit `id` when it is an extension not yet issued whose parent has ended by
/// `today`; nothing otherwise (idempotent). Whether it ended it.
pub fn end_if_orphaned(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    actor: &Actor,
) -> Result<bool, CaseError> {
    let l = load_full(conn, id)?;
    if !pending(l.permit.status) {
        return Ok(false);
    }
    match parent_state(conn, &l, today)?.and_then(|(_, s)| ParentEnd::of_state(s)) {
        Some(why) => end(conn, id, why, today, actor).map(|()| true),
        None => Ok(false),
    }
}

/// The scheduled job's part: ends every extension not yet issued whose parent has ended by
/// `today` (expired by the clock, or ended before this rule existed). The ids ended.
pub fn end_orphaned(
    conn: &mut Conn,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Vec<i64>, CaseError> {
    let mut out = Vec::new();
    for (id, parent) in db::pending_extensions_with_parents(conn)? {
        if let Some(why) = ParentEnd::of_state(parent.status.at(parent.end_date, today)) {
            end(conn, id, why, today, actor)?;
            out.push(id);
        }
    }
    Ok(out)
}
