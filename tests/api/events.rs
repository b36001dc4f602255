//! Events to employers' systems (issue 22) through HTTP on the configured database: the
//! feed, webhooks signed per the Standard Webhooks specification (checked here with the
//! published algorithm, computed independently), retries after a receiver's 500s, no event
//! for a change that rolled back, delivery after the service is killed mid-delivery, and
//! another employer never receiving or reading an event of yours.

use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request a receiver got.
#[derive(Debug, Clone)]
struct Got {
    headers: HashMap<String, String>,
    body: String,
}

/// What a receiver does with a request: answer with a status, or hold it unanswered.
#[derive(Debug, Clone, Copy)]
enum Answer {
    Status(u16),
    Hang(Duration),
}

/// A small HTTP receiver on a std `TcpListener`: answers each request by its script, then
/// 200; keeps every request it read.
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Got>>>,
}

impl Receiver {
    fn start(script: &[Answer]) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/hooks", listener.local_addr().unwrap());
        let got = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(script.iter().copied().collect::<VecDeque<_>>()));
        let kept = got.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut headers = HashMap::new();
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    continue;
                }
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((k, v)) = line.trim_end().split_once(':') {
                        headers.insert(k.trim().to_lowercase(), v.trim().to_owned());
                    }
                }
                let n: usize = headers
                    .get("content-length")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; n];
                reader.read_exact(&mut body).unwrap();
                kept.lock().unwrap().push(Got {
                    headers,
                    body: String::from_utf8(body).unwrap(),
                });
                let answer = script
                    .lock()
                    .unwrap()
                    .pop_front()
                    .unwrap_or(Answer::Status(200));
                match answer {
                    Answer::Status(s) => {
                        let _ = write!(
                            stream,
                            "HTTP/1.1 {s} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                        );
                    }
                    Answer::Hang(d) => std::thread::sleep(d),
                }
            }
        });
        Receiver { url, got }
    }

    fn got(&self) -> Vec<Got> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until at least `n` requests came (panics after `secs`).
    async fn wait_for(&self, n: usize, secs: u64) -> Vec<Got> {
        for _ in 0..secs * 10 {
            let got = self.got();
            if got.len() >= n {
                return got;
            }
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("fewer than {n} requests in {secs} s: {:?}", self.got());
    }
}

/// The Standard Webhooks signature, computed here from the specification: base64 of
/// HMAC-SHA256 over `{id}.{timestamp}.{body}`, keyed with the secret's base64-decoded bytes
/// after `whsec_`.
fn expected_signature(secret: &str, id: &str, timestamp: &str, body: &str) -> String {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

fn fast(s: &mut permits::config::Settings) {
    s.events.allow_http = true;
    s.events.allow_loopback = true;
    s.events.poll_millis = 100;
    s.events.retry_seconds = vec![1, 1, 1];
    s.events.timeout_seconds = 2;
}

/// Registers `url` for the caller's events; the created subscription.
async fn subscribe(app: &TestApp, token: &str, url: &str) -> Value {
    app.post("/v1/webhooks")
        .token(token)
        .header("Idempotency-Key", &uuid::Uuid::new_v4().to_string())
        .json(&json!({"url": url}))
        .await
        .ok(201)
        .clone()
}

/// A permit of BIN_A in KZ-23 filed and approved: `permit.approved` for BIN_A.
async fn approved_permit(app: &TestApp) -> i64 {
    let id = filed_permit(app).await;
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    id
}

async fn filed_permit(app: &TestApp) -> i64 {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 5)]).await;
    profile(app, BIN_A).await;
    app.post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("ASEL NURLANOVA", "TUR", "U1234567")],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap()
}

async fn feed(app: &TestApp, token: &str) -> Vec<Value> {
    app.get("/v1/events?limit=500")
        .token(token)
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone()
}

fn of_type<'a>(items: &'a [Value], t: &str) -> Vec<&'a Value> {
    items.iter().filter(|e| e["event_type"] == t).collect()
}

#[actix_web::test]
async fn a_delivery_is_signed_per_standard_webhooks_and_is_the_feeds_event() {
    let app = spawn_app_with(fast).await;
    let mine = Receiver::start(&[]);
    let theirs = Receiver::start(&[]);
    let sub = subscribe(&app, &app.employer(BIN_A), &mine.url).await;
    let secret = sub["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"), "{sub}");
    assert_eq!(STANDARD.decode(&secret[6..]).unwrap().len(), 32);
    let other = subscribe(&app, &app.employer(BIN_B), &theirs.url).await;
    let permit = approved_permit(&app).await;

    let got = mine.wait_for(1, 20).await;
    let g = &got[0];
    let (id, ts) = (&g.headers["webhook-id"], &g.headers["webhook-timestamp"]);
    assert_eq!(
        g.headers["webhook-signature"],
        expected_signature(secret, id, ts, &g.body)
    );
    let delivered: Value = serde_json::from_str(&g.body).unwrap();
    assert_eq!(delivered["id"], id.as_str());
    assert_eq!(delivered["event_type"], "permit.approved");
    assert_eq!(delivered["case_kind"], "permit");
    assert_eq!(delivered["case_id"], permit);
    assert_eq!(delivered["bin"], BIN_A);
    assert!(delivered["data"]["fee_due"].is_string(), "{delivered}");
    assert!(delivered["article"]
        .as_str()
        .unwrap()
        .contains("Art. 33(2)"));
    // The feed holds the same event, byte for byte the same JSON.
    let items = feed(&app, &app.employer(BIN_A)).await;
    let approved = of_type(&items, "permit.approved");
    assert_eq!(approved.len(), 1);
    assert_eq!(*approved[0], delivered);
    // The region's akimat and the ministry read it; the type filter narrows.
    assert_eq!(
        of_type(&feed(&app, &app.akimat("KZ-23")).await, "permit.approved").len(),
        1
    );
    assert!(of_type(&feed(&app, &app.akimat("KZ-75")).await, "permit.approved").is_empty());
    assert_eq!(
        of_type(&feed(&app, &app.ministry()).await, "permit.approved").len(),
        1
    );
    let r = app
        .get("/v1/events?event_type=permit.refused")
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(r.ok(200)["items"], json!([]));

    // Another employer neither receives nor reads it.
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    assert!(theirs.got().is_empty(), "{:?}", theirs.got());
    assert!(feed(&app, &app.employer(BIN_B)).await.is_empty());
    let bin_b = app.employer(BIN_B);
    let sub_id = sub["id"].as_i64().unwrap();
    for path in [
        format!("/v1/webhooks/{sub_id}"),
        format!("/v1/webhooks/{sub_id}/deliveries"),
    ] {
        app.get(&path)
            .token(&bin_b)
            .send()
            .await
            .problem(404, "not-found");
    }
    let deliveries = app
        .get(&format!("/v1/webhooks/{sub_id}/deliveries"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let delivery = deliveries.ok(200)["items"][0]["id"].as_i64().unwrap();
    app.post(&format!(
        "/v1/webhooks/{sub_id}/deliveries/{delivery}/replay"
    ))
    .token(&bin_b)
    .send()
    .await
    .problem(404, "not-found");
    app.request("DELETE", &format!("/v1/webhooks/{sub_id}"))
        .token(&bin_b)
        .send()
        .await
        .problem(404, "not-found");
    let listed = app.get("/v1/webhooks").token(&bin_b).send().await;
    let items = listed.ok(200)["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], other["id"]);
    assert!(items[0].get("secret").is_none(), "the secret is shown once");
    let other_deliveries = app
        .get(&format!("/v1/webhooks/{}/deliveries", other["id"]))
        .token(&bin_b)
        .send()
        .await;
    assert_eq!(other_deliveries.ok(200)["items"], json!([]));
}

/// A registration repeated with its `Idempotency-Key` answers the same subscription, but
/// not its secret: the stored answer never held it (newcomer's finding 16).
#[actix_web::test]
async fn a_replayed_registration_answers_the_subscription_without_its_secret() {
    let app = spawn_app_with(fast).await;
    let receiver = Receiver::start(&[]);
    let token = app.employer(BIN_A);
    let register = || {
        app.post("/v1/webhooks")
            .token(&token)
            .header("Idempotency-Key", "register-once")
            .json_owned(json!({"url": receiver.url}))
    };
    let first = register().await;
    let created = first.ok(201).clone();
    assert!(created["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!(created["secret_withheld"], false);
    assert_eq!(first.header("idempotent-replayed"), None);
    let again = register().await;
    let replayed = again.ok(201);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(replayed["id"], created["id"]);
    assert_eq!(replayed["url"], created["url"]);
    assert_eq!(
        replayed["secret"],
        Value::Null,
        "the secret is shown once: {replayed}"
    );
    assert_eq!(replayed["secret_withheld"], true);
    assert!(!again.body.to_string().contains("whsec_"));
}

#[actix_web::test]
async fn a_receiver_answering_500_twice_gets_the_event_again_and_the_log_shows_each_try() {
    let app = spawn_app_with(fast).await;
    let rx = Receiver::start(&[Answer::Status(500), Answer::Status(500)]);
    let sub = subscribe(&app, &app.employer(BIN_A), &rx.url).await;
    approved_permit(&app).await;
    let got = rx.wait_for(3, 30).await;
    let ids: Vec<&String> = got.iter().map(|g| &g.headers["webhook-id"]).collect();
    assert!(
        ids.iter().all(|i| *i == ids[0]),
        "one event, one id: {ids:?}"
    );
    assert!(got.iter().all(|g| g.body == got[0].body));
    let sub_id = sub["id"].as_i64().unwrap();
    let mut log = Value::Null;
    for _ in 0..50 {
        log = app
            .get(&format!("/v1/webhooks/{sub_id}/deliveries"))
            .token(&app.employer(BIN_A))
            .send()
            .await
            .ok(200)
            .clone();
        if log["items"][0]["status"] == "delivered" {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    let d = &log["items"][0];
    assert_eq!(d["status"], "delivered", "{log}");
    assert_eq!(d["event_id"], ids[0].as_str());
    let codes: Vec<&Value> = d["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["status_code"])
        .collect();
    assert_eq!(codes, [&json!(500), &json!(500), &json!(200)]);
    assert_eq!(d["attempts"][0]["error"], "HTTP 500");
    // A replay sends it once more, with the same id.
    let r = app
        .post(&format!(
            "/v1/webhooks/{sub_id}/deliveries/{}/replay",
            d["id"]
        ))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(r.ok(202)["status"], "pending");
    let got = rx.wait_for(4, 20).await;
    assert_eq!(&got[3].headers["webhook-id"], ids[0]);
}

/// Makes every transaction that seals audit events fail at its last statement (the chain
/// head's update), after the change and its audit event were written; `false` removes it.
fn break_sealing(app: &TestApp, on: bool) {
    let sql: &[&str] = match (app.db.is_postgres(), on) {
        (true, true) => &[
            "CREATE FUNCTION test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'test: sealing fails'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER test_fail BEFORE UPDATE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION test_fail()",
        ],
        (true, false) => &[
            "DROP TRIGGER test_fail ON audit_chain_head",
            "DROP FUNCTION test_fail()",
        ],
        (false, true) => &[
            "CREATE TRIGGER test_fail BEFORE UPDATE ON audit_chain_head BEGIN SELECT RAISE(ABORT, 'test: sealing fails'); END",
        ],
        (false, false) => &["DROP TRIGGER test_fail"],
    };
    let mut conn = app.pool.get().unwrap();
    for s in sql {
        diesel::RunQueryDsl::execute(diesel::sql_query(*s), &mut *conn).unwrap();
    }
}

#[actix_web::test]
async fn a_change_that_rolled_back_is_no_event_and_nothing_is_delivered() {
    let app = spawn_app_with(fast).await;
    let rx = Receiver::start(&[]);
    subscribe(&app, &app.employer(BIN_A), &rx.url).await;
    let id = filed_permit(&app).await;
    break_sealing(&app, true);
    let r = app
        .post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await;
    assert!(
        r.status >= 500,
        "the approval failed after writing: {}",
        r.status
    );
    break_sealing(&app, false);
    actix_web::rt::time::sleep(Duration::from_millis(1500)).await;
    assert!(rx.got().is_empty(), "{:?}", rx.got());
    assert!(of_type(&feed(&app, &app.employer(BIN_A)).await, "permit.approved").is_empty());
    let permit = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(permit.ok(200)["status"], "applied", "rolled back");
    // Approved for real, it is one event, delivered once.
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    let got = rx.wait_for(1, 20).await;
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(rx.got().len(), 1, "{got:?}");
    assert_eq!(
        of_type(&feed(&app, &app.employer(BIN_A)).await, "permit.approved").len(),
        1
    );
}

/// A port free now, for a child process to bind.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The service as a child process on `db_url`, delivering webhooks quickly.
fn start_binary(db_url: &str, port: u16) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_permits"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("APP__DATABASE__URL", db_url)
        .env("APP__SERVER__PORT", port.to_string())
        .env("APP__EVENTS__ALLOW_HTTP", "true")
        .env("APP__EVENTS__ALLOW_LOOPBACK", "true")
        .env("APP__EVENTS__POLL_MILLIS", "100")
        .env("APP__EVENTS__TIMEOUT_SECONDS", "1")
        .env("APP__EVENTS__SWEEP_SECONDS", "0")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[actix_web::test]
async fn an_event_is_delivered_after_the_service_is_killed_mid_delivery() {
    // This process only files and approves (its jobs are off); the child delivers.
    let app = spawn_app_with(|s| {
        fast(s);
        s.server.jobs = false;
    })
    .await;
    // The first request is held unanswered past the child's end: the kill comes mid-delivery.
    let rx = Receiver::start(&[Answer::Hang(Duration::from_secs(3))]);
    let sub = subscribe(&app, &app.employer(BIN_A), &rx.url).await;
    approved_permit(&app).await;
    let port = free_port();
    let mut child = start_binary(&app.db_url, port);
    let first = rx.wait_for(1, 60).await;
    // kill -9: no graceful shutdown, no chance to record anything.
    child.kill().unwrap();
    child.wait().unwrap();
    let mut child = start_binary(&app.db_url, port);
    // The child also lapses the permit by the wall clock (its fee is long overdue): that
    // is an event too; the one cut short must come again, the same.
    let id = first[0].headers["webhook-id"].clone();
    let mut again = None;
    for _ in 0..600 {
        again = rx
            .got()
            .into_iter()
            .skip(1)
            .find(|g| g.headers["webhook-id"] == id);
        if again.is_some() {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    let again = again.expect("the event cut short was delivered after the restart");
    assert_eq!(again.body, first[0].body);
    let mut delivered = false;
    for _ in 0..50 {
        let log = app
            .get(&format!("/v1/webhooks/{}/deliveries", sub["id"]))
            .token(&app.employer(BIN_A))
            .send()
            .await;
        let items = log.ok(200)["items"].as_array().unwrap().clone();
        delivered = items
            .iter()
            .any(|d| d["event_id"] == id.as_str() && d["status"] == "delivered");
        if delivered {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(delivered, "the log shows it delivered");
}

#[actix_web::test]
async fn the_last_day_to_pay_is_one_event_however_often_the_sweep_runs() {
    let app = spawn_app_with(|s| {
        fast(s);
        s.events.sweep_seconds = 1;
    })
    .await;
    let id = approved_permit(&app).await;
    let permit = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    let due = permit["regions"][0]["fee"]["payment_due"]
        .as_str()
        .unwrap()
        .to_owned();
    app.set_today(&format!("{due}T04:00:00Z"));
    let mut items = Vec::new();
    for _ in 0..50 {
        items = feed(&app, &app.employer(BIN_A)).await;
        if !of_type(&items, "permit.fee-due").is_empty() {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    // Two more sweeps record nothing more.
    actix_web::rt::time::sleep(Duration::from_millis(2500)).await;
    let items2 = feed(&app, &app.employer(BIN_A)).await;
    let due_events = of_type(&items2, "permit.fee-due");
    assert_eq!(due_events.len(), 1, "{items:?}");
    assert_eq!(due_events[0]["data"]["fee_due"], due.as_str());
    assert_eq!(due_events[0]["case_id"], id);
    assert_eq!(due_events[0]["article"], "Art. 33(4)");
    assert!(feed(&app, &app.employer(BIN_B)).await.is_empty());
}

#[actix_web::test]
async fn the_feed_pages_by_an_opaque_cursor_and_refuses_a_forged_one() {
    let app = spawn_app_with(fast).await;
    approved_permit(&app).await;
    let bin_a = app.employer(BIN_A);
    let first = app.get("/v1/events?limit=1").token(&bin_a).send().await;
    let cursor = first.ok(200)["next_cursor"].as_str().unwrap().to_owned();
    let next = app
        .get(&format!("/v1/events?cursor={cursor}"))
        .token(&bin_a)
        .send()
        .await;
    let after = next.ok(200)["next_cursor"].as_str().unwrap().to_owned();
    let empty = app
        .get(&format!("/v1/events?cursor={after}"))
        .token(&bin_a)
        .send()
        .await;
    assert_eq!(empty.ok(200)["items"], json!([]));
    assert_eq!(
        empty.body["next_cursor"],
        after.as_str(),
        "poll again from here"
    );
    app.get("/v1/events?cursor=c0")
        .token(&bin_a)
        .send()
        .await
        .problem(400, "malformed-request");
    app.get("/v1/events?event_type=permit.nothing")
        .token(&bin_a)
        .send()
        .await
        .problem(400, "malformed-request");
    let r = app
        .post("/v1/webhooks")
        .token(&bin_a)
        .json(&json!({"url": "ftp://hr.example.kz/hooks"}))
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
}

/// Approves a permit of `bin` for a worker with `passport`.
async fn approved_of(app: &TestApp, bin: &str, name: &str, passport: &str) {
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(bin))
        .json(&application(
            &["KZ-23"],
            vec![worker(name, "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
}

/// Two employers' events interleave in the trail; one employer's ids and cursors are
/// opaque, so the others' activity between two of its events shows in neither
/// (newcomer's finding 17), while its feed keeps commit order and pages on.
#[actix_web::test]
async fn another_employers_activity_shows_in_neither_the_ids_nor_the_cursors_of_mine() {
    let app = spawn_app_with(fast).await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    profile(&app, BIN_B).await;
    approved_of(&app, BIN_A, "ASEL NURLANOVA", "U1234567").await;
    approved_of(&app, BIN_B, "MEHMET YILMAZ", "U2234567").await;
    approved_of(&app, BIN_B, "AYSE KAYA", "U3234567").await;
    approved_of(&app, BIN_A, "EMRE DEMIR", "U4234567").await;
    let (mine, theirs) = (app.employer(BIN_A), app.employer(BIN_B));
    let all = feed(&app, &mine).await;
    assert_eq!(of_type(&all, "permit.approved").len(), 2, "{all:?}");
    let id = regex::Regex::new("^evt_[0-9a-f]{32}$").unwrap();
    for e in all.iter().chain(feed(&app, &theirs).await.iter()) {
        assert!(id.is_match(e["id"].as_str().unwrap()), "{e}");
    }
    let ids: std::collections::BTreeSet<String> = all.iter().map(|e| e["id"].to_string()).collect();
    assert_eq!(ids.len(), all.len(), "each event its own id");
    // Page by one: the cursors are opaque, and the feed is the same events in order.
    let cursor = regex::Regex::new("^e[0-9a-f]{16}$").unwrap();
    let (mut paged, mut cursors, mut at) = (Vec::new(), Vec::new(), None::<String>);
    for _ in 0..all.len() {
        let path = match &at {
            Some(c) => format!("/v1/events?limit=1&cursor={c}"),
            None => "/v1/events?limit=1".to_owned(),
        };
        let page = app.get(&path).token(&mine).send().await.ok(200).clone();
        paged.extend(page["items"].as_array().unwrap().iter().cloned());
        let next = page["next_cursor"].as_str().unwrap().to_owned();
        assert!(cursor.is_match(&next), "{next}");
        cursors.push(next.clone());
        at = Some(next);
    }
    assert_eq!(paged, all, "the feed's order, page by page");
    // My cursor is nothing in another stream: it reads none of my events there.
    let last = cursors.last().unwrap();
    let there = app
        .get(&format!("/v1/events?cursor={}", cursors[0]))
        .token(&theirs)
        .send()
        .await;
    for e in there.ok(200)["items"].as_array().unwrap() {
        assert!(!ids.contains(&e["id"].to_string()), "{e}");
    }
    let empty = app
        .get(&format!("/v1/events?cursor={last}"))
        .token(&mine)
        .send()
        .await;
    assert_eq!(empty.ok(200)["items"], json!([]), "nothing after my last");
}

/// Waits until the feed `token` reads holds an event of type `t` (panics after 10 s).
async fn wait_for_type(app: &TestApp, token: &str, t: &str) -> Vec<Value> {
    for _ in 0..100 {
        let items = feed(app, token).await;
        if !of_type(&items, t).is_empty() {
            return items;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no {t} event in the feed");
}

/// Every event of `types` concerning case `id` is in the employer's stream and in its
/// region's (officials'), and in no other employer's or region's.
async fn in_both_streams(app: &TestApp, bin: &str, region: &str, types: &[&str], id: i64) {
    for t in types {
        for token in [app.employer(bin), app.akimat(region)] {
            let items = wait_for_type(app, &token, t).await;
            assert!(
                of_type(&items, t).iter().any(|e| e["case_id"] == id),
                "{t} of {id}: {items:?}"
            );
        }
        let other = if bin == BIN_A { BIN_B } else { BIN_A };
        assert!(of_type(&feed(app, &app.employer(other)).await, t).is_empty());
        assert!(of_type(&feed(app, &app.akimat("KZ-71")).await, t).is_empty());
    }
}

/// BIN_A's one-worker permit in KZ-23, approved and, when `paid`, issued: its id.
async fn permit_of(app: &TestApp, name: &str, passport: &str, paid: bool) -> i64 {
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker(name, "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    if paid {
        app.post(&format!("/v1/permits/{id}/payments"))
            .token(&app.employer(BIN_A))
            .json(&json!({"region": "KZ-23", "amount": "100000000.00", "paid_on": "2025-12-15", "reference": "PP-1"}))
            .await
            .ok(201);
    }
    id
}

async fn sweeping() -> TestApp {
    spawn_app_with(|s| {
        fast(s);
        s.events.sweep_seconds = 1;
    })
    .await
}

#[actix_web::test]
async fn a_refusal_a_lapse_a_suspension_a_revocation_an_expiry_coming_up_and_an_overdue_departure_are_events_of_both_streams(
) {
    let app = sweeping().await;
    let akimat = app.akimat("KZ-23");
    // A refusal (a decision).
    let refused = filed_permit(&app).await;
    app.post(&format!("/v1/permits/{refused}/decisions"))
        .token(&akimat)
        .json(&json!({"decision": "refuse", "grounds": ["unreliable-documents"]}))
        .await
        .ok(200);
    // Suspended, resumed and revoked once it began: its worker's departure is owed.
    let revoked = permit_of(&app, "KAYA MEHMET", "U1000001", true).await;
    let expiring = permit_of(&app, "DEMIR AYSE", "U1000002", true).await;
    let lapsing = permit_of(&app, "YILMAZ CAN", "U1000003", false).await;
    app.set_today("2026-02-02T04:00:00Z");
    app.post(&format!("/v1/permits/{revoked}/suspension"))
        .token(&akimat)
        .json(&json!({"reason": "inspection of the Kazakh share"}))
        .await
        .ok(200);
    app.post(&format!("/v1/permits/{revoked}/revocation"))
        .token(&akimat)
        .json(&json!({"ground": "kazakh-share-breached"}))
        .await
        .ok(200);
    // Its fee unpaid past its last day, the third lapses when read (Art. 33(4)).
    let r = app
        .get(&format!("/v1/permits/{lapsing}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(r.ok(200)["status"], "lapsed");
    in_both_streams(&app, BIN_A, "KZ-23", &["permit.refused"], refused).await;
    in_both_streams(&app, BIN_A, "KZ-23", &["permit.lapsed"], lapsing).await;
    let ended = [
        "permit.suspended",
        "permit.revoked",
        "permit.departure-overdue",
    ];
    in_both_streams(&app, BIN_A, "KZ-23", &ended, revoked).await;
    // The last day of the other: its extension window is open, so it is expiring.
    let end = app
        .get(&format!("/v1/permits/{expiring}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)["end_date"]
        .as_str()
        .unwrap()
        .to_owned();
    app.set_today(&format!("{end}T04:00:00Z"));
    in_both_streams(&app, BIN_A, "KZ-23", &["permit.expiring"], expiring).await;
    let items = feed(&app, &app.employer(BIN_A)).await;
    let e = of_type(&items, "permit.expiring");
    assert_eq!(e.len(), 1, "once: {e:?}");
    assert_eq!(e[0]["data"]["end_date"], end.as_str());
}

#[actix_web::test]
async fn an_ict_arrival_notice_not_made_is_due_on_its_last_day_in_both_streams_once() {
    use crate::ict::{issued, BIN_BRANCH};
    let app = sweeping().await;
    // Issued before the contract's start (2027-01-01): the notice is due ten days after.
    let permit = issued(&app).await;
    let id = permit["id"].as_i64().unwrap();
    app.set_today("2027-01-10T04:00:00Z");
    actix_web::rt::time::sleep(Duration::from_millis(1500)).await;
    let t = "ict-permit.arrival-notice-due";
    assert!(of_type(&feed(&app, &app.employer(BIN_BRANCH)).await, t).is_empty());
    app.set_today("2027-01-11T04:00:00Z");
    for token in [app.employer(BIN_BRANCH), app.akimat("KZ-75")] {
        let items = wait_for_type(&app, &token, t).await;
        let due = of_type(&items, t);
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0]["case_kind"], "ict_permit");
        assert_eq!(due[0]["case_id"], id);
        assert_eq!(due[0]["article"], "Art. 35(3)");
        assert_eq!(due[0]["data"]["due_on"], "2027-01-11");
        assert_eq!(due[0]["data"]["counted_from"], "2027-01-01");
        assert_eq!(due[0]["data"]["worker_ids"].as_array().unwrap().len(), 3);
    }
    assert!(of_type(&feed(&app, &app.employer(BIN_A)).await, t).is_empty());
    assert!(of_type(&feed(&app, &app.akimat("KZ-23")).await, t).is_empty());
    // Later sweeps of the day record nothing more.
    actix_web::rt::time::sleep(Duration::from_millis(2500)).await;
    let items = feed(&app, &app.employer(BIN_BRANCH)).await;
    assert_eq!(of_type(&items, t).len(), 1);
}

/// Sets a subscription's URL behind the API's back: what a name that resolved to a
/// public address at registration may resolve to later (DNS rebinding).
fn point(app: &TestApp, sub: &Value, url: &str) {
    let mut conn = app.pool.get().unwrap();
    let sql = format!(
        "UPDATE webhook_subscriptions SET url = '{url}' WHERE id = {}",
        sub["id"]
    );
    diesel::RunQueryDsl::execute(diesel::sql_query(sql), &mut *conn).unwrap();
}

#[actix_web::test]
async fn an_employer_cannot_register_an_address_of_the_services_own_host_or_network() {
    let app = spawn_app_with(|s| s.events.allow_http = true).await;
    let bin_a = app.employer(BIN_A);
    for url in [
        "http://127.0.0.1:9/hooks",
        "https://localhost/hooks",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.5/hooks",
        "https://192.168.1.10/hooks",
        "https://[::1]/hooks",
        "https://[fd00:ec2::254]/hooks",
        "https://[::ffff:127.0.0.1]/hooks",
    ] {
        let r = app
            .post("/v1/webhooks")
            .token(&bin_a)
            .json(&json!({ "url": url }))
            .await;
        let p = r.problem(422, "webhook-url-not-public");
        assert_eq!(p["violations"][0]["article"], Value::Null, "{url}: {p}");
    }
    let mut messages = Vec::new();
    for lang in ["kk", "ru", "en"] {
        let r = app
            .post("/v1/webhooks")
            .token(&bin_a)
            .header("Accept-Language", lang)
            .json(&json!({"url": "https://169.254.169.254/"}))
            .await;
        let m = r.problem(422, "webhook-url-not-public")["violations"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(m.contains("169.254.169.254"), "{m}");
        messages.push(m);
    }
    assert!(messages[0] != messages[1] && messages[1] != messages[2]);
    assert!(messages[2].contains("not a public Internet address"));
    // Production's defaults: https only, and no loopback.
    let prod = spawn_app().await;
    let r = prod
        .post("/v1/webhooks")
        .token(&prod.employer(BIN_A))
        .json(&json!({"url": "http://hr.example.kz/hooks"}))
        .await;
    assert_eq!(
        r.problem(422, "webhook-url-not-https")["violations"][0]["article"],
        Value::Null
    );
    let r = prod
        .post("/v1/webhooks")
        .token(&prod.employer(BIN_A))
        .json(&json!({"url": "https://hr.example.kz/hooks"}))
        .await;
    r.ok(201);
}

#[actix_web::test]
async fn a_name_resolving_to_loopback_at_delivery_is_not_called() {
    let app = spawn_app_with(|s| {
        fast(s);
        s.events.allow_loopback = false;
    })
    .await;
    let rx = Receiver::start(&[]);
    let port = rx.url.split(':').nth(2).unwrap().split('/').next().unwrap();
    let bin_a = app.employer(BIN_A);
    let by_name = subscribe(&app, &bin_a, "https://hr.example.kz/hooks").await;
    let by_ip = subscribe(&app, &bin_a, "https://hr.example.kz/other").await;
    point(&app, &by_name, &format!("http://localhost:{port}/hooks"));
    point(&app, &by_ip, &format!("http://127.0.0.1:{port}/hooks"));
    approved_permit(&app).await;
    for sub in [&by_name, &by_ip] {
        let mut error = Value::Null;
        for _ in 0..100 {
            let log = app
                .get(&format!("/v1/webhooks/{}/deliveries", sub["id"]))
                .token(&bin_a)
                .send()
                .await;
            error = log.ok(200)["items"][0]["attempts"][0]["error"].clone();
            if !error.is_null() {
                break;
            }
            actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            error.as_str().unwrap().contains("no public address"),
            "{error}"
        );
    }
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    assert!(rx.got().is_empty(), "{:?}", rx.got());
}

#[actix_web::test]
async fn finished_deliveries_past_the_retention_are_pruned_and_pending_ones_stay() {
    let app = spawn_app_with(|s| {
        fast(s);
        s.events.sweep_seconds = 1;
        s.events.delivery_retention_days = 0;
        s.events.retry_seconds = vec![600];
    })
    .await;
    let ok = Receiver::start(&[]);
    let failing = Receiver::start(&[Answer::Status(500)]);
    let bin_a = app.employer(BIN_A);
    let done = subscribe(&app, &bin_a, &ok.url).await;
    let pending = subscribe(&app, &bin_a, &failing.url).await;
    approved_permit(&app).await;
    ok.wait_for(1, 20).await;
    failing.wait_for(1, 20).await;
    let log = |sub: &Value| {
        let path = format!("/v1/webhooks/{}/deliveries", sub["id"]);
        let bin_a = bin_a.clone();
        let app = &app;
        async move {
            app.get(&path).token(&bin_a).send().await.ok(200)["items"]
                .as_array()
                .unwrap()
                .clone()
        }
    };
    let mut items = log(&done).await;
    for _ in 0..50 {
        if items.is_empty() {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        items = log(&done).await;
    }
    assert!(items.is_empty(), "the delivered one is pruned: {items:?}");
    let kept = log(&pending).await;
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0]["status"], "pending");
    assert_eq!(kept[0]["attempts"].as_array().unwrap().len(), 1);
}
