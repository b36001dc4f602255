//! The automatic checks of Art. 33 (2), (3), (6), (7), 2(3), 7(20), run at filing and
//! again when an akimat approves: the facts each needs read from the database, the rule
//! itself pure in `domain::permit::checks`.

use super::record::Loaded;
use super::steps::stored;
use crate::cases::eligibility::PersonFacts;
use crate::cases::CaseError;
use crate::db::audit::HistoryLine;
use crate::db::permits::{self as db, NewWorker, ProfileRow};
use crate::db::workforce::{employer_facts, HistoryOf, Window};
use crate::db::{reference, rulesets, Conn};
use crate::domain::article::*;
use crate::domain::permit::checks::{self, Check, Commitment, Qualification};
use crate::domain::permit::PermitKind;
use crate::domain::person::{self, CyrillicName, LatinName, PassportNumber, PersonKey};
use crate::domain::route::{self, EmployerType, Engagement, Facts, Position};
use crate::domain::ruleset::{NoPermitList, RuleSet, TermChoice, TermUnit};
use crate::domain::violation::Words;
use crate::domain::ProblemCode;
use crate::domain::{Category, CountryCode, EmployerId, RegionCode, Violation};
use chrono::NaiveDate;
use std::collections::BTreeMap;

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

/// What the checks are run on.
pub(super) struct Subject<'a> {
    pub(super) bin: &'a EmployerId,
    pub(super) category: Category,
    pub(super) year: i32,
    /// The first day of work: the route finder judges the workers on it.
    pub(super) start_date: NaiveDate,
    pub(super) end_date: NaiveDate,
    pub(super) term_choice: Option<&'a TermChoice>,
    pub(super) term_unit: TermUnit,
    pub(super) term_length: u32,
    /// Regions whose quota is checked: at filing every region named; at an approval the
    /// deciding region alone, whose akimat decides within its own allocation (Art. 9(5)).
    pub(super) pending: Vec<&'a RegionCode>,
    pub(super) workers: Vec<&'a NewWorker>,
    /// The countries of the workers' citizenship, when the case load read them (any other
    /// is read from the reference data).
    pub(super) countries: &'a [reference::Country],
    /// Each worker's route facts, in the order of `workers`.
    pub(super) routes: Vec<PersonFacts>,
    /// Permits whose workers are these same workers (itself, the permit it extends).
    pub(super) except: Vec<i64>,
    pub(super) labour_market: Option<(NaiveDate, Option<&'a str>, Option<NaiveDate>)>,
    pub(super) replacement_months: Option<u32>,
    /// Who engages the workers, judged on the start date (Art. 32(2)-(3)).
    pub(super) engager: &'a Engager,
    /// The employer's profile in force today, whose workforce the Kazakh share is judged on
    /// (Art. 33(6)); none filed: the share cannot be judged.
    pub(super) profile: Option<&'a ProfileRow>,
    /// The first region's quota facts when already read (an approval reads them with the
    /// rules and profiles, [`crate::db::standing`]): its units left, those of the first
    /// country's quota ([`first_country`]) and the year's fault.
    pub(super) quota_read: Option<(i64, Option<i64>, Option<String>)>,
    /// The permit whose stored history is read with the employer's facts (a decision
    /// answers with it), if any.
    pub(super) history_of: Option<HistoryOf>,
}

/// What the checks read that an approval needs again, so that it is not read twice in one
/// transaction: the fault a ledger check found in the year's figures (`None`: not read, no
/// region was checked; `Some(None)`: sound), the workers' countries that have a
/// country-of-origin quota in the year, and the permit's stored history when asked
/// ([`Subject::history_of`]).
#[derive(Debug, Clone, Default)]
pub(super) struct QuotaRead {
    pub(super) fault: Option<Option<String>>,
    pub(super) country_quotas: Vec<String>,
    pub(super) history: Vec<HistoryLine>,
}

/// The country whose quota the checks judge first: the first, in code order, of the
/// workers who need a permit (an approval reads its quota before the checks).
pub(super) fn first_country(l: &Loaded) -> Option<&str> {
    l.workers
        .iter()
        .filter(|w| w.needs_permit)
        .map(|w| w.citizenship.as_str())
        .min()
}

/// Runs every automatic check (Art. 33(2), (3), (6), (7), 2(3), 7(20)) under `rules`, and
/// returns them with what the quota checks read.
pub(super) fn run_checks(
    conn: &mut Conn,
    s: &Subject<'_>,
    rules: &RuleSet,
    today: NaiveDate,
) -> Result<(Vec<Check>, QuotaRead), CaseError> {
    let mut out = Vec::new();
    let mut read = QuotaRead::default();
    let permitted: Vec<&NewWorker> = s
        .workers
        .iter()
        .copied()
        .filter(|w| w.needs_permit)
        .collect();
    let units = i64::try_from(permitted.len()).unwrap_or(i64::MAX);
    let mut by_country: BTreeMap<&str, i64> = BTreeMap::new();
    for w in &permitted {
        *by_country.entry(w.citizenship.as_str()).or_default() += 1;
    }
    // The first region's allocation, the first country's quota and the year's soundness
    // in one statement; any further region or country in one of its own.
    let first_country = by_country.keys().next().copied();
    let mut first_country_left = None;
    let mut quota_read = s.quota_read.clone();
    for (i, region) in s.pending.iter().enumerate() {
        let left = if i == 0 {
            let (left, country, fault) = match quota_read.take() {
                Some(read) => read,
                None => db::quota_facts(conn, s.year, region, s.category, first_country)?,
            };
            first_country_left = Some(country);
            read.fault = Some(fault);
            left
        } else {
            db::regional_left(conn, s.year, region, s.category)?
        };
        out.push(checks::quota_available(
            region, s.year, s.category, left, units,
        ));
    }
    let countries = by_country.len();
    let mut treaty = None;
    for (i, (country, n)) in by_country.into_iter().enumerate() {
        let left = match first_country_left.take().filter(|_| i == 0) {
            Some(left) => left,
            None => db::country_left(conn, s.year, country)?,
        };
        if let Some(left) = left {
            read.country_quotas.push(country.to_owned());
            if let Ok(code) = country.parse::<CountryCode>() {
                out.push(checks::country_quota_available(&code, s.year, left, n));
                treaty.get_or_insert(code);
            }
        }
    }
    if treaty.is_some() {
        out.push(checks::country_quota_not_mixed(treaty.as_ref(), countries));
    }
    let window = Window {
        from: s.start_date,
        to: s.end_date,
        except: &s.except,
    };
    let persons: Vec<PersonKey> = permitted.iter().map(|w| person_key(w)).collect();
    let record = employer_facts(
        conn,
        s.bin.as_str(),
        window,
        &barring(rules),
        &persons,
        today,
        s.history_of,
    )?;
    let mut naming = record.naming.iter();
    out.push(crate::cases::ratio::kazakh_share(
        s.profile,
        &crate::cases::ratio::ShareCase {
            category: s.category,
            adding: u32::try_from(permitted.len()).unwrap_or(u32::MAX),
        },
        &record,
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
    let barred_until = record
        .last_barring_revocation
        .and_then(|d| checks::bar_until(d, rules.permit_grounds.unlawful_engagement_bar_months));
    out.push(checks::employer_not_barred(barred_until, today));
    out.push(checks::replacement_commitment(
        &rules.category_4_replacement,
        s.category,
        s.replacement_months,
    ));
    let unreported: Vec<Commitment> = record
        .unreported_replacements
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
        let country = match s.countries.iter().find(|c| c.code == w.citizenship) {
            Some(known) => known.clone(),
            None => citizen_of(conn, &w.citizenship)?,
        };
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
        let (live, pending) = first_others(naming.next().map_or(&[], Vec::as_slice), s.bin);
        out.push(checks::worker_free(name, live));
        out.push(checks::worker_not_pending(name, pending));
        out.push(checks::passport_valid(name, w.passport_expiry, s.end_date));
    }
    read.history = record.history;
    Ok((out, read))
}

/// Art. 33(3) as the service reads it: the first other permit case (not `except`) that
/// names the same person as `w` and is live — approved and not ended — and the first that
/// is an application still awaiting its decisions; each with whether it is `bin`'s own.
pub(super) fn others_naming(
    conn: &mut Conn,
    w: &NewWorker,
    bin: &EmployerId,
    except: &[i64],
    today: NaiveDate,
) -> Result<(Option<checks::OtherCase>, Option<checks::OtherCase>), CaseError> {
    let found = db::permits_naming_person(conn, &person_key(w), except, today)?;
    Ok(first_others(&found, bin))
}

/// The person a worker is (Art. 33(3)).
fn person_key(w: &NewWorker) -> PersonKey {
    PersonKey::of(
        &w.citizenship,
        &w.passport_number,
        &w.full_name_latin,
        w.birth_date,
    )
}

/// Of the cases `found` naming a person, oldest first: the first live one and the first
/// still awaiting its decisions, each with whether it is `bin`'s own.
fn first_others(
    found: &[db::NamingPermit],
    bin: &EmployerId,
) -> (Option<checks::OtherCase>, Option<checks::OtherCase>) {
    let case = |p: &db::NamingPermit| checks::OtherCase {
        permit: p.id,
        own: p.bin == bin.as_str(),
    };
    (
        found.iter().find(|p| p.approved).map(case),
        found.iter().find(|p| !p.approved).map(case),
    )
}

/// The first approval wins (Art. 33(3)): two approvals of cases naming one person, made at
/// once by two akimats, must not both find the other still pending. Before its checks an
/// approval writes (without changing them) the rows of every open case naming one of its
/// workers, in id order, and its own row in its turn by `own` (the approval's move of the
/// permit's state, which writes that row anyway): on PostgreSQL the second approval waits
/// for the first to commit and then reads it; SQLite's writers already take turns.
pub(super) fn serialize_on_persons(
    conn: &mut Conn,
    l: &Loaded,
    today: NaiveDate,
    own: impl FnOnce(&mut Conn) -> Result<(), CaseError>,
) -> Result<(), CaseError> {
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
    let mut own = Some(own);
    for id in ids {
        match own.take_if(|_| id == l.permit.id) {
            Some(write) => write(conn)?,
            None => {
                db::touch(conn, id)?;
            }
        }
    }
    Ok(())
}

/// Art. 33(2): the revocation grounds of the rule set that bar the employer.
fn barring(rules: &RuleSet) -> Vec<String> {
    rules
        .permit_grounds
        .revocation
        .iter()
        .filter(|x| x.bars_employer)
        .map(|x| x.code.clone())
        .collect()
}

/// Who engages the workers of a permit, for the route finder (Art. 32(2)-(3)), and the
/// Government's list of persons who need no permit in force on the start date.
#[derive(Debug, Clone)]
pub(super) struct Engager {
    employer: EmployerType,
    category: Category,
    on: NaiveDate,
    list: NoPermitList,
}

impl Engager {
    /// The employer's type from its profile in force on `on` (ordinary without one), and
    /// the list in force on `on`.
    pub(super) fn of(
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
    pub(super) fn new(
        profile: Option<&ProfileRow>,
        list: NoPermitList,
        category: Category,
        on: NaiveDate,
    ) -> Result<Engager, CaseError> {
        let employer = match profile {
            Some(p) => crate::cases::employers::employer_type(p)?,
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
    pub(super) fn listed(&self, facts: &PersonFacts) -> Result<Option<Words>, CaseError> {
        crate::cases::eligibility::listed(
            &self.list,
            facts.no_permit_list_category.as_deref(),
            self.on,
        )
    }

    /// Art. 32(2)(11): the worker's category as the list in force on the start date names
    /// it now; one it no longer names is none (the worker's route then changes).
    pub(super) fn listed_now(&self, facts: &PersonFacts) -> Option<Words> {
        let code = facts.no_permit_list_category.as_deref()?;
        self.list.category(code).map(|c| c.words())
    }

    /// Art. 2(3), 32(2)-(3), 33(1): the route of a worker of the permit, on the facts the
    /// application states of them (Art. 32(2)(9)-(11)) and their category `listed`.
    pub(super) fn route(
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
pub(super) fn list_on(conn: &mut Conn, on: NaiveDate) -> Result<NoPermitList, CaseError> {
    Ok(rulesets::in_force(conn, on)?
        .map(|r| r.rules.no_permit_list.clone())
        .unwrap_or_default())
}

pub(super) fn citizen_of(conn: &mut Conn, code: &str) -> Result<reference::Country, CaseError> {
    reference::country(conn, code)?.ok_or_else(|| {
        CaseError::from(Violation::service_rule(ProblemCode::UnknownCountry).text("country", code))
    })
}

/// The workers as filed: each needs a permit when the route finder says a permit within
/// the quota (an EAEU citizen or an exempt person does not, Art. 2(3), 32(2)).
pub(super) fn workers_of_input(
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
pub(super) fn workers_as_persons(
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
                Violation::new(ProblemCode::WorkerNamedTwice, ART_33_3)
                    .text("worker", &w.full_name_latin)
                    .at(&pointer),
            );
        }
        seen.push(key);
    }
    out
}

/// The subject of a permit already filed, for its checks when `deciding` approves: the
/// quota checked is that region's alone (Art. 9(5)), never another named region's, whose
/// akimat answers for its own allocation when it decides.
pub(super) fn recheck(
    conn: &mut Conn,
    l: &Loaded,
    deciding: &RegionCode,
    rules: &RuleSet,
    today: NaiveDate,
    (engager, profile): (&Engager, Option<&ProfileRow>),
    read: Reread,
) -> Result<(Vec<Check>, QuotaRead), CaseError> {
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
        countries: &l.countries,
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
        quota_read: read.quota,
        history_of: read.history_of,
    };
    run_checks(conn, &subject, rules, today)
}

/// What a decision's checks take as read already, and what they read besides.
#[derive(Debug, Clone, Default)]
pub(super) struct Reread {
    /// [`Subject::quota_read`].
    pub(super) quota: Option<(i64, Option<i64>, Option<String>)>,
    /// [`Subject::history_of`].
    pub(super) history_of: Option<HistoryOf>,
}
