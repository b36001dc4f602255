//! Filing a complaint (APPK Art. 91(1), (2), (4), 92): with the akimat whose act it
//! contests, on time or late.

use super::super::permits::{self, Access};
use super::super::CaseError;
use super::read::Complaint;
use super::view::{audit_step, rules_on, Detail, History};
use crate::db::audit::Actor;
use crate::db::complaints::{self as db, ComplaintRow, NewComplaint};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::complaint::{self, ActKind, Relief};
use crate::domain::dates::local_date;
use crate::domain::permit::RegionDecision;
use crate::domain::ProblemCode;
use crate::domain::{EmployerId, Message, RegionCode, Violation};
use chrono::{FixedOffset, NaiveDate};

/// A complaint as the employer files it.
#[derive(Debug, Clone)]
pub struct File {
    /// The employer filing it: the permit must be its own.
    pub bin: EmployerId,
    pub permit_id: i64,
    pub act: ActKind,
    pub relief: Relief,
    /// The grounds, in the employer's words.
    pub grounds: String,
    /// References to attached documents.
    pub references: Vec<String>,
}

/// APPK Art. 91(1), (2), (4), 92: files a complaint against an act of the permit's akimat
/// with that akimat. The act must be what the permit shows (a refusal of a refused
/// permit, a suspension, a revocation, or a decision deadline passed: a refusal from the
/// next day, 91(2)); the day the employer learnt of it is the act's day in the audit trail
/// (for a missed deadline, the day after it). Filed more than the rule set's months after
/// it, the complaint is accepted and marked late (92(3)). The akimat has the rule set's
/// working days to satisfy it itself (91(4)); the deciding body is the one the rule set
/// names for the kind of act (91(3)). One open complaint per permit: 409
/// `complaint-exists`.
pub fn file<E: From<CaseError>>(
    conn: &mut Conn,
    cmd: &File,
    today: NaiveDate,
    offset: FixedOffset,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Complaint, E> {
    let l = permits::load(conn, cmd.permit_id, access)?;
    let row = file_loaded(conn, &l, cmd, (today, offset), actor)?;
    Ok(Complaint::of(row, None, today)?)
}

fn file_loaded(
    conn: &mut Conn,
    l: &permits::Loaded,
    cmd: &File,
    (today, offset): (NaiveDate, FixedOffset),
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    if l.permit.bin != cmd.bin {
        return Err(super::view::not_found());
    }
    complaint::contestable(cmd.act, l.state_on(today), l.permit.decision_due, today)?;
    complaint::relief_fits(cmd.act, cmd.relief)?;
    if db::of_permit(conn, l.permit.id)?
        .iter()
        .any(|c| c.state.is_open())
    {
        return Err(CaseError::conflict(
            "complaint-exists",
            Message::new("conflict-complaint-exists").text("id", l.permit.id),
        ));
    }
    let rules = rules_on(conn, today)?;
    let (act_on, region) = act_of(conn, l, cmd.act, offset)?;
    let terms = &rules.complaints;
    let late = complaint::filed_late(act_on, today, terms.filing_months, &rules.holidays);
    let due =
        complaint::reconsideration_due(today, terms.reconsideration_working_days, &rules.holidays);
    let detail = Detail {
        references: cmd.references.clone(),
        ..Detail::default()
    };
    let row = db::insert(
        conn,
        &NewComplaint {
            permit_id: Some(l.permit.id),
            bin: Some(&cmd.bin),
            region: &region,
            act_kind: cmd.act,
            act_on,
            relief: cmd.relief.as_str(),
            grounds: &cmd.grounds,
            detail: &serde_json::to_string(&detail)?,
            filed_on: today,
            late,
            decider: terms.deciding_body(cmd.act),
            due,
        },
    )?;
    let mut basis = vec![APPK_91_1, APPK_91_4];
    if cmd.act == ActKind::MissedDeadline {
        basis.push(APPK_91_2);
    }
    basis.push(if late { APPK_92_3 } else { APPK_92_1 });
    audit_step(
        actor,
        None,
        &row,
        ("complaint.filed", "permit.complaint_filed"),
        &cite_all(&basis),
        History::Permit(l),
    )?;
    Ok(row)
}

/// The day the employer learnt of the act and the region of the akimat whose act it is:
/// the Kazakhstan date (UTC + `offset`) of the audit trail's event of the act; for a
/// missed deadline, the day after it and the first region still to decide.
fn act_of(
    conn: &mut Conn,
    l: &permits::Loaded,
    act: ActKind,
    offset: FixedOffset,
) -> Result<(NaiveDate, RegionCode), CaseError> {
    let first = || l.regions.first().map(|r| r.region.clone());
    let found = match act.audit_action() {
        None => {
            let pending = l
                .regions
                .iter()
                .find(|r| r.decision == RegionDecision::Pending)
                .map(|r| r.region.clone())
                .or_else(first);
            pending.map(|r| (complaint::silence_refuses_on(l.permit.decision_due), r))
        }
        Some(action) => {
            let refused = l
                .regions
                .iter()
                .find(|r| r.decision == RegionDecision::Refused)
                .map(|r| r.region.clone());
            db::act_recorded(conn, l.permit.id, action)?.and_then(|(at, region)| {
                let region = match act {
                    ActKind::Refusal => refused,
                    _ => region.and_then(|r| r.parse().ok()),
                };
                region.or_else(first).map(|r| (local_date(at, offset), r))
            })
        }
    };
    found.ok_or_else(|| {
        CaseError::from(
            Violation::new(ProblemCode::ComplaintNoSuchAct, APPK_91_1)
                .text("act", act.as_str())
                .text("state", l.permit.status.as_str())
                .text("due", l.permit.decision_due),
        )
    })
}
