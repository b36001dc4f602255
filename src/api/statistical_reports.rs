//! Employers' primary statistical data (Art. 37(2)) — filed per quarter, read by the akimat
//! of the employer's region (37(1)) and the ministry (37(4)), missing ones listed — and the
//! quota calculator (Art. 32(4)–(5)).

use super::extract::{AcceptLanguage, Body, IdempotencyKey, Query, RequestId};
use super::idempotency::{create, Created};
use super::quotas::YearPath;
use super::statistics::{render, CsvDocument, XlsxDocument};
use super::{narrowed, AppState};
use crate::auth::{authorize, authorize_role, Action, Caller, Scope};
use crate::cases;
use crate::cases::reports::calculation::Calculation;
use crate::cases::reports::export::{Cell, Table};
use crate::cases::statistics::FiledReport;
use crate::domain::calculation::{CalculationInput, RegionInput};
use crate::domain::Reason;
use crate::domain::{EmployerId, Message};
use crate::error::{ApiError, Problem};
use crate::wire::docs::IdempotencyKeyHeader;
use crate::wire::statistical_reports::{
    CalculationRequest, CalculationView, CategoryNumber, CategoryProposalView, MissingReportView,
    RegionTotalView, ReportQuery, StatisticalReportRequest, StatisticalReportView,
};
use actix_web::{get, post, web, HttpRequest, HttpResponse};

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
        crate::wire::refusals::StatisticalReportRefused,
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
        return Err(ApiError::invalid("employed", Reason::Repeated));
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
        crate::wire::refusals::MissingReportsRefused,
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
        return Err(ApiError::invalid("quarter", Reason::Required));
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
        crate::wire::refusals::CalculationRefused,
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
        .ok_or_else(|| ApiError::invalid("labour_force", Reason::TooLarge))?;
    Ok(HttpResponse::Ok().json(CalculationView::new(year, &req, calc, &lang)))
}

impl crate::api::extract::ActionBody for StatisticalReportRequest {
    const ACTION: Action = Action::FileStatisticalReport;
}

impl crate::api::extract::ActionBody for CalculationRequest {
    const ACTION: Action = Action::CalculateQuota;
}

impl CalculationRequest {
    /// The calculator's input, each region a known region code given at most once.
    fn input(&self, state: &AppState) -> Result<CalculationInput, ApiError> {
        let mut seen = std::collections::BTreeSet::new();
        let mut named = Vec::new();
        for (i, r) in self.regions.iter().enumerate() {
            let code = crate::wire::fields::region_param(&r.region, "regions")?;
            if !seen.insert(r.region.clone()) {
                return Err(ApiError::invalid("regions", Reason::Repeated));
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
                    .ok_or_else(|| ApiError::invalid("quarter", Reason::Between { min: 1, max: 4 }))
            })
            .transpose()?;
        Ok((year, quarter))
    }
}
