//! Uploaded images, video and sound: which are in use (by an entry, or by a draft, which keeps the form
//! as typed), so that unused uploads can be removed; and, on PostgreSQL, the images
//! themselves.

use std::path::Path;
use std::sync::Arc;

use axum::body::Bytes;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use sqlx::Row;
use tokio::io::AsyncReadExt;

use crate::media::Chunks;

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{Author, Clip, EntryInput, Image};

/// Every address of this server's media in a text: each `/media/` and the name after it.
fn media_addresses(text: &str) -> Vec<String> {
    text.match_indices("/media/")
        .map(|(at, _)| {
            let name: String = text[at + "/media/".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
                .collect();
            format!("/media/{name}")
        })
        .collect()
}

impl Store {
    /// The address of every image on this server an entry, a draft or a deleted entry
    /// that can still be restored uses.
    pub async fn images_in_use(&self) -> Result<Vec<String>, StoreError> {
        let mut in_use = Vec::new();
        let entries = sqlx::query("SELECT image_url FROM entries WHERE image_url LIKE '/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &entries {
            in_use.push(rows::text(row, "image_url")?);
        }
        // Pictures standing in entries' text: `![alt](/media/…)`.
        let bodies = sqlx::query("SELECT body FROM entries WHERE body LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &bodies {
            in_use.extend(media_addresses(&rows::text(row, "body")?));
        }
        // Readers' photos waiting for an editor.
        in_use.extend(self.contribution_photos().await?);
        // Profiles' photos, and entries' bylines as they keep them.
        let profiles =
            sqlx::query("SELECT photo_url FROM profiles WHERE photo_url LIKE '/media/%'")
                .fetch_all(self.pool())
                .await?;
        for row in &profiles {
            in_use.push(rows::text(row, "photo_url")?);
        }
        let bylines = sqlx::query("SELECT authors FROM entries WHERE authors LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &bylines {
            let authors: Vec<Author> = serde_json::from_str(&rows::text(row, "authors")?)
                .map_err(|_| StoreError::Corrupt("unreadable authors".into()))?;
            in_use.extend(authors.into_iter().filter_map(|a| a.photo_url));
        }
        let galleries = sqlx::query("SELECT gallery FROM entries WHERE gallery LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &galleries {
            let gallery: Vec<Image> = serde_json::from_str(&rows::text(row, "gallery")?)
                .map_err(|_| StoreError::Corrupt("unreadable gallery".into()))?;
            in_use.extend(gallery.into_iter().map(|image| image.url));
        }
        // Clips (a video's poster shares its file's name) and their captions.
        let clips = sqlx::query("SELECT clip FROM entries WHERE clip LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &clips {
            let clip: Clip = serde_json::from_str(&rows::text(row, "clip")?)
                .map_err(|_| StoreError::Corrupt("unreadable clip".into()))?;
            in_use.push(clip.url);
            in_use.extend(clip.captions_url);
        }
        let drafts = sqlx::query("SELECT input FROM drafts WHERE input LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &drafts {
            let input: EntryInput = serde_json::from_str(&rows::text(row, "input")?)
                .map_err(|_| StoreError::Corrupt("unreadable draft".into()))?;
            in_use.extend(media_addresses(&input.body));
            in_use.push(input.image_url);
            in_use.extend(input.gallery.into_iter().map(|picture| picture.url));
            in_use.extend([input.clip_url, input.clip_captions_url]);
        }
        let deleted = sqlx::query("SELECT entry FROM deleted_entries WHERE entry LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &deleted {
            let entry = rows::entry_from_json(row, "entry")?;
            in_use.extend(media_addresses(&entry.body));
            in_use.extend(entry.image.map(|image| image.url));
            in_use.extend(entry.authors.into_iter().filter_map(|a| a.photo_url));
            in_use.extend(entry.gallery.into_iter().map(|image| image.url));
            in_use.extend(
                entry
                    .clip
                    .into_iter()
                    .flat_map(|clip| std::iter::once(clip.url).chain(clip.captions_url)),
            );
        }
        Ok(in_use)
    }
}

/// Uploaded images kept in the record itself (on PostgreSQL), so that every instance
/// serves every one; each copy by its content-addressed name.
impl Store {
    /// Keeps `bytes` as `name`, unless an image of that name is kept already.
    pub async fn keep_media(
        &self,
        name: &str,
        bytes: &[u8],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO media (name, bytes, kept_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(bytes.to_vec())
        .bind(time_text(at))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The image kept as `name`, if there is one.
    pub async fn media(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT bytes FROM media WHERE name = $1")
            .bind(name)
            .fetch_optional(self.pool())
            .await?;
        row.map(|row| Ok(row.try_get::<Vec<u8>, _>("bytes")?))
            .transpose()
    }

    /// The names of the images kept before `before`.
    pub async fn media_kept_before(
        &self,
        before: DateTime<Utc>,
    ) -> Result<Vec<String>, StoreError> {
        sqlx::query("SELECT name FROM media WHERE kept_at < $1")
            .bind(time_text(before))
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|row| rows::text(row, "name"))
            .collect()
    }

    /// Removes the file kept as `name` (its parts go with it).
    pub async fn remove_media(&self, name: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM media WHERE name = $1")
            .bind(name)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Video and audio files kept in the record (on PostgreSQL) in parts of this size, so
/// that a range is read a part at a time, never the whole file.
pub const MEDIA_PART_BYTES: u64 = 1024 * 1024;

impl Store {
    /// Keeps the file at `path` as `name`, in parts, in one transaction: all of it, or
    /// none. A file of that name kept already is the same file.
    pub async fn keep_media_file(
        &self,
        name: &str,
        path: &Path,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let unreadable = |error: std::io::Error| StoreError::Unavailable(error.to_string());
        let mut file = tokio::fs::File::open(path).await.map_err(unreadable)?;
        let size = file.metadata().await.map_err(unreadable)?.len();
        let mut tx = self.pool().begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO media (name, bytes, kept_at, size) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(Vec::<u8>::new())
        .bind(time_text(at))
        .bind(i64::try_from(size).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Ok(());
        }
        let mut part = Vec::with_capacity(MEDIA_PART_BYTES as usize);
        for number in 0i64.. {
            part.clear();
            (&mut file)
                .take(MEDIA_PART_BYTES)
                .read_to_end(&mut part)
                .await
                .map_err(unreadable)?;
            if part.is_empty() {
                break;
            }
            sqlx::query("INSERT INTO media_parts (name, part, bytes) VALUES ($1, $2, $3)")
                .bind(name)
                .bind(number)
                .bind(part.clone())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many bytes are kept as `name`, if anything is.
    pub async fn media_size(&self, name: &str) -> Result<Option<u64>, StoreError> {
        let row = sqlx::query("SELECT size FROM media WHERE name = $1 AND size IS NOT NULL")
            .bind(name)
            .fetch_optional(self.pool())
            .await?;
        row.map(|row| Ok(u64::try_from(row.try_get::<i64, _>("size")?).unwrap_or(0)))
            .transpose()
    }

    /// `length` bytes of the file kept in parts as `name`, from `start`, read a part at
    /// a time as they are sent.
    pub fn media_range(self: Arc<Self>, name: String, start: u64, length: u64) -> Chunks {
        let end = start + length;
        futures_util::stream::try_unfold(start, move |at| {
            let (store, name) = (Arc::clone(&self), name.clone());
            async move {
                if at >= end {
                    return Ok(None);
                }
                let number = at / MEDIA_PART_BYTES;
                let row =
                    sqlx::query("SELECT bytes FROM media_parts WHERE name = $1 AND part = $2")
                        .bind(&name)
                        .bind(i64::try_from(number).unwrap_or(i64::MAX))
                        .fetch_optional(store.pool())
                        .await
                        .map_err(std::io::Error::other)?
                        .ok_or_else(|| {
                            std::io::Error::other(format!("{name} lacks part {number}"))
                        })?;
                let part: Vec<u8> = row.try_get("bytes").map_err(std::io::Error::other)?;
                let from = usize::try_from(at - number * MEDIA_PART_BYTES).unwrap_or(usize::MAX);
                let to = usize::try_from((end - number * MEDIA_PART_BYTES).min(part.len() as u64))
                    .unwrap_or(usize::MAX);
                let Some(bytes) = part.get(from..to).filter(|b| !b.is_empty()) else {
                    return Err(std::io::Error::other(format!(
                        "{name} is shorter than its size"
                    )));
                };
                let next = at + bytes.len() as u64;
                Ok(Some((Bytes::copy_from_slice(bytes), next)))
            }
        })
        .boxed()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_text_s_pictures_are_found_by_their_addresses() {
        let text = "Before.\n\n![The quay](/media/ab12_1x1.png \"At dawn\")\n\n[link](/media/cd34_2x2.jpg).";
        assert_eq!(
            super::media_addresses(text),
            ["/media/ab12_1x1.png", "/media/cd34_2x2.jpg"]
        );
    }
}
