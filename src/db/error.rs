//! Why a command's work in the database did not happen; its own file, so that every part of
//! `db` (the audit chain included) names it without importing `mod.rs`.

use crate::domain::{Message, Refusal, Violation};

/// Why a command's work in the database did not happen: the domain refused it (also when a
/// conditional write found the state moved on), or the database failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    /// A value could not be written as JSON (an audit snapshot, a stored document): the
    /// transaction fails rather than store less than it should.
    #[error("a value could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
}

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Error {
        Error::Refused(r)
    }
}

impl From<Violation> for Error {
    fn from(v: Violation) -> Error {
        Error::Refused(Refusal::from(v))
    }
}

impl Error {
    /// 404: `detail` says what does not exist.
    pub fn not_found(detail: Message) -> Error {
        Error::Refused(Refusal::NotFound(detail))
    }

    /// 409 `code`: the state does not allow the change.
    pub fn conflict(code: &'static str, detail: Message) -> Error {
        Error::Refused(Refusal::Conflict { code, detail })
    }

    /// Rules refused the change.
    pub fn rules(v: Vec<Violation>) -> Error {
        Error::Refused(Refusal::Rule(v))
    }

    /// A stored figure is missing or out of the range its rule takes, which the table's
    /// constraints forbid: a fault of the data (500, logged), never read as a zero.
    pub fn stored(what: &str) -> Error {
        Error::Db(diesel::result::Error::DeserializationError(
            format!("{what}: missing or out of range").into(),
        ))
    }
}
