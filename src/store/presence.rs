//! Who has which entry open for correcting, kept in the record so that editors on
//! every instance see each other.

use chrono::{DateTime, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::EntryId;

impl Store {
    /// `user` opened `entry` at `at`; openings from before `stale_before`, of any entry,
    /// are let go on the way.
    pub async fn entry_opened(
        &self,
        entry: EntryId,
        user: &str,
        at: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM presence WHERE since < $1 OR (entry_id = $2 AND user_name = $3)")
            .bind(time_text(stale_before))
            .bind(entry.0)
            .bind(user)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO presence (entry_id, user_name, since) VALUES ($1, $2, $3)")
            .bind(entry.0)
            .bind(user)
            .bind(time_text(at))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// `user` saved or left `entry`.
    pub async fn entry_closed(&self, entry: EntryId, user: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM presence WHERE entry_id = $1 AND user_name = $2")
            .bind(entry.0)
            .bind(user)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Who has had `entry` open since `since`, by name, in the order they opened it.
    pub async fn entry_open_by(
        &self,
        entry: EntryId,
        since: DateTime<Utc>,
    ) -> Result<Vec<String>, StoreError> {
        sqlx::query(
            "SELECT user_name FROM presence WHERE entry_id = $1 AND since >= $2 ORDER BY since",
        )
        .bind(entry.0)
        .bind(time_text(since))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|row| rows::text(row, "user_name"))
        .collect()
    }
}
