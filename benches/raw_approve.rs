//! The P1 baseline of `benches/load.sh` on SQLite: the hand-minimal transaction that takes
//! the service's approval decision (`benches/sql/approve.sql`, the same file pgbench runs on
//! PostgreSQL), sent through the SQLite library from 50 threads, one connection each, with
//! the service's pragmas and `BEGIN IMMEDIATE`, writers queued on an in-process lock; no
//! HTTP, no JSON, no Rust model around them.
//!
//! `raw_approve <sqlite file> <approve.sql> <clients> <first id> <count> [name=value ...]`:
//! approves permits `first id ..first id + count`, each in one transaction, and prints
//! `transactions tps p50_ms p99_ms`.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use diesel::sqlite::SqliteConnection;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// The PostgreSQL-only spellings of the script as diesel spells them for SQLite:
/// `= ANY('{a,b}')` and `!= ALL('{a,b}')` become `IN`/`NOT IN` lists, `= ANY(SELECT …)`
/// becomes `IN (SELECT …)`, `'t'` becomes 1, and `FOR UPDATE` goes (SQLite's writers
/// already take turns).
fn to_sqlite(sql: &str) -> String {
    let mut out = sql
        .replace("= 't'", "= 1")
        .replace(" = ANY(SELECT ", " IN (SELECT ")
        .replace(" FOR UPDATE", "");
    for (pg, lite) in [(" = ANY('{", " IN ("), (" != ALL('{", " NOT IN (")] {
        while let Some(at) = out.find(pg) {
            let rest = &out[at + pg.len()..];
            let end = rest.find("}')").expect("a closed array literal");
            let list = rest[..end]
                .split(',')
                .map(|v| format!("'{v}'"))
                .collect::<Vec<_>>()
                .join(", ");
            out = format!("{}{lite}{list}){}", &out[..at], &rest[end + 3..]);
        }
    }
    out
}

/// One command of the script: SQL, and the variable its single value is stored in.
struct Command {
    sql: String,
    gset: Option<String>,
}

#[derive(QueryableByName)]
struct Value {
    #[diesel(sql_type = BigInt)]
    v: i64,
}

/// Reads a pgbench script of SQL commands: each ends with `;` or with `\gset`, whose query
/// names its one column `AS <variable>`.
fn parse(text: &str) -> Vec<Command> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("--") {
            continue;
        }
        cur.push_str(t);
        cur.push(' ');
        let body = cur.trim_end().to_owned();
        if let Some(q) = body.strip_suffix("\\gset") {
            let q = q.trim_end();
            let at = q
                .rfind(" AS ")
                .expect("a \\gset query names its column AS var");
            out.push(Command {
                sql: to_sqlite(&format!("{} AS v", &q[..at])),
                gset: Some(q[at + 4..].trim().to_owned()),
            });
            cur.clear();
        } else if body.ends_with(';') {
            out.push(Command {
                sql: to_sqlite(&body),
                gset: None,
            });
            cur.clear();
        }
    }
    out
}

/// Replaces `:name` with the variable's value as an SQL literal (`::` casts untouched).
fn substitute(sql: &str, vars: &HashMap<String, String>) -> String {
    let b = sql.as_bytes();
    let mut out = String::with_capacity(sql.len() + 32);
    let mut i = 0;
    while i < b.len() {
        if b[i] == b':' && i + 1 < b.len() && b[i + 1] == b':' {
            out.push_str("::");
            i += 2;
            continue;
        }
        if b[i] == b':' && i + 1 < b.len() && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'_') {
            let end = (i + 1..b.len())
                .find(|&j| !(b[j].is_ascii_alphanumeric() || b[j] == b'_'))
                .unwrap_or(b.len());
            let name = &sql[i + 1..end];
            let value = vars
                .get(name)
                .unwrap_or_else(|| panic!("no variable {name}"));
            if value.parse::<i64>().is_ok() {
                out.push_str(value);
            } else {
                out.push('\'');
                out.push_str(&value.replace('\'', "''"));
                out.push('\'');
            }
            i = end;
            continue;
        }
        let ch = sql[i..].chars().next().expect("in bounds");
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn run_one(c: &mut SqliteConnection, script: &[Command], mut vars: HashMap<String, String>) {
    c.batch_execute("BEGIN IMMEDIATE").expect("begin");
    for cmd in script {
        let sql = substitute(&cmd.sql, &vars);
        match &cmd.gset {
            Some(name) => {
                let v: Value = diesel::sql_query(&sql)
                    .get_result(c)
                    .unwrap_or_else(|e| panic!("{sql}: {e}"));
                vars.insert(name.clone(), v.v.to_string());
            }
            None => c
                .batch_execute(&sql)
                .unwrap_or_else(|e| panic!("{sql}: {e}")),
        }
    }
    c.batch_execute("COMMIT").expect("commit");
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.len() < 5 {
        eprintln!("usage: raw_approve <sqlite file> <approve.sql> <clients> <first id> <count> [name=value ...]");
        std::process::exit(2);
    }
    let (file, clients) = (&args[0], args[2].parse::<usize>().expect("clients"));
    let first: i64 = args[3].parse().expect("first id");
    let count: i64 = args[4].parse().expect("count");
    let script = parse(&std::fs::read_to_string(&args[1]).expect("script"));
    // Script-wide variables: the `-D name=value` pgbench gets; the service's statements
    // strip transaction control, as pgbench's do.
    let vars: HashMap<String, String> = args[5..]
        .iter()
        .filter_map(|a| a.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let next = AtomicI64::new(first);
    let gate = Mutex::new(());
    let latencies = Mutex::new(Vec::with_capacity(usize::try_from(count).unwrap_or(0)));
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..clients {
            s.spawn(|| {
                let mut c = SqliteConnection::establish(file).expect("open");
                c.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .expect("pragmas");
                let mut mine = Vec::new();
                loop {
                    let id = next.fetch_add(1, Ordering::Relaxed);
                    if id >= first + count {
                        break;
                    }
                    let mut v = vars.clone();
                    v.insert("id".into(), id.to_string());
                    let t = Instant::now();
                    // One writer at a time, queued in the process: SQLite's busy handler
                    // would poll with sleeps of up to 100 ms instead.
                    let turn = gate.lock().expect("gate");
                    run_one(&mut c, &script, v);
                    drop(turn);
                    mine.push(t.elapsed().as_secs_f64() * 1000.0);
                }
                latencies.lock().expect("lock").extend(mine);
            });
        }
    });
    let secs = start.elapsed().as_secs_f64();
    let mut l = latencies.into_inner().expect("lock");
    l.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "{} {:.1} {:.2} {:.2}",
        l.len(),
        l.len() as f64 / secs,
        pct(0.50),
        pct(0.99)
    );
}
