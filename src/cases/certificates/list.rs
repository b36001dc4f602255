//! The listing of self-employment certificates (Art. 34): the API's
//! `GET /v1/self-employment-certificates`. The edge narrows it to the caller's own first
//! (an akimat its region's, an employer those whose holder's employment it reported).

use super::view::{of_row, Certificate};
use crate::cases::CaseError;
use crate::db::certificates as db;
use crate::db::Conn;
use crate::domain::certificate::CertificateState;
use crate::domain::{EmployerId, RegionCode};

/// Certificates in `region` and reported by `bin` (each when given), oldest first, after
/// `after_id`, at most `limit`.
pub fn list(
    conn: &mut Conn,
    region: Option<&RegionCode>,
    bin: Option<&EmployerId>,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<Certificate>, CaseError> {
    db::list(conn, region, bin, after_id, limit)?
        .into_iter()
        .map(|r| of_row(conn, r))
        .collect()
}

/// A page of the console's list: its region and status, filing or deadline order, where it
/// starts and how many (see [`db::page`]).
pub use crate::db::certificates::{After, Page};

/// The certificates of `page` (the caller's scope already in its region), as read models.
pub fn page(conn: &mut Conn, page: &Page) -> Result<Vec<Certificate>, CaseError> {
    db::page(conn, page)?
        .into_iter()
        .map(|r| of_row(conn, r))
        .collect()
}

/// How many certificates `region` has (every region's when `None`), in `status` when given.
pub fn count(
    conn: &mut Conn,
    region: Option<&RegionCode>,
    status: Option<CertificateState>,
) -> Result<i64, CaseError> {
    Ok(db::count(conn, region, status)?)
}
