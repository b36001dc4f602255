//! The ministry analyst's pages: the year's quota by region and category (a table and a
//! chart), transfers, the demand summary beside the labour-force arithmetic, and the rule
//! set in force with its history — each a read model of `cases`.

use super::chart::{self, Bar};
use super::frame::{Ctx, Fail, Frame};
use crate::auth::{authorize_role, visible, Action};
use crate::cases::quota::view::{self, NationalQuota, RegionalQuota, Transfer};
use crate::cases::reports::demand::{self, Summary};
use crate::cases::rulesets::{self, Version};
use crate::domain::quota::YEARS;
use crate::domain::Category;
use crate::domain::Message;
use crate::domain::Reason;
use crate::error::{ApiError, FieldError};
use actix_web::HttpResponse;
use askama::Template;
use chrono::Datelike;

/// `?year=` of the ministry's pages (this year when absent) and `?category=` of the chart.
#[derive(Debug)]
pub struct YearQuery {
    year: Option<i32>,
    category: Option<Category>,
}

impl YearQuery {
    fn year(&self, ctx: &Ctx) -> Result<i32, Fail> {
        let year = self.year.unwrap_or_else(|| ctx.state.time.today().year());
        if YEARS.contains(&year) {
            Ok(year)
        } else {
            Err(Fail::Api(ApiError::malformed_year(year)))
        }
    }
}

/// Parses the query string of a ministry page: a year that is no whole number or a
/// category that is none of the five is a 400 whose message is in the reader's language;
/// other parameters are ignored.
fn query(q: &str) -> Result<YearQuery, Fail> {
    let mut out = YearQuery {
        year: None,
        category: None,
    };
    for (key, value) in form_urlencoded::parse(q.as_bytes()) {
        match key.as_ref() {
            "year" => {
                out.year = Some(value.parse().map_err(|_| {
                    ApiError::malformed(
                        Message::new("malformed-year-text").text("year", value.as_ref()),
                        vec![FieldError::new("year", Reason::WholeNumber)],
                    )
                })?);
            }
            "category" => {
                out.category = Some(Category::from_code(&value).ok_or_else(|| {
                    ApiError::malformed(
                        Message::new("malformed-category").text("category", value.as_ref()),
                        vec![FieldError::new("category", Reason::NoneOfChoices)],
                    )
                })?);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// One region's row of the quota table, for the chosen category or all together.
pub struct RegionRow {
    pub region: String,
    pub allocated: i64,
    pub held: i64,
    pub used: i64,
    pub available: i64,
}

#[derive(Template)]
#[template(path = "quota.html")]
struct QuotaPage {
    f: Frame,
    year: i32,
    category: Option<Category>,
    categories: [Category; 5],
    national: NationalQuota,
    regions: Vec<RegionalQuota>,
    rows: Vec<RegionRow>,
    chart: String,
}

/// The year's quota: national figures per category, and each region's allocated,
/// pending (held by approvals awaiting payment), used and available, with a chart.
pub async fn quota(ctx: Ctx, req: actix_web::HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadNationalQuota)?;
        let q = query(req.query_string())?;
        let year = q.year(&ctx)?;
        let own = visible(&c, Action::ReadRegionalQuota, None)?.region;
        let (national, regions) = ctx
            .state
            .read(move |conn| {
                let national = view::national(conn, year)?;
                Ok((national, view::regions(conn, year, own.as_ref())?))
            })
            .await?;
        let rows: Vec<RegionRow> = regions
            .iter()
            .map(|r| {
                let of = r
                    .categories
                    .iter()
                    .filter(|x| q.category.is_none_or(|c| c == x.category));
                of.fold(
                    RegionRow {
                        region: r.region.clone(),
                        allocated: 0,
                        held: 0,
                        used: 0,
                        available: 0,
                    },
                    |mut row, x| {
                        row.allocated += x.allocated;
                        row.held += x.held;
                        row.used += x.used;
                        row.available += x.available;
                        row
                    },
                )
            })
            .collect();
        let lang = ctx.lang;
        let bars: Vec<Bar> = rows
            .iter()
            .map(|r| Bar {
                label: super::naming::region_name(ctx.lang, &r.region),
                used: r.used,
                held: r.held,
                available: r.available,
            })
            .collect();
        let f = ctx.frame("console-quota-title", Some(&c))?;
        let chart = chart::bars(
            &bars,
            [
                f.t("console-quota-used"),
                f.t("console-quota-held"),
                f.t("console-quota-available"),
            ],
            &lang.text(&crate::domain::Message::new("console-quota-chart-name").text("year", year)),
        );
        Ok(QuotaPage {
            f,
            year,
            category: q.category,
            categories: Category::ALL,
            national,
            regions,
            rows,
            chart,
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "transfers.html")]
struct TransfersPage {
    f: Frame,
    year: i32,
    items: Vec<Transfer>,
}

/// The year's transfers between regions and the reserve.
pub async fn transfers(ctx: Ctx, req: actix_web::HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadQuotaTransfers)?;
        let year = query(req.query_string())?.year(&ctx)?;
        let region = visible(&c, Action::ReadQuotaTransfers, None)?.region;
        let items = ctx
            .state
            .db(move |conn| Ok(view::transfers(conn, year, region.as_ref(), None, 500)?))
            .await?;
        Ok(TransfersPage {
            f: ctx.frame("console-transfers-title", Some(&c))?,
            year,
            items,
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "demand.html")]
struct DemandPage {
    f: Frame,
    year: i32,
    s: Summary,
}

/// Employers' demand for the year by region and category, beside the labour force ×
/// percentage that makes the quota (Art. 32(5)).
pub async fn demand(ctx: Ctx, req: actix_web::HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadQuotaDemandSummary)?;
        let year = query(req.query_string())?.year(&ctx)?;
        let s = ctx
            .state
            .read(move |c| Ok(demand::summary(c, year)?))
            .await?;
        Ok(DemandPage {
            f: ctx.frame("console-demand-title", Some(&c))?,
            year,
            s,
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "rules.html")]
struct RulesPage {
    f: Frame,
    current: Version,
    rules: serde_json::Value,
    history: Vec<Version>,
}

/// The rule set in force (every number of it) and every version before and after it.
pub async fn rules(ctx: Ctx) -> HttpResponse {
    let page = async {
        let c = ctx.official()?;
        authorize_role(&c, Action::ReadRuleSets)?;
        let today = ctx.state.time.today();
        let (current, history) = ctx
            .state
            .read(move |c| Ok((rulesets::in_force(c, today)?, rulesets::all(c)?)))
            .await?;
        let rules = serde_json::to_value(&current.rules).map_err(|e| {
            log::error!("the rule set in force does not serialize: {e}");
            Fail::Api(ApiError::Internal)
        })?;
        let authors = history.iter().map(|v| v.created_by.clone()).collect();
        let f = ctx.frame("console-rules-title", Some(&c))?;
        Ok(RulesPage {
            f: ctx.naming_officials(f, authors).await?,
            current,
            rules,
            history,
        })
    }
    .await;
    ctx.page(page)
}

impl QuotaPage {
    fn chosen(&self, c: &Category) -> bool {
        self.category == Some(*c)
    }

    fn category_link(&self, c: &Category) -> String {
        format!("/console/quota?year={}&category={c}", self.year)
    }
}
