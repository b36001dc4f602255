//! The lists' opaque cursors: `c` and a position in base 36 (lower case), at most 12
//! digits, as the contract's pattern `^c[0-9a-z]{1,12}$` states. Every value of that
//! pattern reads as a position (36^12 - 1 still fits an `i64`), so a cursor the contract
//! admits is never refused as malformed; one no page answered starts after its position.

/// Longest run of base-36 digits a cursor has.
const DIGITS: usize = 12;

/// The position a cursor stands for; `None` for a value outside the pattern.
pub fn decode(cursor: &str) -> Option<i64> {
    let digits = cursor.strip_prefix('c')?;
    let well_formed = (1..=DIGITS).contains(&digits.len())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase());
    well_formed
        .then(|| i64::from_str_radix(digits, 36).ok())
        .flatten()
}

/// The cursor of `position` (a negative one reads as 0).
pub fn encode(position: i64) -> String {
    let mut digits = Vec::new();
    let mut rest = u64::try_from(position).unwrap_or_default();
    loop {
        digits.push(char::from_digit(u32::try_from(rest % 36).unwrap_or(0), 36).unwrap_or('0'));
        rest /= 36;
        if rest == 0 {
            break;
        }
    }
    std::iter::once('c')
        .chain(digits.into_iter().rev())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cursor_of_the_pattern_is_a_position_and_nothing_else_is() {
        assert_eq!(decode(&encode(41)), Some(41));
        assert_eq!(decode("c0"), Some(0));
        assert_eq!(decode("czzzzzzzzzzzz"), Some(4_738_381_338_321_616_895));
        assert_eq!(decode("czzzzzzzzzzzzz"), None);
        assert_eq!(decode("cZ"), None);
        assert_eq!(decode("bm9wZQ"), None);
        assert_eq!(decode("c"), None);
        assert_eq!(
            decode(&encode(i64::from(u32::MAX))),
            Some(i64::from(u32::MAX))
        );
    }
}
