//! Which uploaded images are in use: by an entry, or by a draft (which keeps the form
//! as typed), so that unused uploads can be removed.

use super::rows;
use super::{Store, StoreError};
use crate::domain::EntryInput;

impl Store {
    /// The address of every image on this server an entry or a draft uses.
    pub async fn images_in_use(&self) -> Result<Vec<String>, StoreError> {
        let mut in_use = Vec::new();
        let entries = sqlx::query("SELECT image_url FROM entries WHERE image_url LIKE '/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &entries {
            in_use.push(rows::text(row, "image_url")?);
        }
        let drafts = sqlx::query("SELECT input FROM drafts WHERE input LIKE '%/media/%'")
            .fetch_all(self.pool())
            .await?;
        for row in &drafts {
            let input: EntryInput = serde_json::from_str(&rows::text(row, "input")?)
                .map_err(|_| StoreError::Corrupt("unreadable draft".into()))?;
            in_use.push(input.image_url);
        }
        Ok(in_use)
    }
}
