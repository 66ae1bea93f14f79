//! Entries: publishing, correcting and deleting one, each with its line in the change
//! log in the same transaction, and reading them back.
//!
//! What a write depends on is checked by the database in the write itself, so it holds
//! whichever instances the editors are on: a correction is saved only over the version
//! it was made from, and one entry is pinned on a page at a time (pinning one unpins
//! the one before, in the same transaction, with the page held until it commits).

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::rows::{self, entry_columns, flag, time_text};
use super::{Committed, Store, StoreError};
use crate::domain::{BlogId, ChangeKind, Entry, EntryId, Seq};

impl Store {
    /// A page's entries.
    pub async fn entries(&self, blog: BlogId) -> Result<Vec<Entry>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            entry_columns!(),
            " FROM entries WHERE blog_id = $1"
        ))
        .bind(blog.0)
        .fetch_all(self.pool())
        .await?;
        let mut corrections = self.corrections(blog).await?;
        let mut counts = self.poll_counts(blog).await?;
        rows.iter()
            .map(|row| {
                let mut entry = rows::entry(row)?;
                entry.corrections = corrections.remove(&entry.id).unwrap_or_default();
                if let Some(poll) = entry.poll.as_mut() {
                    poll.counts = counts.remove(&entry.id).unwrap_or_default();
                }
                Ok(entry)
            })
            .collect()
    }

    pub async fn entry(&self, blog: BlogId, id: EntryId) -> Result<Option<Entry>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let entry = entry_in(&mut tx, blog, id).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Publishes `entry` (its id is given by the database) and returns it with its id.
    pub async fn publish_entry(
        &self,
        blog: BlogId,
        mut entry: Entry,
    ) -> Result<Committed<Entry>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let seq = self.insert_published(&mut tx, blog, &mut entry).await?;
        tx.commit().await?;
        Ok(Committed { value: entry, seq })
    }

    /// Inside `tx`, adds `entry` to the page (giving it its id), unpinning whichever
    /// was pinned if it is, and logs it: the one way a new entry is published, now or
    /// from a draft. Returns the page's last sequence number.
    pub(super) async fn insert_published(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        entry: &mut Entry,
    ) -> Result<Seq, StoreError> {
        let unpinned = self.unpin_for(tx, blog, entry).await?;
        entry.id = insert_entry(tx, blog, entry).await?;
        let by = super::revisions::saved_by(entry);
        super::revisions::keep(tx, blog, entry, by, Utc::now()).await?;
        let seq = self
            .log_change(tx, blog, ChangeKind::EntryCreated, Some(entry.id))
            .await?;
        self.log_unpinned(tx, blog, unpinned, seq).await
    }

    /// Saves `entry` over the version `over` it was made from. [`StoreError::Stale`]
    /// when the entry is at another version by now (saved meanwhile, through this
    /// instance or another): nothing is written. The sequence number returned is the
    /// page's last; pinning may have unpinned another entry, logged just before.
    pub async fn save_entry(
        &self,
        blog: BlogId,
        entry: &Entry,
        over: u32,
    ) -> Result<Committed<()>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let unpinned = self.unpin_for(&mut tx, blog, entry).await?;
        let query = sqlx::query(
            "UPDATE entries SET blog_id = $1, title = $2, body = $3, label = $4, author_name = $5, \
             author_role = $6, image_url = $7, image_alt = $8, image_caption = $9, image_credit = $10, \
             key_event = $11, pinned = $12, published_at = $13, updated_at = $14, \
             created_by = $15, updated_by = $16, version = $17, post = $18, tags = $19, \
             authors = $20, gallery = $21, clip = $22, label_names = $23, poll = $24 WHERE id = $25 \
             AND blog_id = $26 AND version = $27",
        )
        .bind(blog.0);
        let done = bind_entry(query, entry)
            .bind(entry.id.0)
            .bind(blog.0)
            .bind(i64::from(over))
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            let exists = sqlx::query("SELECT 1 AS one FROM entries WHERE id = $1 AND blog_id = $2")
                .bind(entry.id.0)
                .bind(blog.0)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(match exists {
                Some(_) => StoreError::Stale,
                None => StoreError::NotFound,
            });
        }
        save_corrections(&mut tx, blog, entry).await?;
        super::polls::keep_poll(&mut tx, entry.id, entry).await?;
        let by = super::revisions::saved_by(entry);
        super::revisions::keep(&mut tx, blog, entry, by, Utc::now()).await?;
        let seq = self
            .log_change(&mut tx, blog, ChangeKind::EntryUpdated, Some(entry.id))
            .await?;
        let seq = self.log_unpinned(&mut tx, blog, unpinned, seq).await?;
        tx.commit().await?;
        Ok(Committed { value: (), seq })
    }

    /// Takes an entry off its page, keeping it whole to be restored (see
    /// `deleted.rs`), and logs that it went.
    pub async fn delete_entry(
        &self,
        blog: BlogId,
        entry: EntryId,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Committed<()>, StoreError> {
        let mut tx = self.pool().begin().await?;
        // The row as the delete itself finds it: a correction committed a moment
        // before, on any instance, is in the copy kept, and no write comes between.
        let row = sqlx::query(concat!(
            "DELETE FROM entries WHERE id = $1 AND blog_id = $2 RETURNING ",
            entry_columns!()
        ))
        .bind(entry.0)
        .bind(blog.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let mut deleted = rows::entry(&row)?;
        deleted.corrections = corrections_in(&mut tx, entry).await?;
        sqlx::query("DELETE FROM corrections WHERE entry_id = $1")
            .bind(entry.0)
            .execute(&mut *tx)
            .await?;
        super::deleted::keep(&mut tx, blog, &deleted, by, at).await?;
        let seq = self
            .log_change(&mut tx, blog, ChangeKind::EntryDeleted, Some(entry))
            .await?;
        tx.commit().await?;
        Ok(Committed { value: (), seq })
    }
}

/// Entry `id` of page `blog` with its corrections, read inside `tx`.
async fn entry_in(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    id: EntryId,
) -> Result<Option<Entry>, StoreError> {
    let row = sqlx::query(concat!(
        "SELECT ",
        entry_columns!(),
        " FROM entries WHERE blog_id = $1 AND id = $2"
    ))
    .bind(blog.0)
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let mut entry = rows::entry(&row)?;
    entry.corrections = corrections_in(tx, id).await?;
    if let Some(poll) = entry.poll.as_mut() {
        poll.counts = super::polls::counts_in(tx, id).await?;
    }
    Ok(Some(entry))
}

/// Entry `id`'s public correction notes, oldest first, read inside `tx`.
async fn corrections_in(
    tx: &mut Transaction<'static, Any>,
    id: EntryId,
) -> Result<Vec<crate::domain::Correction>, StoreError> {
    sqlx::query("SELECT entry_id, note, at FROM corrections WHERE entry_id = $1 ORDER BY id")
        .bind(id.0)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| rows::correction(r).map(|(_, c)| c))
        .collect()
}

impl Store {
    /// Holds page `blog` until the transaction ends: its other writers, on any
    /// instance, wait, so what this one reads of the page next is still so at commit.
    async fn hold_page(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
    ) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE blogs SET last_seq = last_seq WHERE id = $1")
            .bind(blog.0)
            .execute(&mut **tx)
            .await?;
        super::found(&done)
    }

    /// When `entry` is pinned, unpins every other entry on the page and returns them.
    /// Each one's version goes up, so a correction begun before is not saved over it
    /// unseen. The page is held first, so two instances pinning at once pin one after
    /// the other.
    pub(super) async fn unpin_for(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        entry: &Entry,
    ) -> Result<Vec<EntryId>, StoreError> {
        if !entry.pinned {
            return Ok(Vec::new());
        }
        self.hold_page(tx, blog).await?;
        let unpinned: Vec<EntryId> = sqlx::query(
            "UPDATE entries SET pinned = 0, version = version + 1 \
             WHERE blog_id = $1 AND pinned = 1 AND id <> $2 RETURNING id",
        )
        .bind(blog.0)
        .bind(entry.id.0)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|row| Ok(EntryId(rows::integer(row, "id")?)))
        .collect::<Result<_, StoreError>>()?;
        // Each one's new version joins its history, unpinned by whoever pinned this one.
        let by = super::revisions::saved_by(entry);
        for id in &unpinned {
            if let Some(version) = entry_in(tx, blog, *id).await? {
                super::revisions::keep(tx, blog, &version, by, Utc::now()).await?;
            }
        }
        Ok(unpinned)
    }

    /// Logs each entry `unpinned` as changed, after the change that pinned another
    /// (`seq`), so readers see the new pin first. Returns the page's last number.
    pub(super) async fn log_unpinned(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        unpinned: Vec<EntryId>,
        mut seq: Seq,
    ) -> Result<Seq, StoreError> {
        for id in unpinned {
            seq = self
                .log_change(tx, blog, ChangeKind::EntryUpdated, Some(id))
                .await?;
        }
        Ok(seq)
    }
}

/// Writes an entry's correction notes as they now stand.
pub(super) async fn save_corrections(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    entry: &Entry,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM corrections WHERE entry_id = $1")
        .bind(entry.id.0)
        .execute(&mut **tx)
        .await?;
    for correction in &entry.corrections {
        sqlx::query(
            "INSERT INTO corrections (blog_id, entry_id, note, at) VALUES ($1, $2, $3, $4)",
        )
        .bind(blog.0)
        .bind(entry.id.0)
        .bind(&correction.note)
        .bind(time_text(correction.at))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Inserts a new entry and returns the id the database gave it.
async fn insert_entry(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    entry: &Entry,
) -> Result<EntryId, StoreError> {
    let query = sqlx::query(
        "INSERT INTO entries (blog_id, title, body, label, author_name, author_role, image_url, \
         image_alt, image_caption, image_credit, key_event, pinned, published_at, updated_at, \
         created_by, updated_by, version, post, tags, authors, gallery, clip, label_names, poll) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24) RETURNING id",
    )
    .bind(blog.0);
    let row = bind_entry(query, entry).fetch_one(&mut **tx).await?;
    let id = EntryId(rows::integer(&row, "id")?);
    super::polls::keep_poll(tx, id, entry).await?;
    Ok(id)
}

/// Puts an entry in under its own number: a deleted one restored, or one imported.
pub(super) async fn reinsert_entry(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    entry: &Entry,
) -> Result<(), StoreError> {
    let query = sqlx::query(
        "INSERT INTO entries (blog_id, title, body, label, author_name, author_role, image_url, \
         image_alt, image_caption, image_credit, key_event, pinned, published_at, updated_at, \
         created_by, updated_by, version, post, tags, authors, gallery, clip, label_names, poll, id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24, $25)",
    )
    .bind(blog.0);
    bind_entry(query, entry)
        .bind(entry.id.0)
        .execute(&mut **tx)
        .await?;
    super::polls::keep_poll(tx, entry.id, entry).await?;
    save_corrections(tx, blog, entry).await
}

pub(super) type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>;

/// Binds an entry's fields, `$2` to `$24` of the inserts and the update.
pub(super) fn bind_entry<'q>(query: AnyQuery<'q>, entry: &Entry) -> AnyQuery<'q> {
    let byline = entry.byline.as_ref();
    let image = entry.image.as_ref();
    query
        .bind(entry.title.clone())
        .bind(entry.body.clone())
        .bind(entry.label.as_ref().map(|l| l.key.clone()))
        .bind(byline.map(|b| b.name.clone()))
        .bind(byline.and_then(|b| b.role.clone()))
        .bind(image.map(|i| i.url.clone()))
        .bind(image.map(|i| i.alt.clone()))
        .bind(image.and_then(|i| i.caption.clone()))
        .bind(image.and_then(|i| i.credit.clone()))
        .bind(flag(entry.key_event))
        .bind(flag(entry.pinned))
        .bind(time_text(entry.published_at))
        .bind(entry.updated_at.map(time_text))
        .bind(entry.created_by.clone())
        .bind(entry.updated_by.clone())
        .bind(i64::from(entry.version))
        .bind(entry.post.as_ref().map(rows::post_text))
        .bind(rows::tags_text(&entry.tags))
        .bind(rows::authors_text(&entry.authors))
        .bind(rows::gallery_text(&entry.gallery))
        .bind(entry.clip.as_ref().map(rows::clip_text))
        .bind(entry.label.as_ref().and_then(rows::label_names_text))
        .bind(entry.poll.as_ref().map(rows::poll_text))
}
