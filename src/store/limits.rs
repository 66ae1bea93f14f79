//! Counted tries at a secret, kept in the store so that every instance counts in one
//! place. A try takes its slot before the secret is checked, holding its key's row
//! while it counts, so tries sent at the same moment (on one instance or several) are
//! counted one after the other and cannot all pass a check made before any is counted.

use chrono::{DateTime, Duration, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError};

/// How many tries a key may make in its window, and how they are spaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptRule {
    /// The window tries are counted over; a new one starts once it has passed.
    pub window: Duration,
    /// Tries in a window before the rule bites.
    pub free: u32,
    /// What happens past `free`: refused for the rest of the window, or each further
    /// try spaced out after the one before, twice as long each time up to a most.
    pub beyond: Beyond,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beyond {
    Refused,
    Spaced { most: Duration },
}

impl AttemptRule {
    /// How long after try number `used` (counting from 1) the next may come.
    fn spacing(self, used: u32) -> Duration {
        match self.beyond {
            Beyond::Spaced { most } if used >= self.free => {
                let doublings = (used - self.free).min(16);
                (Duration::seconds(1) * 2i32.pow(doublings)).min(most)
            }
            _ => Duration::zero(),
        }
    }
}

/// The answer to asking for a try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The slot is taken: go on and check the secret.
    Taken,
    /// Not now: the soonest another try may come.
    Wait(Duration),
}

impl Store {
    /// Takes a try for `key` under `rule` at `now`, or says how long to wait.
    pub async fn take_attempt(
        &self,
        key: &str,
        rule: AttemptRule,
        now: DateTime<Utc>,
    ) -> Result<Attempt, StoreError> {
        let mut tx = self.pool().begin().await?;
        // Makes the key's row, or holds it if it is there: tries at the same moment,
        // on this instance or another, count one after the other.
        sqlx::query(
            "INSERT INTO attempt_limits (key, window_start, used, next_at) VALUES ($1, $2, 0, $2) \
             ON CONFLICT (key) DO UPDATE SET used = attempt_limits.used",
        )
        .bind(key)
        .bind(time_text(now))
        .execute(&mut *tx)
        .await?;
        let row =
            sqlx::query("SELECT used, window_start, next_at FROM attempt_limits WHERE key = $1")
                .bind(key)
                .fetch_one(&mut *tx)
                .await?;
        let used = u32::try_from(rows::integer(&row, "used")?).unwrap_or(u32::MAX);
        let next_at = rows::time(&row, "next_at")?;
        let started = rows::time(&row, "window_start")?;
        let expired = started + rule.window <= now;
        let (started, used) = if expired { (now, 0) } else { (started, used) };
        if !expired {
            if rule.beyond == Beyond::Refused && used >= rule.free {
                return Ok(Attempt::Wait(started + rule.window - now));
            }
            if next_at > now {
                return Ok(Attempt::Wait(next_at - now));
            }
        }
        // With no spacing due, the next may come at once: `next_at` is left in the past,
        // since a try held up behind this one read its clock before this one did.
        let spacing = rule.spacing(used + 1);
        let next_at = if spacing.is_zero() {
            started
        } else {
            now + spacing
        };
        sqlx::query(
            "UPDATE attempt_limits SET window_start = $1, used = $2, next_at = $3 WHERE key = $4",
        )
        .bind(time_text(started))
        .bind(i64::from(used + 1))
        .bind(time_text(next_at))
        .bind(key)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        if expired {
            self.forget_old_attempts(now - rule.window).await?;
        }
        Ok(Attempt::Taken)
    }

    /// Gives back one try for `key`, after it succeeded: a success is not held against
    /// anyone, and tries still in flight stay counted.
    pub async fn give_back_attempt(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE attempt_limits SET used = used - 1 WHERE key = $1 AND used > 0")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn forget_old_attempts(&self, before: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM attempt_limits WHERE window_start < $1 AND next_at < $1")
            .bind(time_text(before))
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
