//! Identifiers that arrive as text: parsed once at the edge, valid everywhere after.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why an identifier did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("must be exactly 12 digits")]
    NotTwelveDigits,
    #[error("check digit does not match")]
    BadCheckDigit,
    #[error("must look like KZ-NN (ISO 3166-2:KZ)")]
    BadRegion,
    #[error("must be three capital letters (ISO 3166-1 alpha-3)")]
    BadCountry,
    #[error("must be one OKED section letter A-U")]
    BadSector,
}

/// Check digit of a 12-digit BIN or IIN: weigh digits 1-11 by 1..11, sum mod 11; if that is
/// 10, weigh by 3..11,1,2 and take mod 11 again; a second 10 makes the number invalid
/// (the national identifier standard the DIGEST's "Identifiers" section describes).
fn twelve_digit_checked(s: &str) -> Result<(), IdError> {
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if s.len() != 12 || digits.len() != 12 {
        return Err(IdError::NotTwelveDigits);
    }
    let weighted = |weights: [u32; 11]| -> u32 {
        digits.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11
    };
    let mut check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if check == 10 {
        check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    if check == 10 || check != digits[11] {
        return Err(IdError::BadCheckDigit);
    }
    Ok(())
}

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                s.parse()
            }
        }
    };
}

text_id!(
    /// Business identification number of an employer: 12 digits with a check digit.
    Bin
);
text_id!(
    /// Individual identification number: 12 digits with a check digit.
    Iin
);
text_id!(
    /// A region by its ISO 3166-2:KZ code, e.g. `KZ-75`; whether it exists is reference data.
    RegionCode
);
text_id!(
    /// A country by its ISO 3166-1 alpha-3 code, e.g. `UZB`.
    CountryCode
);
text_id!(
    /// An OKED (Kazakh NACE Rev. 2) section letter, `A` to `U`.
    SectorCode
);

impl std::str::FromStr for Bin {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        twelve_digit_checked(s).map(|()| Self(s.to_owned()))
    }
}

impl std::str::FromStr for Iin {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        twelve_digit_checked(s).map(|()| Self(s.to_owned()))
    }
}

impl std::str::FromStr for RegionCode {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let b = s.as_bytes();
        if b.len() == 5 && s.starts_with("KZ-") && b[3].is_ascii_digit() && b[4].is_ascii_digit() {
            Ok(Self(s.to_owned()))
        } else {
            Err(IdError::BadRegion)
        }
    }
}

impl std::str::FromStr for CountryCode {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        if s.len() == 3 && s.bytes().all(|c| c.is_ascii_uppercase()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(IdError::BadCountry)
        }
    }
}

impl std::str::FromStr for SectorCode {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        match s.as_bytes() {
            [c] if (b'A'..=b'U').contains(c) => Ok(Self(s.to_owned())),
            _ => Err(IdError::BadSector),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iin_from_the_digest_example_is_valid() {
        assert!("061211600012".parse::<Iin>().is_ok());
    }

    #[test]
    fn bin_with_a_wrong_check_digit_is_refused() {
        assert_eq!("061211600013".parse::<Bin>(), Err(IdError::BadCheckDigit));
    }

    #[test]
    fn bin_needs_exactly_twelve_digits() {
        assert_eq!("06121160001".parse::<Bin>(), Err(IdError::NotTwelveDigits));
        assert_eq!("06121160001a".parse::<Bin>(), Err(IdError::NotTwelveDigits));
        assert_eq!(
            "０61211600012".parse::<Bin>(),
            Err(IdError::NotTwelveDigits)
        );
    }

    #[test]
    fn second_weighting_applies_when_the_first_sum_is_ten() {
        // 1..11 weights give 10 for these eleven digits; the second pass gives the check digit.
        let first: u32 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
            .iter()
            .zip(1..=11)
            .map(|(d, w)| d * w)
            .sum::<u32>()
            % 11;
        assert_eq!(first, 10);
        // second weights: position 10 weighs 1 -> check digit 1.
        assert!("000000000101".parse::<Bin>().is_ok());
        assert_eq!("000000000100".parse::<Bin>(), Err(IdError::BadCheckDigit));
    }

    #[test]
    fn region_codes_follow_iso_3166_2_kz() {
        assert!("KZ-75".parse::<RegionCode>().is_ok());
        assert!("KZ-7".parse::<RegionCode>().is_err());
        assert!("kz-75".parse::<RegionCode>().is_err());
    }

    #[test]
    fn country_and_sector_codes_are_checked() {
        assert!("UZB".parse::<CountryCode>().is_ok());
        assert!("UZ".parse::<CountryCode>().is_err());
        assert!("F".parse::<SectorCode>().is_ok());
        assert!("V".parse::<SectorCode>().is_err());
    }
}
