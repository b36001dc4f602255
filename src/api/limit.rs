//! A rate limit per client address, for what anyone may ask without signing in (the
//! public verification of a permit): `governor`'s keyed GCRA limiter, a burst of the
//! configured number of requests and then one every `60 / n` seconds.
//!
//! The address is the TCP peer's. `X-Forwarded-For` is not read: a client could write
//! any address there and so never be limited. Behind a reverse proxy every client
//! shares the proxy's address and budget, which the proxy must then limit itself.

use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;

/// Addresses remembered before the ones whose budget is whole again are forgotten.
const FORGET_ABOVE: usize = 10_000;

/// Requests per minute allowed to each client address.
pub struct ClientLimiter {
    limiter: RateLimiter<
        IpAddr,
        DefaultKeyedStateStore<IpAddr>,
        DefaultClock,
        StateInformationMiddleware,
    >,
    per_minute: NonZeroU32,
}

/// What a client address may still ask after a request was counted, sent as the IETF
/// `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Requests a client may make in a burst.
    pub limit: u32,
    /// Requests it may still make now.
    pub remaining: u32,
    /// Seconds until it may make a whole burst again.
    pub reset: u64,
}

impl Budget {
    /// The headers that tell a client its budget.
    pub fn headers(&self) -> [(&'static str, String); 3] {
        [
            ("ratelimit-limit", self.limit.to_string()),
            ("ratelimit-remaining", self.remaining.to_string()),
            ("ratelimit-reset", self.reset.to_string()),
        ]
    }
}

impl ClientLimiter {
    /// A limit of `per_minute` requests a minute per address (at least one).
    pub fn per_minute(per_minute: u32) -> ClientLimiter {
        let n = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        ClientLimiter {
            limiter: RateLimiter::keyed(Quota::per_minute(n))
                .with_middleware::<StateInformationMiddleware>(),
            per_minute: n,
        }
    }

    /// Counts one request of `client`: its budget left, or `Err` with it and the seconds to
    /// wait (at least 1) when it is over its limit.
    pub fn check(&self, client: IpAddr) -> Result<Budget, (Budget, u64)> {
        if self.limiter.len() > FORGET_ABOVE {
            self.limiter.retain_recent();
        }
        let limit = self.per_minute.get();
        // One request's budget comes back every `60 / limit` seconds.
        let refill = |spent: u32| (u64::from(spent) * 60).div_ceil(u64::from(limit));
        match self.limiter.check_key(&client) {
            Ok(snapshot) => {
                let remaining = snapshot.remaining_burst_capacity();
                Ok(Budget {
                    limit,
                    remaining,
                    reset: refill(limit.saturating_sub(remaining)),
                })
            }
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.limiter.clock().now());
                let wait = (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
                let budget = Budget {
                    limit,
                    remaining: 0,
                    reset: wait + refill(limit - 1),
                };
                Err((budget, wait))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_over_its_limit_waits_and_others_do_not() {
        let l = ClientLimiter::per_minute(2);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert_eq!(l.check(a).unwrap().remaining, 1);
        assert_eq!(l.check(a).unwrap().remaining, 0);
        let (budget, wait) = l.check(a).unwrap_err();
        assert!((1..=30).contains(&wait), "{wait}");
        assert_eq!((budget.limit, budget.remaining), (2, 0));
        assert!(budget.reset > wait, "{budget:?}");
        assert_eq!(l.check(b).unwrap().remaining, 1);
    }
}
