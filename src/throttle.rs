//! Tries at a secret, limited: sign-ins, password changes and API tokens. Each try
//! takes its slot in the store before the secret is checked (so a hundred tries sent at
//! once are held to the limit, on one instance or several) and gives it back if it
//! succeeded (so a success never wipes out failures still in flight).
//!
//! An attacker cannot turn the limits against an account's owner: a sign-in is refused
//! for the account at one address after a few failures there, and for an address
//! after many failures on any accounts; the account as a whole is only slowed, each
//! try spaced out after the one before, never shut.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};

use crate::accounts::AccountError;
use crate::store::{Attempt, AttemptRule, Beyond, Store};

/// The window tries are counted over.
pub const WINDOW: Duration = Duration::minutes(15);

/// Failed sign-ins to one account from one address, then refused there for the rest
/// of the window.
pub const SIGN_IN_PER_ACCOUNT_AND_ADDRESS: AttemptRule = AttemptRule {
    window: WINDOW,
    free: 5,
    beyond: Beyond::Refused,
};
/// Failed sign-ins from one address to any accounts, then refused there.
pub const SIGN_IN_PER_ADDRESS: AttemptRule = AttemptRule {
    window: WINDOW,
    free: 20,
    beyond: Beyond::Refused,
};
/// Failed sign-ins to one account from anywhere, then each further try waits twice as
/// long as the one before (1 s, 2 s, 4 s… up to a minute): slowed, never shut.
pub const SIGN_IN_PER_ACCOUNT: AttemptRule = AttemptRule {
    window: WINDOW,
    free: 10,
    beyond: Beyond::Spaced {
        most: Duration::minutes(1),
    },
};
/// Wrong current passwords on the password-change form, per account, then refused:
/// a stolen session cannot guess the password.
pub const PASSWORD_CHANGE_PER_ACCOUNT: AttemptRule = AttemptRule {
    window: WINDOW,
    free: 5,
    beyond: Beyond::Refused,
};
/// Unknown or revoked API tokens from one address, then refused there.
pub const API_TOKEN_PER_ADDRESS: AttemptRule = AttemptRule {
    window: WINDOW,
    free: 20,
    beyond: Beyond::Refused,
};

/// Tries taken for one check: given back if it succeeds.
#[derive(Debug)]
#[must_use = "give the tries back when the secret was right"]
pub struct Tries(Vec<String>);

/// Counts tries at secrets in the store.
pub struct Throttle {
    store: Arc<Store>,
}

impl Throttle {
    pub fn new(store: Arc<Store>) -> Throttle {
        Throttle { store }
    }

    /// A try at signing in to `account` from `address`.
    pub async fn sign_in(
        &self,
        account: &str,
        address: IpAddr,
    ) -> Result<Result<Tries, StdDuration>, AccountError> {
        let account = account.to_lowercase();
        self.take(&[
            (
                format!("sign-in:{account}@{address}"),
                SIGN_IN_PER_ACCOUNT_AND_ADDRESS,
            ),
            (format!("sign-in-from:{address}"), SIGN_IN_PER_ADDRESS),
            (format!("sign-in-to:{account}"), SIGN_IN_PER_ACCOUNT),
        ])
        .await
    }

    /// A try at the current password on `account`'s password-change form.
    pub async fn password_change(
        &self,
        account: &str,
    ) -> Result<Result<Tries, StdDuration>, AccountError> {
        let account = account.to_lowercase();
        self.take(&[(format!("password:{account}"), PASSWORD_CHANGE_PER_ACCOUNT)])
            .await
    }

    /// A try with an API token from `address`.
    pub async fn api_token(
        &self,
        address: IpAddr,
    ) -> Result<Result<Tries, StdDuration>, AccountError> {
        self.take(&[(format!("token-from:{address}"), API_TOKEN_PER_ADDRESS)])
            .await
    }

    /// The secret was right: the tries are given back.
    pub async fn succeeded(&self, tries: Tries) -> Result<(), AccountError> {
        for key in &tries.0 {
            self.store.give_back_attempt(key).await?;
        }
        Ok(())
    }

    /// Runs the check the tries were taken for: when it could not be made (the store
    /// failed, a full disk, a lost database), the tries are given back, so a fault
    /// never counts against anyone.
    pub async fn checked<T>(
        &self,
        tries: Tries,
        check: impl Future<Output = Result<T, AccountError>>,
    ) -> Result<(T, Tries), AccountError> {
        match check.await {
            Ok(found) => Ok((found, tries)),
            Err(failed) => {
                if let Err(problem) = self.succeeded(tries).await {
                    tracing::warn!(%problem, "tries at a check that failed were not given back");
                }
                Err(failed)
            }
        }
    }

    /// Takes a try under every rule, or none: when one refuses, those taken are given
    /// back and the longest wait is returned.
    async fn take(
        &self,
        rules: &[(String, AttemptRule)],
    ) -> Result<Result<Tries, StdDuration>, AccountError> {
        let now = Utc::now();
        let mut taken = Vec::new();
        for (key, rule) in rules {
            match self.store.take_attempt(key, *rule, now).await? {
                Attempt::Taken => taken.push(key.clone()),
                Attempt::Wait(wait) => {
                    self.succeeded(Tries(taken)).await?;
                    return Ok(Err(wait.to_std().unwrap_or_default()));
                }
            }
        }
        Ok(Ok(Tries(taken)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn throttle() -> (Throttle, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(None, dir.path()).await.unwrap();
        (Throttle::new(Arc::new(store)), dir)
    }

    fn here() -> IpAddr {
        "203.0.113.7".parse().unwrap()
    }

    #[tokio::test]
    async fn an_account_is_refused_at_one_address_and_open_at_another() {
        let (throttle, _dir) = throttle().await;
        for _ in 0..SIGN_IN_PER_ACCOUNT_AND_ADDRESS.free {
            drop(throttle.sign_in("Admin", here()).await.unwrap().unwrap());
        }
        let wait = throttle
            .sign_in("admin", here())
            .await
            .unwrap()
            .unwrap_err();
        assert!(wait > StdDuration::from_secs(14 * 60));
        let elsewhere: IpAddr = "198.51.100.2".parse().unwrap();
        assert!(throttle.sign_in("admin", elsewhere).await.unwrap().is_ok());
    }

    #[tokio::test]
    async fn a_success_gives_back_its_own_try_only() {
        let (throttle, _dir) = throttle().await;
        let free = SIGN_IN_PER_ACCOUNT_AND_ADDRESS.free;
        // Failures in flight, then a success: the success does not wipe them out.
        for _ in 0..free - 1 {
            drop(throttle.sign_in("admin", here()).await.unwrap().unwrap());
        }
        let right = throttle.sign_in("admin", here()).await.unwrap().unwrap();
        throttle.succeeded(right).await.unwrap();
        drop(throttle.sign_in("admin", here()).await.unwrap().unwrap());
        assert!(throttle.sign_in("admin", here()).await.unwrap().is_err());
    }

    #[tokio::test]
    async fn the_account_as_a_whole_is_slowed_not_shut() {
        let (throttle, _dir) = throttle().await;
        for n in 0..SIGN_IN_PER_ACCOUNT.free {
            let from: IpAddr = format!("192.0.2.{n}").parse().unwrap();
            drop(throttle.sign_in("admin", from).await.unwrap().unwrap());
        }
        // The next try, from anywhere, waits a second, then may go; the one after, two.
        let from: IpAddr = "192.0.2.200".parse().unwrap();
        let wait = throttle.sign_in("admin", from).await.unwrap().unwrap_err();
        assert!(wait <= StdDuration::from_secs(1), "{wait:?}");
        tokio::time::sleep(wait + StdDuration::from_millis(50)).await;
        drop(throttle.sign_in("admin", from).await.unwrap().unwrap());
        let wait = throttle.sign_in("admin", from).await.unwrap().unwrap_err();
        assert!(
            wait > StdDuration::from_secs(1) && wait <= StdDuration::from_secs(2),
            "{wait:?}"
        );
        assert!(SIGN_IN_PER_ACCOUNT.beyond != Beyond::Refused);
    }
}
