//! What readers are served from: every live page in memory, newest entry first, each
//! entry's HTML rendered once when it changes.
//!
//! A page is an immutable snapshot behind an `Arc`; a change builds the next snapshot
//! and swaps it in, so a reader never waits on a writer and never sees half a change.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};

use crate::domain::{Blog, BlogId, Entry, EntryId};
use crate::fragments::{self, EntryFragment, SummaryFragment};
use crate::store::{BlogRecord, Seq};

/// Entries on one page of the stream.
pub const ENTRIES_PER_PAGE: usize = 20;
/// The most key events listed at the top of a live page.
pub const KEY_EVENTS_SHOWN: usize = 10;

/// An entry with its HTML, rendered once.
#[derive(Debug)]
pub struct RenderedEntry {
    pub entry: Entry,
    pub html: Arc<str>,
}

impl RenderedEntry {
    fn new(entry: Entry, blog: &Blog) -> RenderedEntry {
        let html = fragments::render(&EntryFragment {
            entry: &entry,
            slug: blog.slug.as_str(),
            zone: blog.time_zone,
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

/// One live page as readers see it, up to change `last_seq`.
#[derive(Debug)]
pub struct LivePage {
    pub blog: Blog,
    pub summary_html: Arc<str>,
    /// Newest first, the pinned entry included.
    entries: Vec<Arc<RenderedEntry>>,
    pub last_seq: Seq,
    /// When an entry was last published or corrected (when the page was made, if it
    /// has none), worked out once per change.
    updated_at: DateTime<Utc>,
}

impl LivePage {
    fn new(blog: Blog, entries: Vec<Arc<RenderedEntry>>, last_seq: Seq) -> LivePage {
        let summary_html = fragments::render(&SummaryFragment { blog: &blog }).into();
        let updated_at = last_update(&blog, &entries);
        let mut page = LivePage {
            blog,
            summary_html,
            entries,
            last_seq,
            updated_at,
        };
        page.sort();
        page
    }

    fn sort(&mut self) {
        self.entries.sort_by(|a, b| newest_first(a, b));
    }

    /// The entry shown above the stream: the newest pinned one, if any.
    pub fn pinned(&self) -> Option<&RenderedEntry> {
        self.entries.iter().find(|e| e.entry.pinned).map(|e| &**e)
    }

    /// The stream: every entry but the one shown pinned, in the page's reading order.
    /// (Should two be marked pinned for a moment, the older one stays in the stream.)
    fn stream(&self) -> Box<dyn Iterator<Item = &RenderedEntry> + '_> {
        let pinned = self.pinned().map(|p| p.entry.id);
        let shown = self
            .entries
            .iter()
            .filter(move |e| Some(e.entry.id) != pinned)
            .map(|e| &**e);
        if self.blog.oldest_first {
            Box::new(shown.rev())
        } else {
            Box::new(shown)
        }
    }

    /// The page of the stream that new entries join: the first, or for a page read
    /// oldest first, the last.
    pub fn live_page_number(&self) -> usize {
        if self.blog.oldest_first {
            self.page_count()
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
    pub fn page_count(&self) -> usize {
        self.stream().count().div_ceil(ENTRIES_PER_PAGE).max(1)
    }

    /// Page `number` (from 1) of the stream, or `None` past the last page.
    pub fn stream_page(&self, number: usize) -> Option<Vec<&RenderedEntry>> {
        if number == 0 || number > self.page_count() {
            return None;
        }
        Some(
            self.stream()
                .skip((number - 1) * ENTRIES_PER_PAGE)
                .take(ENTRIES_PER_PAGE)
                .collect(),
        )
    }

    /// The page of the stream an entry is on (1 for the pinned entry, shown on page 1).
    pub fn page_of(&self, id: EntryId) -> Option<usize> {
        if self.pinned().is_some_and(|p| p.entry.id == id) {
            return Some(1);
        }
        self.stream()
            .position(|e| e.entry.id == id)
            .map(|i| i / ENTRIES_PER_PAGE + 1)
    }

    pub fn entry(&self, id: EntryId) -> Option<&RenderedEntry> {
        self.entries.iter().find(|e| e.entry.id == id).map(|e| &**e)
    }

    /// The newest key events, each with the page it is on.
    pub fn key_events(&self) -> Vec<KeyEvent<'_>> {
        self.entries
            .iter()
            .filter(|e| e.entry.key_event)
            .take(KEY_EVENTS_SHOWN)
            .filter_map(|e| {
                Some(KeyEvent {
                    entry: e,
                    page: self.page_of(e.entry.id)?,
                })
            })
            .collect()
    }

    /// When the page last changed, for readers and feeds.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }

    /// The same page with other entries, which must already be newest first.
    fn with_entries(&self, entries: Vec<Arc<RenderedEntry>>, last_seq: Seq) -> LivePage {
        LivePage {
            blog: self.blog.clone(),
            summary_html: Arc::clone(&self.summary_html),
            updated_at: last_update(&self.blog, &entries),
            entries,
            last_seq,
        }
    }
}

fn last_update(blog: &Blog, entries: &[Arc<RenderedEntry>]) -> DateTime<Utc> {
    entries
        .iter()
        .map(|e| e.entry.updated_at.unwrap_or(e.entry.published_at))
        .max()
        .unwrap_or(blog.created_at)
}

/// The stream's order: newest publication first, then highest id.
fn newest_first(a: &RenderedEntry, b: &RenderedEntry) -> std::cmp::Ordering {
    (b.entry.published_at, b.entry.id).cmp(&(a.entry.published_at, a.entry.id))
}

/// Every live page, by slug.
#[derive(Default)]
pub struct ReadModel {
    pages: RwLock<HashMap<String, Arc<LivePage>>>,
}

impl ReadModel {
    /// Builds the read model from what the store holds.
    pub fn load(records: Vec<BlogRecord>) -> ReadModel {
        let model = ReadModel::default();
        for record in records {
            let entries = record
                .entries
                .into_iter()
                .map(|e| Arc::new(RenderedEntry::new(e, &record.blog)))
                .collect();
            let page = LivePage::new(record.blog, entries, record.last_seq);
            model
                .write()
                .insert(page.blog.slug.to_string(), Arc::new(page));
        }
        model
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<LivePage>>> {
        self.pages
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Arc<LivePage>>> {
        self.pages
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A live page by its slug.
    pub fn page(&self, slug: &str) -> Option<Arc<LivePage>> {
        self.read().get(slug).cloned()
    }

    pub fn page_by_id(&self, id: BlogId) -> Option<Arc<LivePage>> {
        self.read().values().find(|p| p.blog.id == id).cloned()
    }

    /// Every live page: live ones first, then the most recently updated.
    pub fn pages(&self) -> Vec<Arc<LivePage>> {
        let mut pages: Vec<Arc<LivePage>> = self.read().values().cloned().collect();
        pages.sort_by_key(|p| (!p.blog.is_live(), std::cmp::Reverse(p.updated_at())));
        pages
    }

    fn swap(&self, page: LivePage) -> Arc<LivePage> {
        let page = Arc::new(page);
        self.write()
            .insert(page.blog.slug.to_string(), Arc::clone(&page));
        page
    }

    /// Puts in a whole page, replacing whatever was there.
    pub fn put_blog(&self, blog: Blog, entries: Vec<Entry>, seq: Seq) -> Arc<LivePage> {
        let entries = entries
            .into_iter()
            .map(|e| Arc::new(RenderedEntry::new(e, &blog)))
            .collect();
        self.swap(LivePage::new(blog, entries, seq))
    }

    /// Puts in a page's new settings. Entries are rendered again only when the time
    /// zone, which their times are shown in, has changed.
    pub fn update_blog(&self, blog: Blog, seq: Seq) -> Option<Arc<LivePage>> {
        let old = self.page_by_id(blog.id)?;
        let entries = if old.blog.time_zone == blog.time_zone {
            old.entries.clone()
        } else {
            old.entries
                .iter()
                .map(|e| Arc::new(RenderedEntry::new(e.entry.clone(), &blog)))
                .collect()
        };
        Some(self.swap(LivePage::new(blog, entries, seq)))
    }

    /// Puts in a new or changed entry.
    pub fn put_entry(&self, blog: BlogId, entry: Entry, seq: Seq) -> Option<Arc<LivePage>> {
        let page = self.page_by_id(blog)?;
        let rendered = Arc::new(RenderedEntry::new(entry, &page.blog));
        let mut entries: Vec<Arc<RenderedEntry>> = page
            .entries
            .iter()
            .filter(|e| e.entry.id != rendered.entry.id)
            .cloned()
            .collect();
        // Already in order: put the entry in its place rather than sort them all again.
        let at = entries.partition_point(|e| newest_first(e, &rendered).is_lt());
        entries.insert(at, rendered);
        Some(self.swap(page.with_entries(entries, seq)))
    }

    /// Takes an entry out.
    pub fn remove_entry(&self, blog: BlogId, id: EntryId, seq: Seq) -> Option<Arc<LivePage>> {
        let page = self.page_by_id(blog)?;
        let entries = page
            .entries
            .iter()
            .filter(|e| e.entry.id != id)
            .cloned()
            .collect();
        Some(self.swap(page.with_entries(entries, seq)))
    }
}
