//! Employers' primary statistical data (Art. 37(2)) — filed per quarter, read by the akimat
//! of the employer's region (37(1)) and the ministry (37(4)), missing ones listed — and the
//! quota calculator (Art. 32(4)–(5)).

use super::extract::{AcceptLanguage, Body, IdempotencyKey, Query, RequestId};
use super::idempotency::{create, Created};
use super::quotas::YearPath;
use super::statistics::{render, CsvDocument, XlsxDocument};
use super::{narrowed, AppState};
use crate::api::docs::IdempotencyKeyHeader;
use crate::auth::{authorize, authorize_role, Action, Caller, Scope};
use crate::cases;
use crate::cases::reports::calculation::Calculation;
use crate::cases::reports::export::{Cell, Table};
use crate::cases::statistics::FiledReport;
use crate::domain::calculation::{CalculationInput, CategorySplit, RegionInput, Share};
use crate::domain::{Category, EmployerId, Message};
use crate::error::{ApiError, Problem};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Foreign workers employed at the period's end in one category, country and sector.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployedLine {
    /// Worker category.
    pub category: Category,
    /// Citizenship, ISO 3166-1 alpha-3.
    #[schema(example = "TUR", pattern = "^[A-Z]{3}$")]
    #[validate(length(equal = 3))]
    pub country: String,
    /// OKED section of the work.
    #[schema(example = "F", pattern = "^[A-U]$")]
    #[validate(length(equal = 1))]
    pub sector: String,
    /// Foreign workers.
    #[schema(example = 5, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub workers: i64,
}

/// How a category-4 permit's replacement commitment was met in the period (Art. 33(2)).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplacementLine {
    /// The employer's category-4 permit.
    #[schema(example = 12, minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    #[validate(range(min = 1))]
    pub permit_id: i64,
    /// Kazakh citizens the employer committed to hire in the foreigners' place.
    #[schema(example = 2, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub committed: i64,
    /// Of them, hired by the period's end.
    #[schema(example = 2, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub hired: i64,
}

/// An employer's primary statistical data for a quarter (Art. 37(2)).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatisticalReportRequest {
    /// Calendar year of the period.
    #[schema(example = 2026, minimum = 2000, maximum = 2100)]
    #[validate(range(min = 2000, max = 2100))]
    pub year: i32,
    /// Quarter of the year, 1-4.
    #[schema(example = 1, minimum = 1, maximum = 4)]
    #[validate(range(min = 1, max = 4))]
    pub quarter: u32,
    /// Foreign workers employed at the period's end, by category, country and sector;
    /// each combination once.
    #[validate(length(max = 500), nested)]
    #[schema(max_items = 500)]
    pub employed: Vec<EmployedLine>,
    /// Foreign workers hired during the period.
    #[schema(example = 3, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub hired: i64,
    /// Foreign workers who left during the period.
    #[schema(example = 1, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub left: i64,
    /// Kazakh citizens on staff at the period's end.
    #[schema(example = 120, minimum = 0, maximum = 10_000_000)]
    #[validate(range(min = 0, max = 10_000_000))]
    pub kazakh_staff: i64,
    /// Category-4 replacement commitments and how they were met (Art. 33(2)).
    #[validate(length(max = 500), nested)]
    #[schema(max_items = 500)]
    pub replacement: Vec<ReplacementLine>,
}

/// A statistical report as filed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatisticalReportView {
    /// The report's id.
    #[schema(example = 7)]
    pub id: i64,
    /// The employer's BIN or IIN.
    #[schema(example = "210340000013")]
    pub bin: String,
    /// The region of the employer's profile at the quarter's end (its akimat reads the report).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// Calendar year of the period.
    #[schema(example = 2026)]
    pub year: i32,
    /// Quarter, 1-4.
    #[schema(example = 1)]
    pub quarter: i32,
    /// Foreign workers employed at the period's end (the sum of `employed`).
    #[schema(example = 5)]
    pub foreign_employed: i64,
    /// Kazakh citizens on staff at the period's end.
    #[schema(example = 120)]
    pub kazakh_staff: i64,
    /// The figures as filed.
    pub figures: StatisticalReportRequest,
    /// When it was filed.
    pub filed_at: DateTime<Utc>,
}

fn view(r: FiledReport) -> Result<StatisticalReportView, ApiError> {
    Ok(StatisticalReportView {
        figures: serde_json::from_str(&r.body).map_err(|e| {
            log::error!("stored statistical report {} does not parse: {e}", r.id);
            ApiError::Internal
        })?,
        id: r.id,
        bin: r.bin,
        region: r.region,
        year: r.year,
        quarter: r.quarter,
        foreign_employed: r.foreign_employed,
        kazakh_staff: r.kazakh_staff,
        filed_at: r.filed_at.and_utc(),
    })
}

/// File a quarterly statistical report
///
/// Files the employer's primary statistical data for a quarter that is over (employer,
/// its own BIN; Art. 37(2)). Once per quarter.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(("bin" = String, Path, description = "The employer's BIN or IIN: 12 digits, the last a check digit (see `GET /v1/employers/{bin}`); twelve digits no BIN or IIN has answer 404.", pattern = "^[0-9]{12}$", min_length = 12, max_length = 12),
        IdempotencyKeyHeader),
    request_body = StatisticalReportRequest,
    responses(
        (status = 201, description = "Filed.", body = StatisticalReportView, headers(("Location" = String, description = "The report."))),
        (status = 403, description = "Only an employer files its statistical data.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Another employer's BIN.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`statistical-report-exists`: the quarter was reported; or the Idempotency-Key was used for another request.", body = Problem, content_type = "application/problem+json"),
        crate::api::refusals::StatisticalReportRefused,
    ))]
#[post("/employers/{bin}/statistical-reports")]
pub async fn file_statistical_report(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    bin: web::Path<String>,
    body: Body<StatisticalReportRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::FileStatisticalReport)?;
    let bin = super::employers::employer_param(&bin)?;
    if caller.bin.as_ref() != Some(&bin) {
        return Err(ApiError::not_found(Message::new("not-found-case")));
    }
    let req = body.value;
    let mut seen = std::collections::BTreeSet::new();
    if !req
        .employed
        .iter()
        .all(|l| seen.insert((l.category, l.country.clone(), l.sector.clone())))
    {
        return Err(ApiError::invalid(
            "employed",
            "each category, country and sector at most once",
        ));
    }
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    let cmd = cases::statistics::FileReport {
        bin: bin.clone(),
        year: req.year,
        quarter: req.quarter,
        figures: serde_json::to_value(&req).map_err(|_| ApiError::Internal)?,
        foreign_employed: req.employed.iter().map(|l| l.workers).sum(),
        kazakh_staff: req.kazakh_staff,
        replacement_permits: req.replacement.iter().map(|r| r.permit_id).collect(),
    };
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let row = cases::statistics::file_report(conn, &cmd, today, &actor)?;
        Ok(Created {
            location: format!(
                "/v1/statistical-reports?year={}&quarter={}",
                row.year, row.quarter
            ),
            version: None,
            body: view(row)?,
        })
    })
    .await
}

/// The period of a listing of statistical reports.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// Calendar year of the period.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// Only this quarter (1-4); required for the missing reports.
    #[param(minimum = 1, maximum = 4)]
    pub quarter: Option<u32>,
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}

impl ReportQuery {
    /// The year (400 outside 2000–2100, as in a path) and the quarter, if any (422 outside
    /// 1–4): a date far outside them broke PostgreSQL's date range (a 500) and answered
    /// other years with an empty list.
    fn period(&self) -> Result<(i32, Option<u8>), ApiError> {
        let year = super::quotas::year_of(self.year)?;
        let quarter = self
            .quarter
            .map(|x| {
                u8::try_from(x)
                    .ok()
                    .filter(|x| (1..=4).contains(x))
                    .ok_or_else(|| ApiError::invalid("quarter", "the quarter is 1 to 4"))
            })
            .transpose()?;
        Ok((year, quarter))
    }
}

super::page::cursor_page!(
    /// The statistical reports of a period, one page.
    StatisticalReportPage,
    StatisticalReportView,
    "By region, employer and quarter."
);

super::page::cursor_page!(
    /// The reports missing for a quarter, one page.
    MissingReportPage,
    MissingReportView,
    "By region and employer."
);

/// List statistical reports
///
/// Statistical reports of a year (or quarter): the ministry and auditors all, an akimat its
/// region's (Art. 37(1), (4)), an employer its own.
#[utoipa::path(tag = "statistics", security(("bearer" = [])), params(ReportQuery),
    responses(
        (status = 200, description = "By region, employer and quarter.", body = StatisticalReportPage),
        (status = 403, description = "An akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/statistical-reports")]
pub async fn list_statistical_reports(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.0;
    let vis = narrowed(
        &state,
        &caller,
        Action::ReadStatisticalReports,
        q.region.as_deref(),
    )?;
    let (year, quarter) = q.period()?;
    let rows = state
        .read(move |c| {
            Ok(cases::statistics::reports(
                c,
                year,
                quarter.map(i32::from),
                vis.region.as_ref().map(|r| r.as_str()),
                vis.bin.as_ref().map(EmployerId::as_str),
            )?)
        })
        .await?;
    let items = rows.into_iter().map(view).collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(StatisticalReportPage {
        items,
        next_cursor: None,
    }))
}

/// An employer that has not reported a quarter it owes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MissingReportView {
    /// Calendar year of the period.
    #[schema(example = 2026)]
    pub year: i32,
    /// Quarter, 1-4.
    #[schema(example = 1)]
    pub quarter: u32,
    /// The region of the employer's profile at the quarter's end (an ICT employer without
    /// a profile: its ICT permit's region).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The employer's BIN or IIN.
    #[schema(example = "210340000013")]
    pub bin: String,
    /// The employer's name from its profile; empty for an ICT employer that keeps none.
    #[schema(example = "Astana Build LLP")]
    pub name: String,
}

/// Employers missing a statistical report
///
/// Employers with a permit or an ICT permit in force during the quarter who have not
/// reported it, per region (Art. 37(2); the ministry and auditors all, an akimat its
/// region). JSON, CSV or
/// XLSX by `Accept`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])), params(ReportQuery),
    responses(
        (status = 200, description = "By region and employer. CSV and XLSX columns: `year,quarter,region,bin,name`.",
            content((MissingReportPage = "application/json"), (CsvDocument = "text/csv"), (XlsxDocument = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 403, description = "An akimat asked for another region.", body = Problem, content_type = "application/problem+json"),
        crate::api::refusals::MissingReportsRefused,
    ))]
#[get("/statistical-reports/missing")]
pub async fn missing_statistical_reports(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    q: Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.0;
    let vis = narrowed(
        &state,
        &caller,
        Action::ReadStatisticalReports,
        q.region.as_deref(),
    )?;
    let (year, quarter) = q.period()?;
    let Some(quarter) = quarter.map(u32::from) else {
        return Err(ApiError::invalid("quarter", "the quarter is required"));
    };
    let missing = state
        .read(move |c| {
            Ok(cases::statistics::missing_reports(
                c,
                year,
                quarter,
                vis.region.as_ref().map(|r| r.as_str()),
                vis.bin.as_ref().map(EmployerId::as_str),
            )?)
        })
        .await?;
    let page = MissingReportPage {
        items: missing
            .into_iter()
            .map(|m| MissingReportView::new(year, quarter, m))
            .collect(),
        next_cursor: None,
    };
    render(&req, &page, || page.table())
}

impl MissingReportView {
    fn new(year: i32, quarter: u32, m: cases::statistics::Missing) -> Self {
        MissingReportView {
            year,
            quarter,
            region: m.region,
            bin: m.bin,
            name: m.name,
        }
    }
}

impl MissingReportPage {
    /// The page as a CSV/XLSX table: `year,quarter,region,bin,name`.
    fn table(&self) -> Table {
        Table {
            sheet: "missing reports",
            columns: &["year", "quarter", "region", "bin", "name"],
            rows: self
                .items
                .iter()
                .map(|m| {
                    vec![
                        Cell::Int(i64::from(m.year)),
                        Cell::Int(i64::from(m.quarter)),
                        Cell::Text(m.region.clone()),
                        Cell::Text(m.bin.clone()),
                        Cell::Text(m.name.clone()),
                    ]
                })
                .collect(),
        }
    }
}

/// A number per category.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryNumber {
    /// Worker category.
    pub category: Category,
    /// The number (workers, or a weight).
    #[schema(example = 726, minimum = 0, maximum = 100_000_000)]
    #[validate(range(min = 0, max = 100_000_000))]
    pub number: i64,
}

/// What the calculator knows of a region.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionCalculationInput {
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    #[validate(length(equal = 5))]
    pub region: String,
    /// The region's labour force, where known.
    #[schema(example = 1_200_000, minimum = 0, maximum = 100_000_000)]
    #[validate(range(min = 0, max = 100_000_000))]
    pub labour_force: Option<i64>,
    /// Last year's use per category (workers on permits issued).
    #[validate(length(max = 5), nested)]
    #[schema(max_items = 5)]
    pub last_year_used: Vec<CategoryNumber>,
    /// This year's accepted demand per category (Art. 32(5)).
    #[validate(length(max = 5), nested)]
    #[schema(max_items = 5)]
    pub accepted_demand: Vec<CategoryNumber>,
}

/// The figures a calculation rests on (Art. 32(4)–(5)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalculationRequest {
    /// The national labour force (Art. 1(11)).
    #[schema(example = 7_258_400, minimum = 1, maximum = 100_000_000)]
    #[validate(range(min = 1, max = 100_000_000))]
    pub labour_force: i64,
    /// The permit quota as a percentage of the labour force (Art. 32(4)(1)), e.g. `"0.25"`.
    #[schema(value_type = crate::api::schemas::Percent, example = "0.25")]
    #[serde(with = "crate::domain::percent")]
    pub permit_percent: Decimal,
    /// The labour immigrants' percentage (Art. 32(4)(3)), if it is to be shown.
    #[schema(value_type = Option<crate::api::schemas::Percent>, example = "2.9")]
    #[serde(default, with = "optional_percent")]
    pub labour_immigrant_percent: Option<Decimal>,
    /// How the permit quota is split among categories (e.g. the published split, or last
    /// year's use); empty: by the regions' use and demand of each category.
    #[validate(length(max = 5), nested)]
    #[schema(max_items = 5)]
    pub category_weights: Vec<CategoryNumber>,
    /// The regions to split among, each once.
    #[validate(length(min = 1, max = 20), nested)]
    #[schema(min_items = 1, max_items = 20)]
    pub regions: Vec<RegionCalculationInput>,
}

mod optional_percent {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => crate::domain::percent::parse(&s).map(Some).ok_or_else(|| {
                serde::de::Error::custom("must be a percentage: 1-3 digits and at most 25 decimals")
            }),
        }
    }
}

/// A part of a split by the largest remainder, with its arithmetic.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShareView {
    /// What the part is weighted by.
    #[schema(example = 1200)]
    pub weight: i64,
    /// ⌊whole × weight / total weight⌋.
    #[schema(example = 4159)]
    pub floor: i64,
    /// The remainder of that division: the largest get the units left over.
    #[schema(example = 1300)]
    pub remainder: i64,
    /// 1 when one of the units left over went here.
    #[schema(example = 1)]
    pub extra: i64,
    /// floor + extra.
    #[schema(example = 4160)]
    pub number: i64,
    /// The arithmetic: `whole × weight / total = floor + remainder/total → number`.
    #[schema(example = "5893 × 1200 / 1700 = 4159 + 1300/1700 → 4159 + 1 = 4160")]
    pub arithmetic: String,
}

fn share_view(s: &Share, arithmetic: &str) -> ShareView {
    ShareView {
        weight: s.weight,
        floor: s.floor,
        remainder: s.remainder,
        extra: s.extra,
        number: s.number,
        arithmetic: arithmetic.to_owned(),
    }
}

/// A region's part of a category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionShareView {
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The region's part and its arithmetic.
    pub share: ShareView,
}

/// A category's part of the permit quota and its split among the regions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CategoryProposalView {
    /// Worker category.
    pub category: Category,
    /// The category's part of the national permit quota.
    pub share: ShareView,
    /// What the regional split is weighted by: `use_and_demand` (last year's use plus
    /// accepted demand, Art. 32(5)), `labour_force` (no region used or asked for the
    /// category), `equal` (neither known).
    #[schema(example = "use_and_demand", max_length = 20)]
    pub basis: String,
    /// Per region, adding up to the category's number exactly.
    pub regions: Vec<RegionShareView>,
}

/// A region's proposed total.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionTotalView {
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The region's parts of every category.
    #[schema(example = 4300)]
    pub total: i64,
}

/// A proposed quota, with every step of its arithmetic; nothing is changed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalculationView {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// The national labour force it rests on.
    #[schema(example = 7_258_400)]
    pub labour_force: i64,
    /// The permit quota's percentage.
    #[schema(value_type = crate::api::schemas::Percent, example = "0.25")]
    pub permit_percent: String,
    /// labour force × percent / 100, exactly: workers, a decimal string (`format: decimal`)
    /// with two decimals.
    #[schema(
        format = "decimal",
        example = "18146.00",
        pattern = "^[0-9]{1,16}\\.[0-9]{2}$",
        max_length = 19
    )]
    pub permit_exact: String,
    /// The permit quota: rounded down to whole workers (Art. 32(4)).
    #[schema(example = 18_146)]
    pub permit_total: i64,
    /// The labour immigrants' quota, when its percentage was given (rounded down).
    #[schema(example = 210_493)]
    pub labour_immigrant_total: Option<i64>,
    /// The steps, in order, as arithmetic.
    pub steps: Vec<String>,
    /// Per category: its number and its regional split.
    pub categories: Vec<CategoryProposalView>,
    /// Per region: the sum of its parts (the regions add up to the permit quota).
    pub regions: Vec<RegionTotalView>,
}

/// Calculate a proposed quota
///
/// Proposes a year's national permit quota and its split among categories and regions
/// from the figures given, with the arithmetic of every step (Art. 32(4)–(5); ministry).
/// Nothing is changed: apply a proposal with `PUT /v1/quotas/{year}` and
/// `PUT /v1/quotas/{year}/regions/{region}`. A computation, so it takes neither
/// `Idempotency-Key` nor `If-Match`.
#[utoipa::path(tag = "statistics", security(("bearer" = [])),
    params(YearPath),
    request_body = CalculationRequest,
    responses(
        (status = 200, description = "The proposal and its arithmetic.", body = CalculationView),
        (status = 403, description = "Only the ministry calculates the quota.", body = Problem, content_type = "application/problem+json"),
        crate::api::refusals::CalculationRefused,
    ))]
#[post("/quotas/{year}/calculation")]
pub async fn calculate_quota(
    state: web::Data<AppState>,
    caller: Caller,
    YearPath(year): YearPath,
    lang: AcceptLanguage,
    body: Body<CalculationRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::CalculateQuota, Scope::All)?;
    let req = body.value;
    let input = req.input(&state)?;
    let calc = cases::reports::calculation::calculate(&input)
        .ok_or_else(|| ApiError::invalid("labour_force", "the quota does not fit a number"))?;
    Ok(HttpResponse::Ok().json(CalculationView::new(year, &req, calc, &lang)))
}

impl CalculationRequest {
    /// The calculator's input, each region a known region code given at most once.
    fn input(&self, state: &AppState) -> Result<CalculationInput, ApiError> {
        let mut seen = std::collections::BTreeSet::new();
        let mut named = Vec::new();
        for (i, r) in self.regions.iter().enumerate() {
            let code = super::extract::region_param(&r.region, "regions")?;
            if !seen.insert(r.region.clone()) {
                return Err(ApiError::invalid("regions", "each region at most once"));
            }
            named.push((format!("regions[{i}].region"), code));
        }
        state.known_regions(named.iter().map(|(field, code)| (field.clone(), code)))?;
        let pairs = |l: &[CategoryNumber]| l.iter().map(|c| (c.category, c.number)).collect();
        Ok(CalculationInput {
            labour_force: self.labour_force,
            permit_percent: self.permit_percent,
            immigrant_percent: self.labour_immigrant_percent,
            category_weights: pairs(&self.category_weights),
            regions: self
                .regions
                .iter()
                .map(|r| RegionInput {
                    region: r.region.clone(),
                    labour_force: r.labour_force,
                    last_year_used: pairs(&r.last_year_used),
                    accepted_demand: pairs(&r.accepted_demand),
                })
                .collect(),
        })
    }
}

impl CategoryProposalView {
    /// A category's split with the arithmetic of its share and of each region's.
    fn new(c: &CategorySplit, (share, regions): &(String, Vec<String>)) -> CategoryProposalView {
        CategoryProposalView {
            category: c.category,
            share: share_view(&c.share, share),
            basis: c.basis.as_str().to_owned(),
            regions: c
                .regions
                .iter()
                .zip(regions)
                .map(|((region, s), a)| RegionShareView {
                    region: region.clone(),
                    share: share_view(s, a),
                })
                .collect(),
        }
    }
}

impl CalculationView {
    /// The wire form of a calculation for `req`, its steps in the reader's language.
    fn new(year: i32, req: &CalculationRequest, calc: Calculation, lang: &AcceptLanguage) -> Self {
        let p = &calc.proposal;
        // Two decimals always, as the contract's pattern says: `0.00`, not `0`.
        let mut permit_exact = p.permit_exact.round_dp(2);
        permit_exact.rescale(2);
        CalculationView {
            year,
            labour_force: req.labour_force,
            permit_percent: req.permit_percent.normalize().to_string(),
            permit_exact: permit_exact.to_string(),
            permit_total: p.permit_total,
            labour_immigrant_total: p.immigrant_total,
            steps: calc.steps.iter().map(|m| lang.0.text(m)).collect(),
            categories: p
                .categories
                .iter()
                .zip(&calc.arithmetic)
                .map(|(c, a)| CategoryProposalView::new(c, a))
                .collect(),
            regions: calc
                .region_totals
                .into_iter()
                .map(|(region, total)| RegionTotalView { region, total })
                .collect(),
        }
    }
}

impl crate::api::extract::ActionBody for StatisticalReportRequest {
    const ACTION: Action = Action::FileStatisticalReport;
}

impl crate::api::extract::ActionBody for CalculationRequest {
    const ACTION: Action = Action::CalculateQuota;
}
