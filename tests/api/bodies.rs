//! Request bodies: JSON is read only when it says it is JSON.

use crate::helpers::*;

/// Every operation of the contract that takes a body refuses a JSON body sent as
/// `text/plain` or without a `Content-Type`, with 415 problem+json, to every role that may
/// call it (the others get 403 before the body is read); none accepts it.
#[actix_web::test]
async fn every_operation_with_a_body_refuses_json_not_sent_as_json() {
    let app = spawn_app().await;
    let doc = serde_json::to_value(permits::api::openapi()).unwrap();
    let tokens = [
        app.ministry(),
        app.akimat("KZ-75"),
        app.employer(BIN_A),
        app.auditor(),
    ];
    let mut operations = 0;
    for (template, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op.get("requestBody").is_none() {
                continue;
            }
            operations += 1;
            let path = template
                .replace("{year}", "2026")
                .replace("{id}", "1")
                .replace("{region}", "KZ-75")
                .replace("{bin}", BIN_A);
            let method = method.to_uppercase();
            for content_type in [Some("text/plain"), None] {
                let mut refused = 0;
                for token in &tokens {
                    let req = app.request(&method, &path).token(token);
                    let body = r#"{"year": 2026}"#;
                    let r = match content_type {
                        Some(t) => req.raw(t, body).await,
                        None => req.untyped(body).await,
                    };
                    if r.status == 403 {
                        r.problem(403, "forbidden");
                    } else {
                        assert_eq!(
                            r.status, 415,
                            "{method} {path} {content_type:?}: {}",
                            r.body
                        );
                        r.problem(415, "unsupported-media-type");
                        refused += 1;
                    }
                }
                assert!(refused > 0, "{method} {path}: no role reached the body");
            }
        }
    }
    assert!(operations >= 30, "{operations} operations with a body");
}
