//! The wire types of `src/api/webhooks.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::events::{DeliveryLog, SubscriptionView};
use crate::error::ApiError;
use crate::wire::events::EventTypeName;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// An endpoint to register.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://hr.example.kz/hooks/permits", "types": ["permit.approved", "permit.fee-due"]}))]
pub struct NewWebhookRequest {
    /// Where to POST the events: an absolute `https://` URL of a public Internet host
    /// (no loopback, private, link-local or unique-local address, checked again at each
    /// delivery on what its name resolves to).
    #[validate(length(min = 9, max = 2000))]
    #[schema(
        example = "https://hr.example.kz/hooks/permits",
        pattern = "^https?://",
        min_length = 9,
        max_length = 2000
    )]
    pub url: String,
    /// Only these event types; absent or empty: every type.
    #[validate(length(max = 64))]
    #[schema(max_items = 64)]
    pub types: Option<Vec<EventTypeName>>,
}

/// A subscription.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    /// Identifier of the subscription.
    #[schema(example = 3, minimum = 1)]
    pub id: i64,
    /// Where the events are POSTed.
    #[schema(example = "https://hr.example.kz/hooks/permits", max_length = 2000)]
    pub url: String,
    /// The event types delivered; empty: every type.
    #[schema(max_items = 64)]
    pub types: Vec<EventTypeName>,
    /// The employer whose events it receives (an employer's subscription).
    #[schema(example = "210340000013", max_length = 12)]
    pub bin: Option<String>,
    /// The region whose events it receives (an akimat's subscription).
    #[schema(example = "KZ-75", max_length = 5)]
    pub region: Option<String>,
    /// When it was registered (UTC); it receives the events committed after.
    pub created_at: DateTime<Utc>,
}

/// A subscription just registered, with its secret: the only answer that shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreatedWebhookView {
    /// Identifier of the subscription.
    #[schema(example = 3, minimum = 1)]
    pub id: i64,
    /// Where the events are POSTed.
    #[schema(example = "https://hr.example.kz/hooks/permits", max_length = 2000)]
    pub url: String,
    /// The event types delivered; empty: every type.
    #[schema(max_items = 64)]
    pub types: Vec<EventTypeName>,
    /// The employer whose events it receives (an employer's subscription).
    #[schema(example = "210340000013", max_length = 12)]
    pub bin: Option<String>,
    /// The region whose events it receives (an akimat's subscription).
    #[schema(example = "KZ-75", max_length = 5)]
    pub region: Option<String>,
    /// When it was registered (UTC).
    pub created_at: DateTime<Utc>,
    /// The signing secret (Standard Webhooks: `whsec_` and base64 of 32 bytes): keep it;
    /// it is never shown again. Verify each delivery's `webhook-signature` with it. Null
    /// in the answer to a repeat of the request (same `Idempotency-Key`): the secret was
    /// shown once, in the first answer, and is not stored with the key.
    #[schema(
        example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=",
        pattern = "^whsec_[A-Za-z0-9+/=]+$",
        max_length = 100
    )]
    pub secret: Option<String>,
    /// True when `secret` is null because it was shown once already: this answers a repeat
    /// of the registration (`Idempotent-Replayed: true`). A client that lost the first
    /// answer deletes the subscription and registers again.
    #[schema(example = false)]
    pub secret_withheld: bool,
}

impl From<SubscriptionView> for WebhookView {
    fn from(v: SubscriptionView) -> Self {
        WebhookView {
            types: types(&v),
            id: v.row.id,
            url: v.row.url,
            bin: v.row.bin,
            region: v.row.region,
            created_at: v.row.created_at.and_utc(),
        }
    }
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Not delivered yet; tried again at `next_attempt_at`.
    Pending,
    /// The endpoint answered 2xx.
    Delivered,
    /// The retry schedule ran out (or the subscription was deleted); replay it to try again.
    Failed,
}

/// One try of a delivery.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttemptView {
    /// When the try was made (UTC).
    pub attempted_at: DateTime<Utc>,
    /// The endpoint's HTTP status; null when none came (refused, timed out).
    #[schema(example = 500, minimum = 100, maximum = 599)]
    pub status_code: Option<i32>,
    /// Why the try failed; null for a 2xx.
    #[schema(example = "HTTP 500", max_length = 300)]
    pub error: Option<String>,
    /// How long the try took, in milliseconds.
    #[schema(example = 42, minimum = 0)]
    pub duration_ms: i64,
}

/// One event sent to one subscription, with its tries.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeliveryView {
    /// Identifier of the delivery.
    #[schema(example = 12, minimum = 1)]
    pub id: i64,
    /// The event's id (as in the feed and the `webhook-id` header).
    #[schema(
        example = "evt_3f0c9a41d2b87e5a6c1d0e9f8a7b6c5d",
        pattern = "^evt_[0-9a-f]{32}$",
        min_length = 36,
        max_length = 36
    )]
    pub event_id: String,
    /// The event's type.
    pub event_type: EventTypeName,
    /// Where the delivery stands.
    pub status: DeliveryStatus,
    /// When it is tried next (UTC); null unless pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When it was queued (UTC).
    pub created_at: DateTime<Utc>,
    /// When the endpoint acknowledged it (UTC); null until then.
    pub delivered_at: Option<DateTime<Utc>>,
    /// Every try, oldest first.
    pub attempts: Vec<AttemptView>,
}

impl TryFrom<DeliveryLog> for DeliveryView {
    type Error = ApiError;
    fn try_from(l: DeliveryLog) -> Result<Self, ApiError> {
        let d = l.delivery;
        let status = match d.status.as_str() {
            "pending" => DeliveryStatus::Pending,
            "delivered" => DeliveryStatus::Delivered,
            _ => DeliveryStatus::Failed,
        };
        let event_type = crate::domain::event::EventType::parse(&d.event_type)
            .map(EventTypeName)
            .ok_or(ApiError::Internal)?;
        Ok(DeliveryView {
            id: d.id,
            event_id: l.event_id,
            event_type,
            next_attempt_at: matches!(status, DeliveryStatus::Pending)
                .then(|| d.next_attempt_at.and_utc()),
            status,
            created_at: d.created_at.and_utc(),
            delivered_at: d.delivered_at.map(|t| t.and_utc()),
            attempts: l
                .attempts
                .into_iter()
                .map(|a| AttemptView {
                    attempted_at: a.attempted_at.and_utc(),
                    status_code: a.status_code,
                    error: a.error,
                    duration_ms: a.duration_ms,
                })
                .collect(),
        })
    }
}

/// The path of a subscription.
#[derive(Debug, Deserialize)]
pub struct WebhookPath {
    pub id: i64,
}

/// The path of a delivery.
#[derive(Debug, Deserialize)]
pub struct DeliveryPath {
    pub id: i64,
    pub delivery_id: i64,
}

pub(crate) fn types(v: &SubscriptionView) -> Vec<EventTypeName> {
    v.types.iter().copied().map(EventTypeName).collect()
}
