//! Webhooks and their deliveries. A delivery is written for each webhook that covers
//! a page in the transaction of each change to it (see `changes.rs`), so a change
//! committed is a change delivered, whatever becomes of the instance after. An
//! instance takes the next delivery due by leasing it in one update, so two instances
//! never send the same one at once; a page's deliveries to a webhook go one at a time,
//! in the page's order.

use chrono::{DateTime, Duration, Utc};
use sqlx::{Any, Transaction};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{BlogId, ChangeKind, Entry, EntryId, Seq};

/// The columns of a webhook (`w`) and its page's slug (`b`), for [`webhook`].
macro_rules! webhook_columns {
    () => {
        "w.id, w.url, w.secret, w.created_by, w.created_at, b.slug AS page_slug"
    };
}

/// A webhook's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookId(pub i64);

/// An address that hears of every change to one page, or to all.
#[derive(Debug, Clone)]
pub struct Webhook {
    pub id: WebhookId,
    pub url: String,
    /// The page it covers, by slug; `None`: every page.
    pub page: Option<String>,
    pub secret: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// A delivery taken to be sent: what changed, and where it goes.
#[derive(Debug, Clone)]
pub struct Due {
    pub id: i64,
    pub webhook: Webhook,
    pub blog: BlogId,
    pub seq: Seq,
    pub kind: ChangeKind,
    pub entry: Option<EntryId>,
    /// The entry as it was saved at the change, if it still had one.
    pub version: Option<u32>,
    /// The page's status after the change, and after the change before it that the
    /// webhook was sent (to tell a close or a reopening from other changes).
    pub page_status: String,
    pub status_before: Option<String>,
    pub made_at: DateTime<Utc>,
    pub tries: u32,
    /// Until when this instance holds it: a try is recorded only while it does.
    pub leased_until: DateTime<Utc>,
}

/// A delivery as the admin's log shows it.
#[derive(Debug, Clone)]
pub struct DeliveryRecord {
    pub webhook: WebhookId,
    pub page: String,
    pub seq: Seq,
    pub kind: String,
    pub state: String,
    pub tries: u32,
    pub made_at: DateTime<Utc>,
    pub last_try_at: Option<DateTime<Utc>>,
    pub last_status: Option<u16>,
    pub last_answer: Option<String>,
}

/// Waiting to be sent (again).
pub const WAITING: &str = "waiting";
/// Answered with a 2xx.
pub const DELIVERED: &str = "delivered";
/// Given up on after a day of tries.
pub const FAILED: &str = "failed";

impl Store {
    /// Registers a webhook for page `blog` (every page: `None`).
    pub async fn add_webhook(
        &self,
        url: &str,
        blog: Option<BlogId>,
        secret: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<WebhookId, StoreError> {
        let row = sqlx::query(
            "INSERT INTO webhooks (url, blog_id, secret, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(url.to_owned())
        .bind(blog.map(|b| b.0))
        .bind(secret.to_owned())
        .bind(by.to_owned())
        .bind(time_text(at))
        .fetch_one(self.pool())
        .await?;
        Ok(WebhookId(rows::integer(&row, "id")?))
    }

    /// Every webhook, the first registered first.
    pub async fn webhooks(&self) -> Result<Vec<Webhook>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            webhook_columns!(),
            " FROM webhooks w LEFT JOIN blogs b ON b.id = w.blog_id ORDER BY w.id"
        ))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(webhook).collect()
    }

    /// Removes a webhook and what is waiting for it.
    pub async fn remove_webhook(&self, id: WebhookId) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM webhook_deliveries WHERE webhook_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query("DELETE FROM webhooks WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        super::found(&done)?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes the next delivery due at `now` for `lease`, if any: the first waiting one
    /// of its webhook and page, whose time has come and which no instance holds.
    pub async fn take_due_delivery(
        &self,
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<Option<Due>, StoreError> {
        let now_text = time_text(now);
        let leased_until = now + lease;
        // The outer condition is checked again on the row itself: should two instances
        // pick the same one, the second finds it held and takes nothing.
        let taken = sqlx::query(
            "UPDATE webhook_deliveries SET leased_until = $2 WHERE id = ( \
               SELECT d.id FROM webhook_deliveries d \
               WHERE d.state = 'waiting' AND d.next_try_at <= $1 \
                 AND (d.leased_until IS NULL OR d.leased_until < $1) \
                 AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e \
                   WHERE e.webhook_id = d.webhook_id AND e.blog_id = d.blog_id \
                     AND e.state = 'waiting' AND e.seq < d.seq) \
               ORDER BY d.next_try_at, d.id LIMIT 1) \
             AND state = 'waiting' AND (leased_until IS NULL OR leased_until < $1) \
             RETURNING id",
        )
        .bind(now_text)
        .bind(time_text(leased_until))
        .fetch_optional(self.pool())
        .await?;
        let Some(taken) = taken else { return Ok(None) };
        let id = rows::integer(&taken, "id")?;
        let row = sqlx::query(concat!(
            "SELECT d.id AS delivery_id, d.blog_id AS delivery_blog, d.seq, d.kind, d.entry_id, \
             d.version, d.page_status, d.made_at, d.tries, \
             (SELECT e.page_status FROM webhook_deliveries e WHERE e.webhook_id = d.webhook_id \
               AND e.blog_id = d.blog_id AND e.seq < d.seq ORDER BY e.seq DESC LIMIT 1) \
               AS status_before, ",
            webhook_columns!(),
            " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
             LEFT JOIN blogs b ON b.id = w.blog_id WHERE d.id = $1"
        ))
        .bind(id)
        .fetch_one(self.pool())
        .await?;
        let kind = rows::text(&row, "kind")?;
        Ok(Some(Due {
            id,
            webhook: webhook(&row)?,
            blog: BlogId(rows::integer(&row, "delivery_blog")?),
            seq: u64::try_from(rows::integer(&row, "seq")?).unwrap_or(0),
            kind: ChangeKind::parse(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("a change of kind {kind:?}")))?,
            entry: rows::optional_integer(&row, "entry_id")?.map(EntryId),
            version: rows::optional_integer(&row, "version")?.and_then(|v| u32::try_from(v).ok()),
            page_status: rows::text(&row, "page_status")?,
            status_before: rows::optional_text(&row, "status_before")?,
            made_at: rows::time(&row, "made_at")?,
            tries: u32::try_from(rows::integer(&row, "tries")?).unwrap_or(0),
            leased_until,
        }))
    }

    /// Records a try at delivery `due`: delivered, or to be tried again at `again`, or
    /// (with no `again`) given up on. Not recorded if the lease ran out meanwhile: the
    /// instance that holds it now records its own.
    pub async fn delivery_tried(
        &self,
        due: &Due,
        at: DateTime<Utc>,
        status: Option<u16>,
        answer: &str,
        outcome: Result<(), Option<DateTime<Utc>>>,
    ) -> Result<(), StoreError> {
        let (state, next) = match outcome {
            Ok(()) => (DELIVERED, at),
            Err(Some(again)) => (WAITING, again),
            Err(None) => (FAILED, at),
        };
        sqlx::query(
            "UPDATE webhook_deliveries SET state = $2, tries = tries + 1, next_try_at = $3, \
             leased_until = NULL, last_try_at = $4, last_status = $5, last_answer = $6 \
             WHERE id = $1 AND leased_until = $7",
        )
        .bind(due.id)
        .bind(state)
        .bind(time_text(next))
        .bind(time_text(at))
        .bind(status.map(i64::from))
        .bind(answer.to_owned())
        .bind(time_text(due.leased_until))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// When the next delivery may be taken, if any waits: the first of each webhook's
    /// page's, when its time comes or when the lease on it runs out.
    pub async fn next_delivery_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = sqlx::query(
            "SELECT MIN(CASE WHEN d.leased_until IS NOT NULL AND d.leased_until > d.next_try_at \
               THEN d.leased_until ELSE d.next_try_at END) AS next \
             FROM webhook_deliveries d WHERE d.state = 'waiting' \
               AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e \
                 WHERE e.webhook_id = d.webhook_id AND e.blog_id = d.blog_id \
                   AND e.state = 'waiting' AND e.seq < d.seq)",
        )
        .fetch_one(self.pool())
        .await?;
        rows::optional_text(&row, "next")?
            .as_deref()
            .map(rows::parse_time)
            .transpose()
    }

    /// Lets go of deliveries settled before `before`, delivered or given up on.
    pub async fn forget_deliveries(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "DELETE FROM webhook_deliveries WHERE state <> 'waiting' AND last_try_at < $1",
        )
        .bind(time_text(before))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }

    /// The latest `limit` deliveries, newest first, for the admin's log.
    pub async fn deliveries(&self, limit: u32) -> Result<Vec<DeliveryRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT d.webhook_id, b.slug, d.seq, d.kind, d.state, d.tries, d.made_at, \
             d.last_try_at, d.last_status, d.last_answer FROM webhook_deliveries d \
             JOIN blogs b ON b.id = d.blog_id ORDER BY d.id DESC LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DeliveryRecord {
                    webhook: WebhookId(rows::integer(row, "webhook_id")?),
                    page: rows::text(row, "slug")?,
                    seq: u64::try_from(rows::integer(row, "seq")?).unwrap_or(0),
                    kind: rows::text(row, "kind")?,
                    state: rows::text(row, "state")?,
                    tries: u32::try_from(rows::integer(row, "tries")?).unwrap_or(0),
                    made_at: rows::time(row, "made_at")?,
                    last_try_at: rows::optional_text(row, "last_try_at")?
                        .as_deref()
                        .map(rows::parse_time)
                        .transpose()?,
                    last_status: rows::optional_integer(row, "last_status")?
                        .and_then(|s| u16::try_from(s).ok()),
                    last_answer: rows::optional_text(row, "last_answer")?,
                })
            })
            .collect()
    }

    /// Entry `id` as it was saved at `version`, from its history.
    pub async fn entry_version(
        &self,
        id: EntryId,
        version: u32,
    ) -> Result<Option<Entry>, StoreError> {
        let row =
            sqlx::query("SELECT entry FROM entry_revisions WHERE entry_id = $1 AND version = $2")
                .bind(id.0)
                .bind(i64::from(version))
                .fetch_optional(self.pool())
                .await?;
        row.map(|row| {
            serde_json::from_str(&rows::text(&row, "entry")?)
                .map_err(|e| StoreError::Corrupt(format!("bad kept version: {e}")))
        })
        .transpose()
    }
}

/// Inside a change's transaction: a delivery of change `seq` for each webhook that
/// covers page `blog`, naming the entry's version and the page's status now.
pub(super) async fn deliver_change(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    seq: Seq,
    kind: ChangeKind,
    entry: Option<EntryId>,
) -> Result<(), StoreError> {
    let now = time_text(Utc::now());
    sqlx::query(
        "INSERT INTO webhook_deliveries (webhook_id, blog_id, seq, kind, entry_id, version, \
         page_status, made_at, state, next_try_at) \
         SELECT w.id, $1, $2, $3, $4, \
           (SELECT e.version FROM entries e WHERE e.id = $4), \
           (SELECT b.status FROM blogs b WHERE b.id = $1), $5, 'waiting', $5 \
         FROM webhooks w WHERE w.blog_id IS NULL OR w.blog_id = $1",
    )
    .bind(blog.0)
    .bind(i64::try_from(seq).unwrap_or(i64::MAX))
    .bind(kind.as_str())
    .bind(entry.map(|e| e.0))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn webhook(row: &sqlx::any::AnyRow) -> Result<Webhook, StoreError> {
    Ok(Webhook {
        id: WebhookId(rows::integer(row, "id")?),
        url: rows::text(row, "url")?,
        page: rows::optional_text(row, "page_slug")?,
        secret: rows::text(row, "secret")?,
        created_by: rows::text(row, "created_by")?,
        created_at: rows::time(row, "created_at")?,
    })
}
