//! The ministry's statistics (Art. 36, 37(4)) as plain reports: quota utilization and its
//! use by month, permits by measure, the akimats' decision times and fees, read from the
//! counters the commands keep (`cases::statistics`), never by scanning the permits; and the
//! certificates and ICT permits of a year. Each report has its tabular form (CSV, XLSX).

use super::export::{opt, text, Cell, Table, Tabular};
use crate::cases::CaseError;
use crate::db::statistics::{self as stats, StatRow};
use crate::db::{quota, Conn};
use crate::domain::statistics::{percentile, Measure};
use crate::domain::{Category, RegionCode};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The permit measures the permits report counts, in the order a request may name them.
pub const PERMIT_MEASURES: [Measure; 9] = [
    Measure::Applied,
    Measure::ExtensionApplied,
    Measure::Issued,
    Measure::Extended,
    Measure::Refused,
    Measure::RefusedGround,
    Measure::Revoked,
    Measure::Returned,
    Measure::Lapsed,
];

fn region_of(region: Option<&RegionCode>) -> Option<&str> {
    region.map(RegionCode::as_str)
}

/// A region's figures of one category for the year.
pub struct UtilizationLine {
    pub year: i32,
    pub region: String,
    pub category: Category,
    pub allocated: i64,
    /// Held by decisions awaiting payment.
    pub pending: i64,
    pub used: i64,
    /// allocated − pending − used.
    pub available: i64,
}

/// Quota utilization: year × region × category.
pub struct Utilization {
    pub year: i32,
    pub rows: Vec<UtilizationLine>,
}

/// Art. 36: the year's quota by region (one region's when given) and category: allocated,
/// pending, used and available.
pub fn utilization(
    conn: &mut Conn,
    year: i32,
    region: Option<&RegionCode>,
) -> Result<Utilization, CaseError> {
    let rows = quota::regional(conn, year, region_of(region))?
        .into_iter()
        .map(|r| {
            let a = r.allocation();
            UtilizationLine {
                year,
                region: r.region.as_str().to_owned(),
                category: r.category,
                allocated: a.allocated,
                pending: a.held,
                used: a.used,
                available: a.available(),
            }
        })
        .collect();
    Ok(Utilization { year, rows })
}

impl Tabular for Utilization {
    fn table(&self) -> Table {
        Table {
            sheet: "quota utilization",
            columns: &[
                "year",
                "region",
                "category",
                "allocated",
                "pending",
                "used",
                "available",
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Int(i64::from(r.year)),
                        text(&r.region),
                        text(r.category.code()),
                        Cell::Int(r.allocated),
                        Cell::Int(r.pending),
                        Cell::Int(r.used),
                        Cell::Int(r.available),
                    ]
                })
                .collect(),
        }
    }
}

/// Use of a region's quota of one category in one month.
pub struct MonthlyUseLine {
    pub year: i32,
    pub region: String,
    pub category: Category,
    /// `YYYY-MM`.
    pub month: String,
    /// Workers whose permits (and extensions) were issued in the month: units used.
    pub issued: i64,
    /// Workers whose issued permits were revoked or returned in the month.
    pub released: i64,
    /// The running sum of issued − released at the end of the month.
    pub used_to_date: i64,
}

/// Use of the quota over time, by month.
pub struct MonthlyUse {
    pub year: i32,
    pub rows: Vec<MonthlyUseLine>,
}

/// Art. 36: per region, category and month with any movement, the units used and given
/// back, and the units used to date.
pub fn monthly_use(
    conn: &mut Conn,
    year: i32,
    region: Option<&RegionCode>,
) -> Result<MonthlyUse, CaseError> {
    let months = stats::monthly_use(conn, year, region_of(region))?;
    let mut cells: BTreeMap<(String, Category, String), (i64, i64)> = BTreeMap::new();
    for m in months {
        let e = cells.entry((m.region, m.category, m.month)).or_default();
        match m.measure {
            Measure::QuotaUsed => e.0 += m.figures.workers,
            _ => e.1 += m.figures.workers,
        }
    }
    let mut rows = Vec::new();
    let mut running: BTreeMap<(String, Category), i64> = BTreeMap::new();
    for ((region, category, month), (issued, released)) in cells {
        let r = running.entry((region.clone(), category)).or_default();
        *r += issued - released;
        rows.push(MonthlyUseLine {
            year,
            region,
            category,
            month,
            issued,
            released,
            used_to_date: *r,
        });
    }
    Ok(MonthlyUse { year, rows })
}

impl Tabular for MonthlyUse {
    fn table(&self) -> Table {
        Table {
            sheet: "quota use by month",
            columns: &[
                "year",
                "region",
                "category",
                "month",
                "issued",
                "released",
                "used_to_date",
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Int(i64::from(r.year)),
                        text(&r.region),
                        text(r.category.code()),
                        text(&r.month),
                        Cell::Int(r.issued),
                        Cell::Int(r.released),
                        Cell::Int(r.used_to_date),
                    ]
                })
                .collect(),
        }
    }
}

/// Permits of one measure, ground, region, category, sector and country.
pub struct PermitCountLine {
    pub year: i32,
    /// One of [`PERMIT_MEASURES`].
    pub measure: Measure,
    pub ground: String,
    pub region: String,
    pub category: Category,
    pub sector: String,
    pub country: String,
    pub permits: i64,
    pub workers: i64,
}

/// Permits issued, extended, refused, revoked, returned and lapsed in a quota year.
pub struct PermitCounts {
    pub year: i32,
    pub rows: Vec<PermitCountLine>,
}

/// Art. 36, 37(4): the permits of `measure` (every permit measure when `None`) by ground,
/// region, category, sector and country.
pub fn permits(
    conn: &mut Conn,
    year: i32,
    region: Option<&RegionCode>,
    measure: Option<Measure>,
) -> Result<PermitCounts, CaseError> {
    let measures: Vec<Measure> = match measure {
        Some(m) => vec![m],
        None => PERMIT_MEASURES.to_vec(),
    };
    let rows = stats::summed(conn, year, &measures, region_of(region), false, true)?
        .into_iter()
        .map(|r| PermitCountLine {
            year,
            measure: r.measure,
            ground: r.ground,
            region: r.region,
            category: r.category,
            sector: r.sector,
            country: r.country,
            permits: r.figures.permits,
            workers: r.figures.workers,
        })
        .collect();
    Ok(PermitCounts { year, rows })
}

impl Tabular for PermitCounts {
    fn table(&self) -> Table {
        Table {
            sheet: "permits",
            columns: &[
                "year", "measure", "ground", "region", "category", "sector", "country", "permits",
                "workers",
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Int(i64::from(r.year)),
                        text(r.measure.as_str()),
                        text(&r.ground),
                        text(&r.region),
                        text(r.category.code()),
                        text(&r.sector),
                        text(&r.country),
                        Cell::Int(r.permits),
                        Cell::Int(r.workers),
                    ]
                })
                .collect(),
        }
    }
}

/// A region's akimat's decision times.
pub struct DecisionTimesLine {
    pub year: i32,
    pub region: String,
    /// Decisions taken (approvals and refusals).
    pub decisions: i64,
    /// Median calendar days from filing to the decision.
    pub median_days: Option<i64>,
    /// 90th percentile of the same (nearest rank).
    pub p90_days: Option<i64>,
    /// Decisions taken after their deadline.
    pub overdue: i64,
}

/// The akimats' decision times against the deadline.
pub struct DecisionTimes {
    pub year: i32,
    pub rows: Vec<DecisionTimesLine>,
}

/// Art. 36: per region, the decisions taken, the median and 90th percentile of the days
/// they took, and those taken after their deadline.
pub fn decision_times(
    conn: &mut Conn,
    year: i32,
    region: Option<&RegionCode>,
) -> Result<DecisionTimes, CaseError> {
    let measures = [Measure::Decided, Measure::DecidedLate];
    let found: Vec<StatRow> =
        stats::summed(conn, year, &measures, region_of(region), false, false)?;
    // Summed over categories: (histogram of days, overdue) per region.
    let mut by_region: BTreeMap<String, (BTreeMap<i64, i64>, i64)> = BTreeMap::new();
    for r in found {
        let e = by_region.entry(r.region).or_default();
        // A decision's row always has its days (the table's CHECK constraint).
        match (r.measure, r.days) {
            (Measure::Decided, Some(days)) => *e.0.entry(days).or_default() += r.figures.permits,
            (Measure::DecidedLate, _) => e.1 += r.figures.permits,
            _ => {}
        }
    }
    let rows = by_region
        .into_iter()
        .map(|(region, (hist, overdue))| {
            let h: Vec<(i64, i64)> = hist.into_iter().collect();
            DecisionTimesLine {
                year,
                region,
                decisions: h.iter().map(|(_, n)| n).sum(),
                median_days: percentile(&h, 50),
                p90_days: percentile(&h, 90),
                overdue,
            }
        })
        .collect();
    Ok(DecisionTimes { year, rows })
}

impl Tabular for DecisionTimes {
    fn table(&self) -> Table {
        Table {
            sheet: "decision times",
            columns: &[
                "year",
                "region",
                "decisions",
                "median_days",
                "p90_days",
                "overdue",
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Int(i64::from(r.year)),
                        text(&r.region),
                        Cell::Int(r.decisions),
                        opt(r.median_days),
                        opt(r.p90_days),
                        Cell::Int(r.overdue),
                    ]
                })
                .collect(),
        }
    }
}

/// Fees of one region's budget in one calendar year.
pub struct FeeLine {
    pub year: i32,
    pub region: String,
    /// The calendar year of the assessment or payment.
    pub budget_year: i32,
    pub permits_assessed: i64,
    /// MRP (rate × workers).
    pub assessed_mrp: i64,
    pub payments: i64,
    /// Tiyn (1/100 tenge).
    pub paid_tiyn: i64,
}

/// Fees assessed and paid per region's budget and year.
pub struct Fees {
    pub year: i32,
    pub rows: Vec<FeeLine>,
}

/// Art. 33(4): the fees assessed and paid per region's budget and calendar year.
pub fn fees(conn: &mut Conn, year: i32, region: Option<&RegionCode>) -> Result<Fees, CaseError> {
    let measures = [Measure::FeeAssessed, Measure::FeePaid];
    let found = stats::summed(conn, year, &measures, region_of(region), true, false)?;
    let mut cells: BTreeMap<(String, i32), [i64; 4]> = BTreeMap::new();
    for r in found {
        let budget_year = r.month_year()?;
        let e = cells.entry((r.region, budget_year)).or_default();
        if r.measure == Measure::FeeAssessed {
            e[0] += r.figures.permits;
            e[1] += r.figures.amount;
        } else {
            e[2] += r.figures.permits;
            e[3] += r.figures.amount;
        }
    }
    let rows = cells
        .into_iter()
        .map(|((region, budget_year), f)| FeeLine {
            year,
            region,
            budget_year,
            permits_assessed: f[0],
            assessed_mrp: f[1],
            payments: f[2],
            paid_tiyn: f[3],
        })
        .collect();
    Ok(Fees { year, rows })
}

impl Tabular for Fees {
    fn table(&self) -> Table {
        Table {
            sheet: "fees",
            columns: &[
                "year",
                "region",
                "budget_year",
                "permits_assessed",
                "assessed_mrp",
                "payments",
                "paid_tiyn",
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Int(i64::from(r.year)),
                        text(&r.region),
                        Cell::Int(i64::from(r.budget_year)),
                        Cell::Int(r.permits_assessed),
                        Cell::Int(r.assessed_mrp),
                        Cell::Int(r.payments),
                        Cell::Int(r.paid_tiyn),
                    ]
                })
                .collect(),
        }
    }
}

/// Certificates or ICT permits of one region, sector, country and state.
pub struct OtherLine {
    pub year: i32,
    /// `certificate` or `ict`.
    pub kind: &'static str,
    pub region: String,
    pub sector: String,
    pub country: String,
    /// The case's state as stored.
    pub status: &'static str,
    pub cases: i64,
    pub workers: i64,
    pub late_notices: i64,
    pub missing_notices: i64,
}

/// Certificates and ICT permits of a year.
pub struct Others {
    pub year: i32,
    pub rows: Vec<OtherLine>,
}

/// Art. 34, 35(3), 36: the certificates and ICT permits applied for in `year` by region,
/// sector, country and state, with the ICT arrival notices late and missing as of `today`.
pub fn certificates_and_ict(
    conn: &mut Conn,
    year: i32,
    region: Option<&RegionCode>,
    today: NaiveDate,
) -> Result<Others, CaseError> {
    let found = crate::cases::statistics::certificates_and_ict(conn, year, region, today)?;
    let rows = found
        .into_iter()
        .map(|((kind, region, sector, country, status), f)| OtherLine {
            year,
            kind,
            region,
            sector,
            country,
            status,
            cases: f.cases,
            workers: f.workers,
            late_notices: f.late_notices,
            missing_notices: f.missing_notices,
        })
        .collect();
    Ok(Others { year, rows })
}

impl Tabular for Others {
    fn table(&self) -> Table {
        Table {
            sheet: "certificates and ict",
            columns: &[
                "year",
                "kind",
                "region",
                "sector",
                "country",
                "status",
                "cases",
                "workers",
                "late_notices",
                "missing_notices",
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Int(i64::from(r.year)),
                        text(r.kind),
                        text(&r.region),
                        text(&r.sector),
                        text(&r.country),
                        text(r.status),
                        Cell::Int(r.cases),
                        Cell::Int(r.workers),
                        Cell::Int(r.late_notices),
                        Cell::Int(r.missing_notices),
                    ]
                })
                .collect(),
        }
    }
}
