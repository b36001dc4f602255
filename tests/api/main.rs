//! API tests through real HTTP against a real database: SQLite by default, PostgreSQL when
//! `TEST_DATABASE_URL` is set. One test binary, a fresh database per test.

mod access;
mod architecture;
mod audit_chain;
mod backup;
mod bodies;
mod certificates;
mod complaints;
mod concurrency;
mod console;
mod demands;
mod demo;
mod departures;
mod documents;
mod eligibility;
mod errors;
mod exemptions;
mod extensions;
mod foundation;
mod grounds;
mod helpers;
mod http;
mod ict;
mod identity;
mod invariants;
mod metrics;
mod openapi;
mod permits;
mod quotas;
mod ratios;
mod reads;
mod regions;
mod rulesets;
mod statements;
mod statistics;
mod wording;
