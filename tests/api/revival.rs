//! Where a complaint meets the cases that hang on the permit (APPK Art. 91(3), Art. 33(2)),
//! through HTTP on the configured database: an annulled revocation brings back the
//! extension that ended with it — awaiting its decision, or its fee with its quota held
//! again, or waiting with the complaint until there is quota — the worker's departure is
//! owed no more, and the employer's applications filed while the 12-month bar stood are
//! decided without it.

use crate::helpers::*;
use crate::permits::{active_permit, application, profile, quota, quota_2027, worker};
use serde_json::{json, Value};

/// The 2026 quota with `units` of category 3 in KZ-23, BIN_A's profile, and BIN_A's
/// one-worker permit from 2026-01-15 to 2027-01-14, issued on 2025-12-15; 2027 quota of
/// 3 units in KZ-23.
async fn issued_permit(app: &TestApp, units: i64) -> Value {
    app.set_today("2025-12-15T04:00:00Z");
    quota(app, &[("KZ-23", "3", units)]).await;
    profile(app, BIN_A).await;
    let id = active_permit(app, "U1000000").await;
    quota_2027(app, 3).await;
    id
}

/// BIN_A's 12-month extension of `id`, filed on 2026-12-01 (inside its window).
async fn extension(app: &TestApp, id: &Value) -> Value {
    app.set_today("2026-12-01T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/extensions"))
        .token(&app.employer(BIN_A))
        .json(&json!({"term": {"unit": "months", "length": 12}}))
        .await
        .ok(201)["id"]
        .clone()
}

async fn approve(app: &TestApp, id: &Value) -> Resp {
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
}

async fn revoke(app: &TestApp, id: &Value, ground: &str) {
    app.post(&format!("/v1/permits/{id}/revocation"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"ground": ground}))
        .await
        .ok(200);
}

async fn read(app: &TestApp, id: &Value) -> Value {
    app.get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone()
}

/// BIN_A's complaint against the revocation of `id`, asking for its annulment.
async fn complain(app: &TestApp, id: &Value) -> Value {
    app.post("/v1/complaints")
        .token(&app.employer(BIN_A))
        .json(&json!({
            "permit_id": id, "act": "revocation", "relief": "annul",
            "grounds": "The engagement was lawful: the contract was registered in time.",
            "references": ["Contract No. 7 of 10.01.2026"]
        }))
        .await
        .ok(201)
        .clone()
}

/// The akimat satisfies the complaint itself, within its term (APPK Art. 91(4)).
async fn reconsider(app: &TestApp, complaint: &Value) -> Value {
    app.post(&format!(
        "/v1/complaints/{}/reconsideration",
        complaint["id"]
    ))
    .token(&app.akimat("KZ-23"))
    .json(&json!({"reasons": "The contract was registered in time."}))
    .await
    .ok(200)
    .clone()
}

async fn reinstate(app: &TestApp, complaint: &Value) -> Resp {
    app.post(&format!("/v1/complaints/{}/reinstatement", complaint["id"]))
        .token(&app.akimat("KZ-23"))
        .send()
        .await
}

/// Allocated, held and used units of category 3 in KZ-23 for 2027.
async fn units_2027(app: &TestApp) -> (i64, i64, i64) {
    let r = app
        .get("/v1/quotas/2027/regions/KZ-23")
        .token(&app.ministry())
        .send()
        .await;
    let c = by_key(&r.ok(200)["categories"], "category", "3").clone();
    (
        c["allocated"].as_i64().unwrap(),
        c["held"].as_i64().unwrap(),
        c["used"].as_i64().unwrap(),
    )
}

async fn allocate_2027(app: &TestApp, n: i64) {
    app.put("/v1/quotas/2027/regions/KZ-23")
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": "3", "allocated": n}], "reason": "Order No. 41"}))
        .await
        .ok(200);
}

fn revived(p: &Value) -> Value {
    p["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["action"] == "permit.extension_revived")
        .unwrap_or_else(|| panic!("not revived: {p}"))
        .clone()
}

#[actix_web::test]
async fn appk_91_3_a_revocation_annulled_brings_back_the_pending_extension_which_the_akimat_approves(
) {
    let app = spawn_app().await;
    let id = issued_permit(&app, 5).await;
    let ext = extension(&app, &id).await;
    // Wednesday 2 December 2026: the permit is revoked; its undecided extension ends with it.
    app.set_today("2026-12-02T04:00:00Z");
    revoke(&app, &id, "unlawful-engagement").await;
    let e = read(&app, &ext).await;
    assert_eq!(
        (&e["status"], &e["end_ground"]["code"]),
        (&json!("lapsed"), &json!("parent-revoked"))
    );
    // The akimat satisfies the complaint itself: the permit and the extension are back.
    let c = complain(&app, &id).await;
    assert_eq!(reconsider(&app, &c).await["awaiting_quota"], false);
    assert_eq!(read(&app, &id).await["status"], "active");
    let e = read(&app, &ext).await;
    assert_eq!(
        (&e["status"], &e["end_ground"], &e["ended_on"]),
        (&json!("applied"), &Value::Null, &Value::Null)
    );
    // A new decision term from today: three working days from Wednesday 2 December end on
    // Monday 7 December.
    assert_eq!(e["decision_due"], "2026-12-07");
    let h = revived(&e);
    assert!(
        h["legal_basis"]
            .as_str()
            .is_some_and(|b| b.contains("91(3)") && b.contains("33(2)")),
        "{h}"
    );
    // It waits first in the akimat's queue, and the akimat approves it: a 2027 unit held.
    let queue = app
        .get("/v1/permit-applications")
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    assert_eq!(queue.ok(200)["items"][0]["id"], ext, "{}", queue.body);
    assert_eq!(
        approve(&app, &ext).await.ok(200)["status"],
        "awaiting_payment"
    );
    assert_eq!(units_2027(&app).await, (3, 1, 0));
}

#[actix_web::test]
async fn appk_91_3_a_revived_extensions_decision_term_skips_a_public_holiday() {
    let app = spawn_app().await;
    let id = issued_permit(&app, 5).await;
    let ext = extension(&app, &id).await;
    // Monday 14 December 2026: the permit is revoked, the undecided extension ends with it,
    // and the akimat annuls the revocation the same day.
    app.set_today("2026-12-14T04:00:00Z");
    revoke(&app, &id, "unlawful-engagement").await;
    assert_eq!(read(&app, &ext).await["status"], "lapsed");
    let c = complain(&app, &id).await;
    assert_eq!(reconsider(&app, &c).await["awaiting_quota"], false);
    let e = read(&app, &ext).await;
    assert_eq!(e["status"], "applied");
    // Three working days from Monday 14 December over Independence Day (Wednesday
    // 16 December, a day off in the rule set's 2026 calendar): 15, 17 and 18 December, so
    // Friday 18 December, not Thursday 17.
    assert_eq!(e["decision_due"], "2026-12-18");
    assert_eq!(
        approve(&app, &ext).await.ok(200)["status"],
        "awaiting_payment"
    );
}

#[actix_web::test]
async fn appk_91_3_an_approved_extension_comes_back_awaiting_its_fee_once_there_is_quota_for_it() {
    let app = spawn_app().await;
    let id = issued_permit(&app, 5).await;
    let ext = extension(&app, &id).await;
    assert_eq!(
        approve(&app, &ext).await.ok(200)["status"],
        "awaiting_payment"
    );
    assert_eq!(units_2027(&app).await, (3, 1, 0));
    app.set_today("2026-12-02T04:00:00Z");
    revoke(&app, &id, "unlawful-engagement").await;
    assert_eq!(units_2027(&app).await, (3, 0, 0));
    // Meanwhile the region's 2027 allocation is cut to nothing.
    allocate_2027(&app, 0).await;

    let c = complain(&app, &id).await;
    let done = reconsider(&app, &c).await;
    // The permit is back (its 2026 unit held again); the extension finds no room and waits
    // with the complaint, first in the complaint queue.
    assert_eq!(
        (&done["state"], &done["awaiting_quota"]),
        (&json!("reconsidered"), &json!(true))
    );
    assert_eq!(read(&app, &id).await["status"], "active");
    assert_eq!(read(&app, &ext).await["status"], "lapsed");
    let q = app
        .get("/v1/complaint-queue")
        .token(&app.akimat("KZ-23"))
        .send()
        .await;
    assert_eq!(q.ok(200)["items"][0]["id"], c["id"], "{}", q.body);
    // Still no room: refused, nothing changes.
    let r = reinstate(&app, &c).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(read(&app, &ext).await["status"], "lapsed");
    assert_eq!(units_2027(&app).await, (0, 0, 0));

    // Quota again: the extension stands where it stood, awaiting its fee within a new term.
    app.set_today("2026-12-03T04:00:00Z");
    allocate_2027(&app, 1).await;
    let r = reinstate(&app, &c).await;
    assert_eq!(r.ok(200)["awaiting_quota"], false);
    let e = read(&app, &ext).await;
    assert_eq!(
        (&e["status"], &e["end_ground"]),
        (&json!("awaiting_payment"), &Value::Null)
    );
    assert!(
        e["regions"][0]["fee"]["payment_due"].as_str() > Some("2026-12-03"),
        "{e}"
    );
    revived(&e);
    assert_eq!(units_2027(&app).await, (1, 1, 0));
    reinstate(&app, &c)
        .await
        .problem(409, "complaint-not-awaiting-quota");
    // The fee paid, the extension is issued and its unit used.
    let paid = app
        .post(&format!("/v1/permits/{ext}/payments"))
        .token(&app.employer(BIN_A))
        .json(&json!({"region": "KZ-23", "amount": "100000000.00", "paid_on": "2026-12-03", "reference": "PP-3"}))
        .await;
    assert_eq!(paid.ok(201)["status"], "active", "{}", paid.body);
    assert_eq!(units_2027(&app).await, (1, 0, 1));
}

#[actix_web::test]
async fn appk_91_3_without_room_for_the_permit_its_pending_extension_waits_with_it_then_the_akimat_approves_it(
) {
    let app = spawn_app().await;
    let id = issued_permit(&app, 1).await;
    let ext = extension(&app, &id).await;
    app.set_today("2026-12-02T04:00:00Z");
    revoke(&app, &id, "unlawful-engagement").await;
    // The freed 2026 unit goes to nobody, but the ministry cuts the region's allocation.
    app.put("/v1/quotas/2026/regions/KZ-23")
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": "3", "allocated": 0}], "reason": "Order No. 40"}))
        .await
        .ok(200);
    let c = complain(&app, &id).await;
    assert_eq!(reconsider(&app, &c).await["awaiting_quota"], true);
    assert_eq!(read(&app, &id).await["status"], "revoked");
    assert_eq!(read(&app, &ext).await["status"], "lapsed");
    // The extension cannot be decided while its permit waits.
    approve(&app, &ext)
        .await
        .problem(409, "extension-parent-not-active");

    app.put("/v1/quotas/2026/regions/KZ-23")
        .token(&app.ministry())
        .json(&json!({"categories": [{"category": "3", "allocated": 1}], "reason": "Order No. 42"}))
        .await
        .ok(200);
    allocate_2027(&app, 0).await;
    reinstate(&app, &c).await.ok(200);
    assert_eq!(read(&app, &id).await["status"], "active");
    let e = read(&app, &ext).await;
    assert_eq!(e["status"], "applied");
    revived(&e);
    // No 2027 unit left: the approval is refused and the extension keeps waiting.
    let r = approve(&app, &ext).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(read(&app, &ext).await["status"], "applied");
    allocate_2027(&app, 1).await;
    assert_eq!(
        approve(&app, &ext).await.ok(200)["status"],
        "awaiting_payment"
    );
    assert_eq!(units_2027(&app).await, (1, 1, 0));
}

#[actix_web::test]
async fn art_28_2_8_a_revocation_annulled_owes_only_the_replaced_workers_departure_and_keeps_the_trips(
) {
    let app = spawn_app().await;
    let id = issued_permit(&app, 5).await;
    app.set_today("2026-03-02T04:00:00Z");
    // Before the revocation a worker is replaced by another foreigner (re-issue), who is
    // sent on a business trip.
    let leaving = read(&app, &id).await["workers"][0]["id"].clone();
    let p = app
        .post(&format!("/v1/permits/{id}/reissues"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": leaving, "newcomer": worker("DEMIR ALI", "TUR", "U9000000")}))
        .await
        .ok(201)
        .clone();
    let newcomer = p["workers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["passport_number"] == "U9000000")
        .unwrap()["id"]
        .clone();
    app.post(&format!("/v1/permits/{id}/trips"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": newcomer, "host_region": "KZ-47", "host_organisation": "Karaganda Steel JSC", "start_date": "2026-03-10", "end_date": "2026-03-20"}))
        .await
        .ok(201);
    revoke(&app, &id, "unlawful-engagement").await;
    let owed = || async {
        app.get("/v1/departures/overdue")
            .token(&app.akimat("KZ-23"))
            .send()
            .await
            .ok(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["worker_id"].clone())
            .collect::<Vec<_>>()
    };
    let mut both = owed().await;
    both.sort_by_key(|w| w.as_i64());
    let mut expected = vec![leaving.clone(), newcomer];
    expected.sort_by_key(|w| w.as_i64());
    assert_eq!(both, expected);
    // Annulled: the permit is in force; only the worker replaced still owes a departure.
    let c = complain(&app, &id).await;
    reconsider(&app, &c).await;
    let p = read(&app, &id).await;
    assert_eq!(p["status"], "active");
    assert_eq!(owed().await, vec![leaving]);
    assert_eq!(p["trips"].as_array().map(Vec::len), Some(1), "{p}");
}

#[actix_web::test]
async fn art_33_2_applications_filed_while_the_bar_stood_are_decided_without_it_once_the_revocation_is_annulled(
) {
    let app = spawn_app().await;
    let id = issued_permit(&app, 5).await;
    app.set_today("2026-03-10T04:00:00Z");
    revoke(&app, &id, "unlawful-engagement").await;
    let barred = |p: &Value| {
        p["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "employer-barred")
            .unwrap()["outcome"]
            .clone()
    };
    let file = |name: &'static str, passport: &'static str| {
        let mut a = application(&["KZ-23"], vec![worker(name, "TUR", passport)]);
        a["start_date"] = json!("2026-04-01");
        a["vacancy_published_on"] = json!("2026-02-01");
        let app = &app;
        async move {
            app.post("/v1/permit-applications")
                .token(&app.employer(BIN_A))
                .json(&a)
                .await
                .ok(201)
                .clone()
        }
    };
    // Two applications filed under the bar: one left pending, one refused for it.
    let pending = file("DEMIR ALI", "U2000000").await;
    let refused = file("YILMAZ CAN", "U3000000").await;
    assert_eq!(
        (barred(&pending), barred(&refused)),
        (json!("fail"), json!("fail"))
    );
    let r = approve(&app, &pending["id"]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    app.post(&format!("/v1/permits/{}/decisions", refused["id"]))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "refuse", "grounds": ["unlawful-engagement"]}))
        .await
        .ok(200);

    let c = complain(&app, &id).await;
    reconsider(&app, &c).await;
    // The pending one is decided on today's checks: the bar is gone.
    let a = approve(&app, &pending["id"]).await;
    assert_eq!(a.ok(200)["status"], "awaiting_payment", "{}", a.body);
    // The refusal is an act of its own: it stands until contested, and its complaint is
    // satisfied and the application decided again.
    assert_eq!(read(&app, &refused["id"]).await["status"], "refused");
    let rc = app
        .post("/v1/complaints")
        .token(&app.employer(BIN_A))
        .json(&json!({
            "permit_id": refused["id"], "act": "refusal", "relief": "annul",
            "grounds": "The bar it rested on fell with the revocation.",
            "references": [format!("Complaint {}", c["id"])]
        }))
        .await
        .ok(201)
        .clone();
    reconsider(&app, &rc).await;
    assert_eq!(read(&app, &refused["id"]).await["status"], "applied");
    let a = approve(&app, &refused["id"]).await;
    assert_eq!(a.ok(200)["status"], "awaiting_payment", "{}", a.body);
}
