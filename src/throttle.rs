//! Sign-in failures, counted per account and per address, so nobody can try passwords
//! one after another. Counted in this instance's memory: several instances each allow
//! as many, which still keeps guessing slow.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The window failures are counted over.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failed sign-ins to one account within the window before it is locked for the rest.
pub const MAX_FAILURES_PER_ACCOUNT: usize = 5;
/// Failed sign-ins from one address within the window before it is refused.
pub const MAX_FAILURES_PER_ADDRESS: usize = 20;
/// The most accounts and addresses remembered, so the record cannot grow without end.
const MAX_REMEMBERED: usize = 100_000;

#[derive(Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<Key, Vec<Instant>>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Account(String),
    Address(IpAddr),
}

impl SignInThrottle {
    fn failures(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Vec<Instant>>> {
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How long to wait before trying again, if this account or address is refused now.
    pub fn wait(&self, account: &str, address: IpAddr) -> Option<Duration> {
        let now = Instant::now();
        let failures = self.failures();
        let check = |key: Key, max: usize| {
            let recent: Vec<&Instant> = failures
                .get(&key)?
                .iter()
                .filter(|at| now.duration_since(**at) < FAILURE_WINDOW)
                .collect();
            (recent.len() >= max).then(|| FAILURE_WINDOW - now.duration_since(*recent[0]))
        };
        check(
            Key::Account(account.to_lowercase()),
            MAX_FAILURES_PER_ACCOUNT,
        )
        .or_else(|| check(Key::Address(address), MAX_FAILURES_PER_ADDRESS))
    }

    /// Counts a failed sign-in.
    pub fn failed(&self, account: &str, address: IpAddr) {
        let now = Instant::now();
        let mut failures = self.failures();
        if failures.len() >= MAX_REMEMBERED {
            failures.retain(|_, times| {
                times
                    .iter()
                    .any(|at| now.duration_since(*at) < FAILURE_WINDOW)
            });
        }
        for key in [Key::Account(account.to_lowercase()), Key::Address(address)] {
            let times = failures.entry(key).or_default();
            times.retain(|at| now.duration_since(*at) < FAILURE_WINDOW);
            times.push(now);
        }
    }

    /// A successful sign-in clears the account's count.
    pub fn succeeded(&self, account: &str) {
        self.failures()
            .remove(&Key::Account(account.to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_locked_after_repeated_failures() {
        let throttle = SignInThrottle::default();
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(throttle.wait("admin", here).is_none());
            throttle.failed("Admin", here);
        }
        let wait = throttle.wait("admin", here).unwrap();
        assert!(wait > Duration::from_secs(14 * 60) && wait <= FAILURE_WINDOW);
        assert!(
            throttle.wait("someone-else", here).is_none(),
            "other accounts go on"
        );
        throttle.succeeded("admin");
        assert!(throttle.wait("admin", here).is_none());
    }

    #[test]
    fn an_address_is_refused_after_many_failures_on_any_accounts() {
        let throttle = SignInThrottle::default();
        let here: IpAddr = "10.0.0.9".parse().unwrap();
        let elsewhere: IpAddr = "10.0.0.10".parse().unwrap();
        for n in 0..MAX_FAILURES_PER_ADDRESS {
            throttle.failed(&format!("user{n}"), here);
        }
        assert!(throttle.wait("fresh-account", here).is_some());
        assert!(throttle.wait("fresh-account", elsewhere).is_none());
    }
}
