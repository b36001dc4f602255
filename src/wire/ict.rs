//! The wire types of `src/api/ict.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases::ict::{self as cmd, ArrivingWorker, Notify, WorkerIn};
use crate::cases::ict::{list, view};
use crate::domain::ict::{EmployerForm, IctPosition, SpecialCondition};
use crate::domain::person::{self, LatinName};
use crate::domain::{Condition, Reason};
use crate::domain::{CountryCode, EmployerId, RegionCode};
use crate::error::ApiError;
use crate::wire::person::{MrzLine, SexParam};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// How the Kazakh employer stands to the sending entity (Art. 1(25)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctEmployerForm {
    /// A branch: the BIN's 6th digit is 1.
    Branch,
    /// A subsidiary: a Kazakh legal entity, the BIN of a head office (6th digit 0).
    Subsidiary,
    /// A representative office: the BIN's 6th digit is 2.
    RepresentativeOffice,
}

/// A transferred worker's position (Art. 1(25)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctPositionParam {
    Head,
    Manager,
    Specialist,
}

/// The special condition the employer takes on (Art. 35(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctSpecialCondition {
    /// Training, retraining or upskilling Kazakh staff.
    TrainKazakhStaff,
    /// Creating extra jobs for Kazakh citizens.
    CreateJobs,
}

/// A worker to transfer.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IctWorkerRequest {
    /// Full name in Latin letters, as the passport prints it (ICAO Doc 9303 Part 3):
    /// letters A-Z, spaces, hyphens and apostrophes; stored upper case with one space
    /// between words.
    #[schema(
        example = "HANS MUELLER",
        min_length = 1,
        max_length = 300,
        pattern = "^[A-Za-z' -]*[A-Za-z][A-Za-z' -]*$"
    )]
    pub full_name: String,
    /// Passport number: 5 to 9 letters A-Z and digits once spaces and `<` fillers are left
    /// out; stored upper case.
    #[schema(
        example = "C01X00T47",
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
    #[schema(example = "DEU", pattern = "^[A-Z]{3}$")]
    pub citizenship: String,
    /// head, manager or specialist.
    pub position: IctPositionParam,
    /// The worker has higher education.
    pub higher_education: bool,
    /// Months of employment with the sending entity before the transfer (at least one).
    #[validate(range(min = 0, max = 600))]
    #[schema(example = 24, minimum = 0, maximum = 600)]
    pub prior_employment_months: u32,
}

/// An application for an ICT permit, filed by the employer for its own BIN.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewIctPermitRequest {
    /// The region whose akimat decides (ISO 3166-2:KZ).
    #[schema(example = "KZ-75", pattern = "^KZ-[0-9]{2}$")]
    pub region: String,
    /// branch, subsidiary or representative_office; checked against the BIN's 6th digit.
    pub employer_form: IctEmployerForm,
    /// The sending legal entity's name.
    #[validate(
        length(min = 1, max = 300),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "Muster GmbH",
        min_length = 1,
        max_length = 300,
        pattern = "\\S"
    )]
    /// The sending legal entity.
    pub sender_name: String,
    /// The country where the sending entity is established (ISO 3166-1 alpha-3): a WTO
    /// member on the application date (Art. 1(25)).
    #[schema(example = "DEU", pattern = "^[A-Z]{3}$")]
    pub sender_country: String,
    /// The special condition chosen.
    pub special_condition: IctSpecialCondition,
    /// Kazakh staff employed as managers, for the ratio of Art. 35(4). The ratio counts
    /// this application's managers together with those on the employer's other live ICT
    /// permits valid during the contract, at filing and again at the decision.
    #[validate(range(min = 0, max = 1_000_000))]
    #[schema(example = 4, minimum = 0, maximum = 1_000_000)]
    pub kazakh_managers: u32,
    /// Kazakh staff employed as specialists, for the ratio of Art. 35(4). The ratio counts
    /// this application's specialists together with those on the employer's other live ICT
    /// permits valid during the contract, at filing and again at the decision.
    #[validate(range(min = 0, max = 1_000_000))]
    #[schema(example = 10, minimum = 0, maximum = 1_000_000)]
    pub kazakh_specialists: u32,
    /// First day of the labour contract.
    pub contract_start: NaiveDate,
    /// Last day of the labour contract: at most three years on (Art. 35(1)).
    pub contract_end: NaiveDate,
    /// The workers transferred.
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub workers: Vec<IctWorkerRequest>,
}

/// The akimat's decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctDecisionParam {
    Issue,
    Refuse,
}

/// The akimat's decision on an application (Art. 35(1)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IctDecisionRequest {
    /// `issue` (for the contract's term) or `refuse` on `grounds` with an optional note.
    pub decision: IctDecisionParam,
    /// For `refuse`: codes of grounds from the rule set's `case_grounds` that apply to
    /// an ICT application (`ict`) (`applies_to`), at least one; a ground of another kind of case or
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

/// The employer's application for the one extension (Art. 35(1)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IctExtensionRequest {
    /// Months to extend by, at most twelve (Art. 35(1)).
    #[validate(range(min = 1, max = 120))]
    #[schema(example = 12, minimum = 1, maximum = 120)]
    pub months: u32,
}

/// What the akimat decides on an extension applied for.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctExtensionDecisionParam {
    Extend,
    Refuse,
}

/// The akimat's decision on the employer's extension application (Art. 35(1)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IctExtensionDecisionRequest {
    /// `extend` (by `months`, at most what was applied for) or `refuse` on `grounds` with an
    /// optional note (`reason`).
    pub decision: IctExtensionDecisionParam,
    /// For `extend`: months; the months applied for when absent.
    #[validate(range(min = 1, max = 120))]
    #[schema(example = 12, minimum = 1, maximum = 120)]
    pub months: Option<u32>,
    /// For `refuse`: codes of grounds from the rule set's `case_grounds` that apply to
    /// an extension (`ict_extension`) (`applies_to`), at least one; a ground of another kind of case or
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

/// A measure of the akimat.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctMeasureParam {
    Suspend,
    Resume,
    Revoke,
}

/// Suspension, resumption or revocation, with the grounds.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IctMeasureRequest {
    /// suspend, resume or revoke.
    pub measure: IctMeasureParam,
    /// The grounds.
    #[validate(
        length(min = 1, max = 4000),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(min_length = 1, max_length = 4000, pattern = "\\S")]
    pub reason: String,
    /// For `revoke` only: the code of a revocation ground from the rule set's list, as for
    /// permits (Art. 9(5)).
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "unlawful-engagement", min_length = 1, max_length = 100)]
    pub ground: Option<String>,
}

/// One arriving worker, as Art. 35(3)(2) asks.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArrivingWorkerRequest {
    /// The worker of the permit (its `workers[].id`).
    #[validate(range(min = 1))]
    #[schema(minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    pub worker_id: i64,
    /// Surname, name and patronymic (where the identity document shows it), in Latin
    /// letters as the passport prints them (ICAO Doc 9303 Part 3); stored upper case with
    /// one space between words.
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "^[A-Za-z' -]*[A-Za-z][A-Za-z' -]*$"
    )]
    pub full_name: String,
    /// Level of education.
    #[validate(
        length(min = 1, max = 300),
        custom(function = "crate::wire::fields::not_blank")
    )]
    /// Level of education.
    #[schema(example = "higher", min_length = 1, max_length = 300, pattern = "\\S")]
    pub education: String,
    /// Qualification.
    #[validate(
        length(min = 1, max = 300),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "engineer",
        min_length = 1,
        max_length = 300,
        pattern = "\\S"
    )]
    /// Qualification.
    pub qualification: String,
    /// Speciality.
    #[validate(
        length(min = 1, max = 300),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "petroleum engineering",
        min_length = 1,
        max_length = 300,
        pattern = "\\S"
    )]
    /// Speciality.
    pub speciality: String,
    /// Years of work experience.
    #[validate(range(min = 0, max = 70))]
    #[schema(example = 8, minimum = 0, maximum = 70)]
    pub experience_years: u32,
}

/// An arrival notification (Art. 35(3)): sent within ten calendar days after entry; a later
/// one is accepted and marked late.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArrivalNotificationRequest {
    /// The day the workers entered Kazakhstan.
    pub entry_date: NaiveDate,
    /// The country they come from (ISO 3166-1 alpha-3): the sender's.
    #[schema(example = "DEU", pattern = "^[A-Z]{3}$")]
    pub sending_country: String,
    /// The organisation they come from.
    #[validate(
        length(min = 1, max = 300),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "Muster GmbH",
        min_length = 1,
        max_length = 300,
        pattern = "\\S"
    )]
    /// The organisation they come from.
    pub sending_organisation: String,
    /// Each worker who arrived.
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub workers: Vec<ArrivingWorkerRequest>,
    /// First day of their work.
    pub term_from: NaiveDate,
    /// Last day of their work.
    pub term_to: NaiveDate,
}

/// A worker's departure from Kazakhstan (Art. 28(2)(8)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IctDepartureRequest {
    /// The worker of the permit.
    #[validate(range(min = 1))]
    #[schema(minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    pub worker_id: i64,
    /// The day they left.
    pub date: NaiveDate,
    /// Border point or other evidence.
    #[validate(
        length(min = 1, max = 500),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "Khorgos border crossing",
        min_length = 1,
        max_length = 500,
        pattern = "\\S"
    )]
    pub evidence: String,
}

/// A worker of a permit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IctWorkerView {
    /// Identifier.
    pub id: i64,
    /// Full name.
    pub full_name: String,
    /// Passport number.
    pub passport_number: String,
    /// Citizenship (ISO 3166-1 alpha-3).
    pub citizenship: String,
    /// head, manager or specialist.
    pub position: String,
    /// The worker has higher education.
    pub higher_education: bool,
    /// Months with the sending entity before the transfer.
    pub prior_employment_months: i32,
    /// The notification that reported the arrival.
    pub arrival_id: Option<i64>,
    /// The day the worker left Kazakhstan, once recorded.
    pub departed_on: Option<NaiveDate>,
    /// The evidence of the departure.
    pub departure_evidence: Option<String>,
}

impl From<view::Worker> for IctWorkerView {
    fn from(w: view::Worker) -> Self {
        IctWorkerView {
            id: w.id,
            full_name: w.full_name,
            passport_number: w.passport_number,
            citizenship: w.citizenship,
            position: w.position,
            higher_education: w.higher_education,
            prior_employment_months: w.prior_employment_months,
            arrival_id: w.arrival_id,
            departed_on: w.departed_on,
            departure_evidence: w.departure_evidence,
        }
    }
}

/// One arriving worker as notified.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArrivingWorkerView {
    /// The worker of the permit.
    pub worker_id: i64,
    /// Full name.
    pub full_name: String,
    /// Level of education.
    pub education: String,
    /// Qualification.
    pub qualification: String,
    /// Speciality.
    pub speciality: String,
    /// Years of work experience.
    pub experience_years: u32,
}

/// An arrival notification (Art. 35(3)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArrivalView {
    /// Identifier.
    pub id: i64,
    /// The permit.
    pub permit_id: i64,
    /// The day the workers entered Kazakhstan.
    pub entry_date: NaiveDate,
    /// The day it was received.
    pub notified_on: NaiveDate,
    /// The last day it was due.
    pub deadline: NaiveDate,
    /// Received after the deadline; accepted all the same.
    pub late: bool,
    /// The country they come from (ISO 3166-1 alpha-3).
    pub sending_country: String,
    /// The organisation they come from.
    pub sending_organisation: String,
    /// The workers.
    pub workers: Vec<ArrivingWorkerView>,
    /// First day of their work.
    pub term_from: NaiveDate,
    /// Last day of their work.
    pub term_to: NaiveDate,
    /// When it was received (UTC).
    pub notified_at: chrono::DateTime<chrono::Utc>,
}

impl From<view::Arrival> for ArrivalView {
    fn from(a: view::Arrival) -> Self {
        ArrivalView {
            id: a.id,
            permit_id: a.permit_id,
            entry_date: a.entry_date,
            notified_on: a.notified_on,
            deadline: a.deadline,
            late: a.late,
            sending_country: a.sending_country,
            sending_organisation: a.sending_organisation,
            workers: a
                .workers
                .into_iter()
                .map(|w| ArrivingWorkerView {
                    worker_id: w.worker_id,
                    full_name: w.full_name,
                    education: w.education,
                    qualification: w.qualification,
                    speciality: w.speciality,
                    experience_years: w.experience_years,
                })
                .collect(),
            term_from: a.term_from,
            term_to: a.term_to,
            notified_at: a.notified_at,
        }
    }
}

/// An ICT permit with its workers and arrival notifications.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IctPermitView {
    /// Identifier.
    pub id: i64,
    /// The deciding akimat's region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The employer's BIN.
    #[schema(example = "210341000019")]
    pub bin: String,
    /// branch, subsidiary or representative_office.
    pub employer_form: IctEmployerForm,
    /// The sending legal entity.
    pub sender_name: String,
    /// The sending entity's country (ISO 3166-1 alpha-3).
    pub sender_country: String,
    /// The special condition chosen.
    pub special_condition: IctSpecialCondition,
    /// Kazakh staff employed as managers (Art. 35(4)).
    pub kazakh_managers: i32,
    /// Kazakh staff employed as specialists (Art. 35(4)).
    pub kazakh_specialists: i32,
    /// First day of the labour contract.
    pub contract_start: NaiveDate,
    /// Last day of the labour contract.
    pub contract_end: NaiveDate,
    /// The application date; the rule set in force that day was applied.
    pub applied_on: NaiveDate,
    /// The rule-set version (with the ICT ratio and terms) the application was checked against.
    pub rule_set_version: i64,
    /// applied, issued, refused, suspended or revoked.
    #[schema(example = "issued")]
    pub status: String,
    /// The day the permit was issued.
    pub issued_on: Option<NaiveDate>,
    /// The last day of validity (moved by the extension).
    pub valid_until: Option<NaiveDate>,
    /// The official's note on a refusal, when one was written.
    pub refusal_reason: Option<String>,
    /// The codes of a refusal's grounds from the rule set's `case_grounds` (names and
    /// articles there); empty for a refusal recorded before grounds were listed.
    pub refusal_grounds: Vec<String>,
    /// Extensions granted: at most one (Art. 35(1)).
    pub extensions: i32,
    /// The day of the extension.
    pub extended_on: Option<NaiveDate>,
    /// The employer's pending extension application: the day it was filed.
    pub extension_applied_on: Option<NaiveDate>,
    /// The employer's pending extension application: the months applied for.
    pub extension_applied_months: Option<i32>,
    /// The reason of the last suspension, resumption or revocation.
    pub measure_reason: Option<String>,
    /// The revocation's ground (a code of the rule set's list).
    pub measure_ground: Option<String>,
    /// The day of the last suspension, resumption or revocation.
    pub measure_on: Option<NaiveDate>,
    /// Always `false`: an ICT permit is outside the annual quota (Art. 32(3)).
    pub counts_against_quota: bool,
    /// Always `false`: no permit fee for ICT (Art. 33(4)).
    pub fee_due: bool,
    /// The workers.
    pub workers: Vec<IctWorkerView>,
    /// Arrival notifications, oldest first (Art. 35(3)).
    pub arrivals: Vec<ArrivalView>,
    /// Version; also the `ETag`.
    pub version: i64,
}

pub(crate) fn form(f: Option<EmployerForm>) -> IctEmployerForm {
    match f {
        Some(EmployerForm::Branch) => IctEmployerForm::Branch,
        Some(EmployerForm::RepresentativeOffice) => IctEmployerForm::RepresentativeOffice,
        _ => IctEmployerForm::Subsidiary,
    }
}

pub(crate) fn condition(c: Option<SpecialCondition>) -> IctSpecialCondition {
    match c {
        Some(SpecialCondition::CreateJobs) => IctSpecialCondition::CreateJobs,
        _ => IctSpecialCondition::TrainKazakhStaff,
    }
}

impl From<view::IctPermit> for IctPermitView {
    fn from(p: view::IctPermit) -> Self {
        IctPermitView {
            id: p.id,
            region: p.region.to_string(),
            bin: p.bin.to_string(),
            employer_form: form(p.employer_form),
            sender_name: p.sender_name,
            sender_country: p.sender_country,
            special_condition: condition(p.special_condition),
            kazakh_managers: p.kazakh_managers,
            kazakh_specialists: p.kazakh_specialists,
            contract_start: p.contract_start,
            contract_end: p.contract_end,
            applied_on: p.applied_on,
            rule_set_version: p.rule_set_version,
            status: p.status.as_str().to_owned(),
            issued_on: p.issued_on,
            valid_until: p.valid_until,
            refusal_reason: p.refusal_reason,
            refusal_grounds: p.refusal_grounds,
            extensions: p.extensions,
            extended_on: p.extended_on,
            extension_applied_on: p.extension_applied_on,
            extension_applied_months: p.extension_applied_months,
            measure_reason: p.measure_reason,
            measure_ground: p.measure_ground,
            measure_on: p.measure_on,
            counts_against_quota: false,
            fee_due: false,
            workers: p.workers.into_iter().map(IctWorkerView::from).collect(),
            arrivals: p.arrivals.into_iter().map(ArrivalView::from).collect(),
            version: p.version,
        }
    }
}

pub(crate) fn country(code: &str, field: &str) -> Result<CountryCode, ApiError> {
    code.parse()
        .map_err(|e: crate::domain::ids::IdError| ApiError::invalid(field, e))
}

impl From<IctEmployerForm> for EmployerForm {
    fn from(f: IctEmployerForm) -> Self {
        match f {
            IctEmployerForm::Branch => EmployerForm::Branch,
            IctEmployerForm::Subsidiary => EmployerForm::Subsidiary,
            IctEmployerForm::RepresentativeOffice => EmployerForm::RepresentativeOffice,
        }
    }
}

impl From<IctSpecialCondition> for SpecialCondition {
    fn from(c: IctSpecialCondition) -> Self {
        match c {
            IctSpecialCondition::TrainKazakhStaff => SpecialCondition::TrainKazakhStaff,
            IctSpecialCondition::CreateJobs => SpecialCondition::CreateJobs,
        }
    }
}

impl From<IctPositionParam> for IctPosition {
    fn from(p: IctPositionParam) -> Self {
        match p {
            IctPositionParam::Head => IctPosition::Head,
            IctPositionParam::Manager => IctPosition::Manager,
            IctPositionParam::Specialist => IctPosition::Specialist,
        }
    }
}

/// The workers of an application parsed into persons (ICAO Doc 9303 Parts 3 and 4): a
/// citizenship that is no country code refuses at once; every person's rule broken is
/// refused together.
pub(crate) fn workers_of(requests: Vec<IctWorkerRequest>) -> Result<Vec<WorkerIn>, ApiError> {
    let mut workers = Vec::with_capacity(requests.len());
    let mut refused = Vec::new();
    for (i, w) in requests.into_iter().enumerate() {
        let citizenship = country(&w.citizenship, &format!("workers[{i}].citizenship"))?;
        let mrz = w.mrz.map(MrzLine::lines);
        let identity = person::identify(&person::IdentityFields {
            at: &format!("/workers/{i}"),
            name_field: "full_name",
            name: &w.full_name,
            cyrillic_field: None,
            cyrillic: None,
            passport: &w.passport_number,
            citizenship: &citizenship,
            mrz: mrz.as_deref(),
            sex: w.sex.map(Into::into),
            birth_date: None,
            passport_expiry: None,
        });
        match identity {
            Ok(identity) => workers.push(WorkerIn {
                citizenship,
                full_name: identity.name,
                passport_number: identity.passport,
                position: w.position.into(),
                higher_education: w.higher_education,
                prior_employment_months: w.prior_employment_months,
            }),
            Err(v) => refused.extend(v),
        }
    }
    if refused.is_empty() {
        Ok(workers)
    } else {
        Err(ApiError::Rule(refused))
    }
}

impl TryFrom<IctExtensionDecisionRequest> for cmd::ExtensionDecision {
    type Error = ApiError;
    /// The decision asked for: a refusal names grounds (checked against the rule set's
    /// list), an extension takes neither grounds nor a note.
    fn try_from(req: IctExtensionDecisionRequest) -> Result<Self, ApiError> {
        match req.decision {
            IctExtensionDecisionParam::Refuse => Ok(cmd::ExtensionDecision::Refuse {
                grounds: req.grounds.into_iter().map(String::from).collect(),
                note: req.reason,
            }),
            IctExtensionDecisionParam::Extend
                if req.reason.is_some() || !req.grounds.is_empty() =>
            {
                Err(ApiError::invalid(
                    "reason",
                    Reason::OnlyWhen(Condition::Refuse),
                ))
            }
            IctExtensionDecisionParam::Extend => {
                Ok(cmd::ExtensionDecision::Extend { months: req.months })
            }
        }
    }
}

impl TryFrom<ArrivalNotificationRequest> for Notify {
    type Error = ApiError;
    /// The notice as the command takes it: the country a code, each name a passport's.
    fn try_from(req: ArrivalNotificationRequest) -> Result<Self, ApiError> {
        Ok(Notify {
            entry_date: req.entry_date,
            sending_country: country(&req.sending_country, "sending_country")?,
            sending_organisation: req.sending_organisation,
            workers: req
                .workers
                .into_iter()
                .enumerate()
                .map(|(i, w)| {
                    let name = LatinName::parse(&w.full_name).map_err(|e| {
                        ApiError::rule(e.latin(&format!("/workers/{i}/full_name"), None))
                    })?;
                    Ok(ArrivingWorker {
                        worker_id: w.worker_id,
                        full_name: name.into(),
                        education: w.education,
                        qualification: w.qualification,
                        speciality: w.speciality,
                        experience_years: w.experience_years,
                    })
                })
                .collect::<Result<_, ApiError>>()?,
            term_from: req.term_from,
            term_to: req.term_to,
        })
    }
}

/// The application as the command takes it: its workers parsed into persons first, then
/// the sender's country.
pub(crate) fn application(
    req: NewIctPermitRequest,
    region: RegionCode,
    bin: EmployerId,
) -> Result<cmd::Apply, ApiError> {
    let workers = workers_of(req.workers)?;
    Ok(cmd::Apply {
        region,
        bin,
        form: req.employer_form.into(),
        sender_country: country(&req.sender_country, "sender_country")?,
        workers,
        sender_name: req.sender_name,
        special_condition: req.special_condition.into(),
        kazakh_managers: req.kazakh_managers,
        kazakh_specialists: req.kazakh_specialists,
        contract_start: req.contract_start,
        contract_end: req.contract_end,
    })
}

/// What needs an official's attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctAttention {
    /// No arrival notification, and its deadline has passed (Art. 35(3)).
    MissingNotification,
    /// Notified after the deadline (Art. 35(3)).
    LateNotification,
    /// The permit ended and no departure is recorded (Art. 28(2)(8)).
    DepartureOverdue,
}

/// The state of a worker's arrival notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IctNotificationState {
    /// Notified within ten calendar days after entry.
    OnTime,
    /// Notified later; accepted.
    Late,
    /// Not notified, and the deadline counted from the earliest possible entry has passed.
    Missing,
    /// Not notified yet, and not yet due.
    Pending,
}

/// Narrows the register.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RegisterQuery {
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only the lines that need this attention.
    #[param(inline)]
    pub attention: Option<IctAttention>,
    /// Items per page.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, passed back unchanged; opaque, as the lists'
    /// `cursor` is.
    #[param(
        pattern = "^c[0-9a-z]{1,12}$",
        min_length = 2,
        max_length = 13,
        example = "c2n9c"
    )]
    pub cursor: Option<String>,
}

/// One ICT foreigner of the register (Art. 35(5)): the worker, the permit, the arrival
/// notification and the departure.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IctRegisterLine {
    /// The worker of the permit.
    pub worker_id: i64,
    /// Full name.
    pub full_name: String,
    /// Passport number.
    pub passport_number: String,
    /// Citizenship (ISO 3166-1 alpha-3).
    pub citizenship: String,
    /// head, manager or specialist.
    pub position: String,
    /// The ICT permit.
    pub permit_id: i64,
    /// The deciding akimat's region.
    #[schema(example = "KZ-75")]
    pub region: String,
    /// The employer's BIN.
    pub bin: String,
    /// The sending legal entity.
    pub sender_name: String,
    /// The sending entity's country (ISO 3166-1 alpha-3).
    pub sender_country: String,
    /// The permit's status.
    pub permit_status: String,
    /// The day the permit was issued.
    pub issued_on: Option<NaiveDate>,
    /// The permit's last day of validity.
    pub valid_until: Option<NaiveDate>,
    /// on_time, late, missing or pending (Art. 35(3)).
    pub notification: IctNotificationState,
    /// The notification that reported the arrival.
    pub arrival_id: Option<i64>,
    /// The day the workers entered Kazakhstan.
    pub entry_date: Option<NaiveDate>,
    /// The day the arrival was notified.
    pub notified_on: Option<NaiveDate>,
    /// The day the worker left Kazakhstan, once recorded.
    pub departed_on: Option<NaiveDate>,
    /// The permit ended after its term began (its last day passed, or it was revoked on or
    /// after the later of its issue and the contract's start) and no departure is recorded
    /// (Art. 28(2)(8)).
    pub departure_overdue: bool,
}

impl From<IctAttention> for list::Attention {
    fn from(a: IctAttention) -> Self {
        match a {
            IctAttention::MissingNotification => list::Attention::MissingNotification,
            IctAttention::LateNotification => list::Attention::LateNotification,
            IctAttention::DepartureOverdue => list::Attention::DepartureOverdue,
        }
    }
}

impl From<list::Notification> for IctNotificationState {
    fn from(n: list::Notification) -> Self {
        match n {
            list::Notification::OnTime => IctNotificationState::OnTime,
            list::Notification::Late => IctNotificationState::Late,
            list::Notification::Missing => IctNotificationState::Missing,
            list::Notification::Pending => IctNotificationState::Pending,
        }
    }
}

impl From<list::RegisterLine> for IctRegisterLine {
    fn from(l: list::RegisterLine) -> Self {
        IctRegisterLine {
            worker_id: l.worker_id,
            full_name: l.full_name,
            passport_number: l.passport_number,
            citizenship: l.citizenship,
            position: l.position,
            permit_id: l.permit_id,
            region: l.region.to_string(),
            bin: l.bin.to_string(),
            sender_name: l.sender_name,
            sender_country: l.sender_country,
            permit_status: l.permit_status.as_str().to_owned(),
            issued_on: l.issued_on,
            valid_until: l.valid_until,
            notification: l.notification.into(),
            arrival_id: l.arrival_id,
            entry_date: l.entry_date,
            notified_on: l.notified_on,
            departed_on: l.departed_on,
            departure_overdue: l.departure_overdue,
        }
    }
}
