//! `/metrics` in the Prometheus text format (issue 24), with the `prometheus` crate: per
//! route template the requests, their status classes and latencies; the connection pool;
//! the lapse job; and the business gauges an operator watches, read from the database at
//! scrape time. Labels are route templates, methods, status classes, regions, categories
//! and years: never a raw path, an id, a BIN or a name.

use crate::db::{self, audit};
use prometheus::{
    Gauge, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};
use std::time::Duration;

/// The latency buckets, in seconds: 5 ms to 10 s.
const LATENCY_BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 7.5, 10.0,
];

/// The pool-wait buckets, in seconds: an uncontended checkout is well under a millisecond.
const WAIT_BUCKETS: [f64; 10] = [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 2.5, 5.0];

/// The label of requests no route matched (so that a scan of random paths makes one
/// series, not one per path).
pub const UNMATCHED: &str = "unmatched";

/// The method as a label: one of the standard methods, or `OTHER` (a client may send any
/// token as a method, and a label must stay bounded).
pub fn method_label(m: &actix_web::http::Method) -> &'static str {
    match m.as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        _ => "OTHER",
    }
}

/// The metrics a running service keeps in memory; the business gauges are read at scrape
/// time instead ([`Metrics::render`]).
#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    /// The lapse job's runs.
    pub lapse: LapseMetrics,
    pool: PoolEvents,
}

/// What the scheduled lapse job reports.
#[derive(Clone)]
pub struct LapseMetrics {
    /// Unix time of the last run that finished (seconds).
    pub last_run: Gauge,
    /// Permits lapsed and extensions ended by the job.
    pub lapsed: IntCounter,
    /// Runs that failed.
    pub failures: IntCounter,
}

/// The r2d2 pool's checkout waits and timeouts (an r2d2 event handler).
#[derive(Clone, Debug)]
pub struct PoolEvents {
    wait: Histogram,
    timeouts: IntCounter,
}

impl diesel::r2d2::HandleEvent for PoolEvents {
    fn handle_checkout(&self, event: diesel::r2d2::event::CheckoutEvent) {
        self.wait.observe(event.duration().as_secs_f64());
    }

    fn handle_timeout(&self, _event: diesel::r2d2::event::TimeoutEvent) {
        self.timeouts.inc();
    }
}

fn registered<T: prometheus::core::Collector + Clone + 'static>(
    registry: &Registry,
    c: prometheus::Result<T>,
) -> prometheus::Result<T> {
    let c = c?;
    registry.register(Box::new(c.clone()))?;
    Ok(c)
}

impl Metrics {
    /// A fresh registry (one per application, so that tests' applications do not mix).
    pub fn new() -> prometheus::Result<Metrics> {
        let r = Registry::new();
        let requests = registered(
            &r,
            IntCounterVec::new(
                Opts::new(
                    "permits_http_requests_total",
                    "HTTP requests answered, per route template, method and status class.",
                ),
                &["route", "method", "class"],
            ),
        )?;
        let latency = registered(
            &r,
            HistogramVec::new(
                HistogramOpts::new(
                    "permits_http_request_duration_seconds",
                    "Time from the request's arrival to its answer, per route template.",
                )
                .buckets(LATENCY_BUCKETS.to_vec()),
                &["route", "method"],
            ),
        )?;
        let lapse = LapseMetrics {
            last_run: registered(
                &r,
                Gauge::new(
                    "permits_lapse_job_last_run_timestamp_seconds",
                    "Unix time the lapse job last finished a run (0: not yet).",
                ),
            )?,
            lapsed: registered(
                &r,
                IntCounter::new(
                    "permits_lapse_job_lapsed_total",
                    "Permits lapsed and extensions ended by the lapse job since start.",
                ),
            )?,
            failures: registered(
                &r,
                IntCounter::new(
                    "permits_lapse_job_failures_total",
                    "Runs of the lapse job that failed since start.",
                ),
            )?,
        };
        let pool = PoolEvents {
            wait: registered(
                &r,
                Histogram::with_opts(
                    HistogramOpts::new(
                        "permits_db_pool_wait_seconds",
                        "Time a request waited for a database connection from the pool.",
                    )
                    .buckets(WAIT_BUCKETS.to_vec()),
                ),
            )?,
            timeouts: registered(
                &r,
                IntCounter::new(
                    "permits_db_pool_timeouts_total",
                    "Waits for a database connection that timed out (answered 503).",
                ),
            )?,
        };
        Ok(Metrics {
            registry: r,
            requests,
            latency,
            lapse,
            pool,
        })
    }

    /// The pool's event handler, to give the pool when it is built.
    pub fn pool_events(&self) -> Box<dyn diesel::r2d2::HandleEvent> {
        Box::new(self.pool.clone())
    }

    /// Counts one answered request: `route` is the matched template (or [`UNMATCHED`]).
    pub fn observe(&self, route: &str, method: &str, status: u16, took: Duration) {
        let class = match status {
            100..=199 => "1xx",
            200..=299 => "2xx",
            300..=399 => "3xx",
            400..=499 => "4xx",
            _ => "5xx",
        };
        self.requests
            .with_label_values(&[route, method, class])
            .inc();
        self.latency
            .with_label_values(&[route, method])
            .observe(took.as_secs_f64());
    }

    /// The whole exposition: the kept metrics, then the pool's state and the business
    /// gauges read now from the database (`today` in Kazakhstan time).
    pub fn render(
        &self,
        pool: &db::Pool,
        conn: &mut db::Conn,
        today: chrono::NaiveDate,
    ) -> Result<String, ScrapeError> {
        let now = Registry::new();
        let state = pool.state();
        let gauge = |name: &str, help: &str, v: i64| -> prometheus::Result<()> {
            let g = registered(&now, IntGauge::new(name, help))?;
            g.set(v);
            Ok(())
        };
        gauge(
            "permits_db_pool_connections",
            "Connections the pool holds (in use and idle).",
            i64::from(state.connections),
        )?;
        gauge(
            "permits_db_pool_in_use",
            "Connections checked out of the pool now.",
            i64::from(state.connections.saturating_sub(state.idle_connections)),
        )?;
        gauge(
            "permits_db_pool_max_size",
            "The most connections the pool opens.",
            i64::from(pool.max_size()),
        )?;
        let figures = db::read_tx(conn, |c| Figures::read(c, today))?;
        figures.register(&now)?;
        let mut families = self.registry.gather();
        families.extend(now.gather());
        let mut out = String::new();
        TextEncoder::new().encode_utf8(&families, &mut out)?;
        Ok(out)
    }
}

/// What the database says at scrape time.
struct Figures {
    units: Vec<db::ops::UnitsRow>,
    awaiting: Vec<(String, String, i64)>,
    overdue: Vec<(String, String, i64)>,
    departures: Vec<db::ops::DeparturesRow>,
    head: Option<audit::Head>,
}

impl Figures {
    fn read(c: &mut db::Conn, today: chrono::NaiveDate) -> diesel::QueryResult<Figures> {
        use chrono::Datelike;
        let year = today.year();
        Ok(Figures {
            units: db::ops::regional_units(c, year, year + 1)?,
            awaiting: db::ops::awaiting_decision(c, None)?,
            overdue: db::ops::awaiting_decision(c, Some(today))?,
            departures: db::ops::overdue_departures(c, today)?,
            head: audit::head(c)?,
        })
    }

    fn register(self, r: &Registry) -> prometheus::Result<()> {
        let units = registered(
            r,
            IntGaugeVec::new(
                Opts::new(
                    "permits_quota_units",
                    "A region's quota units of a category and year: allocated, held (approved, \
                     fee unpaid) or used.",
                ),
                &["year", "region", "category", "state"],
            ),
        )?;
        for (year, region, category, allocated, held, used) in &self.units {
            let y = year.to_string();
            for (state, v) in [("allocated", allocated), ("held", held), ("used", used)] {
                units
                    .with_label_values(&[y.as_str(), region, category, state])
                    .set(*v);
            }
        }
        for (name, help, rows) in [
            (
                "permits_applications_awaiting_decision",
                "Permit applications awaiting a region's decision, per region and category.",
                &self.awaiting,
            ),
            (
                "permits_applications_past_deadline",
                "Permit applications awaiting a region's decision past its deadline.",
                &self.overdue,
            ),
        ] {
            let g = registered(
                r,
                IntGaugeVec::new(Opts::new(name, help), &["region", "category"]),
            )?;
            for (region, category, n) in rows {
                g.with_label_values(&[region, category]).set(*n);
            }
        }
        let departures = registered(
            r,
            IntGaugeVec::new(
                Opts::new(
                    "permits_departures_overdue",
                    "Workers whose departure is overdue (Art. 28(2)(8)), per kind of permit, \
                     region and category (`none` for ICT).",
                ),
                &["kind", "region", "category"],
            ),
        )?;
        for (kind, region, category, n) in &self.departures {
            departures
                .with_label_values(&[kind, region.as_str(), category.as_str()])
                .set(*n);
        }
        let (seq, prefix) = self.head.as_ref().map_or((0, 0), |h| {
            let digits = h.hash.get(..13).unwrap_or_default();
            // A head that is not hex is a tampering the verification names; 0 here.
            (h.seq, u64::from_str_radix(digits, 16).unwrap_or(0))
        });
        let g = registered(
            r,
            IntGauge::new(
                "permits_audit_chain_head_seq",
                "Events in the audit chain (the head's place).",
            ),
        )?;
        g.set(seq);
        let g = registered(
            r,
            IntGauge::new(
                "permits_audit_chain_head_hash_prefix",
                "The head's hash, its first 13 hex digits (52 bits) as a number, so that a \
                 metrics store keeps the chain's head over time.",
            ),
        )?;
        g.set(i64::try_from(prefix).unwrap_or(0));
        Ok(())
    }
}

/// Why a scrape failed.
#[derive(Debug, thiserror::Error)]
pub enum ScrapeError {
    #[error(transparent)]
    Metrics(#[from] prometheus::Error),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// The bearer token `/metrics` asks for (`metrics.token`).
#[derive(Clone)]
pub struct MetricsToken(pub crate::config::Secret);

/// Whether `given` is `expected`, in time that does not depend on where they differ.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0_u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// `GET /metrics`: the exposition, for a scraper holding the metrics token
/// (`Authorization: Bearer <token>`); 401 without it. Not part of the API's contract: an
/// operator's endpoint, like the scraper that reads it.
pub async fn scrape(
    req: actix_web::HttpRequest,
    state: actix_web::web::Data<crate::api::AppState>,
    metrics: actix_web::web::Data<Metrics>,
    token: actix_web::web::Data<MetricsToken>,
) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
    use crate::error::ApiError;
    let given = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !same_secret(given.trim().as_bytes(), token.0.expose().as_bytes()) {
        return Err(ApiError::Unauthorized(crate::domain::Message::new(
            "unauthorized-metrics-token",
        )));
    }
    let (pool, today) = (state.pool.clone(), state.time.today());
    let metrics = metrics.into_inner();
    let text = state
        .db(move |c| {
            metrics.render(&pool, c, today).map_err(|e| {
                log::error!("the metrics could not be read: {e}");
                ApiError::Internal
            })
        })
        .await?;
    Ok(actix_web::HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text))
}
