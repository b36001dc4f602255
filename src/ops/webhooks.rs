//! The webhook delivery worker (issue 22), a scheduled job beside the server like the lapse
//! job: every round it sweeps for the events time brings and prunes the delivery log
//! (when a sweep is due), queues
//! the events committed since each subscription's cursor, and sends each delivery due,
//! signed per the Standard Webhooks specification. Every step's state is in the
//! database, so a delivery cut short by a crash is sent again after the restart (at least
//! once); the receiver de-duplicates by `webhook-id`. It calls public addresses only
//! ([`egress::may_call`]): an IP in the URL is checked before the try, a name by the
//! resolver at the try, so what a name resolves to later cannot reach a private address.
//!
//! Retry times are wall-clock (an operational matter, like the jobs' metrics); the dates
//! the sweep decides on are the injected clock's Kazakhstan dates.

use crate::cases::egress;
use crate::cases::events::{self, Outgoing};
use crate::clock::Time;
use crate::config::EventSettings;
use crate::db::{self, events::Attempt};
use actix_web::web;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::Utc;
use hmac::{Hmac, Mac};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use sha2::Sha256;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

/// Deliveries sent per round, at most.
const SEND_PER_ROUND: i64 = 50;
/// Events queued per subscription per round, at most.
const QUEUE_PER_ROUND: i64 = 500;

/// The `webhook-signature` of `body` sent as message `id` at `timestamp` (Unix seconds)
/// with `secret` (`whsec_` and base64): `v1,` and base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`
/// keyed with the secret's decoded bytes. `None` for a secret not in that form.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Some(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// What one try got: the receiver's status, or why there was none.
struct Outcome {
    status: Option<i32>,
    error: Option<String>,
    took: Duration,
}

/// The worker's resolver: the system's, keeping only the addresses a webhook may be sent
/// to ([`egress::may_call`]); a name left with none is not called. The connection goes to
/// an address this returned, so a name that resolves to a public address when checked and
/// to a private one when called (DNS rebinding) cannot slip through.
struct PublicOnly {
    allow_loopback: bool,
}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        let allow_loopback = self.allow_loopback;
        Box::pin(async move {
            let lookup = host.clone();
            let found: Vec<SocketAddr> =
                tokio::task::spawn_blocking(move || (lookup.as_str(), 0).to_socket_addrs())
                    .await??
                    .collect();
            let public: Vec<SocketAddr> = found
                .into_iter()
                .filter(|a| egress::may_call(a.ip(), allow_loopback))
                .collect();
            if public.is_empty() {
                return Err(not_public(&host).into());
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

/// Why a try was not made to `host`.
fn not_public(host: &str) -> String {
    format!("not sent: {host} has no public address (loopback, private, link-local and unique-local addresses are never called)")
}

/// The refusal of a URL whose host is an IP address the service may not call (the
/// resolver sees only names).
fn literal_not_public(url: &str, allow_loopback: bool) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    let ip = match parsed.host()? {
        url::Host::Ipv4(ip) => IpAddr::V4(ip),
        url::Host::Ipv6(ip) => IpAddr::V6(ip),
        url::Host::Domain(_) => return None,
    };
    (!egress::may_call(ip, allow_loopback)).then(|| not_public(&ip.to_string()))
}

async fn send(client: &reqwest::Client, out: &Outgoing, allow_loopback: bool) -> Outcome {
    let started = Instant::now();
    let failed = |error: String| Outcome {
        status: None,
        error: Some(error),
        took: started.elapsed(),
    };
    if let Some(why) = literal_not_public(&out.url, allow_loopback) {
        return failed(why);
    }
    let body = match serde_json::to_string(&out.event) {
        Ok(b) => b,
        Err(e) => return failed(e.to_string()),
    };
    let timestamp = Utc::now().timestamp();
    let Some(signature) = sign(&out.secret, &out.event.id, timestamp, &body) else {
        return failed("the subscription's secret is not a Standard Webhooks secret".into());
    };
    let sent = client
        .post(&out.url)
        .header("content-type", "application/json")
        .header("webhook-id", &out.event.id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await;
    match sent {
        Ok(res) => {
            let status = i32::from(res.status().as_u16());
            Outcome {
                status: Some(status),
                error: (!res.status().is_success()).then(|| format!("HTTP {status}")),
                took: started.elapsed(),
            }
        }
        Err(e) => failed(short(&error_chain(&e))),
    }
}

/// An error's text with its sources' (reqwest's own says only "error sending request").
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// An error's text, cut to what a log line holds.
fn short(s: &str) -> String {
    s.chars().take(300).collect()
}

/// Removes the deliveries finished more than `days` ago, with their tries.
async fn prune(pool: &db::Pool, days: u32) {
    let pool = pool.clone();
    let done = web::block(move || -> Result<usize, String> {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        let before = Utc::now().naive_utc() - chrono::Duration::days(i64::from(days));
        db::write_tx(&mut conn, |c| events::prune(c, before)).map_err(|e| e.to_string())
    })
    .await;
    match done {
        Ok(Ok(n)) if n > 0 => log::info!("events: {n} finished deliveries pruned"),
        Ok(Ok(_)) => {}
        Ok(Err(e)) => log::warn!("events: pruning failed: {e}"),
        Err(e) => log::warn!("events: pruning could not run: {e}"),
    }
}

/// One round: sweep (and prune) when due, queue new events, send what is due. Errors are logged; the
/// next round tries again.
async fn round(
    pool: &db::Pool,
    time: &Time,
    cfg: &EventSettings,
    client: &reqwest::Client,
    sweep: bool,
) {
    if sweep {
        let (p, time) = (pool.clone(), time.clone());
        let done = web::block(move || -> Result<usize, String> {
            let mut conn = p.get().map_err(|e| e.to_string())?;
            let actor = crate::cases::permits::system_actor(time.now().naive_utc());
            db::write_tx(&mut conn, |c| events::sweep(c, time.today(), &actor))
                .map_err(|e| e.to_string())
        })
        .await;
        match done {
            Ok(Ok(n)) if n > 0 => log::info!("events: the sweep recorded {n} events"),
            Ok(Ok(_)) => {}
            Ok(Err(e)) => log::warn!("events: the sweep failed: {e}"),
            Err(e) => log::warn!("events: the sweep could not run: {e}"),
        }
        prune(pool, cfg.delivery_retention_days).await;
    }
    let p = pool.clone();
    let due = web::block(move || -> Result<Vec<db::events::Delivery>, String> {
        let mut conn = p.get().map_err(|e| e.to_string())?;
        let now = Utc::now().naive_utc();
        if db::events::behind(&mut conn).map_err(|e| e.to_string())? {
            db::write_tx(&mut conn, |c| events::fan_out(c, now, QUEUE_PER_ROUND))
                .map_err(|e| e.to_string())?;
        }
        events::due(&mut conn, now, SEND_PER_ROUND).map_err(|e| e.to_string())
    })
    .await;
    let due = match due {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => return log::warn!("events: queueing failed: {e}"),
        Err(e) => return log::warn!("events: queueing could not run: {e}"),
    };
    // A try holds its delivery for twice the timeout; after that, another round (of this
    // process or, after a crash, the next one) may try it again.
    let lease =
        chrono::Duration::seconds(i64::try_from(cfg.timeout_seconds.max(1)).unwrap_or(60) * 2);
    for d in due {
        let p = pool.clone();
        let taken = {
            let d = d.clone();
            web::block(move || -> Result<Option<Outgoing>, String> {
                let mut conn = p.get().map_err(|e| e.to_string())?;
                let until = Utc::now().naive_utc() + lease;
                events::take(&mut conn, &d, until).map_err(|e| e.to_string())
            })
            .await
        };
        let out = match taken {
            Ok(Ok(Some(out))) => out,
            Ok(Ok(None)) => continue,
            Ok(Err(e)) => {
                log::warn!("events: delivery {} could not be taken: {e}", d.id);
                continue;
            }
            Err(e) => return log::warn!("events: delivery could not run: {e}"),
        };
        let at = Utc::now().naive_utc();
        let outcome = send(client, &out, cfg.allow_loopback).await;
        let (p, schedule) = (pool.clone(), cfg.retry_seconds.clone());
        let recorded = web::block(move || -> Result<(), String> {
            let mut conn = p.get().map_err(|e| e.to_string())?;
            let attempt = Attempt {
                at,
                status_code: outcome.status,
                error: outcome.error.as_deref(),
                duration_ms: i64::try_from(outcome.took.as_millis()).unwrap_or(i64::MAX),
            };
            db::write_tx(&mut conn, |c| events::record(c, &d, &attempt, &schedule))
                .map_err(|e| e.to_string())
        })
        .await;
        match recorded {
            Ok(Ok(())) => {}
            Ok(Err(e)) => log::warn!("events: a try could not be recorded: {e}"),
            Err(e) => log::warn!("events: a try could not be recorded: {e}"),
        }
    }
}

/// The worker: a round every `poll_millis`, a sweep every `sweep_seconds`.
pub async fn delivery_job(pool: db::Pool, time: Time, cfg: EventSettings) {
    // No redirect is followed and no proxy used: every connection goes to an address the
    // resolver checked.
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(cfg.timeout_seconds))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .dns_resolver(std::sync::Arc::new(PublicOnly {
            allow_loopback: cfg.allow_loopback,
        }))
        .build()
    {
        Ok(c) => c,
        Err(e) => return log::error!("events: no HTTP client, webhooks are not delivered: {e}"),
    };
    let mut tick = actix_web::rt::time::interval(Duration::from_millis(cfg.poll_millis.max(10)));
    let sweep_every = Duration::from_secs(cfg.sweep_seconds);
    let mut last_sweep: Option<Instant> = None;
    loop {
        tick.tick().await;
        let sweep = cfg.sweep_seconds > 0 && last_sweep.is_none_or(|t| t.elapsed() >= sweep_every);
        if sweep {
            last_sweep = Some(Instant::now());
        }
        round(&pool, &time, &cfg, &client, sweep).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification's reference libraries.
    #[test]
    fn the_signature_is_the_standard_webhooks_one() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            sign(secret, id, 1614265330, body).as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }
}
