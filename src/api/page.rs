//! Cursor pagination: `limit` (1-500, default 50) and an opaque `cursor`.

use crate::cases::cursor;
use crate::domain::violation::Message;
use crate::domain::Reason;
use crate::error::{ApiError, FieldError};
use serde::Deserialize;
use utoipa::IntoParams;

const DEFAULT_LIMIT: i64 = 50;
pub(crate) const MAX_LIMIT: i64 = 500;

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

/// A checked page request: the id to continue after and how many items the page holds.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub after_id: Option<i64>,
    /// Items on the page at most (1-500).
    limit: i64,
}

impl PageRequest {
    /// Rows to read: the page's limit and one more, whose presence says that another page
    /// follows (so a full last page says it is the last).
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }

    /// Items the page holds at most: for a list that never pages on (a queue's first
    /// items), the rows to read.
    pub fn limit(&self) -> i64 {
        self.limit
    }
}

impl PageQuery {
    pub fn parse(&self) -> Result<PageRequest, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::malformed(
                Message::new("malformed-limit"),
                vec![FieldError::new(
                    "limit",
                    Reason::Between {
                        min: 1,
                        max: MAX_LIMIT,
                    },
                )],
            ));
        }
        let after_id = match &self.cursor {
            None => None,
            Some(c) => Some(decode(c).ok_or_else(|| {
                ApiError::malformed(
                    Message::new("malformed-cursor"),
                    vec![FieldError::new("cursor", Reason::Cursor)],
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

/// A page of the `limit + 1` rows read ([`PageRequest::fetch`]) turned into views, and the
/// cursor of the next page when a row was left over.
pub fn split<R, V>(
    page: PageRequest,
    mut rows: Vec<R>,
    id: impl Fn(&R) -> i64,
    view: impl FnMut(R) -> Result<V, ApiError>,
) -> Result<(Vec<V>, Option<String>), ApiError> {
    let next = next_cursor(page, &mut rows, id);
    let items = rows.into_iter().map(view).collect::<Result<Vec<_>, _>>()?;
    Ok((items, next))
}

/// Keeps the page's first `limit` of the `limit + 1` rows read and answers the cursor after
/// the last one kept, when a row was left over (another page follows).
pub fn next_cursor<R>(
    page: PageRequest,
    rows: &mut Vec<R>,
    id: impl Fn(&R) -> i64,
) -> Option<String> {
    more(page, rows).then(|| rows.last().map(id).map(encode))?
}

/// Keeps the page's first `limit` of the `limit + 1` rows read; true when a row was left
/// over, so another page follows.
pub fn more<R>(page: PageRequest, rows: &mut Vec<R>) -> bool {
    let keep = usize::try_from(page.limit).unwrap_or(usize::MAX);
    let more = rows.len() > keep;
    rows.truncate(keep);
    more
}

/// A list answer: `$name { items: Vec<$item>, next_cursor }`, the one shape of every list
/// of the API. `next_cursor` is left out on the last page (a client reads on while it is
/// present); a whole list, such as the regions, is one page and never has it.
macro_rules! cursor_page {
    ($(#[$meta:meta])* $name:ident, $item:ty, $items:literal) => {
        $(#[$meta])*
        #[derive(Debug, Default, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            #[doc = $items]
            pub items: Vec<$item>,
            /// The `cursor` of the next page: opaque, pass it back exactly as sent. Left out
            /// on the last page.
            #[serde(skip_serializing_if = "Option::is_none")]
            #[schema(nullable = false, max_length = 64, pattern = "^[A-Za-z0-9_-]+$", example = "c2n9c")]
            pub next_cursor: Option<String>,
        }
    };
}
pub(crate) use cursor_page;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_and_a_forged_one_is_refused() {
        let page = PageRequest {
            after_id: None,
            limit: 2,
        };
        let c = next_cursor(page, &mut vec![40, 41, 42], |id| *id).unwrap();
        assert_eq!(decode(&c), Some(41));
        assert_eq!(decode("bm9wZQ"), None);
    }

    #[test]
    fn a_full_last_page_has_no_next_cursor_and_a_fuller_read_one() {
        let page = PageRequest {
            after_id: None,
            limit: 2,
        };
        let mut last = vec![7, 8];
        assert_eq!(next_cursor(page, &mut last, |id| *id), None);
        assert_eq!(last, vec![7, 8]);
        let mut more = vec![7, 8, 9];
        assert_eq!(next_cursor(page, &mut more, |id| *id), Some(encode(8)));
        assert_eq!(more, vec![7, 8]);
        assert_eq!(page.fetch(), 3);
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
