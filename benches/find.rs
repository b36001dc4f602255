//! The console's queue and search (issue 21, item 2) at 10,000 cases in one region: the
//! server's time of `cases::permit::list::queue` — what `GET /console/queue` runs between
//! reading the session and rendering — for the default queue, its second page, each
//! filter and a search by each key, on a fresh SQLite file (the service's default) or the
//! PostgreSQL database `BENCH_DATABASE_URL` names (it must be empty; it is migrated and
//! filled). Prints the median and the worst of `BENCH_RUNS` runs (default 50) of each and
//! whether the target (≤ 50 ms) is met.
//!
//! `cargo bench --bench find` (`BENCH_CASES` changes the 10,000).

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use permits::cases::permit::list::{self, Listing};
use permits::config::{DatabaseSettings, Secret};
use permits::db;
use permits::domain::permit::PermitState;
use permits::domain::search::search_keys;
use permits::domain::{Category, EmployerId, RegionCode};
use std::path::Path;
use std::time::Instant;

/// The target of issue 21: the queue and a search answer within 50 ms of server time.
const TARGET_MS: f64 = 50.0;

/// `n` cases in Atyrau (KZ-23): case `i` of employer `i % 200` (the 200 first valid BINs
/// from 100000000000, in `bench_bins`; employer `k` named "Employer k+1 LLP"),
/// category `i % 5`, every fourth still awaiting a decision, the others issued with a
/// number; each with two workers (passports `P{i}A`, `P{i}B`); filed over 300 days.
fn fill_sql(n: i64, postgres: bool) -> String {
    let series = if postgres {
        format!("SELECT generate_series(1, {n}) AS i")
    } else {
        format!(
            "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) \
             SELECT i FROM s"
        )
    };
    let day = |base: &str, expr: &str| {
        if postgres {
            format!("(DATE '{base}' + ({expr})::int)")
        } else {
            format!("date('{base}', '+' || ({expr}) || ' days')")
        }
    };
    let bin = "(SELECT bin FROM bench_bins WHERE k = i % 200)";
    let status = "CASE WHEN i % 4 = 0 THEN 'applied' ELSE 'active' END";
    let bins: Vec<String> = bins()
        .into_iter()
        .enumerate()
        .map(|(k, b)| format!("({k}, '{b}')"))
        .collect();
    let sql = format!(
        "CREATE TABLE bench_bins (k INTEGER PRIMARY KEY, bin TEXT NOT NULL);
         INSERT INTO bench_bins (k, bin) VALUES {bins};
         INSERT INTO employer_profiles (bin, effective_from, name, legal_form, foreign_division,
             sector, region, workforce, version, updated_at, updated_by, employer_type, small_business)
         SELECT {bin}, DATE '2025-01-01', 'Employer ' || i || ' LLP', 'LLP', false, 'B', 'KZ-23',
             '[]', 1, TIMESTAMP '2025-01-01 00:00:00', 'bench', NULL, false
         FROM ({series}) s WHERE i <= 200;
         INSERT INTO permits (id, kind, parent_id, bin, category, start_date, end_date,
             quota_year, status, decision_due, ended_on, end_ground, filed_on, filed_at,
             filed_by, version)
         SELECT i, 'permit', NULL, {bin}, CASE i % 5 WHEN 0 THEN '1' WHEN 1 THEN '2'
                 WHEN 2 THEN '3' WHEN 3 THEN '4' ELSE 'seasonal' END,
             {start}, {end}, 2026, {status}, {due}, NULL, NULL, {filed},
             TIMESTAMP '2026-01-01 04:00:00', 'bench', 1
         FROM ({series}) s;
         INSERT INTO permit_regions (permit_id, region, decision, grounds, decided_at,
             decided_by, hold_id, fee_rate_mrp, payment_due, paid_tiyn, mrp_tiyn, paid_on,
             payment_reference)
         SELECT i, 'KZ-23', CASE WHEN i % 4 = 0 THEN 'pending' ELSE 'refused' END, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
         FROM ({series}) s;
         INSERT INTO permit_details (permit_id, profession, term_unit, term_length, vacancy_code,
             vacancy_published_on, replacement_months, checks, end_note, suspension_reason,
             number, issued_on, sector)
         SELECT i, 'Engineer', 'months', 12, NULL, NULL, NULL, '[]', NULL, NULL,
             CASE WHEN i % 4 = 0 THEN NULL ELSE 'KZ-2026-' || i || '-BENCH' END, NULL, 'B'
         FROM ({series}) s;
         INSERT INTO permit_workers (permit_id, full_name_latin, full_name_cyrillic,
             citizenship, passport_number, passport_expiry, birth_date, education, profession,
             occupation_code, experience_years, qualification_ref, needs_permit, departed_on,
             departure_evidence)
         SELECT i, 'WORKER ' || w || ' NUMBER ' || i, NULL, 'TUR', 'P' || i || w,
             DATE '2030-01-01', DATE '1985-01-01', 'higher', 'Engineer', '2146', 5, NULL,
             true, NULL, NULL
         FROM ({series}) s CROSS JOIN (SELECT 'A' AS w UNION ALL SELECT 'B') ws;",
        start = day("2026-01-01", "i % 300"),
        end = day("2026-12-31", "i % 300"),
        due = day("2025-12-11", "i % 300"),
        filed = day("2025-12-01", "i % 300"),
        bins = bins.join(", "),
    );
    if postgres {
        sql
    } else {
        // SQLite stores dates and times as text, and knows no typed literal.
        sql.replace("DATE '", "'").replace("TIMESTAMP '", "'")
    }
}

/// The (deadline, id) a page continues after.
type After = Option<(NaiveDate, i64)>;

/// The 200 first valid BINs from 100000000000.
fn bins() -> Vec<String> {
    (100_000_000_000_i64..)
        .map(|b| b.to_string())
        .filter(|b| b.parse::<EmployerId>().is_ok())
        .take(200)
        .collect()
}

/// Median and worst of `runs` timings of `f`, in ms.
fn measure(runs: usize, mut f: impl FnMut() -> usize) -> (f64, f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        found = f();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], times[runs - 1], found)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: i64 = std::env::var("BENCH_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let file = std::env::temp_dir().join(format!("find-bench-{}.db", std::process::id()));
    let url =
        std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| file.to_string_lossy().into_owned());
    let postgres = url.starts_with("postgres");
    let pool = db::pool(&DatabaseSettings {
        url: Secret::new(url),
        pool_size: 1,
        connect_timeout_seconds: 5,
        statements: None,
    })?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    db::seed::run(
        &mut conn,
        Path::new("config/seed"),
        chrono::Utc::now().naive_utc(),
    )?;
    let start = Instant::now();
    conn.batch_execute(&fill_sql(n, postgres))?;
    conn.batch_execute("ANALYZE")?;
    println!(
        "{n} cases in KZ-23 filled in {:.1} s ({})",
        start.elapsed().as_secs_f64(),
        if postgres { "PostgreSQL" } else { "SQLite" }
    );
    let bin = bins()[7].clone();
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("date")?;
    let akimat = Listing {
        region: Some("KZ-23".parse::<RegionCode>()?),
        limit: 50,
        ..Listing::default()
    };
    let second = {
        let first = list::queue(&mut conn, &akimat, None, today)?;
        let last = first.items.last().ok_or("an empty queue")?;
        Some((last.decision_due, last.id))
    };
    let with = |f: &dyn Fn(&mut Listing)| {
        let mut l = akimat.clone();
        f(&mut l);
        l
    };
    let cases: Vec<(&str, Listing, After)> = vec![
        ("queue, first page", akimat.clone(), None),
        ("queue, second page", akimat.clone(), second),
        (
            "status active",
            with(&|l| l.status = Some(PermitState::Active)),
            None,
        ),
        (
            "category 3",
            with(&|l| l.category = Category::from_code("3")),
            None,
        ),
        ("employer", with(&|l| l.bin = bin.parse().ok()), None),
        (
            "due by 2026-03-01",
            with(&|l| l.due_by = NaiveDate::from_ymd_opt(2026, 3, 1)),
            None,
        ),
        (
            "search: case id",
            with(&|l| l.search = search_keys("4321")),
            None,
        ),
        (
            "search: permit number",
            with(&|l| l.search = search_keys("kz-2026-4321-bench")),
            None,
        ),
        ("search: BIN", with(&|l| l.search = search_keys(&bin)), None),
        (
            "search: employer name",
            with(&|l| l.search = search_keys("employer 8 llp")),
            None,
        ),
        (
            "search: passport",
            with(&|l| l.search = search_keys("p4321a")),
            None,
        ),
        (
            "search: Latin name",
            with(&|l| l.search = search_keys("number 4321")),
            None,
        ),
    ];
    let mut worst_all: f64 = 0.0;
    for (what, l, after) in &cases {
        let (median, worst, found) = measure(runs, || {
            list::queue(&mut conn, l, *after, today)
                .map(|p| usize::try_from(p.total).unwrap_or(0))
                .unwrap_or(0)
        });
        worst_all = worst_all.max(median);
        println!("  {what:<24} total {found:>5}: median {median:6.2} ms, worst {worst:6.2} ms");
    }
    println!(
        "slowest median {worst_all:.2} ms: {} the {TARGET_MS} ms target",
        if worst_all <= TARGET_MS {
            "meets"
        } else {
            "misses"
        }
    );
    drop(conn);
    drop(pool);
    if !postgres {
        std::fs::remove_file(&file)?;
    }
    Ok(())
}
