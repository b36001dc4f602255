//! The OpenAPI schemas of domain types. `src/domain/` knows nothing of the contract: the
//! schema of each domain type the API sends or takes is written here, at the edge, either
//! as a hand-written `utoipa::PartialSchema` (small value types) or as a mirror type named
//! through `#[schema(value_type = …)]` (the rule set, see [`ruleset`]).

pub mod ruleset;

use crate::domain::problem::{Limit, LimitUnit};
use crate::domain::ruleset::MonthDay;
use crate::domain::{Category, Money, ProblemCode, RegionCode, SectorCode};
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::schema::{Schema, SchemaFormat, Type};
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

/// The `format` of every amount and percentage: a decimal number written as a JSON string,
/// read exactly (never as a binary float).
pub(crate) const DECIMAL: &str = "decimal";

/// A decimal string (`format: decimal`) counted in `unit` (`x-unit`: `tenge`, `percent`).
fn decimal_schema(
    description: &str,
    pattern: &str,
    max_length: usize,
    example: &str,
    unit: &str,
) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::Custom(DECIMAL.to_owned())))
        .description(Some(description))
        .pattern(Some(pattern))
        .max_length(Some(max_length))
        .examples([serde_json::Value::String(example.to_owned())])
        .extensions(Some(ExtensionsBuilder::new().add("x-unit", unit).build()))
        .into()
}

impl PartialSchema for Money {
    fn schema() -> RefOr<Schema> {
        decimal_schema(
            "An amount in tenge (`x-unit`), a decimal string (`format: decimal`: read it as \
             an exact decimal, never a binary float) with at most two decimals.",
            "^-?[0-9]{1,16}(\\.[0-9]{1,2})?$",
            20,
            "1297500.00",
            "tenge",
        )
    }
}
impl ToSchema for Money {}

/// A percentage on the wire: a decimal string of 1-3 digits and at most 25 decimals, as
/// [`crate::domain::percent`] reads it. Fields name it with `#[schema(value_type = Percent)]`.
pub struct Percent;

impl PartialSchema for Percent {
    fn schema() -> RefOr<Schema> {
        decimal_schema(
            "A percentage (`x-unit`: `percent`; `\"0.25\"` is a quarter of one percent), a \
             decimal string (`format: decimal`: read it as an exact decimal, never a binary \
             float) of 1-3 digits and at most 25 decimals.",
            crate::domain::percent::PATTERN,
            29,
            "0.25",
            "percent",
        )
    }
}
impl ToSchema for Percent {}

impl PartialSchema for ProblemCode {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "The code of a rule that refused a request: stable, never translated, and the \
                 catalogue key of its message. Each operation's 422 answer lists the codes it \
                 can give in `x-problem-codes`.",
            ))
            .enum_values(Some(ProblemCode::ALL.iter().map(|c| c.as_str())))
            .extensions(Some(
                ExtensionsBuilder::new()
                    .add(
                        "x-enum-varnames",
                        ProblemCode::ALL
                            .iter()
                            .map(|c| c.constant())
                            .collect::<Vec<_>>(),
                    )
                    .build(),
            ))
            .into()
    }
}
impl ToSchema for ProblemCode {}

impl PartialSchema for Limit {
    fn schema() -> RefOr<Schema> {
        let value = ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::Custom(DECIMAL.to_owned())))
            .description(Some(
                "The largest value the rule admits, in `unit`: a decimal string \
                 (`format: decimal`).",
            ))
            .pattern(Some("^[0-9]{1,12}(\\.[0-9]{1,25})?$"))
            .max_length(Some(38))
            .examples([serde_json::Value::String("90".to_owned())]);
        let unit = ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "What `value` counts: `days` (calendar days), `times` (steps taken), \
                 `percent`, `months`, `units` (workers or quota units).",
            ))
            .enum_values(Some(LimitUnit::ALL.map(LimitUnit::as_str)))
            .extensions(Some(
                enum_varnames(["DAYS", "TIMES", "PERCENT", "MONTHS", "UNITS"]).build(),
            ));
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "The limit a rule refused a request for exceeding, with its unit.",
            ))
            .property("value", value)
            .property("unit", unit)
            .required("value")
            .required("unit")
            .into()
    }
}
impl ToSchema for Limit {}

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

/// A closed set of strings the API sends or takes, as a named schema generated clients make
/// an enum of (constants named by `x-enum-varnames`, added in `openapi::finish`). The field
/// stays a `String` in Rust and names the set with `#[schema(value_type = …)]`; the values
/// come from the domain's own list, so the contract cannot drift from what is sent.
macro_rules! value_set {
    ($(#[doc = $doc:literal])+ $name:ident = $values:expr) => {
        $(#[doc = $doc])+
        pub struct $name;
        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some(concat!($($doc, "\n"),+).trim()))
                    .enum_values(Some($values))
                    .into()
            }
        }
        impl ToSchema for $name {}
    };
}

value_set! {
    /// The status of a permit case: `expired` is derived from the end date when read.
    PermitStatus = crate::domain::permit::PermitState::ALL.map(crate::domain::permit::PermitState::as_str)
}

value_set! {
    /// A permit status as the `status` filter takes it: as stored (`expired` is derived when
    /// read; filter on `active`).
    PermitStatusFilter = crate::domain::permit::PermitState::ALL
        .into_iter()
        .filter(|s| *s != crate::domain::permit::PermitState::Expired)
        .map(crate::domain::permit::PermitState::as_str)
}

value_set! {
    /// What a permit case is: a first `permit`, or an `extension` of one (Art. 7(20), 33(2)).
    PermitCaseKind = crate::domain::permit::PermitKind::ALL.map(crate::domain::permit::PermitKind::as_str)
}

value_set! {
    /// A region's decision on a permit (Art. 9(5), 33(2)).
    RegionDecisionValue = crate::domain::permit::decision::RegionDecision::ALL
        .map(crate::domain::permit::decision::RegionDecision::as_str)
}

value_set! {
    /// The outcome of an automatic check (Art. 33).
    CheckOutcome = ["pass", "fail", "warning"]
}

value_set! {
    /// Which kind of permit ended: `permit` (Art. 33, under `/v1/permits`) or `ict_permit`
    /// (Art. 35, under `/v1/ict-permits`).
    EndedPermitKind = ["permit", "ict_permit"]
}

value_set! {
    /// The kind of employer its identifier names: a BIN's 6th digit (`head_office` 0,
    /// `branch` 1, `representative_office` 2, `peasant_farm` 3) or an IIN
    /// (`individual_entrepreneur`).
    EmployerKindValue = [
        crate::domain::EmployerKind::HeadOffice,
        crate::domain::EmployerKind::Branch,
        crate::domain::EmployerKind::RepresentativeOffice,
        crate::domain::EmployerKind::PeasantFarm,
        crate::domain::EmployerKind::IndividualEntrepreneur,
    ]
    .map(crate::domain::EmployerKind::as_str)
}
