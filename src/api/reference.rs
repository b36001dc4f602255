//! Reference data, read-only.

use super::AppState;
use crate::auth::{authorize, Action, Caller, Scope};
use crate::cases::reference::{self, Country, Region, Sector};
use crate::error::ApiError;
use actix_web::{get, web, HttpResponse};

super::page::cursor_page!(
    /// The regions, one page.
    RegionPage,
    Region,
    "The 20 regions, by code."
);

super::page::cursor_page!(
    /// The countries, one page.
    CountryPage,
    Country,
    "The ISO 3166-1 countries, by code."
);

super::page::cursor_page!(
    /// The OKED sections, one page.
    SectorPage,
    Sector,
    "The OKED sections A-U, by letter."
);

/// List regions
///
/// The 20 regions (ISO 3166-2:KZ codes, e.g. `KZ-75` for Almaty) among which the quota is
/// split (Art. 6(2), 7(23)). Any signed-in role.
#[utoipa::path(tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "All regions, by code.", body = RegionPage)))]
#[get("/regions")]
pub async fn list_regions(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadReference, Scope::All)?;
    let rows = state.db(|c| Ok(reference::regions(c)?)).await?;
    Ok(HttpResponse::Ok().json(RegionPage {
        items: rows,
        next_cursor: None,
    }))
}

/// List countries
///
/// Countries (ISO 3166-1 alpha-2) with their WTO, EAEU and labour-migration-treaty status,
/// which decide a worker's route (Art. 2(3), 35(1)) and the country quotas (Art. 32(4)(2)).
/// Any signed-in role.
#[utoipa::path(tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "All ISO 3166-1 countries, by code.", body = CountryPage)))]
#[get("/countries")]
pub async fn list_countries(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadReference, Scope::All)?;
    let rows = state.db(|c| Ok(reference::countries(c)?)).await?;
    Ok(HttpResponse::Ok().json(CountryPage {
        items: rows,
        next_cursor: None,
    }))
}

/// List OKED sections
///
/// The OKED sections A-U (the general classifier of economic activities) by which
/// employers' profiles, quota demand and statistics are grouped. Any signed-in role.
#[utoipa::path(tag = "reference", security(("bearer" = [])),
    responses((status = 200, description = "All OKED sections, by letter.", body = SectorPage)))]
#[get("/sectors")]
pub async fn list_sectors(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    authorize(&caller, Action::ReadReference, Scope::All)?;
    let rows = state.db(|c| Ok(reference::sectors(c)?)).await?;
    Ok(HttpResponse::Ok().json(SectorPage {
        items: rows,
        next_cursor: None,
    }))
}
