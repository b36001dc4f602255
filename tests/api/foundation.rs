use crate::helpers::*;
use diesel::connection::SimpleConnection;
use permits::auth::Role;
use serde_json::{json, Value};

#[actix_web::test]
async fn health_live_and_ready_answer_ok() {
    let app = spawn_app().await;
    assert_eq!(app.get("/health/live").send().await.ok(200)["status"], "ok");
    assert_eq!(
        app.get("/health/ready").send().await.ok(200)["status"],
        "ok"
    );
}

#[actix_web::test]
async fn ready_answers_503_while_the_database_is_down_and_200_once_it_is_back() {
    let app = spawn_app().await;
    if !app.db.is_postgres() {
        // An embedded SQLite file cannot go down independently of the process.
        return;
    }
    let name = app.db.name().to_owned();
    app.db.admin_sql(&format!(
        "ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false"
    ));
    app.db.admin_sql(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ));
    let r = app.get("/health/ready").send().await;
    r.problem(503, "service-unavailable");
    assert_eq!(r.header("retry-after"), Some("5"));
    let r = app.get("/v1/regions").token(&app.ministry()).send().await;
    r.problem(503, "service-unavailable");
    app.db
        .admin_sql(&format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true"));
    app.get("/health/ready").send().await.ok(200);
}

#[actix_web::test]
async fn reference_data_is_seeded_and_served() {
    let app = spawn_app().await;
    let t = app.employer(BIN_A);
    let regions = app.get("/v1/regions").token(&t).send().await;
    let regions = regions.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(regions.len(), 20);
    let almaty = regions.iter().find(|r| r["code"] == "KZ-75").unwrap();
    assert_eq!(almaty["kato_prefix"], "75");
    assert!(almaty["name_kk"].as_str().unwrap().contains("Алматы"));

    let countries = app.get("/v1/countries").token(&t).send().await;
    let countries = countries.ok(200)["items"].as_array().unwrap().clone();
    assert!(countries.len() >= 240);
    let by = |code: &str| {
        countries
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(by("KAZ")["wto_member_since"], "2015-11-30");
    assert_eq!(by("RUS")["eaeu_member"], true);
    assert_eq!(by("UZB")["labour_migration_treaty"], true);
    assert_eq!(by("UZB")["wto_member_since"], Value::Null);
    let wto = countries
        .iter()
        .filter(|c| !c["wto_member_since"].is_null())
        .count();
    assert_eq!(wto, 165, "166 WTO members less the EU itself");

    let sectors = app.get("/v1/sectors").token(&t).send().await;
    let sectors = sectors.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(sectors.len(), 21);
    assert_eq!(sectors[0]["code"], "A");
    assert_eq!(sectors[20]["code"], "U");
}

#[actix_web::test]
async fn missing_expired_and_forged_tokens_get_401() {
    let app = spawn_app().await;
    let r = app.get("/v1/regions").send().await;
    r.problem(401, "unauthorized");
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    let expired = app.token_for(Role::Ministry, None, None, -3600);
    app.get("/v1/regions")
        .token(&expired)
        .send()
        .await
        .problem(401, "unauthorized");
    let forged = {
        let t = app.ministry();
        let (head, _) = t.rsplit_once('.').unwrap();
        format!("{head}.c2lnbmF0dXJl")
    };
    let r = app.get("/v1/regions").token(&forged).send().await;
    assert_eq!(
        r.problem(401, "unauthorized")["detail"],
        "the token's signature is invalid"
    );
    app.get("/v1/regions")
        .token("not-a-jwt")
        .send()
        .await
        .problem(401, "unauthorized");
    let lower = format!("bearer {}", app.ministry());
    app.get("/v1/regions")
        .header("Authorization", &lower)
        .send()
        .await
        .ok(200);
    app.get("/v1/regions")
        .header("Authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .problem(401, "unauthorized");
    // An akimat token without a valid region, an employer token with a bad BIN check digit.
    let bad = app.token_for(Role::Akimat, Some("KZ-7"), None, 3600);
    app.get("/v1/regions")
        .token(&bad)
        .send()
        .await
        .problem(401, "unauthorized");
    let bad = app.token_for(Role::Employer, None, Some("061211600013"), 3600);
    app.get("/v1/regions")
        .token(&bad)
        .send()
        .await
        .problem(401, "unauthorized");
}

fn next_year_rules(app: &TestApp) -> Value {
    let _ = app;
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["effective_from"] = json!("2027-01-01");
    doc["source"] = json!("Order No. 1 of 01.12.2026");
    doc["rules"]["mrp"]["values"]
        .as_array_mut()
        .unwrap()
        .push(json!({"valid_from": "2027-01-01", "tenge": "4500.00"}));
    doc
}

#[actix_web::test]
async fn the_rule_set_in_force_is_served_by_date() {
    let app = spawn_app().await;
    let t = app.akimat("KZ-75");
    let r = app.get("/v1/rule-sets/current").token(&t).send().await;
    let body = r.ok(200);
    assert_eq!(body["version"], 1);
    assert_eq!(body["effective_from"], "2023-07-01");
    assert_eq!(body["rules"]["kazakh_share"]["exemption_max_employees"], 10);
    assert_eq!(body["rules"]["fees"]["seasonal"][0]["mrp"], 12);
    let r = app
        .get("/v1/rule-sets/current?on=2020-01-01")
        .token(&t)
        .send()
        .await;
    r.problem(404, "not-found");
    app.get("/v1/rule-sets/7")
        .token(&t)
        .send()
        .await
        .problem(404, "not-found");
}

#[actix_web::test]
async fn the_ministry_publishes_a_future_rule_set_and_old_versions_stay_readable() {
    let app = spawn_app().await;
    let t = app.ministry();
    let doc = next_year_rules(&app);
    let r = app.post("/v1/rule-sets").token(&t).json(&doc).await;
    let body = r.ok(201);
    assert_eq!(body["version"], 2);
    assert_eq!(r.header("location"), Some("/v1/rule-sets/2"));
    assert_eq!(r.header("etag"), Some("\"2\""));

    let today = app.get("/v1/rule-sets/current").token(&t).send().await;
    assert_eq!(today.ok(200)["version"], 1);
    let next = app
        .get("/v1/rule-sets/current?on=2027-01-01")
        .token(&t)
        .send()
        .await;
    assert_eq!(next.ok(200)["version"], 2);
    let all = app.get("/v1/rule-sets").token(&t).send().await;
    assert_eq!(all.ok(200)["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        app.get("/v1/rule-sets/1").token(&t).send().await.ok(200)["version"],
        1
    );

    let audit = app
        .get("/v1/audit-events?entity_type=rule_set")
        .token(&app.auditor())
        .send()
        .await;
    let items = audit.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2, "the seeded version and this one");
    assert_eq!(items[0]["role"], "system");
    assert_eq!(items[1]["action"], "rule_set.published");
    assert_eq!(items[1]["role"], "ministry");
    assert_eq!(items[1]["after"]["version"], 2);
    assert!(items[1]["request_id"].as_str().unwrap().len() > 8);
}

#[actix_web::test]
async fn a_rule_set_in_force_in_the_past_or_with_inconsistent_numbers_is_refused() {
    let app = spawn_app().await;
    let t = app.ministry();
    let mut doc = next_year_rules(&app);
    doc["effective_from"] = json!("2026-11-30");
    doc["rules"]["kazakh_share"]["ratios"][0]["min_kazakh_percent"] = json!("170");
    doc["rules"]["extension_window"]["earliest_days_before_expiry"] = json!(10);
    let r = app.post("/v1/rule-sets").token(&t).json(&doc).await;
    let body = r.problem(422, "invalid-fields");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "effective_from",
            "rules.kazakh_share.ratios[0].min_kazakh_percent",
            "rules.extension_window"
        ]
    );
    let all = app.get("/v1/rule-sets").token(&t).send().await;
    assert_eq!(
        all.ok(200)["items"].as_array().unwrap().len(),
        1,
        "nothing changed"
    );
}

#[actix_web::test]
async fn a_repeated_idempotency_key_replays_the_first_answer() {
    let app = spawn_app().await;
    let t = app.ministry();
    let doc = next_year_rules(&app);
    let first = app
        .post("/v1/rule-sets")
        .token(&t)
        .header("Idempotency-Key", "order-1")
        .json(&doc)
        .await;
    first.ok(201);
    let again = app
        .post("/v1/rule-sets")
        .token(&t)
        .header("Idempotency-Key", "order-1")
        .json(&doc)
        .await;
    assert_eq!(again.ok(201), first.ok(201));
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let mut other = doc.clone();
    other["source"] = json!("another order");
    let clash = app
        .post("/v1/rule-sets")
        .token(&t)
        .header("Idempotency-Key", "order-1")
        .json(&other)
        .await;
    clash.problem(409, "idempotency-key-reused");
    let all = app.get("/v1/rule-sets").token(&t).send().await;
    assert_eq!(all.ok(200)["items"].as_array().unwrap().len(), 2);
}

#[actix_web::test]
async fn audit_rows_cannot_be_updated_or_deleted() {
    let app = spawn_app().await;
    app.post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&next_year_rules(&app))
        .await
        .ok(201);
    let mut conn = app.pool.get().unwrap();
    assert!(conn
        .batch_execute("UPDATE audit_events SET actor = 'x'")
        .is_err());
    assert!(conn.batch_execute("DELETE FROM audit_events").is_err());
    let r = app
        .get("/v1/audit-events")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(r.ok(200)["items"][1]["actor"], "ministry-hq");
}

#[actix_web::test]
async fn audit_events_page_with_a_cursor_and_akimats_see_only_their_region() {
    let app = spawn_app().await;
    let t = app.ministry();
    // With the seeded rule set's event, four events in all.
    for i in 0..3 {
        let mut doc = next_year_rules(&app);
        doc["source"] = json!(format!("order {i}"));
        app.post("/v1/rule-sets").token(&t).json(&doc).await.ok(201);
    }
    let p1 = app.get("/v1/audit-events?limit=3").token(&t).send().await;
    let p1 = p1.ok(200).clone();
    assert_eq!(p1["items"].as_array().unwrap().len(), 3);
    let cursor = p1["next_cursor"].as_str().unwrap();
    let p2 = app
        .get(&format!("/v1/audit-events?limit=3&cursor={cursor}"))
        .token(&t)
        .send()
        .await;
    let p2 = p2.ok(200);
    assert_eq!(p2["items"].as_array().unwrap().len(), 1);
    assert_eq!(p2["next_cursor"], Value::Null);
    assert!(p2["items"][0]["id"].as_i64() > p1["items"][2]["id"].as_i64());

    // Rule-set events concern no region: an akimat sees none of them.
    let a = app
        .get("/v1/audit-events")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(a.ok(200)["items"], json!([]));
    app.get("/v1/audit-events?region=KZ-71")
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .problem(403, "forbidden");
}

#[actix_web::test]
async fn every_response_carries_a_request_id() {
    let app = spawn_app().await;
    let r = app
        .get("/health/live")
        .header("X-Request-Id", "abc-123")
        .send()
        .await;
    assert_eq!(r.header("x-request-id"), Some("abc-123"));
    let r = app.get("/nowhere").send().await;
    assert!(r.header("x-request-id").unwrap().len() >= 32);
}

#[actix_web::test]
async fn swagger_ui_and_the_openapi_document_are_served() {
    let app = spawn_app().await;
    let r = app.get("/docs/").send().await;
    assert_eq!(r.status, 200);
    assert!(r.body.as_str().unwrap().contains("swagger-ui"));
    let r = app.get("/docs/swagger-ui-bundle.js").send().await;
    assert_eq!(r.status, 200, "assets are vendored, not fetched");
    let r = app.get("/openapi.json").send().await;
    assert_eq!(r.ok(200)["openapi"], "3.1.0");
}

#[actix_web::test]
async fn a_file_the_docs_do_not_have_is_a_problem_like_every_other_404() {
    let app = spawn_app().await;
    let r = app
        .get("/docs/no-such-file.js")
        .header("Accept-Language", "ru")
        .send()
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("application/problem+json"));
    assert_eq!(r.header("content-language"), Some("ru"));
    assert_eq!(r.body["type"], "urn:kz:permits:problem:not-found");
    assert!(
        r.body["detail"]
            .as_str()
            .unwrap()
            .contains("/docs/no-such-file.js"),
        "{}",
        r.body
    );
    let other = app
        .get("/nowhere")
        .header("Accept-Language", "ru")
        .send()
        .await;
    assert_eq!(r.body["title"], other.body["title"], "worded as any 404");
}

#[actix_web::test]
async fn the_token_subcommand_mints_tokens_the_service_accepts() {
    let app = spawn_app().await;
    let mint = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_permits"))
            .arg("token")
            .args(args)
            .output()
            .unwrap()
    };
    let out = mint(&["--role", "akimat", "--region", "KZ-75", "--ttl", "60"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    app.get("/v1/regions").token(&token).send().await.ok(200);
    app.get("/v1/audit-events?region=KZ-71")
        .token(&token)
        .send()
        .await
        .problem(403, "forbidden");
    assert!(!mint(&["--role", "king"]).status.success());
}

/// Every down.sql works: all migrations revert on a seeded database and apply again.
#[actix_web::test]
async fn every_migration_reverts_and_applies_again() {
    use diesel_migrations::MigrationHarness;
    use permits::db::{AnyConnection, PG_MIGRATIONS, SQLITE_MIGRATIONS};
    let app = spawn_app().await;
    let mut conn = app.pool.get().unwrap();
    let (reverted, applied) = match &mut *conn {
        AnyConnection::Postgresql(c) => (
            c.revert_all_migrations(PG_MIGRATIONS).unwrap().len(),
            c.run_pending_migrations(PG_MIGRATIONS).unwrap().len(),
        ),
        AnyConnection::Sqlite(c) => (
            c.revert_all_migrations(SQLITE_MIGRATIONS).unwrap().len(),
            c.run_pending_migrations(SQLITE_MIGRATIONS).unwrap().len(),
        ),
    };
    assert!(reverted >= 2);
    assert_eq!(reverted, applied);
    assert!(conn
        .batch_execute("SELECT count(*) FROM quota_ledger")
        .is_ok());
}
