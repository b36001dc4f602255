//! `/metrics` (issue 24): the Prometheus exposition behind its token, the request metrics
//! by route template, and the business gauges read back from the database after an
//! approval — on whichever database the suite runs on; `promtool check metrics` accepts a
//! real scrape.

use crate::helpers::*;
use crate::permits::{active_permit, application, profile, quota, worker};
use serde_json::json;

const TOKEN: &str = "development-only-metrics-token";

async fn scrape(app: &TestApp) -> String {
    let r = app.get("/metrics").token(TOKEN).send().await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.header("content-type"),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    r.body.as_str().unwrap().to_owned()
}

/// The value of the sample `series` (name and labels exactly as exposed), if present.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[actix_web::test]
async fn the_metrics_need_their_token() {
    let app = spawn_app().await;
    app.get("/metrics")
        .send()
        .await
        .problem(401, "unauthorized");
    app.get("/metrics")
        .token(&app.ministry())
        .send()
        .await
        .problem(401, "unauthorized");
    scrape(&app).await;
}

#[actix_web::test]
async fn the_gauges_follow_an_application_and_its_approval() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let units = |state: &str| {
        format!("permits_quota_units{{category=\"3\",region=\"KZ-23\",state=\"{state}\",year=\"2026\"}}")
    };
    let awaiting = "permits_applications_awaiting_decision{category=\"3\",region=\"KZ-23\"}";
    let overdue = "permits_applications_past_deadline{category=\"3\",region=\"KZ-23\"}";

    let text = scrape(&app).await;
    assert_eq!(sample(&text, &units("allocated")), Some(5.0), "{text}");
    assert_eq!(sample(&text, &units("held")), Some(0.0));
    assert_eq!(sample(&text, awaiting), None);

    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", "U1000001")],
        ))
        .await
        .ok(201)["id"]
        .clone();
    let text = scrape(&app).await;
    assert_eq!(sample(&text, awaiting), Some(1.0), "{text}");
    assert_eq!(sample(&text, overdue), None);

    // Past its decision deadline (7 working days) it is counted as overdue too.
    app.set_today("2026-01-05T04:00:00Z");
    let text = scrape(&app).await;
    assert_eq!(sample(&text, overdue), Some(1.0), "{text}");

    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    let text = scrape(&app).await;
    assert_eq!(sample(&text, &units("held")), Some(1.0), "{text}");
    assert_eq!(sample(&text, &units("used")), Some(0.0));
    assert_eq!(sample(&text, awaiting), None);
    // Requests by route template, never by the id or the BIN in the path.
    assert_eq!(
        sample(
            &text,
            "permits_http_requests_total{class=\"2xx\",method=\"POST\",route=\"/v1/permits/{id}/decisions\"}"
        ),
        Some(1.0)
    );
    assert!(text.contains(
        "permits_http_request_duration_seconds_bucket{method=\"PUT\",route=\"/v1/employers/{bin}\""
    ));
    assert!(!text.contains(BIN_A) && !text.contains("KAYA") && !text.contains("U1000001"));
    assert!(!text.contains(&format!("/v1/permits/{id}")));
    // The pool and the audit chain's head.
    assert!(sample(&text, "permits_db_pool_max_size") == Some(8.0));
    assert!(sample(&text, "permits_audit_chain_head_seq").is_some_and(|n| n >= 5.0));
}

#[actix_web::test]
async fn art_28_2_8_overdue_departures_are_gauged_per_region_and_category_after_a_revocation() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000001").await;
    let series = "permits_departures_overdue{category=\"3\",kind=\"permit\",region=\"KZ-23\"}";
    let text = scrape(&app).await;
    assert_eq!(sample(&text, series), None, "{text}");
    // Revoked after its term began: the worker owes a departure not yet recorded.
    app.set_today("2026-03-10T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "unlawful-engagement"}))
        .await
        .ok(200);
    let text = scrape(&app).await;
    assert_eq!(sample(&text, series), Some(1.0), "{text}");
    assert!(!text.contains("U1000001") && !text.contains(BIN_A));
}

#[actix_web::test]
async fn a_scrape_passes_promtool() {
    let app = spawn_app().await;
    quota(&app, &[("KZ-23", "3", 5)]).await;
    app.get("/no/such/path").send().await;
    let text = scrape(&app).await;
    let required = std::env::var("CI_REQUIRE_PROMTOOL").is_ok_and(|v| v == "1");
    let child = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if !required => {
            eprintln!("promtool not run ({e}); CI installs it (Debian's prometheus package)");
            return;
        }
        Err(e) => panic!("promtool: {e}"),
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "promtool check metrics: {}{}\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("route=\"unmatched\""));
}
