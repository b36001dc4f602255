//! A region's quota and demand review, as its akimat sees it (Art. 32(5), 6(2), 9(5)):
//! the year's allocation of the region with what decisions hold and permits use and what
//! is left, by category (and the national country-of-origin quotas, to a role that reads
//! the national quota), and the employers' quota demand for the region with the akimat's
//! review of each. The ministry and auditors choose any region and read it as its akimat
//! does, without the review forms (they have no power to review). Each authorizes with
//! `auth` and reads and acts through the same `cases` functions as the API.

use super::certificates::{after, bad_field, chooser, version};
use super::frame::{Ctx, Fail, Frame};
use crate::auth::{authorize_role, reach, region_case_access, visible, Action, Reach};
use crate::cases::demands::{self, Demand, Filter, Review};
use crate::cases::quota::view::{self as quota, CountryQuota, RegionalQuota};
use crate::domain::demand::{DemandDecision, DemandState};
use crate::domain::quota::YEARS;
use crate::domain::Message;
use crate::domain::Reason;
use crate::domain::RegionCode;
use crate::error::{ApiError, FieldError};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Datelike;

/// The most demands the page lists (the API's largest page).
const DEMANDS: i64 = 500;

#[derive(Template)]
#[template(path = "region.html")]
struct RegionPage {
    f: Frame,
    year: i32,
    /// The region shown; `None` until the ministry or an auditor chooses one.
    region: Option<RegionCode>,
    regions: Vec<String>,
    /// The region's figures; `None` when the year has no quota.
    quota: Option<RegionalQuota>,
    countries: Vec<CountryQuota>,
    demands: Vec<Demand>,
    can_review: bool,
    decisions: [DemandDecision; 3],
}

impl RegionPage {
    fn chosen(&self, code: &str) -> bool {
        self.region.as_ref().is_some_and(|r| r.as_str() == code)
    }

    fn region_query(&self) -> String {
        self.region
            .as_ref()
            .map(|r| format!("&region={r}"))
            .unwrap_or_default()
    }

    fn demand_status(&self, s: &DemandState) -> String {
        self.f.tk("console-demand-status-", s.as_str())
    }

    fn decision_code(&self, d: &DemandDecision) -> &'static str {
        match d {
            DemandDecision::Accept => "accept",
            DemandDecision::Reduce => "reduce",
            DemandDecision::Reject => "reject",
        }
    }

    fn decision_name(&self, d: &DemandDecision) -> String {
        self.f.tk("console-demand-decision-", self.decision_code(d))
    }

    fn filed(&self, d: &Demand) -> bool {
        d.status == DemandState::Filed
    }
}

/// `?year=` (this year when absent) and `?region=` of the page.
fn ask(ctx: &Ctx, q: &str) -> Result<(i32, Option<RegionCode>), Fail> {
    let mut year = ctx.state.time.today().year();
    let mut region = None;
    for (key, value) in form_urlencoded::parse(q.as_bytes()) {
        let value = value.trim();
        match key.as_ref() {
            // A year that is no whole number, or none the service keeps, is told as the
            // ministry's pages tell it: the year named in words, not a queue's choice.
            "year" if !value.is_empty() => {
                let asked: i32 = value.parse().map_err(|_| {
                    ApiError::malformed(
                        Message::new("malformed-year-text").text("year", value),
                        vec![FieldError::new("year", Reason::WholeNumber)],
                    )
                })?;
                if !YEARS.contains(&asked) {
                    return Err(Fail::Api(ApiError::malformed_year(asked)));
                }
                year = asked;
            }
            "region" if !value.is_empty() => {
                region = Some(
                    value
                        .parse()
                        .map_err(|_| bad_field(ctx.lang, "region", "console-col-region"))?,
                );
            }
            _ => {}
        }
    }
    Ok((year, region))
}

/// The region's quota and demand for the year: an akimat its own region's, the ministry
/// and auditors the region they choose.
pub async fn page(ctx: Ctx, req: HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.official()?;
        authorize_role(&c, Action::ReadRegionalQuota)?;
        authorize_role(&c, Action::ReadQuotaDemands)?;
        let (year, asked) = ask(&ctx, req.query_string())?;
        let region = visible(&c, Action::ReadRegionalQuota, asked)?.region;
        let regions = chooser(&ctx, &c, Action::ReadRegionalQuota).await?;
        let national = reach(c.role, Action::ReadNationalQuota) == Reach::All;
        let (quota, countries, demands) = match region.clone() {
            None => (None, Vec::new(), Vec::new()),
            Some(r) => {
                let filter = Filter {
                    year: Some(year),
                    region: Some(r.clone()),
                    bin: None,
                    status: None,
                    after_id: None,
                    limit: DEMANDS,
                };
                // Not in one read transaction: a region without rows is told from a year
                // without quota in `quota::region`'s own.
                ctx.state
                    .db(move |conn| {
                        let figures = match quota::region(conn, year, &r) {
                            Ok(q) => Some(q),
                            Err(crate::cases::CaseError::Refused(
                                crate::domain::Refusal::NotFound(_),
                            )) => None,
                            Err(e) => return Err(e.into()),
                        };
                        let countries = match (national, &figures) {
                            (true, Some(_)) => quota::national(conn, year)?.country_quotas,
                            _ => Vec::new(),
                        };
                        Ok((figures, countries, demands::list(conn, &filter)?))
                    })
                    .await?
            }
        };
        let can_review = reach(c.role, Action::ReviewQuotaDemand) != Reach::None
            && region.is_some()
            && c.region == region;
        let bins = demands.iter().map(|d| d.bin.to_string()).collect();
        Ok(RegionPage {
            f: ctx
                .frame_naming("console-region-title", Some(&c), bins)
                .await?,
            year,
            region,
            regions,
            quota,
            countries,
            demands,
            can_review,
            decisions: DemandDecision::ALL,
        })
    }
    .await;
    ctx.page(page)
}

/// The akimat's review of one demand of its region (the API's review): accept, reduce to
/// a number, or reject, a reduction and a rejection with the reason.
pub async fn review(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let mut back = "/console/region".to_owned();
    let done = async {
        let c = ctx.official()?;
        let form = ctx.form(&body)?;
        if let Ok(year) = form.get("year").parse::<i32>() {
            back = format!("/console/region?year={year}");
        }
        authorize_role(&c, Action::ReviewQuotaDemand)?;
        let decision = DemandDecision::ALL
            .into_iter()
            .find(|d| {
                matches!(
                    (d, form.get("decision")),
                    (DemandDecision::Accept, "accept")
                        | (DemandDecision::Reduce, "reduce")
                        | (DemandDecision::Reject, "reject")
                )
            })
            .ok_or_else(|| {
                ApiError::invalid(
                    "decision",
                    Reason::OneOf {
                        allowed: "accept, reduce, reject".into(),
                    },
                )
            })?;
        let accepted_number =
            match form.get("accepted_number") {
                "" => None,
                n => Some(n.parse().map_err(|_| {
                    bad_field(ctx.lang, "accepted_number", "console-demand-supported")
                })?),
            };
        let cmd = Review {
            decision,
            accepted_number,
            reason: Some(form.get("reason").to_owned()).filter(|r| !r.is_empty()),
            expected_version: version(&form)?,
        };
        let actor = ctx.state.actor(&c, &ctx.rid);
        ctx.state
            .write(move |conn| {
                let access = region_case_access(&c, Action::ReviewQuotaDemand);
                demands::review(conn, id, &cmd, access, &actor)
            })
            .await?;
        Ok(())
    }
    .await;
    after(&ctx, &back, done, "console-done-demand-reviewed")
}
