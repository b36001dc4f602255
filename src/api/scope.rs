//! The scope of a listing: the region a query asks for, checked and narrowed to what the
//! caller may see.

use super::state::AppState;
use crate::auth::Caller;
use crate::error::ApiError;

/// What a listing must be narrowed to, given the region the caller asked for in the query.
pub(crate) fn narrowed(
    state: &AppState,
    caller: &Caller,
    action: crate::auth::Action,
    asked_region: Option<&str>,
) -> Result<crate::auth::Visible, ApiError> {
    let asked = asked_region
        .map(|r| crate::wire::fields::region_param(r, "region"))
        .transpose()?;
    // A filter by a region that is none of the 20 would answer an empty list, and a typo
    // would read as "nothing here": it is a bad value of the parameter, as in a body.
    if let Some(r) = &asked {
        state.known_regions([("region".to_owned(), r)])?;
    }
    crate::auth::visible(caller, action, asked)
}
