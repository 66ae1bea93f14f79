//! The change log's words: each committed change to a live page gets the page's next
//! sequence number, and says what it did. Readers' browsers know the numbers as SSE ids
//! and the kinds as SSE event names.

use super::EntryId;

/// A live page's change counter: each committed change gets the next number.
pub type Seq = u64;

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
    /// The entry concerned: always there for entry changes (the store reads no line of
    /// the log without it), never for `BlogUpdated`.
    pub entry: Option<EntryId>,
}
