//! Pure rules and types of the foreign-labour regime: no actix, no diesel, no I/O, no clock.
//! Every rule cites the article of Law 482-V "On Employment of the Population" it rests on;
//! every number the ministry sets comes from a [`ruleset::RuleSet`].

pub mod category;
pub mod dates;
pub mod demand;
pub mod fees;
pub mod hold;
pub mod ids;
pub mod money;
pub mod permit;
pub mod quota;
pub mod refusal;
pub mod ruleset;
pub mod state;
pub mod statute;
pub mod violation;

pub use category::Category;
pub use ids::{Bin, CountryCode, EmployerId, EmployerKind, Iin, RegionCode, SectorCode};
pub use money::Money;
pub use refusal::Refusal;
pub use violation::{Message, Violation};

/// The OpenAPI schema of a value sent as a formatted string.
pub(crate) fn string_schema(
    description: &str,
    pattern: &str,
    example: &str,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .examples([serde_json::Value::String(example.to_owned())])
        .into()
}
