//! A complaint loaded for reading or for a step: the access check on what it concerns, its
//! detail document, and the audit events every step writes.

use super::super::permits::{self, Loaded};
use super::super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::complaints::{self as db, CaseLink, ComplaintRow, Step};
use crate::db::{rulesets, Conn};
use crate::domain::complaint::{self, ComplaintEvent, ComplaintState, DecidingBody};
use crate::domain::ruleset::RuleSet;
use crate::domain::{EmployerId, Message, Refusal, RegionCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The parts of a complaint kept as a document beside its row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detail {
    /// References the employer attached (documents, letters, decisions).
    #[serde(default)]
    pub references: Vec<String>,
    /// The day the complaint reached the body considering it (APPK Art. 91(4)).
    #[serde(default)]
    pub forwarded_on: Option<NaiveDate>,
    /// The reasons of the decision or of the akimat's own reconsideration.
    #[serde(default)]
    pub reasons: Option<String>,
    /// For a late complaint, whether the body restored the missed term (APPK Art. 92(2)).
    #[serde(default)]
    pub term_restored: Option<bool>,
    /// A revocation annulled while its regions had no quota left: the permit stays revoked
    /// until its akimat reinstates it, first in the complaint queue (docs/LAW.md).
    #[serde(default)]
    pub awaiting_quota: bool,
}

impl Detail {
    /// The stored document of a row.
    pub fn of(row: &ComplaintRow) -> Result<Detail, CaseError> {
        Ok(serde_json::from_str(&row.detail)?)
    }
}

/// A missing complaint answers as another's does: nothing tells a caller whether a
/// complaint it may not see exists.
pub(super) fn not_found() -> CaseError {
    CaseError::not_found(Message::new("not-found-case"))
}

fn changed(id: i64) -> CaseError {
    CaseError::conflict(
        "changed-concurrently",
        Message::new("conflict-complaint-changed").text("id", id),
    )
}

/// Loads a complaint and lets `access` decide on it before anything of it is revealed:
/// `access` sees the region of the akimat whose act it contests, the employer (none for a
/// certificate's complaint, which the akimat files) and the body deciding it once passed on.
pub fn load<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    access: impl FnOnce(&RegionCode, Option<&EmployerId>, DecidingBody) -> Result<(), E>,
) -> Result<ComplaintRow, E> {
    let row = db::get(conn, id)
        .map_err(CaseError::from)?
        .ok_or_else(not_found)?;
    access(&row.region, row.bin.as_ref(), row.decider())?;
    Ok(row)
}

/// The `If-Match` version the caller read, when it sent one.
fn check_version(row: &ComplaintRow, expected: Option<i64>) -> Result<(), CaseError> {
    match expected {
        Some(v) if v != row.version => Err(CaseError::Refused(Refusal::Stale {
            current: row.version,
        })),
        _ => Ok(()),
    }
}

/// The rule set in force on `today`: the complaint terms and the holiday calendar.
pub(super) fn rules_on(conn: &mut Conn, today: NaiveDate) -> Result<Arc<RuleSet>, CaseError> {
    Ok(rulesets::in_force(conn, today)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
        })?
        .rules)
}

/// The start of every step on a loaded complaint: the `If-Match` version the caller read,
/// then the state machine's move for `event` (APPK Art. 91(3)-(4)).
pub(super) fn begin(
    row: &ComplaintRow,
    event: ComplaintEvent,
    expected_version: Option<i64>,
) -> Result<ComplaintState, CaseError> {
    check_version(row, expected_version)?;
    complaint::transition(row.state, event).map_err(|t| CaseError::Refused(t.into()))
}

/// Where a step leaves the complaint, and how the audit trail names it.
pub(super) struct Moved<'a> {
    pub to: ComplaintState,
    pub due: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub detail: &'a Detail,
    /// An annulled revocation still waiting for quota.
    pub awaiting_quota: bool,
    /// The complaint's action and the permit's (`complaint.*`, `permit.complaint_*`).
    pub actions: (&'a str, &'a str),
    pub legal_basis: &'a str,
}

/// The end of every step: the complaint moved from where `row` saw it (409 when it moved
/// on concurrently), the permit reloaded, and the step audited on both.
pub(super) fn finish(
    conn: &mut Conn,
    row: &ComplaintRow,
    m: &Moved<'_>,
    actor: &Actor,
) -> Result<ComplaintRow, CaseError> {
    let after = db::advance(
        conn,
        row.id,
        row.state,
        row.version,
        &Step {
            to: m.to,
            due: m.due,
            decided_on: m.decided_on,
            detail: &serde_json::to_string(&Detail {
                awaiting_quota: m.awaiting_quota,
                ..m.detail.clone()
            })?,
            awaiting_quota: m.awaiting_quota,
        },
    )?
    .ok_or_else(|| changed(row.id))?;
    let step =
        |case: History<'_>| audit_step(actor, Some(row), &after, m.actions, m.legal_basis, case);
    match row.permit_id {
        Some(id) => {
            let permit = permits::load_full(conn, id)?;
            step(History::Permit(&permit))?;
        }
        None => {
            let link = db::case_of(conn, row.id)?.ok_or_else(not_found)?;
            step(History::Other(link))?;
        }
    }
    Ok(after)
}

/// The case whose history shows a complaint's steps.
#[derive(Clone, Copy)]
pub(super) enum History<'a> {
    /// A work permit, loaded.
    Permit(&'a Loaded),
    /// A self-employment certificate or an ICT permit.
    Other(CaseLink),
}

/// The audit trail's entity type and id of a certificate or an ICT permit.
pub(super) fn entity_of(link: CaseLink) -> (&'static str, i64) {
    match link {
        CaseLink::Certificate(id) => ("self_employment_certificate", id),
        CaseLink::Ict(id) => ("ict_permit", id),
    }
}

/// The audit event of a step, on the complaint and, so that the case's history shows it,
/// on the case (`actions.1`, `permit.complaint_*`; for a certificate or an ICT permit the
/// same step under its own entity type, e.g. `ict_permit.complaint_filed`), under the
/// region of the act contested.
pub(super) fn audit_step(
    actor: &Actor,
    before: Option<&ComplaintRow>,
    after: &ComplaintRow,
    actions: (&str, &str),
    legal_basis: &str,
    case: History<'_>,
) -> Result<(), CaseError> {
    audit::record(
        actor,
        audit::Change {
            action: actions.0,
            entity_type: "complaint",
            entity_id: after.id.to_string(),
            region: Some(after.region.as_str()),
            bin: after.bin.as_ref().map(EmployerId::as_str),
            before: before.map(audit::snapshot).transpose()?,
            after: Some(audit::snapshot(after)?),
            legal_basis,
        },
    )?;
    let permit = match case {
        History::Permit(permit) => permit,
        History::Other(link) => {
            let (entity_type, id) = entity_of(link);
            let step = actions.1.trim_start_matches("permit.");
            audit::record(
                actor,
                audit::Change {
                    action: &format!("{entity_type}.{step}"),
                    entity_type,
                    entity_id: id.to_string(),
                    region: Some(after.region.as_str()),
                    bin: after.bin.as_ref().map(EmployerId::as_str),
                    before: before.map(audit::snapshot).transpose()?,
                    after: Some(audit::snapshot(after)?),
                    legal_basis,
                },
            )?;
            return Ok(());
        }
    };
    permits::audit_in(
        actor,
        permit,
        actions.1,
        Some(permit),
        legal_basis,
        Some(after.region.as_str()),
    )
}
