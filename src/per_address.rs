//! Caps per client address, so that one address cannot take every live stream or
//! every connection an instance can hold. The trusted proxies (by default this
//! machine's own addresses: a proxy in front, the operator's tools) are never capped:
//! behind a proxy, the client's address comes from the proxy's header (see
//! `--trusted-proxies`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use axum::http::HeaderMap;

/// Live streams one address may hold by default.
pub const DEFAULT_STREAMS_PER_ADDRESS: u32 = 100;
/// Connections one address may hold open by default (its streams among them).
pub const DEFAULT_CONNECTIONS_PER_ADDRESS: u32 = 200;

/// How many of something each address holds, up to a cap.
#[derive(Debug)]
pub struct PerAddress {
    held: Mutex<HashMap<IpAddr, u32>>,
    cap: u32,
    uncapped: Vec<IpAddr>,
}

/// One thing held by an address; given back when dropped.
#[derive(Debug)]
pub struct Held {
    by: Option<(Arc<PerAddress>, IpAddr)>,
}

impl PerAddress {
    /// A cap of `cap` per address, but for the addresses in `uncapped`.
    pub fn new(cap: u32, uncapped: &[IpAddr]) -> Arc<PerAddress> {
        Arc::new(PerAddress {
            held: Mutex::default(),
            cap,
            uncapped: uncapped.to_vec(),
        })
    }

    fn held(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, u32>> {
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// One more for `address`, or `None` when it holds its cap already.
    pub fn take(self: &Arc<Self>, address: IpAddr) -> Option<Held> {
        if self.uncapped.contains(&address) {
            return Some(Held { by: None });
        }
        let mut held = self.held();
        let count = held.entry(address).or_default();
        if *count >= self.cap {
            return None;
        }
        *count += 1;
        Some(Held {
            by: Some((Arc::clone(self), address)),
        })
    }

    /// How many `address` holds now.
    pub fn holding(&self, address: IpAddr) -> u32 {
        self.held().get(&address).copied().unwrap_or(0)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Some((owner, address)) = self.by.take() {
            let mut held = owner.held();
            if let Some(count) = held.get_mut(&address) {
                *count -= 1;
                if *count == 0 {
                    held.remove(&address);
                }
            }
        }
    }
}

/// The client's address: `peer`, unless `peer` is a trusted proxy; then the right-most
/// address in `X-Forwarded-For` that is not itself a trusted proxy (those to its left
/// could have been written by the client).
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .filter_map(|part| part.trim().parse::<IpAddr>().ok())
        .find(|address| !trusted.contains(address))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("1.2.3.4, 203.0.113.9, 10.0.0.1"),
        );
        assert_eq!(
            client_address(proxy, &headers, &[proxy]),
            "203.0.113.9".parse::<IpAddr>().unwrap(),
            "the right-most untrusted address: the left could be forged"
        );
        let stranger: IpAddr = "198.51.100.5".parse().unwrap();
        assert_eq!(client_address(stranger, &headers, &[proxy]), stranger);
        assert_eq!(client_address(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }

    #[test]
    fn an_address_holds_its_cap_and_no_more() {
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        let caps = PerAddress::new(2, &[here]);
        let far: IpAddr = "203.0.113.4".parse().unwrap();
        let other: IpAddr = "198.51.100.4".parse().unwrap();
        let first = caps.take(far).unwrap();
        let _second = caps.take(far).unwrap();
        assert!(caps.take(far).is_none());
        assert!(caps.take(other).is_some(), "other addresses go on");
        drop(first);
        assert!(
            caps.take(far).is_some(),
            "a slot given back is free at once"
        );
        for _ in 0..10 {
            std::mem::forget(caps.take(here).unwrap());
        }
        assert_eq!(caps.holding(here), 0, "a trusted proxy is not capped");
    }
}
