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
        let r = app.get("/v1/regions").token(&app.employer(bad)).send().await;
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
    assert_eq!(r.ok(201)["bin"], IIN_IE, "an individual entrepreneur files too");
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
