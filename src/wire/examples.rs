//! Examples in the contract: every request body and every answer carries one, so that an
//! employer's developer reading the documentation or a generated client sees a realistic
//! exchange. A type's own `#[schema(example = …)]` comes first; a wire type without one gets
//! an example composed from its properties' own examples and the typical values of this
//! domain below (a BIN, a region of Kazakhstan, dates in 2027, money as decimal strings). A
//! problem answer gets the problem the service sends for its status, rendered in English by
//! [`ApiError::problem`]; a 422 one of the refusals its operation lists in
//! `x-problem-codes`. `tests/api/openapi.rs` checks every example against its schema.

use crate::domain::article::{
    APPK_91_1, APPK_91_3, APPK_91_4, ART_32_4_1, ART_32_4_2, ART_32_5, ART_33_2, ART_33_3,
    ART_33_4, ART_34_1, ART_34_3, ART_35_4, ART_37_2, ART_6_2, ART_7_23, ART_9_5,
};
use crate::domain::ledger::DISTRIBUTION;
use crate::domain::problem::{Limit, LimitUnit};
use crate::domain::Reason;
use crate::domain::{Message, Money, ProblemCode, Violation};
use crate::error::{ApiError, FieldError};
use crate::i18n::Lang;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// The media type of every problem answer (RFC 9457).
const PROBLEM: &str = "application/problem+json";

/// How many references a composed example follows before it stops (a schema that
/// contains itself ends there as `null` or empty).
const DEPTH: usize = 16;

/// Gives every request body and answer of `doc` (the contract as JSON) an example.
pub fn exemplify(doc: &mut Value) {
    let schemas = doc["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut named = BTreeSet::new();
    for op in operations(doc) {
        let bodies = op["requestBody"]["content"].as_object().into_iter();
        let answers = op["responses"]
            .as_object()
            .into_iter()
            .flat_map(|r| r.values())
            .filter_map(|r| r["content"].as_object());
        for content in bodies.chain(answers) {
            for (media, body) in content {
                if media != PROBLEM {
                    if let Some(name) = body["schema"]["$ref"].as_str() {
                        named.insert(name.rsplit('/').next().unwrap_or_default().to_owned());
                    }
                }
            }
        }
    }
    for name in named {
        let Some(schema) = schemas.get(&name) else {
            continue;
        };
        // An alias of another schema is a reference, which carries no example: its
        // bodies and answers carry one themselves (below).
        if schema.get("example").is_some()
            || schema["format"] == "binary"
            || schema.get("$ref").is_some()
        {
            continue;
        }
        let example = scalar(&name, &name)
            .or_else(|| rule_set(&name))
            .unwrap_or_else(|| compose(schema, &name, &schemas, 0));
        if let Some(Value::Object(target)) = doc["components"]["schemas"].get_mut(&name) {
            target.insert("example".to_owned(), example);
        }
    }
    for (_, _, op) in operations_mut(doc) {
        alias_examples(op, &schemas);
    }
    for (path, method, op) in operations_mut(doc) {
        let write = method != "get";
        let cursor = op["parameters"]
            .as_array()
            .is_some_and(|ps| ps.iter().any(|p| p["name"] == "cursor"));
        let body_field = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .and_then(|r| schemas.get(r.rsplit('/').next().unwrap_or_default()))
            .and_then(|s| s["required"].get(0))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
            continue;
        };
        for (status, response) in responses.iter_mut() {
            let description = response["description"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let codes: Vec<String> = response["x-problem-codes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c.as_str().map(str::to_owned))
                .collect();
            let Some(Value::Object(media)) =
                response.pointer_mut(&format!("/content/{}", PROBLEM.replace('/', "~1")))
            else {
                continue;
            };
            if media.contains_key("example") || media.contains_key("examples") {
                continue;
            }
            let sample = Sample {
                status,
                path: &path,
                write,
                description: &description,
                codes: &codes,
                cursor,
                body_field: body_field.as_deref(),
            };
            if let Some(problem) = sample.problem() {
                media.insert("example".to_owned(), problem);
            }
        }
    }
}

/// Gives a body or answer whose schema is an alias of another (a component that is only
/// a `$ref`) the example of the schema it names, on its media type.
fn alias_examples(op: &mut Value, schemas: &Map<String, Value>) {
    let Some(fields) = op.as_object_mut() else {
        return;
    };
    let mut contents: Vec<&mut Value> = Vec::new();
    for (key, part) in fields.iter_mut() {
        match key.as_str() {
            "requestBody" => contents.extend(part.get_mut("content")),
            "responses" => contents.extend(
                part.as_object_mut()
                    .into_iter()
                    .flat_map(|r| r.values_mut())
                    .filter_map(|r| r.get_mut("content")),
            ),
            _ => {}
        }
    }
    for content in contents {
        for media in content
            .as_object_mut()
            .into_iter()
            .flat_map(|c| c.values_mut())
        {
            let Some(name) = media["schema"]["$ref"].as_str() else {
                continue;
            };
            let name = name.rsplit('/').next().unwrap_or_default().to_owned();
            let Some(alias) = schemas.get(&name).filter(|s| s.get("$ref").is_some()) else {
                continue;
            };
            if let Some(fields) = media.as_object_mut() {
                fields
                    .entry("example")
                    .or_insert_with(|| compose(alias, &name, schemas, 0));
            }
        }
    }
}

fn operations(doc: &Value) -> impl Iterator<Item = &Value> {
    doc["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .flat_map(|item| item.values())
}

fn operations_mut(doc: &mut Value) -> Vec<(String, String, &mut Value)> {
    let mut out = Vec::new();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            if let Some(item) = item.as_object_mut() {
                for (method, op) in item.iter_mut() {
                    out.push((path.clone(), method.clone(), op));
                }
            }
        }
    }
    out
}

/// An example of `schema`, found under the property (or component) `name`.
fn compose(schema: &Value, name: &str, schemas: &Map<String, Value>, depth: usize) -> Value {
    if let Some(example) = schema
        .get("example")
        .or_else(|| schema["examples"].as_array().and_then(|e| e.first()))
    {
        return example.clone();
    }
    if let Some(r) = schema["$ref"].as_str() {
        let target = r.rsplit('/').next().unwrap_or_default();
        if let Some(value) = scalar(target, name).or_else(|| rule_set(target)) {
            return value;
        }
        return match schemas.get(target) {
            Some(s) if depth < DEPTH => compose(s, name, schemas, depth + 1),
            _ => Value::Null,
        };
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(branches) = schema[key].as_array() {
            let chosen = branches
                .iter()
                .find(|b| b["type"] != "null")
                .or_else(|| branches.first());
            return chosen.map_or(Value::Null, |b| compose(b, name, schemas, depth));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let Some(kind) = types.iter().find(|t| **t != "null") else {
        return Value::Null;
    };
    // The machine-readable zone is optional and must agree with the fields sent.
    if name == "mrz" && types.contains(&"null") {
        return Value::Null;
    }
    match *kind {
        "object" => {
            let mut out = Map::new();
            if depth < DEPTH {
                for (property, s) in schema["properties"].as_object().into_iter().flatten() {
                    // A case belongs to one kind: the other kinds' references stay null.
                    let other_kind = matches!(
                        property.as_str(),
                        "certificate_id" | "ict_permit_id" | "parent_id" | "replaces_worker_id"
                    );
                    let value = if other_kind && nullable(s) {
                        Value::Null
                    } else {
                        compose(s, property, schemas, depth)
                    };
                    out.insert(property.clone(), value);
                }
            }
            Value::Object(out)
        }
        "array" => {
            if depth >= DEPTH {
                return json!([]);
            }
            let singular = name.strip_suffix('s').unwrap_or(name);
            let item = compose(&schema["items"], singular, schemas, depth);
            let n = schema["minItems"].as_u64().unwrap_or(1).max(1);
            Value::Array((0..n).map(|_| item.clone()).collect())
        }
        "integer" => integer(name, schema),
        "number" => json!(1.5),
        "boolean" => json!(boolean(name)),
        _ => text(name, schema),
    }
}

/// The rule set the service is seeded with (`config/seed/rule-set.json`), as published
/// for 2027 and as read back: every section of a real rule set, not one made up from its
/// schema.
fn rule_set(name: &str) -> Option<Value> {
    let mut seed: Value = serde_json::from_str(SEED_RULE_SET).ok()?;
    seed["effective_from"] = json!("2027-01-01");
    match name {
        "NewRuleSetRequest" => Some(seed),
        "RuleSetView" => {
            seed["version"] = json!(3);
            seed["created_at"] = json!("2026-12-15T06:00:00Z");
            seed["created_by"] = json!("ministry-analyst-02");
            Some(seed)
        }
        _ => None,
    }
}

const SEED_RULE_SET: &str = include_str!("../../config/seed/rule-set.json");

/// A typical value of the scalar type `target` (a component schema) under the property
/// `name`, where the type alone decides it.
fn scalar(target: &str, name: &str) -> Option<Value> {
    let value = match target {
        "Money" => "1297500.00",
        "Percent" if name.contains("kazakh") => "50",
        "Percent" => "0.4",
        "Profession" if name.contains("seasonal") => "Fruit picker",
        "Profession" => "Welder",
        "CsvDocument" => {
            "region,category,allocated,held,used,available\r\nKZ-75,3,1200,35,840,325\r\n"
        }
        _ => return None,
    };
    Some(json!(value))
}

/// Whether `schema` admits `null` (a type list with it, or a `oneOf` branch of it).
fn nullable(schema: &Value) -> bool {
    schema["type"]
        .as_array()
        .is_some_and(|ts| ts.iter().any(|t| t == "null"))
        || schema["oneOf"]
            .as_array()
            .is_some_and(|bs| bs.iter().any(|b| b["type"] == "null"))
}

/// A typical whole number for a property called `name`, within its bounds.
fn integer(name: &str, schema: &Value) -> Value {
    let typical: i64 = match name {
        "year" | "quota_year" => 2027,
        "quarter" => 1,
        "version" | "rule_set_version" => 3,
        "mrp" => 4_325,
        "rate_mrp" => 50,
        "labour_force" => 9_400_000,
        "quota" | "total" | "permit_total" => 37_600,
        "allocated" => 1_200,
        "used" => 840,
        "held" => 35,
        "available" | "reserve" => 325,
        "requested" | "units" => 20,
        "workers" | "foreign" | "posted" | "eaeu" => 12,
        "kazakh" | "kazakh_specialists" | "kazakh_managers" | "hired" => 48,
        "experience_years" => 9,
        "minimum_age" => 18,
        "number" => 15,
        "median_days_to_decide" => 6,
        n if n.ends_with("_months") || n == "months" => 12,
        n if n.ends_with("_percent") || n.ends_with("_share") => 70,
        n if n.ends_with("days") || n.starts_with("max_days") => 10,
        n if n.ends_with("_delta") => -1,
        _ => 7,
    };
    let low = schema["minimum"].as_i64().unwrap_or(i64::MIN);
    let high = schema["maximum"].as_i64().unwrap_or(i64::MAX);
    json!(typical.clamp(low, high))
}

/// Whether a flag called `name` is typically set.
fn boolean(name: &str) -> bool {
    !matches!(
        name,
        "late"
            | "overdue"
            | "decision_overdue"
            | "departure_overdue"
            | "past_validity"
            | "permanent_resident"
            | "contractor"
            | "seasonal"
            | "awaiting_quota"
            | "bars_employer"
            | "foreign_division"
            | "intra_corporate_transfer"
            | "eaeu_member"
            | "eaeu_citizens_count_as_foreign"
            | "fee_due"
            | "small_business"
            | "term_restored"
            | "up_to"
            | "first_head"
            | "ict_exempt"
    )
}

/// A typical text for a property called `name` of `schema` (format and pattern first).
fn text(name: &str, schema: &Value) -> Value {
    match schema["format"].as_str() {
        Some("date") => return json!(date(name)),
        Some("date-time") => return json!(format!("{}T04:30:00Z", date(name))),
        Some("uuid") => return json!("0b6e4f8c-3c1a-4e55-9a57-2f0d1c7e8b21"),
        Some("uri") => return json!("https://erp.example.kz/hooks/permits"),
        _ => {}
    }
    let pattern = schema["pattern"].as_str().unwrap_or_default();
    if pattern.contains("{3}") && pattern.contains("A-Z") {
        return json!(country(name));
    }
    if pattern.starts_with("^c[") {
        return json!("c2b");
    }
    if pattern.starts_with("^evt_") {
        return json!("evt_1207");
    }
    if pattern.starts_with("^whsec_") {
        return json!("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }
    let value = match name {
        "bin" | "contract_bin" | "employer_bin" => "210340000013",
        "iin" => "880412450123",
        "region" | "host_region" | "from_region" | "with_body" => "KZ-75",
        "to_region" => "KZ-71",
        "sector" => "F",
        "citizenship" | "country" | "sender_country" | "sending_country" | "mission_country" => {
            country(name)
        }
        "occupation_code" => "7212",
        "vacancy_code" => "ELX-2027-004518",
        "passport_number" => "U12345678",
        "full_name" | "full_name_latin" => "MEHMET YILMAZ",
        "full_name_cyrillic" => "МЕХМЕТ ЙЫЛМАЗ",
        "name" => "Altyn Qurylys LLP",
        "name_kk" => "Алматы қаласы",
        "name_ru" => "город Алматы",
        "name_en" => "Almaty city",
        "legal_form" => "LLP",
        "profession" | "position" | "speciality" => "Welder",
        "qualification" => "Welder, 5th grade",
        "qualification_ref" => "Professional standard 'Welding', level 4",
        "education" => "Technical and vocational",
        "host_organisation" | "sender_name" | "sending_organisation" => "Yilmaz Insaat A.S.",
        "article" => "Art. 33(2)",
        "code" | "measure_ground" => "false-documents",
        "action" => "permit.approved",
        "role" => "akimat",
        "actor" | "created_by" | "updated_by" | "decided_by" | "reviewed_by" | "filed_by" => {
            "akimat-almaty-07"
        }
        "request_id" => "0b6e4f8c-3c1a-4e55-9a57-2f0d1c7e8b21",
        "reference" | "references" => "Payment order No. 4518 of 05.03.2027",
        "departure_evidence" | "evidence" => "Exit stamp, Almaty airport, 28.02.2028",
        "source" => "Order of the Minister of Labour No. 279 of 10.01.2027",
        "labour_force_source" => "Bureau of National Statistics, labour force survey 2026",
        "permit_status" => "active",
        "no_permit_list_category" => "Heads of representative offices",
        "step" | "steps" => "37 600 = 9 400 000 × 0.4%",
        "next_step" => "Apply for a permit for category 3 in KZ-75",
        "url" => "https://erp.example.kz/hooks/permits",
        "next_cursor" | "cursor" => "MTIwNw",
        "status" => "ok",
        "amount" => "1297500.00",
        "refusal_reason" | "reason" | "reasons" | "review_reason" => {
            "The qualification documents do not meet the professional standard 'Welding', level 4"
        }
        "suspension_reason" | "measure_reason" => {
            "The inspection of 12.05.2027 found the worker employed outside the permit's regions"
        }
        "end_note" => "Returned by the employer: the labour contract ended early",
        "grounds" => "The refusal ignored the vacancy published on the labour exchange for 30 days",
        "note" => "Unused units moved to Almaty by the ministry's order No. 112",
        "message" => "The employer's share of Kazakh staff is 80%, above the 70% required",
        _ => "Almaty, Abai avenue 52",
    };
    let value = if name == "justification" {
        "No Kazakh welder of 5th grade answered the vacancy in 30 days"
    } else {
        value
    };
    json!(value)
}

/// A typical date in 2027 for a property called `name`.
fn date(name: &str) -> &'static str {
    match name {
        "birth_date" => "1988-04-12",
        "passport_expiry" => "2032-05-20",
        "wto_member_since" => "1995-03-26",
        n if n.contains("end") || n.ends_with("_to") || n.contains("until") || n == "valid_to" => {
            "2028-02-29"
        }
        n if n.contains("start") || n.contains("from") || n.contains("effective") => "2027-03-01",
        n if n.contains("due") || n.contains("deadline") => "2027-02-26",
        n if n.contains("departed") || n.contains("ended") => "2028-03-10",
        _ => "2027-02-15",
    }
}

/// A typical ISO 3166-1 alpha-3 country for a property called `name`.
fn country(name: &str) -> &'static str {
    if name.contains("send") {
        "DEU"
    } else {
        "TUR"
    }
}

/// The problem answer an operation gives.
struct Sample<'a> {
    status: &'a str,
    path: &'a str,
    write: bool,
    description: &'a str,
    codes: &'a [String],
    /// Whether the operation pages with a `cursor`.
    cursor: bool,
    /// The first field its request body requires, if it takes one.
    body_field: Option<&'a str>,
}

impl Sample<'_> {
    fn problem(&self) -> Option<Value> {
        let error = match self.status {
            "400" => self.malformed(),
            "401" => ApiError::Unauthorized(Message::new("unauthorized-expired")),
            "403" if self.write => {
                ApiError::Forbidden(Message::new("forbidden-role").text("role", "auditor"))
            }
            "403" => ApiError::Forbidden(Message::new("forbidden-other-region")),
            "404" => ApiError::NotFound(Message::new(if self.path.contains("webhook") {
                "not-found-webhook"
            } else if self.path.contains('{') {
                "not-found-case"
            } else {
                "not-found-resource"
            })),
            "408" => ApiError::RequestTimeout,
            "409" => return Some(self.conflict()),
            "412" => ApiError::PreconditionFailed { current: 4 },
            "413" => ApiError::PayloadTooLarge(crate::wire::bounds::STRING_MAX),
            "415" => ApiError::UnsupportedMediaType,
            "422" => self.refusal(),
            "429" => ApiError::TooManyRequests(6),
            "431" => ApiError::HeaderTooLarge(crate::wire::bounds::PARAMETER_MAX * 8),
            "500" => ApiError::Internal,
            "503" => ApiError::Unavailable,
            _ => return None,
        };
        serde_json::to_value(error.problem(Lang::En)).ok()
    }

    /// A bad cursor of a list, a missing field of a body, or a malformed path.
    fn malformed(&self) -> ApiError {
        if self.cursor {
            let cursor = Message::new("malformed-cursor");
            return ApiError::malformed(cursor.clone(), vec![FieldError::new("cursor", cursor)]);
        }
        if let Some(field) = self.body_field {
            let reason =
                Lang::En.text(&Message::new("malformed-reason-missing").text("field", field));
            return ApiError::malformed(
                Message::new("malformed-body").text("reason", &reason),
                vec![FieldError::new(field, Reason::Required)],
            );
        }
        ApiError::malformed(Message::new("malformed-path"), Vec::new())
    }

    /// A conflict: the code the description names in backticks, else the reuse of an
    /// Idempotency-Key or a step the case's state does not allow, worded as described.
    fn conflict(&self) -> Value {
        let named = self
            .description
            .split('`')
            .nth(1)
            .filter(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'));
        let first = self
            .description
            .split([';', ',', '.'])
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('`');
        let (slug, detail) = if self.description.contains("Idempotency-Key") {
            (
                "idempotency-key-reused".to_owned(),
                Lang::En.text(&Message::new("conflict-idempotency-key-reused")),
            )
        } else {
            match named {
                Some(code) if self.description.starts_with('`') => {
                    (code.to_owned(), self.description.to_owned())
                }
                _ => ("illegal-transition".to_owned(), first.to_owned()),
            }
        };
        json!({
            "type": format!("{}{slug}", crate::error::PROBLEM_TYPE_PREFIX),
            "title": Lang::En.key("title-conflict"),
            "status": 409,
            "detail": detail,
        })
    }

    /// The first refusal of the operation's list that has a sample here; field errors
    /// when none has.
    fn refusal(&self) -> ApiError {
        self.codes
            .iter()
            .find_map(|code| refusal(code))
            .map(ApiError::rule)
            .unwrap_or_else(|| {
                ApiError::Invalid(vec![FieldError::new(
                    "limit",
                    Reason::Between { min: 1, max: 500 },
                )])
            })
    }
}

/// A refusal of the rule `code` as the service raises it, with typical figures.
fn refusal(code: &str) -> Option<Violation> {
    use ProblemCode::*;
    let code = ProblemCode::ALL.iter().find(|c| c.as_str() == code)?;
    let v = match code {
        QuotaExhausted => Violation::new(*code, ART_33_2)
            .text("region", "KZ-75")
            .arg("left", 0)
            .arg("allocated", 1_200)
            .arg("category", 3)
            .arg("year", 2027)
            .arg("wanted", 2)
            .quota_left(0),
        FeeUnderpaid => Violation::new(*code, ART_33_4)
            .arg("paid", Money::from_tiyn(100_000_000))
            .text("region", "KZ-75")
            .arg("due", Money::from_tiyn(129_750_000))
            .arg("mrp", Money::from_tiyn(432_500))
            .fee_due(Money::from_tiyn(129_750_000)),
        TripDaysExceeded => Violation::new(*code, ART_33_3)
            .arg("year", 2027)
            .arg("used", 55)
            .arg("wanted", 10)
            .arg("max", 60)
            .limit(Limit::new(60, LimitUnit::Days)),
        DepartureDateFuture => Violation::service_rule(*code)
            .text("date", "2028-03-10")
            .text("today", "2028-03-01"),
        IctDepartureInFuture => Violation::service_rule(*code).text("date", "2028-03-10"),
        ComplaintNoSuchAct => Violation::new(*code, APPK_91_1)
            .text("act", "refusal")
            .text("permit", "1207"),
        ComplaintReasonsRequired => Violation::new(*code, APPK_91_3),
        ComplaintReconsiderationTermPassed => {
            Violation::new(*code, APPK_91_4).text("due", "2027-03-12")
        }
        UnknownSector => Violation::service_rule(*code).text("sector", "V"),
        StatisticalReportPeriodOpen => Violation::new(*code, ART_37_2)
            .arg("quarter", 2)
            .arg("year", 2027)
            .text("from", "2027-07-01"),
        IctRatioExceeded => Violation::new(*code, ART_35_4)
            .arg("foreigners", 12)
            .text("position", "specialist")
            .arg("transferred", 4)
            .arg("kazakh", 20)
            .arg("max", 50)
            .limit(Limit::new(50, LimitUnit::Percent)),
        IctWorkerNotOnPermit => Violation::service_rule(*code)
            .arg("worker", 88)
            .arg("id", 41),
        UnknownGround => Violation::new(*code, ART_9_5).text("ground", "late-report"),
        DemandFilingClosed => Violation::resting_on(*code, &[ART_32_5, ART_6_2])
            .arg("year", 2028)
            .text("opens", "2027-03-01")
            .text("closes", "2027-04-30")
            .text("today", "2027-05-04"),
        ReasonRequired => Violation::service_rule(*code),
        QuotaBelowUsed => Violation::new(*code, ART_32_4_2)
            .text("country", "TUR")
            .arg("number", 100)
            .arg("taken", 140),
        NationalQuotaExceeded => Violation::resting_on(*code, &[ART_7_23, ART_32_4_1])
            .text("region", "KZ-75")
            .arg("increase", 400)
            .arg("category", 3)
            .arg("year", 2027)
            .arg("reserve", 325)
            .quota_left(325),
        TransferExceedsUnused => Violation::resting_on(*code, DISTRIBUTION)
            .text("source", "KZ-75")
            .arg("available", 15)
            .arg("category", 3)
            .arg("year", 2027)
            .arg("units", 20)
            .quota_left(15),
        CertificateTermTooLong => Violation::new(*code, ART_34_1)
            .arg("max", 3)
            .arg("months", 6)
            .limit(Limit::new(3, LimitUnit::Months)),
        CertificateNotIssued => Violation::service_rule(*code).arg("id", 305),
        ExtensionWindowClosed => Violation::new(*code, ART_34_3)
            .text("issued", "2027-01-11")
            .text("deadline", "2027-04-11")
            .text("applied", "2027-04-20"),
        WebhookUrlNotHttps => Violation::service_rule(*code).at("/url"),
        _ => return None,
    };
    Some(v)
}
