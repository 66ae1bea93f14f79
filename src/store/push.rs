//! Web Push subscriptions, and the key events told: one row per key event, written by
//! whichever instance hears of it first, so each is sent once.

use chrono::{DateTime, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{BlogId, EntryId};

/// A browser that asked to be told of a page's key events.
#[derive(Debug, Clone)]
pub struct PushSubscription {
    pub endpoint: String,
    /// Its public key (P-256, uncompressed, base64url) and its secret (16 bytes).
    pub p256dh: String,
    pub auth: String,
}

impl Store {
    /// Keeps a subscription to page `blog` (the same endpoint again replaces its keys).
    pub async fn subscribe(
        &self,
        blog: BlogId,
        subscription: &PushSubscription,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO push_subscriptions (blog_id, endpoint, p256dh, auth, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (blog_id, endpoint) \
             DO UPDATE SET p256dh = $3, auth = $4",
        )
        .bind(blog.0)
        .bind(subscription.endpoint.clone())
        .bind(subscription.p256dh.clone())
        .bind(subscription.auth.clone())
        .bind(time_text(at))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Removes a subscription: the reader turned it off, or its push service says it is
    /// gone.
    pub async fn unsubscribe(&self, blog: BlogId, endpoint: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM push_subscriptions WHERE blog_id = $1 AND endpoint = $2")
            .bind(blog.0)
            .bind(endpoint.to_owned())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn subscriptions(&self, blog: BlogId) -> Result<Vec<PushSubscription>, StoreError> {
        let rows = sqlx::query(
            "SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE blog_id = $1 ORDER BY id",
        )
        .bind(blog.0)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(PushSubscription {
                    endpoint: rows::text(row, "endpoint")?,
                    p256dh: rows::text(row, "p256dh")?,
                    auth: rows::text(row, "auth")?,
                })
            })
            .collect()
    }

    /// Writes the notice of key event `entry`; false if one is written already (by
    /// this instance or another): it is someone else's to send.
    pub async fn note_key_event(
        &self,
        blog: BlogId,
        entry: EntryId,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO push_notices (blog_id, entry_id, made_at, state) VALUES ($1, $2, $3, 'sent') \
             ON CONFLICT (blog_id, entry_id) DO NOTHING",
        )
        .bind(blog.0)
        .bind(entry.0)
        .bind(time_text(at))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Marks a key event's notice as not sent: the page's hourly share was used.
    pub async fn skip_key_event(&self, blog: BlogId, entry: EntryId) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE push_notices SET state = 'skipped' WHERE blog_id = $1 AND entry_id = $2",
        )
        .bind(blog.0)
        .bind(entry.0)
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
