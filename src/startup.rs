//! Builds the application (shared by `main` and the tests), binds and runs it.

use crate::api::limit::Budget;
use crate::api::{self, extract, extract::RequestId, AppState};
use crate::auth::{Caller, Verifier};
use crate::clock::{Clock, Time};
use crate::config::Settings;
use crate::db;
use crate::domain::RegionCode;
use crate::error::ApiError;
use crate::i18n::Lang;
use crate::ops::logs::{self, Access};
use crate::ops::metrics::{self, LapseMetrics, Metrics, MetricsToken};
use actix_web::dev::{Server, Service};
use actix_web::http::header::{HeaderName, HeaderValue, CONTENT_LANGUAGE};
use actix_web::http::Method;
use actix_web::{web, App, HttpMessage, HttpServer};
use std::future::Future;
use std::net::TcpListener;
use std::pin::Pin;
use std::sync::Arc;
use utoipa_swagger_ui::SwaggerUi;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] db::SetupError),
    #[error("configuration: {0}")]
    Config(String),
    #[error("cannot bind: {0}")]
    Bind(#[from] std::io::Error),
}

pub struct Application {
    server: Server,
    port: u16,
    pool: db::Pool,
    time: Time,
    metrics: Metrics,
    /// Whether [`Application::run`] starts the scheduled jobs (`server.jobs`).
    jobs: bool,
    /// The webhook worker's settings (`events`).
    events: crate::config::EventSettings,
}

/// How often the service lapses permits whose fee is overdue (Art. 33(4)). Reading or
/// paying a permit lapses it too, so this only bounds how long an unpaid permit's quota
/// stays held; an operational setting, not a number of the regime.
const LAPSE_JOB_EVERY: std::time::Duration = std::time::Duration::from_secs(300);

/// The scheduled job: every [`LAPSE_JOB_EVERY`], lapses the permits whose fee is past due
/// through the same command an official's read would run, in one transaction.
async fn lapse_job(pool: db::Pool, time: Time, metrics: LapseMetrics) {
    let mut tick = actix_web::rt::time::interval(LAPSE_JOB_EVERY);
    loop {
        tick.tick().await;
        let (pool, time) = (pool.clone(), time.clone());
        let done = web::block(move || -> Result<Vec<i64>, String> {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            let actor = crate::cases::permits::system_actor(time.now().naive_utc());
            db::write_tx(
                &mut conn,
                |c| -> Result<Vec<i64>, crate::cases::CaseError> {
                    let mut ids = crate::cases::permits::lapse_overdue(c, time.today(), &actor)?;
                    // Art. 33(2): extensions not yet issued whose parent expired by the clock.
                    ids.extend(crate::cases::follow::end_orphaned(c, time.today(), &actor)?);
                    // Art. 35(1): ICT extension applications of permits past their last day.
                    ids.extend(crate::cases::ict::end_expired_extension_applications(
                        c,
                        time.today(),
                        &actor,
                    )?);
                    Ok(ids)
                },
            )
            .map_err(|e| e.to_string())
        })
        .await;
        match done {
            Ok(Ok(ids)) => {
                if !ids.is_empty() {
                    log::info!("lapsed unpaid permits and ended extensions {ids:?}");
                }
                metrics
                    .lapsed
                    .inc_by(u64::try_from(ids.len()).unwrap_or(u64::MAX));
                // Wall-clock time: when the job last ran, for an alert on a stalled job.
                metrics
                    .last_run
                    .set(chrono::Utc::now().timestamp_millis() as f64 / 1000.0);
            }
            Ok(Err(e)) => {
                metrics.failures.inc();
                log::warn!("the lapse job failed: {e}")
            }
            Err(e) => {
                metrics.failures.inc();
                log::warn!("the lapse job could not run: {e}")
            }
        }
    }
}

const REQUEST_ID: &str = "x-request-id";

/// The language the request's `Accept-Language` chose.
fn accept_language(req: &actix_web::dev::ServiceRequest) -> Lang {
    extract::accept_language(req.headers())
}

type LocalBoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Connects, migrates and seeds an empty database, and builds the state every handler
/// shares (also used by the `demo` subcommand, which drives the handlers in-process).
pub fn state(
    settings: &Settings,
    clock: Arc<dyn Clock>,
) -> Result<web::Data<AppState>, StartupError> {
    state_observed(settings, clock, None)
}

/// [`state`] with a pool that reports to `metrics`.
fn state_observed(
    settings: &Settings,
    clock: Arc<dyn Clock>,
    metrics: Option<&Metrics>,
) -> Result<web::Data<AppState>, StartupError> {
    let time = Time::new(clock, settings.time.utc_offset_hours)
        .ok_or_else(|| StartupError::Config("time.utc_offset_hours is out of range".into()))?;
    let pool = db::pool_observed(&settings.database, metrics.map(Metrics::pool_events))?;
    let regions = {
        let mut conn = pool.get().map_err(db::SetupError::from)?;
        db::migrate(&mut conn)?;
        db::seed::run(&mut conn, &settings.seed.dir, time.now().naive_utc())?;
        // Permits filed before the counters existed are counted once, by the recount.
        let counted =
            db::write_tx(&mut conn, db::statistics::backfill).map_err(db::SetupError::Check)?;
        if counted > 0 {
            log::info!("statistics: {counted} counters recounted from the permits");
        }
        // The stored figures must be the sums of the ledger: a year they are not is
        // refused every write until the ministry's check passes.
        let faults = db::quota::check_and_record(&mut conn, None, time.now().naive_utc())
            .map_err(db::SetupError::Check)?;
        for m in &faults {
            log::error!(
                "quota ledger mismatch, writes to {} refused: {} category {} stored {:?}, ledger {:?}",
                m.year, m.region, m.category, m.stored, m.ledger
            );
        }
        // Regions are reference data: an akimat token may only name one of these.
        db::reference::regions(&mut conn)
            .map_err(|e| db::SetupError::Seed(e.to_string()))?
            .into_iter()
            .map(|r| r.code.parse::<RegionCode>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StartupError::Config(format!("a seeded region code {e}")))?
    };
    let verifier = Verifier::new(&settings.auth, regions).map_err(StartupError::Config)?;
    Ok(web::Data::new(AppState {
        pool,
        time,
        verifier,
        max_body_bytes: settings.server.max_body_bytes,
        body_timeout: std::time::Duration::from_secs(settings.server.body_timeout_seconds),
        public_base_url: settings.public.base_url.clone(),
        verify_limit: api::limit::ClientLimiter::per_minute(settings.public.verify_per_minute),
        write_gate: (db::Backend::of_url(settings.database.url.expose()) == db::Backend::Sqlite)
            .then(Default::default),
        rule_sets: Default::default(),
        webhooks_allow_http: settings.events.allow_http,
        webhooks_allow_loopback: settings.events.allow_loopback,
    }))
}

impl Application {
    /// Connects, migrates, seeds an empty database and binds; `run` serves.
    pub fn build(settings: &Settings, clock: Arc<dyn Clock>) -> Result<Application, StartupError> {
        let metrics = Metrics::new().map_err(|e| StartupError::Config(e.to_string()))?;
        let state = state_observed(settings, clock, Some(&metrics))?;
        let pool = state.pool.clone();
        let scraped = web::Data::new(metrics.clone());
        let observed = metrics.clone();
        let metrics_token = settings.metrics.token.clone();
        let job_time = state.time.clone();
        let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port))?;
        let port = listener.local_addr()?.port();
        let max_body = settings.server.max_body_bytes;
        let blocking_threads = usize::try_from(settings.database.pool_size)
            .unwrap_or(usize::MAX)
            .max(1);
        let max_header = settings.server.max_header_bytes;
        let console =
            crate::console::Mount::new(&settings.console).map_err(StartupError::Config)?;
        let server = HttpServer::new(move || {
            let (app, doc) = api::app_parts(
                App::new()
                    .app_data(state.clone())
                    .app_data(web::PayloadConfig::new(max_body))
                    .app_data(web::PathConfig::default().error_handler(extract::path_error)),
            );
            let app = if metrics_token.expose().is_empty() {
                app
            } else {
                app.app_data(scraped.clone())
                    .app_data(web::Data::new(MetricsToken(metrics_token.clone())))
                    .route("/metrics", web::get().to(metrics::scrape))
            };
            let observed = observed.clone();
            app.service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", doc))
                .service(web::redirect("/docs", "/docs/"))
                .service(console.scope(state.clone()))
                .default_service(web::to(api::fallback))
                // Problems in the caller's language: an error rendered in English by its
                // `ResponseError` is rendered again in the language `Accept-Language` chose.
                // The Swagger UI answers a file it does not have with an empty 404: it is
                // answered as every other unknown path is.
                .wrap_fn(|req, srv| {
                    let lang = accept_language(&req);
                    let docs = req
                        .path()
                        .starts_with("/docs/")
                        .then(|| req.path().to_owned());
                    let fut = srv.call(req);
                    async move {
                        let res = fut.await?;
                        let missing = docs.filter(|_| {
                            res.status() == actix_web::http::StatusCode::NOT_FOUND
                                && res.response().error().is_none()
                        });
                        let again = match missing {
                            Some(path) => Some(
                                ApiError::not_found(
                                    crate::domain::violation::Message::new("not-found-path")
                                        .text("path", &path),
                                )
                                .response(lang),
                            ),
                            None => res
                                .response()
                                .error()
                                .and_then(|e| e.as_error::<ApiError>())
                                .filter(|_| lang != Lang::En)
                                .map(|e| e.response(lang)),
                        };
                        Ok(match again {
                            Some(translated) => res.into_response(translated).map_into_boxed_body(),
                            None => res.map_into_boxed_body(),
                        })
                    }
                })
                .wrap_fn(move |mut req, srv| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .filter(|v| !v.is_empty() && v.len() <= 128)
                        .map(str::to_owned)
                        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
                    req.extensions_mut().insert(RequestId(id.clone()));
                    // HEAD is GET without the body: route it as GET; the HTTP/1 codec, which
                    // saw HEAD, sends the headers (Content-Length included) and no body.
                    if req.method() == Method::HEAD {
                        req.extensions_mut().insert(extract::HeadRequest);
                        req.head_mut().method = Method::GET;
                    }
                    let personal = api::carries_personal_data(req.path());
                    // The console's pages name their own language (its cookie may choose it).
                    let api_answer = !req.path().starts_with("/console");
                    let lang = accept_language(&req);
                    let too_large = req.headers().iter().any(|(_, v)| v.len() > max_header);
                    let fut: LocalBoxFuture<_> = if too_large {
                        let res =
                            req.into_response(ApiError::HeaderTooLarge(max_header).response(lang));
                        Box::pin(async move { Ok(res) })
                    } else {
                        // Every line logged while the request is served carries its id.
                        Box::pin(logs::REQUEST_ID.scope(id.clone(), srv.call(req)))
                    };
                    async move {
                        let mut res = crate::ops::reads::after(fut.await?, lang).await;
                        if let Ok(v) = HeaderValue::from_str(&id) {
                            res.headers_mut()
                                .insert(HeaderName::from_static(REQUEST_ID), v);
                        }
                        // Every answer names its language, the one `Accept-Language` chose
                        // unless the answer says otherwise (the contract's `Content-Language`).
                        if api_answer && !res.headers().contains_key(CONTENT_LANGUAGE) {
                            res.headers_mut()
                                .insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
                        }
                        // A limited operation's budget, on every answer after it was counted.
                        let budget = res.request().extensions().get::<Budget>().copied();
                        for (name, value) in budget.iter().flat_map(Budget::headers) {
                            if let Ok(value) = HeaderValue::from_str(&value) {
                                res.headers_mut()
                                    .insert(HeaderName::from_static(name), value);
                            }
                        }
                        // No answer is read as another type than it says (issue 21).
                        res.headers_mut().insert(
                            actix_web::http::header::X_CONTENT_TYPE_OPTIONS,
                            HeaderValue::from_static("nosniff"),
                        );
                        if personal {
                            res.headers_mut().insert(
                                actix_web::http::header::CACHE_CONTROL,
                                HeaderValue::from_static("no-store"),
                            );
                        }
                        Ok(res)
                    }
                })
                // Outermost, so that it sees the request id set above and times the whole
                // answer: the access line and the request metrics, by route template.
                .wrap_fn(move |req, srv| {
                    let started = std::time::Instant::now();
                    let route = req
                        .match_pattern()
                        .unwrap_or_else(|| metrics::UNMATCHED.to_owned());
                    let method = metrics::method_label(req.method());
                    let fut = srv.call(req);
                    let observed = observed.clone();
                    async move {
                        let res = fut.await?;
                        let took = started.elapsed();
                        let status = res.status().as_u16();
                        observed.observe(&route, method, status, took);
                        let caller = res.request().extensions().get::<Caller>().cloned();
                        logs::access(&Access {
                            request_id: res
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or_default(),
                            method,
                            route: &route,
                            status,
                            duration_ms: took.as_secs_f64() * 1000.0,
                            role: caller.as_ref().map(|c| c.role.as_str()),
                            region: caller
                                .as_ref()
                                .and_then(|c| c.region.as_ref())
                                .map(|r| r.as_str()),
                        });
                        Ok(res)
                    }
                })
        })
        // All database work runs on the workers' blocking threads, and a thread beyond the
        // pool's connections only waits for one: each worker's threads are capped at the
        // pool's size (actix's default, 512 shared, grew to 80 under 50 clients: one
        // malloc arena and stack each).
        .worker_max_blocking_threads(blocking_threads)
        .listen(listener)?
        .shutdown_timeout(30)
        .run();
        Ok(Application {
            server,
            port,
            pool,
            time: job_time,
            metrics,
            jobs: settings.server.jobs,
            events: settings.events.clone(),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The connection pool, for tools that drive the database directly (tests, benchmarks).
    pub fn pool(&self) -> db::Pool {
        self.pool.clone()
    }

    /// Serves until SIGINT/SIGTERM, then finishes in-flight requests (graceful shutdown).
    /// The scheduled lapse job runs beside the server.
    pub async fn run(self) -> std::io::Result<()> {
        if !self.jobs {
            return self.server.await;
        }
        let job = actix_web::rt::spawn(lapse_job(
            self.pool.clone(),
            self.time.clone(),
            self.metrics.lapse.clone(),
        ));
        let chain = actix_web::rt::spawn(crate::ops::chain_head_job(self.pool.clone()));
        let webhooks = actix_web::rt::spawn(crate::ops::webhooks::delivery_job(
            self.pool.clone(),
            self.time.clone(),
            self.events.clone(),
        ));
        let served = self.server.await;
        job.abort();
        chain.abort();
        webhooks.abort();
        served
    }
}
