//! Events of an employer's (and a region's) stream (issue 22): what employers' systems are
//! told happened to their cases. An event is never stored twice: it is an audit event whose
//! action maps to an [`EventType`] ([`EventType::of_action`]), or one the daily sweep records
//! when time passes ([`expiring`], [`fee_due_today`], [`arrival_notice_due`]).

use crate::domain::ict;
use crate::domain::permit::PermitState;
use crate::domain::ruleset::IctRules;
use chrono::{Days, NaiveDate};

/// The kind of case an event concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseKind {
    Permit,
    IctPermit,
    Certificate,
    Complaint,
}

impl CaseKind {
    /// The wire form, as the case's path names it.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Permit => "permit",
            CaseKind::IctPermit => "ict_permit",
            CaseKind::Certificate => "self_employment_certificate",
            CaseKind::Complaint => "complaint",
        }
    }

    /// The kind of an audit event's `entity_type`.
    pub fn of_entity(entity_type: &str) -> Option<CaseKind> {
        match entity_type {
            "permit" => Some(CaseKind::Permit),
            "ict_permit" => Some(CaseKind::IctPermit),
            "self_employment_certificate" => Some(CaseKind::Certificate),
            "complaint" => Some(CaseKind::Complaint),
            _ => None,
        }
    }
}

macro_rules! event_types {
    ($($variant:ident = $wire:literal, $entity:literal $(, $action:literal)?;)*) => {
        /// The closed set of event types.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum EventType {
            $($variant,)*
        }

        impl EventType {
            pub const ALL: &'static [EventType] = &[$(EventType::$variant,)*];

            /// The wire form, e.g. `permit.approved`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(EventType::$variant => $wire,)*
                }
            }

            /// The audit `entity_type` of the cases the event concerns.
            pub fn entity_type(self) -> &'static str {
                match self {
                    $(EventType::$variant => $entity,)*
                }
            }

            /// The audit action the event is (a swept event's action is its own).
            pub fn action(self) -> &'static str {
                match self {
                    $(EventType::$variant => event_types!(@action $entity, $wire $(, $action)?),)*
                }
            }
        }
    };
    (@action $entity:literal, $wire:literal, $action:literal) => { $action };
    (@action $entity:literal, $wire:literal) => { $wire };
}

event_types! {
    PermitApproved = "permit.approved", "permit", "permit.approved";
    PermitRefused = "permit.refused", "permit", "permit.refused";
    PermitIssued = "permit.issued", "permit", "permit.fee_paid";
    PermitFeeDue = "permit.fee-due", "permit", "permit.fee_due";
    PermitLapsed = "permit.lapsed", "permit", "permit.lapsed";
    PermitSuspended = "permit.suspended", "permit", "permit.suspended";
    PermitResumed = "permit.resumed", "permit", "permit.resumed";
    PermitRevoked = "permit.revoked", "permit", "permit.revoked";
    PermitExpiring = "permit.expiring", "permit", "permit.expiring";
    PermitDepartureOverdue = "permit.departure-overdue", "permit", "permit.departure_overdue";
    IctPermitIssued = "ict-permit.issued", "ict_permit", "ict_permit.issued";
    IctPermitRefused = "ict-permit.refused", "ict_permit", "ict_permit.refused";
    IctPermitExtended = "ict-permit.extended", "ict_permit", "ict_permit.extended";
    IctPermitSuspended = "ict-permit.suspended", "ict_permit", "ict_permit.suspended";
    IctPermitResumed = "ict-permit.resumed", "ict_permit", "ict_permit.resumed";
    IctPermitRevoked = "ict-permit.revoked", "ict_permit", "ict_permit.revoked";
    IctPermitExpiring = "ict-permit.expiring", "ict_permit", "ict_permit.expiring";
    IctPermitDepartureOverdue = "ict-permit.departure-overdue", "ict_permit", "ict_permit.departure_overdue";
    IctPermitArrivalNoticeDue = "ict-permit.arrival-notice-due", "ict_permit", "ict_permit.arrival_notice_due";
    CertificateIssued = "certificate.issued", "self_employment_certificate", "self_employment_certificate.issued";
    CertificateRefused = "certificate.refused", "self_employment_certificate", "self_employment_certificate.refused";
    CertificateExtended = "certificate.extended", "self_employment_certificate", "self_employment_certificate.extended";
    ComplaintSatisfied = "complaint.satisfied", "complaint", "complaint.satisfied";
    ComplaintPartlySatisfied = "complaint.partly-satisfied", "complaint", "complaint.partly_satisfied";
    ComplaintRefused = "complaint.refused", "complaint", "complaint.refused";
}

impl EventType {
    /// Parses the wire form.
    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.iter().copied().find(|t| t.as_str() == s)
    }

    /// The audit actions that may be events, for a query to read only those.
    pub fn actions() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = EventType::ALL.iter().map(|t| t.action()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The event an audit event is, given its action and, for a permit, the state it left
    /// the permit in: one region's approval of a permit naming several is no event yet, the
    /// last one's is `permit.approved` (Art. 33(2): every named region decides); a payment
    /// is `permit.issued` only when it was the last region's (Art. 33(4)).
    pub fn of_action(action: &str, permit_after: Option<PermitState>) -> Option<EventType> {
        let t = EventType::ALL
            .iter()
            .copied()
            .find(|t| t.action() == action)?;
        match t {
            EventType::PermitApproved => {
                (permit_after == Some(PermitState::AwaitingPayment)).then_some(t)
            }
            EventType::PermitIssued => (permit_after == Some(PermitState::Active)).then_some(t),
            _ => Some(t),
        }
    }
}

/// Art. 33(2), 35(1): a permit ending on `end` is about to expire on `today` from the day
/// its extension window opens (the rule set's `earliest_days_before_expiry`) until its last
/// day; the event is keyed on the day the window opened, so it is recorded once.
pub fn expiring(end: NaiveDate, window_days: u32, today: NaiveDate) -> Option<NaiveDate> {
    let opens = end
        .checked_sub_days(Days::new(u64::from(window_days)))
        .unwrap_or(NaiveDate::MIN);
    (opens <= today && today <= end).then_some(opens)
}

/// Art. 33(4): a fee still unpaid on its last day (`due`) is due today: unpaid, the permit
/// lapses the day after.
pub fn fee_due_today(due: NaiveDate, today: NaiveDate) -> bool {
    due == today
}

/// Art. 35(3): the arrival notice of an ICT permit's workers not yet notified is due on the
/// last day counted from the earliest day they could enter (the later of the day of issue
/// and the contract's start, as the register counts a notice missing the day after): that
/// day when it is `today`, else `None`.
pub fn arrival_notice_due(
    rules: &IctRules,
    issued_on: NaiveDate,
    contract_start: NaiveDate,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let due = ict::arrival_deadline(rules, issued_on.max(contract_start));
    (due == today).then_some(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_type_has_one_wire_form_that_parses_back() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(*t));
        }
        assert_eq!(EventType::parse("permit.applied"), None);
    }

    #[test]
    fn art_33_2_one_regions_approval_of_several_is_no_event_the_last_ones_is() {
        let of = EventType::of_action;
        assert_eq!(of("permit.approved", Some(PermitState::Applied)), None);
        assert_eq!(
            of("permit.approved", Some(PermitState::AwaitingPayment)),
            Some(EventType::PermitApproved)
        );
        assert_eq!(
            of("permit.fee_paid", Some(PermitState::AwaitingPayment)),
            None
        );
        assert_eq!(
            of("permit.fee_paid", Some(PermitState::Active)),
            Some(EventType::PermitIssued)
        );
        assert_eq!(of("permit.trip_reported", None), None);
        assert_eq!(
            of("complaint.partly_satisfied", None),
            Some(EventType::ComplaintPartlySatisfied)
        );
    }

    #[test]
    fn art_33_2_a_permit_is_expiring_from_the_day_its_extension_window_opens() {
        let end = d("2027-01-14");
        assert_eq!(expiring(end, 60, d("2026-11-14")), None);
        assert_eq!(expiring(end, 60, d("2026-11-15")), Some(d("2026-11-15")));
        assert_eq!(expiring(end, 60, d("2027-01-14")), Some(d("2026-11-15")));
        assert_eq!(expiring(end, 60, d("2027-01-15")), None);
    }

    #[test]
    fn art_35_3_the_arrival_notice_is_due_on_the_last_day_counted_from_the_earliest_entry() {
        let mut rules = crate::domain::ruleset::tests::seeded().ict;
        rules.arrival_notice_days = 10;
        let (issued, start) = (d("2026-12-20"), d("2027-01-01"));
        assert_eq!(
            arrival_notice_due(&rules, issued, start, d("2027-01-10")),
            None
        );
        assert_eq!(
            arrival_notice_due(&rules, issued, start, d("2027-01-11")),
            Some(d("2027-01-11"))
        );
        assert_eq!(
            arrival_notice_due(&rules, issued, start, d("2027-01-12")),
            None
        );
        // Issued after the contract began: counted from the day of issue.
        assert_eq!(
            arrival_notice_due(&rules, d("2027-02-01"), start, d("2027-02-11")),
            Some(d("2027-02-11"))
        );
    }

    #[test]
    fn art_33_4_the_fee_is_due_on_its_last_day() {
        assert!(fee_due_today(d("2026-12-10"), d("2026-12-10")));
        assert!(!fee_due_today(d("2026-12-10"), d("2026-12-09")));
    }
}
