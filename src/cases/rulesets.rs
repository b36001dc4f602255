//! The ministry's rule set (Art. 7(20), 7(21), 7(21-1)): versions published with the
//! date they take effect, within the limits the law fixes (checked before).

use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::rulesets::{self, NewRuleSet, StoredRuleSet};
use crate::db::Conn;

/// Publishes a new version of the rule set and audits it.
pub fn publish(
    conn: &mut Conn,
    new: &NewRuleSet,
    actor: &Actor,
) -> Result<StoredRuleSet, CaseError> {
    let stored = rulesets::insert(conn, new, actor.at, &actor.sub)?;
    audit::record(
        conn,
        actor,
        audit::Change {
            action: "rule_set.published",
            entity_type: "rule_set",
            entity_id: stored.version.to_string(),
            region: None,
            bin: None,
            before: None,
            after: Some(audit::snapshot(&stored)?),
            legal_basis: "Art. 7(20), 7(21), 7(21-1)",
        },
    )?;
    Ok(stored)
}
