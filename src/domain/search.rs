//! The console's one search box (issue 21, item 2): what a typed term may be — a case id,
//! a permit number (`KZ-2026-7HQX-M4RB-2C9D`), a BIN, a passport number, an employer's
//! name or a worker's Latin name — read once into the keys the listing compares. The
//! service's own rule, not the law's; the scope (an akimat's region) is applied apart.

use crate::domain::person::PassportNumber;

/// The most characters a search term may have; longer ones are cut.
pub const MAX_TERM_CHARS: usize = 100;

/// The keys one typed term is compared by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKeys {
    /// The term as a case id, when it is a positive whole number.
    pub id: Option<i64>,
    /// Upper-case, without spaces around: compared to permit numbers and BINs as stored.
    pub exact: String,
    /// The term as a passport number in normal form, when it can be one.
    pub passport: Option<String>,
    /// A `LIKE` pattern finding the term inside a worker's Latin name (stored upper-case).
    pub latin_like: String,
    /// A `LIKE` pattern finding the term, lower-cased, inside an employer's name.
    pub name_like: String,
}

/// Reads `raw` into its keys; `None` for a term with nothing to look for (blank, or only
/// `LIKE` wildcards).
pub fn search_keys(raw: &str) -> Option<SearchKeys> {
    let term: String = raw
        .chars()
        .take(MAX_TERM_CHARS)
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if term.is_empty() {
        return None;
    }
    Some(SearchKeys {
        id: term.parse::<i64>().ok().filter(|id| *id > 0),
        exact: term.to_uppercase(),
        passport: PassportNumber::parse(&term)
            .ok()
            .map(|p| p.as_str().to_owned()),
        latin_like: format!("%{}%", term.to_uppercase()),
        name_like: format!("%{}%", term.to_lowercase()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_read_into_every_key_it_can_be() {
        let k = search_keys("  42 ").unwrap();
        assert_eq!(k.id, Some(42));
        assert_eq!(k.exact, "42");
        assert_eq!(k.passport, None, "two digits are no passport number");
        let k = search_keys("n 1234567<").unwrap();
        assert_eq!(k.passport.as_deref(), Some("N1234567"));
        assert_eq!(k.id, None);
        let k = search_keys("kz-2026-7hqx-m4rb-2c9d").unwrap();
        assert_eq!(k.exact, "KZ-2026-7HQX-M4RB-2C9D");
        let k = search_keys("Yilmaz   ahmet").unwrap();
        assert_eq!(k.latin_like, "%YILMAZ AHMET%");
        assert_eq!(k.name_like, "%yilmaz ahmet%");
    }

    #[test]
    fn wildcards_and_blanks_find_nothing() {
        assert_eq!(search_keys("   "), None);
        assert_eq!(search_keys("%_%"), None);
        assert_eq!(search_keys("-1").map(|k| k.id), Some(None));
    }
}
