//! The akimat official's pages: the work queue, the case page with its decisions and
//! supervision, overdue payments and departures, and the ICT register. Each reads through
//! the API's read functions and acts through the API's command functions.

use super::frame::{Ctx, Fail, Form, Frame};
use crate::api::documents::{self, PublicPermitView, PublicRegionView};
use crate::api::extract::IfMatch;
use crate::api::ict::{self, IctAttention, IctRegisterLine, RegisterQuery};
use crate::api::page::PageQuery;
use crate::api::permits::{
    self, DecisionKind, DecisionRequest, GroundCode, OverdueDeparture, PermitQuery, PermitSummary,
    PermitView, Supervise,
};
use crate::api::quotas::regional::RegionalCategoryView;
use crate::auth::{authorize_role, Action, Caller, Role};
use crate::cases::permits::Supervision;
use crate::domain::Message;
use crate::error::ApiError;
use crate::i18n::Lang;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

/// The most rows a console list shows (the API's largest page).
const ROWS: i64 = 500;

fn all_rows() -> PageQuery {
    PageQuery {
        limit: Some(ROWS),
        cursor: None,
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    f: Frame,
    official: bool,
}

/// The console's start page: who is signed in and where they may go.
pub async fn home(ctx: Ctx) -> HttpResponse {
    let page = ctx.caller().and_then(|c| {
        Ok(HomePage {
            official: c.role != Role::Employer,
            f: ctx.frame("console-home-title", Some(&c))?,
        })
    });
    ctx.page(page)
}

/// A console path that does not exist.
pub async fn not_found(ctx: Ctx) -> HttpResponse {
    ctx.fail(Fail::Api(ApiError::not_found(Message::new(
        "not-found-console-page",
    ))))
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    f: Frame,
    items: Vec<PermitSummary>,
}

/// The work queue: the region's applications and extensions awaiting its decision, by
/// decision deadline, overdue first (the API's `GET /v1/permit-applications`).
pub async fn queue(ctx: Ctx) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::DecidePermit)?;
        let items = permits::applications(&ctx.state, &c, &PermitQuery::default(), &all_rows())
            .await?
            .items;
        Ok(QueuePage {
            f: ctx.frame("console-queue-title", Some(&c))?,
            items,
        })
    }
    .await;
    ctx.page(page)
}

/// A region's quota left for the permit's category.
pub struct QuotaLeft {
    pub region: String,
    pub figures: RegionalCategoryView,
}

/// A ground the official may choose, in the reader's language.
pub struct GroundChoice {
    pub code: String,
    pub name: String,
    pub article: String,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    f: Frame,
    p: PermitView,
    quota: Vec<QuotaLeft>,
    /// The akimat may decide now: the permit is applied and its region has not decided.
    can_decide: bool,
    /// The akimat may suspend, resume or revoke.
    can_supervise: bool,
    refusal: Vec<GroundChoice>,
    revocation: Vec<GroundChoice>,
}

impl CasePage {
    fn status(&self) -> String {
        self.f.t(&format!("console-status-{}", self.p.status))
    }
}

/// The case page: workers, every automatic check with its article, the quota left in
/// the region, the fee, the history, and the official's buttons.
pub async fn case(ctx: Ctx, id: web::Path<i64>) -> HttpResponse {
    let id = id.into_inner();
    let page = async {
        let c = ctx.caller()?;
        // The console is the officials'; an employer reads its permits through the API.
        if c.role == Role::Employer {
            return Err(Fail::Api(ApiError::Forbidden(
                Message::new("forbidden-role").text("role", c.role.as_str()),
            )));
        }
        let p = permits::read(&ctx.state, c.clone(), id, ctx.lang).await?;
        let quota = quota_left(&ctx, &c, &p).await?;
        let own_region = c.region.as_ref().map(ToString::to_string);
        let decides = authorize_role(&c, Action::DecidePermit).is_ok();
        let pending_here = p
            .regions
            .iter()
            .any(|r| Some(&r.region) == own_region.as_ref() && r.decision == "pending");
        let can_decide = decides && p.status == "applied" && pending_here;
        let can_supervise = authorize_role(&c, Action::SupervisePermit).is_ok()
            && matches!(p.status.as_str(), "active" | "suspended");
        let (refusal, revocation) = if can_decide || can_supervise {
            grounds(&ctx, &c).await?
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(CasePage {
            f: ctx.frame("console-case-title", Some(&c))?,
            p,
            quota,
            can_decide,
            can_supervise,
            refusal,
            revocation,
        })
    }
    .await;
    ctx.page(page)
}

/// The quota left for the permit's category in each region it names that the caller may
/// read (the API's `GET /v1/quotas/{year}/regions`); none when no quota is set that year.
async fn quota_left(ctx: &Ctx, c: &Caller, p: &PermitView) -> Result<Vec<QuotaLeft>, Fail> {
    let views = match crate::api::quotas::regional::regions(&ctx.state, c, p.quota_year).await {
        Ok(v) => v,
        // No quota for the year, or a role that does not read regional quota: the
        // page shows none, as the API would.
        Err(ApiError::NotFound(_) | ApiError::Forbidden(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    Ok(views
        .into_iter()
        .filter(|v| p.regions.iter().any(|r| r.region == v.region))
        .filter_map(|v| {
            let region = v.region;
            v.categories
                .into_iter()
                .find(|x| x.category == p.category)
                .map(|figures| QuotaLeft { region, figures })
        })
        .collect())
}

/// The rule set's refusal and revocation grounds in the reader's language.
async fn grounds(ctx: &Ctx, c: &Caller) -> Result<(Vec<GroundChoice>, Vec<GroundChoice>), Fail> {
    let rules = crate::api::rulesets::current(&ctx.state, c, None)
        .await?
        .rules;
    let choice = |g: &crate::domain::ruleset::PermitGround| GroundChoice {
        code: g.code.clone(),
        name: match ctx.lang {
            Lang::Kk => g.name_kk.clone(),
            Lang::Ru => g.name_ru.clone(),
            Lang::En => g.name_en.clone(),
        },
        article: g.article.clone(),
    };
    let g = &rules.permit_grounds;
    Ok((
        g.refusal.iter().map(choice).collect(),
        g.revocation.iter().map(choice).collect(),
    ))
}

/// The version the official read, sent back with the form: a permit that changed since
/// is refused (412) rather than decided blind.
fn version(form: &Form) -> Result<IfMatch, Fail> {
    match form.get("version") {
        "" => Ok(IfMatch(None)),
        v => v
            .parse()
            .map(|v| IfMatch(Some(v)))
            .map_err(|_| Fail::Api(ApiError::invalid("version", "must be a whole number"))),
    }
}

/// After an action: a note on the case page, in the reader's language.
fn after(ctx: &Ctx, id: i64, done: Result<PermitView, Fail>, ok_key: &str) -> HttpResponse {
    let note = match done {
        Ok(_) => ctx.flash(true, ctx.lang.key(ok_key)),
        Err(Fail::Api(e)) => ctx.flash(false, ctx.problem_text(&e)),
        Err(f) => return ctx.fail(f),
    };
    match note {
        Ok(()) => ctx.see_other(&format!("/console/permits/{id}")),
        Err(f) => ctx.fail(f),
    }
}

/// Approves or refuses (with grounds) for the official's region: the API's decision.
pub async fn decide(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = async {
        let c = ctx.caller()?;
        let form = ctx.form(&body)?;
        let decision = match form.get("decision") {
            "approve" => DecisionKind::Approve,
            "refuse" => DecisionKind::Refuse,
            _ => return Err(ApiError::invalid("decision", "must be approve or refuse").into()),
        };
        let grounds = form
            .all("ground")
            .into_iter()
            .map(|g| GroundCode::try_from(g).map_err(|e| Fail::Api(ApiError::invalid("ground", e))))
            .collect::<Result<Vec<_>, _>>()?;
        let req = DecisionRequest { decision, grounds };
        Ok(permits::decide(&ctx.state, c, &ctx.rid, id, req, version(&form)?, ctx.lang).await?)
    }
    .await;
    let key = if matches!(&done, Ok(p) if p.status == "refused") {
        "console-done-refused"
    } else {
        "console-done-decided"
    };
    after(&ctx, id, done, key)
}

async fn supervise(
    ctx: &Ctx,
    id: i64,
    body: &[u8],
    cmd: impl FnOnce(&Form) -> Supervision,
) -> Result<PermitView, Fail> {
    let c = ctx.caller()?;
    let form = ctx.form(body)?;
    let s = Supervise {
        action: Action::SupervisePermit,
        cmd: cmd(&form),
        if_match: version(&form)?,
        lang: ctx.lang,
    };
    Ok(permits::supervision(&ctx.state, c, &ctx.rid, id, s).await?)
}

/// Suspends an active permit, with the reason.
pub async fn suspend(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = supervise(&ctx, id, &body, |f| Supervision::Suspend {
        reason: f.get("reason").to_owned(),
    })
    .await;
    after(&ctx, id, done, "console-done-suspended")
}

/// Lifts a suspension.
pub async fn resume(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = supervise(&ctx, id, &body, |_| Supervision::Resume).await;
    after(&ctx, id, done, "console-done-resumed")
}

/// Revokes a permit on a ground of the rule set's list.
pub async fn revoke(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = supervise(&ctx, id, &body, |f| Supervision::Revoke {
        ground: f.get("ground").to_owned(),
        note: Some(f.get("note").to_owned()).filter(|n| !n.is_empty()),
    })
    .await;
    after(&ctx, id, done, "console-done-revoked")
}

#[derive(Template)]
#[template(path = "overdue.html")]
struct OverduePage {
    f: Frame,
    awaiting: Vec<PermitSummary>,
    lapsed: Vec<PermitSummary>,
    departures: Vec<OverdueDeparture>,
}

/// Payments awaited and lapsed for want of payment, and departures owed: the API's
/// permit listing by status and `GET /v1/departures/overdue`.
pub async fn overdue(ctx: Ctx) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadDepartures)?;
        let of = |status: &str| PermitQuery {
            status: Some(status.to_owned()),
            ..PermitQuery::default()
        };
        let awaiting = permits::permits(&ctx.state, &c, &of("awaiting_payment"), &all_rows())
            .await?
            .items;
        let lapsed = permits::permits(&ctx.state, &c, &of("lapsed"), &all_rows())
            .await?
            .items;
        let departures =
            permits::overdue_departures(&ctx.state, &c, &permits::DepartureQuery::default())
                .await?
                .items;
        Ok(OverduePage {
            f: ctx.frame("console-overdue-title", Some(&c))?,
            awaiting,
            lapsed,
            departures,
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "ict.html")]
struct IctPage {
    f: Frame,
    missing: Vec<IctRegisterLine>,
    register: Vec<IctRegisterLine>,
}

impl IctPage {
    fn notification(&self, l: &IctRegisterLine) -> String {
        let key = match l.notification {
            ict::IctNotificationState::OnTime => "console-ict-on-time",
            ict::IctNotificationState::Late => "console-ict-late",
            ict::IctNotificationState::Missing => "console-ict-missing",
            ict::IctNotificationState::Pending => "console-ict-pending",
        };
        self.f.t(key)
    }
}

/// The ICT register of the region, and the arrival notifications missing (Art. 35(3),
/// (5)): the API's `GET /v1/ict-register`.
pub async fn ict(ctx: Ctx) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadIctRegister)?;
        let q = |attention| RegisterQuery {
            attention,
            limit: Some(ROWS),
            ..RegisterQuery::default()
        };
        let missing = ict::register(&ctx.state, &c, q(Some(IctAttention::MissingNotification)))
            .await?
            .items;
        let register = ict::register(&ctx.state, &c, q(None)).await?.items;
        Ok(IctPage {
            f: ctx.frame("console-ict-title", Some(&c))?,
            missing,
            register,
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    f: Frame,
    asked: String,
    permit: Option<PublicPermitView>,
}

impl VerifyPage {
    /// The region's name in the page's language.
    fn region_name(&self, r: &PublicRegionView) -> String {
        match self.f.lang {
            Lang::Kk => r.name_kk.clone(),
            Lang::Ru => r.name_ru.clone(),
            Lang::En => r.name_en.clone(),
        }
    }
}

/// The number asked for on the verification page's form.
#[derive(Debug, Deserialize)]
pub struct VerifyQuery {
    number: Option<String>,
}

/// Public verification of a permit (Art. 33(5)), with no sign-in: the page the permit's QR
/// code points at (`/console/verify/{number}`), and a form to type a number
/// (`/console/verify?number=`). It shows what `GET /v1/public/permits/{number}` answers —
/// whether the permit is valid today, the employer's name, category, regions and term, no
/// worker — under the same per-address limit; a wrong number is the same 404 as there.
pub async fn verify(
    ctx: Ctx,
    req: HttpRequest,
    path: Option<web::Path<String>>,
    query: web::Query<VerifyQuery>,
) -> HttpResponse {
    let asked = path
        .map(web::Path::into_inner)
        .or_else(|| query.into_inner().number)
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    let page = async {
        let permit = match &asked {
            None => None,
            Some(number) => {
                Some(documents::verify(&ctx.state, req.peer_addr(), number.clone()).await?)
            }
        };
        Ok(VerifyPage {
            f: ctx.frame("console-verify-title", None)?,
            asked: asked.clone().unwrap_or_default(),
            permit,
        })
    }
    .await;
    ctx.page(page)
}
