//! Statistics for the ministry (Art. 36, 37(4)): quota utilization, permits by measure,
//! akimats' decision times and fees — read from the counters the commands keep, never by
//! scanning the permits — each as JSON, CSV (`Accept: text/csv`) or XLSX. An akimat reads
//! its own region's figures; the ministry and auditors every region's.

use super::quotas::YearPath;
use super::{narrowed, AppState};
use crate::auth::{Action, Caller};
use crate::db::statistics::{self as stats, StatRow};
use crate::domain::statistics::percentile;
use crate::domain::Category;
use crate::error::{ApiError, Problem};
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::openapi::schema::{KnownFormat, SchemaFormat, Type};
use utoipa::openapi::{ObjectBuilder, RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};

/// The media type of XLSX workbooks.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What the client asked for in `Accept`: JSON unless it names CSV or XLSX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

impl Format {
    pub fn of(req: &HttpRequest) -> Format {
        let accept = req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let types: Vec<&str> = accept
            .split(',')
            .map(|t| t.split(';').next().unwrap_or("").trim())
            .collect();
        if types.contains(&"application/json") {
            Format::Json
        } else if types.contains(&"text/csv") {
            Format::Csv
        } else if types.contains(&XLSX) {
            Format::Xlsx
        } else {
            Format::Json
        }
    }
}

/// A CSV document with a header row (`text/csv`).
pub struct CsvDocument;
impl PartialSchema for CsvDocument {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "CSV (RFC 4180, UTF-8): a header row of the column names, then one row per line of the report.",
            ))
            .into()
    }
}
impl ToSchema for CsvDocument {}

/// An XLSX workbook of one sheet, its first row the column names.
pub struct XlsxDocument;
impl PartialSchema for XlsxDocument {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .description(Some(
                "An XLSX workbook of one sheet: the column names in the first row, then one row per line of the report.",
            ))
            .into()
    }
}
impl ToSchema for XlsxDocument {}

/// A cell of a tabular export.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Int(i64),
}

/// A report as a table: stable column names and rows.
pub struct Table {
    pub sheet: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn csv(table: &Table) -> Result<Vec<u8>, ApiError> {
    let fail = |e: &dyn std::fmt::Display| {
        log::error!("CSV export failed: {e}");
        ApiError::Internal
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(table.columns).map_err(|e| fail(&e))?;
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(s) => s.clone(),
                Cell::Int(n) => n.to_string(),
            })
            .collect();
        w.write_record(&cells).map_err(|e| fail(&e))?;
    }
    w.into_inner().map_err(|e| fail(&e))
}

fn xlsx(table: &Table) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(table.sheet)?;
    for (c, name) in (0u16..).zip(table.columns) {
        sheet.write_string(0, c, *name)?;
    }
    for (r, row) in (1u32..).zip(&table.rows) {
        for (c, cell) in (0u16..).zip(row) {
            match cell {
                Cell::Text(s) => sheet.write_string(r, c, s)?,
                // Counts and tiyn stay far below 2^53, exact as an XLSX number.
                #[allow(clippy::cast_precision_loss)]
                Cell::Int(n) => sheet.write_number(r, c, *n as f64)?,
            };
        }
    }
    book.save_to_buffer()
}

/// Answers `body` as JSON, or `table` as CSV or XLSX, as the request's `Accept` asks.
pub fn render<T: Serialize>(
    req: &HttpRequest,
    body: &T,
    table: impl FnOnce() -> Table,
) -> Result<HttpResponse, ApiError> {
    match Format::of(req) {
        Format::Json => Ok(HttpResponse::Ok().json(body)),
        Format::Csv => Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(csv(&table())?)),
        Format::Xlsx => {
            let bytes = xlsx(&table()).map_err(|e| {
                log::error!("XLSX export failed: {e}");
                ApiError::Internal
            })?;
            Ok(HttpResponse::Ok().content_type(XLSX).body(bytes))
        }
    }
}

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

fn category_of(code: &str) -> Result<Category, ApiError> {
    Category::from_code(code).ok_or_else(|| {
        log::error!("unknown category {code} in the counters");
        ApiError::Internal
    })
}

/// Quota utilization, year × region × category: allocated, pending, used and available
/// (ministry, auditor; an akimat its own region). JSON, CSV or XLSX by `Accept`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "Per region and category. CSV and XLSX columns: `year,region,category,allocated,pending,used,available`.",
            content((UtilizationReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, description = "The role reads no statistics, or an akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/statistics/{year}/quota-utilization")]
pub async fn quota_utilization(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = narrowed(
        &state,
        &caller,
        Action::ReadStatistics,
        q.0.region.as_deref(),
    )?
    .region;
    let rows = state
        .read(move |c| {
            Ok(crate::db::quota::regional(
                c,
                year,
                region.as_ref().map(|r| r.as_str()),
            )?)
        })
        .await?;
    let report = UtilizationReport {
        year,
        rows: rows
            .into_iter()
            .map(|r| {
                let a = r.allocation();
                UtilizationRow {
                    year,
                    region: r.region.as_str().to_owned(),
                    category: r.category,
                    allocated: a.allocated,
                    pending: a.held,
                    used: a.used,
                    available: a.available(),
                }
            })
            .collect(),
    };
    render(&req, &report, || Table {
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
        rows: report
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
    })
}

/// Use of the quota over time: per region, category and month, the workers whose permits
/// were issued and those given back (ministry, auditor; an akimat its own region).
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "By month. CSV and XLSX columns: `year,region,category,month,issued,released,used_to_date`.",
            content((MonthlyUseReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, description = "The role reads no statistics, or an akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/statistics/{year}/quota-utilization/monthly")]
pub async fn quota_use_by_month(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = narrowed(
        &state,
        &caller,
        Action::ReadStatistics,
        q.0.region.as_deref(),
    )?
    .region;
    let months = state
        .read(move |c| {
            Ok(stats::monthly_use(
                c,
                year,
                region.as_ref().map(|r| r.as_str()),
            )?)
        })
        .await?;
    let mut cells: BTreeMap<(String, String, String), (i64, i64)> = BTreeMap::new();
    for m in months {
        let e = cells.entry((m.region, m.category, m.month)).or_default();
        match m.measure.as_str() {
            "quota_used" => e.0 += m.figures.workers,
            _ => e.1 += m.figures.workers,
        }
    }
    let mut rows = Vec::new();
    let mut running: BTreeMap<(String, String), i64> = BTreeMap::new();
    for ((region, category, month), (issued, released)) in cells {
        let r = running
            .entry((region.clone(), category.clone()))
            .or_default();
        *r += issued - released;
        rows.push(MonthlyUseRow {
            year,
            region,
            category: category_of(&category)?,
            month,
            issued,
            released,
            used_to_date: *r,
        });
    }
    let report = MonthlyUseReport { year, rows };
    render(&req, &report, || Table {
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
        rows: report
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
    })
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

impl PermitMeasure {
    pub const ALL: [PermitMeasure; 9] = [
        PermitMeasure::Applied,
        PermitMeasure::ExtensionApplied,
        PermitMeasure::Issued,
        PermitMeasure::Extended,
        PermitMeasure::Refused,
        PermitMeasure::RefusedGround,
        PermitMeasure::Revoked,
        PermitMeasure::Returned,
        PermitMeasure::Lapsed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PermitMeasure::Applied => "applied",
            PermitMeasure::ExtensionApplied => "extension_applied",
            PermitMeasure::Issued => "issued",
            PermitMeasure::Extended => "extended",
            PermitMeasure::Refused => "refused",
            PermitMeasure::RefusedGround => "refused_ground",
            PermitMeasure::Revoked => "revoked",
            PermitMeasure::Returned => "returned",
            PermitMeasure::Lapsed => "lapsed",
        }
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

fn measure_of(s: &str) -> Result<PermitMeasure, ApiError> {
    PermitMeasure::ALL
        .into_iter()
        .find(|m| m.as_str() == s)
        .ok_or_else(|| {
            log::error!("unknown measure {s} in the counters");
            ApiError::Internal
        })
}

/// The counters of `measures` for `year`, summed by month and by detail (ground, region,
/// category, sector, country) as asked, in the region the caller may read: every region
/// for the ministry and auditors, an akimat's own (403 for another).
async fn counters(
    state: &AppState,
    caller: &Caller,
    year: i32,
    region: Option<&str>,
    measures: Vec<&'static str>,
    by_month: bool,
    by_detail: bool,
) -> Result<Vec<StatRow>, ApiError> {
    let region = narrowed(state, caller, Action::ReadStatistics, region)?.region;
    state
        .read(move |c| {
            Ok(stats::summed(
                c,
                year,
                &measures,
                region.as_ref().map(|r| r.as_str()),
                by_month,
                by_detail,
            )?)
        })
        .await
}

/// Permits applied for, issued, extended, refused (by ground), revoked (by ground),
/// returned and lapsed, by region, category, sector (OKED) and country of origin
/// (ministry, auditor; an akimat its own region). JSON, CSV or XLSX by `Accept`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, PermitStatsQuery),
    responses(
        (status = 200, description = "The counts. CSV and XLSX columns: `year,measure,ground,region,category,sector,country,permits,workers`.",
            content((PermitStatsReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, description = "The role reads no statistics, or an akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/statistics/{year}/permits")]
pub async fn permit_statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<PermitStatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.0;
    let measures: Vec<&'static str> = match q.measure {
        Some(m) => vec![m.as_str()],
        None => PermitMeasure::ALL.map(PermitMeasure::as_str).to_vec(),
    };
    let found = counters(
        &state,
        &caller,
        year,
        q.region.as_deref(),
        measures,
        false,
        true,
    )
    .await?;
    let rows = found
        .into_iter()
        .map(|r| {
            Ok(PermitStatsRow {
                year,
                measure: measure_of(&r.measure)?,
                ground: r.ground,
                region: r.region,
                category: category_of(&r.category)?,
                sector: r.sector,
                country: r.country,
                permits: r.figures.permits,
                workers: r.figures.workers,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let report = PermitStatsReport { year, rows };
    render(&req, &report, || Table {
        sheet: "permits",
        columns: &[
            "year", "measure", "ground", "region", "category", "sector", "country", "permits",
            "workers",
        ],
        rows: report
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
    })
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

/// The akimats' decision times against the deadline, per region: median, 90th percentile,
/// overdue decisions (Art. 36; ministry, auditor; an akimat its own region).
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "Per region. CSV and XLSX columns: `year,region,decisions,median_days,p90_days,overdue`.",
            content((DecisionTimesReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, description = "The role reads no statistics, or an akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/statistics/{year}/decision-times")]
pub async fn decision_times(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let measures = vec!["decided", "decided_late"];
    let region = q.0.region.as_deref();
    let found = counters(&state, &caller, year, region, measures, false, false).await?;
    // Summed over categories: (histogram of days, overdue) per region.
    let mut by_region: BTreeMap<String, (BTreeMap<i64, i64>, i64)> = BTreeMap::new();
    for r in found {
        let e = by_region.entry(r.region).or_default();
        if r.measure == "decided" {
            let days: i64 = r.ground.parse().map_err(|_| {
                log::error!("decision days {} are not a number", r.ground);
                ApiError::Internal
            })?;
            *e.0.entry(days).or_default() += r.figures.permits;
        } else {
            e.1 += r.figures.permits;
        }
    }
    let rows = by_region
        .into_iter()
        .map(|(region, (hist, overdue))| {
            let h: Vec<(i64, i64)> = hist.into_iter().collect();
            DecisionTimesRow {
                year,
                region,
                decisions: h.iter().map(|(_, n)| n).sum(),
                median_days: percentile(&h, 50),
                p90_days: percentile(&h, 90),
                overdue,
            }
        })
        .collect();
    let report = DecisionTimesReport { year, rows };
    let opt = |v: Option<i64>| v.map_or(text(""), Cell::Int);
    render(&req, &report, || Table {
        sheet: "decision times",
        columns: &[
            "year",
            "region",
            "decisions",
            "median_days",
            "p90_days",
            "overdue",
        ],
        rows: report
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
    })
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

/// Fees assessed and paid per region's budget and calendar year (Art. 33(4); ministry,
/// auditor; an akimat its own region).
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "Per region and budget year. CSV and XLSX columns: `year,region,budget_year,permits_assessed,assessed_mrp,payments,paid_tiyn`.",
            content((FeeReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, description = "The role reads no statistics, or an akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/statistics/{year}/fees")]
pub async fn fee_statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let measures = vec!["fee_assessed", "fee_paid"];
    let region = q.0.region.as_deref();
    let found = counters(&state, &caller, year, region, measures, true, false).await?;
    let mut cells: BTreeMap<(String, i32), [i64; 4]> = BTreeMap::new();
    for r in found {
        let budget_year: i32 = r
            .month
            .get(..4)
            .and_then(|y| y.parse().ok())
            .ok_or_else(|| {
                log::error!("month {} of the counters is not YYYY-MM", r.month);
                ApiError::Internal
            })?;
        let e = cells.entry((r.region, budget_year)).or_default();
        if r.measure == "fee_assessed" {
            e[0] += r.figures.permits;
            e[1] += r.figures.amount;
        } else {
            e[2] += r.figures.permits;
            e[3] += r.figures.amount;
        }
    }
    let rows = cells
        .into_iter()
        .map(|((region, budget_year), f)| FeeRow {
            year,
            region,
            budget_year,
            permits_assessed: f[0],
            assessed_mrp: f[1],
            payments: f[2],
            paid_tiyn: f[3],
        })
        .collect();
    let report = FeeReport { year, rows };
    render(&req, &report, || Table {
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
        rows: report
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
    })
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

/// Self-employment certificates and ICT permits applied for in a year by region, sector and
/// country, with late and missing ICT arrival notifications (Art. 34, 35(3), 36; ministry,
/// auditor; an akimat its own region). JSON, CSV or XLSX by `Accept`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Year of application.", minimum = 2000, maximum = 2100), RegionQuery),
    responses(
        (status = 200, description = "The counts. CSV and XLSX columns: `year,kind,region,sector,country,status,cases,workers,late_notices,missing_notices`.",
            content((OtherStatsReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, description = "The role reads no statistics, or an akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/statistics/{year}/certificates-and-ict")]
pub async fn certificate_and_ict_statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = narrowed(
        &state,
        &caller,
        Action::ReadStatistics,
        q.0.region.as_deref(),
    )?
    .region;
    let today = state.time.today();
    let found = state
        .read(move |c| {
            Ok(crate::cases::statistics::certificates_and_ict(
                c,
                year,
                region.as_ref(),
                today,
            )?)
        })
        .await?;
    let rows = found
        .into_iter()
        .map(
            |((kind, region, sector, country, status), f)| OtherStatsRow {
                year,
                kind: kind.to_owned(),
                region,
                sector,
                country,
                status: status.to_owned(),
                cases: f.cases,
                workers: f.workers,
                late_notices: f.late_notices,
                missing_notices: f.missing_notices,
            },
        )
        .collect();
    let report = OtherStatsReport { year, rows };
    render(&req, &report, || Table {
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
        rows: report
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Int(i64::from(r.year)),
                    text(&r.kind),
                    text(&r.region),
                    text(&r.sector),
                    text(&r.country),
                    text(&r.status),
                    Cell::Int(r.cases),
                    Cell::Int(r.workers),
                    Cell::Int(r.late_notices),
                    Cell::Int(r.missing_notices),
                ]
            })
            .collect(),
    })
}
