//! The ministry analyst's pages: the year's quota by region and category (a table and a
//! chart), transfers, the demand summary beside the labour-force arithmetic, and the rule
//! set in force with its history — each through the API's read functions.

use super::chart::{self, Bar};
use super::frame::{Ctx, Fail, Frame};
use crate::api::demands::DemandSummaryView;
use crate::api::page::PageQuery;
use crate::api::quotas::national::NationalQuotaView;
use crate::api::quotas::regional::RegionalQuotaView;
use crate::api::quotas::transfers::{TransferQuery, TransferView};
use crate::api::rulesets::RuleSetView;
use crate::auth::{authorize_role, Action};
use crate::domain::Category;
use crate::error::ApiError;
use actix_web::HttpResponse;
use askama::Template;
use chrono::Datelike;
use serde::Deserialize;

/// `?year=` of the ministry's pages (this year when absent) and `?category=` of the chart.
#[derive(Debug, Deserialize)]
pub struct YearQuery {
    year: Option<i32>,
    category: Option<Category>,
}

impl YearQuery {
    fn year(&self, ctx: &Ctx) -> Result<i32, Fail> {
        let year = self.year.unwrap_or_else(|| ctx.state.time.today().year());
        Ok(crate::api::quotas::year_of(year)?)
    }
}

/// Parses the query string of a ministry page.
fn query(q: &str) -> Result<YearQuery, Fail> {
    serde_urlencoded::from_str(q).map_err(|e| Fail::Api(ApiError::invalid("query", e.to_string())))
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
    national: NationalQuotaView,
    regions: Vec<RegionalQuotaView>,
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
        let national = crate::api::quotas::national::national(&ctx.state, &c, year).await?;
        let regions = crate::api::quotas::regional::regions(&ctx.state, &c, year).await?;
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
        let names = ctx
            .state
            .read(|c| Ok(crate::cases::regions::names(c)?))
            .await?;
        let lang = ctx.lang;
        let name_of = |code: &str| {
            names.iter().find(|n| n.code == code).map_or_else(
                || code.to_owned(),
                |n| match lang {
                    crate::i18n::Lang::Kk => n.name_kk.clone(),
                    crate::i18n::Lang::Ru => n.name_ru.clone(),
                    crate::i18n::Lang::En => n.name_en.clone(),
                },
            )
        };
        let bars: Vec<Bar> = rows
            .iter()
            .map(|r| Bar {
                label: name_of(&r.region),
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
    items: Vec<TransferView>,
}

/// The year's transfers between regions and the reserve.
pub async fn transfers(ctx: Ctx, req: actix_web::HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadQuotaTransfers)?;
        let year = query(req.query_string())?.year(&ctx)?;
        let page = PageQuery {
            limit: Some(500),
            cursor: None,
        };
        let items = crate::api::quotas::transfers::transfers(
            &ctx.state,
            &c,
            year,
            &TransferQuery::default(),
            &page,
        )
        .await?
        .items;
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
    s: DemandSummaryView,
}

/// Employers' demand for the year by region and category, beside the labour force ×
/// percentage that makes the quota (Art. 32(5)).
pub async fn demand(ctx: Ctx, req: actix_web::HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadQuotaDemandSummary)?;
        let year = query(req.query_string())?.year(&ctx)?;
        let s = crate::api::demands::summary(&ctx.state, &c, year).await?;
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
    current: RuleSetView,
    rules: String,
    history: Vec<RuleSetView>,
}

/// The rule set in force (every number of it) and every version before and after it.
pub async fn rules(ctx: Ctx) -> HttpResponse {
    let page = async {
        let c = ctx.official()?;
        authorize_role(&c, Action::ReadRuleSets)?;
        let current = crate::api::rulesets::current(&ctx.state, &c, None).await?;
        let rules = serde_json::to_string_pretty(&current.rules).map_err(|e| {
            log::error!("the rule set in force does not serialize: {e}");
            Fail::Api(ApiError::Internal)
        })?;
        let history = crate::api::rulesets::all(&ctx.state, &c).await?;
        Ok(RulesPage {
            f: ctx.frame("console-rules-title", Some(&c))?,
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
