//! Permits (Art. 33, 9(5), 28(2)(8)) through HTTP on the configured database: the whole
//! life of a permit, fees hand-computed at the MRP of the payment date, refusals with
//! their articles in kk, ru and en, access, idempotency and the January rush.

use crate::helpers::*;
use crate::quotas::national_2026;
use serde_json::{json, Value};

/// Sets the 2026 quota and gives `region` `n` units of category `category`.
pub async fn quota(app: &TestApp, allocations: &[(&str, &str, i64)]) {
    app.put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&national_2026())
        .await
        .ok(201);
    for (region, category, n) in allocations {
        app.put(&format!("/v1/quotas/2026/regions/{region}"))
            .token(&app.ministry())
            .json(&json!({"categories": [{"category": category, "allocated": n}], "reason": "Order No. 397 of 12.12.2025"}))
            .await
            .ok(200);
    }
}

/// A mining employer (OKED B: fee group 2) in Atyrau with 150 Kazakh staff in categories
/// 3-4, 5 foreign and 2 posted.
pub async fn profile(app: &TestApp, bin: &str) {
    app.put(&format!("/v1/employers/{bin}"))
        .token(&app.employer(bin))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Caspian Drilling LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "B", "region": "KZ-23",
            "workforce": [
                {"category": "3", "kazakh": 100, "foreign": 5, "posted": 2},
                {"category": "4", "kazakh": 50, "foreign": 0}
            ]
        }))
        .await
        .ok(201);
}

pub fn worker(name: &str, country: &str, passport: &str) -> Value {
    json!({
        "full_name_latin": name, "full_name_cyrillic": null, "citizenship": country,
        "passport_number": passport, "passport_expiry": "2030-01-01", "birth_date": "1985-04-12",
        "education": "higher", "profession": "Drilling engineer", "occupation_code": "2146",
        "experience_years": 8, "qualification_ref": "Professional standard 'Drilling', level 6"
    })
}

/// A number written in letters (`0` is `A`, `12` is `BC`), for names of generated workers:
/// a name holds Latin letters only (ICAO Doc 9303 Part 3).
pub fn letters(n: impl std::fmt::Display) -> String {
    n.to_string()
        .bytes()
        .map(|d| char::from(b'A' + (d - b'0')))
        .collect()
}

pub fn application(regions: &[&str], workers: Vec<Value>) -> Value {
    json!({
        "category": "3", "profession": "Drilling engineer", "regions": regions,
        "workers": workers, "term": {"unit": "months", "length": 12},
        "start_date": "2026-01-15", "vacancy_code": "ELX-2025-000123",
        "vacancy_published_on": "2025-11-20"
    })
}

fn check<'a>(permit: &'a Value, code: &str) -> &'a Value {
    permit["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("no check {code}: {permit}"))
}

fn region<'a>(permit: &'a Value, code: &str) -> &'a Value {
    permit["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == code)
        .unwrap()
}

async fn decide(app: &TestApp, id: &Value, region: &str, body: Value) -> Resp {
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat(region))
        .json(&body)
        .await
}

async fn pay(app: &TestApp, id: &Value, region: &str, amount: &str, on: &str, lang: &str) -> Resp {
    app.post(&format!("/v1/permits/{id}/payments"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", lang)
        .json(&json!({"region": region, "amount": amount, "paid_on": on, "reference": "PP-1"}))
        .await
}

#[actix_web::test]
async fn a_permit_runs_from_application_to_departure() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10), ("KZ-47", "3", 10)]).await;
    profile(&app, BIN_A).await;

    // Application: two Turkish engineers and one Russian (EAEU: needs no permit, Art. 2(3)).
    let body = application(
        &["KZ-23", "KZ-47"],
        vec![
            worker("KAYA MEHMET", "TUR", "U1000001"),
            worker("DEMIR ALI", "TUR", "U1000002"),
            worker("IVANOV PETR", "RUS", "75 1234567"),
        ],
    );
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "app-1")
        .json(&body)
        .await;
    let p = r.ok(201).clone();
    let id = p["id"].clone();
    assert_eq!(
        r.header("location"),
        Some(format!("/v1/permits/{id}").as_str())
    );
    assert_eq!(p["status"], "applied");
    assert_eq!(p["quota_year"], 2026);
    assert_eq!(p["end_date"], "2027-01-14");
    // 7 working days; 16 December is Independence Day.
    assert_eq!(p["decision_due"], "2025-12-25");
    assert_eq!(check(&p, "quota-available")["outcome"], "pass");
    let share = check(&p, "kazakh-share");
    assert_eq!(share["outcome"], "pass");
    // 150 Kazakh against 5 foreign + 2 posted + 2 new; the Russian counts as neither.
    assert_eq!(share["figures"]["kazakh"], 150);
    assert_eq!(share["figures"]["foreign"], 9);
    assert_eq!(share["article"], "Art. 33(6)");
    assert_eq!(check(&p, "labour-market-test")["outcome"], "pass");
    let eaeu = check(&p, "worker-needs-no-permit");
    assert_eq!(
        (eaeu["outcome"].as_str(), eaeu["article"].as_str()),
        (Some("warning"), Some("Art. 2(3)"))
    );
    // A replay answers the first response and files nothing new.
    let again = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "app-1")
        .json(&body)
        .await;
    assert_eq!(again.ok(201)["id"], id);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let list = app
        .get("/v1/permits")
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(list.ok(200)["items"].as_array().unwrap().len(), 1);

    // Another employer and another region see nothing and touch nothing.
    for token in [app.employer(BIN_B), app.akimat("KZ-75")] {
        app.get(&format!("/v1/permits/{id}"))
            .token(&token)
            .send()
            .await
            .problem(404, "not-found");
    }
    decide(&app, &id, "KZ-75", json!({"decision": "approve"}))
        .await
        .problem(404, "not-found");
    app.post(&format!("/v1/permits/{id}/withdrawal"))
        .token(&app.employer(BIN_B))
        .send()
        .await
        .problem(404, "not-found");
    let queue = app
        .get("/v1/permit-applications")
        .token(&app.akimat("KZ-47"))
        .send()
        .await;
    assert_eq!(queue.ok(200)["items"][0]["id"], id);

    // Approvals by both regions on 24 December: quota held, fee priced per region.
    app.set_today("2025-12-24T04:00:00Z");
    let a = decide(&app, &id, "KZ-23", json!({"decision": "approve"})).await;
    assert_eq!(a.ok(200)["status"], "applied");
    decide(&app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .problem(409, "already-decided");
    let a = decide(&app, &id, "KZ-47", json!({"decision": "approve"})).await;
    let p = a.ok(200).clone();
    assert_eq!(p["status"], "awaiting_payment");
    let fee = &region(&p, "KZ-23")["fee"];
    // Group 2 (mining), category 3: 202 MRP per worker, 2 workers.
    assert_eq!(fee["rate_mrp"], 202);
    assert_eq!(fee["workers"], 2);
    // 10 working days: 1, 2 and 7 January are holidays.
    assert_eq!(fee["payment_due"], "2026-01-12");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (10, 2, 0));
    // Each region's akimat reads its own decision in the audit trail.
    let trail = app
        .get("/v1/audit-events?entity_type=permit&action=permit.approved")
        .token(&app.akimat("KZ-47"))
        .send()
        .await;
    let items = trail.ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["legal_basis"], "Art. 33(2), 9(5)");

    // December payment at the 2025 MRP: 202 × 3,932 × 2 = 1,588,528.
    let r = pay(&app, &id, "KZ-23", "1000000.00", "2025-12-26", "en").await;
    app.set_today("2025-12-26T04:00:00Z");
    let r2 = pay(&app, &id, "KZ-23", "1000000.00", "2025-12-26", "en").await;
    assert_eq!(r.status, 422, "{}", r.body); // paid_on after today on the 24th
    let v = &r2.problem(422, "fee-underpaid")["violations"][0];
    assert_eq!(v["article"], "Art. 33(4)");
    // The amount due as a typed member (RFC 9457 §3.2), not only inside the message.
    assert_eq!(v["fee_due"], "1588528.00");
    assert_eq!(
        (&v["quota_left"], &v["limit"]),
        (&json!(null), &json!(null))
    );
    assert_eq!(
        v["message"],
        "1,000,000.00 ₸ were paid to Atyrau Region; the fee due is 1,588,528.00 ₸ at the MRP of 3,932.00 ₸ on the payment date"
    );
    for (lang, text) in [
        ("ru", "в местный бюджет (Атырауская область) уплачено 1\u{a0}000\u{a0}000,00\u{a0}₸; сбор составляет 1\u{a0}588\u{a0}528,00\u{a0}₸ по МРП 3\u{a0}932,00\u{a0}₸ на дату оплаты"),
        ("kk", "өңір бюджетіне (Атырау облысы) 1\u{a0}000\u{a0}000,00\u{a0}₸ төленді; төлем күнгі АЕК (3\u{a0}932,00\u{a0}₸) бойынша алым 1\u{a0}588\u{a0}528,00\u{a0}₸"),
    ] {
        let r = pay(&app, &id, "KZ-23", "1000000.00", "2025-12-26", lang).await;
        let v = &r.problem(422, "fee-underpaid")["violations"][0];
        assert_eq!((v["message"].as_str(), v["article"].as_str()), (Some(text), Some("Art. 33(4)")));
    }
    let p = pay(&app, &id, "KZ-23", "1588528.00", "2025-12-26", "en")
        .await
        .ok(201)
        .clone();
    assert_eq!(p["status"], "awaiting_payment");
    assert_eq!(region(&p, "KZ-23")["fee"]["mrp_paid"], "3932.00");

    // January payment at the 2026 MRP: 202 × 4,325 × 2 = 1,747,300; the old amount is short.
    app.set_today("2026-01-05T04:00:00Z");
    let r = pay(&app, &id, "KZ-47", "1588528.00", "2026-01-05", "en").await;
    assert!(r.problem(422, "fee-underpaid")["violations"][0]["message"]
        .as_str()
        .unwrap()
        .contains("the fee due is 1,747,300.00 ₸ at the MRP of 4,325.00 ₸"));
    let p = pay(&app, &id, "KZ-47", "1747300.00", "2026-01-05", "en")
        .await
        .ok(201)
        .clone();
    assert_eq!(p["status"], "active");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (10, 0, 2));
    assert_eq!(region_units(&app, "KZ-47", "3").await, (10, 0, 2));

    // A business trip outside the permit's regions (Art. 33(3)).
    app.set_today("2026-02-01T04:00:00Z");
    let worker_id = p["workers"][0]["id"].clone();
    let trip = |host: &str, from: &str, to: &str| json!({"worker_id": worker_id, "host_region": host, "host_organisation": "Karaganda Steel JSC", "start_date": from, "end_date": to});
    let r = app
        .post(&format!("/v1/permits/{id}/trips"))
        .token(&app.employer(BIN_A))
        .json(&trip("KZ-35", "2026-02-10", "2026-03-11"))
        .await;
    assert_eq!(r.ok(201)["host_region"], "KZ-35");
    let r = app
        .post(&format!("/v1/permits/{id}/trips"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "kk")
        .json(&trip("KZ-23", "2026-04-01", "2026-04-05"))
        .await;
    assert_eq!(
        r.problem(422, "trip-region-in-permit")["violations"][0]["article"],
        "Art. 33(3)"
    );
    // A trip that ends before it starts is refused as such, naming its end, not as one
    // outside the permit's validity (both days lie within it).
    let r = app
        .post(&format!("/v1/permits/{id}/trips"))
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "ru")
        .json(&trip("KZ-35", "2026-05-20", "2026-05-10"))
        .await;
    let v = &r.problem(422, "trip-ends-before-start")["violations"][0];
    assert_eq!(
        (v["pointer"].as_str(), v["article"].as_str()),
        (Some("/end_date"), None)
    );
    assert!(v["message"].as_str().unwrap().contains("10.05.2026"), "{v}");

    // An extension: its own case, filed in the window 60 to 30 days before the end.
    app.set_today("2026-11-20T04:00:00Z");
    let r = app
        .post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await;
    let ext = r.ok(201).clone();
    assert_eq!(
        (
            ext["kind"].as_str(),
            ext["parent_id"].clone(),
            ext["quota_year"].as_i64()
        ),
        (Some("extension"), id.clone(), Some(2027))
    );
    assert_eq!(ext["start_date"], "2027-01-15");
    assert_eq!(ext["workers"].as_array().unwrap().len(), 2);
    app.post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await
        .problem(409, "extension-exists");

    // Suspension and resumption by a named region's akimat.
    let r = app
        .post(&format!("/v1/permits/{id}/suspension"))
        .token(&app.akimat("KZ-47"))
        .json(&json!({"reason": "inspection of the Kazakh share"}))
        .await;
    assert_eq!(r.ok(200)["status"], "suspended");
    app.post(&format!("/v1/permits/{id}/trips"))
        .token(&app.employer(BIN_A))
        .json(&trip("KZ-35", "2026-12-01", "2026-12-02"))
        .await
        .problem(409, "illegal-transition");
    let r = app
        .post(&format!("/v1/permits/{id}/resumption"))
        .token(&app.akimat("KZ-47"))
        .send()
        .await;
    assert_eq!(r.ok(200)["status"], "active");

    // Revocation: the quota comes back.
    let r = app
        .post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .header("Accept-Language", "ru")
        .json(&json!({"ground": "kazakh-share-breached", "note": "share fell to 85 %"}))
        .await;
    let p = r.ok(200).clone();
    assert_eq!(p["status"], "revoked");
    assert_eq!(p["end_ground"]["article"], "Art. 33(6)");
    assert_eq!(
        p["end_ground"]["name"],
        "Нарушено соотношение казахстанских кадров"
    );
    assert_eq!(region_units(&app, "KZ-23", "3").await, (10, 0, 0));
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "kazakh-share-breached"}))
        .await
        .problem(409, "illegal-transition");
    // Every named region's akimat reads the suspension and the revocation in its trail,
    // though only one of them made each.
    for region in ["KZ-23", "KZ-47"] {
        for action in ["permit.suspended", "permit.resumed", "permit.revoked"] {
            let trail = app
                .get(&format!(
                    "/v1/audit-events?entity_type=permit&action={action}"
                ))
                .token(&app.akimat(region))
                .send()
                .await;
            let items = trail.ok(200)["items"].as_array().unwrap().clone();
            assert_eq!(items.len(), 1, "{region} {action}");
            assert_eq!(items[0]["entity_id"], id.to_string(), "{region} {action}");
        }
    }

    // Departures (Art. 28(2)(8)): owed by both permitted workers, recorded by the employer.
    let overdue = app
        .get("/v1/departures/overdue")
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    assert_eq!(overdue.ok(200)["items"].as_array().unwrap().len(), 2);
    let r = app
        .post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": worker_id, "date": "2026-11-20", "evidence": "Almaty airport"}))
        .await;
    assert_eq!(r.ok(200)["workers"][0]["departed_on"], "2026-11-20");
    let overdue = app
        .get("/v1/departures/overdue")
        .token(&app.akimat("KZ-47"))
        .send()
        .await;
    assert_eq!(overdue.ok(200)["items"].as_array().unwrap().len(), 1);

    // The history tells the whole story, each step with its legal basis.
    let p = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.auditor())
        .send()
        .await
        .ok(200)
        .clone();
    let actions: Vec<&str> = p["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "permit.applied",
            "permit.approved",
            "permit.approved",
            "permit.fee_paid",
            "permit.fee_paid",
            "permit.issued",
            "permit.trip_reported",
            "permit.suspended",
            "permit.resumed",
            "permit.revoked",
            "permit.departure_recorded"
        ]
    );
    assert_eq!(
        p["history"][9]["legal_basis"],
        "Art. 9(5), 33(2); Art. 33(6)"
    );
}

#[actix_web::test]
async fn one_refusal_refuses_a_multi_region_permit_and_gives_back_the_quota() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5), ("KZ-47", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23", "KZ-47"],
            vec![worker("KAYA MEHMET", "TUR", "U1000000")],
        ))
        .await
        .ok(201)
        .clone();
    let id = p["id"].clone();
    decide(&app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200);
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 0));
    let r = decide(
        &app,
        &id,
        "KZ-47",
        json!({"decision": "refuse", "grounds": ["no-such-ground"]}),
    )
    .await;
    r.problem(422, "unknown-ground");
    let r = decide(&app, &id, "KZ-47", json!({"decision": "refuse"})).await;
    r.problem(422, "grounds-required");
    let r = app
        .post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-47"))
        .header("Accept-Language", "kk")
        .json(&json!({"decision": "refuse", "grounds": ["qualification-unmet"]}))
        .await;
    let p = r.ok(200).clone();
    assert_eq!(p["status"], "refused");
    let g = &region(&p, "KZ-47")["grounds"][0];
    assert_eq!(g["article"], "Art. 33(7)");
    assert_eq!(
        g["name"],
        "Білімі немесе жұмыс тәжірибесі біліктілік талаптарына сәйкес келмейді"
    );
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
    // Nothing more happens to a refused permit.
    pay(&app, &id, "KZ-23", "1.00", "2025-12-15", "en")
        .await
        .problem(409, "illegal-transition");
    app.post(&format!("/v1/permits/{id}/withdrawal"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(409, "illegal-transition");
}

#[actix_web::test]
async fn an_unpaid_permit_lapses_on_read_and_its_quota_comes_back() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", "U1000000")],
        ))
        .await
        .ok(201)["id"]
        .clone();
    let p = decide(&app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200)
        .clone();
    assert_eq!(p["status"], "awaiting_payment");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 0));
    let due = p["regions"][0]["fee"]["payment_due"]
        .as_str()
        .unwrap()
        .to_owned();
    app.set_today(&format!("{due}T04:00:00Z"));
    assert_eq!(
        app.get(&format!("/v1/permits/{id}"))
            .token(&app.employer(BIN_A))
            .send()
            .await
            .ok(200)["status"],
        "awaiting_payment"
    );
    app.set_today("2026-01-20T04:00:00Z");
    let p = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(p["status"], "lapsed");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
    // Reading again changes nothing; paying is too late.
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200);
    pay(&app, &id, "KZ-23", "999999.00", "2026-01-20", "en")
        .await
        .problem(409, "illegal-transition");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
}

#[actix_web::test]
async fn art_33_3_trip_days_are_counted_per_calendar_year_up_to_90() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let mut body = application(&["KZ-23"], vec![worker("KAYA MEHMET", "TUR", "U1000000")]);
    body["start_date"] = json!("2026-01-15");
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&body)
        .await
        .ok(201)["id"]
        .clone();
    app.set_today("2025-12-24T04:00:00Z");
    let p = decide(&app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200)
        .clone();
    pay(&app, &id, "KZ-23", "1000000000.00", "2025-12-24", "en")
        .await
        .ok(201);
    let w = p["workers"][0]["id"].clone();
    let trip = |from: &str, to: &str| json!({"worker_id": w, "host_region": "KZ-35", "host_organisation": "Host LLP", "start_date": from, "end_date": to});
    let post = |body: Value| {
        app.post(&format!("/v1/permits/{id}/trips"))
            .token(&app.employer(BIN_A))
            .json_owned(body)
    };
    // Outside the validity (before 15 January 2026).
    post(trip("2026-01-10", "2026-01-20"))
        .await
        .problem(422, "trip-outside-validity");
    // 60 + 30 = exactly 90 days in 2026.
    post(trip("2026-02-01", "2026-04-01")).await.ok(201);
    post(trip("2026-05-01", "2026-05-30")).await.ok(201);
    // The 91st day is refused.
    let r = post(trip("2026-06-01", "2026-06-01")).await;
    let v = &r.problem(422, "trip-days-exceeded")["violations"][0];
    assert_eq!(v["limit"], json!({"value": "90", "unit": "days"}));
    assert_eq!(
        v["message"],
        "in 2026 the worker has 90 business-trip days; 1 more would exceed 90"
    );
    // Across New Year: counted in 2026 (already full) and 2027.
    post(trip("2026-12-30", "2027-01-02"))
        .await
        .problem(422, "trip-days-exceeded");
}

#[actix_web::test]
async fn art_2_3_an_application_of_eaeu_citizens_only_is_refused_with_the_article() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    for (lang, text) in [
        (
            "en",
            "IVANOV PETR is a citizen of Russian Federation, an EAEU member state, and needs no permit: refused for this worker, drawing no quota",
        ),
        (
            "ru",
            "IVANOV PETR (гражданство: Россия, государство — член ЕАЭС) не нуждается в разрешении: отказано по этому работнику, квота не расходуется",
        ),
        (
            "kk",
            "IVANOV PETR — ЕАЭО мүше мемлекеті Ресей азаматы, оған рұқсат қажет емес: бұл қызметкер бойынша бас тартылды, квота жұмсалмайды",
        ),
    ] {
        let r = app
            .post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .header("Accept-Language", lang)
            .json(&application(
                &["KZ-23"],
                vec![worker("IVANOV PETR", "RUS", "75 1000000")],
            ))
            .await;
        let v = &r.problem(422, "worker-needs-no-permit")["violations"][0];
        assert_eq!(
            (v["article"].as_str(), v["message"].as_str()),
            (Some("Art. 2(3)"), Some(text))
        );
    }
    // Category 3 permits run 12 months: 24 is refused (Art. 7(20)).
    let mut body = application(&["KZ-23"], vec![worker("KAYA MEHMET", "TUR", "U1000000")]);
    body["term"] = json!({"unit": "months", "length": 24});
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&body)
        .await;
    assert_eq!(
        r.problem(422, "term-allowed")["violations"][0]["article"],
        "Art. 7(20)"
    );
    // Without a profile the share cannot be judged: filed, but an approval is refused.
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", "U1000000")],
        ))
        .await
        .ok(201)["id"]
        .clone();
    let r = decide(&app, &id, "KZ-23", json!({"decision": "approve"})).await;
    r.problem(422, "employer-profile-required");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
}

#[actix_web::test]
async fn two_hundred_concurrent_approvals_against_fifty_units_approve_exactly_fifty() {
    let _turn = heavy().await;
    // The 200 requests queue for 8 connections: on a loaded 2-core machine the last ones
    // wait longer than the tests' usual 2 s; this test proves the count, not the latency.
    let app = spawn_app_with(|s| s.database.connect_timeout_seconds = 60).await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 50)]).await;
    app.put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Big Builder LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "F", "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": 100000, "foreign": 0}]
        }))
        .await
        .ok(201);
    let mut ids = Vec::new();
    for i in 0..200 {
        let body = application(
            &["KZ-23"],
            vec![worker(
                &format!("WORKER {}", letters(i)),
                "TUR",
                &format!("P{i:07}"),
            )],
        );
        let r = app
            .post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .json(&body)
            .await;
        ids.push(r.ok(201)["id"].clone());
    }
    let token = app.akimat("KZ-23");
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            let req = app
                .post(&format!("/v1/permits/{id}/decisions"))
                .token(&token);
            actix_web::rt::spawn(
                async move { req.json_owned(json!({"decision": "approve"})).await },
            )
        })
        .collect();
    let mut approved = 0;
    let mut refused = 0;
    for h in handles {
        let r = h.await.unwrap();
        match r.status {
            200 => approved += 1,
            422 => {
                let code = r.body["violations"][0]["code"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                assert!(
                    ["quota-available", "quota-exhausted"].contains(&code.as_str()),
                    "{}",
                    r.body
                );
                refused += 1;
            }
            other => panic!("unexpected {other}: {}", r.body),
        }
    }
    assert_eq!((approved, refused), (50, 150));
    assert_eq!(region_units(&app, "KZ-23", "3").await, (50, 50, 0));
    // A refused approval had written its hold, its permit's rows and its audit event before
    // taking the units; the rollback leaves none of them, and the counters moved only for
    // the fifty.
    use diesel::prelude::*;
    use permits::db::schema::{audit_events, permits as permit_rows, quota_holds};
    let mut conn = app.pool.get().unwrap();
    let count_status = |conn: &mut permits::db::Conn, s: &str| -> i64 {
        permit_rows::table
            .filter(permit_rows::status.eq(s))
            .count()
            .get_result(conn)
            .unwrap()
    };
    assert_eq!(
        (
            count_status(&mut conn, "awaiting_payment"),
            count_status(&mut conn, "applied")
        ),
        (50, 150)
    );
    let approvals: i64 = audit_events::table
        .filter(audit_events::action.eq("permit.approved"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    let holds: i64 = quota_holds::table.count().get_result(&mut conn).unwrap();
    assert_eq!((approvals, holds), (50, 50));
    assert_eq!(
        permits::db::statistics::counters(&mut conn).unwrap(),
        permits::db::statistics::recount(&mut conn).unwrap(),
        "the counters equal a recount"
    );
}

/// A branch of a foreign legal entity (6th digit of the BIN: 1), registered in March 2021.
const BRANCH: &str = "210341000019";

#[actix_web::test]
async fn art_33_6_a_small_foreign_branch_is_exempt_and_only_a_branch_may_say_it_is_one() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-75", "1", 5)]).await;
    let body = |foreign_division: bool| {
        json!({"as_of": "2025-12-01", "name": "Anatolia Engineering Almaty Branch", "legal_form": "branch",
            "foreign_division": foreign_division, "sector": "M", "region": "KZ-75",
            "workforce": [{"category": "1", "kazakh": 2, "foreign": 3}]})
    };
    // A head office cannot be a division of a foreign legal entity.
    let r = app
        .put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(&body(true))
        .await;
    assert_eq!(
        r.problem(422, "foreign-division-mismatch")["violations"][0]["article"],
        "Art. 33(6)"
    );
    let r = app
        .put(&format!("/v1/employers/{BRANCH}"))
        .token(&app.employer(BRANCH))
        .json(&body(true))
        .await;
    let v = r.ok(201).clone();
    assert_eq!(
        (v["fee_group"].as_i64(), r.header("etag")),
        (Some(1), Some("\"1\""))
    );
    // Writing the same date again replaces it (200) and keeps the history by date.
    let mut later = body(true);
    later["as_of"] = json!("2025-12-10");
    app.put(&format!("/v1/employers/{BRANCH}"))
        .token(&app.employer(BRANCH))
        .json(&later)
        .await
        .ok(201);
    app.put(&format!("/v1/employers/{BRANCH}"))
        .token(&app.employer(BRANCH))
        .header("If-Match", "\"1\"")
        .json(&later)
        .await
        .ok(200);
    let e = app
        .get(&format!("/v1/employers/{BRANCH}"))
        .token(&app.akimat("KZ-71"))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(e["kind"], "branch");
    assert_eq!(e["history"].as_array().unwrap().len(), 2);
    assert_eq!(e["current"]["as_of"], "2025-12-10");
    app.get(&format!("/v1/employers/{BRANCH}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(404, "not-found");

    // 5 employees with 3 foreign heads: far below 70 %, but exempt as a branch of at most 10.
    let mut a = application(&["KZ-75"], vec![worker("YILMAZ AYSE", "TUR", "U9000000")]);
    a["category"] = json!("1");
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BRANCH))
        .json(&a)
        .await
        .ok(201)
        .clone();
    assert_eq!(check(&p, "kazakh-share-exempt")["outcome"], "pass");
    // The same workforce in a head office fails the share, and an approval is refused.
    app.put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(&body(false))
        .await
        .ok(201);
    let mut a = application(&["KZ-75"], vec![worker("KAYA MEHMET", "TUR", "U1000000")]);
    a["category"] = json!("1");
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&a)
        .await
        .ok(201)
        .clone();
    let share = check(&p, "kazakh-share");
    assert_eq!(
        (
            share["outcome"].as_str(),
            share["figures"]["foreign"].as_i64()
        ),
        (Some("fail"), Some(4))
    );
    let r = app
        .post(&format!("/v1/permits/{}/decisions", p["id"]))
        .token(&app.akimat("KZ-75"))
        .header("Accept-Language", "ru")
        .json(&json!({"decision": "approve"}))
        .await;
    let v = &r.problem(422, "kazakh-share")["violations"][0];
    assert_eq!(v["article"], "Art. 33(6)");
    assert_eq!(
        v["message"],
        "категории 1+2: 2 казахстанских работника против 4 иностранных с этим разрешением, из них 0 — по другим действующим разрешениям работодателя и разрешениям на внутрикорпоративный перевод; казахстанских должно быть не менее 70 %"
    );
}

/// Files, approves and pays a one-worker category-3 permit of BIN_A in KZ-23; its id.
/// BIN_A's one-worker application for KZ-23, approved (awaiting payment): its id.
pub async fn approved_permit(app: &TestApp, passport: &str) -> Value {
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", passport)],
        ))
        .await
        .ok(201)["id"]
        .clone();
    decide(app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200);
    id
}

pub async fn active_permit(app: &TestApp, passport: &str) -> Value {
    let id = approved_permit(app, passport).await;
    pay(app, &id, "KZ-23", "100000000.00", "2025-12-15", "en")
        .await
        .ok(201);
    id
}

#[actix_web::test]
async fn art_33_2_a_revocation_for_unlawful_engagement_bars_the_employer_for_12_months() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    // The same worker on a second application: already on a live permit (Art. 33(3)).
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", "U1000000")],
        ))
        .await
        .ok(201)
        .clone();
    let c = check(&p, "worker-on-live-permit");
    assert_eq!(
        (c["outcome"].as_str(), c["figures"]["permit"].clone()),
        (Some("fail"), id.clone())
    );
    app.post(&format!("/v1/permits/{}/withdrawal", p["id"]))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200);

    app.set_today("2026-03-10T04:00:00Z");
    let r = app
        .post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": "unlawful-engagement"}))
        .await;
    assert_eq!(r.ok(200)["end_ground"]["article"], "Art. 33(3)");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
    let mut a = application(&["KZ-23"], vec![worker("DEMIR ALI", "TUR", "U2000000")]);
    a["start_date"] = json!("2026-04-01");
    a["vacancy_published_on"] = json!("2026-02-01");
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "kk")
        .json(&a)
        .await
        .ok(201)
        .clone();
    let c = check(&p, "employer-barred");
    assert_eq!(
        (c["outcome"].as_str(), c["figures"]["until"].as_str()),
        (Some("fail"), Some("2027-03-10"))
    );
    assert_eq!(
        c["message"],
        "шетелдік жұмыс күшін заңсыз тартқаны үшін рұқсаттың кері қайтарылуы жұмыс берушіге 10.03.2027 дейін жаңа рұқсат бермейді"
    );
    decide(&app, &p["id"], "KZ-23", json!({"decision": "approve"}))
        .await
        .problem(422, "employer-barred");
}

#[actix_web::test]
async fn withdrawal_and_return_give_the_quota_back_and_illegal_moves_change_nothing() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 1));
    let before = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    for (path, token) in [
        ("withdrawal", app.employer(BIN_A)),
        ("resumption", app.akimat("KZ-23")),
    ] {
        app.post(&format!("/v1/permits/{id}/{path}"))
            .token(&token)
            .send()
            .await
            .problem(409, "illegal-transition");
    }
    app.post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": before["workers"][0]["id"], "date": "2026-01-01", "evidence": "x"}))
        .await
        .problem(409, "illegal-transition");
    let after = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(before["version"], after["version"]);
    // A stale If-Match is refused.
    app.post(&format!("/v1/permits/{id}/return"))
        .token(&app.employer(BIN_A))
        .header("If-Match", "\"1\"")
        .json(&json!({"reason": "project ended"}))
        .await
        .problem(412, "stale-version");
    let r = app
        .post(&format!("/v1/permits/{id}/return"))
        .token(&app.employer(BIN_A))
        .json(&json!({"reason": "project ended"}))
        .await;
    assert_eq!(r.ok(200)["status"], "returned");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 0));
    // No provision of the law governs an employer returning its permit: the trail says
    // it is the service's own rule, in the history and the audit trail alike.
    assert_eq!(
        r.ok(200)["history"].as_array().unwrap().last().unwrap()["legal_basis"],
        serde_json::Value::Null
    );
    let returned = app
        .get("/v1/audit-events?action=permit.returned")
        .token(&app.auditor())
        .send()
        .await;
    assert_eq!(
        returned.ok(200)["items"][0]["legal_basis"],
        serde_json::Value::Null
    );
    // A category-4 permit cannot be extended (Art. 7(20)).
    let mut a = application(&["KZ-23"], vec![worker("DEMIR ALI", "TUR", "U2000000")]);
    a["category"] = json!("4");
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&a)
        .await;
    assert_eq!(
        r.problem(422, "replacement-commitment")["violations"][0]["article"],
        "Art. 33(2)"
    );
}

#[actix_web::test]
async fn an_extension_is_decided_like_an_application_on_the_quota_of_the_year_it_starts() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    // Too early: the window opens 60 days before the end (14 January 2027).
    app.set_today("2026-10-01T04:00:00Z");
    let ext = json!({"term": {"unit": "months", "length": 12}});
    let r = app
        .post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&ext)
        .await;
    assert_eq!(
        r.problem(422, "extension-window")["violations"][0]["message"],
        "an extension of a permit ending on 2027-01-14 is applied for from 2026-11-15 to 2026-12-15; today is 2026-10-01"
    );
    app.set_today("2026-12-01T04:00:00Z");
    let e = app
        .post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "ext-1")
        .json(&ext)
        .await
        .ok(201)
        .clone();
    // 3 working days to decide an extension.
    assert_eq!(e["decision_due"], "2026-12-04");
    // No 2027 quota yet: the extension's own check fails and its approval is refused.
    assert_eq!(check(&e, "quota-available")["outcome"], "fail");
    let refused = decide(&app, &e["id"], "KZ-23", json!({"decision": "approve"})).await;
    let v = &refused.problem(422, "quota-available")["violations"][0];
    // What is left, as a typed member: nothing of 2027's quota.
    assert_eq!(v["quota_left"], 0);
    assert_eq!(v["fee_due"], json!(null));
    quota_2027(&app, 3).await;
    let p = decide(&app, &e["id"], "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200)
        .clone();
    assert_eq!(p["status"], "awaiting_payment");
    // A new fee: 202 MRP × 4,325 × 1 worker.
    let r = pay(&app, &e["id"], "KZ-23", "873649.99", "2026-12-01", "en").await;
    r.problem(422, "fee-underpaid");
    let p = pay(&app, &e["id"], "KZ-23", "873650.00", "2026-12-01", "en")
        .await
        .ok(201)
        .clone();
    assert_eq!(
        (p["status"].as_str(), p["start_date"].as_str()),
        (Some("active"), Some("2027-01-15"))
    );
    let y27 = app
        .get("/v1/quotas/2027/regions/KZ-23")
        .token(&app.ministry())
        .send()
        .await;
    let c = y27.ok(200)["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "3")
        .unwrap()
        .clone();
    assert_eq!(
        (c["allocated"].as_i64(), c["used"].as_i64()),
        (Some(3), Some(1))
    );
    // The original stays active to its end and then reads as expired.
    app.set_today("2027-01-20T04:00:00Z");
    let p = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    assert_eq!(p.ok(200)["status"], "expired");
}

#[actix_web::test]
async fn quota_invariants_hold_after_a_random_sequence_of_permit_moves() {
    use crate::invariants::{check_invariants, Rng};
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 30), ("KZ-47", "3", 20)]).await;
    app.put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(
            &json!({"as_of": "2025-11-01", "name": "Big LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "F", "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": 100000, "foreign": 0}]}),
        )
        .await
        .ok(201);
    let mut conn = app.pool.get().unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut ids: Vec<Value> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut actives: Vec<Value> = Vec::new();
    let region_sets: [&[&str]; 3] = [&["KZ-23"], &["KZ-47"], &["KZ-23", "KZ-47"]];
    for step in 0..200 {
        let op = if ids.is_empty() { 0 } else { rng.below(9) };
        let id = if ids.is_empty() {
            Value::Null
        } else {
            ids[rng.below(ids.len() as u64) as usize].clone()
        };
        let region = ["KZ-23", "KZ-47"][rng.below(2) as usize];
        // Revocations and returns go mostly to permits seen active, so both happen.
        let id = match (op, actives.is_empty()) {
            (6 | 8, false) => actives[rng.below(actives.len() as u64) as usize].clone(),
            _ => id,
        };
        let r = match op {
            0 | 1 => {
                let workers = (0..1 + rng.below(2))
                    .map(|w| {
                        worker(
                            &format!("W {} {}", letters(step), letters(w)),
                            "TUR",
                            &format!("P{step:05}{w:02}"),
                        )
                    })
                    .collect();
                let regions = region_sets[rng.below(3) as usize];
                let r = app
                    .post("/v1/permit-applications")
                    .token(&app.employer(BIN_A))
                    .json(&application(regions, workers))
                    .await;
                ids.push(r.ok(201)["id"].clone());
                r
            }
            2 | 3 => decide(&app, &id, region, json!({"decision": "approve"})).await,
            4 => {
                decide(
                    &app,
                    &id,
                    region,
                    json!({"decision": "refuse", "grounds": ["unreliable-documents"]}),
                )
                .await
            }
            5 => {
                let p = app
                    .get(&format!("/v1/permits/{id}"))
                    .token(&app.employer(BIN_A))
                    .send()
                    .await;
                let p = p.ok(200).clone();
                let mut last = p.clone();
                for r in p["regions"].as_array().unwrap() {
                    if let Some(due) = r["fee"]["due_today"]
                        .as_str()
                        .filter(|_| r["fee"]["paid"].is_null())
                    {
                        let resp = pay(
                            &app,
                            &id,
                            r["region"].as_str().unwrap(),
                            due,
                            "2025-12-15",
                            "en",
                        )
                        .await;
                        assert!(resp.status < 500, "{}", resp.body);
                        last = resp.body.clone();
                    }
                }
                Resp {
                    status: 200,
                    headers: Default::default(),
                    body: last,
                }
            }
            6 => {
                app.post(&format!("/v1/permits/{id}/revocation"))
                    .token(&app.akimat(region))
                    .json(&json!({"ground": "employer-liquidated"}))
                    .await
            }
            _ => {
                let path = if op == 7 { "withdrawal" } else { "return" };
                let req = app
                    .post(&format!("/v1/permits/{id}/{path}"))
                    .token(&app.employer(BIN_A));
                if path == "return" {
                    req.json(&json!({})).await
                } else {
                    req.send().await
                }
            }
        };
        assert!(r.status < 500, "step {step}: {}", r.body);
        if let Some(s) = r.body["status"].as_str().filter(|_| r.status == 200) {
            seen.insert(s.to_owned());
            match s {
                "active" => actives.push(r.body["id"].clone()),
                "revoked" | "returned" => actives.retain(|a| *a != r.body["id"]),
                _ => {}
            }
        }
        check_invariants(&mut conn, step);
    }
    // Past every due date: reading lapses the unpaid ones and gives their quota back.
    app.set_today("2026-03-01T04:00:00Z");
    let mut expected: std::collections::BTreeMap<&str, (i64, i64)> = Default::default();
    for id in &ids {
        let p = app
            .get(&format!("/v1/permits/{id}"))
            .token(&app.employer(BIN_A))
            .send()
            .await;
        let p = p.ok(200).clone();
        seen.insert(p["status"].as_str().unwrap().to_owned());
        let units = p["workers"].as_array().unwrap().len() as i64;
        for r in p["regions"].as_array().unwrap() {
            let e = expected
                .entry(if r["region"] == "KZ-23" {
                    "KZ-23"
                } else {
                    "KZ-47"
                })
                .or_default();
            match (
                p["status"].as_str().unwrap(),
                r["decision"].as_str().unwrap(),
            ) {
                ("applied" | "awaiting_payment", "approved") => e.0 += units,
                ("active" | "suspended" | "expired", _) => e.1 += units,
                _ => {}
            }
        }
    }
    check_invariants(&mut conn, 1000);
    // The sequence reached every state a permit can come to.
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
    for region in ["KZ-23", "KZ-47"] {
        let (allocated, held, used) = region_units(&app, region, "3").await;
        let e = expected.get(region).copied().unwrap_or_default();
        assert_eq!((held, used), e, "{region}: the permits explain the figures");
        assert!(held + used <= allocated);
    }
}

#[actix_web::test]
async fn art_33_2_an_unreported_category_4_replacement_refuses_new_permits_until_reported() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5), ("KZ-23", "4", 5)]).await;
    profile(&app, BIN_A).await;
    let mut a = application(
        &["KZ-23"],
        vec![
            worker("KAYA MEHMET", "TUR", "Q1000000"),
            worker("DEMIR ALI", "TUR", "Q2000000"),
        ],
    );
    a["category"] = json!("4");
    a["profession"] = json!("Welder");
    a["replacement_months"] = json!(6);
    let id = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&a)
        .await
        .ok(201)["id"]
        .clone();
    decide(&app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200);
    // Not issued yet: nothing to report.
    let report = |n: usize, hired_on: &str| {
        let citizens: Vec<Value> = (0..n)
            .map(|i| json!({"iin": format!("85041230012{i}"), "full_name": "Abenov Nurlan", "hired_on": hired_on}))
            .collect();
        json!({ "citizens": citizens })
    };
    app.post(&format!("/v1/permits/{id}/replacement-report"))
        .token(&app.employer(BIN_A))
        .json(&report(2, "2025-12-01"))
        .await
        .problem(409, "illegal-transition");
    pay(&app, &id, "KZ-23", "100000000.00", "2025-12-15", "en")
        .await
        .ok(201);

    // Started 15 January with 6 months to replace: due 15 July. On 20 July, unreported.
    app.set_today("2026-07-20T04:00:00Z");
    let mut b = application(&["KZ-23"], vec![worker("YILMAZ CAN", "TUR", "Q3000000")]);
    b["start_date"] = json!("2026-08-01");
    b["vacancy_published_on"] = json!("2026-06-01");
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "ru")
        .json(&b)
        .await
        .ok(201)
        .clone();
    let c = check(&p, "replacement-obligation-met");
    assert_eq!(
        (
            c["outcome"].as_str(),
            c["article"].as_str(),
            c["figures"]["count"].as_i64(),
            c["figures"]["permits"].clone()
        ),
        (
            Some("fail"),
            Some("Art. 33(2)"),
            Some(1),
            json!(id.to_string())
        )
    );
    assert!(c["message"]
        .as_str()
        .unwrap()
        .starts_with("прежние разрешения 4-й категории"));
    let new_id = p["id"].clone();
    decide(&app, &new_id, "KZ-23", json!({"decision": "approve"}))
        .await
        .problem(422, "replacement-obligation-met");

    // The report names at least as many citizens as there were foreigners, hired by today.
    app.post(&format!("/v1/permits/{id}/replacement-report"))
        .token(&app.employer(BIN_A))
        .json(&json!({"citizens": []}))
        .await
        .problem(422, "invalid-fields");
    app.post(&format!("/v1/permits/{id}/replacement-report"))
        .token(&app.employer(BIN_A))
        .json(&report(1, "2026-07-01"))
        .await
        .problem(422, "replacement-report-short");
    app.post(&format!("/v1/permits/{id}/replacement-report"))
        .token(&app.employer(BIN_B))
        .json(&report(2, "2026-07-01"))
        .await
        .problem(404, "not-found");
    app.post(&format!("/v1/permits/{new_id}/replacement-report"))
        .token(&app.employer(BIN_A))
        .json(&report(2, "2026-07-01"))
        .await
        .problem(409, "illegal-transition");
    let before = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let version = before.ok(200)["version"].as_i64().unwrap();
    let r = app
        .post(&format!("/v1/permits/{id}/replacement-report"))
        .token(&app.employer(BIN_A))
        .json(&report(2, "2026-07-01"))
        .await;
    assert_eq!(
        r.ok(200)["replacement"],
        json!({"reported_on": "2026-07-20", "hired": 2})
    );
    // What the permit shows changed, and so did its version (its ETag).
    assert_eq!(r.body["version"].as_i64(), Some(version + 1));
    assert_eq!(
        r.header("etag"),
        Some(format!("\"{}\"", version + 1).as_str())
    );
    app.post(&format!("/v1/permits/{id}/replacement-report"))
        .token(&app.employer(BIN_A))
        .json(&report(2, "2026-07-01"))
        .await
        .problem(409, "replacement-reported");
    // Reported: the decision re-runs the check and approves.
    let d = decide(&app, &new_id, "KZ-23", json!({"decision": "approve"})).await;
    assert_eq!(
        check(d.ok(200), "replacement-obligation-met")["outcome"],
        "pass"
    );
}

#[actix_web::test]
async fn art_32_4_2_citizens_of_a_treaty_country_are_not_mixed_with_others_on_one_permit() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "kk")
        .json(&application(
            &["KZ-23"],
            vec![
                worker("KARIMOV AZIZ", "UZB", "M1000000"),
                worker("KAYA MEHMET", "TUR", "M2000000"),
            ],
        ))
        .await;
    let v = &r.problem(422, "country-quota-mixed")["violations"][0];
    // One hold per country is the service's design, not a rule of Art. 32(4)(2).
    assert_eq!(v["article"], serde_json::Value::Null);
    assert_eq!(
        v["message"],
        "Өзбекстан азаматтары өз елінің квотасын пайдаланады, сондықтан оларға 2 азаматтықтағы қызметкерлермен бірге емес, жеке рұқсат сұралады"
    );
    // Alone, the Uzbek citizens draw on their country quota (2 units in 2026).
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![
                worker("KARIMOV AZIZ", "UZB", "M1000000"),
                worker("TOSHEV BOBUR", "UZB", "M3000000"),
            ],
        ))
        .await
        .ok(201)
        .clone();
    assert_eq!(check(&p, "country-quota-available")["outcome"], "pass");
    assert_eq!(check(&p, "country-quota-mixed")["outcome"], "pass");
    decide(&app, &p["id"], "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200);
}

#[actix_web::test]
async fn order_279_a_permit_is_reissued_for_another_foreigner_without_new_quota() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = active_permit(&app, "U1000000").await;
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 1));
    let permit = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    let leaving = permit["workers"][0]["id"].clone();
    let path = format!("/v1/permits/{id}/reissues");
    let body = |newcomer: Value| json!({"worker_id": leaving, "newcomer": newcomer});

    // Refusals change nothing: another occupation, an EAEU citizen (in Kazakh).
    let mut welder = worker("ARSLAN EMRE", "TUR", "U7000000");
    welder["occupation_code"] = json!("7212");
    let r = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .json(&body(welder))
        .await;
    let v = &r.problem(422, "reissue-occupation-differs")["violations"][0];
    assert_eq!(
        (v["code"].as_str(), v["article"].as_str()),
        (Some("reissue-occupation-differs"), Some("Art. 7(20)"))
    );
    let r = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .header("Accept-Language", "kk")
        .json(&body(worker("IVANOV PETR", "RUS", "R1000000")))
        .await;
    let v = &r.problem(422, "reissue-needs-no-permit")["violations"][0];
    assert_eq!(v["article"], "Art. 2(3)");
    assert!(v["message"].as_str().unwrap().contains("ЕАЭО"), "{v}");
    // Another employer cannot see the permit to re-issue it, and cannot tell it from one
    // that does not exist.
    let others = app
        .post(&path)
        .token(&app.employer(BIN_B))
        .json(&body(worker("DEMIR ALI", "TUR", "U8000000")))
        .await;
    let missing = app
        .post("/v1/permits/999999/reissues")
        .token(&app.employer(BIN_B))
        .json(&body(worker("DEMIR ALI", "TUR", "U8000000")))
        .await;
    assert_eq!(
        others.problem(404, "not-found"),
        missing.problem(404, "not-found")
    );
    // The worker leaving cannot come back as the newcomer.
    let r = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .json(&body(worker("KAYA MEHMET", "TUR", "U1000000")))
        .await;
    assert_eq!(
        r.problem(422, "worker-on-live-permit")["violations"][0]["article"],
        "Art. 33(3)"
    );

    // The re-issue on the permit's first day (a worker replaced before it never came on
    // it): same unit of quota, no new hold, the newcomer in the worker's place.
    app.set_today("2026-01-15T04:00:00Z");
    let r = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "reissue-1")
        .json(&body(worker("DEMIR ALI", "TUR", "U8000000")))
        .await;
    let after = r.ok(201).clone();
    assert_eq!(after["status"], "active");
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 0, 1));
    let workers = after["workers"].as_array().unwrap();
    assert_eq!(workers.len(), 2);
    assert_eq!(workers[0]["replaced_on"], "2026-01-15");
    assert_eq!(workers[1]["replaces_worker_id"], leaving);
    assert_eq!(workers[1]["passport_number"], "U8000000");
    // A replay answers the first response and creates nothing.
    let replay = app
        .post(&path)
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "reissue-1")
        .json(&body(worker("DEMIR ALI", "TUR", "U8000000")))
        .await;
    assert_eq!(replay.ok(201)["workers"], after["workers"]);
    // The worker replaced cannot be replaced again, nor sent on a business trip...
    app.post(&path)
        .token(&app.employer(BIN_A))
        .json(&body(worker("SAHIN CAN", "TUR", "U9000000")))
        .await
        .problem(404, "not-found");
    app.post(&format!("/v1/permits/{id}/trips"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "host_region": "KZ-35", "host_organisation": "x", "start_date": "2026-02-01", "end_date": "2026-02-03"}))
        .await
        .problem(404, "not-found");
    // ...but owes a departure at once (Art. 28(2)(8)), and may be named on another permit.
    let overdue = app
        .get("/v1/departures/overdue")
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200)
        .clone();
    let owed: Vec<&Value> = overdue["items"].as_array().unwrap().iter().collect();
    assert_eq!(owed.len(), 1, "{overdue}");
    assert_eq!(owed[0]["worker_id"], leaving);
    app.post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "date": "2026-01-16", "evidence": "Khorgos"}))
        .await
        .problem(422, "departure-date-future");
    app.post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "date": "2026-01-15", "evidence": "   "}))
        .await
        .problem(422, "invalid-fields");
    app.post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "date": "2026-01-15", "evidence": "Khorgos"}))
        .await
        .ok(200);
    let later = |w: Value| {
        let mut a = application(&["KZ-23"], vec![w]);
        a["start_date"] = json!("2026-02-02");
        a
    };
    let other = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&later(worker("KAYA MEHMET", "TUR", "U1000000")))
        .await;
    assert_eq!(
        check(other.ok(201), "worker-on-live-permit")["outcome"],
        "pass"
    );
    // The newcomer, on the live permit, may not be named again.
    let again = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&later(worker("DEMIR ALI", "TUR", "U8000000")))
        .await;
    assert_eq!(
        check(again.ok(201), "worker-on-live-permit")["outcome"],
        "fail"
    );
}

#[actix_web::test]
async fn art_32_2_an_astana_hub_participants_specialist_with_higher_education_needs_no_permit() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    // A date beyond the years any case reaches is a field error, never a 500.
    let mut far = application(&["KZ-23"], vec![worker("KAYA MEHMET", "TUR", "U1000000")]);
    far["start_date"] = json!("9999-12-31");
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&far)
        .await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "start_date"
    );
    let r = app
        .put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(&json!({
            "as_of": "2025-11-01", "name": "Caspian Code LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "J", "region": "KZ-23",
            "workforce": [{"category": "3", "kazakh": 100, "foreign": 0}],
            "employer_type": {"kind": "astana_hub"}
        }))
        .await;
    assert_eq!(r.ok(201)["employer_type"]["kind"], "astana_hub");
    // A foreign branch needs a branch's BIN (Art. 33(6)): BIN_A is a head office.
    app.put(&format!("/v1/employers/{BIN_A}"))
        .token(&app.employer(BIN_A))
        .json(&json!({
            "as_of": "2025-11-02", "name": "Caspian Code LLP", "legal_form": "LLP",
            "foreign_division": false, "sector": "J", "region": "KZ-23",
            "workforce": [], "employer_type": {"kind": "foreign_branch"}
        }))
        .await
        .problem(422, "foreign-division-mismatch");
    let mut vocational = worker("DEMIR ALI", "TUR", "U2000000");
    vocational["education"] = json!("vocational");
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker("KAYA MEHMET", "TUR", "U1000000"), vocational],
        ))
        .await;
    let permit = r.ok(201).clone();
    let workers = permit["workers"].as_array().unwrap();
    assert_eq!(
        (&workers[0]["needs_permit"], &workers[1]["needs_permit"]),
        (&json!(false), &json!(true))
    );
    let c = check(&permit, "worker-exempt");
    assert_eq!(c["outcome"], "warning");
    assert_eq!(c["article"], "Art. 32(2)(12)");
    // Only the worker who needs a permit draws quota.
    let id = permit["id"].clone();
    decide(&app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200);
    assert_eq!(region_units(&app, "KZ-23", "3").await, (5, 1, 0));
}

/// A permit's view prices the fee due at the MRP of the rule set in force on the day it is
/// read: a version published later takes over from its first day in the process that served
/// the earlier one, and the earlier day still reads the earlier version.
#[actix_web::test]
async fn a_permits_view_prices_the_fee_by_the_rule_set_in_force_on_the_day_it_is_read() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let id = approved_permit(&app, "R1000000").await;
    assert_eq!(mrp_today(&app, &id).await, "3932.00");

    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["effective_from"] = json!("2025-12-20");
    doc["source"] = json!("Order No. 2 of 16.12.2025");
    let values = doc["rules"]["mrp"]["values"].as_array_mut().unwrap();
    let at = values
        .iter()
        .position(|v| v["valid_from"].as_str().unwrap() > "2025-12-20")
        .unwrap_or(values.len());
    values.insert(at, json!({"valid_from": "2025-12-20", "tenge": "4000.00"}));
    app.post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await
        .ok(201);
    assert_eq!(mrp_today(&app, &id).await, "3932.00");
    app.set_today("2025-12-22T04:00:00Z");
    assert_eq!(mrp_today(&app, &id).await, "4000.00");
    app.set_today("2025-12-16T04:00:00Z");
    assert_eq!(mrp_today(&app, &id).await, "3932.00");
}

async fn mrp_today(app: &TestApp, id: &Value) -> Value {
    let r = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    region(r.ok(200), "KZ-23")["fee"]["mrp_today"].clone()
}

/// An employer learns nothing of another's profile: before the profile exists and after,
/// it gets the one answer a missing case gets; officials read it.
#[actix_web::test]
async fn another_employers_profile_answers_alike_before_and_after_it_exists() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    let path = format!("/v1/employers/{BIN_A}");
    let before = app.get(&path).token(&app.employer(BIN_B)).send().await;
    app.get(&path)
        .token(&app.employer(BIN_A))
        .send()
        .await
        .problem(404, "not-found");
    profile(&app, BIN_A).await;
    let after = app.get(&path).token(&app.employer(BIN_B)).send().await;
    assert_eq!((before.status, &before.body), (404, &after.body));
    assert_eq!(after.status, 404);
    app.get(&path)
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .ok(200);
}

/// The 2027 quota with `n` units of category 3 in KZ-23.
pub async fn quota_2027(app: &TestApp, n: i64) {
    let mut q27 = national_2026();
    q27["order"] = json!({"number": "Order No. 2027", "date": "2026-12-01"});
    app.put("/v1/quotas/2027")
        .token(&app.ministry())
        .json(&q27)
        .await
        .ok(201);
    app.put("/v1/quotas/2027/regions/KZ-23")
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": "3", "allocated": n}], "reason": "order"}))
        .await
        .ok(200);
}

/// DESIGN "Time" and Art. 33(4): an approval at 03:30 in Kazakhstan (22:30 UTC the evening
/// before) is dated the Kazakhstan day, so a payment dated the UTC day before it predates the
/// decision and is refused; one dated the Kazakhstan day is taken.
#[actix_web::test]
async fn a_payment_may_not_predate_the_kazakhstan_day_of_an_approval_made_before_dawn() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let body = application(&["KZ-23"], vec![worker("KAYA MEHMET", "TUR", "U1000001")]);
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "dawn-1")
        .json(&body)
        .await
        .ok(201)
        .clone();
    let id = p["id"].clone();
    // 24 December 2025, 03:30 in Kazakhstan (UTC+5).
    app.set_today("2025-12-23T22:30:00Z");
    let p = decide(&app, &id, "KZ-23", json!({"decision": "approve"}))
        .await
        .ok(200)
        .clone();
    assert_eq!(p["status"], "awaiting_payment");
    // 202 MRP × 3,932 tenge × 1 worker.
    let r = pay(&app, &id, "KZ-23", "794264.00", "2025-12-23", "en").await;
    let v = &r.problem(422, "payment-date-invalid")["violations"][0];
    assert!(
        v["message"].as_str().unwrap().contains("2025-12-24")
            || v["message"].as_str().unwrap().contains("24.12.2025"),
        "{v}"
    );
    let p = pay(&app, &id, "KZ-23", "794264.00", "2025-12-24", "en")
        .await
        .ok(201)
        .clone();
    assert_eq!(p["status"], "active");
}

/// An application of the most workers the contract admits (100), every field the service
/// keeps at its longest, fits in the request body the service reads (256 KiB) and is judged
/// on the law, not refused as too large (schemathesis found 500 workers of the contract's
/// own example answered 413); one worker more is a field refusal naming `workers`.
#[actix_web::test]
async fn an_application_of_the_most_workers_the_contract_admits_is_read_not_refused_as_too_large() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 200)]).await;
    profile(&app, BIN_A).await;
    let longest = |n: usize| {
        let mut w = worker(
            &format!("{} {}", letters(n), "A".repeat(299 - letters(n).len())),
            "TUR",
            &format!("U{:08}{}", n, "<".repeat(35)),
        );
        w["full_name_cyrillic"] = json!("Ә".repeat(300));
        w["qualification_ref"] = json!("Q".repeat(300));
        w
    };
    let body = application(&["KZ-23"], (0..100).map(longest).collect());
    let size = body.to_string().len();
    assert!((150_000..262_144).contains(&size), "{size} bytes");
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "the-most-workers")
        .json(&body)
        .await;
    assert_ne!(r.status, 413, "{}", r.body);
    assert!(
        r.status == 201 || r.status == 422,
        "{} {}",
        r.status,
        r.body
    );
    assert_ne!(
        r.body["type"], "urn:kz:permits:problem:invalid-fields",
        "{}",
        r.body
    );

    let one_more = application(&["KZ-23"], (0..101).map(longest).collect());
    let r = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", "one-worker-more")
        .json(&one_more)
        .await;
    let refused = r.problem(422, "invalid-fields");
    assert_eq!(refused["errors"][0]["field"], "workers", "{refused}");
}
