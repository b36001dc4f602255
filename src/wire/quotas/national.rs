//! The wire types of `src/api/quotas/national.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::quota::{view, SetNational};
use crate::domain::Reason;
use crate::domain::{Category, CountryCode};
use crate::error::{ApiError, FieldError};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// A category's number in a quota.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryNumber {
    /// Worker category the number is for.
    pub category: Category,
    /// Workers of this category, at least 0.
    #[validate(range(min = 0, max = 10_000_000))]
    #[schema(example = 5893, minimum = 0, maximum = 10_000_000)]
    pub number: i64,
}

/// A country-of-origin quota (Art. 32(4)(2)).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CountryNumber {
    /// ISO 3166-1 alpha-3 code of a treaty partner.
    #[schema(example = "UZB", pattern = "^[A-Z]{3}$")]
    pub country: String,
    /// Workers from the country, at least 0 (Art. 32(4)(2)).
    #[validate(range(min = 0, max = 10_000_000))]
    #[schema(example = 1000, minimum = 0, maximum = 10_000_000)]
    pub number: i64,
}

/// The ministry's order that sets or changes the quota.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MinistryOrder {
    /// Number of the order.
    #[validate(
        length(min = 1, max = 100),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "Order No. 412",
        min_length = 1,
        max_length = 100
    )]
    pub number: String,
    /// Date of the order.
    pub date: NaiveDate,
}

/// A new version of a year's national quota (Art. 32(4), 7(23)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NationalQuotaRequest {
    /// Forecast labour force (employed plus unemployed, Art. 1(11)) the quota is a share of.
    #[validate(range(min = 1, max = 100_000_000))]
    #[schema(example = 7_300_000, minimum = 1, maximum = 100_000_000)]
    pub labour_force: i64,
    /// Where the labour-force figure comes from.
    #[validate(
        length(min = 1, max = 500),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        example = "Bureau of National Statistics, forecast for 2026",
        min_length = 1,
        max_length = 500
    )]
    pub labour_force_source: String,
    /// Percentage of the labour force for permits to employers (Art. 32(4)(1)).
    #[serde(deserialize_with = "crate::domain::percent::deserialize")]
    #[schema(value_type = crate::wire::schemas::Percent, example = "0.25")]
    pub permit_percent: Decimal,
    /// The permit quota by worker category; every category once. Their sum may not exceed
    /// the permit quota.
    #[validate(nested)]
    #[schema(max_items = 5)]
    pub categories: Vec<CategoryNumber>,
    /// Percentage of the labour force for labour immigrants (Art. 32(4)(3)), recorded for
    /// the ministry's statistics.
    #[serde(deserialize_with = "crate::domain::percent::deserialize")]
    #[schema(value_type = crate::wire::schemas::Percent, example = "2.9")]
    pub labour_immigrant_percent: Decimal,
    /// Country-of-origin quotas, only for treaty partners (Art. 32(4)(2)).
    #[serde(default)]
    #[validate(length(max = 250), nested)]
    #[schema(max_items = 250)]
    pub country_quotas: Vec<CountryNumber>,
    /// The ministry's order that sets or changes the quota (Art. 7(23)).
    #[validate(nested)]
    pub order: MinistryOrder,
}

/// A category of the national quota with its utilization across the regions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NationalCategoryView {
    /// Worker category of these figures.
    pub category: Category,
    /// The national figure.
    pub total: i64,
    /// Allocated to regions.
    pub distributed: i64,
    /// Not distributed: the national reserve.
    pub reserve: i64,
    /// Held by decisions awaiting payment, all regions.
    pub held: i64,
    /// Used by issued permits, all regions.
    pub used: i64,
    /// Distributed and neither held nor used.
    pub available: i64,
}

/// A country-of-origin quota and its use.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CountryQuotaView {
    /// ISO 3166-1 alpha-3 code of the treaty partner (Art. 32(4)(2)).
    #[schema(example = "UZB")]
    pub country: String,
    /// The country-of-origin quota set for the year (Art. 32(4)(2)).
    pub total: i64,
    /// Held by decisions awaiting payment.
    pub held: i64,
    /// Used by issued permits.
    pub used: i64,
    /// total − held − used.
    pub available: i64,
}

/// A year's national quota as it stands.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NationalQuotaView {
    /// The quota year.
    #[schema(example = 2026)]
    pub year: i32,
    /// Version of the quota; also its `ETag`.
    pub version: i64,
    /// Forecast labour force the quota is a share of (employed plus unemployed, Art. 1(11)).
    pub labour_force: i64,
    /// Where the labour-force figure comes from.
    pub labour_force_source: String,
    /// Percentage of the labour force for permits to employers, decimal (Art. 32(4)(1)).
    #[schema(value_type = crate::wire::schemas::Percent, example = "0.25")]
    pub permit_percent: String,
    /// The permit quota: `permit_percent` of the labour force, rounded down.
    pub permit_total: i64,
    /// Percentage of the labour force for labour immigrants, decimal (Art. 32(4)(3)).
    #[schema(value_type = crate::wire::schemas::Percent, example = "2.9")]
    pub labour_immigrant_percent: String,
    /// The labour-immigrant quota, rounded down.
    pub labour_immigrant_total: i64,
    /// The ministry's order that set this version (Art. 7(23)).
    pub order: MinistryOrder,
    /// The permit quota per worker category with its use across the regions (Art. 32(4)(1)).
    pub categories: Vec<NationalCategoryView>,
    /// Country-of-origin quotas with their use (Art. 32(4)(2)).
    pub country_quotas: Vec<CountryQuotaView>,
    /// When the current version was set (UTC).
    pub updated_at: DateTime<Utc>,
    /// Token subject of the ministry user who set the current version.
    pub updated_by: String,
    /// Set while the year's figures fail their ledger check (the figures above may then be
    /// wrong, and every write to the year's quota is refused, 409
    /// `quota-ledger-mismatch`); the answer then also carries `Ledger-Check: failing`.
    /// `null` while they are sound.
    #[serde(default)]
    pub ledger_fault: Option<super::fault::LedgerFaultView>,
}

impl From<view::NationalQuota> for NationalQuotaView {
    fn from(n: view::NationalQuota) -> Self {
        let categories = n.categories.into_iter().map(|c| NationalCategoryView {
            category: c.category,
            total: c.total,
            distributed: c.distributed,
            reserve: c.reserve,
            held: c.held,
            used: c.used,
            available: c.available,
        });
        let country_quotas = n.country_quotas.into_iter().map(|c| CountryQuotaView {
            country: c.country,
            total: c.total,
            held: c.held,
            used: c.used,
            available: c.available,
        });
        NationalQuotaView {
            year: n.year,
            version: n.version,
            labour_force: n.labour_force,
            labour_force_source: n.labour_force_source,
            permit_percent: n.permit_percent,
            permit_total: n.permit_total,
            labour_immigrant_percent: n.labour_immigrant_percent,
            labour_immigrant_total: n.labour_immigrant_total,
            order: MinistryOrder {
                number: n.order.number,
                date: n.order.date,
            },
            categories: categories.collect(),
            country_quotas: country_quotas.collect(),
            updated_at: n.updated_at,
            updated_by: n.updated_by,
            ledger_fault: n.ledger_fault.map(super::fault::LedgerFaultView::from),
        }
    }
}

/// One stored version of a year's quota.
#[derive(Debug, Serialize, ToSchema)]
pub struct NationalQuotaVersionView {
    /// Version number: 1 for the year's first, then one above the previous.
    pub version: i64,
    /// When this version was set (UTC).
    pub created_at: DateTime<Utc>,
    /// Token subject of the ministry user who set this version.
    pub created_by: String,
    /// The quota as this version set it.
    #[schema(value_type = NationalQuotaView)]
    pub quota: serde_json::Value,
}

impl NationalQuotaRequest {
    /// Parses the request into the command the database layer takes.
    pub(crate) fn command(self, year: i32) -> Result<SetNational, ApiError> {
        let mut errors = self.percent_errors();
        for c in Category::ALL {
            let n = self.categories.iter().filter(|x| x.category == c).count();
            if n != 1 {
                errors.push(FieldError::new(
                    "categories",
                    Reason::CategoryOnce {
                        category: c.to_string(),
                        found: n as i64,
                    },
                ));
            }
        }
        let countries = self.countries(&mut errors);
        if !errors.is_empty() {
            return Err(ApiError::Invalid(errors));
        }
        Ok(SetNational {
            year,
            labour_force: self.labour_force,
            labour_force_source: self.labour_force_source,
            permit_percent: self.permit_percent,
            immigrant_percent: self.labour_immigrant_percent,
            categories: self
                .categories
                .iter()
                .map(|c| (c.category, c.number))
                .collect(),
            countries,
            order_number: self.order.number,
            order_date: self.order.date,
        })
    }

    /// The percentages out of range. The permit quota must allow someone; a
    /// labour-immigrant share of 0 % is lawful (the Government may set none, Art. 32(4)(3)).
    fn percent_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.permit_percent <= Decimal::ZERO || self.permit_percent > Decimal::ONE_HUNDRED {
            errors.push(FieldError::new(
                "permit_percent",
                Reason::AboveZeroAtMost { max: 100 },
            ));
        }
        let immigrant = self.labour_immigrant_percent;
        if immigrant < Decimal::ZERO || immigrant > Decimal::ONE_HUNDRED {
            errors.push(FieldError::new(
                "labour_immigrant_percent",
                Reason::Between { min: 0, max: 100 },
            ));
        }
        errors
    }

    /// The country quotas by parsed code; a code that does not parse or repeats is an error.
    fn countries(&self, errors: &mut Vec<FieldError>) -> Vec<(CountryCode, i64)> {
        let mut countries: Vec<(CountryCode, i64)> = Vec::new();
        for (i, c) in self.country_quotas.iter().enumerate() {
            match c.country.parse::<CountryCode>() {
                Ok(code) if countries.iter().any(|(x, _)| x == &code) => errors.push(
                    FieldError::new(format!("country_quotas[{i}].country"), Reason::Twice),
                ),
                Ok(code) => countries.push((code, c.number)),
                Err(e) => errors.push(FieldError::new(format!("country_quotas[{i}].country"), e)),
            }
        }
        countries
    }
}
