//! Percentages as text: 1 to 3 digits, then at most 25 decimals (`"0.25"`, `"70"`), read
//! exactly — a longer string is refused, never rounded. Use as
//! `#[serde(with = "crate::domain::percent")]` on a `Decimal` field.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

/// The strings [`parse`] reads, as a regular expression (for the contract).
pub const PATTERN: &str = "^[0-9]{1,3}(\\.[0-9]{1,25})?$";

/// The percentage `s` names, or `None` when it is not 1-3 digits with at most 25 decimals.
pub fn parse(s: &str) -> Option<Decimal> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits =
        |t: &str, max: usize| (1..=max).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole, 3) || (s.contains('.') && !digits(fraction, 25)) {
        return None;
    }
    Decimal::from_str_exact(s).ok()
}

/// Reads a percentage string exactly ([`parse`]).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| {
        serde::de::Error::custom("must be a percentage: 1-3 digits and at most 25 decimals")
    })
}

/// Writes a percentage as its decimal string.
pub fn serialize<S: Serializer>(p: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.normalize().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_read_exactly_as_written_or_refused() {
        assert_eq!(parse("0.25"), Some(Decimal::new(25, 2)));
        assert_eq!(parse("70"), Some(Decimal::from(70)));
        for bad in [
            "",
            "1000",
            "0.",
            ".5",
            "+1",
            "-1",
            "1e2",
            "0.25000000000000000000000001",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_contracts_pattern_admits_exactly_what_parse_reads() {
        let pattern = regex::Regex::new(PATTERN).unwrap();
        for s in [
            "0.25",
            "70",
            "100",
            "999",
            "0.0000000000000000000000001",
            "",
            "1000",
            "0.",
            ".5",
            "+1",
            "-1",
            "1e2",
            "0.25000000000000000000000001",
            "07",
        ] {
            assert_eq!(pattern.is_match(s), parse(s).is_some(), "{s}");
        }
    }
}
