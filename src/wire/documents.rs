//! The wire types of `src/api/documents.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::documents::{PublicPermit, RegionName};
use crate::domain::verification::NotValid;
use crate::domain::Category;
use crate::format;
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// A PDF file, in the contract: a binary string.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct PdfFile(pub Vec<u8>);

/// A region named in a permit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicRegionView {
    /// ISO 3166-2:KZ code.
    #[schema(example = "KZ-75")]
    pub code: String,
    /// Name in Kazakh.
    #[schema(example = "Алматы қаласы")]
    pub name_kk: String,
    /// Name in Russian.
    #[schema(example = "город Алматы")]
    pub name_ru: String,
    /// Name in English.
    #[schema(example = "Almaty")]
    pub name_en: String,
}

/// What anyone may learn of a permit from its number. No worker is named and the
/// employer's BIN is left out (an individual entrepreneur's is a personal IIN).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicPermitView {
    /// The permit's number, in its written form.
    #[schema(example = "KZ-2026-7HQX-M4RB-2C9D")]
    pub number: String,
    /// Valid today (Kazakhstan date): issued, neither suspended nor ended, and today
    /// within its term.
    pub valid_today: bool,
    /// Status today: active, suspended, revoked, returned or expired.
    #[schema(example = "active", value_type = crate::wire::schemas::PermitStatus)]
    pub status: String,
    /// The employer's name in its profile on the day of issue; null when it had none.
    #[schema(example = "Test LLP")]
    pub employer_name: Option<String>,
    /// Worker category.
    pub category: Category,
    /// The regions it is valid in (Art. 33(3)).
    pub regions: Vec<PublicRegionView>,
    /// First day of validity.
    pub valid_from: NaiveDate,
    /// Last day of validity.
    pub valid_to: NaiveDate,
    /// The day it was issued (the last region's fee paid).
    pub issued_on: NaiveDate,
    /// The day the answer speaks of (today, Kazakhstan time).
    pub checked_on: NaiveDate,
    /// Why it is not valid today (Art. 33(1), (4)); null exactly when `valid_today`.
    pub not_valid: Option<NotValidView>,
}

/// Why a permit is not valid: `not_yet_started` (issued, its term begins later),
/// `suspended` (by the akimat, Art. 33(1)), `revoked`, `expired` (its term is over),
/// `lapsed` (its fee was not paid in time, Art. 33(4)), `returned` (given back by the
/// employer), `not_issued` (refused, withdrawn, or not yet decided or paid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotValidReason {
    NotYetStarted,
    Suspended,
    Revoked,
    Expired,
    Lapsed,
    Returned,
    NotIssued,
}

/// A sentence in Kazakh, Russian and English.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NotValidMessage {
    /// In Kazakh, dates as `14.12.2026`.
    pub kk: String,
    /// In Russian, dates as `14.12.2026`.
    pub ru: String,
    /// In English, dates as `2026-12-14`.
    pub en: String,
}

/// Why a permit is not valid today: a stable reason, the day it speaks of, and the
/// sentence the console's verification page shows, in each language.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "reason": "not_yet_started",
    "on": "2026-12-14",
    "message": {
        "kk": "оның қолданылу мерзімі 14.12.2026 басталады",
        "ru": "срок его действия начинается 14.12.2026",
        "en": "its term begins on 2026-12-14"
    }
}))]
pub struct NotValidView {
    /// Why, as a stable code.
    pub reason: NotValidReason,
    /// The day the reason speaks of: the term's first day (`not_yet_started`), or the day it
    /// was revoked, lapsed or returned, or its last day (`expired`); null for `suspended`
    /// and `not_issued`.
    pub on: Option<NaiveDate>,
    /// The reason in a sentence, dates as each language writes them.
    pub message: NotValidMessage,
}

impl From<NotValid> for NotValidView {
    fn from(why: NotValid) -> NotValidView {
        let (reason, on) = match why {
            NotValid::NotYetStarted { from } => (NotValidReason::NotYetStarted, Some(from)),
            NotValid::Suspended => (NotValidReason::Suspended, None),
            NotValid::Revoked { on } => (NotValidReason::Revoked, Some(on)),
            NotValid::Expired { on } => (NotValidReason::Expired, Some(on)),
            NotValid::Lapsed { on } => (NotValidReason::Lapsed, Some(on)),
            NotValid::Returned { on } => (NotValidReason::Returned, Some(on)),
            NotValid::NotIssued => (NotValidReason::NotIssued, None),
        };
        NotValidView {
            reason,
            on,
            message: NotValidMessage {
                kk: format::not_valid(Lang::Kk, why),
                ru: format::not_valid(Lang::Ru, why),
                en: format::not_valid(Lang::En, why),
            },
        }
    }
}

impl From<PublicPermit> for PublicPermitView {
    fn from(p: PublicPermit) -> PublicPermitView {
        PublicPermitView {
            number: p.number.to_string(),
            valid_today: p.valid_today,
            status: p.status.as_str().to_owned(),
            employer_name: p.employer_name,
            category: p.category,
            regions: p
                .regions
                .into_iter()
                .map(|r: RegionName| PublicRegionView {
                    code: r.code,
                    name_kk: r.name_kk,
                    name_ru: r.name_ru,
                    name_en: r.name_en,
                })
                .collect(),
            valid_from: p.valid_from,
            valid_to: p.valid_to,
            issued_on: p.issued_on,
            checked_on: p.checked_on,
            not_valid: p.not_valid.map(NotValidView::from),
        }
    }
}
