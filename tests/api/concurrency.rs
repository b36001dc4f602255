//! The invariant above all: no region holds more than its allocation, not even when
//! hundreds of decisions arrive at once (the January rush). Driven through the real ledger
//! code on the real database (SQLite or PostgreSQL), from many threads and connections.

use crate::helpers::*;
use crate::quotas::{actor, allocate, set_quota};
use permits::cases::{ledger, CaseError};
use permits::config::{DatabaseSettings, Secret};
use permits::db::write_tx;
use permits::domain::hold::{CaseKind, CaseRef, QuotaClaim, Units};
use permits::domain::Category;
use permits::domain::Refusal;
use serde_json::json;
use std::sync::{Arc, Barrier};

const ATTEMPTS: usize = 240;
const ALLOCATION: i64 = 50;

#[actix_web::test]
async fn parallel_holds_against_a_small_allocation_take_exactly_the_allocation() {
    let _turn = heavy().await;
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "3", ALLOCATION).await.ok(200);
    let pool = permits::db::pool(&DatabaseSettings {
        url: Secret::new(app.db_url.clone()),
        pool_size: 16,
        connect_timeout_seconds: 120,
        statements: None,
    })
    .unwrap();
    let barrier = Arc::new(Barrier::new(ATTEMPTS));
    let outcomes: Vec<Result<(), String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..ATTEMPTS)
            .map(|i| {
                let (pool, barrier) = (pool.clone(), barrier.clone());
                s.spawn(move || {
                    let claim = QuotaClaim {
                        year: 2026,
                        region: "KZ-75".parse().unwrap(),
                        category: Category::Specialists,
                        country: None,
                        units: Units::new(1).unwrap(),
                    };
                    let case = CaseRef::new(CaseKind::Permit, i as i64);
                    barrier.wait();
                    let mut conn = pool.get().expect("connection");
                    match write_tx(&mut conn, |c| {
                        ledger::hold(c, &claim, &case, &actor())?.take(c)
                    }) {
                        Ok(_) => Ok(()),
                        Err(CaseError::Refused(Refusal::Rule(v))) => Err(v[0].code.clone()),
                        Err(other) => Err(format!("unexpected: {other:?}")),
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let held = outcomes.iter().filter(|o| o.is_ok()).count();
    let exhausted = outcomes
        .iter()
        .filter(|o| matches!(o, Err(code) if code == "quota-exhausted"))
        .count();
    assert_eq!(held, ALLOCATION as usize, "{outcomes:?}");
    assert_eq!(
        exhausted,
        ATTEMPTS - ALLOCATION as usize,
        "every other request is refused: {outcomes:?}"
    );

    let region = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&app.ministry())
        .send()
        .await;
    let cat3 = region.ok(200)["categories"][2].clone();
    assert_eq!(cat3["held"], ALLOCATION);
    assert_eq!(cat3["available"], 0);
    let ledger = app
        .get("/v1/quotas/2026/ledger?region=KZ-75&category=3&limit=500")
        .token(&app.ministry())
        .send()
        .await;
    let holds = ledger.ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["movement"] == "hold")
        .count();
    assert_eq!(holds, ALLOCATION as usize);
}

/// Writers that all read the same version: exactly one replaces it, every other is told
/// the version moved on (412), round after round — the version checked is the version
/// the conditional UPDATE replaces.
#[actix_web::test]
async fn concurrent_writers_with_the_same_if_match_one_wins_the_rest_get_412() {
    const WRITERS: usize = 8;
    const ROUNDS: i64 = 6;
    let app = spawn_app().await;
    crate::quotas::set_quota(&app).await;
    let t = app.ministry();
    for round in 1..=ROUNDS {
        let statuses: Vec<u16> = futures_util::future::join_all((0..WRITERS).map(|i| {
            let mut body = crate::quotas::national_2026();
            body["labour_force_source"] = json!(format!("round {round}, writer {i}"));
            let req = app
                .put("/v1/quotas/2026")
                .token(&t)
                .header("If-Match", &format!("\"{round}\""));
            async move { req.json(&body).await.status }
        }))
        .await;
        let won = statuses.iter().filter(|s| **s == 200).count();
        let stale = statuses.iter().filter(|s| **s == 412).count();
        assert_eq!(
            (won, stale),
            (1, WRITERS - 1),
            "round {round}: {statuses:?}"
        );
    }
    let now = app.get("/v1/quotas/2026").token(&t).send().await;
    assert_eq!(now.ok(200)["version"], ROUNDS + 1);
}

/// Many re-allocations of one region at once (absolute values, as the ministry sends
/// them): each is applied in turn — none is refused for having raced another — and the
/// last one written is what the region holds, its ledger lines summing to it.
#[actix_web::test]
async fn concurrent_re_allocations_of_one_region_all_apply() {
    const WRITERS: i64 = 30;
    let app = spawn_app().await;
    set_quota(&app).await;
    let t = app.ministry();
    let statuses: Vec<u16> = futures_util::future::join_all((0..WRITERS).map(|i| {
        let req = app.put("/v1/quotas/2026/regions/KZ-75").token(&t);
        let body = json!({"categories": [{"category": "3", "allocated": 10 + i}], "reason": "Order No. 412"});
        async move { req.json(&body).await.status }
    }))
    .await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let national = app.get("/v1/quotas/2026").token(&t).send().await;
    let national = national.ok(200);
    let cat3 = national["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "3")
        .unwrap()
        .clone();
    let region = app
        .get("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .send()
        .await;
    let allocated = region.ok(200)["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "3")
        .unwrap()["allocated"]
        .clone();
    assert_eq!(
        cat3["distributed"], allocated,
        "the national counter follows the region"
    );
}
