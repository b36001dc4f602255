//! The ministry's rule set: versions published with the date they take effect, within the
//! limits the law fixes (checked before); each publication is audited on the provisions
//! of the sections it changes (`RuleSet::publication_basis`).

use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::rulesets::{self, StoredRuleSet};
use crate::db::Conn;
use crate::domain::article::cite_all;
use crate::domain::ruleset::RuleSet;
use crate::domain::Message;
use chrono::{DateTime, NaiveDate, Utc};

/// A version to publish, as the ministry gives it.
pub use crate::db::rulesets::NewRuleSet;

/// Publishes a new version of the rule set and audits it.
pub fn publish(conn: &mut Conn, new: &NewRuleSet, actor: &Actor) -> Result<Version, CaseError> {
    let before = rulesets::in_force(conn, new.effective_from)?;
    let basis = new
        .rules
        .publication_basis(before.as_ref().map(|b| b.rules.as_ref()));
    let stored = rulesets::insert(conn, new, actor.at, &actor.sub)?;
    audit::record(
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
    Ok(Version::from(stored))
}

/// One version of the rule set, as read.
#[derive(Debug, Clone)]
pub struct Version {
    /// One above the previous.
    pub version: i64,
    /// First day in force.
    pub effective_from: NaiveDate,
    /// The order or decree it implements.
    pub source: String,
    /// When it was published (UTC).
    pub created_at: DateTime<Utc>,
    /// Token subject of the ministry user who published it; `seed` for the seeded one.
    pub created_by: String,
    /// The ministry's numbers.
    pub rules: RuleSet,
}

impl From<StoredRuleSet> for Version {
    fn from(s: StoredRuleSet) -> Self {
        Version {
            version: s.version,
            effective_from: s.effective_from,
            source: s.source,
            created_at: s.created_at.and_utc(),
            created_by: s.created_by,
            rules: std::sync::Arc::unwrap_or_clone(s.rules),
        }
    }
}

/// The version in force on `on` (404 when none is).
pub fn in_force(conn: &mut Conn, on: NaiveDate) -> Result<Version, CaseError> {
    let found = rulesets::in_force(conn, on)?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-on").text("date", on))
    })?;
    Ok(Version::from(found))
}

/// Version `v` (404 when there is none).
pub fn get(conn: &mut Conn, v: i64) -> Result<Version, CaseError> {
    let found = rulesets::get(conn, v)?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-version").text("version", v))
    })?;
    Ok(Version::from(found))
}

/// Every version, oldest first; old versions stay readable.
pub fn all(conn: &mut Conn) -> Result<Vec<Version>, CaseError> {
    Ok(rulesets::list(conn)?
        .into_iter()
        .map(Version::from)
        .collect())
}
