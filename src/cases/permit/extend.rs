//! An extension of a permit, a case of its own (Art. 33(2), 7(20)).

use super::checks::{list_on, run_checks, Engager, Subject};
use super::record::{load, load_full, Access, Loaded};
use super::steps::{illegal, record, rules_on};
use crate::cases::CaseError;
use crate::db::audit::Actor;
use crate::db::permits::{self as db, NewPermit, NewWorker};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::dates::add_working_days;
use crate::domain::permit::checks;
use crate::domain::permit::{transition, PermitEvent, PermitKind};
use crate::domain::problem::{Limit, LimitUnit};
use crate::domain::ruleset::TermUnit;
use crate::domain::ProblemCode;
use crate::domain::{Message, Violation};
use chrono::{Datelike, Days, NaiveDate};

/// One open extension per permit (Art. 33(2), 7(20)): 409 `extension-exists`.
pub(super) fn extension_exists() -> CaseError {
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

pub(super) fn extend_loaded(
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
        return Err(Violation::new(ProblemCode::ExtensionNotAllowed, ART_7_20)
            .text("category", category)
            .into());
    };
    let done = db::chain_of(conn, parent.permit.id)?
        .iter()
        .filter(|p| p.kind == PermitKind::Extension)
        .count();
    if let Some(max) = terms.and_then(|t| t.max_extensions) {
        if u32::try_from(done).unwrap_or(u32::MAX) >= max {
            return Err(Violation::new(ProblemCode::ExtensionLimitReached, ART_7_20)
                .text("category", category)
                .arg("max", max)
                .limit(Limit::new(max, LimitUnit::Times))
                .into());
        }
    }
    let w = &rules.extension_window;
    let end = parent.permit.end_date;
    let opens = end - Days::new(u64::from(w.earliest_days_before_expiry));
    let closes = end - Days::new(u64::from(w.latest_days_before_expiry));
    if today < opens || today > closes {
        return Err(Violation::new(ProblemCode::ExtensionWindow, ART_7_20)
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
        countries: &parent.countries,
        routes: Vec::new(),
        except,
        labour_market: None,
        replacement_months: parent
            .detail
            .replacement_months
            .and_then(|m| u32::try_from(m).ok()),
        engager: &engager,
        profile: profile.as_ref(),
        quota_read: None,
        history_of: None,
    };
    let (found, _) = run_checks(conn, &subject, &rules, today)?;
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
