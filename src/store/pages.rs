//! Live pages: loading the live ones with their entries at start and listing the
//! ended ones, and opening, changing, closing and reopening one.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;

use super::rows::{self, blog_columns, entry_columns, time_text};
use super::{BlogRecord, Committed, PageListing, Store, StoreError};
use crate::domain::{Blog, BlogId, BlogSettings, BlogStatus, ChangeKind, Correction, EntryId, Seq};

impl Store {
    /// Every page whole, for `liveblog export`.
    pub async fn every_page(&self) -> Result<Vec<BlogRecord>, StoreError> {
        self.records("SELECT id FROM blogs").await
    }

    /// The pages that have not ended, whole: what an instance keeps in memory from
    /// start to shutdown. The archive of ended pages is not read (see `listings`).
    pub async fn live_pages(&self) -> Result<Vec<BlogRecord>, StoreError> {
        self.records("SELECT id FROM blogs WHERE status = 'live'")
            .await
    }

    /// The pages whose ids `which` selects, with their entries.
    async fn records(&self, which: &'static str) -> Result<Vec<BlogRecord>, StoreError> {
        let blogs = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {} FROM blogs WHERE id IN ({which}) ORDER BY id",
            blog_columns!()
        )))
        .fetch_all(self.pool())
        .await?;
        let mut records = Vec::with_capacity(blogs.len());
        for row in &blogs {
            let (blog, last_seq) = rows::blog(row)?;
            records.push(BlogRecord {
                blog,
                entries: Vec::new(),
                last_seq,
            });
        }
        // Each entry finds its page by the page's id, and rows are read one at a time:
        // start-up grows with the entries, never with entries times pages.
        let place: HashMap<BlogId, usize> = (records.iter().enumerate())
            .map(|(i, r)| (r.blog.id, i))
            .collect();
        let mut corrections = self.corrections_where(which).await?;
        let mut counts = self.poll_counts_where(which).await?;
        let query = format!(
            "SELECT blog_id, {} FROM entries WHERE blog_id IN ({which})",
            entry_columns!()
        );
        let mut entries = sqlx::query(sqlx::AssertSqlSafe(query)).fetch(self.pool());
        while let Some(row) = entries.try_next().await? {
            let blog = BlogId(rows::integer(&row, "blog_id")?);
            if let Some(&i) = place.get(&blog) {
                let mut entry = rows::entry(&row)?;
                entry.corrections = corrections.remove(&entry.id).unwrap_or_default();
                if let Some(poll) = entry.poll.as_mut() {
                    poll.counts = counts.remove(&entry.id).unwrap_or_default();
                }
                records[i].entries.push(entry);
            }
        }
        Ok(records)
    }

    /// What the index and the API's list tell of each ended page, read without its
    /// entries: from the index on `(blog_id, published_at, updated_at)` alone.
    pub async fn ended_listings(&self) -> Result<Vec<PageListing>, StoreError> {
        let blogs = sqlx::query(concat!(
            "SELECT ",
            blog_columns!(),
            " FROM blogs WHERE status <> 'live' ORDER BY id"
        ))
        .fetch_all(self.pool())
        .await?;
        let mut figures: HashMap<BlogId, (usize, Option<String>, Option<String>)> = HashMap::new();
        let mut rows = sqlx::query(
            "SELECT blog_id, COUNT(*) AS entry_count, MAX(published_at) AS published, \
             MAX(updated_at) AS updated FROM entries \
             WHERE blog_id IN (SELECT id FROM blogs WHERE status <> 'live') GROUP BY blog_id",
        )
        .fetch(self.pool());
        while let Some(row) = rows.try_next().await? {
            let count = rows::integer(&row, "entry_count")?;
            figures.insert(
                BlogId(rows::integer(&row, "blog_id")?),
                (
                    usize::try_from(count).unwrap_or(0),
                    rows::optional_text(&row, "published")?,
                    rows::optional_text(&row, "updated")?,
                ),
            );
        }
        blogs
            .iter()
            .map(|row| {
                let (blog, last_seq) = rows::blog(row)?;
                let (entry_count, published, updated) =
                    figures.remove(&blog.id).unwrap_or((0, None, None));
                let mut updated_at = blog.created_at;
                for time in [published, updated].into_iter().flatten() {
                    updated_at = updated_at.max(rows::parse_time(&time)?);
                }
                Ok(PageListing {
                    blog,
                    last_seq,
                    entry_count,
                    updated_at,
                })
            })
            .collect()
    }

    /// The correction notes of the entries on the pages whose ids `which` selects.
    async fn corrections_where(
        &self,
        which: &'static str,
    ) -> Result<HashMap<EntryId, Vec<Correction>>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT entry_id, note, at FROM corrections WHERE blog_id IN ({which}) ORDER BY id"
        )))
        .fetch_all(self.pool())
        .await?;
        by_entry(&rows)
    }

    /// The correction notes of one page's entries, oldest first.
    pub(super) async fn corrections(
        &self,
        blog: BlogId,
    ) -> Result<HashMap<EntryId, Vec<Correction>>, StoreError> {
        let rows = sqlx::query(
            "SELECT entry_id, note, at FROM corrections WHERE blog_id = $1 ORDER BY id",
        )
        .bind(blog.0)
        .fetch_all(self.pool())
        .await?;
        by_entry(&rows)
    }

    /// A page's settings and the sequence number it is up to.
    pub async fn blog(&self, id: BlogId) -> Result<Option<(Blog, Seq)>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            blog_columns!(),
            " FROM blogs WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(rows::blog).transpose()
    }

    pub async fn create_blog(
        &self,
        draft: BlogSettings,
        at: DateTime<Utc>,
    ) -> Result<Blog, StoreError> {
        let mut tx = self.pool().begin().await?;
        let summary =
            serde_json::to_string(&draft.summary).expect("a list of strings always serialises");
        let row = sqlx::query(
            "INSERT INTO blogs (slug, title, description, summary, time_zone, status, created_at, reading_order, \
             embed_origins, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(draft.slug.as_str())
        .bind(&draft.title)
        .bind(&draft.description)
        .bind(summary)
        .bind(draft.time_zone.name())
        .bind("live")
        .bind(time_text(at))
        .bind(reading_order(draft.oldest_first))
        .bind(draft.embed_origins.join(" "))
        .bind(&draft.language)
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::taken_as("slug"))?;
        let id = BlogId(rows::integer(&row, "id")?);
        self.keep_request_key(&mut tx, id, None).await?;
        // Other instances load a page they hear of and do not know.
        self.announce(&mut tx, id, 0).await?;
        tx.commit().await?;
        Ok(Blog {
            id,
            slug: draft.slug,
            title: draft.title,
            description: draft.description,
            summary: draft.summary,
            time_zone: draft.time_zone,
            status: BlogStatus::Live,
            created_at: at,
            oldest_first: draft.oldest_first,
            embed_origins: draft.embed_origins,
            language: draft.language,
            callout: None,
        })
    }

    pub async fn save_blog(&self, blog: &Blog) -> Result<Committed<()>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let summary =
            serde_json::to_string(&blog.summary).expect("a list of strings always serialises");
        let status = status_text(blog.status);
        let done = sqlx::query(
            "UPDATE blogs SET title = $1, description = $2, summary = $3, time_zone = $4, status = $5, \
             reading_order = $6, embed_origins = $7, language = $8, callout = $9 WHERE id = $10",
        )
        .bind(&blog.title)
        .bind(&blog.description)
        .bind(summary)
        .bind(blog.time_zone.name())
        .bind(status)
        .bind(reading_order(blog.oldest_first))
        .bind(blog.embed_origins.join(" "))
        .bind(&blog.language)
        .bind(
            (blog.callout.as_ref())
                .map(|c| serde_json::to_string(c).expect("a callout is strings only")),
        )
        .bind(blog.id.0)
        .execute(&mut *tx)
        .await?;
        super::found(&done)?;
        let seq = self
            .log_change(&mut tx, blog.id, ChangeKind::BlogUpdated, None)
            .await?;
        tx.commit().await?;
        Ok(Committed { value: (), seq })
    }
}

/// Correction notes by the entry they are on, in the order of their rows.
fn by_entry(rows: &[sqlx::any::AnyRow]) -> Result<HashMap<EntryId, Vec<Correction>>, StoreError> {
    let mut by_entry: HashMap<EntryId, Vec<Correction>> = HashMap::new();
    for row in rows {
        let (entry, correction) = rows::correction(row)?;
        by_entry.entry(entry).or_default().push(correction);
    }
    Ok(by_entry)
}

pub(super) fn reading_order(oldest_first: bool) -> &'static str {
    if oldest_first { "oldest" } else { "newest" }
}

pub(super) fn status_text(status: BlogStatus) -> &'static str {
    match status {
        BlogStatus::Live => "live",
        BlogStatus::Closed => "closed",
    }
}
