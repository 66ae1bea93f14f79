//! The durable record: every live page, entry, change, account and session.
//!
//! One SQL store serves both databases: SQLite in the data directory by default, and
//! PostgreSQL when several instances share one record. Every change to a live page is
//! given that page's next sequence number by the database, in the same transaction as
//! the change itself; readers' browsers see those numbers as SSE ids.

mod drafts;
mod limits;
mod media;
mod readers;
mod rows;
mod sql;

use chrono::{DateTime, Utc};

use crate::domain::{Blog, Entry, EntryId, Role};

pub use drafts::{DraftKept, Publishable};
pub use limits::{Attempt, AttemptRule, Beyond};
pub use sql::{Backend, NOTIFY_CHANNEL, SQLITE_FILE, Store};

/// A live page's change counter: each committed change gets the next number.
pub type Seq = u64;

/// A committed change and the sequence number it was given.
#[derive(Debug, Clone)]
pub struct Committed<T> {
    pub value: T,
    pub seq: Seq,
}

/// What a change did, as the change log records it and as the SSE `event:` name says
/// it to readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    EntryCreated,
    EntryUpdated,
    EntryDeleted,
    BlogUpdated,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::EntryCreated => "entry-created",
            ChangeKind::EntryUpdated => "entry-updated",
            ChangeKind::EntryDeleted => "entry-deleted",
            ChangeKind::BlogUpdated => "blog-updated",
        }
    }

    pub fn parse(value: &str) -> Option<ChangeKind> {
        [
            ChangeKind::EntryCreated,
            ChangeKind::EntryUpdated,
            ChangeKind::EntryDeleted,
            ChangeKind::BlogUpdated,
        ]
        .into_iter()
        .find(|k| k.as_str() == value)
    }
}

/// One line of a live page's change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: Seq,
    pub kind: ChangeKind,
    /// The entry concerned, for entry changes.
    pub entry: Option<EntryId>,
}

/// A live page with everything in it, as loaded at start.
#[derive(Debug, Clone)]
pub struct BlogRecord {
    pub blog: Blog,
    /// In no particular order.
    pub entries: Vec<Entry>,
    /// The sequence number of the page's last committed change.
    pub last_seq: Seq,
}

/// A signed-in session as the store keeps it.
#[derive(Debug, Clone)]
pub struct StoredSession {
    pub user: String,
    pub role: Role,
    pub csrf_token: String,
    pub last_seen: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique name (a slug, a user name) is already taken.
    #[error("{0} is already taken")]
    Taken(&'static str),
    /// The database could not be reached or failed; the change was not committed.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The database holds something this build cannot read.
    #[error("the database holds unreadable data: {0}")]
    Corrupt(String),
    /// The database was written by a newer build, or is not ours at all.
    #[error("{0}")]
    Incompatible(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                let message = db.message();
                if message.contains("slug") {
                    StoreError::Taken("slug")
                } else {
                    StoreError::Taken("name")
                }
            }
            sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => {
                StoreError::Corrupt(error.to_string())
            }
            _ => StoreError::Unavailable(error.to_string()),
        }
    }
}
