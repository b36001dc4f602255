//! The `{year}` and `{region}` of quota paths: extractors that check them, and the
//! parameters the OpenAPI document gives them (`params(YearPath)`).

use crate::domain::quota::YEARS;
use crate::domain::Reason;
use crate::domain::{Message, RegionCode};
use crate::error::{ApiError, FieldError};
use crate::wire::docs::{path, REGION_EXAMPLE, REGION_PATTERN};
use crate::wire::fields::region_param;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, SchemaFormat, Type};
use utoipa::openapi::ObjectBuilder;
use utoipa::IntoParams;

/// A quota year from a path or query: 400 outside 2000–2100.
pub(crate) fn year_of(y: i32) -> Result<i32, ApiError> {
    if YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(ApiError::malformed_year(y))
    }
}

fn year_segment(req: &HttpRequest) -> Result<i32, ApiError> {
    let raw = req.match_info().get("year").unwrap_or_default();
    let y = raw.parse::<i32>().map_err(|_| {
        ApiError::malformed(
            Message::new("malformed-year-text").text("year", raw),
            vec![FieldError::new("year", Reason::WholeNumber)],
        )
    })?;
    year_of(y)
}

/// The `{year}` of a quota path, checked.
#[derive(Debug, Clone, Copy)]
pub struct YearPath(pub i32);

impl FromRequest for YearPath {
    type Error = ApiError;
    type Future = std::future::Ready<Result<YearPath, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(year_segment(req).map(YearPath))
    }
}

/// The `{year}` and `{region}` of a regional quota path, checked.
#[derive(Debug, Clone)]
pub struct RegionPath {
    pub year: i32,
    pub region: RegionCode,
}

impl FromRequest for RegionPath {
    type Error = ApiError;
    type Future = std::future::Ready<Result<RegionPath, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let parsed = year_segment(req).and_then(|year| {
            let region =
                region_param(req.match_info().get("region").unwrap_or_default(), "region")?;
            Ok(RegionPath { year, region })
        });
        std::future::ready(parsed)
    }
}

impl IntoParams for YearPath {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![year_parameter()]
    }
}

impl IntoParams for RegionPath {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let region = ParameterBuilder::from(path(
            "region",
            "ISO 3166-2:KZ region code.",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(REGION_PATTERN)),
        ))
        .example(Some(serde_json::json!(REGION_EXAMPLE)))
        .build();
        vec![year_parameter(), region]
    }
}

/// `{year}` in the document: "Quota year.", 2000 to 2100.
fn year_parameter() -> Parameter {
    path(
        "year",
        "Quota year.",
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
            .minimum(Some(*YEARS.start()))
            .maximum(Some(*YEARS.end())),
    )
}
