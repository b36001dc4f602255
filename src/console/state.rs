//! What the console's pages share: its settings and the names of its cookies.

use crate::api::limit::ClientLimiter;
use crate::config::Secret;
use crate::error::ApiError;
use std::sync::Arc;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "permits-console";
/// Name of the cookie that keeps the reader's language.
pub const LANG_COOKIE: &str = "permits-lang";

/// The console's settings as handlers need them.
#[derive(Clone)]
pub struct Console {
    pub dev_sign_in: bool,
    pub session_minutes: i64,
    /// Minutes a session may go unused before it ends.
    pub idle_minutes: i64,
    pub oidc: Option<Oidc>,
    /// The verification page's own per-address budget (`console.verify_per_minute`),
    /// apart from the API's, shared by every worker.
    pub verify_limit: Arc<ClientLimiter>,
}

impl Console {
    /// Counts one verification on the page by the client at `peer` (429 over its budget).
    pub fn limit_verification(&self, peer: Option<std::net::SocketAddr>) -> Result<(), ApiError> {
        let ip = peer.map_or(std::net::IpAddr::from([0, 0, 0, 0]), |p| p.ip());
        self.verify_limit
            .check(ip)
            .map(|_| ())
            .map_err(|(_, wait)| ApiError::TooManyRequests(wait))
    }
}

/// The identity provider the console signs officials in at.
#[derive(Debug, Clone)]
pub struct Oidc {
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub redirect_url: String,
    pub scopes: String,
    /// The provider's origin, which the sign-in form's redirect goes to (the pages'
    /// `form-action` allows it).
    pub origin: String,
}
