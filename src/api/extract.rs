//! Request extractors that answer every malformed input with problem+json: the JSON body
//! (with the path of the failing field), path and query errors, the caller, the request
//! id, `Idempotency-Key` and `If-Match`.

pub use super::request_id::RequestId;
use super::state::AppState;
use crate::auth::{authorize_role, Action, Caller};
use crate::domain::violation::Message;
use crate::domain::Reason;
use crate::error::{ApiError, FieldError};
use crate::i18n::Lang;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use std::future::Future;
use std::pin::Pin;
use validator::Validate;

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// A request body names the action it asks for, so that the caller's role is checked
/// before the body is read: a role that may never do the action gets 403 whatever it sent
/// (a missing or invalid token 401), and learns nothing from validation.
pub trait ActionBody {
    /// The action a request with this body performs.
    const ACTION: Action;
}

/// A JSON body parsed, checked with `validator`, and fingerprinted for idempotent replays;
/// extracted only after the caller's role may do `T::ACTION` at all.
pub struct Body<T> {
    pub value: T,
    /// SHA-256 of method, path and body: a replayed `Idempotency-Key` must match it.
    pub fingerprint: String,
}

impl<T: DeserializeOwned + Validate + ActionBody + 'static> FromRequest for Body<T> {
    type Error = ApiError;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let json = req
            .mime_type()
            .ok()
            .flatten()
            .is_some_and(|m| m.subtype() == "json" || m.suffix().is_some_and(|s| s == "json"));
        let (limit, timeout) = req
            .app_data::<web::Data<AppState>>()
            .map(|s| (s.max_body_bytes, s.body_timeout))
            .unwrap_or_default();
        let mut payload = payload.take();
        Box::pin(async move {
            authorize_role(&caller_of(&req)?, T::ACTION)?;
            if !json {
                return Err(ApiError::UnsupportedMediaType);
            }
            // A client that stops sending mid-body would hold a worker's connection forever.
            let bytes =
                actix_web::rt::time::timeout(timeout, web::Bytes::from_request(&req, &mut payload))
                    .await
                    .map_err(|_| ApiError::RequestTimeout)?
                    .map_err(|_| ApiError::PayloadTooLarge(limit))?;
            if bytes.len() > limit {
                return Err(ApiError::PayloadTooLarge(limit));
            }
            // serde's reasons are English; the client reads the catalogue's, in its language.
            let lang = accept_language(req.headers());
            let malformed = |reason: Message, field: String| {
                ApiError::malformed(
                    Message::new("malformed-body").text("reason", lang.text(&reason)),
                    vec![FieldError::new(field, reason)],
                )
            };
            let Strict(mut json) = serde_json::from_slice(&bytes).map_err(|e| {
                let reason = match e.classify() {
                    serde_json::error::Category::Data => {
                        super::malformed::reason(&strip_position(&e.to_string()), "")
                    }
                    _ => super::malformed::syntax(e.line(), e.column()),
                };
                malformed(reason, String::new())
            })?;
            // Every request body is an object; serde would also read a struct from an
            // array by field position, which no client means.
            if !json.is_object() {
                return Err(malformed(
                    Message::new("malformed-reason-not-object"),
                    String::new(),
                ));
            }
            let mut nul = Vec::new();
            normalize(&mut json, &mut String::new(), &mut nul);
            if !nul.is_empty() {
                return Err(ApiError::Invalid(nul));
            }
            let value: T = serde_path_to_error::deserialize(json).map_err(|e| {
                let path = e.path().to_string();
                let message = strip_position(&e.into_inner().to_string());
                let field = field_of(&path, &message);
                malformed(super::malformed::reason(&message, &field), field)
            })?;
            value.validate()?;
            let mut h = Sha256::new();
            h.update(req.method().as_str());
            h.update(req.path());
            h.update(&bytes);
            Ok(Body {
                value,
                fingerprint: format!("{:x}", h.finalize()),
            })
        })
    }
}

/// The years a date in a request may fall in. Stored dates are compared as text on SQLite
/// and rendered as `YYYY-MM-DD` in the contract, so a five-digit or signed year would sort
/// wrongly and break the contract; no case of this service reaches beyond them.
const DATE_YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;
const DATE_OUTSIDE: Reason = Reason::DateOutside {
    from: "1900-01-01",
    to: "2100-12-31",
};

/// The year of a string written as a date (`[+-]YYYY…-MM-DD`), if it is one.
fn date_year(s: &str) -> Option<i64> {
    let (head, day) = s.rsplit_once('-')?;
    let (year, month) = head.rsplit_once('-')?;
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    let unsigned = year.strip_prefix(['+', '-']).unwrap_or(year);
    (digits(day, 2) && digits(month, 2) && unsigned.len() >= 4 && digits(unsigned, unsigned.len()))
        .then(|| year.parse().ok())
        .flatten()
}

/// Largest magnitude below which every integer is exactly a double (2^53).
const EXACT_DOUBLE_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// Prepares a JSON body for typed deserialization, in one walk over every value:
/// - a whole number written as a float (`12.0`, as Python and JavaScript clients often
///   send) becomes the integer it is, so integer fields accept it (`12.5` stays a float
///   and an integer field refuses it);
/// - every string or key containing U+0000 is collected as a field error (PostgreSQL
///   cannot store it, SQLite can: both databases refuse it at the edge), and so is every
///   date outside [`DATE_YEARS`].
fn normalize(value: &mut serde_json::Value, path: &mut String, nul: &mut Vec<FieldError>) {
    use serde_json::{Number, Value};
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                if f.fract() == 0.0 && f.abs() < EXACT_DOUBLE_INTEGERS {
                    // Exact: |f| < 2^53 is a whole number representable as i64 or u64.
                    *n = if f < 0.0 {
                        Number::from(f as i64)
                    } else {
                        Number::from(f as u64)
                    };
                }
            }
        }
        Value::String(s) => {
            if s.contains('\0') {
                nul.push(FieldError::new(path.clone(), Reason::Nul));
            }
            if date_year(s).is_some_and(|y| !DATE_YEARS.contains(&y)) {
                nul.push(FieldError::new(path.clone(), DATE_OUTSIDE));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                normalize(item, path, nul);
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields.iter_mut() {
                let len = path.len();
                if key.contains('\0') {
                    nul.push(FieldError::new(path.clone(), Reason::NulInKey));
                    continue;
                }
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                normalize(item, path, nul);
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

/// The field a deserialization error is about: its path, with the name of a missing field
/// appended (serde reports it in the message, at the path of the object that lacks it).
fn field_of(path: &str, message: &str) -> String {
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    match (path, missing) {
        (".", Some(name)) => name.to_owned(),
        (".", None) => String::new(),
        (p, Some(name)) => format!("{p}.{name}"),
        (p, None) => p.to_owned(),
    }
}

/// A JSON document read like `serde_json::Value`, except that an object with the same key
/// twice is refused instead of keeping the last one silently.
struct Strict(serde_json::Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(items.into())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(value) = map.next_value()?;
            if object.insert(key.clone(), value).is_some() {
                return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
            }
        }
        Ok(object.into())
    }
}

/// serde_json appends " at line L column C"; the field path says more to a client.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The error handler for path parameters that do not parse.
/// Which segment failed is not told by actix, only serde's English reason: the client reads
/// the catalogue's sentence in its language.
pub fn path_error(_err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::malformed(
        Message::new("malformed-path"),
        vec![FieldError::new("path", Message::new("malformed-path"))],
    )
    .into()
}

/// A query string parsed into `T`; a parameter that does not parse is named in the 400.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Query<T>, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let pairs = form_urlencoded::parse(req.query_string().as_bytes()).collect::<Vec<_>>();
        // An empty filter (`?status=`, `?year=`) is a mistake of the client's, not a
        // request for everything: refuse it rather than ignore it.
        if let Some((k, _)) = pairs.iter().find(|(_, v)| v.is_empty()) {
            return std::future::ready(Err(ApiError::malformed(
                Message::new("malformed-query-empty").text("field", k),
                vec![FieldError::new(k.to_string(), Reason::Empty)],
            )));
        }
        // PostgreSQL cannot store or compare text with U+0000 (SQLite can): refuse it here.
        if let Some((k, _)) = pairs
            .iter()
            .find(|(k, v)| k.contains('\0') || v.contains('\0'))
        {
            let field = k.replace('\0', "\\0");
            return std::future::ready(Err(ApiError::malformed(
                Message::new("malformed-query-nul").text("field", &field),
                vec![FieldError::new(field, Reason::Nul)],
            )));
        }
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        std::future::ready(
            serde_path_to_error::deserialize(de)
                .map(Query)
                .map_err(|e| {
                    let path = e.path().to_string();
                    let field = if path == "." { "query".into() } else { path };
                    let reason = super::malformed::reason(&e.into_inner().to_string(), &field);
                    let text = accept_language(req.headers()).text(&reason);
                    ApiError::malformed(
                        Message::new("malformed-query").text("reason", &text),
                        vec![FieldError::new(field, reason)],
                    )
                }),
        )
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let caller = caller_of(req);
        // The access line and the personal-data read log name the caller (issue 24).
        if let Ok(c) = &caller {
            req.extensions_mut().insert(c.clone());
        }
        std::future::ready(caller)
    }
}

fn caller_of(req: &HttpRequest) -> Result<Caller, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or(ApiError::Internal)?;
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .ok_or_else(|| ApiError::Unauthorized(Message::new("unauthorized-no-token")))?;
    let token = header
        .to_str()
        .ok()
        .and_then(|h| h.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token)
        .ok_or_else(|| ApiError::Unauthorized(Message::new("unauthorized-not-bearer")))?;
    state.verifier.verify(token.trim())
}

/// Marks a HEAD request, which is routed as GET (the answer is sent without its body).
#[derive(Debug, Clone, Copy)]
pub struct HeadRequest;

/// The language a request's `Accept-Language` asks for (English when it names none of
/// kk, ru, en): the one place the header is read.
pub fn accept_language(headers: &actix_web::http::header::HeaderMap) -> Lang {
    Lang::negotiate(
        headers
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// The reader's language, for messages stored as codes and rendered when read.
pub struct AcceptLanguage(pub Lang);

impl FromRequest for AcceptLanguage {
    type Error = ApiError;
    type Future = std::future::Ready<Result<AcceptLanguage, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(AcceptLanguage(accept_language(req.headers()))))
    }
}

/// The optional `Idempotency-Key` of a creating request (1 to 255 visible characters), with
/// the language its `Accept-Language` chose: the first answer is stored in it, and a replay
/// names it in `Content-Language` whatever the repeat asks for.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: Option<String>,
    pub lang: Lang,
}

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = std::future::Ready<Result<IdempotencyKey, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let key = match req.headers().get("Idempotency-Key") {
            None => Ok(None),
            Some(v) => match v.to_str() {
                Ok(s) if !s.is_empty() && s.len() <= 255 => Ok(Some(s.to_owned())),
                _ => Err(ApiError::malformed(
                    Message::new("malformed-idempotency-key"),
                    vec![FieldError::new(
                        "Idempotency-Key",
                        Reason::VisibleAscii { min: 1, max: 255 },
                    )],
                )),
            },
        };
        let lang = accept_language(req.headers());
        std::future::ready(key.map(|key| IdempotencyKey { key, lang }))
    }
}

/// The version a state-changing call expects, from `If-Match: "N"` (absent or `*`: no
/// check).
#[derive(Debug, Clone, Copy)]
pub struct IfMatch(pub Option<i64>);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = std::future::Ready<Result<IfMatch, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let parsed = match req.headers().get(actix_web::http::header::IF_MATCH) {
            None => Ok(None),
            Some(v) if v.as_bytes() == b"*" => Ok(None),
            Some(v) => v
                .to_str()
                .ok()
                .and_then(version_of_etag)
                .map(Some)
                .ok_or_else(|| {
                    ApiError::malformed(
                        Message::new("malformed-if-match"),
                        vec![FieldError::new("If-Match", Reason::QuotedVersion)],
                    )
                }),
        };
        std::future::ready(parsed.map(IfMatch))
    }
}

/// The version in an entity tag as the contract declares it, `"N"` or `W/"N"` with 1 to
/// 18 digits (always an `i64`); anything else, an unquoted number included, is refused.
fn version_of_etag(tag: &str) -> Option<i64> {
    let tag = tag.trim();
    let digits = tag
        .strip_prefix("W/")
        .unwrap_or(tag)
        .strip_prefix('"')?
        .strip_suffix('"')?;
    let well_formed =
        (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    well_formed.then(|| digits.parse().ok()).flatten()
}

impl IfMatch {
    /// Refuses with 412 when the client expected another version.
    pub fn check(self, current: i64) -> Result<(), ApiError> {
        match self.0 {
            Some(expected) if expected != current => Err(ApiError::PreconditionFailed { current }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{date_year, version_of_etag};

    #[test]
    fn a_string_written_as_a_date_gives_its_year_whatever_its_digits() {
        assert_eq!(date_year("2026-01-15"), Some(2026));
        assert_eq!(date_year("9999-12-31"), Some(9999));
        assert_eq!(date_year("+10000-12-31"), Some(10000));
        assert_eq!(date_year("-0001-01-01"), Some(-1));
        for not_a_date in [
            "KZ-75",
            "2026-1-15",
            "ELX-2025-000123",
            "U12345678",
            "20-01-15",
        ] {
            assert_eq!(date_year(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn if_match_takes_exactly_the_declared_entity_tags() {
        assert_eq!(version_of_etag("\"7\""), Some(7));
        assert_eq!(version_of_etag("W/\"7\""), Some(7));
        assert_eq!(
            version_of_etag(&format!("\"{}\"", "9".repeat(18))),
            Some(999_999_999_999_999_999)
        );
        for bad in [
            "7",
            "\"7",
            "7\"",
            "\"\"",
            "\"-7\"",
            "\"+7\"",
            "\"1234567890123456789\"",
            "W/W/\"7\"",
            "w/\"7\"",
        ] {
            assert_eq!(version_of_etag(bad), None, "{bad}");
        }
    }
}
