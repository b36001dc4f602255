//! HTTP as clients expect it, and the service's edges: idempotent replays per principal,
//! identifiers, tenant-bound tokens, slow or odd requests, text the databases disagree on,
//! and a database connection lost mid-transaction.

use crate::helpers::*;
use permits::auth::{Claims, Role};
use permits::error::ApiError;
use serde_json::{json, Value};

#[actix_web::test]
async fn a_connection_dropped_mid_transaction_is_a_503_not_the_failed_rollbacks_error() {
    use diesel::RunQueryDsl;
    let app = spawn_app().await;
    if !app.db.is_postgres() {
        // An embedded SQLite file has no server to drop the connection.
        return;
    }
    let mut conn = app.pool.get().unwrap();
    let db = &app.db;
    let result: Result<(), ApiError> = permits::db::write_tx(&mut conn, |c| {
        let pid: i32 = diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>(
            "pg_backend_pid()",
        ))
        .get_result(c)?;
        db.admin_sql(&format!("SELECT pg_terminate_backend({pid})"));
        std::thread::sleep(std::time::Duration::from_millis(200));
        diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("1")).execute(c)?;
        Ok(())
    });
    assert!(matches!(result, Err(ApiError::Unavailable)), "{result:?}");
    let res = actix_web::ResponseError::error_response(&result.unwrap_err());
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers().get("retry-after").unwrap(), "5");
}

fn demand() -> Value {
    json!({
        "year": 2027, "region": "KZ-75", "category": "3", "profession": "Engineer",
        "number": 5, "justification": "No local candidates after 15 days on the Labour Exchange"
    })
}

fn employer_token(app: &TestApp, sub: &str, bin: &str) -> String {
    app.mint(&Claims {
        sub: sub.into(),
        role: Role::Employer,
        region: None,
        bin: Some(bin.into()),
        exp: chrono::Utc::now().timestamp() + 3600,
    })
}

#[actix_web::test]
async fn an_idempotency_key_is_private_to_the_whole_principal_not_the_subject() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let file = |token: String| {
        app.post("/v1/quota-demands")
            .token(&token)
            .header("Idempotency-Key", "demand-1")
            .json_owned(demand())
    };
    let a = file(employer_token(&app, "dev", BIN_A)).await;
    assert_eq!(a.ok(201)["bin"], BIN_A);
    // Another employer whose identity provider also calls its user `dev`.
    let b = file(employer_token(&app, "dev", BIN_B)).await;
    assert_eq!(b.ok(201)["bin"], BIN_B, "not the other employer's demand");
    assert_eq!(b.header("idempotent-replayed"), None);
    assert_ne!(b.body["id"], a.body["id"]);
}

#[actix_web::test]
async fn a_replay_carries_every_header_of_the_first_answer() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let token = employer_token(&app, "dev", BIN_A);
    let file = || {
        app.post("/v1/quota-demands")
            .token(&token)
            .header("Idempotency-Key", "demand-1")
            .json_owned(demand())
    };
    let first = file().await;
    first.ok(201);
    let again = file().await;
    assert_eq!(again.ok(201), &first.body);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    for name in ["location", "etag", "content-type"] {
        assert!(first.header(name).is_some(), "{name}");
        assert_eq!(again.header(name), first.header(name), "{name}");
    }
}

/// A replay is the first answer, made in the first request's language: it names that
/// language, whatever the repeat's `Accept-Language` asks for.
#[actix_web::test]
async fn a_replay_names_the_language_of_the_first_answer() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let token = employer_token(&app, "dev", BIN_A);
    let file = |lang: &'static str| {
        app.post("/v1/quota-demands")
            .token(&token)
            .header("Idempotency-Key", "demand-lang")
            .header("Accept-Language", lang)
            .json_owned(demand())
    };
    let first = file("ru").await;
    first.ok(201);
    assert_eq!(first.header("content-language"), Some("ru"));
    for lang in ["kk", "en", "ru"] {
        let again = file(lang).await;
        assert_eq!(again.ok(201), &first.body);
        assert_eq!(again.header("idempotent-replayed"), Some("true"));
        assert_eq!(again.header("content-language"), Some("ru"), "asked {lang}");
    }
}

const NOT_EMPLOYERS: [&str; 5] = [
    "000000000000", // month 00
    "211340000006", // month 13
    "210300000005", // 5th digit 0
    "880230300012", // 30 February
    "880715900017", // 7th digit 9
];

#[actix_web::test]
async fn an_employer_token_must_name_a_real_shaped_bin_or_iin() {
    let app = spawn_app().await;
    for bad in NOT_EMPLOYERS {
        let r = app
            .get("/v1/regions")
            .token(&app.employer(bad))
            .send()
            .await;
        let detail = r.problem(401, "unauthorized")["detail"].as_str().unwrap();
        assert!(detail.contains("neither a BIN"), "{bad}: {detail}");
    }
    app.get("/v1/regions")
        .token(&app.employer(IIN_IE))
        .send()
        .await
        .ok(200);
    app.set_today("2026-08-15T04:00:00Z");
    let r = app
        .post("/v1/quota-demands")
        .token(&app.employer(IIN_IE))
        .json(&demand())
        .await;
    assert_eq!(
        r.ok(201)["bin"],
        IIN_IE,
        "an individual entrepreneur files too"
    );
}

#[test]
fn the_token_command_refuses_what_the_service_would_refuse() {
    let mint = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_permits"))
            .arg("token")
            .args(args)
            .output()
            .unwrap()
    };
    for bad in NOT_EMPLOYERS {
        let out = mint(&["--role", "employer", "--bin", bad]);
        assert!(!out.status.success(), "{bad}");
        assert!(out.stdout.is_empty(), "no token printed for {bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("neither a BIN"), "{bad}: {err}");
    }
    for args in [
        &["--role", "akimat", "--region", "Almaty"][..],
        &["--role", "akimat", "--region", "KZ-7"],
        &["--role", "akimat"],
        &["--role", "employer"],
        &["--role", "akimat", "--region", "KZ-99"],
        &["--role", "ministry", "--bin", BIN_A],
        &["--role", "employer", "--bin", BIN_A, "--region", "KZ-75"],
    ] {
        let out = mint(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    assert!(mint(&["--role", "employer", "--bin", BIN_A])
        .status
        .success());
}

#[actix_web::test]
async fn an_akimat_token_for_a_region_that_does_not_exist_is_a_401() {
    let app = spawn_app().await;
    let r = app
        .get("/v1/audit-events")
        .token(&app.akimat("KZ-98"))
        .send()
        .await;
    let detail = r.problem(401, "unauthorized")["detail"].as_str().unwrap();
    assert!(detail.contains("KZ-98"), "{detail}");
    app.get("/v1/audit-events")
        .token(&app.akimat("KZ-71"))
        .send()
        .await
        .ok(200);
}

#[actix_web::test]
async fn a_token_subject_longer_than_256_bytes_or_with_control_characters_is_a_401() {
    let app = spawn_app().await;
    let with_sub = |sub: String| {
        app.mint(&Claims {
            sub,
            role: Role::Ministry,
            region: None,
            bin: None,
            exp: chrono::Utc::now().timestamp() + 3600,
        })
    };
    let long = with_sub("a".repeat(257));
    app.get("/v1/regions")
        .token(&long)
        .send()
        .await
        .problem(401, "unauthorized");
    let nul = with_sub("a\u{0}b".into());
    app.get("/v1/regions")
        .token(&nul)
        .send()
        .await
        .problem(401, "unauthorized");
    app.get("/v1/regions")
        .token(&with_sub("a".repeat(256)))
        .send()
        .await
        .ok(200);
}

#[actix_web::test]
async fn a_trailing_slash_is_another_path_not_a_self_contradicting_405() {
    let app = spawn_app().await;
    let t = app.ministry();
    for path in ["/v1/regions/", "/v1/rule-sets/", "/v1/quota-demands/"] {
        let r = app.get(path).token(&t).send().await;
        let detail = r.problem(404, "not-found")["detail"].as_str().unwrap();
        assert!(detail.contains(path), "{path}: {detail}");
    }
    let r = app.request("DELETE", "/v1/regions").send().await;
    assert_eq!(
        r.problem(405, "method-not-allowed")["detail"],
        "DELETE is not allowed here; allowed: GET, HEAD"
    );
}

#[actix_web::test]
async fn head_answers_wherever_get_does_with_the_same_headers_and_no_body() {
    let app = spawn_app().await;
    let t = app.ministry();
    for path in [
        "/v1/regions",
        "/v1/rule-sets/1",
        "/health/live",
        "/openapi.json",
    ] {
        let get = app.get(path).token(&t).send().await;
        let head = app.request("HEAD", path).token(&t).send().await;
        assert_eq!(head.status, 200, "{path}");
        assert_eq!(head.body, Value::Null, "{path}: no body");
        for name in ["content-type", "content-length", "etag"] {
            assert_eq!(head.header(name), get.header(name), "{path}: {name}");
        }
    }
    let r = app.request("HEAD", "/v1/regions").send().await;
    assert_eq!(r.status, 401);
    assert_eq!(r.header("content-type"), Some("application/problem+json"));
    assert_eq!(r.body, Value::Null);
    let r = app.request("HEAD", "/v1/nothing").send().await;
    assert_eq!(r.status, 404);
    let r = app.request("PUT", "/v1/regions").send().await;
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
}

#[actix_web::test]
async fn whole_numbers_written_as_floats_are_integers_and_fractions_are_refused() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let t = app.employer(BIN_A);
    let mut body = demand();
    body["number"] = json!(12.0);
    body["year"] = json!(2027.0);
    let r = app.post("/v1/quota-demands").token(&t).json(&body).await;
    assert_eq!(r.ok(201)["number"], 12);
    body["number"] = json!(12.5);
    let r = app.post("/v1/quota-demands").token(&t).json(&body).await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "number"
    );
    body["number"] = json!(1e300);
    let r = app.post("/v1/quota-demands").token(&t).json(&body).await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "number"
    );
}

#[actix_web::test]
async fn text_with_nul_is_a_field_error_on_both_databases() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let mut body = demand();
    body["profession"] = json!("Engi\u{0}neer");
    let r = app
        .post("/v1/quota-demands")
        .token(&app.employer(BIN_A))
        .json(&body)
        .await;
    let p = r.problem(422, "invalid-fields");
    assert_eq!(p["errors"][0]["field"], "profession");
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["effective_from"] = json!("2027-01-01");
    doc["source"] = json!("Order \u{0}1");
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "source"
    );
    for query in ["actor=a%00b", "entity_type=%00", "region=KZ-7%005"] {
        let r = app
            .get(&format!("/v1/audit-events?{query}"))
            .token(&app.ministry())
            .send()
            .await;
        let field = query.split('=').next().unwrap();
        assert_eq!(
            r.problem(400, "malformed-request")["errors"][0]["field"],
            field,
            "{query}"
        );
    }
    let r = app
        .get("/v1/audit-events?actor=ministry-hq")
        .token(&app.ministry())
        .send()
        .await;
    r.ok(200);
}

#[actix_web::test]
async fn a_header_over_16_kb_is_a_431_problem() {
    let app = spawn_app().await;
    let t = app.ministry();
    app.get("/v1/regions")
        .token(&t)
        .header("X-Filler", &"a".repeat(16 * 1024))
        .send()
        .await
        .ok(200);
    let r = app
        .get("/v1/regions")
        .token(&t)
        .header("X-Filler", &"a".repeat(16 * 1024 + 1))
        .send()
        .await;
    r.problem(431, "header-too-large");
    assert!(r.header("x-request-id").is_some());
}

#[actix_web::test]
async fn a_body_that_stalls_is_answered_408_and_the_connection_closed() {
    use std::io::{Read, Write};
    let app = spawn_app_with(|s| s.server.body_timeout_seconds = 1).await;
    let token = app.ministry();
    let port = app.port;
    let started = std::time::Instant::now();
    let answer = actix_web::rt::task::spawn_blocking(move || {
        let mut conn = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        conn.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        write!(
            conn,
            "POST /v1/rule-sets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"source\": "
        )
        .unwrap();
        let mut answer = Vec::new();
        // Until the server closes the connection (or the read timeout fails the test).
        let _ = conn.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(answer.contains("urn:kz:permits:problem:request-timeout"));
    assert!(started.elapsed() < std::time::Duration::from_secs(8));
}
