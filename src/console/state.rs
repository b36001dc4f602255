//! What the console's pages share: its settings and the names of its cookies.

use crate::config::Secret;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "permits-console";
/// Name of the cookie that keeps the reader's language.
pub const LANG_COOKIE: &str = "permits-lang";

/// The console's settings as handlers need them.
#[derive(Debug, Clone)]
pub struct Console {
    pub dev_sign_in: bool,
    pub session_minutes: i64,
    pub oidc: Option<Oidc>,
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
