//! Listings of ICT permits (Art. 35) and the regional register of ICT foreigners
//! (Art. 35(5)) with the notifications missing or late (Art. 35(3)) and the departures
//! overdue (Art. 28(2)(8)): the API's `GET /v1/ict-permits` and `/v1/ict-register`, and
//! the console's ICT page. The edge narrows a listing to the caller's own first.

use super::view::IctPermit;
use crate::cases::CaseError;
use crate::db::ict as db;
use crate::db::{rulesets, Conn};
use crate::domain::ict::{self, IctState};
use crate::domain::ruleset::IctRules;
use crate::domain::{EmployerId, RegionCode};
use chrono::NaiveDate;

/// ICT permits in `region` and of `bin` (each when given), oldest first, after `after_id`,
/// at most `limit`.
pub fn permits(
    conn: &mut Conn,
    region: Option<&RegionCode>,
    bin: Option<&EmployerId>,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<IctPermit>, CaseError> {
    db::list(conn, region, bin, after_id, limit)?
        .into_iter()
        .map(|r| super::view::of_row(conn, r))
        .collect()
}

/// How many ICT permits `region` has (every region's when `None`).
pub fn count(conn: &mut Conn, region: Option<&RegionCode>) -> Result<i64, CaseError> {
    Ok(db::count(conn, region)?)
}

/// What needs an official's attention in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attention {
    /// No arrival notification, and its deadline has passed (Art. 35(3)).
    MissingNotification,
    /// Notified after the deadline (Art. 35(3)).
    LateNotification,
    /// The permit ended and no departure is recorded (Art. 28(2)(8)).
    DepartureOverdue,
}

/// The state of a worker's arrival notification (Art. 35(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notification {
    /// Notified within ten calendar days after entry.
    OnTime,
    /// Notified later; accepted.
    Late,
    /// Not notified, and the deadline counted from the earliest possible entry has passed.
    Missing,
    /// Not notified yet, and not yet due.
    Pending,
}

/// One ICT foreigner of the register (Art. 35(5)).
#[derive(Debug, Clone)]
pub struct RegisterLine {
    pub worker_id: i64,
    pub full_name: String,
    pub passport_number: String,
    pub citizenship: String,
    /// `head`, `manager` or `specialist`.
    pub position: String,
    pub permit_id: i64,
    /// The deciding akimat's region.
    pub region: RegionCode,
    pub bin: EmployerId,
    pub sender_name: String,
    pub sender_country: String,
    pub permit_status: IctState,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub notification: Notification,
    pub arrival_id: Option<i64>,
    pub entry_date: Option<NaiveDate>,
    pub notified_on: Option<NaiveDate>,
    pub departed_on: Option<NaiveDate>,
    /// The permit ended and no departure is recorded (Art. 28(2)(8)).
    pub departure_overdue: bool,
}

impl RegisterLine {
    fn of(l: db::RegisterLine, rules: Option<&IctRules>, today: NaiveDate) -> RegisterLine {
        let p = l.permit;
        let issued_on = p.issued_on();
        let valid_until = p.valid_until();
        let notification = match (&l.arrival, rules, issued_on) {
            (Some(a), _, _) if a.late => Notification::Late,
            (Some(_), _, _) => Notification::OnTime,
            (None, Some(r), Some(issued))
                if ict::notice_missing(r, issued, p.contract_start, today) =>
            {
                Notification::Missing
            }
            (None, _, _) => Notification::Pending,
        };
        let departure_overdue =
            ict::departure_overdue(&p.stay(), l.worker.departed_on.is_some(), today);
        RegisterLine {
            worker_id: l.worker.id,
            full_name: l.worker.full_name,
            passport_number: l.worker.passport_number,
            citizenship: l.worker.citizenship,
            position: l.worker.position,
            permit_id: p.id,
            region: p.region,
            bin: p.bin,
            sender_name: p.sender_name,
            sender_country: p.sender_country,
            permit_status: p.status,
            issued_on,
            valid_until,
            notification,
            arrival_id: l.arrival.as_ref().map(|a| a.id),
            entry_date: l.arrival.as_ref().map(|a| a.entry_date),
            notified_on: l.arrival.as_ref().map(|a| a.notified_on),
            departed_on: l.worker.departed_on,
            departure_overdue,
        }
    }

    /// Whether the line needs `attention` (every line when none is asked).
    pub fn needs(&self, attention: Option<Attention>) -> bool {
        match attention {
            None => true,
            Some(Attention::MissingNotification) => self.notification == Notification::Missing,
            Some(Attention::LateNotification) => self.notification == Notification::Late,
            Some(Attention::DepartureOverdue) => self.departure_overdue,
        }
    }
}

/// What a register page asks for.
#[derive(Debug, Clone, Copy)]
pub struct RegisterPage<'a> {
    /// Only this region.
    pub region: Option<&'a RegionCode>,
    /// Only the lines needing this.
    pub attention: Option<Attention>,
    /// Continue after this worker id.
    pub after_worker: Option<i64>,
    /// At most this many lines.
    pub limit: i64,
}

/// A page of the register of ICT foreigners (Art. 35(5)) by worker on `today`: at most
/// `limit` lines, the last one's worker id to continue after.
pub fn register(
    conn: &mut Conn,
    page: RegisterPage<'_>,
    today: NaiveDate,
) -> Result<Vec<RegisterLine>, CaseError> {
    let rules = rulesets::in_force(conn, today)?.map(|s| s.rules.ict.clone());
    let mut items = Vec::new();
    let mut after = page.after_worker;
    loop {
        let batch = db::register(conn, page.region, after, page.limit)?;
        let full = i64::try_from(batch.len()).is_ok_and(|n| n == page.limit);
        for l in batch {
            let id = l.worker.id;
            after = Some(id);
            let line = RegisterLine::of(l, rules.as_ref(), today);
            if line.needs(page.attention) {
                items.push(line);
                if i64::try_from(items.len()).is_ok_and(|n| n == page.limit) {
                    return Ok(items);
                }
            }
        }
        if !full {
            return Ok(items);
        }
    }
}
