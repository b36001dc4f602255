//! The log's two forms (issue 24): env_logger stays the logger, with a format of ours that
//! writes either one readable line or one JSON object per record. Every line logged while a
//! request is served carries its request id (a task-local set by the request-id
//! middleware), so one grep follows a request from its access line to its errors.
//! The access line names the route template, never the raw path: no id, BIN, IIN, name or
//! passport number reaches the log, and no token.

use crate::config::LogFormat;
use std::io::Write;
use std::sync::OnceLock;

tokio::task_local! {
    /// The request id of the request being served on this task.
    pub static REQUEST_ID: String;
}

static FORMAT: OnceLock<LogFormat> = OnceLock::new();

/// The target of access lines.
pub const ACCESS: &str = "access";

/// The format chosen at start-up (text until [`init`] ran, e.g. in tests).
pub fn format() -> LogFormat {
    FORMAT.get().copied().unwrap_or_default()
}

/// The request id of the request being served, if any.
fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).into_iter().next()
}

/// Installs env_logger (level from `RUST_LOG`, default `info`) with the chosen format.
pub fn init(format: LogFormat) {
    let _ = FORMAT.set(format);
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info"))
        .format(move |buf, record| {
            let time = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ");
            let request_id = current_request_id();
            match format {
                LogFormat::Json => {
                    let mut line = serde_json::Map::new();
                    line.insert("time".into(), time.to_string().into());
                    line.insert("level".into(), record.level().as_str().into());
                    line.insert("target".into(), record.target().into());
                    let message = record.args().to_string();
                    // An access line's message is already the object of its fields.
                    match serde_json::from_str::<serde_json::Value>(&message) {
                        Ok(serde_json::Value::Object(fields)) if record.target() == ACCESS => {
                            line.extend(fields)
                        }
                        _ => {
                            line.insert("message".into(), message.into());
                        }
                    }
                    if let Some(id) = request_id {
                        line.entry("request_id").or_insert(id.into());
                    }
                    writeln!(buf, "{}", serde_json::Value::Object(line))
                }
                LogFormat::Text => {
                    let id = request_id
                        .filter(|_| record.target() != ACCESS)
                        .map(|id| format!(" request_id={id}"))
                        .unwrap_or_default();
                    writeln!(
                        buf,
                        "[{time} {} {}] {}{id}",
                        record.level(),
                        record.target(),
                        record.args()
                    )
                }
            }
        })
        .init();
}

/// One answered request, as the access line tells it.
#[derive(Debug, serde::Serialize)]
pub struct Access<'a> {
    pub request_id: &'a str,
    pub method: &'a str,
    /// The matched route template (`/v1/permits/{id}`), or `unmatched`.
    pub route: &'a str,
    pub status: u16,
    pub duration_ms: f64,
    /// The caller's role, when the request carried a valid token.
    pub role: Option<&'a str>,
    /// An akimat caller's region.
    pub region: Option<&'a str>,
}

/// Writes the access line of one answered request.
pub fn access(a: &Access<'_>) {
    match format() {
        LogFormat::Json => match serde_json::to_string(a) {
            Ok(fields) => log::info!(target: ACCESS, "{fields}"),
            Err(e) => log::warn!("an access line could not be written: {e}"),
        },
        LogFormat::Text => log::info!(
            target: ACCESS,
            "{} {} {} {:.1}ms request_id={} role={} region={}",
            a.method,
            a.route,
            a.status,
            a.duration_ms,
            a.request_id,
            a.role.unwrap_or("-"),
            a.region.unwrap_or("-")
        ),
    }
}
