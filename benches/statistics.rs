//! The quota utilization report at national scale: 10 million synthetic permits on
//! PostgreSQL, the report answered from the counters (`db::quota::regional` +
//! `db::statistics::monthly_use`, what `GET /v1/statistics/{year}/quota-utilization[/monthly]`
//! run), against the equivalent GROUP BY over the permits, in one run. Prints both times,
//! their ratio and whether the targets (≤ 50 ms, ≥ 100×) are met, and checks both give the
//! same figures.
//!
//! `cargo bench --bench statistics` creates a fresh database next to the one
//! `BENCH_ADMIN_URL` names (default `postgres://postgres@127.0.0.1:5432/postgres`), loads
//! `BENCH_PERMITS` permits (default 10,000,000: a few GB and several minutes), and drops
//! it at the end (`BENCH_KEEP=1` keeps it).

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use permits::db::audit::Actor;
use permits::db::quota::{self, SetNational};
use permits::db::statistics::{monthly_use, recount_sql};
use permits::db::{self, read_tx, write_tx, AnyConnection, Backend};
use permits::domain::Category;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

fn actor() -> Actor {
    Actor {
        sub: "bench".into(),
        role: "ministry",
        request_id: "bench".into(),
        at: chrono::Utc::now().naive_utc(),
    }
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let v = f();
    println!("  {what}: {:.1} s", start.elapsed().as_secs_f64());
    v
}

/// The synthetic permits: `(i / 5) % 20` picks the state (60 % active), `i % 5` the
/// category, `(i / 3) % 20` the region, `(i / 7) % 20` the sector, `(i / 11) % 15` the
/// worker's country; filed over 330 days from 1 December 2025.
fn load_sql(n: i64) -> String {
    format!(
        "SET synchronous_commit = off;
         INSERT INTO permits (id, kind, parent_id, bin, category, start_date, end_date,
             quota_year, status, decision_due, ended_on, end_ground, filed_on, filed_at,
             filed_by, version)
         OVERRIDING SYSTEM VALUE
         SELECT i, 'permit', NULL, '210340000013', (ARRAY['1','2','3','4','seasonal'])[1 + i % 5],
             DATE '2026-01-01' + (i % 300)::int, DATE '2026-01-01' + (i % 300)::int + 364, 2026,
             (ARRAY['active','active','active','active','active','active','active','active',
                 'active','active','active','active','suspended','revoked','returned','lapsed',
                 'refused','withdrawn','applied','awaiting_payment'])[1 + (i / 5) % 20],
             DATE '2025-12-01' + (i % 330)::int + 10,
             CASE WHEN (i / 5) % 20 IN (13, 14, 15) THEN DATE '2025-12-01' + (i % 330)::int + 40 END,
             CASE (i / 5) % 20 WHEN 13 THEN 'employer-liquidated' WHEN 14 THEN 'returned'
                 WHEN 15 THEN 'unpaid-fee' END,
             DATE '2025-12-01' + (i % 330)::int,
             TIMESTAMP '2025-12-01 04:00:00' + (i % 330) * INTERVAL '1 day', 'bench', 1
         FROM generate_series(1, {n}) AS i;
         INSERT INTO permit_details (permit_id, profession, term_unit, term_length, checks, sector)
         SELECT i, 'Engineer', 'months', 12, '[]',
             (ARRAY['A','B','C','D','E','F','G','H','I','J','K','L','M','N','O','P','Q','R','S',
                 'T'])[1 + (i / 7) % 20]
         FROM generate_series(1, {n}) AS i;
         INSERT INTO permit_regions (permit_id, region, decision, grounds, decided_at, decided_on,
             decided_by, hold_id, fee_rate_mrp, payment_due, paid_tiyn, mrp_tiyn, paid_on,
             payment_reference)
         SELECT i, a.codes[1 + (i / 3) % 20],
             CASE WHEN s = 16 THEN 'refused' WHEN s IN (17, 18) THEN 'pending' ELSE 'approved' END,
             CASE WHEN s = 16 THEN '[\"unreliable-documents\"]' END,
             CASE WHEN s NOT IN (17, 18) THEN f + (i % 12)::int + TIME '04:00' END,
             CASE WHEN s NOT IN (17, 18) THEN f + (i % 12)::int END,
             CASE WHEN s NOT IN (17, 18) THEN 'bench' END,
             CASE WHEN s NOT IN (16, 17, 18) THEN 1 END,
             CASE WHEN s NOT IN (16, 17, 18) THEN 202 END,
             CASE WHEN s NOT IN (16, 17, 18) THEN f + 25 END,
             CASE WHEN s <= 14 THEN 87365000 END,
             CASE WHEN s <= 14 THEN 432500 END,
             CASE WHEN s <= 14 THEN f + (i % 12)::int + 5 END,
             CASE WHEN s <= 14 THEN 'bench' END
         FROM (SELECT i, ((i / 5) % 20)::int AS s, DATE '2025-12-01' + (i % 330)::int AS f
               FROM generate_series(1, {n}) AS i) g
         CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM regions) a;
         INSERT INTO permit_workers (permit_id, full_name_latin, citizenship, passport_number,
             passport_expiry, birth_date, education, profession, occupation_code,
             experience_years, needs_permit)
         SELECT i, 'Worker', (ARRAY['TUR','CHN','IND','UZB','TJK','PAK','AFG','IRN','KOR','VNM',
                 'PHL','BGD','NPL','EGY','GEO'])[1 + (i / 11) % 15],
             'P' || i, DATE '2030-01-01', DATE '1985-01-01', 'higher', 'Engineer', '2146', 5, TRUE
         FROM generate_series(1, {n}) AS i;"
    )
}

/// The equivalent of the report over the permits: per region and category, units held and
/// used, and per month units issued and given back.
const GROUP_BY: &str = "
    WITH u AS (SELECT permit_id, COUNT(*) AS n FROM permit_workers WHERE needs_permit
               GROUP BY permit_id),
    pd AS (SELECT permit_id, MAX(paid_on) AS paid FROM permit_regions GROUP BY permit_id)
    SELECT r.region, p.category, to_char(pd.paid, 'YYYY-MM') AS month,
        'quota_used' AS measure, CAST(SUM(u.n) AS BIGINT) AS n
    FROM permits p JOIN permit_regions r ON r.permit_id = p.id
        JOIN pd ON pd.permit_id = p.id JOIN u ON u.permit_id = p.id
    WHERE p.quota_year = 2026 AND p.status IN ('active', 'suspended', 'revoked', 'returned')
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT r.region, p.category, to_char(p.ended_on, 'YYYY-MM'), 'quota_released',
        CAST(SUM(u.n) AS BIGINT)
    FROM permits p JOIN permit_regions r ON r.permit_id = p.id JOIN u ON u.permit_id = p.id
    WHERE p.quota_year = 2026 AND p.status IN ('revoked', 'returned')
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT r.region, p.category, '', CASE WHEN p.status IN ('applied', 'awaiting_payment')
        THEN 'held' ELSE 'used' END, CAST(SUM(u.n) AS BIGINT)
    FROM permits p JOIN permit_regions r ON r.permit_id = p.id JOIN u ON u.permit_id = p.id
    WHERE p.quota_year = 2026 AND ((p.status IN ('applied', 'awaiting_payment')
        AND r.decision = 'approved') OR p.status IN ('active', 'suspended'))
    GROUP BY 1, 2, 3, 4";

#[derive(QueryableByName, Debug)]
struct Line {
    #[diesel(sql_type = diesel::sql_types::Text)]
    region: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    category: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    month: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    measure: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

type Figures = BTreeMap<(String, String, String, String), i64>;

/// The report as the service answers it, from the counters.
fn report(conn: &mut AnyConnection) -> Figures {
    read_tx(conn, |c| {
        let rows = quota::regional(c, 2026, None)?;
        let months = monthly_use(c, 2026, None)?;
        let mut out = Figures::new();
        for r in rows {
            let a = r.allocation();
            for (m, v) in [("held", a.held), ("used", a.used)] {
                out.insert(
                    (
                        r.region.to_string(),
                        r.category.code().into(),
                        String::new(),
                        m.into(),
                    ),
                    v,
                );
            }
        }
        for m in months {
            out.insert(
                (
                    m.region,
                    m.category.code().into(),
                    m.month,
                    m.measure.as_str().into(),
                ),
                m.figures.workers,
            );
        }
        Ok::<_, diesel::result::Error>(out)
    })
    .expect("report")
}

fn group_by(conn: &mut AnyConnection) -> Figures {
    let lines: Vec<Line> = diesel::sql_query(GROUP_BY).load(conn).expect("group by");
    lines
        .into_iter()
        .map(|l| ((l.region, l.category, l.month, l.measure), l.n))
        .collect()
}

fn main() {
    let admin_url = std::env::var("BENCH_ADMIN_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let n: i64 = std::env::var("BENCH_PERMITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000_000);
    let name = format!("permits_stats_bench_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::establish(&admin_url).expect("admin connection");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create database");
    let (base, _) = admin_url.rsplit_once('/').expect("URL with a database");
    let url = format!("{base}/{name}");
    println!("statistics benchmark: {n} permits in {name}");
    let mut conn = AnyConnection::Postgresql(PgConnection::establish(&url).expect("connect"));
    // Memory for the loading aggregates and the GROUP BY alike (the counters need none).
    conn.batch_execute("SET work_mem = '256MB'")
        .expect("work_mem");
    db::migrate(&mut conn).expect("migrations");
    db::seed::run(&mut conn, std::path::Path::new("config/seed"), actor().at).expect("seed");
    write_tx(&mut conn, |c| {
        quota::set_national(
            c,
            &SetNational {
                year: 2026,
                labour_force: 100_000_000_000,
                labour_force_source: "bench".into(),
                permit_percent: Decimal::ONE,
                immigrant_percent: Decimal::ONE,
                categories: Category::ALL.iter().map(|c| (*c, 200_000_000)).collect(),
                countries: vec![],
                order_number: "bench".into(),
                order_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            },
            None,
            &actor(),
            |_| Ok("{}".into()),
        )
    })
    .expect("national quota");
    conn.batch_execute(
        "INSERT INTO regional_quotas (year, region, category, allocated)
             SELECT 2026, r.code, c.category, 10000000 FROM regions r
             CROSS JOIN national_category_quotas c WHERE c.year = 2026;
         INSERT INTO quota_holds (year, region, category, units, case_ref, state, created_at,
             updated_at) VALUES (2026, 'KZ-75', '3', 1, 'bench', 'confirmed',
             CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);",
    )
    .expect("regional rows");
    println!("loading:");
    timed("permits, details, regions, workers", || {
        conn.batch_execute(&load_sql(n)).expect("load")
    });
    timed("analyze", || {
        conn.batch_execute("ANALYZE").expect("analyze")
    });
    // The counters the commands would have kept: the recount, written once.
    timed("counters (the recount)", || {
        conn.batch_execute(&format!(
            "INSERT INTO permit_stats (year, measure, region, category, month, sector, country,
                 ground, days, permits, workers, amount)
             SELECT year, measure, region, category, month, sector, country, ground, days,
                 permits, workers, amount FROM ({}) x;
             ANALYZE permit_stats;",
            recount_sql(Backend::Postgres)
        ))
        .expect("counters")
    });
    timed("regional held and used", || {
        conn.batch_execute(
            "UPDATE regional_quotas q SET held = s.held, used = s.used FROM (
                 SELECT r.region, p.category,
                     SUM(CASE WHEN p.status IN ('applied', 'awaiting_payment')
                         AND r.decision = 'approved' THEN 1 ELSE 0 END) AS held,
                     SUM(CASE WHEN p.status IN ('active', 'suspended') THEN 1 ELSE 0 END) AS used
                 FROM permits p JOIN permit_regions r ON r.permit_id = p.id
                 GROUP BY r.region, p.category) s
             WHERE q.year = 2026 AND q.region = s.region AND q.category = s.category",
        )
        .expect("regional figures")
    });
    let rows: i64 = {
        #[derive(QueryableByName)]
        struct C {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            c: i64,
        }
        let c: Vec<C> = diesel::sql_query("SELECT COUNT(*) AS c FROM permit_stats")
            .load(&mut conn)
            .expect("count");
        c.first().map_or(0, |c| c.c)
    };
    println!("  {rows} counter rows");

    // The report from the counters: the median of 21 runs (the first warms the cache).
    let mut times: Vec<Duration> = Vec::new();
    let mut from_counters = Figures::new();
    for _ in 0..21 {
        let start = Instant::now();
        from_counters = report(&mut conn);
        times.push(start.elapsed());
    }
    times.sort();
    let counters = times[times.len() / 2];
    // The GROUP BY over the permits: the best of 2.
    let mut scans: Vec<Duration> = Vec::new();
    let mut from_scan = Figures::new();
    for _ in 0..2 {
        let start = Instant::now();
        from_scan = group_by(&mut conn);
        scans.push(start.elapsed());
    }
    scans.sort();
    let scan = scans[0];
    from_scan.retain(|_, v| *v != 0);
    from_counters.retain(|_, v| *v != 0);
    let same = from_scan == from_counters;
    let ratio = scan.as_secs_f64() / counters.as_secs_f64();
    println!(
        "quota utilization report, {n} permits, {} figures:",
        from_counters.len()
    );
    println!(
        "  from the counters (median of 21): {:>10.2} ms",
        counters.as_secs_f64() * 1e3
    );
    println!(
        "  GROUP BY over the permits (best of 2): {:>10.2} ms",
        scan.as_secs_f64() * 1e3
    );
    println!("  ratio: {ratio:.0}x");
    println!("  the same figures: {same}");
    let met = counters <= Duration::from_millis(50) && ratio >= 100.0 && same;
    println!(
        "  targets (<= 50 ms, >= 100x, same figures): {}",
        if met { "met" } else { "NOT met" }
    );
    drop(conn);
    if std::env::var("BENCH_KEEP").is_err() {
        admin
            .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .expect("drop database");
    }
}
