//! What readers are served from. Every page that has not ended is in memory from start
//! to shutdown, each entry's HTML rendered once when it changes. Ended pages, the
//! archive that grows for years, are only listed (`PageListing`): one is read from the
//! store and rendered when someone asks for it, and kept while it is read, within a
//! budget in bytes; the ended page read longest ago makes room for the next.

mod page;

pub use page::{ENTRIES_PER_PAGE, KEY_EVENTS_SHOWN, KeyEvent, LivePage, RenderedEntry};

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::domain::{Blog, BlogId, Entry, EntryId, Seq};
use crate::store::{BlogRecord, PageListing};
use crate::words::Words;

/// How much memory ended pages may take unless told otherwise.
const DEFAULT_ENDED_BUDGET: usize = crate::config::DEFAULT_ENDED_PAGES_MB * 1024 * 1024;

/// Every page's listing, and the pages in memory.
pub struct ReadModel {
    pages: RwLock<Pages>,
    /// How many bytes the ended pages in memory may weigh together (`LivePage::weight`).
    ended_budget: usize,
    /// Counts the reads of ended pages, to tell which was read longest ago.
    reads: AtomicU64,
}

#[derive(Default)]
struct Pages {
    /// Every page's listing, by slug.
    listings: HashMap<String, Arc<PageListing>>,
    /// Every page's slug, by id.
    slugs: HashMap<BlogId, String>,
    /// The pages in memory, by slug: every live page, and the ended pages read lately.
    loaded: HashMap<String, Loaded>,
    /// What the ended pages in `loaded` weigh together.
    ended_weight: usize,
}

/// A page in memory.
struct Loaded {
    page: Arc<LivePage>,
    /// What it counts against the budget: its weight if it has ended, else nothing.
    weight: usize,
    /// When it was last read, by the count of reads.
    last_read: AtomicU64,
}

impl Default for ReadModel {
    fn default() -> Self {
        ReadModel::new(DEFAULT_ENDED_BUDGET)
    }
}

impl ReadModel {
    /// An empty read model keeping ended pages within `ended_budget` bytes.
    pub fn new(ended_budget: usize) -> ReadModel {
        ReadModel {
            pages: RwLock::default(),
            ended_budget,
            reads: AtomicU64::new(0),
        }
    }

    /// Builds the read model from the live pages the store holds, and the listings of
    /// the ended ones.
    pub fn load(live: Vec<BlogRecord>, ended: Vec<PageListing>, ended_budget: usize) -> ReadModel {
        let model = ReadModel::new(ended_budget);
        {
            let mut pages = model.write();
            for listing in ended {
                let slug = listing.blog.slug.to_string();
                pages.slugs.insert(listing.blog.id, slug.clone());
                pages.listings.insert(slug, Arc::new(listing));
            }
        }
        for record in live {
            model.put_blog(record.blog, record.entries, record.last_seq);
        }
        model
    }

    fn read(&self) -> RwLockReadGuard<'_, Pages> {
        self.pages
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Pages> {
        self.pages
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A page in memory, by its slug: a live page, or an ended one read lately. An
    /// ended page not in memory is read from the store by `Newsroom::page`.
    pub fn page(&self, slug: &str) -> Option<Arc<LivePage>> {
        let pages = self.read();
        let loaded = pages.loaded.get(slug)?;
        if loaded.weight > 0 {
            let now = self.reads.fetch_add(1, Ordering::Relaxed);
            loaded.last_read.store(now, Ordering::Relaxed);
        }
        Some(Arc::clone(&loaded.page))
    }

    /// A page in memory, by its id.
    pub fn page_by_id(&self, id: BlogId) -> Option<Arc<LivePage>> {
        let slug = self.read().slugs.get(&id)?.clone();
        self.page(&slug)
    }

    /// A page's listing, by its slug, in memory or not.
    pub fn listing(&self, slug: &str) -> Option<Arc<PageListing>> {
        self.read().listings.get(slug).cloned()
    }

    /// A page's listing, by its id, in memory or not.
    pub fn listing_by_id(&self, id: BlogId) -> Option<Arc<PageListing>> {
        let pages = self.read();
        pages.listings.get(pages.slugs.get(&id)?).cloned()
    }

    /// The id of the page at `slug`, in memory or not.
    pub fn id_of(&self, slug: &str) -> Option<BlogId> {
        self.read().listings.get(slug).map(|l| l.blog.id)
    }

    /// The change a page is up to here, in memory or not.
    pub fn last_seq(&self, id: BlogId) -> Option<Seq> {
        self.listing_by_id(id).map(|l| l.last_seq)
    }

    /// Every page's listing: live ones first, then the most recently updated.
    pub fn pages(&self) -> Vec<Arc<PageListing>> {
        let mut pages: Vec<Arc<PageListing>> = self.read().listings.values().cloned().collect();
        pages.sort_by_key(|p| (!p.blog.is_live(), std::cmp::Reverse(p.updated_at)));
        pages
    }

    /// The pages in memory: every live page, and the ended pages read lately.
    pub fn loaded_pages(&self) -> Vec<Arc<LivePage>> {
        let pages = self.read();
        pages.loaded.values().map(|l| Arc::clone(&l.page)).collect()
    }

    /// How many ended pages are in memory, and what they weigh together.
    pub fn ended_in_memory(&self) -> (usize, usize) {
        let pages = self.read();
        let count = pages.loaded.values().filter(|l| l.weight > 0).count();
        (count, pages.ended_weight)
    }

    /// Keeps an ended page just read from the store for a reader, unless a change came
    /// in meanwhile: then the page in memory is newer, or the page as read is served
    /// this once and read again next time.
    pub fn keep(&self, page: LivePage) -> Arc<LivePage> {
        let mut pages = self.write();
        if let Some(loaded) = pages.loaded.get(page.blog.slug.as_str())
            && loaded.page.last_seq >= page.last_seq
        {
            return Arc::clone(&loaded.page);
        }
        let current = pages.listings.get(page.blog.slug.as_str());
        if current.is_none_or(|listing| listing.last_seq > page.last_seq) {
            return Arc::new(page);
        }
        self.put(&mut pages, page)
    }

    fn swap(&self, page: LivePage) -> Arc<LivePage> {
        self.put(&mut self.write(), page)
    }

    /// Puts a page in memory with its listing, making room in the budget if it has
    /// ended: the ended pages read longest ago go, never the one just put.
    fn put(&self, pages: &mut Pages, page: LivePage) -> Arc<LivePage> {
        let slug = page.blog.slug.to_string();
        let weight = if page.blog.is_live() {
            0
        } else {
            page.weight()
        };
        if let Some(old) = pages.loaded.remove(&slug) {
            pages.ended_weight -= old.weight;
        }
        pages.slugs.insert(page.blog.id, slug.clone());
        pages
            .listings
            .insert(slug.clone(), Arc::new(page.listing()));
        let page = Arc::new(page);
        let loaded = Loaded {
            page: Arc::clone(&page),
            weight,
            last_read: AtomicU64::new(self.reads.fetch_add(1, Ordering::Relaxed)),
        };
        pages.loaded.insert(slug.clone(), loaded);
        pages.ended_weight += weight;
        while pages.ended_weight > self.ended_budget {
            let oldest = (pages.loaded.iter())
                .filter(|(other, loaded)| loaded.weight > 0 && **other != slug)
                .min_by_key(|(_, loaded)| loaded.last_read.load(Ordering::Relaxed))
                .map(|(other, _)| other.clone());
            let Some(oldest) = oldest.and_then(|other| pages.loaded.remove(&other)) else {
                break;
            };
            pages.ended_weight -= oldest.weight;
        }
        page
    }

    /// Puts in a whole page, replacing whatever was there.
    pub fn put_blog(&self, blog: Blog, entries: Vec<Entry>, seq: Seq) -> Arc<LivePage> {
        self.put_rendered_blog(blog.clone(), render_all(&blog, entries), seq)
    }

    /// Puts in a whole page whose entries are rendered already.
    pub fn put_rendered_blog(
        &self,
        blog: Blog,
        entries: Vec<Arc<RenderedEntry>>,
        seq: Seq,
    ) -> Arc<LivePage> {
        self.swap(LivePage::new(blog, entries, seq))
    }

    /// Puts in a page's new settings. Entries are rendered again only when the time
    /// zone their times are shown in, or the language they are read in, has changed.
    pub fn update_blog(&self, blog: Blog, seq: Seq) -> Option<Arc<LivePage>> {
        let old = self.page_by_id(blog.id)?;
        let same = old.blog.time_zone == blog.time_zone && old.blog.language == blog.language;
        let words = Words::of(&blog.language);
        let entries = old
            .rendered()
            .map(|e| {
                if same {
                    Arc::clone(e)
                } else {
                    Arc::new(RenderedEntry::new(e.entry.clone(), &blog, &words))
                }
            })
            .collect();
        Some(self.swap(LivePage::new(blog, entries, seq)))
    }

    /// Puts in a new or changed entry.
    pub fn put_entry(&self, blog: BlogId, entry: Entry, seq: Seq) -> Option<Arc<LivePage>> {
        let page = self.page_by_id(blog)?;
        let rendered = Arc::new(RenderedEntry::new(entry, &page.blog, &page.words));
        Some(self.swap(page.with_entry(rendered, seq)))
    }

    /// Puts in the latest counts of an entry's poll: the entry is rendered again, the
    /// page's change number stays as it is. `None` when the page or entry is not here.
    pub fn put_poll_counts(
        &self,
        blog: BlogId,
        id: EntryId,
        counts: Vec<u64>,
    ) -> Option<Arc<LivePage>> {
        let page = self.page_by_id(blog)?;
        let mut entry = page.entry(id)?.entry.clone();
        entry.poll.as_mut()?.counts = counts;
        let rendered = Arc::new(RenderedEntry::new(entry, &page.blog, &page.words));
        Some(self.swap(page.with_entry(rendered, page.last_seq)))
    }

    /// Takes an entry out.
    pub fn remove_entry(&self, blog: BlogId, id: EntryId, seq: Seq) -> Option<Arc<LivePage>> {
        let page = self.page_by_id(blog)?;
        Some(self.swap(page.without_entry(id, seq)))
    }
}

/// Renders every entry of `blog`: costs CPU in proportion to their bodies (see
/// [`crate::fragments::off_the_workers`]).
pub fn render_all(blog: &Blog, entries: Vec<Entry>) -> Vec<Arc<RenderedEntry>> {
    let words = Words::of(&blog.language);
    entries
        .into_iter()
        .map(|e| Arc::new(RenderedEntry::new(e, blog, &words)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BlogStatus, Slug};
    use chrono::{TimeZone, Utc};

    fn blog(id: i64, status: BlogStatus) -> Blog {
        Blog {
            id: BlogId(id),
            slug: Slug::parse(&format!("page-{id}")).unwrap(),
            title: format!("Page {id}"),
            description: String::new(),
            summary: Vec::new(),
            time_zone: chrono_tz::Europe::London,
            status,
            created_at: Utc.timestamp_opt(1_000, 0).unwrap(),
            oldest_first: false,
            embed_origins: Vec::new(),
            language: "en-GB".into(),
            callout: None,
        }
    }

    fn entries(count: i64) -> Vec<Entry> {
        (1..=count)
            .map(|n| {
                let content = crate::domain::EntryContent::parse(&crate::domain::EntryInput {
                    title: format!("Entry {n}"),
                    body: "Words. ".repeat(100),
                    ..Default::default()
                })
                .unwrap();
                Entry::new(
                    EntryId(n),
                    content,
                    Utc.timestamp_opt(2_000 + n, 0).unwrap(),
                    "ed",
                )
            })
            .collect()
    }

    fn in_memory(model: &ReadModel) -> Vec<i64> {
        let mut ids: Vec<i64> = model.loaded_pages().iter().map(|p| p.blog.id.0).collect();
        ids.sort();
        ids
    }

    #[test]
    fn ended_pages_keep_within_the_budget_and_the_one_read_longest_ago_goes_first() {
        let one_page = LivePage::new(
            blog(1, BlogStatus::Closed),
            render_all(&blog(1, BlogStatus::Closed), entries(30)),
            1,
        )
        .weight();
        // Room for three ended pages, not four.
        let model = ReadModel::new(one_page * 3 + one_page / 2);
        model.put_blog(blog(100, BlogStatus::Live), entries(300), 1);
        for id in 1..=3 {
            model.put_blog(blog(id, BlogStatus::Closed), entries(30), 1);
        }
        assert_eq!(in_memory(&model), [1, 2, 3, 100]);
        // Page 1 is read again: page 2 is now the one read longest ago.
        model.page("page-1").unwrap();
        model.put_blog(blog(4, BlogStatus::Closed), entries(30), 1);
        assert_eq!(in_memory(&model), [1, 3, 4, 100]);
        let (count, weight) = model.ended_in_memory();
        assert_eq!((count, weight), (3, one_page * 3));
        // Let go, page 2 is still listed with its figures, for the index to show.
        assert!(model.page("page-2").is_none());
        let listing = model.listing_by_id(BlogId(2)).unwrap();
        assert_eq!((listing.entry_count, listing.last_seq), (30, 1));
        assert_eq!(model.id_of("page-2"), Some(BlogId(2)));
        assert_eq!(model.pages().len(), 5);
        // Reopened, a page no longer counts against the budget; the live page never did.
        model.put_blog(blog(3, BlogStatus::Live), entries(30), 2);
        assert_eq!(model.ended_in_memory(), (2, one_page * 2));
    }

    #[test]
    fn a_page_read_from_the_store_is_not_kept_over_a_newer_change() {
        let model = ReadModel::default();
        let ended = blog(1, BlogStatus::Closed);
        let listing = LivePage::new(ended.clone(), render_all(&ended, entries(2)), 5).listing();
        let model_with = ReadModel::load(Vec::new(), vec![listing], DEFAULT_ENDED_BUDGET);
        // Read at change 4 while change 5 was being applied: served, not kept.
        let read = LivePage::new(ended.clone(), render_all(&ended, entries(1)), 4);
        assert_eq!(model_with.keep(read).entry_count(), 1);
        assert!(model_with.page("page-1").is_none());
        // Read at change 5: kept.
        let read = LivePage::new(ended.clone(), render_all(&ended, entries(2)), 5);
        model_with.keep(read);
        assert_eq!(model_with.page("page-1").unwrap().last_seq, 5);
        // A page the store no longer has is not kept either.
        let gone = LivePage::new(ended.clone(), Vec::new(), 9);
        model.keep(gone);
        assert!(model.page("page-1").is_none());
    }
}
