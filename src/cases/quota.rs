//! The ministry's quota commands: a year's national quota (Art. 32(4), 7(23)), its split
//! among the regions and transfers during the year (Art. 7(23) with the Art. 6(2) rules:
//! [`DISTRIBUTION`], which their ledger lines cite too). Each writes the quota's rows, their
//! ledger lines and an audit event in the caller's transaction.

pub mod view;

/// A new version of a year's national quota, and a transfer of units, as commands take
/// them.
pub use crate::db::quota::{SetNational, Transfer};
pub use view::ensure_region;

use super::CaseError;
use crate::db::audit::{self, Actor};
use crate::db::quota::{self, NationalQuota, RegionalRow, TransferRow};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::ledger::DISTRIBUTION;
use crate::domain::quota::Pool;
use crate::domain::{Category, RegionCode};

/// Sets a new version of the year's national quota. `expected` is the version the caller
/// read (`If-Match`); `snapshot` renders a version for the history. Returns the quota
/// before (none for the year's first version) and after.
pub fn set_national(
    conn: &mut Conn,
    cmd: &SetNational,
    expected: Option<i64>,
    actor: &Actor,
    snapshot: impl Fn(&NationalQuota) -> Result<String, serde_json::Error>,
) -> Result<(Option<NationalQuota>, NationalQuota), CaseError> {
    let (before, after) = quota::set_national(conn, cmd, expected, actor, snapshot)?;
    audit::record(
        actor,
        audit::Change {
            action: "quota.set",
            entity_type: "national_quota",
            entity_id: cmd.year.to_string(),
            region: None,
            bin: None,
            before: before.as_ref().map(audit::snapshot).transpose()?,
            after: Some(audit::snapshot(&after)?),
            legal_basis: &cite_all(&[ART_7_23, ART_32_4]),
        },
    )?;
    Ok((before, after))
}

/// [`set_national`] with the version's snapshot the year's [`view::NationalQuota`]:
/// returns the quota after, and whether this version created the year.
pub fn set_national_quota(
    conn: &mut Conn,
    cmd: &SetNational,
    expected: Option<i64>,
    actor: &Actor,
) -> Result<(view::NationalQuota, bool), CaseError> {
    let regions = quota::regional(conn, cmd.year, None)?;
    let snapshot =
        |n: &NationalQuota| serde_json::to_string(&view::NationalQuota::new(n, &regions));
    let (before, after) = set_national(conn, cmd, expected, actor, snapshot)?;
    Ok((view::NationalQuota::new(&after, &regions), before.is_none()))
}

/// Sets the region's allocation of each listed category; returns the region's rows
/// before and after.
pub fn set_regional(
    conn: &mut Conn,
    year: i32,
    region: &RegionCode,
    changes: &[(Category, i64)],
    reason: &str,
    actor: &Actor,
) -> Result<(Vec<RegionalRow>, Vec<RegionalRow>), CaseError> {
    ensure_region(conn, region)?;
    let before = quota::regional(conn, year, Some(region.as_str()))?;
    let after = quota::set_regional(conn, year, region, changes, reason, actor)?;
    audit::record(
        actor,
        audit::Change {
            action: "quota.allocated",
            entity_type: "regional_quota",
            entity_id: format!("{year}/{region}"),
            region: Some(region.as_str()),
            bin: None,
            before: Some(audit::snapshot(&RegionSnapshot::new(
                year, region, &before,
            ))?),
            after: Some(audit::snapshot(&RegionSnapshot::new(year, region, &after))?),
            legal_basis: &cite_all(DISTRIBUTION),
        },
    )?;
    Ok((before, after))
}

/// Moves unused units between two regions, or a region and the national reserve; each
/// region concerned gets an audit event it can read.
pub fn transfer(
    conn: &mut Conn,
    t: &Transfer<'_>,
    actor: &Actor,
) -> Result<TransferRow, CaseError> {
    let ends = [("from_region", t.from), ("to_region", t.to)];
    super::known_regions(
        conn,
        ends.into_iter().filter_map(|(field, p)| match p {
            Pool::Region(r) => Some((field.to_owned(), r)),
            Pool::Reserve => None,
        }),
    )?;
    let row = quota::transfer(conn, t, actor)?;
    for p in [t.from, t.to] {
        let region = match p {
            Pool::Region(r) => Some(r.as_str()),
            Pool::Reserve => None,
        };
        audit::record(
            actor,
            audit::Change {
                action: "quota.transferred",
                entity_type: "quota_transfer",
                entity_id: row.id.to_string(),
                region,
                bin: None,
                before: None,
                after: Some(audit::snapshot(&row)?),
                legal_basis: &cite_all(DISTRIBUTION),
            },
        )?;
    }
    Ok(row)
}

/// The ministry's check of a year's ledger on demand: records the outcome (a mismatch
/// refuses the year's writes, a clean check lifts an earlier refusal) and audits it.
pub fn check_ledger(
    conn: &mut Conn,
    year: i32,
    actor: &Actor,
) -> Result<Vec<quota::LedgerMismatch>, CaseError> {
    let found = quota::check_and_record(conn, Some(year), actor.at)?;
    audit::record(
        actor,
        audit::Change {
            action: "quota.ledger_checked",
            entity_type: "national_quota",
            entity_id: year.to_string(),
            region: None,
            bin: None,
            before: None,
            after: Some(audit::snapshot(&serde_json::json!({
                "year": year,
                "sound": found.is_empty(),
                "mismatches": found,
            }))?),
            legal_basis: ART_7_23.cite(),
        },
    )?;
    Ok(found)
}

/// A region's rows of a year as one audited object (the audit trail holds objects).
#[derive(serde::Serialize)]
struct RegionSnapshot<'a> {
    year: i32,
    region: &'a RegionCode,
    categories: &'a [RegionalRow],
}

impl<'a> RegionSnapshot<'a> {
    fn new(year: i32, region: &'a RegionCode, categories: &'a [RegionalRow]) -> Self {
        RegionSnapshot {
            year,
            region,
            categories,
        }
    }
}
