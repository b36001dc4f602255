//! What the whole contract says beyond each operation's own annotation: where the service
//! is served, whom to ask, the languages of every operation and answer, the rate limit of
//! the operations that have one, and bounds on every string, integer and array a wire type
//! leaves unbounded (OWASP API4: a client and a gateway can check a size before reading it),
//! and an example on every request body and answer (`api::examples`).
//! The ruleset it is linted against is `tests/contract/.spectral.yaml`.

use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::info::ContactBuilder;
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, SchemaFormat, Type};
use utoipa::openapi::server::ServerBuilder;
use utoipa::openapi::{ObjectBuilder, OpenApi, RefOr, Required};
use utoipa::Modify;

pub use crate::wire::bounds::{PARAMETER_MAX, STRING_MAX};

/// The most elements of an array whose type states no tighter bound; a page holds at most
/// [`PAGE_MAX`].
pub const ARRAY_MAX: usize = 10_000;

/// The most items a page answers (`limit`'s maximum).
pub const PAGE_MAX: usize = 500;

/// The document-wide parts of the contract; applied after the routes added their paths.
pub struct Contract;

impl Modify for Contract {
    fn modify(&self, doc: &mut OpenApi) {
        describe(doc);
        for item in doc.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                languages(op);
                rate_limit(op);
                locations(op);
            }
        }
        let mut json = match serde_json::to_value(&*doc) {
            Ok(json) => json,
            Err(_) => return,
        };
        bound(&mut json, None);
        crate::wire::examples::exemplify(&mut json);
        if let Ok(bounded) = serde_json::from_value::<OpenApi>(json) {
            *doc = bounded;
        }
    }
}

/// The document's own parts: what the service is, who answers for it, where it is served.
fn describe(doc: &mut OpenApi) {
    doc.info.description = Some(DESCRIPTION.to_owned());
    doc.info.contact = Some(
        ContactBuilder::new()
            .name(Some(
                "Ministry of Labour and Social Protection of the Population, permit service",
            ))
            .url(Some("https://www.enbek.gov.kz"))
            .build(),
    );
    doc.servers = Some(vec![ServerBuilder::new()
        .url("/")
        .description(Some(
            "The production service, at the address this document was read from; a \
             local or staging instance serves the same paths at its own address.",
        ))
        .extensions(Some(
            utoipa::openapi::extensions::ExtensionsBuilder::new()
                .add("x-internal", false)
                .build(),
        ))
        .build()]);
}

const DESCRIPTION: &str = "Runs Kazakhstan's foreign-labour regime under Articles 32-37 of \
the Law \"On Employment of the Population\" (No. 482-V), for the ministry, the akimats of the \
20 regions, employers (by BIN) and auditors.\n\n\
## What it covers\n\n\
- **Quota**: the yearly national quota by category, its allocation among the regions, \
transfers of unused units and the ledger behind every figure (Art. 32, 7(23)); employers' \
demand for next year's quota (Art. 32(5)) and the ministry's quota calculator.\n\
- **Permits**: employers' profiles; applications checked at once and again at the \
decision; approval per named region, which places a hold on the region's quota; the fee in \
MRP paid to each region's budget (Art. 33(4)); the permit number, its PDF and the public \
check of a number (Art. 33(5)); business trips, extensions, re-issues, suspension, \
revocation, return and departure.\n\
- **Self-employment certificates** (Art. 34) and **intra-corporate transfers** (ICT \
permits outside the quota, Art. 35), with arrival notifications and the ICT register.\n\
- **Complaints**: pre-trial complaints against refusals, suspensions, revocations and \
missed deadlines, with the akimat and the body considering them (APPK Art. 91-92).\n\
- **Events**: what happened to the caller's cases as a cursor-paged feed (`/v1/events`) \
and as webhooks (`/v1/webhooks`) signed per the Standard Webhooks specification \
(`webhook-id`, `webhook-timestamp`, `webhook-signature`), delivered at least once.\n\
- **Statistics**: quota utilization, permits, decision times, fees, employers' quarterly \
statistical reports (Art. 36-37); JSON, CSV or XLSX by `Accept`.\n\n\
## Conventions\n\n\
- **Errors** are RFC 9457 problem documents (`application/problem+json`) with a stable \
`type`; a 422 lists `violations`, each with a `code` of the `ProblemCode` enum (the \
operation's own in `x-problem-codes`), the `article` it rests on and typed figures \
(`fee_due`, `quota_left`, `limit`).\n\
- **Languages**: messages and names in Kazakh, Russian or English by `Accept-Language`; \
`Content-Language` names the one chosen. Codes and articles are never translated.\n\
- **Writes**: a POST that creates something takes an `Idempotency-Key` (a replay answers \
the stored result with `Idempotent-Replayed: true`); a write to a versioned object (a \
permit, a complaint, a profile, the national quota) takes `If-Match` with the `ETag` it \
was read with (412 when it changed since).\n\
- **Lists** are cursor pages of `items`: pass `next_cursor` back as `cursor` unchanged; \
it is opaque, and left out on the last page.\n\
- **Values**: money is a decimal string in tenge (`1548350.00`); dates are YYYY-MM-DD in \
Kazakhstan time, timestamps RFC 3339 UTC; a BIN or IIN is 12 digits; regions are ISO \
3166-2:KZ codes (`KZ-75`), countries ISO 3166-1 alpha-3.";

/// A `Location` header names the created resource by its path on this service (RFC 9110
/// §10.2.2), so its schema says so: `format: uri-reference`.
fn locations(op: &mut Operation) {
    for response in op.responses.responses.values_mut() {
        let RefOr::T(response) = response else {
            continue;
        };
        if let Some(location) = response.headers.get_mut("Location") {
            if let RefOr::T(utoipa::openapi::Schema::Object(schema)) = &mut location.schema {
                if schema.format.is_none() {
                    schema.format = Some(SchemaFormat::Custom("uri-reference".to_owned()));
                }
            }
        }
    }
}

/// Every operation answers in the language `Accept-Language` asks for, and says which.
fn languages(op: &mut Operation) {
    let parameters = op.parameters.get_or_insert_with(Vec::new);
    if !parameters.iter().any(|p| p.name == "Accept-Language") {
        parameters.push(
            ParameterBuilder::new()
                .name("Accept-Language")
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .description(Some(
                    "The language of messages and names (RFC 9110 §12.5.4): the first of \
                     `kk`, `ru` and `en` it accepts by q-value; English when it accepts none.",
                ))
                .example(Some("ru-RU,ru;q=0.9,en;q=0.5".into()))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .max_length(Some(256))
                        .pattern(Some(r"^[A-Za-z0-9*,;=. -]*$")),
                ))
                .build(),
        );
    }
    for response in op.responses.responses.values_mut() {
        if let RefOr::T(response) = response {
            response
                .headers
                .entry("Content-Language".to_owned())
                .or_insert_with(content_language);
        }
    }
}

fn content_language() -> Header {
    HeaderBuilder::new()
        .schema(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(["kk", "ru", "en"]))
                .extensions(Some(
                    crate::wire::schemas::enum_varnames(["KK", "RU", "EN"]).build(),
                )),
        )
        .description(Some(
            "The language of the answer's messages and names, as `Accept-Language` chose it.",
        ))
        .build()
}

/// Statuses answered before an operation's limiter counts the request (a header too large,
/// a malformed path), so they carry no rate-limit headers.
const BEFORE_LIMIT: [&str; 2] = ["400", "431"];

/// An operation that may answer 429 is limited per client: every answer it gives after
/// counting the request carries the limit's headers (IETF draft-ietf-httpapi-ratelimit-headers),
/// which the service sends (`api::limit`).
fn rate_limit(op: &mut Operation) {
    if !op.responses.responses.contains_key("429") {
        return;
    }
    for (status, response) in op.responses.responses.iter_mut() {
        let counted = (status.starts_with('2') || status.starts_with('4'))
            && !BEFORE_LIMIT.contains(&status.as_str());
        if let (true, RefOr::T(response)) = (counted, response) {
            for (name, description) in [
                (
                    "RateLimit-Limit",
                    "Requests a client address may make in a burst; then one more every \
                     `60 / limit` seconds.",
                ),
                (
                    "RateLimit-Remaining",
                    "Requests this client address may still make now.",
                ),
                (
                    "RateLimit-Reset",
                    "Seconds until this client address may make a whole burst again.",
                ),
            ] {
                response.headers.insert(
                    name.to_owned(),
                    HeaderBuilder::new()
                        .schema(
                            ObjectBuilder::new()
                                .schema_type(Type::Integer)
                                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                                .minimum(Some(0))
                                .maximum(Some(u32::MAX)),
                        )
                        .description(Some(description))
                        .build(),
                );
            }
        }
    }
}

/// Fills the bounds a schema leaves out: strings by their format (or [`STRING_MAX`]),
/// integers by their format's range, arrays by [`PAGE_MAX`] for a page's `items` and
/// [`ARRAY_MAX`] otherwise. `property` is the name the schema is found under.
fn bound(value: &mut serde_json::Value, property: Option<&str>) {
    match value {
        serde_json::Value::Object(fields) => {
            if fields.contains_key("in") {
                bound_parameter(fields);
            }
            if fields.contains_key("type") {
                bound_schema(fields, property);
            }
            // `properties` names its children; an example is data, not a schema.
            for (key, child) in fields.iter_mut() {
                match key.as_str() {
                    "example" | "examples" | "enum" | "const" | "default" => {}
                    "properties" => {
                        if let serde_json::Value::Object(properties) = child {
                            for (name, schema) in properties.iter_mut() {
                                bound(schema, Some(name));
                            }
                        }
                    }
                    _ => bound(child, None),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| bound(v, None)),
        _ => {}
    }
}

/// A parameter's string schema without a bound gets [`PARAMETER_MAX`]; a query
/// parameter's at least one character, as the service refuses an empty one
/// (`malformed-query-empty`: give a value or leave it out).
fn bound_parameter(parameter: &mut serde_json::Map<String, serde_json::Value>) {
    let in_query = parameter.get("in").and_then(|i| i.as_str()) == Some("query");
    let Some(serde_json::Value::Object(schema)) = parameter.get_mut("schema") else {
        return;
    };
    if !has_type(schema, "string") || schema.contains_key("enum") {
        return;
    }
    if !schema.contains_key("maxLength") && !schema.contains_key("format") {
        schema.insert("maxLength".to_owned(), PARAMETER_MAX.into());
    }
    if in_query {
        schema.entry("minLength").or_insert_with(|| 1.into());
    }
}

fn has_type(fields: &serde_json::Map<String, serde_json::Value>, wanted: &str) -> bool {
    match fields.get("type") {
        Some(serde_json::Value::String(t)) => t == wanted,
        Some(serde_json::Value::Array(types)) => types.iter().any(|t| t == wanted),
        _ => false,
    }
}

fn bound_schema(fields: &mut serde_json::Map<String, serde_json::Value>, property: Option<&str>) {
    if has_type(fields, "string")
        && !fields.contains_key("maxLength")
        && !fields.contains_key("enum")
        && !fields.contains_key("const")
    {
        let max = match fields.get("format").and_then(|f| f.as_str()) {
            Some("date") => 10,
            Some("date-time") => 35,
            Some("uuid") => 36,
            _ => STRING_MAX,
        };
        fields.insert("maxLength".to_owned(), max.into());
    }
    if has_type(fields, "integer") {
        let format = fields
            .entry("format")
            .or_insert_with(|| "int64".into())
            .as_str()
            .unwrap_or("int64")
            .to_owned();
        let (min, max) = if format == "int32" {
            (i64::from(i32::MIN), i64::from(i32::MAX))
        } else {
            (i64::MIN, i64::MAX)
        };
        fields.entry("minimum").or_insert_with(|| min.into());
        fields.entry("maximum").or_insert_with(|| max.into());
    }
    if has_type(fields, "array") && !fields.contains_key("maxItems") {
        let max = if property == Some("items") {
            PAGE_MAX
        } else {
            ARRAY_MAX
        };
        fields.insert("maxItems".to_owned(), max.into());
    }
}
