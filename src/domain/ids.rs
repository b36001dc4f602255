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
    #[error("is not a BIN: YYMM of registration (month 01-12), then 4, 5 or 6, then 0 to 3")]
    BadBin,
    #[error("is not an IIN: a real YYMMDD birth date, then a century digit 1 to 6")]
    BadIin,
    #[error(
        "is neither a BIN (YYMM, then 4-6, then 0-3) nor an individual entrepreneur's IIN \
         (YYMMDD, then 1-6)"
    )]
    NotAnEmployer,
    #[error("must look like KZ-NN (ISO 3166-2:KZ)")]
    BadRegion,
    #[error("must be three capital letters (ISO 3166-1 alpha-3)")]
    BadCountry,
    #[error("must be one OKED section letter A-U")]
    BadSector,
}

impl IdError {
    /// Why the identifier is refused, as a message of the catalogue (`field-id-…`).
    pub fn message(&self) -> super::violation::Message {
        super::violation::Message::new(match self {
            IdError::NotTwelveDigits => "field-id-twelve-digits",
            IdError::BadCheckDigit => "field-id-check-digit",
            IdError::BadBin => "field-id-bin",
            IdError::BadIin => "field-id-iin",
            IdError::NotAnEmployer => "field-id-employer",
            IdError::BadRegion => "field-id-region",
            IdError::BadCountry => "field-id-country",
            IdError::BadSector => "field-id-sector",
        })
    }
}

impl From<IdError> for super::violation::Message {
    fn from(e: IdError) -> Self {
        e.message()
    }
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
    /// Business identification number of a legal entity, its branch or representative
    /// office, or a peasant farm: registration `YYMM`, the entity type (4 resident, 5
    /// non-resident, 6 individual entrepreneur in joint venture), the division (0 head
    /// office, 1 branch, 2 representative office, 3 peasant farm), a serial and a check digit.
    Bin
);
text_id!(
    /// Individual identification number: birth date `YYMMDD`, a century-and-sex digit 1-6
    /// (1-2: 1800s, 3-4: 1900s, 5-6: 2000s), a serial and a check digit.
    Iin
);

/// What kind of employer an identifier names (permits and intra-corporate transfers
/// depend on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerKind {
    /// A legal entity's head office (BIN, 6th digit 0).
    HeadOffice,
    /// A branch of a legal entity (BIN, 6th digit 1).
    Branch,
    /// A representative office (BIN, 6th digit 2).
    RepresentativeOffice,
    /// A peasant or farm enterprise (BIN, 6th digit 3).
    PeasantFarm,
    /// An individual entrepreneur, identified by the IIN.
    IndividualEntrepreneur,
}

impl EmployerKind {
    /// The stable name, e.g. `head_office` (messages select the reader's words by it).
    pub fn as_str(self) -> &'static str {
        match self {
            EmployerKind::HeadOffice => "head_office",
            EmployerKind::Branch => "branch",
            EmployerKind::RepresentativeOffice => "representative_office",
            EmployerKind::PeasantFarm => "peasant_farm",
            EmployerKind::IndividualEntrepreneur => "individual_entrepreneur",
        }
    }
}

impl Bin {
    /// The division the BIN names, from its 6th digit.
    pub fn kind(&self) -> EmployerKind {
        match self.0.as_bytes()[5] {
            b'0' => EmployerKind::HeadOffice,
            b'1' => EmployerKind::Branch,
            b'2' => EmployerKind::RepresentativeOffice,
            _ => EmployerKind::PeasantFarm,
        }
    }
}

/// An employer: a BIN, or the IIN of an individual entrepreneur. Their shapes never
/// overlap (a BIN's 5th digit is 4-6, an IIN's is the tens of a day, 0-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum EmployerId {
    Bin(Bin),
    Iin(Iin),
}

impl EmployerId {
    /// The twelve digits.
    pub fn as_str(&self) -> &str {
        match self {
            EmployerId::Bin(b) => b.as_str(),
            EmployerId::Iin(i) => i.as_str(),
        }
    }

    /// Head office, branch, representative office, farm or individual entrepreneur.
    pub fn kind(&self) -> EmployerKind {
        match self {
            EmployerId::Bin(b) => b.kind(),
            EmployerId::Iin(_) => EmployerKind::IndividualEntrepreneur,
        }
    }
}

impl fmt::Display for EmployerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<EmployerId> for String {
    fn from(v: EmployerId) -> String {
        v.as_str().to_owned()
    }
}

impl TryFrom<String> for EmployerId {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        s.parse()
    }
}

impl std::str::FromStr for EmployerId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        twelve_digit_checked(s)?;
        if bin_shaped(s) {
            Ok(EmployerId::Bin(Bin(s.to_owned())))
        } else if iin_shaped(s) {
            Ok(EmployerId::Iin(Iin(s.to_owned())))
        } else {
            Err(IdError::NotAnEmployer)
        }
    }
}

/// Two digits at `i` as a number (the caller checked they are digits).
fn two(b: &[u8], i: usize) -> u32 {
    u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0')
}

/// `YYMM` with a month 01-12, the entity type 4-6, the division 0-3.
fn bin_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    (1..=12).contains(&two(b, 2)) && (b'4'..=b'6').contains(&b[4]) && (b'0'..=b'3').contains(&b[5])
}

/// `YYMMDD` a real date in the century the 7th digit (1-6) names.
fn iin_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    let century = match b[6] {
        b'1' | b'2' => 1800,
        b'3' | b'4' => 1900,
        b'5' | b'6' => 2000,
        _ => return false,
    };
    chrono::NaiveDate::from_ymd_opt(century + two(b, 0) as i32, two(b, 2), two(b, 4)).is_some()
}
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
        twelve_digit_checked(s)?;
        if bin_shaped(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(IdError::BadBin)
        }
    }
}

impl std::str::FromStr for Iin {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        twelve_digit_checked(s)?;
        if iin_shaped(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(IdError::BadIin)
        }
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
        let iin: Iin = "061211600012".parse().unwrap();
        assert_eq!(iin.as_str(), "061211600012");
    }

    #[test]
    fn a_wrong_check_digit_is_refused() {
        assert_eq!("210340000014".parse::<Bin>(), Err(IdError::BadCheckDigit));
        assert_eq!("061211600013".parse::<Iin>(), Err(IdError::BadCheckDigit));
        assert_eq!(
            "061211600013".parse::<EmployerId>(),
            Err(IdError::BadCheckDigit)
        );
    }

    #[test]
    fn identifiers_need_exactly_twelve_digits() {
        assert_eq!("21034000001".parse::<Bin>(), Err(IdError::NotTwelveDigits));
        assert_eq!("21034000001a".parse::<Bin>(), Err(IdError::NotTwelveDigits));
        assert_eq!(
            "０61211600012".parse::<Iin>(),
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
        assert_eq!(twelve_digit_checked("000000000101"), Ok(()));
        assert_eq!(
            twelve_digit_checked("000000000100"),
            Err(IdError::BadCheckDigit)
        );
    }

    #[test]
    fn a_bin_names_its_division_by_the_sixth_digit() {
        let kind = |s: &str| s.parse::<Bin>().unwrap().kind();
        assert_eq!(kind("190540012345"), EmployerKind::HeadOffice);
        assert_eq!(kind("190541012340"), EmployerKind::Branch);
        assert_eq!(kind("190542012346"), EmployerKind::RepresentativeOffice);
        assert_eq!(kind("190543012341"), EmployerKind::PeasantFarm);
    }

    #[test]
    fn a_bin_needs_a_registration_month_an_entity_type_and_a_division() {
        // Each has a valid check digit; the structure is what refuses it.
        for (s, why) in [
            ("000000000000", "month 00"),
            ("211340000006", "month 13"),
            ("210300000005", "5th digit 0"),
            ("210370000017", "5th digit 7"),
            ("210344000015", "6th digit 4"),
        ] {
            assert_eq!(
                twelve_digit_checked(s),
                Ok(()),
                "{s} has a valid check digit"
            );
            assert_eq!(s.parse::<Bin>(), Err(IdError::BadBin), "{why}");
            assert_eq!(
                s.parse::<EmployerId>(),
                Err(IdError::NotAnEmployer),
                "{why}"
            );
        }
    }

    #[test]
    fn an_iin_needs_a_real_birth_date_and_a_century_digit() {
        for (s, why) in [
            ("880230300012", "30 February"),
            ("880715900017", "7th digit 9"),
            ("880715000014", "7th digit 0"),
            ("000229300015", "29 February 1900"),
        ] {
            assert_eq!(twelve_digit_checked(s), Ok(()), "{s} check digit");
            assert_eq!(s.parse::<Iin>(), Err(IdError::BadIin), "{why}");
            assert_eq!(
                s.parse::<EmployerId>(),
                Err(IdError::NotAnEmployer),
                "{why}"
            );
        }
        assert!("880715300019".parse::<Iin>().is_ok());
        assert!("000229500018".parse::<Iin>().is_ok(), "29 February 2000");
    }

    #[test]
    fn an_employer_is_a_bin_or_an_individual_entrepreneurs_iin() {
        let bin: EmployerId = "210340000013".parse().unwrap();
        assert!(matches!(bin, EmployerId::Bin(_)));
        assert_eq!(bin.kind(), EmployerKind::HeadOffice);
        let iin: EmployerId = "880715300019".parse().unwrap();
        assert!(matches!(iin, EmployerId::Iin(_)));
        assert_eq!(iin.kind(), EmployerKind::IndividualEntrepreneur);
        assert_eq!(iin.as_str(), "880715300019");
        assert_eq!(
            serde_json::from_str::<EmployerId>("\"210340000013\"").unwrap(),
            bin
        );
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
