//! The body considering the complaint decides it (APPK Art. 91(3), 92(2)-(3), 101(1)).

use super::super::permits;
use super::super::CaseError;
use super::annul::annul;
use super::view::{audit_step, changed, check_version, load, Detail, Seen};
use crate::db::audit::Actor;
use crate::db::complaints::{self as db, ComplaintRow, Step};
use crate::db::{rulesets, Conn};
use crate::domain::article::*;
use crate::domain::complaint::{self, ComplaintEvent};
use crate::domain::{Message, Violation};
use chrono::NaiveDate;

/// The decision on a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The act annulled.
    Satisfied,
    /// Founded in part: the act stands, the reasons say what was found.
    PartlySatisfied,
    /// Refused: the act stands.
    Refused,
}

/// A decision and what it rests on.
#[derive(Debug, Clone)]
pub struct Decide {
    pub outcome: Outcome,
    /// The reasons; required unless the complaint is satisfied.
    pub reasons: Option<String>,
    /// For a late complaint, whether the missed term is restored (APPK Art. 92(2)).
    pub term_restored: Option<bool>,
}

/// APPK Art. 91(3), 92(2)-(3): the body considering the complaint satisfies it (the act
/// annulled, [`annul`]), satisfies it in part, or refuses it with reasons. A late
/// complaint's decision says whether the term is restored; unrestored, it is not
/// satisfied. Reasons are required for a refusal or a partial satisfaction (422
/// `complaint-reasons-required`).
pub fn decide<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Decide,
    expected_version: Option<i64>,
    today: NaiveDate,
    access: impl FnOnce(Seen<'_>) -> Result<(), E>,
    actor: &Actor,
) -> Result<ComplaintRow, E> {
    let row = load(conn, id, access)?;
    Ok(decide_loaded(
        conn,
        row,
        cmd,
        expected_version,
        today,
        actor,
    )?)
}

fn decide_loaded(
    conn: &mut Conn,
    row: ComplaintRow,
    cmd: &Decide,
    expected_version: Option<i64>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    check_version(&row, expected_version)?;
    let event = match cmd.outcome {
        Outcome::Satisfied => ComplaintEvent::Satisfy,
        Outcome::PartlySatisfied => ComplaintEvent::SatisfyPartly,
        Outcome::Refused => ComplaintEvent::Refuse,
    };
    let to = complaint::transition(row.state, event).map_err(|t| CaseError::Refused(t.into()))?;
    complaint::late_term_decided(row.late, cmd.term_restored, event)?;
    let reasons = cmd
        .reasons
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if reasons.is_none() && event != ComplaintEvent::Satisfy {
        return Err(Violation::new("complaint-reasons-required", APPK_91_3).into());
    }
    let mut detail = Detail::of(&row)?;
    detail.reasons = reasons.map(str::to_owned);
    detail.term_restored = if row.late { cmd.term_restored } else { None };
    if event == ComplaintEvent::Satisfy {
        let rules = rulesets::in_force(conn, today)?
            .ok_or_else(|| {
                CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
            })?
            .rules;
        detail.awaiting_quota = annul(conn, &row, &rules, today, actor)?.awaiting_quota;
    }
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
    let actions = match cmd.outcome {
        Outcome::Satisfied => ("complaint.satisfied", "permit.complaint_satisfied"),
        Outcome::PartlySatisfied => (
            "complaint.partly_satisfied",
            "permit.complaint_partly_satisfied",
        ),
        Outcome::Refused => ("complaint.refused", "permit.complaint_refused"),
    };
    let mut basis = vec![event.legal_basis()];
    if row.late {
        basis.push(APPK_92_2);
    }
    audit_step(
        conn,
        actor,
        Some(&row),
        &after,
        actions,
        &cite_all(&basis),
        &permit,
    )?;
    Ok(after)
}
