//! Permits to attract foreign labour (Art. 33, 9(5), 28(2)(8)): one command per move of a
//! permit's state machine ([`crate::domain::permit::transition`]). Each loads the case,
//! lets `access` decide on its regions and employer, applies the pure rule, writes with a
//! compare-and-set on the case's state and version, moves quota only through the typed
//! ledger, and records an audit event with its legal basis.

use super::eligibility::PersonFacts;
use super::{follow, ledger, statistics, CaseError};
use crate::db::audit::{self, Actor};
use crate::db::permits::{
    self as db, DetailRow, Move, NewPermit, NewWorker, PermitRow, ProfileRow, RegionRow, TripRow,
    WorkerRow,
};
use crate::db::statistics::{self as counters, Figures, Key};
use crate::db::{reference, rulesets, worker_routes, Conn};
use crate::domain::article::*;
use crate::domain::dates::{add_working_days, DateRange};
use crate::domain::hold::{CaseKind, CaseRef, QuotaClaim, Release, Units};
use crate::domain::permit::checks::{self, Check, Commitment, Qualification};
use crate::domain::permit::trips::{self, TripRequest};
use crate::domain::permit::{
    departure_owed, may_decide, transition, OwnGround, PermitEvent, PermitKind, PermitState,
    RegionDecision, Stay,
};
use crate::domain::person::{self, CyrillicName, LatinName, PassportNumber, PersonKey};
use crate::domain::route::{self, EmployerType, Engagement, Facts, Position};
use crate::domain::ruleset::{NoPermitList, RuleSet, TermChoice, TermUnit};
use crate::domain::violation::Words;
use crate::domain::{
    fees, quota, Category, CountryCode, EmployerId, Message, Money, Refusal, RegionCode,
    SectorCode, Violation,
};
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The access check of a loaded permit: its regions and its employer.
pub trait Access<E>: FnOnce(&[RegionCode], &EmployerId) -> Result<(), E> {}
impl<E, F: FnOnce(&[RegionCode], &EmployerId) -> Result<(), E>> Access<E> for F {}

/// A permit with everything it names.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub permit: PermitRow,
    pub detail: DetailRow,
    pub regions: Vec<RegionRow>,
    pub workers: Vec<WorkerRow>,
    pub trips: Vec<TripRow>,
    /// The category-4 replacement report, once made (Art. 33(2)).
    pub replacement: Option<db::ReplacementRow>,
    /// Re-issues for other foreigners, oldest first.
    pub reissues: Vec<db::ReissueRow>,
    /// The route facts the application stated for its workers (Art. 32(2)(9)-(11)).
    pub routes: Vec<worker_routes::RouteRow>,
    /// The latest complaint that annulled an act of the permit (APPK Art. 91), if any.
    pub reopened_by: Option<i64>,
}

impl Loaded {
    /// The regions named in the permit.
    pub fn region_codes(&self) -> Vec<RegionCode> {
        self.regions.iter().map(|r| r.region.clone()).collect()
    }

    /// The checks last run, as stored.
    pub fn checks(&self) -> Result<Vec<Check>, CaseError> {
        Ok(serde_json::from_str(&self.detail.checks)?)
    }

    /// The workers who draw quota (EAEU citizens need no permit, Art. 2(3)); a worker
    /// replaced by another foreigner gave their unit to the newcomer.
    pub fn units(&self) -> u32 {
        let n = self.holding_workers().count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// The workers who hold the permit's units now: those who need a permit and were not
    /// replaced by another foreigner.
    pub fn holding_workers(&self) -> impl Iterator<Item = &WorkerRow> {
        self.workers
            .iter()
            .filter(|w| w.needs_permit && self.replaced_on(w.id).is_none())
    }

    /// The route facts the application stated for worker `id` (none: all absent).
    pub fn route_of(&self, id: i64) -> PersonFacts {
        self.routes
            .iter()
            .find(|r| r.worker_id == id)
            .map(|r| PersonFacts {
                permanent_resident: r.permanent_resident,
                first_head: r.first_head,
                no_permit_list_category: r.no_permit_list_category.clone(),
            })
            .unwrap_or_default()
    }

    /// The day the worker was replaced by another foreigner, if they were.
    pub fn replaced_on(&self, worker_id: i64) -> Option<NaiveDate> {
        self.reissues
            .iter()
            .find(|r| r.replaced_id == worker_id)
            .map(|r| r.reissued_on)
    }

    /// The state as of `today`: an active or suspended permit past its end is expired.
    pub fn state_on(&self, today: NaiveDate) -> PermitState {
        self.permit.status.at(self.permit.end_date, today)
    }

    /// The case its quota holds belong to: the permit, or the complaint that reopened it,
    /// since a case holds once per region and a released hold never moves again.
    pub(super) fn case_ref(&self) -> CaseRef {
        if let Some(complaint) = self.reopened_by {
            return CaseRef::new(CaseKind::Complaint, complaint);
        }
        let kind = match self.permit.kind {
            PermitKind::Extension => CaseKind::PermitExtension,
            PermitKind::Permit => CaseKind::Permit,
        };
        CaseRef::new(kind, self.permit.id)
    }

    fn first_region(&self) -> Option<&str> {
        self.regions.first().map(|r| r.region.as_str())
    }
}

/// The actor of the service itself: the scheduled lapse job and lapses on read.
pub fn system_actor(at: chrono::NaiveDateTime) -> Actor {
    Actor {
        sub: "system".into(),
        role: "system",
        request_id: uuid::Uuid::new_v4().to_string(),
        at,
    }
}

/// A missing permit answers as another's does (`api::permits::access`): nothing tells a
/// caller whether a permit it may not see exists.
fn not_found(_id: i64) -> CaseError {
    CaseError::not_found(Message::new("not-found-case"))
}

fn changed(id: i64) -> CaseError {
    CaseError::conflict(
        "changed-concurrently",
        Message::new("conflict-permit-changed").arg("id", id),
    )
}

/// Loads everything a permit names: the permit with its details, its regions, its workers
/// with their route facts, and, once it has been issued, its trips, re-issues and
/// replacement report. A permit not yet issued has none of those
/// ([`PermitState::before_issue`]), so they are not asked for.
pub fn load_full(conn: &mut Conn, id: i64) -> Result<Loaded, CaseError> {
    let (permit, detail) = db::get_with_details(conn, id)?.ok_or_else(|| not_found(id))?;
    let (workers, routes): (Vec<WorkerRow>, Vec<Option<worker_routes::RouteRow>>) =
        db::workers_with_routes(conn, id)?.into_iter().unzip();
    let regions = db::regions_of(conn, id)?;
    let (trips, replacement, reissues) = if permit.status.before_issue() {
        (Vec::new(), None, Vec::new())
    } else {
        (
            db::trips_of(conn, id)?,
            db::replacement_of(conn, id)?,
            db::reissues_of(conn, id)?,
        )
    };
    Ok(Loaded {
        routes: routes.into_iter().flatten().collect(),
        detail,
        regions,
        workers,
        trips,
        replacement,
        reissues,
        reopened_by: crate::db::complaints::last_annulment(conn, id)?,
        permit,
    })
}

/// Loads a permit and lets `access` decide on its regions and employer before anything of
/// it is revealed: a missing permit and another's answer alike.
pub fn load<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    access: impl Access<E>,
) -> Result<Loaded, E> {
    let loaded = load_full(conn, id)?;
    access(&loaded.region_codes(), &loaded.permit.bin)?;
    Ok(loaded)
}

fn rules_on(conn: &mut Conn, date: NaiveDate) -> Result<Arc<RuleSet>, CaseError> {
    Ok(rulesets::in_force(conn, date)?
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", date))
        })?
        .rules)
}

fn illegal(t: crate::domain::state::IllegalTransition) -> CaseError {
    CaseError::Refused(t.into())
}

/// A foreign worker as the application names them, the person parsed (names and passport
/// number in normal form, [`crate::domain::person`]).
#[derive(Debug, Clone)]
pub struct WorkerInput {
    pub full_name_latin: LatinName,
    pub full_name_cyrillic: Option<CyrillicName>,
    pub citizenship: CountryCode,
    pub passport_number: PassportNumber,
    pub passport_expiry: NaiveDate,
    pub birth_date: NaiveDate,
    pub education: String,
    pub profession: String,
    pub occupation_code: String,
    pub experience_years: u32,
    pub qualification_ref: Option<String>,
    /// What the route finder asks of the worker beyond the application (Art. 32(2)(9)-(11)).
    pub route: PersonFacts,
}

/// An employer's application (Art. 33(1), (5)).
#[derive(Debug, Clone)]
pub struct Apply {
    pub bin: EmployerId,
    pub category: Category,
    pub profession: String,
    pub regions: Vec<RegionCode>,
    pub workers: Vec<WorkerInput>,
    pub term_unit: TermUnit,
    pub term_length: u32,
    pub start_date: NaiveDate,
    pub vacancy_code: Option<String>,
    pub vacancy_published_on: Option<NaiveDate>,
    pub replacement_months: Option<u32>,
}

/// What the checks are run on.
struct Subject<'a> {
    bin: &'a EmployerId,
    category: Category,
    year: i32,
    /// The first day of work: the route finder judges the workers on it.
    start_date: NaiveDate,
    end_date: NaiveDate,
    term_choice: Option<&'a TermChoice>,
    term_unit: TermUnit,
    term_length: u32,
    /// Regions whose quota is checked: at filing every region named; at an approval the
    /// deciding region alone, whose akimat decides within its own allocation (Art. 9(5)).
    pending: Vec<&'a RegionCode>,
    workers: Vec<&'a NewWorker>,
    /// Each worker's route facts, in the order of `workers`.
    routes: Vec<PersonFacts>,
    /// Permits whose workers are these same workers (itself, the permit it extends).
    except: Vec<i64>,
    labour_market: Option<(NaiveDate, Option<&'a str>, Option<NaiveDate>)>,
    replacement_months: Option<u32>,
    /// Who engages the workers, judged on the start date (Art. 32(2)-(3)).
    engager: &'a Engager,
    /// The employer's profile in force today, whose workforce the Kazakh share is judged on
    /// (Art. 33(6)); none filed: the share cannot be judged.
    profile: Option<&'a ProfileRow>,
}

/// Runs every automatic check (Art. 33(2), (3), (6), (7), 2(3), 7(20)) under `rules`.
fn run_checks(
    conn: &mut Conn,
    s: &Subject<'_>,
    rules: &RuleSet,
    today: NaiveDate,
) -> Result<Vec<Check>, CaseError> {
    let mut out = Vec::new();
    let permitted: Vec<&NewWorker> = s
        .workers
        .iter()
        .copied()
        .filter(|w| w.needs_permit)
        .collect();
    let units = i64::try_from(permitted.len()).unwrap_or(i64::MAX);
    for region in &s.pending {
        let left = db::regional_left(conn, s.year, region, s.category)?;
        out.push(checks::quota_available(
            region, s.year, s.category, left, units,
        ));
    }
    let mut by_country: BTreeMap<&str, i64> = BTreeMap::new();
    for w in &permitted {
        *by_country.entry(w.citizenship.as_str()).or_default() += 1;
    }
    let countries = by_country.len();
    let mut treaty = None;
    for (country, n) in by_country {
        if let Some(left) = db::country_left(conn, s.year, country)? {
            if let Ok(code) = country.parse::<CountryCode>() {
                out.push(checks::country_quota_available(&code, s.year, left, n));
                treaty.get_or_insert(code);
            }
        }
    }
    if treaty.is_some() {
        out.push(checks::country_quota_not_mixed(treaty.as_ref(), countries));
    }
    out.push(super::ratio::kazakh_share(
        conn,
        s.profile,
        &super::ratio::ShareCase {
            bin: s.bin,
            category: s.category,
            from: s.start_date,
            to: s.end_date,
            except: &s.except,
            adding: u32::try_from(permitted.len()).unwrap_or(u32::MAX),
        },
        rules,
        today,
    )?);
    if let Some(choice) = s.term_choice {
        out.push(checks::term_allowed(
            s.category,
            choice,
            s.term_unit,
            s.term_length,
        ));
    }
    if let Some((filed, code, published)) = s.labour_market {
        out.push(checks::labour_market_test(
            &rules.labour_market_test,
            filed,
            code,
            published,
        ));
    }
    out.push(checks::employer_not_barred(
        barred_until(conn, s.bin, rules)?,
        today,
    ));
    out.push(checks::replacement_commitment(
        &rules.category_4_replacement,
        s.category,
        s.replacement_months,
    ));
    let unreported: Vec<Commitment> = db::unreported_replacements(conn, s.bin.as_str())?
        .into_iter()
        .filter(|(id, _, _)| !s.except.contains(id))
        .map(|(permit, start, months)| {
            Ok(Commitment {
                permit,
                start,
                months: stored("replacement months", months.map(i64::from))?,
            })
        })
        .collect::<Result<_, CaseError>>()?;
    out.push(checks::replacements_met(&unreported, today));
    let engager = s.engager;
    let unstated = PersonFacts::default();
    for (i, w) in s.workers.iter().enumerate() {
        let name = w.full_name_latin.as_str();
        let country = citizen_of(conn, &w.citizenship)?;
        let facts = s.routes.get(i).unwrap_or(&unstated);
        out.extend(checks::worker_route(
            name,
            &engager.route(&country, &w.education, facts, engager.listed_now(facts)),
            w.needs_permit,
        ));
        if !w.needs_permit {
            if let Ok(code) = w.citizenship.parse::<CountryCode>() {
                if country.eaeu_member {
                    out.push(checks::needs_no_permit(name, &code));
                }
            }
            continue;
        }
        out.push(checks::qualification(
            &Qualification {
                worker: name,
                education: &w.education,
                occupation_code: &w.occupation_code,
                experience_years: stored(
                    "worker's experience",
                    Some(i64::from(w.experience_years)),
                )?,
                reference: w.qualification_ref.as_deref(),
            },
            s.category,
        ));
        let (live, pending) = others_naming(conn, w, s.bin, &s.except, today)?;
        out.push(checks::worker_free(name, live));
        out.push(checks::worker_not_pending(name, pending));
        out.push(checks::passport_valid(name, w.passport_expiry, s.end_date));
    }
    Ok(out)
}

/// Art. 33(3) as the service reads it: the first other permit case (not `except`) that
/// names the same person as `w` and is live — approved and not ended — and the first that
/// is an application still awaiting its decisions; each with whether it is `bin`'s own.
fn others_naming(
    conn: &mut Conn,
    w: &NewWorker,
    bin: &EmployerId,
    except: &[i64],
    today: NaiveDate,
) -> Result<(Option<checks::OtherCase>, Option<checks::OtherCase>), CaseError> {
    let key = PersonKey::of(
        &w.citizenship,
        &w.passport_number,
        &w.full_name_latin,
        w.birth_date,
    );
    let found = db::permits_naming_person(conn, &key, except, today)?;
    let case = |p: &db::NamingPermit| checks::OtherCase {
        permit: p.id,
        own: p.bin == bin.as_str(),
    };
    Ok((
        found.iter().find(|p| p.approved).map(case),
        found.iter().find(|p| !p.approved).map(case),
    ))
}

/// The first approval wins (Art. 33(3)): two approvals of cases naming one person, made at
/// once by two akimats, must not both find the other still pending. Before its checks an
/// approval writes (without changing them) the rows of every open case naming one of its
/// workers, its own included, in id order: on PostgreSQL the second approval waits for the
/// first to commit and then reads it; SQLite's writers already take turns.
fn serialize_on_persons(conn: &mut Conn, l: &Loaded, today: NaiveDate) -> Result<(), CaseError> {
    let mut ids = vec![l.permit.id];
    for w in l.holding_workers() {
        let key = PersonKey::of(
            &w.citizenship,
            &w.passport_number,
            &w.full_name_latin,
            w.birth_date,
        );
        ids.extend(
            db::permits_naming_person(conn, &key, &[], today)?
                .iter()
                .map(|p| p.id),
        );
    }
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        db::touch(conn, id)?;
    }
    Ok(())
}

/// Art. 33(2): the last day an employer is barred after a revocation on a ground that bars.
fn barred_until(
    conn: &mut Conn,
    bin: &EmployerId,
    rules: &RuleSet,
) -> Result<Option<NaiveDate>, CaseError> {
    let g = &rules.permit_grounds;
    let barring: Vec<String> = g
        .revocation
        .iter()
        .filter(|x| x.bars_employer)
        .map(|x| x.code.clone())
        .collect();
    Ok(db::last_revocation_on(conn, bin.as_str(), &barring)?
        .and_then(|d| checks::bar_until(d, g.unlawful_engagement_bar_months)))
}

/// Who engages the workers of a permit, for the route finder (Art. 32(2)-(3)), and the
/// Government's list of persons who need no permit in force on the start date.
#[derive(Debug, Clone)]
struct Engager {
    employer: EmployerType,
    category: Category,
    on: NaiveDate,
    list: NoPermitList,
}

impl Engager {
    /// The employer's type from its profile in force on `on` (ordinary without one), and
    /// the list in force on `on`.
    fn of(
        conn: &mut Conn,
        bin: &EmployerId,
        category: Category,
        on: NaiveDate,
    ) -> Result<Engager, CaseError> {
        let profile = db::profile_on(conn, bin.as_str(), on)?;
        Engager::new(profile.as_ref(), list_on(conn, on)?, category, on)
    }

    /// The engager whose profile in force on `on` is `profile` (none: an ordinary
    /// employer), under the Government's `list` in force on `on`.
    fn new(
        profile: Option<&ProfileRow>,
        list: NoPermitList,
        category: Category,
        on: NaiveDate,
    ) -> Result<Engager, CaseError> {
        let employer = match profile {
            Some(p) => super::employers::employer_type(p)?,
            None => EmployerType::Ordinary,
        };
        Ok(Engager {
            employer,
            category,
            on,
            list,
        })
    }

    /// Art. 32(2)(11): the worker's category of the Government's list, refused when the
    /// list in force on the start date does not name it (at filing).
    fn listed(&self, facts: &PersonFacts) -> Result<Option<Words>, CaseError> {
        super::eligibility::listed(
            &self.list,
            facts.no_permit_list_category.as_deref(),
            self.on,
        )
    }

    /// Art. 32(2)(11): the worker's category as the list in force on the start date names
    /// it now; one it no longer names is none (the worker's route then changes).
    fn listed_now(&self, facts: &PersonFacts) -> Option<Words> {
        let code = facts.no_permit_list_category.as_deref()?;
        self.list.category(code).map(|c| c.words())
    }

    /// Art. 2(3), 32(2)-(3), 33(1): the route of a worker of the permit, on the facts the
    /// application states of them (Art. 32(2)(9)-(11)) and their category `listed`.
    fn route(
        &self,
        citizen_of: &reference::Country,
        education: &str,
        facts: &PersonFacts,
        listed: Option<Words>,
    ) -> route::RouteAnswer {
        let (position, seasonal) = Position::of_category(self.category);
        route::route(&Facts {
            citizenship: citizen_of.code.clone(),
            citizen_of_eaeu: citizen_of.eaeu_member,
            permanent_resident: facts.permanent_resident,
            listed,
            on: self.on,
            engagement: Some(Engagement {
                employer: self.employer,
                position,
                higher_education: checks::higher_education(education),
                first_head: facts.first_head,
                seasonal,
                transfer: None,
            }),
            profession: None,
        })
    }
}

/// The Government's list of persons who need no permit in force on `on` (none: empty).
fn list_on(conn: &mut Conn, on: NaiveDate) -> Result<NoPermitList, CaseError> {
    Ok(rulesets::in_force(conn, on)?
        .map(|r| r.rules.no_permit_list.clone())
        .unwrap_or_default())
}

fn citizen_of(conn: &mut Conn, code: &str) -> Result<reference::Country, CaseError> {
    reference::country(conn, code)?.ok_or_else(|| {
        CaseError::from(Violation::service_rule("unknown-country").text("country", code))
    })
}

/// The workers as filed: each needs a permit when the route finder says a permit within
/// the quota (an EAEU citizen or an exempt person does not, Art. 2(3), 32(2)).
fn workers_of_input(
    conn: &mut Conn,
    input: &[WorkerInput],
    engager: &Engager,
) -> Result<Vec<NewWorker>, CaseError> {
    let mut out = Vec::with_capacity(input.len());
    for w in input {
        let country = citizen_of(conn, w.citizenship.as_str())?;
        let listed = engager.listed(&w.route)?;
        let needs_permit = matches!(
            engager
                .route(&country, &w.education, &w.route, listed)
                .route,
            route::Route::QuotaPermit(_)
        );
        out.push(NewWorker {
            full_name_latin: w.full_name_latin.as_str().to_owned(),
            full_name_cyrillic: w.full_name_cyrillic.as_ref().map(|n| n.as_str().to_owned()),
            citizenship: country.code,
            passport_number: w.passport_number.as_str().to_owned(),
            passport_expiry: w.passport_expiry,
            birth_date: w.birth_date,
            education: w.education.clone(),
            profession: w.profession.clone(),
            occupation_code: w.occupation_code.clone(),
            experience_years: i32::try_from(w.experience_years).unwrap_or(i32::MAX),
            qualification_ref: w.qualification_ref.clone(),
            needs_permit,
        });
    }
    Ok(out)
}

/// The workers of a request against the rules of a person: each one's dates (born before
/// `today`, of working age on `start` by the rule set's age, no more experience than years
/// since, a passport expiring after birth; Labour Code Art. 31) and no person named twice
/// (Art. 33(3)). Each refusal at its field's pointer under `at` (`/workers`: `/workers/0`).
fn workers_as_persons(
    workers: &[WorkerInput],
    start: NaiveDate,
    today: NaiveDate,
    rules: &RuleSet,
    at: &str,
) -> Vec<Violation> {
    let age = person::WorkingAge {
        minimum: rules.working_age.minimum_age,
        source: &rules.working_age.source,
    };
    let mut out = Vec::new();
    let mut seen: Vec<PersonKey> = Vec::new();
    for (i, w) in workers.iter().enumerate() {
        let pointer = if workers.len() == 1 && !at.starts_with("/workers") {
            at.to_owned()
        } else {
            format!("{at}/{i}")
        };
        out.extend(person::check_life_dates(
            &person::LifeDates {
                birth_date: w.birth_date,
                passport_expiry: Some(w.passport_expiry),
                experience_years: w.experience_years,
            },
            start,
            today,
            age,
            &pointer,
        ));
        let key = PersonKey::of(
            w.citizenship.as_str(),
            w.passport_number.as_str(),
            w.full_name_latin.as_str(),
            w.birth_date,
        );
        if seen.iter().any(|k| k.same(&key)) {
            out.push(
                Violation::new("worker-named-twice", ART_33_3)
                    .text("worker", &w.full_name_latin)
                    .at(&pointer),
            );
        }
        seen.push(key);
    }
    out
}

/// Files an application (Art. 33(1), (5)): refused outright when nothing in it could be
/// permitted (every worker an EAEU citizen, Art. 2(3)), its term is one the category does
/// not allow (Art. 7(20)), a seasonal profession is not on the list (Art. 7(21-1)) or a
/// category-4 commitment is missing (Art. 33(2)); otherwise filed with every check stored.
pub fn apply(
    conn: &mut Conn,
    cmd: &Apply,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    super::known_regions(
        conn,
        cmd.regions
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("regions[{i}]"), r)),
    )?;
    let rules = rules_on(conn, today)?;
    let (profile, on_start) = db::profiles_on(conn, cmd.bin.as_str(), today, cmd.start_date)?;
    let engager = Engager::new(
        on_start.as_ref(),
        list_on(conn, cmd.start_date)?,
        cmd.category,
        cmd.start_date,
    )?;
    let workers = workers_of_input(conn, &cmd.workers, &engager)?;
    let mut refusals = workers_as_persons(&cmd.workers, cmd.start_date, today, &rules, "/workers");
    if !refusals.is_empty() {
        return Err(CaseError::rules(refusals));
    }
    if !workers.iter().any(|w| w.needs_permit) {
        // Nothing to permit: each worker is refused with the article of their own route.
        for w in &cmd.workers {
            let country = citizen_of(conn, w.citizenship.as_str())?;
            let answer = engager.route(&country, &w.education, &w.route, engager.listed(&w.route)?);
            refusals.extend(checks::why_no_permit(
                w.full_name_latin.as_str(),
                &w.citizenship,
                &answer,
            ));
        }
    }
    if cmd.start_date < today {
        refusals.push(
            Violation::service_rule("start-date-past")
                .text("start", cmd.start_date)
                .text("today", today),
        );
    }
    refusals.extend(quota::check_seasonal_profession(
        cmd.category,
        &cmd.profession,
        &rules.lists.seasonal_professions,
    ));
    let choice = rules
        .categories
        .iter()
        .find(|t| t.category == cmd.category)
        .map(|t| t.initial.clone());
    let hard = [
        choice
            .as_ref()
            .map(|c| checks::term_allowed(cmd.category, c, cmd.term_unit, cmd.term_length)),
        Some(checks::replacement_commitment(
            &rules.category_4_replacement,
            cmd.category,
            cmd.replacement_months,
        )),
    ];
    refusals.extend(checks::failures(
        &hard.into_iter().flatten().collect::<Vec<_>>(),
    ));
    let end_date = checks::end_date(cmd.start_date, cmd.term_unit, cmd.term_length);
    let Some(end_date) = end_date.filter(|_| refusals.is_empty()) else {
        return Err(CaseError::rules(refusals));
    };
    let subject = Subject {
        bin: &cmd.bin,
        category: cmd.category,
        year: cmd.start_date.year(),
        start_date: cmd.start_date,
        end_date,
        term_choice: choice.as_ref(),
        term_unit: cmd.term_unit,
        term_length: cmd.term_length,
        pending: cmd.regions.iter().collect(),
        workers: workers.iter().collect(),
        routes: cmd.workers.iter().map(|w| w.route.clone()).collect(),
        except: Vec::new(),
        labour_market: Some((today, cmd.vacancy_code.as_deref(), cmd.vacancy_published_on)),
        replacement_months: cmd.replacement_months,
        engager: &engager,
        profile: profile.as_ref(),
    };
    let found = run_checks(conn, &subject, &rules, today)?;
    let mixed: Vec<Check> = found
        .iter()
        .filter(|c| c.finding.code == "country-quota-mixed")
        .cloned()
        .collect();
    if !checks::failures(&mixed).is_empty() {
        return Err(CaseError::rules(checks::failures(&mixed)));
    }
    let due = add_working_days(
        today,
        rules.deadlines.issue_decision_working_days,
        &rules.holidays,
    );
    let sector = profile.map(|p| p.sector).unwrap_or_default();
    let permit = db::insert_permit(
        conn,
        &NewPermit {
            kind: PermitKind::Permit,
            parent_id: None,
            bin: &cmd.bin,
            category: cmd.category,
            profession: &cmd.profession,
            term_unit: cmd.term_unit,
            term_length: i32::try_from(cmd.term_length).unwrap_or(i32::MAX),
            start_date: cmd.start_date,
            end_date,
            quota_year: cmd.start_date.year(),
            vacancy_code: cmd.vacancy_code.as_deref(),
            vacancy_published_on: cmd.vacancy_published_on,
            replacement_months: cmd
                .replacement_months
                .map(|m| i32::try_from(m).unwrap_or(i32::MAX)),
            checks: &serde_json::to_string(&found)?,
            decision_due: due,
            filed_on: today,
            sector: &sector,
        },
        actor,
    )?;
    for r in &cmd.regions {
        db::insert_region(conn, permit.id, r)?;
    }
    for (w, input) in workers.iter().zip(&cmd.workers) {
        let worker_id = db::insert_worker(conn, permit.id, w)?;
        if !input.route.is_none() {
            worker_routes::insert(
                conn,
                &worker_routes::RouteRow {
                    worker_id,
                    permanent_resident: input.route.permanent_resident,
                    first_head: input.route.first_head,
                    no_permit_list_category: input.route.no_permit_list_category.clone(),
                },
            )?;
        }
    }
    let loaded = load_full(conn, permit.id)?;
    record(
        conn,
        actor,
        &loaded,
        "permit.applied",
        None,
        &cite_all(&[ART_33_1, ART_33_5]),
    )?;
    Ok(loaded)
}

fn record(
    conn: &mut Conn,
    actor: &Actor,
    after: &Loaded,
    action: &str,
    before: Option<&Loaded>,
    legal_basis: &str,
) -> Result<(), CaseError> {
    let region = after.first_region().map(str::to_owned);
    record_in(
        conn,
        actor,
        after,
        action,
        before,
        legal_basis,
        region.as_deref(),
    )
}

/// Every move of a permit ends here: the counters move by the difference the move made
/// to what the permit contributes ([`statistics::track`]), and the event is recorded under
/// `region`, so that the akimat of that region reads it in the audit trail (a decision is
/// filed under the deciding region); both in the caller's transaction.
pub(super) fn record_in(
    conn: &mut Conn,
    actor: &Actor,
    after: &Loaded,
    action: &str,
    before: Option<&Loaded>,
    legal_basis: &str,
    region: Option<&str>,
) -> Result<(), CaseError> {
    statistics::track(conn, before, after)?;
    audit_in(conn, actor, after, action, before, legal_basis, region)
}

/// The audit event of a move, under `region`.
pub(super) fn audit_in(
    conn: &mut Conn,
    actor: &Actor,
    after: &Loaded,
    action: &str,
    before: Option<&Loaded>,
    legal_basis: &str,
    region: Option<&str>,
) -> Result<(), CaseError> {
    let snap = |l: &Loaded| -> Result<serde_json::Value, CaseError> {
        // The official's words go with the act: a suspension's reason, a revocation's or
        // return's note (the case page's history shows them after they are cleared).
        audit::snapshot(&serde_json::json!({
            "permit": l.permit, "regions": l.regions,
            "words": {
                "suspension_reason": l.detail.suspension_reason,
                "end_note": l.detail.end_note,
            },
        }))
    };
    audit::record(
        conn,
        actor,
        audit::Change {
            action,
            entity_type: "permit",
            entity_id: after.permit.id.to_string(),
            region,
            bin: Some(after.permit.bin.as_str()),
            before: before.map(snap).transpose()?,
            after: Some(snap(after)?),
            legal_basis,
        },
    )?;
    Ok(())
}

/// Moves the permit's stored state with a compare-and-set on state and version.
pub(super) fn advance(
    conn: &mut Conn,
    l: &Loaded,
    to: PermitState,
    m: &Move<'_>,
) -> Result<(), CaseError> {
    if db::advance(conn, l.permit.id, l.permit.status, l.permit.version, to, m)? {
        Ok(())
    } else {
        Err(changed(l.permit.id))
    }
}

fn check_version(l: &Loaded, expected: Option<i64>) -> Result<(), CaseError> {
    match expected {
        Some(v) if v != l.permit.version => Err(CaseError::Refused(Refusal::Stale {
            current: l.permit.version,
        })),
        _ => Ok(()),
    }
}

/// An akimat's decision for its region, and the version it read.
#[derive(Debug, Clone)]
pub struct Decide {
    /// The deciding akimat's region; one of those the permit names.
    pub region: RegionCode,
    pub decision: Decision,
    /// The version the official read (`If-Match`), if sent.
    pub expected_version: Option<i64>,
}

/// What an akimat decides.
#[derive(Debug, Clone)]
pub enum Decision {
    Approve,
    /// Refuse on grounds from the rule set's list (Art. 33(2)).
    Refuse {
        grounds: Vec<String>,
    },
}

/// The subject of a permit already filed, for its checks when `deciding` approves: the
/// quota checked is that region's alone (Art. 9(5)), never another named region's, whose
/// akimat answers for its own allocation when it decides.
fn recheck(
    conn: &mut Conn,
    l: &Loaded,
    deciding: &RegionCode,
    rules: &RuleSet,
    today: NaiveDate,
    (engager, profile): (&Engager, Option<&ProfileRow>),
) -> Result<Vec<Check>, CaseError> {
    let workers: Vec<NewWorker> = l
        .workers
        .iter()
        .map(|w| NewWorker {
            full_name_latin: w.full_name_latin.clone(),
            full_name_cyrillic: w.full_name_cyrillic.clone(),
            citizenship: w.citizenship.clone(),
            passport_number: w.passport_number.clone(),
            passport_expiry: w.passport_expiry,
            birth_date: w.birth_date,
            education: w.education.clone(),
            profession: w.profession.clone(),
            occupation_code: w.occupation_code.clone(),
            experience_years: w.experience_years,
            qualification_ref: w.qualification_ref.clone(),
            needs_permit: w.needs_permit,
        })
        .collect();
    let terms = rules
        .categories
        .iter()
        .find(|t| t.category == l.permit.category);
    let extension = l.permit.kind == PermitKind::Extension;
    let choice = terms.and_then(|t| {
        if extension {
            t.extension.as_ref()
        } else {
            Some(&t.initial)
        }
    });
    // Itself and the permits it extends, up its chain (a first permit has none).
    let mut except = vec![l.permit.id];
    if let Some(parent) = l.permit.parent_id {
        except.extend(db::chain_of(conn, parent)?.iter().map(|p| p.id));
    }
    let subject = Subject {
        bin: &l.permit.bin,
        category: l.permit.category,
        year: l.permit.quota_year,
        start_date: l.permit.start_date,
        end_date: l.permit.end_date,
        term_choice: choice,
        term_unit: l.detail.term_unit,
        term_length: stored("permit term length", Some(i64::from(l.detail.term_length)))?,
        pending: vec![deciding],
        workers: workers.iter().collect(),
        routes: l.workers.iter().map(|w| l.route_of(w.id)).collect(),
        except,
        labour_market: (!extension).then_some((
            l.permit.filed_on,
            l.detail.vacancy_code.as_deref(),
            l.detail.vacancy_published_on,
        )),
        replacement_months: l
            .detail
            .replacement_months
            .and_then(|m| u32::try_from(m).ok()),
        engager,
        profile,
    };
    run_checks(conn, &subject, rules, today)
}

/// The worker's citizenship that draws on a country quota: the permit's workers' one
/// citizenship when they share it (a hold names one country, Art. 32(4)(2)).
pub(super) fn claim_country(l: &Loaded) -> Option<CountryCode> {
    let mut it = l.holding_workers().map(|w| w.citizenship.as_str());
    let first = it.next()?;
    it.all(|c| c == first).then(|| first.parse().ok()).flatten()
}

/// The day a command runs on, and the process's parsed rule sets it takes the rules in
/// force from: one small read of the version in force instead of the ~20 KB document.
#[derive(Debug, Clone, Copy)]
pub struct Today<'a> {
    pub date: NaiveDate,
    pub rule_sets: &'a rulesets::Parsed,
}

impl Today<'_> {
    /// The rules in force on `on`; none is a 404 (`not-found-rule-set-on`).
    fn rules_on(&self, conn: &mut Conn, on: NaiveDate) -> Result<Arc<RuleSet>, CaseError> {
        self.rule_sets.in_force(conn, on)?.ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-rule-set-on").text("date", on))
        })
    }

    /// The Government's list of persons who need no permit in force on `on` (none: empty);
    /// `today`'s are the rules in force today.
    fn list_on(
        &self,
        conn: &mut Conn,
        on: NaiveDate,
        today: &RuleSet,
    ) -> Result<NoPermitList, CaseError> {
        if on == self.date {
            return Ok(today.no_permit_list.clone());
        }
        Ok(self
            .rule_sets
            .in_force(conn, on)?
            .map(|r| r.no_permit_list.clone())
            .unwrap_or_default())
    }
}

/// Art. 33(2), 9(5): the akimat of `region`, one of those named, approves or refuses its
/// part. An approval re-runs the checks under the rule set in force today, the quota
/// checked being the deciding region's own (any failure refuses the approval with its
/// articles), holds the region's quota through the ledger and prices the fee for the
/// region. The last approval completes the decision: the fee falls due to every named
/// region the rule set's working days after it (Art. 33(4); docs/LAW.md), so no region's
/// time to pay runs while another has still to decide. A refusal names grounds from the
/// list, refuses the whole permit and gives back the quota other regions hold for it.
///
/// The command owns its transaction's order: it loads the case once, decides and writes
/// the case's own rows and audit event, then lets `answer` read what the caller returns
/// (the decided case, as written, and the rules in force), and writes the contended rows
/// last ([`LastWrites`]): the region's quota row, then the statistics counters.
pub fn decide<R, E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Decide,
    today: Today<'_>,
    access: impl Access<E>,
    actor: &Actor,
    answer: impl FnOnce(&mut Conn, Loaded, &RuleSet) -> Result<R, E>,
) -> Result<R, E> {
    let l = load(conn, id, access)?;
    let (after, rules, last) = decide_loaded(conn, l, cmd, today, &actor.as_stored())?;
    let out = answer(conn, after, &rules)?;
    last.write(conn)?;
    Ok(out)
}

/// The writes a decision leaves for last: the quota units an approval takes (Art. 33(2))
/// and the statistics counters (Art. 36). Every decision in a region writes the same
/// regional row and counter rows, and a row written stays locked until the commit; written
/// last, after the caller's answer is read, they are locked for a few statements, not for
/// the whole decision (the January rush). Regional row first, then counters, as every
/// other command orders them. Dropping them unwritten would leave the case's hold and
/// audit event without their figures, so the type insists they are written.
#[must_use = "a decision's quota units and counters are written only by `write`"]
#[derive(Debug)]
struct LastWrites {
    hold: Option<ledger::Hold>,
    counters: BTreeMap<Key, Figures>,
}

impl LastWrites {
    /// Takes the approval's units, then moves the counters. Errors: `quota-exhausted`
    /// (422, Art. 33(2)), `country-quota-exhausted` (422, Art. 32(4)(2)); roll back on any.
    fn write(self, conn: &mut Conn) -> Result<(), CaseError> {
        if let Some(hold) = self.hold {
            hold.take(conn)?;
        }
        counters::add(conn, &self.counters)?;
        Ok(())
    }
}

/// A decision, its rules and its last writes; the decided case is changed in memory as its
/// writes changed the stored rows, not read again.
fn decide_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Decide,
    today: Today<'_>,
    actor: &Actor,
) -> Result<(Loaded, Arc<RuleSet>, LastWrites), CaseError> {
    let (region, decision) = (&cmd.region, &cmd.decision);
    check_version(&l, cmd.expected_version)?;
    let asked = match decision {
        Decision::Approve => PermitEvent::Approve,
        Decision::Refuse { .. } => PermitEvent::Refuse,
    };
    follow::ensure_parent_active(conn, &l, asked, today.date)?;
    let Some(mine) = l.regions.iter().find(|r| &r.region == region) else {
        return Err(not_found(l.permit.id));
    };
    let others_pending = l
        .regions
        .iter()
        .filter(|r| &r.region != region && r.decision == RegionDecision::Pending)
        .count();
    let event = match decision {
        Decision::Approve if others_pending == 0 => PermitEvent::ApproveLast,
        Decision::Approve => PermitEvent::Approve,
        Decision::Refuse { .. } => PermitEvent::Refuse,
    };
    let to = transition(l.permit.status, event).map_err(illegal)?;
    if !may_decide(l.permit.status, mine.decision) {
        return Err(CaseError::conflict(
            "already-decided",
            Message::new("conflict-illegal-transition")
                .text("machine", "permit-region")
                .text("state", mine.decision.as_str())
                .text("event", event.name()),
        ));
    }
    let rules = today.rules_on(conn, today.date)?;
    let mut after = l.clone();
    after.permit.status = to;
    after.permit.version += 1;
    match decision {
        Decision::Approve => {
            serialize_on_persons(conn, &l, today.date)?;
            let bin = l.permit.bin.as_str();
            let start = l.permit.start_date;
            let (profile, on_start) = db::profiles_on(conn, bin, today.date, start)?;
            let engager = Engager::new(
                on_start.as_ref(),
                today.list_on(conn, start, &rules)?,
                l.permit.category,
                start,
            )?;
            let employer = (&engager, profile.as_ref());
            let found = recheck(conn, &l, region, &rules, today.date, employer)?;
            let failed = checks::failures(&found);
            if !failed.is_empty() {
                return Err(CaseError::rules(failed));
            }
            let units = Units::new(l.units())
                .ok_or_else(|| CaseError::rules(vec![checks::nothing_to_permit()]))?;
            let claim = QuotaClaim {
                year: l.permit.quota_year,
                region: region.clone(),
                category: l.permit.category,
                country: claim_country(&l),
                units,
            };
            let rate = fee_rate_of(profile.as_ref(), &l, &rules, today.date)?;
            let fee_rate_mrp = stored("fee rate", Some(i64::from(rate)))?;
            after.detail.checks = serde_json::to_string(&found)?;
            advance(
                conn,
                &l,
                to,
                &Move {
                    checks: Some(&after.detail.checks),
                    ..Move::default()
                },
            )?;
            let hold = ledger::hold(conn, &claim, &l.case_ref(), actor)?;
            let due =
                (to == PermitState::AwaitingPayment).then(|| fee_payment_due(&rules, today.date));
            // The only region's due date goes in its own approval; with others, every
            // approved region's is set once this one is approved.
            let alone = l.regions.len() == 1;
            let n = db::approve_region(
                conn,
                l.permit.id,
                region,
                &db::Approval {
                    hold_id: hold.id(),
                    fee_rate_mrp,
                    payment_due: due.filter(|_| alone),
                    actor,
                },
            )?;
            if n == 0 {
                return Err(changed(l.permit.id));
            }
            if let Some(due) = due.filter(|_| !alone) {
                db::fee_falls_due(conn, l.permit.id, due)?;
            }
            for r in after.regions.iter_mut().filter(|r| &r.region == region) {
                r.decision = RegionDecision::Approved;
                r.decided_at = Some(actor.at);
                r.decided_by = Some(actor.sub.clone());
                r.hold_id = Some(hold.id());
                r.fee_rate_mrp = Some(fee_rate_mrp);
            }
            if let Some(due) = due {
                for r in after
                    .regions
                    .iter_mut()
                    .filter(|r| r.decision == RegionDecision::Approved)
                {
                    r.payment_due = Some(due);
                }
            }
            audit_in(
                conn,
                actor,
                &after,
                "permit.approved",
                Some(&l),
                &cite_all(&[ART_33_2, ART_9_5]),
                Some(region.as_str()),
            )?;
            let last = LastWrites {
                hold: Some(hold),
                counters: statistics::delta(Some(&l), &after)?,
            };
            Ok((after, rules, last))
        }
        Decision::Refuse { grounds } => {
            let list = &rules.permit_grounds;
            if grounds.is_empty() {
                return Err(Violation::service_rule("grounds-required").into());
            }
            let mut articles = Vec::new();
            for g in grounds {
                let ground = list.refusal_ground(g).ok_or_else(|| {
                    CaseError::from(Violation::new("unknown-ground", ART_33_2).text("ground", g))
                })?;
                articles.push(ground.article.clone());
            }
            advance(conn, &l, to, &Move::default())?;
            let stated = serde_json::to_string(grounds)?;
            let n = db::refuse_region(conn, l.permit.id, region, &stated, actor)?;
            if n == 0 {
                return Err(changed(l.permit.id));
            }
            release_all(conn, &l, Release::Refused, actor)?;
            for r in after.regions.iter_mut().filter(|r| &r.region == region) {
                r.decision = RegionDecision::Refused;
                r.grounds = Some(stated.clone());
                r.decided_at = Some(actor.at);
                r.decided_by = Some(actor.sub.clone());
            }
            articles.sort();
            articles.dedup();
            let basis = format!(
                "{}; {}",
                cite_all(&[ART_33_2, ART_9_5]),
                articles.join(", ")
            );
            audit_in(
                conn,
                actor,
                &after,
                "permit.refused",
                Some(&l),
                &basis,
                Some(region.as_str()),
            )?;
            let last = LastWrites {
                hold: None,
                counters: statistics::delta(Some(&l), &after)?,
            };
            Ok((after, rules, last))
        }
    }
}

/// Art. 33(4): the last day to pay the fee to every named region, when the last of them
/// approves on `approved_on`: the rule set's working days after that approval.
fn fee_payment_due(rules: &RuleSet, approved_on: NaiveDate) -> NaiveDate {
    add_working_days(
        approved_on,
        rules.deadlines.fee_payment_working_days,
        &rules.holidays,
    )
}

/// Art. 33(4): the fee rate per worker in MRP for this permit's employer, by its sector in
/// the profile in force `today`.
fn fee_rate_of(
    profile: Option<&ProfileRow>,
    l: &Loaded,
    rules: &RuleSet,
    today: NaiveDate,
) -> Result<u32, CaseError> {
    let profile =
        profile.ok_or_else(|| CaseError::rules(vec![checks::profile_missing(today).finding]))?;
    let sector: SectorCode = profile.sector.parse().map_err(|_| {
        CaseError::from(Violation::service_rule("unknown-sector").text("sector", &profile.sector))
    })?;
    let days = (l.permit.end_date - l.permit.start_date).num_days() + 1;
    Ok(fees::fee_rate(
        &rules.fees,
        l.permit.category,
        l.detail.term_unit,
        stored("permit term length", Some(i64::from(l.detail.term_length)))?,
        &sector,
        stored("permit days", Some(days))?,
    )?)
}

/// A figure stored for the case, in the type its rule takes: one missing or out of range
/// (which the tables' constraints forbid) is a fault of the data, never a zero.
fn stored<T: TryFrom<i64>>(what: &str, v: Option<i64>) -> Result<T, CaseError> {
    v.and_then(|v| T::try_from(v).ok())
        .ok_or_else(|| CaseError::stored(what))
}

/// Gives back every hold the permit has, for `why` (held or used, as the hold's state
/// machine allows).
pub(super) fn release_all(
    conn: &mut Conn,
    l: &Loaded,
    why: Release,
    actor: &Actor,
) -> Result<(), CaseError> {
    for r in &l.regions {
        if let Some(h) = r.hold_id {
            ledger::release(conn, h, why, actor)?;
        }
    }
    Ok(())
}

/// The employer withdraws its application before a decision (Art. 33(5)); quota any
/// region already holds for it comes back.
pub fn withdraw<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    expected_version: Option<i64>,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    check_version(&l, expected_version)?;
    let to = transition(l.permit.status, PermitEvent::Withdraw).map_err(illegal)?;
    advance(conn, &l, to, &Move::default())?;
    release_all(conn, &l, Release::Withdrawn, actor)?;
    let after = load_full(conn, id)?;
    record(
        conn,
        actor,
        &after,
        "permit.withdrawn",
        Some(&l),
        &cite_all(PermitEvent::Withdraw.legal_basis()),
    )?;
    Ok(after)
}

/// A fee payment to one region's budget (Art. 33(4)).
#[derive(Debug, Clone)]
pub struct Pay {
    pub region: RegionCode,
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub reference: String,
}

/// Art. 33(4): records the fee paid to one named region's budget. The fee due is the
/// region's rate × the MRP in force on the **payment date** × workers: a permit approved in
/// December and paid in January pays the new year's MRP; an underpayment is refused with
/// the amount due. Once every region is paid the quota held becomes used and the permit is
/// active from its start date.
pub fn pay<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Pay,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(pay_loaded(conn, l, cmd, today, actor)?)
}

fn pay_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Pay,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    follow::ensure_parent_active(conn, &l, PermitEvent::Pay, today)?;
    let Some(region) = l.regions.iter().find(|r| r.region == cmd.region) else {
        super::known_regions(conn, [("region".to_owned(), &cmd.region)])?;
        return Err(Violation::service_rule("region-not-in-permit")
            .text("region", &cmd.region)
            .into());
    };
    let unpaid_others = l
        .regions
        .iter()
        .filter(|r| r.region != cmd.region && r.paid_tiyn.is_none())
        .count();
    let event = if unpaid_others == 0 {
        PermitEvent::PayLast
    } else {
        PermitEvent::Pay
    };
    let to = transition(l.permit.status, event).map_err(illegal)?;
    if region.paid_tiyn.is_some() {
        return Err(CaseError::conflict(
            "already-paid",
            Message::new("conflict-illegal-transition")
                .text("machine", "permit-region")
                .text("state", "paid")
                .text("event", "pay"),
        ));
    }
    let decided = region
        .decided_at
        .map(|t| t.date())
        .unwrap_or(l.permit.filed_on);
    if cmd.paid_on > today || cmd.paid_on < decided {
        return Err(Violation::service_rule("payment-date-invalid")
            .text("date", cmd.paid_on)
            .text("decided", decided)
            .text("today", today)
            .into());
    }
    let rules = rules_on(conn, today)?;
    let mrp = rules.mrp_on(cmd.paid_on).ok_or_else(|| {
        CaseError::not_found(Message::new("not-found-rule-set-on").text("date", cmd.paid_on))
    })?;
    let rate = stored("region fee rate", region.fee_rate_mrp.map(i64::from))?;
    let due = fees::fee_due(rate, mrp, l.units());
    if let Some(v) = fees::check_payment(cmd.amount, due, mrp, &cmd.region) {
        return Err(v.into());
    }
    let tiyn = |m: Money| {
        m.tiyn()
            .map_err(|_| CaseError::from(Violation::service_rule("fee-underpaid")))
    };
    advance(conn, &l, to, &Move::default())?;
    let n = db::pay_region(
        conn,
        l.permit.id,
        &cmd.region,
        &db::Payment {
            paid_tiyn: tiyn(cmd.amount)?,
            mrp_tiyn: tiyn(mrp)?,
            paid_on: cmd.paid_on,
            reference: &cmd.reference,
        },
    )?;
    if n == 0 {
        return Err(changed(l.permit.id));
    }
    if to == PermitState::Active {
        for r in &l.regions {
            if let Some(h) = r.hold_id {
                ledger::confirm(conn, h, actor)?;
            }
        }
    }
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.fee_paid",
        Some(&l),
        ART_33_4.cite(),
    )?;
    if to != PermitState::Active {
        return Ok(after);
    }
    // Issued on payment (Art. 33(4)): the permit gets its number now.
    super::documents::issue(conn, &after, today, actor)?;
    load_full(conn, l.permit.id)
}

/// Art. 33(4): whether the permit awaits a fee some region's due date for which passed
/// before `today` unpaid, so that it lapses.
pub fn lapse_due(l: &Loaded, today: NaiveDate) -> bool {
    l.permit.status == PermitState::AwaitingPayment
        && l.regions
            .iter()
            .any(|r| r.paid_tiyn.is_none() && r.payment_due.is_some_and(|d| d < today))
}

/// Art. 33(4): a permit whose fee is unpaid past a region's due date lapses and its quota
/// comes back. Called by the scheduled job, before a payment, and when a permit is read;
/// does nothing (and returns `None`) for a permit that is not overdue, so it is idempotent.
pub fn lapse_if_due(
    conn: &mut Conn,
    id: i64,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Option<Loaded>, CaseError> {
    let l = load_full(conn, id)?;
    if !lapse_due(&l, today) {
        return Ok(None);
    }
    let to = transition(l.permit.status, PermitEvent::Lapse).map_err(illegal)?;
    advance(
        conn,
        &l,
        to,
        &Move {
            ended_on: Some(today),
            end_ground: Some(OwnGround::UnpaidFee.code()),
            ..Move::default()
        },
    )?;
    release_all(conn, &l, Release::LapsedUnpaid, actor)?;
    let after = load_full(conn, id)?;
    let basis = cite_all(OwnGround::UnpaidFee.legal_basis());
    record(conn, actor, &after, "permit.lapsed", Some(&l), &basis)?;
    follow::end_extensions_of(conn, id, follow::ParentEnd::Lapsed, today, actor)?;
    Ok(Some(after))
}

/// Art. 33(4): lapses every permit whose fee is overdue on `today`; the ids lapsed.
pub fn lapse_overdue(
    conn: &mut Conn,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Vec<i64>, CaseError> {
    let mut out = Vec::new();
    for id in db::overdue_unpaid(conn, today)? {
        if lapse_if_due(conn, id, today, actor)?.is_some() {
            out.push(id);
        }
    }
    Ok(out)
}

/// What an official or the employer does to an issued permit.
#[derive(Debug, Clone)]
pub enum Supervision {
    /// Suspend, with the reason (Art. 9(5), 33(2)).
    Suspend { reason: String },
    /// Lift the suspension.
    Resume,
    /// Revoke on a ground from the list (Art. 9(5), 33(2)); its quota comes back.
    Revoke {
        ground: String,
        note: Option<String>,
    },
    /// The employer gives the permit back; its quota comes back.
    Return { reason: Option<String> },
}

/// Art. 9(5), 33(2): suspension, resumption, revocation (quota back; a ground that bars
/// keeps the employer from new permits for the rule set's months) and voluntary return
/// (quota back), each a move of the permit's state machine judged on its state today, so
/// an expired permit is neither suspended nor revoked.
pub fn supervise<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Supervision,
    today: NaiveDate,
    expected_version: Option<i64>,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(supervise_loaded(
        conn,
        l,
        cmd,
        today,
        expected_version,
        actor,
    )?)
}

fn supervise_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Supervision,
    today: NaiveDate,
    expected_version: Option<i64>,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    check_version(&l, expected_version)?;
    let event = match cmd {
        Supervision::Suspend { .. } => PermitEvent::Suspend,
        Supervision::Resume => PermitEvent::Resume,
        Supervision::Revoke { .. } => PermitEvent::Revoke,
        Supervision::Return { .. } => PermitEvent::Return,
    };
    let to = transition(l.state_on(today), event).map_err(illegal)?;
    let (action, basis, release, m) = match cmd {
        Supervision::Suspend { reason } => (
            "permit.suspended",
            cite_all(&[ART_9_5, ART_33_2]),
            None,
            Move {
                suspension_reason: Some(Some(reason.as_str())),
                ..Move::default()
            },
        ),
        Supervision::Resume => (
            "permit.resumed",
            cite_all(&[ART_9_5, ART_33_2]),
            None,
            Move {
                suspension_reason: Some(None),
                ..Move::default()
            },
        ),
        Supervision::Revoke { ground, note } => {
            let rules = rules_on(conn, today)?;
            let g = rules
                .permit_grounds
                .revocation_ground(ground)
                .ok_or_else(|| {
                    CaseError::from(
                        Violation::new("unknown-ground", ART_9_5).text("ground", ground),
                    )
                })?;
            crate::domain::ground_scope::check_revocation_ground(&g.code, l.permit.category)?;
            (
                "permit.revoked",
                format!("{}; {}", cite_all(&[ART_9_5, ART_33_2]), g.article),
                Some(Release::Revoked),
                Move {
                    ended_on: Some(today),
                    end_ground: Some(ground.as_str()),
                    end_note: note.as_deref(),
                    ..Move::default()
                },
            )
        }
        Supervision::Return { reason } => (
            "permit.returned",
            cite_all(PermitEvent::Return.legal_basis()),
            Some(Release::Returned),
            Move {
                ended_on: Some(today),
                end_ground: Some(OwnGround::Returned.code()),
                end_note: reason.as_deref(),
                ..Move::default()
            },
        ),
    };
    advance(conn, &l, to, &m)?;
    if let Some(why) = release {
        release_all(conn, &l, why, actor)?;
    }
    let after = load_full(conn, l.permit.id)?;
    statistics::track(conn, Some(&l), &after)?;
    // Every named region's akimat answers for the permit on its territory, so a
    // suspension, resumption, revocation or return is filed under each of them.
    for r in &after.regions {
        audit_in(
            conn,
            actor,
            &after,
            action,
            Some(&l),
            &basis,
            Some(r.region.as_str()),
        )?;
    }
    // Art. 33(2): an extension not yet issued ends with the permit it extends.
    let ended = match cmd {
        Supervision::Revoke { .. } => Some(follow::ParentEnd::Revoked),
        Supervision::Return { .. } => Some(follow::ParentEnd::Returned),
        _ => None,
    };
    if let Some(why) = ended {
        follow::end_extensions_of(conn, after.permit.id, why, today, actor)?;
    }
    Ok(after)
}

/// One open extension per permit (Art. 33(2), 7(20)): 409 `extension-exists`.
fn extension_exists() -> CaseError {
    CaseError::conflict(
        "extension-exists",
        Message::new("conflict-illegal-transition")
            .text("machine", "permit")
            .text("state", "extension-filed")
            .text("event", "extend"),
    )
}

/// An extension asked for.
#[derive(Debug, Clone)]
pub struct Extend {
    pub term_unit: TermUnit,
    pub term_length: u32,
}

/// Art. 33(2), 7(20): an extension is a case of its own, decided like an application: only
/// for a category that allows it, within the extension window before the permit ends,
/// within the number of extensions allowed. It starts the day after the permit ends, names
/// the same regions and the workers still there, draws quota of the year it starts in and
/// pays a new fee.
pub fn extend<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Extend,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let parent = load(conn, id, access)?;
    Ok(extend_loaded(conn, parent, cmd, today, actor)?)
}

fn extend_loaded(
    conn: &mut Conn,
    parent: Loaded,
    cmd: &Extend,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    transition(parent.state_on(today), PermitEvent::Extend).map_err(illegal)?;
    let rules = rules_on(conn, today)?;
    let category = parent.permit.category;
    let terms = rules.categories.iter().find(|t| t.category == category);
    let Some(choice) = terms.and_then(|t| t.extension.clone()) else {
        return Err(Violation::new("extension-not-allowed", ART_7_20)
            .text("category", category)
            .into());
    };
    let done = db::chain_of(conn, parent.permit.id)?
        .iter()
        .filter(|p| p.kind == PermitKind::Extension)
        .count();
    if let Some(max) = terms.and_then(|t| t.max_extensions) {
        if u32::try_from(done).unwrap_or(u32::MAX) >= max {
            return Err(Violation::new("extension-limit-reached", ART_7_20)
                .text("category", category)
                .arg("max", max)
                .into());
        }
    }
    let w = &rules.extension_window;
    let end = parent.permit.end_date;
    let opens = end - Days::new(u64::from(w.earliest_days_before_expiry));
    let closes = end - Days::new(u64::from(w.latest_days_before_expiry));
    if today < opens || today > closes {
        return Err(Violation::new("extension-window", ART_7_20)
            .text("end", end)
            .text("opens", opens)
            .text("closes", closes)
            .text("today", today)
            .into());
    }
    if !db::open_extensions(conn, parent.permit.id)?.is_empty() {
        return Err(extension_exists());
    }
    let term = checks::term_allowed(category, &choice, cmd.term_unit, cmd.term_length);
    let start = end.succ_opt().unwrap_or(end);
    let new_end = checks::end_date(start, cmd.term_unit, cmd.term_length);
    let Some(new_end) = new_end.filter(|_| term.outcome != checks::Outcome::Fail) else {
        return Err(CaseError::rules(vec![term.finding]));
    };
    let workers: Vec<NewWorker> = parent
        .holding_workers()
        .filter(|w| w.departed_on.is_none())
        .map(|w| NewWorker {
            full_name_latin: w.full_name_latin.clone(),
            full_name_cyrillic: w.full_name_cyrillic.clone(),
            citizenship: w.citizenship.clone(),
            passport_number: w.passport_number.clone(),
            passport_expiry: w.passport_expiry,
            birth_date: w.birth_date,
            education: w.education.clone(),
            profession: w.profession.clone(),
            occupation_code: w.occupation_code.clone(),
            experience_years: w.experience_years,
            qualification_ref: w.qualification_ref.clone(),
            needs_permit: true,
        })
        .collect();
    let regions = parent.region_codes();
    let mut except = vec![parent.permit.id];
    except.extend(db::chain_of(conn, parent.permit.id)?.iter().map(|p| p.id));
    let bin = parent.permit.bin.as_str();
    let (profile, on_start) = db::profiles_on(conn, bin, today, start)?;
    let engager = Engager::new(on_start.as_ref(), list_on(conn, start)?, category, start)?;
    let subject = Subject {
        bin: &parent.permit.bin,
        category,
        year: start.year(),
        start_date: start,
        end_date: new_end,
        term_choice: Some(&choice),
        term_unit: cmd.term_unit,
        term_length: cmd.term_length,
        pending: regions.iter().collect(),
        workers: workers.iter().collect(),
        routes: Vec::new(),
        except,
        labour_market: None,
        replacement_months: parent
            .detail
            .replacement_months
            .and_then(|m| u32::try_from(m).ok()),
        engager: &engager,
        profile: profile.as_ref(),
    };
    let found = run_checks(conn, &subject, &rules, today)?;
    let due = add_working_days(
        today,
        rules.deadlines.extension_decision_working_days,
        &rules.holidays,
    );
    // Two applications filed at once both read no open extension above; the database's
    // unique index on a permit's open extension lets one in and refuses the other.
    let row = db::insert_permit(
        conn,
        &NewPermit {
            kind: PermitKind::Extension,
            parent_id: Some(parent.permit.id),
            bin: &parent.permit.bin,
            category,
            profession: &parent.detail.profession,
            term_unit: cmd.term_unit,
            term_length: i32::try_from(cmd.term_length).unwrap_or(i32::MAX),
            start_date: start,
            end_date: new_end,
            quota_year: start.year(),
            vacancy_code: None,
            vacancy_published_on: None,
            replacement_months: parent.detail.replacement_months,
            checks: &serde_json::to_string(&found)?,
            decision_due: due,
            filed_on: today,
            sector: &parent.detail.sector,
        },
        actor,
    )
    .map_err(|e| {
        if crate::db::is_unique_violation(&e) {
            extension_exists()
        } else {
            e.into()
        }
    })?;
    for r in &regions {
        db::insert_region(conn, row.id, r)?;
    }
    for w in &workers {
        db::insert_worker(conn, row.id, w)?;
    }
    let after = load_full(conn, row.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.extension_applied",
        None,
        &cite_all(&[ART_33_2, ART_7_20]),
    )?;
    Ok(after)
}

/// A business trip as the employer reports it (Art. 33(3)).
#[derive(Debug, Clone)]
pub struct Trip {
    pub worker_id: i64,
    pub host_region: RegionCode,
    pub host_organisation: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Art. 33(3): a business trip of a permitted worker on an active permit, to a region the
/// permit does not name, within its validity, keeping the worker's trip days within the
/// rule set's limit in every calendar year the trip touches.
pub fn report_trip<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Trip,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<(Loaded, TripRow), E> {
    let l = load(conn, id, access)?;
    Ok(trip_loaded(conn, l, cmd, today, actor)?)
}

fn trip_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Trip,
    today: NaiveDate,
    actor: &Actor,
) -> Result<(Loaded, TripRow), CaseError> {
    let to = transition(l.state_on(today), PermitEvent::Trip).map_err(illegal)?;
    let worker = l
        .holding_workers()
        .find(|w| w.id == cmd.worker_id)
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-worker").arg("id", cmd.worker_id))
        })?;
    super::known_regions(conn, [("host_region".to_owned(), &cmd.host_region)])?;
    let rules = rules_on(conn, today)?;
    let days = DateRange::new(cmd.from, cmd.to).map_err(|_| {
        CaseError::from(
            Violation::new("trip-outside-validity", ART_33_3)
                .text("from", cmd.from)
                .text("to", cmd.to)
                .text("start", l.permit.start_date)
                .text("end", l.permit.end_date),
        )
    })?;
    let validity =
        DateRange::new(l.permit.start_date, l.permit.end_date).map_err(|_| changed(l.permit.id))?;
    let earlier: Vec<DateRange> =
        db::trips_of_worker(conn, l.permit.bin.as_str(), &worker.passport_number)?
            .into_iter()
            .filter_map(|(a, b)| DateRange::new(a, b).ok())
            .collect();
    let regions = l.region_codes();
    let v = trips::check_trip(&TripRequest {
        days,
        host_region: &cmd.host_region,
        permit_regions: &regions,
        validity,
        earlier: &earlier,
        max_days_per_year: rules.business_trips.max_days_per_calendar_year,
    });
    if !v.is_empty() {
        return Err(CaseError::rules(v));
    }
    // The version moves, so two trips of the same permit reported at once cannot both be
    // judged on the days before either.
    advance(conn, &l, to, &Move::default())?;
    let trip = db::insert_trip(
        conn,
        &db::NewTrip {
            permit_id: l.permit.id,
            worker_id: worker.id,
            bin: l.permit.bin.as_str(),
            passport_number: &worker.passport_number,
            host_region: cmd.host_region.as_str(),
            host_organisation: &cmd.host_organisation,
            from_date: cmd.from,
            to_date: cmd.to,
        },
        actor,
    )?;
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.trip_reported",
        Some(&l),
        ART_33_3.cite(),
    )?;
    Ok((after, trip))
}

/// A worker's departure as the employer records it (Art. 28(2)(8)).
#[derive(Debug, Clone)]
pub struct Departure {
    pub worker_id: i64,
    pub on: NaiveDate,
    pub evidence: String,
}

/// Art. 28(2)(8): once a permit issued has ended (expired, revoked, returned), or once a
/// worker was replaced on it by another foreigner, the employer ensures the worker leaves
/// and records the departure, once — owed only when the permit's term had begun by then
/// (`departure-not-owed` otherwise: nobody came on it).
pub fn record_departure<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Departure,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(depart_loaded(conn, l, cmd, today, actor)?)
}

fn depart_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Departure,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    let worker = l
        .workers
        .iter()
        .find(|w| w.id == cmd.worker_id && w.needs_permit)
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-worker").arg("id", cmd.worker_id))
        })?;
    let state = l.state_on(today);
    let stay = Stay {
        state,
        start: l.permit.start_date,
        ended_on: l.permit.ended_on,
        replaced_on: l.replaced_on(worker.id),
    };
    if !departure_owed(&stay) {
        transition(state, PermitEvent::Depart).map_err(illegal)?;
        // Ended before its first day: no worker came on it.
        return Err(Violation::new("departure-not-owed", ART_28_2_8)
            .text("start", l.permit.start_date)
            .text("ended", stay.replaced_on.or(stay.ended_on).unwrap_or(today))
            .into());
    }
    if cmd.on > today {
        return Err(Violation::service_rule("departure-date-future")
            .text("date", cmd.on)
            .text("today", today)
            .into());
    }
    if worker.departed_on.is_some() {
        return Err(CaseError::conflict(
            "departure-recorded",
            Message::new("conflict-departure-recorded").arg("id", worker.id),
        ));
    }
    if db::record_departure(conn, l.permit.id, worker.id, cmd.on, &cmd.evidence)? == 0 {
        return Err(changed(l.permit.id));
    }
    // What the permit shows changed (`workers[].departed_on`): so does its version.
    db::bump(conn, l.permit.id, l.permit.version)?.ok_or_else(|| changed(l.permit.id))?;
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.departure_recorded",
        Some(&l),
        ART_28_2_8.cite(),
    )?;
    Ok(after)
}

/// A re-issue of a permit for another foreigner, as the employer asks it.
#[derive(Debug, Clone)]
pub struct Reissue {
    /// The worker who leaves (`workers[].id` of the permit).
    pub worker_id: i64,
    /// The foreigner who takes their place.
    pub newcomer: WorkerInput,
    /// The version the employer read (`If-Match`), if sent.
    pub expected_version: Option<i64>,
}

/// Re-issue for another foreigner (Order No. 279 under Art. 7(20); Art. 33(3)): on an
/// active permit, where the rule set allows, a worker who has neither left nor been
/// replaced gives way to a newcomer checked as an applicant's worker is (Art. 2(3),
/// 33(3), 33(7)), in the same occupation and country quota. The permit keeps its
/// employer, regions, term and units: nothing is held or released, no fee is assessed.
/// The worker replaced owes a departure (Art. 28(2)(8)).
pub fn reissue<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    cmd: &Reissue,
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(reissue_loaded(conn, l, cmd, today, actor)?)
}

fn reissue_loaded(
    conn: &mut Conn,
    l: Loaded,
    cmd: &Reissue,
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    let to = transition(l.state_on(today), PermitEvent::Reissue).map_err(illegal)?;
    check_version(&l, cmd.expected_version)?;
    let leaving = l
        .holding_workers()
        .find(|w| w.id == cmd.worker_id)
        .ok_or_else(|| {
            CaseError::not_found(Message::new("not-found-worker").arg("id", cmd.worker_id))
        })?;
    let rules = rules_on(conn, today)?;
    let dates = workers_as_persons(
        std::slice::from_ref(&cmd.newcomer),
        today.max(l.permit.start_date),
        today,
        &rules,
        "/newcomer",
    );
    if !dates.is_empty() {
        return Err(CaseError::rules(dates));
    }
    let engager = Engager::of(conn, &l.permit.bin, l.permit.category, today)?;
    let newcomer = workers_of_input(conn, std::slice::from_ref(&cmd.newcomer), &engager)?
        .pop()
        .ok_or_else(|| changed(l.permit.id))?;
    let newcomer_of = citizen_of(conn, &newcomer.citizenship)?;
    let country = cmd.newcomer.citizenship.clone();
    let year = l.permit.quota_year;
    let held = claim_country(&l)
        .map(|c| db::country_left(conn, year, c.as_str()).map(|left| left.map(|_| c)))
        .transpose()?
        .flatten();
    let newcomer_quota = db::country_left(conn, year, country.as_str())?.map(|_| country.clone());
    let mut refusals = checks::reissue(
        &rules.permit_grounds.reissue,
        &checks::Reissue {
            leaving_occupation: &leaving.occupation_code,
            newcomer_occupation: &newcomer.occupation_code,
            newcomer_country: &country,
            newcomer_eaeu: newcomer_of.eaeu_member,
            held_country: held.as_ref(),
            newcomer_quota_country: newcomer_quota.as_ref(),
        },
    );
    let name = newcomer.full_name_latin.as_str();
    let key = |w: &WorkerRow| {
        PersonKey::of(
            &w.citizenship,
            &w.passport_number,
            &w.full_name_latin,
            w.birth_date,
        )
    };
    let newcomer_key = PersonKey::of(
        &newcomer.citizenship,
        &newcomer.passport_number,
        &newcomer.full_name_latin,
        newcomer.birth_date,
    );
    let named_here = l.workers.iter().any(|w| key(w).same(&newcomer_key));
    if named_here {
        let own = checks::OtherCase {
            permit: l.permit.id,
            own: true,
        };
        refusals.push(checks::worker_free(name, Some(own)).finding);
    }
    let mut except = vec![l.permit.id];
    except.extend(db::chain_of(conn, l.permit.id)?.iter().map(|p| p.id));
    // A re-issue takes effect at once, as an approval does: only a live permit naming the
    // newcomer refuses it (an application awaiting decision blocks nothing, and will fail
    // at its own decision), and the employer reads another employer's permit as such,
    // never by its id.
    let (live, _pending) = others_naming(conn, &newcomer, &l.permit.bin, &except, today)?;
    let found = vec![
        checks::qualification(
            &Qualification {
                worker: name,
                education: &newcomer.education,
                occupation_code: &newcomer.occupation_code,
                experience_years: u32::try_from(newcomer.experience_years).unwrap_or(0),
                reference: newcomer.qualification_ref.as_deref(),
            },
            l.permit.category,
        ),
        checks::worker_free(name, live),
    ];
    refusals.extend(checks::failures(&found).iter().map(Violation::for_employer));
    if !newcomer.needs_permit && !newcomer_of.eaeu_member {
        let facts = &cmd.newcomer.route;
        let answer = engager.route(
            &newcomer_of,
            &newcomer.education,
            facts,
            engager.listed_now(facts),
        );
        refusals.extend(checks::worker_route(name, &answer, true).map(|c| c.finding));
    }
    if !refusals.is_empty() {
        return Err(CaseError::rules(refusals));
    }
    advance(conn, &l, to, &Move::default())?;
    db::replace_worker(conn, l.permit.id, leaving.id, today, &newcomer, actor)?;
    follow::after_reissue(conn, &l, leaving, today, actor)?;
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.reissued",
        Some(&l),
        &cite_all(PermitEvent::Reissue.legal_basis()),
    )?;
    Ok(after)
}

/// A Kazakh citizen hired to replace a category-4 foreign worker.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct HiredCitizen {
    pub iin: String,
    pub full_name: String,
    pub hired_on: NaiveDate,
}

/// Art. 33(2) with the ministry's category-4 duty: the employer reports, once, the Kazakh
/// citizens it hired to replace the foreigners of an issued category-4 permit — at least
/// as many as the permit's foreign workers, each hired by today. Until it does, a
/// permit whose replacement period has passed refuses the employer's new applications.
pub fn report_replacement<E: From<CaseError>>(
    conn: &mut Conn,
    id: i64,
    citizens: &[HiredCitizen],
    today: NaiveDate,
    access: impl Access<E>,
    actor: &Actor,
) -> Result<Loaded, E> {
    let l = load(conn, id, access)?;
    Ok(replacement_loaded(conn, l, citizens, today, actor)?)
}

fn replacement_loaded(
    conn: &mut Conn,
    l: Loaded,
    citizens: &[HiredCitizen],
    today: NaiveDate,
    actor: &Actor,
) -> Result<Loaded, CaseError> {
    transition(l.state_on(today), PermitEvent::ReportReplacement).map_err(illegal)?;
    if l.permit.category != Category::QualifiedWorkers || l.permit.kind != PermitKind::Permit {
        return Err(Violation::new("replacement-not-category-4", ART_33_2)
            .text("category", l.permit.category)
            .into());
    }
    if l.replacement.is_some() {
        return Err(CaseError::conflict(
            "replacement-reported",
            Message::new("conflict-replacement-reported").arg("id", l.permit.id),
        ));
    }
    let hired: Vec<NaiveDate> = citizens.iter().map(|c| c.hired_on).collect();
    let foreign = l.holding_workers().count();
    checks::replacement_report(&hired, foreign, today)?;
    let row = db::ReplacementRow {
        permit_id: l.permit.id,
        bin: l.permit.bin.as_str().to_owned(),
        reported_on: today,
        citizens: serde_json::to_string(citizens)?,
        hired: i32::try_from(citizens.len()).unwrap_or(i32::MAX),
        created_at: actor.at,
        created_by: actor.sub.clone(),
    };
    if db::insert_replacement(conn, &row)? == 0 {
        return Err(changed(l.permit.id));
    }
    // What the permit shows changed (`replacement`): so does its version.
    db::bump(conn, l.permit.id, l.permit.version)?.ok_or_else(|| changed(l.permit.id))?;
    let after = load_full(conn, l.permit.id)?;
    record(
        conn,
        actor,
        &after,
        "permit.replacement_reported",
        Some(&l),
        ART_33_2.cite(),
    )?;
    Ok(after)
}
