//! Throughput of the quota ledger's hold under contention (the January rush), against the
//! raw database doing the same transaction by hand, in the same order, in one round trip. Prints ratios, asserts nothing about
//! time. `cargo bench --bench quota_hold` (SQLite in a temp dir), or with
//! `BENCH_DATABASE_URL=postgres://…/permits_bench` on an empty PostgreSQL database.

use diesel::connection::SimpleConnection;
use permits::cases::ledger;
use permits::config::{DatabaseSettings, Secret};
use permits::db::audit::Actor;
use permits::db::quota::{self, SetNational};
use permits::db::{self, write_tx, Pool};
use permits::domain::hold::{CaseKind, CaseRef, QuotaClaim, Units};
use permits::domain::Category;
use rust_decimal::Decimal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

const HOLDS: usize = 4000;
const THREADS: usize = 8;

fn actor() -> Actor {
    Actor {
        sub: "bench".into(),
        role: "akimat",
        request_id: "bench".into(),
        at: chrono::Utc::now().naive_utc(),
    }
}

fn setup() -> (Pool, Option<std::path::PathBuf>) {
    let (url, dir) = match std::env::var("BENCH_DATABASE_URL") {
        Ok(u) => (u, None),
        Err(_) => {
            let dir = std::env::temp_dir()
                .join(format!("permits-bench-{}", uuid::Uuid::new_v4().simple()));
            (
                dir.join("bench.db").to_string_lossy().into_owned(),
                Some(dir),
            )
        }
    };
    let pool = db::pool(&DatabaseSettings {
        url: Secret::new(url),
        pool_size: THREADS as u32,
        connect_timeout_seconds: 60,
        statements: None,
    })
    .expect("bench database");
    let mut conn = pool.get().expect("connection");
    db::migrate(&mut conn).expect("migrations");
    db::seed::run(&mut conn, std::path::Path::new("config/seed"), actor().at).expect("seed");
    let all = [
        Category::Heads,
        Category::DivisionHeads,
        Category::Specialists,
        Category::QualifiedWorkers,
        Category::Seasonal,
    ];
    write_tx(&mut conn, |c| {
        quota::set_national(
            c,
            &SetNational {
                year: 2026,
                labour_force: 100_000_000,
                labour_force_source: "bench".into(),
                permit_percent: Decimal::ONE,
                immigrant_percent: Decimal::ONE,
                categories: all.iter().map(|c| (*c, 100_000)).collect(),
                countries: vec![],
                order_number: "bench".into(),
                order_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            },
            None,
            &actor(),
            |_| Ok("{}".into()),
        )?;
        quota::set_regional(
            c,
            2026,
            &"KZ-75".parse().unwrap(),
            &[(Category::Specialists, 100_000)],
            "bench",
            &actor(),
        )
    })
    .expect("quota");
    (pool, dir)
}

/// Runs `HOLDS` transactions from `THREADS` threads; returns transactions per second.
fn run(pool: &Pool, f: impl Fn(&mut db::Conn, usize) + Sync) -> f64 {
    let next = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                let mut conn = pool.get().expect("connection");
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= HOLDS {
                        break;
                    }
                    f(&mut conn, i);
                }
            });
        }
    });
    HOLDS as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let (pool, dir) = setup();
    let claim = QuotaClaim {
        year: 2026,
        region: "KZ-75".parse().unwrap(),
        category: Category::Specialists,
        country: None,
        units: Units::new(1).unwrap(),
    };
    let service = run(&pool, |conn, i| {
        let case = CaseRef::new(CaseKind::Permit, i as i64);
        write_tx(conn, |c| ledger::hold(c, &claim, &case, &actor())?.take(c)).expect("hold");
    });
    let raw = run(&pool, |conn, i| {
        let begin = match conn {
            db::AnyConnection::Sqlite(_) => "BEGIN IMMEDIATE",
            db::AnyConnection::Postgresql(_) => "BEGIN",
        };
        conn.batch_execute(&format!(
            "{begin};
             INSERT INTO quota_holds (year, region, category, units, case_ref, state, created_at, updated_at)
               VALUES (2026, 'KZ-75', '3', 1, 'raw:{i}', 'held', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
             INSERT INTO quota_ledger (year, region, category, movement, allocated_delta, held_delta, used_delta,
               note, occurred_at, actor, request_id)
               VALUES (2026, 'KZ-75', '3', 'hold', 0, 1, 0, 'raw:{i}', CURRENT_TIMESTAMP, 'bench', 'bench');
             UPDATE regional_quotas SET held = held + 1
               WHERE year = 2026 AND region = 'KZ-75' AND category = '3' AND held + used + 1 <= allocated;
             COMMIT;"
        ))
        .expect("raw hold");
    });
    println!("quota hold, {HOLDS} transactions from {THREADS} threads");
    println!("  service ledger code: {service:>9.0} tx/s");
    println!("  raw SQL, same work:  {raw:>9.0} tx/s");
    println!("  ratio service/raw:   {:>9.2}", service / raw);
    if let Some(d) = dir {
        let _ = std::fs::remove_dir_all(d);
    }
}
