//! The wire types of `src/api/statistical_reports.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases;
use crate::domain::calculation::{CategorySplit, Share};
use crate::domain::Category;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Foreign workers employed at the period's end in one category, country and sector.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployedLine {
    /// Worker category.
    pub category: Category,
    /// Citizenship, ISO 3166-1 alpha-3.
    #[schema(example = "TUR", pattern = "^[A-Z]{3}$")]
    #[validate(length(equal = 3))]
    pub country: String,
    /// OKED section of the work.
    #[schema(example = "F", pattern = "^[A-U]$")]
    #[validate(length(equal = 1))]
    pub sector: String,
    /// Foreign workers.
    #[schema(example = 5, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub workers: i64,
}

/// How a category-4 permit's replacement commitment was met in the period (Art. 33(2)).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplacementLine {
    /// The employer's category-4 permit.
    #[schema(example = 12, minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    #[validate(range(min = 1))]
    pub permit_id: i64,
    /// Kazakh citizens the employer committed to hire in the foreigners' place.
    #[schema(example = 2, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub committed: i64,
    /// Of them, hired by the period's end.
    #[schema(example = 2, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub hired: i64,
}

/// An employer's primary statistical data for a quarter (Art. 37(2)).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatisticalReportRequest {
    /// Calendar year of the period.
    #[schema(example = 2026, minimum = 2000, maximum = 2100)]
    #[validate(range(min = 2000, max = 2100))]
    pub year: i32,
    /// Quarter of the year, 1-4.
    #[schema(example = 1, minimum = 1, maximum = 4)]
    #[validate(range(min = 1, max = 4))]
    pub quarter: u32,
    /// Foreign workers employed at the period's end, by category, country and sector;
    /// each combination once.
    #[validate(length(max = 500), nested)]
    #[schema(max_items = 500)]
    pub employed: Vec<EmployedLine>,
    /// Foreign workers hired during the period.
    #[schema(example = 3, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub hired: i64,
    /// Foreign workers who left during the period.
    #[schema(example = 1, minimum = 0, maximum = 1_000_000)]
    #[validate(range(min = 0, max = 1_000_000))]
    pub left: i64,
    /// Kazakh citizens on staff at the period's end.
    #[schema(example = 120, minimum = 0, maximum = 10_000_000)]
    #[validate(range(min = 0, max = 10_000_000))]
    pub kazakh_staff: i64,
    /// Category-4 replacement commitments and how they were met (Art. 33(2)).
    #[validate(length(max = 500), nested)]
    #[schema(max_items = 500)]
    pub replacement: Vec<ReplacementLine>,
}

/// A statistical report as filed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatisticalReportView {
    /// The report's id.
    #[schema(example = 7)]
    pub id: i64,
    /// The employer's BIN or IIN.
    #[schema(example = "210340000013")]
    pub bin: String,
    /// The region of the employer's profile at the quarter's end (its akimat reads the report).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// Calendar year of the period.
    #[schema(example = 2026)]
    pub year: i32,
    /// Quarter, 1-4.
    #[schema(example = 1)]
    pub quarter: i32,
    /// Foreign workers employed at the period's end (the sum of `employed`).
    #[schema(example = 5)]
    pub foreign_employed: i64,
    /// Kazakh citizens on staff at the period's end.
    #[schema(example = 120)]
    pub kazakh_staff: i64,
    /// The figures as filed.
    pub figures: StatisticalReportRequest,
    /// When it was filed.
    pub filed_at: DateTime<Utc>,
}

/// The period of a listing of statistical reports.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// Calendar year of the period.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// Only this quarter (1-4); required for the missing reports.
    #[param(minimum = 1, maximum = 4)]
    pub quarter: Option<u32>,
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}

/// An employer that has not reported a quarter it owes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MissingReportView {
    /// Calendar year of the period.
    #[schema(example = 2026)]
    pub year: i32,
    /// Quarter, 1-4.
    #[schema(example = 1)]
    pub quarter: u32,
    /// The region of the employer's profile at the quarter's end (an ICT employer without
    /// a profile: its ICT permit's region).
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The employer's BIN or IIN.
    #[schema(example = "210340000013")]
    pub bin: String,
    /// The employer's name from its profile; empty for an ICT employer that keeps none.
    #[schema(example = "Astana Build LLP")]
    pub name: String,
}

impl MissingReportView {
    pub(crate) fn new(year: i32, quarter: u32, m: cases::statistics::Missing) -> Self {
        MissingReportView {
            year,
            quarter,
            region: m.region,
            bin: m.bin,
            name: m.name,
        }
    }
}

/// A number per category.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryNumber {
    /// Worker category.
    pub category: Category,
    /// The number (workers, or a weight).
    #[schema(example = 726, minimum = 0, maximum = 100_000_000)]
    #[validate(range(min = 0, max = 100_000_000))]
    pub number: i64,
}

/// What the calculator knows of a region.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionCalculationInput {
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    #[validate(length(equal = 5))]
    pub region: String,
    /// The region's labour force, where known.
    #[schema(example = 1_200_000, minimum = 0, maximum = 100_000_000)]
    #[validate(range(min = 0, max = 100_000_000))]
    pub labour_force: Option<i64>,
    /// Last year's use per category (workers on permits issued).
    #[validate(length(max = 5), nested)]
    #[schema(max_items = 5)]
    pub last_year_used: Vec<CategoryNumber>,
    /// This year's accepted demand per category (Art. 32(5)).
    #[validate(length(max = 5), nested)]
    #[schema(max_items = 5)]
    pub accepted_demand: Vec<CategoryNumber>,
}

/// The figures a calculation rests on (Art. 32(4)–(5)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalculationRequest {
    /// The national labour force (Art. 1(11)).
    #[schema(example = 7_258_400, minimum = 1, maximum = 100_000_000)]
    #[validate(range(min = 1, max = 100_000_000))]
    pub labour_force: i64,
    /// The permit quota as a percentage of the labour force (Art. 32(4)(1)), e.g. `"0.25"`.
    #[schema(value_type = crate::wire::schemas::Percent, example = "0.25")]
    #[serde(with = "crate::domain::percent")]
    pub permit_percent: Decimal,
    /// The labour immigrants' percentage (Art. 32(4)(3)), if it is to be shown.
    #[schema(value_type = Option<crate::wire::schemas::Percent>, example = "2.9")]
    #[serde(default, with = "optional_percent")]
    pub labour_immigrant_percent: Option<Decimal>,
    /// How the permit quota is split among categories (e.g. the published split, or last
    /// year's use); empty: by the regions' use and demand of each category.
    #[validate(length(max = 5), nested)]
    #[schema(max_items = 5)]
    pub category_weights: Vec<CategoryNumber>,
    /// The regions to split among, each once.
    #[validate(length(min = 1, max = 20), nested)]
    #[schema(min_items = 1, max_items = 20)]
    pub regions: Vec<RegionCalculationInput>,
}

mod optional_percent {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => crate::domain::percent::parse(&s).map(Some).ok_or_else(|| {
                serde::de::Error::custom("must be a percentage: 1-3 digits and at most 25 decimals")
            }),
        }
    }
}

/// A part of a split by the largest remainder, with its arithmetic.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShareView {
    /// What the part is weighted by.
    #[schema(example = 1200)]
    pub weight: i64,
    /// ⌊whole × weight / total weight⌋.
    #[schema(example = 4159)]
    pub floor: i64,
    /// The remainder of that division: the largest get the units left over.
    #[schema(example = 1300)]
    pub remainder: i64,
    /// 1 when one of the units left over went here.
    #[schema(example = 1)]
    pub extra: i64,
    /// floor + extra.
    #[schema(example = 4160)]
    pub number: i64,
    /// The arithmetic: `whole × weight / total = floor + remainder/total → number`.
    #[schema(example = "5893 × 1200 / 1700 = 4159 + 1300/1700 → 4159 + 1 = 4160")]
    pub arithmetic: String,
}

pub(crate) fn share_view(s: &Share, arithmetic: &str) -> ShareView {
    ShareView {
        weight: s.weight,
        floor: s.floor,
        remainder: s.remainder,
        extra: s.extra,
        number: s.number,
        arithmetic: arithmetic.to_owned(),
    }
}

/// A region's part of a category.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionShareView {
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The region's part and its arithmetic.
    pub share: ShareView,
}

/// A category's part of the permit quota and its split among the regions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CategoryProposalView {
    /// Worker category.
    pub category: Category,
    /// The category's part of the national permit quota.
    pub share: ShareView,
    /// What the regional split is weighted by: `use_and_demand` (last year's use plus
    /// accepted demand, Art. 32(5)), `labour_force` (no region used or asked for the
    /// category), `equal` (neither known).
    #[schema(example = "use_and_demand", max_length = 20)]
    pub basis: String,
    /// Per region, adding up to the category's number exactly.
    pub regions: Vec<RegionShareView>,
}

/// A region's proposed total.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionTotalView {
    /// ISO 3166-2:KZ code of the region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The region's parts of every category.
    #[schema(example = 4300)]
    pub total: i64,
}

/// A proposed quota, with every step of its arithmetic; nothing is changed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalculationView {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// The national labour force it rests on.
    #[schema(example = 7_258_400)]
    pub labour_force: i64,
    /// The permit quota's percentage.
    #[schema(value_type = crate::wire::schemas::Percent, example = "0.25")]
    pub permit_percent: String,
    /// labour force × percent / 100, exactly: workers, a decimal string (`format: decimal`)
    /// with two decimals.
    #[schema(
        format = "decimal",
        example = "18146.00",
        pattern = "^[0-9]{1,16}\\.[0-9]{2}$",
        max_length = 19
    )]
    pub permit_exact: String,
    /// The permit quota: rounded down to whole workers (Art. 32(4)).
    #[schema(example = 18_146)]
    pub permit_total: i64,
    /// The labour immigrants' quota, when its percentage was given (rounded down).
    #[schema(example = 210_493)]
    pub labour_immigrant_total: Option<i64>,
    /// The steps, in order, as arithmetic.
    pub steps: Vec<String>,
    /// Per category: its number and its regional split.
    pub categories: Vec<CategoryProposalView>,
    /// Per region: the sum of its parts (the regions add up to the permit quota).
    pub regions: Vec<RegionTotalView>,
}

impl CategoryProposalView {
    /// A category's split with the arithmetic of its share and of each region's.
    pub(crate) fn new(
        c: &CategorySplit,
        (share, regions): &(String, Vec<String>),
    ) -> CategoryProposalView {
        CategoryProposalView {
            category: c.category,
            share: share_view(&c.share, share),
            basis: c.basis.as_str().to_owned(),
            regions: c
                .regions
                .iter()
                .zip(regions)
                .map(|((region, s), a)| RegionShareView {
                    region: region.clone(),
                    share: share_view(s, a),
                })
                .collect(),
        }
    }
}
