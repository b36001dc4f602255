//! `spawn_app()`: the real application on a random port over a fresh database per test —
//! an SQLite file in a temporary directory, or a new PostgreSQL database when
//! `TEST_DATABASE_URL` is set (dropped afterwards).

use awc::http::header::HeaderMap;
use diesel::{Connection, PgConnection, RunQueryDsl};
use permits::auth::{mint, Claims, Role};
use permits::clock::FixedClock;
use permits::config::{Secret, Settings};
use permits::db::Pool;
use permits::startup::Application;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// An employer: the head office of a resident legal entity registered in March 2021.
pub const BIN_A: &str = "210340000013";
/// Another employer: a head office registered in May 2019.
pub const BIN_B: &str = "190540012345";
/// An individual entrepreneur, by the IIN (born 15 July 1988).
pub const IIN_IE: &str = "880715300019";

pub struct TestApp {
    pub address: String,
    pub port: u16,
    /// The test database's URL, for tools that open their own connections.
    pub db_url: String,
    pub pool: Pool,
    pub clock: FixedClock,
    pub db: TestDb,
    secret: String,
    client: awc::Client,
}

pub enum TestDb {
    Sqlite(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    pub fn is_postgres(&self) -> bool {
        matches!(self, TestDb::Postgres { .. })
    }

    /// Runs SQL as the database owner, outside the application (PostgreSQL only).
    pub fn admin_sql(&self, sql: &str) {
        if let TestDb::Postgres { admin_url, .. } = self {
            let mut c = PgConnection::establish(admin_url).expect("admin connection");
            diesel::sql_query(sql).execute(&mut c).expect("admin sql");
        }
    }

    pub fn name(&self) -> &str {
        match self {
            TestDb::Postgres { name, .. } => name,
            TestDb::Sqlite(_) => "sqlite",
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match self {
            TestDb::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            TestDb::Postgres { admin_url, name } => {
                if let Ok(mut c) = PgConnection::establish(admin_url) {
                    let _ = diesel::sql_query(format!(
                        "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                    ))
                    .execute(&mut c);
                }
            }
        }
    }
}

/// 2026-12-01T04:00:00Z, 09:00 in Kazakhstan.
pub fn default_now() -> chrono::DateTime<chrono::Utc> {
    "2026-12-01T04:00:00Z".parse().unwrap()
}

/// Tests that load the machine — hundreds of parallel requests, a browser — take this in
/// turn, so that one's load does not push another's pool waits past their timeout.
pub async fn heavy() -> futures_util::lock::MutexGuard<'static, ()> {
    static HEAVY: futures_util::lock::Mutex<()> = futures_util::lock::Mutex::new(());
    HEAVY.lock().await
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The test settings, changed by `tune`, over a fresh database of their own: an SQLite
/// file in a temporary directory, or a new PostgreSQL database when `TEST_DATABASE_URL` is
/// set.
pub fn test_settings(tune: impl FnOnce(&mut Settings)) -> (Settings, TestDb) {
    let mut settings = Settings::load().expect("config/default.toml");
    settings.server.port = 0;
    settings.database.pool_size = 8;
    settings.database.connect_timeout_seconds = 2;
    tune(&mut settings);
    let id = uuid::Uuid::new_v4().simple().to_string();
    let db = match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            permits::db::init_tls();
            let name = format!("permits_test_{id}");
            let mut c = PgConnection::establish(&admin_url).expect("TEST_DATABASE_URL connects");
            diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut c)
                .expect("create test database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            settings.database.url = Secret::new(format!("{base}/{name}"));
            TestDb::Postgres { admin_url, name }
        }
        _ => {
            let dir = std::env::temp_dir().join(format!("permits-test-{id}"));
            settings.database.url =
                Secret::new(dir.join("permits.db").to_string_lossy().into_owned());
            TestDb::Sqlite(dir)
        }
    };
    (settings, db)
}

/// `spawn_app` with settings changed by `tune` first.
pub async fn spawn_app_with(tune: impl FnOnce(&mut Settings)) -> TestApp {
    let (settings, db) = test_settings(tune);
    spawn_app_over(settings, db).await
}

/// The application over the database `settings` name, which `db` owns (and drops): e.g. a
/// backup restored into a fresh database.
pub async fn spawn_app_over(settings: Settings, db: TestDb) -> TestApp {
    let db_url = settings.database.url.expose().to_owned();
    let clock = FixedClock::new(default_now());
    let app = Application::build(&settings, Arc::new(clock.clone())).expect("application builds");
    let port = app.port();
    let address = format!("http://127.0.0.1:{port}");
    let pool = app.pool();
    actix_web::rt::spawn(app.run());
    TestApp {
        address,
        port,
        db_url,
        pool,
        clock,
        db,
        secret: settings.auth.hs256_secret.expose().to_owned(),
        client: awc::Client::builder()
            .timeout(Duration::from_secs(120))
            .finish(),
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a problem+json answer with this status and problem slug; returns the body.
    #[track_caller]
    pub fn problem(&self, status: u16, slug: &str) -> &Value {
        assert_eq!(self.status, status, "body: {}", self.body);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(
            self.body["type"],
            format!("urn:kz:permits:problem:{slug}"),
            "body: {}",
            self.body
        );
        assert_eq!(self.body["status"], status);
        assert!(self.body["title"].is_string() && self.body["detail"].is_string());
        &self.body
    }

    #[track_caller]
    pub fn ok(&self, status: u16) -> &Value {
        assert_eq!(self.status, status, "body: {}", self.body);
        &self.body
    }
}

pub struct Req {
    inner: awc::ClientRequest,
    method: String,
    path: String,
}

impl Req {
    pub fn token(mut self, token: &str) -> Self {
        self.inner = self
            .inner
            .insert_header(("Authorization", format!("Bearer {token}")));
        self
    }
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.inner = self
            .inner
            .insert_header((name.to_owned(), value.to_owned()));
        self
    }
    pub async fn send(self) -> Resp {
        let (m, p) = (self.method.clone(), self.path.clone());
        declared(
            &m,
            &p,
            read(self.inner.send().await.expect("request sent")).await,
        )
    }
    pub async fn json(self, body: &Value) -> Resp {
        let (m, p) = (self.method.clone(), self.path.clone());
        declared(
            &m,
            &p,
            read(self.inner.send_json(body).await.expect("request sent")).await,
        )
    }
    pub async fn json_owned(self, body: Value) -> Resp {
        self.json(&body).await
    }
    pub async fn raw(self, content_type: &str, body: impl Into<Vec<u8>>) -> Resp {
        let body: Vec<u8> = body.into();
        let (m, p) = (self.method.clone(), self.path.clone());
        let res = read(
            self.inner
                .insert_header(("Content-Type", content_type.to_owned()))
                .send_body(body)
                .await
                .expect("request sent"),
        )
        .await;
        declared(&m, &p, res)
    }
    /// Sends `body` with no `Content-Type` at all.
    pub async fn untyped(self, body: impl Into<Vec<u8>>) -> Resp {
        let body: Vec<u8> = body.into();
        let (m, p) = (self.method.clone(), self.path.clone());
        let res = read(self.inner.send_body(body).await.expect("request sent")).await;
        declared(&m, &p, res)
    }
}

/// Checks that every header of the contract's interest a response sends (`ETag`,
/// `Location`, `Idempotent-Replayed`, `Retry-After`) is declared for that operation and
/// status in the OpenAPI document, for every request any API test makes.
#[track_caller]
fn declared(method: &str, path: &str, res: Resp) -> Resp {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let doc = DOC.get_or_init(|| serde_json::to_value(permits::api::openapi()).unwrap());
    let path = path.split('?').next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').collect();
    let method = if method == "HEAD" {
        "get".to_owned()
    } else {
        method.to_lowercase()
    };
    // The template with the fewest parameters wins: `/v1/permits/search` before
    // `/v1/permits/{id}`.
    let op = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(template, item)| {
            let t: Vec<&str> = template.split('/').collect();
            let matches = t.len() == segments.len()
                && t.iter()
                    .zip(&segments)
                    .all(|(a, b)| a == b || (a.starts_with('{') && !b.is_empty()));
            let parameters = t.iter().filter(|a| a.starts_with('{')).count();
            matches
                .then(|| (parameters, &item[&method]))
                .filter(|(_, op)| op.is_object())
        })
        .min_by_key(|(parameters, _)| *parameters)
        .map(|(_, op)| op);
    if let Some(op) = op {
        let response = &op["responses"][res.status.to_string()];
        if res.status == 422 {
            // A refusal is of its operation's own problem schema: its `type` one of that
            // schema's, each violation's code one of its codes (and of `x-problem-codes`).
            let schema = |r: &Value| {
                let name = r["$ref"].as_str().unwrap_or_default();
                &doc["components"]["schemas"][name.rsplit('/').next().unwrap_or_default()]
            };
            let refusal = schema(&response["content"]["application/problem+json"]["schema"]);
            let types = refusal["properties"]["type"]["enum"].as_array();
            assert!(
                !response.is_object() || types.is_some_and(|t| t.contains(&res.body["type"])),
                "{method} {path} answered 422 of type {}, which its schema's {types:?} do not list",
                res.body["type"]
            );
            let violation = schema(&refusal["properties"]["violations"]["items"]);
            let codes = schema(&violation["properties"]["code"])["enum"].as_array();
            for v in res.body["violations"].as_array().into_iter().flatten() {
                let code = &v["code"];
                let listed = response["x-problem-codes"].as_array();
                assert!(
                    listed.is_some_and(|l| l.contains(code))
                        && codes.is_some_and(|c| c.contains(code)),
                    "{method} {path} answered 422 with {code}, which its codes {codes:?} do not list"
                );
            }
        }
        if response.is_object() {
            for h in ["ETag", "Location", "Idempotent-Replayed", "Retry-After"] {
                if res.headers.contains_key(h) {
                    assert!(
                        response["headers"][h].is_object(),
                        "{method} {path} answered {} with {h}, which the contract does not declare",
                        res.status
                    );
                }
            }
        }
    }
    res
}

async fn read<S>(mut res: awc::ClientResponse<S>) -> Resp
where
    S: futures_core::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>> + Unpin,
{
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.body().limit(50_000_000).await.expect("body read");
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    Resp {
        status,
        headers,
        body,
    }
}

impl TestApp {
    pub fn request(&self, method: &str, path: &str) -> Req {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        Req {
            method: method.to_string(),
            path: path.to_owned(),
            inner: self
                .client
                .request(method, format!("{}{path}", self.address)),
        }
    }
    pub fn get(&self, path: &str) -> Req {
        self.request("GET", path)
    }
    pub fn post(&self, path: &str) -> Req {
        self.request("POST", path)
    }
    pub fn put(&self, path: &str) -> Req {
        self.request("PUT", path)
    }

    pub fn token_for(
        &self,
        role: Role,
        region: Option<&str>,
        bin: Option<&str>,
        exp_in: i64,
    ) -> String {
        let claims = Claims {
            sub: format!("{}-{}", role.as_str(), region.or(bin).unwrap_or("hq")),
            role,
            region: region.map(str::to_owned),
            bin: bin.map(str::to_owned),
            exp: chrono::Utc::now().timestamp() + exp_in,
        };
        mint(&self.secret, &claims).unwrap()
    }
    /// Signs these claims with the test secret.
    pub fn mint(&self, claims: &Claims) -> String {
        mint(&self.secret, claims).unwrap()
    }
    pub fn ministry(&self) -> String {
        self.token_for(Role::Ministry, None, None, 3600)
    }
    pub fn auditor(&self) -> String {
        self.token_for(Role::Auditor, None, None, 3600)
    }
    pub fn akimat(&self, region: &str) -> String {
        self.token_for(Role::Akimat, Some(region), None, 3600)
    }
    pub fn employer(&self, bin: &str) -> String {
        self.token_for(Role::Employer, None, Some(bin), 3600)
    }
    pub fn set_today(&self, rfc3339: &str) {
        self.clock.set(rfc3339.parse().unwrap());
    }
}

/// The element of the JSON array `items` whose `key` is `value` (panics if none).
pub fn by_key<'a>(items: &'a Value, key: &str, value: &str) -> &'a Value {
    items
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {items}"))
        .iter()
        .find(|i| i[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value} in {items}"))
}

/// Allocated, held and used units of `category` in `region` for 2026, as the ministry reads
/// them.
pub async fn region_units(app: &TestApp, region: &str, category: &str) -> (i64, i64, i64) {
    let r = app
        .get(&format!("/v1/quotas/2026/regions/{region}"))
        .token(&app.ministry())
        .send()
        .await;
    let c = by_key(&r.ok(200)["categories"], "category", category).clone();
    (
        c["allocated"].as_i64().unwrap(),
        c["held"].as_i64().unwrap(),
        c["used"].as_i64().unwrap(),
    )
}
