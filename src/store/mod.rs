//! The durable record: every live page, entry, change, account and session.
//!
//! One SQL store serves both databases: SQLite in the data directory by default, and
//! PostgreSQL when several instances share one record. Every change to a live page is
//! given that page's next sequence number by the database, in the same transaction as
//! the change itself; readers' browsers see those numbers as SSE ids.

mod accounts;
mod backup;
mod changes;
mod contributions;
mod database;
mod deleted;
mod drafts;
mod entries;
mod export;
mod faults;
mod figures;
mod labels;
mod limits;
mod media;
mod once;
mod pages;
mod polls;
mod presence;
mod profiles;
mod push;
mod readers;
mod revisions;
mod rows;
mod snippets;
mod webhooks;

use chrono::{DateTime, Utc};

use crate::domain::{Blog, Entry, Role, Seq};

pub use backup::BackupRow;
pub use database::{Backend, NOTIFY_CHANNEL, SQLITE_FILE, Store};
pub use drafts::Publishable;
pub use export::Export;
pub use faults::failures;
pub use limits::{Attempt, AttemptRule, Beyond};
pub use once::{KEY_KEPT, KeptAnswer, MadeBefore, RequestKey, made_once};
pub use polls::{Ballot, Vote};
pub use push::PushSubscription;
pub use webhooks::{DeliveryRecord, Due, Webhook, WebhookId};

/// A committed change and the sequence number it was given.
#[derive(Debug, Clone)]
pub struct Committed<T> {
    pub value: T,
    pub seq: Seq,
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

/// What the index of pages and the API's list tell of a page: enough to list it
/// without its entries.
#[derive(Debug, Clone)]
pub struct PageListing {
    pub blog: Blog,
    /// The sequence number of the page's last committed change.
    pub last_seq: Seq,
    pub entry_count: usize,
    /// When an entry was last published or corrected (when the page was made, if it
    /// has none).
    pub updated_at: DateTime<Utc>,
}

impl PageListing {
    /// How many entries the page has, as templates ask it.
    pub fn entry_count(&self) -> usize {
        self.entry_count
    }
}

/// A signed-in session as the store keeps it.
#[derive(Debug, Clone)]
pub struct StoredSession {
    pub user: String,
    pub role: Role,
    pub csrf_token: String,
    pub last_seen: DateTime<Utc>,
    /// The language of the account the session is for.
    pub language: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique name (a slug, a user name) is already taken.
    #[error("{0} is already taken")]
    Taken(&'static str),
    /// The row is no longer as the change expected (another save came first, through
    /// this instance or another); nothing was written.
    #[error("changed since it was read")]
    Stale,
    /// The request this change was for was made before with its key (see `once.rs`);
    /// nothing was written.
    #[error("this request was made before")]
    Repeated,
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

impl StoreError {
    /// The error of an insert whose one unique key besides its id is `what` (a page's
    /// slug, an account's name): a duplicate is that key taken. Known by what the
    /// database means, never by the words of its message, which differ between
    /// databases and versions.
    pub(crate) fn taken_as(what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
        move |error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Taken(what),
            _ => StoreError::from(error),
        }
    }
}

/// A change that touched no row found nothing to change: what it was for is gone, or
/// no longer as the change expected.
fn found(done: &sqlx::any::AnyQueryResult) -> Result<(), StoreError> {
    if done.rows_affected() == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// Whether a write was refused for a unique key another row has (a slot, a name).
fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            // What was taken, the insert that hit it says (see `taken_as`).
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Taken("key"),
            sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => {
                StoreError::Corrupt(error.to_string())
            }
            // Too busy to be given a connection: the database itself is well.
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => {
                StoreError::Unavailable(error.to_string())
            }
            _ => {
                if is_fault(&error) {
                    faults::failed();
                }
                StoreError::Unavailable(error.to_string())
            }
        }
    }
}

/// Whether an error is the database failing (a full disk, an I/O error, a connection
/// lost or shut), not refusing what one statement asked (a constraint, a lock held a
/// moment too long by another writer): only a failure makes `/healthz` say so, and has
/// the connections open before it replaced.
fn is_fault(error: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = error else {
        // What the connection itself met; not a query the code got wrong.
        return matches!(
            error,
            sqlx::Error::Io(_)
                | sqlx::Error::Tls(_)
                | sqlx::Error::Protocol(_)
                | sqlx::Error::WorkerCrashed
                | sqlx::Error::BeginFailed
        );
    };
    let code = db.code().unwrap_or_default();
    if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
        // The primary result code: READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
        let primary = code.parse::<i32>().unwrap_or(0) & 0xff;
        return matches!(primary, 8 | 10 | 11 | 13 | 14 | 26);
    }
    // PostgreSQL's class of SQLSTATE: the connection, resources (a full disk), the
    // server shut down, a system error, an internal one; or a read-only transaction.
    matches!(code.get(..2), Some("08" | "53" | "57" | "58" | "XX")) || code == "25006"
}
