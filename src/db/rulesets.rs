//! Versions of the rule set: append-only, the one in force on a date is the newest version
//! whose `effective_from` is not after it.

use super::schema::rule_sets;
use super::AnyConnection;
use crate::domain::ruleset::RuleSet;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Deserialize;
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rule_sets)]
struct Row {
    version: i64,
    effective_from: NaiveDate,
    source: String,
    body: String,
    created_at: NaiveDateTime,
    created_by: String,
}

/// A rule set as the ministry files it.
#[derive(Debug, Clone, Deserialize)]
pub struct NewRuleSet {
    pub effective_from: NaiveDate,
    pub source: String,
    pub rules: RuleSet,
}

/// A stored version; its rules are shared, not copied, by every reader of the version.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredRuleSet {
    pub version: i64,
    pub effective_from: NaiveDate,
    pub source: String,
    pub rules: Arc<RuleSet>,
    pub created_at: NaiveDateTime,
    pub created_by: String,
}

/// How many distinct stored rule sets the process keeps parsed.
const PARSED_KEPT: usize = 8;

/// Rule sets already parsed, by their stored text. The rule set is read on every decision
/// and every permit read, and parsing its ~20 KB of JSON cost more than the rest of a read;
/// keyed by the text itself (not the version), so a cache can never answer for another
/// database or a changed row, and there is nothing to invalidate. Readers share one parsed
/// copy (a deep copy of the rules cost a few hundred allocations per decision).
static PARSED: Mutex<Vec<(String, Arc<RuleSet>)>> = Mutex::new(Vec::new());

fn parse(body: &str) -> Result<Arc<RuleSet>, serde_json::Error> {
    let found = PARSED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .find(|(text, _)| text == body)
        .map(|(_, rules)| rules.clone());
    if let Some(rules) = found {
        return Ok(rules);
    }
    let rules: Arc<RuleSet> = Arc::new(serde_json::from_str(body)?);
    let mut kept = PARSED.lock().unwrap_or_else(PoisonError::into_inner);
    if kept.len() >= PARSED_KEPT {
        kept.remove(0);
    }
    kept.push((body.to_owned(), rules.clone()));
    Ok(rules)
}

impl TryFrom<Row> for StoredRuleSet {
    type Error = diesel::result::Error;
    fn try_from(r: Row) -> Result<Self, Self::Error> {
        let rules =
            parse(&r.body).map_err(|e| diesel::result::Error::DeserializationError(Box::new(e)))?;
        Ok(StoredRuleSet {
            version: r.version,
            effective_from: r.effective_from,
            source: r.source,
            rules,
            created_at: r.created_at,
            created_by: r.created_by,
        })
    }
}

/// The number of the version in force on `on`, if any: one small indexed read.
pub fn version_in_force(conn: &mut AnyConnection, on: NaiveDate) -> QueryResult<Option<i64>> {
    rule_sets::table
        .filter(rule_sets::effective_from.le(on))
        .order((rule_sets::effective_from.desc(), rule_sets::version.desc()))
        .select(rule_sets::version)
        .first(conn)
        .optional()
}

/// One database's rule sets, parsed, by version: a stored version never changes (the table
/// is append-only), so an entry never goes stale. A permit read asks which version is in
/// force (a few bytes) instead of fetching, comparing and deep-copying its ~20 KB of rules.
/// Each [`crate::api::AppState`] holds its own, as version numbers are per database.
#[derive(Debug, Default)]
pub struct Parsed(Mutex<Vec<(i64, Arc<RuleSet>)>>);

impl Parsed {
    /// The rules in force on `on`, if any.
    pub fn in_force(
        &self,
        conn: &mut AnyConnection,
        on: NaiveDate,
    ) -> QueryResult<Option<Arc<RuleSet>>> {
        match version_in_force(conn, on)? {
            Some(version) => self.version(conn, version),
            None => Ok(None),
        }
    }

    /// The rules of `versions` (each none for none), as read already (an approval reads
    /// them with its other facts, [`super::standing`]): from the kept ones, each read only
    /// the first time.
    pub fn versions(
        &self,
        conn: &mut AnyConnection,
        versions: [Option<i64>; 2],
    ) -> QueryResult<[Option<Arc<RuleSet>>; 2]> {
        let mut rules = |v: Option<i64>| match v {
            Some(v) => self.version(conn, v),
            None => Ok(None),
        };
        Ok([rules(versions[0])?, rules(versions[1])?])
    }

    /// Version `version` parsed: kept, or read and kept (a few are kept, the oldest
    /// forgotten first).
    fn version(&self, conn: &mut AnyConnection, version: i64) -> QueryResult<Option<Arc<RuleSet>>> {
        let kept = |p: &Self| {
            p.0.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .iter()
                .find(|(v, _)| *v == version)
                .map(|(_, r)| r.clone())
        };
        if let Some(rules) = kept(self) {
            return Ok(Some(rules));
        }
        let Some(stored) = get(conn, version)? else {
            return Ok(None);
        };
        let rules = stored.rules;
        let mut all = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if all.len() >= PARSED_KEPT {
            all.remove(0);
        }
        all.push((version, rules.clone()));
        Ok(Some(rules))
    }
}

/// The version in force on `on`, if any.
pub fn in_force(conn: &mut AnyConnection, on: NaiveDate) -> QueryResult<Option<StoredRuleSet>> {
    rule_sets::table
        .filter(rule_sets::effective_from.le(on))
        .order((rule_sets::effective_from.desc(), rule_sets::version.desc()))
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(StoredRuleSet::try_from)
        .transpose()
}

pub fn list(conn: &mut AnyConnection) -> QueryResult<Vec<StoredRuleSet>> {
    rule_sets::table
        .order(rule_sets::version)
        .select(Row::as_select())
        .load(conn)?
        .into_iter()
        .map(StoredRuleSet::try_from)
        .collect()
}

pub fn get(conn: &mut AnyConnection, version: i64) -> QueryResult<Option<StoredRuleSet>> {
    rule_sets::table
        .find(version)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(StoredRuleSet::try_from)
        .transpose()
}

/// Appends a version numbered one above the last; call inside a write transaction.
pub fn insert(
    conn: &mut AnyConnection,
    new: &NewRuleSet,
    now: NaiveDateTime,
    by: &str,
) -> QueryResult<StoredRuleSet> {
    let last: Option<i64> = rule_sets::table
        .select(diesel::dsl::max(rule_sets::version))
        .first(conn)?;
    let row = Row {
        version: last.unwrap_or(0) + 1,
        effective_from: new.effective_from,
        source: new.source.clone(),
        body: serde_json::to_string(&new.rules)
            .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?,
        created_at: now,
        created_by: by.to_owned(),
    };
    diesel::insert_into(rule_sets::table)
        .values((
            rule_sets::version.eq(row.version),
            rule_sets::effective_from.eq(row.effective_from),
            rule_sets::source.eq(&row.source),
            rule_sets::body.eq(&row.body),
            rule_sets::created_at.eq(row.created_at),
            rule_sets::created_by.eq(&row.created_by),
        ))
        .execute(conn)?;
    StoredRuleSet::try_from(row)
}
