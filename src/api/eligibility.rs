//! The route finder: `POST /v1/eligibility` answers which route a planned engagement of a
//! foreigner takes (Art. 32(2)-(3), 2(3), 33(1), 34, 35), with every citation, why the
//! other routes do not apply, and the next step, in the caller's language.

use super::extract::{AcceptLanguage, Body};
use super::AppState;
use crate::auth::{Action, Caller};
use crate::cases::eligibility::{self};
use crate::error::{ApiError, Problem};
use crate::wire::eligibility::{question, EligibilityRequest, EligibilityView};
use actix_web::http::header;
use actix_web::{post, web, HttpResponse};

impl crate::api::extract::ActionBody for EligibilityRequest {
    const ACTION: Action = Action::CheckEligibility;
}

/// Check which route an engagement takes
///
/// Which route a planned engagement takes (any valid token): a citizen of an EAEU member
/// state (Art. 2(3)); exempt, naming the subparagraph of Art. 32(2); a self-employment
/// certificate (Art. 34); an ICT permit (Art. 35, 32(3)); or a permit within the quota
/// with its category (Art. 33(1)) — with every citation, why the other routes do not
/// apply, and the next step, in the language `Accept-Language` chose. Nothing is stored:
/// a computation, so it takes neither `Idempotency-Key` nor `If-Match`.
#[utoipa::path(tag = "eligibility", security(("bearer" = [])),
    request_body = EligibilityRequest,
    responses(
        (status = 200, description = "The route.", body = EligibilityView, headers(("Content-Language" = String, description = "kk, ru or en."))),
        (status = 404, description = "No such country, or no rule set in force on the start date.", body = Problem, content_type = "application/problem+json"),
        crate::wire::refusals::EligibilityRefused,
    ))]
#[post("/eligibility")]
pub async fn check_eligibility(
    state: web::Data<AppState>,
    AcceptLanguage(lang): AcceptLanguage,
    _caller: Caller,
    body: Body<EligibilityRequest>,
) -> Result<HttpResponse, ApiError> {
    let q = question(body.value, state.time.today())?;
    let on = q.on;
    let answer = state.read(move |c| Ok(eligibility::assess(c, &q)?)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, lang.tag()))
        .json(EligibilityView::new(&answer, on, lang)))
}
