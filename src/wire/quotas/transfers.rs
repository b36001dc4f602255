//! The wire types of `src/api/quotas/transfers.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::quota::view;
use crate::domain::Category;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Moves unused units between two regions, or a region and the national reserve.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// Worker category whose units move.
    pub category: Category,
    /// Region giving the units; absent or null for the national reserve.
    #[serde(default)]
    #[schema(example = "KZ-71", pattern = "^KZ-[0-9]{2}$")]
    pub from_region: Option<String>,
    /// Region receiving the units; absent or null for the national reserve.
    #[serde(default)]
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    pub to_region: Option<String>,
    /// Unused units (workers) to move.
    #[validate(range(min = 1, max = 10_000_000))]
    #[schema(example = 10, minimum = 1, maximum = 10_000_000)]
    pub units: i64,
    /// Why the units move, e.g. the akimat's request or the order's number.
    #[validate(
        length(min = 1, max = 1000),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "Unused in Astana, requested by Almaty akimat",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

/// A redistribution of quota during the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TransferView {
    /// Identifier of the transfer.
    pub id: i64,
    /// The quota year.
    pub year: i32,
    /// Worker category whose units moved.
    pub category: Category,
    /// Null: the national reserve.
    pub from_region: Option<String>,
    /// Null: the national reserve.
    pub to_region: Option<String>,
    /// Units (workers) moved.
    pub units: i64,
    /// Why the units moved.
    pub reason: String,
    /// When the transfer was made (UTC).
    pub created_at: DateTime<Utc>,
    /// Token subject of the ministry user who made the transfer.
    pub created_by: String,
}

impl From<view::Transfer> for TransferView {
    fn from(t: view::Transfer) -> Self {
        TransferView {
            id: t.id,
            year: t.year,
            category: t.category,
            from_region: t.from_region,
            to_region: t.to_region,
            units: t.units,
            reason: t.reason,
            created_at: t.created_at,
            created_by: t.created_by,
        }
    }
}

/// One movement of units; a region's figures are the sums of its lines.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransferQuery {
    /// Only transfers from or to this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}
