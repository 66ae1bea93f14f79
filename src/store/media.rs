//! Uploaded images: which are in use (by an entry, or by a draft, which keeps the form
//! as typed), so that unused uploads can be removed; and, on PostgreSQL, the images
//! themselves.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{Author, EntryInput, Image};

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
        let drafts = sqlx::query("SELECT input FROM drafts WHERE input LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &drafts {
            let input: EntryInput = serde_json::from_str(&rows::text(row, "input")?)
                .map_err(|_| StoreError::Corrupt("unreadable draft".into()))?;
            in_use.extend(media_addresses(&input.body));
            in_use.push(input.image_url);
            in_use.extend(input.gallery.into_iter().map(|picture| picture.url));
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

    pub async fn remove_media(&self, name: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM media WHERE name = $1")
            .bind(name)
            .execute(self.pool())
            .await?;
        Ok(())
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
