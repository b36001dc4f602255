//! What answers a request no route takes: 404 or 405, read from the OpenAPI document.

use super::extract;
use super::openapi::openapi;
use crate::domain::violation::Message;
use crate::error::ApiError;
use actix_web::{HttpRequest, HttpResponse};
use utoipa::openapi::OpenApi as Doc;

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
