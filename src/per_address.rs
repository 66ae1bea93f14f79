//! Caps per client address, so that one address cannot take every live stream or
//! every connection an instance can hold. The trusted proxies (by default this
//! machine's own addresses: a proxy in front, the operator's tools) are never capped:
//! behind a proxy, the client's address comes from the proxy's header (see
//! `--trusted-proxies`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

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

#[cfg(test)]
mod tests {
    use super::*;

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
