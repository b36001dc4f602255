//! The akimat's pages for intra-corporate transfer permits (Art. 35): the region's ICT
//! permits by page with their total, one permit with its workers, its decision (issue for
//! the contract's term, or refuse on grounds of the rule set's list that refuse it, with a
//! note, after a confirmation), the employer's
//! extension application to decide (Art. 35(1)) and the arrival notifications received
//! (Art. 35(3)). The ministry and auditors read any region's and act on none. Each
//! authorizes with `auth` and reads and acts through the same `cases` functions as the
//! API's `/v1/ict-permits`.

use super::certificates::{
    after, bad_field, case_frame, case_grounds, choices, chooser, confirmed, history, list_ask,
    named, no_grounds, refusal, refusal_words, version, ConfirmPage, PAGE_ROWS,
};
use super::frame::{Ctx, Fail, Form, Frame};
use crate::auth::{authorize_role, reach, region_case_access, visible, Action, Caller, Reach};
use crate::cases::case_page::Line;
use crate::cases::ict::list;
use crate::cases::ict::view::{self, IctPermit};
use crate::cases::ict::{self as cmd, ExtensionDecision};
use crate::cases::permit::view::Ground;
use crate::domain::ict::IctState;
use crate::domain::ruleset::{CaseGrounds, GroundUse};
use crate::domain::Reason;
use crate::error::ApiError;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

#[derive(Template)]
#[template(path = "ict_permits.html")]
struct ListPage {
    f: Frame,
    region: Option<crate::domain::RegionCode>,
    regions: Vec<String>,
    total: i64,
    items: Vec<IctPermit>,
    next: Option<String>,
}

impl ListPage {
    fn chosen(&self, code: &str) -> bool {
        self.region.as_ref().is_some_and(|r| r.as_str() == code)
    }
}

/// The region's ICT permits and applications, oldest first, 50 to a page with the total:
/// an akimat its own region's, the ministry and auditors any region's or all.
pub async fn queue(ctx: Ctx, req: HttpRequest) -> HttpResponse {
    let page = async {
        let c = ctx.official()?;
        authorize_role(&c, Action::ReadIctPermits)?;
        let ask = list_ask(ctx.lang, req.query_string())?;
        let region = visible(&c, Action::ReadIctPermits, ask.region)?.region;
        let regions = chooser(&ctx, &c, Action::ReadIctPermits).await?;
        let asked = region.clone();
        let (total, mut items) = ctx
            .state
            .read(move |conn| {
                let r = asked.as_ref();
                Ok((
                    list::count(conn, r)?,
                    list::permits(conn, r, None, ask.after, PAGE_ROWS + 1)?,
                ))
            })
            .await?;
        let rows = usize::try_from(PAGE_ROWS).unwrap_or(usize::MAX);
        let next = (items.len() > rows).then(|| {
            items.truncate(rows);
            let last = items.last().map_or(0, |x| x.id);
            let within = region
                .as_ref()
                .map(|r| format!("region={r}&"))
                .unwrap_or_default();
            format!("/console/ict-permits?{within}after={last}")
        });
        let bins = items.iter().map(|p| p.bin.to_string()).collect();
        Ok(ListPage {
            f: ctx
                .frame_naming("console-ict-permits-title", Some(&c), bins)
                .await?,
            region,
            regions,
            total,
            items,
            next,
        })
    }
    .await;
    ctx.page(page)
}

#[derive(Template)]
#[template(path = "ict_permit.html")]
struct CasePage {
    f: Frame,
    p: IctPermit,
    /// The grounds a refusal of the application may name, none ticked; empty unless it may
    /// be decided.
    grounds: Vec<Ground>,
    /// The grounds a refusal of the extension application may name, none ticked.
    extension_grounds: Vec<Ground>,
    /// The grounds the application was refused on, named.
    refused_on: Vec<Ground>,
    /// Why the application, or its extension, cannot be refused (the rule set in force
    /// lists no grounds for it), when so.
    no_grounds: Option<String>,
    no_extension_grounds: Option<String>,
    can_decide: bool,
    can_extend: bool,
    /// Every act on the permit, with its grounds and notes.
    history: Vec<Line>,
}

impl CasePage {
    fn position(&self, position: &str) -> String {
        self.f.position(position)
    }

    fn yes_no(&self, b: &bool) -> String {
        self.f.t(if *b { "console-yes" } else { "console-no" })
    }

    fn form(&self) -> String {
        self.p.employer_form.map_or_else(String::new, |form| {
            self.f.tk("console-ict-form-", form.as_str())
        })
    }

    fn condition(&self) -> String {
        self.p.special_condition.map_or_else(String::new, |c| {
            self.f.tk("console-ict-condition-", c.as_str())
        })
    }
}

/// ICT permit `id` for the caller (404 when another region's): an extension application
/// that outlived the permit's last day is ended first, as the API's read does.
async fn read(ctx: &Ctx, c: &Caller, id: i64) -> Result<IctPermit, Fail> {
    let today = ctx.state.time.today();
    let caller = c.clone();
    let actor = crate::cases::permits::system_actor(ctx.state.time.now().naive_utc());
    Ok(ctx
        .state
        .read_settled(
            move |conn| {
                let access = region_case_access(&caller, Action::ReadIctPermits);
                view::read(conn, id, today, access)
            },
            move |conn| Ok(view::settle(conn, id, today, &actor)?),
        )
        .await?)
}

/// One ICT permit: the application and its workers, the decision, the extension applied
/// for and the arrival notifications; the decision and extension forms for the akimat of
/// its region while they apply.
pub async fn case(ctx: Ctx, id: web::Path<i64>) -> HttpResponse {
    let page = async {
        let c = ctx.official()?;
        authorize_role(&c, Action::ReadIctPermits)?;
        let p = read(&ctx, &c, id.into_inner()).await?;
        let history = history(&ctx, cmd::LIFE.entity_type, p.id).await?;
        let decides = reach(c.role, Action::DecideIctPermit) != Reach::None
            && c.region.as_ref() == Some(&p.region);
        let can_decide = decides && p.status == IctState::Applied;
        let can_extend =
            decides && p.status == IctState::Issued && p.extension_applied_months.is_some();
        let list = if can_decide || can_extend || !p.refusal_grounds.is_empty() {
            case_grounds(&ctx).await?
        } else {
            CaseGrounds::default()
        };
        let offered = |yes: bool, used: GroundUse| {
            if yes {
                choices(&list, used, ctx.lang)
            } else {
                Vec::new()
            }
        };
        let why = |yes: bool, used: GroundUse| {
            if yes {
                no_grounds(&list, used, ctx.lang)
            } else {
                None
            }
        };
        Ok(CasePage {
            no_grounds: why(can_decide, GroundUse::Ict),
            no_extension_grounds: why(can_extend, GroundUse::IctExtension),
            grounds: offered(can_decide, GroundUse::Ict),
            extension_grounds: offered(can_extend, GroundUse::IctExtension),
            refused_on: named(&list, &p.refusal_grounds, ctx.lang),
            f: case_frame(
                &ctx,
                &c,
                "console-ict-permit-title",
                vec![p.bin.to_string()],
                &history,
            )
            .await?,
            can_decide,
            can_extend,
            history,
            p,
        })
    }
    .await;
    ctx.page(page)
}

/// The confirmation page of a refusal (of the application, or of its extension) on its
/// grounds, with its note; `None` when the form is confirmed, is no refusal, or names no
/// ground or one that does not refuse this decision (the command then refuses as the API
/// would).
async fn confirmation(
    ctx: &Ctx,
    id: i64,
    form: &Form,
    what: &str,
) -> Result<Option<ConfirmPage>, Fail> {
    if confirmed(form) || form.get("decision") != "refuse" || form.all("ground").is_empty() {
        return Ok(None);
    }
    let c = ctx.official()?;
    authorize_role(&c, Action::DecideIctPermit)?;
    let p = read(ctx, &c, id).await?;
    let (used, words) = if what == "extension" {
        (
            GroundUse::IctExtension,
            (
                "console-confirm-ict-extension-refuse",
                "console-effect-ict-extension-refused",
            ),
        )
    } else {
        (
            GroundUse::Ict,
            ("console-confirm-ict-refuse", "console-effect-ict-refused"),
        )
    };
    let list = case_grounds(ctx).await?;
    let f = ctx
        .frame_naming("console-confirm-title", Some(&c), vec![p.bin.to_string()])
        .await?;
    let Some((act, effects)) = refusal_words(&f, &list, form, used, words) else {
        return Ok(None);
    };
    let case = format!("№ {} · {}", p.id, f.employer(p.bin.as_str()));
    let mut page = ConfirmPage::of(
        f,
        form,
        case,
        act,
        format!("/console/ict-permits/{id}/{what}"),
    );
    page.effects = effects;
    Ok(Some(page))
}

/// Issues or refuses an application of the akimat's region (the API's decision); a
/// refusal asks to confirm first.
pub async fn decide(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = async {
        let c = ctx.official()?;
        let form = ctx.form(&body)?;
        if let Some(page) = confirmation(&ctx, id, &form, "decision").await? {
            return Ok(Err(page));
        }
        authorize_role(&c, Action::DecideIctPermit)?;
        let cmd = match form.get("decision") {
            "issue" => cmd::Decide::Issue,
            "refuse" => {
                let (grounds, note) = refusal(&form);
                cmd::Decide::Refuse { grounds, note }
            }
            _ => {
                return Err(ApiError::invalid(
                    "decision",
                    Reason::OneOf {
                        allowed: "issue, refuse".into(),
                    },
                )
                .into())
            }
        };
        let expected = version(&form)?;
        let today = ctx.state.time.today();
        let actor = ctx.state.actor(&c, &ctx.rid);
        let row = ctx
            .state
            .write(move |conn| {
                let access = region_case_access(&c, Action::DecideIctPermit);
                cmd::decide(conn, id, &cmd, expected, today, access, &actor)
            })
            .await?;
        Ok(Ok(row.status))
    }
    .await;
    let back = format!("/console/ict-permits/{id}");
    match done {
        Ok(Err(page)) => ctx.page(Ok(page)),
        Ok(Ok(IctState::Refused)) => after(&ctx, &back, Ok(()), "console-done-ict-refused"),
        Ok(Ok(_)) => after(&ctx, &back, Ok(()), "console-done-ict-issued"),
        Err(f) => after(&ctx, &back, Err::<(), _>(f), ""),
    }
}

/// Extends the permit by the months chosen (at most what was applied for) or refuses the
/// extension application with the reason (Art. 35(1)): the API's extension decision.
pub async fn extend(ctx: Ctx, id: web::Path<i64>, body: web::Bytes) -> HttpResponse {
    let id = id.into_inner();
    let done = async {
        let c = ctx.official()?;
        let form = ctx.form(&body)?;
        if let Some(page) = confirmation(&ctx, id, &form, "extension").await? {
            return Ok(Err(page));
        }
        authorize_role(&c, Action::DecideIctPermit)?;
        let decision =
            match form.get("decision") {
                "extend" => ExtensionDecision::Extend {
                    months: match form.get("months") {
                        "" => None,
                        m => Some(m.parse().map_err(|_| {
                            bad_field(ctx.lang, "months", "console-ict-extend-months")
                        })?),
                    },
                },
                "refuse" => {
                    let (grounds, note) = refusal(&form);
                    ExtensionDecision::Refuse { grounds, note }
                }
                _ => {
                    return Err(ApiError::invalid(
                        "decision",
                        Reason::OneOf {
                            allowed: "extend, refuse".into(),
                        },
                    )
                    .into())
                }
            };
        let key = match decision {
            ExtensionDecision::Extend { .. } => "console-done-ict-extended",
            ExtensionDecision::Refuse { .. } => "console-done-ict-extension-refused",
        };
        let expected = version(&form)?;
        let today = ctx.state.time.today();
        let actor = ctx.state.actor(&c, &ctx.rid);
        ctx.state
            .write(move |conn| {
                let access = region_case_access(&c, Action::DecideIctPermit);
                cmd::extend(conn, id, &decision, expected, today, access, &actor)
            })
            .await?;
        Ok(Ok(key))
    }
    .await;
    let back = format!("/console/ict-permits/{id}");
    match done {
        Ok(Err(page)) => ctx.page(Ok(page)),
        Ok(Ok(key)) => after(&ctx, &back, Ok(()), key),
        Err(f) => after(&ctx, &back, Err::<(), _>(f), ""),
    }
}
