//! The durable record: every live page, entry and account, behind one trait so the
//! embedded and the shared database stores can stand in for each other.
//!
//! Every change to a live page is given that page's next sequence number when it is
//! committed. Readers' browsers see those numbers as SSE ids, so the order of commits
//! is the order every reader sees.

mod memory;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::{Blog, BlogDraft, BlogId, Entry, EntryDraft, EntryId, User};

pub use memory::MemoryStore;

/// A live page's change counter: each committed change gets the next number.
pub type Seq = u64;

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

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique name (a slug, a user name) is already taken.
    #[error("{0} is already taken")]
    Taken(&'static str),
    /// The store could not be reached or failed; the change was not committed.
    #[error("store unavailable: {0}")]
    Unavailable(String),
}

/// Where live pages, entries and accounts are kept. A method returns only once its
/// change is committed.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Everything, to build the read model at start.
    async fn load(&self) -> Result<Vec<BlogRecord>, StoreError>;

    async fn create_blog(&self, draft: BlogDraft, at: DateTime<Utc>) -> Result<Blog, StoreError>;

    /// Saves a live page's new settings (title, summary, status…).
    async fn save_blog(&self, blog: &Blog) -> Result<Committed<()>, StoreError>;

    async fn publish_entry(
        &self,
        blog: BlogId,
        draft: EntryDraft,
        at: DateTime<Utc>,
    ) -> Result<Committed<Entry>, StoreError>;

    /// Saves an entry that already exists (a correction, a pin).
    async fn save_entry(&self, blog: BlogId, entry: &Entry) -> Result<Committed<()>, StoreError>;

    async fn delete_entry(&self, blog: BlogId, entry: EntryId)
    -> Result<Committed<()>, StoreError>;

    async fn user_count(&self) -> Result<usize, StoreError>;

    async fn add_user(&self, user: User) -> Result<(), StoreError>;

    async fn find_user(&self, name: &str) -> Result<Option<User>, StoreError>;
}
