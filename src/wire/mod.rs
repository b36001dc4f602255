//! The published contract's types, apart from the handlers that serve them (as crates.io
//! keeps its `views.rs` apart from its `controllers/`): one file per area of `src/api/`
//! holding that area's request bodies, query and path parameters and response views (with
//! the `From` that maps a `cases` read model to its view, and the parsing of a body into a
//! `cases` command), and the passes that finish the OpenAPI document (`schemas/`,
//! `examples.rs`, `refusals.rs`, `contract.rs`, `bounds.rs`, `docs.rs`). Nothing here runs
//! a request or touches the database: `wire` names neither `api`, `console` nor `db`.

pub mod audit;
pub mod bounds;
pub mod certificates;
pub mod complaints;
pub mod contract;
pub mod demands;
pub mod docs;
pub mod documents;
pub mod eligibility;
pub mod employers;
pub mod events;
pub mod examples;
pub mod fields;
pub mod health;
pub mod ict;
pub mod permits;
pub mod person;
pub mod quotas;
pub mod refusals;
pub mod rulesets;
pub mod schemas;
pub mod statistical_reports;
pub mod statistics;
pub mod webhooks;
