//! Cursor pagination: `limit` (1-500, default 50) and an opaque `cursor`.

use crate::cases::cursor;
use crate::domain::violation::Message;
use crate::error::{ApiError, FieldError};
use serde::Deserialize;
use utoipa::IntoParams;

const DEFAULT_LIMIT: i64 = 50;
const MAX_LIMIT: i64 = 500;

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, passed back unchanged. Opaque: its form may
    /// change, and any value of the pattern is a position (one no page answered starts
    /// after it).
    #[param(
        pattern = "^c[0-9a-z]{1,12}$",
        min_length = 2,
        max_length = 13,
        example = "c2n9c"
    )]
    pub cursor: Option<String>,
}

/// A checked page request: the id to continue after and how many to return.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub after_id: Option<i64>,
    pub limit: i64,
}

impl PageQuery {
    pub fn parse(&self) -> Result<PageRequest, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::malformed(
                Message::new("malformed-limit"),
                vec![FieldError::new("limit", "must be between 1 and 500")],
            ));
        }
        let after_id = match &self.cursor {
            None => None,
            Some(c) => Some(decode(c).ok_or_else(|| {
                ApiError::malformed(
                    Message::new("malformed-cursor"),
                    vec![FieldError::new("cursor", "not a cursor this service sent")],
                )
            })?),
        };
        Ok(PageRequest { after_id, limit })
    }
}

/// The id a cursor continues after (`cases::cursor`): any value of the contract's pattern.
pub(super) fn decode(cursor: &str) -> Option<i64> {
    cursor::decode(cursor)
}

/// The cursor that continues after `id`.
pub(super) fn encode(id: i64) -> String {
    cursor::encode(id)
}

/// A page of rows turned into views, and the cursor of the next page when this one is full.
pub fn split<R, V>(
    page: PageRequest,
    rows: Vec<R>,
    id: impl Fn(&R) -> i64,
    view: impl FnMut(R) -> Result<V, ApiError>,
) -> Result<(Vec<V>, Option<String>), ApiError> {
    let next = next_cursor(page, rows.len(), rows.last().map(id));
    let items = rows.into_iter().map(view).collect::<Result<Vec<_>, _>>()?;
    Ok((items, next))
}

/// The cursor of the page after `last_id`, when the page was full.
pub fn next_cursor(page: PageRequest, returned: usize, last_id: Option<i64>) -> Option<String> {
    let full = i64::try_from(returned).is_ok_and(|n| n == page.limit);
    last_id.filter(|_| full).map(encode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_and_a_forged_one_is_refused() {
        let page = PageRequest {
            after_id: None,
            limit: 2,
        };
        let c = next_cursor(page, 2, Some(41)).unwrap();
        assert_eq!(decode(&c), Some(41));
        assert_eq!(next_cursor(page, 1, Some(41)), None);
        assert_eq!(decode("bm9wZQ"), None);
    }

    #[test]
    fn limits_outside_1_to_500_are_refused() {
        for bad in [0, 501, -1] {
            let q = PageQuery {
                limit: Some(bad),
                cursor: None,
            };
            assert!(q.parse().is_err());
        }
        let q = PageQuery {
            limit: None,
            cursor: None,
        };
        assert_eq!(q.parse().unwrap().limit, 50);
    }
}
