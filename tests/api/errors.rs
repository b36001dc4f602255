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
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("the body is not valid JSON (line 1, column 19)"));
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
        .contains("the field extra is not one this request takes"));
    let r = app
        .post("/v1/rule-sets")
        .token(&t)
        .json(&json!({"effective_from": "2027-01-01", "source": "x"}))
        .await;
    let body = r.problem(400, "malformed-request");
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("the field rules is missing"));
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
async fn an_empty_or_unknown_filter_value_is_a_400_not_silently_ignored() {
    let app = spawn_app().await;
    let t = app.ministry();
    for (query, field) in [
        ("/v1/quota-demands?status=", "status"),
        ("/v1/quota-demands?year=", "year"),
        ("/v1/quota-demands?limit=", "limit"),
        ("/v1/audit-events?cursor=", "cursor"),
        ("/v1/audit-events?actor=", "actor"),
    ] {
        let r = app.get(query).token(&t).send().await;
        let p = r.problem(400, "malformed-request");
        assert_eq!(p["errors"][0]["field"], field, "{query}");
    }
    // `pending` is no state of a demand (the states are filed, accepted, reduced, rejected).
    let r = app
        .get("/v1/quota-demands?status=pending")
        .token(&t)
        .send()
        .await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "status"
    );
    let r = app
        .get("/v1/quota-demands?year=1999")
        .token(&t)
        .send()
        .await;
    r.problem(400, "malformed-request");
}

#[actix_web::test]
async fn blank_reasons_and_justifications_are_refused_everywhere() {
    let app = spawn_app().await;
    crate::quotas::set_quota(&app).await;
    let t = app.ministry();
    let blank = "   ";
    let r = app
        .put("/v1/quotas/2026/regions/KZ-75")
        .token(&t)
        .json(&json!({"categories": [{"category": "3", "allocated": 5}], "reason": blank}))
        .await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "reason"
    );
    let r = app
        .post("/v1/quotas/2026/transfers")
        .token(&t)
        .json(&json!({"category": "3", "from_region": null, "to_region": "KZ-75", "units": 1, "reason": blank}))
        .await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "reason"
    );
    let mut body = crate::quotas::national_2026();
    body["labour_force_source"] = json!(" \t ");
    let r = app.put("/v1/quotas/2026").token(&t).json(&body).await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "labour_force_source"
    );
    let demand = json!({"year": 2027, "region": "KZ-75", "category": "3",
        "profession": "Engineer", "number": 1, "justification": blank});
    let r = app
        .post("/v1/quota-demands")
        .token(&app.employer(BIN_A))
        .json(&demand)
        .await;
    assert_eq!(
        r.problem(422, "invalid-fields")["errors"][0]["field"],
        "justification"
    );
}

#[actix_web::test]
async fn a_role_that_may_never_write_is_refused_before_its_body_is_read() {
    let app = spawn_app().await;
    let t = app.auditor();
    for (method, path) in [
        ("PUT", "/v1/quotas/2026"),
        ("PUT", "/v1/quotas/2026/regions/KZ-75"),
        ("POST", "/v1/quotas/2026/transfers"),
        ("POST", "/v1/rule-sets"),
        ("POST", "/v1/quota-demands"),
        ("POST", "/v1/quota-demands/1/review"),
    ] {
        for (content_type, body) in [
            ("application/json", "{not json"),
            ("application/json", "{\"unknown\": 1}"),
            ("text/plain", "hello"),
        ] {
            let r = app
                .request(method, path)
                .token(&t)
                .raw(content_type, body)
                .await;
            r.problem(403, "forbidden");
        }
    }
    // An employer reviewing another's demand and a missing one: the same answer, given
    // before anything is loaded.
    app.set_today("2026-08-15T04:00:00Z");
    let demand = json!({"year": 2027, "region": "KZ-75", "category": "3",
        "profession": "Engineer", "number": 1, "justification": "none locally"});
    let filed = app
        .post("/v1/quota-demands")
        .token(&app.employer(BIN_B))
        .json(&demand)
        .await;
    let id = filed.ok(201)["id"].as_i64().unwrap();
    let e = app.employer(BIN_A);
    let review = json!({"decision": "accept"});
    let theirs = app
        .post(&format!("/v1/quota-demands/{id}/review"))
        .token(&e)
        .json(&review)
        .await;
    let missing = app
        .post(&format!("/v1/quota-demands/{}/review", id + 1000))
        .token(&e)
        .json(&review)
        .await;
    assert_eq!(theirs.status, 403);
    assert_eq!(theirs.body, missing.body);
}

#[actix_web::test]
async fn another_callers_case_and_a_missing_one_answer_byte_for_byte_alike() {
    let app = spawn_app().await;
    app.set_today("2026-08-15T04:00:00Z");
    let demand = json!({"year": 2027, "region": "KZ-75", "category": "3",
        "profession": "Engineer", "number": 1, "justification": "none locally"});
    let filed = app
        .post("/v1/quota-demands")
        .token(&app.employer(BIN_A))
        .json(&demand)
        .await;
    let id = filed.ok(201)["id"].as_i64().unwrap();
    for (token, lang) in [
        (app.employer(BIN_B), "en"),
        (app.akimat("KZ-11"), "kk"),
        (app.akimat("KZ-11"), "ru"),
    ] {
        let get = |id: i64| {
            app.get(&format!("/v1/quota-demands/{id}"))
                .token(&token)
                .header("Accept-Language", lang)
                .send()
        };
        let theirs = get(id).await;
        let missing = get(id + 1000).await;
        assert_eq!(theirs.status, 404);
        assert_eq!(theirs.body, missing.body, "{lang}");
    }
}

#[actix_web::test]
async fn a_body_must_be_one_object_with_each_key_once_and_a_missing_field_is_named() {
    let app = spawn_app().await;
    let t = app.ministry();
    let put = |body: &'static str| {
        app.put("/v1/quotas/2026/regions/KZ-75")
            .token(&t)
            .raw("application/json", body)
    };
    let r = put(r#"[[{"category":"3","allocated":11}],"array"]"#).await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["message"],
        "the body must be one JSON object"
    );
    let r =
        put(r#"{"categories":[{"category":"3","allocated":1}],"reason":"a","reason":"b"}"#).await;
    let p = r.problem(400, "malformed-request");
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("the key reason is given twice"),
        "{p}"
    );
    let r = put(r#"{"categories":[{"category":"3"}],"reason":"a"}"#).await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "categories[0].allocated"
    );
    let r = put(r#"{"categories":[]}"#).await;
    assert_eq!(
        r.problem(400, "malformed-request")["errors"][0]["field"],
        "reason"
    );
}

/// serde's and actix's reasons are English and name Rust's types (`expected u32`, `Path
/// deserialize error`): a client asking for Kazakh or Russian reads the catalogue's sentence
/// naming the field, and no Rust words.
#[actix_web::test]
async fn a_body_or_path_that_cannot_be_read_is_explained_in_the_readers_language() {
    let app = spawn_app().await;
    let t = app.employer(BIN_A);
    let rust_words = [
        "invalid type",
        "expected",
        "u32",
        "i64",
        "EOF",
        "variant",
        "deserialize",
    ];
    let cases: [(&str, &str, &str); 4] = [
        ("ru", r#"{"category": "3", "#, "не корректный JSON"),
        ("ru", r#"{"category": 3}"#, "category"),
        (
            "kk",
            r#"{"workers": [{"experience_years": -5}]}"#,
            "workers",
        ),
        (
            "ru",
            r#"{"category": "3", "term": {"length": "twelve"}}"#,
            "term",
        ),
    ];
    for (lang, body, names) in cases {
        let r = app
            .post("/v1/permit-applications")
            .token(&t)
            .header("Accept-Language", lang)
            .raw("application/json", body)
            .await;
        let p = r.problem(400, "malformed-request");
        let detail = p["detail"].as_str().unwrap();
        let field_message = p["errors"][0]["message"].as_str().unwrap();
        assert!(detail.contains(names), "{lang} {body}: {detail}");
        for word in rust_words {
            assert!(!detail.contains(word), "{lang} {body}: {detail}");
            assert!(
                !field_message.contains(word),
                "{lang} {body}: {field_message}"
            );
        }
    }
    let r = app
        .get("/v1/permits/abc")
        .token(&t)
        .header("Accept-Language", "kk")
        .send()
        .await;
    let p = r.problem(400, "malformed-request");
    let message = p["errors"][0]["message"].as_str().unwrap();
    assert!(
        !message.contains("deserialize") && !message.contains("i64"),
        "{message}"
    );
    assert_eq!(message, "жол параметрі дұрыс емес");
}
