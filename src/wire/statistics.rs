//! The wire types of `src/api/statistics.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::reports::statistics as reports;
use crate::domain::statistics::Measure;
use crate::domain::Category;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The region a report is narrowed to.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}

/// A region's figures of one category for the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UtilizationRow {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// Worker category.
    pub category: Category,
    /// Allocated to the region by the ministry.
    #[schema(example = 500)]
    pub allocated: i64,
    /// Held by decisions awaiting payment.
    #[schema(example = 12)]
    pub pending: i64,
    /// Used by issued permits.
    #[schema(example = 300)]
    pub used: i64,
    /// allocated − pending − used.
    #[schema(example = 188)]
    pub available: i64,
}

/// Quota utilization: year × region × category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UtilizationReport {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// One row per region and category with an allocation.
    pub rows: Vec<UtilizationRow>,
}

/// Use of a region's quota of one category in one month.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MonthlyUseRow {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// Worker category.
    pub category: Category,
    /// The month, `YYYY-MM`.
    #[schema(example = "2026-03")]
    pub month: String,
    /// Workers whose permits (and extensions) were issued in the month: units used.
    #[schema(example = 40)]
    pub issued: i64,
    /// Workers whose issued permits were revoked or returned in the month: units given back.
    #[schema(example = 2)]
    pub released: i64,
    /// Units used at the end of the month: the running sum of issued − released.
    #[schema(example = 120)]
    pub used_to_date: i64,
}

/// Use of the quota over time, by month.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MonthlyUseReport {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// Per region, category and month with any movement, in that order.
    pub rows: Vec<MonthlyUseRow>,
}

impl From<reports::Utilization> for UtilizationReport {
    fn from(r: reports::Utilization) -> Self {
        let rows = r.rows.into_iter().map(|l| UtilizationRow {
            year: l.year,
            region: l.region,
            category: l.category,
            allocated: l.allocated,
            pending: l.pending,
            used: l.used,
            available: l.available,
        });
        UtilizationReport {
            year: r.year,
            rows: rows.collect(),
        }
    }
}

impl From<reports::MonthlyUse> for MonthlyUseReport {
    fn from(r: reports::MonthlyUse) -> Self {
        let rows = r.rows.into_iter().map(|l| MonthlyUseRow {
            year: l.year,
            region: l.region,
            category: l.category,
            month: l.month,
            issued: l.issued,
            released: l.released,
            used_to_date: l.used_to_date,
        });
        MonthlyUseReport {
            year: r.year,
            rows: rows.collect(),
        }
    }
}

/// What the permits report counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PermitMeasure {
    /// Applications filed.
    Applied,
    /// Extensions applied for.
    ExtensionApplied,
    /// Permits issued (the fee paid to every region).
    Issued,
    /// Extensions issued.
    Extended,
    /// Applications refused (one row per refusing region).
    Refused,
    /// Refusals by ground (a refusal on two grounds counts under each).
    RefusedGround,
    /// Permits revoked, by ground.
    Revoked,
    /// Permits returned by the employer.
    Returned,
    /// Permits lapsed for an unpaid fee.
    Lapsed,
}

impl From<PermitMeasure> for Measure {
    fn from(m: PermitMeasure) -> Measure {
        match m {
            PermitMeasure::Applied => Measure::Applied,
            PermitMeasure::ExtensionApplied => Measure::ExtensionApplied,
            PermitMeasure::Issued => Measure::Issued,
            PermitMeasure::Extended => Measure::Extended,
            PermitMeasure::Refused => Measure::Refused,
            PermitMeasure::RefusedGround => Measure::RefusedGround,
            PermitMeasure::Revoked => Measure::Revoked,
            PermitMeasure::Returned => Measure::Returned,
            PermitMeasure::Lapsed => Measure::Lapsed,
        }
    }
}

impl PermitMeasure {
    /// The wire form of a counter's measure; `None` for one the permits report never
    /// reads (quota use, fees, decisions).
    pub(crate) fn of(m: Measure) -> Option<PermitMeasure> {
        Some(match m {
            Measure::Applied => PermitMeasure::Applied,
            Measure::ExtensionApplied => PermitMeasure::ExtensionApplied,
            Measure::Issued => PermitMeasure::Issued,
            Measure::Extended => PermitMeasure::Extended,
            Measure::Refused => PermitMeasure::Refused,
            Measure::RefusedGround => PermitMeasure::RefusedGround,
            Measure::Revoked => PermitMeasure::Revoked,
            Measure::Returned => PermitMeasure::Returned,
            Measure::Lapsed => PermitMeasure::Lapsed,
            Measure::QuotaUsed
            | Measure::QuotaReleased
            | Measure::FeeAssessed
            | Measure::FeePaid
            | Measure::Decided
            | Measure::DecidedLate => return None,
        })
    }
}

/// Filters of the permits report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PermitStatsQuery {
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only this measure.
    pub measure: Option<PermitMeasure>,
}

/// Permits of one measure, ground, region, category, sector and country.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PermitStatsRow {
    /// The quota year the permits draw on.
    #[schema(example = 2026)]
    pub year: i32,
    /// What is counted.
    pub measure: PermitMeasure,
    /// The refusal or revocation ground's code (rule set's list); empty for other measures.
    #[schema(example = "")]
    pub ground: String,
    /// ISO 3166-2:KZ code of the region (a permit naming two regions counts in each).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// Worker category.
    pub category: Category,
    /// The employer's OKED section when it applied (empty: no profile).
    #[schema(example = "F")]
    pub sector: String,
    /// The workers' citizenship (ISO 3166-1 alpha-3); a permit with workers of two
    /// countries counts once in each.
    #[schema(example = "TUR")]
    pub country: String,
    /// Permits.
    #[schema(example = 3)]
    pub permits: i64,
    /// Foreign workers on them who need a permit.
    #[schema(example = 7)]
    pub workers: i64,
}

/// Permits issued, extended, refused, revoked, returned and lapsed in a quota year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PermitStatsReport {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// By measure, ground, region, category, sector and country.
    pub rows: Vec<PermitStatsRow>,
}

impl From<reports::PermitCounts> for PermitStatsReport {
    fn from(r: reports::PermitCounts) -> Self {
        let rows = r.rows.into_iter().filter_map(|l| {
            Some(PermitStatsRow {
                year: l.year,
                measure: PermitMeasure::of(l.measure)?,
                ground: l.ground,
                region: l.region,
                category: l.category,
                sector: l.sector,
                country: l.country,
                permits: l.permits,
                workers: l.workers,
            })
        });
        PermitStatsReport {
            year: r.year,
            rows: rows.collect(),
        }
    }
}

/// A region's akimat's decision times.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionTimesRow {
    /// The quota year of the permits decided.
    #[schema(example = 2026)]
    pub year: i32,
    /// ISO 3166-2:KZ code of the region whose akimat decided.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// Decisions taken (approvals and refusals).
    #[schema(example = 40)]
    pub decisions: i64,
    /// Median calendar days from filing to the decision.
    #[schema(example = 4)]
    pub median_days: Option<i64>,
    /// 90th percentile of the same (nearest rank).
    #[schema(example = 9)]
    pub p90_days: Option<i64>,
    /// Decisions taken after their deadline (the rule set's working days from filing).
    #[schema(example = 1)]
    pub overdue: i64,
}

/// The akimats' decision times against the deadline (Art. 36).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionTimesReport {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// One row per region with decisions.
    pub rows: Vec<DecisionTimesRow>,
}

impl From<reports::DecisionTimes> for DecisionTimesReport {
    fn from(r: reports::DecisionTimes) -> Self {
        let rows = r.rows.into_iter().map(|l| DecisionTimesRow {
            year: l.year,
            region: l.region,
            decisions: l.decisions,
            median_days: l.median_days,
            p90_days: l.p90_days,
            overdue: l.overdue,
        });
        DecisionTimesReport {
            year: r.year,
            rows: rows.collect(),
        }
    }
}

/// Fees of one region's budget in one calendar year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeRow {
    /// The quota year of the permits.
    #[schema(example = 2026)]
    pub year: i32,
    /// ISO 3166-2:KZ code of the region whose budget the fee is paid to (Art. 33(4)).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The calendar year of the assessment or payment (the budget year).
    #[schema(example = 2026)]
    pub budget_year: i32,
    /// Permits whose fee was assessed (every named region approved).
    #[schema(example = 10)]
    pub permits_assessed: i64,
    /// The fees assessed, in MRP (rate × workers; priced in tenge at the payment date).
    #[schema(example = 2240)]
    pub assessed_mrp: i64,
    /// Payments received.
    #[schema(example = 9)]
    pub payments: i64,
    /// Paid, in tiyn (1/100 tenge).
    #[schema(example = 968800000)]
    pub paid_tiyn: i64,
}

/// Fees assessed and paid per region's budget and year (Art. 33(4)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeReport {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// Per region and budget year.
    pub rows: Vec<FeeRow>,
}

impl From<reports::Fees> for FeeReport {
    fn from(r: reports::Fees) -> Self {
        let rows = r.rows.into_iter().map(|l| FeeRow {
            year: l.year,
            region: l.region,
            budget_year: l.budget_year,
            permits_assessed: l.permits_assessed,
            assessed_mrp: l.assessed_mrp,
            payments: l.payments,
            paid_tiyn: l.paid_tiyn,
        });
        FeeReport {
            year: r.year,
            rows: rows.collect(),
        }
    }
}

/// Certificates or ICT permits of one region, sector, country and state.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OtherStatsRow {
    /// The year the cases were applied for in.
    #[schema(example = 2026)]
    pub year: i32,
    /// `certificate` (self-employment, Art. 34) or `ict` (intra-corporate transfer, Art. 35).
    #[schema(example = "ict", max_length = 11)]
    pub kind: String,
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The ICT employer's OKED section on the application date; empty for certificates.
    #[schema(example = "B")]
    pub sector: String,
    /// The holder's or the worker's citizenship (ISO 3166-1 alpha-3).
    #[schema(example = "TUR")]
    pub country: String,
    /// The case's state as stored (e.g. `issued`, `refused`).
    #[schema(example = "issued")]
    pub status: String,
    /// Certificates, or ICT permits with workers of the country.
    #[schema(example = 2)]
    pub cases: i64,
    /// Holders, or ICT workers of the country.
    #[schema(example = 5)]
    pub workers: i64,
    /// ICT arrival notices given after the ten days (Art. 35(3)).
    #[schema(example = 1)]
    pub late_notices: i64,
    /// ICT workers whose arrival notice is missing past the ten days (Art. 35(3)).
    #[schema(example = 0)]
    pub missing_notices: i64,
}

/// Certificates and ICT permits of a year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OtherStatsReport {
    /// The year of application.
    #[schema(example = 2026)]
    pub year: i32,
    /// By kind, region, sector, country and state.
    pub rows: Vec<OtherStatsRow>,
}

impl From<reports::Others> for OtherStatsReport {
    fn from(r: reports::Others) -> Self {
        let rows = r.rows.into_iter().map(|l| OtherStatsRow {
            year: l.year,
            kind: l.kind.to_owned(),
            region: l.region,
            sector: l.sector,
            country: l.country,
            status: l.status.to_owned(),
            cases: l.cases,
            workers: l.workers,
            late_notices: l.late_notices,
            missing_notices: l.missing_notices,
        });
        OtherStatsReport {
            year: r.year,
            rows: rows.collect(),
        }
    }
}
