//! The wire types of `src/api/audit.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::audit::{self, Event};
use crate::domain::article::SERVICE_RULE;
use crate::domain::violation::Message;
use crate::domain::Reason;
use crate::error::{ApiError, FieldError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// One recorded state change.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    /// Identifier of the event; ids ascend in the order events were recorded.
    pub id: i64,
    /// When the change was made (UTC).
    pub occurred_at: DateTime<Utc>,
    /// The token subject that acted.
    pub actor: String,
    /// The actor's role.
    #[schema(example = "ministry")]
    pub role: String,
    /// The region the change concerns.
    pub region: Option<String>,
    /// The employer the change concerns.
    pub bin: Option<String>,
    /// What was done, e.g. `quota.set`, `quota.transferred`, `quota_demand.reviewed`.
    #[schema(example = "quota.set")]
    pub action: String,
    /// Kind of entity changed, e.g. `national_quota`, `quota_demand`, `rule_set`.
    #[schema(example = "national_quota")]
    pub entity_type: String,
    /// Identifier of the entity changed, e.g. the quota year, a demand id or a rule-set version.
    #[schema(example = "2026")]
    pub entity_id: String,
    /// The entity before the change.
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The entity after the change.
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    /// The article or act the change rests on; `null` for an act of the service's own that
    /// no provision of the law governs (e.g. an employer withdrawing its application).
    #[schema(example = "Art. 7(23), 32(4)")]
    pub legal_basis: Option<String>,
    /// `X-Request-Id` of the request that made the change.
    pub request_id: String,
    /// The event's place in the tamper-evident audit chain (1, 2, …).
    #[schema(example = 42)]
    pub seq: Option<i64>,
    /// Hex SHA-256 of the previous event's hash and this event's content (see
    /// `GET /v1/audit/chain/verification`).
    #[schema(example = "9f2c5e0d4b7a1c3e8f6d2b0a4c6e8f1a3b5d7f9e1c3a5b7d9f1e3c5a7b9d1f3e")]
    pub hash: Option<String>,
}

impl TryFrom<Event> for AuditEventView {
    type Error = ApiError;
    /// A stored snapshot that no longer parses is logged and refused, never shown as null.
    fn try_from(e: Event) -> Result<Self, ApiError> {
        let id = e.id;
        let json = |s: Option<String>| -> Result<Option<serde_json::Value>, ApiError> {
            s.map(|s| serde_json::from_str(&s))
                .transpose()
                .map_err(|err| {
                    log::error!("audit event {id} holds a snapshot that does not parse: {err}");
                    ApiError::Internal
                })
        };
        Ok(AuditEventView {
            id: e.id,
            occurred_at: e.occurred_at.and_utc(),
            actor: e.actor,
            role: e.role,
            region: e.region,
            bin: e.bin,
            action: e.action,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
            before: json(e.before_json)?,
            after: json(e.after_json)?,
            legal_basis: Some(e.legal_basis).filter(|b| b != SERVICE_RULE),
            request_id: e.request_id,
            seq: e.seq,
            hash: e.hash,
        })
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only events concerning this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only this kind of entity, e.g. `national_quota`.
    #[param(max_length = 256)]
    pub entity_type: Option<String>,
    /// Only this entity.
    #[param(max_length = 256)]
    pub entity_id: Option<String>,
    /// Only this action, e.g. `quota.set`.
    #[param(max_length = 256)]
    pub action: Option<String>,
    /// Only events by this token subject.
    #[param(max_length = 256)]
    pub actor: Option<String>,
}

impl AuditQuery {
    /// The filters' declared bound: no stored value is longer (a token subject is at most
    /// 256 bytes), so a longer filter is a malformed request, not an empty page.
    pub(crate) fn check_lengths(&self) -> Result<(), ApiError> {
        for (field, value) in [
            ("entity_type", &self.entity_type),
            ("entity_id", &self.entity_id),
            ("action", &self.action),
            ("actor", &self.actor),
        ] {
            if value
                .as_ref()
                .is_some_and(|v| v.chars().count() > MAX_FILTER)
            {
                return Err(ApiError::malformed(
                    Message::new("malformed-query").text(
                        "reason",
                        format!("{field} is longer than {MAX_FILTER} characters"),
                    ),
                    vec![FieldError::new(
                        field,
                        Reason::CharsAtMost {
                            max: MAX_FILTER as i64,
                        },
                    )],
                ));
            }
        }
        Ok(())
    }
}

/// Longest text filter of the audit listing.
pub(crate) const MAX_FILTER: usize = 256;

/// The last link of the audit chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainHeadView {
    /// How many events the chain holds: the last event's place.
    #[schema(example = 1234)]
    pub seq: i64,
    /// The last event's hash; 64 zeros for an empty chain. Keep it outside the service
    /// (with `seq`): a later verification that no longer reaches this head means the trail
    /// was rewritten.
    #[schema(example = "9f2c5e0d4b7a1c3e8f6d2b0a4c6e8f1a3b5d7f9e1c3a5b7d9f1e3c5a7b9d1f3e")]
    pub hash: String,
    /// The last event's id; null for an empty chain.
    #[schema(example = 1240)]
    pub event_id: Option<i64>,
}

/// The first event at which the chain does not match.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainBreakView {
    /// The event: the one changed, the one after a deletion, the one inserted outside the
    /// chain, or (for `head-mismatch`) the last chained event; null when none is left.
    #[schema(example = 17)]
    pub event_id: Option<i64>,
    /// The place the event holds in the chain; null for an event outside it.
    #[schema(example = 18)]
    pub seq: Option<i64>,
    /// The place the next event should hold.
    #[schema(example = 17)]
    pub expected_seq: i64,
    /// `hash-mismatch` (the event, or the content it links, was changed), `sequence-gap`
    /// (events before it were deleted), `not-chained` (inserted behind the service's
    /// back), `head-mismatch` (events at the end were deleted, or the head was changed).
    #[schema(example = "sequence-gap")]
    pub problem: &'static str,
}

/// What a walk of the whole audit chain found.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainVerification {
    /// Whether every event matches its link and the chain ends at the head.
    pub intact: bool,
    /// Events verified, in chain order, up to the end or the first break.
    #[schema(example = 1234)]
    pub events_checked: i64,
    /// The head the service keeps.
    pub head: Option<ChainHeadView>,
    /// The first event that does not match; null when intact.
    pub first_break: Option<ChainBreakView>,
}

impl From<audit::Verification> for ChainVerification {
    fn from(v: audit::Verification) -> Self {
        ChainVerification {
            intact: v.first_break.is_none(),
            events_checked: v.checked,
            head: v.head.map(|h| ChainHeadView {
                seq: h.seq,
                hash: h.hash,
                event_id: h.event_id,
            }),
            first_break: v.first_break.map(|b| ChainBreakView {
                event_id: b.event_id,
                seq: b.seq,
                expected_seq: b.expected_seq,
                problem: b.problem.code(),
            }),
        }
    }
}
