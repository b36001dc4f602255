use crate::helpers::*;

/// The committed contract is what the code generates: regenerate with
/// `cargo run -- openapi > openapi/openapi.json`.
#[test]
fn the_committed_openapi_document_is_fresh() {
    let committed = std::fs::read_to_string("openapi/openapi.json").unwrap();
    assert!(
        committed == permits::api::openapi_json(),
        "openapi/openapi.json is stale: run `cargo run -- openapi > openapi/openapi.json`"
    );
}

#[actix_web::test]
async fn the_served_document_is_the_committed_one() {
    let app = spawn_app().await;
    let served = app.get("/openapi.json").send().await;
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("openapi/openapi.json").unwrap()).unwrap();
    assert!(
        served.ok(200) == &committed,
        "the served document differs from openapi/openapi.json"
    );
}

#[test]
fn operation_ids_are_unique_so_generated_clients_compile() {
    let doc: serde_json::Value = serde_json::from_str(&permits::api::openapi_json()).unwrap();
    let mut ids: Vec<String> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .map(|op| op["operationId"].as_str().unwrap().to_owned())
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate operationId");
}

#[test]
fn every_operation_documents_its_problems_and_every_schema_field_is_described() {
    let doc: serde_json::Value = serde_json::from_str(&permits::api::openapi_json()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for code in ["400", "503"] {
                assert!(responses.contains_key(code), "{method} {path} lacks {code}");
            }
            if op.get("requestBody").is_some() {
                for code in ["413", "415", "422"] {
                    assert!(responses.contains_key(code), "{method} {path} lacks {code}");
                }
            }
            if path.starts_with("/v1/") {
                assert!(op["security"].is_array(), "{method} {path} has no security");
                assert!(responses.contains_key("401"), "{method} {path} lacks 401");
            }
            assert!(
                op["summary"].is_string() || op["description"].is_string(),
                "{method} {path} is undescribed"
            );
        }
    }
    let mut undescribed = Vec::new();
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        if let Some(properties) = schema["properties"].as_object() {
            for (property, ps) in properties {
                if !ps["description"].is_string() {
                    undescribed.push(format!("{name}.{property}"));
                }
            }
        }
    }
    assert!(
        undescribed.is_empty(),
        "schema properties without a description: {undescribed:?}"
    );
}
