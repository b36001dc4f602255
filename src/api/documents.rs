//! The electronic permit (Art. 33(5)): its PDF for those who may read the permit, and
//! the public verification of its number for anyone, signed in or not.

use super::AppState;
use crate::auth::permit_access;
use crate::auth::{authorize_role, Action, Caller};
use crate::cases;
use crate::document;
use crate::error::{ApiError, Problem};
use crate::wire::docs::NotCallersPermit;
use crate::wire::documents::{PdfFile, PublicPermitView};
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

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
