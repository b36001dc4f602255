//! The regions' names, for pages that name regions rather than show their codes.

use super::documents::RegionName;
use super::CaseError;
use crate::db::{reference, Conn};

/// Every seeded region with its names in Kazakh, Russian and English.
pub fn names(conn: &mut Conn) -> Result<Vec<RegionName>, CaseError> {
    Ok(reference::regions(conn)?
        .into_iter()
        .map(|r| RegionName {
            code: r.code,
            name_kk: r.name_kk,
            name_ru: r.name_ru,
            name_en: r.name_en,
        })
        .collect())
}
