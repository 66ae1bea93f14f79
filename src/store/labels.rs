//! The newsroom's labels. A new one takes the lowest free place of [`MAX_LABELS`]: two
//! added at once on two instances that pick the same place meet its unique key, and the
//! second picks again, so the limit holds.

use chrono::{DateTime, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError, is_unique_violation};
use crate::domain::{Label, MAX_LABELS};

fn read(row: &sqlx::any::AnyRow) -> Result<Label, StoreError> {
    Ok(Label {
        key: rows::text(row, "key")?,
        names: serde_json::from_str(&rows::text(row, "names")?)
            .map_err(|e| StoreError::Corrupt(format!("bad label names: {e}")))?,
    })
}

fn names_text(label: &Label) -> String {
    serde_json::to_string(&label.names).expect("names are strings only")
}

impl Store {
    /// Every label, in the order the form offers them. One that cannot be read is left
    /// out, and logged.
    pub async fn labels(&self) -> Result<Vec<Label>, StoreError> {
        let rows = sqlx::query("SELECT key, names FROM labels ORDER BY position")
            .fetch_all(self.pool())
            .await?;
        Ok(rows::readable(&rows, "key", "a label", read))
    }

    async fn label_kept(&self, key: &str) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT key FROM labels WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    /// Adds a label: `Ok(false)` when the newsroom has [`MAX_LABELS`] already,
    /// [`StoreError::Taken`]`("key")` when one has its key.
    pub async fn add_label(
        &self,
        label: &Label,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        // Each try loses its place only to an insert that took it.
        for _ in 0..=MAX_LABELS {
            let taken: Vec<i64> = sqlx::query("SELECT position FROM labels ORDER BY position")
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|row| rows::integer(row, "position"))
                .collect::<Result<_, _>>()?;
            let Some(place) = (0..MAX_LABELS as i64).find(|place| !taken.contains(place)) else {
                return Ok(false);
            };
            let inserted = sqlx::query(
                "INSERT INTO labels (key, names, position, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&label.key)
            .bind(names_text(label))
            .bind(place)
            .bind(by)
            .bind(time_text(at))
            .execute(self.pool())
            .await;
            match inserted {
                Ok(_) => return Ok(true),
                Err(error) if is_unique_violation(&error) => {
                    if self.label_kept(&label.key).await? {
                        return Err(StoreError::Taken("key"));
                    }
                    // Another editor took the place a moment before: pick again.
                }
                Err(error) => return Err(error.into()),
            }
        }
        Ok(false)
    }

    /// Saves a label's new names; its key stays.
    pub async fn save_label(
        &self,
        label: &Label,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE labels SET names = $1, updated_by = $2, updated_at = $3 WHERE key = $4",
        )
        .bind(names_text(label))
        .bind(by)
        .bind(time_text(at))
        .bind(&label.key)
        .execute(self.pool())
        .await?;
        super::found(&done)
    }

    /// Removes a label from the list; entries that carry it keep it.
    pub async fn delete_label(&self, key: &str) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM labels WHERE key = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        super::found(&done)
    }
}
