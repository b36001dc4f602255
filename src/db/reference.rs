//! Reference data: regions, countries, OKED sections. Seeded once, read-only afterwards.

use super::schema::{countries, regions, sectors};
use super::AnyConnection;
use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A region among which the quota is split (Art. 6(2), 7(23)).
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, Deserialize, ToSchema)]
#[diesel(table_name = regions)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// ISO 3166-2:KZ code.
    #[schema(example = "KZ-75")]
    pub code: String,
    /// First two digits of the KATO (classifier of administrative-territorial objects) code.
    #[schema(example = "75")]
    pub kato_prefix: String,
    /// Name in Kazakh.
    #[schema(example = "Алматы қаласы")]
    pub name_kk: String,
    /// Name in Russian.
    #[schema(example = "город Алматы")]
    pub name_ru: String,
    /// Name in English.
    #[schema(example = "Almaty")]
    pub name_en: String,
}

/// A country, with the memberships the law turns on.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, Deserialize, ToSchema)]
#[diesel(table_name = countries)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    #[schema(example = "UZB")]
    pub code: String,
    /// Name in English.
    #[schema(example = "Uzbekistan")]
    pub name_en: String,
    /// Name in Kazakh (Unicode CLDR).
    #[schema(example = "Өзбекстан")]
    pub name_kk: String,
    /// Name in Russian (Unicode CLDR).
    #[schema(example = "Узбекистан")]
    pub name_ru: String,
    /// WTO membership date; an ICT sending entity must be established in a WTO member (Art. 1(25)).
    pub wto_member_since: Option<NaiveDate>,
    /// Eurasian Economic Union member: its citizens need no permit.
    pub eaeu_member: bool,
    /// Kazakhstan has ratified a labour-migration treaty with it, so a country-of-origin
    /// quota may be set (Art. 32(4)(2)).
    pub labour_migration_treaty: bool,
}

/// An OKED (Kazakh NACE Rev. 2) section.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, Deserialize, ToSchema)]
#[diesel(table_name = sectors)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// OKED section letter, A-U.
    #[schema(example = "F")]
    pub code: String,
    /// Name in English.
    #[schema(example = "Construction")]
    pub name_en: String,
    /// Name in Russian.
    pub name_ru: String,
    /// Name in Kazakh.
    pub name_kk: String,
}

pub fn regions(conn: &mut AnyConnection) -> QueryResult<Vec<Region>> {
    regions::table
        .select(Region::as_select())
        .order(regions::code)
        .load(conn)
}

pub fn region_exists(conn: &mut AnyConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        regions::table.filter(regions::code.eq(code)),
    ))
    .get_result(conn)
}

pub fn countries(conn: &mut AnyConnection) -> QueryResult<Vec<Country>> {
    countries::table
        .select(Country::as_select())
        .order(countries::code)
        .load(conn)
}

pub fn country(conn: &mut AnyConnection, code: &str) -> QueryResult<Option<Country>> {
    countries::table
        .find(code)
        .select(Country::as_select())
        .first(conn)
        .optional()
}

pub fn sectors(conn: &mut AnyConnection) -> QueryResult<Vec<Sector>> {
    sectors::table
        .select(Sector::as_select())
        .order(sectors::code)
        .load(conn)
}
