//! The year's quota as read (Art. 32(4), 6(2), 7(23), 9(5)): the national figures with
//! their use across the regions, each region's figures, the transfers, and the ledger
//! fault a read reports. Plain structs the API maps to its wire types and the console
//! renders; the national view is also the snapshot a quota version stores.

use crate::cases::CaseError;
use crate::db::quota::{self as q, NationalQuota as Stored, RegionalRow, TransferRow};
use crate::db::{reference, Conn};
use crate::domain::{Category, Message, RegionCode};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// The year's figures fail their ledger check: the stored figures are not the sums of
/// their ledger lines, so the figures read may be wrong.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerFault {
    /// When the check found it (UTC).
    pub found_at: DateTime<Utc>,
    /// The first row the ledger does not explain.
    pub detail: String,
}

/// The year's ledger fault, if its last check found one.
pub fn ledger_fault(conn: &mut Conn, year: i32) -> Result<Option<LedgerFault>, CaseError> {
    Ok(q::fault(conn, year)?.map(|(detail, at)| LedgerFault {
        found_at: at.and_utc(),
        detail,
    }))
}

/// A region named by a command or a path must exist in the reference data (404).
pub fn ensure_region(conn: &mut Conn, region: &RegionCode) -> Result<(), CaseError> {
    if reference::region_exists(conn, region.as_str())? {
        Ok(())
    } else {
        Err(CaseError::not_found(
            Message::new("not-found-region").text("region", region),
        ))
    }
}

/// 404: the year has no national quota yet.
pub fn no_quota(year: i32) -> CaseError {
    CaseError::not_found(Message::new("not-found-quota-year").arg("year", year))
}

/// The ministry's order that set a version (Art. 7(23)).
#[derive(Debug, Clone, Serialize)]
pub struct Order {
    pub number: String,
    pub date: NaiveDate,
}

/// A category of the national quota with its use across the regions.
#[derive(Debug, Clone, Serialize)]
pub struct NationalCategory {
    pub category: Category,
    /// The national figure.
    pub total: i64,
    /// Allocated to regions.
    pub distributed: i64,
    /// total − distributed: the national reserve.
    pub reserve: i64,
    /// Held by decisions awaiting payment, all regions.
    pub held: i64,
    /// Used by issued permits, all regions.
    pub used: i64,
    /// distributed − held − used.
    pub available: i64,
}

/// A country-of-origin quota and its use (Art. 32(4)(2)).
#[derive(Debug, Clone, Serialize)]
pub struct CountryQuota {
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub total: i64,
    pub held: i64,
    pub used: i64,
    /// total − held − used.
    pub available: i64,
}

/// A year's national quota as it stands; its JSON is the stored snapshot of a version, so
/// its fields and their order are those of the API's `NationalQuotaView`.
#[derive(Debug, Clone, Serialize)]
pub struct NationalQuota {
    pub year: i32,
    /// Version of the quota; also its `ETag`.
    pub version: i64,
    /// Forecast labour force (Art. 1(11)).
    pub labour_force: i64,
    pub labour_force_source: String,
    /// Percentage for permits to employers, decimal (Art. 32(4)(1)).
    pub permit_percent: String,
    /// `permit_percent` of the labour force, rounded down.
    pub permit_total: i64,
    /// Percentage for labour immigrants, decimal (Art. 32(4)(3)).
    pub labour_immigrant_percent: String,
    pub labour_immigrant_total: i64,
    pub order: Order,
    pub categories: Vec<NationalCategory>,
    pub country_quotas: Vec<CountryQuota>,
    /// When the current version was set (UTC).
    pub updated_at: DateTime<Utc>,
    /// Token subject of the ministry user who set it.
    pub updated_by: String,
    pub ledger_fault: Option<LedgerFault>,
}

impl NationalQuota {
    /// The stored quota `n` with the use of its categories summed over `regions`.
    pub fn new(n: &Stored, regions: &[RegionalRow]) -> NationalQuota {
        let h = &n.head;
        let categories = n.categories.iter().map(|c| {
            let of = regions.iter().filter(|r| r.category == c.category);
            let (held, used) = of.fold((0, 0), |(p, u), r| (p + r.held, u + r.used));
            NationalCategory {
                category: c.category,
                total: c.total,
                distributed: c.distributed,
                reserve: c.total - c.distributed,
                held,
                used,
                available: c.distributed - held - used,
            }
        });
        let country_quotas = n.countries.iter().map(|c| CountryQuota {
            country: c.country.to_string(),
            total: c.total,
            held: c.held,
            used: c.used,
            available: c.total - c.held - c.used,
        });
        NationalQuota {
            year: h.year,
            version: h.version,
            labour_force: h.labour_force,
            labour_force_source: h.labour_force_source.clone(),
            permit_percent: h.permit_percent.clone(),
            permit_total: h.permit_total,
            labour_immigrant_percent: h.immigrant_percent.clone(),
            labour_immigrant_total: h.immigrant_total,
            order: Order {
                number: h.order_number.clone(),
                date: h.order_date,
            },
            categories: categories.collect(),
            country_quotas: country_quotas.collect(),
            updated_at: h.updated_at.and_utc(),
            updated_by: h.updated_by.clone(),
            ledger_fault: None,
        }
    }
}

/// Art. 32(4), 7(23): the year's national quota with its use and ledger fault (404 when
/// the year has none).
pub fn national(conn: &mut Conn, year: i32) -> Result<NationalQuota, CaseError> {
    let Some(n) = q::national(conn, year)? else {
        return Err(no_quota(year));
    };
    let regions = q::regional(conn, year, None)?;
    let mut view = NationalQuota::new(&n, &regions);
    view.ledger_fault = ledger_fault(conn, year)?;
    Ok(view)
}

/// A region's figures for one category.
#[derive(Debug, Clone, Serialize)]
pub struct RegionalCategory {
    pub category: Category,
    /// Allocated to the region by the ministry.
    pub allocated: i64,
    /// Held by decisions awaiting payment.
    pub held: i64,
    /// Used by issued permits.
    pub used: i64,
    /// allocated − held − used.
    pub available: i64,
}

/// A region's quota for a year, every category.
#[derive(Debug, Clone, Serialize)]
pub struct RegionalQuota {
    pub year: i32,
    /// ISO 3166-2:KZ.
    pub region: String,
    pub categories: Vec<RegionalCategory>,
    pub ledger_fault: Option<LedgerFault>,
}

/// Each of `regions`' figures of every category from `rows` (zeros where none).
pub fn regional_views(year: i32, regions: &[String], rows: &[RegionalRow]) -> Vec<RegionalQuota> {
    let figures = |region: &str, category: Category| {
        let a = rows
            .iter()
            .find(|r| r.region.as_str() == region && r.category == category)
            .map(RegionalRow::allocation)
            .unwrap_or_default();
        RegionalCategory {
            category,
            allocated: a.allocated,
            held: a.held,
            used: a.used,
            available: a.available(),
        }
    };
    regions
        .iter()
        .map(|region| RegionalQuota {
            year,
            region: region.clone(),
            ledger_fault: None,
            categories: Category::ALL
                .into_iter()
                .map(|c| figures(region, c))
                .collect(),
        })
        .collect()
}

/// One region's figures from its rows.
pub fn regional_view(year: i32, region: &RegionCode, rows: &[RegionalRow]) -> RegionalQuota {
    let mut views = regional_views(year, &[region.as_str().to_owned()], rows);
    views.swap_remove(0)
}

/// Art. 6(2), 7(23), 9(5): every region's figures for the year, or `own` region's only
/// (404 when the year has no quota).
pub fn regions(
    conn: &mut Conn,
    year: i32,
    own: Option<&RegionCode>,
) -> Result<Vec<RegionalQuota>, CaseError> {
    if q::national(conn, year)?.is_none() {
        return Err(no_quota(year));
    }
    let codes: Vec<String> = match own {
        Some(r) => vec![r.as_str().to_owned()],
        None => reference::regions(conn)?
            .into_iter()
            .map(|r| r.code)
            .collect(),
    };
    let rows = q::regional(conn, year, own.map(RegionCode::as_str))?;
    let fault = ledger_fault(conn, year)?;
    let mut views = regional_views(year, &codes, &rows);
    for v in &mut views {
        v.ledger_fault.clone_from(&fault);
    }
    Ok(views)
}

/// One region's figures for the year. One statement, outside a transaction, in the common
/// case: the schema's foreign keys make a region's rows proof that the region and the
/// year's national quota exist. Only a region without rows needs the checks, in one read
/// transaction, that tell a missing region or year (404) from a region not yet allocated
/// anything (zeros).
pub fn region(conn: &mut Conn, year: i32, region: &RegionCode) -> Result<RegionalQuota, CaseError> {
    let rows = q::regional_of(conn, year, region.as_str())?;
    if !rows.is_empty() {
        let mut view = regional_view(year, region, &rows);
        view.ledger_fault = ledger_fault(conn, year)?;
        return Ok(view);
    }
    crate::db::read_tx(conn, |c| {
        ensure_region(c, region)?;
        if q::national(c, year)?.is_none() {
            return Err(no_quota(year));
        }
        let rows = q::regional_of(c, year, region.as_str())?;
        let mut view = regional_view(year, region, &rows);
        view.ledger_fault = ledger_fault(c, year)?;
        Ok(view)
    })
}

/// A redistribution of quota during the year.
#[derive(Debug, Clone, Serialize)]
pub struct Transfer {
    pub id: i64,
    pub year: i32,
    pub category: Category,
    /// `None`: the national reserve.
    pub from_region: Option<String>,
    /// `None`: the national reserve.
    pub to_region: Option<String>,
    /// Units (workers) moved.
    pub units: i64,
    pub reason: String,
    /// When (UTC).
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

impl From<TransferRow> for Transfer {
    fn from(t: TransferRow) -> Self {
        Transfer {
            id: t.id,
            year: t.year,
            category: t.category,
            from_region: t.from_region,
            to_region: t.to_region,
            units: t.units,
            reason: t.reason,
            created_at: t.created_at.and_utc(),
            created_by: t.created_by,
        }
    }
}

/// Art. 7(23): the year's transfers, oldest first, from or to `region` when given: at most
/// `limit` after the transfer `after_id`.
pub fn transfers(
    conn: &mut Conn,
    year: i32,
    region: Option<&RegionCode>,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Transfer>, CaseError> {
    let rows = q::transfers(conn, year, region.map(RegionCode::as_str), after_id, limit)?;
    Ok(rows.into_iter().map(Transfer::from).collect())
}

/// One line of the quota ledger, as stored: a region's figures are the sums of its lines.
pub use crate::db::quota::LedgerRow as LedgerLine;

/// The ledger behind the year's figures, oldest first, of one region and category when
/// given: at most `limit` lines after the line `after_id`.
pub fn ledger(
    conn: &mut Conn,
    year: i32,
    region: Option<&RegionCode>,
    category: Option<Category>,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<LedgerLine>, CaseError> {
    let region = region.map(RegionCode::as_str);
    Ok(q::ledger(conn, year, region, category, after_id, limit)?)
}

/// One stored version of a year's national quota: its snapshot is a [`NationalQuota`] as
/// JSON.
pub use crate::db::quota::VersionRow as Version;

/// Art. 7(23): every version of the year's national quota, oldest first (404 when none).
pub fn versions(conn: &mut Conn, year: i32) -> Result<Vec<Version>, CaseError> {
    let rows = q::national_versions(conn, year)?;
    if rows.is_empty() {
        return Err(no_quota(year));
    }
    Ok(rows)
}
