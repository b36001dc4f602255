//! The OpenAPI document: its base (`ApiDoc`), the routes' own paths, and what every
//! operation shares, added by [`finish`].

use super::routes::routes;
use crate::error::{FieldErrorView, Problem};
use crate::wire::schemas;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::info::LicenseBuilder;
use utoipa::openapi::schema::{KnownFormat, SchemaFormat, SchemaType, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ObjectBuilder, OpenApi as Doc, PathItem, RefOr, Schema};
use utoipa::{IntoResponses, Modify, OpenApi};
use utoipa_actix_web::AppExt;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Foreign-labour permit and quota service",
        description = "Runs Kazakhstan's foreign-labour regime under Articles 32-35 of the Law \
\"On Employment of the Population\" (No. 482-V): the yearly quota and its split among the 20 \
regions, employers' quota demand, and the ministry's versioned rule set. Every refusal is an \
RFC 9457 problem document; rule refusals list violations with a stable code and the article \
they rest on. Money is a decimal string in tenge, dates are YYYY-MM-DD (Kazakhstan time), \
timestamps RFC 3339 UTC.",
        version = "1.0.0"
    ),
    tags(
        (name = "operations", description = "Liveness and readiness."),
        (name = "reference", description = "Regions, countries and OKED sections."),
        (name = "rule sets", description = "The ministry's numbers as dated versions."),
        (name = "audit", description = "The append-only audit trail."),
        (name = "quota demand", description = "Employers' demand for next year's quota and its review (Art. 32(5))."),
        (name = "eligibility", description = "Which route a foreigner's engagement takes (Art. 32(2)-(3), 2(3), 33(1), 34, 35)."),
        (name = "self-employment", description = "Self-employment certificates and employers' reports of their holders' employment (Art. 34, 1(30), 32(2)(8), 28(2)(10))."),
        (name = "ict", description = "Intra-corporate transfers: ICT permits outside the quota and without a fee, arrival notifications, departures and the regional register (Art. 35, 1(25), 32(3), 33(4), 28(2)(8))."),
        (name = "quotas", description = "The yearly quota, its split among regions, transfers and the ledger (Art. 32, 6(2), 7(22)-(23), 9(5))."),
        (name = "permits", description = "Employers' profiles and permits from application to departure (Art. 33, 9(5), 28(2)(8))."),
        (name = "complaints", description = "Pre-trial complaints against refusals, suspensions, revocations and missed decision deadlines of permits, and against refusals of self-employment certificates and ICT permits: filed with the akimat whose act it is, satisfied by it or passed to the body considering complaints, decided within the rule set's terms (APPK No. 350-VI, Art. 91-92, 101)."),
        (name = "public", description = "What anyone may ask without signing in: whether a permit number is valid (Art. 33(5)). Rate-limited per client address."),
        (name = "statistics", description = "The ministry's figures, read from counters kept with every change: quota utilization, permits, decision times, fees (JSON, CSV or XLSX by `Accept`); employers' statistical reports; the quota calculator (Art. 32(4)-(5), 36, 37)."),
        (name = "events", description = "What happened to the caller's cases, as a cursor-paged feed and as webhooks signed per the Standard Webhooks specification: decisions, payments due, lapses, suspensions, revocations, expiry coming up, overdue departures."),
    ),
    components(schemas(Problem, FieldErrorView))
)]
struct ApiDoc;

/// Builds the application's routes and the OpenAPI document they describe.
pub fn app_parts<T>(app: actix_web::App<T>) -> (actix_web::App<T>, Doc)
where
    T: actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Error = actix_web::Error,
        InitError = (),
    >,
{
    let (app, doc) = app
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes)
        .split_for_parts();
    (app, finish(doc))
}

/// The OpenAPI document, as committed in `openapi/openapi.json`.
pub fn openapi() -> Doc {
    app_parts(actix_web::App::new()).1
}

/// Pretty JSON of the document, with a final newline.
pub fn openapi_json() -> Result<String, serde_json::Error> {
    Ok(openapi().to_pretty_json()? + "\n")
}

fn problem_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    utoipa::openapi::ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            utoipa::openapi::ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                .build(),
        )
        .into()
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
}

/// utoipa puts the doc comment of an `Option` field of another schema's type on the `$ref`
/// inside the `oneOf` it generates; client generators read the property's own description,
/// so move it there.
fn hoist_nullable_ref_description(property: &mut RefOr<Schema>) {
    let RefOr::T(Schema::OneOf(one_of)) = property else {
        return;
    };
    if one_of.description.is_none() {
        one_of.description = one_of.items.iter_mut().find_map(|item| match item {
            RefOr::Ref(r) if !r.description.is_empty() => Some(std::mem::take(&mut r.description)),
            _ => None,
        });
    }
}

/// Whether a property's schema admits `null`: an optional field is either sent as `null`
/// or, declared not nullable, left out.
fn nullable(schema: &RefOr<Schema>) -> bool {
    let null = |t: &SchemaType| match t {
        SchemaType::Type(t) => *t == Type::Null,
        SchemaType::Array(ts) => ts.contains(&Type::Null),
        SchemaType::AnyValue => true,
    };
    match schema {
        RefOr::T(Schema::Object(o)) => null(&o.schema_type),
        RefOr::T(Schema::Array(a)) => null(&a.schema_type),
        RefOr::T(Schema::OneOf(o)) => o.items.iter().any(nullable),
        RefOr::T(Schema::AnyOf(o)) => o.items.iter().any(nullable),
        _ => true,
    }
}

/// Adds what every operation shares: the bearer scheme and the problem responses any
/// request can meet (malformed input, authentication, authorization, a database outage,
/// and for a body, its size and media type).
/// Also gives every nullable reference property its field's description.
fn finish(mut doc: Doc) -> Doc {
    doc.info.license = Some(
        LicenseBuilder::new()
            .name("Proprietary")
            .identifier(Some("LicenseRef-Proprietary"))
            .build(),
    );
    let requested = request_schemas(&doc);
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, schema) in components.schemas.iter_mut() {
        if let RefOr::T(Schema::Object(object)) = schema {
            object
                .properties
                .values_mut()
                .for_each(hoist_nullable_ref_description);
            name_enum_values(object);
            // Responses send every field, null included; only a problem leaves out its
            // empty `errors` and `violations`, and a page its `next_cursor` on the last
            // page (an optional field its type declares not nullable).
            if !requested.contains(name) && name != "Problem" {
                for (property, schema) in &object.properties {
                    if !object.required.contains(property) && nullable(schema) {
                        object.required.push(property.clone());
                    }
                }
            }
        }
    }
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .description(Some(
                    "A JWT with claims sub, role (ministry, akimat, employer, auditor), region \
                     (akimat, ISO 3166-2:KZ), bin (employer) and exp. Tokens are checked as \
                     RFC8725 (JSON Web Token Best Current Practices) asks: only HS256 and RS256 \
                     are accepted, each with its own keys (never `none`), and \
                     the signature and `exp` are verified before any claim is read.",
                ))
                .build(),
        ),
    );
    for item in doc.paths.paths.values_mut() {
        for op in operations(item) {
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            if !secured {
                // Explicitly open, so a global scheme a client adds never applies here.
                op.security = Some(Vec::new());
            }
            let has_body = op.request_body.is_some();
            let mut idempotent = false;
            let mut region_filter = false;
            for p in op.parameters.iter_mut().flatten() {
                idempotent |= p.name == "Idempotency-Key";
                region_filter |= p.name == "region"
                    && p.parameter_in == utoipa::openapi::path::ParameterIn::Query;
                // A parameter is absent or a string: "null" is no value a header or query has.
                if let Some(RefOr::T(Schema::Object(o))) = &mut p.schema {
                    if let SchemaType::Array(types) = &o.schema_type {
                        let types: Vec<Type> = types
                            .iter()
                            .filter(|t| **t != Type::Null)
                            .cloned()
                            .collect();
                        if let [one] = types.as_slice() {
                            o.schema_type = SchemaType::Type(one.clone());
                        }
                    }
                }
            }
            // The success a key replays: 201 of a creation, 200 of a change, 202 of work queued.
            let successes = ["200", "201", "202"];
            for status in successes.iter().filter(|_| idempotent) {
                if let Some(RefOr::T(created)) = op.responses.responses.get_mut(*status) {
                    created.headers.insert(
                        "Idempotent-Replayed".to_owned(),
                        HeaderBuilder::new()
                            .schema(
                                ObjectBuilder::new()
                                    .schema_type(Type::String)
                                    .enum_values(Some(["true"]))
                                    .extensions(Some(schemas::enum_varnames(["TRUE"]).build())),
                            )
                            .description(Some(
                                "`true` when this is the stored answer to an earlier request \
                                 with the same Idempotency-Key; absent on the first answer.",
                            ))
                            .build(),
                    );
                }
            }
            let responses = &mut op.responses.responses;
            if region_filter {
                for (status, refused) in crate::wire::refusals::RegionFilterRefused::responses() {
                    responses.entry(status).or_insert(refused);
                }
            }
            let mut add = |code: &str, text: &str| {
                responses
                    .entry(code.to_owned())
                    .or_insert_with(|| problem_response(text));
            };
            add("400", "Malformed request: bad JSON, path or query parameter (problem+json with `errors`).");
            if secured {
                add("401", "Missing, expired or badly signed bearer token.");
                add(
                    "403",
                    "The caller's role may not do this, or not in this region.",
                );
            }
            if has_body {
                add(
                    "408",
                    "The body did not arrive in time; the connection is closed.",
                );
                add("413", "The body is larger than the service accepts.");
                add("415", "The body is not application/json.");
            }
            add(
                "431",
                "A request header is larger than the service accepts.",
            );
            add(
                "500",
                "The service failed unexpectedly; the answer's request id names it in the logs.",
            );
            add("503", "The database is unavailable; retry later.");
            if let Some(RefOr::T(unavailable)) = responses.get_mut("503") {
                unavailable.headers.insert(
                    "Retry-After".to_owned(),
                    HeaderBuilder::new()
                        .schema(
                            ObjectBuilder::new()
                                .schema_type(Type::Integer)
                                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                                .minimum(Some(0))
                                .maximum(Some(86_400)),
                        )
                        .description(Some("Seconds to wait before retrying."))
                        .build(),
                );
            }
        }
    }
    crate::wire::refusals::narrow(&mut doc);
    crate::wire::contract::Contract.modify(&mut doc);
    doc
}

/// Gives an enum of strings `x-enum-varnames` from its values (`filed` → `FILED`) unless
/// its schema names them itself, so generated clients name constants after what they mean.
fn name_enum_values(object: &mut utoipa::openapi::schema::Object) {
    let Some(values) = &object.enum_values else {
        return;
    };
    let extensions = object.extensions.get_or_insert_with(Default::default);
    if extensions.contains_key("x-enum-varnames") {
        return;
    }
    let names: Vec<String> = values
        .iter()
        .filter_map(|v| v.as_str())
        .map(|v| v.replace(['-', '.', ' '], "_").to_uppercase())
        .collect();
    extensions.insert("x-enum-varnames".to_owned(), names.into());
}

/// Names of the component schemas a request body reaches.
fn request_schemas(doc: &Doc) -> std::collections::BTreeSet<String> {
    let json = serde_json::to_value(doc).unwrap_or_default();
    let mut found = std::collections::BTreeSet::new();
    let mut todo: Vec<serde_json::Value> = json["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(|item| item.as_object())
        .flat_map(|ops| ops.values())
        .map(|op| op["requestBody"].clone())
        .collect();
    while let Some(v) = todo.pop() {
        match v {
            serde_json::Value::Object(fields) => {
                if let Some(name) = fields.get("$ref").and_then(|r| r.as_str()) {
                    let name = name.rsplit('/').next().unwrap_or_default().to_owned();
                    if found.insert(name.clone()) {
                        todo.push(json["components"]["schemas"][&name].clone());
                    }
                }
                todo.extend(fields.into_values());
            }
            serde_json::Value::Array(items) => todo.extend(items),
            _ => {}
        }
    }
    found
}
