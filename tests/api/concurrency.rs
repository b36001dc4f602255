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
use std::sync::{Arc, Barrier};

const ATTEMPTS: usize = 240;
const ALLOCATION: i64 = 50;

#[actix_web::test]
async fn parallel_holds_against_a_small_allocation_take_exactly_the_allocation() {
    let app = spawn_app().await;
    set_quota(&app).await;
    allocate(&app, "KZ-75", "3", ALLOCATION).await.ok(200);
    let pool = permits::db::pool(&DatabaseSettings {
        url: Secret::new(app.db_url.clone()),
        pool_size: 16,
        connect_timeout_seconds: 120,
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
                    match write_tx(&mut conn, |c| ledger::hold(c, &claim, &case, &actor())) {
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
