//! Who has which entry open for correcting, so a colleague can see it before they start
//! on the same one. Kept in this instance's memory, for a short while: a hint, not a
//! lock (the version check is what keeps two saves from overwriting each other).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::domain::EntryId;

/// How long an opened edit form counts as someone working on the entry.
pub const EDITING_FOR: Duration = Duration::from_secs(10 * 60);

#[derive(Default)]
pub struct Presence {
    open: Mutex<HashMap<EntryId, Vec<(String, Instant)>>>,
}

impl Presence {
    fn open(&self) -> std::sync::MutexGuard<'_, HashMap<EntryId, Vec<(String, Instant)>>> {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// `user` opened `entry` for correcting.
    pub fn opened(&self, entry: EntryId, user: &str) {
        let now = Instant::now();
        let mut open = self.open();
        open.retain(|_, people| {
            people.retain(|(_, since)| now.duration_since(*since) < EDITING_FOR);
            !people.is_empty()
        });
        let people = open.entry(entry).or_default();
        people.retain(|(name, _)| name != user);
        people.push((user.to_owned(), now));
    }

    /// `user` saved or left `entry`.
    pub fn closed(&self, entry: EntryId, user: &str) {
        if let Some(people) = self.open().get_mut(&entry) {
            people.retain(|(name, _)| name != user);
        }
    }

    /// Who else has `entry` open, apart from `user`.
    pub fn others(&self, entry: EntryId, user: &str) -> Vec<String> {
        let now = Instant::now();
        self.open()
            .get(&entry)
            .map(|people| {
                people
                    .iter()
                    .filter(|(name, since)| {
                        name != user && now.duration_since(*since) < EDITING_FOR
                    })
                    .map(|(name, _)| name.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colleagues_see_each_other_until_one_saves() {
        let presence = Presence::default();
        presence.opened(EntryId(1), "kim");
        presence.opened(EntryId(1), "sam");
        assert_eq!(presence.others(EntryId(1), "sam"), vec!["kim"]);
        assert!(presence.others(EntryId(2), "sam").is_empty());
        presence.closed(EntryId(1), "kim");
        assert!(presence.others(EntryId(1), "sam").is_empty());
    }
}
