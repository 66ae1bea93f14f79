//! Readers' votes in entries' polls, counted where every instance counts: each vote
//! holds its poll's row while it is counted, so votes and a close are one after the
//! other whichever instances they come through, and a browser's second vote or one
//! past its address's limit is refused in the same transaction that would count it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::rows::{self, time_text};
use super::{Store, StoreError};
use crate::domain::{BlogId, Entry, EntryId};

/// What became of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ballot {
    Counted,
    /// This browser has voted in this poll already.
    AlreadyVoted,
    /// Voting has ended, or the entry has no poll (or no such answer).
    Closed,
    /// The address has cast as many votes in this poll as one may.
    TooMany,
}

/// One vote: which poll and answer, from which browser and address (the address
/// already hashed), at `at`, with at most `per_address` votes from one address.
pub struct Vote<'a> {
    pub entry: EntryId,
    pub answer: usize,
    pub voter: &'a str,
    pub address: &'a str,
    pub at: DateTime<Utc>,
    pub per_address: u32,
}

impl Store {
    /// Counts a vote, or says why not.
    pub async fn vote(&self, vote: &Vote<'_>) -> Result<Ballot, StoreError> {
        let answer = i64::try_from(vote.answer).unwrap_or(i64::MAX);
        let mut tx = self.pool().begin().await?;
        // Held until commit: votes and a close on any instance wait for each other.
        let open = sqlx::query(
            "UPDATE polls SET votes = votes + 1 WHERE entry_id = $1 AND closed = 0 \
             AND (closes_at IS NULL OR closes_at > $2) AND answers > $3",
        )
        .bind(vote.entry.0)
        .bind(time_text(vote.at))
        .bind(answer)
        .execute(&mut *tx)
        .await?;
        if open.rows_affected() == 0 {
            return Ok(Ballot::Closed);
        }
        let first = sqlx::query(
            "INSERT INTO poll_votes (entry_id, voter, answer, at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (entry_id, voter) DO NOTHING",
        )
        .bind(vote.entry.0)
        .bind(vote.voter.to_owned())
        .bind(answer)
        .bind(time_text(vote.at))
        .execute(&mut *tx)
        .await?;
        if first.rows_affected() == 0 {
            return Ok(Ballot::AlreadyVoted);
        }
        let within = sqlx::query(
            "INSERT INTO poll_addresses (entry_id, address, votes) VALUES ($1, $2, 1) \
             ON CONFLICT (entry_id, address) DO UPDATE SET votes = poll_addresses.votes + 1 \
             WHERE poll_addresses.votes < $3",
        )
        .bind(vote.entry.0)
        .bind(vote.address.to_owned())
        .bind(i64::from(vote.per_address))
        .execute(&mut *tx)
        .await?;
        if within.rows_affected() == 0 {
            return Ok(Ballot::TooMany);
        }
        sqlx::query(
            "INSERT INTO poll_tallies (entry_id, answer, votes) VALUES ($1, $2, 1) \
             ON CONFLICT (entry_id, answer) DO UPDATE SET votes = poll_tallies.votes + 1",
        )
        .bind(vote.entry.0)
        .bind(answer)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ballot::Counted)
    }

    /// The votes cast so far in each of `polls`: one indexed read, made about once a
    /// second while polls are open, to see which have moved.
    pub async fn poll_totals(
        &self,
        polls: &[EntryId],
    ) -> Result<HashMap<EntryId, u64>, StoreError> {
        if polls.is_empty() {
            return Ok(HashMap::new());
        }
        let query = format!(
            "SELECT entry_id, votes FROM polls WHERE entry_id IN ({})",
            rows::id_list(polls)
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(query))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    EntryId(rows::integer(row, "entry_id")?),
                    u64::try_from(rows::integer(row, "votes")?).unwrap_or(0),
                ))
            })
            .collect()
    }

    /// The votes for each answer of entry `id`'s poll, in the answers' order.
    pub async fn poll_counts_of(&self, id: EntryId) -> Result<Vec<u64>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let counts = counts_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(counts)
    }

    /// The counts of every poll on page `blog`, by entry.
    pub(super) async fn poll_counts(
        &self,
        blog: BlogId,
    ) -> Result<HashMap<EntryId, Vec<u64>>, StoreError> {
        let rows = sqlx::query(
            "SELECT entry_id, answer, votes FROM poll_tallies WHERE entry_id IN \
             (SELECT id FROM entries WHERE blog_id = $1)",
        )
        .bind(blog.0)
        .fetch_all(self.pool())
        .await?;
        counts_by_entry(&rows)
    }

    /// The counts of every poll on the pages whose ids `which` selects.
    pub(super) async fn poll_counts_where(
        &self,
        which: &'static str,
    ) -> Result<HashMap<EntryId, Vec<u64>>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT entry_id, answer, votes FROM poll_tallies WHERE entry_id IN \
             (SELECT id FROM entries WHERE blog_id IN ({which}))"
        )))
        .fetch_all(self.pool())
        .await?;
        counts_by_entry(&rows)
    }

    /// A key the server made once for `name`, or `made` kept as it if there is none
    /// yet: every instance gets the same, whichever made it first.
    pub async fn site_key(&self, name: &str, made: &str) -> Result<String, StoreError> {
        sqlx::query(
            "INSERT INTO site_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind(name.to_owned())
        .bind(made.to_owned())
        .execute(self.pool())
        .await?;
        let row = sqlx::query("SELECT value FROM site_keys WHERE name = $1")
            .bind(name.to_owned())
            .fetch_one(self.pool())
            .await?;
        rows::text(&row, "value")
    }
}

/// Entry `id`'s counts, read inside `tx`.
pub(super) async fn counts_in(
    tx: &mut Transaction<'static, Any>,
    id: EntryId,
) -> Result<Vec<u64>, StoreError> {
    let rows = sqlx::query("SELECT entry_id, answer, votes FROM poll_tallies WHERE entry_id = $1")
        .bind(id.0)
        .fetch_all(&mut **tx)
        .await?;
    Ok(counts_by_entry(&rows)?.remove(&id).unwrap_or_default())
}

fn counts_by_entry(rows: &[sqlx::any::AnyRow]) -> Result<HashMap<EntryId, Vec<u64>>, StoreError> {
    let mut counts: HashMap<EntryId, Vec<u64>> = HashMap::new();
    for row in rows {
        let id = EntryId(rows::integer(row, "entry_id")?);
        let Ok(answer) = usize::try_from(rows::integer(row, "answer")?) else {
            continue;
        };
        if answer >= crate::domain::MAX_POLL_ANSWERS {
            continue;
        }
        let votes = u64::try_from(rows::integer(row, "votes")?).unwrap_or(0);
        let list = counts.entry(id).or_default();
        if list.len() <= answer {
            list.resize(answer + 1, 0);
        }
        list[answer] = votes;
    }
    Ok(counts)
}

/// Keeps entry `id`'s poll as votes see it, inside the transaction that saves the
/// entry: its answers, its closing time and whether it is closed. An entry whose poll
/// is taken out loses its votes with it.
pub(super) async fn keep_poll(
    tx: &mut Transaction<'static, Any>,
    id: EntryId,
    entry: &Entry,
) -> Result<(), StoreError> {
    let (answers, closes_at, closed) = match &entry.poll {
        Some(poll) => (
            i64::try_from(poll.answers.len()).unwrap_or(0),
            poll.closes_at(entry.published_at).map(time_text),
            poll.closed_at.is_some(),
        ),
        None => (0, None, true),
    };
    if entry.poll.is_none() {
        // Taken out by an editor: its votes go with it, and a poll added later starts
        // from none.
        let removed = sqlx::query("DELETE FROM polls WHERE entry_id = $1")
            .bind(id.0)
            .execute(&mut **tx)
            .await?;
        if removed.rows_affected() > 0 {
            for table in ["poll_tallies", "poll_votes", "poll_addresses"] {
                let delete = format!("DELETE FROM {table} WHERE entry_id = $1");
                sqlx::query(sqlx::AssertSqlSafe(delete))
                    .bind(id.0)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO polls (entry_id, answers, closes_at, closed, votes) VALUES ($1, $2, $3, $4, 0) \
         ON CONFLICT (entry_id) DO UPDATE SET answers = $2, closes_at = $3, closed = $4",
    )
    .bind(id.0)
    .bind(answers)
    .bind(closes_at)
    .bind(rows::flag(closed))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
