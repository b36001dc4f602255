//! Operating the service (issue 24): the audit chain's head published in the log, the
//! metrics, structured logs and backups. Nothing here decides a case.

use crate::db::{self, audit};

pub mod backup;
pub mod logs;
pub mod metrics;
pub mod reads;
pub mod webhooks;

/// How often the head of the audit chain is written to the log, so that an outside party
/// collecting the log keeps a link the service cannot later deny; an operational setting.
pub const CHAIN_HEAD_LOG_EVERY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Writes the head of the chain and the verification's outcome to the log (`why`: "daily",
/// "on demand", …): one line an outside party can keep.
pub fn log_chain(v: &audit::Verification, why: &str) {
    let (seq, hash) = v
        .head
        .as_ref()
        .map_or((0, audit::GENESIS), |h| (h.seq, h.hash.as_str()));
    match &v.first_break {
        None => log::info!(
            "audit chain head ({why}): seq={seq} hash={hash}; {} events verified",
            v.checked
        ),
        Some(b) => log::error!(
            "audit chain head ({why}): seq={seq} hash={hash}; BROKEN at event {:?} \
             (seq {:?}, expected {}): {}",
            b.event_id,
            b.seq,
            b.expected_seq,
            b.problem.code()
        ),
    }
}

/// The scheduled job: every [`CHAIN_HEAD_LOG_EVERY`] (and once at start), verifies the
/// audit chain and logs its head.
pub async fn chain_head_job(pool: db::Pool) {
    let mut tick = actix_web::rt::time::interval(CHAIN_HEAD_LOG_EVERY);
    loop {
        tick.tick().await;
        let pool = pool.clone();
        let done = actix_web::web::block(move || -> Result<audit::Verification, String> {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            db::read_tx(&mut conn, audit::verify).map_err(|e| e.to_string())
        })
        .await;
        match done {
            Ok(Ok(v)) => log_chain(&v, "daily"),
            Ok(Err(e)) => log::warn!("the audit chain could not be verified: {e}"),
            Err(e) => log::warn!("the audit chain job could not run: {e}"),
        }
    }
}
