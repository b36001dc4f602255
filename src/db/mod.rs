//! The database: one connection type over PostgreSQL or SQLite, the pool, the embedded
//! migrations, and the named queries per resource.

pub mod audit;
pub mod case_notes;
pub mod certificates;
pub mod complaints;
pub mod console_sessions;
pub mod demands;
pub mod events;
pub mod ict;
pub mod idempotency;
pub mod lifecycle;
pub mod officials;
pub mod ops;
pub mod permits;
pub mod quota;
pub mod reference;
pub mod rulesets;
pub mod schema;
pub mod seed;
pub mod standing;
pub mod statistics;
pub mod worker_routes;
pub mod workforce;

mod connection;
mod error;

pub use connection::{AnyConnection, Conn};
pub use error::Error;

use crate::config::{DatabaseSettings, Secret, StatementCount};
use diesel::connection::{
    AnsiTransactionManager, Instrumentation, InstrumentationEvent, SimpleConnection,
    TransactionManager,
};
use diesel::r2d2::{ManageConnection, R2D2Connection};
use diesel::{Connection, PgConnection, QueryResult, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::time::Duration;

pub type Pool = diesel::r2d2::Pool<Manager>;

/// The PostgreSQL migrations, embedded in the binary.
pub const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
/// The SQLite migrations, embedded in the binary; the same versions as PostgreSQL's.
pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// How long an SQLite connection waits for another writer before giving up, in ms.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Opens connections of the variant the URL names and surfaces the real error, which
/// `MultiConnection::establish` would throw away.
#[derive(Debug)]
pub struct Manager {
    url: Secret,
    backend: Backend,
    /// Where the statements of its connections are counted, if anywhere.
    statements: Option<StatementCount>,
}

impl Manager {
    pub fn new(url: Secret) -> Manager {
        let backend = Backend::of_url(url.expose());
        Manager {
            url,
            backend,
            statements: None,
        }
    }

    /// Counts every statement its connections send from now on into `count`.
    pub fn counting(self, count: Option<StatementCount>) -> Manager {
        Manager {
            statements: count,
            ..self
        }
    }
}

/// Diesel's instrumentation that keeps each statement as it is sent.
struct Counting(StatementCount);

impl Instrumentation for Counting {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            self.0.add(query.to_string());
        }
    }
}

impl ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, Self::Error> {
        use diesel::r2d2::Error;
        match self.backend {
            Backend::Postgres => {
                let mut c =
                    PgConnection::establish(self.url.expose()).map_err(Error::ConnectionError)?;
                if let Some(count) = &self.statements {
                    c.set_instrumentation(Counting(count.clone()));
                }
                Ok(AnyConnection::Postgresql(c))
            }
            Backend::Sqlite => {
                let mut c = SqliteConnection::establish(self.url.expose())
                    .map_err(Error::ConnectionError)?;
                // busy_timeout first: the other pragmas may already need to wait for a lock.
                c.batch_execute(&format!(
                    "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                ))
                .map_err(Error::QueryError)?;
                if let Some(count) = &self.statements {
                    c.set_instrumentation(Counting(count.clone()));
                }
                Ok(AnyConnection::Sqlite(c))
            }
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), Self::Error> {
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    /// A connection goes back to the pool only when diesel finds its transaction state
    /// clean and no transaction on this thread lost it ([`lost`]): the pool does not test a
    /// connection on checkout, so this is where a dead one is thrown away.
    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        LOST.with(|l| l.replace(false)) || conn.is_broken()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("cannot create the SQLite directory: {0}")]
    Directory(#[from] std::io::Error),
    #[error("cannot connect to the database: {0}")]
    Connect(#[from] diesel::r2d2::PoolError),
    #[error("migrations failed: {0}")]
    Migrate(String),
    #[error("seeding failed: {0}")]
    Seed(String),
    #[error("the ledger check failed: {0}")]
    Check(#[from] diesel::result::Error),
}

/// Builds the pool; for SQLite creates the file's directory first.
pub fn pool(settings: &DatabaseSettings) -> Result<Pool, SetupError> {
    pool_observed(settings, None)
}

/// [`pool`], reporting checkouts and timeouts to `events` (the metrics).
pub fn pool_observed(
    settings: &DatabaseSettings,
    events: Option<Box<dyn diesel::r2d2::HandleEvent>>,
) -> Result<Pool, SetupError> {
    let manager = Manager::new(settings.url.clone()).counting(settings.statements.clone());
    if manager.backend == Backend::Postgres {
        init_tls();
    }
    if manager.backend == Backend::Sqlite {
        if let Some(dir) = std::path::Path::new(settings.url.expose()).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
    }
    let mut builder = diesel::r2d2::Pool::builder();
    if let Some(events) = events {
        builder = builder.event_handler(events);
    }
    // No `SELECT 1` before every checkout (one statement of every request): a connection
    // that died while idle fails its first `BEGIN` with a closed-connection error, which
    // marks it lost ([`transaction`]); one that dies mid-transaction fails its rollback,
    // which breaks diesel's transaction manager; either way `has_broken` discards it when
    // the request gives it back, and that request answers 503. A connection the server
    // closed costs one request, not one statement of every request.
    Ok(builder
        .test_on_check_out(false)
        .max_size(settings.pool_size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(settings.connect_timeout_seconds))
        .build(manager)?)
}

/// Initialises the bundled OpenSSL before libpq does. libpq's own initialisation frees
/// OpenSSL in an `atexit` handler while pooled connections may still use it: "double free
/// or corruption", or a segmentation fault, when a process with open connections exits
/// (diesel-rs/diesel#3441). Initialised first, with OPENSSL_INIT_NO_ATEXIT, the cleanup is
/// left to the OS. Call it before the process's first PostgreSQL connection: the pool does,
/// and so must anything that connects without one first (the tests' admin connection).
pub fn init_tls() {
    openssl_sys::init();
}

/// Runs the embedded migrations of the connection's backend, then starts the audit chain
/// with the events recorded before it existed (once: [`audit::genesis`]).
pub fn migrate(conn: &mut AnyConnection) -> Result<(), SetupError> {
    let result = match conn {
        AnyConnection::Postgresql(c) => c.run_pending_migrations(PG_MIGRATIONS).map(drop),
        AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(drop),
    };
    result.map_err(|e| SetupError::Migrate(e.to_string()))?;
    let chained = write_tx(conn, audit::genesis).map_err(SetupError::Check)?;
    if chained > 0 {
        log::info!("audit chain: {chained} events recorded before the chain was chained");
    }
    Ok(())
}

/// A read-write transaction. On SQLite it starts with `BEGIN IMMEDIATE`, so the write lock
/// is taken (waiting up to the busy timeout) before anything is read: a deferred transaction
/// that read first could not upgrade once another writer committed. The audit events it
/// recorded are sealed into the audit chain as its last statements ([`audit::seal`]).
pub fn write_tx<T, E>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    audit::forget_unsealed();
    let done = transaction(conn, "BEGIN IMMEDIATE", "BEGIN", |c| {
        let v = f(c)?;
        audit::seal(c)?;
        Ok(v)
    });
    audit::forget_unsealed();
    done
}

/// A read-only transaction on one snapshot, so that figures read by several queries agree
/// (REPEATABLE READ on PostgreSQL; an SQLite read transaction in WAL mode is one snapshot).
pub fn read_tx<T, E>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    transaction(
        conn,
        "BEGIN",
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        f,
    )
}

thread_local! {
    /// Whether a transaction on this thread found its connection closed where diesel's
    /// transaction manager does not notice (its `BEGIN` or `COMMIT` failed): the pool's
    /// `has_broken`, called on this thread when the connection is given back, discards it.
    static LOST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes that the connection in use on this thread is closed, when `e` says so.
fn lost(e: diesel::result::Error) -> diesel::result::Error {
    use diesel::result::{DatabaseErrorKind, Error};
    if matches!(
        e,
        Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _)
    ) {
        LOST.with(|l| l.set(true));
    }
    e
}

fn transaction<T, E>(
    conn: &mut AnyConnection,
    sqlite_begin: &str,
    pg_begin: &str,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        AnyConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, sqlite_begin),
        AnyConnection::Postgresql(c) => AnsiTransactionManager::begin_transaction_sql(c, pg_begin),
    }
    .map_err(lost)?;
    match f(conn) {
        Ok(v) => {
            AnyConnection::commit_transaction(conn).map_err(lost)?;
            Ok(v)
        }
        Err(e) => {
            // A connection that broke mid-transaction cannot roll back either; the first
            // error says what happened (e.g. the connection was lost: 503), the rollback's
            // would hide it. The pool discards the broken connection.
            if let Err(rollback) = AnyConnection::rollback_transaction(conn) {
                log::warn!("rollback failed after an error: {rollback}");
            }
            Err(e)
        }
    }
}

/// Whether the database answers a trivial query (readiness).
pub fn ping(conn: &mut AnyConnection) -> QueryResult<()> {
    conn.batch_execute("SELECT 1").map_err(lost)
}

/// Whether a diesel error is a unique-constraint violation.
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}
