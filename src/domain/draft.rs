//! An entry not yet published: a draft, or a contributor's entry waiting for approval.

use chrono::{DateTime, Utc};

use super::{BlogId, EntryInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct DraftId(pub i64);

impl std::fmt::Display for DraftId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A draft keeps the form as typed: it is checked only when it is published.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub id: DraftId,
    pub blog: BlogId,
    pub input: EntryInput,
    pub created_by: String,
    /// Sent for an editor's approval.
    pub submitted: bool,
    pub updated_at: DateTime<Utc>,
}

impl Draft {
    /// What lists show of it.
    pub fn headline(&self) -> &str {
        match self.input.title.trim() {
            "" => "(no headline yet)",
            title => title,
        }
    }
}
