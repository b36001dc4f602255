//! Backups (issue 24). SQLite: `VACUUM INTO`, which copies the database as one read
//! transaction sees it — a consistent snapshot taken while the service keeps serving (WAL
//! readers do not block writers), with no torn page. PostgreSQL: `pg_dump` in its custom
//! format (also one snapshot), restored by `scripts/restore-postgres.sh`. Then
//! [`check`]: what the service's start-up checks, and a consistency report.

use crate::config::Settings;
use crate::db::{self, audit, Backend};
use std::path::Path;

/// Why a backup or a check could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists already: a backup never overwrites a file")]
    Exists(String),
    #[error("the path is not valid UTF-8")]
    Path,
    #[error(transparent)]
    Setup(#[from] db::SetupError),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error("pg_dump: {0}")]
    PgDump(String),
    #[error(transparent)]
    Startup(#[from] crate::startup::StartupError),
}

/// Copies the database named by the settings to `to` (a new file) while the service runs:
/// SQLite by `VACUUM INTO`, PostgreSQL by `pg_dump --format=custom` (on the `PATH`).
pub fn backup(settings: &Settings, to: &Path) -> Result<(), BackupError> {
    if to.exists() {
        return Err(BackupError::Exists(to.display().to_string()));
    }
    let url = settings.database.url.expose();
    match Backend::of_url(url) {
        Backend::Sqlite => {
            let pool = db::pool(&settings.database)?;
            let mut conn = pool.get().map_err(db::SetupError::from)?;
            backup_sqlite(&mut conn, to)
        }
        Backend::Postgres => {
            let out = std::process::Command::new("pg_dump")
                .arg("--format=custom")
                .arg("--no-owner")
                .arg("--file")
                .arg(to)
                .arg("--dbname")
                .arg(url)
                .output()
                .map_err(|e| BackupError::PgDump(e.to_string()))?;
            if out.status.success() {
                Ok(())
            } else {
                Err(BackupError::PgDump(
                    String::from_utf8_lossy(&out.stderr).trim().to_owned(),
                ))
            }
        }
    }
}

/// `VACUUM INTO 'to'` on an SQLite connection: a consistent copy of the database as of
/// the statement's read transaction, taken while other connections keep writing.
pub fn backup_sqlite(conn: &mut db::Conn, to: &Path) -> Result<(), BackupError> {
    use diesel::RunQueryDsl;
    let to = to.to_str().ok_or(BackupError::Path)?;
    diesel::sql_query("VACUUM INTO ?")
        .bind::<diesel::sql_types::Text, _>(to)
        .execute(conn)?;
    Ok(())
}

/// What `permits check` found in a database (e.g. one just restored).
#[derive(Debug, serde::Serialize)]
pub struct Report {
    /// Regional rows whose stored figures are not the sums of their ledger lines.
    pub ledger_mismatches: Vec<db::quota::LedgerMismatch>,
    /// National categories the regions do not add up to: (year, category, total,
    /// distributed, regions' sum).
    pub distribution_mismatches: Vec<db::ops::DistributionRow>,
    /// Whether the audit chain verifies, and where it breaks.
    pub audit_chain_intact: bool,
    /// The chain's head: (events, hash).
    pub audit_chain_head: Option<(i64, String)>,
    /// The first break, described.
    pub audit_chain_break: Option<String>,
    /// Rows per table.
    pub rows: Vec<(&'static str, i64)>,
}

impl Report {
    /// Whether nothing is wrong.
    pub fn sound(&self) -> bool {
        self.ledger_mismatches.is_empty()
            && self.distribution_mismatches.is_empty()
            && self.audit_chain_intact
    }
}

/// Starts the service's state on the database (migrations, the start-up ledger check, as
/// `serve` would) and reports its consistency: the ledger, the national distribution, the
/// audit chain and the rows per table.
pub fn check(settings: &Settings) -> Result<Report, BackupError> {
    let state = crate::startup::state(settings, std::sync::Arc::new(crate::clock::SystemClock))?;
    let mut conn = state.pool.get().map_err(db::SetupError::from)?;
    let report = db::read_tx(&mut conn, |c| -> diesel::QueryResult<Report> {
        let chain = audit::verify(c)?;
        Ok(Report {
            ledger_mismatches: db::quota::mismatches(c, None)?,
            distribution_mismatches: db::ops::distribution_mismatches(c)?,
            audit_chain_intact: chain.first_break.is_none(),
            audit_chain_head: chain.head.as_ref().map(|h| (h.seq, h.hash.clone())),
            audit_chain_break: chain.first_break.as_ref().map(|b| {
                format!(
                    "{} at event {:?} (seq {:?}, expected {})",
                    b.problem.code(),
                    b.event_id,
                    b.seq,
                    b.expected_seq
                )
            }),
            rows: db::ops::table_counts(c)?,
        })
    })?;
    Ok(report)
}

/// Verifies the audit chain of the database named by the settings, without migrating or
/// writing anything.
pub fn verify_chain(settings: &Settings) -> Result<audit::Verification, BackupError> {
    let pool = db::pool(&settings.database)?;
    let mut conn = pool.get().map_err(db::SetupError::from)?;
    Ok(db::read_tx(&mut conn, audit::verify)?)
}
