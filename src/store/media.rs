//! Which uploaded images are in use: by an entry, or by a draft (which keeps the form
//! as typed), so that unused uploads can be removed.

use std::collections::HashSet;

use super::rows;
use super::{Store, StoreError};
use crate::domain::EntryInput;
use crate::media::hash_of;

impl Store {
    /// The hashes of every uploaded image an entry or a draft uses.
    pub async fn media_in_use(&self) -> Result<HashSet<String>, StoreError> {
        let mut in_use = HashSet::new();
        let entries = sqlx::query("SELECT image_url FROM entries WHERE image_url LIKE '/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &entries {
            let url = rows::text(row, "image_url")?;
            in_use.extend(hash_of(&url).map(str::to_owned));
        }
        let drafts = sqlx::query("SELECT input FROM drafts WHERE input LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &drafts {
            let input: EntryInput = serde_json::from_str(&rows::text(row, "input")?)
                .map_err(|_| StoreError::Corrupt("unreadable draft".into()))?;
            in_use.extend(hash_of(&input.image_url).map(str::to_owned));
        }
        Ok(in_use)
    }
}
