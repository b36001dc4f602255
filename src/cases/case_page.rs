//! What the officials' case page shows beside the permit's view: the words officials wrote
//! when they acted (kept in the history), and what a revocation on a ground would bring
//! about, for its confirmation.

use super::CaseError;
use crate::db::rulesets::Parsed;
use crate::db::{case_notes, Conn};
use crate::domain::Message;
use crate::domain::ProblemCode;
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
