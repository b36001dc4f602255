//! Countries' names in the three languages, compiled in from the seed file the `countries`
//! table is seeded from (`config/seed/countries.json`; Kazakh and Russian names: Unicode
//! CLDR, see `config/seed/README.md`), so that a page, a PDF or a message names a country
//! without a read.

use crate::lang::Lang;
use serde::Deserialize;
use std::sync::LazyLock;

/// A country's names, as the reference data seeds them.
#[derive(Debug, Deserialize)]
struct CountryNames {
    code: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
}

static COUNTRIES: LazyLock<Vec<CountryNames>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../config/seed/countries.json")).unwrap_or_else(|e| {
        log::error!("the seeded countries do not parse: {e}");
        Vec::new()
    })
});

/// Country `code`'s (ISO 3166-1 alpha-3) name in `lang` (`TUR` → «Түркия», «Турция»,
/// "Türkiye"); `None` for a code that names no country.
pub fn name(lang: Lang, code: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|c| c.code == code)
        .map(|c| match lang {
            Lang::Kk => c.name_kk.as_str(),
            Lang::Ru => c.name_ru.as_str(),
            Lang::En => c.name_en.as_str(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_country_has_its_name_in_kazakh_and_russian() {
        assert_eq!(COUNTRIES.len(), 249);
        for c in COUNTRIES.iter() {
            assert!(!c.name_kk.is_empty() && !c.name_ru.is_empty(), "{}", c.code);
            // Written in Cyrillic, with no Latin letter left from the English name.
            assert!(
                !c.name_kk
                    .chars()
                    .chain(c.name_ru.chars())
                    .any(|ch| ch.is_ascii_alphabetic()),
                "{}",
                c.code
            );
        }
        assert_eq!(name(Lang::Kk, "TUR"), Some("Түркия"));
        assert_eq!(name(Lang::Ru, "TUR"), Some("Турция"));
        assert_eq!(name(Lang::En, "TUR"), Some("Türkiye"));
    }

    #[test]
    fn a_country_reads_by_its_name_in_each_language_and_an_unknown_code_by_none() {
        assert_eq!(name(Lang::Ru, "UZB"), Some("Узбекистан"));
        assert_eq!(name(Lang::Kk, "UZB"), Some("Өзбекстан"));
        assert_eq!(name(Lang::En, "UZB"), Some("Uzbekistan"));
        assert_eq!(name(Lang::En, "XXX"), None);
    }
}
