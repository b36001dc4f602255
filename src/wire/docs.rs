//! Pieces of the OpenAPI document that many operations share, written once as types:
//! `params(IfMatchPermit, IdempotencyKeyHeader)` and `responses(…, StaleVersion)` in a
//! `#[utoipa::path]` give the same parameters and answers the document always had.
//!
//! Parameters: the `If-Match` header of a versioned resource ([`IfMatchPermit`],
//! [`IfMatchCertificate`], [`IfMatchComplaint`], [`IfMatchProfile`], [`IfMatchDemand`],
//! [`IfMatchQuota`]), the `Idempotency-Key`
//! header ([`IdempotencyKeyHeader`]) and the quota year
//! ([`super::quotas::YearPath`], [`super::quotas::RegionPath`], which are also their
//! extractors). A resource's `id` stays a tuple in each path: the handlers take it as
//! `web::Path<i64>`, and utoipa then adds an `id` parameter of its own beside any that a
//! type declares (it sees only the names written in the attribute). Responses: the refusals of a conditional or repeated request
//! ([`StaleVersion`], [`StaleVersionShort`], [`IdempotencyConflict`], [`Concurrent`]) and
//! the refusals many operations word alike ([`NotCallersPermit`], [`NoStatistics`],
//! [`NotAnAkimat`], [`NotAnEmployer`]), and the complaints' ([`NotAkimatsComplaint`],
//! [`ComplaintExists`], [`EmployerOrOtherRegion`]).

use std::collections::BTreeMap;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{SchemaFormat, Type};
use utoipa::openapi::{
    ContentBuilder, ObjectBuilder, Ref, RefOr, Required, Response, ResponseBuilder,
};
use utoipa::{IntoParams, IntoResponses};

/// The pattern of an `If-Match` value: `*`, or one ETag of a version number.
const IF_MATCH_PATTERN: &str = "^(\\*|(W/)?\"[0-9]{1,18}\")$";
/// The longest `If-Match` value the pattern takes (`W/"` + 18 digits + `"`).
const IF_MATCH_MAX_LENGTH: usize = 22;
/// The `format` that names an `If-Match` value for tools: an RFC 9110 §8.8.3 entity-tag (or
/// `*`), always quoted. A test tool that cannot draw a header value from a pattern of quotes
/// and slashes generates it from this name instead (tests/contract/schemathesis_hooks.py).
const IF_MATCH_FORMAT: &str = "entity-tag";
/// The pattern of a region code in a path or query (ISO 3166-2:KZ).
pub(crate) const REGION_PATTERN: &str = "^KZ-[0-9]{2}$";
/// The region code the document shows as an example (Almaty).
pub(crate) const REGION_EXAMPLE: &str = "KZ-75";
/// The shortest and longest `Idempotency-Key` (visible characters).
const IDEMPOTENCY_KEY_LENGTH: (usize, usize) = (1, 255);

/// An optional header parameter of a string.
fn header(name: &str, description: &str, schema: ObjectBuilder) -> Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Header)
        .description(Some(description))
        .required(Required::False)
        .schema(Some(schema.schema_type(Type::String)))
        .build()
}

/// A required path parameter.
pub(crate) fn path(name: &str, description: &str, schema: ObjectBuilder) -> Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Path)
        .description(Some(description))
        .required(Required::True)
        .schema(Some(schema))
        .build()
}

/// The `If-Match` header of a resource named `noun`.
fn if_match(noun: &str) -> Parameter {
    if_match_described(&format!(
        "The ETag last read (`*`: any version); refused with 412 when the {noun} changed since."
    ))
}

/// The `If-Match` header with its own `description`.
fn if_match_described(description: &str) -> Parameter {
    header(
        "If-Match",
        description,
        ObjectBuilder::new()
            .pattern(Some(IF_MATCH_PATTERN))
            .format(Some(SchemaFormat::Custom(IF_MATCH_FORMAT.to_owned())))
            .max_length(Some(IF_MATCH_MAX_LENGTH)),
    )
}

/// Declares a parameter type whose one parameter `make` builds.
macro_rules! parameter {
    ($(#[$doc:meta])* $name:ident, $make:expr) => {
        $(#[$doc])*
        pub struct $name;

        impl IntoParams for $name {
            fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
                vec![$make]
            }
        }
    };
}

parameter!(
    /// `If-Match` of a permit (or an ICT permit): refused with 412 when it changed since.
    IfMatchPermit,
    if_match("permit")
);
parameter!(
    /// `If-Match` of a self-employment certificate.
    IfMatchCertificate,
    if_match("certificate")
);
parameter!(
    /// `If-Match` of a quota demand.
    IfMatchDemand,
    if_match("demand")
);
parameter!(
    /// `If-Match` of a year's national quota.
    IfMatchQuota,
    if_match("quota")
);
parameter!(
    /// `If-Match` of a complaint.
    IfMatchComplaint,
    if_match("complaint")
);
parameter!(
    /// `If-Match` of an employer's profile from a date.
    IfMatchProfile,
    if_match_described(
        "The ETag of that date's profile (`*`: any version); refused with 412 when it changed since."
    )
);
parameter!(
    /// `Idempotency-Key` of a creating request: a repeated key replays the first answer.
    IdempotencyKeyHeader,
    header(
        "Idempotency-Key",
        "Replays the first answer for a repeated key.",
        ObjectBuilder::new()
            .min_length(Some(IDEMPOTENCY_KEY_LENGTH.0))
            .max_length(Some(IDEMPOTENCY_KEY_LENGTH.1)),
    )
);
/// A problem+json answer with `description`.
fn problem(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .into()
}

/// Declares a response type: one problem answer per status.
macro_rules! problems {
    ($(#[$doc:meta])* $name:ident, $(($status:literal, $text:literal)),+) => {
        $(#[$doc])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                BTreeMap::from([$(($status.to_owned(), problem($text))),+])
            }
        }
    };
}

problems!(
    /// 412: the `If-Match` names a version that is no longer the current one.
    StaleVersion,
    ("412", "If-Match does not match the current version.")
);
problems!(
    /// 412 as the permit and employer-profile operations word it.
    StaleVersionShort,
    ("412", "If-Match does not match.")
);
problems!(
    /// 409: the `Idempotency-Key` was used for another request.
    IdempotencyConflict,
    ("409", "The Idempotency-Key was used for another request.")
);
problems!(
    /// 409: another writer changed the rows first; read again and retry.
    Concurrent,
    ("409", "Changed concurrently; read and retry.")
);
problems!(
    /// 404 of a permit that does not exist or is another employer's.
    NotCallersPermit,
    ("404", "No such permit, or not the caller's.")
);
problems!(
    /// 403 of a statistics report the caller may not read.
    NoStatistics,
    (
        "403",
        "The role reads no statistics, or an akimat asked for another region."
    )
);
problems!(
    /// 403: only an akimat takes this step.
    NotAnAkimat,
    ("403", "Not an akimat.")
);
problems!(
    /// 403: only an employer takes this step.
    NotAnEmployer,
    ("403", "Not an employer.")
);
problems!(
    /// 404 of a complaint that does not exist or is not against the calling akimat's region
    /// (APPK Art. 91(4): the akimat acts only on complaints against its own acts).
    NotAkimatsComplaint,
    (
        "404",
        "No such complaint, or not against the akimat's region."
    )
);
problems!(
    /// 409 of a filing: the case already has an open complaint, or the key was reused.
    ComplaintExists,
    (
        "409",
        "`complaint-exists`: an open complaint of the permit or certificate; the Idempotency-Key was used for another request."
    )
);
problems!(
    /// 403 of the officials' complaint reads: an employer, or an akimat asking for
    /// another region.
    EmployerOrOtherRegion,
    (
        "403",
        "An employer, or an akimat asking for another region."
    )
);
