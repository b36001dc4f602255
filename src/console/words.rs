//! Every value a console page shows, in the reader's words and Kazakhstan's formats: dates,
//! times (Kazakhstan time), numbers, money, percentages, citations of the law, regions by
//! name, employers by name with the BIN beside, categories, checks, history actions,
//! positions and the rule set's sections and keys. The templates call these through the
//! page's [`Frame`]; the formats themselves are `crate::format`'s, shared with the PDF.

use super::frame::{Ctx, Fail, Frame};
use super::naming::{country_name, in_words, region_name};
use crate::auth::Caller;
use crate::cases::case_page::Line;
use crate::domain::{Category, Money};
use crate::format;
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

/// The catalogue key of a history action (`permit.fee_paid` → `console-action-permit-fee-paid`).
fn action_key(action: &str) -> String {
    format!("console-action-{}", action.replace(['.', '_'], "-"))
}

impl Frame {
    /// A date: `07.12.2026` in Kazakh and Russian.
    pub fn date(&self, day: &NaiveDate) -> String {
        format::date(self.lang, *day)
    }

    /// A moment in Kazakhstan time, to the minute.
    pub fn time(&self, at: &DateTime<Utc>) -> String {
        format::time(self.lang, *at, self.offset)
    }

    /// A whole number with its thousands grouped.
    pub fn num(&self, n: &i64) -> String {
        format::integer(self.lang, *n)
    }

    /// An amount in tenge: `1 548 350,00 ₸`.
    pub fn money(&self, m: &Money) -> String {
        format::money(self.lang, *m)
    }

    /// A percentage given as a decimal string (`"0.25"` → `0,25 %`); the text as it is
    /// when it is no decimal.
    pub fn pct(&self, value: &str) -> String {
        value
            .parse::<Decimal>()
            .map_or_else(|_| value.to_owned(), |d| format::percent(self.lang, d))
    }

    /// A stored citation (`Art. 33(2)`) as the page's language writes it, kept on one
    /// line: [`format::article`], the form the API's messages cite in too.
    pub fn article(&self, stored: &str) -> String {
        format::article(self.lang, stored)
    }

    /// A region by its name.
    pub fn region(&self, code: &str) -> String {
        region_name(self.lang, code)
    }

    /// A country (a citizenship, a sending entity's or a mission's country) by its name in
    /// the reader's language (`TUR` → «Түркия»).
    pub fn country(&self, code: &str) -> String {
        country_name(self.lang, code)
    }

    /// A message of the catalogue as shown: its regions by name, its dates as the
    /// language writes them.
    pub fn said(&self, text: &str) -> String {
        in_words(self.lang, text)
    }

    /// A category in words (`3: специалисты`, `сезонные работники`).
    pub fn category(&self, c: &Category) -> String {
        self.t(&format!("document-category-{}", c.code()))
    }

    /// An employer by name with its BIN beside (`ТОО «Атырау Бурение» · 210340000013`); the
    /// BIN alone when no profile names it.
    pub fn employer(&self, bin: &str) -> String {
        match self.employers.get(bin) {
            Some(name) => format!("{name} · {bin}"),
            None => bin.to_owned(),
        }
    }

    /// An automatic check's name (`quota-available` → «Квота региона»).
    pub fn check(&self, code: &str) -> String {
        self.named(&format!("console-check-{code}"), code)
    }

    /// A history action in words (`permit.approved` → «одобрено регионом»).
    pub fn action(&self, action: &str) -> String {
        self.named(&action_key(action), action)
    }

    /// A role in words (`employer` → «Работодатель»).
    pub fn role(&self, role: &str) -> String {
        self.named(&format!("console-role-{role}"), role)
    }

    /// Who acted: an official by the display name the identity provider gave them (their
    /// sign-in subject when it gave none), the service's own actors (`system`, `seed`) in
    /// words. The history shows the role beside it, in words.
    pub fn actor(&self, sub: &str) -> String {
        match sub {
            "system" | "seed" => self.named(&format!("console-actor-{sub}"), sub),
            _ => self
                .officials
                .get(sub)
                .cloned()
                .unwrap_or_else(|| sub.to_owned()),
        }
    }

    /// An employer who acted, by the name its profile gives it with its BIN beside
    /// (`ТОО «Атырау Бурение» · 210340000013`); its sign-in subject `sub` when no profile
    /// names it.
    pub fn employer_actor(&self, sub: &str, bin: &str) -> String {
        match self.employers.get(bin) {
            Some(name) => format!("{name} · {bin}"),
            None => sub.to_owned(),
        }
    }

    /// Who made history line `h`, with the role in words: an employer by its name with its
    /// BIN beside, an official by the name the identity provider gave them, the service's
    /// own actors in words; the sign-in subject only when no name is stored.
    pub fn who(&self, h: &Line) -> String {
        let name = match (h.role.as_str(), &h.bin) {
            ("employer", Some(bin)) => self.employer_actor(&h.actor, bin),
            _ => self.actor(&h.actor),
        };
        format!("{name} ({})", self.role(&h.role))
    }

    /// An ICT position in words (`head` → «руководитель»).
    pub fn position(&self, position: &str) -> String {
        self.named(&format!("console-position-{position}"), position)
    }

    /// An education level as the application states it, in words (`higher` → «высшее»):
    /// the levels of Kazakhstan's education system an application names (`postgraduate`,
    /// `higher`, `vocational`, `secondary`, `basic`, `primary`, in any case); any other text
    /// as the employer typed it.
    pub fn education(&self, level: &str) -> String {
        let key = level.trim().to_lowercase();
        if EDUCATION_LEVELS.contains(&key.as_str()) {
            self.named(&format!("console-education-{key}"), level)
        } else {
            level.to_owned()
        }
    }

    /// A fee's rate in the MRP of the page's language, times the workers it is for:
    /// `179 МРП × 2`.
    pub fn fee_rate(&self, rate: &i32, workers: &u32) -> String {
        let m = crate::domain::Message::new("console-fee-rate")
            .arg("rate", i64::from(*rate))
            .arg("workers", i64::from(*workers));
        self.lang.text(&m)
    }

    /// The rule set's numbers as sections of words (see [`rules_html`]).
    pub fn rules_html(&self, rules: &serde_json::Value) -> String {
        rules_html(self, rules)
    }

    /// One of the rule set's English texts (a source, a profession's name) as HTML in the
    /// reader's language, from the rule set's `words` (see [`rule_text`]).
    pub fn rule_text(&self, rules: &serde_json::Value, text: &str) -> String {
        rule_text(self, words_of(rules), text)
    }

    /// The catalogue's text for `key`, or `fallback` when the catalogue has none in this
    /// language (a code added without its words shows as the code, never as the key).
    fn named(&self, key: &str, fallback: &str) -> String {
        let m = crate::domain::Message::new(key);
        if self.lang.renders(&m) {
            self.lang.text(&m)
        } else {
            fallback.to_owned()
        }
    }
}

impl Ctx {
    /// The frame of a page that names employers: as [`Ctx::frame`], with the names of the
    /// employers `bins` from their profiles in force today.
    pub async fn frame_naming(
        &self,
        title: &str,
        caller: Option<&Caller>,
        bins: Vec<String>,
    ) -> Result<Frame, Fail> {
        let mut f = self.frame(title, caller)?;
        let today = self.state.time.today();
        f.employers = self
            .state
            .read(move |conn| Ok(crate::cases::names::employers(conn, &bins, today)?))
            .await?;
        Ok(f)
    }
}

/// A date field of a console form (`field`: `due_by`, `contract_start`, `contract_end`) as
/// typed, `07.12.2026` in every language (or ISO): anything else is a 400
/// `malformed-typed-date` that names the field in the reader's words, quotes what was typed
/// and shows how a date is written, so the official sees one clear sentence whatever the
/// browser's own locale.
pub fn typed_date(field: &str, typed: &str) -> Result<NaiveDate, Fail> {
    format::typed_date(typed).ok_or_else(|| {
        Fail::Api(crate::error::ApiError::malformed(
            crate::domain::Message::new("malformed-typed-date")
                .text("field", field)
                .text("typed", typed.chars().take(40).collect::<String>()),
            vec![crate::error::FieldError::new(
                field,
                crate::domain::Reason::TypedDate,
            )],
        ))
    })
}

impl Frame {
    /// A date field's value as the form shows it back: a date as `07.12.2026` in every
    /// language (what the field asks to be typed), anything else as it was typed.
    pub fn typed(&self, value: &str) -> String {
        format::typed_date(value)
            .map_or_else(|| value.to_owned(), |d| d.format("%d.%m.%Y").to_string())
    }

    /// Today in Kazakhstan as a date field asks it typed (`08.12.2026`): the field's example.
    pub fn date_example(&self) -> String {
        self.today.format("%d.%m.%Y").to_string()
    }

    /// How a date field is typed, in the reader's words, with today as the example.
    pub fn date_hint(&self) -> String {
        self.lang.text(
            &crate::domain::Message::new("console-date-hint").text("example", self.date_example()),
        )
    }
}

/// The education levels an application names in English (Law "On Education", Art. 12: the
/// levels of education), which a page shows in the reader's words.
const EDUCATION_LEVELS: [&str; 6] = [
    "postgraduate",
    "higher",
    "vocational",
    "secondary",
    "basic",
    "primary",
];

impl Ctx {
    /// `f` with the display names of the officials `subs` (the actors a page's history
    /// names), read in one statement.
    pub async fn naming_officials(&self, mut f: Frame, subs: Vec<String>) -> Result<Frame, Fail> {
        f.officials = self
            .state
            .read(move |conn| Ok(crate::cases::names::officials(conn, &subs)?))
            .await?;
        Ok(f)
    }
}

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Keys whose text is the ministry's own, written in English in the rule set (its sources,
/// and the names of professions on its lists): shown in the reader's language from the
/// rule set's `words`, or as written, marked `lang="en"` and said to be English.
const ENGLISH_DATA: [&str; 3] = ["source", "name", "seasonal_professions"];

/// Keys whose values are codes an API client sends (ground and list codes, OKED sector
/// letters, occupation codes): shown as `<code>`.
const CODES: [&str; 5] = [
    "code",
    "sector",
    "sectors",
    "priority_sectors",
    "occupation_code",
];

/// The rule set as sections and keys in words, values in the page's formats: an object is
/// a list of terms, a list of objects a numbered list; dates, month-days, booleans,
/// percentages, tenge, categories and term units read as words; the words given in every
/// language (`name_kk`, `name_ru`, `name_en`) show the page's; the ministry's English texts
/// are marked as English and codes as code.
fn rules_html(f: &Frame, rules: &serde_json::Value) -> String {
    let mut out = String::new();
    let w = words_of(rules);
    if let serde_json::Value::Object(sections) = rules {
        // The words are the other sections' texts in Kazakh and Russian, not a section.
        for (section, body) in sections.iter().filter(|(k, _)| k.as_str() != "words") {
            out.push_str(&format!(
                "<section class=\"rules-section\" id=\"rules-{}\"><h3>{}</h3>",
                escape(section),
                escape(&f.named(&format!("console-rules-section-{section}"), section))
            ));
            value_html(f, w, section, body, &mut out);
            out.push_str("</section>");
        }
    }
    out
}

/// The rule set's `words`: its English texts in Kazakh and Russian, keyed by the English.
type Words<'a> = Option<&'a serde_json::Map<String, serde_json::Value>>;

fn words_of(rules: &serde_json::Value) -> Words<'_> {
    rules.get("words").and_then(serde_json::Value::as_object)
}

/// `text` in the reader's language from `w`; a text the rule set gives no words for (a
/// rule set published before it gave them) as written, marked as English and said so.
fn rule_text(f: &Frame, w: Words<'_>, text: &str) -> String {
    if f.lang == Lang::En {
        return format!("<span lang=\"en\">{}</span>", escape(text));
    }
    let own = w
        .and_then(|w| w.get(text))
        .and_then(|t| t.get(f.lang.tag()))
        .and_then(serde_json::Value::as_str)
        .filter(|t| !t.trim().is_empty());
    match own {
        Some(t) => escape(t),
        None => format!(
            "<span lang=\"en\">{}</span> <small class=\"words in-english\">({})</small>",
            escape(text),
            escape(&f.t("console-rules-in-english"))
        ),
    }
}

fn value_html(f: &Frame, w: Words<'_>, key: &str, v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            out.push_str("<dl>");
            let own = match f.lang {
                Lang::Kk => "name_kk",
                Lang::Ru => "name_ru",
                Lang::En => "name_en",
            };
            for (k, x) in map {
                if k.starts_with("name_") && k != own {
                    continue;
                }
                let label = if k.starts_with("name_") {
                    f.named("console-rules-key-name", k)
                } else {
                    f.named(&format!("console-rules-key-{k}"), k)
                };
                out.push_str(&format!("<dt>{}</dt><dd>", escape(&label)));
                value_html(f, w, k, x, out);
                out.push_str("</dd>");
            }
            out.push_str("</dl>");
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            out.push_str("<ol>");
            for x in items {
                out.push_str("<li>");
                value_html(f, w, key, x, out);
                out.push_str("</li>");
            }
            out.push_str("</ol>");
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(|x| scalar_html(f, w, key, x)).collect();
            out.push_str(&parts.join(", "));
        }
        scalar => out.push_str(&scalar_html(f, w, key, scalar)),
    }
}

fn scalar_html(f: &Frame, w: Words<'_>, key: &str, v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Bool(b) => escape(&f.t(if *b {
            "console-rules-yes"
        } else {
            "console-rules-no"
        })),
        // A year is a name of a year, not a count: `2026`, never `2 026`.
        Value::Number(n) if key == "year" || key.ends_with("_year") => escape(&n.to_string()),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| escape(&n.to_string()), |i| escape(&f.num(&i))),
        Value::String(s) => string_html(f, w, key, s),
        Value::Null => escape(&f.t("console-rules-none")),
        other => escape(&other.to_string()),
    }
}

fn string_html(f: &Frame, w: Words<'_>, key: &str, s: &str) -> String {
    if ENGLISH_DATA.contains(&key) {
        return rule_text(f, w, s);
    }
    if CODES.contains(&key) {
        return format!("<code>{}</code>", escape(s));
    }
    if key == "article" {
        return escape(&f.article(s));
    }
    if matches!(key, "category" | "categories") {
        if let Some(c) = Category::from_code(s) {
            return escape(&f.category(&c));
        }
    }
    if key == "unit" {
        return escape(&f.named(&format!("console-rules-unit-{s}"), s));
    }
    if key == "applies_to" {
        return escape(&f.named(&format!("console-rules-use-{s}"), s));
    }
    if let Ok(d) = s.parse::<NaiveDate>() {
        return escape(&f.date(&d));
    }
    // A day of every year, `MM-DD`, as the language writes a day and month.
    if let Some((m, d)) = s.split_once('-').filter(|_| s.len() == 5) {
        if m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit()) {
            return escape(&match f.lang {
                Lang::Kk | Lang::Ru => format!("{d}.{m}"),
                Lang::En => s.to_owned(),
            });
        }
    }
    if let Ok(d) = s.parse::<Decimal>() {
        if key == "tenge" {
            if let Ok(m) = Money::from_tenge(d) {
                return escape(&f.money(&m));
            }
        }
        if key.contains("percent") {
            return escape(&format::percent(f.lang, d));
        }
        return escape(&format::decimal(f.lang, d));
    }
    escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_history_action_has_a_key_of_small_letters_and_hyphens() {
        assert_eq!(
            action_key("permit.fee_paid"),
            "console-action-permit-fee-paid"
        );
    }

    #[test]
    fn every_education_level_has_its_words_in_kazakh_russian_and_english() {
        for lang in Lang::ALL {
            for level in EDUCATION_LEVELS {
                let m = crate::domain::Message::new(&format!("console-education-{level}"));
                assert!(lang.renders(&m), "{level} in {lang:?}");
            }
        }
        let f = Frame::bare(
            Lang::Ru,
            chrono::FixedOffset::east_opt(5 * 3600).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
        );
        assert_eq!(f.education(" Higher "), "высшее");
        assert_eq!(f.education("MBA"), "MBA");
    }

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
