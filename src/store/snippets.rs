//! The newsroom's snippets. A new one takes the lowest free slot of
//! [`MAX_SNIPPETS`]: two added at once on two instances that pick the same slot meet
//! the slot's unique key, and the second picks again, so the limit holds.

use chrono::{DateTime, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError, is_unique_violation};
use crate::domain::{MAX_SNIPPETS, Snippet, SnippetId, SnippetText};

fn read(row: &sqlx::any::AnyRow) -> Result<Snippet, StoreError> {
    Ok(Snippet {
        id: SnippetId(rows::integer(row, "id")?),
        text: SnippetText {
            name: rows::text(row, "name")?,
            body: rows::text(row, "body")?,
        },
        updated_at: rows::time(row, "updated_at")?,
        updated_by: rows::text(row, "updated_by")?,
    })
}

impl Store {
    /// Every snippet, by name. One that cannot be read is left out, and logged.
    pub async fn snippets(&self) -> Result<Vec<Snippet>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, body, updated_at, updated_by FROM snippets ORDER BY name, id",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows::readable(&rows, "id", "a snippet", read))
    }

    async fn name_taken(&self, name: &str) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT id FROM snippets WHERE name = $1")
            .bind(name)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    /// Adds a snippet: `Ok(None)` when the newsroom has [`MAX_SNIPPETS`] already,
    /// [`StoreError::Taken`]`("name")` when one has its name.
    pub async fn add_snippet(
        &self,
        text: &SnippetText,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<SnippetId>, StoreError> {
        // Each try loses its slot only to an insert that took it: at most one try per slot.
        for _ in 0..=MAX_SNIPPETS {
            let taken: Vec<i64> = sqlx::query("SELECT slot FROM snippets ORDER BY slot")
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|row| rows::integer(row, "slot"))
                .collect::<Result<_, _>>()?;
            let Some(slot) = (1..=MAX_SNIPPETS as i64).find(|slot| !taken.contains(slot)) else {
                return Ok(None);
            };
            let inserted = sqlx::query(
                "INSERT INTO snippets (slot, name, body, updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(slot)
            .bind(&text.name)
            .bind(&text.body)
            .bind(time_text(at))
            .bind(by)
            .fetch_one(self.pool())
            .await;
            match inserted {
                Ok(row) => return Ok(Some(SnippetId(rows::integer(&row, "id")?))),
                Err(error) if is_unique_violation(&error) => {
                    if self.name_taken(&text.name).await? {
                        return Err(StoreError::Taken("name"));
                    }
                    // Another editor took the slot a moment before: pick again.
                }
                Err(error) => return Err(error.into()),
            }
        }
        Ok(None)
    }

    /// Saves a snippet's new name and text.
    pub async fn save_snippet(
        &self,
        id: SnippetId,
        text: &SnippetText,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE snippets SET name = $1, body = $2, updated_at = $3, updated_by = $4 \
             WHERE id = $5",
        )
        .bind(&text.name)
        .bind(&text.body)
        .bind(time_text(at))
        .bind(by)
        .bind(id.0)
        .execute(self.pool())
        .await
        .map_err(StoreError::taken_as("name"))?;
        super::found(&done)
    }

    pub async fn delete_snippet(&self, id: SnippetId) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM snippets WHERE id = $1")
            .bind(id.0)
            .execute(self.pool())
            .await?;
        super::found(&done)
    }
}
