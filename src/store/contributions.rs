//! What readers send through a page's callout: kept for the desk, with the sender's
//! contact address for editors only, deleted once it is 30 days old.

use chrono::{DateTime, Duration, Utc};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{
    BlogId, CONTACT_KEPT_DAYS, CalloutKind, Contribution, ContributionState, ContributionText,
    EntryId,
};

const COLUMNS: &str = "id, blog_id, kind, text, name, place, contact, photo_url, sent_at, state";

impl Store {
    /// Keeps what a reader sent to page `blog`.
    pub async fn add_contribution(
        &self,
        blog: BlogId,
        kind: CalloutKind,
        text: &ContributionText,
        photo_url: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO contributions (blog_id, kind, text, name, place, contact, photo_url, \
             sent_at, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'waiting') RETURNING id",
        )
        .bind(blog.0)
        .bind(kind.as_str())
        .bind(text.text.clone())
        .bind(text.name.clone())
        .bind(text.place.clone())
        .bind(text.contact.clone())
        .bind(photo_url.map(str::to_owned))
        .bind(time_text(at))
        .fetch_one(self.pool())
        .await?;
        rows::integer(&row, "id")
    }

    /// The first `limit` of what waits on page `blog` for an editor, the oldest first,
    /// and how many wait in all. A row that cannot be read is left out, never in the way
    /// of the rest.
    pub async fn waiting_contributions(
        &self,
        blog: BlogId,
        limit: u32,
    ) -> Result<(Vec<Contribution>, u64), StoreError> {
        let count = sqlx::query(
            "SELECT COUNT(*) AS waiting FROM contributions WHERE blog_id = $1 AND state = 'waiting'",
        )
        .bind(blog.0)
        .fetch_one(self.pool())
        .await?;
        let count = u64::try_from(rows::integer(&count, "waiting")?).unwrap_or(0);
        let query = format!(
            "SELECT {COLUMNS} FROM contributions WHERE blog_id = $1 AND state = 'waiting' \
             ORDER BY id LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(blog.0)
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        let listed = rows
            .iter()
            .filter_map(|row| match contribution(row) {
                Ok(c) => Some(c),
                Err(error) => {
                    tracing::warn!(%error, "a reader's contribution could not be read");
                    None
                }
            })
            .collect();
        Ok((listed, count))
    }

    pub async fn contribution(
        &self,
        blog: BlogId,
        id: i64,
    ) -> Result<Option<Contribution>, StoreError> {
        let query = format!("SELECT {COLUMNS} FROM contributions WHERE blog_id = $1 AND id = $2");
        let row = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(blog.0)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(contribution).transpose()
    }

    /// Takes a waiting contribution to be published (`true`) or discarded; false if it
    /// was not waiting (another editor acted first, on any instance).
    pub async fn settle_contribution(&self, id: i64, published: bool) -> Result<bool, StoreError> {
        let state = match published {
            true => ContributionState::Published,
            false => ContributionState::Discarded,
        };
        let done =
            sqlx::query("UPDATE contributions SET state = $2 WHERE id = $1 AND state = 'waiting'")
                .bind(id)
                .bind(state.as_str())
                .execute(self.pool())
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Names the entry a contribution was published as, or (`None`) puts it back to
    /// wait: its entry could not be published.
    pub async fn published_as(&self, id: i64, entry: Option<EntryId>) -> Result<(), StoreError> {
        let query = match entry {
            Some(_) => "UPDATE contributions SET entry_id = $2 WHERE id = $1",
            None => "UPDATE contributions SET state = 'waiting', entry_id = $2 WHERE id = $1",
        };
        sqlx::query(query)
            .bind(id)
            .bind(entry.map(|e| e.0))
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Deletes the contact addresses sent before [`CONTACT_KEPT_DAYS`] days ago; how
    /// many went.
    pub async fn forget_old_contacts(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let before = now - Duration::days(CONTACT_KEPT_DAYS);
        let done = sqlx::query(
            "UPDATE contributions SET contact = NULL WHERE contact IS NOT NULL AND sent_at < $1",
        )
        .bind(time_text(before))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }

    /// The photos readers sent that wait for an editor: kept by the upload sweep.
    pub(super) async fn contribution_photos(&self) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT photo_url FROM contributions WHERE state = 'waiting' AND photo_url IS NOT NULL",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| rows::text(row, "photo_url"))
            .collect()
    }
}

fn contribution(row: &sqlx::any::AnyRow) -> Result<Contribution, StoreError> {
    let kind = rows::text(row, "kind")?;
    let state = rows::text(row, "state")?;
    Ok(Contribution {
        id: rows::integer(row, "id")?,
        blog: BlogId(rows::integer(row, "blog_id")?),
        kind: CalloutKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("a contribution of kind {kind:?}")))?,
        text: ContributionText {
            text: rows::text(row, "text")?,
            name: rows::text(row, "name")?,
            place: rows::optional_text(row, "place")?,
            contact: rows::optional_text(row, "contact")?,
        },
        photo_url: rows::optional_text(row, "photo_url")?,
        sent_at: rows::time(row, "sent_at")?,
        state: ContributionState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("a contribution {state:?}")))?,
    })
}
