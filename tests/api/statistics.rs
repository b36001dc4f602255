//! Statistics (Art. 32(4)-(5), 36, 37): the counters equal a recount over the permits after
//! a random sequence of moves; the reports match figures computed by hand on a small fixed
//! data set, as JSON, CSV and XLSX; employers' statistical reports and the missing ones;
//! the calculator reproduces the published 2026 quota. On whichever database is configured.

use crate::helpers::*;
use crate::invariants::Rng;
use crate::permits::{application, profile, quota, worker};
use permits::db::statistics::{counters, recount};
use serde_json::{json, Value};

async fn decide(app: &TestApp, id: &Value, region: &str, body: Value) -> Resp {
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat(region))
        .json(&body)
        .await
}

/// Pays every unpaid region of the permit what is due today; the last answer.
async fn pay_all(app: &TestApp, id: &Value, on: &str) -> Resp {
    let p = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let p = p.ok(200).clone();
    let mut last = Resp {
        status: 200,
        headers: Default::default(),
        body: p.clone(),
    };
    for r in p["regions"].as_array().unwrap() {
        if let Some(due) = r["fee"]["due_today"]
            .as_str()
            .filter(|_| r["fee"]["paid"].is_null())
        {
            last = app
                .post(&format!("/v1/permits/{id}/payments"))
                .token(&app.employer(BIN_A))
                .json(&json!({"region": r["region"], "amount": due, "paid_on": on, "reference": "PP-1"}))
                .await;
            assert!(last.status < 500, "{}", last.body);
        }
    }
    last
}

fn assert_counters_equal_recount(app: &TestApp, step: usize) {
    let mut conn = app.pool.get().unwrap();
    let kept = counters(&mut conn).unwrap();
    let again = recount(&mut conn).unwrap();
    assert_eq!(kept, again, "step {step}: the counters equal a recount");
}

#[actix_web::test]
async fn the_counters_equal_a_recount_after_a_random_sequence_of_permit_moves() {
    let app = spawn_app().await;
    app.set_today("2025-12-01T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 40), ("KZ-47", "3", 25)]).await;
    app.put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(
            &json!({"as_of": "2025-11-01", "name": "Big LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "F", "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": 100000, "foreign": 0}]}),
        )
        .await
        .ok(201);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut ids: Vec<Value> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut actives: Vec<(Value, &str)> = Vec::new();
    let region_sets: [&[&str]; 3] = [&["KZ-23"], &["KZ-47"], &["KZ-23", "KZ-47"]];
    // KGZ is an EAEU member: its citizens need no permit and are never counted.
    let countries = ["TUR", "CHN", "IND", "KGZ"];
    let mut day = 1;
    for step in 0..160 {
        // Time moves on by 0-2 days, so decisions take different times and months change.
        day += rng.below(3);
        let date =
            chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap() + chrono::Days::new(day.min(40));
        app.set_today(&format!("{date}T04:00:00Z"));
        let op = if ids.is_empty() { 0 } else { rng.below(10) };
        let id = if ids.is_empty() {
            Value::Null
        } else {
            ids[rng.below(ids.len() as u64) as usize].clone()
        };
        let mut region = ["KZ-23", "KZ-47"][rng.below(2) as usize];
        // Revocations and returns go mostly to permits seen active, so both happen.
        let id = match (op, actives.is_empty()) {
            (7 | 8, false) => {
                let (a, r) = actives[rng.below(actives.len() as u64) as usize].clone();
                region = r;
                a
            }
            _ => id,
        };
        let r = match op {
            0 | 1 => {
                let workers = (0..1 + rng.below(3))
                    .map(|w| {
                        let c = countries[rng.below(4) as usize];
                        worker(
                            &format!(
                                "W {} {}",
                                crate::permits::letters(step),
                                crate::permits::letters(w)
                            ),
                            c,
                            &format!("P{step:05}{w:02}"),
                        )
                    })
                    .collect();
                let mut body = application(region_sets[rng.below(3) as usize], workers);
                body["start_date"] = json!("2026-01-20");
                app.post("/v1/permit-applications")
                    .token(&app.employer(BIN_A))
                    .json(&body)
                    .await
            }
            2 | 3 => decide(&app, &id, region, json!({"decision": "approve"})).await,
            4 => {
                let grounds = if rng.below(2) == 0 {
                    json!(["unreliable-documents"])
                } else {
                    json!(["unreliable-documents", "kazakh-share-unmet"])
                };
                decide(
                    &app,
                    &id,
                    region,
                    json!({"decision": "refuse", "grounds": grounds}),
                )
                .await
            }
            5 | 6 => pay_all(&app, &id, &date.to_string()).await,
            7 => {
                app.post(&format!("/v1/permits/{id}/revocation"))
                    .token(&app.akimat(region))
                    .json(&json!({"ground": "employer-liquidated"}))
                    .await
            }
            8 => {
                app.post(&format!("/v1/permits/{id}/return"))
                    .token(&app.employer(BIN_A))
                    .json(&json!({}))
                    .await
            }
            _ => {
                app.post(&format!("/v1/permits/{id}/withdrawal"))
                    .token(&app.employer(BIN_A))
                    .send()
                    .await
            }
        };
        assert!(r.status < 500, "step {step}: {}", r.body);
        if r.status == 201 {
            ids.push(r.body["id"].clone());
        }
        if let Some(s) = r.body["status"].as_str() {
            seen.insert(s.to_owned());
            let first = r.body["regions"][0]["region"].as_str().unwrap_or("KZ-23");
            let first = if first == "KZ-47" { "KZ-47" } else { "KZ-23" };
            match s {
                "active" => actives.push((r.body["id"].clone(), first)),
                "revoked" | "returned" => actives.retain(|a| a.0 != r.body["id"]),
                _ => {}
            }
        }
        assert_counters_equal_recount(&app, step);
    }
    // Past every due date: reading each permit lapses the unpaid ones.
    app.set_today("2026-03-01T04:00:00Z");
    for id in &ids {
        let p = app
            .get(&format!("/v1/permits/{id}"))
            .token(&app.employer(BIN_A))
            .send()
            .await;
        seen.insert(p.ok(200)["status"].as_str().unwrap().to_owned());
    }
    assert_counters_equal_recount(&app, 1000);
    for status in [
        "active",
        "refused",
        "withdrawn",
        "revoked",
        "returned",
        "lapsed",
    ] {
        assert!(seen.contains(status), "{status} never reached: {seen:?}");
    }
    let mut conn = app.pool.get().unwrap();
    let kept = counters(&mut conn).unwrap();
    for m in [
        "applied",
        "issued",
        "refused_ground",
        "revoked",
        "fee_paid",
        "decided",
    ] {
        assert!(
            kept.keys().any(|k| k.measure.as_str() == m),
            "no counter of {m}: {kept:?}"
        );
    }
}

/// The fixed data set: BIN_A (mining, OKED B) applies on 15 Dec 2025 for
/// P1 (KZ-23; a Turkish and a Chinese worker), P2 (KZ-23; a Turkish worker) and
/// P3 (KZ-23 and KZ-47; an Indian worker). P1 is approved the same day and paid; P2 is
/// refused the next day for unreliable documents; P3 is approved on the 17th in both
/// regions, paid, and revoked on 2 February 2026.
async fn fixed_data_set(app: &TestApp) -> i64 {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", 10), ("KZ-47", "3", 5)]).await;
    profile(app, BIN_A).await;
    let file = |workers: Vec<Value>, regions: &'static [&'static str]| {
        let body = application(regions, workers);
        async move {
            app.post("/v1/permit-applications")
                .token(&app.employer(BIN_A))
                .json(&body)
                .await
                .ok(201)["id"]
                .clone()
        }
    };
    let p1 = file(
        vec![
            worker("A One", "TUR", "T1000000"),
            worker("B Two", "CHN", "C1000000"),
        ],
        &["KZ-23"],
    )
    .await;
    let p2 = file(vec![worker("C Three", "TUR", "T2000000")], &["KZ-23"]).await;
    let p3 = file(
        vec![worker("D Four", "IND", "I1000000")],
        &["KZ-23", "KZ-47"],
    )
    .await;
    decide(app, &p1, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200);
    let mut paid = 0;
    let tiyn = |r: &Resp| -> i64 {
        r.body["regions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x["fee"]["paid"].as_str())
            .map(|m| (m.parse::<f64>().unwrap() * 100.0).round() as i64)
            .sum()
    };
    let r = pay_all(app, &p1, "2025-12-15").await;
    assert_eq!(r.ok(201)["status"], "active");
    paid += tiyn(&r);
    app.set_today("2025-12-16T04:00:00Z");
    decide(
        app,
        &p2,
        "KZ-23",
        json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
    )
    .await
    .ok(200);
    app.set_today("2025-12-17T04:00:00Z");
    for region in ["KZ-23", "KZ-47"] {
        decide(app, &p3, region, json!({"decision": "approve"}))
            .await
            .ok(200);
    }
    let r = pay_all(app, &p3, "2025-12-17").await;
    assert_eq!(r.ok(201)["status"], "active");
    paid += tiyn(&r);
    app.set_today("2026-02-02T04:00:00Z");
    app.post(&format!("/v1/permits/{p3}/revocation"))
        .token(&app.akimat("KZ-47"))
        .json(&json!({"ground": "employer-liquidated"}))
        .await
        .ok(200);
    paid
}

fn rows(r: &Resp) -> Vec<Value> {
    r.body["rows"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn the_reports_match_figures_computed_by_hand_on_a_fixed_data_set() {
    let app = spawn_app().await;
    let paid = fixed_data_set(&app).await;
    let get = |path: &str| app.get(path).token(&app.ministry()).send();

    // Utilization: KZ-23 uses P1's 2 workers (P3's one came back on revocation).
    let u = get("/v1/statistics/2026/quota-utilization").await;
    let u = rows(&u);
    let line = |region: &str| {
        u.iter()
            .find(|r| r["region"] == region && r["category"] == "3")
            .unwrap()
            .clone()
    };
    let kz23 = line("KZ-23");
    assert_eq!(
        (
            kz23["allocated"].as_i64(),
            kz23["pending"].as_i64(),
            kz23["used"].as_i64(),
            kz23["available"].as_i64()
        ),
        (Some(10), Some(0), Some(2), Some(8))
    );
    let kz47 = line("KZ-47");
    assert_eq!(
        (kz47["used"].as_i64(), kz47["available"].as_i64()),
        (Some(0), Some(5))
    );

    // By month: December issues 3 workers in KZ-23 (P1's 2, P3's 1) and 1 in KZ-47;
    // February gives P3's back in both.
    let m = get("/v1/statistics/2026/quota-utilization/monthly").await;
    let m: Vec<(String, String, i64, i64, i64)> = rows(&m)
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_owned(),
                r["month"].as_str().unwrap().to_owned(),
                r["issued"].as_i64().unwrap(),
                r["released"].as_i64().unwrap(),
                r["used_to_date"].as_i64().unwrap(),
            )
        })
        .collect();
    let s = |a: &str, b: &str, c, d, e| (a.to_owned(), b.to_owned(), c, d, e);
    assert_eq!(
        m,
        vec![
            s("KZ-23", "2025-12", 3, 0, 3),
            s("KZ-23", "2026-02", 0, 1, 2),
            s("KZ-47", "2025-12", 1, 0, 1),
            s("KZ-47", "2026-02", 0, 1, 0),
        ]
    );

    // Permits by measure, ground, region and country.
    let p = get("/v1/statistics/2026/permits").await;
    let mut got: Vec<String> = rows(&p)
        .iter()
        .map(|r| {
            assert_eq!(r["category"], "3");
            assert_eq!(r["sector"], "B");
            format!(
                "{} {} {} {} {}/{}",
                r["measure"].as_str().unwrap(),
                r["ground"].as_str().unwrap(),
                r["region"].as_str().unwrap(),
                r["country"].as_str().unwrap(),
                r["permits"],
                r["workers"]
            )
        })
        .collect();
    got.sort();
    let mut want = vec![
        "applied  KZ-23 TUR 2/2",
        "applied  KZ-23 CHN 1/1",
        "applied  KZ-23 IND 1/1",
        "applied  KZ-47 IND 1/1",
        "issued  KZ-23 TUR 1/1",
        "issued  KZ-23 CHN 1/1",
        "issued  KZ-23 IND 1/1",
        "issued  KZ-47 IND 1/1",
        "refused  KZ-23 TUR 1/1",
        "refused_ground unreliable-documents KZ-23 TUR 1/1",
        "revoked employer-liquidated KZ-23 IND 1/1",
        "revoked employer-liquidated KZ-47 IND 1/1",
    ];
    want.sort();
    assert_eq!(got, want);
    let only = get("/v1/statistics/2026/permits?measure=revoked&region=KZ-47").await;
    assert_eq!(rows(&only).len(), 1);

    // Decision times: KZ-23 decided P1 after 0 days, P2 after 1, P3 after 2; KZ-47 P3
    // after 2. Nothing was late.
    let d = get("/v1/statistics/2026/decision-times").await;
    let d: Vec<(String, i64, i64, i64, i64)> = rows(&d)
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_owned(),
                r["decisions"].as_i64().unwrap(),
                r["median_days"].as_i64().unwrap(),
                r["p90_days"].as_i64().unwrap(),
                r["overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        d,
        vec![("KZ-23".into(), 3, 1, 2, 0), ("KZ-47".into(), 1, 2, 2, 0)]
    );

    // Fees: two permits assessed and paid to KZ-23's budget in 2025, one to KZ-47's.
    let f = get("/v1/statistics/2026/fees").await;
    let f = rows(&f);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0]["region"], "KZ-23");
    assert_eq!(f[0]["budget_year"], 2025);
    assert_eq!(f[0]["permits_assessed"], 2);
    assert_eq!(f[0]["payments"], 2);
    assert_eq!(f[1]["region"], "KZ-47");
    assert_eq!(f[1]["payments"], 1);
    let total: i64 = f.iter().map(|r| r["paid_tiyn"].as_i64().unwrap()).sum();
    assert_eq!(total, paid);
    assert!(f[0]["assessed_mrp"].as_i64().unwrap() > 0);

    // An akimat reads its own region only; an employer reads no statistics.
    let own = app
        .get("/v1/statistics/2026/permits")
        .token(&app.akimat("KZ-47"))
        .send()
        .await;
    assert!(rows(&own).iter().all(|r| r["region"] == "KZ-47"));
    assert_eq!(rows(&own).len(), 3);
    app.get("/v1/statistics/2026/permits?region=KZ-23")
        .token(&app.akimat("KZ-47"))
        .send()
        .await
        .problem(403, "forbidden");
    app.get("/v1/statistics/2026/permits")
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(403, "forbidden");
}

#[actix_web::test]
async fn the_csv_has_a_header_row_of_stable_names_and_the_xlsx_is_a_workbook() {
    let app = spawn_app().await;
    fixed_data_set(&app).await;
    let r = app
        .get("/v1/statistics/2026/permits")
        .token(&app.ministry())
        .header("Accept", "text/csv")
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    let text = r.body.as_str().unwrap().to_owned();
    let mut csv = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "year", "measure", "ground", "region", "category", "sector", "country", "permits",
            "workers"
        ]
    );
    let records: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 12);
    let refused = records.iter().find(|r| &r[1] == "refused_ground").unwrap();
    assert_eq!(
        refused.iter().collect::<Vec<_>>(),
        [
            "2026",
            "refused_ground",
            "unreliable-documents",
            "KZ-23",
            "3",
            "B",
            "TUR",
            "1",
            "1"
        ]
    );

    let u = app
        .get("/v1/statistics/2026/quota-utilization")
        .token(&app.ministry())
        .header("Accept", "text/csv")
        .send()
        .await;
    let text = u.body.as_str().unwrap().to_owned();
    let mut csv = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        csv.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "year",
            "region",
            "category",
            "allocated",
            "pending",
            "used",
            "available"
        ]
    );
    let kz23 = csv
        .records()
        .map(Result::unwrap)
        .find(|r| &r[1] == "KZ-23")
        .unwrap();
    assert_eq!(
        kz23.iter().collect::<Vec<_>>(),
        ["2026", "KZ-23", "3", "10", "0", "2", "8"]
    );

    let x = app
        .get("/v1/statistics/2026/decision-times")
        .token(&app.ministry())
        .header(
            "Accept",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .send()
        .await;
    assert_eq!(x.status, 200);
    assert_eq!(
        x.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    // JSON stays the default.
    let j = app
        .get("/v1/statistics/2026/fees")
        .token(&app.ministry())
        .send()
        .await;
    assert!(j.body["rows"].is_array());
}

fn report(year: i32, quarter: u32) -> Value {
    json!({"year": year, "quarter": quarter,
        "employed": [
            {"category": "3", "country": "TUR", "sector": "B", "workers": 1},
            {"category": "3", "country": "CHN", "sector": "B", "workers": 1}
        ],
        "hired": 2, "left": 0, "kazakh_staff": 150, "replacement": []})
}

#[actix_web::test]
async fn art_37_employers_report_quarterly_to_their_region_and_the_missing_are_listed() {
    let app = spawn_app().await;
    fixed_data_set(&app).await;
    app.set_today("2026-03-20T04:00:00Z");
    let path = format!("/v1/employers/{BIN_A}/statistical-reports");
    // The quarter is not over yet.
    let r = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .json(&report(2026, 1))
        .await;
    let p = r.problem(422, "statistical-report-period-open");
    assert_eq!(p["violations"][0]["article"], "Art. 37(2)");
    app.set_today("2026-04-02T04:00:00Z");
    // P1 is in force in the first quarter: BIN_A owes its report, listed under KZ-23.
    let missing = |token: String| {
        let app = &app;
        async move {
            app.get("/v1/statistical-reports/missing?year=2026&quarter=1")
                .token(&token)
                .send()
                .await
                .ok(200)["items"]
                .clone()
        }
    };
    let m = missing(app.ministry()).await;
    assert_eq!(m.as_array().unwrap().len(), 1);
    assert_eq!(m[0]["bin"], BIN_A);
    assert_eq!(m[0]["region"], "KZ-23");
    assert_eq!(missing(app.akimat("KZ-47")).await, json!([]));
    let csv = app
        .get("/v1/statistical-reports/missing?year=2026&quarter=1")
        .token(&app.ministry())
        .header("Accept", "text/csv")
        .send()
        .await;
    assert!(csv
        .body
        .as_str()
        .unwrap()
        .starts_with("year,quarter,region,bin,name\n"));

    let r = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "q1-2026")
        .json(&report(2026, 1))
        .await;
    let v = r.ok(201).clone();
    assert_eq!(v["region"], "KZ-23");
    assert_eq!(v["foreign_employed"], 2);
    // A replay answers the same; another filing of the quarter is a conflict.
    let again = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "q1-2026")
        .json(&report(2026, 1))
        .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    app.post(&path)
        .token(&app.employer(BIN_A))
        .json(&report(2026, 1))
        .await
        .problem(409, "statistical-report-exists");
    assert_eq!(missing(app.ministry()).await, json!([]));
    // The akimat of the region reads it (Art. 37(1)), another region's does not; the
    // ministry reads all (37(4)).
    let list = |token: String| {
        let app = &app;
        async move {
            app.get("/v1/statistical-reports?year=2026")
                .token(&token)
                .send()
                .await
                .ok(200)["items"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!(list(app.akimat("KZ-23")).await, 1);
    assert_eq!(list(app.akimat("KZ-47")).await, 0);
    assert_eq!(list(app.ministry()).await, 1);
    assert_eq!(list(app.employer(BIN_A)).await, 1);
    assert_eq!(list(app.employer(BIN_B)).await, 0);
    // Another employer's BIN is not the caller's.
    app.post(&format!("/v1/employers/{BIN_B}/statistical-reports"))
        .token(&app.employer(BIN_A))
        .json(&report(2026, 1))
        .await
        .problem(404, "not-found");
    // A replacement commitment must be of the employer's own category-4 permit.
    let mut bad = report(2026, 2);
    bad["replacement"] = json!([{"permit_id": 1, "committed": 1, "hired": 1}]);
    app.set_today("2026-07-02T04:00:00Z");
    let r = app.post(&path).token(&app.employer(BIN_A)).json(&bad).await;
    r.problem(422, "replacement-permit-unknown");
}

#[actix_web::test]
async fn art_32_4_the_calculator_reproduces_the_published_2026_quota_and_splits_it_exactly() {
    let app = spawn_app().await;
    let body = json!({
    "labour_force": 7258400, "permit_percent": "0.25", "labour_immigrant_percent": "2.9",
    "category_weights": [
        {"category": "1", "number": 726}, {"category": "2", "number": 3402},
        {"category": "3", "number": 5893}, {"category": "4", "number": 3131},
        {"category": "seasonal", "number": 4994}],
    "regions": [
        {"region": "KZ-75", "labour_force": 1200000,
         "last_year_used": [{"category": "3", "number": 900}],
         "accepted_demand": [{"category": "3", "number": 300}, {"category": "seasonal", "number": 10}]},
        {"region": "KZ-71", "labour_force": 700000,
         "last_year_used": [{"category": "3", "number": 400}], "accepted_demand": []},
        {"region": "KZ-23", "labour_force": null, "last_year_used": [],
         "accepted_demand": [{"category": "3", "number": 100}]}
    ]});
    let r = app
        .post("/v1/quotas/2026/calculation")
        .token(&app.ministry())
        .json(&body)
        .await;
    let v = r.ok(200).clone();
    assert_eq!(v["permit_exact"], "18146.00");
    assert_eq!(v["permit_total"], 18146);
    assert_eq!(v["labour_immigrant_total"], 210_493);
    assert_eq!(
        v["steps"][0],
        "permit quota = ⌊7258400 × 0.25 / 100⌋ = ⌊18146⌋ = 18146"
    );
    let cats: Vec<i64> = v["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["share"]["number"].as_i64().unwrap())
        .collect();
    assert_eq!(cats, vec![726, 3402, 5893, 3131, 4994]);
    for c in v["categories"].as_array().unwrap() {
        let sum: i64 = c["regions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["share"]["number"].as_i64().unwrap())
            .sum();
        assert_eq!(sum, c["share"]["number"].as_i64().unwrap());
    }
    // Category 3 by use and demand: 1,200 : 400 : 100.
    let c3 = &v["categories"][2];
    assert_eq!(c3["basis"], "use_and_demand");
    assert_eq!(
        c3["regions"][0]["share"]["arithmetic"],
        "5893 × 1200 / 1700 = 4159 + 1300/1700 → 4159 + 1 = 4160"
    );
    // Category 1: nobody used or asked for it, so by labour force (KZ-23's is unknown).
    assert_eq!(v["categories"][0]["basis"], "labour_force");
    assert_eq!(v["categories"][0]["regions"][2]["share"]["number"], 0);
    let total: i64 = v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["total"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 18146);
    // Nothing changed: no quota is set for 2026.
    app.get("/v1/quotas/2026")
        .token(&app.ministry())
        .send()
        .await
        .problem(404, "not-found");
    app.post("/v1/quotas/2026/calculation")
        .token(&app.akimat("KZ-75"))
        .json(&body)
        .await
        .problem(403, "forbidden");
}

#[actix_web::test]
async fn certificates_and_ict_permits_are_counted_by_region_and_country() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    app.post("/v1/self-employment-certificates")
        .token(&app.akimat("KZ-75"))
        .json(&crate::certificates::application("KZ-75"))
        .await
        .ok(201);
    app.post("/v1/ict-permits")
        .token(&app.employer(crate::ict::BIN_BRANCH))
        .json(&crate::ict::application())
        .await
        .ok(201);
    let r = app
        .get("/v1/statistics/2026/certificates-and-ict")
        .token(&app.ministry())
        .send()
        .await;
    let got: Vec<String> = rows(&r)
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {}/{} {}/{}",
                r["kind"].as_str().unwrap(),
                r["region"].as_str().unwrap(),
                r["country"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["cases"],
                r["workers"],
                r["late_notices"],
                r["missing_notices"]
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "certificate KZ-75 IND applied 1/1 0/0",
            "ict KZ-75 DEU applied 1/2 0/0",
            "ict KZ-75 POL applied 1/1 0/0",
        ]
    );
    let other = app
        .get("/v1/statistics/2026/certificates-and-ict")
        .token(&app.akimat("KZ-71"))
        .send()
        .await;
    assert_eq!(rows(&other).len(), 0);
    let csv = app
        .get("/v1/statistics/2026/certificates-and-ict")
        .token(&app.auditor())
        .header("Accept", "text/csv")
        .send()
        .await;
    assert!(csv.body.as_str().unwrap().starts_with(
        "year,kind,region,sector,country,status,cases,workers,late_notices,missing_notices\n"
    ));
}

#[actix_web::test]
async fn permits_filed_before_the_counters_existed_are_counted_once_at_start_up() {
    use diesel::RunQueryDsl;
    let app = spawn_app().await;
    fixed_data_set(&app).await;
    let mut conn = app.pool.get().unwrap();
    let kept = counters(&mut conn).unwrap();
    diesel::sql_query("DELETE FROM permit_stats")
        .execute(&mut conn)
        .unwrap();
    assert!(permits::db::statistics::backfill(&mut conn).unwrap() > 0);
    assert_eq!(counters(&mut conn).unwrap(), kept);
    assert_eq!(permits::db::statistics::backfill(&mut conn).unwrap(), 0);
}

/// The period of the statistical-report listings is checked as the contract says: a year
/// outside 2000–2100 is 400 (on PostgreSQL a year before -4713 was a 500), a quarter
/// outside 1–4 is 422, on both listings alike.
#[actix_web::test]
async fn statistical_report_listings_refuse_a_year_or_quarter_outside_the_contract() {
    let app = spawn_app().await;
    let t = app.ministry();
    for path in [
        "/v1/statistical-reports?year=-12906",
        "/v1/statistical-reports?year=1999",
        "/v1/statistical-reports/missing?year=-12906&quarter=1",
        "/v1/statistical-reports/missing?year=262143&quarter=1",
    ] {
        let r = app.get(path).token(&t).send().await;
        assert_eq!(r.status, 400, "{path}: {}", r.body);
        assert_eq!(r.body["errors"][0]["field"], "year", "{path}");
    }
    for path in [
        "/v1/statistical-reports?year=2026&quarter=0",
        "/v1/statistical-reports?year=2026&quarter=310819",
        "/v1/statistical-reports/missing?year=2026&quarter=5",
    ] {
        let r = app.get(path).token(&t).send().await;
        assert_eq!(r.status, 422, "{path}: {}", r.body);
        assert_eq!(r.body["errors"][0]["field"], "quarter", "{path}");
    }
    app.get("/v1/statistical-reports?year=2026&quarter=4")
        .token(&t)
        .send()
        .await
        .ok(200);
}

#[actix_web::test]
async fn art_37_2_an_employer_with_an_ict_permit_in_force_owes_quarterly_reports_like_a_permit_holder(
) {
    use crate::ict::BIN_BRANCH;
    let app = spawn_app().await;
    // Issued on 2026-12-01 to a branch in KZ-75 (no profile) for 2027-01-01..2029-12-31.
    let permit = crate::ict::issued(&app).await;
    assert_eq!(permit["status"], "issued");
    app.set_today("2027-04-02T04:00:00Z");
    let missing = |quarter: &'static str, token: String| {
        let app = &app;
        async move {
            app.get(&format!("/v1/statistical-reports/missing?year={quarter}"))
                .token(&token)
                .send()
                .await
                .ok(200)["items"]
                .clone()
        }
    };
    // In the last quarter of 2026 its term had not begun: nothing was owed.
    assert_eq!(missing("2026&quarter=4", app.ministry()).await, json!([]));
    // In the first quarter of 2027 it was in force: the branch owes its report, listed
    // under the ICT permit's region while it keeps no profile.
    let m = missing("2027&quarter=1", app.ministry()).await;
    assert_eq!(
        m,
        json!([{"year": 2027, "quarter": 1, "region": "KZ-75", "bin": BIN_BRANCH, "name": ""}])
    );
    assert_eq!(missing("2027&quarter=1", app.akimat("KZ-75")).await, m);
    assert_eq!(
        missing("2027&quarter=1", app.akimat("KZ-23")).await,
        json!([])
    );
    // With a profile it is listed under its name and region, and files its report.
    app.put(&format!("/v1/employers/{BIN_BRANCH}"))
        .token(&app.employer(BIN_BRANCH))
        .json(
            &json!({"as_of": "2026-11-01", "name": "Muster GmbH Astana Branch",
            "legal_form": "branch", "foreign_division": true, "sector": "M", "region": "KZ-71",
            "workforce": [{"category": "2", "kazakh": 6, "foreign": 3}]}),
        )
        .await
        .ok(201);
    let m = missing("2027&quarter=1", app.ministry()).await;
    assert_eq!(
        (m[0]["region"].as_str(), m[0]["name"].as_str()),
        (Some("KZ-71"), Some("Muster GmbH Astana Branch"))
    );
    app.post(&format!("/v1/employers/{BIN_BRANCH}/statistical-reports"))
        .token(&app.employer(BIN_BRANCH))
        .json(&report(2027, 1))
        .await
        .ok(201);
    assert_eq!(missing("2027&quarter=1", app.ministry()).await, json!([]));
    // Revoked in May, it was still in force in the second quarter, not in the third.
    app.set_today("2027-05-10T04:00:00Z");
    let id = permit["id"].as_i64().unwrap();
    let r = app
        .post(&format!("/v1/ict-permits/{id}/measures"))
        .token(&app.akimat("KZ-75"))
        .json(&json!({"measure": "revoke", "ground": "unlawful-engagement", "reason": "inspection found breaches"}))
        .await;
    assert_eq!(r.ok(200)["status"], "revoked");
    app.set_today("2027-10-02T04:00:00Z");
    assert_eq!(
        missing("2027&quarter=2", app.ministry()).await[0]["bin"],
        BIN_BRANCH
    );
    assert_eq!(missing("2027&quarter=3", app.ministry()).await, json!([]));
}

/// Found by schemathesis: a calculation at 0 % answered `permit_exact: "0"`, outside the
/// contract's pattern of two decimals.
#[actix_web::test]
async fn a_calculation_states_the_exact_quota_with_two_decimals_even_when_it_is_zero() {
    let app = spawn_app().await;
    let body = json!({"labour_force": 7258400, "permit_percent": "0", "category_weights": [],
        "regions": [{"region": "KZ-75", "labour_force": 1200000,
            "last_year_used": [{"category": "1", "number": 99999999}], "accepted_demand": []}]});
    let r = app
        .post("/v1/quotas/2026/calculation")
        .token(&app.ministry())
        .json(&body)
        .await;
    let v = r.ok(200);
    assert_eq!(v["permit_exact"], "0.00");
    assert_eq!(v["permit_total"], 0);
}

/// DESIGN "Time" and Art. 36: a refusal at 03:30 on 1 January in Kazakhstan (22:30 UTC on
/// 31 December) is counted in January, the month it was taken in the country, by the
/// counters and by the recount from the permits alike.
#[actix_web::test]
async fn a_refusal_before_dawn_on_the_first_counts_in_the_kazakhstan_month() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let body = application(&["KZ-23"], vec![worker("KAYA MEHMET", "TUR", "U1000001")]);
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "dawn-refusal")
        .json(&body)
        .await
        .ok(201)
        .clone();
    app.set_today("2025-12-31T22:30:00Z");
    decide(
        &app,
        &p["id"],
        "KZ-23",
        json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
    )
    .await
    .ok(200);
    let mut conn = app.pool.get().unwrap();
    let kept = counters(&mut conn).unwrap();
    let months = |m: &str| -> Vec<String> {
        let mut v: Vec<String> = kept
            .keys()
            .filter(|k| k.measure.as_str() == m)
            .map(|k| k.month.clone())
            .collect();
        v.dedup();
        v
    };
    assert_eq!(months("refused"), vec!["2026-01".to_owned()], "{kept:?}");
    assert_eq!(months("decided"), vec!["2026-01".to_owned()], "{kept:?}");
    assert_eq!(kept, recount(&mut conn).unwrap());
}
