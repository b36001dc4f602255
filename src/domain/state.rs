//! What the state machines of cases share: a move that is not allowed from a state.

use super::violation::Message;
use super::Refusal;

/// An event the state machine of a case does not allow in its current state: 409, and
/// nothing changes. The machine, state and event are identifiers, never shown as they are:
/// the catalogue's `conflict-illegal-transition` selects the reader's words for each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IllegalTransition {
    /// The stable code of the refusal, e.g. `already-reviewed`.
    pub code: &'static str,
    /// What the case is: `permit`, `quota-hold`, `quota-demand`, `ict-permit`,
    /// `certificate` (`permit-region` for one region's part of a permit).
    pub machine: &'static str,
    /// The state it is in, as stored (`active`, `awaiting_payment`).
    pub state: &'static str,
    /// The event refused (`resume`, `apply-extension`).
    pub event: &'static str,
}

impl From<IllegalTransition> for Refusal {
    fn from(t: IllegalTransition) -> Refusal {
        Refusal::Conflict {
            code: t.code,
            detail: Message::new("conflict-illegal-transition")
                .text("machine", t.machine)
                .text("state", t.state)
                .text("event", t.event),
        }
    }
}
