//! How many readers each instance holds on each live page, so that with several
//! instances on one PostgreSQL every editor sees the page's whole audience. Each
//! instance writes its own counts every few seconds; counts not renewed are ignored.

use chrono::{DateTime, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::BlogId;

impl Store {
    /// Records `instance`'s readers of each page as of `at`, in place of what it
    /// recorded before.
    pub async fn record_readers(
        &self,
        instance: &str,
        counts: &[(BlogId, u64)],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM readers WHERE instance = $1")
            .bind(instance)
            .execute(&mut *tx)
            .await?;
        for (blog, readers) in counts.iter().filter(|(_, n)| *n > 0) {
            sqlx::query(
                "INSERT INTO readers (instance, blog_id, readers, seen_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(instance)
            .bind(blog.0)
            .bind(i64::try_from(*readers).unwrap_or(i64::MAX))
            .bind(time_text(at))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The readers the other instances recorded since `since`, page by page.
    pub async fn other_instances_readers(
        &self,
        instance: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<(BlogId, u64)>, StoreError> {
        sqlx::query(
            "SELECT blog_id, CAST(SUM(readers) AS BIGINT) AS readers FROM readers \
             WHERE instance <> $1 AND seen_at >= $2 GROUP BY blog_id",
        )
        .bind(instance)
        .bind(time_text(since))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|row| {
            let readers = rows::integer(row, "readers")?;
            Ok((
                BlogId(rows::integer(row, "blog_id")?),
                u64::try_from(readers).unwrap_or(0),
            ))
        })
        .collect()
    }
}
