//! Listings of permit cases (Art. 33) and of the departures owed (Art. 28(2)(8)): the
//! read models of the API's `GET /v1/permits`, `/v1/permit-applications` and
//! `/v1/departures/overdue`, and of the console's work queue and overdue page. The edge
//! narrows a listing to the caller's own (`auth::visible`) before it asks.

use crate::cases::cursor;
use crate::cases::CaseError;
use crate::db::permits::{self as db, PermitRow};
use crate::db::Conn;
use crate::domain::ict::IctState;
use crate::domain::permit::{decision_overdue, PermitState};
use crate::domain::search::SearchKeys;
use crate::domain::{Category, EmployerId, RegionCode};
use chrono::NaiveDate;

/// What a permit listing asks for: the caller's narrowing and the filters asked.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Only permits naming this region.
    pub region: Option<RegionCode>,
    /// Only this employer's.
    pub bin: Option<EmployerId>,
    /// Only this stored state (never `expired`, which is derived when read).
    pub status: Option<PermitState>,
    /// Only this worker category.
    pub category: Option<Category>,
    /// Filed on or after.
    pub filed_from: Option<NaiveDate>,
    /// Filed on or before.
    pub filed_to: Option<NaiveDate>,
    /// Decision deadline on or before.
    pub due_by: Option<NaiveDate>,
    /// Only the cases this search term finds (the console's search box).
    pub search: Option<SearchKeys>,
    /// Continue after this id (the listing by id).
    pub after_id: Option<i64>,
    /// At most this many.
    pub limit: i64,
}

impl Listing {
    fn filter(&self) -> db::Filter {
        db::Filter {
            region: self.region.clone(),
            bin: self.bin.clone(),
            statuses: self.status.map(|s| vec![s.as_str()]),
            category: self.category,
            filed_from: self.filed_from,
            filed_to: self.filed_to,
            due_by: self.due_by,
            pending_in_region: false,
            after_id: self.after_id,
            after_due: None,
            reopened: None,
            search: self.search.clone(),
            limit: self.limit,
        }
    }
}

/// A permit case in a listing, as of `today`.
#[derive(Debug, Clone)]
pub struct Summary {
    pub id: i64,
    /// `permit` or `extension`.
    pub kind: String,
    pub bin: EmployerId,
    pub category: Category,
    /// The state as of today (`expired` derived).
    pub status: PermitState,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub quota_year: i32,
    pub decision_due: NaiveDate,
    /// Undecided past its deadline (Art. 33(2)).
    pub decision_overdue: bool,
    /// Date filed (Kazakhstan time).
    pub filed_on: NaiveDate,
    pub version: i64,
}

impl Summary {
    fn of(p: PermitRow, today: NaiveDate) -> Summary {
        Summary {
            id: p.id,
            kind: p.kind.as_str().to_owned(),
            bin: p.bin,
            category: p.category,
            status: p.status.at(p.end_date, today),
            start_date: p.start_date,
            end_date: p.end_date,
            quota_year: p.quota_year,
            decision_overdue: decision_overdue(p.status, p.decision_due, today),
            decision_due: p.decision_due,
            filed_on: p.filed_on,
            version: p.version,
        }
    }
}

/// Permits and applications, oldest first.
pub fn permits(conn: &mut Conn, l: &Listing, today: NaiveDate) -> Result<Vec<Summary>, CaseError> {
    let rows = db::list(conn, &l.filter(), false)?;
    Ok(rows.into_iter().map(|p| Summary::of(p, today)).collect())
}

/// Applications awaiting a decision, by decision deadline, overdue first, continuing after
/// the (deadline, id) `after`: with a region, only those whose decision in that region is
/// still pending (an akimat's work queue). APPK Art. 91(3)-(4): the cases a satisfied
/// complaint reopened come first, on the first page (their own deadline order), then the
/// others; the page holds at most `limit` in all.
pub fn applications(
    conn: &mut Conn,
    l: &Listing,
    after: Option<(NaiveDate, i64)>,
    today: NaiveDate,
) -> Result<Vec<Summary>, CaseError> {
    let mut f = l.filter();
    f.statuses = Some(vec![PermitState::Applied.as_str()]);
    f.pending_in_region = f.region.is_some();
    let mut rows = match after {
        None => db::list(
            conn,
            &db::Filter {
                reopened: Some(true),
                ..f.clone()
            },
            true,
        )?,
        Some(_) => Vec::new(),
    };
    f.after_due = after;
    f.reopened = Some(false);
    f.limit = f
        .limit
        .saturating_sub(i64::try_from(rows.len()).unwrap_or(i64::MAX));
    if f.limit > 0 {
        rows.extend(db::list(conn, &f, true)?);
    }
    Ok(rows.into_iter().map(|p| Summary::of(p, today)).collect())
}

/// One page of an official's queue, by decision deadline, and how many cases it holds in all.
#[derive(Debug, Clone)]
pub struct QueuePage {
    pub items: Vec<Summary>,
    /// Cases on every page of this queue.
    pub total: i64,
    /// The cursor of the next page ([`due_cursor`]), when this one is full.
    pub next_cursor: Option<String>,
}

/// The console's work queue (issue 21, item 2): without a status or a search term, the
/// applications awaiting the region's decision (as [`applications`]); with a status, the
/// cases in that state; with a search term, the cases it finds in any state. By decision
/// deadline, then id (the awaiting queue's reopened cases first, on its first page),
/// continuing after the (deadline, id) `after`, within the listing's scope and filters;
/// with the number of cases on every page.
pub fn queue(
    conn: &mut Conn,
    l: &Listing,
    after: Option<(NaiveDate, i64)>,
    today: NaiveDate,
) -> Result<QueuePage, CaseError> {
    let mut f = l.filter();
    let awaiting = f.statuses.is_none() && f.search.is_none();
    if awaiting {
        f.statuses = Some(vec![PermitState::Applied.as_str()]);
        f.pending_in_region = f.region.is_some();
    }
    let total = db::count(conn, &f)?;
    // APPK Art. 91(3)-(4): the applications a satisfied complaint reopened lead the first
    // page of the awaiting queue, beyond its `limit`, and are not paged again after it.
    let mut items = Vec::new();
    if awaiting {
        if after.is_none() {
            let reopened = db::Filter {
                reopened: Some(true),
                ..f.clone()
            };
            items = db::list(conn, &reopened, true)?;
        }
        f.reopened = Some(false);
    }
    f.after_due = after;
    let rows = db::list(conn, &f, true)?;
    let full = i64::try_from(rows.len()).is_ok_and(|n| n == l.limit);
    let next_cursor = rows
        .last()
        .filter(|_| full)
        .map(|p| due_cursor(p.decision_due, p.id));
    items.extend(rows);
    Ok(QueuePage {
        items: items.into_iter().map(|p| Summary::of(p, today)).collect(),
        total,
        next_cursor,
    })
}

/// Bits of a deadline cursor's position that hold the case id: ids below 2^44 (17.6
/// trillion cases); the day number takes the bits above.
const DUE_ID_BITS: u32 = 44;

/// The opaque cursor continuing a deadline-ordered listing after (`due`, `id`): the lists'
/// one form (`cases::cursor`), whose position holds the deadline's day number (days from
/// 1970-01-01) above the id's [`DUE_ID_BITS`].
pub fn due_cursor(due: NaiveDate, id: i64) -> String {
    let days = (due - NaiveDate::default())
        .num_days()
        .clamp(0, (1 << 18) - 1);
    cursor::encode((days << DUE_ID_BITS) | id.clamp(0, (1 << DUE_ID_BITS) - 1))
}

/// The (deadline, id) a [`due_cursor`] continues after; every cursor of the contract's
/// pattern is one, `None` for a value outside it.
pub fn read_due_cursor(value: &str) -> Option<(NaiveDate, i64)> {
    let position = cursor::decode(value)?;
    let days = chrono::Days::new(u64::try_from(position >> DUE_ID_BITS).ok()?);
    let due = NaiveDate::default().checked_add_days(days)?;
    Some((due, position & ((1 << DUE_ID_BITS) - 1)))
}

/// Which kind of permit a departure is owed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermitKind {
    /// A permit to attract foreign labour (Art. 33).
    Permit,
    /// An intra-corporate transfer permit (Art. 35).
    IctPermit,
}

impl PermitKind {
    /// `permit` or `ict_permit`.
    pub fn as_str(self) -> &'static str {
        match self {
            PermitKind::Permit => "permit",
            PermitKind::IctPermit => "ict_permit",
        }
    }
}

/// A worker whose departure is owed and not recorded (Art. 28(2)(8)).
#[derive(Debug, Clone)]
pub struct OverdueDeparture {
    pub permit_kind: PermitKind,
    pub permit_id: i64,
    pub worker_id: i64,
    pub bin: EmployerId,
    pub full_name_latin: String,
    pub citizenship: String,
    pub passport_number: String,
    /// The permit's state today, as stored for its kind.
    pub permit_status: &'static str,
    /// The day the permit ended, or the worker was replaced on it.
    pub ended_on: NaiveDate,
}

/// Workers of permits issued and ended after their term began, workers replaced on a
/// permit once its term began, and workers of ended ICT permits, whose departure is not
/// recorded (Art. 28(2)(8)), in `region` or everywhere, by the day it became owed.
pub fn overdue_departures(
    conn: &mut Conn,
    region: Option<&RegionCode>,
    today: NaiveDate,
) -> Result<Vec<OverdueDeparture>, CaseError> {
    let rows = db::departures_owed(conn, region, today)?;
    let ict_rows = crate::db::ict::departures_owed(conn, region, today)?;
    let mut items: Vec<OverdueDeparture> = rows
        .into_iter()
        .map(|(w, p, replaced_on)| OverdueDeparture {
            permit_kind: PermitKind::Permit,
            permit_id: p.id,
            worker_id: w.id,
            bin: p.bin,
            full_name_latin: w.full_name_latin,
            citizenship: w.citizenship,
            passport_number: w.passport_number,
            permit_status: p.status.at(p.end_date, today).as_str(),
            ended_on: replaced_on
                .or(p.ended_on)
                .unwrap_or_else(|| p.end_date.succ_opt().unwrap_or(p.end_date)),
        })
        .collect();
    items.extend(ict_rows.into_iter().map(|(w, p)| {
        let until = p.valid_until().unwrap_or(today);
        OverdueDeparture {
            permit_kind: PermitKind::IctPermit,
            permit_id: p.id,
            worker_id: w.id,
            bin: p.bin,
            full_name_latin: w.full_name,
            citizenship: w.citizenship,
            passport_number: w.passport_number,
            permit_status: p.status.as_str(),
            ended_on: p
                .decision
                .as_ref()
                .and_then(|d| d.measure_on)
                .filter(|_| p.status == IctState::Revoked)
                .unwrap_or_else(|| until.succ_opt().unwrap_or(until)),
        }
    }));
    items.sort_by_key(|d| d.ended_on);
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_cursor_round_trips_and_every_cursor_of_the_pattern_is_a_position() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        assert_eq!(read_due_cursor(&due_cursor(due, 41)), Some((due, 41)));
        assert!(read_due_cursor("c2n9c").is_some());
        assert!(read_due_cursor("czzzzzzzzzzzz").is_some());
        assert_eq!(read_due_cursor("bm9wZQ"), None);
    }
}
