//! The connection every part of `db` takes: one binary, two databases. Its own file, so
//! that what `mod.rs`'s transactions and the audit chain both use is imported by neither
//! from the other.

use diesel::{PgConnection, SqliteConnection};

/// One binary, two databases: the variant is chosen from the URL.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

/// The connection a command's or a read's work runs on.
pub type Conn = AnyConnection;
