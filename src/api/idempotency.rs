//! Creating requests with an `Idempotency-Key`: the first response is stored in the same
//! transaction as the change and replayed for a repeat (DESIGN principle 4).

use super::extract::IdempotencyKey;
use super::state::Conn;
use super::AppState;
use crate::auth::Caller;
use crate::cases::idempotency::{self, Stored};
use crate::domain::violation::Message;
use crate::error::ApiError;
use crate::i18n::Lang;
use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use serde::Serialize;

/// What a creating handler made: the body of the 201 answer and where the new resource is.
pub struct Created<T> {
    pub body: T,
    pub location: String,
    pub version: Option<i64>,
}

/// What a changing handler made: the answer's status (200, or 202 for work queued), its
/// body, and the resource's version (its `ETag`) when it has one.
pub struct Changed<T> {
    pub status: StatusCode,
    pub body: T,
    pub version: Option<i64>,
}

/// Runs `f` in one write transaction and answers 201 with what it created, unless the
/// caller's key was seen already, in which case the stored first answer is replayed (or
/// the key's reuse for another body refused).
pub async fn create<T, F>(
    state: &AppState,
    caller: &Caller,
    key: IdempotencyKey,
    fingerprint: String,
    f: F,
) -> Result<HttpResponse, ApiError>
where
    T: Serialize + Send + 'static,
    F: FnOnce(&mut Conn) -> Result<Created<T>, ApiError> + Send + 'static,
{
    let lang = key.lang;
    once(state, caller, key, fingerprint, move |c| {
        Answer::created(f(c)?, lang)
    })
    .await
}

/// As [`create`], for an answer that shows something only once (a webhook's signing
/// secret): `f` also gives what a repeat of the request is answered instead, which is what
/// is stored, so the secret is never kept with the key nor answered again.
pub async fn create_shown_once<T, R, F>(
    state: &AppState,
    caller: &Caller,
    key: IdempotencyKey,
    fingerprint: String,
    f: F,
) -> Result<HttpResponse, ApiError>
where
    T: Serialize + Send + 'static,
    R: Serialize + Send + 'static,
    F: FnOnce(&mut Conn) -> Result<(Created<T>, R), ApiError> + Send + 'static,
{
    let lang = key.lang;
    once(state, caller, key, fingerprint, move |c| {
        let (created, replay) = f(c)?;
        let mut answer = Answer::created(created, lang)?;
        answer.stored = Some(serde_json::to_string(&replay).map_err(|_| ApiError::Internal)?);
        Ok(answer)
    })
    .await
}

/// Runs `f` in one write transaction and answers with the changed resource, unless the
/// caller's key was seen already, in which case the stored first answer is replayed (or
/// the key's reuse for another body refused).
pub async fn change<T, F>(
    state: &AppState,
    caller: &Caller,
    key: IdempotencyKey,
    fingerprint: String,
    f: F,
) -> Result<HttpResponse, ApiError>
where
    T: Serialize + Send + 'static,
    F: FnOnce(&mut Conn) -> Result<Changed<T>, ApiError> + Send + 'static,
{
    let lang = key.lang;
    once(state, caller, key, fingerprint, move |c| {
        Answer::changed(f(c)?, lang)
    })
    .await
}

/// Runs `f`, which makes the answer, in one write transaction with the key's first answer
/// stored, or replays that answer.
async fn once<F>(
    state: &AppState,
    caller: &Caller,
    key: IdempotencyKey,
    fingerprint: String,
    f: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut Conn) -> Result<Answer, ApiError> + Send + 'static,
{
    let owner = principal(caller);
    let now = state.time.now().naive_utc();
    let answer = state
        .write(move |conn| {
            if let Some(k) = &key.key {
                if let Some(stored) = idempotency::find(conn, &owner, k)? {
                    return if stored.request_hash == fingerprint {
                        Answer::replay(stored)
                    } else {
                        Err(ApiError::conflict(
                            "idempotency-key-reused",
                            Message::new("conflict-idempotency-key-reused"),
                        ))
                    };
                }
            }
            let answer = f(conn)?;
            if let Some(k) = &key.key {
                let stored = Stored {
                    request_hash: fingerprint,
                    status: i32::from(answer.status.as_u16()),
                    headers: serde_json::to_string(&answer.headers)
                        .map_err(|_| ApiError::Internal)?,
                    body: answer.stored.clone().unwrap_or_else(|| answer.body.clone()),
                };
                idempotency::store(conn, &owner, k, &stored, now)?;
            }
            Ok(answer)
        })
        .await?;
    Ok(answer.into_response())
}

/// Whose stored answers a request may see: the whole principal (role, subject, region,
/// BIN) as a JSON array, so two tenants whose tokens share a subject never share answers.
pub fn principal(caller: &Caller) -> String {
    serde_json::json!([
        caller.role.as_str(),
        caller.sub,
        caller.region.as_ref().map(|r| r.as_str()),
        caller.bin.as_ref().map(|b| b.as_str()),
    ])
    .to_string()
}

/// An answer as stored for replay: status, every header the handler set, and the body
/// (`stored` instead, when the first answer shows what a replay must not).
struct Answer {
    status: StatusCode,
    headers: Vec<(String, String)>,
    body: String,
    stored: Option<String>,
    replayed: bool,
}

impl Answer {
    /// The first answer, in `lang`: its `Content-Language` is stored with it, so that a
    /// replay names the language it was made in.
    fn created<T: Serialize>(created: Created<T>, lang: Lang) -> Result<Answer, ApiError> {
        let mut headers = vec![
            (
                header::CONTENT_TYPE.as_str().to_owned(),
                "application/json".to_owned(),
            ),
            (header::LOCATION.as_str().to_owned(), created.location),
            (
                header::CONTENT_LANGUAGE.as_str().to_owned(),
                lang.tag().to_owned(),
            ),
        ];
        if let Some(v) = created.version {
            headers.push((header::ETAG.as_str().to_owned(), etag(v)));
        }
        Ok(Answer {
            status: StatusCode::CREATED,
            headers,
            body: serde_json::to_string(&created.body).map_err(|_| ApiError::Internal)?,
            stored: None,
            replayed: false,
        })
    }

    /// The first answer of a change, in `lang`, stored with its `Content-Language` as
    /// [`Answer::created`]'s.
    fn changed<T: Serialize>(changed: Changed<T>, lang: Lang) -> Result<Answer, ApiError> {
        let mut headers = vec![
            (
                header::CONTENT_TYPE.as_str().to_owned(),
                "application/json".to_owned(),
            ),
            (
                header::CONTENT_LANGUAGE.as_str().to_owned(),
                lang.tag().to_owned(),
            ),
        ];
        if let Some(v) = changed.version {
            headers.push((header::ETAG.as_str().to_owned(), etag(v)));
        }
        Ok(Answer {
            status: changed.status,
            headers,
            body: serde_json::to_string(&changed.body).map_err(|_| ApiError::Internal)?,
            stored: None,
            replayed: false,
        })
    }

    fn replay(stored: Stored) -> Result<Answer, ApiError> {
        let status = u16::try_from(stored.status)
            .ok()
            .and_then(|s| StatusCode::from_u16(s).ok())
            .ok_or(ApiError::Internal)?;
        let headers = serde_json::from_str(&stored.headers).map_err(|_| ApiError::Internal)?;
        Ok(Answer {
            status,
            headers,
            body: stored.body,
            stored: None,
            replayed: true,
        })
    }

    fn into_response(self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status);
        for (name, value) in self.headers {
            res.insert_header((name, value));
        }
        if self.replayed {
            res.insert_header(("Idempotent-Replayed", "true"));
        }
        res.body(self.body)
    }
}

/// The `ETag` of a resource version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}
