//! The fields of a person that every case kind's request shares, as the contract states
//! them: the patterns and lengths a generated client checks before it sends. The service
//! parses them into [`crate::domain::person`]'s types, which decide.

use crate::domain::person::Sex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The pattern of a Latin name as a client may type it: letters A-Z in either case,
/// spaces, hyphens and apostrophes, with at least one letter. Stored upper case, one space
/// between words (ICAO Doc 9303 Part 3).
pub const LATIN_NAME_PATTERN: &str = "^[A-Za-z' -]*[A-Za-z][A-Za-z' -]*$";

/// The pattern of a Cyrillic name: Cyrillic letters including the Kazakh ә ғ қ ң ө ұ ү һ і,
/// spaces, hyphens and apostrophes, with at least one letter.
pub const CYRILLIC_NAME_PATTERN: &str =
    "^[ЁА-яёӘәҒғҚқҢңӨөҰұҮүҺһІі' -]*[ЁА-яёӘәҒғҚқҢңӨөҰұҮүҺһІі][ЁА-яёӘәҒғҚқҢңӨөҰұҮүҺһІі' -]*$";

/// The pattern of a passport number as typed: 5 to 9 letters A-Z (either case) and digits,
/// with spaces and `<` fillers anywhere, which are left out.
pub const PASSPORT_PATTERN: &str = "^[ <]*([A-Za-z0-9][ <]*){5,9}$";

/// The pattern of one line of a passport's machine-readable zone (TD3).
pub const MRZ_LINE_PATTERN: &str = "^[A-Z0-9<]{44}$";

/// Sex as the passport states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum SexParam {
    F,
    M,
    /// Unspecified (`<` in the machine-readable zone).
    X,
}

impl From<SexParam> for Sex {
    fn from(s: SexParam) -> Sex {
        match s {
            SexParam::F => Sex::Female,
            SexParam::M => Sex::Male,
            SexParam::X => Sex::Unspecified,
        }
    }
}

/// One line of a passport's machine-readable zone (ICAO Doc 9303 Part 4, TD3).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MrzLine(pub String);

impl MrzLine {
    /// The lines as text.
    pub fn lines(lines: Vec<MrzLine>) -> Vec<String> {
        lines.into_iter().map(|l| l.0).collect()
    }
}

impl utoipa::PartialSchema for MrzLine {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let mut s = crate::wire::schemas::string_schema(
            "One line of a passport's machine-readable zone (ICAO Doc 9303 Part 4, TD3): 44 \
             characters A-Z, 0-9 and `<`.",
            MRZ_LINE_PATTERN,
            44,
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        );
        if let utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::Object(o)) = &mut s {
            o.min_length = Some(44);
        }
        s
    }
}
impl ToSchema for MrzLine {}
