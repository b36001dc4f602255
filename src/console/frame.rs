//! What every console request knows ([`Ctx`]: the state, the session, the reader's
//! language, the signed-in caller, the CSRF token) and how a page is answered: rendered in
//! the common frame, or an error page in the reader's language.

use super::state::{Console, LANG_COOKIE};
use crate::api::extract::{accept_language, RequestId};
use crate::api::AppState;
use crate::auth::{reach, Action, Caller, Claims, Reach, Role};
use crate::domain::session::may_begin;
use crate::domain::Message;
use crate::error::ApiError;
use crate::i18n::Lang;
use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse};
use askama::Template;
use serde::{Deserialize, Serialize};
use std::future::{ready, Ready};

/// Session keys: the signed-in caller's claims (the session store reads their expiry).
pub(super) const CLAIMS: &str = "claims";
const CSRF: &str = "csrf";
const FLASH: &str = "flash";
/// The signed-in official's display name, when the identity provider gave one.
const NAME: &str = "name";

/// One console request.
pub struct Ctx {
    pub state: web::Data<AppState>,
    pub console: web::Data<Console>,
    pub session: Session,
    pub lang: Lang,
    pub rid: RequestId,
    /// The path asked for (which navigation link is the current page).
    pub path: String,
    /// The path with its query (for the language switch to come back to).
    pub back: String,
    /// The request, which keeps the signed-in caller for the access line ([`Ctx::caller`]).
    req: HttpRequest,
}

impl FromRequest for Ctx {
    type Error = actix_web::Error;
    type Future = Ready<Result<Ctx, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ctx::of(req))
    }
}

/// Why a page is not shown: no session (to the sign-in page), a refusal of the API's
/// (its status and message), or a form without the session's CSRF token.
#[derive(Debug)]
pub enum Fail {
    SignIn,
    Api(ApiError),
    Csrf,
}

impl From<ApiError> for Fail {
    fn from(e: ApiError) -> Fail {
        Fail::Api(e)
    }
}

/// A note shown once on the next page, after a form's redirect.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Flash {
    pub ok: bool,
    pub text: String,
}

/// A link of the navigation.
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// The frame every page is drawn in: language, who is signed in, navigation, CSRF token.
pub struct Frame {
    pub lang: Lang,
    pub title: String,
    pub csrf: String,
    /// The page's path and query, where the language switch comes back to.
    pub back: String,
    pub user: Option<String>,
    pub nav: Vec<NavLink>,
    pub flash: Option<Flash>,
    /// Kazakhstan's offset from UTC, for the times a page shows.
    pub offset: chrono::FixedOffset,
    /// Today in Kazakhstan by the service's clock: the example a date field gives.
    pub today: chrono::NaiveDate,
    /// Names of the employers the page shows, by BIN (see `words.rs`).
    pub employers: std::collections::BTreeMap<String, String>,
    /// Display names of the officials the page's history names, by sign-in subject.
    pub officials: std::collections::BTreeMap<String, String>,
}

impl Frame {
    /// A frame with no page around it, only the reader's words and Kazakhstan's time: for
    /// text composed outside a page (a note carried to the next one).
    pub fn bare(lang: Lang, offset: chrono::FixedOffset, today: chrono::NaiveDate) -> Frame {
        Frame {
            lang,
            title: String::new(),
            csrf: String::new(),
            back: String::new(),
            user: None,
            nav: Vec::new(),
            flash: None,
            offset,
            today,
            employers: std::collections::BTreeMap::new(),
            officials: std::collections::BTreeMap::new(),
        }
    }

    /// The catalogue's text for `key` in the reader's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.key(key)
    }

    /// The catalogue's text for `prefix` + `value` (a status, kind or outcome code).
    pub fn tk(&self, prefix: &str, value: &str) -> String {
        self.lang.key(&format!("{prefix}{value}"))
    }

    /// The BCP 47 tag of the page's language.
    pub fn tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// Languages to switch to, with their names in themselves.
    pub fn languages(&self) -> [(&'static str, &'static str, bool); 3] {
        [
            ("kk", "Қазақша", self.lang == Lang::Kk),
            ("ru", "Русский", self.lang == Lang::Ru),
            ("en", "English", self.lang == Lang::En),
        ]
    }
}

/// The pages of the navigation, each with the action whose reach decides whether the
/// caller sees it (the page itself checks the same action again).
const PAGES: [(&str, &str, Action); 11] = [
    // The queue finds any case in the official's scope (issue 21, item 2): every official
    // who reads permits' workers (an akimat its region's, the ministry and auditors all).
    (
        "/console/queue",
        "console-nav-queue",
        Action::ReadDepartures,
    ),
    (
        "/console/overdue",
        "console-nav-overdue",
        Action::ReadDepartures,
    ),
    ("/console/ict", "console-nav-ict", Action::ReadIctRegister),
    // Complaints awaiting the deciding body (issue 23, item 4): an akimat those against its
    // region's acts, the ministry those it decides, auditors every open one.
    (
        "/console/complaints",
        "console-nav-complaints",
        Action::ReadComplaints,
    ),
    (
        "/console/ict-permits",
        "console-nav-ict-permits",
        Action::ReadIctPermits,
    ),
    (
        "/console/certificates",
        "console-nav-certificates",
        Action::ReadSelfEmploymentCertificates,
    ),
    (
        "/console/region",
        "console-nav-region",
        Action::ReadRegionalQuota,
    ),
    (
        "/console/quota",
        "console-nav-quota",
        Action::ReadNationalQuota,
    ),
    (
        "/console/transfers",
        "console-nav-transfers",
        Action::ReadQuotaTransfers,
    ),
    (
        "/console/demand",
        "console-nav-demand",
        Action::ReadQuotaDemandSummary,
    ),
    ("/console/rules", "console-nav-rules", Action::ReadRuleSets),
];

impl Ctx {
    fn of(req: &HttpRequest) -> Result<Ctx, actix_web::Error> {
        let internal = || actix_web::error::ErrorInternalServerError("console state missing");
        let state = req
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(internal)?;
        let console = req
            .app_data::<web::Data<Console>>()
            .cloned()
            .ok_or_else(internal)?;
        let lang = req
            .cookie(LANG_COOKIE)
            .and_then(|c| Lang::ALL.into_iter().find(|l| l.tag() == c.value()))
            .unwrap_or_else(|| accept_language(req.headers()));
        let rid = req
            .extensions()
            .get::<RequestId>()
            .cloned()
            .unwrap_or_else(|| RequestId(uuid::Uuid::new_v4().to_string()));
        Ok(Ctx {
            state,
            console,
            session: req.get_session(),
            lang,
            rid,
            path: req.path().to_owned(),
            back: if req.method() == actix_web::http::Method::GET {
                req.uri()
                    .path_and_query()
                    .map_or_else(|| req.path().to_owned(), |p| p.as_str().to_owned())
            } else {
                page_of(req.path())
            },
            req: req.clone(),
        })
    }

    /// The signed-in caller, checked again on every request: the claims kept in the
    /// session the server holds must still make a caller (a known role, a seeded region),
    /// and the session ends with the token. The caller is kept with the request, so the
    /// console's access line carries its role and region as the API's does.
    pub fn caller(&self) -> Result<Caller, Fail> {
        let claims = self
            .session
            .get::<Claims>(CLAIMS)
            .map_err(|_| Fail::SignIn)?
            .ok_or(Fail::SignIn)?;
        if claims.exp <= self.state.time.now().timestamp() {
            self.session.purge();
            return Err(Fail::SignIn);
        }
        let caller = Caller::from_claims(claims).map_err(|_| Fail::SignIn)?;
        let caller = self
            .state
            .verifier
            .known(caller)
            .map_err(|_| Fail::SignIn)?;
        // The access line names the caller's role and region, as the API's lines do.
        self.req.extensions_mut().insert(caller.clone());
        Ok(caller)
    }

    /// The signed-in caller when an official (not an employer, who works through the
    /// API): the pages every official may open whatever their reach, such as the rules.
    pub fn official(&self) -> Result<Caller, Fail> {
        let c = self.caller()?;
        if c.role == Role::Employer {
            return Err(Fail::Api(ApiError::Forbidden(
                Message::new("forbidden-role").text("role", c.role.as_str()),
            )));
        }
        Ok(c)
    }

    /// Starts a session for `caller` until `exp` (a fresh session id and CSRF token: no
    /// fixation). A token already expired — which the verifier's leeway for clock skew
    /// still lets through — is refused rather than beginning a session that is over.
    pub fn begin(&self, caller: &Caller, exp: i64, name: Option<&str>) -> Result<(), Fail> {
        let now = self.state.time.now();
        let expires = chrono::DateTime::from_timestamp(exp, 0).unwrap_or_default();
        if !may_begin(expires.naive_utc(), now.naive_utc()) {
            return Err(Fail::Api(ApiError::Unauthorized(Message::new(
                "unauthorized-session-token-expired",
            ))));
        }
        let session_end = now
            .timestamp()
            .saturating_add(self.console.session_minutes.saturating_mul(60));
        let claims = Claims {
            sub: caller.sub.clone(),
            role: caller.role,
            region: caller.region.as_ref().map(ToString::to_string),
            bin: caller.bin.as_ref().map(ToString::to_string),
            exp: exp.min(session_end),
        };
        self.session.renew();
        self.session
            .insert(CLAIMS, claims)
            .and_then(|()| self.session.insert(CSRF, new_token()))
            .and_then(|()| match name {
                Some(n) => self.session.insert(NAME, n),
                None => Ok(()),
            })
            .map_err(|_| Fail::Api(ApiError::Internal))
    }

    /// Ends the session.
    pub fn end(&self) {
        self.session.purge();
    }

    /// The session's CSRF token, made on first use.
    pub fn csrf(&self) -> Result<String, Fail> {
        if let Some(t) = self
            .session
            .get::<String>(CSRF)
            .map_err(|_| Fail::Api(ApiError::Internal))?
        {
            return Ok(t);
        }
        let t = new_token();
        self.session
            .insert(CSRF, &t)
            .map_err(|_| Fail::Api(ApiError::Internal))?;
        Ok(t)
    }

    /// The fields of a posted form, once its `csrf` field matches the session's token.
    pub fn form(&self, body: &[u8]) -> Result<Form, Fail> {
        let fields: Vec<(String, String)> = form_urlencoded::parse(body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let expected = self
            .session
            .get::<String>(CSRF)
            .map_err(|_| Fail::Csrf)?
            .ok_or(Fail::Csrf)?;
        let sent = fields
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default();
        if !same(sent.as_bytes(), expected.as_bytes()) {
            return Err(Fail::Csrf);
        }
        Ok(Form(fields))
    }

    /// Keeps a note for the next page.
    pub fn flash(&self, ok: bool, text: String) -> Result<(), Fail> {
        self.session
            .insert(FLASH, Flash { ok, text })
            .map_err(|_| Fail::Api(ApiError::Internal))
    }

    /// The frame of a page titled by the catalogue key `title`.
    pub fn frame(&self, title: &str, caller: Option<&Caller>) -> Result<Frame, Fail> {
        let flash = self
            .session
            .remove_as::<Flash>(FLASH)
            .transpose()
            .map_err(|_| Fail::Api(ApiError::Internal))?;
        // The console is the officials': an employer, who works through the API, is
        // offered none of its pages.
        let nav = caller
            .filter(|c| c.role != Role::Employer)
            .map(|c| {
                PAGES
                    .iter()
                    .filter(|(_, _, action)| reach(c.role, *action) != Reach::None)
                    .map(|(href, key, _)| NavLink {
                        href,
                        label: self.lang.key(key),
                        current: self.path == *href,
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(Frame {
            lang: self.lang,
            title: self.lang.key(title),
            csrf: self.csrf()?,
            back: self.back.clone(),
            user: caller.map(|c| self.who(c)),
            nav,
            flash,
            offset: self.state.time.offset(),
            today: self.state.time.today(),
            employers: std::collections::BTreeMap::new(),
            officials: std::collections::BTreeMap::new(),
        })
    }

    /// Who is signed in, for the frame: role, region or BIN, and the display name the
    /// identity provider gave (the sign-in subject when it gave none).
    fn who(&self, c: &Caller) -> String {
        let name = match self.session.get::<String>(NAME) {
            Ok(Some(name)) => name,
            Ok(None) => c.sub.clone(),
            Err(e) => {
                log::warn!("a session's display name does not read: {e}");
                c.sub.clone()
            }
        };
        let role = self.lang.key(&format!("console-role-{}", c.role.as_str()));
        let bound = c
            .region
            .as_ref()
            .map(|r| super::naming::region_name(self.lang, r.as_str()))
            .or_else(|| c.bin.as_ref().map(ToString::to_string));
        match bound {
            Some(b) => format!("{role} · {b} · {name}"),
            None => format!("{role} · {name}"),
        }
    }

    /// A rendered page.
    pub fn page(&self, page: Result<impl Template, Fail>) -> HttpResponse {
        match page.map(|p| p.render()) {
            Ok(Ok(html)) => self.html(StatusCode::OK, html),
            Ok(Err(e)) => {
                log::error!("a console template failed: {e}");
                self.fail(Fail::Api(ApiError::Internal))
            }
            Err(f) => self.fail(f),
        }
    }

    /// A redirect after a form (303: the browser GETs the page); a target that cannot be
    /// a header value (a control character) goes to the start page instead.
    pub fn see_other(&self, to: &str) -> HttpResponse {
        let to = header::HeaderValue::from_str(to)
            .unwrap_or_else(|_| header::HeaderValue::from_static("/console/"));
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, to))
            .finish()
    }

    /// The text of an API refusal in the reader's language: title, detail, each violation
    /// with its article as the language cites it, regions by name, and each field's note in
    /// the reader's words (in English after the field's name; in Kazakh and Russian alone,
    /// the field's name being the API's identifier, which the detail names in words).
    pub fn problem_text(&self, e: &ApiError) -> String {
        let p = e.problem(self.lang);
        let mut parts: Vec<String> = vec![p.title];
        // One sentence per problem: a detail or message that says what another part
        // already says is not said again.
        let mut say = |part: String| {
            let bare = |s: &str| s.trim().trim_end_matches('.').to_lowercase();
            if !part.is_empty() && !parts.iter().any(|q| bare(q).contains(&bare(&part))) {
                parts.retain(|q| !bare(&part).contains(&bare(q)));
                parts.push(part);
            }
        };
        // A rule's detail is its violations' messages with their articles as the API
        // cites them; the violations below say the same, the articles as the reader's
        // language writes them, once.
        if !matches!(e, ApiError::Rule(_)) {
            say(p.detail);
        }
        for v in p.violations {
            say(crate::format::cited(
                self.lang,
                &v.message,
                v.article.as_deref(),
            ));
        }
        for f in p.errors {
            if self.lang == Lang::En {
                say(format!("{}: {}", f.field, f.message));
            } else {
                say(f.message);
            }
        }
        super::naming::in_words(self.lang, &parts.join(" — "))
    }

    /// The answer to a page that cannot be shown.
    pub fn fail(&self, f: Fail) -> HttpResponse {
        match f {
            Fail::SignIn => self.see_other("/console/sign-in"),
            Fail::Csrf => self.error_page(
                StatusCode::FORBIDDEN,
                self.lang.key("console-csrf-refused"),
                None,
            ),
            Fail::Api(e) => self.refused(&e),
        }
    }

    /// The error page of an API refusal, in the reader's language.
    fn refused(&self, e: &ApiError) -> HttpResponse {
        if let ApiError::Internal = e {
            log::error!("console request {} failed", self.rid.0);
        }
        // A refusal for too many requests says when to come back, as the API's does.
        let retry_after = match e {
            ApiError::TooManyRequests(seconds) => Some(*seconds),
            _ => None,
        };
        let status = StatusCode::from_u16(e.problem(self.lang).status)
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        self.error_page(status, self.problem_text(e), retry_after)
    }

    /// The error page: `text` in the frame, with `status`.
    fn error_page(
        &self,
        status: StatusCode,
        text: String,
        retry_after: Option<u64>,
    ) -> HttpResponse {
        let caller = self.caller().ok();
        let page = self
            .frame("console-error-title", caller.as_ref())
            .map(|frame| ErrorPage {
                f: frame,
                status: status.as_u16(),
                text,
            });
        let mut res = match page.map(|p| p.render()) {
            Ok(Ok(html)) => self.html(status, html),
            _ => HttpResponse::build(status)
                .content_type("text/plain; charset=utf-8")
                .body(status.canonical_reason().unwrap_or("error")),
        };
        if let Some(seconds) = retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        res
    }
}

/// The page a form posted to `path` belongs to, for the language switch of the page its
/// answer shows (a confirmation, an error): the case page of a case's form, the region
/// page of a demand's review, the start page otherwise. A form's own address answers
/// only POST, and GET there would find nothing.
fn page_of(path: &str) -> String {
    let parts: Vec<&str> = path
        .trim_start_matches("/console/")
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [kind @ ("permits" | "certificates" | "ict-permits" | "complaints"), id, _] => {
            format!("/console/{kind}/{id}")
        }
        ["region", ..] => "/console/region".to_owned(),
        _ => "/console/".to_owned(),
    }
}

/// An answer the console's handlers did not write — an extractor's refusal before any
/// handler ran, such as a form body over the size limit (actix's plain-text 413) or a
/// path that is no case number — made the console's error page in the reader's language.
/// Every other answer passes unchanged.
pub(super) fn as_page(res: actix_web::dev::ServiceResponse) -> actix_web::dev::ServiceResponse {
    let Some(error) = res.response().error() else {
        return res;
    };
    let status = res.status();
    let Ok(ctx) = Ctx::of(res.request()) else {
        return res;
    };
    let page = match error.as_error::<ApiError>() {
        Some(e) => ctx.refused(e),
        None if status == StatusCode::PAYLOAD_TOO_LARGE => {
            ctx.refused(&ApiError::PayloadTooLarge(ctx.state.max_body_bytes))
        }
        None => {
            log::warn!("console request {} refused: {error}", ctx.rid.0);
            ctx.error_page(status, ctx.lang.key("console-request-unread"), None)
        }
    };
    res.into_response(page)
}

impl Ctx {
    /// An HTML answer with the console's headers: no caching of officials' pages, no
    /// framing, nothing loaded from anywhere but the service itself, no script at all;
    /// forms post to the console, whose sign-in may redirect to the identity provider.
    fn html(&self, status: StatusCode, html: String) -> HttpResponse {
        let provider = self
            .console
            .oidc
            .as_ref()
            .map(|o| format!(" {}", o.origin))
            .unwrap_or_default();
        HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((
                header::CONTENT_SECURITY_POLICY,
                format!(
                    "default-src 'none'; style-src 'self'; img-src 'self'; \
                     form-action 'self'{provider}; frame-ancestors 'none'; base-uri 'none'"
                ),
            ))
            .insert_header((header::X_FRAME_OPTIONS, "DENY"))
            .insert_header((header::REFERRER_POLICY, "same-origin"))
            .body(html)
    }
}

/// The fields of a posted form.
pub struct Form(Vec<(String, String)>);

impl Form {
    /// The first value of `name`, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or_default()
    }

    /// Every field, in the order posted.
    pub fn fields(&self) -> &[(String, String)] {
        &self.0
    }

    /// Every value of `name` (checkboxes).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// A fresh random token (two v4 UUIDs: 244 random bits).
pub(super) fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Compares two tokens in time that does not depend on where they differ.
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    f: Frame,
    status: u16,
    text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes a page shows through `Frame::tk` (statuses, kinds, outcomes, decisions)
    /// and the roles each have a message in every language.
    #[test]
    fn every_code_a_page_names_has_a_message_in_kazakh_russian_and_english() {
        use crate::auth::Role;
        use crate::domain::permit::PermitState;
        use crate::domain::Message;
        let mut keys: Vec<String> = PermitState::ALL
            .iter()
            .map(|s| format!("console-status-{}", s.as_str()))
            .collect();
        keys.extend(
            crate::domain::ict::IctState::ALL.map(|s| format!("console-status-{}", s.as_str())),
        );
        keys.extend(["permit", "extension", "ict_permit"].map(|k| format!("console-kind-{k}")));
        keys.extend(["pass", "fail", "warning"].map(|k| format!("console-outcome-{k}")));
        keys.extend(["pending", "approved", "refused"].map(|k| format!("console-decision-{k}")));
        keys.extend(Role::ALL.map(|r| format!("console-role-{}", r.as_str())));
        for lang in Lang::ALL {
            for k in &keys {
                assert!(lang.renders(&Message::new(k)), "{k} in {lang:?}");
            }
        }
    }

    #[test]
    fn tokens_compare_equal_only_when_identical() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }

    #[test]
    fn a_form_keeps_repeated_fields_and_trims_single_ones() {
        let f = Form(vec![
            ("ground".into(), "a".into()),
            ("ground".into(), "b".into()),
            ("reason".into(), "  why ".into()),
        ]);
        assert_eq!(f.all("ground"), vec!["a", "b"]);
        assert_eq!(f.get("reason"), "why");
        assert_eq!(f.get("absent"), "");
    }
}
