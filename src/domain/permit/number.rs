//! The number of an issued permit (Art. 33(4)-(5)): given once, when the last region's
//! fee is paid, printed on the electronic document and the key of its public verification.
//!
//! `KZ-<year of issue>-XXXX-XXXX-XXXX`: twelve symbols of Crockford's base 32 (digits and
//! letters without I, L, O, U) drawn at random, 60 bits. A number says nothing about the
//! permit's id, region or order of issue, so no number can be derived from another, and
//! guessing one takes on the order of 2^59 tries against a rate-limited endpoint.

use std::fmt;

/// Crockford's base-32 alphabet: no I, L, O or U, so no symbol reads as another.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Random symbols in a number.
const SYMBOLS: usize = 12;

/// The number of an issued permit, in its one written form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PermitNumber(String);

impl PermitNumber {
    /// Art. 33(4)-(5): the number of a permit issued in `year`, from 8 random bytes (the
    /// low 60 bits are used). The caller draws the bytes; the rule only writes them.
    pub fn new(year: i32, random: [u8; 8]) -> PermitNumber {
        let mut bits = u64::from_be_bytes(random);
        let mut symbols = [0u8; SYMBOLS];
        for s in symbols.iter_mut().rev() {
            // Masked to 0..32, so the index is always within the alphabet.
            *s = ALPHABET[usize::try_from(bits & 31).unwrap_or_default()];
            bits >>= 5;
        }
        let text: String = symbols.iter().map(|&b| char::from(b)).collect();
        PermitNumber(format!(
            "KZ-{year:04}-{}-{}-{}",
            &text[0..4],
            &text[4..8],
            &text[8..12]
        ))
    }

    /// Art. 33(5): reads a number as a person types it — any case, spaces around it, and
    /// `O` for zero or `I`/`L` for one, as Crockford's base 32 allows. Anything else is no
    /// number (`None`), which the verification answers exactly like an unknown number.
    pub fn parse(s: &str) -> Option<PermitNumber> {
        let s = s.trim().to_ascii_uppercase();
        let mut parts = s.split('-');
        if parts.next()? != "KZ" {
            return None;
        }
        let year = parts.next()?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut groups = Vec::with_capacity(3);
        for _ in 0..3 {
            let group = parts.next()?;
            if group.len() != 4 {
                return None;
            }
            let canonical = group
                .chars()
                .map(|c| match c {
                    'O' => Some('0'),
                    'I' | 'L' => Some('1'),
                    c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => Some(c),
                    _ => None,
                })
                .collect::<Option<String>>()?;
            groups.push(canonical);
        }
        if parts.next().is_some() {
            return None;
        }
        Some(PermitNumber(format!("KZ-{year}-{}", groups.join("-"))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PermitNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_names_the_year_and_twelve_symbols_of_the_alphabet() {
        let n = PermitNumber::new(2026, [0xff; 8]);
        assert_eq!(n.as_str(), "KZ-2026-ZZZZ-ZZZZ-ZZZZ");
        let n = PermitNumber::new(2026, [0; 8]);
        assert_eq!(n.as_str(), "KZ-2026-0000-0000-0000");
        let n = PermitNumber::new(2027, 0x0123_4567_89ab_cdef_u64.to_be_bytes());
        assert!(n.as_str().starts_with("KZ-2027-"));
        assert_eq!(PermitNumber::parse(n.as_str()), Some(n));
    }

    #[test]
    fn different_random_bytes_make_different_numbers() {
        let a = PermitNumber::new(2026, 1u64.to_be_bytes());
        let b = PermitNumber::new(2026, 2u64.to_be_bytes());
        assert_ne!(a, b);
    }

    #[test]
    fn a_typed_number_is_read_in_any_case_with_o_for_zero_and_l_for_one() {
        assert_eq!(
            PermitNumber::parse(" kz-2026-o1l2-abcd-wxyz ").map(|n| n.0),
            Some("KZ-2026-0112-ABCD-WXYZ".to_owned())
        );
    }

    #[test]
    fn anything_but_a_number_is_no_number() {
        for s in [
            "",
            "KZ",
            "KZ-2026",
            "KZ-2026-ABCD-ABCD",
            "KZ-2026-ABCD-ABCD-ABCDE",
            "KZ-2026-ABCD-ABCD-ABCD-ABCD",
            "KZ-26-ABCD-ABCD-ABCD",
            "RU-2026-ABCD-ABCD-ABCD",
            "KZ-2026-ABCU-ABCD-ABCD",
            "KZ-2026-ABCÄ-ABCD-ABCD",
            "1",
        ] {
            assert_eq!(PermitNumber::parse(s), None, "{s}");
        }
    }
}
