//! Departures owed (Art. 28(2)(8)) through HTTP on the configured database: only the
//! workers of a permit that was issued and whose term had begun owe one — not those of a
//! permit that lapsed unpaid (never issued), nor of one revoked or returned before its
//! first day.

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
