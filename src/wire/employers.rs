//! The wire types of `src/api/employers.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases;
use crate::cases::employers::Profile;
use crate::domain::permit::checks::{Staff, StaffLine};
use crate::domain::Reason;
use crate::domain::{Category, EmployerId, EmployerKind, RegionCode, SectorCode};
use crate::error::ApiError;
use crate::wire::eligibility::EmployerTypeRequest;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// The employer's staff in one worker category (head counts).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffView {
    /// Worker category of this line; each category once.
    pub category: Category,
    /// Kazakh citizens on staff.
    #[schema(maximum = 4_294_967_295_u32)]
    pub kazakh: u32,
    /// Foreign workers who are not EAEU citizens and are **not** on this employer's permits
    /// or ICT permits in this service (counted as foreign, Art. 33(6)). The workers of its
    /// live permits and ICT permits here are not declared: the checks count them
    /// themselves (Art. 33(6), 35(4)), so declaring them too would count them twice.
    #[schema(maximum = 4_294_967_295_u32)]
    pub foreign: u32,
    /// Citizens of other EAEU states (not foreign for the ratio, Art. 2(3)).
    #[serde(default)]
    #[schema(maximum = 4_294_967_295_u32)]
    pub eaeu: u32,
    /// Foreign workers posted under staffing-services contracts (counted as foreign, Art. 33(6)).
    #[serde(default)]
    #[schema(maximum = 4_294_967_295_u32)]
    pub posted: u32,
}

impl From<StaffView> for StaffLine {
    fn from(v: StaffView) -> StaffLine {
        StaffLine {
            category: v.category,
            staff: Staff {
                kazakh: v.kazakh,
                foreign: v.foreign,
                eaeu: v.eaeu,
                posted: v.posted,
            },
        }
    }
}

impl From<StaffLine> for StaffView {
    fn from(l: StaffLine) -> StaffView {
        StaffView {
            category: l.category,
            kazakh: l.staff.kazakh,
            foreign: l.staff.foreign,
            eaeu: l.staff.eaeu,
            posted: l.staff.posted,
        }
    }
}

/// An employer's profile from a date.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileRequest {
    /// The date the profile is in force from (default: today); earlier dates stay as history.
    pub as_of: Option<NaiveDate>,
    /// Registered name.
    #[validate(
        length(min = 1, max = 500),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "KazMunaiService LLP",
        min_length = 1,
        pattern = "\\S",
        max_length = 500
    )]
    pub name: String,
    /// Legal form, e.g. LLP, JSC, branch, IE.
    #[validate(
        length(min = 1, max = 100),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(example = "LLP", min_length = 1, pattern = "\\S", max_length = 100)]
    pub legal_form: String,
    /// A branch or representative office of a foreign legal entity; must agree with the
    /// BIN's division digit (Art. 33(6) small-branch exemption).
    pub foreign_division: bool,
    /// The employer is a small-business entity by the Entrepreneurial Code's criteria, as it
    /// states (false when absent). With its headcount — the staff declared here and the
    /// workers of its live permits and ICT permits — it decides the small-business exemption
    /// from the Kazakh share that the rule set in force gives (from 01.09.2025: at most 20
    /// employees, Order No. 279 as amended by Order No. 93 of 28.03.2025; Art. 33(6)).
    #[serde(default)]
    #[schema(example = false)]
    pub small_business: bool,
    /// OKED section letter; picks the fee group (Art. 33(4)).
    #[validate(length(min = 1, max = 1))]
    #[schema(example = "B", pattern = "^[A-U]$", min_length = 1, max_length = 1)]
    pub sector: String,
    /// Region of registration (ISO 3166-2:KZ).
    #[schema(example = "KZ-23", pattern = "^KZ-[0-9]{2}$")]
    pub region: String,
    /// Staff per worker category on `as_of`, each category at most once: Kazakh citizens,
    /// EAEU citizens, posted workers, and the foreigners who are not on this service's
    /// permits or ICT permits of the employer. The Kazakh share (Art. 33(6)) and the
    /// headcount of the small-branch exemption add the workers of the employer's live
    /// permits and ICT permits themselves.
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub workforce: Vec<StaffView>,
    /// The employer's type, as far as the exemptions of Art. 32(2) turn on it; an ordinary
    /// employer when absent. Permit applications run the route finder on it for every
    /// worker (Art. 32(2)-(3)). A foreign branch must have a branch's or representative
    /// office's BIN.
    #[validate(nested)]
    pub employer_type: Option<EmployerTypeRequest>,
}

/// An employer's profile as it stands from one date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileView {
    /// The employer's BIN (or an individual entrepreneur's IIN).
    #[schema(example = "210340000013")]
    pub bin: String,
    /// The date the profile is in force from.
    pub as_of: NaiveDate,
    /// Registered name.
    pub name: String,
    /// Legal form.
    pub legal_form: String,
    /// A branch or representative office of a foreign legal entity.
    pub foreign_division: bool,
    /// A small-business entity, as the employer states (the small-business exemption from
    /// the Kazakh share, Art. 33(6)).
    pub small_business: bool,
    /// OKED section letter.
    pub sector: String,
    /// The fee group the sector falls in under the rule set in force today (Art. 33(4)).
    pub fee_group: Option<u32>,
    /// Region of registration.
    pub region: String,
    /// Staff per worker category.
    pub workforce: Vec<StaffView>,
    /// The employer's type (Art. 32(2)).
    pub employer_type: EmployerTypeRequest,
    /// Version of this dated profile; also the `ETag`.
    pub version: i64,
    /// When it was last written (UTC).
    pub updated_at: DateTime<Utc>,
}

/// An employer: the kind its identifier names, the profile in force today, and every
/// dated profile.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EmployerView {
    /// The employer's BIN or IIN.
    pub bin: String,
    /// head_office, branch, representative_office, peasant_farm or individual_entrepreneur.
    #[schema(value_type = crate::wire::schemas::EmployerKindValue, example = "head_office")]
    pub kind: EmployerKind,
    /// The profile in force today (the earliest one when all start later).
    pub current: ProfileView,
    /// Every dated profile, oldest first.
    pub history: Vec<ProfileView>,
}

impl From<Profile> for ProfileView {
    fn from(p: Profile) -> Self {
        ProfileView {
            employer_type: EmployerTypeRequest::from_domain(p.employer_type),
            bin: p.bin,
            as_of: p.as_of,
            name: p.name,
            legal_form: p.legal_form,
            foreign_division: p.foreign_division,
            small_business: p.small_business,
            sector: p.sector,
            fee_group: p.fee_group,
            region: p.region,
            workforce: p.workforce.into_iter().map(StaffView::from).collect(),
            version: p.version,
            updated_at: p.updated_at,
        }
    }
}

impl ProfileRequest {
    /// The command for the profile of `bin` in `region`, as of `today` unless the request
    /// names its day.
    pub(crate) fn command(
        self,
        bin: EmployerId,
        region: RegionCode,
        today: NaiveDate,
        expected_version: Option<i64>,
    ) -> Result<cases::employers::PutProfile, ApiError> {
        let sector: SectorCode = self
            .sector
            .parse()
            .map_err(|e| ApiError::invalid("sector", e))?;
        let mut seen = std::collections::BTreeSet::new();
        if !self.workforce.iter().all(|l| seen.insert(l.category)) {
            return Err(ApiError::invalid("workforce", Reason::Repeated));
        }
        Ok(cases::employers::PutProfile {
            bin,
            as_of: self.as_of.unwrap_or(today),
            name: self.name,
            legal_form: self.legal_form,
            foreign_division: self.foreign_division,
            sector,
            region,
            workforce: self.workforce.into_iter().map(StaffLine::from).collect(),
            employer_type: match &self.employer_type {
                Some(t) => t.to_domain("employer_type.")?,
                None => crate::domain::route::EmployerType::Ordinary,
            },
            small_business: self.small_business,
            expected_version,
        })
    }
}
