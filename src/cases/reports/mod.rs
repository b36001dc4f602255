//! Report arithmetic below the edges: what the API (and the console) render, as plain
//! structs and catalogue messages.

pub mod calculation;
pub mod demand;
pub mod export;
pub mod statistics;
