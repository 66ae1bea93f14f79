//! Live pages: loading every page with its entries at start, and opening, changing,
//! closing and reopening one.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;

use super::rows::{self, blog_columns, entry_columns, time_text};
use super::{BlogRecord, Committed, Store, StoreError};
use crate::domain::{Blog, BlogId, BlogSettings, BlogStatus, ChangeKind, Correction, EntryId, Seq};

impl Store {
    pub async fn load(&self) -> Result<Vec<BlogRecord>, StoreError> {
        let blogs = sqlx::query(concat!(
            "SELECT ",
            blog_columns!(),
            " FROM blogs ORDER BY id"
        ))
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
        let mut corrections = self.corrections(None).await?;
        let mut entries = sqlx::query(concat!(
            "SELECT blog_id, ",
            entry_columns!(),
            " FROM entries"
        ))
        .fetch(self.pool());
        while let Some(row) = entries.try_next().await? {
            let blog = BlogId(rows::integer(&row, "blog_id")?);
            if let Some(&i) = place.get(&blog) {
                let mut entry = rows::entry(&row)?;
                entry.corrections = corrections.remove(&entry.id).unwrap_or_default();
                records[i].entries.push(entry);
            }
        }
        Ok(records)
    }

    /// The correction notes of every entry, or of one page's, oldest first.
    pub(super) async fn corrections(
        &self,
        blog: Option<BlogId>,
    ) -> Result<HashMap<EntryId, Vec<Correction>>, StoreError> {
        let rows = match blog {
            Some(blog) => {
                sqlx::query(
                    "SELECT entry_id, note, at FROM corrections WHERE blog_id = $1 ORDER BY id",
                )
                .bind(blog.0)
                .fetch_all(self.pool())
                .await?
            }
            None => {
                sqlx::query("SELECT entry_id, note, at FROM corrections ORDER BY id")
                    .fetch_all(self.pool())
                    .await?
            }
        };
        let mut by_entry: HashMap<EntryId, Vec<Correction>> = HashMap::new();
        for row in &rows {
            let (entry, correction) = rows::correction(row)?;
            by_entry.entry(entry).or_default().push(correction);
        }
        Ok(by_entry)
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
        })
    }

    pub async fn save_blog(&self, blog: &Blog) -> Result<Committed<()>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let summary =
            serde_json::to_string(&blog.summary).expect("a list of strings always serialises");
        let status = status_text(blog.status);
        let done = sqlx::query(
            "UPDATE blogs SET title = $1, description = $2, summary = $3, time_zone = $4, status = $5, \
             reading_order = $6, embed_origins = $7, language = $8 WHERE id = $9",
        )
        .bind(&blog.title)
        .bind(&blog.description)
        .bind(summary)
        .bind(blog.time_zone.name())
        .bind(status)
        .bind(reading_order(blog.oldest_first))
        .bind(blog.embed_origins.join(" "))
        .bind(&blog.language)
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

pub(super) fn reading_order(oldest_first: bool) -> &'static str {
    if oldest_first { "oldest" } else { "newest" }
}

pub(super) fn status_text(status: BlogStatus) -> &'static str {
    match status {
        BlogStatus::Live => "live",
        BlogStatus::Closed => "closed",
    }
}
