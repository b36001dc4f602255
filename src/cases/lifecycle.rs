//! What the lifecycles of self-employment certificates (Art. 34) and ICT permits
//! (Art. 35) share, written once: the If-Match check of a loaded case, the compare-and-set
//! that refuses a case another change moved first, and the audit event of every move with
//! its legal basis.

use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::domain::{EmployerId, Message, Refusal, RegionCode};

/// A case row a lifecycle moves: identified, versioned, decided by one region's akimat,
/// perhaps of one employer. Its snapshot goes into the audit trail.
pub trait CaseRow: serde::Serialize {
    /// The case's id.
    fn id(&self) -> i64;
    /// The version a compare-and-set moves from.
    fn version(&self) -> i64;
    /// The deciding akimat's region.
    fn region(&self) -> &RegionCode;
    /// The employer the audit event names, if the case is one employer's.
    fn employer(&self) -> Option<&EmployerId>;
}

/// A kind of case whose lifecycle this module writes: its audit entity type and the
/// message of a case another change moved first.
#[derive(Debug, Clone, Copy)]
pub struct Lifecycle {
    /// The audit trail's entity type, e.g. `ict_permit`.
    pub entity_type: &'static str,
    /// The message key of `changed-concurrently`, e.g. `conflict-ict-changed`.
    pub conflict: &'static str,
}

impl Lifecycle {
    /// 412 when the caller read another version than the case's current one (If-Match).
    pub fn stale(&self, row: &impl CaseRow, expected: Option<i64>) -> Result<(), CaseError> {
        match expected {
            Some(v) if v != row.version() => Err(CaseError::Refused(Refusal::Stale {
                current: row.version(),
            })),
            _ => Ok(()),
        }
    }

    /// 409 `changed-concurrently`: another change moved case `id` first.
    pub fn changed(&self, id: i64) -> CaseError {
        CaseError::conflict(
            "changed-concurrently",
            Message::new(self.conflict).text("id", id),
        )
    }

    /// Records the audit event `action` of a move from `before` (none for a new case) to
    /// `after`, resting on `basis`.
    pub fn record<R: CaseRow>(
        &self,
        actor: &Actor,
        action: &str,
        before: Option<&R>,
        after: &R,
        basis: &str,
    ) -> Result<(), CaseError> {
        audit::record(
            actor,
            audit::Change {
                action,
                entity_type: self.entity_type,
                entity_id: after.id().to_string(),
                region: Some(after.region().as_str()),
                bin: after.employer().map(EmployerId::as_str),
                before: before.map(audit::snapshot).transpose()?,
                after: Some(audit::snapshot(after)?),
                legal_basis: basis,
            },
        )?;
        Ok(())
    }

    /// Finishes a move of `before`: `written` is what the compare-and-set wrote (`None`
    /// when another change came first: 409), audited as `action` on `basis`.
    pub fn moved<R: CaseRow>(
        &self,
        actor: &Actor,
        action: &str,
        before: &R,
        written: Option<R>,
        basis: &str,
    ) -> Result<R, CaseError> {
        let after = written.ok_or_else(|| self.changed(before.id()))?;
        self.record(actor, action, Some(before), &after, basis)?;
        Ok(after)
    }
}
