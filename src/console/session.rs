//! Signing in and out, and the reader's language. Development sign-in takes a development
//! token (the HS256 JWT the API accepts, `permits token`), verified by the API's own
//! [`crate::auth::Verifier`] into the same `Caller`.

use super::frame::{Ctx, Fail, Frame};
use super::state::LANG_COOKIE;
use crate::i18n::Lang;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{web, HttpResponse};
use askama::Template;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    f: Frame,
    dev_sign_in: bool,
    oidc: bool,
}

/// The sign-in page; a signed-in official goes on to the console.
pub async fn sign_in_page(ctx: Ctx) -> HttpResponse {
    if ctx.caller().is_ok() {
        return ctx.see_other("/console/");
    }
    let page = ctx
        .frame("console-sign-in-title", None)
        .map(|f| SignInPage {
            f,
            dev_sign_in: ctx.console.dev_sign_in,
            oidc: ctx.console.oidc.is_some(),
        });
    ctx.page(page)
}

/// Signs in with a development token.
pub async fn sign_in(ctx: Ctx, body: web::Bytes) -> HttpResponse {
    match begin(&ctx, &body) {
        Ok(()) => ctx.see_other("/console/"),
        Err(Fail::Api(e)) => {
            let text = ctx.problem_text(&e);
            match ctx.flash(false, text) {
                Ok(()) => ctx.see_other("/console/sign-in"),
                Err(f) => ctx.fail(f),
            }
        }
        Err(f) => ctx.fail(f),
    }
}

fn begin(ctx: &Ctx, body: &[u8]) -> Result<(), Fail> {
    let form = ctx.form(body)?;
    if !ctx.console.dev_sign_in {
        return Err(Fail::Api(crate::error::ApiError::Forbidden(
            crate::domain::Message::new("forbidden-dev-sign-in"),
        )));
    }
    let (caller, exp) = ctx.state.verifier.verify_until(form.get("token"))?;
    ctx.begin(&caller, exp, None)
}

/// Signs out.
pub async fn sign_out(ctx: Ctx, body: web::Bytes) -> HttpResponse {
    match ctx.form(&body) {
        Ok(_) => {
            ctx.end();
            ctx.see_other("/console/sign-in")
        }
        Err(f) => ctx.fail(f),
    }
}

/// Keeps the chosen language in a cookie and goes back to the page it was chosen on.
pub async fn language(ctx: Ctx, body: web::Bytes) -> HttpResponse {
    let form = match ctx.form(&body) {
        Ok(form) => form,
        Err(f) => return ctx.fail(f),
    };
    let Some(lang) = Lang::ALL.into_iter().find(|l| l.tag() == form.get("lang")) else {
        return ctx.see_other("/console/");
    };
    // Only a path of the console itself, printable ASCII (a header cannot carry CR or
    // LF): never an open redirect, never a broken answer.
    let back = form.get("back");
    let back = if back.starts_with("/console/")
        && !back.contains("//")
        && !back.contains('\\')
        && back.bytes().all(|b| b.is_ascii_graphic())
    {
        back
    } else {
        "/console/"
    };
    let cookie = Cookie::build(LANG_COOKIE, lang.tag())
        .path("/console")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
    let mut res = ctx.see_other(back);
    match res.add_cookie(&cookie) {
        Ok(()) => res,
        Err(_) => ctx.fail(Fail::Api(crate::error::ApiError::Internal)),
    }
}
