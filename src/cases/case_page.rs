//! What the officials' case pages show beside the cases' views: the words officials wrote
//! when they acted (kept in the history), the history of certificates and ICT permits with
//! their grounds and notes, and what a revocation on a ground would bring about, for its
//! confirmation.

use super::permit::view::{end_ground, Ground};
use super::CaseError;
use crate::db::rulesets::Parsed;
use crate::db::{case_notes, Conn};
use crate::domain::article::SERVICE_RULE;
use crate::domain::ruleset::RuleSet;
use crate::domain::Message;
use crate::domain::ProblemCode;
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};

/// Words an official wrote with an act on the permit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: DateTime<Utc>,
    /// The audit action (`permit.suspended`, …).
    pub action: String,
    pub text: String,
}

/// The suspension reasons and revocation and return notes of permit `id`, oldest first,
/// read from the after-image each event keeps (`words`).
pub fn notes(conn: &mut Conn, id: i64) -> Result<Vec<Note>, CaseError> {
    let mut out = Vec::new();
    for (at, action, after) in case_notes::of_permit(conn, id)? {
        let after: serde_json::Value = match after {
            Some(a) => serde_json::from_str(&a)?,
            None => continue,
        };
        let field = if action == "permit.suspended" {
            "suspension_reason"
        } else {
            "end_note"
        };
        if let Some(text) = after["words"][field].as_str().filter(|t| !t.is_empty()) {
            out.push(Note {
                at: at.and_utc(),
                action,
                text: text.to_owned(),
            });
        }
    }
    Ok(out)
}

/// The months a revocation on revocation ground `code` bars the employer from new permits
/// (Art. 33(2): the ground's `bars_employer` and the rule set's
/// `unlawful_engagement_bar_months` in force `today`); none when it does not bar. A code the
/// rule set does not list is `unknown-ground`, as the revocation itself would refuse it.
pub fn revocation_bar(
    conn: &mut Conn,
    rule_sets: &Parsed,
    today: NaiveDate,
    code: &str,
) -> Result<Option<u32>, CaseError> {
    let rules = rule_sets.in_force(conn, today)?.ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-on").text("date", today))
    })?;
    let g = rules
        .permit_grounds
        .revocation_ground(code)
        .ok_or_else(|| {
            CaseError::from(
                crate::domain::Violation::new(
                    ProblemCode::UnknownGround,
                    crate::domain::article::ART_9_5,
                )
                .text("ground", code),
            )
        })?;
    Ok(g.bars_employer
        .then_some(rules.permit_grounds.unlawful_engagement_bar_months))
}

/// The most lines of history a certificate's or ICT permit's page shows (a case's whole
/// life is a few dozen).
const CASE_HISTORY_LINES: i64 = 200;

/// One line of a self-employment certificate's (Art. 34) or ICT permit's (Art. 35)
/// history: the act, who did it, the article it rests on, and the grounds and words the
/// official gave with it.
#[derive(Debug, Clone)]
pub struct Line {
    pub at: DateTime<Utc>,
    /// The audit action (`ict_permit.refused`, …).
    pub action: String,
    /// Who acted (sign-in subject) and in which role.
    pub actor: String,
    pub role: String,
    /// The employer the act concerns: the one an employer acting is.
    pub bin: Option<String>,
    /// The article it rests on; `None` for an act of the service's own.
    pub legal_basis: Option<String>,
    /// The grounds the act named (a refusal's, a revocation's), in the reader's language.
    pub grounds: Vec<Ground>,
    /// What the official wrote with it, or what an employer reported (`hired: 10.12.2026`).
    pub note: Option<String>,
}

/// The history of case `id` of `entity_type` (`self_employment_certificate` or
/// `ict_permit`), oldest first, as `lang` reads it: each decision with its grounds named
/// by the rule set in force `today` (a code it no longer lists reads as the code) and
/// the note, an extension refused with its grounds and note, a suspension, resumption or
/// revocation with its reason (and a revocation's ground), an employment report with its
/// kind and day.
pub fn case_history(
    conn: &mut Conn,
    rule_sets: &Parsed,
    (today, lang): (NaiveDate, Lang),
    entity_type: &str,
    id: i64,
) -> Result<Vec<Line>, CaseError> {
    let rules = rule_sets.in_force(conn, today)?;
    let rules = rules.as_deref();
    let mut out = Vec::new();
    for e in case_notes::of_case(conn, entity_type, id, CASE_HISTORY_LINES)? {
        let after: serde_json::Value = match &e.after_json {
            Some(a) => serde_json::from_str(a)?,
            None => serde_json::Value::Null,
        };
        let (grounds, note) = worded(&e.action, &after, rules, lang)?;
        out.push(Line {
            at: e.occurred_at.and_utc(),
            action: e.action,
            actor: e.actor,
            role: e.role,
            bin: e.bin,
            legal_basis: Some(cited_once(&e.legal_basis)).filter(|b| b != SERVICE_RULE),
            grounds,
            note: note.filter(|n| !n.is_empty()),
        });
    }
    Ok(out)
}

/// A stored legal basis with each article cited once (`Art. 35(1); Art. 35(1)`, the
/// decision's article and its ground's, reads `Art. 35(1)`), in the order stored.
fn cited_once(basis: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for part in basis.split(';').map(str::trim) {
        if !seen.contains(&part) {
            seen.push(part);
        }
    }
    seen.join("; ")
}

/// The grounds and words the event `action` keeps in its after-image `after`.
fn worded(
    action: &str,
    after: &serde_json::Value,
    rules: Option<&RuleSet>,
    lang: Lang,
) -> Result<(Vec<Ground>, Option<String>), CaseError> {
    let text = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    let decision = &after["decision"];
    Ok(match action {
        "self_employment_certificate.refused" | "ict_permit.refused" => {
            // Stored as a JSON array in a text column; none before grounds were listed.
            let codes: Vec<String> = match decision["refusal_grounds"].as_str() {
                Some(list) => serde_json::from_str(list)?,
                None => Vec::new(),
            };
            (
                case_grounds_named(&codes, rules, lang),
                text(&decision["refusal_reason"]),
            )
        }
        "ict_permit.extension_refused" => {
            let refused = &after["extension_refused"];
            let codes: Vec<String> = match &refused["grounds"] {
                serde_json::Value::Null => Vec::new(),
                list => serde_json::from_value(list.clone())?,
            };
            (
                case_grounds_named(&codes, rules, lang),
                text(&refused["reason"]),
            )
        }
        "ict_permit.suspended" | "ict_permit.resumed" | "ict_permit.revoked" => {
            let ground = match decision["measure_ground"].as_str() {
                Some(code) if action == "ict_permit.revoked" => {
                    vec![end_ground(code, rules, lang)]
                }
                _ => Vec::new(),
            };
            (ground, text(&decision["measure_reason"]))
        }
        "self_employment_certificate.employment_reported" => {
            let kind = after["kind"].as_str().unwrap_or_default();
            let day = after["on_date"].as_str().unwrap_or_default();
            let day = day
                .parse::<NaiveDate>()
                .map_or_else(|_| day.to_owned(), |d| crate::format::date(lang, d));
            let said = lang.key(&format!("console-report-{kind}"));
            (Vec::new(), Some(format!("{said}: {day}")))
        }
        _ => (Vec::new(), None),
    })
}

/// Certificate and ICT refusal grounds `codes` as `rules`' `case_grounds` name them in
/// `lang`, each with its article; a code the rules no longer list reads as the code.
fn case_grounds_named(codes: &[String], rules: Option<&RuleSet>, lang: Lang) -> Vec<Ground> {
    codes
        .iter()
        .map(|code| {
            let g = rules.and_then(|r| r.case_grounds.ground(code));
            Ground {
                code: code.clone(),
                article: g.map(|g| g.article.clone()),
                name: g.map_or_else(|| code.clone(), |g| lang.pick(&g.words()).to_owned()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_legal_basis_cites_each_article_once_in_the_order_stored() {
        assert_eq!(super::cited_once("Art. 35(1); Art. 35(1)"), "Art. 35(1)");
        assert_eq!(
            super::cited_once("Art. 9(5); Art. 33(3); Art. 9(5)"),
            "Art. 9(5); Art. 33(3)"
        );
        assert_eq!(super::cited_once(""), "");
    }
}
