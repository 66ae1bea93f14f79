//! The newsroom's profiles: the people bylines name, each under a name of its own.

use chrono::{DateTime, Utc};

use super::entries::AnyQuery;
use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{Profile, ProfileCard, ProfileId};

fn read(row: &sqlx::any::AnyRow) -> Result<Profile, StoreError> {
    Ok(Profile {
        id: ProfileId(rows::integer(row, "id")?),
        card: ProfileCard {
            name: rows::text(row, "name")?,
            role: rows::optional_text(row, "role")?,
            photo_url: rows::optional_text(row, "photo_url")?,
            line: rows::optional_text(row, "line")?,
            link: rows::optional_text(row, "link")?,
        },
        updated_at: rows::time(row, "updated_at")?,
        updated_by: rows::text(row, "updated_by")?,
    })
}

/// Binds what a profile says, who saved it and when: `$1` to `$7` of the insert and
/// the update.
fn bind_profile<'q>(
    query: AnyQuery<'q>,
    card: &ProfileCard,
    by: &str,
    at: DateTime<Utc>,
) -> AnyQuery<'q> {
    query
        .bind(card.name.clone())
        .bind(card.role.clone())
        .bind(card.photo_url.clone())
        .bind(card.line.clone())
        .bind(card.link.clone())
        .bind(time_text(at))
        .bind(by.to_owned())
}

impl Store {
    /// Every profile, by name. One that cannot be read is left out, and logged.
    pub async fn profiles(&self) -> Result<Vec<Profile>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, role, photo_url, line, link, updated_at, updated_by \
             FROM profiles ORDER BY name, id",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows::readable(&rows, "id", "a profile", read))
    }

    /// Adds a profile: [`StoreError::Taken`]`("name")` when one has its name.
    pub async fn add_profile(
        &self,
        card: &ProfileCard,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<ProfileId, StoreError> {
        let query = sqlx::query(
            "INSERT INTO profiles (name, role, photo_url, line, link, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        );
        let row = bind_profile(query, card, by, at)
            .fetch_one(self.pool())
            .await
            .map_err(StoreError::taken_as("name"))?;
        Ok(ProfileId(rows::integer(&row, "id")?))
    }

    /// Saves what a profile says.
    pub async fn save_profile(
        &self,
        id: ProfileId,
        card: &ProfileCard,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let query = sqlx::query(
            "UPDATE profiles SET name = $1, role = $2, photo_url = $3, line = $4, link = $5, \
             updated_at = $6, updated_by = $7 WHERE id = $8",
        );
        let done = bind_profile(query, card, by, at)
            .bind(id.0)
            .execute(self.pool())
            .await
            .map_err(StoreError::taken_as("name"))?;
        super::found(&done)
    }

    /// Removes a profile; entries that named it keep their byline as it was.
    pub async fn delete_profile(&self, id: ProfileId) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM profiles WHERE id = $1")
            .bind(id.0)
            .execute(self.pool())
            .await?;
        super::found(&done)
    }
}
