//! A year whose figures fail their ledger check: what a quota read says about it.

use crate::wire::quotas::fault::LedgerFaultView;
use actix_web::HttpResponseBuilder;

/// The header a quota read carries while the year's figures fail their ledger check.
pub const LEDGER_CHECK_HEADER: &str = "Ledger-Check";

/// Marks a quota read whose figures fail their ledger check: `Ledger-Check: failing`.
pub(crate) fn mark_fault(res: &mut HttpResponseBuilder, fault: Option<&LedgerFaultView>) {
    if fault.is_some() {
        res.insert_header((LEDGER_CHECK_HEADER, "failing"));
    }
}
