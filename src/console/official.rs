//! The akimat official's pages: the work queue, the case page with its decisions and
//! supervision, overdue payments and departures, and the ICT register. Each authorizes
//! with `auth` and reads and acts through the same `cases` functions as the API.

use super::frame::{Ctx, Fail, Form, Frame};
use crate::auth::{authorize, authorize_role, permit_access, visible, Action, Caller, Role, Scope};
use crate::cases::case_page::{self, Line, Note};
use crate::cases::documents::{PublicPermit, RegionName};
use crate::cases::ict::list::{self as ict, Attention, Notification, RegisterLine};
use crate::cases::permit::list::{self, Listing, OverdueDeparture, Summary};
use crate::cases::permit::view::{self, Permit, Reader, Reading};
use crate::cases::permits::{self, Decide, Decision, Supervision};
use crate::cases::quota::view::{self as quota, RegionalCategory};
use crate::domain::article::ART_33_2;
use crate::domain::ground_scope::revocation_ground_applies;
use crate::domain::permit::{may_decide, may_supervise, PermitState, RegionDecision};
use crate::domain::ruleset::is_ground_code;
use crate::domain::search::{search_keys, MAX_TERM_CHARS};
use crate::domain::verification::NotValid;
use crate::domain::Message;
use crate::domain::Reason;
use crate::domain::{Category, EmployerId};
use crate::error::{ApiError, FieldError};
use crate::i18n::Lang;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

/// The most rows a console list shows (the API's largest page).
const ROWS: i64 = 500;

/// A listing of every permit `action` lets `caller` see (its region's, for an akimat), at
/// most [`ROWS`].
fn listing(caller: &Caller, action: Action) -> Result<Listing, Fail> {
    let scope = visible(caller, action, None)?;
    Ok(Listing {
        region: scope.region,
        bin: scope.bin,
        limit: ROWS,
        ..Listing::default()
    })
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

/// What the queue's form asks: filters, one search term and the page to continue after,
/// each as typed (an empty field asks nothing).
#[derive(Debug, Clone, Default)]
pub struct QueueAsk {
    pub status: String,
    pub category: String,
    pub employer: String,
    pub due_by: String,
    pub q: String,
    /// Cases a page shows, 1 to [`ROWS`] (default [`QUEUE_ROWS`]).
    limit: String,
    cursor: String,
}

impl QueueAsk {
    /// The query string of the same filters, search and page size, without the cursor:
    /// the fields given, each once.
    fn query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("status", &self.status),
            ("category", &self.category),
            ("employer", &self.employer),
            ("due_by", &self.due_by),
            ("q", &self.q),
            ("limit", &self.limit),
        ] {
            if !value.trim().is_empty() {
                q.append_pair(key, value);
            }
        }
        q.finish()
    }

    /// The listing asked, within `scope`: a field that is none of the page's choices is a
    /// 400 naming it, in the reader's language.
    fn listing(&self, scope: Listing) -> Result<(Listing, Option<(chrono::NaiveDate, i64)>), Fail> {
        let bad = |field: &str| {
            Fail::Api(ApiError::malformed(
                Message::new("malformed-queue-filter").text("field", field),
                vec![FieldError::new(field, Reason::NoneOfChoices)],
            ))
        };
        let given = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        let status = given(&self.status)
            .map(|v| {
                PermitState::parse(&v)
                    .filter(|s| *s != PermitState::Expired)
                    .ok_or_else(|| bad("status"))
            })
            .transpose()?;
        let category = given(&self.category)
            .map(|v| Category::from_code(&v).ok_or_else(|| bad("category")))
            .transpose()?;
        let employer = given(&self.employer)
            .map(|v| v.parse::<EmployerId>().map_err(|_| bad("employer")))
            .transpose()?;
        let due_by = given(&self.due_by)
            .map(|v| super::words::typed_date("due_by", &v))
            .transpose()?;
        let limit = given(&self.limit)
            .map(|v| {
                v.parse::<i64>()
                    .ok()
                    .filter(|n| (1..=ROWS).contains(n))
                    .ok_or_else(|| bad("limit"))
            })
            .transpose()?
            .unwrap_or(QUEUE_ROWS);
        let after = given(&self.cursor)
            .map(|v| list::read_due_cursor(&v).ok_or_else(|| bad("cursor")))
            .transpose()?;
        let bin = match (scope.bin.clone(), employer) {
            (Some(own), Some(asked)) if own != asked => return Err(bad("employer")),
            (own, asked) => own.or(asked),
        };
        Ok((
            Listing {
                bin,
                status,
                category,
                due_by,
                search: search_keys(&self.q),
                limit,
                ..scope
            },
            after,
        ))
    }
}

/// Reads the queue's query string; other parameters are ignored.
fn queue_ask(q: &str) -> QueueAsk {
    let mut ask = QueueAsk::default();
    for (key, value) in form_urlencoded::parse(q.as_bytes()) {
        let field = match key.as_ref() {
            "status" => &mut ask.status,
            "category" => &mut ask.category,
            "employer" => &mut ask.employer,
            "due_by" => &mut ask.due_by,
            "q" => &mut ask.q,
            "limit" => &mut ask.limit,
            "cursor" => &mut ask.cursor,
            _ => continue,
        };
        *field = value.chars().take(MAX_TERM_CHARS).collect();
    }
    ask
}

/// Cases a queue page shows unless asked otherwise (the API's default page).
const QUEUE_ROWS: i64 = 50;

#[derive(Template)]
#[template(path = "queue.html")]
struct QueueView {
    f: Frame,
    /// Whether the reader has a region of its own: an akimat's queue awaits its own
    /// region's decisions; the ministry and auditors, who have none, see every region's,
    /// and the page words its introduction and the status filter's first choice so.
    own_region: bool,
    ask: QueueAsk,
    found: list::QueuePage,
    /// The link to the next page, when there is one.
    next: Option<String>,
    statuses: Vec<&'static str>,
    categories: Vec<Category>,
}

/// The work queue: by default the region's applications and extensions awaiting its
/// decision, by decision deadline, overdue first (the API's `GET /v1/permit-applications`),
/// 50 to a page (or `limit`, up to 500) with the total; filtered by status, category, employer and deadline, or
/// searched by one term (case id, permit number, BIN, employer name, worker's passport
/// number or Latin name) within the official's scope.
pub async fn queue(ctx: Ctx, req: HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadDepartures)?;
        let ask = queue_ask(req.query_string());
        let scope = listing(&c, Action::ReadPermits)?;
        let (l, after) = ask.listing(scope)?;
        let today = ctx.state.time.today();
        let found = ctx
            .state
            .db(move |conn| Ok(list::queue(conn, &l, after, today)?))
            .await?;
        let bins = found.items.iter().map(|p| p.bin.to_string()).collect();
        let next = found
            .next_cursor
            .as_ref()
            .map(|cur| format!("/console/queue?{}&cursor={cur}", ask.query()));
        Ok(QueueView {
            f: ctx
                .frame_naming("console-queue-title", Some(&c), bins)
                .await?,
            own_region: c.region.is_some(),
            ask,
            found,
            next,
            statuses: PermitState::ALL
                .into_iter()
                .filter(|s| *s != PermitState::Expired)
                .map(PermitState::as_str)
                .collect(),
            categories: Category::ALL.to_vec(),
        })
    }
    .await;
    ctx.page(page)
}

/// A region's quota left for the permit's category.
pub struct QuotaLeft {
    pub region: String,
    pub figures: RegionalCategory,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    f: Frame,
    p: Permit,
    quota: Vec<QuotaLeft>,
    /// The akimat may decide now: the permit is applied and its region has not decided.
    can_decide: bool,
    /// The akimat may suspend, resume or revoke.
    can_supervise: bool,
    refusal: Vec<view::Ground>,
    /// The revocation grounds that apply to the permit's category (Art. 33(2)).
    revocation: Vec<view::Ground>,
    /// The history, with what officials wrote with their acts beside them.
    history: Vec<Line>,
}

impl CasePage {
    /// The official who decided a region's part, by name and role as the history names
    /// them (the role of their decision's line; an akimat's when the history has none).
    fn decider(&self, sub: &str) -> String {
        let role = self
            .history
            .iter()
            .rev()
            .find(|h| h.actor == sub)
            .map_or("akimat", |h| h.role.as_str());
        format!("{} ({})", self.f.actor(sub), self.f.role(role))
    }

    fn status(&self) -> String {
        self.f
            .t(&format!("console-status-{}", self.p.status.as_str()))
    }

    /// Whether any region has priced its fee (on its approval).
    fn has_fees(&self) -> bool {
        self.p.regions.iter().any(|r| r.fee.is_some())
    }

    /// Whether any region's fee is paid.
    fn has_payments(&self) -> bool {
        self.p
            .regions
            .iter()
            .any(|r| r.fee.as_ref().is_some_and(|f| f.paid.is_some()))
    }

    /// In force (suspension offered) rather than suspended (resumption offered).
    fn active(&self) -> bool {
        self.p.status == PermitState::Active
    }
}

/// The permit's history as the page shows it: each line with the words an official wrote
/// with it; an employer acting is the permit's employer.
fn history(p: &Permit, notes: &[Note]) -> Vec<Line> {
    p.history
        .iter()
        .map(|h| Line {
            at: h.at,
            action: h.action.clone(),
            actor: h.actor.clone(),
            role: h.role.clone(),
            bin: (h.role == Role::Employer.as_str()).then(|| p.bin.to_string()),
            legal_basis: h.legal_basis.clone(),
            grounds: Vec::new(),
            note: notes
                .iter()
                .find(|n| n.at == h.at && n.action == h.action)
                .map(|n| n.text.clone()),
        })
        .collect()
}

/// How an official reads a permit today, in the page's language.
fn reading(ctx: &Ctx) -> Reading {
    Reading {
        today: ctx.state.time.today(),
        lang: ctx.lang,
        reader: Reader::Official,
    }
}

/// Permit `id` as the official reads it: read in one read transaction; a permit whose
/// fee is overdue (or an extension whose parent ended) lapses first, as on the API.
async fn read(ctx: &Ctx, c: &Caller, id: i64) -> Result<Permit, Fail> {
    authorize_role(c, Action::ReadPermits)?;
    let how = reading(ctx);
    let (caller, rule_sets) = (c.clone(), ctx.state.rule_sets.clone());
    let actor = permits::system_actor(ctx.state.time.now().naive_utc());
    Ok(ctx
        .state
        .read_settled(
            move |conn| {
                let access = permit_access(&caller, Action::ReadPermits);
                view::read(conn, &rule_sets, id, how, access)
            },
            move |conn| Ok(view::settle(conn, id, how.today, &actor)?),
        )
        .await?)
}

/// The case page: workers, every automatic check with its article, the quota left in
/// the region, the fee, the history, and the official's buttons.
///
/// A case id that is no number (`/console/permits/abc`) is a page that does not exist,
/// answered as one in the reader's language.
pub async fn case(ctx: Ctx, id: web::Path<String>) -> HttpResponse {
    let Ok(id) = id.parse::<i64>() else {
        return not_found(ctx).await;
    };
    let page = async {
        let c = ctx.caller()?;
        // The console is the officials'; an employer reads its permits through the API.
        if c.role == Role::Employer {
            return Err(Fail::Api(ApiError::Forbidden(
                Message::new("forbidden-role").text("role", c.role.as_str()),
            )));
        }
        let p = read(&ctx, &c, id).await?;
        crate::ops::reads::record_console(&ctx.state, &c, "/console/permits/{id}", id, &ctx.rid.0)
            .await?;
        let quota = quota_left(&ctx, &c, &p).await?;
        let own = p
            .regions
            .iter()
            .find(|r| Some(&r.region) == c.region.as_ref());
        let can_decide = authorize_role(&c, Action::DecidePermit).is_ok()
            && own
                .and_then(view::Region::decision)
                .is_some_and(|d| may_decide(p.status, d));
        let can_supervise =
            authorize_role(&c, Action::SupervisePermit).is_ok() && may_supervise(p.status);
        let (refusal, mut revocation) = if can_decide || can_supervise {
            grounds(&ctx, &c).await?
        } else {
            (Vec::new(), Vec::new())
        };
        revocation.retain(|g| revocation_ground_applies(&g.code, p.category));
        let bins = vec![p.bin.to_string()];
        let notes = ctx
            .state
            .read(move |conn| Ok(case_page::notes(conn, id)?))
            .await?;
        let f = ctx
            .frame_naming("console-case-title", Some(&c), bins)
            .await?;
        let mut actors: Vec<String> = p.history.iter().map(|h| h.actor.clone()).collect();
        actors.extend(p.regions.iter().filter_map(|r| r.decided_by.clone()));
        Ok(CasePage {
            f: ctx.naming_officials(f, actors).await?,
            history: history(&p, &notes),
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

/// The permit's document (PDF) as the official reads it: the API's
/// `GET /v1/permits/{id}/document`, under the console's session.
pub async fn document(ctx: Ctx, id: web::Path<i64>) -> HttpResponse {
    let id = id.into_inner();
    let pdf = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadDepartures)?;
        let today = ctx.state.time.today();
        let doc = ctx
            .state
            .read(move |conn| {
                crate::cases::documents::document(
                    conn,
                    id,
                    today,
                    permit_access(&c, Action::ReadPermits),
                )
            })
            .await?;
        let url = crate::document::verification_url(&ctx.state.public_base_url, &doc.number);
        let number = doc.number.to_string();
        let pdf = web::block(move || crate::document::render(&doc, &url))
            .await
            .map_err(|_| ApiError::Internal)?
            .map_err(|e| {
                log::error!("permit {id}'s document failed to render: {e}");
                ApiError::Internal
            })?;
        Ok::<_, Fail>((number, pdf))
    }
    .await;
    match pdf {
        Ok((number, pdf)) => HttpResponse::Ok()
            .content_type("application/pdf")
            .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
            .insert_header((
                actix_web::http::header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{number}.pdf\""),
            ))
            .body(pdf),
        Err(f) => ctx.fail(f),
    }
}

/// The quota left for the permit's category in each region it names that the caller may
/// read (the API's `GET /v1/quotas/{year}/regions`); none when no quota is set that year.
async fn quota_left(ctx: &Ctx, c: &Caller, p: &Permit) -> Result<Vec<QuotaLeft>, Fail> {
    let year = p.quota_year;
    let found = match visible(c, Action::ReadRegionalQuota, None) {
        Ok(v) => {
            let own = v.region;
            ctx.state
                .read(move |conn| Ok(quota::regions(conn, year, own.as_ref())?))
                .await
        }
        Err(e) => Err(e),
    };
    let views = match found {
        Ok(v) => v,
        // No quota for the year, or a role that does not read regional quota: the
        // page shows none, as the API would.
        Err(ApiError::NotFound(_) | ApiError::Forbidden(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    Ok(views
        .into_iter()
        .filter(|v| p.regions.iter().any(|r| r.region.as_str() == v.region))
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
async fn grounds(ctx: &Ctx, c: &Caller) -> Result<(Vec<view::Ground>, Vec<view::Ground>), Fail> {
    authorize(c, Action::ReadRuleSets, Scope::All)?;
    let (today, lang) = (ctx.state.time.today(), ctx.lang);
    let rule_sets = ctx.state.rule_sets.clone();
    Ok(ctx
        .state
        .db(move |conn| Ok(view::ground_choices(conn, &rule_sets, today, lang)?))
        .await?)
}

/// The version the official read, sent back with the form: a permit that changed since
/// is refused (412) rather than decided blind.
fn version(form: &Form) -> Result<Option<i64>, Fail> {
    match form.get("version") {
        "" => Ok(None),
        v => v
            .parse()
            .map(Some)
            .map_err(|_| Fail::Api(ApiError::invalid("version", Reason::WholeNumber))),
    }
}

/// After an action: a note on the case page, in the reader's language. A form read
/// before someone else changed the case (412) says who changed it, what and when; the
/// case page it goes back to is the fresh one.
async fn after(ctx: &Ctx, id: i64, done: Result<Permit, Fail>, ok_key: &str) -> HttpResponse {
    let note = match done {
        Ok(_) => ctx.flash(true, ctx.lang.key(ok_key)),
        Err(Fail::Api(ApiError::PreconditionFailed { .. })) => {
            let text = stale(ctx, id).await;
            ctx.flash(false, text)
        }
        Err(Fail::Api(e)) => ctx.flash(false, ctx.problem_text(&e)),
        Err(f) => return ctx.fail(f),
    };
    match note {
        Ok(()) => ctx.see_other(&format!("/console/permits/{id}")),
        Err(f) => ctx.fail(f),
    }
}

/// Who changed case `id` last, what and when, in the reader's language; the plain stale
/// message when the case cannot be read.
async fn stale(ctx: &Ctx, id: i64) -> String {
    let last = match ctx.caller() {
        Ok(c) => read(ctx, &c, id)
            .await
            .ok()
            .and_then(|p| p.history.last().cloned()),
        Err(_) => None,
    };
    match last {
        Some(h) => {
            // Named as the history names them: the act and the role in words, the time
            // in Kazakhstan's, to the minute.
            let f = Frame::bare(ctx.lang, ctx.state.time.offset(), ctx.state.time.today());
            ctx.lang.text(
                &Message::new("console-stale-form")
                    .text(
                        "who",
                        format!("{} ({})", f.actor(&h.actor), f.role(&h.role)),
                    )
                    .text("what", f.action(&h.action))
                    .text("when", f.time(&h.at)),
            )
        }
        None => ctx.lang.key("console-stale-form-plain"),
    }
}

/// Whether the form confirms what its confirmation page showed.
fn confirmed(form: &Form) -> bool {
    form.get("confirmed") == "yes"
}

#[derive(Template)]
#[template(path = "confirm.html")]
struct ConfirmPage {
    f: Frame,
    id: i64,
    number: Option<String>,
    /// What the official is about to do.
    act: String,
    /// What will follow from it.
    effects: Vec<String>,
    /// Where the confirmed form goes.
    action: String,
    /// The form's fields, sent again with the confirmation.
    fields: Vec<(String, String)>,
}

/// A ground as the page names it: its name and its article as the page's language
/// writes it.
fn named(f: &Frame, g: &view::Ground) -> String {
    match &g.article {
        Some(a) => format!("{} ({})", g.name, f.article(a)),
        None => g.name.clone(),
    }
}

/// What a refusal or revocation will bring about, in words for its confirmation page: the
/// act and its day, the quota given back to each region for the workers it was held for,
/// for a revocation on a ground that bars the employer the bar of Art. 33(2) with its last
/// day (`bar`: the months), and the official's note. Dates as the page's language writes
/// them; regions and categories by name.
fn effects(
    f: &Frame,
    p: &Permit,
    revoke: bool,
    bar: Option<u32>,
    note: &str,
    today: chrono::NaiveDate,
) -> Vec<String> {
    let on = f.date(&today);
    let mut out = vec![if revoke {
        f.lang
            .text(&Message::new("console-effect-revoked").text("date", &on))
    } else {
        f.lang
            .text(&Message::new("console-effect-refused").text("date", &on))
    }];
    // A revoked permit gives back what every region issued it; a refused application
    // what the regions that approved it hold.
    let back: Vec<String> = p
        .regions
        .iter()
        .filter(|r| revoke || r.decision() == Some(RegionDecision::Approved))
        .map(|r| {
            f.lang.text(
                &Message::new("console-effect-quota-back")
                    .text("region", f.region(r.region.as_str()))
                    .text("category", f.category(&p.category))
                    .text("year", p.quota_year)
                    .arg("workers", p.workers.len())
                    .text("date", &on),
            )
        })
        .collect();
    if back.is_empty() {
        out.push(f.lang.key("console-effect-no-quota"));
    }
    out.extend(back);
    if let Some(months) = bar {
        let until = crate::domain::permit::checks::bar_until(today, months)
            .map_or_else(String::new, |d| f.date(&d));
        out.push(
            f.lang.text(
                &Message::new("console-effect-bar")
                    .text("employer", f.employer(p.bin.as_str()))
                    .arg("months", months)
                    .text("until", until)
                    .text("article", f.article(ART_33_2.cite())),
            ),
        );
    }
    if !note.is_empty() {
        out.push(
            f.lang
                .text(&Message::new("console-effect-note").text("note", note)),
        );
    }
    out
}

/// The confirmation page of a refusal or revocation the form asks for, before anything
/// changes; `None` when the form is confirmed already, asks for something else, or
/// cannot be confirmed (no ground, a ground that does not apply): the command then
/// decides, and refuses, as the API would.
async fn confirmation(ctx: &Ctx, id: i64, body: &[u8], revoke: bool) -> Option<HttpResponse> {
    let c = ctx.caller().ok()?;
    let form = ctx.form(body).ok()?;
    if confirmed(&form) {
        return None;
    }
    let chosen = form.all("ground");
    if chosen.is_empty() || chosen.iter().any(String::is_empty) {
        return None;
    }
    if !revoke && form.get("decision") != "refuse" {
        return None;
    }
    let page = async {
        let p = read(ctx, &c, id).await?;
        let (refusal, revocation) = grounds(ctx, &c).await?;
        // A revocation ground that does not apply is the command's to refuse.
        let code = form.get("ground").to_owned();
        let ground = match revocation
            .iter()
            .find(|g| g.code == code && revocation_ground_applies(&g.code, p.category))
        {
            Some(g) => Some(g.clone()),
            None if revoke => return Ok(None),
            None => None,
        };
        let f = ctx
            .frame_naming("console-confirm-title", Some(&c), vec![p.bin.to_string()])
            .await?;
        let today = ctx.state.time.today();
        let (act, bar, action) = match ground.filter(|_| revoke) {
            Some(g) => {
                let rule_sets = ctx.state.rule_sets.clone();
                let bar = ctx
                    .state
                    .read(move |conn| {
                        Ok(case_page::revocation_bar(conn, &rule_sets, today, &code)?)
                    })
                    .await?;
                let act = Message::new("console-confirm-revoke").text("ground", named(&f, &g));
                (act, bar, "revocation")
            }
            None => {
                let names: Vec<String> = chosen
                    .iter()
                    .map(|code| {
                        refusal
                            .iter()
                            .find(|g| &g.code == code)
                            .map_or_else(|| code.clone(), |g| named(&f, g))
                    })
                    .collect();
                let act = Message::new("console-confirm-refuse").text("grounds", names.join("; "));
                (act, None, "decision")
            }
        };
        Ok(Some(ConfirmPage {
            effects: effects(&f, &p, revoke, bar, form.get("note"), today),
            act: ctx.lang.text(&act),
            f,
            id,
            number: p.number.clone(),
            action: format!("/console/permits/{id}/{action}"),
            fields: form
                .fields()
                .iter()
                .filter(|(k, _)| k != "confirmed")
                .cloned()
                .collect(),
        }))
    }
    .await;
    match page {
        Ok(None) => None,
        Ok(Some(p)) => Some(ctx.page(Ok(p))),
        Err(f) => Some(ctx.fail(f)),
    }
}

/// A refusal on a ground that is not on the rule set's list (a form made by hand, a list
/// changed since the page was read): the case page and its form again, with one sentence
/// that does not repeat what was sent; nothing is confirmed or decided.
async fn unlisted_ground(ctx: &Ctx, id: i64, body: &[u8]) -> Option<HttpResponse> {
    let c = ctx.caller().ok()?;
    let form = ctx.form(body).ok()?;
    if form.get("decision") != "refuse" {
        return None;
    }
    let chosen = form.all("ground");
    let listed = match grounds(ctx, &c).await {
        Ok((refusal, _)) => refusal,
        Err(f) => return Some(ctx.fail(f)),
    };
    if chosen
        .iter()
        .all(|code| code.is_empty() || listed.iter().any(|g| &g.code == code))
    {
        return None;
    }
    Some(
        match ctx.flash(false, ctx.lang.key("console-ground-unlisted")) {
            Ok(()) => ctx.see_other(&format!("/console/permits/{id}")),
            Err(f) => ctx.fail(f),
        },
    )
}

/// The decision the form asks for: approve, or refuse on the grounds ticked.
fn decision(form: &Form) -> Result<Decision, Fail> {
    match form.get("decision") {
        "approve" => Ok(Decision::Approve),
        "refuse" => {
            let grounds = form.all("ground");
            match grounds.iter().find(|g| !is_ground_code(g)) {
                Some(_) => Err(Fail::Api(ApiError::invalid(
                    "ground",
                    Reason::GroundCode { max: 64 },
                ))),
                None => Ok(Decision::Refuse {
                    grounds,
                    note: Some(form.get("note").to_owned()).filter(|n| !n.is_empty()),
                }),
            }
        }
        _ => Err(ApiError::invalid(
            "decision",
            Reason::OneOf {
                allowed: "approve, refuse".into(),
            },
        )
        .into()),
    }
}

/// Approves or refuses (with grounds) for the official's region: the API's decision.
pub async fn decide(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    if let Some(page) = unlisted_ground(&ctx, id, &body).await {
        return page;
    }
    if let Some(page) = confirmation(&ctx, id, &body, false).await {
        return page;
    }
    let done = async {
        let c = ctx.caller()?;
        let form = ctx.form(&body)?;
        authorize_role(&c, Action::DecidePermit)?;
        let region = c
            .region
            .clone()
            .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-other-region")))?;
        let cmd = Decide {
            region,
            decision: decision(&form)?,
            expected_version: version(&form)?,
        };
        let how = reading(&ctx);
        let rule_sets = ctx.state.rule_sets.clone();
        let actor = ctx.state.actor(&c, &ctx.rid);
        Ok(ctx
            .state
            .write(move |conn| {
                let access = permit_access(&c, Action::DecidePermit);
                let today = permits::Today {
                    date: how.today,
                    rule_sets: &rule_sets,
                };
                permits::decide(conn, id, &cmd, today, access, &actor, |decided| {
                    Ok(decided.render(how)?)
                })
            })
            .await?)
    }
    .await;
    let key = if matches!(&done, Ok(p) if p.status == PermitState::Refused) {
        "console-done-refused"
    } else {
        "console-done-decided"
    };
    after(&ctx, id, done, key).await
}

/// Runs the supervision the form asks for (the API's suspension, resumption, revocation).
async fn supervise(
    ctx: &Ctx,
    id: i64,
    body: &[u8],
    cmd: impl FnOnce(&Form) -> Supervision,
) -> Result<Permit, Fail> {
    let c = ctx.caller()?;
    let form = ctx.form(body)?;
    authorize_role(&c, Action::SupervisePermit)?;
    let (cmd, expected) = (cmd(&form), version(&form)?);
    let how = reading(ctx);
    let rule_sets = ctx.state.rule_sets.clone();
    let actor = ctx.state.actor(&c, &ctx.rid);
    Ok(ctx
        .state
        .write(move |conn| {
            let access = permit_access(&c, Action::SupervisePermit);
            let l = permits::supervise(conn, id, &cmd, how.today, expected, access, &actor)?;
            Ok(view::render(conn, &rule_sets, l, how)?)
        })
        .await?)
}

/// Suspends an active permit, with the reason.
pub async fn suspend(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = supervise(&ctx, id, &body, |f| Supervision::Suspend {
        reason: f.get("reason").to_owned(),
    })
    .await;
    after(&ctx, id, done, "console-done-suspended").await
}

/// Lifts a suspension.
pub async fn resume(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = supervise(&ctx, id, &body, |_| Supervision::Resume).await;
    after(&ctx, id, done, "console-done-resumed").await
}

/// Revokes a permit on a ground of the rule set's list.
pub async fn revoke(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    if let Some(page) = confirmation(&ctx, id, &body, true).await {
        return page;
    }
    let done = supervise(&ctx, id, &body, |f| Supervision::Revoke {
        ground: f.get("ground").to_owned(),
        note: Some(f.get("note").to_owned()).filter(|n| !n.is_empty()),
    })
    .await;
    after(&ctx, id, done, "console-done-revoked").await
}

#[derive(Template)]
#[template(path = "overdue.html")]
struct OverduePage {
    f: Frame,
    awaiting: Vec<Summary>,
    lapsed: Vec<Summary>,
    departures: Vec<OverdueDeparture>,
}

/// Payments awaited and lapsed for want of payment, and departures owed: the API's
/// permit listing by status and `GET /v1/departures/overdue`.
pub async fn overdue(ctx: Ctx) -> HttpResponse {
    let page = async {
        let c = ctx.caller()?;
        authorize_role(&c, Action::ReadDepartures)?;
        let of = |status| {
            listing(&c, Action::ReadPermits).map(|l| Listing {
                status: Some(status),
                ..l
            })
        };
        let (awaiting, lapsed) = (of(PermitState::AwaitingPayment)?, of(PermitState::Lapsed)?);
        let region = visible(&c, Action::ReadDepartures, None)?.region;
        let today = ctx.state.time.today();
        let (awaiting, lapsed, departures) = ctx
            .state
            .db(move |conn| {
                Ok((
                    list::permits(conn, &awaiting, today)?,
                    list::permits(conn, &lapsed, today)?,
                    list::overdue_departures(conn, region.as_ref(), today)?,
                ))
            })
            .await?;
        let bins = (awaiting.iter().chain(&lapsed))
            .map(|p| p.bin.to_string())
            .chain(departures.iter().map(|d| d.bin.to_string()))
            .collect();
        Ok(OverduePage {
            f: ctx
                .frame_naming("console-overdue-title", Some(&c), bins)
                .await?,
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
    missing: Vec<RegisterLine>,
    register: Vec<RegisterLine>,
}

impl IctPage {
    fn notification(&self, l: &RegisterLine) -> String {
        let key = match l.notification {
            Notification::OnTime => "console-ict-on-time",
            Notification::Late => "console-ict-late",
            Notification::Missing => "console-ict-missing",
            Notification::Pending => "console-ict-pending",
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
        let region = visible(&c, Action::ReadIctRegister, None)?.region;
        let today = ctx.state.time.today();
        let (missing, register) = ctx
            .state
            .read(move |conn| {
                let page = |attention| ict::RegisterPage {
                    region: region.as_ref(),
                    attention,
                    after_worker: None,
                    limit: ROWS,
                };
                let missing =
                    ict::register(conn, page(Some(Attention::MissingNotification)), today)?;
                let register = ict::register(conn, page(None), today)?;
                Ok((missing, register))
            })
            .await?;
        let bins = register.iter().map(|l| l.bin.to_string()).collect();
        Ok(IctPage {
            f: ctx
                .frame_naming("console-ict-title", Some(&c), bins)
                .await?,
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
    permit: Option<PublicPermit>,
    /// When no issued permit carries the number asked: the sentence saying so, in the
    /// reader's language, shown above the form to type it again.
    unknown: Option<String>,
}

impl VerifyPage {
    /// Why the permit is not valid today, in the page's language (Art. 33(1), (4)).
    fn why_not_valid(&self, p: &PublicPermit) -> String {
        p.not_valid
            .map(|why| crate::format::not_valid(self.f.lang, why))
            .unwrap_or_default()
    }

    /// The permit's status in words. An issued permit whose term has not begun is not
    /// called active (in Kazakh «жарамды», valid) beside "not valid today": it reads
    /// "issued, not yet in force", and the reason gives the day it begins.
    fn status_words(&self, p: &PublicPermit) -> String {
        match p.not_valid {
            Some(NotValid::NotYetStarted { .. }) => self.f.t("console-verify-status-not-started"),
            _ => self.f.tk("console-status-", p.status.as_str()),
        }
    }

    /// The region's name in the page's language.
    fn region_name(&self, r: &RegionName) -> String {
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
/// worker — and why it is not valid today when it is not, under a per-address limit of
/// its own (`console.verify_per_minute`, apart from the API's); a wrong number is the same
/// 404 as there.
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
        let (permit, unknown) =
            match asked.clone() {
                None => (None, None),
                Some(number) => {
                    ctx.console.limit_verification(req.peer_addr())?;
                    let today = ctx.state.time.today();
                    let typed = number.clone();
                    let found = ctx
                        .state
                        .read(move |c| {
                            Ok(crate::cases::documents::verify_public(c, &number, today)
                                .map_err(ApiError::from))
                        })
                        .await?;
                    match found {
                        Ok(p) => (Some(p), None),
                        // A wrong number: the form again, saying so in the reader's words.
                        Err(ApiError::NotFound(_)) => (
                            None,
                            Some(ctx.lang.text(
                                &Message::new("console-verify-unknown").text("number", typed),
                            )),
                        ),
                        Err(e) => return Err(Fail::Api(e)),
                    }
                }
            };
        Ok(VerifyPage {
            f: ctx.frame("console-verify-title", None)?,
            asked: asked.clone().unwrap_or_default(),
            permit,
            unknown,
        })
    }
    .await;
    let missing = matches!(
        &page,
        Ok(VerifyPage {
            unknown: Some(_),
            ..
        })
    );
    let mut res = ctx.page(page);
    // The same 404 as the API's answer, with the page and its form.
    if missing {
        *res.status_mut() = actix_web::http::StatusCode::NOT_FOUND;
    }
    res
}
