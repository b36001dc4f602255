//! Quota demand (Art. 32(5)): filed by employers in the window, reviewed by the akimat of
//! the region, summed for the ministry.

use crate::helpers::*;
use crate::quotas::national_2026;
use serde_json::{json, Value};

fn demand(region: &str, category: &str, profession: &str, number: i64) -> Value {
    json!({
        "year": 2027, "region": region, "category": category, "profession": profession,
        "number": number, "justification": "No local candidates after 15 days on the Labour Exchange"
    })
}

async fn file(app: &TestApp, bin: &str, body: &Value) -> Resp {
    app.post("/v1/quota-demands")
        .token(&app.employer(bin))
        .json(body)
        .await
}

#[actix_web::test]
async fn art_32_5_demand_is_filed_only_in_the_window_of_the_year_before() {
    let app = spawn_app().await;
    let r = file(&app, BIN_A, &demand("KZ-75", "3", "Petroleum engineer", 12)).await;
    let p = r.problem(422, "demand-filing-closed");
    // The window comes from the Government's quota rules under Art. 6(2).
    assert_eq!(p["violations"][0]["article"], "Art. 32(5), 6(2)");
    assert_eq!(
        p["violations"][0]["message"],
        "demand for 2027 is filed from 2026-08-01 to 2026-09-30; today is 2026-12-01"
    );
    app.set_today("2026-08-15T04:00:00Z");
    let r = file(&app, BIN_A, &demand("KZ-75", "3", "Petroleum engineer", 12)).await;
    let body = r.ok(201).clone();
    assert_eq!(body["status"], "filed");
    assert_eq!(body["bin"], BIN_A);
    assert_eq!(
        r.header("location"),
        Some(format!("/v1/quota-demands/{}", body["id"]).as_str())
    );
}

#[actix_web::test]
async fn art_7_21_1_seasonal_demand_must_name_a_seasonal_profession() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let r = file(&app, BIN_A, &demand("KZ-19", "seasonal", "Welder", 30)).await;
    r.problem(422, "profession-not-seasonal");
    let r = file(
        &app,
        BIN_A,
        &demand("KZ-19", "seasonal", "Fruit and vegetable picker", 30),
    )
    .await;
    r.ok(201);
    // A region code that is none of the regions is a bad value of the field.
    let r = file(&app, BIN_A, &demand("KZ-99", "3", "Engineer", 1)).await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "region"
    );
    let r = file(&app, BIN_A, &demand("KZ-19", "3", "Engineer", 0)).await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "number"
    );
}

#[actix_web::test]
async fn employers_see_only_their_own_demand_and_akimats_their_regions() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let a = file(&app, BIN_A, &demand("KZ-75", "3", "Engineer", 5))
        .await
        .ok(201)["id"]
        .clone();
    let b = file(&app, BIN_B, &demand("KZ-71", "4", "Welder", 7))
        .await
        .ok(201)["id"]
        .clone();

    let mine = app
        .get("/v1/quota-demands")
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let mine = mine.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["id"], a);
    app.get(&format!("/v1/quota-demands/{b}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(404, "not-found");
    app.get(&format!("/v1/quota-demands/{b}"))
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .problem(404, "not-found");
    let region = app
        .get("/v1/quota-demands")
        .token(&app.akimat("KZ-71"))
        .send()
        .await;
    let region = region.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(region.len(), 1);
    assert_eq!(region[0]["id"], b);
    app.get("/v1/quota-demands?region=KZ-75")
        .token(&app.akimat("KZ-71"))
        .send()
        .await
        .problem(403, "forbidden");
    let all = app
        .get("/v1/quota-demands?year=2027")
        .token(&app.auditor())
        .send()
        .await;
    assert_eq!(all.ok(200)["items"].as_array().unwrap().len(), 2);
}

#[actix_web::test]
async fn the_akimat_of_the_region_accepts_reduces_or_rejects_with_a_reason() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let id = file(&app, BIN_A, &demand("KZ-75", "3", "Engineer", 10))
        .await
        .ok(201)["id"]
        .clone();
    let path = format!("/v1/quota-demands/{id}/review");
    let t = app.akimat("KZ-75");

    app.post(&path)
        .token(&app.akimat("KZ-71"))
        .json(&json!({"decision": "accept"}))
        .await
        .problem(404, "not-found");
    let r = app
        .post(&path)
        .token(&t)
        .json(&json!({"decision": "reduce", "accepted_number": 4}))
        .await;
    // The limits of a reduction are the service's own rule: no article.
    assert_eq!(
        r.problem(422, "reduction-invalid")["violations"][0]["article"],
        serde_json::Value::Null
    );
    let r = app
        .post(&path)
        .token(&t)
        .header("If-Match", "\"7\"")
        .json(&json!({"decision": "accept"}))
        .await;
    r.problem(412, "stale-version");
    let r = app
        .post(&path)
        .token(&t)
        .header("If-Match", "\"1\"")
        .json(&json!({"decision": "reduce", "accepted_number": 4, "reason": "only 4 vacancies published"}))
        .await;
    let body = r.ok(200).clone();
    assert_eq!(
        (body["status"].as_str(), body["accepted_number"].as_i64()),
        (Some("reduced"), Some(4))
    );
    assert_eq!(r.header("etag"), Some("\"2\""));
    let again = app
        .post(&path)
        .token(&t)
        .json(&json!({"decision": "accept"}))
        .await;
    again.problem(409, "already-reviewed");

    let audit = app
        .get("/v1/audit-events?entity_type=quota_demand")
        .token(&t)
        .send()
        .await;
    let items = audit.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["action"], "quota_demand.reviewed");
    assert_eq!(items[1]["before"]["status"], "filed");
    assert_eq!(items[1]["after"]["status"], "reduced");
}

#[actix_web::test]
async fn the_ministry_sees_demand_by_region_and_category_beside_the_quota() {
    let app = spawn_app().await;
    app.put("/v1/quotas/2027")
        .token(&app.ministry())
        .json(&national_2026())
        .await
        .ok(201);
    app.set_today("2026-08-15T04:00:00Z");
    let id = file(&app, BIN_A, &demand("KZ-75", "3", "Engineer", 10))
        .await
        .ok(201)["id"]
        .clone();
    file(&app, BIN_B, &demand("KZ-75", "3", "Geologist", 5))
        .await
        .ok(201);
    file(&app, BIN_B, &demand("KZ-71", "4", "Welder", 7))
        .await
        .ok(201);
    app.post(&format!("/v1/quota-demands/{id}/review"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"decision": "accept"}))
        .await
        .ok(200);

    let r = app
        .get("/v1/quotas/2027/demand-summary")
        .token(&app.ministry())
        .send()
        .await;
    let s = r.ok(200).clone();
    assert_eq!(s["quota"]["permit_total"], 18_250);
    assert_eq!(s["quota"]["labour_force"], 7_300_000);
    let rows = s["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let almaty = rows.iter().find(|r| r["region"] == "KZ-75").unwrap();
    assert_eq!(
        (
            almaty["demands"].as_i64(),
            almaty["requested"].as_i64(),
            almaty["supported"].as_i64(),
            almaty["awaiting_review"].as_i64()
        ),
        (Some(2), Some(15), Some(10), Some(5))
    );
    let cat3 = s["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "3")
        .unwrap()
        .clone();
    assert_eq!(
        (cat3["requested"].as_i64(), cat3["quota"].as_i64()),
        (Some(15), Some(5893))
    );
    app.get("/v1/quotas/2027/demand-summary")
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .problem(403, "forbidden");
}
