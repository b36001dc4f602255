//! Employers' demand for a year's quota by region and category (Art. 32(5)), beside the
//! labour-force arithmetic that makes the quota (Art. 32(4)): what the ministry reads when
//! it sets the quota.

use crate::cases::CaseError;
use crate::db::{demands, quota, Conn};
use crate::domain::demand::DemandState;
use crate::domain::Category;
use serde::Serialize;
use std::collections::BTreeMap;

/// Demand for one region and category.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryLine {
    /// ISO 3166-2:KZ.
    pub region: String,
    pub category: Category,
    /// Demands filed.
    pub demands: i64,
    /// Workers requested.
    pub requested: i64,
    /// Workers the akimat supports (accepted and reduced demands).
    pub supported: i64,
    /// Workers in demands not reviewed yet.
    pub awaiting_review: i64,
}

/// Demand for one category nationwide, beside the quota set for it.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryTotal {
    pub category: Category,
    pub requested: i64,
    pub supported: i64,
    /// The national figure, when the year's quota is set.
    pub quota: Option<i64>,
}

/// The labour-force arithmetic of the year's quota (Art. 32(4)).
#[derive(Debug, Clone, Serialize)]
pub struct LabourForce {
    pub labour_force: i64,
    /// Decimal percentage (Art. 32(4)(1)).
    pub permit_percent: String,
    /// `permit_percent` of `labour_force`, rounded down.
    pub permit_total: i64,
}

/// A year's demand by region × category.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub year: i32,
    /// Only pairs with at least one demand.
    pub rows: Vec<SummaryLine>,
    /// Every category once.
    pub by_category: Vec<CategoryTotal>,
    /// `None` until the year's quota is set.
    pub quota: Option<LabourForce>,
}

/// Art. 32(5): the year's demand by region and category, each category's total beside its
/// national figure, and the quota's labour-force arithmetic once it is set.
pub fn summary(conn: &mut Conn, year: i32) -> Result<Summary, CaseError> {
    let rows = demands::of_year(conn, year)?;
    let national = quota::national(conn, year)?;
    let mut cells: BTreeMap<(String, Category), SummaryLine> = BTreeMap::new();
    for d in &rows {
        let cell = cells
            .entry((d.region.to_string(), d.category))
            .or_insert_with(|| SummaryLine {
                region: d.region.to_string(),
                category: d.category,
                demands: 0,
                requested: 0,
                supported: 0,
                awaiting_review: 0,
            });
        cell.demands += 1;
        cell.requested += d.number;
        // A demand not accepted (filed or rejected) supports no worker.
        cell.supported += d.accepted_number.unwrap_or(0);
        if d.status == DemandState::Filed {
            cell.awaiting_review += d.number;
        }
    }
    let totals: BTreeMap<Category, i64> = national
        .iter()
        .flat_map(|n| n.categories.iter().map(|c| (c.category, c.total)))
        .collect();
    let by_category = Category::ALL
        .into_iter()
        .map(|category| {
            let of = cells.values().filter(|c| c.category == category);
            let (requested, supported) =
                of.fold((0, 0), |(r, s), c| (r + c.requested, s + c.supported));
            CategoryTotal {
                category,
                requested,
                supported,
                quota: totals.get(&category).copied(),
            }
        })
        .collect();
    Ok(Summary {
        year,
        rows: cells.into_values().collect(),
        by_category,
        quota: national.map(|n| LabourForce {
            labour_force: n.head.labour_force,
            permit_percent: n.head.permit_percent,
            permit_total: n.head.permit_total,
        }),
    })
}
