//! What the service says to people, kept apart from the language it is said in: a
//! [`Message`] is a catalogue key with named arguments, and a [`Violation`] is a message a
//! rule of the law raises, with the article it rests on. The catalogue (`locales/`, kk, ru,
//! en) turns them into text at the edge, in the caller's language; codes and articles
//! never change with the language.

use super::article::{cite_all, Article};
use super::problem::{Limit, ProblemCode};
use super::Money;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One named argument of a message: text, or a whole number (which the catalogue may use
/// to choose a plural form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Number(i64),
    Text(String),
    /// Words the data gives in each language (a category of a rule set's list), shown in
    /// the reader's.
    Words(Words),
    /// An amount in tenge, shown as the reader's language writes money (`873 650,00` in
    /// Kazakh and Russian, `873,650.00` in English); stored as `{"tenge": "873650.00"}`.
    Money {
        /// The amount, in tenge with its tiyn.
        tenge: Money,
    },
}

/// A name from data in the three languages the service speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Text(t) => f.write_str(t),
            Arg::Words(w) => f.write_str(&w.en),
            Arg::Money { tenge } => write!(f, "{tenge}"),
        }
    }
}

impl From<Words> for Arg {
    fn from(w: Words) -> Arg {
        Arg::Words(w)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::from(n))
            }
        }
    )*};
}
number_arg!(i64, i32, u32, u16);

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        i64::try_from(n).map_or_else(|_| Arg::Text(n.to_string()), Arg::Number)
    }
}

impl From<Money> for Arg {
    fn from(tenge: Money) -> Arg {
        Arg::Money { tenge }
    }
}

impl From<String> for Arg {
    fn from(t: String) -> Arg {
        Arg::Text(t)
    }
}

impl From<&str> for Arg {
    fn from(t: &str) -> Arg {
        Arg::Text(t.to_owned())
    }
}

/// A message of the catalogue: its key (`locales/*/main.ftl`) and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The catalogue key, e.g. `not-found-quota-year`.
    pub key: String,
    /// Named arguments, in the order they were given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

impl Message {
    /// A message with no arguments yet.
    pub fn new(key: &str) -> Message {
        Message {
            key: key.to_owned(),
            args: Vec::new(),
        }
    }

    /// Adds the named argument `name`.
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Message {
        self.args.push((name.to_owned(), value.into()));
        self
    }

    /// Adds the named argument `name`, shown as text (codes, dates, money, regions).
    #[must_use]
    pub fn text(self, name: &str, value: impl fmt::Display) -> Message {
        self.arg(name, Arg::Text(value.to_string()))
    }
}

/// A rule check that refused (or warned about) a request: a stable code (also the key of
/// its message), the article it rests on, and the figures it used. The same explanation is
/// stored with a decision and rendered in the reader's language when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// Stable, machine-readable code of the rule, e.g. `quota-exhausted`: a
    /// [`ProblemCode`] as sent, kept as text so that a finding stored under an earlier
    /// code still reads.
    pub code: String,
    /// The article of Law 482-V (or the ministry's act) the rule rests on, e.g.
    /// `Art. 33(2)`; `None` for a rule of the service itself rather than of the law.
    pub article: Option<String>,
    /// The figures the message shows, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
    /// The field of the request the rule refuses, as a JSON pointer (RFC 6901, e.g.
    /// `/workers/0/birth_date`), for a rule about one field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The figures a client acts on, as typed members (boxed: most violations have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Box<Members>>,
}

/// Typed figures of a refusal beside its message (RFC 9457 §3.2 extension members).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Members {
    /// The fee due, in tenge, of a payment refused as too small (Art. 33(4)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_due: Option<Money>,
    /// The quota units left, of a request refused for want of quota (Art. 33(2), 32(4)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_left: Option<i64>,
    /// The limit the request would exceed, with its unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
}

impl Violation {
    /// A violation of the rule `code`, resting on `article`.
    pub fn new(code: ProblemCode, article: Article) -> Self {
        Self::citing(code, article.cite().to_owned())
    }

    /// A violation of the rule `code`, resting on several provisions together, cited as
    /// `Art. 33(2), 9(5)`.
    pub fn resting_on(code: ProblemCode, articles: &[Article]) -> Self {
        Self::citing(code, cite_all(articles))
    }

    /// A violation of the rule `code` whose citation was composed at run time from typed
    /// articles, e.g. the articles of the route the route finder chose.
    pub fn citing(code: ProblemCode, citation: String) -> Self {
        Self {
            article: Some(citation),
            ..Self::service_rule(code)
        }
    }

    /// A violation of a rule the service sets itself (no article of the law).
    pub fn service_rule(code: ProblemCode) -> Self {
        Self {
            code: code.as_str().to_owned(),
            article: None,
            args: Vec::new(),
            field: None,
            members: None,
        }
    }

    /// States the fee due, in tenge (a typed member beside the message's figures).
    #[must_use]
    pub fn fee_due(mut self, due: Money) -> Self {
        self.members.get_or_insert_with(Box::default).fee_due = Some(due);
        self
    }

    /// States the quota units left (never below 0).
    #[must_use]
    pub fn quota_left(mut self, left: i64) -> Self {
        self.members.get_or_insert_with(Box::default).quota_left = Some(left.max(0));
        self
    }

    /// States the limit the request would exceed.
    #[must_use]
    pub fn limit(mut self, limit: Limit) -> Self {
        self.members.get_or_insert_with(Box::default).limit = Some(limit);
        self
    }

    /// Adds the named argument `name`.
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Self {
        self.args.push((name.to_owned(), value.into()));
        self
    }

    /// Adds the named argument `name`, shown as text.
    #[must_use]
    pub fn text(self, name: &str, value: impl fmt::Display) -> Self {
        self.arg(name, Arg::Text(value.to_string()))
    }

    /// The violation of the field at `pointer` (a JSON pointer), which its message names
    /// as the argument `field`.
    #[must_use]
    pub fn at(mut self, pointer: &str) -> Self {
        self.field = Some(pointer.to_owned());
        self.text("field", pointer)
    }

    /// This finding as an employer may read it: another employer's case (a finding whose
    /// `holder` is `other`) is not named by its id, which only officials read (Art. 33(3)
    /// as the service reads it: no employer learns of another's case).
    pub fn for_employer(&self) -> Violation {
        let mut v = self.clone();
        if matches!(self.get("holder"), Some(Arg::Text(t)) if t == "other") {
            for (name, value) in &mut v.args {
                if name == "permit" {
                    *value = Arg::Text("hidden".to_owned());
                }
            }
        }
        v
    }

    /// The figure named `name`, if the rule gave one.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The message to render: the code is the catalogue key.
    pub fn message(&self) -> Message {
        Message {
            key: self.code.clone(),
            args: self.args.clone(),
        }
    }
}
