//! The HTTP API. This file only declares the modules and re-exports what the rest of the
//! crate names: the shared state (`state.rs`), the route table (`routes.rs`, which only the
//! OpenAPI document reads), the document itself (`openapi.rs`) and the answer to unrouted
//! requests (`fallback.rs`).

pub mod audit;
pub mod certificates;
pub mod complaints;
pub mod demands;
pub mod documents;
pub mod eligibility;
pub mod employers;
pub mod events;
pub mod extract;
pub mod fallback;
pub mod health;
pub mod ict;
pub mod idempotency;
pub mod lifecycle;
pub mod limit;
pub mod malformed;
pub mod openapi;
pub mod page;
pub mod permits;
pub mod quotas;
pub mod reference;
pub mod request_id;
pub mod routes;
pub mod rulesets;
pub mod scope;
pub mod state;
pub mod statistical_reports;
pub mod statistics;
pub mod webhooks;

pub use fallback::fallback;
pub use openapi::{app_parts, openapi, openapi_json};
pub use routes::carries_personal_data;
pub(crate) use scope::narrowed;
pub use state::AppState;
