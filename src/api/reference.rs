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

/// The 20 regions among which the quota is split (Art. 6(2), 7(23)).
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

/// Countries with their WTO, EAEU and labour-migration-treaty status.
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

/// OKED sections A-U.
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
