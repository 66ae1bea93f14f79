//! Entries not yet published: drafts, the approval queue and scheduled entries. Every
//! change is one statement or one transaction; publishing a draft removes it in the
//! same transaction that adds the entry, so no draft is ever published twice, whichever
//! instance or editor tries at the same moment.

use chrono::{DateTime, Utc};

use super::rows::{self, draft_columns, flag, time_text};
use super::{Committed, Store, StoreError};
use crate::domain::{BlogId, Draft, DraftId, DraftKept, Entry, EntryInput, UnreadableDraft};

/// Drafts as listed: each read back, or named as a row that could not be.
pub type DraftRows = Vec<Result<Draft, UnreadableDraft>>;

/// Which draft may be published: the one that was read, unless it has changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Publishable {
    /// Only if it is still as last saved at this time: what the editor reviewed, or
    /// what the schedule read, and not a newer version saved meanwhile.
    pub seen: Option<DateTime<Utc>>,
    /// Only if it is scheduled for this time or earlier (and not cancelled meanwhile).
    pub due_by: Option<DateTime<Utc>>,
}

impl Publishable {
    /// The conditions on the draft's row beyond its id and page, from parameter `$3`.
    fn conditions(self) -> (String, Vec<String>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(seen) = self.seen {
            values.push(time_text(seen));
            sql.push_str(&format!(" AND updated_at = ${}", values.len() + 2));
        }
        if let Some(due_by) = self.due_by {
            values.push(time_text(due_by));
            sql.push_str(&format!(
                " AND publish_at IS NOT NULL AND publish_at <= ${}",
                values.len() + 2
            ));
        }
        (sql, values)
    }
}

impl Store {
    /// Keeps a draft as typed, new (`id` is `None`, written by `by`) or again, and
    /// returns its id.
    pub async fn keep_draft(
        &self,
        blog: BlogId,
        id: Option<DraftId>,
        input: &EntryInput,
        by: &str,
        kept: DraftKept,
    ) -> Result<DraftId, StoreError> {
        let json = serde_json::to_string(input).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let (submitted, publish_at) = match kept {
            DraftKept::Writing => (false, None),
            DraftKept::Submitted => (true, None),
            DraftKept::Scheduled(at) => (false, Some(time_text(at))),
        };
        let now = time_text(Utc::now());
        let mut tx = self.pool().begin().await?;
        let id = match id {
            Some(id) => {
                let done = sqlx::query(
                    "UPDATE drafts SET input = $1, submitted = $2, publish_at = $3, updated_at = $4 \
                     WHERE id = $5 AND blog_id = $6",
                )
                .bind(json)
                .bind(flag(submitted))
                .bind(publish_at)
                .bind(now)
                .bind(id.0)
                .bind(blog.0)
                .execute(&mut *tx)
                .await?;
                super::found(&done)?;
                id
            }
            None => {
                let row = sqlx::query(
                    "INSERT INTO drafts (blog_id, input, created_by, submitted, publish_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(blog.0)
                .bind(json)
                .bind(by)
                .bind(flag(submitted))
                .bind(publish_at)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                DraftId(rows::integer(&row, "id")?)
            }
        };
        // Submitted again, the note it was sent back with has been answered.
        if kept == DraftKept::Submitted {
            sqlx::query("UPDATE drafts SET review_note = NULL, reviewed_by = NULL WHERE id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Sends a submitted entry back to its author with `note`, keeping `input` (the
    /// editor may have changed it). Refused (`NotFound`) if it no longer waits for
    /// approval, or was saved again after `seen`.
    pub async fn send_back(
        &self,
        blog: BlogId,
        id: DraftId,
        seen: DateTime<Utc>,
        input: &EntryInput,
        note: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(input).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let done = sqlx::query(
            "UPDATE drafts SET input = $1, submitted = 0, review_note = $2, reviewed_by = $3, \
             updated_at = $4 WHERE id = $5 AND blog_id = $6 AND submitted = 1 AND updated_at = $7",
        )
        .bind(json)
        .bind(note)
        .bind(by)
        .bind(time_text(Utc::now()))
        .bind(id.0)
        .bind(blog.0)
        .bind(time_text(seen))
        .execute(self.pool())
        .await?;
        super::found(&done)
    }

    /// Takes a scheduled entry off the schedule; it stays as a draft, with `note` from
    /// `by` when one says why.
    pub async fn unschedule(
        &self,
        blog: BlogId,
        id: DraftId,
        note: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE drafts SET publish_at = NULL, updated_at = $1, \
             review_note = COALESCE($2, review_note), reviewed_by = COALESCE($3, reviewed_by) \
             WHERE id = $4 AND blog_id = $5 AND publish_at IS NOT NULL",
        )
        .bind(time_text(Utc::now()))
        .bind(note.map(|(note, _)| note.to_owned()))
        .bind(note.map(|(_, by)| by.to_owned()))
        .bind(id.0)
        .bind(blog.0)
        .execute(self.pool())
        .await?;
        super::found(&done)
    }

    pub async fn delete_draft(&self, blog: BlogId, id: DraftId) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM drafts WHERE id = $1 AND blog_id = $2")
            .bind(id.0)
            .bind(blog.0)
            .execute(self.pool())
            .await?;
        super::found(&done)
    }

    /// Publishes a draft as `entry` and removes it, in one transaction. `NotFound` when
    /// the draft is gone (published or discarded already), or no longer as `which`
    /// wants it (saved again, no longer due).
    pub async fn publish_draft(
        &self,
        blog: BlogId,
        id: DraftId,
        which: Publishable,
        mut entry: Entry,
    ) -> Result<Committed<Entry>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let (conditions, values) = which.conditions();
        let sql = format!("DELETE FROM drafts WHERE id = $1 AND blog_id = $2{conditions}");
        let mut delete = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .bind(blog.0);
        for value in values {
            delete = delete.bind(value);
        }
        let removed = delete.execute(&mut *tx).await?;
        super::found(&removed)?;
        let seq = self.insert_published(&mut tx, blog, &mut entry).await?;
        tx.commit().await?;
        Ok(Committed { value: entry, seq })
    }

    /// A page's drafts, newest first.
    pub async fn drafts(&self, blog: BlogId) -> Result<DraftRows, StoreError> {
        Ok(sqlx::query(concat!(
            "SELECT ",
            draft_columns!(),
            " FROM drafts WHERE blog_id = $1 ORDER BY updated_at DESC"
        ))
        .bind(blog.0)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(rows::draft_or_unreadable)
        .collect())
    }

    pub async fn draft(&self, blog: BlogId, id: DraftId) -> Result<Option<Draft>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            draft_columns!(),
            " FROM drafts WHERE blog_id = $1 AND id = $2"
        ))
        .bind(blog.0)
        .bind(id.0)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(rows::draft).transpose()
    }

    /// Every entry waiting for approval, on every page, oldest first.
    pub async fn approval_queue(&self) -> Result<DraftRows, StoreError> {
        Ok(sqlx::query(concat!(
            "SELECT ",
            draft_columns!(),
            " FROM drafts WHERE submitted = 1 AND publish_at IS NULL ORDER BY updated_at"
        ))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(rows::draft_or_unreadable)
        .collect())
    }

    /// The drafts an editor sent back to `user`, on every page, newest first.
    pub async fn sent_back_to(&self, user: &str) -> Result<DraftRows, StoreError> {
        Ok(sqlx::query(concat!(
            "SELECT ",
            draft_columns!(),
            " FROM drafts WHERE created_by = $1 AND submitted = 0 AND review_note IS NOT NULL \
             AND publish_at IS NULL ORDER BY updated_at DESC"
        ))
        .bind(user)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(rows::draft_or_unreadable)
        .collect())
    }

    /// The scheduled entries due by `now`, on every page, the earliest first. A time
    /// written in a form the store cannot read ("+10000-…") sorts first, and is due.
    pub async fn due_drafts(&self, now: DateTime<Utc>) -> Result<DraftRows, StoreError> {
        Ok(sqlx::query(concat!(
            "SELECT ",
            draft_columns!(),
            " FROM drafts WHERE publish_at IS NOT NULL AND publish_at <= $1 ORDER BY publish_at, id"
        ))
        .bind(time_text(now))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(rows::draft_or_unreadable)
        .collect())
    }

    /// When the next scheduled entry is due, if any is scheduled.
    pub async fn next_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = sqlx::query(
            "SELECT publish_at FROM drafts WHERE publish_at IS NOT NULL ORDER BY publish_at LIMIT 1",
        )
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| rows::time(&row, "publish_at")).transpose()
    }
}
