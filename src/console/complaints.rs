//! The complaint pages of the deciding body's officials (issue 23, item 4): the queue by
//! deadline with the overdue ones marked, one complaint with the act it contests, and its
//! decision behind a confirmation that says what will follow (APPK Art. 91-92). Each
//! authorizes with `auth` and reads and acts through `cases::complaint`, as the API does.

use super::frame::{Ctx, Fail, Form, Frame};
use crate::auth::{
    authorize_role, complaint_access, complaint_decider, visible, Action, Caller, Role,
};
use crate::cases::complaint::desk::{self, Line, Step};
use crate::cases::complaint::{self as cases, Outcome, QueueOf, Scope};
use crate::domain::complaint::{ActKind, ComplaintState, DecidingBody};
use crate::domain::Message;
use crate::domain::Reason;
use crate::error::{ApiError, FieldError};
use actix_web::{web, HttpResponse};
use askama::Template;

/// The most complaints the queue shows (the API queue's largest page).
const ROWS: i64 = 500;

/// The console is the officials': an employer reads its complaints through the API.
fn official(ctx: &Ctx) -> Result<Caller, Fail> {
    let c = ctx.official()?;
    authorize_role(&c, Action::ReadComplaints)?;
    Ok(c)
}

/// The body an official of `role` is, when it decides complaints at all.
fn body_of(role: Role) -> Option<DecidingBody> {
    match role {
        Role::Ministry => Some(DecidingBody::Ministry),
        Role::Akimat => Some(DecidingBody::Akimat),
        Role::Employer | Role::Auditor => None,
    }
}

#[derive(Template)]
#[template(path = "complaints.html")]
struct QueuePage {
    f: Frame,
    lines: Vec<Line>,
}

/// The queue of open complaints by deadline, the overdue ones first and marked: an
/// akimat's those against its region's acts awaiting it, the ministry's those it decides,
/// every open one for auditors (the API's `GET /v1/complaint-queue`).
pub async fn queue(ctx: Ctx) -> HttpResponse {
    let page = async {
        let c = official(&ctx)?;
        let region = visible(&c, Action::ReadComplaints, None)?.region;
        let whose = match c.role {
            Role::Ministry => QueueOf::Ministry,
            Role::Akimat => QueueOf::Akimat,
            Role::Employer | Role::Auditor => QueueOf::All,
        };
        let scope = Scope {
            region,
            ..Scope::default()
        };
        let today = ctx.state.time.today();
        let lines = ctx
            .state
            .read(move |conn| Ok(desk::queue(conn, &scope, whose, ROWS, today)?))
            .await?;
        let bins = lines
            .iter()
            .filter_map(|l| l.bin.as_ref().map(ToString::to_string))
            .collect();
        Ok(QueuePage {
            f: ctx
                .frame_naming("console-complaints-title", Some(&c), bins)
                .await?,
            lines,
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "complaint.html")]
struct ComplaintPage {
    f: Frame,
    l: Line,
    steps: Vec<Step>,
    /// The akimat whose act it is may satisfy it itself or pass it on (APPK Art. 91(4)).
    can_reconsider: bool,
    /// The official's body decides it now (APPK Art. 91(3)).
    can_decide: bool,
    /// The akimat reinstates the permit of an annulled revocation that waits for quota
    /// (APPK Art. 91(3) with Art. 33(2)).
    can_reinstate: bool,
}

/// Complaint `id` as the official reads it, with its history.
async fn read(ctx: &Ctx, c: &Caller, id: i64) -> Result<(Line, Vec<Step>), Fail> {
    let today = ctx.state.time.today();
    let caller = c.clone();
    Ok(ctx
        .state
        .read(move |conn| {
            desk::read(
                conn,
                id,
                today,
                complaint_access(&caller, Action::ReadComplaints),
            )
        })
        .await?)
}

/// A complaint's page: the act contested (linked to its case), the grounds and relief
/// asked, whether it was filed late, the deadline, the history, and the official's
/// decision.
///
/// A complaint id that is no number is a page that does not exist.
pub async fn complaint(ctx: Ctx, id: web::Path<String>) -> HttpResponse {
    let Ok(id) = id.parse::<i64>() else {
        return ctx.fail(not_found());
    };
    let page = async {
        let c = official(&ctx)?;
        let (l, steps) = read(&ctx, &c, id).await?;
        let can_reconsider = l.state == ComplaintState::Filed
            && authorize_role(&c, Action::ReconsiderComplaint).is_ok();
        let can_decide = l.state == ComplaintState::Forwarded
            && body_of(c.role) == Some(l.decider)
            && authorize_role(&c, Action::DecideComplaint).is_ok();
        let can_reinstate =
            l.awaiting_quota && authorize_role(&c, Action::ReconsiderComplaint).is_ok();
        let bins = l.bin.iter().map(ToString::to_string).collect();
        let f = ctx
            .frame_naming("console-complaint-title", Some(&c), bins)
            .await?;
        let actors = steps.iter().map(|h| h.actor.clone()).collect();
        Ok(ComplaintPage {
            f: ctx.naming_officials(f, actors).await?,
            l,
            steps,
            can_reconsider,
            can_decide,
            can_reinstate,
        })
    }
    .await;
    ctx.page(page)
}

fn not_found() -> Fail {
    Fail::Api(ApiError::not_found(Message::new("not-found-console-page")))
}

/// What the official asks on a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    /// The akimat satisfies it itself (APPK Art. 91(4)).
    Reconsider,
    /// The akimat passes it on (APPK Art. 91(3), (4)).
    Forward,
    /// The deciding body decides it (APPK Art. 91(3), 92(2)).
    Decide(Outcome),
    /// The akimat reinstates the permit of an annulled revocation once there is quota
    /// (APPK Art. 91(3) with Art. 33(2)).
    Reinstate,
}

impl Ask {
    fn path(self) -> &'static str {
        match self {
            Ask::Reconsider => "reconsideration",
            Ask::Forward => "forwarding",
            Ask::Decide(_) => "decision",
            Ask::Reinstate => "reinstatement",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Ask::Reconsider => "reconsider",
            Ask::Forward => "forward",
            Ask::Decide(Outcome::Satisfied) => "satisfied",
            Ask::Decide(Outcome::PartlySatisfied) => "partly-satisfied",
            Ask::Decide(Outcome::Refused) => "refused",
            Ask::Reinstate => "reinstate",
        }
    }

    /// The act is annulled.
    fn annuls(self) -> bool {
        matches!(self, Ask::Reconsider | Ask::Decide(Outcome::Satisfied))
    }
}

/// The outcome the decision form asks for.
fn outcome(form: &Form) -> Result<Outcome, Fail> {
    match form.get("outcome") {
        "satisfied" => Ok(Outcome::Satisfied),
        "partly_satisfied" => Ok(Outcome::PartlySatisfied),
        "refused" => Ok(Outcome::Refused),
        _ => Err(Fail::Api(ApiError::invalid(
            "outcome",
            Reason::OneOf {
                allowed: "satisfied, partly_satisfied, refused".into(),
            },
        ))),
    }
}

/// Whether a late complaint's missed term is restored, as the form says; none when the
/// form does not say.
fn term_restored(form: &Form) -> Option<bool> {
    match form.get("term_restored") {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The version the official read, sent back with the form: a complaint that changed since
/// is refused (412) rather than decided blind.
fn version(form: &Form) -> Result<Option<i64>, Fail> {
    match form.get("version") {
        "" => Ok(None),
        v => v.parse().map(Some).map_err(|_| {
            Fail::Api(ApiError::malformed(
                Message::new("malformed-queue-filter").text("field", "version"),
                vec![FieldError::new("version", Reason::WholeNumber)],
            ))
        }),
    }
}

#[derive(Template)]
#[template(path = "complaint_confirm.html")]
struct ConfirmPage {
    f: Frame,
    id: i64,
    /// What the official is about to do.
    act: String,
    /// What will follow from it.
    effects: Vec<String>,
    /// Where the confirmed form goes.
    action: String,
    /// The form's fields, sent again with the confirmation.
    fields: Vec<(String, String)>,
}

/// What `ask` will bring about on complaint `l`, in the reader's words.
fn effects(ctx: &Ctx, l: &Line, ask: Ask, form: &Form) -> Vec<String> {
    let t = |m: Message| ctx.lang.text(&m);
    let act = ctx
        .lang
        .key(&format!("console-complaint-act-{}", l.act.as_str()));
    let mut out = Vec::new();
    if ask == Ask::Reinstate {
        return [
            "console-effect-complaint-reinstate",
            "console-effect-complaint-bar",
            "console-effect-complaint-reinstate-extension",
            "console-effect-complaint-reinstate-no-room",
        ]
        .into_iter()
        .map(|k| ctx.lang.key(k))
        .collect();
    }
    if ask == Ask::Forward {
        let body = ctx
            .lang
            .key(&format!("console-complaint-body-{}", l.decider.as_str()));
        out.push(t(
            Message::new("console-effect-complaint-forward").text("body", body)
        ));
        return out;
    }
    if ask.annuls() {
        out.push(t(
            Message::new("console-effect-complaint-annulled").text("act", &act)
        ));
        match l.act {
            ActKind::Revocation => {
                out.push(ctx.lang.key("console-effect-complaint-quota"));
                out.push(ctx.lang.key("console-effect-complaint-bar"));
            }
            ActKind::Suspension => out.push(ctx.lang.key("console-effect-complaint-active")),
            ActKind::Refusal
            | ActKind::MissedDeadline
            | ActKind::CertificateRefusal
            | ActKind::IctRefusal => out.push(ctx.lang.key("console-effect-complaint-redecide")),
        }
    } else {
        out.push(t(
            Message::new("console-effect-complaint-stands").text("act", &act)
        ));
    }
    if l.late && matches!(ask, Ask::Decide(_)) {
        let key = match term_restored(form) {
            Some(true) => "console-effect-complaint-term-restored",
            _ => "console-effect-complaint-term-not-restored",
        };
        out.push(ctx.lang.key(key));
    }
    let reasons = form.get("reasons").trim();
    if !reasons.is_empty() {
        out.push(t(
            Message::new("console-effect-complaint-reasons").text("reasons", reasons)
        ));
    }
    out
}

/// The confirmation page of what the form asks, before anything changes; `None` once the
/// form is confirmed, or when it cannot be read (the command then refuses as the API
/// would).
async fn confirmation(ctx: &Ctx, id: i64, form: &Form, ask: Ask) -> Option<HttpResponse> {
    if form.get("confirmed") == "yes" {
        return None;
    }
    let page = async {
        let c = official(ctx)?;
        let (l, _) = read(ctx, &c, id).await?;
        let act = ctx
            .lang
            .key(&format!("console-complaint-act-{}", l.act.as_str()));
        Ok(ConfirmPage {
            act: ctx.lang.text(
                &Message::new(&format!("console-confirm-complaint-{}", ask.key()))
                    .text("id", id)
                    .text("act", act),
            ),
            effects: effects(ctx, &l, ask, form),
            f: ctx.frame("console-confirm-title", Some(&c))?,
            id,
            action: format!("/console/complaints/{id}/{}", ask.path()),
            fields: form
                .fields()
                .iter()
                .filter(|(k, _)| k != "confirmed")
                .cloned()
                .collect(),
        })
    }
    .await;
    Some(ctx.page(page))
}

/// Runs what the form asks on complaint `id`, after its confirmation.
async fn act(
    ctx: Ctx,
    id: i64,
    body: web::Bytes,
    ask: impl Fn(&Form) -> Result<Ask, Fail>,
) -> HttpResponse {
    let form = match ctx.form(&body) {
        Ok(f) => f,
        Err(f) => return ctx.fail(f),
    };
    let ask = match ask(&form) {
        Ok(a) => a,
        Err(f) => return ctx.fail(f),
    };
    if let Some(page) = confirmation(&ctx, id, &form, ask).await {
        return page;
    }
    let done = async {
        let c = official(&ctx)?;
        let action = match ask {
            Ask::Decide(_) => Action::DecideComplaint,
            Ask::Reconsider | Ask::Forward | Ask::Reinstate => Action::ReconsiderComplaint,
        };
        authorize_role(&c, action)?;
        let expected = version(&form)?;
        let reasons = Some(form.get("reasons").trim().to_owned()).filter(|r| !r.is_empty());
        let restored = term_restored(&form);
        let today = ctx.state.time.today();
        let actor = ctx.state.actor(&c, &ctx.rid);
        ctx.state
            .write(move |conn| {
                match ask {
                    Ask::Reconsider => cases::reconsider(
                        conn,
                        id,
                        reasons.as_deref().unwrap_or_default(),
                        expected,
                        today,
                        complaint_access(&c, action),
                        &actor,
                    ),
                    Ask::Forward => cases::forward(
                        conn,
                        id,
                        expected,
                        today,
                        complaint_access(&c, action),
                        &actor,
                    ),
                    Ask::Reinstate => cases::reinstate(
                        conn,
                        id,
                        expected,
                        today,
                        complaint_access(&c, action),
                        &actor,
                    ),
                    Ask::Decide(outcome) => cases::decide(
                        conn,
                        id,
                        &cases::Decide {
                            outcome,
                            reasons,
                            term_restored: restored,
                        },
                        expected,
                        today,
                        complaint_decider(&c),
                        &actor,
                    ),
                }
                .map(|_| ())
            })
            .await?;
        Ok::<(), Fail>(())
    }
    .await;
    let note = match done {
        Ok(()) => ctx.flash(
            true,
            ctx.lang
                .key(&format!("console-done-complaint-{}", ask.key())),
        ),
        Err(Fail::Api(ApiError::PreconditionFailed { .. })) => {
            ctx.flash(false, ctx.lang.key("console-stale-complaint"))
        }
        Err(Fail::Api(e)) => ctx.flash(false, ctx.problem_text(&e)),
        Err(f) => return ctx.fail(f),
    };
    match note {
        Ok(()) => ctx.see_other(&format!("/console/complaints/{id}")),
        Err(f) => ctx.fail(f),
    }
}

/// The akimat satisfies the complaint itself, with its reasons (the API's reconsideration).
pub async fn reconsider(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    act(ctx, id.into_inner(), body, |_| Ok(Ask::Reconsider)).await
}

/// The akimat passes the complaint to the body considering it (the API's forwarding).
pub async fn forward(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    act(ctx, id.into_inner(), body, |_| Ok(Ask::Forward)).await
}

/// The deciding body satisfies, partly satisfies or refuses the complaint with reasons
/// (the API's decision).
pub async fn decide(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    act(ctx, id.into_inner(), body, |f| outcome(f).map(Ask::Decide)).await
}

/// The akimat reinstates the permit of an annulled revocation that waited for quota, once
/// its regions have room (the API's reinstatement; APPK Art. 91(3) with Art. 33(2)).
pub async fn reinstate(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    act(ctx, id.into_inner(), body, |_| Ok(Ask::Reinstate)).await
}
