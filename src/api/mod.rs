//! The HTTP API: one route table that is also the OpenAPI registry.

pub mod audit;
pub mod certificates;
pub mod demands;
pub mod documents;
pub mod eligibility;
pub mod employers;
pub mod extract;
pub mod health;
pub mod ict;
pub mod idempotency;
pub mod limit;
pub mod page;
pub mod permits;
pub mod person;
pub mod quotas;
pub mod reference;
pub mod rulesets;
pub mod schemas;
pub mod statistical_reports;
pub mod statistics;

use crate::auth::{Caller, Verifier};
use crate::clock::Time;
use crate::db::{self, audit::Actor, Conn, Pool};
use crate::domain::violation::Message;
use crate::error::{ApiError, FieldError, Problem};
use actix_web::{web, HttpRequest, HttpResponse};
use extract::RequestId;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::info::LicenseBuilder;
use utoipa::openapi::schema::{SchemaType, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ObjectBuilder, OpenApi as Doc, PathItem, RefOr, Schema};
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::AppExt;

/// What every handler shares.
pub struct AppState {
    pub pool: Pool,
    pub time: Time,
    pub verifier: Verifier,
    pub max_body_bytes: usize,
    /// How long a JSON body may take to arrive once the headers have.
    pub body_timeout: std::time::Duration,
    /// Where the public reaches the service (`public.base_url`), for permits' QR codes.
    pub public_base_url: String,
    /// The per-address limit of public permit verifications (`public.verify_per_minute`).
    pub verify_limit: limit::ClientLimiter,
    /// SQLite's writers' queue (see [`AppState::write`]); none on PostgreSQL.
    pub write_gate: Option<std::sync::Arc<tokio::sync::Mutex<()>>>,
    /// This database's rule sets, parsed once per version.
    pub rule_sets: std::sync::Arc<db::rulesets::Parsed>,
}

impl AppState {
    /// Runs diesel work on the blocking pool with a pooled connection.
    pub async fn db<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// Runs `f` in one read-write transaction: all of it, or nothing. On SQLite, which has
    /// one writer at a time, writers queue on the process's gate before taking a blocking
    /// thread or a connection: the next writer starts the moment the last commits, where
    /// SQLite's busy handler would poll with sleeps of up to 100 ms; waiting writers hold
    /// no connection that a read could use; and the gate is FIFO (tokio's `Mutex`), so a
    /// writer waits for those that came before it only (a `std` mutex lets a thread that
    /// just arrived overtake those asleep on it, which showed as a P1 p99 of 1.2 s).
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let turn = match &self.write_gate {
            Some(gate) => Some(gate.clone().lock_owned().await),
            None => None,
        };
        let pool = self.pool.clone();
        web::block(move || {
            let _turn = turn;
            let mut conn = pool.get()?;
            db::write_tx(&mut conn, f)
        })
        .await?
    }

    /// Runs `f` in one read-only transaction: every query sees the same snapshot.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        self.db(move |conn| db::read_tx(conn, f)).await
    }

    /// 422 naming each field whose region code is none of the seeded regions (the set the
    /// token verifier holds: no query), as the case layer's check of a body does.
    pub(crate) fn known_regions<'a>(
        &self,
        named: impl IntoIterator<Item = (String, &'a crate::domain::RegionCode)>,
    ) -> Result<(), ApiError> {
        let unknown: Vec<(String, Message)> = named
            .into_iter()
            .filter(|(_, r)| !self.verifier.knows(r))
            .map(|(field, r)| (field, Message::new("unknown-region").text("region", r)))
            .collect();
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(ApiError::UnknownValues(unknown))
        }
    }

    /// Counts one public verification by the client at `peer` (429 over its limit).
    pub fn limit_verification(&self, peer: Option<std::net::SocketAddr>) -> Result<(), ApiError> {
        let ip = peer.map_or(std::net::IpAddr::from([0, 0, 0, 0]), |p| p.ip());
        self.verify_limit
            .check(ip)
            .map_err(ApiError::TooManyRequests)
    }

    /// The audit actor of a request.
    pub fn actor(&self, caller: &Caller, request_id: &RequestId) -> Actor {
        Actor {
            sub: caller.sub.clone(),
            role: caller.role.as_str(),
            request_id: request_id.0.clone(),
            at: self.time.now().naive_utc(),
        }
    }
}

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
        (name = "public", description = "What anyone may ask without signing in: whether a permit number is valid (Art. 33(5)). Rate-limited per client address."),
        (name = "statistics", description = "The ministry's figures, read from counters kept with every change: quota utilization, permits, decision times, fees (JSON, CSV or XLSX by `Accept`); employers' statistical reports; the quota calculator (Art. 32(4)-(5), 36, 37)."),
    ),
    components(schemas(Problem, FieldError))
)]
struct ApiDoc;

/// What a listing must be narrowed to, given the region the caller asked for in the query.
pub(crate) fn narrowed(
    state: &AppState,
    caller: &Caller,
    action: crate::auth::Action,
    asked_region: Option<&str>,
) -> Result<crate::auth::Visible, ApiError> {
    let asked = asked_region
        .map(|r| extract::region_param(r, "region"))
        .transpose()?;
    // A filter by a region that is none of the 20 would answer an empty list, and a typo
    // would read as "nothing here": it is a bad value of the parameter, as in a body.
    if let Some(r) = &asked {
        state.known_regions([("region".to_owned(), r)])?;
    }
    crate::auth::visible(caller, action, asked)
}

/// Whether answers under `path` carry people's names and passport numbers: a permit and
/// its document, applications, the workers of certificates and ICT permits, the ICT
/// register and overdue departures. They are sent with `Cache-Control: no-store`, so that
/// no shared or browser cache keeps a person's data (issue 19).
pub fn carries_personal_data(path: &str) -> bool {
    [
        "/v1/permits",
        "/v1/permit-applications",
        "/v1/self-employment-certificates",
        "/v1/ict-permits",
        "/v1/ict-register",
        "/v1/departures",
    ]
    .iter()
    .any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']))
    })
}

/// The one route table.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(health::health_live)
        .service(health::health_ready)
        .service(
            utoipa_actix_web::scope("/v1")
                // The reads clients poll all day come first: actix tries a scope's routes in
                // order, each with a path pattern to match, and none of these three patterns
                // matches another route's path.
                .service(quotas::regional::get_regional_quota)
                .service(permits::get_permit)
                .service(permits::list_permits)
                .service(reference::list_regions)
                .service(reference::list_countries)
                .service(reference::list_sectors)
                .service(rulesets::current_rule_set)
                .service(rulesets::list_rule_sets)
                .service(rulesets::get_rule_set)
                .service(rulesets::publish_rule_set)
                .service(audit::list_audit_events)
                .service(quotas::national::set_national_quota)
                .service(quotas::national::get_national_quota)
                .service(quotas::national::list_national_quota_versions)
                .service(quotas::regional::list_regional_quotas)
                .service(quotas::regional::set_regional_quota)
                .service(quotas::transfers::transfer_quota)
                .service(quotas::transfers::list_quota_transfers)
                .service(quotas::ledger::list_quota_ledger)
                .service(quotas::ledger::check_quota_ledger)
                .service(demands::quota_demand_summary)
                .service(demands::file_quota_demand)
                .service(demands::list_quota_demands)
                .service(demands::get_quota_demand)
                .service(demands::review_quota_demand)
                .service(eligibility::check_eligibility)
                .service(certificates::apply_certificate)
                .service(certificates::list_certificates)
                .service(certificates::get_certificate)
                .service(certificates::decide_certificate)
                .service(certificates::extend_certificate)
                .service(certificates::report_employment)
                .service(employers::put_employer_profile)
                .service(employers::get_employer_profile)
                .service(permits::file_permit_application)
                .service(permits::list_permit_applications)
                .service(permits::decide_permit)
                .service(permits::withdraw_permit)
                .service(permits::pay_permit_fee)
                .service(permits::extend_permit)
                .service(permits::suspend_permit)
                .service(permits::resume_permit)
                .service(permits::revoke_permit)
                .service(permits::return_permit)
                .service(permits::report_trip)
                .service(permits::reissue)
                .service(permits::record_departure)
                .service(permits::report_replacement)
                .service(permits::list_overdue_departures)
                .service(ict::apply_ict_permit)
                .service(ict::apply_ict_extension)
                .service(ict::list_ict_permits)
                .service(ict::get_ict_permit)
                .service(ict::decide_ict_permit)
                .service(ict::extend_ict_permit)
                .service(ict::ict_permit_measure)
                .service(ict::notify_ict_arrival)
                .service(ict::record_ict_departure)
                .service(ict::ict_register)
                .service(documents::permit_document)
                .service(documents::verify_permit)
                .service(statistics::quota_utilization)
                .service(statistics::quota_use_by_month)
                .service(statistics::permit_statistics)
                .service(statistics::decision_times)
                .service(statistics::fee_statistics)
                .service(statistics::certificate_and_ict_statistics)
                .service(statistical_reports::calculate_quota)
                .service(statistical_reports::file_statistical_report)
                .service(statistical_reports::list_statistical_reports)
                .service(statistical_reports::missing_statistical_reports),
        );
}

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
            // empty `errors` and `violations`.
            if !requested.contains(name) && name != "Problem" {
                for property in object.properties.keys() {
                    if !object.required.contains(property) {
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
                     (akimat, ISO 3166-2:KZ), bin (employer) and exp.",
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
            if idempotent {
                if let Some(RefOr::T(created)) = op.responses.responses.get_mut("201") {
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
            if region_filter {
                add(
                    "422",
                    "The `region` filter names none of the 20 regions (`errors` names `region`).",
                );
            }
            add(
                "431",
                "A request header is larger than the service accepts.",
            );
            add("503", "The database is unavailable; retry later.");
            if let Some(RefOr::T(unavailable)) = responses.get_mut("503") {
                unavailable.headers.insert(
                    "Retry-After".to_owned(),
                    HeaderBuilder::new()
                        .schema(
                            ObjectBuilder::new()
                                .schema_type(Type::Integer)
                                .minimum(Some(0)),
                        )
                        .description(Some("Seconds to wait before retrying."))
                        .build(),
                );
            }
        }
    }
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

/// Unknown paths answer 404 and known paths with another method 405, both as problem+json.
/// A path with a trailing slash is another path (404), and a 405 never names the method the
/// request used among the allowed ones.
pub async fn fallback(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    use actix_web::HttpMessage;
    static DOC: std::sync::OnceLock<Doc> = std::sync::OnceLock::new();
    let doc = DOC.get_or_init(openapi);
    let not_found = || ApiError::not_found(Message::new("not-found-path").text("path", req.path()));
    let segments: Vec<&str> = req.path().split('/').collect();
    let method = if req.extensions().get::<extract::HeadRequest>().is_some() {
        "HEAD".to_owned()
    } else {
        req.method().to_string()
    };
    for (template, item) in &doc.paths.paths {
        let t: Vec<&str> = template.split('/').collect();
        let matches = t.len() == segments.len()
            && t.iter()
                .zip(&segments)
                .all(|(a, b)| a == b || (a.starts_with('{') && a.ends_with('}') && !b.is_empty()));
        if matches {
            let allow: Vec<&str> = [
                ("GET", &item.get),
                ("HEAD", &item.get),
                ("PUT", &item.put),
                ("POST", &item.post),
                ("DELETE", &item.delete),
                ("PATCH", &item.patch),
            ]
            .into_iter()
            .filter_map(|(name, op)| op.is_some().then_some(name))
            .collect();
            if allow.contains(&method.as_str()) {
                // The route exists but refused this request's shape (e.g. a path parameter
                // its pattern does not take): there is no such resource.
                return Err(not_found());
            }
            return Err(ApiError::MethodNotAllowed {
                method,
                allow: allow.join(", "),
            });
        }
    }
    Err(not_found())
}
