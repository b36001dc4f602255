use crate::helpers::*;

/// The committed contract is what the code generates: regenerate with
/// `cargo run -- openapi > openapi/openapi.json`.
#[test]
fn the_committed_openapi_document_is_fresh() {
    let committed = std::fs::read_to_string("openapi/openapi.json").unwrap();
    assert!(
        committed == permits::api::openapi_json().unwrap(),
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
fn every_schema_reference_resolves() {
    let text = std::fs::read_to_string("openapi/openapi.json").unwrap();
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let re = regex::Regex::new("\"#/components/schemas/([^\"]+)\"").unwrap();
    for r in re.captures_iter(&text) {
        assert!(
            schemas.contains_key(&r[1]),
            "unresolved reference to {}",
            &r[1]
        );
    }
}

#[test]
fn operation_ids_are_unique_so_generated_clients_compile() {
    let doc: serde_json::Value =
        serde_json::from_str(&permits::api::openapi_json().unwrap()).unwrap();
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
    let doc: serde_json::Value =
        serde_json::from_str(&permits::api::openapi_json().unwrap()).unwrap();
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
            if path.starts_with("/v1/public/") {
                assert_eq!(op["security"], serde_json::json!([]), "{method} {path}");
                assert!(!responses.contains_key("401"), "{method} {path} has a 401");
            } else if path.starts_with("/v1/") {
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

fn document() -> serde_json::Value {
    serde_json::from_str(&permits::api::openapi_json().unwrap()).unwrap()
}

/// A pattern anchored at both ends with no unbounded repetition bounds the string's length.
fn bounded_pattern(p: &str) -> bool {
    p.starts_with('^') && p.ends_with('$') && !p.contains(['+', '*']) && !p.contains(",}")
}

/// Every value a request takes is bounded in the contract: integers by minimum and
/// maximum, strings by maxLength (or an enum, or an anchored pattern without unbounded
/// repetition), arrays by maxItems.
#[test]
fn every_request_value_is_bounded() {
    fn walk(
        s: &serde_json::Value,
        at: &str,
        doc: &serde_json::Value,
        seen: &mut Vec<String>,
        out: &mut Vec<String>,
    ) {
        if let Some(r) = s["$ref"].as_str() {
            let name = r.rsplit('/').next().unwrap().to_owned();
            if !seen.contains(&name) {
                seen.push(name.clone());
                walk(&doc["components"]["schemas"][&name], &name, doc, seen, out);
            }
            return;
        }
        for x in s["oneOf"].as_array().into_iter().flatten() {
            walk(x, at, doc, seen, out);
        }
        let types: Vec<&str> = match &s["type"] {
            serde_json::Value::String(t) => vec![t.as_str()],
            serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
            _ => vec![],
        };
        if types.contains(&"integer") && (s["minimum"].is_null() || s["maximum"].is_null()) {
            out.push(format!("{at}: integer without minimum and maximum"));
        }
        let bounded_string = s["maxLength"].is_u64()
            || s["enum"].is_array()
            || s["format"] == "date"
            || s["pattern"].as_str().is_some_and(bounded_pattern);
        if types.contains(&"string") && !bounded_string {
            out.push(format!("{at}: string without maxLength"));
        }
        if types.contains(&"array") {
            if !s["maxItems"].is_u64() {
                out.push(format!("{at}: array without maxItems"));
            }
            walk(&s["items"], &format!("{at}[]"), doc, seen, out);
        }
        for (k, p) in s["properties"].as_object().into_iter().flatten() {
            walk(p, &format!("{at}.{k}"), doc, seen, out);
        }
    }
    let doc = document();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                let at = format!("{method} {path} {}", p["name"]);
                walk(&p["schema"], &at, &doc, &mut Vec::new(), &mut out);
            }
            let body = &op["requestBody"]["content"]["application/json"]["schema"];
            if !body.is_null() {
                walk(
                    body,
                    &format!("{method} {path} body"),
                    &doc,
                    &mut Vec::new(),
                    &mut out,
                );
            }
        }
    }
    assert!(
        out.is_empty(),
        "unbounded request values:\n{}",
        out.join("\n")
    );
}

/// What client generators need, checked without running one: a license they accept, enum
/// constants with meaningful names, request parameters that are never nullable, the
/// headers the service sends declared, and the health checks open.
#[test]
fn generated_clients_get_what_they_need() {
    let doc = document();
    let license = &doc["info"]["license"];
    assert!(license["identifier"].is_string() || license["url"].is_string());
    let identifier = regex::Regex::new("^[A-Z][A-Z0-9_]*$").unwrap();
    let mut enums = 0;
    let mut check_enum = |at: &str, s: &serde_json::Value| {
        if let Some(values) = s["enum"].as_array() {
            enums += 1;
            let names = s["x-enum-varnames"]
                .as_array()
                .unwrap_or_else(|| panic!("{at}: enum without x-enum-varnames"));
            assert_eq!(names.len(), values.len(), "{at}");
            for n in names {
                assert!(
                    n.as_str().is_some_and(|n| identifier.is_match(n)),
                    "{at}: {n} is no identifier"
                );
            }
            let mut distinct = names.clone();
            distinct.dedup();
            assert_eq!(distinct.len(), names.len(), "{at}: repeated names");
        }
    };
    for (name, s) in doc["components"]["schemas"].as_object().unwrap() {
        check_enum(name, s);
        for (p, ps) in s["properties"].as_object().into_iter().flatten() {
            check_enum(&format!("{name}.{p}"), ps);
        }
    }
    assert_eq!(
        doc["components"]["schemas"]["Category"]["x-enum-varnames"],
        serde_json::json!([
            "HEADS",
            "DIVISION_HEADS",
            "SPECIALISTS",
            "QUALIFIED_WORKERS",
            "SEASONAL"
        ])
    );
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                let t = &p["schema"]["type"];
                assert!(
                    !t.is_array(),
                    "{method} {path} {}: nullable parameter",
                    p["name"]
                );
            }
            let responses = &op["responses"];
            assert!(
                responses["503"]["headers"]["Retry-After"].is_object(),
                "{method} {path}: 503 without Retry-After"
            );
            let keyed = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| p["name"] == "Idempotency-Key");
            // A creation answers 201 with its Location; a change (a departure) 200, and
            // work queued (a delivery's replay) 202: each says when it is a replay.
            let success = ["201", "200", "202"]
                .into_iter()
                .find(|s| responses[*s].is_object());
            if let (true, Some(status)) = (keyed, success) {
                let headers = &responses[status]["headers"];
                let wanted: &[&str] = if status == "201" {
                    &["Location", "Idempotent-Replayed"]
                } else {
                    &["Idempotent-Replayed"]
                };
                for h in wanted {
                    assert!(
                        headers[h].is_object(),
                        "{method} {path}: {status} without {h}"
                    );
                }
            }
        }
    }
    assert!(enums >= 4, "only {enums} enums");
    for path in ["/health/live", "/health/ready"] {
        assert_eq!(
            doc["paths"][path]["get"]["security"],
            serde_json::json!([]),
            "{path}"
        );
    }
}

/// Every 422 an operation answers lists the rule codes its `violations` can carry
/// (`x-problem-codes`), each once and each a value of the `ProblemCode` enum that
/// `ViolationView.code` is; an answer that takes no field it checks lists at least one code
/// (the API tests check, by `declared`, that every 422 they meet names only listed codes).
#[test]
fn every_422_lists_its_problem_codes_from_the_problem_code_enum() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let all: Vec<&serde_json::Value> = schemas["ProblemCode"]["enum"]
        .as_array()
        .expect("the ProblemCode enum")
        .iter()
        .collect();
    assert!(all.len() > 100, "{} codes", all.len());
    assert_eq!(
        schemas["ProblemCode"]["x-enum-varnames"]
            .as_array()
            .map(Vec::len),
        Some(all.len())
    );
    assert_eq!(
        schemas["ViolationView"]["properties"]["code"]["$ref"],
        "#/components/schemas/ProblemCode"
    );
    let mut used = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(refused) = op["responses"].get("422") else {
                continue;
            };
            let codes = refused["x-problem-codes"]
                .as_array()
                .unwrap_or_else(|| panic!("{method} {path}: 422 without x-problem-codes"));
            let description = refused["description"].as_str().unwrap_or_default();
            assert!(
                !codes.is_empty() || description.contains("invalid-fields"),
                "{method} {path}: a 422 that lists no code and no field error"
            );
            let mut seen = std::collections::BTreeSet::new();
            for code in codes {
                assert!(
                    all.contains(&code),
                    "{method} {path}: {code} is no ProblemCode"
                );
                assert!(
                    seen.insert(code.to_string()),
                    "{method} {path}: {code} twice"
                );
                assert!(
                    description.contains(&format!("`{}`", code.as_str().unwrap())),
                    "{method} {path}: {code} not in the description"
                );
                used.insert(code.as_str().unwrap().to_owned());
            }
        }
    }
    assert!(
        used.len() > 80,
        "only {} codes are answered anywhere",
        used.len()
    );
}

/// Amounts and percentages are decimal strings with their unit (`format: decimal`,
/// `x-unit`): a generator can map them to an exact decimal type.
#[test]
fn money_and_percentages_are_decimal_strings_with_their_unit() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    for (name, unit) in [("Money", "tenge"), ("Percent", "percent")] {
        assert_eq!(schemas[name]["type"], "string", "{name}");
        assert_eq!(schemas[name]["format"], "decimal", "{name}");
        assert_eq!(schemas[name]["x-unit"], unit, "{name}");
    }
    // No percentage is left a plain string.
    for (name, schema) in schemas.as_object().unwrap() {
        for (property, p) in schema["properties"].as_object().into_iter().flatten() {
            if property.ends_with("_percent") || property.contains("percent_of") {
                let named = p["$ref"].as_str().or_else(|| {
                    p["oneOf"]
                        .as_array()
                        .and_then(|o| o.iter().find_map(|x| x["$ref"].as_str()))
                });
                assert_eq!(
                    named,
                    Some("#/components/schemas/Percent"),
                    "{name}.{property}"
                );
            }
        }
    }
}

/// The schema `s` points at, following `$ref`s.
fn resolve<'a>(s: &'a serde_json::Value, doc: &'a serde_json::Value) -> &'a serde_json::Value {
    match s["$ref"].as_str() {
        Some(r) => resolve(
            &doc["components"]["schemas"][r.rsplit('/').next().unwrap()],
            doc,
        ),
        None => s,
    }
}

/// What is wrong with `value` against `schema`, as far as this contract uses JSON Schema:
/// `$ref`, `oneOf`, `enum`, `type`, `required`, `properties`, `additionalProperties: false`,
/// `items`, the bounds of strings, numbers and arrays, `pattern` and the `date` and
/// `date-time` formats. No JSON Schema validator is in the dependency tree, so this is it.
fn violations(
    value: &serde_json::Value,
    schema: &serde_json::Value,
    doc: &serde_json::Value,
    at: &str,
) -> Vec<String> {
    use serde_json::Value;
    let schema = resolve(schema, doc);
    if let Some(branches) = schema["oneOf"].as_array() {
        let fitting = branches
            .iter()
            .filter(|b| violations(value, b, doc, at).is_empty())
            .count();
        return match fitting {
            1 => Vec::new(),
            n => vec![format!(
                "{at}: {value} fits {n} of oneOf's branches, not one"
            )],
        };
    }
    let mut out = Vec::new();
    if let Some(values) = schema["enum"].as_array() {
        if !values.contains(value) {
            out.push(format!("{at}: {value} is none of the enum"));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return out,
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let declared = types.contains(&kind) || (kind == "integer" && types.contains(&"number"));
    if !declared {
        out.push(format!("{at}: {kind} where {types:?} is declared"));
        return out;
    }
    match value {
        Value::Object(fields) => {
            for r in schema["required"].as_array().into_iter().flatten() {
                if !fields.contains_key(r.as_str().unwrap()) {
                    out.push(format!("{at}: required {r} is missing"));
                }
            }
            let properties = schema["properties"].as_object();
            for (k, v) in fields {
                match properties.and_then(|p| p.get(k)) {
                    Some(ps) => out.extend(violations(v, ps, doc, &format!("{at}.{k}"))),
                    None if schema["additionalProperties"] == false => {
                        out.push(format!("{at}: {k} is not a property"))
                    }
                    None => {
                        if schema["additionalProperties"].is_object() {
                            let ps = &schema["additionalProperties"];
                            out.extend(violations(v, ps, doc, &format!("{at}.{k}")));
                        }
                    }
                }
            }
        }
        Value::Array(items) => {
            let n = items.len() as u64;
            if schema["maxItems"].as_u64().is_some_and(|m| n > m)
                || schema["minItems"].as_u64().is_some_and(|m| n < m)
            {
                out.push(format!("{at}: {n} items outside the bounds"));
            }
            for (i, item) in items.iter().enumerate() {
                out.extend(violations(
                    item,
                    &schema["items"],
                    doc,
                    &format!("{at}[{i}]"),
                ));
            }
        }
        Value::String(s) => {
            let n = s.chars().count() as u64;
            if schema["maxLength"].as_u64().is_some_and(|m| n > m)
                || schema["minLength"].as_u64().is_some_and(|m| n < m)
            {
                out.push(format!("{at}: {s:?} has a length outside the bounds"));
            }
            if let Some(p) = schema["pattern"].as_str() {
                if !regex::Regex::new(p).unwrap().is_match(s) {
                    out.push(format!("{at}: {s:?} does not match {p}"));
                }
            }
            let well_formed = match schema["format"].as_str() {
                Some("date") => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
                Some("date-time") => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
                _ => true,
            };
            if !well_formed {
                out.push(format!("{at}: {s:?} is no {}", schema["format"]));
            }
        }
        Value::Number(n) => {
            let x = n.as_f64().unwrap();
            if schema["minimum"].as_f64().is_some_and(|m| x < m)
                || schema["maximum"].as_f64().is_some_and(|m| x > m)
            {
                out.push(format!("{at}: {n} outside the bounds"));
            }
        }
        _ => {}
    }
    out
}

/// Every request body and every answer with content carries an example (its media type's
/// or its schema's), and each example is valid against its schema: what a developer
/// copies from the documentation is a request the service takes and an answer it sends.
/// A binary download (the permit's PDF, an XLSX table) has no example a document can show.
#[test]
fn every_request_body_and_answer_has_an_example_valid_against_its_schema() {
    let doc = document();
    let mut missing = Vec::new();
    let mut invalid = Vec::new();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let mut contents = vec![("request".to_owned(), &op["requestBody"]["content"])];
            for (status, response) in op["responses"].as_object().unwrap() {
                contents.push((status.clone(), &response["content"]));
            }
            for (what, content) in contents {
                for (media, body) in content.as_object().into_iter().flatten() {
                    let at = format!("{method} {path} {what} {media}");
                    let schema = resolve(&body["schema"], &doc);
                    if schema["format"] == "binary" {
                        continue;
                    }
                    let example = body
                        .get("example")
                        .or_else(|| {
                            body["examples"]
                                .as_object()
                                .and_then(|e| e.values().next())
                                .map(|e| &e["value"])
                        })
                        .or_else(|| schema.get("example"));
                    match example {
                        None => missing.push(at),
                        Some(example) => {
                            checked += 1;
                            invalid.extend(violations(example, &body["schema"], &doc, &at));
                        }
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "without an example:\n{}",
        missing.join("\n")
    );
    assert!(
        invalid.is_empty(),
        "examples off their schema:\n{}",
        invalid.join("\n")
    );
    assert!(checked > 900, "only {checked} examples checked");
}

/// A 422's example is a refusal its operation lists, so the example teaches the codes
/// that operation really answers.
#[test]
fn a_422_example_names_a_code_of_its_operation() {
    let doc = document();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(refused) = op["responses"].get("422") else {
                continue;
            };
            let example = &refused["content"]["application/problem+json"]["example"];
            let codes = refused["x-problem-codes"].as_array().unwrap();
            for v in example["violations"].as_array().into_iter().flatten() {
                assert!(codes.contains(&v["code"]), "{method} {path}: {}", v["code"]);
            }
            if example["violations"].is_null() {
                assert_eq!(example["type"], "urn:kz:permits:problem:invalid-fields");
            }
        }
    }
}

/// Every operation has a summary of a few words (a Swagger title, a generated method's
/// first docstring line) and a description of what it does and who may call it.
#[test]
fn every_operation_has_a_short_summary_and_a_description() {
    let doc = document();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            match op["summary"].as_str() {
                Some(s) if s.chars().count() <= 80 && !s.contains('\n') => {}
                other => out.push(format!("{method} {path}: summary {other:?}")),
            }
            if op["description"]
                .as_str()
                .is_none_or(|d| d.trim().len() < 20)
            {
                out.push(format!("{method} {path}: no description"));
            }
        }
    }
    assert!(out.is_empty(), "{}", out.join("\n"));
}

/// The document says where it is served, whom to ask, and what the service covers.
#[test]
fn the_document_names_its_servers_contact_and_conventions() {
    let doc = document();
    assert!(doc["servers"][0]["url"].is_string());
    assert!(doc["info"]["contact"]["url"].is_string());
    let description = doc["info"]["description"].as_str().unwrap();
    for needle in [
        "quota",
        "allocation",
        "hold",
        "Permits",
        "certificates",
        "ICT",
        "Complaints",
        "webhooks",
        "problem+json",
        "Accept-Language",
        "Idempotency-Key",
        "If-Match",
        "next_cursor",
    ] {
        assert!(
            description.contains(needle),
            "info.description lacks {needle}"
        );
    }
}

/// Every `If-Match` has one shape: a string of `format: entity-tag` (RFC 9110 §8.8.3) whose
/// pattern takes `*` or one quoted version, no longer than `W/"` + 18 digits + `"`. The
/// format names the value for tools that cannot draw a header from a pattern of quotes
/// (tests/contract/schemathesis_hooks.py registers it from this pattern); the service takes
/// exactly what the pattern does (`extract::tests::if_match_takes_exactly_the_declared_entity_tags`).
#[test]
fn every_if_match_is_a_quoted_entity_tag_of_one_shape() {
    let doc = document();
    let expected = serde_json::json!({
        "type": "string",
        "format": "entity-tag",
        "pattern": "^(\\*|(W/)?\"[0-9]{1,18}\")$",
        "maxLength": 22,
    });
    let mut seen = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                if p["name"].as_str().unwrap().eq_ignore_ascii_case("if-match") {
                    seen += 1;
                    assert_eq!(p["schema"], expected, "{method} {path}");
                    assert_eq!(p["in"], "header", "{method} {path}");
                }
            }
        }
    }
    assert!(seen >= 22, "only {seen} operations take If-Match");
}
