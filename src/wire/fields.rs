//! The checks of single request values that the wire types of several areas share: a
//! text that must say something, a region code from a parameter.

use crate::domain::violation::Message;
use crate::error::{ApiError, FieldError};

/// A text field must say something: blank text (only white space) is refused like an
/// empty one, wherever a reason, a justification, a source or a name is asked for.
pub fn not_blank(s: &str) -> Result<(), validator::ValidationError> {
    if s.trim().is_empty() {
        Err(validator::ValidationError::new("blank"))
    } else {
        Ok(())
    }
}

/// A region code from a path or query parameter: malformed is a 400 naming the parameter.
pub fn region_param(s: &str, field: &str) -> Result<crate::domain::RegionCode, ApiError> {
    s.parse().map_err(|e: crate::domain::ids::IdError| {
        ApiError::malformed(
            Message::new("malformed-parameter")
                .text("field", field)
                .arg("reason", crate::i18n::words(&e.message())),
            vec![FieldError::new(field, e)],
        )
    })
}
