//! Liveness and readiness.

use super::AppState;
use crate::error::ApiError;
use crate::wire::health::Health;
use actix_web::{get, web, HttpResponse};

/// Liveness probe
///
/// Answers 200 while the process is up, without touching the database: the orchestrator's
/// liveness probe. Open to anyone.
#[utoipa::path(tag = "operations", responses((status = 200, description = "The process is alive.", body = Health)))]
#[get("/health/live")]
pub async fn health_live() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// Readiness probe
///
/// Answers 200 when the database answers, and 503 with `Retry-After` while it does not; 200
/// again once it is back: the orchestrator's readiness probe. Open to anyone.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Ready to serve.", body = Health)))]
#[get("/health/ready")]
pub async fn health_ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state
        .db(|conn| crate::cases::reference::ping(conn).map_err(|_| ApiError::Unavailable))
        .await?;
    Ok(HttpResponse::Ok().json(Health { status: "ok" }))
}
