//! The languages the service speaks, Kazakh (the state language), Russian and English, and
//! the choice among them that a request's `Accept-Language` makes. Kept apart from the
//! catalogue ([`crate::i18n`]) so that the formats of figures ([`crate::format`]) and the
//! catalogue can both name a language without naming each other.

use fluent_templates::LanguageIdentifier;
use std::sync::LazyLock;

/// A language the service speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Kazakh, the state language.
    Kk,
    /// Russian.
    Ru,
    /// English, the default.
    En,
}

static IDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
    [
        fluent_templates::langid!("kk"),
        fluent_templates::langid!("ru"),
        fluent_templates::langid!("en"),
    ]
});

impl Lang {
    /// Every language, the state language first.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The BCP 47 tag, as sent in `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language identifier the catalogue is keyed by.
    pub(crate) fn id(self) -> &'static LanguageIdentifier {
        &IDS[self as usize]
    }

    /// The language an `Accept-Language` header asks for, by its q-values: the first of
    /// kk, ru and en it accepts (`kk-KZ` is Kazakh, `ru-RU` Russian); English when it
    /// accepts none of them or is absent.
    pub fn negotiate(accept_language: Option<&str>) -> Lang {
        let Some(header) = accept_language else {
            return Lang::En;
        };
        // Ranges by their q-value, highest first (the header's order among equals); a
        // range with q=0 is not acceptable at all.
        let mut ranges: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';').map(str::trim);
                let tag = parts.next().filter(|t| !t.is_empty())?;
                let q = parts
                    .find_map(|p| p.strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
                (q > 0.0).then_some((q, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        let tags: Vec<&str> = ranges.into_iter().map(|(_, tag)| tag).collect();
        let requested = fluent_langneg::convert_vec_str_to_langids_lossy(tags);
        let available: Vec<&LanguageIdentifier> = IDS.iter().collect();
        let default = Lang::En.id();
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            Some(&default),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|id| Lang::ALL.into_iter().find(|l| l.id() == **id))
            .unwrap_or(Lang::En)
    }
}
