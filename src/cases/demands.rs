//! Quota demand (Art. 32(5), with the Government's quota rules under Art. 6(2)): an
//! employer files it; the akimat of its region reviews it once.

use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::demands::{self, DemandRow};
use crate::db::{rulesets, Conn};
use crate::domain::article::*;
use crate::domain::demand::{self, DemandDecision};
use crate::domain::{quota, Category, EmployerId, Message, RegionCode, Violation};
use chrono::NaiveDate;

/// A demand as stored, and the filter of a listing.
pub use crate::db::demands::{DemandRow as Demand, Filter};

/// Art. 32(5): the demands `filter` selects, by id.
pub fn list(conn: &mut Conn, filter: &Filter) -> Result<Vec<Demand>, CaseError> {
    Ok(demands::list(conn, filter)?)
}

/// A demand as the employer files it.
#[derive(Debug, Clone)]
pub struct FileDemand {
    pub year: i32,
    pub region: RegionCode,
    pub bin: EmployerId,
    pub category: Category,
    pub profession: String,
    pub number: i64,
    pub justification: String,
}

/// Files a demand: within the filing window of the rule set in force `today`
/// (Art. 32(5), 6(2)); seasonal demand names a profession on the seasonal list
/// (Art. 7(21-1)).
pub fn file(
    conn: &mut Conn,
    cmd: &FileDemand,
    today: NaiveDate,
    actor: &Actor,
) -> Result<DemandRow, CaseError> {
    super::known_regions(conn, [("region".to_owned(), &cmd.region)])?;
    let rule_set = rulesets::in_force(conn, today)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
        })?
        .rules;
    let mut violations: Vec<Violation> = rule_set
        .check_demand_filing(cmd.year, today)
        .into_iter()
        .collect();
    violations.extend(quota::check_seasonal_profession(
        cmd.category,
        &cmd.profession,
        &rule_set.lists.seasonal_professions,
    ));
    if !violations.is_empty() {
        return Err(CaseError::rules(violations));
    }
    let row = demands::file(
        conn,
        &demands::NewDemand {
            year: cmd.year,
            region: &cmd.region,
            bin: &cmd.bin,
            category: cmd.category,
            profession: &cmd.profession,
            number: cmd.number,
            justification: &cmd.justification,
        },
        actor,
    )?;
    audit::record(
        actor,
        audit::Change {
            action: "quota_demand.filed",
            entity_type: "quota_demand",
            entity_id: row.id.to_string(),
            region: Some(row.region.as_str()),
            bin: Some(row.bin.as_str()),
            before: None,
            after: Some(audit::snapshot(&row)?),
            legal_basis: ART_32_5.cite(),
        },
    )?;
    Ok(row)
}

/// Loads a demand and lets `access` decide on its region and employer before anything of
/// it is revealed: a missing demand and another's answer alike.
pub fn load<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
) -> Result<DemandRow, E> {
    let row = demands::get(conn, id)
        .map_err(CaseError::from)?
        .ok_or_else(|| CaseError::not_found(Message::new("not-found-case")))?;
    access(&row.region, &row.bin)?;
    Ok(row)
}

/// An akimat's review of a demand.
#[derive(Debug, Clone)]
pub struct Review {
    pub decision: DemandDecision,
    pub accepted_number: Option<i64>,
    pub reason: Option<String>,
    /// The version the reviewer read (`If-Match`), if it sent one.
    pub expected_version: Option<i64>,
}

/// Reviews a demand once, while it is filed (Art. 32(5), 6(2)); a reduction and a
/// rejection state their reason (the service's rule).
pub fn review<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Review,
    access: impl FnOnce(&RegionCode, &EmployerId) -> Result<(), E>,
    actor: &Actor,
) -> Result<(DemandRow, DemandRow), E> {
    let row = load(conn, id, access)?;
    if let Some(expected) = cmd.expected_version {
        if expected != row.version {
            return Err(CaseError::Refused(crate::domain::Refusal::Stale {
                current: row.version,
            })
            .into());
        }
    }
    let outcome = demand::review(
        row.status,
        cmd.decision,
        row.number,
        cmd.accepted_number,
        cmd.reason.as_deref(),
    )
    .map_err(|t| CaseError::Refused(t.into()))?
    .map_err(CaseError::from)?;
    let updated = demands::review(
        conn,
        id,
        row.status,
        row.version,
        outcome,
        cmd.reason.as_deref(),
        actor,
    )
    .map_err(CaseError::from)?
    .ok_or_else(|| {
        CaseError::conflict(
            "changed-concurrently",
            Message::new("conflict-demand-changed").text("id", id),
        )
    })?;
    audit::record(
        actor,
        audit::Change {
            action: "quota_demand.reviewed",
            entity_type: "quota_demand",
            entity_id: id.to_string(),
            region: Some(updated.region.as_str()),
            bin: Some(updated.bin.as_str()),
            before: Some(audit::snapshot(&row)?),
            after: Some(audit::snapshot(&updated)?),
            legal_basis: &cite_all(&[ART_32_5, ART_6_2]),
        },
    )
    .map_err(CaseError::from)?;
    Ok((row, updated))
}
