//! The wire types of `src/api/quotas/ledger.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::quota::view;
use crate::domain::article::cite_all;
use crate::domain::Category;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LedgerLineView {
    /// Identifier of the line; ids ascend in the order lines were written.
    pub id: i64,
    /// The quota year.
    pub year: i32,
    /// ISO 3166-2:KZ code of the region whose figures moved.
    pub region: String,
    /// Worker category whose figures moved.
    pub category: Category,
    /// allocation, transfer_in, transfer_out, hold, confirm, refused, withdrawn,
    /// lapsed_unpaid, revoked, returned or parent_ended.
    #[schema(example = "hold")]
    pub movement: String,
    /// The provisions the movement rests on: an allocation or a transfer, the ministry's
    /// distribution among the regions by the Government's rules (`Art. 7(23), 6(2)`);
    /// units held, used or given back, those of the case's move — a hold or a refusal
    /// `Art. 33(2), 9(5)`, a revocation `Art. 9(5), 33(2)`, a confirmation (the fee paid)
    /// or a lapse (unpaid) `Art. 33(4)`, an extension ending with its permit `Art. 33(2)`;
    /// null for a withdrawal or a return, the employer's acts under the service's own rule.
    #[schema(example = "Art. 33(2), 9(5)")]
    pub legal_basis: Option<String>,
    /// Change of the allocated figure.
    pub allocated_delta: i64,
    /// Change of the held figure: units held by decided cases awaiting payment.
    pub held_delta: i64,
    /// Change of the used figure (issued permits).
    pub used_delta: i64,
    /// The hold (case) the line belongs to.
    pub hold_id: Option<i64>,
    /// The transfer the line belongs to (`transfer_in`, `transfer_out`); null otherwise.
    pub transfer_id: Option<i64>,
    /// The reason or the case reference.
    pub note: String,
    /// When the movement happened (UTC).
    pub occurred_at: DateTime<Utc>,
    /// Token subject that caused the movement.
    pub actor: String,
    /// `X-Request-Id` of the request that caused the movement.
    pub request_id: String,
}

impl From<view::LedgerLine> for LedgerLineView {
    fn from(l: view::LedgerLine) -> LedgerLineView {
        LedgerLineView {
            id: l.id,
            year: l.year,
            region: l.region,
            category: l.category,
            movement: l.movement.as_str().to_owned(),
            legal_basis: Some(cite_all(l.movement.legal_basis())).filter(|c| !c.is_empty()),
            allocated_delta: l.allocated_delta,
            held_delta: l.held_delta,
            used_delta: l.used_delta,
            hold_id: l.hold_id,
            transfer_id: l.transfer_id,
            note: l.note,
            occurred_at: l.occurred_at.and_utc(),
            actor: l.actor,
            request_id: l.request_id,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerQuery {
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only this category.
    pub category: Option<Category>,
}

/// The figures of a regional row: allocated, held and used.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FiguresView {
    /// Units allocated to the region.
    pub allocated: i64,
    /// Units held by decided cases awaiting payment.
    pub held: i64,
    /// Units used by issued permits.
    pub used: i64,
}

impl From<(i64, i64, i64)> for FiguresView {
    fn from((allocated, held, used): (i64, i64, i64)) -> Self {
        FiguresView {
            allocated,
            held,
            used,
        }
    }
}

/// A regional row whose stored figures its ledger lines do not explain.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LedgerMismatchView {
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// Worker category code of the row.
    #[schema(example = "3")]
    pub category: String,
    /// The figures as stored.
    pub stored: FiguresView,
    /// The sums of the row's ledger lines.
    pub ledger: FiguresView,
}

/// The outcome of a ledger check.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LedgerCheckView {
    /// The quota year checked.
    pub year: i32,
    /// Whether every regional row is the sum of its ledger lines; when false, every write
    /// to the year's quota is refused (409 `quota-ledger-mismatch`) until a check passes.
    pub sound: bool,
    /// The rows the ledger does not explain; empty when sound.
    pub mismatches: Vec<LedgerMismatchView>,
}
