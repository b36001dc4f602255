//! Departures owed (Art. 28(2)(8)) through HTTP on the configured database: only the
//! workers of a permit that was issued and whose term had begun owe one — not those of a
//! permit that lapsed unpaid (never issued), nor of one revoked or returned before its
//! first day; and the same for ICT permits (never issued, or revoked before the later of
//! their issue and the contract's start).

use crate::helpers::*;
use crate::permits::{application, profile, quota, worker};
use serde_json::{json, Value};

/// BIN_A's one-worker permit for KZ-23 from 2026-01-15, approved today; paid today too
/// when `paid`. Its id and its worker's id.
async fn permit(app: &TestApp, name: &str, passport: &str, paid: bool) -> (Value, Value) {
    let p = app
        .post("/v1/permit-applications")
        .token(&app.employer(BIN_A))
        .json(&application(
            &["KZ-23"],
            vec![worker(name, "TUR", passport)],
        ))
        .await
        .ok(201)
        .clone();
    let id = p["id"].clone();
    assert_eq!(p["start_date"], "2026-01-15");
    app.post(&format!("/v1/permits/{id}/decisions"))
        .token(&app.akimat("KZ-23"))
        .json(&json!({"decision": "approve"}))
        .await
        .ok(200);
    if paid {
        // 202 MRP × 3,932 (2025) × 1 worker.
        let p = app
            .post(&format!("/v1/permits/{id}/payments"))
            .token(&app.employer(BIN_A))
            .json(&json!({"region": "KZ-23", "amount": "794264.00", "paid_on": "2025-12-15", "reference": "PP-1"}))
            .await;
        assert_eq!(p.ok(201)["status"], "active");
    }
    (id, p["workers"][0]["id"].clone())
}

async fn depart(app: &TestApp, id: &Value, worker: &Value, on: &str) -> Resp {
    app.post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .json(&json!({"worker_id": worker, "date": on, "evidence": "Atyrau airport"}))
        .await
}

async fn overdue(app: &TestApp) -> Vec<(i64, String)> {
    app.get("/v1/departures/overdue")
        .token(&app.akimat("KZ-23"))
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["permit_id"].as_i64().unwrap(),
                d["permit_status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn art_28_2_8_no_departure_is_owed_for_a_lapsed_permit_or_one_ended_before_its_term_began() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let (lapsing, lapsing_worker) = permit(&app, "KAYA MEHMET", "U4000001", false).await;
    let (revoked, revoked_worker) = permit(&app, "DEMIR ALI", "U4000002", true).await;
    let (returned, returned_worker) = permit(&app, "CELIK AHMET", "U4000003", true).await;
    let (began, began_worker) = permit(&app, "SAHIN MUSTAFA", "U4000004", true).await;

    // Revoked and returned in December, before their term begins on 15 January.
    app.set_today("2025-12-20T04:00:00Z");
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
    // Returned on its first day: its worker may have come.
    app.set_today("2026-01-15T04:00:00Z");
    app.post(&format!("/v1/permits/{began}/return"))
        .token(&app.employer(BIN_A))
        .json(&json!({"reason": "project ended"}))
        .await
        .ok(200);
    // The unpaid one lapsed on its due date (read now).
    app.set_today("2026-01-20T04:00:00Z");
    let p = app
        .get(&format!("/v1/permits/{lapsing}"))
        .token(&app.employer(BIN_A))
        .send()
        .await
        .ok(200)
        .clone();
    assert_eq!(p["status"], "lapsed");

    // Only the worker of the permit whose term began is listed.
    assert_eq!(
        overdue(&app).await,
        [(began.as_i64().unwrap(), "returned".to_owned())]
    );
    // Nothing to record for the others: a lapsed permit is not a move a departure takes;
    // one ended before its first day brought nobody.
    depart(&app, &lapsing, &lapsing_worker, "2026-01-20")
        .await
        .problem(409, "illegal-transition");
    for (id, worker) in [(&revoked, &revoked_worker), (&returned, &returned_worker)] {
        let r = depart(&app, id, worker, "2026-01-20").await;
        let v = &r.problem(422, "departure-not-owed")["violations"][0];
        assert_eq!(v["article"], "Art. 28(2)(8)");
        assert_eq!(
            v["message"],
            "no departure is owed: the permit's term began on 2026-01-15, after it ended for this worker on 2025-12-20, so the worker did not come on it"
        );
    }
    let r = depart(&app, &began, &began_worker, "2026-01-18").await;
    assert_eq!(r.ok(200)["workers"][0]["departed_on"], "2026-01-18");
    assert_eq!(overdue(&app).await, []);
}

const ICT: &str = "/v1/ict-permits";

/// An ICT application of the branch in KZ-75 for a contract from 2027-01-01, its three
/// workers' passport numbers ending in `n`, decided today (`issue` or `refuse`); its id.
async fn ict_permit(app: &TestApp, n: u32, decision: &str) -> i64 {
    let mut body = crate::ict::application();
    body["kazakh_managers"] = json!(20);
    body["kazakh_specialists"] = json!(20);
    for (i, w) in body["workers"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        w["passport_number"] = json!(format!("K{i}00000{n:02}"));
    }
    let id = app
        .post(ICT)
        .token(&app.employer(crate::ict::BIN_BRANCH))
        .json(&body)
        .await
        .ok(201)["id"]
        .as_i64()
        .unwrap();
    let mut d = json!({"decision": decision});
    if decision == "refuse" {
        d["grounds"] = json!(["ict-unreliable-documents"]);
        d["reason"] = json!("documents unreliable");
    }
    app.post(&format!("{ICT}/{id}/decisions"))
        .token(&app.akimat("KZ-75"))
        .json(&d)
        .await
        .ok(200);
    id
}

async fn revoke_ict(app: &TestApp, id: i64) {
    let r = app
        .post(&format!("{ICT}/{id}/measures"))
        .token(&app.akimat("KZ-75"))
        .json(
            &json!({"measure": "revoke", "reason": "inspection", "ground": "unlawful-engagement"}),
        )
        .await;
    assert_eq!(r.ok(200)["status"], "revoked");
}

/// The ICT permits and how many of their workers `GET /v1/departures/overdue` lists, and
/// the ICT register's count of overdue departures, as KZ-75's akimat reads them.
async fn ict_overdue(app: &TestApp) -> (Vec<(i64, usize)>, usize) {
    let items = app
        .get("/v1/departures/overdue")
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    let mut per: Vec<(i64, usize)> = Vec::new();
    for i in items.iter().filter(|i| i["permit_kind"] == "ict_permit") {
        let id = i["permit_id"].as_i64().unwrap();
        match per.iter_mut().find(|(p, _)| *p == id) {
            Some((_, n)) => *n += 1,
            None => per.push((id, 1)),
        }
    }
    per.sort_unstable();
    let register = app
        .get("/v1/ict-register?attention=departure_overdue")
        .token(&app.akimat("KZ-75"))
        .send()
        .await
        .ok(200)["items"]
        .as_array()
        .unwrap()
        .len();
    (per, register)
}

async fn depart_ict(app: &TestApp, id: i64, on: &str) -> Resp {
    let p = app
        .get(&format!("{ICT}/{id}"))
        .token(&app.employer(crate::ict::BIN_BRANCH))
        .send()
        .await
        .ok(200)
        .clone();
    app.post(&format!("{ICT}/{id}/departures"))
        .token(&app.employer(crate::ict::BIN_BRANCH))
        .json(&json!({"worker_id": p["workers"][0]["id"], "date": on, "evidence": "Khorgos"}))
        .await
}

#[actix_web::test]
async fn art_28_2_8_no_departure_is_owed_for_an_ict_permit_never_issued_or_revoked_before_its_term_began(
) {
    let app = spawn_app().await;
    // Today is 2026-12-01; every contract starts on 2027-01-01.
    let early = ict_permit(&app, 1, "issue").await;
    let refused = ict_permit(&app, 2, "refuse").await;
    let began = ict_permit(&app, 3, "issue").await;
    let running = ict_permit(&app, 4, "issue").await;
    // Revoked in December, before its term begins: nobody came on it.
    app.set_today("2026-12-10T04:00:00Z");
    revoke_ict(&app, early).await;
    // Revoked on its first day: its workers may have come.
    app.set_today("2027-01-01T04:00:00Z");
    revoke_ict(&app, began).await;

    app.set_today("2027-01-10T04:00:00Z");
    assert_eq!(ict_overdue(&app).await, (vec![(began, 3)], 3));
    let r = depart_ict(&app, early, "2027-01-10").await;
    let v = &r.problem(422, "departure-not-owed")["violations"][0];
    assert_eq!(v["article"], "Art. 28(2)(8)");
    assert_eq!(
        v["message"],
        "no departure is owed: the permit's term began on 2027-01-01, after it ended for this worker on 2026-12-10, so the worker did not come on it"
    );
    depart_ict(&app, refused, "2027-01-10")
        .await
        .problem(422, "ict-permit-not-issued");
    depart_ict(&app, running, "2027-01-10")
        .await
        .problem(409, "ict-permit-not-ended");
    assert_eq!(
        depart_ict(&app, began, "2027-01-05").await.ok(201)["departed_on"],
        "2027-01-05"
    );
    assert_eq!(ict_overdue(&app).await, (vec![(began, 2)], 2));
    // Past its last day the running permit's workers owe theirs; still none of the others.
    app.set_today("2030-01-01T04:00:00Z");
    assert_eq!(ict_overdue(&app).await, (vec![(began, 2), (running, 3)], 5));
}

/// The departure of 2026-01-18 with an `Idempotency-Key` and an `If-Match`.
async fn depart_keyed(app: &TestApp, id: &Value, worker: &Value, key: &str, etag: &str) -> Resp {
    app.post(&format!("/v1/permits/{id}/departures"))
        .token(&app.employer(BIN_A))
        .header("Idempotency-Key", key)
        .header("If-Match", etag)
        .json(&json!({"worker_id": worker, "date": "2026-01-18", "evidence": "Atyrau airport"}))
        .await
}

#[actix_web::test]
async fn art_28_2_8_a_retried_departure_replays_its_answer_and_a_stale_one_is_412() {
    let app = spawn_app().await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 5)]).await;
    profile(&app, BIN_A).await;
    let (id, worker) = permit(&app, "SAHIN MUSTAFA", "U4000004", true).await;
    app.set_today("2026-01-15T04:00:00Z");
    app.post(&format!("/v1/permits/{id}/return"))
        .token(&app.employer(BIN_A))
        .json(&json!({"reason": "project ended"}))
        .await
        .ok(200);
    app.set_today("2026-01-20T04:00:00Z");
    let read = app
        .get(&format!("/v1/permits/{id}"))
        .token(&app.employer(BIN_A))
        .send()
        .await;
    let etag = read.header("ETag").unwrap().to_owned();
    let version = read.ok(200)["version"].as_i64().unwrap();
    // An If-Match of an earlier version: 412, nothing recorded.
    depart_keyed(&app, &id, &worker, "stale", &format!("\"{}\"", version - 1))
        .await
        .problem(412, "stale-version");
    let first = depart_keyed(&app, &id, &worker, "dep-1", &etag).await;
    assert_eq!(first.header("Idempotent-Replayed"), None);
    let body = first.ok(200).clone();
    assert_eq!(body["workers"][0]["departed_on"], "2026-01-18");
    // The retry (its If-Match now stale) gets the first answer again, not 409 or 412.
    let again = depart_keyed(&app, &id, &worker, "dep-1", &etag).await;
    assert_eq!(again.header("Idempotent-Replayed"), Some("true"));
    assert_eq!(again.ok(200), &body);
}
