//! Messages in the state language and the languages of the service's users: Kazakh (the
//! state language), Russian and English, from one Fluent catalogue (`locales/<lang>/*.ftl`)
//! compiled into the binary. The caller's `Accept-Language` picks the language; English
//! when none of the three matches. Codes and articles never change with the language.

use crate::domain::violation::{Arg, Message};
use crate::format;
pub use crate::lang::Lang;
use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;

/// The arguments of the catalogue's messages that carry a country's code: read by name.
const COUNTRY_ARGS: [&str; 2] = ["country", "sender"];

/// The numeric arguments that name rather than count (a year, an id, a permit's number, a
/// category, a line of a file): shown as their digits, never grouped (`2026`, not `2 026`).
const LABEL_ARGS: [&str; 9] = [
    "year",
    "id",
    "permit",
    "parent",
    "category",
    "quarter",
    "subparagraph",
    "line",
    "column",
];

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: the text goes into JSON and logs.
        // Every count and amount as each language writes numbers (`5 393`, `99 500`,
        // `0,25`; `5,393`, `0.25`), as the console and the PDF write them; the numbers
        // that name (years, ids) are given as text and stay as they are.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(number_formatter(&bundle.locales)));
        },
    };
}

impl Lang {
    /// The text of `message` in this language. A key missing from the catalogue renders
    /// as the key itself (a test keeps every key present in all three languages).
    pub fn text(self, message: &Message) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = message
            .args
            .iter()
            .map(|(name, value)| {
                // Fluent numbers are doubles: a number beyond 2^53 (a large id) is shown as
                // its digits, exactly.
                let value = match value {
                    // A label under 1,000 (a subparagraph, a category, a quarter) stays a
                    // number, which no grouping touches, so that a selector on it
                    // (`[11]` for subparagraph 11) still picks its variant.
                    Arg::Number(n) if LABEL_ARGS.contains(&name.as_str()) && n.abs() >= 1000 => {
                        FluentValue::from(n.to_string())
                    }
                    Arg::Number(n) if n.unsigned_abs() < 1 << 53 => FluentValue::from(*n),
                    Arg::Words(w) => FluentValue::from(self.pick(w).to_owned()),
                    Arg::Money { tenge } => FluentValue::from(format::money(self, *tenge)),
                    Arg::Text(t) if COUNTRY_ARGS.contains(&name.as_str()) => {
                        FluentValue::from(self.country(t))
                    }
                    Arg::Text(t) => match crate::regions::name(self, t) {
                        Some(region) => FluentValue::from(region),
                        None => FluentValue::from(self.dates_in(t)),
                    },
                    other => FluentValue::from(other.to_string()),
                };
                (Cow::Owned(name.clone()), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), &message.key, &args)
            .unwrap_or_else(|| {
                log::error!("message {} is missing from the catalogue", message.key);
                message.key.clone()
            })
    }

    /// A country argument (its ISO 3166-1 alpha-3 code, as every finding stores it) as the
    /// country's name in this language (`UZB` → «Өзбекстан», «Узбекистан», "Uzbekistan"); a
    /// code that names no country as it is.
    fn country(self, code: &str) -> String {
        crate::countries::name(self, code).map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// A text argument as this language writes it: a calendar date given as text
    /// (`2026-12-07`, as the rules and findings stored by every version of the service
    /// give it) reads as the language writes dates (`07.12.2026`); any other text as it is.
    fn dates_in(self, text: &str) -> String {
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) if text.len() == 10 => format::date(self, day),
            _ => text.to_owned(),
        }
    }

    /// Of words given in every language, those of this one.
    pub fn pick(self, w: &crate::domain::violation::Words) -> &str {
        match self {
            Lang::Kk => &w.kk,
            Lang::Ru => &w.ru,
            Lang::En => &w.en,
        }
    }

    /// The text of the message with no arguments `key`.
    pub fn key(self, key: &str) -> String {
        self.text(&Message::new(key))
    }

    /// Whether `message` renders in this language from a message of its own (no fallback
    /// to English), with every argument it needs.
    pub fn renders(self, message: &Message) -> bool {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = message
            .args
            .iter()
            .map(|(name, value)| {
                (
                    Cow::Owned(name.clone()),
                    FluentValue::from(value.to_string()),
                )
            })
            .collect();
        LOCALES
            .lookup_single_language(self.id(), &message.key, Some(&args))
            .is_ok()
    }
}

/// `message` in each of the three languages: an argument of another message that reads
/// in the reader's language (a field's reason inside a problem's detail).
pub fn words(message: &Message) -> Arg {
    Arg::Words(crate::domain::violation::Words {
        kk: Lang::Kk.text(message),
        ru: Lang::Ru.text(message),
        en: Lang::En.text(message),
    })
}

/// A number as `lang` writes it, grouped by thousands from four digits and with its
/// decimal mark (`5 393`, `0,25`; `5,393`, `0.25`): the same digits as
/// [`format::decimal`] gives the console and the PDF.
fn grouped(lang: Lang, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => format!("{}", n.value)
            .parse()
            .ok()
            .map(|d| format::decimal(lang, d)),
        _ => None,
    }
}

fn grouped_kk<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(Lang::Kk, value)
}

fn grouped_ru<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(Lang::Ru, value)
}

fn grouped_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(Lang::En, value)
}

/// The number formatter of the catalogue's bundle for `locales` (its first is its own).
type NumberFormatter<M> = fn(&FluentValue, &M) -> Option<String>;

fn number_formatter<M>(locales: &[LanguageIdentifier]) -> NumberFormatter<M> {
    match locales.first().map(|l| l.language.as_str()) {
        Some("kk") => grouped_kk::<M>,
        Some("ru") => grouped_ru::<M>,
        _ => grouped_en::<M>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_kazakh_russian_or_english_by_preference() {
        assert_eq!(Lang::negotiate(Some("kk")), Lang::Kk);
        assert_eq!(Lang::negotiate(Some("kk-KZ,ru;q=0.8")), Lang::Kk);
        assert_eq!(Lang::negotiate(Some("ru-RU,ru;q=0.9,en;q=0.5")), Lang::Ru);
        assert_eq!(Lang::negotiate(Some("de,ru;q=0.5")), Lang::Ru);
        assert_eq!(Lang::negotiate(Some("de")), Lang::En);
        assert_eq!(Lang::negotiate(Some("kk;q=0.1, ru;q=0.9")), Lang::Ru);
        assert_eq!(Lang::negotiate(Some("ru;q=0, kk;q=0.5")), Lang::Kk);
        assert_eq!(Lang::negotiate(Some("en;q=0.2, ru")), Lang::Ru);
        assert_eq!(Lang::negotiate(Some("")), Lang::En);
        assert_eq!(Lang::negotiate(None), Lang::En);
    }

    #[test]
    fn large_numbers_are_shown_exactly() {
        let m = Message::new("conflict-hold-state-changed").arg("id", i64::MAX);
        assert_eq!(
            Lang::En.text(&m),
            "quota hold 9223372036854775807 changed concurrently"
        );
    }

    #[test]
    fn a_country_argument_reads_as_the_countrys_name_in_every_language() {
        let keys = [
            "country-quota-exhausted",
            "country-not-treaty-partner",
            "route-eaeu-applies",
            "route-ict-applies",
            "reissue-country-quota",
            "worker-needs-no-permit",
            "ict-sender-not-wto",
        ];
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let name = crate::countries::name(lang, "UZB").expect("seeded");
            for key in keys {
                let m = Message::new(key)
                    .text("country", "UZB")
                    .arg("year", 2026)
                    .arg("left", 3)
                    .arg("wanted", 5)
                    .text("worker", "Ali Valiev")
                    .text("held", "KZ-75")
                    .text("date", "2026-12-07");
                let text = lang.text(&m);
                assert!(text.contains(name), "{key} in {lang:?}: {text}");
                assert!(!text.contains("UZB"), "{key} in {lang:?}: {text}");
            }
        }
        let m = Message::new("ict-arrival-sender-mismatch")
            .text("country", "UZB")
            .text("sender", "TUR");
        assert_eq!(
            Lang::Ru.text(&m),
            "страна, из которой прибыли работники: Узбекистан; страна направляющей стороны разрешения: Турция"
        );
        let m = Message::new("country-quota-exhausted")
            .text("country", "UZB")
            .arg("year", 2027)
            .arg("left", 0)
            .arg("wanted", 2);
        assert_eq!(
            Lang::Ru.text(&m),
            "в квоте на 2027 год по стране гражданства (Узбекистан) осталось 0 единиц; запрошено 2"
        );
    }

    #[test]
    fn arguments_are_placed_without_isolation_marks() {
        let m = Message::new("not-found-quota-year").arg("year", 2026);
        assert_eq!(Lang::En.text(&m), "no quota is set for 2026");
    }

    #[test]
    fn money_dates_and_large_counts_in_a_refusal_read_as_the_language_writes_them() {
        let fee = |n: i64| crate::domain::Money::from_tenge(rust_decimal::Decimal::from(n));
        let v = crate::domain::fees::check_payment(
            fee(100).unwrap(),
            fee(873_650).unwrap(),
            fee(4_325).unwrap(),
            &"KZ-75".parse().unwrap(),
        )
        .unwrap();
        let m = Message {
            key: v.code.clone(),
            args: v.args.clone(),
        };
        let ru = Lang::Ru.text(&m);
        assert!(
            ru.contains("873\u{a0}650,00") && ru.contains("4\u{a0}325,00"),
            "{ru}"
        );
        assert!(Lang::En.text(&m).contains("873,650.00"));
        let m = Message::new("payment-date-invalid")
            .text("date", "2027-01-07")
            .text("decided", "2026-12-01")
            .text("today", "2026-12-07");
        assert!(
            !Lang::Kk.text(&m).contains("2027-01-07"),
            "{}",
            Lang::Kk.text(&m)
        );
        let m = Message::new("not-found-quota-year").arg("year", 2026);
        assert!(Lang::Ru.text(&m).contains("2026"));
        // An id names a hold: its digits as they are, never grouped.
        let m = Message::new("conflict-hold-state-changed").arg("id", 99_500);
        assert!(Lang::Kk.text(&m).contains("99500"), "{}", Lang::Kk.text(&m));
    }

    /// The trial's refusals: every count grouped as the reader's language groups numbers
    /// (four digits too), the region by its name, the year as it is.
    #[test]
    fn counts_are_grouped_from_four_digits_and_regions_named_in_every_language() {
        let m = Message::new("national-quota-exceeded")
            .text("region", "KZ-75")
            .arg("increase", 99_500)
            .arg("category", 3)
            .arg("year", 2026)
            .arg("reserve", 5_393);
        let kk = Lang::Kk.text(&m);
        assert!(
            kk.contains("99\u{a0}500") && kk.contains("5\u{a0}393"),
            "{kk}"
        );
        assert!(kk.contains("Алматы қаласы") && kk.contains("2026"), "{kk}");
        assert!(!kk.contains("KZ-75") && !kk.contains("2\u{a0}026"), "{kk}");
        let ru = Lang::Ru.text(&m);
        assert!(
            ru.contains("город Алматы") && ru.contains("5\u{a0}393"),
            "{ru}"
        );
        let en = Lang::En.text(&m);
        assert!(
            en.contains("Almaty") && en.contains("5,393") && en.contains("99,500"),
            "{en}"
        );
        // A code that names no region stays as it is.
        let m = Message::new("not-found-region").text("region", "KZ-99");
        assert_eq!(Lang::En.text(&m), "no region KZ-99");
    }

    /// A count meets its noun in the form the count asks for, in English and Russian.
    #[test]
    fn a_count_meets_its_noun_in_the_form_the_count_asks_for() {
        let share = |foreign: i64, kazakh: i64| {
            Message::new("kazakh-share")
                .text("categories", "3")
                .arg("kazakh", kazakh)
                .arg("foreign", foreign)
                .arg("permitted", 0)
                .arg("min", 70)
        };
        let en = Lang::En.text(&share(1, 1));
        assert!(en.contains("against 1 foreign worker with"), "{en}");
        assert!(Lang::En.text(&share(2, 1)).contains("2 foreign workers"));
        let ru = Lang::Ru.text(&share(1, 1));
        assert!(
            ru.contains("1 казахстанский работник против 1 иностранного"),
            "{ru}"
        );
        let ru = Lang::Ru.text(&share(3, 3));
        assert!(
            ru.contains("3 казахстанских работника против 3 иностранных"),
            "{ru}"
        );
        let left = |n: i64| {
            Message::new("country-quota-exhausted")
                .text("country", "UZB")
                .arg("year", 2026)
                .arg("left", n)
                .arg("wanted", 9)
        };
        assert!(Lang::Ru.text(&left(1)).contains("осталась 1 единица"));
        assert!(Lang::Ru.text(&left(2)).contains("осталось 2 единицы"));
        assert!(Lang::Ru.text(&left(5)).contains("осталось 5 единиц"));
        assert!(Lang::En.text(&left(1)).contains("has 1 unit left"));
        let m = Message::new("extension-limit-reached")
            .arg("category", 3)
            .arg("max", 1);
        assert!(Lang::En.text(&m).ends_with("at most once"));
    }

    /// The keys of a catalogue file with the names of their arguments, also those a
    /// message spread over several lines (its selectors' variants) uses.
    fn entries(lang: Lang) -> std::collections::BTreeMap<String, Vec<String>> {
        let path = format!(
            "{}/locales/{}/main.ftl",
            env!("CARGO_MANIFEST_DIR"),
            lang.tag()
        );
        let text = std::fs::read_to_string(path).unwrap();
        let mut messages: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            if line.starts_with(' ') {
                messages.last_mut().unwrap().1.push_str(line);
            } else if let Some((key, value)) =
                line.split_once(" =").filter(|_| !line.starts_with('#'))
            {
                messages.push((key.to_owned(), value.to_owned()));
            }
        }
        messages
            .into_iter()
            .map(|(key, value)| {
                let mut args: Vec<String> = value
                    .split("{ $")
                    .skip(1)
                    .map(|a| a.split(' ').next().unwrap().to_owned())
                    .collect();
                args.sort();
                args.dedup();
                (key, args)
            })
            .collect()
    }

    /// Whether `message` reads `value` of its argument `name` in words of its own in
    /// `lang`: not as it reads a value the catalogue does not know, and, in Kazakh and
    /// Russian, without the identifier itself.
    fn reads_in_own_words(lang: Lang, message: &Message, name: &str, value: &str) -> bool {
        let with = |v: &str| {
            let mut m = message.clone();
            for (n, a) in &mut m.args {
                if n == name {
                    *a = Arg::Text(v.to_owned());
                }
            }
            lang.text(&m)
        };
        let text = with(value);
        text != with("no-such-value") && (lang == Lang::En || !text.contains(value))
    }

    #[track_caller]
    fn assert_own_words(message: &Message, names: &[&str]) {
        for lang in Lang::ALL {
            for name in names {
                let value = message.args.iter().find(|(n, _)| n == name).unwrap();
                let value = value.1.to_string();
                assert!(
                    reads_in_own_words(lang, message, name, &value),
                    "{} in {lang:?} has no words of its own for {name} {value}: {}",
                    message.key,
                    lang.text(message)
                );
            }
        }
    }

    /// Every refused move of every case's state machine names the case, its state and the
    /// event in the reader's words, never as the identifiers the code uses.
    #[test]
    fn an_illegal_move_reads_the_case_its_state_and_the_event_in_every_language() {
        use crate::domain::state::IllegalTransition;
        use crate::domain::{certificate, complaint, demand, hold, ict, permit, Refusal};
        let mut refused: Vec<IllegalTransition> = Vec::new();
        for s in permit::PermitState::ALL {
            for e in permit::PermitEvent::ALL {
                refused.extend(permit::transition(s, e).err());
            }
        }
        let hold_events = hold::Release::ALL
            .map(hold::HoldEvent::Release)
            .into_iter()
            .chain([hold::HoldEvent::Confirm]);
        for e in hold_events {
            for s in hold::HoldState::ALL {
                refused.extend(hold::transition(s, e).err());
            }
        }
        for s in demand::DemandState::ALL {
            for d in demand::DemandDecision::ALL {
                refused.extend(demand::transition(s, d).err());
            }
        }
        for s in ict::IctState::ALL {
            for e in ict::IctEvent::ALL {
                refused.extend(ict::transition(s, e).err());
            }
        }
        for s in certificate::CertificateState::ALL {
            for e in certificate::CertificateEvent::ALL {
                refused.extend(certificate::transition(s, e).err());
            }
        }
        for s in complaint::ComplaintState::ALL {
            for e in complaint::ComplaintEvent::ALL {
                refused.extend(complaint::transition(s, e).err());
            }
        }
        let mut messages: Vec<Message> = refused
            .into_iter()
            .map(|t| match Refusal::from(t) {
                Refusal::Conflict { detail, .. } => detail,
                other => panic!("{other:?}"),
            })
            .collect();
        // The moves the permit cases refuse outside the machine (cases/permits.rs).
        for (machine, state, event) in [
            ("permit-region", "approved", "approve"),
            ("permit-region", "refused", "refuse"),
            ("permit-region", "paid", "pay"),
            ("permit", "extension-filed", "extend"),
        ] {
            messages.push(
                Message::new("conflict-illegal-transition")
                    .text("machine", machine)
                    .text("state", state)
                    .text("event", event),
            );
        }
        for m in &messages {
            assert_own_words(m, &["machine", "state", "event"]);
        }
        let resume = Message::new("conflict-illegal-transition")
            .text("machine", "permit")
            .text("state", "active")
            .text("event", "resume");
        assert_reads(
            &resume,
            "рұқсат «жарамды» мәртебесінде, сондықтан оның қолданылуын қайта жаңарту мүмкін емес",
            "разрешение в статусе «действует» нельзя возобновить",
            "a permit that is active cannot be resumed",
        );
    }

    /// `m` reads as `kk`, `ru` and `en` in Kazakh, Russian and English.
    #[track_caller]
    fn assert_reads(m: &Message, kk: &str, ru: &str, en: &str) {
        assert_eq!(
            [Lang::Kk.text(m), Lang::Ru.text(m), Lang::En.text(m)],
            [kk, ru, en]
        );
    }

    /// Roles, routes, kinds of employer, positions, statuses, quota components, term units,
    /// sign-in steps and kinds of case a message names read in the reader's words.
    #[test]
    fn every_internal_name_a_message_shows_reads_in_every_language() {
        use crate::domain::ict::{EmployerForm, IctPosition};
        use crate::domain::permit::PermitState;
        use crate::domain::route::RouteKind;
        use crate::domain::EmployerKind;
        let mut checks: Vec<(Message, &str)> = Vec::new();
        for r in crate::auth::Role::ALL {
            checks.push((
                Message::new("forbidden-role").text("role", r.as_str()),
                "role",
            ));
        }
        let routes = RouteKind::ALL.map(RouteKind::as_str);
        for route in routes.into_iter().chain(["none"]) {
            for key in ["worker-route-other", "ict-worker-route-other"] {
                let m = Message::new(key).text("worker", "A").text("route", route);
                checks.push((m, "route"));
            }
        }
        let kinds = [
            EmployerKind::HeadOffice,
            EmployerKind::Branch,
            EmployerKind::RepresentativeOffice,
            EmployerKind::PeasantFarm,
            EmployerKind::IndividualEntrepreneur,
        ];
        for kind in kinds {
            let m = Message::new("foreign-division-mismatch")
                .text("bin", "210340000013")
                .text("kind", kind.as_str());
            checks.push((m, "kind"));
            for form in EmployerForm::ALL {
                let m = Message::new("ict-employer-form")
                    .text("kind", kind.as_str())
                    .text("form", form.as_str());
                checks.push((m.clone(), "kind"));
                checks.push((m, "form"));
            }
        }
        for p in IctPosition::ALL {
            let m = Message::new("ict-ratio-exceeded")
                .text("position", p.as_str())
                .arg("foreigners", 3)
                .arg("transferred", 1)
                .arg("kazakh", 2)
                .text("max", 50);
            checks.push((m, "position"));
        }
        for s in PermitState::ALL {
            let m = Message::new("conflict-permit-not-issued")
                .arg("id", 7)
                .text("status", s.as_str());
            checks.push((m, "status"));
        }
        for c in [
            crate::domain::quota::QuotaComponent::Permits,
            crate::domain::quota::QuotaComponent::LabourImmigrants,
        ] {
            checks.push((
                crate::domain::quota::share_out_of_range(c).message(),
                "component",
            ));
        }
        for key in ["term-allowed", "term-allowed-pass"] {
            for unit in ["months", "days"] {
                let m = Message::new(key)
                    .text("category", "3")
                    .arg("length", 12)
                    .text("unit", unit);
                checks.push((m, "unit"));
            }
        }
        for step in [
            "http-client",
            "issuer",
            "discovery",
            "redirect-url",
            "state",
            "authorization",
            "code",
            "token-endpoint",
            "code-exchange",
            "id-token",
        ] {
            checks.push((Message::new("unauthorized-oidc").text("step", step), "step"));
        }
        for kind in [
            crate::domain::hold::CaseKind::Permit,
            crate::domain::hold::CaseKind::PermitExtension,
            crate::domain::hold::CaseKind::ComplaintExtension,
        ] {
            let m = Message::new("conflict-case-already-holds-quota")
                .text("kind", kind.as_str())
                .arg("id", 42)
                .text("region", "KZ-75");
            checks.push((m, "kind"));
        }
        // Art. 33(2): an extension refused for its parent's state, and ended with it.
        for s in [
            PermitState::Suspended,
            PermitState::Revoked,
            PermitState::Returned,
            PermitState::Lapsed,
            PermitState::Expired,
            PermitState::Refused,
            PermitState::Withdrawn,
        ] {
            for event in ["approve", "refuse", "pay"] {
                let m = Message::new("conflict-extension-parent-not-active")
                    .arg("parent", 7)
                    .text("state", s.as_str())
                    .text("event", event);
                checks.push((m.clone(), "state"));
                checks.push((m, "event"));
            }
        }
        for ground in crate::domain::permit::OwnGround::ALL {
            if let crate::domain::permit::OwnGround::ParentEnded(_) = ground {
                checks.push((ground.message(), "state"));
            }
        }
        for code in ["worker-on-live-permit", "worker-on-pending-application"] {
            let m = Message::new(code)
                .text("worker", "KAYA MEHMET")
                .text("holder", "own")
                .arg("permit", 42);
            checks.push((m, "holder"));
        }
        for item in [
            crate::domain::person::MrzItem::DocumentNumber,
            crate::domain::person::MrzItem::BirthDate,
            crate::domain::person::MrzItem::Expiry,
            crate::domain::person::MrzItem::PersonalNumber,
        ] {
            let m = Message::new("mrz-check-digit")
                .text("item", item.as_str())
                .text("field", "/workers/0/mrz/1");
            checks.push((m, "item"));
        }
        for item in ["document-number", "nationality", "birth-date", "sex"] {
            let m = Message::new("mrz-mismatch")
                .text("item", item)
                .text("field", "/workers/0");
            checks.push((m, "item"));
        }
        checks.push((
            Message::new("mrz-date")
                .text("item", "birth-date")
                .text("field", "/workers/0/mrz/1"),
            "item",
        ));
        for (m, name) in &checks {
            assert_own_words(m, &[name]);
        }
        let term = |length: i64| {
            Message::new("term-allowed")
                .text("category", "3")
                .arg("length", length)
                .text("unit", "months")
        };
        assert_eq!(
            Lang::Ru.text(&term(24)),
            "для категории 3 срок 24 месяца не допускается"
        );
        assert_eq!(
            Lang::En.text(&term(1)),
            "category 3 allows no term of 1 month"
        );
    }

    /// A check that passed reads as passed: its own message, in every language, with the
    /// figures it found; never the wording of its failure.
    #[test]
    fn every_check_that_passes_reads_as_passed_in_kazakh_russian_and_english() {
        use crate::domain::permit::checks::{self, Outcome, Qualification, StaffLine};
        use crate::domain::ruleset::{TermChoice, TermUnit};
        use crate::domain::{Category, CountryCode, RegionCode};
        let rules = crate::domain::ruleset::tests::seeded();
        let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let region: RegionCode = "KZ-75".parse().unwrap();
        let country: CountryCode = "TUR".parse().unwrap();
        let staff = |category| StaffLine {
            category,
            staff: checks::Staff {
                kazakh: 100,
                foreign: 2,
                ..checks::Staff::default()
            },
        };
        let months = TermChoice {
            unit: TermUnit::Months,
            values: vec![12],
            up_to: false,
        };
        let days = TermChoice {
            unit: TermUnit::Days,
            values: vec![90],
            up_to: true,
        };
        let qualification = Qualification {
            worker: "KAYA MEHMET",
            education: "higher",
            occupation_code: "2146",
            experience_years: 8,
            reference: Some("Professional standard 'Drilling', level 6"),
        };
        let passed = [
            checks::quota_available(&region, 2026, Category::Specialists, 5, 1),
            checks::country_quota_available(&country, 2026, 5, 1),
            checks::country_quota_not_mixed(None, 2),
            checks::kazakh_share(
                &rules.kazakh_share,
                Category::Specialists,
                &checks::Workforce {
                    declared: &[staff(Category::Specialists)],
                    permitted: &[(Category::Specialists, 1)],
                    ..checks::Workforce::default()
                },
                1,
                day("2026-03-01"),
            ),
            checks::kazakh_share(
                &rules.kazakh_share,
                Category::Heads,
                &checks::Workforce {
                    foreign_division: true,
                    ..checks::Workforce::default()
                },
                1,
                day("2026-03-01"),
            ),
            checks::kazakh_share(
                &rules.kazakh_share,
                Category::Heads,
                &checks::Workforce {
                    small_business: true,
                    ..checks::Workforce::default()
                },
                1,
                day("2026-03-01"),
            ),
            checks::kazakh_share(
                &rules.kazakh_share,
                Category::Seasonal,
                &checks::Workforce::default(),
                1,
                day("2026-03-01"),
            ),
            checks::qualification(&qualification, Category::Specialists),
            checks::term_allowed(Category::Specialists, &months, TermUnit::Months, 12),
            checks::term_allowed(Category::Seasonal, &days, TermUnit::Days, 61),
            checks::labour_market_test(
                &rules.labour_market_test,
                day("2026-03-01"),
                Some("ELX-1"),
                Some(day("2026-01-01")),
            ),
            checks::employer_not_barred(None, day("2026-03-01")),
            checks::replacement_commitment(
                &rules.category_4_replacement,
                Category::QualifiedWorkers,
                Some(rules.category_4_replacement.min_months),
            ),
            checks::replacements_met(&[], day("2026-03-01")),
            checks::worker_free("KAYA MEHMET", None),
            checks::worker_not_pending("KAYA MEHMET", None),
            checks::passport_valid("KAYA MEHMET", day("2030-01-01"), day("2027-01-14")),
        ];
        let mut codes: Vec<&str> = Vec::new();
        for c in &passed {
            assert_eq!(c.outcome, Outcome::Pass, "{c:?}");
            let message = c.message();
            assert_eq!(message.key, format!("{}-pass", c.finding.code));
            for lang in Lang::ALL {
                assert!(lang.renders(&message), "{} in {lang:?}", message.key);
                assert_ne!(lang.text(&message), lang.text(&c.finding.message()));
            }
            codes.push(&c.finding.code);
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 16, "{codes:?}");
        let free = checks::worker_free("KAYA MEHMET", None).message();
        assert_reads(
            &free,
            "KAYA MEHMET басқа ешбір қолданыстағы рұқсатта көрсетілмеген",
            "KAYA MEHMET не указан ни в одном другом действующем разрешении",
            "KAYA MEHMET is named on no other live permit",
        );
    }

    #[test]
    fn every_message_is_in_kazakh_russian_and_english_with_the_same_arguments() {
        let en = entries(Lang::En);
        for lang in [Lang::Kk, Lang::Ru] {
            assert_eq!(entries(lang), en, "{lang:?} differs from English");
            for (key, args) in &en {
                let message = args.iter().fold(Message::new(key), |m, a| m.text(a, "x"));
                assert!(lang.renders(&message), "{key} does not render in {lang:?}");
            }
        }
    }

    /// Every code a rule can refuse with is a `ProblemCode` (the constructors of a
    /// `Violation` take nothing else), and every one has its message in Kazakh, Russian and
    /// English: a code added to the enum without its messages fails here.
    #[test]
    fn every_problem_code_has_a_message_in_kazakh_russian_and_english() {
        for lang in Lang::ALL {
            let messages = entries(lang);
            let missing: Vec<&str> = crate::domain::ProblemCode::ALL
                .iter()
                .map(|c| c.as_str())
                .filter(|c| !messages.contains_key(*c))
                .collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    /// Every key the code names — problem titles and details, violation codes — has a
    /// message: a code added without its message fails here.
    #[test]
    fn every_key_the_code_uses_is_in_the_catalogue() {
        let en = entries(Lang::En);
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        // Violation codes are the `ProblemCode` enum (its own test below); the other keys
        // carry a prefix.
        let prefixes = [
            "title-",
            "detail-",
            "malformed-",
            "unauthorized-",
            "forbidden-",
            "not-found-",
            "conflict-",
            "console-",
            "field-",
        ];
        // The console's pages name their keys in templates.
        stack.push(std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates"
        )));
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.ends_with("i18n.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let mut keys: Vec<&str> = Vec::new();
                keys.extend(
                    text.split('"')
                        .skip(1)
                        .step_by(2)
                        .filter(|lit| prefixes.iter().any(|p| lit.starts_with(p)))
                        .filter(|lit| lit.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                        // A prefix the page completes with a code (`console-status-`).
                        .filter(|lit| !lit.ends_with('-')),
                );
                // `malformed-request` is a problem type's slug, not a message.
                for key in keys.into_iter().filter(|k| *k != "malformed-request") {
                    if !en.contains_key(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys without a message: {missing:?}");
    }
}
