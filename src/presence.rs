//! Who has which entry open for correcting, so a colleague can see it before they start
//! on the same one, whichever instance either of them is on: kept in the store, for a
//! short while. A hint, not a lock: the version checked in the save itself is what
//! keeps two saves from overwriting each other.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use crate::domain::EntryId;
use crate::store::Store;

/// How long an opened edit form counts as someone working on the entry.
pub const EDITING_FOR: Duration = Duration::from_secs(10 * 60);

pub struct Presence {
    store: Arc<Store>,
}

impl Presence {
    pub fn new(store: Arc<Store>) -> Presence {
        Presence { store }
    }

    fn editing_since() -> chrono::DateTime<Utc> {
        Utc::now() - chrono::Duration::from_std(EDITING_FOR).expect("ten minutes is a duration")
    }

    /// `user` opened `entry` for correcting. Should the record be away, colleagues are
    /// not told; the correction itself is still guarded by its version.
    pub async fn opened(&self, entry: EntryId, user: &str) {
        let now = Utc::now();
        if let Err(error) = self
            .store
            .entry_opened(entry, user, now, Presence::editing_since())
            .await
        {
            tracing::warn!(%error, "could not note who has an entry open");
        }
    }

    /// `user` saved or left `entry`.
    pub async fn closed(&self, entry: EntryId, user: &str) {
        if let Err(error) = self.store.entry_closed(entry, user).await {
            tracing::warn!(%error, "could not note that an entry was closed");
        }
    }

    /// Who else has `entry` open, apart from `user`.
    pub async fn others(&self, entry: EntryId, user: &str) -> Vec<String> {
        match self
            .store
            .entry_open_by(entry, Presence::editing_since())
            .await
        {
            Ok(people) => people.into_iter().filter(|name| name != user).collect(),
            Err(error) => {
                tracing::warn!(%error, "could not read who has an entry open");
                Vec::new()
            }
        }
    }
}
