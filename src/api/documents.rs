//! The electronic permit (Art. 33(5)): its PDF for those who may read the permit, and
//! the public verification of its number for anyone, signed in or not.

use super::docs::NotCallersPermit;
use super::AppState;
use crate::auth::permit_access;
use crate::auth::{authorize_role, Action, Caller};
use crate::cases;
use crate::cases::documents::{PublicPermit, RegionName};
use crate::document;
use crate::domain::verification::NotValid;
use crate::domain::Category;
use crate::error::{ApiError, Problem};
use crate::format;
use crate::i18n::Lang;
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// Download the permit as a PDF
///
/// The permit's document as a PDF: number, employer, category, regions, term, workers
/// and a QR code of its public verification address, labelled in Kazakh and Russian.
/// Readable by whoever may read the permit; a permit not yet issued (fees unpaid) has no
/// number and no document.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Permit id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The PDF, a file to download: `application/pdf`, or the same bytes as `application/octet-stream` for a client whose `Accept` asks for that and not for PDF.",
            content((PdfFile = "application/pdf"), (PdfFile = "application/octet-stream")),
            headers(("Content-Disposition" = String, description = "`attachment` with the file name `<number>.pdf` (RFC 6266), e.g. `attachment; filename=\"KZ-2026-7HQX-M4RB-2C9D.pdf\"`."))),
        NotCallersPermit,
        (status = 409, description = "`permit-not-issued`: the permit has no number yet (Art. 33(4): issued on payment of every region's fee).", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/permits/{id}/document")]
pub async fn permit_document(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let content_type = pdf_content_type(req.headers().get(header::ACCEPT));
    authorize_role(&caller, Action::ReadPermits)?;
    let today = state.time.today();
    let doc = state
        .read(move |c| {
            cases::documents::document(c, id, today, permit_access(&caller, Action::ReadPermits))
        })
        .await?;
    let url = document::verification_url(&state.public_base_url, &doc.number);
    let number = doc.number.to_string();
    let pdf = web::block(move || document::render(&doc, &url))
        .await
        .map_err(|e| {
            log::error!("the document renderer did not run: {e}");
            ApiError::Internal
        })?
        .map_err(|e| {
            log::error!("permit {id}'s document failed to render: {e}");
            ApiError::Internal
        })?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{number}.pdf\""),
        ))
        .body(pdf))
}

/// The media type the PDF is sent as: `application/octet-stream` when `Accept` names it
/// and not PDF (a generated client that reads only octet streams as files), else
/// `application/pdf`.
fn pdf_content_type(accept: Option<&header::HeaderValue>) -> &'static str {
    let accept = accept.and_then(|v| v.to_str().ok()).unwrap_or_default();
    let names = |t: &str| accept.split(',').any(|r| r.trim().starts_with(t));
    if names("application/octet-stream") && !names("application/pdf") {
        "application/octet-stream"
    } else {
        "application/pdf"
    }
}

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
    #[schema(example = "active", value_type = super::schemas::PermitStatus)]
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

/// Check a permit number (public)
///
/// Verifies a permit number, without signing in (Art. 33(5)): whether the permit is
/// valid today and, when not, why (`not_valid`: not yet started, suspended, revoked,
/// expired, lapsed, returned), its employer's name, category, regions and term. Case, surrounding spaces
/// and O/I/L for 0/1 are forgiven. A malformed number, an unknown one and one never
/// issued get the same 404, so answers never tell which numbers exist. Limited per
/// client address (`public.verify_per_minute`, 30 by default).
#[utoipa::path(tag = "public",
    params(("number" = String, Path, description = "The permit number, e.g. KZ-2026-7HQX-M4RB-2C9D.", min_length = 1, max_length = 64)),
    responses(
        (status = 200, description = "The permit as the public may see it.", body = PublicPermitView),
        (status = 404, description = "No issued permit carries this number (also for a malformed one).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many verifications from this address.", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying."))),
    ))]
#[get("/public/permits/{number}")]
pub async fn verify_permit(
    state: web::Data<AppState>,
    req: HttpRequest,
    number: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    state.limit_verification(&req)?;
    let today = state.time.today();
    let number = number.into_inner();
    let found = state
        .read(move |c| Ok(cases::documents::verify_public(c, &number, today)?))
        .await?;
    Ok(HttpResponse::Ok().json(PublicPermitView::from(found)))
}
