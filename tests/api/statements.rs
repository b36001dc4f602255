//! What a request costs in statements sent to the database (issue 20): every statement the
//! app's pool sends is kept by diesel's instrumentation (`DatabaseSettings::statements`),
//! `BEGIN` and `COMMIT` included, on whichever database
//! the tests run. `benches/statements.sh` counts the same from PostgreSQL's own log.

use crate::helpers::*;
use crate::permits::{application, letters, profile, quota, worker};
use permits::config::StatementCount;
use serde_json::json;

/// The most statements one approval of a one-worker, one-region permit may send on
/// PostgreSQL once the month's counter rows exist (docs/ARCHITECTURE.md, "Request flow").
/// 50 at `097bdc6` (benches/statements.sh; issue 20 measured 42 at an earlier commit), 36
/// after issue 20's first pass with issues 23 and 24, 25 at `ccc54fa`, 20 at `dea13fd`; the
/// target of issue 20 is 15, the hand-minimal transaction (benches/sql/approve.sql) 13
/// without the audit chain. The 15, in order:
/// - `BEGIN` (the pool no longer tests a connection on checkout: `db::pool`);
/// - the case: the permit joined to its details, regions, workers, their route facts and
///   countries, the annulling complaint as a sub-select (issue 23);
/// - the open cases naming the workers (Art. 33(3)), whose rows are then written in id
///   order, the permit's own by its move (compare-and-set on state and version);
/// - where the approval stands (`db::standing`): the rule-set versions in force today and on
///   the start date (the rules themselves from the process's cache), the region's quota,
///   the country quota and the year's ledger soundness as sub-selects, beside the
///   employer's profiles on both days;
/// - the employer's foreigners on its live permits and on its ICT permits (Art. 33(6)), its
///   barring revocations and unreported category-4 replacements, the cases naming the
///   workers again, and the case's stored history (the answer's, with the decision's line
///   added in memory): one `UNION ALL` of five parts, sent after the rows of the cases
///   naming the workers were written, so that of two approvals of one person at once the
///   second sees the first (PostgreSQL's READ COMMITTED takes a new snapshot per statement);
/// - the checks stored; the hold with its ledger line (one `WITH … INSERT`; two
///   statements on SQLite, which has no data-modifying `WITH`); the region's decision;
/// - the regional quota row, then both counters in one `INSERT … ON CONFLICT DO UPDATE`
///   (rows in key order);
/// - the audit chain (issue 24): the head locked and read with the new event's id, the
///   event inserted already sealed, the head moved, the hash computed in between;
///   `COMMIT`.
const APPROVAL_STATEMENTS: usize = 15;

/// The same on SQLite: the hold and its ledger line are two inserts there.
const APPROVAL_STATEMENTS_SQLITE: usize = APPROVAL_STATEMENTS + 1;

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
    let budget = if app.db.is_postgres() {
        APPROVAL_STATEMENTS
    } else {
        APPROVAL_STATEMENTS_SQLITE
    };
    assert!(
        statements.len() <= budget,
        "an approval sent {} statements, more than {budget}:\n{listing}",
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
    // The answer's history, built from the lines read with the facts and the approval's
    // own in memory, is the one a read finds once the approval is stored.
    let history = &permit["history"];
    let last = history.as_array().and_then(|h| h.last());
    assert_eq!(last.map(|l| &l["action"]), Some(&json!("permit.approved")));
    let read = app
        .get(&format!("/v1/permits/{}", ids[1]))
        .token(&token)
        .send()
        .await;
    assert_eq!(&read.ok(200)["history"], history);
    eprintln!("an approval: {} statements\n{listing}", statements.len());
}
