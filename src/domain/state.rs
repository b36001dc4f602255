//! What the state machines of cases share: a move that is not allowed from a state.

use super::violation::Message;
use super::Refusal;

/// An event the state machine of a case does not allow in its current state: 409, and
/// nothing changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IllegalTransition {
    /// The stable code of the refusal, e.g. `already-reviewed`.
    pub code: &'static str,
    /// What the case is: `quota hold`, `quota demand`.
    pub machine: &'static str,
    /// The state it is in.
    pub state: &'static str,
    /// The event refused.
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
