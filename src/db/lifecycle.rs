//! The compare-and-set the akimat-decided case lifecycles share — self-employment
//! certificates (Art. 34) and ICT permits (Art. 35) — written once: a move writes only
//! when the case is still in the state and version it was read in, so of two decisions
//! taken at once the second changes nothing and is refused.

use chrono::NaiveDate;

/// A decision on an application: the state `S` it moves to and what it sets.
#[derive(Debug, Clone)]
pub struct Decision<'a, S> {
    pub to: S,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// A refusal's note ('' when none was written).
    pub refusal_reason: Option<&'a str>,
    /// A refusal's ground codes, as a JSON array.
    pub refusal_grounds: Option<String>,
}

/// Moves the row `$id` of the case table `$t` (a `schema` module with `id`, `status` and
/// `version`) from state `$from` at `$version` to `$to`, bumping the version: `Ok(true)`
/// when it moved, `Ok(false)` when another change came first.
macro_rules! advance {
    ($conn:expr, $t:ident, $id:expr, $from:expr, $to:expr, $version:expr) => {{
        let version: i64 = $version;
        diesel::update(
            $t::table
                .find($id)
                .filter($t::status.eq($from.as_str()))
                .filter($t::version.eq(version)),
        )
        .set(($t::status.eq($to.as_str()), $t::version.eq(version + 1)))
        .execute($conn)
        .map(|n| n == 1)
    }};
}
pub(crate) use advance;
