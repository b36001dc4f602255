//! Creating requests with an `Idempotency-Key`: the first response is stored in the same
//! transaction as the change and replayed for a repeat (DESIGN principle 4).

use super::extract::IdempotencyKey;
use super::AppState;
use crate::auth::Caller;
use crate::db::{self, idempotency::Stored, Conn};
use crate::domain::violation::Message;
use crate::error::ApiError;
use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use serde::Serialize;

/// What a creating handler made: the body of the 201 answer and where the new resource is.
pub struct Created<T> {
    pub body: T,
    pub location: String,
    pub version: Option<i64>,
}

/// Runs `f` in one write transaction, unless the caller's key was seen already, in which
/// case the stored first answer is replayed (or the key's reuse for another body refused).
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
    let owner = format!("{}:{}", caller.role.as_str(), caller.sub);
    let now = state.time.now().naive_utc();
    let outcome = state
        .write(move |conn| {
            if let Some(k) = &key.0 {
                if let Some(stored) = db::idempotency::find(conn, &owner, k)? {
                    return if stored.request_hash == fingerprint {
                        Ok(Outcome::Replay(stored))
                    } else {
                        Err(ApiError::conflict(
                            "idempotency-key-reused",
                            Message::new("conflict-idempotency-key-reused"),
                        ))
                    };
                }
            }
            let created = f(conn)?;
            let body = serde_json::to_string(&created.body).map_err(|_| ApiError::Internal)?;
            if let Some(k) = &key.0 {
                let stored = Stored {
                    request_hash: fingerprint,
                    status: i32::from(StatusCode::CREATED.as_u16()),
                    body: body.clone(),
                };
                db::idempotency::store(conn, &owner, k, &stored, now).map_err(|e| {
                    if db::is_unique_violation(&e) {
                        ApiError::conflict(
                            "idempotency-key-in-use",
                            Message::new("conflict-idempotency-key-in-use"),
                        )
                    } else {
                        e.into()
                    }
                })?;
            }
            Ok(Outcome::Fresh {
                body,
                location: created.location,
                version: created.version,
            })
        })
        .await?;
    Ok(match outcome {
        Outcome::Replay(stored) => HttpResponse::build(
            StatusCode::from_u16(u16::try_from(stored.status).unwrap_or(201))
                .unwrap_or(StatusCode::CREATED),
        )
        .content_type("application/json")
        .insert_header(("Idempotent-Replayed", "true"))
        .body(stored.body),
        Outcome::Fresh {
            body,
            location,
            version,
        } => {
            let mut res = HttpResponse::Created();
            res.content_type("application/json")
                .insert_header((header::LOCATION, location));
            if let Some(v) = version {
                res.insert_header((header::ETAG, etag(v)));
            }
            res.body(body)
        }
    })
}

enum Outcome {
    Replay(Stored),
    Fresh {
        body: String,
        location: String,
        version: Option<i64>,
    },
}

/// The `ETag` of a resource version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}
