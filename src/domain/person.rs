//! Who a foreign worker is, as the passport defines it: the name in Latin letters (ICAO
//! Doc 9303 Part 3) and, where given, in Cyrillic; the passport number; the passport's
//! machine-readable zone (Doc 9303 Part 4, TD3), which checks them; the dates a person's
//! age and experience must fit (Labour Code of the Republic of Kazakhstan, Art. 31); and
//! when two records name the same person (Art. 33(3) as the service reads it).
//!
//! Each type is parsed once, where a worker arrives, and is normalised when it is: what a
//! case stores and compares is the normal form, never what was typed.

use super::{statute, CountryCode, Violation};
use crate::domain::article::{Article, ICAO_9303_3, ICAO_9303_4, LABOUR_CODE_31};
use crate::domain::ProblemCode;
use chrono::{Datelike, NaiveDate};
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// The act a name's and a passport number's form rests on.
pub const ICAO_NAMES: Article = ICAO_9303_3;
/// The act of the passport's machine-readable zone and its document number.
pub const ICAO_PASSPORT: Article = ICAO_9303_4;
/// The act of a worker's age.
pub const LABOUR_CODE_AGE: Article = LABOUR_CODE_31;

/// A name has at most this many characters once normalised.
pub const MAX_NAME_CHARS: usize = 300;

/// A passport number (the TD3 document number, Doc 9303 Part 4: nine characters, filled
/// with `<`) has at least this many characters once spaces and fillers are removed.
pub const MIN_PASSPORT_CHARS: usize = 5;
/// ... and at most this many.
pub const MAX_PASSPORT_CHARS: usize = 9;

/// Why a name did not parse. Each names the character at fault where there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    /// Nothing but spaces.
    Blank,
    /// Longer than [`MAX_NAME_CHARS`].
    TooLong,
    /// A control or format character (zero-width, bidirectional override, BEL, …).
    Invisible(char),
    /// A character of another script, or a symbol.
    Foreign(char),
    /// A hyphen or apostrophe that is not between two letters.
    Separator,
}

/// The script a name is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
}

/// Characters no one sees: controls and the format characters (zero-width spaces and
/// joiners, bidirectional marks and overrides, the byte-order mark, tags).
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
            | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// The Kazakh letters of the Cyrillic alphabet beyond Russian's, both cases.
const KAZAKH_LETTERS: &str = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";

fn letter_of(script: Script, c: char) -> bool {
    match script {
        Script::Latin => c.is_ascii_alphabetic(),
        Script::Cyrillic => {
            ('\u{0410}'..='\u{044F}').contains(&c)
                || c == 'Ё'
                || c == 'ё'
                || KAZAKH_LETTERS.contains(c)
        }
    }
}

/// The spaces a name may hold between its words: the space and its no-break and
/// typographic kinds (not tabs or line breaks, which are controls).
fn space(c: char) -> bool {
    c == ' '
        || c == '\u{00A0}'
        || ('\u{2000}'..='\u{200A}').contains(&c)
        || c == '\u{202F}'
        || c == '\u{205F}'
        || c == '\u{3000}'
}

/// The normal form of a name in `script`: NFC, upper case, one space between words, none
/// at either end or beside a hyphen or apostrophe; typographic apostrophes (’ ʼ) and
/// hyphens (‐ ‑) become `'` and `-`; every hyphen and apostrophe stands between letters.
fn normalise(raw: &str, script: Script) -> Result<String, NameError> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in raw.nfc() {
        let c = match c {
            '\u{2019}' | '\u{02BC}' | '\u{2018}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        };
        if space(c) {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        } else if invisible(c) {
            return Err(NameError::Invisible(c));
        } else if letter_of(script, c) {
            current.extend(c.to_uppercase());
        } else if c == '-' || c == '\'' {
            current.push(c);
        } else {
            return Err(NameError::Foreign(c));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    // Words separated by a space only; a hyphen or apostrophe standing alone joins its
    // neighbours ("KAYA - MEHMET" is "KAYA-MEHMET").
    let mut out = String::new();
    for w in words {
        let joins = out.ends_with(['-', '\'']) || w.starts_with(['-', '\'']);
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(&w);
    }
    if out.is_empty() {
        return Err(NameError::Blank);
    }
    if out.chars().count() > MAX_NAME_CHARS {
        return Err(NameError::TooLong);
    }
    let chars: Vec<char> = out.chars().collect();
    let between_letters = chars.iter().enumerate().all(|(i, c)| {
        !matches!(c, '-' | '\'')
            || (i > 0
                && i + 1 < chars.len()
                && letter_of(script, chars[i - 1])
                && letter_of(script, chars[i + 1]))
    });
    if !between_letters {
        return Err(NameError::Separator);
    }
    Ok(out)
}

/// A person's name in Latin letters, as the passport prints it (ICAO Doc 9303 Part 3: the
/// Latin transliteration, A-Z): upper case, words separated by one space, hyphens and
/// apostrophes between letters. The one type of a foreign worker's name in every case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LatinName(String);

impl LatinName {
    /// Parses and normalises `raw`.
    pub fn parse(raw: &str) -> Result<LatinName, NameError> {
        normalise(raw, Script::Latin).map(LatinName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as the machine-readable zone compares it: a hyphen reads as a space and an
    /// apostrophe is left out (Doc 9303 Part 3), so `O'BRIEN-SMITH` and `OBRIEN SMITH` are
    /// one name. [`name_key_sql`] is the same function in SQL.
    pub fn key(&self) -> String {
        name_key(&self.0)
    }
}

/// [`LatinName::key`] of a name already in normal form.
pub fn name_key(normal: &str) -> String {
    normal.replace('-', " ").replace('\'', "")
}

/// [`LatinName::key`] in SQL (the same text in SQLite and PostgreSQL) over the stored
/// column `column`; the index of the live-permit check is built on the same expression.
pub fn name_key_sql(column: &str) -> String {
    format!("replace(replace({column}, '-', ' '), '''', '')")
}

impl fmt::Display for LatinName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<LatinName> for String {
    fn from(n: LatinName) -> String {
        n.0
    }
}

/// A person's name in Cyrillic, including the Kazakh letters (ә ғ қ ң ө ұ ү һ і), in the
/// same normal form as [`LatinName`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CyrillicName(String);

impl CyrillicName {
    /// Parses and normalises `raw`.
    pub fn parse(raw: &str) -> Result<CyrillicName, NameError> {
        normalise(raw, Script::Cyrillic).map(CyrillicName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<CyrillicName> for String {
    fn from(n: CyrillicName) -> String {
        n.0
    }
}

/// How a character at fault is shown: its code point, and itself when it can be seen.
fn shown(c: char) -> String {
    if invisible(c) {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("U+{:04X} «{c}»", u32::from(c))
    }
}

impl NameError {
    /// The refusal of the name at `pointer` (a JSON pointer), in the words of a Latin name
    /// whose Cyrillic spelling goes in `cyrillic_field` where the request has one.
    pub fn latin(self, pointer: &str, cyrillic_field: Option<&str>) -> Violation {
        match self {
            NameError::Foreign(c) => Violation::new(ProblemCode::NameNotLatin, ICAO_NAMES)
                .text("char", shown(c))
                .text("cyrillic", cyrillic_field.unwrap_or("none")),
            other => other.common(),
        }
        .at(pointer)
    }

    /// The refusal of the Cyrillic name at `pointer`.
    pub fn cyrillic(self, pointer: &str) -> Violation {
        match self {
            NameError::Foreign(c) => {
                Violation::new(ProblemCode::NameNotCyrillic, ICAO_NAMES).text("char", shown(c))
            }
            other => other.common(),
        }
        .at(pointer)
    }

    fn common(self) -> Violation {
        match self {
            NameError::Blank => Violation::new(ProblemCode::NameBlank, ICAO_NAMES),
            NameError::TooLong => {
                Violation::new(ProblemCode::NameTooLong, ICAO_NAMES).arg("max", MAX_NAME_CHARS)
            }
            NameError::Invisible(c) | NameError::Foreign(c) => {
                Violation::new(ProblemCode::NameInvisibleCharacter, ICAO_NAMES)
                    .text("char", shown(c))
            }
            NameError::Separator => Violation::new(ProblemCode::NameSeparator, ICAO_NAMES),
        }
    }
}

/// A passport number arrives in at most this many characters, spaces and fillers included
/// (a line of the machine-readable zone).
pub const MAX_PASSPORT_TYPED: usize = 44;

/// Why a passport number did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassportError {
    /// A character other than A-Z, 0-9, spaces and `<`.
    Character(char),
    /// Fewer or more characters than passports use, once spaces and fillers are removed.
    Length(usize),
}

impl PassportError {
    /// The refusal of the passport number at `pointer`.
    pub fn violation(self, pointer: &str) -> Violation {
        match self {
            PassportError::Character(c) => {
                Violation::new(ProblemCode::PassportNumberCharacter, ICAO_PASSPORT)
                    .text("char", shown(c))
            }
            PassportError::Length(n) => {
                Violation::new(ProblemCode::PassportNumberLength, ICAO_PASSPORT)
                    .arg("length", n)
                    .arg("min", MIN_PASSPORT_CHARS)
                    .arg("max", MAX_PASSPORT_CHARS)
            }
        }
        .at(pointer)
    }
}

/// A passport number in normal form: upper-case A-Z and 0-9 only, spaces and the
/// machine-readable zone's `<` fillers removed, 5 to 9 characters. `n12345678`,
/// `N 12345678` and `N12345678<` are all `N12345678`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PassportNumber(String);

impl PassportNumber {
    /// Parses and normalises `raw`.
    pub fn parse(raw: &str) -> Result<PassportNumber, PassportError> {
        let typed = raw.chars().count();
        if typed > MAX_PASSPORT_TYPED {
            return Err(PassportError::Length(typed));
        }
        let mut out = String::new();
        for c in raw.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_uppercase());
            } else if !(c == '<' || space(c)) {
                return Err(PassportError::Character(c));
            }
        }
        let n = out.chars().count();
        if !(MIN_PASSPORT_CHARS..=MAX_PASSPORT_CHARS).contains(&n) {
            return Err(PassportError::Length(n));
        }
        Ok(PassportNumber(out))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PassportNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<PassportNumber> for String {
    fn from(n: PassportNumber) -> String {
        n.0
    }
}

/// Sex as the passport states it (Doc 9303 Part 3): F, M, or X (unspecified; `<` in the
/// machine-readable zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
    Unspecified,
}

impl Sex {
    /// `F`, `M` or `X`.
    pub fn parse(s: &str) -> Option<Sex> {
        match s {
            "F" => Some(Sex::Female),
            "M" => Some(Sex::Male),
            "X" => Some(Sex::Unspecified),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "F",
            Sex::Male => "M",
            Sex::Unspecified => "X",
        }
    }
}

/// The value of one character of the machine-readable zone in a check digit: digits
/// their value, `A`=10 … `Z`=35, `<`=0; `None` for any other character.
fn mrz_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        'A'..='Z' => Some(u32::from(c) - u32::from('A') + 10),
        '<' => Some(0),
        _ => None,
    }
}

/// The check digit of `s` (Doc 9303 Part 3, 4.9): each character's value weighted 7, 3, 1,
/// 7, 3, 1, …, summed, modulo 10. `None` when `s` holds a character the zone cannot.
pub fn check_digit(s: &str) -> Option<u32> {
    s.chars()
        .zip([7, 3, 1].into_iter().cycle())
        .try_fold(0u32, |sum, (c, w)| Some((sum + mrz_value(c)? * w) % 10))
}

/// What a check digit of the zone covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MrzItem {
    DocumentNumber,
    BirthDate,
    Expiry,
    PersonalNumber,
    Composite,
}

impl MrzItem {
    pub fn as_str(self) -> &'static str {
        match self {
            MrzItem::DocumentNumber => "document-number",
            MrzItem::BirthDate => "birth-date",
            MrzItem::Expiry => "expiry",
            MrzItem::PersonalNumber => "personal-number",
            MrzItem::Composite => "composite",
        }
    }

    pub const ALL: [MrzItem; 5] = [
        MrzItem::DocumentNumber,
        MrzItem::BirthDate,
        MrzItem::Expiry,
        MrzItem::PersonalNumber,
        MrzItem::Composite,
    ];
}

/// Why a machine-readable zone did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MrzError {
    /// Not two lines of 44 characters of A-Z, 0-9 and `<`: the line (0 or 1) at fault.
    Shape(usize),
    /// The first line is not a passport's (it starts with `P`).
    NotPassport,
    /// A date of the second line is no date.
    Date(MrzItem),
    /// A check digit does not match what it covers.
    CheckDigit(MrzItem),
}

impl MrzError {
    /// The refusal of the zone at `pointer` (the `mrz` field).
    pub fn violation(self, pointer: &str) -> Violation {
        match self {
            MrzError::Shape(line) => Violation::new(ProblemCode::MrzShape, ICAO_PASSPORT)
                .arg("line", line + 1)
                .at(&format!("{pointer}/{line}")),
            MrzError::NotPassport => Violation::new(ProblemCode::MrzNotPassport, ICAO_PASSPORT)
                .at(&format!("{pointer}/0")),
            MrzError::Date(item) => Violation::new(ProblemCode::MrzDate, ICAO_PASSPORT)
                .text("item", item.as_str())
                .at(&format!("{pointer}/1")),
            MrzError::CheckDigit(item) => Violation::new(ProblemCode::MrzCheckDigit, ICAO_PASSPORT)
                .text("item", item.as_str())
                .at(&format!("{pointer}/1")),
        }
    }
}

/// A two-digit year, month and day of the zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MrzDate {
    pub yy: u32,
    pub month: u32,
    pub day: u32,
}

impl MrzDate {
    fn parse(s: &str, item: MrzItem) -> Result<MrzDate, MrzError> {
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|d| d.parse::<u32>().ok());
        let (Some(yy), Some(month), Some(day)) = (n(0..2), n(2..4), n(4..6)) else {
            return Err(MrzError::Date(item));
        };
        // A day of the year 20YY exists when it exists in some century (29 February of a
        // year divisible by four: 2000 was a leap year).
        if s.len() != 6
            || NaiveDate::from_ymd_opt(2000 + i32::try_from(yy).unwrap_or(0), month, day).is_none()
        {
            return Err(MrzError::Date(item));
        }
        Ok(MrzDate { yy, month, day })
    }

    /// Whether `date` is this date, its two-digit year read in `date`'s century.
    pub fn is(&self, date: NaiveDate) -> bool {
        u32::try_from(date.year().rem_euclid(100)).ok() == Some(self.yy)
            && date.month() == self.month
            && date.day() == self.day
    }
}

/// A passport's machine-readable zone (Doc 9303 Part 4: TD3, two lines of 44 characters),
/// its check digits verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mrz {
    /// The document number, fillers removed.
    pub document_number: String,
    /// The holder's nationality as the zone writes it (`D<<` → `D`).
    pub nationality: String,
    pub birth: MrzDate,
    /// `None` for `<`: unspecified.
    pub sex: Sex,
    pub expiry: MrzDate,
}

impl Mrz {
    /// Parses the two lines and verifies every check digit: the document number's, the
    /// birth date's, the expiry's, the personal number's and the composite.
    pub fn parse(lines: &[String]) -> Result<Mrz, MrzError> {
        if lines.len() != 2 {
            return Err(MrzError::Shape(lines.len().min(2)));
        }
        for (i, l) in lines.iter().enumerate() {
            if l.chars().count() != 44 || !l.chars().all(|c| mrz_value(c).is_some()) {
                return Err(MrzError::Shape(i));
            }
        }
        let [first, second] = lines else {
            return Err(MrzError::Shape(0));
        };
        if !first.starts_with('P') {
            return Err(MrzError::NotPassport);
        }
        let l = second.as_str();
        let digit = |pos: usize| l[pos..=pos].chars().next().and_then(|c| c.to_digit(10));
        let checked = |range: std::ops::Range<usize>, at: usize, item: MrzItem| {
            if check_digit(&l[range]) == digit(at) {
                Ok(())
            } else {
                Err(MrzError::CheckDigit(item))
            }
        };
        checked(0..9, 9, MrzItem::DocumentNumber)?;
        let birth = MrzDate::parse(&l[13..19], MrzItem::BirthDate)?;
        checked(13..19, 19, MrzItem::BirthDate)?;
        let expiry = MrzDate::parse(&l[21..27], MrzItem::Expiry)?;
        checked(21..27, 27, MrzItem::Expiry)?;
        // An empty personal number may have `<` for its check digit.
        let personal = &l[28..42];
        if !(personal.chars().all(|c| c == '<') && &l[42..43] == "<") {
            checked(28..42, 42, MrzItem::PersonalNumber)?;
        }
        let composite = format!("{}{}{}", &l[0..10], &l[13..20], &l[21..43]);
        if check_digit(&composite) != digit(43) {
            return Err(MrzError::CheckDigit(MrzItem::Composite));
        }
        let sex = match &l[20..21] {
            "F" => Sex::Female,
            "M" => Sex::Male,
            "<" | "X" => Sex::Unspecified,
            _ => return Err(MrzError::Shape(1)),
        };
        Ok(Mrz {
            document_number: l[0..9].replace('<', ""),
            nationality: l[10..13].trim_end_matches('<').to_owned(),
            birth,
            sex,
            expiry,
        })
    }

    /// Whether the zone's nationality is `country`: Germany is `D` in the zone, and the
    /// United Kingdom's kinds of British nationals (`GBD`, `GBN`, `GBO`, `GBP`, `GBS`)
    /// are citizens of `GBR` for the quota.
    pub fn nationality_is(&self, country: &CountryCode) -> bool {
        let c = country.as_str();
        self.nationality == c
            || (c == "DEU" && self.nationality == "D")
            || (c == "GBR"
                && ["GBD", "GBN", "GBO", "GBP", "GBS"].contains(&self.nationality.as_str()))
    }
}

/// The fields a worker's request states, which the zone must agree with.
#[derive(Debug, Clone, Copy)]
pub struct Stated<'a> {
    pub passport: &'a PassportNumber,
    pub citizenship: &'a CountryCode,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub passport_expiry: Option<NaiveDate>,
}

/// Each field the zone disagrees with, as a refusal at that field's pointer under `at`
/// (the worker's pointer): `mrz-mismatch` naming the item.
pub fn mrz_disagreements(mrz: &Mrz, s: &Stated<'_>, at: &str) -> Vec<Violation> {
    let mut out = Vec::new();
    let mut differ = |field: &str, item: &str| {
        out.push(
            Violation::new(ProblemCode::MrzMismatch, ICAO_PASSPORT)
                .text("item", item)
                .at(&format!("{at}/{field}")),
        );
    };
    if mrz.document_number != s.passport.as_str() {
        differ("passport_number", "document-number");
    }
    if !mrz.nationality_is(s.citizenship) {
        differ("citizenship", "nationality");
    }
    if s.birth_date.is_some_and(|d| !mrz.birth.is(d)) {
        differ("birth_date", "birth-date");
    }
    if s.sex.is_some_and(|x| x != mrz.sex) {
        differ("sex", "sex");
    }
    if s.passport_expiry.is_some_and(|d| !mrz.expiry.is(d)) {
        differ("passport_expiry", "expiry");
    }
    out
}

/// What a request states of one person, as it arrived, and where: the fields every case
/// kind shares (a Latin name, a passport number, a citizenship) and those only some
/// have (a Cyrillic name, the machine-readable zone, sex, birth date, passport expiry).
#[derive(Debug, Clone, Copy)]
pub struct IdentityFields<'a> {
    /// The JSON pointer of the person in the request (`/workers/0`, `/newcomer`, or ``
    /// for the request itself).
    pub at: &'a str,
    /// The name of the Latin name's field: `full_name_latin` or `full_name`.
    pub name_field: &'a str,
    pub name: &'a str,
    /// The request's field for a Cyrillic spelling, where it has one, and its value.
    pub cyrillic_field: Option<&'a str>,
    pub cyrillic: Option<&'a str>,
    pub passport: &'a str,
    pub citizenship: &'a CountryCode,
    pub mrz: Option<&'a [String]>,
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    pub passport_expiry: Option<NaiveDate>,
}

/// A person as parsed: every field in normal form, the zone (where sent) verified and in
/// agreement with the fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: LatinName,
    pub name_cyrillic: Option<CyrillicName>,
    pub passport: PassportNumber,
}

/// Parses one person's fields (ICAO Doc 9303 Parts 3 and 4): every refusal at once, each
/// at its field's pointer; nothing is kept of a person with any.
pub fn identify(f: &IdentityFields<'_>) -> Result<Identity, Vec<Violation>> {
    let at = f.at;
    let mut out = Vec::new();
    let name = LatinName::parse(f.name)
        .map_err(|e| out.push(e.latin(&format!("{at}/{}", f.name_field), f.cyrillic_field)))
        .ok();
    let cyrillic = match (f.cyrillic_field, f.cyrillic) {
        (Some(field), Some(raw)) => CyrillicName::parse(raw)
            .map(Some)
            .map_err(|e| out.push(e.cyrillic(&format!("{at}/{field}"))))
            .unwrap_or(None),
        _ => None,
    };
    let passport = PassportNumber::parse(f.passport)
        .map_err(|e| out.push(e.violation(&format!("{at}/passport_number"))))
        .ok();
    if let (Some(lines), Some(passport)) = (f.mrz, &passport) {
        match Mrz::parse(lines) {
            Ok(mrz) => out.extend(mrz_disagreements(
                &mrz,
                &Stated {
                    passport,
                    citizenship: f.citizenship,
                    birth_date: f.birth_date,
                    sex: f.sex,
                    passport_expiry: f.passport_expiry,
                },
                at,
            )),
            Err(e) => out.push(e.violation(&format!("{at}/mrz"))),
        }
    }
    match (name, passport) {
        (Some(name), Some(passport)) if out.is_empty() => Ok(Identity {
            name,
            name_cyrillic: cyrillic,
            passport,
        }),
        _ => Err(out),
    }
}

/// Whole years of a person born on `birth` on `on` (a person born on 29 February comes of
/// age on 1 March in a common year).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years - 1
    } else {
        years
    }
}

/// The minimum age of a labour contract in force, with the act it comes from (rule set;
/// never below [`statute::MIN_WORKING_AGE`]).
#[derive(Debug, Clone, Copy)]
pub struct WorkingAge<'a> {
    pub minimum: u32,
    pub source: &'a str,
}

/// The dates a worker's request states, and where each is in the request.
#[derive(Debug, Clone, Copy)]
pub struct LifeDates {
    pub birth_date: NaiveDate,
    pub passport_expiry: Option<NaiveDate>,
    pub experience_years: u32,
}

/// The dates of one worker against the law: born before `today`; of working age on the
/// permit's `start` (Labour Code Art. 31: a labour contract from the age the rule set
/// gives, never below the Code's); no more years of experience than years since that age
/// (on `today`); a passport that expires after its holder was born. Each refusal is at its
/// field's pointer under `at`.
pub fn check_life_dates(
    d: &LifeDates,
    start: NaiveDate,
    today: NaiveDate,
    age: WorkingAge<'_>,
    at: &str,
) -> Vec<Violation> {
    let mut out = Vec::new();
    let minimum = age.minimum.max(statute::MIN_WORKING_AGE);
    let source = if age.minimum >= statute::MIN_WORKING_AGE {
        age.source
    } else {
        LABOUR_CODE_AGE.cite()
    };
    if d.birth_date >= today {
        out.push(
            Violation::new(ProblemCode::BirthDateNotPast, LABOUR_CODE_AGE)
                .text("birth", d.birth_date)
                .text("today", today)
                .at(&format!("{at}/birth_date")),
        );
        return out;
    }
    let at_start = age_on(d.birth_date, start);
    if at_start < i32::try_from(minimum).unwrap_or(i32::MAX) {
        out.push(
            Violation::new(ProblemCode::WorkerBelowWorkingAge, LABOUR_CODE_AGE)
                .text("birth", d.birth_date)
                .text("start", start)
                .arg("age", at_start)
                .arg("minimum", minimum)
                .text("source", source)
                .at(&format!("{at}/birth_date")),
        );
    }
    let possible = (age_on(d.birth_date, today) - i32::try_from(minimum).unwrap_or(0)).max(0);
    if i64::from(d.experience_years) > i64::from(possible) {
        out.push(
            Violation::new(ProblemCode::ExperienceBeyondWorkingYears, LABOUR_CODE_AGE)
                .arg("years", d.experience_years)
                .arg("possible", possible)
                .arg("minimum", minimum)
                .at(&format!("{at}/experience_years")),
        );
    }
    if let Some(expiry) = d.passport_expiry.filter(|e| *e <= d.birth_date) {
        out.push(
            Violation::new(ProblemCode::PassportExpiryBeforeBirth, ICAO_NAMES)
                .text("expiry", expiry)
                .text("birth", d.birth_date)
                .at(&format!("{at}/passport_expiry")),
        );
    }
    out
}

/// What makes two records one person (Art. 33(3) as the service reads it): the same
/// nationality and either the same passport number or the same Latin name (compared by
/// [`LatinName::key`]) and birth date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonKey {
    pub citizenship: String,
    pub passport: String,
    pub name_key: String,
    pub birth_date: NaiveDate,
}

impl PersonKey {
    /// The key of a record stored in normal form.
    pub fn of(citizenship: &str, passport: &str, name: &str, birth_date: NaiveDate) -> PersonKey {
        PersonKey {
            citizenship: citizenship.to_owned(),
            passport: passport.to_owned(),
            name_key: name_key(name),
            birth_date,
        }
    }

    /// Whether both name one person.
    pub fn same(&self, other: &PersonKey) -> bool {
        self.citizenship == other.citizenship
            && (self.passport == other.passport
                || (self.name_key == other.name_key && self.birth_date == other.birth_date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn latin_names_are_upper_case_with_single_spaces() {
        for (raw, normal) in [
            ("KAYA MEHMET", "KAYA MEHMET"),
            ("Kaya Mehmet", "KAYA MEHMET"),
            ("KAYA  MEHMET", "KAYA MEHMET"),
            ("  kaya\u{00A0}mehmet ", "KAYA MEHMET"),
            ("O’Brien - Smith", "O'BRIEN-SMITH"),
            ("N'DIAYE", "N'DIAYE"),
        ] {
            assert_eq!(LatinName::parse(raw).unwrap().as_str(), normal, "{raw:?}");
        }
    }

    #[test]
    fn what_no_passport_holds_is_refused_with_its_reason() {
        for (raw, err) in [
            ("", NameError::Blank),
            ("   ", NameError::Blank),
            ("\u{200B}", NameError::Invisible('\u{200B}')),
            ("KAYA\u{202E}MEHMET", NameError::Invisible('\u{202E}')),
            ("KAYA\u{7}", NameError::Invisible('\u{7}')),
            ("KAYA\tMEHMET", NameError::Invisible('\t')),
            ("ИВАНОВ ПЕТР", NameError::Foreign('И')),
            ("王小明", NameError::Foreign('王')),
            ("MÜLLER", NameError::Foreign('Ü')),
            ("KAYA1", NameError::Foreign('1')),
            ("-KAYA", NameError::Separator),
            ("KAYA--MEHMET", NameError::Separator),
            ("KAYA'", NameError::Separator),
        ] {
            assert_eq!(LatinName::parse(raw), Err(err), "{raw:?}");
        }
        assert_eq!(
            LatinName::parse(&"A".repeat(MAX_NAME_CHARS + 1)),
            Err(NameError::TooLong)
        );
    }

    #[test]
    fn cyrillic_names_take_the_kazakh_letters_and_compose_what_came_decomposed() {
        assert_eq!(
            CyrillicName::parse(" ғалым  үсенов ").unwrap().as_str(),
            "ҒАЛЫМ ҮСЕНОВ"
        );
        assert_eq!(
            CyrillicName::parse("Әлия Қасымқызы-Іңкәр")
                .unwrap()
                .as_str(),
            "ӘЛИЯ ҚАСЫМҚЫЗЫ-ІҢКӘР"
        );
        // и + combining breve is й.
        assert_eq!(
            CyrillicName::parse("Сергеи\u{0306}").unwrap().as_str(),
            "СЕРГЕЙ"
        );
        assert_eq!(CyrillicName::parse("IVANOV"), Err(NameError::Foreign('I')));
        assert_eq!(
            CyrillicName::parse("\u{200B}"),
            Err(NameError::Invisible('\u{200B}'))
        );
    }

    #[test]
    fn the_name_key_reads_hyphens_as_spaces_and_leaves_apostrophes_out() {
        let a = LatinName::parse("O'Brien-Smith").unwrap();
        let b = LatinName::parse("OBRIEN SMITH").unwrap();
        assert_eq!(a.key(), b.key());
    }

    #[test]
    fn passport_numbers_are_normalised_before_anything_compares_them() {
        for raw in [
            "N12345678",
            "n12345678",
            "N 12345678",
            " N12345678",
            "N12345678<",
        ] {
            assert_eq!(PassportNumber::parse(raw).unwrap().as_str(), "N12345678");
        }
        assert_eq!(
            PassportNumber::parse("N-12345678"),
            Err(PassportError::Character('-'))
        );
        assert_eq!(
            PassportNumber::parse("N1234567８"),
            Err(PassportError::Character('８'))
        );
        assert_eq!(PassportNumber::parse("x"), Err(PassportError::Length(1)));
        assert_eq!(
            PassportNumber::parse("N123456789"),
            Err(PassportError::Length(10))
        );
    }

    /// The specimen of Doc 9303 Part 4 (Utopia, Anna Maria Eriksson).
    fn specimen() -> Vec<String> {
        vec![
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<".to_owned(),
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10".to_owned(),
        ]
    }

    #[test]
    fn the_specimen_zone_of_doc_9303_reads_and_checks() {
        let m = Mrz::parse(&specimen()).unwrap();
        assert_eq!(m.document_number, "L898902C3");
        assert_eq!(m.nationality, "UTO");
        assert!(m.birth.is(day("1974-08-12")));
        assert_eq!(m.sex, Sex::Female);
        assert!(m.expiry.is(day("2012-04-15")));
        assert_eq!(check_digit("L898902C3"), Some(6));
        assert_eq!(check_digit("740812"), Some(2));
        assert_eq!(check_digit("120415"), Some(9));
    }

    #[test]
    fn a_zone_with_a_wrong_digit_names_the_check() {
        let mut lines = specimen();
        lines[1].replace_range(9..10, "7");
        assert_eq!(
            Mrz::parse(&lines),
            Err(MrzError::CheckDigit(MrzItem::DocumentNumber))
        );
        let mut lines = specimen();
        lines[1].replace_range(43..44, "1");
        assert_eq!(
            Mrz::parse(&lines),
            Err(MrzError::CheckDigit(MrzItem::Composite))
        );
        let mut lines = specimen();
        lines[1].replace_range(19..20, "3");
        assert_eq!(
            Mrz::parse(&lines),
            Err(MrzError::CheckDigit(MrzItem::BirthDate))
        );
        assert_eq!(Mrz::parse(&specimen()[..1]), Err(MrzError::Shape(1)));
        let mut lines = specimen();
        lines[0].push('<');
        assert_eq!(Mrz::parse(&lines), Err(MrzError::Shape(0)));
    }

    #[test]
    fn the_zone_must_agree_with_the_fields_sent() {
        let m = Mrz::parse(&specimen()).unwrap();
        let passport = PassportNumber::parse("L898902C3").unwrap();
        let uto: CountryCode = "UTO".parse().unwrap();
        let ok = Stated {
            passport: &passport,
            citizenship: &uto,
            birth_date: Some(day("1974-08-12")),
            sex: Some(Sex::Female),
            passport_expiry: Some(day("2012-04-15")),
        };
        assert!(mrz_disagreements(&m, &ok, "/workers/0").is_empty());
        let other = PassportNumber::parse("L898902C4").unwrap();
        let bad = Stated {
            passport: &other,
            birth_date: Some(day("1975-08-12")),
            sex: Some(Sex::Male),
            ..ok
        };
        let found: Vec<_> = mrz_disagreements(&m, &bad, "/workers/0")
            .into_iter()
            .map(|v| v.field.unwrap())
            .collect();
        assert_eq!(
            found,
            [
                "/workers/0/passport_number",
                "/workers/0/birth_date",
                "/workers/0/sex"
            ]
        );
        // The century comes from the field: 1874 would be read as the same 74.
        assert!(m.birth.is(day("2074-08-12")));
    }

    #[test]
    fn a_worker_must_be_born_of_working_age_and_no_more_experienced_than_their_years() {
        let age = WorkingAge {
            minimum: 16,
            source: LABOUR_CODE_AGE.cite(),
        };
        let today = day("2025-12-15");
        let start = day("2026-01-15");
        let codes = |birth: &str, experience: u32| -> Vec<String> {
            let d = LifeDates {
                birth_date: day(birth),
                passport_expiry: Some(day("2030-01-01")),
                experience_years: experience,
            };
            check_life_dates(&d, start, today, age, "/workers/0")
                .into_iter()
                .map(|v| v.code)
                .collect()
        };
        assert_eq!(codes("2026-01-14", 0), ["birth-date-not-past"]);
        assert_eq!(codes("2015-06-01", 0), ["worker-below-working-age"]);
        assert_eq!(codes("2010-06-01", 0), ["worker-below-working-age"]);
        // Sixteen on the start day is enough.
        assert!(codes("2010-01-15", 0).is_empty());
        assert_eq!(codes("2005-06-01", 25), ["experience-beyond-working-years"]);
        assert!(codes("2005-06-01", 4).is_empty());
        // A rule set below the Code's floor is read at the floor.
        let low = WorkingAge {
            minimum: 14,
            source: "x",
        };
        let d = LifeDates {
            birth_date: day("2011-01-01"),
            passport_expiry: None,
            experience_years: 0,
        };
        assert_eq!(check_life_dates(&d, start, today, low, "").len(), 1);
        let d = LifeDates {
            birth_date: day("1990-01-01"),
            passport_expiry: Some(day("1989-01-01")),
            experience_years: 0,
        };
        assert_eq!(
            check_life_dates(&d, start, today, age, "/w")[0]
                .field
                .as_deref(),
            Some("/w/passport_expiry")
        );
    }

    #[test]
    fn one_person_is_the_same_nationality_and_passport_or_name_and_birth_date() {
        let b = day("1985-04-12");
        let a = PersonKey::of("TUR", "N12345678", "KAYA MEHMET", b);
        assert!(a.same(&PersonKey::of(
            "TUR",
            "N12345678",
            "OTHER",
            day("1990-01-01")
        )));
        assert!(a.same(&PersonKey::of("TUR", "U0000001", "KAYA-MEHMET", b)));
        assert!(!a.same(&PersonKey::of("CHN", "N12345678", "WANG LI", b)));
        assert!(!a.same(&PersonKey::of(
            "TUR",
            "U0000001",
            "KAYA MEHMET",
            day("1985-04-13")
        )));
    }

    /// A zone character: the alphabet of the machine-readable zone.
    fn zone_char() -> impl Strategy<Value = char> {
        prop::sample::select(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
                .chars()
                .collect::<Vec<_>>(),
        )
    }

    proptest! {
        /// Normalising a normal name changes nothing, and a name typed in any case with
        /// any spaces around its words normalises to the same name.
        #[test]
        fn latin_names_normalise_once(words in prop::collection::vec("[A-Za-z]{1,8}", 1..5),
                                      pad in prop::collection::vec(" {1,3}", 6)) {
            let spaced: String = words.iter().enumerate()
                .map(|(i, w)| format!("{}{w}", pad[i]))
                .collect::<String>() + &pad[5];
            let n = LatinName::parse(&spaced).unwrap();
            prop_assert_eq!(LatinName::parse(n.as_str()).unwrap(), n.clone());
            prop_assert_eq!(n.as_str(), words.join(" ").to_uppercase());
            prop_assert!(n.as_str().chars().all(|c| c.is_ascii_uppercase() || c == ' '));
        }

        /// Whatever the input, a parsed name holds only A-Z, one space between words and
        /// hyphens or apostrophes between letters; anything else is refused.
        #[test]
        fn a_parsed_latin_name_holds_only_what_a_passport_prints(raw in "\\PC{0,20}|[a-zA-Z '\\-\u{200B}\u{202E}]{0,20}") {
            if let Ok(n) = LatinName::parse(&raw) {
                let s = n.as_str();
                prop_assert!(s.chars().all(|c| c.is_ascii_uppercase() || " -'".contains(c)));
                prop_assert!(!s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  "));
                prop_assert_eq!(LatinName::parse(s).unwrap(), n.clone());
            }
        }

        /// A Cyrillic name normalises once too.
        #[test]
        fn cyrillic_names_normalise_once(raw in "[а-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІ ]{0,20}") {
            if let Ok(n) = CyrillicName::parse(&raw) {
                prop_assert_eq!(CyrillicName::parse(n.as_str()).unwrap(), n.clone());
            }
        }

        /// Passport numbers: upper-case A-Z 0-9 of 5 to 9 characters, whatever spaces,
        /// fillers and case they arrived in; normalising twice changes nothing.
        #[test]
        fn passport_numbers_normalise_once(core in "[A-Z0-9]{5,9}", lower in any::<bool>(),
                                           pre in " {0,2}", post in "[ <]{0,3}") {
            let typed = if lower { core.to_lowercase() } else { core.clone() };
            let n = PassportNumber::parse(&format!("{pre}{typed}{post}")).unwrap();
            prop_assert_eq!(n.as_str(), core.as_str());
            prop_assert_eq!(PassportNumber::parse(n.as_str()).unwrap(), n.clone());
        }

        /// Any input: a parsed passport number is 5 to 9 of A-Z and 0-9.
        #[test]
        fn a_parsed_passport_number_is_upper_case_letters_and_digits(raw in "\\PC{0,14}") {
            if let Ok(n) = PassportNumber::parse(&raw) {
                prop_assert!((MIN_PASSPORT_CHARS..=MAX_PASSPORT_CHARS).contains(&n.as_str().len()));
                prop_assert!(n.as_str().chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
            }
        }

        /// The check digit is a digit; changing any one character to another of a
        /// different value mod 10 at a weight of 1, 3 or 7 changes it (7, 3 and 1 are prime
        /// to 10), so every single substitution of that kind is caught.
        #[test]
        fn a_check_digit_catches_every_single_substitution(s in prop::collection::vec(zone_char(), 1..30),
                                                            at in any::<prop::sample::Index>(),
                                                            with in zone_char()) {
            let text: String = s.iter().collect();
            let d = check_digit(&text).unwrap();
            prop_assert!(d < 10);
            let i = at.index(s.len());
            let mut changed = s.clone();
            changed[i] = with;
            let other: String = changed.iter().collect();
            let differs = mrz_value(s[i]).unwrap() % 10 != mrz_value(with).unwrap() % 10;
            prop_assert_eq!(check_digit(&other).unwrap() != d, differs);
        }

        /// Fillers weigh nothing: a field padded with `<` keeps its check digit.
        #[test]
        fn fillers_weigh_nothing(s in "[A-Z0-9]{1,9}", pad in 0usize..6) {
            prop_assert_eq!(check_digit(&s), check_digit(&format!("{s}{}", "<".repeat(pad))));
        }

        /// A zone built from random fields with its digits computed reads back the fields.
        #[test]
        fn a_zone_made_with_its_digits_reads_back(doc in "[A-Z0-9]{5,9}", nat in "[A-Z]{3}",
                                                  yy in 0u32..100, mm in 1u32..13, dd in 1u32..29,
                                                  sex in prop::sample::select(vec!['M', 'F', '<'])) {
            let doc9 = format!("{doc:<<9}");
            let date = format!("{yy:02}{mm:02}{dd:02}");
            let personal = "<".repeat(14);
            let d = |s: &str| check_digit(s).unwrap().to_string();
            let body = format!("{doc9}{}{nat}{date}{}{sex}{date}{}{personal}<", d(&doc9), d(&date), d(&date));
            let composite = format!("{}{}{}", &body[0..10], &body[13..20], &body[21..43]);
            let second = format!("{body}{}", d(&composite));
            let first = format!("P<{nat}{:<<39}", "SURNAME<<GIVEN");
            let m = Mrz::parse(&[first, second]).unwrap();
            prop_assert_eq!(m.document_number, doc);
            prop_assert_eq!(m.nationality, nat);
            prop_assert_eq!(m.birth, MrzDate { yy, month: mm, day: dd });
        }
    }
}
