//! The console's session store: sessions held by the server, in the service's own database
//! (`cases::sessions`). The browser's cookie carries only the session's id — 244 random
//! bits (two v4 UUIDs), hex — and the database knows only its SHA-256, so neither a stolen copy of the
//! table nor an old cookie after sign-out opens a session. Role, region and the rest of
//! the caller are read from the row on each request ([`super::frame::Ctx::caller`] checks
//! them again); the row ends with sign-out, after `console.idle_minutes` idle, and when the
//! identity token expires.

use super::frame::{new_token, CLAIMS};
use crate::api::AppState;
use crate::auth::Claims;
use crate::cases::sessions::{self, Found, Keeping};
use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieTtl;
use actix_web::web;
use chrono::{DateTime, NaiveDateTime};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

type State = HashMap<String, String>;

/// Sessions in the database, kept by the service's clock.
pub struct DbStore {
    state: web::Data<AppState>,
    idle: chrono::Duration,
}

impl DbStore {
    /// A store over `state`'s database whose sessions end after `idle_minutes` unused.
    pub fn new(state: web::Data<AppState>, idle_minutes: i64) -> DbStore {
        DbStore {
            state,
            idle: chrono::Duration::minutes(idle_minutes),
        }
    }

    fn keeping(&self) -> Keeping {
        Keeping {
            now: self.state.time.now().naive_utc(),
            idle: self.idle,
        }
    }
}

/// The SHA-256 of a session id, hex: what the database knows of it.
fn hash(id: &str) -> String {
    Sha256::digest(id.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// When the signed-in caller's token expires (UTC), if the session has one.
fn ends_at(state: &State) -> Option<NaiveDateTime> {
    let claims: Claims = serde_json::from_str(state.get(CLAIMS)?).ok()?;
    DateTime::from_timestamp(claims.exp, 0).map(|t| t.naive_utc())
}

fn failed(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::Error::msg(format!("console session store: {e}"))
}

impl SessionStore for DbStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<State>, LoadError> {
        let (id, k) = (hash(key.as_ref()), self.keeping());
        let looked = id.clone();
        let found = self
            .state
            .db(move |c| Ok(sessions::find(c, &looked, k)?))
            .await
            .map_err(|e| LoadError::Other(failed(e)))?;
        match found {
            Found::Missing => Ok(None),
            Found::Over => {
                self.state
                    .write(move |c| Ok(sessions::end(c, &id)?))
                    .await
                    .map_err(|e| LoadError::Other(failed(e)))?;
                Ok(None)
            }
            Found::Open { state, stale_mark } => {
                if stale_mark {
                    self.state
                        .write(move |c| Ok(sessions::mark(c, &id, k)?))
                        .await
                        .map_err(|e| LoadError::Other(failed(e)))?;
                }
                serde_json::from_str(&state)
                    .map(Some)
                    .map_err(|e| LoadError::Deserialization(failed(e)))
            }
        }
    }

    async fn save(&self, state: State, _: &CookieTtl) -> Result<SessionKey, SaveError> {
        let json =
            serde_json::to_string(&state).map_err(|e| SaveError::Serialization(failed(e)))?;
        let (id, end, k) = (new_token(), ends_at(&state), self.keeping());
        let stored = hash(&id);
        self.state
            .write(move |c| Ok(sessions::start(c, &stored, &json, end, k)?))
            .await
            .map_err(|e| SaveError::Other(failed(e)))?;
        SessionKey::try_from(id).map_err(|e| SaveError::Other(failed(e)))
    }

    async fn update(
        &self,
        key: SessionKey,
        mut state: State,
        ttl: &CookieTtl,
    ) -> Result<SessionKey, UpdateError> {
        let json =
            serde_json::to_string(&state).map_err(|e| UpdateError::Serialization(failed(e)))?;
        let (id, end, k) = (hash(key.as_ref()), ends_at(&state), self.keeping());
        let saved = self
            .state
            .write(move |c| Ok(sessions::save(c, &id, &json, end, k)?))
            .await
            .map_err(|e| UpdateError::Other(failed(e)))?;
        if saved {
            return Ok(key);
        }
        // Signed out (or over) while this request ran: its other state goes to a new
        // session, never the caller, so that sign-out is not undone.
        state.remove(CLAIMS);
        self.save(state, ttl).await.map_err(|e| match e {
            SaveError::Serialization(e) => UpdateError::Serialization(e),
            SaveError::Other(e) => UpdateError::Other(e),
        })
    }

    async fn update_ttl(&self, key: &SessionKey, _: &CookieTtl) -> Result<(), anyhow::Error> {
        let (id, k) = (hash(key.as_ref()), self.keeping());
        self.state
            .write(move |c| Ok(sessions::mark(c, &id, k)?))
            .await
            .map_err(failed)
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        let id = hash(key.as_ref());
        self.state
            .write(move |c| Ok(sessions::end(c, &id)?))
            .await
            .map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_id_is_64_hex_digits_and_never_repeats() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn the_database_knows_only_the_ids_sha_256() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
