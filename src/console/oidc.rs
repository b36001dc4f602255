//! Sign-in at the identity provider: OpenID Connect authorization-code flow with PKCE
//! (`openidconnect`). The ID token's `role`, `region` and `bin` claims make the same
//! [`Caller`] as a bearer token's, through the same checks ([`Caller::from_claims`], the
//! seeded regions), so the console's session is no wider than the API's token would be.
//!
//! The provider is discovered on each sign-in (two small requests), so its keys can rotate
//! without a restart and the service starts while the provider is down.

use super::frame::{Ctx, Fail};
use super::state::Oidc;
use crate::auth::{Caller, Claims, Role};
use crate::domain::Message;
use crate::error::ApiError;
use actix_web::{web, HttpResponse};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, Client, ClientId, ClientSecret, CsrfToken,
    EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenFields, IssuerUrl,
    Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, StandardErrorResponse,
    StandardTokenResponse, TokenResponse,
};
use serde::{Deserialize, Serialize};

/// The claims of the ministry's identity provider beyond the standard ones.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PermitsClaims {
    role: Role,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    bin: Option<String>,
}

impl AdditionalClaims for PermitsClaims {}

type PermitsTokenResponse = StandardTokenResponse<
    IdTokenFields<
        PermitsClaims,
        EmptyExtraTokenFields,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >,
    CoreTokenType,
>;

type PermitsClient = Client<
    PermitsClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    PermitsTokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// What the session keeps between the redirect to the provider and its answer.
#[derive(Debug, Serialize, Deserialize)]
struct Pending {
    state: String,
    nonce: String,
    pkce_verifier: String,
}

const PENDING: &str = "oidc";

/// A refusal of the sign-in, logged with its cause and shown without it.
fn refused(what: &str, cause: impl std::fmt::Display) -> Fail {
    log::warn!("OpenID Connect sign-in refused: {what}: {cause}");
    Fail::Api(ApiError::Unauthorized(
        Message::new("unauthorized-oidc").text("step", what),
    ))
}

/// An HTTP client that never follows redirects (the provider's endpoints answer directly;
/// following one would let a response send the service elsewhere).
fn http() -> Result<openidconnect::reqwest::Client, Fail> {
    openidconnect::reqwest::ClientBuilder::new()
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(|e| refused("http-client", e))
}

/// The redirect URL: as configured, or, when configured as a path (`/console/oidc/callback`),
/// on the origin the browser used — which the provider accepts only if it is one of the
/// client's registered redirect URIs.
fn redirect_of(oidc: &Oidc, req: &actix_web::HttpRequest) -> String {
    if oidc.redirect_url.starts_with('/') {
        let info = req.connection_info();
        format!("{}://{}{}", info.scheme(), info.host(), oidc.redirect_url)
    } else {
        oidc.redirect_url.clone()
    }
}

async fn client(
    oidc: &Oidc,
    http: &openidconnect::reqwest::Client,
    redirect: String,
) -> Result<PermitsClient, Fail> {
    let issuer = IssuerUrl::new(oidc.issuer_url.clone()).map_err(|e| refused("issuer", e))?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http)
        .await
        .map_err(|e| refused("discovery", e))?;
    let redirect = RedirectUrl::new(redirect).map_err(|e| refused("redirect-url", e))?;
    Ok(PermitsClient::from_provider_metadata(
        metadata,
        ClientId::new(oidc.client_id.clone()),
        Some(ClientSecret::new(oidc.client_secret.expose().to_owned())),
    )
    .set_redirect_uri(redirect))
}

fn configured(ctx: &Ctx) -> Result<Oidc, Fail> {
    ctx.console
        .oidc
        .clone()
        .ok_or_else(|| Fail::Api(ApiError::not_found(Message::new("not-found-console-page"))))
}

/// The display name an ID token's standard `name` claim gives (OpenID Connect Core 1.0,
/// 5.1), trimmed, at most 200 characters, with no control characters; `None` when it gives
/// none.
fn display_name(claim: Option<&str>) -> Option<String> {
    let name: String = claim?
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    Some(name.trim().to_owned()).filter(|n| !n.is_empty())
}

/// Sends the browser to the provider with a fresh state, nonce and PKCE challenge.
pub async fn start(ctx: Ctx, req: actix_web::HttpRequest, body: web::Bytes) -> HttpResponse {
    let go = async {
        ctx.form(&body)?;
        let oidc = configured(&ctx)?;
        let http = http()?;
        let client = client(&oidc, &http, redirect_of(&oidc, &req)).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in oidc.scopes.split_whitespace() {
            request = request.add_scope(Scope::new(scope.to_owned()));
        }
        let (url, state, nonce) = request.url();
        ctx.session
            .insert(
                PENDING,
                Pending {
                    state: state.secret().clone(),
                    nonce: nonce.secret().clone(),
                    pkce_verifier: verifier.secret().clone(),
                },
            )
            .map_err(|_| Fail::Api(ApiError::Internal))?;
        Ok::<_, Fail>(url.to_string())
    }
    .await;
    match go {
        Ok(url) => ctx.see_other(&url),
        Err(f) => ctx.fail(f),
    }
}

/// The provider's answer: checks the state, exchanges the code with the PKCE verifier,
/// verifies the ID token (signature, issuer, audience, expiry, nonce) and begins the
/// session with the caller its claims make.
pub async fn callback(ctx: Ctx, req: actix_web::HttpRequest) -> HttpResponse {
    let done = async {
        let oidc = configured(&ctx)?;
        let pending = match ctx.session.remove_as::<Pending>(PENDING) {
            Some(Ok(p)) => p,
            Some(Err(_)) | None => {
                return Err(refused("state", "no sign-in was started in this session"))
            }
        };
        let query: Vec<(String, String)> = form_urlencoded::parse(req.query_string().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let get = |name: &str| {
            query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        if let Some(error) = get("error") {
            return Err(refused("authorization", error));
        }
        let state = get("state").unwrap_or_default();
        if !super::frame::same(state.as_bytes(), pending.state.as_bytes()) {
            return Err(refused("state", "does not match the one sent"));
        }
        let code = get("code").ok_or_else(|| refused("code", "missing"))?;
        let http = http()?;
        let client = client(&oidc, &http, redirect_of(&oidc, &req)).await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| refused("token-endpoint", e))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&http)
            .await
            .map_err(|e| refused("code-exchange", e))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| refused("id-token", "missing"))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(pending.nonce))
            .map_err(|e| refused("id-token", e))?;
        let extra = claims.additional_claims();
        let exp = claims.expiration().timestamp();
        let caller = Caller::from_claims(Claims {
            sub: claims.subject().to_string(),
            role: extra.role,
            region: extra.region.clone(),
            bin: extra.bin.clone(),
            exp,
        })
        .map_err(ApiError::Unauthorized)?;
        let caller = ctx.state.verifier.known(caller)?;
        let name = display_name(claims.name().and_then(|n| n.get(None)).map(|n| n.as_str()));
        if let Some(name) = name.clone() {
            let (sub, at) = (caller.sub.clone(), ctx.state.time.now().naive_utc());
            ctx.state
                .write(move |conn| {
                    Ok(crate::cases::names::remember_official(
                        conn, &sub, &name, at,
                    )?)
                })
                .await?;
        }
        ctx.begin(&caller, exp, name.as_deref())
    }
    .await;
    match done {
        Ok(()) => ctx.see_other("/console/"),
        Err(f) => ctx.fail(f),
    }
}
