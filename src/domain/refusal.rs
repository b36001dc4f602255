//! Why a command of the service did not happen, in the domain's words: a rule of the law
//! refused it, a value it was given names nothing, what it acts on does not exist, or the
//! state it acts on has moved on. The edge turns a refusal into a problem document (422,
//! 404, 409).

use super::violation::Message;
use super::Violation;

/// A command refused for a reason a client can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Rules refused it; each violation names its article (422).
    Rule(Vec<Violation>),
    /// Values the request gave name nothing that exists, e.g. a well-formed region code
    /// that is none of the regions (422): each with the request's path to it
    /// (`regions[1]`) and what is wrong with it.
    UnknownValues(Vec<(String, Message)>),
    /// What it names does not exist, or is not the caller's to see (404).
    NotFound(Message),
    /// The state it acts on does not allow it, or moved on concurrently (409); `code` is
    /// stable, e.g. `changed-concurrently`.
    Conflict { code: &'static str, detail: Message },
    /// The caller's `If-Match` names a version that is no longer current (412).
    Stale { current: i64 },
}

impl From<Violation> for Refusal {
    fn from(v: Violation) -> Refusal {
        Refusal::Rule(vec![v])
    }
}

impl From<Vec<Violation>> for Refusal {
    fn from(v: Vec<Violation>) -> Refusal {
        Refusal::Rule(v)
    }
}
