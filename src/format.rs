//! Numbers, money, percentages, dates and times as the reader's language writes them, for
//! every page and document the service draws. Kazakh and Russian follow Kazakhstan's
//! conventions (CLDR `kk`/`ru`, GOST R 7.0.97-2016 for dates): `07.12.2026`, a no-break
//! space between thousands and a decimal comma (`1 548 350,00 ₸`, `0,25 %`). English keeps
//! its own (`2026-12-07`, `1,548,350.00 ₸`, `0.25%`). Times are Kazakhstan time, the
//! offset the service's clock runs on (`time.utc_offset_hours`), to the minute, in every
//! language. The API itself keeps its wire formats (ISO 8601, decimal strings).

use crate::domain::article;
use crate::domain::verification::NotValid;
use crate::domain::{Message, Money};
use crate::lang::Lang;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rust_decimal::Decimal;

/// The space between groups of thousands and before a unit in Kazakh and Russian: a
/// no-break space (U+00A0, CLDR's grouping separator for `kk` and `ru`), so a figure never
/// breaks across lines.
pub const GROUP: char = '\u{a0}';

/// The tenge sign (U+20B8).
pub const TENGE: char = '₸';

/// `digits` (no sign) grouped by three with `sep`.
fn grouped(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// The group separator and decimal mark of `lang`.
fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::Kk | Lang::Ru => (GROUP, ','),
        Lang::En => (',', '.'),
    }
}

/// A decimal as `lang` writes it, with every decimal place it has (`0.25` → `0,25`,
/// `1548350.00` → `1 548 350,00`); a whole number has none (`7258400` → `7 258 400`).
pub fn decimal(lang: Lang, value: Decimal) -> String {
    let (group, mark) = marks(lang);
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    out.push_str(&grouped(whole, group));
    if !fraction.is_empty() {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

/// A whole number (a count of units, workers, people) as `lang` writes it: `7 258 400`.
pub fn integer(lang: Lang, value: i64) -> String {
    decimal(lang, Decimal::from(value))
}

/// An amount in tenge with its tiyn, without the sign, for a sentence that names the unit
/// in words: `1 548 350,00` (`1,548,350.00` in English).
pub fn amount(lang: Lang, amount: Money) -> String {
    let mut tenge = amount.tenge();
    tenge.rescale(2);
    decimal(lang, tenge)
}

/// An amount in tenge with its tiyn and the tenge sign: `1 548 350,00 ₸`.
pub fn money(lang: Lang, amount: Money) -> String {
    let sep = match lang {
        Lang::Kk | Lang::Ru => GROUP,
        Lang::En => ' ',
    };
    format!("{}{sep}{TENGE}", self::amount(lang, amount))
}

/// A percentage: `0,25 %` in Kazakh and Russian (a space before the sign, as their
/// standards write it), `0.25%` in English.
pub fn percent(lang: Lang, value: Decimal) -> String {
    match lang {
        Lang::Kk | Lang::Ru => format!("{}{GROUP}%", decimal(lang, value.normalize())),
        Lang::En => format!("{}%", decimal(lang, value.normalize())),
    }
}

/// A date: `07.12.2026` in Kazakh and Russian, `2026-12-07` in English.
pub fn date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Kk | Lang::Ru => day.format("%d.%m.%Y").to_string(),
        Lang::En => day.format("%Y-%m-%d").to_string(),
    }
}

/// A date as an official types it, in any of the three languages: `07.12.2026` (day,
/// month, year, as Kazakh and Russian write dates; one-digit days and months allowed), or
/// the ISO `2026-12-07` a link or an English reader may carry. `None` for anything else,
/// an impossible day (`31.02.2026`) included.
pub fn typed_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let dotted = || {
        let mut parts = text.split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if parts.next().is_some() || !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    };
    let iso = || {
        (text.len() == 10)
            .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .flatten()
    };
    dotted().or_else(iso)
}

/// A moment in Kazakhstan time (`offset`) to the minute: `07.12.2026 10:00` in Kazakh and
/// Russian, `2026-12-07 10:00` in English.
pub fn time(lang: Lang, at: DateTime<Utc>, offset: FixedOffset) -> String {
    let local = at.with_timezone(&offset);
    format!(
        "{} {}",
        date(lang, local.date_naive()),
        local.format("%H:%M")
    )
}

/// A citation of the law as `lang` writes it ([`article::in_kazakh`],
/// [`article::in_russian`], [`article::in_english`]): the one place every page and
/// document turns a stored citation (`Art. 33(2)`) into words.
pub fn citation(lang: Lang, stored: &str) -> String {
    match lang {
        Lang::Kk => article::in_kazakh(stored),
        Lang::Ru => article::in_russian(stored),
        Lang::En => article::in_english(stored),
    }
}

/// A citation inside a sentence a person reads, as `lang` writes it ([`citation`]) and
/// kept on one line: in Russian with no-break spaces after «ст.», «п.», «пп.», as Russian
/// typesetting does (`ст.\u{a0}33 п.\u{a0}2`). The one form the API's problem messages and
/// the console's pages cite an article in; the `article` member of a problem keeps the
/// stored English citation, which never changes with the language.
pub fn article(lang: Lang, stored: &str) -> String {
    let text = citation(lang, stored);
    match lang {
        Lang::Ru => text.replace("ст. ", "ст.\u{a0}").replace("п. ", "п.\u{a0}"),
        Lang::Kk | Lang::En => text,
    }
}

/// A sentence of a rule that refuses, followed by the article it rests on in parentheses
/// as `lang` writes it (`… (ст.\u{a0}33 п.\u{a0}2)`); the sentence alone for a rule of the
/// service itself, which cites no article.
pub fn cited(lang: Lang, sentence: &str, stored: Option<&str>) -> String {
    match stored {
        Some(a) => format!("{sentence} ({})", article(lang, a)),
        None => sentence.to_owned(),
    }
}

/// Why a permit is not valid today, as `lang` says it, its day written as `lang` writes
/// dates (`оның қолданылу мерзімі 14.12.2026 басталады`): the reason public verification
/// gives, on the console's page and in the API's answer alike (Art. 33(5)).
pub fn not_valid(lang: Lang, why: NotValid) -> String {
    let day = |key: &str, name: &str, d: NaiveDate| Message::new(key).text(name, date(lang, d));
    let m = match why {
        NotValid::NotYetStarted { from } => day("verify-why-not-started", "from", from),
        NotValid::Suspended => Message::new("verify-why-suspended"),
        NotValid::Revoked { on } => day("verify-why-revoked", "on", on),
        NotValid::Expired { on } => day("verify-why-expired", "on", on),
        NotValid::Lapsed { on } => day("verify-why-lapsed", "on", on),
        NotValid::Returned { on } => day("verify-why-returned", "on", on),
        NotValid::NotIssued => Message::new("verify-why-not-issued"),
    };
    lang.text(&m)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_is_typed_as_day_month_year_with_dots_or_as_iso() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 7);
        assert_eq!(typed_date("07.12.2026"), d);
        assert_eq!(typed_date(" 7.12.2026 "), d);
        assert_eq!(typed_date("2026-12-07"), d);
        for bad in [
            "12/07/2026",
            "31.02.2026",
            "07.12.26",
            "07.12.2026.",
            "7 12 2026",
            "",
            "2026-12-7",
        ] {
            assert_eq!(typed_date(bad), None, "{bad}");
        }
    }

    use super::*;

    /// The text with its no-break spaces as plain ones, to compare with the examples.
    fn plain(s: String) -> String {
        s.replace(GROUP, " ")
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn art_33_5_why_a_permit_is_not_valid_reads_with_its_day_as_each_language_writes_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
        let from = NotValid::NotYetStarted { from: d };
        assert_eq!(
            not_valid(Lang::Kk, from),
            "оның қолданылу мерзімі 14.12.2026 басталады"
        );
        assert_eq!(
            not_valid(Lang::Ru, from),
            "срок его действия начинается 14.12.2026"
        );
        assert_eq!(not_valid(Lang::En, from), "its term begins on 2026-12-14");
        let revoked = NotValid::Revoked { on: d };
        assert_eq!(not_valid(Lang::Ru, revoked), "отозвано 14.12.2026");
        assert_eq!(not_valid(Lang::En, NotValid::Suspended), "it is suspended");
    }

    #[test]
    fn money_reads_with_grouped_thousands_a_decimal_comma_and_the_tenge_sign() {
        let m = Money::from_tiyn(154_835_000);
        assert_eq!(plain(money(Lang::Ru, m)), "1 548 350,00 ₸");
        assert_eq!(plain(money(Lang::Kk, m)), "1 548 350,00 ₸");
        assert_eq!(money(Lang::En, m), "1,548,350.00 ₸");
        assert_eq!(plain(money(Lang::Ru, Money::from_tiyn(5))), "0,05 ₸");
        assert_eq!(
            plain(money(Lang::Ru, Money::from_tiyn(-123_456))),
            "-1 234,56 ₸"
        );
        let whole = Money::from_tenge(dec("3932")).unwrap();
        assert_eq!(plain(money(Lang::Ru, whole)), "3 932,00 ₸");
    }

    #[test]
    fn numbers_group_thousands_with_a_no_break_space_in_kazakh_and_russian() {
        assert_eq!(integer(Lang::Ru, 7_258_400), "7\u{a0}258\u{a0}400");
        assert_eq!(integer(Lang::En, 7_258_400), "7,258,400");
        assert_eq!(integer(Lang::Kk, 999), "999");
        assert_eq!(integer(Lang::Kk, 1000), "1\u{a0}000");
        assert_eq!(integer(Lang::Ru, 0), "0");
        assert_eq!(integer(Lang::Ru, -18_146), "-18\u{a0}146");
        assert_eq!(plain(decimal(Lang::Ru, dec("123456.789"))), "123 456,789");
    }

    #[test]
    fn a_percentage_has_a_decimal_comma_and_a_space_before_the_sign() {
        assert_eq!(plain(percent(Lang::Ru, dec("0.25"))), "0,25 %");
        assert_eq!(plain(percent(Lang::Kk, dec("0.250"))), "0,25 %");
        assert_eq!(percent(Lang::En, dec("0.25")), "0.25%");
        assert_eq!(plain(percent(Lang::Ru, dec("50"))), "50 %");
    }

    #[test]
    fn dates_read_day_month_year_with_dots_in_kazakh_and_russian() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(date(Lang::Kk, d), "07.12.2026");
        assert_eq!(date(Lang::Ru, d), "07.12.2026");
        assert_eq!(date(Lang::En, d), "2026-12-07");
    }

    #[test]
    fn times_are_kazakhstan_time_to_the_minute_in_every_language() {
        let at: DateTime<Utc> = "2026-12-03T05:00:00.160401382Z".parse().unwrap();
        let almaty = FixedOffset::east_opt(5 * 3600).unwrap();
        assert_eq!(time(Lang::Ru, at, almaty), "03.12.2026 10:00");
        assert_eq!(time(Lang::Kk, at, almaty), "03.12.2026 10:00");
        assert_eq!(time(Lang::En, at, almaty), "2026-12-03 10:00");
        // Late in the UTC evening it is already the next day in Kazakhstan.
        let late: DateTime<Utc> = "2026-12-31T19:30:59Z".parse().unwrap();
        assert_eq!(time(Lang::Ru, late, almaty), "01.01.2027 00:30");
    }

    #[test]
    fn an_article_in_a_sentence_is_written_by_the_readers_language_on_one_line() {
        assert_eq!(article(Lang::Kk, "Art. 33(2)"), "33-баптың 2-тармағы");
        assert_eq!(article(Lang::Ru, "Art. 33(2)"), "ст.\u{a0}33 п.\u{a0}2");
        assert_eq!(article(Lang::En, "Art. 33(2)"), "Art. 33(2)");
        assert_eq!(
            plain(article(Lang::Ru, "Art. 32(2)(12)")),
            "ст. 32 п. 2 пп. 12"
        );
        assert!(!article(Lang::Ru, "Art. 32(2)(12)").contains("пп. "));
        assert_eq!(
            article(Lang::Kk, "Art. 7(23), 32(4)(1)"),
            citation(Lang::Kk, "Art. 7(23), 32(4)(1)")
        );
        assert!(!article(Lang::Kk, "Art. 7(23), 32(4)(1)").contains("Art."));
        assert!(!article(Lang::Ru, "Art. 7(23), 32(4)(1)").contains("Art."));
    }

    #[test]
    fn a_refusal_cites_its_article_after_the_sentence_and_a_service_rule_none() {
        assert_eq!(
            plain(cited(Lang::Ru, "квоты нет", Some("Art. 33(2)"))),
            "квоты нет (ст. 33 п. 2)"
        );
        assert_eq!(
            cited(Lang::Kk, "квота жоқ", Some("Art. 33(2)")),
            "квота жоқ (33-баптың 2-тармағы)"
        );
        assert_eq!(
            cited(Lang::En, "no quota", Some("Art. 33(2)")),
            "no quota (Art. 33(2))"
        );
        assert_eq!(
            cited(Lang::Ru, "адрес не публичный", None),
            "адрес не публичный"
        );
    }

    #[test]
    fn a_citation_is_written_by_the_language_of_the_page() {
        assert_eq!(citation(Lang::Kk, "Art. 33(2)"), "33-баптың 2-тармағы");
        assert_eq!(citation(Lang::Ru, "Art. 33(2)"), "ст. 33 п. 2");
        assert_eq!(citation(Lang::En, "Art. 33(2)"), "Art. 33(2)");
    }
}
