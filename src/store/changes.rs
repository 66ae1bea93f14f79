//! The change log: each committed change to a live page gets the page's next sequence
//! number in the same transaction, and (on PostgreSQL) is announced to the other
//! instances when it commits.

use chrono::Utc;
use sqlx::{Any, Transaction};

use super::Backend;
use super::rows::{self, time_text};
use super::{NOTIFY_CHANNEL, Store, StoreError};
use crate::domain::{BlogId, Change, ChangeKind, EntryId, Seq};

impl Store {
    /// Gives the change the page's next sequence number and logs it, inside the
    /// transaction of the change itself, with the key of the request it is made for. On PostgreSQL it also announces the change to
    /// the other instances; the announcement is delivered only if the commit happens.
    pub(super) async fn log_change(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        kind: ChangeKind,
        entry: Option<EntryId>,
    ) -> Result<Seq, StoreError> {
        self.keep_request_key(tx, blog, entry).await?;
        let row = sqlx::query(
            "UPDATE blogs SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq",
        )
        .bind(blog.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let seq = rows::seq(&row, "last_seq")?;
        sqlx::query(
            "INSERT INTO changes (blog_id, seq, kind, entry_id, at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(blog.0)
        .bind(seq as i64)
        .bind(kind.as_str())
        .bind(entry.map(|e| e.0))
        .bind(time_text(Utc::now()))
        .execute(&mut **tx)
        .await?;
        super::webhooks::deliver_change(tx, blog, seq, kind, entry).await?;
        self.announce(tx, blog, seq).await?;
        Ok(seq)
    }

    /// On PostgreSQL, tells the other instances that page `blog` reached `seq`; the
    /// notice is delivered only if the transaction commits.
    pub(super) async fn announce(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        seq: Seq,
    ) -> Result<(), StoreError> {
        if self.backend() == Backend::Postgres {
            // Both numbers are ours, so the payload is safe to write inline.
            let notify = format!("NOTIFY {NOTIFY_CHANNEL}, '{}:{seq}'", blog.0);
            sqlx::raw_sql(sqlx::AssertSqlSafe(notify))
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Every page's sequence number, to find what this instance has not seen yet.
    pub async fn last_seqs(&self) -> Result<Vec<(BlogId, Seq)>, StoreError> {
        let rows = sqlx::query("SELECT id, last_seq FROM blogs")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    BlogId(rows::integer(row, "id")?),
                    rows::seq(row, "last_seq")?,
                ))
            })
            .collect()
    }

    /// A page's changes after `after`, oldest first: at most the newest `limit`.
    pub async fn changes_since(
        &self,
        blog: BlogId,
        after: Seq,
        limit: usize,
    ) -> Result<Vec<Change>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, kind, entry_id FROM changes WHERE blog_id = $1 AND seq > $2 ORDER BY seq DESC LIMIT $3",
        )
        .bind(blog.0)
        .bind(after as i64)
        .bind(limit as i64)
        .fetch_all(self.pool())
        .await?;
        let mut changes = rows
            .iter()
            .map(|row| {
                let kind = rows::string(row, "kind")?;
                let kind = ChangeKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("unknown change {kind:?}")))?;
                let entry = row_entry_id(row)?;
                if entry.is_none() && kind != ChangeKind::BlogUpdated {
                    return Err(StoreError::Corrupt(format!(
                        "a change {} that names no entry",
                        kind.as_str()
                    )));
                }
                Ok(Change {
                    seq: rows::seq(row, "seq")?,
                    kind,
                    entry,
                })
            })
            .collect::<Result<Vec<Change>, StoreError>>()?;
        changes.reverse();
        Ok(changes)
    }
}

fn row_entry_id(row: &sqlx::any::AnyRow) -> Result<Option<EntryId>, StoreError> {
    use sqlx::Row;
    Ok(row.try_get::<Option<i64>, _>("entry_id")?.map(EntryId))
}
