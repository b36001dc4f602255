//! Self-employment certificates (Art. 34, 1(30), 32(2)(8)) and employers' reports of their
//! holders' employment (Art. 28(2)(10)). The holder is a person, not an employer: the akimat
//! that decides a certificate, the ministry and auditors see it; an employer only one whose
//! holder's employment it reported.

use super::extract::{Body, IdempotencyKey, IfMatch, Query, RequestId};
use super::idempotency::{create, Created};
use super::lifecycle::{answer, moved, Versioned};
use super::page::{split, PageQuery};
use super::AppState;
use crate::api::docs::{
    IdempotencyConflict, IdempotencyKeyHeader, IfMatchCertificate, StaleVersion,
};
use crate::api::person::{MrzLine, SexParam};
use crate::auth::{authorize, authorize_role, certificate_access, visible, Action, Caller, Scope};
use crate::cases::certificates::{self as cmd, Channel, Decide, ReportKind};
use crate::cases::certificates::{list, view};
use crate::domain::person::{self, PassportNumber};
use crate::domain::{CountryCode, Message, RegionCode};
use crate::error::{ApiError, Problem};
use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// How the application arrived (Art. 34(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelParam {
    /// Through a Kazakh foreign mission, forwarded to the akimat named in the application.
    ForeignMission,
    /// Directly to the akimat, the foreigner being in Kazakhstan.
    Akimat,
}

/// An application for a self-employment certificate, as the akimat registers it.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCertificateRequest {
    /// The akimat's region that decides (ISO 3166-2:KZ): the caller's own.
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    pub region: String,
    /// How the application arrived.
    pub channel: ChannelParam,
    /// For `foreign_mission`: the country of the mission (ISO 3166-1 alpha-3).
    #[schema(example = "IND", pattern = "^[A-Z]{3}$")]
    pub mission_country: Option<String>,
    /// The foreigner's full name in Latin letters, as the passport prints it (ICAO Doc
    /// 9303 Part 3): letters A-Z, spaces, hyphens and apostrophes; stored upper case with
    /// one space between words.
    #[schema(
        example = "ARJUN MEHTA",
        min_length = 1,
        max_length = 300,
        pattern = "^[A-Za-z' -]*[A-Za-z][A-Za-z' -]*$"
    )]
    pub full_name: String,
    /// The passport number: 5 to 9 letters A-Z and digits once spaces and `<` fillers are
    /// left out; stored upper case.
    #[schema(
        example = "Z1234567",
        min_length = 5,
        max_length = 44,
        pattern = "^[ <]*([A-Za-z0-9][ <]*){5,9}$"
    )]
    pub passport_number: String,
    /// Sex as the passport states it; compared with `mrz` when both are sent, and not kept.
    pub sex: Option<SexParam>,
    /// The passport's machine-readable zone (ICAO Doc 9303 Part 4, TD3), optional: when
    /// sent, every check digit is verified and the document number, nationality and sex
    /// must agree with the fields sent. Not kept.
    #[schema(min_items = 2, max_items = 2)]
    pub mrz: Option<Vec<MrzLine>>,
    /// Citizenship (ISO 3166-1 alpha-3).
    #[schema(example = "IND", pattern = "^[A-Z]{3}$")]
    pub citizenship: String,
    /// The foreigner's IIN, where they have one.
    #[schema(example = "880715300019", pattern = "^[0-9]{12}$")]
    pub iin: Option<String>,
    /// The profession's occupation code, on the in-demand list in force today.
    #[validate(length(min = 1, max = 20))]
    #[schema(example = "2512", min_length = 1, max_length = 20)]
    pub occupation_code: String,
    /// The foreigner has higher education.
    pub higher_education: bool,
    /// Years of work experience in the profession.
    #[validate(range(min = 0, max = 70))]
    #[schema(example = 4, minimum = 0, maximum = 70)]
    pub experience_years: u32,
}

/// The akimat's decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificateDecisionParam {
    Issue,
    Refuse,
}

/// The akimat's decision on an application (Art. 34(1)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateDecisionRequest {
    /// `issue` for `months`, or `refuse` on `grounds` with an optional note (`reason`).
    pub decision: CertificateDecisionParam,
    /// For `issue`: months of validity, at most three (Art. 34(1)).
    #[validate(range(min = 1, max = 120))]
    #[schema(example = 3, minimum = 1, maximum = 120)]
    pub months: Option<u32>,
    /// For `refuse`: codes of grounds from the rule set's `case_grounds` that apply to
    /// a certificate (`certificate`) (`applies_to`), at least one; a ground of another kind of case or
    /// decision is refused (422 `ground-not-for-case`).
    #[serde(default)]
    #[validate(length(max = 10))]
    #[schema(max_items = 10)]
    pub grounds: Vec<crate::api::permits::GroundCode>,
    /// For `refuse`: the official's note, kept as the refusal's `refusal_reason` and in the
    /// case's history; optional.
    #[validate(
        length(min = 1, max = 4000),
        custom(function = "crate::api::extract::not_blank")
    )]
    #[schema(min_length = 1, max_length = 4000, pattern = "\\S")]
    pub reason: Option<String>,
}

/// The holder's labour contract, to extend the certificate for its term (Art. 34(1),(3)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateExtensionRequest {
    /// The employer's BIN (or an individual entrepreneur's IIN).
    #[schema(example = "210340000013", pattern = "^[0-9]{12}$")]
    pub employer_bin: String,
    /// First day of the contract: while the certificate is valid (or, when the employer
    /// reported hiring the holder while it was valid, no later than its last day).
    pub contract_start: NaiveDate,
    /// Last day of the contract: the certificate's new last day, at most three years from
    /// the contract's start.
    pub contract_end: NaiveDate,
}

/// What the employer reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportKindParam {
    /// It hired the holder.
    Hire,
    /// The employment ended.
    End,
}

/// An employer's report of a holder's employment (Art. 28(2)(10)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmploymentReportRequest {
    /// `hire` or `end`.
    pub kind: ReportKindParam,
    /// The holder's passport number, as on the passport the employer saw (compared in
    /// normal form: upper case, spaces and `<` fillers left out); a certificate whose
    /// holder has another passport answers 404.
    #[schema(
        example = "N12345678",
        min_length = 5,
        max_length = 44,
        pattern = "^[ <]*([A-Za-z0-9][ <]*){5,9}$"
    )]
    pub passport_number: String,
    /// The day of hiring or of the end of the employment.
    pub date: NaiveDate,
}

impl crate::api::extract::ActionBody for NewCertificateRequest {
    const ACTION: Action = Action::ApplySelfEmploymentCertificate;
}
impl crate::api::extract::ActionBody for CertificateDecisionRequest {
    const ACTION: Action = Action::DecideSelfEmploymentCertificate;
}
impl crate::api::extract::ActionBody for CertificateExtensionRequest {
    const ACTION: Action = Action::DecideSelfEmploymentCertificate;
}
impl crate::api::extract::ActionBody for EmploymentReportRequest {
    const ACTION: Action = Action::ReportSelfEmployment;
}

/// One employer's report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EmploymentReportView {
    /// Identifier of the report.
    pub id: i64,
    /// The reporting employer's BIN or IIN.
    #[schema(example = "210340000013")]
    pub bin: String,
    /// `hire` or `end`.
    pub kind: ReportKindParam,
    /// The day of hiring or of the end.
    pub date: NaiveDate,
    /// The day fell outside the certificate's validity.
    pub past_validity: bool,
    /// When it was reported (UTC).
    pub reported_at: chrono::DateTime<chrono::Utc>,
}

impl From<view::Report> for EmploymentReportView {
    fn from(r: view::Report) -> Self {
        EmploymentReportView {
            id: r.id,
            bin: r.bin.to_string(),
            kind: match r.kind {
                ReportKind::Hire => ReportKindParam::Hire,
                ReportKind::End => ReportKindParam::End,
            },
            date: r.date,
            past_validity: r.past_validity,
            reported_at: r.reported_at,
        }
    }
}

/// A self-employment certificate and its employment history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CertificateView {
    /// Identifier (the certificate's number).
    pub id: i64,
    /// The deciding akimat's region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// How the application arrived.
    pub channel: ChannelParam,
    /// For `foreign_mission`: the mission's country.
    pub mission_country: Option<String>,
    /// The holder's full name.
    pub full_name: String,
    /// The holder's passport number.
    pub passport_number: String,
    /// The holder's citizenship.
    pub citizenship: String,
    /// The holder's IIN, where they have one.
    pub iin: Option<String>,
    /// The profession's occupation code.
    pub occupation_code: String,
    /// The profession, as the list names it.
    pub profession: String,
    /// The holder has higher education.
    pub higher_education: bool,
    /// Years of experience in the profession.
    pub experience_years: i32,
    /// The application date; the list in force that day was applied.
    pub applied_on: NaiveDate,
    /// The rule-set version (with the in-demand list) the application was checked against.
    pub rule_set_version: i64,
    /// applied, issued, refused or extended.
    #[schema(example = "issued")]
    pub status: String,
    /// The day it was issued.
    pub issued_on: Option<NaiveDate>,
    /// Its last day of validity.
    pub valid_until: Option<NaiveDate>,
    /// The official's note on a refusal, when one was written.
    pub refusal_reason: Option<String>,
    /// The codes of a refusal's grounds from the rule set's `case_grounds` (names and
    /// articles there); empty for a refusal recorded before grounds were listed.
    pub refusal_grounds: Vec<String>,
    /// The contract's employer, once extended.
    pub contract_bin: Option<String>,
    /// The contract's first day, once extended.
    pub contract_start: Option<NaiveDate>,
    /// The contract's last day, once extended.
    pub contract_end: Option<NaiveDate>,
    /// The day of the extension.
    pub extended_on: Option<NaiveDate>,
    /// Hiring and end reports, oldest first (Art. 28(2)(10)).
    pub employment: Vec<EmploymentReportView>,
    /// Version; also the `ETag`.
    pub version: i64,
}

impl From<view::Certificate> for CertificateView {
    fn from(c: view::Certificate) -> Self {
        CertificateView {
            id: c.id,
            region: c.region.to_string(),
            channel: match c.channel {
                view::Arrived::ForeignMission => ChannelParam::ForeignMission,
                view::Arrived::Akimat => ChannelParam::Akimat,
            },
            mission_country: c.mission_country,
            full_name: c.full_name,
            passport_number: c.passport_number,
            citizenship: c.citizenship,
            iin: c.iin,
            occupation_code: c.occupation_code,
            profession: c.profession,
            higher_education: c.higher_education,
            experience_years: c.experience_years,
            applied_on: c.applied_on,
            rule_set_version: c.rule_set_version,
            status: c.status.as_str().to_owned(),
            issued_on: c.issued_on,
            valid_until: c.valid_until,
            refusal_reason: c.refusal_reason,
            refusal_grounds: c.refusal_grounds,
            contract_bin: c.contract_bin,
            contract_start: c.contract_start,
            contract_end: c.contract_end,
            extended_on: c.extended_on,
            employment: c.employment.into_iter().map(Into::into).collect(),
            version: c.version,
        }
    }
}

super::page::cursor_page!(
    /// A page of certificates.
    CertificatePage,
    CertificateView,
    "The certificates on this page, oldest first."
);

fn country(code: &str, field: &str) -> Result<CountryCode, ApiError> {
    code.parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid(field, e.to_string()))
}

impl TryFrom<CertificateDecisionRequest> for Decide {
    type Error = ApiError;
    /// The decision asked for: an issue needs months and neither grounds nor a note, a
    /// refusal no months (its grounds are checked against the rule set's list).
    fn try_from(req: CertificateDecisionRequest) -> Result<Self, ApiError> {
        match (req.decision, req.months) {
            (CertificateDecisionParam::Issue, Some(months))
                if req.reason.is_none() && req.grounds.is_empty() =>
            {
                Ok(Decide::Issue { months })
            }
            (CertificateDecisionParam::Issue, _) => Err(ApiError::invalid(
                "months",
                "is required to issue, and neither grounds nor a reason are given",
            )),
            (CertificateDecisionParam::Refuse, None) => Ok(Decide::Refuse {
                grounds: req.grounds.into_iter().map(String::from).collect(),
                note: req.reason,
            }),
            (CertificateDecisionParam::Refuse, Some(_)) => {
                Err(ApiError::invalid("months", "is given only to issue"))
            }
        }
    }
}

impl Versioned for CertificateView {
    fn version(&self) -> i64 {
        self.version
    }
}

/// How the application arrived: a foreign mission names its country, the akimat none.
fn channel(channel: ChannelParam, mission_country: Option<&str>) -> Result<Channel, ApiError> {
    Ok(match (channel, mission_country) {
        (ChannelParam::ForeignMission, Some(c)) => {
            Channel::ForeignMission(country(c, "mission_country")?)
        }
        (ChannelParam::ForeignMission, None) => {
            return Err(ApiError::invalid(
                "mission_country",
                "is required for a foreign mission",
            ))
        }
        (ChannelParam::Akimat, None) => Channel::Akimat,
        (ChannelParam::Akimat, Some(_)) => {
            return Err(ApiError::invalid(
                "mission_country",
                "is given only for a foreign mission",
            ))
        }
    })
}

/// The application for `region` as the command takes it: the channel with its mission's
/// country, the IIN checked, the holder parsed into a person (ICAO Doc 9303 Parts 3, 4).
fn application(region: RegionCode, req: NewCertificateRequest) -> Result<cmd::Apply, ApiError> {
    let channel = channel(req.channel, req.mission_country.as_deref())?;
    if let Some(iin) = &req.iin {
        iin.parse::<crate::domain::Iin>()
            .map_err(|e| ApiError::invalid("iin", e.to_string()))?;
    }
    let citizenship = country(&req.citizenship, "citizenship")?;
    let mrz = req.mrz.map(MrzLine::lines);
    let identity = person::identify(&person::IdentityFields {
        at: "",
        name_field: "full_name",
        name: &req.full_name,
        cyrillic_field: None,
        cyrillic: None,
        passport: &req.passport_number,
        citizenship: &citizenship,
        mrz: mrz.as_deref(),
        sex: req.sex.map(Into::into),
        birth_date: None,
        passport_expiry: None,
    })
    .map_err(ApiError::Rule)?;
    let command = cmd::Apply {
        region,
        channel,
        full_name: identity.name,
        passport_number: identity.passport,
        citizenship,
        iin: req.iin,
        occupation_code: req.occupation_code,
        higher_education: req.higher_education,
        experience_years: req.experience_years,
    };
    Ok(command)
}

/// Register a self-employment certificate application
///
/// Registers an application for a self-employment certificate (akimat, its own region),
/// made through a foreign mission or directly, for a profession on the in-demand list in
/// force today whose education and experience requirements are met (Art. 34(1)-(4)).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(IdempotencyKeyHeader),
    request_body = NewCertificateRequest,
    responses(
        (status = 201, description = "Registered.", body = CertificateView, headers(("Location" = String, description = "The certificate."), ("ETag" = String, description = "The version."))),
        (status = 404, description = "No such country, or no rule set in force.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
        crate::api::refusals::ApplyCertificateRefused,
    ))]
#[post("/self-employment-certificates")]
pub async fn apply_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    body: Body<NewCertificateRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.value;
    let region: RegionCode = req
        .region
        .parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid("region", e.to_string()))?;
    authorize(
        &caller,
        Action::ApplySelfEmploymentCertificate,
        Scope::Region(&region),
    )?;
    let command = application(region, req)?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let row = cmd::apply(conn, &command, today, &actor)?;
        let view = CertificateView::from(view::Certificate::new(row, Vec::new()));
        Ok(Created {
            location: format!("/v1/self-employment-certificates/{}", view.id),
            version: Some(view.version),
            body: view,
        })
    })
    .await
}

/// List self-employment certificates
///
/// Certificates, oldest first: an akimat sees its region's, an employer those whose
/// holder's employment it reported, the ministry and auditors all.
#[utoipa::path(tag = "self-employment", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, description = "A page of certificates.", body = CertificatePage)))]
#[get("/self-employment-certificates")]
pub async fn list_certificates(
    state: web::Data<AppState>,
    caller: Caller,
    page: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.0.parse()?;
    let scope = visible(&caller, Action::ReadSelfEmploymentCertificates, None)?;
    let rows = state
        .read(move |c| {
            let (region, bin) = (scope.region.as_ref(), scope.bin.as_ref());
            Ok(list::list(c, region, bin, page.after_id, page.fetch())?)
        })
        .await?;
    let (items, next_cursor) = split(page, rows, |c| c.id, |c| Ok(CertificateView::from(c)))?;
    Ok(HttpResponse::Ok().json(CertificatePage { items, next_cursor }))
}

/// Read a self-employment certificate
///
/// One certificate with its employment history (404 when not the caller's to see).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64)),
    responses(
        (status = 200, description = "The certificate.", body = CertificateView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such certificate, or not the caller's to see.", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/self-employment-certificates/{id}")]
pub async fn get_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::ReadSelfEmploymentCertificates)?;
    let view = state
        .db(move |c| {
            let access = certificate_access(&caller, Action::ReadSelfEmploymentCertificates);
            Ok(CertificateView::from(view::read(c, id, access)?))
        })
        .await?;
    Ok(answer(view))
}

/// Issue or refuse a self-employment certificate
///
/// Decides an application of the akimat's region: issue for at most three months, or
/// refuse on grounds of the rule set's `case_grounds` with an optional note (Art. 34(1)).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchCertificate),
    request_body = CertificateDecisionRequest,
    responses(
        (status = 200, description = "Decided.", body = CertificateView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such certificate, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already decided.", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::api::refusals::DecideCertificateRefused,
    ))]
#[post("/self-employment-certificates/{id}/decisions")]
pub async fn decide_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<CertificateDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecideSelfEmploymentCertificate)?;
    let decision = Decide::try_from(body.value)?;
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::decide(
            conn,
            id,
            &decision,
            if_match.0,
            today,
            certificate_access(&caller, Action::DecideSelfEmploymentCertificate),
            &actor,
        )?;
        Ok(CertificateView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Extend a self-employment certificate
///
/// Extends an issued certificate of the akimat's region for the holder's labour contract:
/// applied for within three months of issue, once the holder is employed (the contract
/// starts while the certificate is valid, or the employer reported the hire while it was),
/// for the contract's term, never beyond three years (Art. 34(1),(3)).
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IfMatchCertificate),
    request_body = CertificateExtensionRequest,
    responses(
        (status = 200, description = "Extended.", body = CertificateView, headers(("ETag" = String, description = "The version."))),
        (status = 404, description = "No such certificate, or not the caller's region.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not issued, or already extended.", body = Problem, content_type = "application/problem+json"),
        StaleVersion,
        crate::api::refusals::ExtendCertificateRefused,
    ))]
#[post("/self-employment-certificates/{id}/extensions")]
pub async fn extend_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    if_match: IfMatch,
    id: web::Path<i64>,
    body: Body<CertificateExtensionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    authorize_role(&caller, Action::DecideSelfEmploymentCertificate)?;
    let req = body.value;
    let command = cmd::Extend {
        employer: req
            .employer_bin
            .parse()
            .map_err(|e: crate::domain::ids::IdError| {
                ApiError::invalid("employer_bin", e.to_string())
            })?,
        contract_start: req.contract_start,
        contract_end: req.contract_end,
    };
    let today = state.time.today();
    let actor = state.actor(&caller, &rid);
    moved(&state, move |conn| {
        let row = cmd::extend(
            conn,
            id,
            &command,
            if_match.0,
            today,
            certificate_access(&caller, Action::DecideSelfEmploymentCertificate),
            &actor,
        )?;
        Ok(CertificateView::from(view::of_row(conn, row)?))
    })
    .await
}

/// Report a certificate holder's employment
///
/// An employer reports that it hired the holder of an issued certificate, or that the
/// employment ended (Art. 28(2)(10)); a day outside the certificate's validity is accepted
/// and flagged.
#[utoipa::path(tag = "self-employment", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Certificate id.", minimum = 1, maximum = 9_223_372_036_854_775_807_i64),
        IdempotencyKeyHeader),
    request_body = EmploymentReportRequest,
    responses(
        (status = 201, description = "Reported.", body = EmploymentReportView, headers(("Location" = String, description = "The certificate."))),
        (status = 404, description = "No such certificate.", body = Problem, content_type = "application/problem+json"),
        IdempotencyConflict,
        crate::api::refusals::ReportEmploymentRefused,
    ))]
#[post("/self-employment-certificates/{id}/employment-reports")]
pub async fn report_employment(
    state: web::Data<AppState>,
    caller: Caller,
    rid: RequestId,
    key: IdempotencyKey,
    id: web::Path<i64>,
    body: Body<EmploymentReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let bin = caller
        .bin
        .clone()
        .ok_or_else(|| ApiError::Forbidden(Message::new("forbidden-no-bin")))?;
    let req = body.value;
    let passport = PassportNumber::parse(&req.passport_number)
        .map_err(|e| ApiError::rule(e.violation("/passport_number")))?;
    let kind = match req.kind {
        ReportKindParam::Hire => ReportKind::Hire,
        ReportKindParam::End => ReportKind::End,
    };
    let actor = state.actor(&caller, &rid);
    create(&state, &caller, key, body.fingerprint, move |conn| {
        let report = cmd::report(conn, id, &bin, &passport, kind, req.date, &actor)?;
        let view = EmploymentReportView::from(view::Report::from(report));
        Ok(Created {
            location: format!("/v1/self-employment-certificates/{id}"),
            version: None,
            body: view,
        })
    })
    .await
}
