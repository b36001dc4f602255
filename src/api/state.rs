//! What every handler shares: the pool, the clock, the token verifier and the limits, with
//! the transactions handlers run their work in. The one file of `api` that names `db`:
//! the pool, the connection and the two kinds of transaction are its business.

use super::limit;
use super::request_id::RequestId;
use crate::auth::{Caller, Verifier};
use crate::clock::Time;
use crate::db::{self, audit::Actor, Pool};

/// The connection a handler's work runs on, inside the transactions below.
pub use crate::db::Conn;
use crate::error::ApiError;
use actix_web::{web, HttpMessage};

/// What every handler shares.
pub struct AppState {
    pub pool: Pool,
    pub time: Time,
    pub verifier: Verifier,
    pub max_body_bytes: usize,
    /// How long a JSON body may take to arrive once the headers have.
    pub body_timeout: std::time::Duration,
    /// Where the public reaches the service (`public.base_url`), for permits' QR codes.
    pub public_base_url: String,
    /// The per-address limit of public permit verifications (`public.verify_per_minute`).
    pub verify_limit: limit::ClientLimiter,
    /// SQLite's writers' queue (see [`AppState::write`]); none on PostgreSQL.
    pub write_gate: Option<std::sync::Arc<tokio::sync::Mutex<()>>>,
    /// This database's rule sets, parsed once per version.
    pub rule_sets: std::sync::Arc<db::rulesets::Parsed>,
    /// Whether webhook endpoints may be `http://` (`events.allow_http`: development, tests).
    pub webhooks_allow_http: bool,
    /// Whether webhook endpoints may be on a loopback address (`events.allow_loopback`:
    /// tests); every other non-public address is refused whatever the configuration.
    pub webhooks_allow_loopback: bool,
}

impl AppState {
    /// Runs diesel work on the blocking pool with a pooled connection.
    pub async fn db<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// Runs `f` in one read-write transaction: all of it, or nothing. On SQLite, which has
    /// one writer at a time, writers queue on the process's gate before taking a blocking
    /// thread or a connection: the next writer starts the moment the last commits, where
    /// SQLite's busy handler would poll with sleeps of up to 100 ms; waiting writers hold
    /// no connection that a read could use; and the gate is FIFO (tokio's `Mutex`), so a
    /// writer waits for those that came before it only (a `std` mutex lets a thread that
    /// just arrived overtake those asleep on it, which showed as a P1 p99 of 1.2 s).
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let turn = match &self.write_gate {
            Some(gate) => Some(gate.clone().lock_owned().await),
            None => None,
        };
        let pool = self.pool.clone();
        web::block(move || {
            let _turn = turn;
            let mut conn = pool.get()?;
            db::write_tx(&mut conn, f)
        })
        .await?
    }

    /// Runs `f` in one read-only transaction: every query sees the same snapshot.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        self.db(move |conn| db::read_tx(conn, f)).await
    }

    /// A case read as it stands today, settled first when it must be: `read` answers
    /// `None` for a case that must change before it is shown (a permit whose fee is overdue
    /// lapses, an extension whose parent ended ends, an ICT extension application that
    /// outlived its permit ends); then `settle` runs in one write transaction and the case
    /// is read again. A read stays a read: only a case found unsettled takes the write
    /// lock. The API and the console read permits and ICT permits through this one path.
    pub async fn read_settled<T, R, S>(&self, read: R, settle: S) -> Result<T, ApiError>
    where
        T: Send + 'static,
        R: Fn(&mut Conn) -> Result<Option<T>, ApiError> + Clone + Send + 'static,
        S: FnOnce(&mut Conn) -> Result<(), ApiError> + Send + 'static,
    {
        if let Some(found) = self.read(read.clone()).await? {
            return Ok(found);
        }
        self.write(settle).await?;
        self.read(read).await?.ok_or(ApiError::Internal)
    }

    /// 422 naming each field whose region code is none of the seeded regions (the set the
    /// token verifier holds: no query), as the case layer's check of a body does.
    pub(crate) fn known_regions<'a>(
        &self,
        named: impl IntoIterator<Item = (String, &'a crate::domain::RegionCode)>,
    ) -> Result<(), ApiError> {
        Ok(crate::cases::known_regions_by(named, |r| {
            Ok(self.verifier.knows(r))
        })?)
    }

    /// Counts one public verification by the request's client address (429 over its limit).
    /// The budget left is kept in the request, so that every answer to it, a refusal
    /// included, carries the `RateLimit-*` headers (added in `startup`).
    pub fn limit_verification(&self, req: &actix_web::HttpRequest) -> Result<(), ApiError> {
        let ip = req
            .peer_addr()
            .map_or(std::net::IpAddr::from([0, 0, 0, 0]), |p| p.ip());
        let (budget, refused) = match self.verify_limit.check(ip) {
            Ok(budget) => (budget, None),
            Err((budget, wait)) => (budget, Some(wait)),
        };
        req.extensions_mut().insert(budget);
        refused.map_or(Ok(()), |wait| Err(ApiError::TooManyRequests(wait)))
    }

    /// The audit actor of a request.
    pub fn actor(&self, caller: &Caller, request_id: &RequestId) -> Actor {
        Actor {
            sub: caller.sub.clone(),
            role: caller.role.as_str(),
            request_id: request_id.0.clone(),
            at: self.time.now().naive_utc(),
        }
    }
}
