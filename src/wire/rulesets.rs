//! The wire types of `src/api/rulesets.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::rulesets::Version;
use crate::domain::ruleset::RuleSet;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// One version of the rule set.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleSetView {
    /// Version number, one above the previous.
    #[schema(example = 2)]
    pub version: i64,
    /// First day the version is in force.
    pub effective_from: NaiveDate,
    /// The order or decree it implements.
    pub source: String,
    /// When the version was published (UTC).
    pub created_at: DateTime<Utc>,
    /// Token subject of the ministry user who published it; `seed` for the seeded version.
    pub created_by: String,
    /// The ministry's numbers in this version.
    #[schema(value_type = crate::wire::schemas::ruleset::RuleSet)]
    pub rules: RuleSet,
}

impl From<Version> for RuleSetView {
    fn from(v: Version) -> Self {
        RuleSetView {
            version: v.version,
            effective_from: v.effective_from,
            source: v.source,
            created_at: v.created_at,
            created_by: v.created_by,
            rules: v.rules,
        }
    }
}

/// A new version of the rule set.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRuleSetRequest {
    /// First day in force: today or later (Kazakhstan date).
    pub effective_from: NaiveDate,
    /// The order or decree it implements.
    #[validate(
        length(min = 1, max = 500),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        pattern = "\\S",
        min_length = 1,
        max_length = 500,
        example = "Order No. 279 of 30.06.2023 as amended by Order No. 12 of 10.01.2027"
    )]
    pub source: String,
    /// The ministry's numbers for the new version; refused with 422 when inconsistent or
    /// beyond a limit of Law 482-V.
    #[schema(value_type = crate::wire::schemas::ruleset::RuleSet)]
    pub rules: RuleSet,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OnQuery {
    /// The date that matters; today (Kazakhstan date) when absent.
    pub on: Option<NaiveDate>,
}
