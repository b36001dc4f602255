//! The officials' console at `/console/`: server-rendered pages (askama templates, plain
//! forms, no script) for akimat officials and ministry analysts, in Kazakh, Russian and
//! English from the API's own catalogue.
//!
//! Every page reads through the API's own read functions and every button calls the API's
//! own command functions (`api::permits::decide`, `api::permits::supervision`, …), so the
//! same `authorize` decides a page as decides the API call it shows: a page can show
//! nothing the API would not. The console holds no SQL (`tests/api/architecture.rs`).
//!
//! This file only declares and re-exports: the settings and cookie names live in
//! `state.rs`, the route table in `routes.rs`.

mod chart;
mod frame;
mod ministry;
mod official;
mod oidc;
mod routes;
mod session;
mod state;
mod store;

pub use frame::Ctx;
pub use routes::Mount;
pub use state::{Console, Oidc, LANG_COOKIE, SESSION_COOKIE};
