//! Deleted entries, kept whole for [`DELETED_KEPT_DAYS`](crate::domain::DELETED_KEPT_DAYS) so that an editor can restore
//! one: under its own number, in its place in the stream, with its corrections. The
//! entry is kept as JSON, so that nothing else in the store reads it by mistake; a row
//! that cannot be read is left out of the list, never in the way of the rest.

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::entries::reinsert_entry;
use super::rows::{self, time_text};
use super::{Committed, Store, StoreError};
use crate::domain::{BlogId, ChangeKind, DeletedEntry, Entry, EntryId};

/// The most deleted entries listed for one page, newest deletion first.
const LISTED: i64 = 50;

/// Inside the deletion's `tx`: keeps `entry` to be restored, and lets go of what was
/// deleted longer ago than can be restored.
pub(super) async fn keep(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    entry: &Entry,
    by: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let json = rows::entry_json(entry)?;
    sqlx::query(
        "INSERT INTO deleted_entries (id, blog_id, entry, deleted_at, deleted_by) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(entry.id.0)
    .bind(blog.0)
    .bind(json)
    .bind(time_text(at))
    .bind(by)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM deleted_entries WHERE deleted_at < $1")
        .bind(time_text(DeletedEntry::restorable_since(at)))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn read(row: &sqlx::any::AnyRow) -> Result<DeletedEntry, StoreError> {
    Ok(DeletedEntry {
        entry: rows::entry_from_json(row, "entry")?,
        deleted_at: rows::time(row, "deleted_at")?,
        deleted_by: rows::text(row, "deleted_by")?,
    })
}

impl Store {
    /// Page `blog`'s entries that can still be restored at `now`, newest deletion first.
    pub async fn deleted_entries(
        &self,
        blog: BlogId,
        now: DateTime<Utc>,
    ) -> Result<Vec<DeletedEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, entry, deleted_at, deleted_by FROM deleted_entries \
             WHERE blog_id = $1 AND deleted_at >= $2 ORDER BY deleted_at DESC, id DESC LIMIT $3",
        )
        .bind(blog.0)
        .bind(time_text(DeletedEntry::restorable_since(now)))
        .bind(LISTED)
        .fetch_all(self.pool())
        .await?;
        Ok(rows::readable(&rows, "id", "a deleted entry", read))
    }

    /// Puts deleted entry `id` back on page `blog` as it was, and logs it as published
    /// (readers' pages put it in its place). [`StoreError::NotFound`] when it was never
    /// deleted, is back already, or went more than [`DELETED_KEPT_DAYS`](crate::domain::DELETED_KEPT_DAYS) days before `now`.
    pub async fn restore_entry(
        &self,
        blog: BlogId,
        id: EntryId,
        now: DateTime<Utc>,
    ) -> Result<Committed<Entry>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let row = sqlx::query(
            "DELETE FROM deleted_entries WHERE id = $1 AND blog_id = $2 AND deleted_at >= $3 \
             RETURNING id, entry, deleted_at, deleted_by",
        )
        .bind(id.0)
        .bind(blog.0)
        .bind(time_text(DeletedEntry::restorable_since(now)))
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let entry = read(&row)?.entry;
        let unpinned = self.unpin_for(&mut tx, blog, &entry).await?;
        reinsert_entry(&mut tx, blog, &entry).await?;
        let seq = self
            .log_change(&mut tx, blog, ChangeKind::EntryCreated, Some(entry.id))
            .await?;
        let seq = self.log_unpinned(&mut tx, blog, unpinned, seq).await?;
        tx.commit().await?;
        Ok(Committed { value: entry, seq })
    }
}
