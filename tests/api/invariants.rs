//! The quota invariants, checked in the database after every step of a long random
//! sequence of allocations, transfers, holds, confirmations and releases driven through
//! the real db code — on whichever database the suite runs on.

use crate::helpers::*;
use crate::quotas::actor;
use diesel::prelude::*;
use permits::cases::{ledger, CaseError};
use permits::db::quota::{self, Transfer};
use permits::db::schema::quota_holds;
use permits::db::{write_tx, Conn};
use permits::domain::hold::{CaseKind, CaseRef, QuotaClaim, Release, Units};
use permits::domain::quota::Pool;
use permits::domain::{Category, RegionCode};
use serde_json::json;
use std::collections::HashMap;

/// xorshift64*: a small deterministic generator, so a failure replays exactly.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

const STEPS: usize = 400;
const REGIONS: [&str; 3] = ["KZ-10", "KZ-11", "KZ-15"];
const CATEGORIES: [Category; 2] = [Category::Specialists, Category::QualifiedWorkers];

pub(crate) fn check_invariants(conn: &mut Conn, step: usize) {
    let national = quota::national(conn, 2026).unwrap().unwrap();
    let regions = quota::regional(conn, 2026, None).unwrap();
    let ledger = quota::ledger(conn, 2026, None, None, None, 1_000_000).unwrap();
    let holds: Vec<(String, String, i64, String)> = quota_holds::table
        .select((
            quota_holds::region,
            quota_holds::category,
            quota_holds::units,
            quota_holds::state,
        ))
        .load(conn)
        .unwrap();
    for c in &national.categories {
        let distributed: i64 = regions
            .iter()
            .filter(|r| r.category == c.category)
            .map(|r| r.allocated)
            .sum();
        assert_eq!(
            distributed, c.distributed,
            "step {step}: regions add up to the distributed counter"
        );
        assert!(
            c.distributed <= c.total,
            "step {step}: regions never exceed the national figure"
        );
    }
    let mut lines: HashMap<(String, String), (i64, i64, i64)> = HashMap::new();
    for l in &ledger {
        let e = lines
            .entry((l.region.clone(), l.category.code().to_owned()))
            .or_default();
        *e = (
            e.0 + l.allocated_delta,
            e.1 + l.held_delta,
            e.2 + l.used_delta,
        );
    }
    for r in &regions {
        assert!(
            r.held >= 0 && r.used >= 0 && r.held + r.used <= r.allocated,
            "step {step}: {r:?}"
        );
        let key = (r.region.to_string(), r.category.code().to_owned());
        assert_eq!(
            lines.get(&key).copied().unwrap_or_default(),
            (r.allocated, r.held, r.used),
            "step {step}: the ledger explains {key:?}"
        );
        let of = |state: &str| -> i64 {
            holds
                .iter()
                .filter(|h| h.0 == r.region.as_str() && h.1 == r.category.code() && h.3 == state)
                .map(|h| h.2)
                .sum()
        };
        assert_eq!(
            (of("held"), of("confirmed")),
            (r.held, r.used),
            "step {step}: holds match {key:?}"
        );
    }
}

#[actix_web::test]
async fn quota_invariants_hold_in_the_database_after_every_step() {
    let app = spawn_app().await;
    let small = json!({
        "labour_force": 100_000, "labour_force_source": "test", "permit_percent": "1",
        "categories": [
            {"category": "1", "number": 0}, {"category": "2", "number": 0},
            {"category": "3", "number": 120}, {"category": "4", "number": 80},
            {"category": "seasonal", "number": 0}
        ],
        "labour_immigrant_percent": "1",
        "order": {"number": "test", "date": "2025-12-01"}
    });
    app.put("/v1/quotas/2026")
        .token(&app.ministry())
        .json(&small)
        .await
        .ok(201);
    let mut conn = app.pool.get().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut live: Vec<(i64, bool)> = Vec::new();
    let regions: Vec<RegionCode> = REGIONS.iter().map(|r| r.parse().unwrap()).collect();
    let (mut done, mut refused) = (0, 0);
    for step in 0..STEPS {
        let region = &regions[rng.below(3) as usize];
        let category = CATEGORIES[rng.below(2) as usize];
        let outcome: Result<(), CaseError> = match rng.below(5) {
            0 => write_tx(&mut conn, |c| {
                let n = rng.below(70) as i64;
                quota::set_regional(c, 2026, region, &[(category, n)], "test", &actor()).map(drop)
            }),
            1 => {
                let pool = |i: u64| match i {
                    3 => Pool::Reserve,
                    i => Pool::Region(regions[i as usize].clone()),
                };
                let (from, to) = (pool(rng.below(4)), pool(rng.below(4)));
                let units = 1 + rng.below(25) as i64;
                write_tx(&mut conn, |c| {
                    let t = Transfer {
                        year: 2026,
                        category,
                        from: &from,
                        to: &to,
                        units,
                        reason: "test",
                    };
                    quota::transfer(c, &t, &actor()).map(drop)
                })
            }
            2 => {
                let case = CaseRef::new(CaseKind::Permit, step as i64);
                let claim = QuotaClaim {
                    year: 2026,
                    region: region.clone(),
                    category,
                    country: None,
                    units: Units::new(1 + rng.below(4) as u32).unwrap(),
                };
                write_tx(&mut conn, |c| {
                    ledger::hold(c, &claim, &case, &actor())?.take(c)
                })
                .map(|h| live.push((h.id, false)))
            }
            3 if !live.is_empty() => {
                let i = rng.below(live.len() as u64) as usize;
                let (id, confirmed) = live[i];
                let r = write_tx(&mut conn, |c| ledger::confirm(c, id, &actor()).map(drop));
                if r.is_ok() {
                    live[i] = (id, true);
                }
                assert_eq!(
                    r.is_ok(),
                    !confirmed,
                    "step {step}: only a held hold confirms"
                );
                r
            }
            _ if !live.is_empty() => {
                let i = rng.below(live.len() as u64) as usize;
                let (id, confirmed) = live.swap_remove(i);
                let why = if confirmed {
                    Release::Revoked
                } else {
                    Release::Withdrawn
                };
                write_tx(&mut conn, |c| {
                    ledger::release(c, id, why, &actor()).map(drop)
                })
            }
            _ => Ok(()),
        };
        match outcome {
            Ok(()) => done += 1,
            Err(CaseError::Refused(_)) => refused += 1,
            Err(other) => panic!("step {step}: {other:?}"),
        }
        check_invariants(&mut conn, step);
    }
    assert!(
        done > STEPS / 3 && refused > 10,
        "the sequence exercised both outcomes: {done} done, {refused} refused"
    );
}
