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

/// Lines of the files under `src/<layer>` that mention one of `forbidden` outside comments
/// and outside the unit tests that end a file (`#[cfg(test)] mod`).
fn offences_outside_tests(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut found = Vec::new();
    for file in rust_files(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = match text.find("#[cfg(test)]\nmod ") {
            Some(at) => &text[..at],
            None => &text,
        };
        for (n, line) in code.lines().enumerate() {
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
fn the_wire_types_hold_no_sql_and_name_neither_edge() {
    // The published contract's types and the document's passes (crates.io's `views.rs`
    // beside its `controllers/`): `api` uses them; they use the domain, the read models of
    // `cases`, `error`, `i18n` and `auth`, never a handler, the console or the database. A
    // unit test at a file's end may build the whole document to check its type against it.
    let found = offences_outside_tests(
        "wire",
        &[
            "crate::db",
            "crate::api",
            "crate::console",
            "diesel",
            "db::schema",
            "sql_query",
            "actix_web::get",
            "HttpResponse",
        ],
    );
    assert!(
        found.is_empty(),
        "wire holds the contract's types, not handlers, SQL or the console: {found:#?}"
    );
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
    // The shared state, the request's language and id (its frame) and the per-address rate
    // limiter (the public verification page's own budget) are the part of `api` the
    // console takes; read models, commands and their authorization are not.
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
const ALLOWED_CYCLE_EDGES: &[(&str, &str)] = &[];

/// Files of `src/api` and `src/console` that still name `crate::db`, one line each; the
/// same rule: a listed file that no longer names it fails the test.
const ALLOWED_DB_AT_THE_EDGES: &[&str] = &[];

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
    found.extend(offences("wire", &["crate::db"]));
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

/// The longest body, in lines, of a function in `src/api` or `src/wire`: a handler extracts, authorizes,
/// calls one `cases` function and maps its answer to the wire type.
const LONGEST_API_FN: usize = 40;

/// Functions of `src/api` and `src/wire` that may be longer: the extractors, which parse a request's parts
/// by hand (`from_request`, and `normalize`, the JSON body's one walk before typed parsing).
const EXTRACTORS: &[&str] = &["from_request", "normalize"];

/// Functions of `src/api` and `src/wire` (file, name) still longer than [`LONGEST_API_FN`], one line each
/// with the reason; a listed function that is no longer too long (or gone) fails the test,
/// so the list only shrinks.
const ALLOWED_LONG_API_FNS: &[(&str, &str)] = &[
    // The OpenAPI document's finishing pass and the route table: one long list each.
    ("src/api/openapi.rs", "finish"),
    // The contract's own passes over the generated document (issue 22), in `src/wire` with
    // the types they describe: the narrowed 422 schemas and the examples walk JSON, one case
    // per schema shape; no request runs them.
    ("src/wire/refusals.rs", "narrow"),
    ("src/wire/examples.rs", "exemplify"),
    ("src/wire/examples.rs", "compose"),
    ("src/wire/examples.rs", "text"),
    ("src/wire/examples.rs", "refusal"),
    ("src/api/routes.rs", "routes"),
];

/// Each function of `text` with the lines of its body (between the line of its opening
/// brace and the line of its closing one). Comments, strings and char literals are skipped
/// (their braces are not code); newlines are kept, so lines count as written. The unit tests
/// (`#[cfg(test)] mod`) end a file.
fn function_bodies(text: &str) -> Vec<(String, usize)> {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    };
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // The code with literals and comments blanked to spaces (newlines kept).
    let mut code: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, next) = (chars[i], at(i + 1));
        let start = i;
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == Some('/')) {
                i += 1;
            }
            i = (i + 2).min(chars.len());
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !ident(i.checked_sub(1).and_then(at))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == Some('#') {
                hashes += 1;
                j += 1;
            }
            if at(j) == Some('"') {
                j += 1;
                while j < chars.len()
                    && !(chars[j] == '"' && (1..=hashes).all(|h| at(j + h) == Some('#')))
                {
                    j += 1;
                }
                i = (j + 1 + hashes).min(chars.len());
            } else {
                i = j;
                code.extend(&chars[start..i]);
                continue;
            }
        } else if c == '"' || (c == '\'' && (next == Some('\\') || at(i + 2) == Some('\''))) {
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
        } else {
            code.push(c);
            i += 1;
            continue;
        }
        code.extend(
            chars[start..i]
                .iter()
                .map(|&c| if c == '\n' { '\n' } else { ' ' }),
        );
    }
    let line_at = |i: usize| code[..i].iter().filter(|&&c| c == '\n').count();
    let mut found = Vec::new();
    for i in 0..code.len() {
        let word = code[i..].starts_with(&['f', 'n'])
            && !ident(i.checked_sub(1).map(|j| code[j]))
            && code.get(i + 2).is_some_and(|c| c.is_whitespace());
        if !word {
            continue;
        }
        let mut j = i + 2;
        while code.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let name: String = code[j..]
            .iter()
            .take_while(|&&c| c.is_alphanumeric() || c == '_')
            .collect();
        // The body opens at the first `{` outside the signature's brackets; a `;` there
        // first is a declaration without one.
        let mut depth = 0i32;
        let mut open = None;
        while let Some(&c) = code.get(j) {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                ';' if depth == 0 => break,
                '{' if depth == 0 => {
                    open = Some(j);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        let Some(open) = open else { continue };
        let mut braces = 0i32;
        let mut close = open;
        for (k, &c) in code.iter().enumerate().skip(open) {
            match c {
                '{' => braces += 1,
                '}' => braces -= 1,
                _ => {}
            }
            if braces == 0 {
                close = k;
                break;
            }
        }
        let lines = line_at(close).saturating_sub(line_at(open) + 1);
        found.push((name, lines));
    }
    found
}

#[test]
fn no_function_of_the_api_is_longer_than_forty_lines_but_the_extractors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    let edge = [
        rust_files(&root.join("src").join("api")),
        rust_files(&root.join("src").join("wire")),
    ];
    for file in edge.concat() {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&file).unwrap();
        for (name, lines) in function_bodies(&text) {
            if lines > LONGEST_API_FN && !EXTRACTORS.contains(&name.as_str()) {
                long.push((rel.clone(), name, lines));
            }
        }
    }
    let unexpected: Vec<String> = long
        .iter()
        .filter(|(f, n, _)| !ALLOWED_LONG_API_FNS.contains(&(f.as_str(), n.as_str())))
        .map(|(f, n, l)| format!("{f}: fn {n}, {l} lines"))
        .collect();
    let stale: Vec<String> = ALLOWED_LONG_API_FNS
        .iter()
        .filter(|(f, n)| !long.iter().any(|(lf, ln, _)| lf == f && ln == n))
        .map(|(f, n)| format!("{f}: fn {n}"))
        .collect();
    assert!(
        unexpected.is_empty(),
        "a function of src/api or src/wire is longer than {LONGEST_API_FN} lines: move its logic into \
         cases and map the answer with From: {unexpected:#?}"
    );
    assert!(
        stale.is_empty(),
        "these functions are no longer too long; remove them from ALLOWED_LONG_API_FNS: {stale:#?}"
    );
}

#[test]
fn a_function_body_is_counted_in_lines_skipping_strings_comments_and_declarations() {
    let text = "trait T {\n    fn decl(&self) -> [u8; 2];\n}\n\
                fn short() {\n    let s = \"}{\";\n    // }\n}\n\
                pub async fn three<'a>(x: &'a str) -> Result<(), E>\nwhere\n    E: Sized,\n{\n    a();\n    let c = '{';\n    b(r#\"}\"#);\n}\n";
    assert_eq!(
        function_bodies(text),
        vec![("short".to_owned(), 2), ("three".to_owned(), 3)]
    );
}

/// The parts of `args` (a call's arguments, without its parentheses) at the top level.
fn arguments(args: &str) -> Vec<&str> {
    let (mut depth, mut from, mut out) = (0i32, 0, Vec::new());
    let mut quoted = false;
    for (i, c) in args.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => depth -= 1,
            ',' if depth == 0 && !quoted => {
                out.push(&args[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&args[from..]);
    out
}

/// Every field a request gets wrong is explained in the reader's language (issue 22): a
/// field error's reason is a message of the catalogue (a `Reason`, an identifier's error,
/// a `Message`), never English text: no string literal, `format!` or `to_string()` as the
/// reason of `FieldError::new` or `ApiError::invalid` anywhere in `src/`.
#[test]
fn no_field_error_is_given_english_text() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut calls = 0;
    for file in rust_files(&src) {
        let text = std::fs::read_to_string(&file).unwrap();
        for call in ["FieldError::new(", "ApiError::invalid("] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let mut depth = 1;
                let end = rest
                    .char_indices()
                    .find(|(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map_or(rest.len(), |(i, _)| i);
                calls += 1;
                let reason = arguments(&rest[..end]).get(1).map_or("", |r| r.trim());
                let english = reason.starts_with('"')
                    || reason.starts_with("format!(")
                    || reason.starts_with("String::")
                    || reason.ends_with("to_string()")
                    || reason.ends_with("to_owned()");
                if english {
                    let line = text[..at].lines().count();
                    found.push(format!("{}:{line}: {reason}", file.display()));
                }
            }
        }
    }
    assert!(calls > 60, "{calls} calls found: the scan lost its way");
    assert!(
        found.is_empty(),
        "a field error with English text instead of a catalogue reason: {found:#?}"
    );
}
