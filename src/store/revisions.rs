//! Every version of an entry, kept as it was saved: its whole content as JSON, when,
//! and who saved it. Written in the same transaction as the save itself, so the
//! history holds exactly the versions the record had; a row that cannot be read is
//! left out of the history, never in the way of the rest.

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{BlogId, Entry, EntryId, Revision};

/// Who saved `entry` as it stands: who changed it last, else who published it.
pub(super) fn saved_by(entry: &Entry) -> &str {
    entry
        .updated_by
        .as_deref()
        .or(entry.created_by.as_deref())
        .unwrap_or("unknown")
}

/// Inside the save's `tx`: keeps `entry` as its version now stands, saved `by`.
pub(super) async fn keep(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    entry: &Entry,
    by: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let json = rows::entry_json(entry)?;
    sqlx::query(
        "INSERT INTO entry_revisions (entry_id, version, blog_id, entry, saved_at, saved_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(entry.id.0)
    .bind(i64::from(entry.version))
    .bind(blog.0)
    .bind(json)
    .bind(time_text(at))
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn read(row: &sqlx::any::AnyRow) -> Result<Revision, StoreError> {
    Ok(Revision {
        entry: rows::entry_from_json(row, "entry")?,
        saved_at: rows::time(row, "saved_at")?,
        saved_by: rows::text(row, "saved_by")?,
    })
}

impl Store {
    /// The kept versions of entry `id` on page `blog`, oldest first.
    pub async fn revisions(&self, blog: BlogId, id: EntryId) -> Result<Vec<Revision>, StoreError> {
        let rows = sqlx::query(
            "SELECT version, entry, saved_at, saved_by FROM entry_revisions \
             WHERE blog_id = $1 AND entry_id = $2 ORDER BY version",
        )
        .bind(blog.0)
        .bind(id.0)
        .fetch_all(self.pool())
        .await?;
        Ok(rows::readable(
            &rows,
            "version",
            "a version of an entry",
            read,
        ))
    }
}
