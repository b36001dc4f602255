//! The wire types of `src/api/demands.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::demands::Demand;
use crate::cases::reports::demand as summary;
use crate::domain::demand::DemandState;
use crate::domain::Category;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// An employer's demand for next year's quota.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDemandRequest {
    /// The quota year the demand is for (filed in the year before).
    #[validate(range(min = 2000, max = 2100))]
    #[schema(example = 2027, minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// Region where the workers will work (ISO 3166-2:KZ).
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    pub region: String,
    /// Worker category the workers are needed in.
    pub category: Category,
    /// Profession needed; for `seasonal`, one on the ministry's seasonal list (Art. 7(21-1)).
    #[validate(
        length(min = 1, max = 200),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "Petroleum engineer",
        min_length = 1,
        max_length = 200
    )]
    pub profession: String,
    /// Workers needed.
    #[validate(range(min = 1, max = 100_000))]
    #[schema(example = 12, minimum = 1, maximum = 100_000)]
    pub number: i64,
    /// Why Kazakh staff cannot fill the positions.
    #[validate(
        length(min = 1, max = 4000),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "New refinery unit; no local candidates on the Electronic Labour Exchange",
        min_length = 1,
        max_length = 4000
    )]
    pub justification: String,
}

/// A quota demand and its review.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandView {
    /// Identifier of the demand.
    pub id: i64,
    /// The quota year the demand is for (filed in the year before, Art. 32(5)).
    pub year: i32,
    /// Region where the workers will work (ISO 3166-2:KZ).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The employer's BIN.
    #[schema(example = "210340000013")]
    pub bin: String,
    /// Worker category the workers are needed in.
    pub category: Category,
    /// Profession the workers are needed for.
    pub profession: String,
    /// Workers requested.
    pub number: i64,
    /// Why Kazakh staff cannot fill the positions, as the employer filed it.
    pub justification: String,
    /// filed, accepted, reduced or rejected.
    #[schema(example = "filed")]
    pub status: DemandStatus,
    /// The number the akimat supports, once reviewed.
    pub accepted_number: Option<i64>,
    /// The akimat's reason (required to reduce or reject); null until reviewed.
    pub review_reason: Option<String>,
    /// Token subject of the akimat user who reviewed the demand; null until reviewed.
    pub reviewed_by: Option<String>,
    /// When the akimat reviewed the demand (UTC); null until reviewed.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// When the demand was filed (UTC).
    pub filed_at: DateTime<Utc>,
    /// Token subject of the employer user who filed the demand.
    pub filed_by: String,
    /// Version; also the `ETag`.
    pub version: i64,
}

/// Where a demand stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DemandStatus {
    /// Filed by the employer, awaiting the akimat's review.
    Filed,
    /// The akimat supports the whole number.
    Accepted,
    /// The akimat supports a smaller number.
    Reduced,
    /// The akimat supports none of it.
    Rejected,
}

impl From<DemandState> for DemandStatus {
    fn from(s: DemandState) -> Self {
        match s {
            DemandState::Filed => DemandStatus::Filed,
            DemandState::Accepted => DemandStatus::Accepted,
            DemandState::Reduced => DemandStatus::Reduced,
            DemandState::Rejected => DemandStatus::Rejected,
        }
    }
}

impl From<DemandStatus> for DemandState {
    fn from(s: DemandStatus) -> Self {
        match s {
            DemandStatus::Filed => DemandState::Filed,
            DemandStatus::Accepted => DemandState::Accepted,
            DemandStatus::Reduced => DemandState::Reduced,
            DemandStatus::Rejected => DemandState::Rejected,
        }
    }
}

impl From<Demand> for DemandView {
    fn from(d: Demand) -> Self {
        DemandView {
            id: d.id,
            year: d.year,
            region: d.region.to_string(),
            bin: d.bin.to_string(),
            category: d.category,
            profession: d.profession,
            number: d.number,
            justification: d.justification,
            status: d.status.into(),
            accepted_number: d.accepted_number,
            review_reason: d.review_reason,
            reviewed_by: d.reviewed_by,
            reviewed_at: d.reviewed_at.map(|t| t.and_utc()),
            filed_at: d.filed_at.and_utc(),
            filed_by: d.filed_by,
            version: d.version,
        }
    }
}

/// The akimat's decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accept,
    Reduce,
    Reject,
}

/// Review of a demand by the region's akimat.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    /// `accept` the number requested, `reduce` it to `accepted_number`, or `reject` it.
    pub decision: Decision,
    /// For `reduce`: the number supported, below the number requested.
    #[validate(range(min = 0, max = 100_000))]
    #[schema(minimum = 0, maximum = 100_000)]
    pub accepted_number: Option<i64>,
    /// Required for `reduce` and `reject`; when given, not blank.
    #[validate(
        length(min = 1, max = 4000),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(min_length = 1, max_length = 4000, pattern = "\\S")]
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DemandQuery {
    /// Only demands for this quota year.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only demands in this state.
    pub status: Option<DemandStatus>,
}

/// Demand for one region and category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandSummaryRow {
    /// Region of the row (ISO 3166-2:KZ).
    pub region: String,
    /// Worker category of the row.
    pub category: Category,
    /// Number of demands filed.
    pub demands: i64,
    /// Workers requested.
    pub requested: i64,
    /// Workers the akimat supports (accepted and reduced demands).
    pub supported: i64,
    /// Workers in demands not reviewed yet.
    pub awaiting_review: i64,
}

/// Demand for one category nationwide, beside the quota set for it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandCategoryTotal {
    /// Worker category of the total.
    pub category: Category,
    /// Workers requested in the category, all regions.
    pub requested: i64,
    /// Workers the akimats support in the category (accepted and reduced demands), all regions.
    pub supported: i64,
    /// The national figure for the category, when the year's quota is set.
    pub quota: Option<i64>,
}

/// The labour-force arithmetic of the year's quota, when it is set (Art. 32(4)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LabourForceArithmetic {
    /// Forecast labour force the quota is a share of (employed plus unemployed, Art. 1(11)).
    pub labour_force: i64,
    /// Percentage of the labour force for permits to employers, decimal (Art. 32(4)(1)).
    #[schema(value_type = crate::wire::schemas::Percent, example = "0.25")]
    pub permit_percent: String,
    /// The permit quota: `permit_percent` of `labour_force`, rounded down (Art. 32(4)(1)).
    pub permit_total: i64,
}

/// A year's demand by region × category (Art. 32(5)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DemandSummaryView {
    /// The quota year summarized.
    pub year: i32,
    /// Demand per region and worker category; only pairs with at least one demand appear.
    pub rows: Vec<DemandSummaryRow>,
    /// Demand per worker category, all regions, beside the national figure; every category once.
    pub by_category: Vec<DemandCategoryTotal>,
    /// The labour-force arithmetic of the year's quota (Art. 32(4)); null until it is set.
    pub quota: Option<LabourForceArithmetic>,
}

impl From<summary::Summary> for DemandSummaryView {
    fn from(s: summary::Summary) -> Self {
        let rows = s.rows.into_iter().map(|r| DemandSummaryRow {
            region: r.region,
            category: r.category,
            demands: r.demands,
            requested: r.requested,
            supported: r.supported,
            awaiting_review: r.awaiting_review,
        });
        let by_category = s.by_category.into_iter().map(|c| DemandCategoryTotal {
            category: c.category,
            requested: c.requested,
            supported: c.supported,
            quota: c.quota,
        });
        DemandSummaryView {
            year: s.year,
            rows: rows.collect(),
            by_category: by_category.collect(),
            quota: s.quota.map(|q| LabourForceArithmetic {
                labour_force: q.labour_force,
                permit_percent: q.permit_percent,
                permit_total: q.permit_total,
            }),
        }
    }
}
