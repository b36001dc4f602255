//! Webhooks (issue 22): an employer registers an https endpoint for its BIN's events (an
//! akimat for its region's); the service's worker POSTs every event to it, signed per the
//! Standard Webhooks specification with the subscription's secret (shown once), retried
//! with exponential backoff for a day. The owner reads each delivery's tries and replays
//! one. Another owner's subscription or delivery is a 404.

use super::extract::{Body, IdempotencyKey, Query, RequestId};
use super::idempotency::{change, create_shown_once, Changed, Created};
use super::page::{next_cursor, PageQuery};
use super::AppState;
use crate::auth::{authorize_role, Action, Caller, Role};
use crate::cases;
use crate::cases::egress;
use crate::cases::events::{Owner, SubscriptionView};
use crate::domain::violation::{Message, Violation};
use crate::domain::ProblemCode;
use crate::error::{ApiError, Problem};
use crate::wire::docs::{IdempotencyConflict, IdempotencyKeyHeader};
use crate::wire::webhooks::{
    types, CreatedWebhookView, DeliveryPath, DeliveryView, NewWebhookRequest, WebhookPath,
    WebhookView,
};
use actix_web::http::StatusCode;
use actix_web::{delete, get, post, web, HttpResponse};
use chrono::Utc;
use std::net::{IpAddr, Ipv4Addr};
use url::Host;

impl crate::api::extract::ActionBody for NewWebhookRequest {
    const ACTION: Action = Action::ManageWebhooks;
}

super::page::cursor_page!(
    /// A page of subscriptions.
    WebhookPage,
    WebhookView,
    "The subscriptions, oldest first."
);

super::page::cursor_page!(
    /// A page of deliveries.
    DeliveryPage,
    DeliveryView,
    "The deliveries, newest first."
);

/// Whose subscriptions the caller manages: an employer its BIN's, an akimat its region's.
fn owner(caller: &Caller) -> Result<Owner, ApiError> {
    authorize_role(caller, Action::ManageWebhooks)?;
    match (caller.role, &caller.bin, &caller.region) {
        (Role::Employer, Some(bin), _) => Ok(Owner::Employer(bin.as_str().to_owned())),
        (Role::Akimat, _, Some(region)) => Ok(Owner::Akimat(region.as_str().to_owned())),
        (Role::Employer, None, _) => Err(ApiError::Forbidden(Message::new("forbidden-no-bin"))),
        _ => Err(ApiError::Forbidden(
            Message::new("forbidden-role").text("role", caller.role.as_str()),
        )),
    }
}

/// 422 unless `url` is an absolute https URL (http too when `allow_http`) with a host, no
/// credentials, and no address the service may not call ([`egress::may_call`]): an IP
/// written in it, or `localhost`, is judged here; a name is judged on each delivery,
/// by the addresses it resolves to then. Service rules: no article.
fn check_url(url: &str, allow_http: bool, allow_loopback: bool) -> Result<(), ApiError> {
    let refuse = |code: ProblemCode| ApiError::rule(Violation::service_rule(code));
    let parsed =
        reqwest::Url::parse(url).map_err(|_| refuse(ProblemCode::WebhookUrlNotAbsolute))?;
    let scheme_ok = parsed.scheme() == "https" || (allow_http && parsed.scheme() == "http");
    if !scheme_ok {
        return Err(refuse(ProblemCode::WebhookUrlNotHttps));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(refuse(ProblemCode::WebhookUrlCredentials));
    }
    let ip = match parsed.host() {
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip),
        Some(Host::Domain(name)) if !name.is_empty() => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            if name != "localhost" && !name.ends_with(".localhost") {
                return Ok(());
            }
            IpAddr::V4(Ipv4Addr::LOCALHOST)
        }
        _ => return Err(refuse(ProblemCode::WebhookUrlNotAbsolute)),
    };
    if egress::may_call(ip, allow_loopback) {
        Ok(())
    } else {
        Err(ApiError::rule(
            Violation::service_rule(ProblemCode::WebhookUrlNotPublic)
                .text("host", parsed.host_str().unwrap_or_default()),
        ))
    }
}

/// Register a webhook subscription
///
/// Registers an endpoint for the caller's events.
///
/// An employer's receives its BIN's events, an akimat's its region's, from now on. The
/// answer holds the signing secret, shown only here: a repeat with the same
/// `Idempotency-Key` answers the same subscription with `secret` null and
/// `secret_withheld` true. Each delivery is a POST of one event
/// (the feed's JSON) with `webhook-id`, `webhook-timestamp` and `webhook-signature`
/// (Standard Webhooks); answer 2xx to acknowledge, anything else is retried with
/// exponential backoff for a day.
#[utoipa::path(tag = "events", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = NewWebhookRequest,
    responses(
        (status = 201, description = "Registered; the secret is shown this once.", body = CreatedWebhookView, headers(("Location" = String, description = "The subscription."))),
        IdempotencyConflict,
        crate::wire::refusals::WebhookRefused,
    ))]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<NewWebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let owner = owner(&caller)?;
    let req = body.value;
    check_url(
        &req.url,
        state.webhooks_allow_http,
        state.webhooks_allow_loopback,
    )?;
    let cmd = cases::events::NewSubscription {
        url: req.url,
        types: req
            .types
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.0)
            .collect(),
    };
    let actor = state.actor(&caller, &rid);
    create_shown_once(&state, &caller, key, body.fingerprint, move |conn| {
        let v = cases::events::subscribe(conn, &owner, &cmd, &actor)?;
        Ok(shown_once(v))
    })
    .await
}

/// The registration's answer, with its secret, and the answer a replay of it gets: the
/// same subscription with the secret withheld (it is shown once).
fn shown_once(v: SubscriptionView) -> (Created<CreatedWebhookView>, CreatedWebhookView) {
    let body = CreatedWebhookView {
        types: types(&v),
        id: v.row.id,
        url: v.row.url,
        bin: v.row.bin,
        region: v.row.region,
        created_at: v.row.created_at.and_utc(),
        secret: Some(v.row.secret),
        secret_withheld: false,
    };
    let replay = CreatedWebhookView {
        secret: None,
        secret_withheld: true,
        ..body.clone()
    };
    let created = Created {
        location: format!("/v1/webhooks/{}", body.id),
        version: None,
        body,
    };
    (created, replay)
}

/// List webhook subscriptions
///
/// The caller's webhook subscriptions: an employer's for its BIN's events, an akimat's for
/// its region's. The signing secret is shown only in the answer that created a
/// subscription.
#[utoipa::path(tag = "events", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, description = "A page of subscriptions (secrets are never shown again).", body = WebhookPage)))]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    caller: Caller,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let owner = owner(&caller)?;
    let page = page.0.parse()?;
    let rows = state
        .read(move |c| {
            Ok(cases::events::subscriptions(
                c,
                &owner,
                page.after_id,
                page.fetch(),
            )?)
        })
        .await?;
    let mut rows = rows;
    let next = next_cursor(page, &mut rows, |s| s.row.id);
    Ok(HttpResponse::Ok().json(WebhookPage {
        items: rows.into_iter().map(WebhookView::from).collect(),
        next_cursor: next,
    }))
}

/// Read a webhook subscription
///
/// One of the caller's webhook subscriptions (an employer's or an akimat's own; another's
/// answers 404). The signing secret is not shown again.
#[utoipa::path(tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Subscription id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The subscription.", body = WebhookView),
        (status = 404, description = "No such subscription, or not the caller's.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<WebhookPath>,
) -> Result<HttpResponse, ApiError> {
    let owner = owner(&caller)?;
    let id = path.id;
    let v = state
        .read(move |c| Ok(cases::events::subscription(c, &owner, id)?))
        .await?;
    Ok(HttpResponse::Ok().json(WebhookView::from(v)))
}

/// Delete a webhook subscription
///
/// Deletes one of the caller's subscriptions: nothing more is sent to it. Idempotent as a
/// DELETE is: a repeat changes nothing and answers 404.
#[utoipa::path(tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Subscription id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 204, description = "Deleted; its pending deliveries are not tried again."),
        (status = 404, description = "No such subscription, or not the caller's.", body = Problem, content_type = "application/problem+json"),
    ))]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    path: web::Path<WebhookPath>,
) -> Result<HttpResponse, ApiError> {
    let owner = owner(&caller)?;
    let id = path.id;
    let actor = state.actor(&caller, &rid);
    state
        .write(move |c| Ok(cases::events::unsubscribe(c, &owner, id, &actor)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// List a subscription's deliveries
///
/// The delivery log of one of the caller's subscriptions.
///
/// Every event sent to it, newest first, with each try: when, the endpoint's status, why
/// it failed.
#[utoipa::path(tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Subscription id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64), PageQuery),
    responses(
        (status = 200, description = "A page of deliveries.", body = DeliveryPage),
        (status = 404, description = "No such subscription, or not the caller's.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<WebhookPath>,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let owner = owner(&caller)?;
    let page = page.0.parse()?;
    let id = path.id;
    let rows = state
        .read(move |c| {
            Ok(cases::events::deliveries(
                c,
                &owner,
                id,
                page.after_id,
                page.fetch(),
            )?)
        })
        .await?;
    let mut rows = rows;
    let next = next_cursor(page, &mut rows, |l| l.delivery.id);
    Ok(HttpResponse::Ok().json(DeliveryPage {
        items: rows
            .into_iter()
            .map(DeliveryView::try_from)
            .collect::<Result<Vec<_>, _>>()?,
        next_cursor: next,
    }))
}

/// Replay a webhook delivery
///
/// Sends a delivery again.
///
/// Queues it from the start of the retry schedule, due now, whatever it came to before;
/// the event keeps its id, so a receiver that processed it already can tell. A retry with
/// the same `Idempotency-Key` replays the first answer and queues nothing more.
#[utoipa::path(tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Subscription id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        ("delivery_id" = i64, Path, description = "Delivery id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    responses(
        (status = 202, description = "Queued again.", body = DeliveryView),
        (status = 404, description = "No such subscription or delivery, or not the caller's.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
    ))]
#[post("/webhooks/{id}/deliveries/{delivery_id}/replay")]
pub async fn replay_webhook_delivery(
    state: web::Data<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    path: web::Path<DeliveryPath>,
) -> Result<HttpResponse, ApiError> {
    let owner = owner(&caller)?;
    let (id, delivery_id) = (path.id, path.delivery_id);
    let now = Utc::now().naive_utc();
    // The path is the whole request: the same key for another delivery is refused.
    let fingerprint = format!("replay:{id}:{delivery_id}");
    change(&state, &caller, key, fingerprint, move |c| {
        let log = cases::events::replay(c, &owner, id, delivery_id, now)?;
        Ok(Changed {
            status: StatusCode::ACCEPTED,
            body: DeliveryView::try_from(log)?,
            version: None,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_https_urls_with_a_host_and_no_credentials_are_taken() {
        assert!(check_url("https://hr.example.kz/hooks", false, false).is_ok());
        assert!(check_url("http://hr.example.kz/hooks", false, false).is_err());
        assert!(check_url("https://user:pw@hr.example.kz/", false, false).is_err());
        assert!(check_url("/hooks", false, false).is_err());
        assert!(check_url("ftp://hr.example.kz/", true, false).is_err());
    }

    #[test]
    fn no_url_may_name_the_services_own_host_or_network_but_loopback_when_configured() {
        for url in [
            "https://127.0.0.1/hooks",
            "https://localhost/hooks",
            "https://api.localhost./hooks",
            "https://10.1.2.3/hooks",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/hooks",
            "https://[fd00:ec2::254]/hooks",
            "https://[::ffff:192.168.0.1]/hooks",
            "https://2130706433/hooks",
        ] {
            assert!(check_url(url, true, false).is_err(), "{url}");
        }
        assert!(check_url("http://127.0.0.1:9/hooks", true, true).is_ok());
        assert!(check_url("https://localhost/hooks", false, true).is_ok());
        assert!(check_url("https://10.1.2.3/hooks", true, true).is_err());
        assert!(check_url("https://195.210.46.1/hooks", false, false).is_ok());
    }
}
