//! Employers' quota demand (Art. 32(5)) and its life: filed by the employer, then reviewed
//! once by the akimat of its region under the Government's quota rules (Art. 6(2)).

use super::state::IllegalTransition;
use super::Violation;
use crate::domain::ProblemCode;

/// Where a demand stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemandState {
    /// Filed by the employer, awaiting the akimat's review.
    Filed,
    /// The akimat supports the whole number.
    Accepted,
    /// The akimat supports a smaller number.
    Reduced,
    /// The akimat supports none of it.
    Rejected,
}

impl DemandState {
    pub const ALL: [DemandState; 4] = [
        DemandState::Filed,
        DemandState::Accepted,
        DemandState::Reduced,
        DemandState::Rejected,
    ];

    /// The stored and wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            DemandState::Filed => "filed",
            DemandState::Accepted => "accepted",
            DemandState::Reduced => "reduced",
            DemandState::Rejected => "rejected",
        }
    }

    /// Parses the stored and wire form.
    pub fn parse(s: &str) -> Option<DemandState> {
        DemandState::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

impl TryFrom<String> for DemandState {
    type Error = UnknownState;
    fn try_from(s: String) -> Result<Self, UnknownState> {
        DemandState::parse(&s).ok_or(UnknownState(s))
    }
}

/// A stored state the service does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown state {0}")]
pub struct UnknownState(pub String);

/// An akimat's decision on an employer's quota demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DemandDecision {
    Accept,
    Reduce,
    Reject,
}

impl DemandDecision {
    pub const ALL: [DemandDecision; 3] = [
        DemandDecision::Accept,
        DemandDecision::Reduce,
        DemandDecision::Reject,
    ];

    fn name(self) -> &'static str {
        match self {
            DemandDecision::Accept => "accept",
            DemandDecision::Reduce => "reduce",
            DemandDecision::Reject => "reject",
        }
    }
}

/// Art. 32(5), 6(2): a demand is reviewed once, while it is filed; a reviewed demand never
/// changes again.
pub fn transition(
    state: DemandState,
    decision: DemandDecision,
) -> Result<DemandState, IllegalTransition> {
    match (state, decision) {
        (DemandState::Filed, DemandDecision::Accept) => Ok(DemandState::Accepted),
        (DemandState::Filed, DemandDecision::Reduce) => Ok(DemandState::Reduced),
        (DemandState::Filed, DemandDecision::Reject) => Ok(DemandState::Rejected),
        _ => Err(IllegalTransition {
            code: "already-reviewed",
            machine: "quota-demand",
            state: state.as_str(),
            event: decision.name(),
        }),
    }
}

/// The outcome of a review: the demand's new state and the number it supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemandOutcome {
    pub state: DemandState,
    pub accepted_number: i64,
}

/// Art. 32(5), 6(2): the akimat reviews its region's demand before proposing it to the
/// ministry. Accepting supports the whole number; reducing needs a smaller number and
/// rejecting supports none. That a reduction or rejection states a reason, and that a
/// reduction stays below what was asked, are the service's own rules (no article), so that
/// every decision explains itself.
pub fn review(
    state: DemandState,
    decision: DemandDecision,
    requested: i64,
    accepted_number: Option<i64>,
    reason: Option<&str>,
) -> Result<Result<DemandOutcome, Violation>, IllegalTransition> {
    let next = transition(state, decision)?;
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    Ok(match decision {
        DemandDecision::Accept => Ok(DemandOutcome {
            state: next,
            accepted_number: requested,
        }),
        DemandDecision::Reduce => {
            match accepted_number {
                Some(n) if (0..requested).contains(&n) && has_reason => Ok(DemandOutcome {
                    state: next,
                    accepted_number: n,
                }),
                _ => Err(Violation::service_rule(ProblemCode::ReductionInvalid)
                    .arg("requested", requested)),
            }
        }
        DemandDecision::Reject if has_reason => Ok(DemandOutcome {
            state: next,
            accepted_number: 0,
        }),
        DemandDecision::Reject => Err(Violation::service_rule(ProblemCode::ReasonRequired)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use DemandDecision::*;
    use DemandState::*;

    #[test]
    fn art_32_5_a_demand_is_reviewed_once_while_filed_every_state_and_decision() {
        for state in DemandState::ALL {
            for decision in DemandDecision::ALL {
                let expected = match (state, decision) {
                    (Filed, Accept) => Some(Accepted),
                    (Filed, Reduce) => Some(Reduced),
                    (Filed, Reject) => Some(Rejected),
                    _ => None,
                };
                assert_eq!(
                    transition(state, decision).ok(),
                    expected,
                    "{state:?} × {decision:?}"
                );
            }
        }
    }

    fn outcome(
        decision: DemandDecision,
        number: Option<i64>,
        reason: Option<&str>,
    ) -> Result<DemandOutcome, Violation> {
        review(Filed, decision, 10, number, reason).unwrap()
    }

    #[test]
    fn art_32_5_accepting_supports_the_whole_number() {
        assert_eq!(outcome(Accept, None, None).unwrap().accepted_number, 10);
    }

    #[test]
    fn a_reduction_needs_a_smaller_number_and_a_reason_a_service_rule() {
        assert_eq!(
            outcome(Reduce, Some(4), Some("fewer vacancies")).unwrap(),
            DemandOutcome {
                state: Reduced,
                accepted_number: 4
            }
        );
        let v = outcome(Reduce, Some(10), Some("x")).unwrap_err();
        assert_eq!(
            (v.code.as_str(), v.article.as_deref()),
            ("reduction-invalid", None)
        );
        assert!(outcome(Reduce, Some(4), Some("  ")).is_err());
    }

    #[test]
    fn a_rejection_needs_a_reason_a_service_rule() {
        let v = outcome(Reject, None, Some(" ")).unwrap_err();
        assert_eq!((v.code.as_str(), v.article), ("reason-required", None));
        assert_eq!(
            outcome(Reject, None, Some("no need"))
                .unwrap()
                .accepted_number,
            0
        );
    }

    #[test]
    fn a_reviewed_demand_is_not_reviewed_again() {
        assert!(review(Accepted, Reject, 10, None, Some("late")).is_err());
    }

    #[test]
    fn stored_states_round_trip() {
        for s in DemandState::ALL {
            assert_eq!(DemandState::parse(s.as_str()), Some(s));
        }
        assert_eq!(DemandState::parse("pending"), None);
    }
}
