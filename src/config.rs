//! Typed settings: `config/default.toml`, then `config/<APP_ENVIRONMENT>.toml` if present,
//! then `APP__SECTION__KEY` environment variables.

use serde::Deserialize;
use std::fmt;
use std::path::PathBuf;

/// A value that must never reach a log line or `Debug` output.
#[derive(Clone, Deserialize, Default)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub auth: AuthSettings,
    pub time: TimeSettings,
    pub seed: SeedSettings,
    #[serde(default)]
    pub public: PublicSettings,
    pub console: ConsoleSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
    #[serde(default)]
    pub log: LogSettings,
    #[serde(default)]
    pub events: EventSettings,
}

/// Events to employers' systems (issue 22): the webhook delivery worker and the sweep.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct EventSettings {
    /// Milliseconds between the worker's rounds (queue new events, send what is due).
    pub poll_millis: u64,
    /// Seconds to wait after each failed try before the next: exponential, a day in all
    /// (Standard Webhooks' schedule); a delivery fails when it has run out.
    pub retry_seconds: Vec<u64>,
    /// Seconds a receiver may take to answer one try.
    pub timeout_seconds: u64,
    /// Whether `http://` endpoints may be registered (tests, development); production
    /// takes `https://` only.
    pub allow_http: bool,
    /// Whether webhooks may be delivered to a loopback address (127.0.0.0/8, ::1): tests
    /// only. Off, as every other private, link-local or unique-local address always is,
    /// so that an employer cannot make the service call its own host (SSRF).
    pub allow_loopback: bool,
    /// Seconds between sweeps for the events time brings (expiry coming up, the last day
    /// to pay, an arrival notice due, overdue departures); 0: no sweep. Each sweep also
    /// prunes the delivery log.
    pub sweep_seconds: u64,
    /// Days a finished delivery (delivered, or failed when its schedule ran out) stays in
    /// the delivery log after its last try; the worker removes it after that.
    pub delivery_retention_days: u32,
}

impl Default for EventSettings {
    fn default() -> Self {
        EventSettings {
            poll_millis: 1000,
            retry_seconds: vec![5, 300, 1800, 7200, 18000, 36000, 36000],
            timeout_seconds: 10,
            allow_http: false,
            allow_loopback: false,
            sweep_seconds: 3600,
            delivery_retention_days: 30,
        }
    }
}

/// The Prometheus endpoint `/metrics` (issue 24).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct MetricsSettings {
    /// The bearer token a scraper sends; empty: `/metrics` is not served.
    pub token: Secret,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One human-readable line per record (the default).
    #[default]
    Text,
    /// One JSON object per line, for a log collector.
    Json,
}

/// The log's settings (the level stays `RUST_LOG`'s, env_logger's own).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct LogSettings {
    /// `text` or `json`.
    pub format: LogFormat,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub max_body_bytes: usize,
    /// Seconds a request body may take to arrive after the headers (408 after that).
    pub body_timeout_seconds: u64,
    /// Largest single request header value accepted, in bytes (431 above it).
    pub max_header_bytes: usize,
    /// Whether the scheduled jobs (the lapse job, the audit chain's daily check) run beside
    /// the server; on by default. A test that counts a request's statements turns them off
    /// so that their statements stay out of its count.
    #[serde(default = "jobs_on")]
    pub jobs: bool,
}

fn jobs_on() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `postgres://…` selects PostgreSQL, anything else is an SQLite file path.
    pub url: Secret,
    pub pool_size: u32,
    pub connect_timeout_seconds: u64,
    /// When set (by a test or a benchmark, never from a file), every statement the pool's
    /// connections send is counted here: see [`StatementCount`].
    #[serde(skip)]
    pub statements: Option<StatementCount>,
}

/// The statements the pool's connections send to the database, in order: every query,
/// `BEGIN` and `COMMIT` (the pool no longer checks a connection on checkout); not what a
/// connection sends to set itself up. Diesel reports each statement to the connection's
/// instrumentation as it sends it, so this is what the server receives, on either database;
/// tests use it to bound what a request costs (docs/ARCHITECTURE.md, "Contention").
#[derive(Debug, Clone, Default)]
pub struct StatementCount(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl StatementCount {
    /// One more statement sent: its SQL.
    pub fn add(&self, sql: String) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(sql);
    }

    /// The statements sent since the last `take`, oldest first; the list starts again empty.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(
            &mut *self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    /// HS256 secret; empty disables HS256 tokens.
    pub hs256_secret: Secret,
    /// RS256 public keys (PEM) of the identity provider.
    pub rs256_public_keys_pem: Vec<String>,
    /// Required `iss` of tokens; empty: not checked.
    #[serde(default)]
    pub issuer: String,
    /// Required `aud` of tokens; empty: not checked.
    #[serde(default)]
    pub audience: String,
    pub leeway_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TimeSettings {
    /// Offset of Kazakhstan time from UTC, in hours.
    pub utc_offset_hours: i32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SeedSettings {
    pub dir: PathBuf,
}

/// What the service shows to people who are not signed in: the verification of a permit.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct PublicSettings {
    /// Where the public reaches the service; a permit's QR code points at
    /// `{base_url}/console/verify/{number}`.
    pub base_url: String,
    /// Verifications one client address may ask for per minute (429 beyond).
    pub verify_per_minute: u32,
}

impl Default for PublicSettings {
    fn default() -> Self {
        PublicSettings {
            base_url: "http://127.0.0.1:8080".into(),
            verify_per_minute: 30,
        }
    }
}

/// The officials' console (`/console/`).
#[derive(Debug, Clone, Deserialize)]
pub struct ConsoleSettings {
    /// Whether the console signs in with a development token (the embedded default; off
    /// in production, where the identity provider signs officials in).
    pub dev_sign_in: bool,
    /// Key that signs and encrypts the session cookie: at least 64 bytes.
    pub session_key: Secret,
    /// Minutes a console session lasts at most (never beyond the token's own expiry).
    pub session_minutes: i64,
    /// Minutes a console session may go unused before it ends (30 unless configured).
    #[serde(default = "default_idle_minutes")]
    pub idle_minutes: i64,
    /// Verifications one client address may ask for per minute on the verification page,
    /// a budget apart from the API's `public.verify_per_minute` (30 unless configured).
    #[serde(default = "default_verify_per_minute")]
    pub verify_per_minute: u32,
    /// The identity provider's issuer URL for OpenID Connect sign-in; empty: none.
    #[serde(default)]
    pub oidc_issuer_url: String,
    /// This console's client id at the provider.
    #[serde(default)]
    pub oidc_client_id: String,
    /// This console's client secret at the provider.
    #[serde(default)]
    pub oidc_client_secret: Secret,
    /// Where the provider sends the browser back: `<public origin>/console/oidc/callback`.
    #[serde(default)]
    pub oidc_redirect_url: String,
    /// Scopes asked for besides `openid`, separated by spaces (those carrying the role,
    /// region and BIN claims).
    #[serde(default)]
    pub oidc_scopes: String,
}

/// The console's idle timeout when none is configured, in minutes.
fn default_idle_minutes() -> i64 {
    30
}

/// The verification page's per-address budget when none is configured, a minute.
fn default_verify_per_minute() -> u32 {
    30
}

impl Settings {
    /// Reads the layered configuration from `config/` under the working directory.
    pub fn load() -> Result<Settings, config::ConfigError> {
        let environment = std::env::var("APP_ENVIRONMENT").unwrap_or_else(|_| "local".into());
        config::Config::builder()
            .add_source(config::File::with_name("config/default"))
            .add_source(config::File::with_name(&format!("config/{environment}")).required(false))
            .add_source(
                config::Environment::with_prefix("APP")
                    .prefix_separator("__")
                    .separator("__")
                    .list_separator(";")
                    .with_list_parse_key("auth.rs256_public_keys_pem")
                    .try_parsing(true),
            )
            .build()?
            .try_deserialize()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show_in_debug_output() {
        let s = DatabaseSettings {
            url: Secret::new("postgres://u:hunter2@db/permits"),
            pool_size: 1,
            connect_timeout_seconds: 1,
            statements: None,
        };
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
