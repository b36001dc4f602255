//! Guard rails of the layout (DESIGN "Layout"): dependencies point inward. The domain is
//! pure — no web framework, no database, no OpenAPI, no other part of the service — and
//! the API holds no SQL. A change that breaks either fails here, in `.ci/run`.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// Lines of the files under `src/<layer>` that mention one of `forbidden` outside comments.
fn offences(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut found = Vec::new();
    for file in rust_files(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for f in forbidden {
                if code.contains(f) {
                    found.push(format!("{}:{}: {f}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn the_domain_imports_no_framework_no_database_and_no_other_part_of_the_service() {
    let found = offences(
        "domain",
        &[
            "actix",
            "diesel",
            "utoipa",
            "crate::api",
            "crate::db",
            "crate::cases",
            "crate::auth",
            "crate::startup",
            "crate::config",
            "crate::error",
            "crate::i18n",
            "crate::clock",
            "std::fs",
            "std::net",
            "SystemTime",
            "Utc::now",
            "Local::now",
        ],
    );
    assert!(found.is_empty(), "the domain must stay pure: {found:#?}");
}

#[test]
fn the_api_holds_no_sql() {
    let found = offences(
        "api",
        &[
            "diesel",
            "db::schema",
            "sql_query",
            "batch_execute",
            "SELECT ",
            "INSERT INTO",
            "DELETE FROM",
        ],
    );
    assert!(found.is_empty(), "SQL belongs in src/db: {found:#?}");
}

#[test]
fn commands_do_not_reach_back_into_the_edges() {
    let found = offences("cases", &["actix", "crate::api", "utoipa", "HttpResponse"]);
    assert!(
        found.is_empty(),
        "commands return CaseError, not HTTP: {found:#?}"
    );
}

#[test]
fn the_console_holds_no_sql_and_reads_only_through_the_api() {
    let found = offences(
        "console",
        &[
            "diesel",
            "crate::db",
            "db::schema",
            "sql_query",
            "batch_execute",
            "SELECT ",
            "INSERT INTO",
            "DELETE FROM",
            "UPDATE ",
        ],
    );
    assert!(
        found.is_empty(),
        "the console reads and acts through cases, as the API does: {found:#?}"
    );
}

#[test]
fn the_console_calls_cases_and_auth_never_the_api_handlers() {
    // The shared state, the request's language and id, and the per-address budget of
    // public verification are the one part of `api` the console takes (its frame and
    // routes); read models, commands and their authorization are not.
    const SHARED: &[&str] = &[
        "use crate::api::AppState;",
        "use crate::api::extract::{accept_language, RequestId};",
        "use crate::api::limit::ClientLimiter;",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join("console");
    let mut found = Vec::new();
    for file in rust_files(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default().trim();
            if code.contains("api::") && !SHARED.contains(&code) {
                found.push(format!("{}:{}: {code}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the console calls cases and auth directly, not the API's functions: {found:#?}"
    );
}

mod graph;

/// Import edges that still close a cycle, one line each with the reason; the lead empties
/// this list as the work that cuts them is merged. A listed edge that no longer exists, or
/// that closes no cycle, fails the test too, so the list only shrinks.
const ALLOWED_CYCLE_EDGES: &[(&str, &str)] = &[
    // domain::permit: ground.rs (main's b4117d8) imports from permit/mod.rs, which uses
    // ground.rs back; cut when what both need moves to a file of its own (commands' split).
    ("src/domain/permit/ground.rs", "src/domain/permit/mod.rs"),
    // domain::permit::decision (issue 20) takes `PermitState` from permit/mod.rs, which
    // re-exports it; cut with the same move.
    ("src/domain/permit/decision.rs", "src/domain/permit/mod.rs"),
    // The rule set's `complaints` section (issue 23) names the kinds of act of
    // domain::complaint, which reads permit states; cut when the kinds of act move to a
    // file of their own.
    ("src/domain/ruleset.rs", "src/domain/complaint.rs"),
    // The audit chain (issue 24): db::audit takes the connection type from db/mod.rs,
    // whose write_tx links the transaction's events into the chain.
    ("src/db/audit.rs", "src/db/mod.rs"),
];

/// Files of `src/api` and `src/console` that still name `crate::db`, one line each; the
/// same rule: a listed file that no longer names it fails the test.
const ALLOWED_DB_AT_THE_EDGES: &[&str] = &[
    // Reads that have no read model in cases yet (issue 20, item 1).
    "src/api/complaints.rs",
];

#[test]
fn no_file_imports_another_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges = graph::of(&src);
    let before = graph::cycles(&edges);
    let stale: Vec<String> = ALLOWED_CYCLE_EDGES
        .iter()
        .filter(|(from, to)| {
            let exists = edges.get(*from).is_some_and(|e| e.contains(*to));
            let in_a_cycle = before
                .iter()
                .any(|set| set.iter().any(|f| f == from) && set.iter().any(|f| f == to));
            !(exists && in_a_cycle)
        })
        .map(|(from, to)| format!("{from} -> {to}"))
        .collect();
    for (from, to) in ALLOWED_CYCLE_EDGES {
        if let Some(e) = edges.get_mut(*from) {
            e.remove(*to);
        }
    }
    let cycles = graph::cycles(&edges);
    let shown: Vec<String> = cycles
        .iter()
        .map(|set| {
            let inner: Vec<String> = set
                .iter()
                .map(|f| {
                    let to: Vec<&str> = edges[f]
                        .iter()
                        .filter(|t| set.contains(t))
                        .map(String::as_str)
                        .collect();
                    format!("  {f} -> {}", to.join(", "))
                })
                .collect();
            format!("a cycle of {} files:\n{}", set.len(), inner.join("\n"))
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "a file imports, directly or through others, a file that imports it: move what both \
         need into a file of its own (a mod.rs declares and re-exports only)\n{}",
        shown.join("\n")
    );
    assert!(
        stale.is_empty(),
        "these allowed edges no longer close a cycle; remove them from ALLOWED_CYCLE_EDGES: {stale:#?}"
    );
}

#[test]
fn the_edges_name_no_database_they_call_cases() {
    let mut found = offences("api", &["crate::db"]);
    found.extend(offences("console", &["crate::db"]));
    let state = Path::new("src").join("api").join("state.rs");
    let mut files: Vec<String> = found
        .iter()
        .filter_map(|line| line.split(':').next())
        .map(|f| {
            let f = Path::new(f);
            let rel = f
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(f)
                .to_string_lossy()
                .replace('\\', "/");
            rel
        })
        .filter(|f| Path::new(f) != state)
        .collect();
    files.sort();
    files.dedup();
    let unexpected: Vec<&String> = files
        .iter()
        .filter(|f| !ALLOWED_DB_AT_THE_EDGES.contains(&f.as_str()))
        .collect();
    let stale: Vec<&&str> = ALLOWED_DB_AT_THE_EDGES
        .iter()
        .filter(|f| !files.iter().any(|x| x == *f))
        .collect();
    assert!(
        unexpected.is_empty(),
        "the API and the console call cases (read models and commands), not db; only \
         src/api/state.rs holds the pool and its transactions: {unexpected:#?}\n{found:#?}"
    );
    assert!(
        stale.is_empty(),
        "these files no longer name crate::db; remove them from ALLOWED_DB_AT_THE_EDGES: {stale:#?}"
    );
}
