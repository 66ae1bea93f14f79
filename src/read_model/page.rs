//! One page as readers see it: its entries newest first, each entry's HTML rendered
//! once when it changes.
//!
//! A page is an immutable snapshot behind an `Arc`; a change builds the next snapshot
//! and swaps it in, so a reader never waits on a writer and never sees half a change.
//!
//! The property test below the code checks every question the snapshot answers against
//! a plain sorted list, through random changes.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::Seq;
use crate::domain::{Blog, Entry, EntryId};
use crate::fragments::{self, EntryFragment, SummaryFragment};
use crate::store::PageListing;
use crate::words::Words;

/// Entries on one page of the stream.
pub const ENTRIES_PER_PAGE: usize = 20;
/// The most key events listed at the top of a live page.
pub const KEY_EVENTS_SHOWN: usize = 10;

/// The order snapshots are made in (see [`LivePage::made`]).
fn next_made() -> u64 {
    static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// An entry with its HTML, rendered once.
#[derive(Debug)]
pub struct RenderedEntry {
    pub entry: Entry,
    pub html: Arc<str>,
}

impl RenderedEntry {
    /// Renders `entry` as it appears on `blog`'s pages: costs CPU in proportion to its
    /// body (see [`crate::fragments::off_the_workers`]). `words` are the page's
    /// (`Words::of(&blog.language)`).
    pub fn new(entry: Entry, blog: &Blog, words: &Words) -> RenderedEntry {
        let html = fragments::render(&EntryFragment {
            entry: &entry,
            slug: blog.slug.as_str(),
            zone: blog.time_zone,
            words,
        });
        RenderedEntry {
            entry,
            html: html.into(),
        }
    }
}

/// A key event with the page of the stream it is on, for links that find it.
pub struct KeyEvent<'a> {
    pub entry: &'a RenderedEntry,
    pub page: usize,
}

/// Where an entry stands in the page: newest publication first, then highest id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Place {
    published_at: DateTime<Utc>,
    id: EntryId,
}

impl Place {
    fn of(entry: &Entry) -> Place {
        Place {
            published_at: entry.published_at,
            id: entry.id,
        }
    }
}

impl Ord for Place {
    fn cmp(&self, other: &Place) -> std::cmp::Ordering {
        (other.published_at, other.id).cmp(&(self.published_at, self.id))
    }
}

impl PartialOrd for Place {
    fn partial_cmp(&self, other: &Place) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// One live page as readers see it, up to change `last_seq`.
///
/// Its entries are kept in persistent structures: the next snapshot shares nearly all
/// of this one, so a change costs the same on a page of 100,000 entries as on one of
/// 100, and so does every question a reader's request asks of it.
#[derive(Debug)]
pub struct LivePage {
    pub blog: Blog,
    /// The words of the page, in its language.
    pub words: Words,
    pub summary_html: Arc<str>,
    /// Newest first, the pinned entry included.
    entries: imbl::Vector<Arc<RenderedEntry>>,
    /// Where each entry stands, to find it without a search through them all.
    places: imbl::HashMap<EntryId, Place>,
    /// The entries marked pinned (one, normally; the newest is shown pinned).
    pinned: imbl::OrdSet<Place>,
    /// The entries marked as key events, newest first.
    key_events: imbl::OrdSet<Place>,
    /// The entries whose polls were open when they were last rendered (one whose time
    /// ran out since is among them until its counts are shown closed).
    open_polls: imbl::OrdSet<EntryId>,
    pub last_seq: Seq,
    /// The order snapshots were made in: a new count of votes makes a new snapshot
    /// with the same `last_seq`, and a kept first page must know which is newer.
    pub made: u64,
    /// When an entry was last published or corrected (when the page was made, if it
    /// has none).
    updated_at: DateTime<Utc>,
}

impl LivePage {
    pub fn new(blog: Blog, mut entries: Vec<Arc<RenderedEntry>>, last_seq: Seq) -> LivePage {
        let words = Words::of(&blog.language);
        let summary_html = fragments::render(&SummaryFragment {
            blog: &blog,
            words: &words,
        })
        .into();
        entries.sort_by_key(|e| Place::of(&e.entry));
        let mut page = LivePage {
            words,
            updated_at: blog.created_at,
            blog,
            summary_html,
            entries: imbl::Vector::new(),
            places: imbl::HashMap::new(),
            pinned: imbl::OrdSet::new(),
            key_events: imbl::OrdSet::new(),
            open_polls: imbl::OrdSet::new(),
            last_seq,
            made: next_made(),
        };
        for entry in &entries {
            page.note(&entry.entry);
        }
        page.entries = entries.into_iter().collect();
        page
    }

    /// Records an entry in the indexes (not in `entries`).
    fn note(&mut self, entry: &Entry) {
        let place = Place::of(entry);
        self.places.insert(entry.id, place);
        if entry.pinned {
            self.pinned.insert(place);
        }
        if entry.key_event {
            self.key_events.insert(place);
        }
        if (entry.poll.as_ref()).is_some_and(|p| p.is_open(entry.published_at, Utc::now())) {
            self.open_polls.insert(entry.id);
        }
        self.updated_at = self
            .updated_at
            .max(entry.updated_at.unwrap_or(entry.published_at));
    }

    /// Takes an entry out of `entries` and the indexes.
    fn forget(&mut self, id: EntryId) {
        let Some(place) = self.places.remove(&id) else {
            return;
        };
        if let Some(at) = self.index_of(place) {
            self.entries.remove(at);
        }
        self.pinned.remove(&place);
        self.key_events.remove(&place);
        self.open_polls.remove(&id);
    }

    /// The same page after a change, sharing what did not change.
    fn changed(&self, last_seq: Seq) -> LivePage {
        LivePage {
            blog: self.blog.clone(),
            words: self.words.clone(),
            summary_html: Arc::clone(&self.summary_html),
            entries: self.entries.clone(),
            places: self.places.clone(),
            pinned: self.pinned.clone(),
            key_events: self.key_events.clone(),
            open_polls: self.open_polls.clone(),
            last_seq,
            made: next_made(),
            updated_at: self.updated_at,
        }
    }

    /// The same page with `entry` added, or put in place of its earlier version.
    pub(super) fn with_entry(&self, entry: Arc<RenderedEntry>, last_seq: Seq) -> LivePage {
        let mut page = self.changed(last_seq);
        page.forget(entry.entry.id);
        page.note(&entry.entry);
        let place = Place::of(&entry.entry);
        let at = page
            .entries
            .binary_search_by(|e| Place::of(&e.entry).cmp(&place))
            .unwrap_or_else(|at| at);
        page.entries.insert(at, entry);
        page
    }

    /// The same page without entry `id`.
    pub(super) fn without_entry(&self, id: EntryId, last_seq: Seq) -> LivePage {
        let mut page = self.changed(last_seq);
        page.forget(id);
        page
    }

    /// The entries whose polls were open when last rendered.
    pub fn open_polls(&self) -> impl Iterator<Item = EntryId> + '_ {
        self.open_polls.iter().copied()
    }

    /// The position in `entries` of the entry at `place`.
    fn index_of(&self, place: Place) -> Option<usize> {
        self.entries
            .binary_search_by(|e| Place::of(&e.entry).cmp(&place))
            .ok()
    }

    /// The entry shown above the stream: the newest pinned one, if any.
    /// The clock time of `at` alone ("14:07"), in the page's zone and language: how
    /// the list of key events dates them.
    pub fn clock(&self, at: &DateTime<Utc>) -> String {
        self.words.clock(*at, self.blog.time_zone)
    }

    /// `at` as `<time datetime>` takes it, in the page's zone.
    pub fn datetime(&self, at: &DateTime<Utc>) -> String {
        crate::domain::time::rfc3339(*at, self.blog.time_zone)
    }

    pub fn pinned(&self) -> Option<&RenderedEntry> {
        let place = self.pinned.get_min()?;
        self.entries.get(self.index_of(*place)?).map(|e| &**e)
    }

    /// Where the shown pinned entry is in `entries`.
    fn pinned_index(&self) -> Option<usize> {
        self.index_of(*self.pinned.get_min()?)
    }

    /// How many entries the stream holds: all but the one shown pinned.
    fn stream_len(&self) -> usize {
        self.entries.len() - usize::from(!self.pinned.is_empty())
    }

    /// The entry at `position` of the stream, in the page's reading order. (Should two
    /// be marked pinned for a moment, the older one stays in the stream.)
    fn stream_entry(&self, position: usize) -> Option<&RenderedEntry> {
        let len = self.stream_len();
        if position >= len {
            return None;
        }
        let newest_first = if self.blog.oldest_first {
            len - 1 - position
        } else {
            position
        };
        let at = match self.pinned_index() {
            Some(pinned) if newest_first >= pinned => newest_first + 1,
            _ => newest_first,
        };
        self.entries.get(at).map(|e| &**e)
    }

    /// The position in the stream of the entry at `index` of `entries`.
    fn stream_position(&self, index: usize) -> usize {
        let newest_first = match self.pinned_index() {
            Some(pinned) if index > pinned => index - 1,
            _ => index,
        };
        if self.blog.oldest_first {
            self.stream_len() - 1 - newest_first
        } else {
            newest_first
        }
    }

    /// The page of the stream that new entries join: the first, or for a page read
    /// oldest first, the last.
    pub fn live_stream_page(&self) -> usize {
        if self.blog.oldest_first {
            self.stream_page_count()
        } else {
            1
        }
    }

    /// Every entry, newest first, the pinned one included.
    pub fn entries(&self) -> impl Iterator<Item = &RenderedEntry> {
        self.entries.iter().map(|e| &**e)
    }

    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// How many pages the stream fills (at least one, even when empty).
    pub fn stream_page_count(&self) -> usize {
        self.stream_len().div_ceil(ENTRIES_PER_PAGE).max(1)
    }

    /// Page `number` (from 1) of the stream, or `None` past the last page.
    pub fn stream_page(&self, number: usize) -> Option<Vec<&RenderedEntry>> {
        if number == 0 || number > self.stream_page_count() {
            return None;
        }
        let first = (number - 1) * ENTRIES_PER_PAGE;
        Some(
            (first..first + ENTRIES_PER_PAGE)
                .map_while(|position| self.stream_entry(position))
                .collect(),
        )
    }

    /// The page of the stream an entry is on (1 for the pinned entry, shown on page 1).
    pub fn stream_page_of(&self, id: EntryId) -> Option<usize> {
        let index = self.index_of(*self.places.get(&id)?)?;
        if self.pinned_index() == Some(index) {
            return Some(1);
        }
        Some(self.stream_position(index) / ENTRIES_PER_PAGE + 1)
    }

    pub fn entry(&self, id: EntryId) -> Option<&RenderedEntry> {
        let index = self.index_of(*self.places.get(&id)?)?;
        self.entries.get(index).map(|e| &**e)
    }

    /// The newest key events, each with the page it is on.
    pub fn key_events(&self) -> Vec<KeyEvent<'_>> {
        self.key_events
            .iter()
            .take(KEY_EVENTS_SHOWN)
            .filter_map(|place| {
                let entry = self.entries.get(self.index_of(*place)?)?;
                Some(KeyEvent {
                    entry,
                    page: self.stream_page_of(place.id)?,
                })
            })
            .collect()
    }

    /// When the page last changed, for readers and feeds.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }

    /// Every entry as rendered, newest first, to be shared by the next snapshot.
    pub(super) fn rendered(&self) -> impl Iterator<Item = &Arc<RenderedEntry>> {
        self.entries.iter()
    }

    /// What the index of pages tells of this one.
    pub fn listing(&self) -> PageListing {
        PageListing {
            blog: self.blog.clone(),
            last_seq: self.last_seq,
            entry_count: self.entry_count(),
            updated_at: self.updated_at,
        }
    }

    /// About how many bytes of memory the page takes: its entries' text and HTML, and
    /// what holding each of them costs besides. Ended pages are kept in memory by it.
    pub fn weight(&self) -> usize {
        self.entries
            .iter()
            .map(|e| e.html.len() + e.entry.body.len() + e.entry.title.len() + ENTRY_OVERHEAD)
            .sum::<usize>()
            + self.summary_html.len()
            + PAGE_OVERHEAD
    }
}

/// What an entry costs in memory beyond its text and HTML: the entry's other fields,
/// its place in the indexes, and the allocations around them.
const ENTRY_OVERHEAD: usize = 1024;
/// What a page costs in memory beyond its entries.
const PAGE_OVERHEAD: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BlogId, BlogStatus, Slug};
    use crate::read_model::ReadModel;
    use chrono::TimeZone;

    fn blog(oldest_first: bool) -> Blog {
        Blog {
            id: BlogId(1),
            slug: Slug::parse("storm").unwrap(),
            title: "Storm".into(),
            description: String::new(),
            summary: Vec::new(),
            time_zone: chrono_tz::Europe::London,
            status: BlogStatus::Live,
            created_at: Utc.timestamp_opt(1_000, 0).unwrap(),
            oldest_first,
            embed_origins: Vec::new(),
            language: "en-GB".into(),
            callout: None,
        }
    }

    /// Entries with some publication times shared, some pinned and some key events,
    /// from a small generator that always gives the same ones.
    fn entry(n: i64, seed: &mut u64) -> Entry {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let roll = *seed >> 33;
        Entry {
            id: EntryId(n),
            title: format!("Entry {n}"),
            body: "Text.".into(),
            label: None,
            byline: None,
            image: None,
            post: None,
            tags: Vec::new(),
            authors: Vec::new(),
            gallery: Vec::new(),
            clip: None,
            poll: None,
            key_event: roll.is_multiple_of(7),
            pinned: roll.is_multiple_of(29),
            published_at: Utc
                .timestamp_opt(2_000 + (roll % 90) as i64 * 60, 0)
                .unwrap(),
            updated_at: None,
            created_by: None,
            updated_by: None,
            version: 1,
            corrections: Vec::new(),
        }
    }

    /// What each question should answer, worked out the plain way from a sorted list.
    fn check(page: &LivePage, entries: &[Entry]) {
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        sorted.sort_by_key(|e| Place::of(e));
        let pinned = sorted.iter().find(|e| e.pinned).map(|e| e.id);
        let mut stream: Vec<EntryId> = sorted
            .iter()
            .map(|e| e.id)
            .filter(|id| Some(*id) != pinned)
            .collect();
        if page.blog.oldest_first {
            stream.reverse();
        }
        assert_eq!(page.pinned().map(|p| p.entry.id), pinned);
        assert_eq!(
            page.stream_page_count(),
            stream.len().div_ceil(ENTRIES_PER_PAGE).max(1)
        );
        for number in 1..=page.stream_page_count() {
            let ids: Vec<EntryId> = page
                .stream_page(number)
                .unwrap()
                .iter()
                .map(|e| e.entry.id)
                .collect();
            let start = (number - 1) * ENTRIES_PER_PAGE;
            let end = (start + ENTRIES_PER_PAGE).min(stream.len());
            assert_eq!(ids, stream[start..end].to_vec(), "page {number}");
        }
        assert!(page.stream_page(page.stream_page_count() + 1).is_none());
        for (position, id) in stream.iter().enumerate() {
            assert_eq!(
                page.stream_page_of(*id),
                Some(position / ENTRIES_PER_PAGE + 1)
            );
            assert_eq!(page.entry(*id).map(|e| e.entry.id), Some(*id));
        }
        if let Some(id) = pinned {
            assert_eq!(page.stream_page_of(id), Some(1));
        }
        let key_events: Vec<EntryId> = sorted
            .iter()
            .filter(|e| e.key_event)
            .take(KEY_EVENTS_SHOWN)
            .map(|e| e.id)
            .collect();
        let shown: Vec<EntryId> = page.key_events().iter().map(|k| k.entry.entry.id).collect();
        assert_eq!(shown, key_events);
        let newest: Vec<EntryId> = page.entries().map(|e| e.entry.id).collect();
        assert_eq!(newest, sorted.iter().map(|e| e.id).collect::<Vec<_>>());
    }

    #[test]
    fn every_question_answers_as_a_plain_sorted_list_would_through_changes() {
        for oldest_first in [false, true] {
            let model = ReadModel::default();
            let mut seed = 7;
            let mut entries: Vec<Entry> = (1..=45).map(|n| entry(n, &mut seed)).collect();
            model.put_blog(blog(oldest_first), entries.clone(), 1);
            let page = |model: &ReadModel| model.page("storm").unwrap();
            check(&page(&model), &entries);

            for n in 46..=110 {
                let new = entry(n, &mut seed);
                entries.push(new.clone());
                model.put_entry(BlogId(1), new, n as u64);
                // Correct one (it may gain or lose its pin or key event, or move in time)
                // and delete another, now and then.
                if n % 3 == 0 {
                    let at = (n as usize * 7) % entries.len();
                    let mut corrected = entry(entries[at].id.0, &mut seed);
                    corrected.title = format!("Corrected {n}");
                    entries[at] = corrected.clone();
                    model.put_entry(BlogId(1), corrected, n as u64);
                }
                if n % 5 == 0 {
                    let gone = entries.remove((n as usize * 11) % entries.len());
                    model.remove_entry(BlogId(1), gone.id, n as u64);
                }
                check(&page(&model), &entries);
            }
        }
    }
}
