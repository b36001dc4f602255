//! A worker's business trip (Art. 33(3)): at most 90 days a calendar year.

use super::record::{changed, load, load_full, Access, Loaded};
use super::steps::{advance, illegal, record, rules_on};
use crate::cases::CaseError;
use crate::db::audit::Actor;
use crate::db::permits::{self as db, Move, TripRow};
use crate::db::Conn;
use crate::domain::article::*;
use crate::domain::dates::DateRange;
use crate::domain::permit::trips::{self, TripRequest};
use crate::domain::permit::{transition, PermitEvent};
use crate::domain::ProblemCode;
use crate::domain::{Message, RegionCode, Violation};
use chrono::NaiveDate;

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

pub(super) fn trip_loaded(
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
            CaseError::not_found(Message::new("not-found-worker").text("id", cmd.worker_id))
        })?;
    crate::cases::known_regions(conn, [("host_region".to_owned(), &cmd.host_region)])?;
    let rules = rules_on(conn, today)?;
    // A trip that ends before it starts is no trip at all (the service's own rule), not
    // one outside the permit's validity.
    let days = DateRange::new(cmd.from, cmd.to).map_err(|_| {
        CaseError::from(
            Violation::service_rule(ProblemCode::TripEndsBeforeStart)
                .text("from", cmd.from)
                .text("to", cmd.to)
                .at("/end_date"),
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
