//! The contract from outside, as an employer's developer meets it: a client generated from
//! `openapi/openapi.json` by a third-party generator (openapi-typescript with openapi-fetch,
//! `tests/client`) type-checks with `tsc` and runs a whole permit case against the real
//! service on the configured database. The same case through openapi-python-client's,
//! openapi-generator's `python` and `typescript-fetch` clients runs by hand:
//! tests/contract/generators.sh.

use crate::helpers::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `tests/client` with its packages installed (`npm ci` on first use), or `None` (with a
/// loud message) when Node.js is missing and `CI_REQUIRE_BROWSER` is not set.
fn client_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/client");
    if Command::new("node").arg("--version").output().is_err() {
        let why = "node (Node.js) is missing";
        if std::env::var_os("CI_REQUIRE_BROWSER").is_some() {
            panic!("the generated client's test is required: {why}");
        }
        eprintln!("\n!!!!!!!! GENERATED CLIENT TEST SKIPPED: {why} !!!!!!!!\n");
        return None;
    }
    if !dir.join("node_modules/openapi-fetch").exists()
        || !dir.join("node_modules/typescript").exists()
    {
        npx(&dir, &["npm", "ci", "--no-audit", "--no-fund"]);
    }
    Some(dir)
}

/// Runs `program args…` in `dir`; panics with its output unless it succeeds.
fn npx(dir: &Path, command: &[&str]) {
    let out = Command::new(command[0])
        .args(&command[1..])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{command:?} runs: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[actix_web::test]
async fn a_client_generated_by_openapi_typescript_type_checks_and_runs_a_whole_permit_case() {
    let Some(dir) = client_dir() else {
        return;
    };
    // The employer's build: generate the types from the published contract, then `tsc`
    // type-checks the script against them (it emits nothing on an error).
    let generate = [
        "npx",
        "--no-install",
        "openapi-typescript",
        "../../openapi/openapi.json",
        "-o",
        "generated/schema.d.ts",
    ];
    npx(&dir, &generate);
    npx(&dir, &["npx", "--no-install", "tsc", "-p", "."]);

    run_case(&dir, "node", &["dist/permit-case.js"]).await;
}

/// Runs a client's permit case (`program args…` in `dir`) against a service of its own on
/// the configured database: the script reads the service's address, the tokens and the BIN
/// from its environment, asks for the clock on stdout (`clock <instant>`, answered `ok` on
/// stdin) and ends with status 0 and "the whole case ran" on stderr.
async fn run_case(dir: &Path, program: &str, args: &[&str]) {
    let app = spawn_app().await;
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PERMITS_URL", &app.address)
        .env("TOKEN_MINISTRY", app.ministry())
        .env("TOKEN_AKIMAT", app.akimat("KZ-23"))
        .env("TOKEN_EMPLOYER", app.employer(BIN_A))
        .env("EMPLOYER_BIN", BIN_A)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} runs the script: {e}"));
    // The script asks for the clock on stdout (`clock <instant>`) and waits for `ok`.
    let (mut stdin, stdout) = (child.stdin.take().unwrap(), child.stdout.take().unwrap());
    let clock = app.clock.clone();
    let clock_thread = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let line = line.expect("the script's output reads");
            let instant = line.strip_prefix("clock ").expect("only clock requests");
            clock.set(instant.parse().expect("an RFC 3339 instant"));
            writeln!(stdin, "ok").expect("the script reads its answer");
        }
    });
    let mut stderr = child.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).map(|_| s)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the script's status") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("the script did not finish in 180 s");
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    };
    clock_thread.join().expect("the clock thread ends");
    let log = log
        .join()
        .expect("the log thread ends")
        .expect("the log reads");
    assert!(
        status.success(),
        "the generated client's case failed:\n{log}"
    );
    assert!(log.contains("the whole case ran"), "{log}");
}

/// The same case through a client of another generator: tests/contract/generators.sh
/// generates openapi-python-client's, openapi-generator's `python` and `typescript-fetch`
/// clients and runs their scripts (tests/contract/cases/) here, on each database. It names
/// the command in `GENERATED_CASE` (a program and its arguments, split at spaces) and the
/// directory it runs in in `GENERATED_CASE_DIR`.
#[actix_web::test]
#[ignore = "run by tests/contract/generators.sh, which sets GENERATED_CASE"]
async fn a_client_of_another_generator_runs_a_whole_permit_case() {
    let command = std::env::var("GENERATED_CASE").expect("GENERATED_CASE names the case's command");
    let dir = std::env::var("GENERATED_CASE_DIR").expect("GENERATED_CASE_DIR names its directory");
    let words: Vec<&str> = command.split_whitespace().collect();
    let (program, args) = words.split_first().expect("GENERATED_CASE is not empty");
    run_case(Path::new(&dir), program, args).await;
}
