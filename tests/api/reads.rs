//! Who read whose personal data (issue 24): an official's or an auditor's read of a
//! worker's passport data — a permit, its PDF — is recorded (who, when, which case, which
//! request) and the ministry lists those reads; an employer's reads of its own cases, a
//! refused read and an akimat's look at the audit trail are not among them.

use crate::helpers::*;
use crate::permits::{active_permit, profile, quota};
use serde_json::Value;

async fn reads(app: &TestApp, token: &str) -> Vec<Value> {
    app.get("/v1/audit-events?action=personal_data.read")
        .token(token)
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone()
}

#[actix_web::test]
async fn officials_reads_of_a_workers_data_are_recorded_and_listed_for_the_ministry() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000001").await;

    app.get(&format!("/v1/permits/{id}"))
        .token(&app.akimat("KZ-23"))
        .header("X-Request-Id", "read-by-akimat")
        .send()
        .await
        .ok(200);
    let pdf = app
        .get(&format!("/v1/permits/{id}/document"))
        .token(&app.auditor())
        .header("X-Request-Id", "pdf-by-auditor")
        .send()
        .await;
    assert_eq!(pdf.status, 200);
    // Not recorded: the employer's own case, another region's akimat (404), a missing case.
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200);
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .problem(404, "not-found");
    app.get("/v1/permits/999999")
        .token(&app.ministry())
        .send()
        .await
        .problem(404, "not-found");

    let listed = reads(&app, &app.ministry()).await;
    assert_eq!(listed.len(), 2, "{listed:?}");
    let (view, document) = (&listed[0], &listed[1]);
    assert_eq!(view["actor"], "akimat-KZ-23");
    assert_eq!(view["role"], "akimat");
    assert_eq!(view["entity_type"], "permit");
    assert_eq!(view["entity_id"], id.to_string());
    assert_eq!(view["request_id"], "read-by-akimat");
    assert_eq!(view["after"]["route"], "/v1/permits/{id}");
    assert!(view["legal_basis"].is_null());
    assert_eq!(document["role"], "auditor");
    assert_eq!(document["request_id"], "pdf-by-auditor");
    assert_eq!(document["after"]["route"], "/v1/permits/{id}/document");
    assert_eq!(reads(&app, &app.auditor()).await.len(), 2);
    // An akimat does not read who read its region's cases.
    assert!(reads(&app, &app.akimat("KZ-23")).await.is_empty());

    // The reads are chained like every event.
    let v = app
        .get("/v1/audit/chain/verification")
        .token(&app.auditor())
        .send()
        .await;
    assert_eq!(v.ok(200)["intact"], true);
}

#[actix_web::test]
async fn an_officials_look_at_a_case_page_in_the_console_is_recorded_like_the_apis_read() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000001").await;

    let s = crate::console::sign_in(&app, &app.akimat("KZ-23")).await;
    let (status, html) = crate::console::page(&app, &s, &format!("/console/permits/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("U1000001"));
    // Another region's case is not shown, so not recorded.
    let other = crate::console::sign_in(&app, &app.akimat("KZ-75")).await;
    let (status, _) = crate::console::page(&app, &other, &format!("/console/permits/{id}")).await;
    assert_eq!(status, 404);

    let listed = reads(&app, &app.ministry()).await;
    assert_eq!(listed.len(), 1, "{listed:?}");
    let r = &listed[0];
    assert_eq!(
        (
            &r["actor"],
            &r["role"],
            &r["entity_type"],
            &r["after"]["route"]
        ),
        (
            &Value::from("akimat-KZ-23"),
            &Value::from("akimat"),
            &Value::from("permit"),
            &Value::from("/console/permits/{id}")
        )
    );
    assert_eq!(r["entity_id"], id.to_string());
    assert!(r["request_id"].as_str().is_some_and(|s| !s.is_empty()));
}
