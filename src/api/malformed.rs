//! Why a request could not be read, in the reader's language. serde, serde_json and
//! actix give their reasons in English with Rust's type names (`invalid type: integer
//! `3`, expected u32`); a client reads instead a message of the catalogue that names the
//! field and what is wrong with it, in kk, ru or en.

use crate::domain::violation::Message;

/// The text between the first pair of backticks of `text`: serde quotes the value, the
/// field or the key it refuses that way.
fn quoted(text: &str) -> Option<&str> {
    text.split('`').nth(1)
}

/// serde's reason for refusing the value at `field` (a path such as `workers[0].category`,
/// empty for the whole body) as a message of the catalogue.
pub fn reason(serde_reason: &str, field: &str) -> Message {
    let at = |key: &str| Message::new(key).text("field", field);
    if let Some(rest) = serde_reason.strip_prefix("unknown variant ") {
        let allowed = rest
            .split_once("expected ")
            .map_or("", |(_, e)| e)
            .trim_start_matches("one of ")
            .replace('`', "");
        return at("malformed-reason-variant")
            .text("value", quoted(rest).unwrap_or_default())
            .text("allowed", allowed);
    }
    for (prefix, key) in [
        ("missing field ", "malformed-reason-missing"),
        ("unknown field ", "malformed-reason-unknown"),
        ("duplicate key ", "malformed-reason-duplicate"),
    ] {
        if let Some(rest) = serde_reason.strip_prefix(prefix) {
            let name = quoted(rest).unwrap_or_default();
            let named = match field {
                "" => name.to_owned(),
                path if path == name || path.ends_with(&format!(".{name}")) => path.to_owned(),
                path => format!("{path}.{name}"),
            };
            return Message::new(key).text("field", named);
        }
    }
    if serde_reason.starts_with("invalid type") {
        return at("malformed-reason-type");
    }
    if serde_reason.starts_with("invalid length") {
        return at("malformed-reason-length");
    }
    at("malformed-reason-value")
}

/// A body that is not JSON at all, at `line` and `column` (from 1), as serde_json found it.
pub fn syntax(line: usize, column: usize) -> Message {
    Message::new("malformed-reason-syntax")
        .arg("line", line)
        .arg("column", column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn ru(serde_reason: &str, field: &str) -> String {
        Lang::Ru.text(&reason(serde_reason, field))
    }

    #[test]
    fn a_reason_in_rusts_words_reads_as_the_catalogue_says_it_naming_the_field() {
        let text = ru(
            "invalid type: integer `3`, expected string or map",
            "category",
        );
        assert!(
            text.contains("category") && !text.contains("invalid"),
            "{text}"
        );
        let text = ru("invalid value: integer `-5`, expected u32", "kazakh");
        assert!(text.contains("kazakh") && !text.contains("u32"), "{text}");
        let text = ru("input is out of range", "as_of");
        assert!(text.contains("as_of") && !text.contains("range"), "{text}");
    }

    #[test]
    fn an_unknown_variant_names_the_value_and_the_values_allowed() {
        let m = reason(
            "unknown variant `maybe`, expected one of `approve`, `refuse`",
            "decision",
        );
        let text = Lang::Kk.text(&m);
        assert!(
            text.contains("maybe") && text.contains("approve, refuse"),
            "{text}"
        );
        assert!(!text.contains("unknown variant"), "{text}");
    }

    #[test]
    fn a_missing_or_unknown_field_is_named_by_its_path() {
        assert!(ru("missing field `rules`", "rules").contains("rules"));
        assert!(ru("unknown field `extra`, expected `a`", "extra").contains("extra"));
        let text = ru("duplicate key `reason`", "");
        assert!(
            text.contains("reason") && !text.contains("duplicate"),
            "{text}"
        );
    }
}
