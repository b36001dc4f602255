//! When a console session is open: the service's own rule (no article of the law), kept
//! here beside the law's so that it is one pure function with its tests.

use chrono::{Duration, NaiveDateTime};

/// A session is open at `now` (UTC) when it was last used less than `idle` ago and the
/// identity token it began with (`ends_at`, none before sign-in) has not expired: the
/// idle timeout (`console.idle_minutes`) and the token's own expiry each end it.
pub fn is_open(
    last_seen: NaiveDateTime,
    ends_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
    idle: Duration,
) -> bool {
    now < last_seen + idle && ends_at.is_none_or(|end| now < end)
}

/// A session may begin at `now` only with a token that has not expired (`expires`, UTC):
/// a token the verifier still accepts within its clock-skew leeway would begin a session
/// that is already over.
pub fn may_begin(expires: NaiveDateTime, now: NaiveDateTime) -> bool {
    now < expires
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    #[test]
    fn a_session_used_within_the_idle_time_and_before_its_token_expires_is_open() {
        let seen = at("2026-12-01T09:00:00");
        let idle = Duration::minutes(30);
        assert!(is_open(seen, None, at("2026-12-01T09:29:59"), idle));
        assert!(is_open(
            seen,
            Some(at("2026-12-01T10:00:00")),
            at("2026-12-01T09:10:00"),
            idle
        ));
    }

    #[test]
    fn a_session_idle_for_the_idle_time_is_over() {
        let seen = at("2026-12-01T09:00:00");
        assert!(!is_open(
            seen,
            None,
            at("2026-12-01T09:30:00"),
            Duration::minutes(30)
        ));
    }

    #[test]
    fn a_session_whose_token_expired_is_over_however_recently_used() {
        let now = at("2026-12-01T09:10:00");
        assert!(!is_open(now, Some(now), now, Duration::minutes(30)));
    }

    #[test]
    fn a_token_expired_within_the_leeway_begins_no_session() {
        let now = at("2026-12-01T09:10:00");
        assert!(!may_begin(at("2026-12-01T09:09:50"), now));
        assert!(!may_begin(now, now));
        assert!(may_begin(at("2026-12-01T09:10:01"), now));
    }
}
