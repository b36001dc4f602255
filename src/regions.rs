//! The regions' names in the three languages, compiled in from the seed file the `regions`
//! table is seeded from once and never changes afterwards (`config/seed/regions.json`), so
//! that a page, a PDF or a message of the API names a region without a read.

use crate::lang::Lang;
use serde::Deserialize;
use std::sync::LazyLock;

/// A region's names, as the reference data seeds them.
#[derive(Debug, Deserialize)]
struct RegionNames {
    code: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
}

static REGIONS: LazyLock<Vec<RegionNames>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../config/seed/regions.json")).unwrap_or_else(|e| {
        log::error!("the seeded regions do not parse: {e}");
        Vec::new()
    })
});

/// Region `code`'s (ISO 3166-2:KZ, `KZ-23`) name in `lang` (`KZ-23` → «Атырау облысы»,
/// «Атырауская область», "Atyrau Region"); `None` for a code that names no region.
pub fn name(lang: Lang, code: &str) -> Option<&'static str> {
    REGIONS.iter().find(|r| r.code == code).map(|r| match lang {
        Lang::Kk => r.name_kk.as_str(),
        Lang::Ru => r.name_ru.as_str(),
        Lang::En => r.name_en.as_str(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_region_has_its_name_in_every_language() {
        assert_eq!(REGIONS.len(), 20);
        for r in REGIONS.iter() {
            for lang in Lang::ALL {
                assert!(name(lang, &r.code).is_some_and(|n| !n.is_empty()));
            }
        }
        assert_eq!(name(Lang::Kk, "KZ-23"), Some("Атырау облысы"));
        assert_eq!(name(Lang::Ru, "KZ-23"), Some("Атырауская область"));
        assert_eq!(name(Lang::Ru, "KZ-00"), None);
    }
}
