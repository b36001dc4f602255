//! One error type for the whole API, rendered as RFC 9457 `application/problem+json`.

use crate::cases::CaseError;
use crate::domain::problem::Limit;
use crate::domain::quota::YEARS;
use crate::domain::violation::Message;
use crate::domain::{Money, Reason, Refusal, Violation};
use crate::i18n::Lang;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// Prefix of every problem `type` URI; the suffix is the stable problem slug.
pub const PROBLEM_TYPE_PREFIX: &str = "urn:kz:permits:problem:";

/// One field that failed to parse or validate: its path and why, as a message of the
/// catalogue ([`Reason`] or another catalogue message), rendered in the reader's language
/// when the problem is ([`FieldErrorView`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the field in the request (`categories[0].total`), a query parameter, a path
    /// segment or a header; empty when the whole body is at fault.
    pub field: String,
    /// Why the field is refused.
    pub reason: Message,
}

impl FieldError {
    /// The field at `field` refused for `reason` (a [`Reason`], an identifier's
    /// [`crate::domain::ids::IdError`] or a catalogue message).
    pub fn new(field: impl Into<String>, reason: impl Into<Message>) -> Self {
        FieldError {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The field error as the API shows it, its message in `lang`.
    pub fn view(&self, lang: Lang) -> FieldErrorView {
        FieldErrorView {
            pointer: pointer_of(&self.field),
            field: self.field.clone(),
            message: lang.text(&self.reason),
        }
    }
}

/// One field that failed to parse or validate, its message in the language
/// `Accept-Language` chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[schema(as = FieldError)]
pub struct FieldErrorView {
    /// Path of the field in the request: a body field (`categories[0].total`), a query
    /// parameter or a path segment; empty when the whole body is at fault.
    #[schema(example = "labour_force")]
    pub field: String,
    /// The same field as a JSON pointer (RFC 6901) into the request body or parameters,
    /// e.g. `/workers/0/citizenship`; empty when the whole body is at fault.
    #[schema(example = "/labour_force")]
    pub pointer: String,
    /// What is wrong with it, for a person, in the language `Accept-Language` chose (kk,
    /// ru or en), naming the field's bound where it has one; never parse it.
    #[schema(example = "must be at least 1")]
    pub message: String,
}

/// The JSON pointer (RFC 6901) of a field path: `workers[0].citizenship` is
/// `/workers/0/citizenship`; the empty path (the whole body) is the empty pointer.
pub fn pointer_of(field: &str) -> String {
    let mut out = String::new();
    for part in field.split('.').filter(|p| !p.is_empty()) {
        for (i, piece) in part.split('[').enumerate() {
            let piece = if i == 0 {
                piece
            } else {
                piece.trim_end_matches(']')
            };
            if i == 0 && piece.is_empty() {
                continue;
            }
            out.push('/');
            out.push_str(&piece.replace('~', "~0").replace('/', "~1"));
        }
    }
    out
}

/// A rule check that refused (or warned about) a request, as the API shows it. Besides
/// its message, a refusal states the figures a client acts on as typed members (RFC 9457
/// §3.2): `fee_due`, `quota_left`, `limit`; each is null where the rule has no such figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ViolationView {
    /// Stable, machine-readable code of the rule, e.g. `quota-exhausted`; never translated.
    /// Each operation's 422 lists the codes it answers in `x-problem-codes`.
    #[schema(value_type = crate::domain::ProblemCode, example = "quota-exhausted")]
    pub code: String,
    /// What is wrong, for a person, in the language `Accept-Language` chose.
    #[schema(example = "Almaty has 0 of 50 units of category 3 left for 2026; 1 requested")]
    pub message: String,
    /// The article of Law 482-V (or the ministry's act) the rule rests on; null for a rule
    /// of the service itself. Never translated.
    #[schema(example = "Art. 33(2)")]
    pub article: Option<String>,
    /// The field of the request the rule refuses, as a JSON pointer (RFC 6901), for a rule
    /// about one field (e.g. `/workers/0/birth_date`); null for a rule of the request.
    #[schema(example = "/workers/0/full_name_latin")]
    pub pointer: Option<String>,
    /// The fee due in tenge at the MRP of the payment date, of a payment refused as too
    /// small (`fee-underpaid`, Art. 33(4)); null otherwise.
    #[schema(value_type = Option<Money>, example = "873650.00")]
    pub fee_due: Option<Money>,
    /// Quota units (workers) left, of a request refused for want of quota
    /// (`quota-exhausted` Art. 33(2), `country-quota-exhausted` Art. 32(4)(2),
    /// `national-quota-exceeded`, `transfer-exceeds-unused`); null otherwise.
    #[schema(example = 0, minimum = 0, maximum = 100_000_000)]
    pub quota_left: Option<i64>,
    /// The limit the request would exceed, with its unit (`trip-days-exceeded`: days in a
    /// year, Art. 33(3); `extension-limit-reached`: times, Art. 7(20); `ict-ratio-exceeded`:
    /// percent, Art. 35(4); a term too long: months); null otherwise.
    #[schema(value_type = Option<Limit>)]
    pub limit: Option<Limit>,
}

impl ViolationView {
    /// The violation rendered in `lang`.
    pub fn new(v: &Violation, lang: Lang) -> ViolationView {
        ViolationView {
            code: v.code.clone(),
            message: lang.text(&v.message()),
            article: v.article.clone(),
            pointer: v.field.clone(),
            fee_due: v.members.as_ref().and_then(|m| m.fee_due),
            quota_left: v.members.as_ref().and_then(|m| m.quota_left),
            limit: v.members.as_ref().and_then(|m| m.limit),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:kz:permits:problem:quota-exhausted",
    "title": "A rule of the law refuses the request",
    "status": 422,
    "detail": "Almaty has 0 of 50 units of category 3 left for 2026; 1 requested (Art. 33(2))",
    "violations": [{"code": "quota-exhausted", "message": "Almaty has 0 of 50 units of category 3 left for 2026; 1 requested", "article": "Art. 33(2)", "pointer": null, "fee_due": null, "quota_left": 0, "limit": null}]
}))]
pub struct Problem {
    /// Stable URI of the kind of problem; never translated.
    #[serde(rename = "type")]
    pub type_: String,
    /// Short summary of the kind of problem, in the language `Accept-Language` chose.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in the language `Accept-Language` chose.
    pub detail: String,
    /// Field-level errors (400, 422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldErrorView>,
    /// Rule checks that refused the request, each with the article it rests on (422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<ViolationView>,
}

/// Why a request failed; rendered as a [`Problem`] in the caller's language.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{}", .detail.key)]
    Malformed {
        detail: Message,
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
    /// Fields whose values name nothing that exists (a region code that is none of the
    /// regions): a 422 like [`ApiError::Invalid`], each field's message in the caller's
    /// language.
    #[error("some fields name nothing that exists")]
    UnknownValues(Vec<(String, Message)>),
    #[error("a rule of the law refuses the request")]
    Rule(Vec<Violation>),
    #[error("{}", .0.key)]
    Unauthorized(Message),
    #[error("{}", .0.key)]
    Forbidden(Message),
    #[error("{}", .0.key)]
    NotFound(Message),
    #[error("{method} is not allowed here; allowed: {allow}")]
    MethodNotAllowed { method: String, allow: String },
    #[error("{}", .detail.key)]
    Conflict { code: &'static str, detail: Message },
    #[error("the resource changed since you read it (version {current})")]
    PreconditionFailed { current: i64 },
    #[error("too many requests; retry in {0} s")]
    TooManyRequests(u64),
    #[error("the database is unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

impl ApiError {
    pub fn rule(v: Violation) -> ApiError {
        ApiError::Rule(vec![v])
    }

    /// 422 for the one field at `field`, refused for `reason`.
    pub fn invalid(field: impl Into<String>, reason: impl Into<Message>) -> ApiError {
        ApiError::Invalid(vec![FieldError::new(field, reason)])
    }

    /// 404 with the catalogue message `detail`.
    pub fn not_found(detail: Message) -> ApiError {
        ApiError::NotFound(detail)
    }

    /// 400: `year` is outside the quota years the service accepts
    /// ([`crate::domain::quota::YEARS`]).
    pub fn malformed_year(year: i32) -> ApiError {
        ApiError::malformed(
            Message::new("malformed-year").arg("year", year),
            vec![FieldError::new(
                "year",
                Reason::Between {
                    min: (*crate::domain::quota::YEARS.start()).into(),
                    max: (*crate::domain::quota::YEARS.end()).into(),
                },
            )],
        )
    }

    /// 400: the year `raw` a path or form gave is no quota year: a whole number outside
    /// the years the service accepts (`99999999999` too, though no `i32` holds it) is
    /// told so, anything else is told it is no whole number.
    pub fn malformed_year_text(raw: &str) -> ApiError {
        let digits = raw.strip_prefix('-').unwrap_or(raw);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            ApiError::malformed(
                Message::new("malformed-year").text("year", raw),
                vec![FieldError::new(
                    "year",
                    Reason::Between {
                        min: i64::from(*YEARS.start()),
                        max: i64::from(*YEARS.end()),
                    },
                )],
            )
        } else {
            ApiError::malformed(
                Message::new("malformed-year-text").text("year", raw),
                vec![FieldError::new("year", Reason::WholeNumber)],
            )
        }
    }

    /// 409 `code` with the catalogue message `detail`.
    pub fn conflict(code: &'static str, detail: Message) -> ApiError {
        ApiError::Conflict { code, detail }
    }

    /// 400 with the catalogue message `detail` and the fields at fault.
    pub fn malformed(detail: Message, errors: Vec<FieldError>) -> ApiError {
        ApiError::Malformed { detail, errors }
    }

    /// The problem's slug (the end of its `type`) and the catalogue key of its title.
    fn slug_and_title(&self) -> (&str, &'static str) {
        match self {
            ApiError::Malformed { .. } => ("malformed-request", "title-malformed-request"),
            ApiError::UnsupportedMediaType => {
                ("unsupported-media-type", "title-unsupported-media-type")
            }
            ApiError::PayloadTooLarge(_) => ("payload-too-large", "title-payload-too-large"),
            ApiError::RequestTimeout => ("request-timeout", "title-request-timeout"),
            ApiError::HeaderTooLarge(_) => ("header-too-large", "title-header-too-large"),
            ApiError::Invalid(_) | ApiError::UnknownValues(_) => {
                ("invalid-fields", "title-invalid-fields")
            }
            ApiError::Rule(v) => (
                match v.as_slice() {
                    [one] => one.code.as_str(),
                    _ => "rule-violation",
                },
                // A refusal resting on no article is the service's own rule, not the law's.
                if v.iter().any(|v| v.article.is_some()) {
                    "title-rule-violation"
                } else {
                    "title-service-rule"
                },
            ),
            ApiError::Unauthorized(_) => ("unauthorized", "title-unauthorized"),
            ApiError::Forbidden(_) => ("forbidden", "title-forbidden"),
            ApiError::NotFound(_) => ("not-found", "title-not-found"),
            ApiError::MethodNotAllowed { .. } => ("method-not-allowed", "title-method-not-allowed"),
            ApiError::Conflict { code, .. } => (code, "title-conflict"),
            ApiError::PreconditionFailed { .. } => ("stale-version", "title-stale-version"),
            ApiError::TooManyRequests(_) => ("too-many-requests", "title-too-many-requests"),
            ApiError::Unavailable => ("service-unavailable", "title-service-unavailable"),
            ApiError::Internal => ("internal-error", "title-internal-error"),
        }
    }

    /// The catalogue message of the problem's `detail`.
    fn detail(&self) -> Message {
        match self {
            ApiError::Malformed { detail, .. }
            | ApiError::Unauthorized(detail)
            | ApiError::Forbidden(detail)
            | ApiError::NotFound(detail)
            | ApiError::Conflict { detail, .. } => detail.clone(),
            ApiError::UnsupportedMediaType => Message::new("detail-unsupported-media-type"),
            ApiError::PayloadTooLarge(limit) => {
                Message::new("detail-payload-too-large").arg("limit", *limit)
            }
            ApiError::RequestTimeout => Message::new("detail-request-timeout"),
            ApiError::HeaderTooLarge(limit) => {
                Message::new("detail-header-too-large").arg("limit", *limit)
            }
            ApiError::Invalid(_) | ApiError::UnknownValues(_) => {
                Message::new("detail-invalid-fields")
            }
            ApiError::Rule(_) => Message::new("title-rule-violation"),
            ApiError::MethodNotAllowed { method, allow } => {
                Message::new("detail-method-not-allowed")
                    .text("method", method)
                    .text("allow", allow)
            }
            ApiError::PreconditionFailed { current } => {
                Message::new("detail-stale-version").arg("current", *current)
            }
            ApiError::TooManyRequests(seconds) => {
                Message::new("detail-too-many-requests").text("seconds", seconds)
            }
            ApiError::Unavailable => Message::new("detail-service-unavailable"),
            ApiError::Internal => Message::new("detail-internal-error"),
        }
    }

    /// The problem document in `lang`.
    pub fn problem(&self, lang: Lang) -> Problem {
        let (slug, title) = self.slug_and_title();
        let detail = match self {
            ApiError::Rule(v) => v
                .iter()
                .map(|v| crate::format::cited(lang, &lang.text(&v.message()), v.article.as_deref()))
                .collect::<Vec<_>>()
                .join("; "),
            other => lang.text(&other.detail()),
        };
        Problem {
            type_: format!("{PROBLEM_TYPE_PREFIX}{slug}"),
            title: lang.key(title),
            status: self.status_code().as_u16(),
            detail,
            errors: match self {
                ApiError::Malformed { errors, .. } | ApiError::Invalid(errors) => {
                    errors.iter().map(|e| e.view(lang)).collect()
                }
                ApiError::UnknownValues(fields) => fields
                    .iter()
                    .map(|(field, message)| FieldError::new(field, message.clone()).view(lang))
                    .collect(),
                _ => Vec::new(),
            },
            violations: match self {
                ApiError::Rule(v) => v.iter().map(|v| ViolationView::new(v, lang)).collect(),
                _ => Vec::new(),
            },
        }
    }

    /// The response: status, headers and the problem document in `lang`.
    pub fn response(&self, lang: Lang) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code());
        res.content_type("application/problem+json")
            .insert_header((header::CONTENT_LANGUAGE, lang.tag()));
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
            ApiError::TooManyRequests(seconds) => {
                res.insert_header((header::RETRY_AFTER, seconds.to_string()));
            }
            // The rest of the body may still arrive: the connection cannot be reused.
            ApiError::RequestTimeout => {
                res.force_close();
            }
            _ => {}
        }
        match serde_json::to_string(&self.problem(lang)) {
            Ok(body) => res.body(body),
            Err(e) => {
                log::error!("a problem document failed to serialize: {e}");
                HttpResponse::InternalServerError().finish()
            }
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
            ApiError::Invalid(_) | ApiError::UnknownValues(_) | ApiError::Rule(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// English; the language middleware renders it again in the caller's language.
    fn error_response(&self) -> HttpResponse {
        self.response(Lang::En)
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match e {
            E::NotFound => ApiError::not_found(Message::new("not-found-resource")),
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
            E::DatabaseError(K::UniqueViolation, _) => ApiError::conflict(
                "changed-concurrently",
                Message::new("conflict-created-concurrently"),
            ),
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

/// A validator error as the catalogue's reason, by its code and parameters: `length`
/// (characters of text, items of a list; `min`, `max`, `equal`), `range` (`min`, `max`) and
/// the codes of the project's own checks (`blank` from [`crate::wire::fields::not_blank`],
/// `iin` from the twelve digits of an IIN). A code none of these is reported and reads as a
/// value the field does not admit; a test keeps every `#[validate]` of the code base mapped.
pub fn validation_reason(err: &validator::ValidationError) -> Message {
    let bound = |k: &str| err.params.get(k).and_then(serde_json::Value::as_i64);
    let list = err
        .params
        .get("value")
        .is_some_and(serde_json::Value::is_array);
    let (min, max) = (bound("min"), bound("max"));
    let exactly = bound("equal").or(min.filter(|m| Some(*m) == max));
    let reason = match (err.code.as_ref(), exactly, min, max) {
        ("length", Some(n), ..) if list => Reason::ItemsExactly { n },
        ("length", Some(n), ..) => Reason::CharsExactly { n },
        ("length", None, Some(min), Some(max)) if list => Reason::ItemsBetween { min, max },
        ("length", None, Some(min), Some(max)) => Reason::CharsBetween { min, max },
        ("length", None, Some(min), None) if list => Reason::ItemsAtLeast { min },
        ("length", None, Some(min), None) => Reason::CharsAtLeast { min },
        ("length", None, None, Some(max)) if list => Reason::ItemsAtMost { max },
        ("length", None, None, Some(max)) => Reason::CharsAtMost { max },
        ("range", _, Some(min), Some(max)) => Reason::Between { min, max },
        ("range", _, Some(min), None) => Reason::AtLeast { min },
        ("range", _, None, Some(max)) => Reason::AtMost { max },
        ("blank", ..) => Reason::Blank,
        ("iin", ..) => return crate::domain::ids::IdError::NotTwelveDigits.message(),
        (code, ..) => {
            log::error!("validator code {code} has no message in the catalogue");
            return Message::new("field-invalid");
        }
    };
    reason.message()
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
                    .map(|err| FieldError::new(join(field), validation_reason(err))),
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

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Rule(v) => ApiError::Rule(v),
            Refusal::UnknownValues(fields) => ApiError::UnknownValues(fields),
            Refusal::NotFound(detail) => ApiError::NotFound(detail),
            Refusal::Conflict { code, detail } => ApiError::Conflict { code, detail },
            Refusal::Stale { current } => ApiError::PreconditionFailed { current },
        }
    }
}

impl From<CaseError> for ApiError {
    fn from(e: CaseError) -> Self {
        match e {
            CaseError::Refused(r) => r.into(),
            CaseError::Db(e) => e.into(),
            CaseError::Encode(e) => {
                log::error!("a value could not be encoded: {e}");
                ApiError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of problem the API answers, each once.
    fn every_kind() -> Vec<ApiError> {
        let code = crate::domain::ProblemCode::WebhookUrlNotPublic;
        vec![
            ApiError::malformed(Message::new("malformed-path"), Vec::new()),
            ApiError::UnsupportedMediaType,
            ApiError::PayloadTooLarge(1),
            ApiError::RequestTimeout,
            ApiError::HeaderTooLarge(1),
            ApiError::Invalid(Vec::new()),
            ApiError::rule(Violation::new(code, crate::domain::article::ART_33_2)),
            ApiError::rule(Violation::service_rule(code)),
            ApiError::Unauthorized(Message::new("unauthorized-missing-claim")),
            ApiError::Forbidden(Message::new("forbidden-role")),
            ApiError::NotFound(Message::new("not-found-resource")),
            ApiError::MethodNotAllowed {
                method: "PATCH".into(),
                allow: "GET".into(),
            },
            ApiError::conflict(
                "changed-concurrently",
                Message::new("conflict-created-concurrently"),
            ),
            ApiError::PreconditionFailed { current: 2 },
            ApiError::TooManyRequests(1),
            ApiError::Unavailable,
            ApiError::Internal,
        ]
    }

    /// Every problem type's title is its own, in words of each language's own (no
    /// fallback to English), and says what the problem is: the law's title only for a
    /// refusal that cites an article, the service's own rule titled as the service's.
    #[test]
    fn every_problem_type_has_a_title_of_its_own_in_kazakh_russian_and_english() {
        for lang in Lang::ALL {
            let mut titles = Vec::new();
            for e in every_kind() {
                let (_, key) = e.slug_and_title();
                assert!(lang.renders(&Message::new(key)), "{key} in {lang:?}");
                let title = e.problem(lang).title;
                assert!(!title.is_empty() && !titles.contains(&title), "{title}");
                titles.push(title);
            }
        }
        for code in crate::domain::ProblemCode::ALL {
            let own = ApiError::rule(Violation::service_rule(*code)).problem(Lang::En);
            assert_eq!(
                own.title,
                "The service refuses the request by a rule of its own"
            );
            let law = ApiError::rule(Violation::new(*code, crate::domain::article::ART_33_2));
            assert_eq!(
                law.problem(Lang::En).title,
                "A rule of the law refuses the request"
            );
        }
        let own = ApiError::rule(Violation::service_rule(
            crate::domain::ProblemCode::WebhookUrlNotPublic,
        ));
        assert_eq!(
            own.problem(Lang::Ru).title,
            "Запрос отклонён по правилу самого сервиса"
        );
        assert_eq!(
            own.problem(Lang::Kk).title,
            "Сұрау сервистің өз ережесі бойынша қабылданбады"
        );
    }

    #[test]
    fn a_whole_year_out_of_range_is_told_so_and_other_text_is_no_whole_number() {
        let said = |raw: &str| ApiError::malformed_year_text(raw).problem(Lang::En).detail;
        assert_eq!(said("99999999999"), "year 99999999999 is outside 2000-2100");
        assert_eq!(
            said("-99999999999"),
            "year -99999999999 is outside 2000-2100"
        );
        assert_eq!(said("20x6"), "year 20x6 is not a whole number");
        assert_eq!(said(""), "year  is not a whole number");
    }

    #[test]
    fn a_single_rule_violation_names_the_problem_type_after_its_code() {
        let e = ApiError::rule(Violation::new(
            crate::domain::ProblemCode::TransferToItself,
            crate::domain::article::ART_7_23,
        ));
        let p = e.problem(Lang::En);
        assert_eq!(p.type_, "urn:kz:permits:problem:transfer-to-itself");
        assert_eq!(p.status, 422);
        assert_eq!(p.detail, "a transfer needs two different ends (Art. 7(23))");
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
    fn a_field_path_is_also_a_json_pointer() {
        assert_eq!(
            pointer_of("workers[0].citizenship"),
            "/workers/0/citizenship"
        );
        assert_eq!(pointer_of("regions[12]"), "/regions/12");
        assert_eq!(pointer_of("source"), "/source");
        assert_eq!(pointer_of(""), "");
        assert_eq!(pointer_of("a[0][1].b"), "/a/0/1/b");
    }

    /// Whether `text` has a letter of the Cyrillic script (Kazakh and Russian write in it).
    fn cyrillic(text: &str) -> bool {
        text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
    }

    /// Every reason a field can be refused for, with figures: a variant added to
    /// [`Reason`] fails to compile here until it is listed (the match has no wildcard).
    fn every_reason() -> Vec<Reason> {
        use crate::domain::Condition;
        let mut all = vec![
            Reason::Between { min: 1, max: 500 },
            Reason::AtLeast { min: 7 },
            Reason::AtMost { max: 80 },
            Reason::AboveZeroAtMost { max: 100 },
            Reason::CharsBetween { min: 3, max: 64 },
            Reason::CharsAtLeast { min: 9 },
            Reason::CharsAtMost { max: 21 },
            Reason::CharsExactly { n: 5 },
            Reason::ItemsBetween { min: 2, max: 5 },
            Reason::ItemsAtLeast { min: 1 },
            Reason::ItemsAtMost { max: 250 },
            Reason::ItemsExactly { n: 3 },
            Reason::Blank,
            Reason::Empty,
            Reason::Nul,
            Reason::NulInKey,
            Reason::DateOutside {
                from: "1900-01-01",
                to: "2100-12-31",
            },
            Reason::NotBefore(chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()),
            Reason::TypedDate,
            Reason::WholeNumber,
            Reason::PositiveAmount,
            Reason::TooLarge,
            Reason::Twice,
            Reason::Repeated,
            Reason::CategoryOnce {
                category: "3".into(),
                found: 2,
            },
            Reason::OneOf {
                allowed: "1, 2".into(),
            },
            Reason::NoneOfChoices,
            Reason::GroundCode { max: 64 },
            Reason::Cursor,
            Reason::VisibleAscii { min: 1, max: 255 },
            Reason::QuotedVersion,
            Reason::Required,
        ];
        for c in Condition::ALL {
            all.push(Reason::RequiredWhen(c));
            all.push(Reason::OnlyWhen(c));
        }
        for r in &all {
            match r {
                Reason::Between { .. }
                | Reason::AtLeast { .. }
                | Reason::AtMost { .. }
                | Reason::AboveZeroAtMost { .. }
                | Reason::CharsBetween { .. }
                | Reason::CharsAtLeast { .. }
                | Reason::CharsAtMost { .. }
                | Reason::CharsExactly { .. }
                | Reason::ItemsBetween { .. }
                | Reason::ItemsAtLeast { .. }
                | Reason::ItemsAtMost { .. }
                | Reason::ItemsExactly { .. }
                | Reason::Blank
                | Reason::Empty
                | Reason::Nul
                | Reason::NulInKey
                | Reason::DateOutside { .. }
                | Reason::NotBefore(_)
                | Reason::TypedDate
                | Reason::WholeNumber
                | Reason::PositiveAmount
                | Reason::TooLarge
                | Reason::Twice
                | Reason::Repeated
                | Reason::CategoryOnce { .. }
                | Reason::OneOf { .. }
                | Reason::NoneOfChoices
                | Reason::GroundCode { .. }
                | Reason::Cursor
                | Reason::VisibleAscii { .. }
                | Reason::QuotedVersion
                | Reason::RequiredWhen(_)
                | Reason::OnlyWhen(_)
                | Reason::Required => {}
            }
        }
        all
    }

    /// Every reason reads in Kazakh and Russian in words of their own (Cyrillic, not the
    /// English), each naming the figures it carries: a bound, a date, a category.
    #[test]
    fn every_field_reason_reads_in_kazakh_russian_and_english_with_its_bounds() {
        let mut keys = std::collections::BTreeSet::new();
        for reason in every_reason() {
            let m = reason.message();
            keys.insert(m.key.clone());
            let en = Lang::En.text(&m);
            for lang in Lang::ALL {
                assert!(lang.renders(&m), "{} does not render in {lang:?}", m.key);
                let text = lang.text(&m);
                for (name, arg) in &m.args {
                    if let crate::domain::violation::Arg::Number(n) = arg {
                        assert!(
                            text.contains(&n.to_string()),
                            "{} in {lang:?} does not name its {name} {n}: {text}",
                            m.key
                        );
                    }
                }
                if lang != Lang::En {
                    assert!(cyrillic(&text), "{} in {lang:?}: {text}", m.key);
                    assert_ne!(text, en, "{} in {lang:?}", m.key);
                }
            }
        }
        assert_eq!(keys.len(), 34, "{keys:?}");
    }

    /// When a field is asked for or allowed only, each condition reads in words of its own,
    /// never as the catalogue's fallback for a condition it does not know.
    #[test]
    fn every_condition_of_a_field_reads_in_words_of_its_own() {
        for lang in Lang::ALL {
            for key in ["field-required-when", "field-only-when"] {
                let unknown = lang.text(&Message::new(key).text("when", "no-such-condition"));
                let mut seen = std::collections::BTreeSet::new();
                for c in crate::domain::Condition::ALL {
                    let text = lang.text(&Message::new(key).text("when", c.as_str()));
                    assert_ne!(text, unknown, "{key} {c:?} in {lang:?}");
                    assert!(
                        seen.insert(text),
                        "{key} {c:?} in {lang:?} reads as another"
                    );
                }
            }
        }
    }

    /// An identifier that does not parse says why in the reader's language.
    #[test]
    fn every_identifier_error_reads_in_kazakh_russian_and_english() {
        use crate::domain::ids::IdError;
        for e in [
            IdError::NotTwelveDigits,
            IdError::BadCheckDigit,
            IdError::BadBin,
            IdError::BadIin,
            IdError::NotAnEmployer,
            IdError::BadRegion,
            IdError::BadCountry,
            IdError::BadSector,
        ] {
            let m = e.message();
            assert_eq!(Lang::En.text(&m), e.to_string());
            for lang in [Lang::Kk, Lang::Ru] {
                assert!(lang.renders(&m), "{} in {lang:?}", m.key);
                assert!(cyrillic(&lang.text(&m)), "{} in {lang:?}", m.key);
            }
        }
    }

    #[derive(validator::Validate)]
    struct Sample {
        #[validate(length(min = 1, max = 5))]
        name: String,
        #[validate(length(min = 1, max = 3))]
        items: Vec<u8>,
        #[validate(length(equal = 3))]
        code: String,
        #[validate(length(max = 10))]
        notes: Vec<u8>,
        #[validate(range(min = 1, max = 500))]
        limit: i64,
        #[validate(range(min = 2000))]
        year: i64,
        #[validate(range(max = 80))]
        percent: i64,
        #[validate(custom(function = "crate::wire::fields::not_blank"))]
        reason: String,
    }

    /// validator's errors read by their code and bounds: the length of text in characters,
    /// of a list in items, a range by its bounds, a blank text as blank.
    #[test]
    fn a_validator_error_reads_by_its_code_and_bounds_in_every_language() {
        use validator::Validate;
        let bad = Sample {
            name: "toolong".into(),
            items: vec![],
            code: "ab".into(),
            notes: vec![0; 11],
            limit: 501,
            year: 1999,
            percent: 81,
            reason: "  ".into(),
        };
        let e = ApiError::from(bad.validate().unwrap_err());
        let en: Vec<(String, String)> = e
            .problem(Lang::En)
            .errors
            .into_iter()
            .map(|f| (f.field, f.message))
            .collect();
        let expect = |f: &str, m: &str| (f.to_owned(), m.to_owned());
        assert_eq!(
            en,
            vec![
                expect("code", "must be exactly 3 characters long"),
                expect("items", "must have 1 to 3 items"),
                expect("limit", "must be between 1 and 500"),
                expect("name", "must be 1 to 5 characters long"),
                expect("notes", "must have at most 10 items"),
                expect("percent", "must be at most 80"),
                expect("reason", "must not be blank"),
                expect("year", "must be at least 2000"),
            ]
        );
        let ru: Vec<String> = e
            .problem(Lang::Ru)
            .errors
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert_eq!(
            ru,
            [
                "длина должна быть ровно 3 символа",
                "список должен содержать от 1 до 3 элементов",
                "значение должно быть от 1 до 500",
                "длина должна быть от 1 до 5 символов",
                "список должен содержать не больше 10 элементов",
                "значение должно быть не больше 80",
                "текст не должен быть пустым или состоять из одних пробелов",
                "значение должно быть не меньше 2000",
            ]
        );
        let kk = e.problem(Lang::Kk);
        assert_eq!(
            kk.errors[2].message,
            "мәні 1 мен 500 аралығында болуы керек"
        );
        assert_eq!(kk.errors[2].pointer, "/limit");
        assert!(kk.errors.iter().all(|f| cyrillic(&f.message)), "{kk:?}");
    }

    /// Every `#[validate(...)]` of the code base uses a validator whose errors the catalogue
    /// reads (length, range, the project's custom checks; nested passes its fields' on),
    /// with no English `message` of its own: each length and range, with its bounds, reads
    /// in every language, and each custom check's code has its message.
    #[test]
    fn every_validate_attribute_of_the_code_base_reads_from_the_catalogue() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![src];
        let mut attributes = Vec::new();
        let mut files = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        for text in &files {
            let attribute = "#[validate(";
            // Attributes only: a line that opens with one, not a mention in text.
            let starts = text
                .match_indices(attribute)
                .map(|(at, _)| at)
                .filter(|at| text[..*at].rsplit('\n').next().unwrap().trim().is_empty());
            for at in starts {
                let rest = &text[at + attribute.len()..];
                let mut depth = 1;
                let end = rest
                    .char_indices()
                    .find(|(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map(|(i, _)| i)
                    .unwrap();
                attributes.push(rest[..end].split_whitespace().collect::<String>());
            }
        }
        assert!(attributes.len() > 100, "{}", attributes.len());
        let number = |args: &str, name: &str| -> Option<i64> {
            let at = args.find(&format!("{name}="))?;
            let digits: String = args[at + name.len() + 1..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '_')
                .filter(|c| c.is_ascii_digit())
                .collect();
            digits.parse().ok()
        };
        let mut customs = std::collections::BTreeSet::new();
        for attribute in &attributes {
            // Validators side by side: `length(min=1,max=5),custom(function="…")`.
            let mut depth = 0;
            let mut parts = vec![String::new()];
            for c in attribute.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(String::new());
                        continue;
                    }
                    _ => {}
                }
                parts.last_mut().unwrap().push(c);
            }
            for part in parts {
                let (name, args) = part.split_once('(').unwrap_or((&part, ""));
                assert!(
                    !args.contains("message=") && !args.contains("code="),
                    "a validator with English words of its own: {attribute}"
                );
                match name {
                    "nested" => {}
                    "custom" => {
                        let function = args.split('"').nth(1).unwrap();
                        customs.insert(function.rsplit("::").next().unwrap().to_owned());
                    }
                    "length" | "range" => {
                        let mut err = validator::ValidationError::new(if name == "length" {
                            "length"
                        } else {
                            "range"
                        });
                        let bounds: Vec<(&str, i64)> = ["min", "max", "equal"]
                            .into_iter()
                            .filter_map(|b| number(args, b).map(|n| (b, n)))
                            .collect();
                        assert!(!bounds.is_empty(), "{attribute}");
                        for (b, n) in &bounds {
                            err.add_param((*b).into(), n);
                        }
                        for value in [serde_json::json!("x"), serde_json::json!([1])] {
                            let mut err = err.clone();
                            err.add_param("value".into(), &value);
                            let m = validation_reason(&err);
                            assert_ne!(m.key, "field-invalid", "{attribute}");
                            for lang in Lang::ALL {
                                assert!(lang.renders(&m), "{attribute} in {lang:?}");
                                let text = lang.text(&m);
                                let named = bounds.iter().any(|(_, n)| {
                                    text.replace(['\u{a0}', ','], "").contains(&n.to_string())
                                });
                                assert!(named, "{attribute} in {lang:?}: {text}");
                            }
                        }
                    }
                    other => panic!("validator {other} has no message in the catalogue"),
                }
            }
        }
        // Each custom check's codes, from its body, read from the catalogue.
        assert!(!customs.is_empty());
        for function in customs {
            let body = files
                .iter()
                .find_map(|t| t.split(&format!("fn {function}(")).nth(1))
                .unwrap_or_else(|| panic!("no fn {function}"));
            let body = &body[..body.find("\n}").unwrap()];
            let codes: Vec<&str> = body
                .split("ValidationError::new(\"")
                .skip(1)
                .map(|c| c.split('"').next().unwrap())
                .collect();
            assert!(!codes.is_empty(), "{function} raises no coded error");
            assert!(!body.contains("with_message"), "{function}: English words");
            for code in codes {
                let mut err = validator::ValidationError::new("");
                err.code = code.to_owned().into();
                let m = validation_reason(&err);
                assert_ne!(m.key, "field-invalid", "{function}: {code}");
                assert!(Lang::Kk.renders(&m) && Lang::Ru.renders(&m), "{code}");
            }
        }
    }

    #[test]
    fn internal_errors_carry_no_detail_of_the_cause() {
        let e = ApiError::from(diesel::result::Error::RollbackTransaction);
        assert_eq!(e.problem(Lang::En).detail, "internal error");
    }
}
