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
        "the console reads and acts through the API's functions, which go through cases: {found:#?}"
    );
}
