//! Statistics for the ministry (Art. 36, 37(4)): quota utilization, permits by measure,
//! akimats' decision times and fees — read from the counters the commands keep, never by
//! scanning the permits — each as JSON, CSV (`Accept: text/csv`) or XLSX. An akimat reads
//! its own region's figures; the ministry and auditors every region's.

use super::quotas::YearPath;
use super::{narrowed, AppState};
use crate::auth::{Action, Caller};
use crate::cases::reports::export::{self, Table, Tabular};
use crate::cases::reports::statistics as reports;
use crate::domain::statistics::Measure;
use crate::domain::RegionCode;
use crate::error::ApiError;
use crate::wire::docs::NoStatistics;
use crate::wire::statistics::{
    DecisionTimesReport, FeeReport, MonthlyUseReport, OtherStatsReport, PermitMeasure,
    PermitStatsQuery, PermitStatsReport, RegionQuery, UtilizationReport,
};
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::openapi::schema::{KnownFormat, SchemaFormat, Type};
use utoipa::openapi::{ObjectBuilder, RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

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

/// Answers `body` as JSON, or `table` as CSV or XLSX, as the request's `Accept` asks.
pub fn render<T: Serialize>(
    req: &HttpRequest,
    body: &T,
    table: impl FnOnce() -> Table,
) -> Result<HttpResponse, ApiError> {
    match Format::of(req) {
        Format::Json => Ok(HttpResponse::Ok().json(body)),
        format => send(format, &table()),
    }
}

/// Answers a report of `cases` as its wire form `W` in JSON, or as its table.
fn answer<R: Tabular, W: Serialize + From<R>>(
    req: &HttpRequest,
    report: R,
) -> Result<HttpResponse, ApiError> {
    match Format::of(req) {
        Format::Json => Ok(HttpResponse::Ok().json(W::from(report))),
        format => send(format, &report.table()),
    }
}

/// The table as the CSV or XLSX `format` asks.
fn send(format: Format, table: &Table) -> Result<HttpResponse, ApiError> {
    let exported = match format {
        Format::Xlsx => export::xlsx(table).map(|b| (XLSX, b)),
        _ => export::csv(table).map(|b| ("text/csv; charset=utf-8", b)),
    };
    let (media, bytes) = exported.map_err(|e| {
        log::error!("{e}");
        ApiError::Internal
    })?;
    Ok(HttpResponse::Ok().content_type(media).body(bytes))
}

/// The region a report reads: the caller's own for an akimat (403 for another), the one
/// asked or every region for the ministry and auditors.
fn reach(
    state: &AppState,
    caller: &Caller,
    asked: Option<&str>,
) -> Result<Option<RegionCode>, ApiError> {
    Ok(narrowed(state, caller, Action::ReadStatistics, asked)?.region)
}

/// Quota utilization
///
/// Quota utilization, year × region × category: allocated, pending, used and available
/// (ministry, auditor; an akimat its own region). JSON, CSV or XLSX by `Accept`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "Per region and category. CSV and XLSX columns: `year,region,category,allocated,pending,used,available`.",
            content((UtilizationReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        NoStatistics,
    ))]
#[get("/statistics/{year}/quota-utilization")]
pub async fn quota_utilization(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = reach(&state, &caller, q.0.region.as_deref())?;
    let report = state
        .read(move |c| Ok(reports::utilization(c, year, region.as_ref())?))
        .await?;
    answer::<_, UtilizationReport>(&req, report)
}

/// Quota use by month
///
/// Use of the quota over time: per region, category and month, the workers whose permits
/// were issued and those given back (ministry, auditor; an akimat its own region).
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "By month. CSV and XLSX columns: `year,region,category,month,issued,released,used_to_date`.",
            content((MonthlyUseReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        NoStatistics,
    ))]
#[get("/statistics/{year}/quota-utilization/monthly")]
pub async fn quota_use_by_month(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = reach(&state, &caller, q.0.region.as_deref())?;
    let report = state
        .read(move |c| Ok(reports::monthly_use(c, year, region.as_ref())?))
        .await?;
    answer::<_, MonthlyUseReport>(&req, report)
}

/// Permit statistics
///
/// Permits applied for, issued, extended, refused (by ground), revoked (by ground),
/// returned and lapsed, by region, category, sector (OKED) and country of origin
/// (ministry, auditor; an akimat its own region). JSON, CSV or XLSX by `Accept`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, PermitStatsQuery),
    responses(
        (status = 200, description = "The counts. CSV and XLSX columns: `year,measure,ground,region,category,sector,country,permits,workers`.",
            content((PermitStatsReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        NoStatistics,
    ))]
#[get("/statistics/{year}/permits")]
pub async fn permit_statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<PermitStatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = reach(&state, &caller, q.0.region.as_deref())?;
    let measure = q.0.measure.map(Measure::from);
    let report = state
        .read(move |c| Ok(reports::permits(c, year, region.as_ref(), measure)?))
        .await?;
    let rows = report.rows.iter().map(|l| PermitMeasure::of(l.measure));
    if rows.clone().any(|m| m.is_none()) {
        log::error!("the permits report read a measure it does not count");
        return Err(ApiError::Internal);
    }
    answer::<_, PermitStatsReport>(&req, report)
}

/// Akimats' decision times
///
/// The akimats' decision times against the deadline, per region: median, 90th percentile,
/// overdue decisions (Art. 36; ministry, auditor; an akimat its own region).
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "Per region. CSV and XLSX columns: `year,region,decisions,median_days,p90_days,overdue`.",
            content((DecisionTimesReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        NoStatistics,
    ))]
#[get("/statistics/{year}/decision-times")]
pub async fn decision_times(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = reach(&state, &caller, q.0.region.as_deref())?;
    let report = state
        .read(move |c| Ok(reports::decision_times(c, year, region.as_ref())?))
        .await?;
    answer::<_, DecisionTimesReport>(&req, report)
}

/// Fee statistics by region's budget
///
/// Fees assessed and paid per region's budget and calendar year (Art. 33(4); ministry,
/// auditor; an akimat its own region).
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath, RegionQuery),
    responses(
        (status = 200, description = "Per region and budget year. CSV and XLSX columns: `year,region,budget_year,permits_assessed,assessed_mrp,payments,paid_tiyn`.",
            content((FeeReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        NoStatistics,
    ))]
#[get("/statistics/{year}/fees")]
pub async fn fee_statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = reach(&state, &caller, q.0.region.as_deref())?;
    let report = state
        .read(move |c| Ok(reports::fees(c, year, region.as_ref())?))
        .await?;
    answer::<_, FeeReport>(&req, report)
}

/// Certificate and ICT statistics
///
/// Self-employment certificates and ICT permits applied for in a year by region, sector and
/// country, with late and missing ICT arrival notifications (Art. 34, 35(3), 36; ministry,
/// auditor; an akimat its own region). JSON, CSV or XLSX by `Accept`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(("year" = i32, Path, description = "Year of application.", minimum = 2000, maximum = 2100), RegionQuery),
    responses(
        (status = 200, description = "The counts. CSV and XLSX columns: `year,kind,region,sector,country,status,cases,workers,late_notices,missing_notices`.",
            content((OtherStatsReport = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        NoStatistics,
    ))]
#[get("/statistics/{year}/certificates-and-ict")]
pub async fn certificate_and_ict_statistics(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    YearPath(year): YearPath,
    q: super::extract::Query<RegionQuery>,
) -> Result<HttpResponse, ApiError> {
    let region = reach(&state, &caller, q.0.region.as_deref())?;
    let today = state.time.today();
    let report = state
        .read(move |c| {
            Ok(reports::certificates_and_ict(
                c,
                year,
                region.as_ref(),
                today,
            )?)
        })
        .await?;
    answer::<_, OtherStatsReport>(&req, report)
}
