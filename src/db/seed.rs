//! First-start seeding of reference data and the first rule set from `config/seed/`.

use super::reference::{Country, Region, Sector};
use super::schema::{countries, regions, rule_sets, sectors};
use super::{audit, rulesets, write_tx, AnyConnection, SetupError};
use crate::domain::article::cite_all;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::de::DeserializeOwned;
use std::path::Path;

fn read<T: DeserializeOwned>(dir: &Path, file: &str) -> Result<T, SetupError> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| SetupError::Seed(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| SetupError::Seed(format!("{}: {e}", path.display())))
}

/// The regions of the reference data, as `regions.json` in `dir` seeds them.
pub fn regions(dir: &Path) -> Result<Vec<Region>, SetupError> {
    read(dir, "regions.json")
}

/// One statutory violation of the seed for the start-up log: its field, value, code and
/// article, e.g. `rules.business_trips.max_days_per_calendar_year = 120
/// (statutory-limit-exceeded, Art. 33(3))`.
fn statutory_line(v: &crate::domain::Violation) -> String {
    let figure = |name: &str| v.get(name).map(ToString::to_string).unwrap_or_default();
    format!(
        "{} = {} ({}, {})",
        figure("field"),
        v.get("value")
            .map(ToString::to_string)
            .unwrap_or_else(|| format!("not {}", figure("required"))),
        v.code,
        v.article.as_deref().unwrap_or("the service's own rule"),
    )
}

/// Loads each seed file into its table if the table is empty; a no-op on later starts.
pub fn run(conn: &mut AnyConnection, dir: &Path, now: NaiveDateTime) -> Result<(), SetupError> {
    let regions = regions(dir)?;
    let countries: Vec<Country> = read(dir, "countries.json")?;
    let sectors: Vec<Sector> = read(dir, "sectors.json")?;
    let first_rules: rulesets::NewRuleSet = read(dir, "rule-set.json")?;
    let problems = first_rules.rules.problems();
    if let Some(p) = problems.first() {
        return Err(SetupError::Seed(format!(
            "rule-set.json: {}: {}",
            p.field,
            crate::i18n::Lang::En.text(&p.message)
        )));
    }
    // The seed is a rule set like any published one: beyond the law it does not load.
    let beyond_the_law = first_rules.rules.statutory_violations();
    if !beyond_the_law.is_empty() {
        let each: Vec<String> = beyond_the_law.iter().map(statutory_line).collect();
        return Err(SetupError::Seed(format!(
            "rule-set.json is not within Law 482-V: {}",
            each.join("; ")
        )));
    }
    write_tx(conn, |conn| {
        if regions::table.count().get_result::<i64>(conn)? == 0 {
            for r in &regions {
                diesel::insert_into(regions::table)
                    .values(r)
                    .execute(conn)?;
            }
        }
        if countries::table.count().get_result::<i64>(conn)? == 0 {
            for c in &countries {
                diesel::insert_into(countries::table)
                    .values(c)
                    .execute(conn)?;
            }
        }
        if sectors::table.count().get_result::<i64>(conn)? == 0 {
            for s in &sectors {
                diesel::insert_into(sectors::table)
                    .values(s)
                    .execute(conn)?;
            }
        }
        if rule_sets::table.count().get_result::<i64>(conn)? == 0 {
            let stored = rulesets::insert(conn, &first_rules, now, "seed")?;
            let actor = audit::Actor {
                sub: "seed".into(),
                role: "system",
                request_id: "start-up".into(),
                at: now,
            };
            audit::record(
                &actor,
                audit::Change {
                    action: "rule_set.published",
                    entity_type: "rule_set",
                    entity_id: stored.version.to_string(),
                    region: None,
                    bin: None,
                    before: None,
                    after: Some(serde_json::json!({
                        "version": stored.version,
                        "effective_from": stored.effective_from,
                        "source": stored.source,
                    })),
                    legal_basis: &cite_all(&first_rules.rules.publication_basis(None)),
                },
            )?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .map_err(|e| SetupError::Seed(e.to_string()))
}
