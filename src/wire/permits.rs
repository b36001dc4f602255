//! The wire types of `src/api/permits.rs`: what its operations take and answer in the
//! published contract (request bodies, parameters and views, with the `From` that maps
//! a `cases` read model to its view). Only the handlers run per request.

use crate::cases;
use crate::cases::permit::list;
use crate::cases::permit::view::{self};
use crate::domain::person;
use crate::domain::ruleset::TermUnit;
use crate::domain::{ids::IdError, Reason};
use crate::domain::{Category, CountryCode, EmployerId, Money, RegionCode, Violation};
use crate::error::{ApiError, FieldError};
use crate::wire::person::{MrzLine, SexParam};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// A foreign worker named in an application: the person as the passport defines them
/// (ICAO Doc 9303 Parts 3 and 4), normalised when filed.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkerRequest {
    /// Full name in Latin letters, as the passport prints it: letters A-Z, spaces, hyphens
    /// and apostrophes; stored upper case with one space between words. A Cyrillic
    /// spelling goes in `full_name_cyrillic`.
    #[schema(
        example = "KAYA MEHMET",
        min_length = 1,
        max_length = 300,
        pattern = "^[A-Za-z' -]*[A-Za-z][A-Za-z' -]*$"
    )]
    pub full_name_latin: String,
    /// Full name in Cyrillic (the Kazakh letters included), where given; stored upper case
    /// with one space between words.
    #[schema(
        example = "ҒАЛЫМ ҮСЕНОВ",
        min_length = 1,
        max_length = 300,
        pattern = "^[ЁА-яёӘәҒғҚқҢңӨөҰұҮүҺһІі' -]*[ЁА-яёӘәҒғҚқҢңӨөҰұҮүҺһІі][ЁА-яёӘәҒғҚқҢңӨөҰұҮүҺһІі' -]*$"
    )]
    pub full_name_cyrillic: Option<String>,
    /// Citizenship, ISO 3166-1 alpha-3.
    #[schema(example = "TUR", pattern = "^[A-Z]{3}$")]
    pub citizenship: String,
    /// Passport number: 5 to 9 letters A-Z and digits once spaces and `<` fillers are left
    /// out; stored upper case.
    #[schema(
        example = "U12345678",
        min_length = 5,
        max_length = 44,
        pattern = "^[ <]*([A-Za-z0-9][ <]*){5,9}$"
    )]
    pub passport_number: String,
    /// Passport expiry date; after the date of birth.
    pub passport_expiry: NaiveDate,
    /// Date of birth: in the past, and the worker of working age on the permit's first day
    /// (Labour Code Art. 31, the rule set's `working_age`).
    pub birth_date: NaiveDate,
    /// Sex as the passport states it; compared with `mrz` when both are sent, and not kept.
    pub sex: Option<SexParam>,
    /// The passport's machine-readable zone (ICAO Doc 9303 Part 4, TD3), two lines of 44
    /// characters, optional: when sent, every check digit is verified and the document
    /// number, nationality, birth date, sex and expiry must agree with the fields sent.
    /// Not kept.
    #[schema(min_items = 2, max_items = 2)]
    pub mrz: Option<Vec<MrzLine>>,
    /// Education level, e.g. higher, vocational.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "higher", min_length = 1, max_length = 100)]
    pub education: String,
    /// Profession.
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Drilling engineer", min_length = 1, max_length = 200)]
    pub profession: String,
    /// Occupation code of the national classifier (NKZ): four digits, optionally -digits.
    #[validate(length(min = 4, max = 30))]
    #[schema(example = "2146", min_length = 4, max_length = 30)]
    pub occupation_code: String,
    /// Years of work experience in the profession; no more than the years since the
    /// worker reached working age.
    #[validate(range(max = 80))]
    #[schema(maximum = 80)]
    pub experience_years: u32,
    /// The professional standard or qualification reference book the qualification is
    /// judged by (Art. 33(7)); required except for seasonal workers.
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub qualification_ref: Option<String>,
    /// The worker permanently resides in Kazakhstan (Art. 32(2)(9)): the route finder then
    /// refuses them for the permit, drawing no quota. False when absent.
    #[serde(default)]
    #[schema(example = false)]
    pub permanent_resident: bool,
    /// The worker is the first head of the employer, a branch or representative office of
    /// a foreign legal entity (Art. 32(2)(10)): needs no permit. False when absent.
    #[serde(default)]
    #[schema(example = false)]
    pub first_head: bool,
    /// The code of the category of the Government's list of persons who need no permit
    /// (Art. 32(2)(11)) the worker is in, from `rules.no_permit_list` of the rule set in
    /// force on the start date; a code the list does not name is refused
    /// (`no-permit-list-category-unknown`). Absent: none.
    #[validate(length(min = 1, max = 64))]
    #[schema(example = "kandas", min_length = 1, max_length = 64)]
    pub no_permit_list_category: Option<String>,
}

/// Why a person in a request was refused: a field that does not parse at all (400-like
/// field errors, 422), or the rules of a person's identity (422 with their acts).
pub(crate) enum PersonError {
    Field(FieldError),
    Rules(Vec<Violation>),
}

impl PersonError {
    /// The refusal of a request whose persons failed: field errors first.
    pub(crate) fn into_api(errors: Vec<PersonError>) -> ApiError {
        let mut fields = Vec::new();
        let mut rules = Vec::new();
        for e in errors {
            match e {
                PersonError::Field(f) => fields.push(f),
                PersonError::Rules(v) => rules.extend(v),
            }
        }
        if fields.is_empty() {
            ApiError::Rule(rules)
        } else {
            ApiError::Invalid(fields)
        }
    }
}

impl WorkerRequest {
    /// The worker as the cases take them, parsed into the person's types; `field` is the
    /// worker's path (`workers[0]`), `pointer` its JSON pointer (`/workers/0`).
    pub(crate) fn into_input(
        self,
        field: &str,
        pointer: &str,
    ) -> Result<cases::permits::WorkerInput, PersonError> {
        let mrz = self.mrz.map(MrzLine::lines);
        let citizenship = self
            .citizenship
            .parse::<CountryCode>()
            .map_err(|e| PersonError::Field(FieldError::new(format!("{field}.citizenship"), e)))?;
        let identity = person::identify(&person::IdentityFields {
            at: pointer,
            name_field: "full_name_latin",
            name: &self.full_name_latin,
            cyrillic_field: Some("full_name_cyrillic"),
            cyrillic: self.full_name_cyrillic.as_deref(),
            passport: &self.passport_number,
            citizenship: &citizenship,
            mrz: mrz.as_deref(),
            sex: self.sex.map(Into::into),
            birth_date: Some(self.birth_date),
            passport_expiry: Some(self.passport_expiry),
        })
        .map_err(PersonError::Rules)?;
        Ok(cases::permits::WorkerInput {
            full_name_latin: identity.name,
            full_name_cyrillic: identity.name_cyrillic,
            citizenship,
            passport_number: identity.passport,
            passport_expiry: self.passport_expiry,
            birth_date: self.birth_date,
            education: self.education,
            profession: self.profession,
            occupation_code: self.occupation_code,
            experience_years: self.experience_years,
            qualification_ref: self.qualification_ref,
            route: cases::eligibility::PersonFacts {
                permanent_resident: self.permanent_resident,
                first_head: self.first_head,
                no_permit_list_category: self.no_permit_list_category,
            },
        })
    }
}

/// A permit's term: months for categories 1-4, days for seasonal workers (Art. 7(20)).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermView {
    /// `months` or `days`.
    #[schema(value_type = crate::wire::schemas::ruleset::TermUnit, example = "months")]
    pub unit: TermUnit,
    /// Length in `unit`.
    #[validate(range(min = 1, max = 1000))]
    #[schema(example = 12, minimum = 1, maximum = 1000)]
    pub length: u32,
}

/// An employer's application for a permit (Art. 33(1), (5)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationRequest {
    /// Worker category; `seasonal` with a profession on the seasonal list (Art. 7(21-1)).
    pub category: Category,
    /// The position's profession; for `seasonal`, one on the ministry's list.
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "Drilling engineer", min_length = 1, max_length = 200)]
    pub profession: String,
    /// Regions where the workers will work (ISO 3166-2:KZ), each once; each must approve
    /// and is paid its fee (Art. 33(3), (4)).
    #[validate(length(min = 1, max = 20))]
    #[schema(value_type = Vec<RegionCode>, example = json!(["KZ-23", "KZ-47"]), min_items = 1, max_items = 20)]
    pub regions: Vec<String>,
    /// The foreign workers, at most 100: with every field at its longest, 100 workers fit
    /// in the request body the service reads (`server.max_body_bytes`, 256 KiB), so an
    /// application the contract admits is never refused as too large (413).
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(max_items = 100)]
    pub workers: Vec<WorkerRequest>,
    /// The requested term.
    #[validate(nested)]
    pub term: TermView,
    /// First day of the permit; the quota year is its year.
    pub start_date: NaiveDate,
    /// Publication code of the vacancy on the Electronic Labour Exchange.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub vacancy_code: Option<String>,
    /// Date the vacancy was published.
    pub vacancy_published_on: Option<NaiveDate>,
    /// Category 4: months within which the foreigners are replaced by Kazakh citizens.
    #[validate(range(min = 1, max = 120))]
    #[schema(minimum = 1, maximum = 120)]
    pub replacement_months: Option<u32>,
}

/// One automatic check (Art. 33): its code, outcome, article, message in the reader's
/// language, and the figures it used.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckView {
    /// Stable code of the check, e.g. `kazakh-share`: a `ProblemCode`, also the code of
    /// the violation when the check fails.
    #[schema(example = "kazakh-share", value_type = crate::domain::ProblemCode)]
    pub code: String,
    /// pass, fail or warning.
    #[schema(example = "pass", value_type = crate::wire::schemas::CheckOutcome)]
    pub outcome: String,
    /// The article it rests on; null for a check of the service.
    #[schema(example = "Art. 33(6)")]
    pub article: Option<String>,
    /// What was found, worded for the outcome (a check that passed says what is in
    /// order), in the language `Accept-Language` chose.
    pub message: String,
    /// The figures used, by name.
    #[schema(value_type = Object)]
    pub figures: BTreeMap<String, serde_json::Value>,
}

/// A ground of a refusal or revocation, from the rule set's list, or a ground the service
/// itself ends a permit on (`returned`, `unpaid-fee`, `parent-revoked`, …).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroundView {
    /// Stable code of the ground.
    pub code: String,
    /// The article it rests on; null for a ground of the service's own rule (`returned`).
    pub article: Option<String>,
    /// The ground in the reader's language.
    pub name: String,
}

/// The fee due to one region's budget and its payment (Art. 33(4)), money in tenge.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeView {
    /// Rate per worker, in MRP.
    pub rate_mrp: i32,
    /// Workers the fee is for.
    pub workers: u32,
    /// Last day to pay, the same for every named region: the rule set's working days
    /// after the last region's approval (Art. 33(4)); null until every region has
    /// approved. Unpaid after it the permit lapses.
    pub payment_due: Option<NaiveDate>,
    /// One MRP today, tenge.
    pub mrp_today: Option<Money>,
    /// The fee if paid today: rate × MRP today × workers, tenge.
    pub due_today: Option<Money>,
    /// Amount paid, tenge.
    pub paid: Option<Money>,
    /// The MRP in force on the payment date, tenge.
    pub mrp_paid: Option<Money>,
    /// Payment date.
    pub paid_on: Option<NaiveDate>,
    /// Payment reference.
    pub reference: Option<String>,
}

/// A region named in the permit: its decision and fee.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionView {
    /// Region (ISO 3166-2:KZ).
    pub region: String,
    /// pending, approved or refused.
    #[schema(value_type = crate::wire::schemas::RegionDecisionValue)]
    pub decision: String,
    /// Grounds of a refusal.
    pub grounds: Vec<GroundView>,
    /// When the region decided (UTC).
    pub decided_at: Option<DateTime<Utc>>,
    /// Who decided.
    pub decided_by: Option<String>,
    /// The fee once approved.
    pub fee: Option<FeeView>,
}

/// A worker named in the permit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WorkerView {
    /// Identifier of the worker on this permit (for trips and departures).
    pub id: i64,
    /// Full name in Latin letters, as in the passport.
    pub full_name_latin: String,
    /// Full name in Cyrillic, where given.
    pub full_name_cyrillic: Option<String>,
    /// Citizenship, ISO 3166-1 alpha-3.
    pub citizenship: String,
    /// Passport number.
    pub passport_number: String,
    /// Passport expiry date.
    pub passport_expiry: NaiveDate,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Education level.
    pub education: String,
    /// Profession.
    pub profession: String,
    /// NKZ occupation code.
    pub occupation_code: String,
    /// Years of experience.
    pub experience_years: i32,
    /// The professional standard or qualification reference book relied on (Art. 33(7)).
    pub qualification_ref: Option<String>,
    /// False for a worker whose route is not a permit within the quota — an EAEU citizen
    /// (Art. 2(3)) or an exempt person (Art. 32(2)) — who draws no quota.
    pub needs_permit: bool,
    /// The worker permanently resides in Kazakhstan, as the application states (Art. 32(2)(9)).
    pub permanent_resident: bool,
    /// The first head of a branch or representative office, as the application states
    /// (Art. 32(2)(10)).
    pub first_head: bool,
    /// The category of the Government's list of persons who need no permit, as the
    /// application states (Art. 32(2)(11)).
    pub no_permit_list_category: Option<String>,
    /// Departure date, once recorded (Art. 28(2)(8)).
    pub departed_on: Option<NaiveDate>,
    /// Border point or evidence of the departure.
    pub departure_evidence: Option<String>,
    /// The day another foreigner took this worker's place (re-issue); from then the
    /// worker holds no unit of the permit and owes a departure (Art. 28(2)(8)).
    pub replaced_on: Option<NaiveDate>,
    /// The worker whose place this one took (re-issue), if any.
    pub replaces_worker_id: Option<i64>,
}

/// A business trip (Art. 33(3)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TripView {
    /// Identifier of the trip.
    pub id: i64,
    /// The worker on the trip.
    pub worker_id: i64,
    /// Host region (ISO 3166-2:KZ), not named in the permit.
    pub host_region: String,
    /// Host organisation.
    pub host_organisation: String,
    /// First day, inclusive (`start_date`: `from` is a reserved word in Python).
    #[serde(rename = "start_date")]
    pub from: NaiveDate,
    /// Last day, inclusive.
    #[serde(rename = "end_date")]
    pub to: NaiveDate,
}

/// A category-4 permit's replacement report (Art. 33(2)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReplacementView {
    /// The day the employer reported the commitment met.
    pub reported_on: NaiveDate,
    /// Kazakh citizens hired to replace the foreign workers.
    pub hired: i32,
}

/// One change of the permit, from the audit trail.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HistoryView {
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// What, e.g. `permit.approved`.
    pub action: String,
    /// Who (token subject) and in which role.
    pub actor: String,
    /// The actor's role: ministry, akimat, employer or system.
    pub role: String,
    /// The article the change rests on; `null` for an act of the service's own that no
    /// provision of the law governs (the employer withdrawing its application or returning
    /// its permit).
    #[schema(example = "Art. 33(2), 9(5)")]
    pub legal_basis: Option<String>,
}

/// A permit case: an application, a permit, or an extension (its own case).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PermitView {
    /// Identifier of the permit case.
    pub id: i64,
    /// `permit` or `extension`.
    #[schema(value_type = crate::wire::schemas::PermitCaseKind)]
    pub kind: String,
    /// The permit an extension extends.
    pub parent_id: Option<i64>,
    /// The employer; never changes (Art. 33(3)).
    pub bin: String,
    /// Worker category.
    pub category: Category,
    /// The position's profession.
    pub profession: String,
    /// applied, refused, withdrawn, awaiting_payment, active, suspended, revoked,
    /// returned, lapsed or expired (derived from the end date when read).
    #[schema(example = "active", value_type = crate::wire::schemas::PermitStatus)]
    pub status: String,
    /// The term, months (categories 1-4) or days (seasonal).
    pub term: TermView,
    /// First and last day of validity.
    pub start_date: NaiveDate,
    /// Last day of validity.
    pub end_date: NaiveDate,
    /// The quota year it draws on (the year it starts).
    pub quota_year: i32,
    /// Publication code of the vacancy on the Electronic Labour Exchange.
    pub vacancy_code: Option<String>,
    /// Date the vacancy was published.
    pub vacancy_published_on: Option<NaiveDate>,
    /// Category 4: months within which the foreigners are replaced by Kazakh citizens.
    pub replacement_months: Option<i32>,
    /// Decision deadline (working days from filing).
    pub decision_due: NaiveDate,
    /// Undecided past its deadline.
    pub decision_overdue: bool,
    /// The regions named, with decisions and fees.
    pub regions: Vec<RegionView>,
    /// The foreign workers named.
    pub workers: Vec<WorkerView>,
    /// The automatic checks, as last run (at filing or at the last approval).
    pub checks: Vec<CheckView>,
    /// Business trips reported (Art. 33(3)).
    pub trips: Vec<TripView>,
    /// When it ended (revoked, returned, lapsed).
    pub ended_on: Option<NaiveDate>,
    /// Why it ended: a ground of the rule set's revocation list (with its article),
    /// `returned` (the employer returned it: the service's own rule, article null), or
    /// `unpaid-fee` (Art. 33(4): the fee was not paid by its due date); for an extension
    /// not yet issued that ended with the permit it extends (Art. 33(2)), `parent-revoked`,
    /// `parent-returned`, `parent-lapsed`, `parent-expired` or `parent-reissued`. `name`
    /// reads in the reader's language, never as the code.
    pub end_ground: Option<GroundView>,
    /// The official's or employer's note on the end: a revocation's or a refusal's note, or
    /// the employer's reason for a return.
    pub end_note: Option<String>,
    /// Why it is suspended, while it is.
    pub suspension_reason: Option<String>,
    /// When it was filed (UTC).
    pub filed_at: DateTime<Utc>,
    /// Token subject of the employer user who filed it.
    pub filed_by: String,
    /// The category-4 replacement report, once made (Art. 33(2)).
    pub replacement: Option<ReplacementView>,
    /// Every state change, oldest first (only in a single permit's view).
    pub history: Vec<HistoryView>,
    /// The permit's number, given when it is issued (its last fee paid, Art. 33(4)-(5));
    /// its document is at `/v1/permits/{id}/document`.
    #[schema(example = "KZ-2026-7HQX-M4RB-2C9D")]
    pub number: Option<String>,
    /// The day it was issued.
    pub issued_on: Option<NaiveDate>,
    /// Version; also the `ETag`.
    pub version: i64,
}

impl From<view::CheckLine> for CheckView {
    fn from(c: view::CheckLine) -> CheckView {
        CheckView {
            outcome: c.outcome_str().to_owned(),
            code: c.code,
            article: c.article,
            message: c.message,
            figures: c.figures,
        }
    }
}

impl From<view::Ground> for GroundView {
    fn from(g: view::Ground) -> GroundView {
        GroundView {
            code: g.code,
            article: g.article,
            name: g.name,
        }
    }
}

impl From<view::Fee> for FeeView {
    fn from(f: view::Fee) -> FeeView {
        FeeView {
            rate_mrp: f.rate_mrp,
            workers: f.workers,
            payment_due: f.payment_due,
            mrp_today: f.mrp_today,
            due_today: f.due_today,
            paid: f.paid,
            mrp_paid: f.mrp_paid,
            paid_on: f.paid_on,
            reference: f.reference,
        }
    }
}

impl From<view::Region> for RegionView {
    fn from(r: view::Region) -> RegionView {
        RegionView {
            region: r.region.to_string(),
            decision: r.decision,
            grounds: r.grounds.into_iter().map(GroundView::from).collect(),
            decided_at: r.decided_at,
            decided_by: r.decided_by,
            fee: r.fee.map(FeeView::from),
        }
    }
}

impl From<view::Worker> for WorkerView {
    fn from(w: view::Worker) -> WorkerView {
        let r = w.row;
        WorkerView {
            id: r.id,
            full_name_latin: r.full_name_latin,
            full_name_cyrillic: r.full_name_cyrillic,
            citizenship: r.citizenship,
            passport_number: r.passport_number,
            passport_expiry: r.passport_expiry,
            birth_date: r.birth_date,
            education: r.education,
            profession: r.profession,
            occupation_code: r.occupation_code,
            experience_years: r.experience_years,
            qualification_ref: r.qualification_ref,
            needs_permit: r.needs_permit,
            permanent_resident: w.permanent_resident,
            first_head: w.first_head,
            no_permit_list_category: w.no_permit_list_category,
            departed_on: r.departed_on,
            departure_evidence: r.departure_evidence,
            replaced_on: w.replaced_on,
            replaces_worker_id: w.replaces_worker_id,
        }
    }
}

impl From<view::Trip> for TripView {
    fn from(t: view::Trip) -> TripView {
        TripView {
            id: t.id,
            worker_id: t.worker_id,
            host_region: t.host_region,
            host_organisation: t.host_organisation,
            from: t.from,
            to: t.to,
        }
    }
}

impl From<view::Change> for HistoryView {
    fn from(h: view::Change) -> HistoryView {
        HistoryView {
            at: h.at,
            action: h.action,
            actor: h.actor,
            role: h.role,
            legal_basis: h.legal_basis,
        }
    }
}

impl From<view::Permit> for PermitView {
    fn from(p: view::Permit) -> PermitView {
        PermitView {
            id: p.id,
            kind: p.kind,
            parent_id: p.parent_id,
            bin: p.bin.to_string(),
            category: p.category,
            profession: p.profession,
            status: p.status.as_str().to_owned(),
            term: TermView {
                unit: p.term_unit,
                length: p.term_length,
            },
            start_date: p.start_date,
            end_date: p.end_date,
            quota_year: p.quota_year,
            vacancy_code: p.vacancy_code,
            vacancy_published_on: p.vacancy_published_on,
            replacement_months: p.replacement_months,
            decision_due: p.decision_due,
            decision_overdue: p.decision_overdue,
            regions: p.regions.into_iter().map(RegionView::from).collect(),
            workers: p.workers.into_iter().map(WorkerView::from).collect(),
            checks: p.checks.into_iter().map(CheckView::from).collect(),
            trips: p.trips.into_iter().map(TripView::from).collect(),
            ended_on: p.ended_on,
            end_ground: p.end_ground.map(GroundView::from),
            end_note: p.end_note,
            suspension_reason: p.suspension_reason,
            filed_at: p.filed_at,
            filed_by: p.filed_by,
            replacement: p.replacement.map(|r| ReplacementView {
                reported_on: r.reported_on,
                hired: r.hired,
            }),
            history: p.history.into_iter().map(HistoryView::from).collect(),
            number: p.number,
            issued_on: p.issued_on,
            version: p.version,
        }
    }
}

/// The regions an application names, each a region code and each once.
pub(crate) fn regions_of(names: &[String]) -> Result<Vec<RegionCode>, ApiError> {
    let mut regions: Vec<RegionCode> = Vec::new();
    for (i, r) in names.iter().enumerate() {
        let code: RegionCode = r
            .parse()
            .map_err(|_| ApiError::invalid(format!("regions[{i}]"), IdError::BadRegion))?;
        if regions.contains(&code) {
            return Err(ApiError::invalid(format!("regions[{i}]"), Reason::Twice));
        }
        regions.push(code);
    }
    Ok(regions)
}

/// The workers of an application parsed into persons; every worker's refusals together.
pub(crate) fn workers_of(
    requests: Vec<WorkerRequest>,
) -> Result<Vec<cases::permits::WorkerInput>, ApiError> {
    let mut workers = Vec::new();
    let mut errors = Vec::new();
    for (i, w) in requests.into_iter().enumerate() {
        match w.into_input(&format!("workers[{i}]"), &format!("/workers/{i}")) {
            Ok(input) => workers.push(input),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(workers)
    } else {
        Err(PersonError::into_api(errors))
    }
}

/// The application as the command takes it, its workers parsed into persons.
pub(crate) fn application(
    req: ApplicationRequest,
    bin: EmployerId,
    regions: Vec<RegionCode>,
) -> Result<cases::permits::Apply, ApiError> {
    Ok(cases::permits::Apply {
        bin,
        category: req.category,
        profession: req.profession,
        regions,
        workers: workers_of(req.workers)?,
        term_unit: req.term.unit,
        term_length: req.term.length,
        start_date: req.start_date,
        vacancy_code: req.vacancy_code,
        vacancy_published_on: req.vacancy_published_on,
        replacement_months: req.replacement_months,
    })
}

/// Filters of the permit listings.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PermitQuery {
    /// Only permits naming this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
    /// Only this status (stored; `expired` is derived when read, filter on `active`).
    #[param(value_type = Option<crate::wire::schemas::PermitStatusFilter>, inline)]
    pub status: Option<String>,
    /// Only this worker category.
    pub category: Option<Category>,
    /// Only this employer (officials; an employer always gets its own): its BIN or IIN,
    /// twelve digits the last of which is a check digit (see `GET /v1/employers/{bin}`);
    /// twelve digits no BIN or IIN has match no case (an empty page).
    #[param(pattern = "^[0-9]{12}$", min_length = 12, max_length = 12)]
    pub bin: Option<String>,
    /// Filed on or after this date.
    pub filed_from: Option<NaiveDate>,
    /// Filed on or before this date.
    pub filed_to: Option<NaiveDate>,
    /// Decision deadline on or before this date.
    pub due_by: Option<NaiveDate>,
}

/// A permit in a listing.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PermitSummary {
    /// Identifier of the permit case.
    pub id: i64,
    /// `permit` or `extension`.
    #[schema(value_type = crate::wire::schemas::PermitCaseKind)]
    pub kind: String,
    /// The employer's BIN or IIN.
    pub bin: String,
    /// Worker category.
    pub category: Category,
    /// The status as of today (`expired` derived).
    #[schema(value_type = crate::wire::schemas::PermitStatus)]
    pub status: String,
    /// First day of validity.
    pub start_date: NaiveDate,
    /// Last day of validity.
    pub end_date: NaiveDate,
    /// The quota year it draws on (the year it starts).
    pub quota_year: i32,
    /// Decision deadline.
    pub decision_due: NaiveDate,
    /// Undecided past its deadline.
    pub decision_overdue: bool,
    /// Date filed (Kazakhstan time).
    pub filed_on: NaiveDate,
    /// Version; also the `ETag` of the permit.
    pub version: i64,
}

impl From<list::Summary> for PermitSummary {
    fn from(p: list::Summary) -> PermitSummary {
        PermitSummary {
            id: p.id,
            kind: p.kind,
            bin: p.bin.to_string(),
            category: p.category,
            status: p.status.as_str().to_owned(),
            start_date: p.start_date,
            end_date: p.end_date,
            quota_year: p.quota_year,
            decision_due: p.decision_due,
            decision_overdue: p.decision_overdue,
            filed_on: p.filed_on,
            version: p.version,
        }
    }
}

/// An akimat's decision for its region.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// `approve` or `refuse`.
    #[schema(example = "approve")]
    pub decision: DecisionKind,
    /// For `refuse`: codes of grounds from the rule set's list.
    #[serde(default)]
    #[validate(length(max = 10))]
    #[schema(max_items = 10)]
    pub grounds: Vec<GroundCode>,
    /// For `refuse`: the official's note, kept as the permit's `end_note` and shown in the
    /// case's history.
    #[validate(length(max = 2000))]
    #[schema(
        max_length = 2000,
        example = "The contract's salary is below the region's average."
    )]
    pub note: Option<String>,
}

/// approve or refuse.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approve,
    Refuse,
}

impl From<DecisionRequest> for cases::permits::Decision {
    fn from(body: DecisionRequest) -> Self {
        match body.decision {
            DecisionKind::Approve => cases::permits::Decision::Approve,
            DecisionKind::Refuse => cases::permits::Decision::Refuse {
                grounds: body.grounds.into_iter().map(String::from).collect(),
                note: body.note.filter(|n| !n.is_empty()),
            },
        }
    }
}

/// A fee payment to one region's budget (Art. 33(4)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentRequest {
    /// The region whose budget was paid (ISO 3166-2:KZ).
    #[schema(example = "KZ-23", pattern = "^KZ-[0-9]{2}$")]
    pub region: String,
    /// Amount paid, tenge.
    #[schema(example = "1548350.00")]
    pub amount: Money,
    /// Payment date; the MRP in force that day prices the fee.
    pub paid_on: NaiveDate,
    /// Payment reference (the payment order's number).
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "PP-000123", min_length = 1, max_length = 100)]
    pub reference: String,
}

impl TryFrom<PaymentRequest> for cases::permits::Pay {
    type Error = ApiError;
    /// The payment as the command takes it: the region a code, the amount positive (read
    /// exactly, at most two decimals, by `Money`).
    fn try_from(req: PaymentRequest) -> Result<Self, ApiError> {
        let region = req
            .region
            .parse::<crate::domain::RegionCode>()
            .map_err(|e: crate::domain::ids::IdError| ApiError::invalid("region", e))?;
        if req.amount.tenge() <= rust_decimal::Decimal::ZERO {
            return Err(ApiError::invalid("amount", Reason::PositiveAmount));
        }
        Ok(cases::permits::Pay {
            region,
            amount: req.amount,
            paid_on: req.paid_on,
            reference: req.reference,
        })
    }
}

/// An extension asked for.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtensionRequest {
    /// The term to add, from the category's extension terms.
    #[validate(nested)]
    pub term: TermView,
}

/// Suspension with its reason.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SuspensionRequest {
    /// Why the permit is suspended.
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// Revocation with a ground from the list.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevocationRequest {
    /// Code of a revocation ground from the rule set's list.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "unlawful-engagement", min_length = 1, max_length = 100)]
    pub ground: String,
    /// The official's note.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// A voluntary return, or a resumption.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    /// Why, in the caller's words.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

/// A business trip as the employer reports it (Art. 33(3)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TripRequest {
    /// The worker (`workers[].id` of the permit).
    #[validate(range(min = 1))]
    #[schema(minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    pub worker_id: i64,
    /// Host region (ISO 3166-2:KZ), not one named in the permit.
    #[schema(example = "KZ-35", pattern = "^KZ-[0-9]{2}$")]
    pub host_region: String,
    /// Host organisation.
    #[validate(
        length(min = 1, max = 500),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "Karaganda Steel JSC",
        min_length = 1,
        pattern = "\\S",
        max_length = 500
    )]
    pub host_organisation: String,
    /// First day, inclusive (`start_date`: `from` is a reserved word in Python).
    #[serde(rename = "start_date")]
    pub from: NaiveDate,
    /// Last day, inclusive.
    #[serde(rename = "end_date")]
    pub to: NaiveDate,
}

/// A re-issue of the permit for another foreigner in place of one of its workers.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReissueRequest {
    /// The worker who leaves (`workers[].id` of the permit): neither replaced nor departed.
    #[validate(range(min = 1))]
    #[schema(minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    pub worker_id: i64,
    /// The foreigner who takes their place, checked as an applicant's worker is.
    #[validate(nested)]
    pub newcomer: WorkerRequest,
}

/// A worker's departure (Art. 28(2)(8)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DepartureRequest {
    /// The worker (`workers[].id` of the permit).
    #[validate(range(min = 1))]
    #[schema(minimum = 1, maximum = 9_223_372_036_854_775_807_i64)]
    pub worker_id: i64,
    /// Date the worker left Kazakhstan.
    pub date: NaiveDate,
    /// Border point or other evidence.
    #[validate(
        length(min = 1, max = 500),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(
        example = "Khorgos border crossing",
        min_length = 1,
        pattern = "\\S",
        max_length = 500
    )]
    pub evidence: String,
}

/// A Kazakh citizen hired to replace a category-4 foreign worker (Art. 33(2)).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HiredCitizenRequest {
    /// The citizen's IIN: 12 digits.
    #[validate(custom(function = "twelve_digits"))]
    #[schema(
        example = "850412300123",
        pattern = "^[0-9]{12}$",
        min_length = 12,
        max_length = 12
    )]
    pub iin: String,
    /// Full name.
    #[validate(
        length(min = 1, max = 200),
        custom(function = "crate::wire::fields::not_blank")
    )]
    #[schema(example = "Abenov Nurlan", min_length = 1, max_length = 200)]
    pub full_name: String,
    /// The day the citizen was hired.
    pub hired_on: NaiveDate,
}

pub(crate) fn twelve_digits(s: &str) -> Result<(), validator::ValidationError> {
    if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("iin"))
    }
}

/// The report that a category-4 permit's replacement commitment was met (Art. 33(2)).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplacementReportRequest {
    /// The Kazakh citizens hired: at least as many as the permit's foreign workers.
    #[validate(length(min = 1, max = 1000), nested)]
    #[schema(min_items = 1, max_items = 1000)]
    pub citizens: Vec<HiredCitizenRequest>,
}

/// A worker whose departure is owed and not recorded (Art. 28(2)(8)).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverdueDeparture {
    /// Which kind of permit ended: `permit` (Art. 33, under `/v1/permits`) or `ict_permit`
    /// (Art. 35, under `/v1/ict-permits`).
    #[schema(example = "permit", value_type = crate::wire::schemas::EndedPermitKind)]
    pub permit_kind: String,
    /// The ended permit.
    pub permit_id: i64,
    /// The worker on that permit.
    pub worker_id: i64,
    /// The employer's BIN or IIN.
    pub bin: String,
    /// Full name in Latin letters.
    pub full_name_latin: String,
    /// Citizenship, ISO 3166-1 alpha-3.
    pub citizenship: String,
    /// Passport number.
    pub passport_number: String,
    /// The permit's status today.
    pub permit_status: String,
    /// The day the permit ended, or the worker was replaced on it; the departure is owed
    /// from then.
    pub ended_on: NaiveDate,
}

/// Query of the overdue departures.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DepartureQuery {
    /// Only this region (an akimat always gets its own).
    #[param(pattern = "^KZ-[0-9]{2}$")]
    pub region: Option<String>,
}

impl From<list::OverdueDeparture> for OverdueDeparture {
    fn from(d: list::OverdueDeparture) -> OverdueDeparture {
        OverdueDeparture {
            permit_kind: d.permit_kind.as_str().to_owned(),
            permit_id: d.permit_id,
            worker_id: d.worker_id,
            bin: d.bin.to_string(),
            full_name_latin: d.full_name_latin,
            citizenship: d.citizenship,
            passport_number: d.passport_number,
            permit_status: d.permit_status.to_owned(),
            ended_on: d.ended_on,
        }
    }
}

/// The code of a ground in the rule set's lists (`unreliable-documents`): 1 to 64 small
/// letters, digits and hyphens.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct GroundCode(String);

impl From<GroundCode> for String {
    fn from(g: GroundCode) -> String {
        g.0
    }
}

impl TryFrom<String> for GroundCode {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if crate::domain::ruleset::is_ground_code(&s) {
            Ok(GroundCode(s))
        } else {
            Err("must be a ground code: 1 to 64 small letters, digits and hyphens")
        }
    }
}

impl utoipa::PartialSchema for GroundCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::wire::schemas::string_schema(
            "The code of a ground in the rule set's lists.",
            "^[a-z0-9-]{1,64}$",
            64,
            "unreliable-documents",
        )
    }
}

impl ToSchema for GroundCode {}
