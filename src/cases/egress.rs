//! Where the service may send a request on an employer's word (issue 22, webhooks): only
//! to public Internet addresses, never to the service's own host or network (loopback,
//! private, link-local — the cloud metadata address 169.254.169.254 among them — shared,
//! unique-local or reserved ranges). A service rule, not a rule of the law: its refusals
//! carry no article.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Whether a webhook may be delivered to `ip`: a public unicast address, or a loopback one
/// when `allow_loopback` (the `[events]` configuration's, for tests; off by default). An
/// IPv6 address that carries an IPv4 one (mapped, compatible, NAT64) is judged by it.
pub fn may_call(ip: IpAddr, allow_loopback: bool) -> bool {
    if allow_loopback && ip.is_loopback() {
        return true;
    }
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => match embedded_v4(v6) {
            Some(v4) => (allow_loopback && v4.is_loopback()) || public_v4(v4),
            None => public_v6(v6),
        },
    }
}

/// An IPv4 address that is none of the special-purpose ranges of RFC 6890 a request could
/// reach the service's own host or network through.
fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0 // "this network", 0.0.0.0/8
        || ip.is_loopback() // 127.0.0.0/8
        || ip.is_private() // 10/8, 172.16/12, 192.168/16
        || ip.is_link_local() // 169.254/16: the cloud metadata address
        || (a == 100 && (64..128).contains(&b)) // shared address space, 100.64/10
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments, 192.0.0/24
        || (a == 198 && (b == 18 || b == 19)) // benchmarking, 198.18/15
        || ip.is_documentation()
        || ip.is_multicast()
        || a >= 240) // reserved 240/4 and broadcast
}

/// An IPv6 address outside loopback, unspecified, unique-local (fc00::/7), link-local
/// (fe80::/10), site-local (fec0::/10), multicast and documentation (2001:db8::/32).
fn public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_unique_local()
        || ip.is_unicast_link_local()
        || (s[0] & 0xffc0) == 0xfec0
        || ip.is_multicast()
        || (s[0] == 0x2001 && s[1] == 0x0db8))
}

/// The IPv4 address an IPv6 one carries: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible
/// (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(v4);
    }
    let s = ip.segments();
    let o = ip.octets();
    let low = || Ipv4Addr::new(o[12], o[13], o[14], o[15]);
    if s[..6] == [0; 6] && !ip.is_loopback() && !ip.is_unspecified() {
        return Some(low());
    }
    (s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0; 4]).then(low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn public_addresses_may_be_called() {
        for a in [
            "8.8.8.8",
            "195.210.46.1",
            "2a00:1450:4001:80b::200e",
            "::ffff:8.8.8.8",
        ] {
            assert!(may_call(ip(a), false), "{a}");
        }
    }

    #[test]
    fn loopback_private_link_local_metadata_and_unique_local_addresses_may_not() {
        for a in [
            "127.0.0.1",
            "127.1.2.3",
            "0.0.0.0",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "192.0.0.170",
            "198.18.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fc00::1",
            "fd00:ec2::254",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::10.0.0.1",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(!may_call(ip(a), false), "{a}");
        }
    }

    #[test]
    fn loopback_only_by_explicit_configuration_and_nothing_else_with_it() {
        assert!(may_call(ip("127.0.0.1"), true));
        assert!(may_call(ip("::1"), true));
        assert!(may_call(ip("::ffff:127.0.0.1"), true));
        assert!(!may_call(ip("10.0.0.1"), true));
        assert!(!may_call(ip("169.254.169.254"), true));
        assert!(!may_call(ip("fd00::1"), true));
    }
}
