//! The officials' console at `/console/`: server-rendered pages (askama templates, plain
//! forms, no script) for akimat officials and ministry analysts, in Kazakh, Russian and
//! English from the API's own catalogue.
//!
//! Every page reads through the read models of `cases` and every button calls the same
//! `cases` command the API calls (`cases::permits::decide`, …), authorized by the same
//! `auth` functions, so a page can show nothing the API would not. The console holds no
//! SQL and calls no API handler: of `api` it takes only the shared state and two request
//! extractors (`tests/api/architecture.rs`).
//!
//! This file only declares and re-exports: the settings and cookie names live in
//! `state.rs`, the route table in `routes.rs`.

mod certificates;
mod chart;
mod complaints;
mod frame;
mod ict;
mod ministry;
mod naming;
mod official;
mod oidc;
mod region;
mod routes;
mod session;
mod state;
mod store;
mod words;

pub use frame::Ctx;
pub use routes::Mount;
pub use state::{Console, Oidc, LANG_COOKIE, SESSION_COOKIE};
