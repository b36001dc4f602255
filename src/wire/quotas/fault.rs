//! A year whose figures fail their ledger check: what a quota read says about it.

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

impl From<crate::cases::quota::view::LedgerFault> for LedgerFaultView {
    fn from(f: crate::cases::quota::view::LedgerFault) -> Self {
        LedgerFaultView {
            found_at: f.found_at,
            detail: f.detail,
        }
    }
}
