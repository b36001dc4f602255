//! The yearly quota: national figures (Art. 32(4), 7(23)), the split among regions
//! (Art. 6(2), 7(23), 9(5)), transfers during the year, and the ledger behind the figures.
//! One file per sub-resource; the path extractors they share live here.

pub mod ledger;
pub mod national;
pub mod regional;
pub mod transfers;

pub(crate) use national::category_totals;

use crate::api::extract::region_param;
use crate::domain::{Message, RegionCode};
use crate::error::{ApiError, FieldError};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};

/// The header a quota read carries while the year's figures fail their ledger check.
pub const LEDGER_CHECK_HEADER: &str = "Ledger-Check";

/// The year's figures fail their ledger check (at start-up, or the ministry's last): the
/// stored figures are not the sums of their ledger lines, so the figures read may be wrong.
/// Every write to the year's quota is refused (409 `quota-ledger-mismatch`) until a check
/// passes (`POST /v1/quotas/{year}/ledger-check`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct LedgerFaultView {
    /// When the check found it (UTC).
    pub found_at: chrono::DateTime<chrono::Utc>,
    /// The first row the ledger does not explain: region, category, stored and ledger
    /// figures.
    #[schema(
        example = "KZ-75 category 3: stored allocated/held/used (11, 0, 0), ledger (10, 0, 0)"
    )]
    pub detail: String,
}

/// The year's ledger fault, if its last check found one.
pub(crate) fn ledger_fault(
    conn: &mut crate::db::Conn,
    year: i32,
) -> Result<Option<LedgerFaultView>, crate::db::Error> {
    Ok(
        crate::db::quota::fault(conn, year)?.map(|(detail, at)| LedgerFaultView {
            found_at: at.and_utc(),
            detail,
        }),
    )
}

/// Marks a quota read whose figures fail their ledger check: `Ledger-Check: failing`.
pub(crate) fn mark_fault(
    res: &mut actix_web::HttpResponseBuilder,
    fault: Option<&LedgerFaultView>,
) {
    if fault.is_some() {
        res.insert_header((LEDGER_CHECK_HEADER, "failing"));
    }
}

/// Years the service accepts in paths.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A quota year from a path or query: 400 outside 2000–2100.
pub(crate) fn year_of(y: i32) -> Result<i32, ApiError> {
    if YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(ApiError::malformed(
            Message::new("malformed-year").arg("year", y),
            vec![FieldError::new("year", "must be between 2000 and 2100")],
        ))
    }
}

fn year_segment(req: &HttpRequest) -> Result<i32, ApiError> {
    let raw = req.match_info().get("year").unwrap_or_default();
    let y = raw.parse::<i32>().map_err(|_| {
        ApiError::malformed(
            Message::new("malformed-year-text").text("year", raw),
            vec![FieldError::new("year", "must be a whole number")],
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
