//! The wire types of `src/api/quotas/regional.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::quota::view;
use crate::domain::Category;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A region's figures for one category.
pub struct RegionalCategoryView {
    /// Worker category of these figures.
    pub category: Category,
    /// Allocated to the region by the ministry.
    pub allocated: i64,
    /// Held by decisions awaiting payment.
    pub held: i64,
    /// Used by issued permits.
    pub used: i64,
    /// allocated − held − used.
    pub available: i64,
}

/// A region's quota for a year, every category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionalQuotaView {
    /// The quota year.
    pub year: i32,
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The region's figures for every worker category.
    pub categories: Vec<RegionalCategoryView>,
    /// Set while the year's figures fail their ledger check (the figures above may then be
    /// wrong, and every write to the year's quota is refused, 409
    /// `quota-ledger-mismatch`); the answer then also carries `Ledger-Check: failing`.
    /// `null` while they are sound.
    pub ledger_fault: Option<super::fault::LedgerFaultView>,
}

impl From<view::RegionalQuota> for RegionalQuotaView {
    fn from(r: view::RegionalQuota) -> Self {
        let categories = r.categories.into_iter().map(|c| RegionalCategoryView {
            category: c.category,
            allocated: c.allocated,
            held: c.held,
            used: c.used,
            available: c.available,
        });
        RegionalQuotaView {
            year: r.year,
            region: r.region,
            categories: categories.collect(),
            ledger_fault: r.ledger_fault.map(super::fault::LedgerFaultView::from),
        }
    }
}

/// A category's new allocation for the region.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryAllocation {
    /// Worker category whose allocation is set.
    pub category: Category,
    /// The region's new allocation of the category, not below what it holds and uses (Art. 7(23)).
    #[validate(range(min = 0, max = 10_000_000))]
    #[schema(example = 50, minimum = 0, maximum = 10_000_000)]
    pub allocated: i64,
}

/// Sets the region's allocation of the listed categories; others stay as they are.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionalAllocationRequest {
    /// The categories to set, each at most once.
    #[validate(length(min = 1, max = 5), nested)]
    #[schema(min_items = 1, max_items = 5)]
    pub categories: Vec<CategoryAllocation>,
    /// Why, e.g. the order's number.
    #[validate(
        length(min = 1, max = 1000),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "Distribution per Order No. 412",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}
