//! The permit case as loaded: the permit with everything it names ([`Loaded`]), read
//! once per command, and the access check a command runs on it before revealing anything.

use crate::cases::eligibility::PersonFacts;
use crate::cases::CaseError;
use crate::db::permits::{self as db, DetailRow, PermitRow, RegionRow, TripRow, WorkerRow};
use crate::db::{reference, worker_routes, Conn};
use crate::domain::hold::{CaseKind, CaseRef};
use crate::domain::permit::checks::Check;
use crate::domain::permit::{PermitKind, PermitState};
use crate::domain::{EmployerId, Message, RegionCode};
use chrono::NaiveDate;

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
    /// The countries of its workers' citizenship, as the reference data has them.
    pub countries: Vec<reference::Country>,
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
    pub(crate) fn case_ref(&self) -> CaseRef {
        if let Some(complaint) = self.reopened_by {
            return CaseRef::new(CaseKind::Complaint, complaint);
        }
        let kind = match self.permit.kind {
            PermitKind::Extension => CaseKind::PermitExtension,
            PermitKind::Permit => CaseKind::Permit,
        };
        CaseRef::new(kind, self.permit.id)
    }

    pub(super) fn first_region(&self) -> Option<&str> {
        self.regions.first().map(|r| r.region.as_str())
    }
}

/// A missing permit answers as another's does (`api::permits::access`): nothing tells a
/// caller whether a permit it may not see exists.
pub(super) fn not_found(_id: i64) -> CaseError {
    CaseError::not_found(Message::new("not-found-case"))
}

pub(super) fn changed(id: i64) -> CaseError {
    CaseError::conflict(
        "changed-concurrently",
        Message::new("conflict-permit-changed").text("id", id),
    )
}

/// Loads everything a permit names: the permit with its details, its regions, its workers
/// with their route facts and the complaint that reopened it, in one statement
/// ([`db::case_of`]); and, once it has been issued, its trips, re-issues and replacement
/// report. A permit not yet issued has none of those ([`PermitState::before_issue`]), so
/// they are not asked for.
pub fn load_full(conn: &mut Conn, id: i64) -> Result<Loaded, CaseError> {
    let case = db::case_of(conn, id)?.ok_or_else(|| not_found(id))?;
    let (permit, detail) = (case.permit, case.detail);
    let (workers, routes): (Vec<WorkerRow>, Vec<Option<worker_routes::RouteRow>>) =
        case.workers.into_iter().unzip();
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
        regions: case.regions,
        workers,
        trips,
        replacement,
        reissues,
        reopened_by: case.reopened_by,
        countries: case.countries,
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
