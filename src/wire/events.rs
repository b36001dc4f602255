//! The wire types of `src/api/events.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::events::Wire;
use crate::domain::event::EventType;
use crate::error::ApiError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{IntoParams, ToSchema};

/// An event type by its wire form (`permit.approved`, …): the closed set of
/// [`EventType::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventTypeName(pub EventType);

impl utoipa::PartialSchema for EventTypeName {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "What happened. Decisions: `permit.approved` (the last named region approved; \
                 the fee is due by `data.fee_due`, Art. 33(2), (4)), `permit.refused`, \
                 `permit.issued` (every fee paid), `permit.lapsed`, `permit.suspended`, \
                 `permit.resumed`, `permit.revoked`, the `ict-permit.*` and `certificate.*` \
                 ones, and complaint decisions. From time passing (recorded by a daily sweep, \
                 once per case and day): `permit.expiring` and `ict-permit.expiring` (the \
                 rule set's extension window opened), `permit.fee-due` (the last day to pay), \
                 `ict-permit.arrival-notice-due` (the last day to notify the arrival of \
                 workers not yet notified, counted from the earliest day they could enter, \
                 Art. 35(3)), `permit.departure-overdue` and `ict-permit.departure-overdue` \
                 (Art. 28(2)(8)).",
            ))
            .enum_values(Some(EventType::ALL.iter().map(|t| t.as_str())))
            .examples([serde_json::json!("permit.approved")])
            .into()
    }
}

impl ToSchema for EventTypeName {}

impl Serialize for EventTypeName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

impl<'de> Deserialize<'de> for EventTypeName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EventType::parse(&s)
            .map(EventTypeName)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown event type `{s}`")))
    }
}

/// The kind of case an event concerns.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventCaseKind {
    /// A permit (`/v1/permits/{case_id}`).
    Permit,
    /// An ICT permit (`/v1/ict-permits/{case_id}`).
    IctPermit,
    /// A self-employment certificate (`/v1/self-employment-certificates/{case_id}`).
    SelfEmploymentCertificate,
    /// A complaint (`/v1/complaints/{case_id}`).
    Complaint,
}

/// One event of the caller's stream; a webhook delivers the same JSON as its body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventView {
    /// Stable id: the same in the feed and in every delivery (the `webhook-id` header);
    /// de-duplicate by it.
    /// Opaque: it tells nothing of other events (nor how many there were).
    #[schema(
        example = "evt_3f0c9a41d2b87e5a6c1d0e9f8a7b6c5d",
        pattern = "^evt_[0-9a-f]{32}$",
        min_length = 36,
        max_length = 36
    )]
    pub id: String,
    /// What happened.
    pub event_type: EventTypeName,
    /// When the change was made (UTC), or the sweep recorded the event.
    pub occurred_at: DateTime<Utc>,
    /// The kind of case.
    pub case_kind: EventCaseKind,
    /// The case's id under its kind's path.
    #[schema(example = 17, minimum = 1)]
    pub case_id: i64,
    /// The region the event is filed under (ISO 3166-2:KZ): the deciding region for a
    /// decision, the first named region for a swept event.
    #[schema(example = "KZ-75", max_length = 5)]
    pub region: Option<String>,
    /// The employer's BIN (or an individual entrepreneur's IIN).
    #[schema(example = "210340000013", max_length = 12)]
    pub bin: Option<String>,
    /// The legal basis of the act; null for an act no article governs.
    #[schema(example = "Art. 33(2), 9(5)", max_length = 500)]
    pub article: Option<String>,
    /// A small object of facts by type: a permit's `status`, `start_date`, `end_date`,
    /// `fee_due`; a swept event's `end_date` and `extension_window_opened`, `fee_due`,
    /// `due_on`, `counted_from` and `worker_ids` (an arrival notice due), or `owed_since`
    /// and `worker_ids`; another case's `status`.
    #[schema(value_type = Object, example = json!({"status": "awaiting_payment", "start_date": "2026-01-15", "end_date": "2027-01-14", "fee_due": "2026-12-15"}))]
    pub data: serde_json::Value,
}

impl EventView {
    /// The view of an event as the cases layer built it (the webhook worker sends the same).
    pub fn from_wire(w: Wire) -> Result<EventView, ApiError> {
        let kind = match w.case_kind {
            "permit" => EventCaseKind::Permit,
            "ict_permit" => EventCaseKind::IctPermit,
            "self_employment_certificate" => EventCaseKind::SelfEmploymentCertificate,
            "complaint" => EventCaseKind::Complaint,
            _ => return Err(ApiError::Internal),
        };
        Ok(EventView {
            id: w.id,
            event_type: EventTypeName(EventType::parse(w.event_type).ok_or(ApiError::Internal)?),
            occurred_at: w.occurred_at,
            case_kind: kind,
            case_id: w.case_id,
            region: w.region,
            bin: w.bin,
            article: w.article,
            data: w.data,
        })
    }
}

/// A page of the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
    /// The events on this page, oldest first (commit order).
    pub items: Vec<EventView>,
    /// Pass as `cursor` to read on; always present, as the feed never ends: a page with
    /// no items means nothing newer yet (ask again later with the same cursor). Opaque
    /// and of the caller's stream: it tells nothing of other streams' events.
    #[schema(
        example = "e5c1d0e9f8a7b6c5d",
        pattern = "^e[0-9a-f]{16}$",
        min_length = 17,
        max_length = 17
    )]
    pub next_cursor: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventQuery {
    /// Only events of this type.
    pub event_type: Option<EventTypeName>,
    /// Events per page.
    #[param(minimum = 1, maximum = 500, default = 100)]
    pub limit: Option<i64>,
    /// Opaque: the `next_cursor` of the previous page; absent: from the first event. Any
    /// value of the pattern is read as some place of the caller's stream.
    #[param(
        pattern = "^e[0-9a-f]{16}$",
        min_length = 17,
        max_length = 17,
        example = "e5c1d0e9f8a7b6c5d"
    )]
    pub cursor: Option<String>,
}
