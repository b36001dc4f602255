//! The employer pays each region's fee (Art. 33(4)); the last payment issues the permit.

use super::record::{changed, load, load_full, Access, Loaded};
use super::steps::{advance, illegal, record, rules_on, stored};
use crate::cases::{follow, ledger, CaseError};
use crate::db::audit::Actor;
use crate::db::permits::{self as db, Move};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::permit::{transition, PermitEvent, PermitState};
use crate::domain::ProblemCode;
use crate::domain::{fees, Message, Money, RegionCode, Violation};
use chrono::NaiveDate;

/// A fee payment to one region's budget (Art. 33(4)).
#[derive(Debug, Clone)]
pub struct Pay {
    pub region: RegionCode,
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub reference: String,
}

/// Art. 33(4): records the fee paid to one named region's budget. The fee due is the
/// region's rate × the MRP in force on the **payment date** × workers: a permit approved in
/// December and paid in January pays the new year's MRP; an underpayment is refused with
/// the amount due. Once every region is paid the quota held becomes used and the permit is
/// active from its start date.
pub fn pay<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Pay,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(pay_loaded(conn, l, cmd, today, actor)?)
}

pub(super) fn pay_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Pay,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    follow::ensure_parent_active(conn, &l, PermitEvent::Pay, today)?;
    let Some(region) = l.regions.iter().find(|r| r.region == cmd.region) else {
        crate::cases::known_regions(conn, [("region".to_owned(), &cmd.region)])?;
        return Err(Violation::service_rule(ProblemCode::RegionNotInPermit)
            .text("region", &cmd.region)
            .into());
    };
    let unpaid_others = l
        .regions
        .iter()
        .filter(|r| r.region != cmd.region && r.paid_tiyn.is_none())
        .count();
    let event = if unpaid_others == 0 {
        PermitEvent::PayLast
    } else {
        PermitEvent::Pay
    };
    let to = transition(l.permit.status, event).map_err(illegal)?;
    if region.paid_tiyn.is_some() {
        return Err(CaseError::conflict(
            "already-paid",
            Message::new("conflict-illegal-transition")
                .text("machine", "permit-region")
                .text("state", "paid")
                .text("event", "pay"),
        ));
    }
    let decided = region.decided_on.unwrap_or(l.permit.filed_on);
    if cmd.paid_on > today || cmd.paid_on < decided {
        return Err(Violation::service_rule(ProblemCode::PaymentDateInvalid)
            .text("date", cmd.paid_on)
            .text("decided", decided)
            .text("today", today)
            .into());
    }
    let rules = rules_on(conn, today)?;
    let mrp = rules.mrp_on(cmd.paid_on).ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-on").text("date", cmd.paid_on))
    })?;
    let rate = stored("region fee rate", region.fee_rate_mrp.map(i64::from))?;
    let due = fees::fee_due(rate, mrp, l.units());
    if let Some(v) = fees::check_payment(cmd.amount, due, mrp, &cmd.region) {
        return Err(v.into());
    }
    let tiyn = |m: Money| {
        m.tiyn()
            .map_err(|_| CaseError::from(Violation::service_rule(ProblemCode::FeeUnderpaid)))
    };
    advance(conn, &l, to, &Move::default())?;
    let n = db::pay_region(
        conn,
        l.permit.id,
        &cmd.region,
        &db::Payment {
            paid_tiyn: tiyn(cmd.amount)?,
            mrp_tiyn: tiyn(mrp)?,
            paid_on: cmd.paid_on,
            reference: &cmd.reference,
        },
    )?;
    if n == 0 {
        return Err(changed(l.permit.id));
    }
    if to == PermitState::Active {
        for r in &l.regions {
            if let Some(h) = r.hold_id {
                ledger::confirm(conn, h, actor)?;
            }
        }
    }
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.fee_paid",
        Some(&l),
        ART_33_4.cite(),
    )?;
    if to != PermitState::Active {
        return Ok(after);
    }
    // Issued on payment (Art. 33(4)): the permit gets its number now.
    crate::cases::documents::issue(conn, &after, today, actor)?;
    load_full(conn, l.permit.id)
}
