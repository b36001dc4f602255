//! The tamper-evident audit trail (issue 24): every event is chained by SHA-256 to the one
//! before it in the transaction that records it, and `GET /v1/audit/chain/verification`
//! names the first event that does not match — a row changed with the trigger disabled, a
//! row deleted, a row inserted behind the service's back — on whichever database the suite
//! runs on.

use crate::helpers::*;
use crate::permits::{profile, quota};
use diesel::connection::SimpleConnection;
use serde_json::Value;

/// Some ordinary work: the 2026 quota, one region's allocation, an employer's profile.
async fn some_events(app: &TestApp) {
    quota(app, &[("KZ-23", "3", 5)]).await;
    profile(app, BIN_A).await;
}

async fn verification(app: &TestApp) -> Value {
    app.get("/v1/audit/chain/verification")
        .token(&app.auditor())
        .send()
        .await
        .ok(200)
        .clone()
}

/// Every event, oldest first, as the auditor reads them.
async fn events(app: &TestApp) -> Vec<Value> {
    let r = app
        .get("/v1/audit-events?limit=200")
        .token(&app.auditor())
        .send()
        .await;
    r.ok(200)["items"].as_array().unwrap().clone()
}

/// The event at place `seq` of the chain.
async fn at_seq(app: &TestApp, seq: i64) -> Value {
    events(app)
        .await
        .into_iter()
        .find(|e| e["seq"] == seq)
        .unwrap_or_else(|| panic!("no event at seq {seq}"))
}

/// Runs `sql` as the database owner who first disabled the append-only trigger.
fn behind_the_service(app: &TestApp, sql: &str) {
    let mut c = app.pool.get().unwrap();
    let off = if app.db.is_postgres() {
        "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;"
    } else {
        "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;"
    };
    c.batch_execute(&format!("{off} {sql}")).unwrap();
    if app.db.is_postgres() {
        c.batch_execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update")
            .unwrap();
    }
}

#[actix_web::test]
async fn every_event_is_chained_and_the_chain_verifies_up_to_the_head() {
    let app = spawn_app().await;
    some_events(&app).await;
    let all = events(&app).await;
    assert!(all.len() >= 3, "{all:?}");
    let mut seqs: Vec<i64> = all.iter().map(|e| e["seq"].as_i64().unwrap()).collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=all.len() as i64).collect::<Vec<_>>());
    assert!(all
        .iter()
        .all(|e| e["hash"].as_str().is_some_and(|h| h.len() == 64)));

    let v = verification(&app).await;
    assert_eq!(v["intact"], true, "{v}");
    assert_eq!(v["events_checked"], all.len());
    assert_eq!(v["head"]["seq"], all.len());
    let last = all.iter().max_by_key(|e| e["seq"].as_i64()).unwrap();
    assert_eq!(v["head"]["hash"], last["hash"]);
    assert_eq!(v["head"]["event_id"], last["id"]);
    assert!(v["first_break"].is_null());
}

#[actix_web::test]
async fn an_event_changed_with_the_trigger_disabled_is_named() {
    let app = spawn_app().await;
    some_events(&app).await;
    let second = at_seq(&app, 2).await;
    // Still append-only for the service's own connections.
    let mut c = app.pool.get().unwrap();
    assert!(c
        .batch_execute(&format!(
            "UPDATE audit_events SET actor = 'someone-else' WHERE id = {}",
            second["id"]
        ))
        .is_err());
    drop(c);

    behind_the_service(
        &app,
        &format!(
            "UPDATE audit_events SET actor = 'someone-else' WHERE id = {}",
            second["id"]
        ),
    );
    let v = verification(&app).await;
    assert_eq!(v["intact"], false, "{v}");
    assert_eq!(v["events_checked"], 1);
    assert_eq!(v["first_break"]["event_id"], second["id"]);
    assert_eq!(v["first_break"]["seq"], 2);
    assert_eq!(v["first_break"]["problem"], "hash-mismatch");
}

#[actix_web::test]
async fn a_deleted_event_is_named_by_the_gap_it_leaves() {
    let app = spawn_app().await;
    some_events(&app).await;
    let (second, third) = (at_seq(&app, 2).await, at_seq(&app, 3).await);
    behind_the_service(
        &app,
        &format!("DELETE FROM audit_events WHERE id = {}", second["id"]),
    );
    let v = verification(&app).await;
    assert_eq!(v["intact"], false, "{v}");
    assert_eq!(v["first_break"]["event_id"], third["id"]);
    assert_eq!(v["first_break"]["seq"], 3);
    assert_eq!(v["first_break"]["expected_seq"], 2);
    assert_eq!(v["first_break"]["problem"], "sequence-gap");
}

#[actix_web::test]
async fn deleting_the_last_events_is_named_by_the_head() {
    let app = spawn_app().await;
    some_events(&app).await;
    let head = verification(&app).await["head"].clone();
    behind_the_service(
        &app,
        &format!("DELETE FROM audit_events WHERE id = {}", head["event_id"]),
    );
    let v = verification(&app).await;
    assert_eq!(v["intact"], false, "{v}");
    assert_eq!(v["first_break"]["problem"], "head-mismatch");
    assert_eq!(v["events_checked"], head["seq"].as_i64().unwrap() - 1);
}

#[actix_web::test]
async fn an_event_inserted_behind_the_service_is_named() {
    let app = spawn_app().await;
    some_events(&app).await;
    // A plausible event slipped in: no place in the chain.
    behind_the_service(
        &app,
        "INSERT INTO audit_events (occurred_at, actor, role, region, bin, action, \
         entity_type, entity_id, before_json, after_json, legal_basis, request_id) \
         VALUES ('2026-12-01 04:00:00', 'akimat-KZ-23', 'akimat', 'KZ-23', NULL, \
         'permit.approved', 'permit', '999', NULL, NULL, 'Art. 33(2)', 'forged')",
    );
    let forged = events(&app)
        .await
        .into_iter()
        .find(|e| e["request_id"] == "forged")
        .unwrap();
    let v = verification(&app).await;
    assert_eq!(v["intact"], false, "{v}");
    assert_eq!(v["first_break"]["event_id"], forged["id"]);
    assert!(v["first_break"]["seq"].is_null());
    assert_eq!(v["first_break"]["problem"], "not-chained");

    // The next write seals its own events only: the forgery stays outside the chain.
    app.put("/v1/quotas/2026/regions/KZ-47")
        .token(&app.ministry())
        .json(&serde_json::json!({"categories": [{"category": "3", "allocated": 2}], "reason": "Order No. 397"}))
        .await
        .ok(200);
    let v = verification(&app).await;
    assert_eq!(v["first_break"]["event_id"], forged["id"], "{v}");
    assert_eq!(v["first_break"]["problem"], "not-chained");
}

#[actix_web::test]
async fn an_event_inserted_out_of_order_with_a_made_up_place_is_named() {
    let app = spawn_app().await;
    some_events(&app).await;
    let second = at_seq(&app, 2).await;
    let third = at_seq(&app, 3).await;
    // The forger moves the third event's place away and puts one of its own there.
    behind_the_service(
        &app,
        &format!(
            "UPDATE audit_events SET seq = 1000000 WHERE id = {third}; \
             INSERT INTO audit_events (occurred_at, actor, role, region, bin, action, \
             entity_type, entity_id, before_json, after_json, legal_basis, request_id, seq, hash) \
             VALUES ('2026-12-01 04:00:00', 'ministry-hq', 'ministry', NULL, NULL, \
             'quota.set', 'national_quota', '2026', NULL, NULL, 'Art. 7(23)', 'forged', 3, '{hash}')",
            third = third["id"],
            hash = second["hash"].as_str().unwrap(),
        ),
    );
    let v = verification(&app).await;
    assert_eq!(v["intact"], false, "{v}");
    assert_eq!(v["events_checked"], 2);
    assert_eq!(v["first_break"]["seq"], 3);
    assert_eq!(v["first_break"]["problem"], "hash-mismatch");
    assert_ne!(v["first_break"]["event_id"], third["id"]);
}

#[actix_web::test]
async fn only_the_ministry_and_auditors_verify_the_chain() {
    let app = spawn_app().await;
    for (token, status) in [
        (app.ministry(), 200),
        (app.auditor(), 200),
        (app.akimat("KZ-23"), 403),
        (app.employer(BIN_A), 403),
    ] {
        let r = app
            .get("/v1/audit/chain/verification")
            .token(&token)
            .send()
            .await;
        assert_eq!(r.status, status, "{}", r.body);
    }
    app.get("/v1/audit/chain/verification")
        .send()
        .await
        .problem(401, "unauthorized");
}
