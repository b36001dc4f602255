//! Quota: national figures, the split among regions, transfers, the ledger (Art. 32,
//! 6(2), 7(23), 9(5), 33(2)).

use crate::helpers::*;
use diesel::prelude::*;
use permits::cases::{ledger, CaseError};
use permits::db::audit::Actor;
use permits::db::write_tx;
use permits::domain::hold::{CaseKind, CaseRef, QuotaClaim, Release, Units};
use permits::domain::violation::Arg;
use permits::domain::Category;
use permits::domain::Refusal;
use serde_json::{json, Value};

pub fn national_2026() -> Value {
    json!({
        "labour_force": 7_300_000,
        "labour_force_source": "Bureau of National Statistics, forecast",
        "permit_percent": "0.25",
        "categories": [
            {"category": "1", "number": 726},
            {"category": "2", "number": 3402},
            {"category": "3", "number": 5893},
            {"category": "4", "number": 3131},
            {"category": "seasonal", "number": 4994}
        ],
        "labour_immigrant_percent": "2.9",
        "country_quotas": [{"country": "UZB", "number": 2}],
        "order": {"number": "Order No. 412", "date": "2025-12-15"}
    })
}

pub async fn set_quota(app: &TestApp) {
    app.put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&national_2026())
        .await
        .ok(201);
}

pub async fn allocate(app: &TestApp, region: &str, category: &str, n: i64) -> Resp {
    app.put(&format!("/v1/quotas/2026/regions/{region}"))
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": category, "allocated": n}], "reason": "Order No. 412"}))
        .await
}

fn figures(view: &Value, category: &str) -> (i64, i64, i64, i64) {
    let c = view["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == category)
        .unwrap();
    let n = |k: &str| c[k].as_i64().unwrap();
    (n("allocated"), n("held"), n("used"), n("available"))
}

pub fn actor() -> Actor {
    Actor {
        sub: "permits-test".into(),
        role: "akimat",
        request_id: "test".into(),
        at: chrono::Utc::now().naive_utc(),
    }
}

pub fn hold(
    app: &TestApp,
    region: &str,
    category: Category,
    country: Option<&str>,
    case: i64,
) -> Result<i64, CaseError> {
    let claim = QuotaClaim {
        year: 2026,
        region: region.parse().unwrap(),
        category,
        country: country.map(|c| c.parse().unwrap()),
        units: Units::new(1).unwrap(),
    };
    let case = CaseRef::new(CaseKind::Permit, case);
    let mut conn = app.pool.get().unwrap();
    write_tx(&mut conn, |c| {
        ledger::hold(c, &claim, &case, &actor())?.take(c)
    })
    .map(|h| h.id)
}

/// The code of a refusal, or a description of what else it was.
fn refusal_code(r: Result<impl std::fmt::Debug, CaseError>) -> String {
    match r {
        Err(CaseError::Refused(Refusal::Rule(v))) => v[0].code.clone(),
        Err(CaseError::Refused(Refusal::Conflict { code, .. })) => code.to_owned(),
        other => format!("{other:?}"),
    }
}

#[actix_web::test]
async fn art_32_4_the_ministry_sets_the_national_quota_as_a_share_of_the_labour_force() {
    let app = spawn_app().await;
    let t = app.ministry();
    let r = app
        .put("/v1/quotas/2026")
        .token(&t)
        .json(&national_2026())
        .await;
    let body = r.ok(201).clone();
    assert_eq!(r.header("etag"), Some("\"1\""));
    assert_eq!(body["permit_total"], 18_250, "0.25 % of 7,300,000");
    assert_eq!(
        body["labour_immigrant_total"], 211_700,
        "2.9 % of 7,300,000"
    );
    assert_eq!(body["categories"][2]["category"], "3");
    assert_eq!(body["categories"][2]["total"], 5893);
    assert_eq!(body["categories"][2]["reserve"], 5893);
    assert_eq!(body["country_quotas"][0]["country"], "UZB");
    assert_eq!(body["order"]["number"], "Order No. 412");

    let got = app
        .get("/v1/quotas/2026")
        .token(&app.auditor())
        .send()
        .await;
    assert_eq!(got.ok(200), &body);

    // During the year: 14,800 -> 16,500 -> 19,400 as in 2025; every version kept.
    let mut raised = national_2026();
    raised["permit_percent"] = json!("0.3");
    raised["categories"][2]["number"] = json!(7000);
    let r = app
        .put("/v1/quotas/2026")
        .token(&t)
        .header("If-Match", "\"1\"")
        .json(&raised)
        .await;
    assert_eq!(r.ok(200)["version"], 2);
    assert_eq!(r.ok(200)["permit_total"], 21_900);
    let stale = app
        .put("/v1/quotas/2026")
        .token(&t)
        .header("If-Match", "\"1\"")
        .json(&raised)
        .await;
    stale.problem(412, "stale-version");
    let versions = app.get("/v1/quotas/2026/versions").token(&t).send().await;
    let versions = versions.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["quota"]["permit_total"], 18_250);
    assert_eq!(versions[1]["quota"]["categories"][2]["total"], 7000);

    let audit = app
        .get("/v1/audit-events?entity_type=national_quota")
        .token(&t)
        .send()
        .await;
    let items = audit.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["before"]["version"], 1);
    assert_eq!(items[1]["after"]["version"], 2);
    assert_eq!(items[1]["legal_basis"], "Art. 7(23), 32(4)");
    // Every snapshot in the trail is an object, as the contract says.
    allocate(&app, "KZ-75", "3", 10).await.ok(200);
    let allocated = app
        .get("/v1/audit-events?action=quota.allocated")
        .token(&t)
        .send()
        .await;
    let event = allocated.ok(200)["items"][0].clone();
    assert!(
        event["before"].is_object() && event["after"].is_object(),
        "{event}"
    );
    assert_eq!(event["after"]["categories"][0]["allocated"], 10);
    app.get("/v1/quotas/2027")
        .token(&t)
        .send()
        .await
        .problem(404, "not-found");
}

#[actix_web::test]
async fn art_32_4_1_a_category_split_above_the_permit_quota_is_refused() {
    let app = spawn_app().await;
    let mut body = national_2026();
    body["categories"][4]["number"] = json!(6000);
    let r = app
        .put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&body)
        .await;
    let p = r.problem(422, "category-split-exceeds-quota");
    assert_eq!(p["violations"][0]["article"], "Art. 32(4)(1)");
    app.get("/v1/quotas/2026")
        .token(&app.ministry())
        .send()
        .await
        .problem(404, "not-found");
}

#[actix_web::test]
async fn art_32_4_2_country_quotas_only_for_treaty_partners() {
    let app = spawn_app().await;
    let mut body = national_2026();
    body["country_quotas"] = json!([{"country": "USA", "number": 10}]);
    let r = app
        .put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&body)
        .await;
    assert_eq!(
        r.problem(422, "country-not-treaty-partner")["violations"][0]["article"],
        "Art. 32(4)(2)"
    );
    // An unknown country in the body is a field of the request at fault: 422, not 404.
    body["country_quotas"] = json!([{"country": "XXX", "number": 10}]);
    app.put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&body)
        .await
        .problem(422, "unknown-country");
    body["country_quotas"] = json!([{"country": "uz", "number": 10}]);
    let r = app
        .put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&body)
        .await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "country_quotas[0].country"
    );
}

#[actix_web::test]
async fn malformed_quota_requests_name_their_fields() {
    let app = spawn_app().await;
    let t = app.ministry();
    let mut body = national_2026();
    body["permit_percent"] = json!("0");
    body["categories"].as_array_mut().unwrap().pop();
    let r = app.put("/v1/quotas/2026").token(&t).json(&body).await;
    let p = r.problem(422, "invalid-fields");
    assert_eq!(p["errors"][0]["field"], "permit_percent");
    assert_eq!(p["errors"][1]["field"], "categories");
    // A labour-immigrant share of 0 % is lawful (Art. 32(4)(3)).
    let mut none = national_2026();
    none["labour_immigrant_percent"] = json!("0");
    let r = app.put("/v1/quotas/2026").token(&t).json(&none).await;
    assert_eq!(r.ok(201)["labour_immigrant_total"], 0);
    // A percentage longer than the contract's pattern is refused, not rounded.
    for long in ["0.25000000000000000000000001", "1000", "0.", "+1"] {
        let mut body = national_2026();
        body["permit_percent"] = json!(long);
        let r = app.put("/v1/quotas/2026").token(&t).json(&body).await;
        assert_eq!(
            r.problem(400, "malformed-request")["errors"][0]["field"],
            "permit_percent",
            "{long}"
        );
    }
    let mut body = national_2026();
    body["categories"][0]["number"] = json!(-1);
    let r = app.put("/v1/quotas/2026").token(&t).json(&body).await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "categories[0].number"
    );
    app.put("/v1/quotas/1999")
        .token(&t)
        .json(&national_2026())
        .await
        .problem(400, "malformed-request");
    let r = app
        .put("/v1/quotas/2026/regions/Almaty")
        .token(&t)
        .json(&json!({"categories": [{"category": "3", "allocated": 1}], "reason": "x"}))
        .await;
    r.problem(400, "malformed-request");
    let r = app
        .put("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .json(&json!({"categories": [], "reason": "x"}))
        .await;
    let p = r.problem(422, "invalid-fields");
    assert_eq!(p["errors"][0]["message"], "must have 1 to 5 items");
    let r = allocate(&app, "KZ-99", "3", 1).await;
    r.problem(404, "not-found");
}

#[actix_web::test]
async fn art_7_23_regions_together_never_exceed_the_national_figure() {
    let app = spawn_app().await;
    set_quota(&app).await;
    let r = allocate(&app, "KZ-75", "1", 700).await;
    assert_eq!(figures(r.ok(200), "1"), (700, 0, 0, 700));
    let r = allocate(&app, "KZ-71", "1", 27).await;
    let p = r.problem(422, "national-quota-exceeded");
    assert_eq!(p["violations"][0]["article"], "Art. 7(23), 32(4)(1)");
    allocate(&app, "KZ-71", "1", 26).await.ok(200);

    let national = app
        .get("/v1/quotas/2026")
        .token(&app.ministry())
        .send()
        .await;
    let cat1 = national.ok(200)["categories"][0].clone();
    assert_eq!(
        (
            cat1["total"].as_i64(),
            cat1["distributed"].as_i64(),
            cat1["reserve"].as_i64()
        ),
        (Some(726), Some(726), Some(0))
    );

    // Nor can the national figure go below what is distributed.
    let mut lower = national_2026();
    lower["categories"][0]["number"] = json!(700);
    let r = app
        .put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&lower)
        .await;
    assert_eq!(
        r.problem(422, "quota-below-distributed")["violations"][0]["article"],
        "Art. 7(23)"
    );

    let all = app
        .get("/v1/quotas/2026/regions")
        .token(&app.auditor())
        .send()
        .await;
    let all = all.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(all.len(), 20);
    let kz71 = all.iter().find(|r| r["region"] == "KZ-71").unwrap();
    assert_eq!(figures(kz71, "1"), (26, 0, 0, 26));
    assert_eq!(figures(kz71, "seasonal"), (0, 0, 0, 0));
}

#[actix_web::test]
async fn an_allocation_cannot_be_set_before_the_years_quota() {
    let app = spawn_app().await;
    let r = allocate(&app, "KZ-75", "3", 5).await;
    r.problem(422, "quota-not-set");
}

#[actix_web::test]
async fn art_7_23_transfers_move_only_unused_units_and_conserve_the_total() {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-71", "3", 20).await.ok(200);
    allocate(&app, "KZ-75", "3", 10).await.ok(200);
    hold(&app, "KZ-71", Category::Specialists, None, 1).unwrap();
    hold(&app, "KZ-71", Category::Specialists, None, 2).unwrap();
    let t = app.ministry();
    let transfer = |from: Value, to: Value, units: i64| json!({"category": "3", "from_region": from, "to_region": to, "units": units, "reason": "unused in Astana"});

    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&t)
        .json(&transfer(json!("KZ-71"), json!("KZ-75"), 19))
        .await;
    let p = r.problem(422, "transfer-exceeds-unused");
    assert_eq!(
        p["violations"][0]["message"],
        "Astana has 18 unused units of category 3 for 2026, fewer than 19"
    );
    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&t)
        .json(&transfer(json!("KZ-71"), json!("KZ-75"), 18))
        .await;
    let body = r.ok(201).clone();
    assert_eq!(
        (
            body["from_region"].as_str(),
            body["to_region"].as_str(),
            body["units"].as_i64()
        ),
        (Some("KZ-71"), Some("KZ-75"), Some(18))
    );

    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&t)
        .json(&transfer(json!("KZ-75"), Value::Null, 8))
        .await;
    assert_eq!(r.ok(201)["to_region"], Value::Null);
    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&t)
        .json(&transfer(Value::Null, json!("KZ-10"), 100))
        .await;
    r.ok(201);
    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&t)
        .json(&transfer(Value::Null, Value::Null, 1))
        .await;
    r.problem(422, "transfer-to-itself");

    let regions = app.get("/v1/quotas/2026/regions").token(&t).send().await;
    let regions = regions.ok(200)["items"].as_array().unwrap().clone();
    let of = |code: &str| figures(regions.iter().find(|r| r["region"] == code).unwrap(), "3");
    assert_eq!(of("KZ-71"), (2, 2, 0, 0));
    assert_eq!(of("KZ-75"), (20, 0, 0, 20));
    assert_eq!(of("KZ-10"), (100, 0, 0, 100));
    let national = app.get("/v1/quotas/2026").token(&t).send().await;
    let cat3 = national.ok(200)["categories"][2].clone();
    assert_eq!(cat3["distributed"], 122);
    assert_eq!(
        cat3["reserve"].as_i64().unwrap() + cat3["distributed"].as_i64().unwrap(),
        5893
    );
    assert_eq!(cat3["held"], 2);

    let listed = app
        .get("/v1/quotas/2026/transfers")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(
        listed.ok(200)["items"].as_array().unwrap().len(),
        2,
        "the two touching KZ-75"
    );
    let all = app.get("/v1/quotas/2026/transfers").token(&t).send().await;
    assert_eq!(all.ok(200)["items"].as_array().unwrap().len(), 3);
}

#[actix_web::test]
async fn every_regions_figures_are_explained_line_by_line_by_the_ledger() {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "4", 5).await.ok(200);
    let a = hold(&app, "KZ-75", Category::QualifiedWorkers, None, 101).unwrap();
    let b = hold(&app, "KZ-75", Category::QualifiedWorkers, None, 102).unwrap();
    let c = hold(&app, "KZ-75", Category::QualifiedWorkers, None, 103).unwrap();
    {
        let mut conn = app.pool.get().unwrap();
        write_tx(&mut conn, |conn| {
            ledger::confirm(conn, a, &actor())?;
            ledger::confirm(conn, b, &actor())?;
            ledger::release(conn, b, Release::Revoked, &actor())?;
            ledger::release(conn, c, Release::LapsedUnpaid, &actor())
        })
        .unwrap();
        let confirmed = write_tx(&mut conn, |conn| {
            ledger::release(conn, a, Release::Refused, &actor())
        });
        assert_eq!(
            refusal_code(confirmed),
            "illegal-transition",
            "an issued permit's units come back only by revocation or return"
        );
        let again = write_tx(&mut conn, |conn| {
            ledger::release(conn, c, Release::Refused, &actor())
        });
        assert_eq!(refusal_code(again), "illegal-transition");
    }
    assert_eq!(
        refusal_code(hold(&app, "KZ-75", Category::QualifiedWorkers, None, 101)),
        "case-already-holds-quota",
        "a case holds once per region"
    );
    {}
    let region = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(figures(region.ok(200), "4"), (5, 0, 1, 4));

    let ledger = app
        .get("/v1/quotas/2026/ledger?region=KZ-75&category=4")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    let lines = ledger.ok(200)["items"].as_array().unwrap().clone();
    let movements: Vec<&str> = lines
        .iter()
        .map(|l| l["movement"].as_str().unwrap())
        .collect();
    assert_eq!(
        movements,
        [
            "allocation",
            "hold",
            "hold",
            "hold",
            "confirm",
            "confirm",
            "revoked",
            "lapsed_unpaid"
        ]
    );
    let sum = |k: &str| lines.iter().map(|l| l[k].as_i64().unwrap()).sum::<i64>();
    assert_eq!(
        (sum("allocated_delta"), sum("held_delta"), sum("used_delta")),
        (5, 0, 1)
    );

    let mut conn = app.pool.get().unwrap();
    use diesel::connection::SimpleConnection;
    assert!(
        conn.batch_execute("DELETE FROM quota_ledger").is_err(),
        "the ledger is append-only"
    );
}

#[actix_web::test]
async fn art_33_2_a_hold_beyond_the_allocation_is_refused_saying_what_is_left() {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "2", 1).await.ok(200);
    hold(&app, "KZ-75", Category::DivisionHeads, None, 1).unwrap();
    match hold(&app, "KZ-75", Category::DivisionHeads, None, 2) {
        Err(CaseError::Refused(Refusal::Rule(v))) => {
            assert_eq!(v[0].code, "quota-exhausted");
            assert_eq!(v[0].article.as_deref(), Some("Art. 33(2)"));
            assert_eq!(
                (v[0].get("left"), v[0].get("allocated")),
                (Some(&Arg::Number(0)), Some(&Arg::Number(1)))
            );
        }
        other => panic!("expected quota-exhausted, got {other:?}"),
    }
    // A region with no allocation at all.
    assert!(matches!(
        hold(&app, "KZ-10", Category::DivisionHeads, None, 3),
        Err(CaseError::Refused(Refusal::Rule(_)))
    ));
    // Held units cannot be taken away by a lower allocation.
    let r = allocate(&app, "KZ-75", "2", 0).await;
    r.problem(422, "allocation-below-used");
}

#[actix_web::test]
async fn art_32_4_2_the_country_of_origin_quota_is_held_in_the_same_transaction() {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "3", 10).await.ok(200);
    hold(&app, "KZ-75", Category::Specialists, Some("UZB"), 1).unwrap();
    hold(&app, "KZ-75", Category::Specialists, Some("UZB"), 2).unwrap();
    match hold(&app, "KZ-75", Category::Specialists, Some("UZB"), 3) {
        Err(CaseError::Refused(Refusal::Rule(v))) => {
            assert_eq!(v[0].code, "country-quota-exhausted")
        }
        other => panic!("expected country-quota-exhausted, got {other:?}"),
    }
    // A country without a quota of its own draws on the region only.
    hold(&app, "KZ-75", Category::Specialists, Some("TUR"), 4).unwrap();
    let region = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(
        figures(region.ok(200), "3"),
        (10, 3, 0, 7),
        "the refused hold left nothing behind"
    );
    let national = app
        .get("/v1/quotas/2026")
        .token(&app.ministry())
        .send()
        .await;
    let uzb = national.ok(200)["country_quotas"][0].clone();
    assert_eq!(
        (uzb["held"].as_i64(), uzb["available"].as_i64()),
        (Some(2), Some(0))
    );
    // The country quota cannot go below what is held.
    let mut lower = national_2026();
    lower["country_quotas"] = json!([{"country": "UZB", "number": 1}]);
    let r = app
        .put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&lower)
        .await;
    r.problem(422, "quota-below-used");
}

#[actix_web::test]
async fn an_akimat_reads_its_own_region_only() {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "3", 10).await.ok(200);
    let t = app.akimat("KZ-75");
    app.get("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .send()
        .await
        .ok(200);
    app.get("/v1/quotas/2026/regions/KZ-71")
        .token(&t)
        .send()
        .await
        .problem(403, "forbidden");
    let list = app.get("/v1/quotas/2026/regions").token(&t).send().await;
    let list = list.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["region"], "KZ-75");
    app.get("/v1/quotas/2026/ledger?region=KZ-71")
        .token(&t)
        .send()
        .await
        .problem(403, "forbidden");
    let audit = app.get("/v1/audit-events").token(&t).send().await;
    let items = audit.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["action"], "quota.allocated");
    app.get("/v1/quotas/2026")
        .token(&t)
        .send()
        .await
        .problem(403, "forbidden");
    app.get("/v1/quotas/2026/regions/KZ-75")
        .token(&app.employer(BIN_B))
        .send()
        .await
        .problem(403, "forbidden");
}

/// Sets a stored figure behind the service's back, as a flipped bit or a hand edit would.
fn corrupt_allocation(app: &TestApp, allocated: i64) {
    use permits::db::schema::regional_quotas as rq;
    let mut conn = app.pool.get().unwrap();
    diesel::update(rq::table.find((2026, "KZ-75", "3")))
        .set(rq::allocated.eq(allocated))
        .execute(&mut conn)
        .unwrap();
}

#[actix_web::test]
async fn a_figure_the_ledger_does_not_explain_is_found_at_start_up_freezes_the_years_writes_and_marks_its_reads(
) {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "3", 10).await.ok(200);
    corrupt_allocation(&app, 11);

    // A second instance starting on the same database checks the ledger at start-up.
    let mut settings = permits::config::Settings::load().unwrap();
    settings.database.url = permits::config::Secret::new(app.db_url.clone());
    settings.server.port = 0;
    let clock = std::sync::Arc::new(app.clock.clone());
    permits::startup::Application::build(&settings, clock).expect("starts");

    // The reads still answer, and say that the figures fail their ledger check.
    let t = app.ministry();
    let flagged = |r: &Resp| {
        assert_eq!(r.header("ledger-check"), Some("failing"), "{}", r.body);
    };
    let one = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .send()
        .await;
    let fault = one.ok(200)["ledger_fault"].clone();
    flagged(&one);
    assert!(
        fault["detail"]
            .as_str()
            .unwrap()
            .contains("KZ-75 category 3"),
        "{fault}"
    );
    assert!(fault["found_at"].is_string(), "{fault}");
    let all = app.get("/v1/quotas/2026/regions").token(&t).send().await;
    assert_eq!(all.ok(200)["items"][0]["ledger_fault"], fault);
    flagged(&all);
    let national = app.get("/v1/quotas/2026").token(&t).send().await;
    assert_eq!(national.ok(200)["ledger_fault"], fault);
    flagged(&national);
    let own = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&app.akimat("KZ-75"))
        .send()
        .await;
    assert_eq!(own.ok(200)["ledger_fault"], fault, "the akimat is told too");

    let refused = allocate(&app, "KZ-75", "3", 12).await;
    let p = refused.problem(409, "quota-ledger-mismatch");
    assert!(
        p["detail"].as_str().unwrap().contains("KZ-75 category 3"),
        "the refusal says which row: {p}"
    );
    assert_eq!(
        refusal_code(hold(&app, "KZ-75", Category::Specialists, None, 1)),
        "quota-ledger-mismatch",
        "holds are refused too"
    );

    let check = |app: &TestApp| {
        app.post("/v1/quotas/2026/ledger-check")
            .token(&app.ministry())
            .send()
    };
    let found = check(&app).await;
    let found = found.ok(200);
    assert_eq!(found["sound"], false);
    assert_eq!(found["mismatches"][0]["region"], "KZ-75");
    assert_eq!(found["mismatches"][0]["stored"]["allocated"], 11);
    assert_eq!(found["mismatches"][0]["ledger"]["allocated"], 10);

    // Repaired, the ministry's check lifts the refusal.
    corrupt_allocation(&app, 10);
    let clean = check(&app).await;
    let clean = clean.ok(200);
    assert_eq!(
        (clean["sound"].clone(), clean["mismatches"].clone()),
        (json!(true), json!([]))
    );
    allocate(&app, "KZ-75", "3", 12).await.ok(200);
    let sound = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .send()
        .await;
    assert_eq!(sound.ok(200)["ledger_fault"], Value::Null);
    assert_eq!(sound.header("ledger-check"), None);
    let national = app.get("/v1/quotas/2026").token(&t).send().await;
    assert_eq!(national.ok(200)["ledger_fault"], Value::Null);
}

/// A hold whose units were never taken (a case that dropped its `Hold` and committed) is a
/// ledger line the region's figures do not show: the ministry's check finds it.
#[actix_web::test]
async fn a_hold_committed_without_taking_its_units_is_found_by_the_ledger_check() {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "3", 5).await.ok(200);
    let claim = QuotaClaim {
        year: 2026,
        region: "KZ-75".parse().unwrap(),
        category: Category::Specialists,
        country: None,
        units: Units::new(2).unwrap(),
    };
    {
        let mut conn = app.pool.get().unwrap();
        write_tx(&mut conn, |c| {
            ledger::hold(c, &claim, &CaseRef::new(CaseKind::Permit, 7), &actor()).map(|h| h.id())
        })
        .unwrap();
    }
    let found = app
        .post("/v1/quotas/2026/ledger-check")
        .token(&app.ministry())
        .send()
        .await;
    let found = found.ok(200);
    assert_eq!(found["sound"], false);
    assert_eq!(found["mismatches"][0]["stored"]["held"], 0);
    assert_eq!(found["mismatches"][0]["ledger"]["held"], 2);
}

/// One region's read answers from its rows alone when it has some; a region without rows
/// still tells an unknown region and a year without a quota (404) from a region not yet
/// allocated anything (zeros).
#[actix_web::test]
async fn one_regions_read_tells_unallocated_from_unknown_and_from_a_year_without_quota() {
    let app = spawn_app().await;
    let t = app.ministry();
    app.get("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .send()
        .await
        .problem(404, "not-found");
    set_quota(&app).await;
    allocate(&app, "KZ-75", "3", 10).await.ok(200);
    let read = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .send()
        .await;
    let cat3 = by_key(&read.ok(200)["categories"], "category", "3").clone();
    assert_eq!(cat3["allocated"], 10);
    assert_eq!(cat3["available"], 10);
    let none = app
        .get("/v1/quotas/2026/regions/KZ-71")
        .token(&t)
        .send()
        .await;
    let none = none.ok(200);
    assert_eq!(none["region"], "KZ-71");
    assert_eq!(none["categories"].as_array().unwrap().len(), 5);
    assert!(none["categories"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["allocated"] == 0 && c["available"] == 0));
    app.get("/v1/quotas/2026/regions/KZ-98")
        .token(&t)
        .send()
        .await
        .problem(404, "not-found");
    app.get("/v1/quotas/2027/regions/KZ-75")
        .token(&t)
        .send()
        .await
        .problem(404, "not-found");
}

/// BIN_A's one-worker permit in KZ-23 for `name`, approved; paid on 2025-12-15 when
/// `paid`: its id.
async fn permit_in_kz23(app: &TestApp, name: &str, passport: &str, paid: bool) -> Value {
    use crate::permits::{application, worker};
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker(name, "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .clone();
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    if paid {
        app.post(&format!("/v1/permits/{id}/payments"))
            .token(&app.employer(BIN_A))
            .json(&json!({"region": "KZ-23", "amount": "794264.00", "paid_on": "2025-12-15", "reference": "PP-1"}))
            .await
            .ok(201);
    }
    id
}

#[actix_web::test]
async fn art_7_23_6_2_a_transfer_cites_the_distribution_rules_and_units_given_back_the_move_that_gave_them(
) {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    crate::permits::quota(&app, &[("KZ-23", "3", 5)]).await;
    crate::permits::profile(&app, BIN_A).await;
    let t = app.ministry();
    app.post("/v1/quotas/2026/transfers")
        .token(&t)
        .json(&json!({"category": "3", "from_region": "KZ-23", "to_region": "KZ-75", "units": 1, "reason": "unused in Atyrau"}))
        .await
        .ok(201);
    let revoked = permit_in_kz23(&app, "KAYA MEHMET", "U7000001", true).await;
    let returned = permit_in_kz23(&app, "DEMIR ALI", "U7000002", true).await;
    let unpaid = permit_in_kz23(&app, "CELIK AHMET", "U7000003", false).await;
    app.set_today("2026-02-02T04:00:00Z");
    app.post(&format!("/v1/permits/{revoked}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "kazakh-share-breached"}))
        .await
        .ok(200);
    app.post(&format!("/v1/permits/{returned}/return"))
        .token(&app.employer(BIN_A))
        .json(&json!({"reason": "contract cancelled"}))
        .await
        .ok(200);
    // Unpaid past its due date: read, it lapses.
    let p = app
        .get(&format!("/v1/permits/{unpaid}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(p.ok(200)["status"], "lapsed");

    let ledger = app.get("/v1/quotas/2026/ledger").token(&t).send().await;
    let mut cited: Vec<(String, String, Value)> = ledger.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["region"].as_str().unwrap().to_owned(),
                l["movement"].as_str().unwrap().to_owned(),
                l["legal_basis"].clone(),
            )
        })
        .collect();
    cited.dedup();
    let line = |region: &str, movement: &str, basis: Value| {
        (region.to_owned(), movement.to_owned(), basis)
    };
    assert_eq!(
        cited,
        [
            line("KZ-23", "allocation", json!("Art. 7(23), 6(2)")),
            line("KZ-23", "transfer_out", json!("Art. 7(23), 6(2)")),
            line("KZ-75", "transfer_in", json!("Art. 7(23), 6(2)")),
            line("KZ-23", "hold", json!("Art. 33(2), 9(5)")),
            line("KZ-23", "confirm", json!("Art. 33(4)")),
            line("KZ-23", "hold", json!("Art. 33(2), 9(5)")),
            line("KZ-23", "confirm", json!("Art. 33(4)")),
            line("KZ-23", "hold", json!("Art. 33(2), 9(5)")),
            // The revocation's units go back on the akimat's power to revoke.
            line("KZ-23", "revoked", json!("Art. 9(5), 33(2)")),
            // A return is the employer's own act, on no provision of the law.
            line("KZ-23", "returned", Value::Null),
            line("KZ-23", "lapsed_unpaid", json!("Art. 33(4)")),
        ]
    );
    // The transfer's audit events, one under each region, cite what its lines cite; so
    // does the allocation's.
    for action in ["quota.transferred", "quota.allocated"] {
        let audit = app
            .get(&format!("/v1/audit-events?action={action}"))
            .token(&app.auditor())
            .send()
            .await;
        let items = audit.ok(200)["items"].as_array().unwrap().clone();
        assert!(!items.is_empty(), "{action}");
        for e in &items {
            assert_eq!(e["legal_basis"], "Art. 7(23), 6(2)", "{action}: {e}");
        }
    }
}

/// An `If-Match` is an RFC 9110 entity-tag as the contract's `format: entity-tag` pattern
/// says: the weak `W/"1"` checks the version like `"1"`, while a bare `1` (the tag without
/// its quotes) or a doubled `W/W/"1"` is refused as malformed, naming the header, and
/// changes nothing — the service never guesses which version a client meant.
#[actix_web::test]
async fn an_if_match_is_a_quoted_entity_tag_and_a_bare_version_number_is_refused() {
    let app = spawn_app().await;
    let t = app.ministry();
    app.put("/v1/quotas/2026")
        .token(&t)
        .json(&national_2026())
        .await
        .ok(201);
    let mut raised = national_2026();
    raised["permit_percent"] = json!("0.3");
    for bare in ["1", "W/W/\"1\""] {
        let r = app
            .put("/v1/quotas/2026")
            .token(&t)
            .header("If-Match", bare)
            .json(&raised)
            .await;
        let body = r.problem(400, "malformed-request");
        assert_eq!(body["errors"][0]["field"], "If-Match", "{bare}: {body}");
    }
    let got = app.get("/v1/quotas/2026").token(&t).send().await;
    assert_eq!(got.ok(200)["version"], 1, "a refused tag changed nothing");
    let r = app
        .put("/v1/quotas/2026")
        .token(&t)
        .header("If-Match", "W/\"1\"")
        .json(&raised)
        .await;
    assert_eq!(r.ok(200)["version"], 2);
    app.put("/v1/quotas/2026")
        .token(&t)
        .header("If-Match", "W/\"1\"")
        .json(&raised)
        .await
        .problem(412, "stale-version");
}
