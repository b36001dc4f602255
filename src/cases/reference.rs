//! The reference data every case names: the 20 regions (ISO 3166-2:KZ), the countries
//! (ISO 3166-1) and the OKED sections, read-only; and whether the database answers at all.

use super::CaseError;
use crate::db::{self, reference, Conn};

/// A region, a country and an OKED section of the reference data.
pub use crate::db::reference::{Country, Region, Sector};

/// Every region, by code.
pub fn regions(conn: &mut Conn) -> Result<Vec<Region>, CaseError> {
    Ok(reference::regions(conn)?)
}

/// Every country, by code.
pub fn countries(conn: &mut Conn) -> Result<Vec<Country>, CaseError> {
    Ok(reference::countries(conn)?)
}

/// Every OKED section, by letter.
pub fn sectors(conn: &mut Conn) -> Result<Vec<Sector>, CaseError> {
    Ok(reference::sectors(conn)?)
}

/// The database answers one trivial statement: the service is ready to serve.
pub fn ping(conn: &mut Conn) -> Result<(), CaseError> {
    Ok(db::ping(conn)?)
}
