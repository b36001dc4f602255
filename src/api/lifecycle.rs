//! The answer to a move of a case (a permit's, a certificate's or an ICT permit's
//! lifecycle): the command runs in one write transaction and the case as it now stands is
//! answered 200 with its version as the `ETag`. Written once for every lifecycle.

use super::idempotency::etag;
use super::state::Conn;
use super::AppState;
use crate::error::ApiError;
use actix_web::http::header;
use actix_web::HttpResponse;
use serde::Serialize;

/// A case's wire view, which carries the case's version.
pub trait Versioned: Serialize {
    /// The case's version: the answer's `ETag`.
    fn version(&self) -> i64;
}

/// 200 with `view`, its version as the `ETag`.
pub fn answer(view: impl Versioned) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag(view.version())))
        .json(view)
}

/// Runs the move `f` in one write transaction and answers with the case as it now stands.
pub async fn moved<W, F>(state: &AppState, f: F) -> Result<HttpResponse, ApiError>
where
    W: Versioned + Send + 'static,
    F: FnOnce(&mut Conn) -> Result<W, ApiError> + Send + 'static,
{
    Ok(answer(state.write(f).await?))
}
