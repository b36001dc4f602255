//! Pure rules and types of the foreign-labour regime: no actix, no diesel, no I/O, no clock.
//! Every rule cites the article of Law 482-V "On Employment of the Population" it rests on;
//! every number the ministry sets comes from a [`ruleset::RuleSet`].

pub mod article;
pub mod calculation;
pub mod category;
pub mod certificate;
pub mod complaint;
pub mod dates;
pub mod demand;
pub mod event;
pub mod fees;
pub mod ground_scope;
pub mod hold;
pub mod ict;
pub mod ids;
pub mod ledger;
pub mod money;
pub mod percent;
pub mod permit;
pub mod person;
pub mod problem;
pub mod quota;
pub mod reason;
pub mod refusal;
pub mod route;
pub mod ruleset;
pub mod search;
pub mod session;
pub mod state;
pub mod statistics;
pub mod statute;
pub mod verification;
pub mod violation;

pub use article::Article;
pub use category::Category;
pub use ids::{Bin, CountryCode, EmployerId, EmployerKind, Iin, RegionCode, SectorCode};
pub use money::Money;
pub use problem::ProblemCode;
pub use reason::{Condition, Reason};
pub use refusal::Refusal;
pub use violation::{Message, Violation};
