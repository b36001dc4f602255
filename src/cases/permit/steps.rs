//! Steps every permit command shares (Art. 33): the compare-and-set move of the stored
//! state, the audit event and counters of a move, the rules in force, stored figures read
//! in their types, and the quota given back.

use super::record::{changed, Loaded};
use crate::cases::{ledger, statistics, CaseError};
use crate::db::audit::{self, Actor};
use crate::db::permits::{self as db, Move};
use crate::db::{rulesets, Conn};
use crate::domain::hold::Release;
use crate::domain::permit::PermitState;
use crate::domain::ruleset::{NoPermitList, RuleSet};
use crate::domain::{CountryCode, Message, Refusal};
use chrono::NaiveDate;
use std::sync::Arc;

/// The actor of the service itself: the scheduled lapse job and lapses on read.
pub fn system_actor(at: chrono::NaiveDateTime) -> Actor {
    Actor {
        sub: "system".into(),
        role: "system",
        request_id: uuid::Uuid::new_v4().to_string(),
        at,
    }
}

pub(super) fn rules_on(conn: &mut Conn, date: NaiveDate) -> Result<Arc<RuleSet>, CaseError> {
    Ok(rulesets::in_force(conn, date)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", date))
        })?
        .rules)
}

pub(super) fn illegal(t: crate::domain::state::IllegalTransition) -> CaseError {
    CaseError::Refused(t.into())
}

pub(super) fn record(
    conn: &mut Conn,
    actor: &Actor,
    after: &Loaded,
    action: &str,
    before: Option<&Loaded>,
    legal_basis: &str,
) -> Result<(), CaseError> {
    let region = after.first_region().map(str::to_owned);
    record_in(
        conn,
        actor,
        after,
        action,
        before,
        legal_basis,
        region.as_deref(),
    )
}

/// Every move of a permit ends here: the counters move by the difference the move made
/// to what the permit contributes ([`statistics::track`]), and the event is recorded under
/// `region`, so that the akimat of that region reads it in the audit trail (a decision is
/// filed under the deciding region); both in the caller's transaction.
pub(crate) fn record_in(
    conn: &mut Conn,
    actor: &Actor,
    after: &Loaded,
    action: &str,
    before: Option<&Loaded>,
    legal_basis: &str,
    region: Option<&str>,
) -> Result<(), CaseError> {
    statistics::track(conn, before, after)?;
    audit_in(actor, after, action, before, legal_basis, region)
}

/// The audit event of a move, under `region`.
pub(crate) fn audit_in(
    actor: &Actor,
    after: &Loaded,
    action: &str,
    before: Option<&Loaded>,
    legal_basis: &str,
    region: Option<&str>,
) -> Result<(), CaseError> {
    let snap = |l: &Loaded| -> Result<serde_json::Value, CaseError> {
        // The official's words go with the act: a suspension's reason, a revocation's or
        // return's note (the case page's history shows them after they are cleared).
        audit::snapshot(&serde_json::json!({
            "permit": l.permit, "regions": l.regions,
            "words": {
                "suspension_reason": l.detail.suspension_reason,
                "end_note": l.detail.end_note,
            },
        }))
    };
    audit::record(
        actor,
        audit::Change {
            action,
            entity_type: "permit",
            entity_id: after.permit.id.to_string(),
            region,
            bin: Some(after.permit.bin.as_str()),
            before: before.map(snap).transpose()?,
            after: Some(snap(after)?),
            legal_basis,
        },
    )?;
    Ok(())
}

/// Moves the permit's stored state with a compare-and-set on state and version.
pub(crate) fn advance(
    conn: &mut Conn,
    l: &Loaded,
    to: PermitState,
    m: &Move<'_>,
) -> Result<(), CaseError> {
    if db::advance(conn, l.permit.id, l.permit.status, l.permit.version, to, m)? {
        Ok(())
    } else {
        Err(changed(l.permit.id))
    }
}

pub(super) fn check_version(l: &Loaded, expected: Option<i64>) -> Result<(), CaseError> {
    match expected {
        Some(v) if v != l.permit.version => Err(CaseError::Refused(Refusal::Stale {
            current: l.permit.version,
        })),
        _ => Ok(()),
    }
}

/// The worker's citizenship that draws on a country quota: the permit's workers' one
/// citizenship when they share it (a hold names one country, Art. 32(4)(2)).
pub(crate) fn claim_country(l: &Loaded) -> Option<CountryCode> {
    let mut it = l.holding_workers().map(|w| w.citizenship.as_str());
    let first = it.next()?;
    it.all(|c| c == first).then(|| first.parse().ok()).flatten()
}

/// The day a command runs on, and the process's parsed rule sets it takes the rules in
/// force from: one small read of the version in force instead of the ~20 KB document.
#[derive(Debug, Clone, Copy)]
pub struct Today<'a> {
    pub date: NaiveDate,
    pub rule_sets: &'a rulesets::Parsed,
}

impl Today<'_> {
    /// The rules in force today; none in force is a 404 (`not-found-rule-set-on`).
    pub(super) fn rules(&self, conn: &mut Conn) -> Result<Arc<RuleSet>, CaseError> {
        let rules = self.rule_sets.in_force(conn, self.date)?;
        Ok(self.rules_with_list([rules, None])?.0)
    }

    /// The rules in force today and the Government's list of persons who need no permit in
    /// force on another day (none in force then: an empty list), of their versions read
    /// already (an approval reads them with its other facts, `db::standing`); no rules in
    /// force today is a 404 (`not-found-rule-set-on`).
    pub(super) fn rules_with_list_of(
        &self,
        conn: &mut Conn,
        versions: [Option<i64>; 2],
    ) -> Result<(Arc<RuleSet>, NoPermitList), CaseError> {
        let both = self.rule_sets.versions(conn, versions)?;
        self.rules_with_list(both)
    }

    fn rules_with_list(
        &self,
        [rules, then]: [Option<Arc<RuleSet>>; 2],
    ) -> Result<(Arc<RuleSet>, NoPermitList), CaseError> {
        let rules = rules.ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", self.date))
        })?;
        let list = then.map(|r| r.no_permit_list.clone()).unwrap_or_default();
        Ok((rules, list))
    }
}

/// A figure stored for the case, in the type its rule takes: one missing or out of range
/// (which the tables' constraints forbid) is a fault of the data, never a zero.
pub(super) fn stored<T: TryFrom<i64>>(what: &str, v: Option<i64>) -> Result<T, CaseError> {
    v.and_then(|v| T::try_from(v).ok())
        .ok_or_else(|| CaseError::stored(what))
}

/// Gives back every hold the permit has, for `why` (held or used, as the hold's state
/// machine allows).
pub(crate) fn release_all(
    conn: &mut Conn,
    l: &Loaded,
    why: Release,
    actor: &Actor,
) -> Result<(), CaseError> {
    for r in &l.regions {
        if let Some(h) = r.hold_id {
            ledger::release(conn, h, why, actor)?;
        }
    }
    Ok(())
}
