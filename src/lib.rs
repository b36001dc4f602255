//! Foreign-labour permit and quota service: Articles 32-35 of Law 482-V "On Employment of
//! the Population". See README.md and DESIGN.md for the architecture.

pub mod api;
pub mod auth;
pub mod cases;
pub mod clock;
pub mod config;
pub mod console;
pub mod countries;
pub mod db;
pub mod demo;
pub mod document;
pub mod domain;
pub mod error;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod ops;
pub mod regions;
pub mod startup;
pub mod wire;
