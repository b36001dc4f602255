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
            let l = line(
                format,
                &time.to_string(),
                record.level(),
                record.target(),
                &record.args().to_string(),
                current_request_id(),
            );
            writeln!(buf, "{l}")
        })
        .init();
}

/// One record as written: a JSON object (an access line's fields at the top level, any
/// other message as `message`) or a readable line; `request_id` is added when the record
/// was logged while a request was served.
pub fn line(
    format: LogFormat,
    time: &str,
    level: log::Level,
    target: &str,
    message: &str,
    request_id: Option<String>,
) -> String {
    match format {
        LogFormat::Json => {
            let mut line = serde_json::Map::new();
            line.insert("time".into(), time.into());
            line.insert("level".into(), level.as_str().into());
            line.insert("target".into(), target.into());
            // An access line's message is already the object of its fields.
            match serde_json::from_str::<serde_json::Value>(message) {
                Ok(serde_json::Value::Object(fields)) if target == ACCESS => line.extend(fields),
                _ => {
                    line.insert("message".into(), message.into());
                }
            }
            if let Some(id) = request_id {
                line.entry("request_id").or_insert(id.into());
            }
            serde_json::Value::Object(line).to_string()
        }
        LogFormat::Text => {
            let id = request_id
                .filter(|_| target != ACCESS)
                .map(|id| format!(" request_id={id}"))
                .unwrap_or_default();
            format!("[{time} {level} {target}] {message}{id}")
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn access_message() -> String {
        serde_json::to_string(&Access {
            request_id: "req-1",
            method: "GET",
            route: "/v1/permits/{id}",
            status: 200,
            duration_ms: 3.5,
            role: Some("akimat"),
            region: Some("KZ-23"),
        })
        .unwrap()
    }

    #[test]
    fn a_json_access_line_is_one_object_with_the_request_id_route_role_and_region() {
        let l = line(
            LogFormat::Json,
            "2026-12-01T04:00:00.000Z",
            log::Level::Info,
            ACCESS,
            &access_message(),
            Some("req-1".into()),
        );
        assert!(!l.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&l).unwrap();
        assert_eq!(v["time"], "2026-12-01T04:00:00.000Z");
        assert_eq!(v["level"], "INFO");
        assert_eq!(v["request_id"], "req-1");
        assert_eq!(v["route"], "/v1/permits/{id}");
        assert_eq!(v["status"], 200);
        assert_eq!(v["duration_ms"], 3.5);
        assert_eq!(v["role"], "akimat");
        assert_eq!(v["region"], "KZ-23");
    }

    #[test]
    fn an_error_line_logged_while_serving_a_request_carries_its_id() {
        let json = line(
            LogFormat::Json,
            "t",
            log::Level::Error,
            "permits::api",
            "audit event 7 holds a snapshot that does not parse",
            Some("req-9".into()),
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["request_id"], "req-9");
        assert_eq!(v["level"], "ERROR");
        assert_eq!(
            v["message"],
            "audit event 7 holds a snapshot that does not parse"
        );
        let text = line(
            LogFormat::Text,
            "t",
            log::Level::Error,
            "permits::api",
            "boom",
            Some("req-9".into()),
        );
        assert_eq!(text, "[t ERROR permits::api] boom request_id=req-9");
    }

    #[actix_web::test]
    async fn the_request_id_is_known_to_everything_the_request_runs() {
        assert_eq!(current_request_id(), None);
        let seen = REQUEST_ID
            .scope("req-3".to_owned(), async { current_request_id() })
            .await;
        assert_eq!(seen.as_deref(), Some("req-3"));
    }
}
