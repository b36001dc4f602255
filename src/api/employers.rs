//! Employers' profiles (Art. 33(6)): the employer states its sector, region and workforce
//! by date; officials read them; other employers cannot.

use super::extract::{Body, IfMatch, RequestId};
use super::idempotency::etag;
use super::AppState;
use crate::auth::{authorize, authorize_role, Action, Caller, Role, Scope};
use crate::cases;
use crate::domain::{EmployerId, Message, RegionCode};
use crate::error::{ApiError, Problem};
use crate::wire::docs::{IfMatchProfile, StaleVersionShort};
use crate::wire::employers::{EmployerView, ProfileRequest, ProfileView};
use actix_web::http::header;
use actix_web::{get, put, web, HttpResponse};

pub(crate) fn employer_param(s: &str) -> Result<EmployerId, ApiError> {
    s.parse().map_err(|e: crate::domain::ids::IdError| {
        // Twelve digits, as the contract asks, that no BIN or IIN has (its check digit or
        // structure): no employer has it, as no employer has an unknown one.
        if e != crate::domain::ids::IdError::NotTwelveDigits {
            return ApiError::not_found(Message::new("not-found-case"));
        }
        ApiError::malformed(
            Message::new("malformed-parameter")
                .text("field", "bin")
                .arg("reason", crate::i18n::words(&e.message())),
            vec![crate::error::FieldError::new("bin", e)],
        )
    })
}

/// State the employer's profile
///
/// States the employer's profile from a date (employer, its own BIN): name, legal form,
/// whether it is a division of a foreign legal entity (checked against the BIN), OKED
/// section, region and workforce (Art. 33(6)).
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("bin" = String, Path, description = "The employer's BIN or IIN: 12 digits, the last a check digit of the first 11 (weights 1-11 mod 11; when 10, weights 3-11, 1, 2 mod 11). Twelve digits no BIN or IIN has answer 404, as an unknown one.", pattern = "^[0-9]{12}$", min_length = 12, max_length = 12),
        IfMatchProfile),
    request_body = ProfileRequest,
    responses(
        (status = 200, description = "That date's profile replaced.", body = ProfileView, headers(("ETag" = String, description = "The version."))),
        (status = 201, description = "A new dated profile.", body = ProfileView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "Another employer's profile.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed concurrently.", body = Problem, content_type = "application/problem+json"),
        StaleVersionShort,
        crate::wire::refusals::ProfileRefused,
    ))]
#[put("/employers/{bin}")]
pub async fn put_employer_profile(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    bin: web::Path<String>,
    body: Body<ProfileRequest>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::PutEmployerProfile)?;
    let bin = employer_param(&bin)?;
    let req = body.value;
    let region: RegionCode = req
        .region
        .parse::<crate::domain::RegionCode>()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid("region", e))?;
    authorize(
        &caller,
        Action::PutEmployerProfile,
        Scope::Case {
            region: &region,
            bin: &bin,
        },
    )?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    let cmd = req.command(bin, region, today, if_match.0)?;
    let (profile, created) = state
        .write(move |c| Ok(cases::employers::put_profile(c, &cmd, &actor, today)?))
        .await?;
    let v = ProfileView::from(profile);
    let mut res = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(res.insert_header((header::ETAG, etag(v.version))).json(v))
}

/// Read an employer's profile
///
/// An employer's profile in force today and its history: the employer itself and
/// officials; another employer gets 404.
#[utoipa::path(tag = "permits", security(("bearer" = [])),
    params(("bin" = String, Path, description = "The employer's BIN or IIN: 12 digits, the last a check digit of the first 11 (weights 1-11 mod 11; when 10, weights 3-11, 1, 2 mod 11). Twelve digits no BIN or IIN has answer 404, as an unknown one.", pattern = "^[0-9]{12}$", min_length = 12, max_length = 12)),
    responses(
        (status = 200, description = "The employer.", body = EmployerView),
        (status = 404, description = "No profile, or another employer's.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/employers/{bin}")]
pub async fn get_employer_profile(
    state: web::Data<AppState>,
    caller: Caller,
    bin: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    authorize_role(&caller, Action::ReadEmployerProfile)?;
    let bin = employer_param(&bin)?;
    let today = state.time.today();
    // An employer learns nothing of another's profile, not even whether one exists: it
    // answers as a missing case does (officials and auditors read every profile).
    if caller.role == Role::Employer && caller.bin.as_ref() != Some(&bin) {
        return Err(ApiError::not_found(Message::new("not-found-case")));
    }
    let kind = bin.kind();
    let (current, history) = state
        .read(move |c| {
            cases::employers::employer(c, &bin, today, |region| {
                let scope = Scope::Case { region, bin: &bin };
                authorize(&caller, Action::ReadEmployerProfile, scope)
            })
        })
        .await?;
    let v = EmployerView {
        kind,
        bin: current.bin.clone(),
        current: ProfileView::from(current),
        history: history.into_iter().map(ProfileView::from).collect(),
    };
    Ok(HttpResponse::Ok().json(v))
}

impl crate::api::extract::ActionBody for ProfileRequest {
    const ACTION: Action = Action::PutEmployerProfile;
}
