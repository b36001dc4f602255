//! One error type for the whole API, rendered as RFC 9457 `application/problem+json`.

use crate::domain::Violation;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// Prefix of every problem `type` URI; the suffix is the stable problem slug.
pub const PROBLEM_TYPE_PREFIX: &str = "urn:kz:permits:problem:";

/// One field that failed to parse or validate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// Path of the field in the request: a body field (`categories[0].total`), a query
    /// parameter or a path segment; empty when the whole body is at fault.
    #[schema(example = "labour_force")]
    pub field: String,
    /// What is wrong with it.
    #[schema(example = "must be at least 1")]
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:kz:permits:problem:quota-exhausted",
    "title": "A rule of the law refuses the request",
    "status": 422,
    "detail": "KZ-75 has 0 of 50 units of category 3 left for 2026",
    "violations": [{"code": "quota-exhausted", "message": "KZ-75 has 0 of 50 units of category 3 left for 2026", "article": "Art. 33(2)"}]
}))]
pub struct Problem {
    /// Stable URI of the kind of problem.
    #[serde(rename = "type")]
    pub type_: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
    /// Field-level errors (400, 422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Rule checks that refused the request, each with the article it rests on (422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<Violation>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{detail}")]
    Malformed {
        detail: String,
        errors: Vec<FieldError>,
    },
    #[error("the body must be application/json")]
    UnsupportedMediaType,
    #[error("the body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    #[error("the body did not arrive in time")]
    RequestTimeout,
    #[error("a request header is larger than {0} bytes")]
    HeaderTooLarge(usize),
    #[error("some fields are invalid")]
    Invalid(Vec<FieldError>),
    #[error("a rule of the law refuses the request")]
    Rule(Vec<Violation>),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{method} is not allowed here; allowed: {allow}")]
    MethodNotAllowed { method: String, allow: String },
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    #[error("the resource changed since you read it (version {current})")]
    PreconditionFailed { current: i64 },
    #[error("the database is unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

impl ApiError {
    pub fn rule(v: Violation) -> ApiError {
        ApiError::Rule(vec![v])
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> ApiError {
        ApiError::Invalid(vec![FieldError::new(field, message)])
    }

    pub fn not_found(what: impl Into<String>) -> ApiError {
        ApiError::NotFound(what.into())
    }

    fn slug_and_title(&self) -> (&str, &'static str) {
        match self {
            ApiError::Malformed { .. } => ("malformed-request", "The request is malformed"),
            ApiError::UnsupportedMediaType => ("unsupported-media-type", "Unsupported media type"),
            ApiError::PayloadTooLarge(_) => ("payload-too-large", "The body is too large"),
            ApiError::RequestTimeout => ("request-timeout", "Request timeout"),
            ApiError::HeaderTooLarge(_) => ("header-too-large", "A header is too large"),
            ApiError::Invalid(_) => ("invalid-fields", "Some fields are invalid"),
            ApiError::Rule(v) => (
                match v.as_slice() {
                    [one] => one.code.as_str(),
                    _ => "rule-violation",
                },
                "A rule of the law refuses the request",
            ),
            ApiError::Unauthorized(_) => ("unauthorized", "Authentication required"),
            ApiError::Forbidden(_) => ("forbidden", "Not allowed for this caller"),
            ApiError::NotFound(_) => ("not-found", "Not found"),
            ApiError::MethodNotAllowed { .. } => ("method-not-allowed", "Method not allowed"),
            ApiError::Conflict { code, .. } => (code, "Conflict with the current state"),
            ApiError::PreconditionFailed { .. } => ("stale-version", "Precondition failed"),
            ApiError::Unavailable => ("service-unavailable", "Service unavailable"),
            ApiError::Internal => ("internal-error", "Internal error"),
        }
    }

    pub fn problem(&self) -> Problem {
        let (slug, title) = self.slug_and_title();
        let detail = match self {
            ApiError::Rule(v) => v
                .iter()
                .map(|v| format!("{} ({})", v.message, v.article))
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        };
        Problem {
            type_: format!("{PROBLEM_TYPE_PREFIX}{slug}"),
            title: title.to_owned(),
            status: self.status_code().as_u16(),
            detail,
            errors: match self {
                ApiError::Malformed { errors, .. } | ApiError::Invalid(errors) => errors.clone(),
                _ => Vec::new(),
            },
            violations: match self {
                ApiError::Rule(v) => v.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Malformed { .. } => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::HeaderTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::Invalid(_) | ApiError::Rule(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code());
        res.content_type("application/problem+json");
        match self {
            ApiError::Unauthorized(_) => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            ApiError::MethodNotAllowed { allow, .. } => {
                res.insert_header((header::ALLOW, allow.as_str()));
            }
            ApiError::Unavailable => {
                res.insert_header((header::RETRY_AFTER, "5"));
            }
            // The rest of the body may still arrive: the connection cannot be reused.
            ApiError::RequestTimeout => {
                res.force_close();
            }
            _ => {}
        }
        res.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match e {
            E::NotFound => ApiError::not_found("no such resource"),
            E::DatabaseError(K::ClosedConnection | K::UnableToSendCommand, _) => {
                log::error!("database connection lost: {e}");
                ApiError::Unavailable
            }
            // PostgreSQL ended the session (pg_terminate_backend, a restart, a fail-over)
            // before libpq noticed the connection was closed.
            E::DatabaseError(K::Unknown, ref info)
                if [
                    "terminating connection",
                    "server closed the connection",
                    "no connection to the server",
                ]
                .iter()
                .any(|m| info.message().contains(m)) =>
            {
                log::error!("database connection lost: {e}");
                ApiError::Unavailable
            }
            // A transaction whose connection broke: nothing was committed; retry.
            E::BrokenTransactionManager => {
                log::error!("database connection lost in a transaction");
                ApiError::Unavailable
            }
            E::DatabaseError(K::UniqueViolation, _) => ApiError::Conflict {
                code: "changed-concurrently",
                detail: "a concurrent request created the same record; read it again".into(),
            },
            // Contention the client can retry: a serialization failure or deadlock victim
            // on PostgreSQL, a busy timeout on SQLite.
            E::DatabaseError(K::SerializationFailure, _) => ApiError::Unavailable,
            E::DatabaseError(K::Unknown, ref info)
                if [
                    "deadlock detected",
                    "database is locked",
                    "database is busy",
                ]
                .iter()
                .any(|m| info.message().contains(m)) =>
            {
                log::warn!("database contention: {e}");
                ApiError::Unavailable
            }
            other => {
                log::error!("database error: {other}");
                ApiError::Internal
            }
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        log::warn!("no database connection: {e}");
        ApiError::Unavailable
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(_: actix_web::error::BlockingError) -> Self {
        ApiError::Internal
    }
}

impl From<validator::ValidationErrors> for ApiError {
    fn from(e: validator::ValidationErrors) -> Self {
        let mut out = Vec::new();
        flatten_validation("", &e, &mut out);
        ApiError::Invalid(out)
    }
}

/// A person's reading of a validator error: its message, or its code and bounds.
fn describe(err: &validator::ValidationError) -> String {
    if let Some(m) = &err.message {
        return m.to_string();
    }
    let param = |k: &str| err.params.get(k).map(|v| v.to_string());
    match (err.code.as_ref(), param("min"), param("max")) {
        ("length", Some(min), Some(max)) => format!("length must be between {min} and {max}"),
        ("range", Some(min), Some(max)) => format!("must be between {min} and {max}"),
        ("range", Some(min), None) => format!("must be at least {min}"),
        (code, _, _) => format!("fails the {code} check"),
    }
}

fn flatten_validation(prefix: &str, e: &validator::ValidationErrors, out: &mut Vec<FieldError>) {
    use validator::ValidationErrorsKind as K;
    let join = |f: &str| {
        if prefix.is_empty() {
            f.to_owned()
        } else {
            format!("{prefix}.{f}")
        }
    };
    let mut fields: Vec<_> = e.errors().iter().collect();
    fields.sort_by_key(|(f, _)| f.to_string());
    for (field, kind) in fields {
        match kind {
            K::Field(errs) => out.extend(
                errs.iter()
                    .map(|err| FieldError::new(join(field), describe(err))),
            ),
            K::Struct(inner) => flatten_validation(&join(field), inner, out),
            K::List(items) => {
                for (i, inner) in items {
                    flatten_validation(&format!("{}[{i}]", join(field)), inner, out);
                }
            }
        }
    }
}

impl From<crate::db::quota::QuotaError> for ApiError {
    fn from(e: crate::db::quota::QuotaError) -> Self {
        use crate::db::quota::QuotaError as Q;
        match e {
            Q::Rule(v) => ApiError::Rule(v),
            Q::NotFound(what) => ApiError::NotFound(what),
            Q::Conflict(code, detail) => ApiError::Conflict { code, detail },
            Q::Db(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_rule_violation_names_the_problem_type_after_its_code() {
        let e = ApiError::rule(Violation::new("quota-exhausted", "none left", "Art. 33(2)"));
        let p = e.problem();
        assert_eq!(p.type_, "urn:kz:permits:problem:quota-exhausted");
        assert_eq!(p.status, 422);
        assert_eq!(p.detail, "none left (Art. 33(2))");
    }

    #[test]
    fn contention_the_client_can_retry_is_a_503_and_a_duplicate_a_409() {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        let db = |kind, m: &str| E::DatabaseError(kind, Box::new(m.to_owned()));
        assert!(matches!(
            ApiError::from(db(K::Unknown, "database is locked")),
            ApiError::Unavailable
        ));
        assert!(matches!(
            ApiError::from(db(K::Unknown, "deadlock detected")),
            ApiError::Unavailable
        ));
        assert!(matches!(
            ApiError::from(db(K::SerializationFailure, "x")),
            ApiError::Unavailable
        ));
        assert!(matches!(
            ApiError::from(db(K::UniqueViolation, "dup")),
            ApiError::Conflict { .. }
        ));
        assert!(matches!(
            ApiError::from(db(K::Unknown, "syntax error")),
            ApiError::Internal
        ));
    }

    #[test]
    fn a_connection_lost_mid_transaction_is_a_503() {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        let db = |kind, m: &str| E::DatabaseError(kind, Box::new(m.to_owned()));
        for e in [
            db(
                K::Unknown,
                "terminating connection due to administrator command",
            ),
            db(K::Unknown, "server closed the connection unexpectedly"),
            db(K::ClosedConnection, "x"),
            db(K::UnableToSendCommand, "x"),
            E::BrokenTransactionManager,
        ] {
            let api = ApiError::from(e);
            assert!(matches!(api, ApiError::Unavailable), "{api:?}");
            let res = api.error_response();
            assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert!(res.headers().contains_key(header::RETRY_AFTER));
        }
    }

    #[test]
    fn internal_errors_carry_no_detail_of_the_cause() {
        let e = ApiError::from(diesel::result::Error::RollbackTransaction);
        assert_eq!(e.problem().detail, "internal error");
    }
}
