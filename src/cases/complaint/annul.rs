//! What annulling the contested act does to its case (APPK Art. 91(3), (4)): the permit,
//! certificate or ICT permit goes back to where it stood before the act.

use super::super::follow::{self, Restored};
use super::super::permits::{self, Loaded};
use super::super::{ledger, CaseError};
use crate::db::audit::Actor;
use crate::db::complaints::{self as db, CaseLink, ComplaintRow};
use crate::db::Conn;
use crate::db::{certificates, ict};
use crate::domain::article::*;
use crate::domain::certificate::{self, CertificateEvent};
use crate::domain::complaint::ActKind;
use crate::domain::dates::add_working_days;
use crate::domain::hold::{CaseKind, CaseRef, QuotaClaim, Units};
use crate::domain::ict::IctEvent;
use crate::domain::permit::{transition, PermitEvent, PermitKind, PermitState};
use crate::domain::ruleset::RuleSet;
use crate::domain::Message;
use chrono::NaiveDate;

/// What came of the annulment for the permit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Annulled {
    /// A revocation annulled while a region had no quota left: the permit stays revoked
    /// and waits for quota, first in line.
    pub awaiting_quota: bool,
}

fn changed(id: i64) -> CaseError {
    CaseError::conflict(
        "changed-concurrently",
        Message::new("conflict-permit-changed").text("id", id),
    )
}

/// APPK Art. 91(3), (4): the act the complaint contests is annulled. A refusal: the permit
/// awaits its decisions again, every named region deciding anew within a new decision
/// term from today (the approvals before the refusal went with it, their quota back). A
/// suspension: active again. A revocation: active again, its quota held and used again
/// in every named region under the complaint's reference, and with it the 12-month bar of
/// Art. 33(2) lifted (the bar counts revoked permits); without quota left in a region the
/// permit stays revoked and the complaint waits for quota; the extension that ended with the
/// revocation comes back with it ([`follow::revive_extensions_of`]), or, without quota left
/// for it, the complaint waits for that quota. A missed deadline: the akimat decides within
/// a new decision term from today.
pub(super) fn annul(
    conn: &mut Conn,
    c: &ComplaintRow,
    rules: &RuleSet,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Annulled, CaseError> {
    let Some(permit_id) = c.permit_id else {
        annul_refusal(conn, c, actor)?;
        return Ok(Annulled {
            awaiting_quota: false,
        });
    };
    let l = permits::load_full(conn, permit_id)?;
    let decision_term = || {
        let days = match l.permit.kind {
            PermitKind::Extension => rules.deadlines.extension_decision_working_days,
            PermitKind::Permit => rules.deadlines.issue_decision_working_days,
        };
        add_working_days(today, days, &rules.holidays)
    };
    let basis = cite_all(&[APPK_91_3, APPK_91_4]);
    match c.act_kind {
        ActKind::MissedDeadline => {
            let n = db::set_decision_due(conn, l.permit.id, l.permit.version, decision_term())?;
            if n == 0 {
                return Err(changed(l.permit.id));
            }
            db::mark_reopened(conn, l.permit.id, c.id, today)?;
            let after = permits::load_full(conn, l.permit.id)?;
            permits::record_in(
                conn,
                actor,
                &after,
                "permit.decision_ordered",
                Some(&l),
                &cite_all(&[APPK_91_2, APPK_91_3]),
                Some(c.region.as_str()),
            )?;
            Ok(Annulled {
                awaiting_quota: false,
            })
        }
        ActKind::Refusal => {
            let to = transition(l.permit.status, PermitEvent::Annul)
                .map_err(|t| CaseError::Refused(t.into()))?;
            reopen(conn, &l, to, Some(decision_term()))?;
            db::mark_reopened(conn, l.permit.id, c.id, today)?;
            db::regions_pending_again(conn, l.permit.id)?;
            record(conn, actor, &l, c, &basis)?;
            Ok(Annulled {
                awaiting_quota: false,
            })
        }
        ActKind::Suspension => {
            let to = transition(l.state_on(today), PermitEvent::Annul)
                .map_err(|t| CaseError::Refused(t.into()))?;
            reopen(conn, &l, to, None)?;
            record(conn, actor, &l, c, &basis)?;
            Ok(Annulled {
                awaiting_quota: false,
            })
        }
        ActKind::Revocation => {
            let to = transition(l.permit.status, PermitEvent::Annul)
                .map_err(|t| CaseError::Refused(t.into()))?;
            if no_room(db::savepoint(conn, |conn| hold_again(conn, &l, c, actor)))? {
                return Ok(Annulled {
                    awaiting_quota: true,
                });
            }
            reopen(conn, &l, to, None)?;
            record(conn, actor, &l, c, &basis)?;
            let restored = Restored {
                complaint: c.id,
                ended_on: c.act_on,
                rules,
            };
            let revived = db::savepoint(conn, |conn| {
                follow::revive_extensions_of(conn, l.permit.id, &restored, today, actor)
            });
            Ok(Annulled {
                awaiting_quota: no_room(revived)?,
            })
        }
        // A certificate's or an ICT permit's refusal names no permit.
        ActKind::CertificateRefusal | ActKind::IctRefusal => Err(super::view::not_found()),
    }
}

/// Whether `done` failed for want of quota (the complaint then waits for it); any other
/// failure is passed on.
fn no_room<T>(done: Result<T, CaseError>) -> Result<bool, CaseError> {
    match done {
        Ok(_) => Ok(false),
        Err(CaseError::Refused(crate::domain::Refusal::Rule(v)))
            if v.iter().any(|v| v.code.ends_with("quota-exhausted")) =>
        {
            Ok(true)
        }
        Err(e) => Err(e),
    }
}

/// Art. 33(2), APPK Art. 91(3): a revocation annulled while its regions had no quota left
/// is reinstated once there is: active again, its units held and used anew in every named
/// region under the complaint's reference, the 12-month bar lifted with it, and the
/// extension that ended with the revocation brought back with its quota
/// ([`follow::revive_extensions_of`]) — or only that extension, when it was the one that
/// found no room. Still no room: the quota's refusal (`quota-exhausted`, 422) and nothing
/// changes.
pub(super) fn reinstate(
    conn: &mut Conn,
    c: &ComplaintRow,
    rules: &RuleSet,
    today: NaiveDate,
    actor: &Actor,
) -> Result<(), CaseError> {
    let permit_id = c.permit_id.ok_or_else(super::view::not_found)?;
    let l = permits::load_full(conn, permit_id)?;
    if l.permit.status == PermitState::Revoked {
        let to = transition(l.permit.status, PermitEvent::Annul)
            .map_err(|t| CaseError::Refused(t.into()))?;
        hold_again(conn, &l, c, actor)?;
        reopen(conn, &l, to, None)?;
        record(conn, actor, &l, c, &cite_all(&[APPK_91_3, ART_33_2]))?;
    }
    let restored = Restored {
        complaint: c.id,
        ended_on: c.act_on,
        rules,
    };
    follow::revive_extensions_of(conn, permit_id, &restored, today, actor).map(|_| ())
}

fn reopen(
    conn: &mut Conn,
    l: &Loaded,
    to: PermitState,
    decision_due: Option<NaiveDate>,
) -> Result<(), CaseError> {
    db::reopen_permit(
        conn,
        l.permit.id,
        l.permit.status,
        l.permit.version,
        to,
        decision_due,
    )?
    .ok_or_else(|| changed(l.permit.id))
}

fn record(
    conn: &mut Conn,
    actor: &Actor,
    before: &Loaded,
    c: &ComplaintRow,
    basis: &str,
) -> Result<(), CaseError> {
    let after = permits::load_full(conn, before.permit.id)?;
    permits::record_in(
        conn,
        actor,
        &after,
        "permit.annulled",
        Some(before),
        basis,
        Some(c.region.as_str()),
    )
}

/// Art. 33(2): a revoked permit restored takes its units again in every named region,
/// through the ledger under the complaint's reference (the permit's own holds were
/// released and never move again), and uses them at once: it was issued.
fn hold_again(
    conn: &mut Conn,
    l: &Loaded,
    c: &ComplaintRow,
    actor: &Actor,
) -> Result<(), CaseError> {
    let Some(units) = Units::new(l.units()) else {
        return Ok(());
    };
    let case = CaseRef::new(CaseKind::Complaint, c.id);
    for r in &l.regions {
        let claim = QuotaClaim {
            year: l.permit.quota_year,
            region: r.region.clone(),
            category: l.permit.category,
            country: permits::claim_country(l),
            units,
        };
        let hold = ledger::hold(conn, &claim, &case, actor)?;
        let id = hold.id();
        db::set_region_hold(conn, l.permit.id, &r.region, id)?;
        hold.take(conn)?;
        ledger::confirm(conn, id, actor)?;
    }
    Ok(())
}

/// APPK Art. 91(3), (4): the refusal of a certificate (Art. 34(1)) or of an ICT permit
/// (Art. 35(1)) annulled: the case goes back to `applied`, its refusal's decision gone,
/// for the akimat to decide again; audited as `*.annulled` on the case.
fn annul_refusal(conn: &mut Conn, c: &ComplaintRow, actor: &Actor) -> Result<(), CaseError> {
    let link = db::case_of(conn, c.id)?.ok_or_else(super::view::not_found)?;
    let basis = cite_all(&[APPK_91_3, APPK_91_4]);
    let illegal = |t: crate::domain::state::IllegalTransition| CaseError::Refused(t.into());
    match link {
        CaseLink::Certificate(id) => {
            let row = certificates::get(conn, id)?.ok_or_else(super::view::not_found)?;
            let to =
                certificate::transition(row.status, CertificateEvent::Annul).map_err(illegal)?;
            let written = certificates::reopen(conn, id, row.status, to, row.version)?;
            let after = match written {
                Some(()) => certificates::get(conn, id)?,
                None => None,
            };
            let action = "self_employment_certificate.annulled";
            super::super::certificates::LIFE.moved(actor, action, &row, after, &basis)?;
        }
        CaseLink::Ict(id) => {
            let row = ict::get(conn, id)?.ok_or_else(super::view::not_found)?;
            let to =
                crate::domain::ict::transition(row.status, IctEvent::Annul).map_err(illegal)?;
            let written = ict::reopen(conn, id, row.status, to, row.version)?;
            let after = match written {
                Some(()) => ict::get(conn, id)?,
                None => None,
            };
            super::super::ict::LIFE.moved(actor, "ict_permit.annulled", &row, after, &basis)?;
        }
    }
    Ok(())
}
