//! The wire types of `src/api/certificates.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::certificates::view;
use crate::cases::certificates::{self as cmd, Channel, Decide, ReportKind};
use crate::domain::person::{self};
use crate::domain::{Condition, Reason};
use crate::domain::{CountryCode, RegionCode};
use crate::error::ApiError;
use crate::wire::person::{MrzLine, SexParam};
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
    pub grounds: Vec<crate::wire::permits::GroundCode>,
    /// For `refuse`: the official's note, kept as the refusal's `refusal_reason` and in the
    /// case's history; optional.
    #[validate(
        length(min = 1, max = 4000),
        custom(function = "crate::wire::fields::not_blank")
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

pub(crate) fn country(code: &str, field: &str) -> Result<CountryCode, ApiError> {
    code.parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid(field, e))
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
                Reason::RequiredWhen(Condition::Issue),
            )),
            (CertificateDecisionParam::Refuse, None) => Ok(Decide::Refuse {
                grounds: req.grounds.into_iter().map(String::from).collect(),
                note: req.reason,
            }),
            (CertificateDecisionParam::Refuse, Some(_)) => Err(ApiError::invalid(
                "months",
                Reason::OnlyWhen(Condition::Issue),
            )),
        }
    }
}

/// How the application arrived: a foreign mission names its country, the akimat none.
pub(crate) fn channel(
    channel: ChannelParam,
    mission_country: Option<&str>,
) -> Result<Channel, ApiError> {
    Ok(match (channel, mission_country) {
        (ChannelParam::ForeignMission, Some(c)) => {
            Channel::ForeignMission(country(c, "mission_country")?)
        }
        (ChannelParam::ForeignMission, None) => {
            return Err(ApiError::invalid(
                "mission_country",
                Reason::RequiredWhen(Condition::ForeignMission),
            ))
        }
        (ChannelParam::Akimat, None) => Channel::Akimat,
        (ChannelParam::Akimat, Some(_)) => {
            return Err(ApiError::invalid(
                "mission_country",
                Reason::OnlyWhen(Condition::ForeignMission),
            ))
        }
    })
}

/// The application for `region` as the command takes it: the channel with its mission's
/// country, the IIN checked, the holder parsed into a person (ICAO Doc 9303 Parts 3, 4).
pub(crate) fn application(
    region: RegionCode,
    req: NewCertificateRequest,
) -> Result<cmd::Apply, ApiError> {
    let channel = channel(req.channel, req.mission_country.as_deref())?;
    if let Some(iin) = &req.iin {
        iin.parse::<crate::domain::Iin>()
            .map_err(|e| ApiError::invalid("iin", e))?;
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
