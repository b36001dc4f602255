//! Anything malformed a client can send gets problem+json, never a 500 or plain text.

use crate::helpers::*;
use serde_json::json;

#[actix_web::test]
async fn malformed_json_is_a_400_problem() {
    let app = spawn_app().await;
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .raw("application/json", "{\"effective_from\": ")
        .await;
    let body = r.problem(400, "malformed-request");
    assert!(body["detail"].as_str().unwrap().contains("EOF"));
}

#[actix_web::test]
async fn wrong_types_and_unknown_or_missing_fields_name_the_field() {
    let app = spawn_app().await;
    let t = app.ministry();
    let r = app
        .post("/v1/rule-sets")
        .token(&t)
        .json(&json!({"effective_from": 2027, "source": "x", "rules": {}}))
        .await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "effective_from"
    );
    let r = app
        .post("/v1/rule-sets")
        .token(&t)
        .json(&json!({"effective_from": "2027-01-01", "source": "x", "rules": {}, "extra": 1}))
        .await;
    let body = r.problem(400, "malformed-request");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("unknown field `extra`"));
    let r = app
        .post("/v1/rule-sets")
        .token(&t)
        .json(&json!({"effective_from": "2027-01-01", "source": "x"}))
        .await;
    let body = r.problem(400, "malformed-request");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("missing field `rules`"));
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["rules"]["mrp"]["values"][0]["tenge"] = json!(2651);
    let r = app.post("/v1/rule-sets").token(&t).json(&doc).await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "rules.mrp.values[0].tenge"
    );
}

#[actix_web::test]
async fn validator_field_errors_are_a_422_problem() {
    let app = spawn_app().await;
    let text = std::fs::read_to_string("config/seed/rule-set.json").unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["effective_from"] = json!("2027-01-01");
    doc["source"] = json!("");
    let r = app
        .post("/v1/rule-sets")
        .token(&app.ministry())
        .json(&doc)
        .await;
    let body = r.problem(422, "invalid-fields");
    assert_eq!(body["errors"][0]["field"], "source");
}

#[actix_web::test]
async fn oversized_and_non_json_bodies_are_refused_as_problems() {
    let app = spawn_app().await;
    let t = app.ministry();
    let big = format!("{{\"source\": \"{}\"}}", "x".repeat(300_000));
    app.post("/v1/rule-sets")
        .token(&t)
        .raw("application/json", big)
        .await
        .problem(413, "payload-too-large");
    app.post("/v1/rule-sets")
        .token(&t)
        .raw("text/plain", "hello")
        .await
        .problem(415, "unsupported-media-type");
}

#[actix_web::test]
async fn bad_path_and_query_parameters_are_400_problems() {
    let app = spawn_app().await;
    let t = app.ministry();
    let r = app.get("/v1/rule-sets/abc").token(&t).send().await;
    r.problem(400, "malformed-request");
    let r = app
        .get("/v1/rule-sets/current?on=tomorrow")
        .token(&t)
        .send()
        .await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "on"
    );
    let r = app.get("/v1/audit-events?limit=abc").token(&t).send().await;
    r.problem(400, "malformed-request");
    let r = app.get("/v1/audit-events?limit=501").token(&t).send().await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "limit"
    );
    let r = app
        .get("/v1/audit-events?cursor=zzz")
        .token(&t)
        .send()
        .await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "cursor"
    );
    let r = app
        .get("/v1/audit-events?region=Almaty")
        .token(&t)
        .send()
        .await;
    r.problem(400, "malformed-request");
    let r = app
        .post("/v1/rule-sets")
        .token(&t)
        .header("Idempotency-Key", "")
        .raw("application/json", "{}")
        .await;
    r.problem(400, "malformed-request");
}

#[actix_web::test]
async fn unknown_paths_are_404_and_unsupported_methods_405() {
    let app = spawn_app().await;
    app.get("/v1/nothing-here")
        .send()
        .await
        .problem(404, "not-found");
    let r = app.request("DELETE", "/v1/rule-sets/1").send().await;
    r.problem(405, "method-not-allowed");
    assert_eq!(r.header("allow"), Some("GET, HEAD"));
    let r = app.request("PATCH", "/v1/rule-sets").send().await;
    assert_eq!(
        r.problem(405, "method-not-allowed")["detail"],
        "PATCH is not allowed here; allowed: GET, HEAD, POST"
    );
}

#[actix_web::test]
async fn an_empty_query_parameter_means_the_same_as_an_absent_one() {
    let app = spawn_app().await;
    let r = app
        .get("/v1/audit-events?cursor=&region=&limit=")
        .token(&app.ministry())
        .send()
        .await;
    assert_eq!(r.ok(200)["items"][0]["action"], "rule_set.published");
}
