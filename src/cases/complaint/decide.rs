//! The body considering the complaint decides it (APPK Art. 91(3), 92(2)-(3), 99).

use super::super::CaseError;
use super::annul::annul;
use super::read::{read, Complaint};
use super::view::{begin, finish, load, rules_on, Detail, Moved};
use crate::db::audit::Actor;
use crate::db::complaints::ComplaintRow;
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::complaint::DecidingBody;
use crate::domain::complaint::{self, ComplaintEvent};
use crate::domain::ProblemCode;
use crate::domain::Violation;
use crate::domain::{EmployerId, RegionCode};
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
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
    actor: &Actor,
) -> Result<Complaint, E> {
    let row = load(conn, id, access)?;
    let after = decide_loaded(conn, &row, cmd, expected_version, today, actor)?;
    Ok(read(conn, after, today)?)
}

fn decide_loaded(
    conn: &mut Conn,
    row: &ComplaintRow,
    cmd: &Decide,
    expected_version: Option<i64>,
    today: NaiveDate,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    let (event, actions) = match cmd.outcome {
        Outcome::Satisfied => (
            ComplaintEvent::Satisfy,
            ("complaint.satisfied", "permit.complaint_satisfied"),
        ),
        Outcome::PartlySatisfied => (
            ComplaintEvent::SatisfyPartly,
            (
                "complaint.partly_satisfied",
                "permit.complaint_partly_satisfied",
            ),
        ),
        Outcome::Refused => (
            ComplaintEvent::Refuse,
            ("complaint.refused", "permit.complaint_refused"),
        ),
    };
    let to = begin(row, event, expected_version)?;
    complaint::late_term_decided(row.late, cmd.term_restored, event)?;
    let reasons = cmd
        .reasons
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if reasons.is_none() && event != ComplaintEvent::Satisfy {
        return Err(Violation::new(ProblemCode::ComplaintReasonsRequired, APPK_91_3).into());
    }
    let detail = Detail {
        reasons: reasons.map(str::to_owned),
        term_restored: cmd.term_restored.filter(|_| row.late),
        ..Detail::of(row)?
    };
    let awaiting_quota = if event == ComplaintEvent::Satisfy {
        let rules = rules_on(conn, today)?;
        annul(conn, row, &rules, today, actor)?.awaiting_quota
    } else {
        false
    };
    let mut basis = vec![event.legal_basis()];
    if row.late {
        basis.push(APPK_92_2);
    }
    let moved = Moved {
        to,
        due: row.due,
        decided_on: Some(today),
        detail: &detail,
        awaiting_quota,
        actions,
        legal_basis: &cite_all(&basis),
    };
    finish(conn, row, &moved, actor)
}
