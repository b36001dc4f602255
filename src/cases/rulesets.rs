//! The ministry's rule set: versions published with the date they take effect, within the
//! limits the law fixes (checked before); each publication is audited on the provisions
//! of the sections it changes (`RuleSet::publication_basis`).

use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::rulesets::{self, NewRuleSet, StoredRuleSet};
use crate::db::Conn;
use crate::domain::article::cite_all;

/// Publishes a new version of the rule set and audits it.
pub fn publish(
    conn: &mut Conn,
    new: &NewRuleSet,
    actor: &Actor,
) -> Result<StoredRuleSet, CaseError> {
    let before = rulesets::in_force(conn, new.effective_from)?;
    let basis = new
        .rules
        .publication_basis(before.as_ref().map(|b| b.rules.as_ref()));
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
            legal_basis: &cite_all(&basis),
        },
    )?;
    Ok(stored)
}
