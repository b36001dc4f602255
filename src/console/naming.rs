//! Codes in stored text as the reader's words, needing nothing but the language: regions and
//! countries by name (from the seeded reference data), ISO dates as the language writes them. The frame
//! (the header's region) and `words.rs` (every value a page shows) both use these.

use crate::format;
use crate::i18n::Lang;
use chrono::NaiveDate;

/// Country `code`'s (ISO 3166-1 alpha-3) name in `lang` (`TUR` → «Түркия», «Турция»,
/// "Türkiye"); the code itself for a code that names no country.
pub fn country_name(lang: Lang, code: &str) -> String {
    crate::countries::name(lang, code).map_or_else(|| code.to_owned(), str::to_owned)
}

/// Region `code`'s name in `lang` (`KZ-23` → «Атырау облысы»); the code itself for a code
/// that names no region ([`crate::regions::name`], which the API's messages use too).
pub fn region_name(lang: Lang, code: &str) -> String {
    crate::regions::name(lang, code).map_or_else(|| code.to_owned(), str::to_owned)
}

/// `text` with every region code in it (`KZ-23`) replaced by the region's name: the
/// catalogue's messages carry regions as codes (checks, refusals).
pub fn regions_named(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("KZ-") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        // A region code is `KZ-` and two digits, not followed by another (a permit
        // number `KZ-2026-…` is no region).
        let code = tail.get(..5).filter(|c| {
            c[3..].bytes().all(|b| b.is_ascii_digit())
                && !tail[5..].starts_with(|d: char| d.is_ascii_digit())
        });
        match code.filter(|c| crate::regions::name(lang, c).is_some()) {
            Some(c) => {
                out.push_str(&region_name(lang, c));
                rest = &tail[5..];
            }
            None => {
                out.push_str("KZ-");
                rest = &tail[3..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` with every ISO date in it (`2030-01-01`, as the catalogue's messages carry
/// dates) written as `lang` writes dates (`01.01.2030`).
pub fn dates_written(lang: Lang, text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i + 10 <= bytes.len() {
        let candidate = &bytes[i..i + 10];
        let shaped = candidate.iter().enumerate().all(|(k, b)| match k {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'-')
            && bytes
                .get(i + 10)
                .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-');
        let day = shaped
            .then(|| text.get(i..i + 10))
            .flatten()
            .filter(|_| bounded)
            .and_then(|t| t.parse::<NaiveDate>().ok());
        match day {
            Some(d) => {
                out.push_str(&text[copied..i]);
                out.push_str(&format::date(lang, d));
                i += 10;
                copied = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// A catalogue message as a page shows it: regions by name, dates as the language writes
/// them.
pub fn in_words(lang: Lang, text: &str) -> String {
    dates_written(lang, &regions_named(lang, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_region_has_its_name_in_every_language() {
        assert_eq!(region_name(Lang::Kk, "KZ-23"), "Атырау облысы");
        assert_eq!(region_name(Lang::Ru, "KZ-23"), "Атырауская область");
        assert_eq!(region_name(Lang::Ru, "KZ-00"), "KZ-00");
        assert_eq!(
            regions_named(Lang::Ru, "у KZ-75 осталось 3"),
            "у город Алматы осталось 3"
        );
        assert_eq!(
            regions_named(Lang::Kk, "KZ-2026-0023-0001 KZ-23, KZ-"),
            "KZ-2026-0023-0001 Атырау облысы, KZ-"
        );
    }

    #[test]
    fn a_country_is_named_in_the_readers_language_and_an_unknown_code_as_it_is() {
        assert_eq!(country_name(Lang::Kk, "TUR"), "Түркия");
        assert_eq!(country_name(Lang::Ru, "SHN"), "остров Святой Елены");
        assert_eq!(country_name(Lang::Ru, "XXX"), "XXX");
    }

    #[test]
    fn dates_in_a_message_read_as_the_language_writes_them() {
        assert_eq!(
            dates_written(Lang::Ru, "паспорт до 2030-01-01, не раньше 2027-01-14"),
            "паспорт до 01.01.2030, не раньше 14.01.2027"
        );
        assert_eq!(
            dates_written(Lang::En, "until 2030-01-01"),
            "until 2030-01-01"
        );
        // A permit number or a longer run of digits is no date.
        assert_eq!(
            dates_written(Lang::Ru, "KZ-2026-0023-0001-0002 12026-01-01"),
            "KZ-2026-0023-0001-0002 12026-01-01"
        );
        assert_eq!(dates_written(Lang::Kk, "2026-13-01"), "2026-13-01");
    }
}
