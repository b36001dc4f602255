//! Request bodies: JSON is read only when it says it is JSON, and a region a body names
//! must be one of the 20 (a bad value of that field, 422), while a path naming a missing
//! region is a missing resource (404).

use crate::helpers::*;
use crate::permits::{active_permit, application, profile, quota, worker};
use serde_json::{json, Value};

/// Every operation of the contract that takes a body refuses a JSON body sent as
/// `text/plain` or without a `Content-Type`, with 415 problem+json, to every role that may
/// call it (the others get 403 before the body is read); none accepts it.
#[actix_web::test]
async fn every_operation_with_a_body_refuses_json_not_sent_as_json() {
    let app = spawn_app().await;
    let doc = serde_json::to_value(permits::api::openapi()).unwrap();
    let tokens = [
        app.ministry(),
        app.akimat("KZ-75"),
        app.employer(BIN_A),
        app.auditor(),
    ];
    let mut operations = 0;
    for (template, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op.get("requestBody").is_none() {
                continue;
            }
            operations += 1;
            let path = template
                .replace("{year}", "2026")
                .replace("{id}", "1")
                .replace("{region}", "KZ-75")
                .replace("{bin}", BIN_A);
            let method = method.to_uppercase();
            for content_type in [Some("text/plain"), None] {
                let mut refused = 0;
                for token in &tokens {
                    let req = app.request(&method, &path).token(token);
                    let body = r#"{"year": 2026}"#;
                    let r = match content_type {
                        Some(t) => req.raw(t, body).await,
                        None => req.untyped(body).await,
                    };
                    if r.status == 403 {
                        r.problem(403, "forbidden");
                    } else {
                        assert_eq!(
                            r.status, 415,
                            "{method} {path} {content_type:?}: {}",
                            r.body
                        );
                        r.problem(415, "unsupported-media-type");
                        refused += 1;
                    }
                }
                assert!(refused > 0, "{method} {path}: no role reached the body");
            }
        }
    }
    assert!(operations >= 30, "{operations} operations with a body");
}

/// Asserts a 422 whose only field error names `field` and the unknown region.
#[track_caller]
fn unknown_region(r: &Resp, field: &str) {
    let body = r.problem(422, "invalid-fields");
    assert_eq!(
        body["errors"],
        json!([{"field": field, "pointer": permits::error::pointer_of(field), "message": "KZ-99 is none of the regions of Kazakhstan"}]),
        "{body}"
    );
}

/// A well-formed region code that is none of the 20 regions, in any body that names a
/// region, is a bad value of that field: 422 naming it, in the caller's language, and
/// nothing is written. A path naming such a region stays a 404.
#[actix_web::test]
async fn a_body_naming_no_region_is_a_422_naming_the_field_and_a_path_a_404() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let employer = app.employer(BIN_A);

    // A permit application: the second region of two.
    let r = app
        .post("/v1/permit-applications")
        .token(&employer)
        .json(&application(
            &["KZ-23", "KZ-99"],
            vec![worker("KAYA MEHMET", "TUR", "U1000000")],
        ))
        .await;
    unknown_region(&r, "regions[1]");
    let r = app
        .post("/v1/permit-applications")
        .token(&employer)
        .header("Accept-Language", "ru")
        .json(&application(
            &["KZ-99"],
            vec![worker("KAYA MEHMET", "TUR", "U1000000")],
        ))
        .await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"],
        json!([{"field": "regions[0]", "pointer": "/regions/0", "message": "KZ-99 не относится к регионам Казахстана"}])
    );
    let list = app.get("/v1/permits").token(&employer).send().await;
    assert_eq!(list.ok(200)["items"], json!([]));

    // A business trip and a payment on a permit.
    let id = active_permit(&app, "U1000000").await;
    let permit = app
        .get(&format!("/v1/permits/{id}"))
        .token(&employer)
        .send()
        .await
        .ok(200)
        .clone();
    let trip = json!({"worker_id": permit["workers"][0]["id"], "host_region": "KZ-99",
        "host_organisation": "Karaganda Steel JSC", "start_date": "2026-02-01", "end_date": "2026-02-10"});
    let r = app
        .post(&format!("/v1/permits/{id}/trips"))
        .token(&employer)
        .json(&trip)
        .await;
    unknown_region(&r, "host_region");
    let r = app
        .post(&format!("/v1/permits/{id}/payments"))
        .token(&employer)
        .json(&json!({"region": "KZ-99", "amount": "1000.00", "paid_on": "2025-12-15", "reference": "PP-2"}))
        .await;
    unknown_region(&r, "region");
    // A region that exists but is not the permit's is the rule it always was.
    let r = app
        .post(&format!("/v1/permits/{id}/payments"))
        .token(&employer)
        .json(&json!({"region": "KZ-75", "amount": "1000.00", "paid_on": "2025-12-15", "reference": "PP-2"}))
        .await;
    r.problem(422, "region-not-in-permit");

    // The employer's profile, a quota demand and an ICT application.
    let mut p = json!({
        "as_of": "2025-12-01", "name": "Caspian Drilling LLP", "legal_form": "LLP",
        "foreign_division": false, "sector": "B", "region": "KZ-99",
        "workforce": [{"category": "3", "kazakh": 100, "foreign": 5}]
    });
    let r = app
        .put(&format!("/v1/employers/{BIN_A}"))
        .token(&employer)
        .json(&p)
        .await;
    unknown_region(&r, "region");
    p["region"] = json!("KZ-23");
    let demand = json!({"year": 2027, "region": "KZ-99", "category": "3",
        "profession": "Engineer", "number": 1, "justification": "none locally"});
    let r = app
        .post("/v1/quota-demands")
        .token(&employer)
        .json(&demand)
        .await;
    unknown_region(&r, "region");
    let mut ict = crate::ict::application();
    ict["region"] = json!("KZ-99");
    let r = app
        .post("/v1/ict-permits")
        .token(&app.employer(crate::ict::BIN_BRANCH))
        .json(&ict)
        .await;
    unknown_region(&r, "region");
    // A certificate is applied for by the akimat of its own region only: another region,
    // known or not, is not the akimat's to name.
    let r = app
        .post("/v1/self-employment-certificates")
        .token(&app.akimat("KZ-75"))
        .json(&crate::certificates::application("KZ-99"))
        .await;
    r.problem(403, "forbidden");

    // The ministry's transfers and calculations.
    let ministry = app.ministry();
    let transfer = |from: Value, to: Value| {
        json!({"category": "3", "from_region": from, "to_region": to, "units": 1,
            "reason": "unused in Atyrau"})
    };
    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&ministry)
        .json(&transfer(json!("KZ-23"), json!("KZ-99")))
        .await;
    unknown_region(&r, "to_region");
    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&ministry)
        .json(&transfer(json!("KZ-99"), Value::Null))
        .await;
    unknown_region(&r, "from_region");
    let calculation = json!({
    "labour_force": 7258400, "permit_percent": "0.25",
    "category_weights": [{"category": "3", "number": 5893}],
    "regions": [
        {"region": "KZ-75", "labour_force": 1200000, "last_year_used": [], "accepted_demand": []},
        {"region": "KZ-99", "labour_force": 700000, "last_year_used": [], "accepted_demand": []}
    ]});
    let r = app
        .post("/v1/quotas/2026/calculation")
        .token(&ministry)
        .json(&calculation)
        .await;
    unknown_region(&r, "regions[1].region");
    let (_, _, used) = region_units(&app, "KZ-23", "3").await;
    assert_eq!(used, 1, "nothing moved");

    // A path naming no region is a missing resource.
    for r in [
        app.get("/v1/quotas/2026/regions/KZ-99")
            .token(&ministry)
            .send()
            .await,
        app.put("/v1/quotas/2026/regions/KZ-99")
            .token(&ministry)
            .json(&json!({"categories": [{"category": "3", "allocated": 1}], "reason": "x"}))
            .await,
    ] {
        assert_eq!(
            r.problem(404, "not-found")["detail"],
            "no region KZ-99",
            "{}",
            r.body
        );
    }
}

/// A list or report filtered by a region that is none of the 20 answers 422 naming the
/// `region` parameter, not an empty list that would read as "nothing here".
#[actix_web::test]
async fn a_filter_by_no_region_is_a_422_naming_the_parameter() {
    let app = spawn_app().await;
    let t = app.ministry();
    for path in [
        "/v1/permits?region=KZ-99",
        "/v1/permit-applications?region=KZ-99",
        "/v1/departures/overdue?region=KZ-99",
        "/v1/audit-events?region=KZ-99",
        "/v1/ict-register?region=KZ-99",
        "/v1/quota-demands?region=KZ-99",
        "/v1/quotas/2026/ledger?region=KZ-99",
        "/v1/quotas/2026/transfers?region=KZ-99",
        "/v1/statistics/2026/quota-utilization?region=KZ-99",
        "/v1/statistics/2026/permits?region=KZ-99",
        "/v1/statistics/2026/quota-utilization/monthly?region=KZ-99",
        "/v1/statistics/2026/decision-times?region=KZ-99",
        "/v1/statistics/2026/fees?region=KZ-99",
        "/v1/statistics/2026/certificates-and-ict?region=KZ-99",
        "/v1/statistical-reports?year=2026&region=KZ-99",
    ] {
        let r = app.get(path).token(&t).send().await;
        assert_eq!(r.status, 422, "{path}: {}", r.body);
        assert_eq!(
            r.body["errors"],
            json!([{"field": "region", "pointer": "/region", "message": "KZ-99 is none of the regions of Kazakhstan"}]),
            "{path}"
        );
    }
    let r = app.get("/v1/permits?region=KZ-75").token(&t).send().await;
    r.ok(200);
}
