//! What a request costs in statements sent to the database (issue 20): every statement the
//! app's pool sends is kept by diesel's instrumentation (`DatabaseSettings::statements`),
//! `BEGIN` and `COMMIT` included, on whichever database
//! the tests run. `benches/statements.sh` counts the same from PostgreSQL's own log.

use crate::helpers::*;
use crate::permits::{application, letters, profile, quota, worker};
use permits::config::StatementCount;
use serde_json::json;

/// The most statements one approval of a one-worker, one-region permit may send once the
/// month's counter rows exist (docs/ARCHITECTURE.md, "Request flow"). 50 at `097bdc6`
/// (benches/statements.sh; issue 20 measured 42 at an earlier commit), 36 after issue 20's
/// first pass with issues 23 and 24, 25 at `ccc54fa`; the target of issue 20 is 15, the
/// hand-minimal transaction (benches/sql/approve.sql) 13 without the audit chain. The 20,
/// in order:
/// - `BEGIN` (the pool no longer tests a connection on checkout: `db::pool`);
/// - the case: the permit joined to its details, regions, workers, their route facts and
///   countries, the annulling complaint as a sub-select (issue 23);
/// - the rule-set versions in force today and on the start date (two sub-selects; the
///   rules themselves from the process's cache);
/// - the open cases naming the workers (Art. 33(3)), whose rows are then written in id
///   order, the permit's own by its move (compare-and-set on state and version);
/// - the employer's profiles on today and on the start date;
/// - the region's quota, the country quota and the year's ledger soundness (three
///   sub-selects);
/// - the employer's foreigners on its live permits and on its ICT permits (Art. 33(6)), its
///   barring revocations and unreported category-4 replacements, and the cases naming the
///   workers again: one `UNION ALL` of four parts, sent after the rows of the cases naming
///   the workers were written, so that of two approvals of one person at once the second
///   sees the first (PostgreSQL's READ COMMITTED takes a new snapshot per statement);
/// - the checks stored, the hold, its ledger line, the region's decision, the audit event;
/// - the answer's history;
/// - the regional quota row, then both counters in one `INSERT … ON CONFLICT DO UPDATE`
///   (rows in key order);
/// - the audit chain (issue 24): the head locked and read, the event sealed, the head
///   moved, the hash computed in between; `COMMIT`.
const APPROVAL_STATEMENTS: usize = 20;

#[actix_web::test]
async fn an_approval_loads_its_case_once_and_sends_at_most_its_statement_budget() {
    let sent = StatementCount::default();
    let app = spawn_app_with(|s| {
        s.database.statements = Some(sent.clone());
        s.server.jobs = false;
    })
    .await;
    app.set_today("2025-12-15T04:00:00Z");
    quota(&app, &[("KZ-23", "3", 10)]).await;
    profile(&app, BIN_A).await;
    let mut ids = Vec::new();
    for passport in ["N1234567", "N7654321"] {
        let filed = app
            .post("/v1/permit-applications")
            .token(&app.employer(BIN_A))
            .json(&application(
                &["KZ-23"],
                vec![worker(
                    &format!("KAYA {}", letters(&passport[1..])),
                    "TUR",
                    passport,
                )],
            ))
            .await;
        ids.push(filed.ok(201)["id"].clone());
    }
    let token = app.akimat("KZ-23");
    let approve = |id: &serde_json::Value| {
        app.post(&format!("/v1/permits/{id}/decisions"))
            .token(&token)
            .json_owned(json!({"decision": "approve"}))
    };
    // The first approval of the month makes the counters' rows; in the rush they exist.
    approve(&ids[0]).await.ok(200);
    sent.take();
    let r = approve(&ids[1]).await;
    // Unquoted, as both databases' spellings read alike: `"t"."c"` and `` `t`.`c` ``.
    let statements: Vec<String> = sent
        .take()
        .iter()
        .map(|s| s.replace(['"', '`'], ""))
        .collect();
    let permit = r.ok(200);
    assert_eq!(permit["status"], "awaiting_payment");
    assert_eq!(permit["regions"][0]["decision"], "approved");
    let listing = statements.join("\n");
    assert!(
        statements.len() <= APPROVAL_STATEMENTS,
        "an approval sent {} statements, more than {APPROVAL_STATEMENTS}:\n{listing}",
        statements.len()
    );
    let loads = statements
        .iter()
        .filter(|s| s.starts_with("SELECT") && s.contains("permit_details.checks"))
        .count();
    assert_eq!(loads, 1, "the case is loaded once:\n{listing}");
    let rule_set_bodies = statements
        .iter()
        .filter(|s| s.contains("rule_sets.body"))
        .count();
    assert_eq!(
        rule_set_bodies, 0,
        "the rules come from the cache:\n{listing}"
    );
    eprintln!("an approval: {} statements\n{listing}", statements.len());
}
