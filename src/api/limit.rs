//! A rate limit per client address, for what anyone may ask without signing in (the
//! public verification of a permit): `governor`'s keyed GCRA limiter, a burst of the
//! configured number of requests and then one every `60 / n` seconds.
//!
//! The address is the TCP peer's. `X-Forwarded-For` is not read: a client could write
//! any address there and so never be limited. Behind a reverse proxy every client
//! shares the proxy's address and budget, which the proxy must then limit itself.

use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;

/// Addresses remembered before the ones whose budget is whole again are forgotten.
const FORGET_ABOVE: usize = 10_000;

/// Requests per minute allowed to each client address.
pub struct ClientLimiter {
    limiter: RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock>,
}

impl ClientLimiter {
    /// A limit of `per_minute` requests a minute per address (at least one).
    pub fn per_minute(per_minute: u32) -> ClientLimiter {
        let n = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        ClientLimiter {
            limiter: RateLimiter::keyed(Quota::per_minute(n)),
        }
    }

    /// Counts one request of `client`: `Err(seconds)` to wait (at least 1) when it is over
    /// its limit.
    pub fn check(&self, client: IpAddr) -> Result<(), u64> {
        if self.limiter.len() > FORGET_ABOVE {
            self.limiter.retain_recent();
        }
        match self.limiter.check_key(&client) {
            Ok(_) => Ok(()),
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.limiter.clock().now());
                Err((wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1))
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
        assert_eq!(l.check(a), Ok(()));
        assert_eq!(l.check(a), Ok(()));
        let wait = l.check(a).unwrap_err();
        assert!((1..=30).contains(&wait), "{wait}");
        assert_eq!(l.check(b), Ok(()));
    }
}
