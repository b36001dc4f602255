//! The akimat's pages for self-employment certificates (Art. 34, 28(2)(10)): the region's
//! certificates by page with their total, one certificate with its decision (issue for at
//! most three months, or refuse on grounds of the rule set's list that refuse a certificate,
//! with a note, after a confirmation), its extension for
//! the holder's labour contract and the employers' hiring and end reports. The ministry
//! and auditors read any region's, chosen on the page, and act on none. Each authorizes
//! with `auth` and reads and acts through the same `cases` functions as the API's
//! `/v1/self-employment-certificates`.

use super::frame::{Ctx, Fail, Form, Frame};
use crate::auth::{authorize_role, certificate_access, reach, visible, Action, Caller, Reach};
use crate::cases::case_page::{self, Line};
use crate::cases::certificates::view::{self, Arrived, Certificate};
use crate::cases::certificates::{self as cmd, list};
use crate::cases::permit::view::Ground;
use crate::cases::reference;
use crate::domain::certificate::{CertificateState, ReportKind};
use crate::domain::ruleset::{CaseGrounds, GroundUse};
use crate::domain::statute::MAX_SELF_EMPLOYMENT_INITIAL_MONTHS;
use crate::domain::Reason;
use crate::domain::{EmployerId, Message, ProblemCode, RegionCode};
use crate::error::{ApiError, FieldError};
use crate::i18n::Lang;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

/// Cases a page of the console's lists shows.
pub(super) const PAGE_ROWS: i64 = 50;

/// What a list page asks: the region chosen (the ministry's and auditors' chooser) and the
/// case to continue after.
#[derive(Debug, Clone, Default)]
pub(super) struct ListAsk {
    pub region: Option<RegionCode>,
    pub after: Option<i64>,
}

/// A 400 naming the field of a page's form that is none of its choices by the field's
/// label (`label`, a catalogue key) in the reader's language.
pub(super) fn bad_field(lang: Lang, field: &str, label: &str) -> Fail {
    Fail::Api(ApiError::malformed(
        Message::new("malformed-queue-filter").text("field", format!("«{}»", lang.key(label))),
        vec![FieldError::new(field, Reason::NoneOfChoices)],
    ))
}

/// Reads `?region=` and `?after=` of a list page; other parameters are ignored.
pub(super) fn list_ask(lang: Lang, q: &str) -> Result<ListAsk, Fail> {
    let mut ask = ListAsk::default();
    for (key, value) in form_urlencoded::parse(q.as_bytes()) {
        let value = value.trim();
        match key.as_ref() {
            "region" if !value.is_empty() => {
                ask.region = Some(
                    value
                        .parse()
                        .map_err(|_| bad_field(lang, "region", "console-col-region"))?,
                );
            }
            "after" if !value.is_empty() => {
                ask.after = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n: &i64| *n > 0)
                        .ok_or_else(|| bad_field(lang, "after", "console-find-next"))?,
                );
            }
            _ => {}
        }
    }
    Ok(ask)
}

/// Every region's code, for the chooser of a role that reads them all; none for an akimat
/// (its own region is the only one it reads).
pub(super) async fn chooser(ctx: &Ctx, c: &Caller, action: Action) -> Result<Vec<String>, Fail> {
    if reach(c.role, action) != Reach::All {
        return Ok(Vec::new());
    }
    Ok(ctx
        .state
        .read(|conn| Ok(reference::regions(conn)?))
        .await?
        .into_iter()
        .map(|r| r.code)
        .collect())
}

/// The version the official read, sent back with a form: a case that changed since is
/// refused (412) rather than decided blind.
pub(super) fn version(form: &Form) -> Result<Option<i64>, Fail> {
    match form.get("version") {
        "" => Ok(None),
        v => v
            .parse()
            .map(Some)
            .map_err(|_| Fail::Api(ApiError::invalid("version", Reason::WholeNumber))),
    }
}

/// After a form: a note on the page `back`, in the reader's language; a form read before
/// the case changed (412) says so, and the page it goes back to is the fresh one.
pub(super) fn after<T>(ctx: &Ctx, back: &str, done: Result<T, Fail>, ok_key: &str) -> HttpResponse {
    let note = match done {
        Ok(_) => ctx.flash(true, ctx.lang.key(ok_key)),
        Err(Fail::Api(ApiError::PreconditionFailed { .. })) => {
            ctx.flash(false, ctx.lang.key("console-stale-form-plain"))
        }
        Err(Fail::Api(e)) => ctx.flash(false, ctx.problem_text(&e)),
        Err(f) => return ctx.fail(f),
    };
    match note {
        Ok(()) => ctx.see_other(back),
        Err(f) => ctx.fail(f),
    }
}

/// The confirmation page a refusal goes through before anything changes.
#[derive(Template)]
#[template(path = "certificate_confirm.html")]
pub(super) struct ConfirmPage {
    pub f: Frame,
    /// What the case is called (`№ 12 · Arjun Mehta`).
    pub case: String,
    /// What the official is about to do.
    pub act: String,
    /// What will follow from it.
    pub effects: Vec<String>,
    /// Where the confirmed form goes, and the case page to go back to.
    pub action: String,
    pub back: String,
    /// The form's fields, sent again with the confirmation.
    pub fields: Vec<(String, String)>,
}

impl ConfirmPage {
    /// The confirmation of `form`, posted to `action`, for the case at `back`.
    pub fn of(f: Frame, form: &Form, case: String, act: String, action: String) -> ConfirmPage {
        let back = action
            .rsplit_once('/')
            .map_or_else(|| action.clone(), |(b, _)| b.to_owned());
        ConfirmPage {
            effects: Vec::new(),
            act,
            f,
            case,
            back,
            action,
            fields: form
                .fields()
                .iter()
                .filter(|(k, _)| k != "confirmed")
                .cloned()
                .collect(),
        }
    }
}

/// The rule set's grounds to refuse certificates and ICT permits in force today.
pub(super) async fn case_grounds(ctx: &Ctx) -> Result<CaseGrounds, Fail> {
    let today = ctx.state.time.today();
    Ok(ctx
        .state
        .read(move |conn| Ok(cmd::case_grounds(conn, today)?))
        .await?)
}

/// The grounds of `list` that refuse the decision `used`, in the reader's language with
/// their articles: the choices a refusal form offers, none ticked.
pub(super) fn choices(list: &CaseGrounds, used: GroundUse, lang: Lang) -> Vec<Ground> {
    list.for_use(used)
        .map(|g| Ground {
            code: g.code.clone(),
            article: Some(g.article.clone()),
            name: lang.pick(&g.words()).to_owned(),
        })
        .collect()
}

/// Why a refusal cannot be made when `list` has no ground for the decision `used` (a rule
/// set published before `case_grounds`): the sentence the API's refusal gives, in the
/// reader's language, for the form to show instead of an empty list; `None` when it has.
pub(super) fn no_grounds(list: &CaseGrounds, used: GroundUse, lang: Lang) -> Option<String> {
    list.for_use(used).next().is_none().then(|| {
        let m = Message::new(ProblemCode::RuleSetListsNoGrounds.as_str())
            .text("decision", used.as_str());
        // The refusal's message as a sentence of its own.
        let text = lang.text(&m);
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |first| {
            format!("{}{}.", first.to_uppercase(), chars.as_str())
        })
    })
}

/// The grounds `codes` as `list` names them in the reader's language; a code the list no
/// longer has is shown as its code.
pub(super) fn named(list: &CaseGrounds, codes: &[String], lang: Lang) -> Vec<Ground> {
    codes
        .iter()
        .map(|code| match list.ground(code) {
            Some(g) => Ground {
                code: code.clone(),
                article: Some(g.article.clone()),
                name: lang.pick(&g.words()).to_owned(),
            },
            None => Ground {
                code: code.clone(),
                article: None,
                name: code.clone(),
            },
        })
        .collect()
}

/// A ground as a confirmation reads it: its name and article.
pub(super) fn ground_text(f: &Frame, g: &Ground) -> String {
    match &g.article {
        Some(a) => format!("{} ({})", g.name, f.article(a)),
        None => g.name.clone(),
    }
}

/// The confirmation of a refusal on the grounds ticked in `form`, when every one of them
/// refuses the decision `used`: what the official does (the grounds, named), and what
/// follows (`effect`, then the note kept in the history). `None` when a ground is unknown
/// or does not apply: the command refuses it as the API would.
pub(super) fn refusal_words(
    f: &Frame,
    list: &CaseGrounds,
    form: &Form,
    used: GroundUse,
    (act, effect): (&str, &str),
) -> Option<(String, Vec<String>)> {
    let codes = form.all("ground");
    if codes
        .iter()
        .any(|c| !list.ground(c).is_some_and(|g| g.applies(used)))
    {
        return None;
    }
    let names: Vec<String> = named(list, &codes, f.lang)
        .iter()
        .map(|g| ground_text(f, g))
        .collect();
    let act = f
        .lang
        .text(&Message::new(act).text("grounds", names.join("; ")));
    let mut effects = vec![f.lang.key(effect)];
    let note = form.get("reason");
    if !note.is_empty() {
        effects.push(
            f.lang
                .text(&Message::new("console-effect-note").text("note", note)),
        );
    }
    Some((act, effects))
}

/// A refusal's grounds and note from the form: the ticked `ground`s (the command checks
/// them against the rule set's list) and the optional `reason`.
pub(super) fn refusal(form: &Form) -> (Vec<String>, Option<String>) {
    let note = Some(form.get("reason").to_owned()).filter(|n| !n.is_empty());
    (form.all("ground"), note)
}

/// The history of case `id` of `entity_type` (`self_employment_certificate`,
/// `ict_permit`) in the reader's language: each act with who did it, its article, the
/// grounds named and the note written.
pub(super) async fn history(
    ctx: &Ctx,
    entity_type: &'static str,
    id: i64,
) -> Result<Vec<Line>, Fail> {
    let how = (ctx.state.time.today(), ctx.lang);
    let rule_sets = ctx.state.rule_sets.clone();
    Ok(ctx
        .state
        .read(move |conn| {
            Ok(case_page::case_history(
                conn,
                &rule_sets,
                how,
                entity_type,
                id,
            )?)
        })
        .await?)
}

/// The frame of a case page naming the employers `bins` and those the history `lines`
/// names, and the officials who acted in it.
pub(super) async fn case_frame(
    ctx: &Ctx,
    c: &Caller,
    title: &str,
    mut bins: Vec<String>,
    lines: &[Line],
) -> Result<Frame, Fail> {
    bins.extend(lines.iter().filter_map(|h| h.bin.clone()));
    let f = ctx.frame_naming(title, Some(c), bins).await?;
    let actors = lines.iter().map(|h| h.actor.clone()).collect();
    ctx.naming_officials(f, actors).await
}

/// Whether the form confirms what its confirmation page showed.
pub(super) fn confirmed(form: &Form) -> bool {
    form.get("confirmed") == "yes"
}

#[derive(Template)]
#[template(path = "certificates.html")]
struct ListPage {
    f: Frame,
    /// The region shown (`None`: every region, for the ministry and auditors).
    region: Option<RegionCode>,
    regions: Vec<String>,
    /// The status asked (`None`: any) and whether by deadline.
    status: Option<CertificateState>,
    by_deadline: bool,
    statuses: [CertificateState; 4],
    total: i64,
    items: Vec<Certificate>,
    next: Option<String>,
}

impl ListPage {
    fn chosen(&self, code: &str) -> bool {
        self.region.as_ref().is_some_and(|r| r.as_str() == code)
    }

    fn status_chosen(&self, s: &CertificateState) -> bool {
        self.status == Some(*s)
    }
}

/// What the certificate list asks beyond the region: `?status=` (one of the states),
/// `?sort=deadline` (the last day soonest first; else the order of filing) and, in that
/// order, `?cursor=` (`2026-12-07.15`, or `none.15` among those with no last day).
#[derive(Debug, Clone, Default)]
struct Filter {
    status: Option<CertificateState>,
    by_deadline: bool,
    cursor: Option<list::After>,
}

fn filter(lang: Lang, q: &str) -> Result<Filter, Fail> {
    let mut f = Filter::default();
    for (key, value) in form_urlencoded::parse(q.as_bytes()) {
        let value = value.trim();
        match key.as_ref() {
            "status" if !value.is_empty() => {
                f.status = Some(
                    CertificateState::parse(value)
                        .ok_or_else(|| bad_field(lang, "status", "console-find-status"))?,
                );
            }
            "sort" => f.by_deadline = value == "deadline",
            "cursor" if !value.is_empty() => {
                f.cursor = Some(
                    deadline_cursor(value)
                        .ok_or_else(|| bad_field(lang, "cursor", "console-find-next"))?,
                );
            }
            _ => {}
        }
    }
    Ok(f)
}

/// A deadline order's cursor (`2026-12-07.15`, `none.15`) read back.
fn deadline_cursor(v: &str) -> Option<list::After> {
    let (day, id) = v.split_once('.')?;
    let id = id.parse().ok().filter(|n: &i64| *n > 0)?;
    match day {
        "none" => Some(list::After::Deadline(None, id)),
        d => Some(list::After::Deadline(Some(d.parse().ok()?), id)),
    }
}

/// The link to the page after `last`, keeping the region, status and order asked.
fn next_link(region: Option<&RegionCode>, f: &Filter, last: &Certificate) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    if let Some(r) = region {
        q.append_pair("region", r.as_str());
    }
    if let Some(s) = f.status {
        q.append_pair("status", s.as_str());
    }
    if f.by_deadline {
        let day = last
            .valid_until
            .map_or_else(|| "none".to_owned(), |d| d.to_string());
        q.append_pair("sort", "deadline");
        q.append_pair("cursor", &format!("{day}.{}", last.id));
    } else {
        q.append_pair("after", &last.id.to_string());
    }
    format!("/console/certificates?{}", q.finish())
}

/// The region's certificates, [`PAGE_ROWS`] to a page with the total: an akimat its own
/// region's, the ministry and auditors any region's or all; of one status when asked, in
/// the order of filing or by deadline (the last day soonest first).
pub async fn queue(ctx: Ctx, req: HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.official()?;
        authorize_role(&c, Action::ReadSelfEmploymentCertificates)?;
        let ask = list_ask(ctx.lang, req.query_string())?;
        let fl = filter(ctx.lang, req.query_string())?;
        let region = visible(&c, Action::ReadSelfEmploymentCertificates, ask.region)?.region;
        let regions = chooser(&ctx, &c, Action::ReadSelfEmploymentCertificates).await?;
        let asked = list::Page {
            region: region.clone(),
            status: fl.status,
            by_deadline: fl.by_deadline,
            after: fl.cursor.or(ask.after.map(list::After::Filed)),
            limit: PAGE_ROWS + 1,
        };
        let (total, mut items) = ctx
            .state
            .read(move |conn| {
                let total = list::count(conn, asked.region.as_ref(), asked.status)?;
                Ok((total, list::page(conn, &asked)?))
            })
            .await?;
        let rows = usize::try_from(PAGE_ROWS).unwrap_or(usize::MAX);
        let next = (items.len() > rows).then(|| {
            items.truncate(rows);
            items
                .last()
                .map(|last| next_link(region.as_ref(), &fl, last))
        });
        Ok(ListPage {
            f: ctx.frame("console-certificates-title", Some(&c))?,
            region,
            regions,
            status: fl.status,
            by_deadline: fl.by_deadline,
            statuses: CertificateState::ALL,
            total,
            items,
            next: next.flatten(),
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "certificate.html")]
struct CasePage {
    f: Frame,
    x: Certificate,
    /// The grounds a refusal may name, none ticked; empty unless it may be decided.
    grounds: Vec<Ground>,
    /// The grounds it was refused on, named.
    refused_on: Vec<Ground>,
    /// Why no refusal can be made (the rule set in force lists no grounds for it), when so.
    no_grounds: Option<String>,
    can_decide: bool,
    can_extend: bool,
    max_months: u32,
    /// Every act on the certificate, with its grounds and notes.
    history: Vec<Line>,
}

impl CasePage {
    fn channel(&self) -> String {
        match self.x.channel {
            Arrived::ForeignMission => self.f.t("console-certificate-via-mission"),
            Arrived::Akimat => self.f.t("console-certificate-via-akimat"),
        }
    }

    fn kind(&self, k: &ReportKind) -> String {
        self.f.tk("console-report-", k.as_str())
    }

    fn yes_no(&self, b: &bool) -> String {
        self.f.t(if *b { "console-yes" } else { "console-no" })
    }
}

/// Certificate `id` for the caller (404 when another region's).
async fn read(ctx: &Ctx, c: &Caller, id: i64) -> Result<Certificate, Fail> {
    let c = c.clone();
    Ok(ctx
        .state
        .db(move |conn| {
            let access = certificate_access(&c, Action::ReadSelfEmploymentCertificates);
            view::read(conn, id, access)
        })
        .await?)
}

/// One certificate: the application, the decision, the extension and the employers'
/// reports; the decision and extension forms for the akimat of its region while they
/// apply.
pub async fn case(ctx: Ctx, id: web::Path<i64>) -> HttpResponse {
    let page = async {
        let c = ctx.official()?;
        authorize_role(&c, Action::ReadSelfEmploymentCertificates)?;
        let x = read(&ctx, &c, id.into_inner()).await?;
        let history = history(&ctx, cmd::LIFE.entity_type, x.id).await?;
        let decides = reach(c.role, Action::DecideSelfEmploymentCertificate) != Reach::None
            && c.region.as_ref() == Some(&x.region);
        let mut bins: Vec<String> = x.employment.iter().map(|r| r.bin.to_string()).collect();
        bins.extend(x.contract_bin.clone());
        let can_decide = decides && x.status == CertificateState::Applied;
        let list = if can_decide || !x.refusal_grounds.is_empty() {
            case_grounds(&ctx).await?
        } else {
            CaseGrounds::default()
        };
        Ok(CasePage {
            grounds: if can_decide {
                choices(&list, GroundUse::Certificate, ctx.lang)
            } else {
                Vec::new()
            },
            refused_on: named(&list, &x.refusal_grounds, ctx.lang),
            no_grounds: if can_decide {
                no_grounds(&list, GroundUse::Certificate, ctx.lang)
            } else {
                None
            },
            f: case_frame(&ctx, &c, "console-certificate-title", bins, &history).await?,
            can_decide,
            can_extend: decides && x.status == CertificateState::Issued,
            max_months: MAX_SELF_EMPLOYMENT_INITIAL_MONTHS,
            history,
            x,
        })
    }
    .await;
    ctx.page(page)
}

/// The decision the form asks for: issue for the months chosen, or refuse on the grounds
/// ticked with the note written.
fn decision(form: &Form) -> Result<cmd::Decide, Fail> {
    match form.get("decision") {
        "issue" => {
            let months = form
                .get("months")
                .parse()
                .map_err(|_| Fail::Api(ApiError::invalid("months", Reason::WholeNumber)))?;
            Ok(cmd::Decide::Issue { months })
        }
        "refuse" => {
            let (grounds, note) = refusal(form);
            Ok(cmd::Decide::Refuse { grounds, note })
        }
        _ => Err(ApiError::invalid(
            "decision",
            Reason::OneOf {
                allowed: "issue, refuse".into(),
            },
        )
        .into()),
    }
}

/// The confirmation page of a refusal on its grounds, with its note; `None` when the form
/// is confirmed, asks for an issue, or names no ground or one that does not refuse a
/// certificate (the command then refuses as the API would).
async fn confirmation(ctx: &Ctx, id: i64, form: &Form) -> Result<Option<ConfirmPage>, Fail> {
    if confirmed(form) || form.get("decision") != "refuse" || form.all("ground").is_empty() {
        return Ok(None);
    }
    let c = ctx.official()?;
    authorize_role(&c, Action::DecideSelfEmploymentCertificate)?;
    let x = read(ctx, &c, id).await?;
    let list = case_grounds(ctx).await?;
    let f = ctx.frame("console-confirm-title", Some(&c))?;
    let Some((act, effects)) = refusal_words(
        &f,
        &list,
        form,
        GroundUse::Certificate,
        (
            "console-confirm-certificate-refuse",
            "console-effect-certificate-refused",
        ),
    ) else {
        return Ok(None);
    };
    let mut page = ConfirmPage::of(
        f,
        form,
        format!("№ {} · {}", x.id, x.full_name),
        act,
        format!("/console/certificates/{id}/decision"),
    );
    page.effects = effects;
    Ok(Some(page))
}

/// Issues or refuses an application of the akimat's region (the API's decision); a
/// refusal shows what it does and asks to confirm first.
pub async fn decide(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = async {
        let c = ctx.official()?;
        let form = ctx.form(&body)?;
        if let Some(page) = confirmation(&ctx, id, &form).await? {
            return Ok(Err(page));
        }
        authorize_role(&c, Action::DecideSelfEmploymentCertificate)?;
        let cmd = decision(&form)?;
        let expected = version(&form)?;
        let today = ctx.state.time.today();
        let actor = ctx.state.actor(&c, &ctx.rid);
        let row = ctx
            .state
            .write(move |conn| {
                let access = certificate_access(&c, Action::DecideSelfEmploymentCertificate);
                cmd::decide(conn, id, &cmd, expected, today, access, &actor)
            })
            .await?;
        Ok(Ok(row.status))
    }
    .await;
    let back = format!("/console/certificates/{id}");
    match done {
        Ok(Err(page)) => ctx.page(Ok(page)),
        Ok(Ok(status)) => {
            let key = if status == CertificateState::Refused {
                "console-done-certificate-refused"
            } else {
                "console-done-certificate-issued"
            };
            after(&ctx, &back, Ok(()), key)
        }
        Err(f) => after(&ctx, &back, Err::<(), _>(f), ""),
    }
}

/// Extends an issued certificate of the akimat's region for the holder's labour contract
/// (Art. 34(1),(3)): the API's extension.
pub async fn extend(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = async {
        let c = ctx.official()?;
        let form = ctx.form(&body)?;
        authorize_role(&c, Action::DecideSelfEmploymentCertificate)?;
        let date = |field: &str| super::words::typed_date(field, form.get(field));
        let ext = cmd::Extend {
            employer: form
                .get("employer")
                .parse::<EmployerId>()
                .map_err(|e| Fail::Api(ApiError::invalid("employer", e)))?,
            contract_start: date("contract_start")?,
            contract_end: date("contract_end")?,
        };
        let expected = version(&form)?;
        let today = ctx.state.time.today();
        let actor = ctx.state.actor(&c, &ctx.rid);
        ctx.state
            .write(move |conn| {
                let access = certificate_access(&c, Action::DecideSelfEmploymentCertificate);
                cmd::extend(conn, id, &ext, expected, today, access, &actor)
            })
            .await?;
        Ok(())
    }
    .await;
    after(
        &ctx,
        &format!("/console/certificates/{id}"),
        done,
        "console-done-certificate-extended",
    )
}
