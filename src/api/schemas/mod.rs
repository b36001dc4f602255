//! The OpenAPI schemas of domain types. `src/domain/` knows nothing of the contract: the
//! schema of each domain type the API sends or takes is written here, at the edge, either
//! as a hand-written `utoipa::PartialSchema` (small value types) or as a mirror type named
//! through `#[schema(value_type = …)]` (the rule set, see [`ruleset`]).

pub mod ruleset;

use crate::domain::ruleset::MonthDay;
use crate::domain::{Category, Money, RegionCode, SectorCode};
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::schema::{Schema, Type};
use utoipa::openapi::{ObjectBuilder, RefOr};
use utoipa::{PartialSchema, ToSchema};

/// The schema of a value sent as a formatted string of at most `max_length` characters.
pub(crate) fn string_schema(
    description: &str,
    pattern: &str,
    max_length: usize,
    example: &str,
) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .max_length(Some(max_length))
        .examples([serde_json::Value::String(example.to_owned())])
        .into()
}

/// Names for the generated clients' enum constants (`x-enum-varnames`): category `4` must
/// not become `VALUE_3`.
pub(crate) fn enum_varnames<'a>(names: impl IntoIterator<Item = &'a str>) -> ExtensionsBuilder {
    ExtensionsBuilder::new().add("x-enum-varnames", names.into_iter().collect::<Vec<_>>())
}

impl PartialSchema for Category {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "Worker category of the ministry's permit rules: `1` heads and their deputies, \
                 `2` heads of structural divisions, `3` specialists, `4` qualified workers, \
                 `seasonal` seasonal workers in professions on the seasonal list (Art. 7(21-1)).",
            ))
            .enum_values(Some(Category::ALL.map(Category::code)))
            .extensions(Some(
                enum_varnames(Category::ALL.map(|c| match c {
                    Category::Heads => "HEADS",
                    Category::DivisionHeads => "DIVISION_HEADS",
                    Category::Specialists => "SPECIALISTS",
                    Category::QualifiedWorkers => "QUALIFIED_WORKERS",
                    Category::Seasonal => "SEASONAL",
                }))
                .build(),
            ))
            .into()
    }
}
impl ToSchema for Category {}

impl PartialSchema for Money {
    fn schema() -> RefOr<Schema> {
        string_schema(
            "An amount in tenge, a decimal string with at most two decimals.",
            "^-?[0-9]{1,16}(\\.[0-9]{1,2})?$",
            20,
            "1297500.00",
        )
    }
}
impl ToSchema for Money {}

impl PartialSchema for MonthDay {
    fn schema() -> RefOr<Schema> {
        string_schema(
            "A day of the year, MM-DD (29 February included).",
            MONTH_DAY_PATTERN,
            5,
            "09-30",
        )
    }
}
impl ToSchema for MonthDay {}

/// Exactly the month-days `MonthDay` parses: 01-29 in every month, 30 except in February,
/// 31 in the months that have it.
const MONTH_DAY_PATTERN: &str =
    "^((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-9])|(0[13-9]|1[0-2])-30|(0[13578]|1[02])-31)$";

impl PartialSchema for SectorCode {
    fn schema() -> RefOr<Schema> {
        string_schema("An OKED section letter, A to U.", "^[A-U]$", 1, "J")
    }
}
impl ToSchema for SectorCode {}

impl PartialSchema for RegionCode {
    fn schema() -> RefOr<Schema> {
        string_schema(
            "A region by its ISO 3166-2:KZ code.",
            "^KZ-[0-9]{2}$",
            5,
            "KZ-75",
        )
    }
}
impl ToSchema for RegionCode {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `MM-DD` string of digits: the pattern and the parser agree on each.
    #[test]
    fn the_month_day_pattern_admits_exactly_what_the_parser_takes() {
        let pattern = regex::Regex::new(MONTH_DAY_PATTERN).unwrap();
        for m in 0..100 {
            for d in 0..100 {
                let s = format!("{m:02}-{d:02}");
                assert_eq!(
                    pattern.is_match(&s),
                    MonthDay::try_from(s.clone()).is_ok(),
                    "{s}"
                );
            }
        }
    }
}
