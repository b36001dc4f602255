//! Every role against every endpoint: who is let through, who gets 403 (or 404 for
//! another's case). Rows are added with each endpoint.

use crate::helpers::*;
use serde_json::{json, Value};

/// Expected outcome per role: `Y` allowed (2xx or a non-access 4xx), `F` 403.
#[derive(Clone, Copy, Debug, PartialEq)]
enum E {
    Y,
    F,
}
use E::*;

struct Row {
    method: &'static str,
    path: &'static str,
    body: Option<Value>,
    /// ministry, akimat (KZ-75), employer (BIN_A), auditor
    expect: [E; 4],
}

fn rows() -> Vec<Row> {
    let rules = {
        let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["effective_from"] = json!("2027-01-01");
        doc
    };
    let r = |method, path, body, expect| Row {
        method,
        path,
        body,
        expect,
    };
    vec![
        r("GET", "/v1/regions", None, [Y, Y, Y, Y]),
        r("GET", "/v1/countries", None, [Y, Y, Y, Y]),
        r("GET", "/v1/sectors", None, [Y, Y, Y, Y]),
        r("GET", "/v1/rule-sets", None, [Y, Y, Y, Y]),
        r("GET", "/v1/rule-sets/current", None, [Y, Y, Y, Y]),
        r("GET", "/v1/rule-sets/1", None, [Y, Y, Y, Y]),
        r("POST", "/v1/rule-sets", Some(rules), [Y, F, F, F]),
        r("GET", "/v1/audit-events", None, [Y, Y, F, Y]),
        r("GET", "/v1/audit-events?region=KZ-71", None, [Y, F, F, Y]),
    ]
}

#[actix_web::test]
async fn every_role_against_every_endpoint() {
    let app = spawn_app().await;
    let tokens = [
        app.ministry(),
        app.akimat("KZ-75"),
        app.employer(BIN_A),
        app.auditor(),
    ];
    let mut failures = Vec::new();
    for row in rows() {
        for (i, token) in tokens.iter().enumerate() {
            let req = app.request(row.method, row.path).token(token);
            let r = match &row.body {
                Some(b) => req.json(b).await,
                None => req.send().await,
            };
            let got = match r.status {
                403 => F,
                401 | 500.. => {
                    failures.push(format!("{} {} as {i}: {}", row.method, row.path, r.status));
                    continue;
                }
                _ => Y,
            };
            if got != row.expect[i] {
                failures.push(format!(
                    "{} {} as role #{i}: expected {:?}, got {} {}",
                    row.method, row.path, row.expect[i], r.status, r.body
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[actix_web::test]
async fn every_v1_endpoint_of_the_contract_is_in_the_access_table() {
    let doc: Value = serde_json::from_str(&permits::api::openapi_json()).unwrap();
    let table: Vec<(String, String)> = rows()
        .iter()
        .map(|r| {
            (
                r.method.to_lowercase(),
                r.path.split('?').next().unwrap().to_owned(),
            )
        })
        .collect();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/v1/") {
            continue;
        }
        for method in item.as_object().unwrap().keys() {
            let covered = table.iter().any(|(m, p)| {
                m == method
                    && p.split('/').count() == path.split('/').count()
                    && p.split('/')
                        .zip(path.split('/'))
                        .all(|(a, b)| a == b || b.starts_with('{'))
            });
            assert!(covered, "{method} {path} is not in the access table");
        }
    }
}
