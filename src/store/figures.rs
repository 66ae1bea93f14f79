//! How the day went: readers per page and minute (each instance's, added up when
//! read), and each entry's views and shares.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{BlogId, EntryId};

/// How long the minutes are kept.
const MINUTES_KEPT: Duration = Duration::days(2);

impl Store {
    /// Records `instance`'s readers of each page for `minute`, and lets go of minutes
    /// older than two days.
    pub async fn record_reader_minute(
        &self,
        instance: &str,
        readers: &[(BlogId, u64)],
        minute: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        for (blog, count) in readers {
            sqlx::query(
                "INSERT INTO reader_minutes (blog_id, minute, instance, readers) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (blog_id, minute, instance) DO UPDATE SET readers = $4",
            )
            .bind(blog.0)
            .bind(time_text(minute))
            .bind(instance.to_owned())
            .bind(i64::try_from(*count).unwrap_or(i64::MAX))
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM reader_minutes WHERE minute < $1")
            .bind(time_text(minute - MINUTES_KEPT))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Page `blog`'s readers each minute since `since`, every instance's together,
    /// oldest first.
    pub async fn readers_since(
        &self,
        blog: BlogId,
        since: DateTime<Utc>,
    ) -> Result<Vec<(DateTime<Utc>, u64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT minute, CAST(SUM(readers) AS BIGINT) AS readers FROM reader_minutes \
             WHERE blog_id = $1 AND minute >= $2 GROUP BY minute ORDER BY minute",
        )
        .bind(blog.0)
        .bind(time_text(since))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    rows::time(row, "minute")?,
                    u64::try_from(rows::integer(row, "readers")?).unwrap_or(0),
                ))
            })
            .collect()
    }

    /// Adds views and shares to entries' figures.
    pub async fn add_entry_figures(&self, added: &[(EntryId, u64, u64)]) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        for (entry, views, shares) in added {
            let (views, shares) = (
                i64::try_from(*views).unwrap_or(i64::MAX),
                i64::try_from(*shares).unwrap_or(i64::MAX),
            );
            sqlx::query(
                "INSERT INTO entry_figures (entry_id, views, shares) VALUES ($1, $2, $3) \
                 ON CONFLICT (entry_id) DO UPDATE SET views = entry_figures.views + $2, \
                 shares = entry_figures.shares + $3",
            )
            .bind(entry.0)
            .bind(views)
            .bind(shares)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The views and shares of each of `entries` that has any.
    pub async fn entry_figures(
        &self,
        entries: &[EntryId],
    ) -> Result<HashMap<EntryId, (u64, u64)>, StoreError> {
        if entries.is_empty() {
            return Ok(HashMap::new());
        }
        let query = format!(
            "SELECT entry_id, views, shares FROM entry_figures WHERE entry_id IN ({})",
            rows::id_list(entries)
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(query))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let figure = |column| {
                    u64::try_from(rows::integer(row, column)?)
                        .map_err(|_| StoreError::Corrupt("a negative figure".into()))
                };
                Ok((
                    EntryId(rows::integer(row, "entry_id")?),
                    (figure("views")?, figure("shares")?),
                ))
            })
            .collect()
    }
}
