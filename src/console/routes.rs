//! The console's routes under `/console`, behind its session middleware; only `startup`
//! mounts them, and no page imports this file.

use super::state::{Console, Oidc, SESSION_COOKIE};
use super::store::DbStore;
use super::{certificates, complaints, frame, ict, ministry, official, oidc, region, session};
use crate::api::limit::ClientLimiter;
use crate::api::AppState;
use crate::config::ConsoleSettings;
use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::SessionMiddleware;
use actix_web::cookie::{time::Duration, Key, SameSite};
use actix_web::dev::Service;
use actix_web::http::header;
use actix_web::{web, HttpResponse};

/// What `startup` needs to mount the console: its settings and the session cookie's key.
#[derive(Clone)]
pub struct Mount {
    console: Console,
    key: Key,
}

impl Mount {
    /// Checks the settings: the session key must be at least 64 bytes.
    pub fn new(s: &ConsoleSettings) -> Result<Mount, String> {
        let key = Key::try_from(s.session_key.expose().as_bytes()).map_err(|_| {
            "console.session_key must be at least 64 bytes (APP__CONSOLE__SESSION_KEY)".to_owned()
        })?;
        if s.session_minutes < 1 {
            return Err("console.session_minutes must be at least 1".into());
        }
        if s.idle_minutes < 1 {
            return Err("console.idle_minutes must be at least 1".into());
        }
        let oidc = match s.oidc_issuer_url.as_str() {
            "" => None,
            issuer => Some(Oidc {
                issuer_url: issuer.to_owned(),
                client_id: s.oidc_client_id.clone(),
                client_secret: s.oidc_client_secret.clone(),
                redirect_url: s.oidc_redirect_url.clone(),
                scopes: s.oidc_scopes.clone(),
                origin: openidconnect::url::Url::parse(issuer)
                    .map_err(|e| format!("console.oidc_issuer_url: {e}"))?
                    .origin()
                    .ascii_serialization(),
            }),
        };
        if oidc
            .as_ref()
            .is_some_and(|o| o.client_id.is_empty() || o.redirect_url.is_empty())
        {
            return Err(
                "console.oidc_issuer_url needs oidc_client_id and oidc_redirect_url too".into(),
            );
        }
        Ok(Mount {
            console: Console {
                dev_sign_in: s.dev_sign_in,
                session_minutes: s.session_minutes,
                idle_minutes: s.idle_minutes,
                oidc,
                verify_limit: std::sync::Arc::new(ClientLimiter::per_minute(s.verify_per_minute)),
            },
            key,
        })
    }

    /// The `/console` scope with its session middleware: sessions held in `state`'s
    /// database, their id in an encrypted (private) cookie, HttpOnly, Secure,
    /// SameSite=Lax, limited to `/console`.
    pub fn scope(
        &self,
        state: web::Data<AppState>,
    ) -> impl actix_web::dev::HttpServiceFactory + 'static {
        let store = DbStore::new(state, self.console.idle_minutes);
        let sessions = SessionMiddleware::builder(store, self.key.clone())
            .cookie_name(SESSION_COOKIE.to_owned())
            .cookie_path("/console".to_owned())
            .cookie_secure(true)
            .cookie_http_only(true)
            .cookie_same_site(SameSite::Lax)
            .cookie_content_security(CookieContentSecurity::Private)
            .session_lifecycle(
                PersistentSession::default()
                    .session_ttl(Duration::minutes(self.console.session_minutes)),
            )
            .build();
        web::scope("/console")
            .app_data(web::Data::new(self.console.clone()))
            .route(
                "",
                web::get().to(|| async { web::Redirect::to("/console/") }),
            )
            .route("/", web::get().to(official::home))
            .route("/static/console.css", web::get().to(stylesheet))
            .route("/sign-in", web::get().to(session::sign_in_page))
            .route("/sign-in", web::post().to(session::sign_in))
            .route("/sign-out", web::post().to(session::sign_out))
            .route("/oidc/start", web::post().to(oidc::start))
            .route("/oidc/callback", web::get().to(oidc::callback))
            .route("/language", web::post().to(session::language))
            .route("/verify", web::get().to(official::verify))
            .route("/verify/{number}", web::get().to(official::verify))
            .route("/queue", web::get().to(official::queue))
            .route("/permits/{id}", web::get().to(official::case))
            .route(
                "/permits/{id}/document.pdf",
                web::get().to(official::document),
            )
            .route("/permits/{id}/decision", web::post().to(official::decide))
            .route(
                "/permits/{id}/suspension",
                web::post().to(official::suspend),
            )
            .route("/permits/{id}/resumption", web::post().to(official::resume))
            .route("/permits/{id}/revocation", web::post().to(official::revoke))
            .route("/overdue", web::get().to(official::overdue))
            .route("/ict", web::get().to(official::ict))
            .route("/certificates", web::get().to(certificates::queue))
            .route("/certificates/{id}", web::get().to(certificates::case))
            .route(
                "/certificates/{id}/decision",
                web::post().to(certificates::decide),
            )
            .route(
                "/certificates/{id}/extension",
                web::post().to(certificates::extend),
            )
            .route("/ict-permits", web::get().to(ict::queue))
            .route("/ict-permits/{id}", web::get().to(ict::case))
            .route("/ict-permits/{id}/decision", web::post().to(ict::decide))
            .route("/ict-permits/{id}/extension", web::post().to(ict::extend))
            .route("/region", web::get().to(region::page))
            .route(
                "/region/demands/{id}/review",
                web::post().to(region::review),
            )
            .route("/complaints", web::get().to(complaints::queue))
            .route("/complaints/{id}", web::get().to(complaints::complaint))
            .route(
                "/complaints/{id}/reconsideration",
                web::post().to(complaints::reconsider),
            )
            .route(
                "/complaints/{id}/forwarding",
                web::post().to(complaints::forward),
            )
            .route(
                "/complaints/{id}/decision",
                web::post().to(complaints::decide),
            )
            .route(
                "/complaints/{id}/reinstatement",
                web::post().to(complaints::reinstate),
            )
            .route("/quota", web::get().to(ministry::quota))
            .route("/transfers", web::get().to(ministry::transfers))
            .route("/demand", web::get().to(ministry::demand))
            .route("/rules", web::get().to(ministry::rules))
            .default_service(web::to(official::not_found))
            .wrap_fn(|req, srv| {
                let answer = srv.call(req);
                async move { answer.await.map(frame::as_page) }
            })
            .wrap(sessions)
    }
}

/// The console's one stylesheet, compiled into the binary (no network, no build step).
async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/console.css"))
}
