//! The one door every change to a live page goes through, from the editor's forms,
//! the API and the demo page alike: check it, commit it, put it in the read model,
//! tell the readers; always in that order, one change at a time, so readers see
//! changes in commit order.
//!
//! Entries before they are published (drafts, the approval queue, scheduled entries)
//! go through it too, in `drafts`: the web layer reads and writes the record only here.
//!
//! With several instances on one PostgreSQL, another instance's changes arrive as
//! notifications; [`Newsroom::catch_up`] reads them from the change log and applies
//! them through the same steps, so every reader on every instance sees every change
//! once, in order.

mod drafts;
mod labels;
mod profiles;
mod snippets;

pub use drafts::{DuePass, PageDrafts};
pub use labels::find as find_label;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::Notify;

use crate::domain::{
    Blog, BlogId, BlogSettings, BlogStatus, DeletedEntry, Entry, EntryContent, EntryId,
    FieldErrors, Revision,
};
use crate::domain::{Change, ChangeKind, Seq};
use crate::fragments::{ShuttingDown, off_the_workers};
use crate::live::{LiveEvent, LiveHub};
use crate::read_model::{LivePage, ReadModel, RenderedEntry, render_all};
use crate::store::{Committed, KeptAnswer, MadeBefore, PageListing, Store, StoreError};

/// The most changes read from the log in one catch-up.
const CATCH_UP_LIMIT: usize = 10_000;
/// How many times a save is made again on what a save that came first left, before
/// the editor is shown the conflict.
pub const SAVE_TRIES: u32 = 3;

#[derive(Debug, thiserror::Error)]
pub enum NewsroomError {
    #[error("no such live page or entry")]
    NotFound,
    #[error("{0}")]
    Invalid(FieldErrors),
    /// Someone else saved the entry first; this is their version.
    #[error("the entry was changed by someone else")]
    Conflict(Box<Entry>),
    /// The live page has ended: nothing new is published on it until it is reopened.
    #[error("the live page has ended")]
    Closed,
    /// The request was made before with its key: nothing new was made.
    #[error("this request was made before")]
    Repeated,
    /// The change is committed, but the server is shutting down before showing it;
    /// the next start shows it.
    #[error(transparent)]
    ShuttingDown(#[from] ShuttingDown),
    /// The record cannot be read or written just now (the database is away).
    #[error("the record is unavailable: {0}")]
    Unavailable(String),
    /// The record holds something this build cannot read.
    #[error("the record holds what this build cannot read: {0}")]
    Broken(String),
}

impl From<StoreError> for NewsroomError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => NewsroomError::NotFound,
            StoreError::Taken(what) => {
                let mut errors = FieldErrors::default();
                let field = if what == "slug" { "slug" } else { "username" };
                errors.add(field, format!("That {what} is already taken."));
                NewsroomError::Invalid(errors)
            }
            StoreError::Unavailable(why) => NewsroomError::Unavailable(why),
            StoreError::Stale => NewsroomError::Unavailable(error.to_string()),
            StoreError::Repeated => NewsroomError::Repeated,
            StoreError::Corrupt(why) | StoreError::Incompatible(why) => NewsroomError::Broken(why),
        }
    }
}

/// Catching up stops when the server does: the change log has what was not applied.
fn unavailable(stopped: ShuttingDown) -> StoreError {
    StoreError::Unavailable(stopped.to_string())
}

/// What an SSE event carries for a new or changed entry.
#[derive(Serialize)]
struct EntryEvent<'a> {
    id: EntryId,
    html: &'a str,
    title: &'a str,
    pinned: bool,
    key_event: bool,
}

impl<'a> From<&'a RenderedEntry> for EntryEvent<'a> {
    fn from(rendered: &'a RenderedEntry) -> Self {
        EntryEvent {
            id: rendered.entry.id,
            html: &rendered.html,
            title: &rendered.entry.title,
            pinned: rendered.entry.pinned,
            key_event: rendered.entry.key_event,
        }
    }
}

#[derive(Serialize)]
struct DeletedEvent {
    id: EntryId,
}

#[derive(Serialize)]
struct BlogEvent<'a> {
    id: BlogId,
    html: &'a str,
    live: bool,
}

/// The event readers get for a change, from the page as it stands after it. A change
/// to an entry that is gone by now is sent as its deletion.
fn event_for(page: &LivePage, change: &Change) -> LiveEvent {
    let seq = change.seq;
    let entry = change.entry.and_then(|id| page.entry(id));
    match (change.kind, entry, change.entry) {
        (ChangeKind::BlogUpdated, _, _) => {
            let blog = &page.blog;
            let data = BlogEvent {
                id: blog.id,
                html: &page.summary_html,
                live: blog.is_live(),
            };
            LiveEvent::new(seq, ChangeKind::BlogUpdated, &data)
        }
        (ChangeKind::EntryCreated, Some(rendered), _) => {
            LiveEvent::new(seq, ChangeKind::EntryCreated, &EntryEvent::from(rendered))
        }
        (ChangeKind::EntryUpdated, Some(rendered), _) => {
            LiveEvent::new(seq, ChangeKind::EntryUpdated, &EntryEvent::from(rendered))
        }
        (_, _, id) => LiveEvent::new(
            seq,
            ChangeKind::EntryDeleted,
            &DeletedEvent {
                id: id.expect("a change to an entry names the entry"),
            },
        ),
    }
}

/// A poll with votes keeps its answers: they may be reworded, not added to or taken
/// away (each vote names its answer by its place).
fn keeps_its_votes(entry: &Entry, draft: &EntryContent) -> Result<(), NewsroomError> {
    let (Some(was), Some(next)) = (entry.poll.as_ref(), draft.poll.as_ref()) else {
        return Ok(());
    };
    if was.total() == 0 || was.answers.len() == next.answers.len() {
        return Ok(());
    }
    let mut errors = crate::domain::FieldErrors::default();
    errors.add(
        "poll_answers",
        format!(
            "This poll has votes: its {} answers may be reworded, not added to or taken away.",
            was.answers.len()
        ),
    );
    Err(NewsroomError::Invalid(errors))
}

/// Who corrects an entry, from which version, and the public note, if any.
pub struct Edit<'a> {
    pub by: &'a str,
    /// The version the editor started from; `None` to save whatever is there now.
    pub base_version: Option<u32>,
    pub note: Option<String>,
    /// An earlier publication time: the entry moves back to its place in the stream.
    pub published_at: Option<DateTime<Utc>>,
}

/// A flag an editor sets or clears on an entry without changing what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Shown above the stream; pinning one entry unpins the one before.
    Pinned(bool),
    /// Listed among the key events at the top of the page.
    KeyEvent(bool),
    /// Its poll closed: no vote is counted after it, on any instance, and readers see
    /// the final counts.
    PollClosed,
}

/// Publishes, corrects and deletes entries and sets up live pages.
pub struct Newsroom {
    store: Arc<Store>,
    pages: Arc<ReadModel>,
    hub: Arc<LiveHub>,
    /// One change at a time, from commit to broadcast.
    writing: tokio::sync::Mutex<()>,
    /// One ended page read from the store at a time.
    reading: tokio::sync::Mutex<()>,
    /// Told when an entry is scheduled or taken off the schedule.
    schedule_changed: Notify,
    /// Told of every change readers are told of, this instance's or another's (the
    /// webhooks' senders wait on it).
    changed: Arc<Notify>,
    /// Told of each entry saved with a shared post, for its platform to be asked of it
    /// (`oembed`).
    saved_posts: std::sync::OnceLock<tokio::sync::mpsc::UnboundedSender<(String, Entry)>>,
    /// Told of each entry that is a key event as readers are told of it (`push`).
    key_events: std::sync::OnceLock<tokio::sync::mpsc::UnboundedSender<crate::push::KeyEvent>>,
}

impl Newsroom {
    /// Loads every page that has not ended from the store, and each one's recent
    /// changes into the hub, so a browser that reconnects after a restart still gets
    /// what it missed. Ended pages are listed only, and read when asked for, keeping
    /// within `ended_budget` bytes in memory (see `read_model`).
    pub async fn load(
        store: Arc<Store>,
        hub: Arc<LiveHub>,
        ended_budget: usize,
    ) -> Result<Newsroom, StoreError> {
        let live = store.live_pages().await?;
        let ended = store.ended_listings().await?;
        for listing in &ended {
            // A page that has ended keeps no replay window (see `tell`).
            hub.open(listing.blog.id, listing.last_seq, Vec::new());
        }
        let pages = Arc::new(ReadModel::load(live, ended, ended_budget));
        for page in pages.loaded_pages() {
            let changes = (store.changes_since(page.blog.id, 0, hub.replay_window())).await?;
            let recent = changes
                .iter()
                .map(|change| event_for(&page, change))
                .collect();
            hub.open(page.blog.id, page.last_seq, recent);
        }
        Ok(Newsroom {
            store,
            pages,
            hub,
            writing: tokio::sync::Mutex::new(()),
            reading: tokio::sync::Mutex::new(()),
            schedule_changed: Notify::new(),
            changed: Arc::new(Notify::new()),
            saved_posts: std::sync::OnceLock::new(),
            key_events: std::sync::OnceLock::new(),
        })
    }

    /// Told of every change as readers are told of it.
    pub fn changes(&self) -> Arc<Notify> {
        Arc::clone(&self.changed)
    }

    /// The read model this newsroom keeps up to date.
    pub fn pages(&self) -> Arc<ReadModel> {
        Arc::clone(&self.pages)
    }

    /// A page by its slug: from memory, or for an ended page read lately by no one,
    /// from the store.
    pub async fn page(&self, slug: &str) -> Result<Arc<LivePage>, NewsroomError> {
        if let Some(page) = self.pages.page(slug) {
            return Ok(page);
        }
        let id = self.pages.id_of(slug).ok_or(NewsroomError::NotFound)?;
        self.read_ended(id).await
    }

    /// A page by its id, as [`Newsroom::page`] finds it.
    pub async fn page_by_id(&self, id: BlogId) -> Result<Arc<LivePage>, NewsroomError> {
        if let Some(page) = self.pages.page_by_id(id) {
            return Ok(page);
        }
        self.read_ended(id).await
    }

    /// Reads an ended page from the store and renders it, for a reader or an editor;
    /// one at a time, so the many readers who ask at once wait for one reading.
    async fn read_ended(&self, id: BlogId) -> Result<Arc<LivePage>, NewsroomError> {
        let _reading = self.reading.lock().await;
        if let Some(page) = self.pages.page_by_id(id) {
            return Ok(page);
        }
        let (blog, last_seq) = self.store.blog(id).await?.ok_or(NewsroomError::NotFound)?;
        let entries = self.store.entries(id).await?;
        let page = off_the_workers(move || {
            let rendered = render_all(&blog, entries);
            LivePage::new(blog, rendered, last_seq)
        })
        .await?;
        Ok(self.pages.keep(page))
    }

    /// A page's listing, in memory or not: all a change reads of a page that needs only
    /// its id or its status, so a writer never waits for an ended page to be read.
    fn listing(&self, slug: &str) -> Result<Arc<PageListing>, NewsroomError> {
        self.pages.listing(slug).ok_or(NewsroomError::NotFound)
    }

    /// A page that takes new entries: one that has not ended.
    fn live_page(&self, slug: &str) -> Result<Arc<PageListing>, NewsroomError> {
        let page = self.listing(slug)?;
        if page.blog.is_live() {
            Ok(page)
        } else {
            Err(NewsroomError::Closed)
        }
    }

    /// Opens a new live page.
    pub async fn create_blog(&self, draft: BlogSettings) -> Result<Blog, NewsroomError> {
        let _writing = self.writing.lock().await;
        let blog = self.store.create_blog(draft, Utc::now()).await?;
        self.hub.open(blog.id, 0, Vec::new());
        self.pages.put_blog(blog.clone(), Vec::new(), 0);
        Ok(blog)
    }

    /// Saves a page's settings and tells its readers.
    pub async fn update_blog(&self, blog: Blog) -> Result<Blog, NewsroomError> {
        let _writing = self.writing.lock().await;
        let committed = self.store.save_blog(&blog).await?;
        self.apply(blog.id, committed.seq, ChangeKind::BlogUpdated, None, {
            let blog = blog.clone();
            move |pages| pages.update_blog(blog, committed.seq)
        })
        .await?;
        Ok(blog)
    }

    /// Changes a page's title, description, summary, time zone and reading order; its
    /// address stays as it is. Readers get the new summary at once.
    pub async fn change_settings(
        &self,
        slug: &str,
        settings: BlogSettings,
    ) -> Result<Blog, NewsroomError> {
        let mut blog = self.listing(slug)?.blog.clone();
        blog.title = settings.title;
        blog.description = settings.description;
        blog.summary = settings.summary;
        blog.time_zone = settings.time_zone;
        blog.oldest_first = settings.oldest_first;
        blog.embed_origins = settings.embed_origins;
        blog.language = settings.language;
        self.update_blog(blog).await
    }

    /// Ends a live page (nothing new is published on it) or reopens it; readers are
    /// told at once.
    pub async fn set_status(&self, slug: &str, status: BlogStatus) -> Result<Blog, NewsroomError> {
        let mut blog = self.listing(slug)?.blog.clone();
        blog.status = status;
        self.update_blog(blog).await
    }

    /// Publishes a new entry now, written by `by`.
    pub async fn publish(
        &self,
        slug: &str,
        draft: EntryContent,
        by: &str,
    ) -> Result<Entry, NewsroomError> {
        self.publish_at(slug, draft, Utc::now(), by).await
    }

    /// Publishes a new entry with a given publication time (the demo page's past).
    pub async fn publish_at(
        &self,
        slug: &str,
        draft: EntryContent,
        at: DateTime<Utc>,
        by: &str,
    ) -> Result<Entry, NewsroomError> {
        let draft = self.with_authors(draft).await?;
        let _writing = self.writing.lock().await;
        let blog = self.live_page(slug)?.blog.id;
        let entry = Entry::new(EntryId(0), draft, at, by);
        let committed = self.store.publish_entry(blog, entry).await?;
        self.published(blog, committed).await
    }

    /// Puts a newly committed entry before the readers. Runs with the write lock held.
    async fn published(
        &self,
        blog: BlogId,
        committed: Committed<Entry>,
    ) -> Result<Entry, NewsroomError> {
        let entry = committed.value;
        self.apply_entry(blog, committed.seq, ChangeKind::EntryCreated, entry.clone())
            .await?;
        self.post_saved(blog, &entry);
        Ok(entry)
    }

    /// Sends each entry that is a key event to `told`, as readers are told of it.
    pub fn tell_of_key_events(
        &self,
        told: tokio::sync::mpsc::UnboundedSender<crate::push::KeyEvent>,
    ) {
        let _ = self.key_events.set(told);
    }

    /// Sends each entry saved with a shared post to `saved`, from now on.
    pub fn tell_of_saved_posts(&self, saved: tokio::sync::mpsc::UnboundedSender<(String, Entry)>) {
        let _ = self.saved_posts.set(saved);
    }

    /// Tells of an entry just saved, if it carries a post from another platform.
    fn post_saved(&self, blog: BlogId, entry: &Entry) {
        if entry.post.is_none() {
            return;
        }
        if let (Some(saved), Some(page)) = (self.saved_posts.get(), self.pages.listing_by_id(blog))
        {
            let _ = saved.send((page.blog.slug.to_string(), entry.clone()));
        }
    }

    /// Replaces an entry's content; readers see it change in place, marked "Updated".
    /// Refused with [`NewsroomError::Conflict`] when someone else saved it since the
    /// version the editor started from, on this instance or another: the store checks
    /// the version in the save itself.
    pub async fn correct(
        &self,
        slug: &str,
        id: EntryId,
        draft: EntryContent,
        edit: Edit<'_>,
    ) -> Result<Entry, NewsroomError> {
        let kept = self
            .page(slug)
            .await?
            .entry(id)
            .map(|rendered| rendered.entry.clone());
        let draft = self.with_authors_keeping(draft, kept.as_ref()).await?;
        let _writing = self.writing.lock().await;
        let blog = self.listing(slug)?.blog.id;
        self.save(blog, id, |entry| {
            if edit.base_version.is_some_and(|base| base != entry.version) {
                return Err(NewsroomError::Conflict(Box::new(entry.clone())));
            }
            if let Some(at) = edit.published_at {
                entry.move_back(at).map_err(NewsroomError::Invalid)?;
            }
            keeps_its_votes(entry, &draft)?;
            entry.correct(draft.clone(), Utc::now(), edit.by, edit.note.clone());
            Ok(())
        })
        .await
        .inspect(|entry| self.post_saved(blog, entry))
    }

    /// Pins or unpins an entry, or marks it as a key event or not. What it says and
    /// when it was corrected stay as they are; its version goes up, so a correction
    /// begun before is not saved over the mark unseen, and its history names `by`.
    pub async fn mark(
        &self,
        slug: &str,
        id: EntryId,
        mark: Mark,
        by: &str,
    ) -> Result<Entry, NewsroomError> {
        let _writing = self.writing.lock().await;
        let blog = self.listing(slug)?.blog.id;
        self.save(blog, id, |entry| {
            match mark {
                Mark::Pinned(on) => entry.pinned = on,
                Mark::KeyEvent(on) => entry.key_event = on,
                Mark::PollClosed => {
                    let poll = entry.poll.as_mut().ok_or(NewsroomError::NotFound)?;
                    poll.closed_at.get_or_insert_with(Utc::now);
                }
            }
            entry.version += 1;
            entry.updated_by = Some(by.to_owned());
            Ok(())
        })
        .await
    }

    /// Puts the latest counts of a poll in its page, rendering its entry again (see
    /// `polls`); the page as it then stands, or `None` if it is not in memory.
    pub async fn show_poll_counts(
        &self,
        blog: BlogId,
        id: EntryId,
        counts: Vec<u64>,
    ) -> Option<Arc<LivePage>> {
        let _writing = self.writing.lock().await;
        let pages = Arc::clone(&self.pages);
        off_the_workers(move || pages.put_poll_counts(blog, id, counts))
            .await
            .ok()
            .flatten()
    }

    /// Changes an entry as it stands in the record now and saves it over the version
    /// it was read at. Should another save come first (on another instance, between the
    /// read and the write), the change is made again on what that save left, and
    /// `change` decides whether it still may be. Runs with the write lock held.
    async fn save(
        &self,
        blog: BlogId,
        id: EntryId,
        change: impl FnMut(&mut Entry) -> Result<(), NewsroomError>,
    ) -> Result<Entry, NewsroomError> {
        let saved = self.save_over_what_is_read(blog, id, change).await;
        if let Err(NewsroomError::Conflict(_)) = &saved {
            // The save that came first may have been made on another instance and not
            // be here yet: the editor is shown it, so the page must have it too.
            self.catch_up_locked(blog).await?;
        }
        saved
    }

    async fn save_over_what_is_read(
        &self,
        blog: BlogId,
        id: EntryId,
        mut change: impl FnMut(&mut Entry) -> Result<(), NewsroomError>,
    ) -> Result<Entry, NewsroomError> {
        let mut tries = 0;
        loop {
            let mut entry = self
                .store
                .entry(blog, id)
                .await?
                .ok_or(NewsroomError::NotFound)?;
            let read_at = entry.version;
            change(&mut entry)?;
            match self.store.save_entry(blog, &entry, read_at).await {
                Ok(committed) => {
                    self.apply_entry(blog, committed.seq, ChangeKind::EntryUpdated, entry.clone())
                        .await?;
                    return Ok(entry);
                }
                Err(StoreError::Stale) if tries < SAVE_TRIES => tries += 1,
                Err(StoreError::Stale) => {
                    let now = self
                        .store
                        .entry(blog, id)
                        .await?
                        .ok_or(NewsroomError::NotFound)?;
                    return Err(NewsroomError::Conflict(Box::new(now)));
                }
                Err(error) => return Err(error.into()),
            }
        }
    }

    /// Removes an entry from the page and from every reader's screen; it can be restored
    /// for [`DELETED_KEPT_DAYS`](crate::domain::DELETED_KEPT_DAYS) days.
    pub async fn delete(&self, slug: &str, id: EntryId, by: &str) -> Result<(), NewsroomError> {
        let page = self.page(slug).await?;
        page.entry(id).ok_or(NewsroomError::NotFound)?;
        let _writing = self.writing.lock().await;
        let blog = page.blog.id;
        let committed = self.store.delete_entry(blog, id, by, Utc::now()).await?;
        self.apply(
            blog,
            committed.seq,
            ChangeKind::EntryDeleted,
            Some(id),
            move |pages| pages.remove_entry(blog, id, committed.seq),
        )
        .await
    }

    /// Entries deleted from page `blog` that can still be restored, newest deletion first.
    pub async fn deleted(&self, blog: BlogId) -> Result<Vec<DeletedEntry>, NewsroomError> {
        Ok(self.store.deleted_entries(blog, Utc::now()).await?)
    }

    /// The kept versions of entry `id` on page `blog`, oldest first.
    pub async fn revisions(
        &self,
        blog: BlogId,
        id: EntryId,
    ) -> Result<Vec<Revision>, NewsroomError> {
        Ok(self.store.revisions(blog, id).await?)
    }

    /// Puts a deleted entry back, under its own number and in its place in the stream;
    /// open readers' pages put it there too.
    pub async fn restore(&self, slug: &str, id: EntryId) -> Result<Entry, NewsroomError> {
        let _writing = self.writing.lock().await;
        let blog = self.listing(slug)?.blog.id;
        let committed = self.store.restore_entry(blog, id, Utc::now()).await?;
        self.published(blog, committed).await
    }

    async fn apply_entry(
        &self,
        blog: BlogId,
        seq: Seq,
        kind: ChangeKind,
        entry: Entry,
    ) -> Result<(), NewsroomError> {
        let id = entry.id;
        self.apply(blog, seq, kind, Some(id), move |pages| {
            pages.put_entry(blog, entry, seq)
        })
        .await
    }

    /// Applies this instance's own committed change `seq` and tells the readers. If
    /// another instance committed changes to the page just before, those come first,
    /// from the change log, ours among them. Runs with the write lock held.
    async fn apply(
        &self,
        blog: BlogId,
        seq: Seq,
        kind: ChangeKind,
        entry: Option<EntryId>,
        put: impl FnOnce(&ReadModel) -> Option<Arc<LivePage>> + Send + 'static,
    ) -> Result<(), NewsroomError> {
        let behind = self
            .pages
            .page_by_id(blog)
            .is_none_or(|page| page.last_seq + 1 != seq);
        if behind {
            return Ok(self.catch_up_locked(blog).await?);
        }
        // Putting an entry in renders it: off the async workers.
        let pages = Arc::clone(&self.pages);
        match off_the_workers(move || put(&pages)).await? {
            Some(page) => self.tell(&page, &Change { seq, kind, entry }),
            // An ended page let go from memory meanwhile, to make room: read it whole.
            None => self.catch_up_locked(blog).await?,
        }
        Ok(())
    }

    /// Sends a change to the page's readers. A page that has ended keeps no replay
    /// window: a browser that comes back to it after missing a change reloads it.
    fn tell(&self, page: &LivePage, change: &Change) {
        self.hub.publish(page.blog.id, event_for(page, change));
        self.changed.notify_one();
        // A key event is told once however often it is changed: `push` notes each.
        let entry = change.entry.and_then(|id| page.entry(id));
        if let (Some(told), Some(rendered)) = (self.key_events.get(), entry)
            && rendered.entry.key_event
            && page.blog.is_live()
        {
            let _ = told.send(crate::push::KeyEvent {
                blog: page.blog.id,
                slug: page.blog.slug.to_string(),
                page_title: page.blog.title.clone(),
                entry: rendered.entry.id,
                headline: rendered.entry.title.clone(),
            });
        }
        if !page.blog.is_live() {
            self.hub.forget_recent(page.blog.id);
        }
    }

    /// Takes one try for `key` under `rule`, counted in the store; false when its
    /// share is used.
    pub async fn take_attempt(
        &self,
        key: &str,
        rule: crate::store::AttemptRule,
    ) -> Result<bool, StoreError> {
        let taken = self.store.take_attempt(key, rule, Utc::now()).await?;
        Ok(taken == crate::store::Attempt::Taken)
    }

    /// Whether the record takes writes now (see `Store::writable`).
    pub async fn writable(&self) -> Result<(), String> {
        self.store.writable().await
    }

    /// The request `caller` made before with `key`, in the last day: what it changed
    /// and the answer it was given (see `store::once`).
    pub async fn made_before(
        &self,
        caller: &str,
        key: &str,
    ) -> Result<Option<MadeBefore>, NewsroomError> {
        Ok(self.store.made_before(caller, key).await?)
    }

    /// Keeps the answer given to the request `caller` made with `key`.
    pub async fn keep_answer(
        &self,
        caller: &str,
        key: &str,
        answer: &KeptAnswer,
    ) -> Result<(), NewsroomError> {
        Ok(self.store.keep_answer(caller, key, answer).await?)
    }

    /// Brings a page up to date with the change log, telling readers each change in
    /// order. Called when another instance announces a change.
    pub async fn catch_up(&self, blog: BlogId) -> Result<(), StoreError> {
        let _writing = self.writing.lock().await;
        self.catch_up_locked(blog).await
    }

    /// Catches up every page whose change log is ahead of this instance, and loads
    /// pages opened elsewhere.
    pub async fn catch_up_all(&self) -> Result<(), StoreError> {
        for (blog, last_seq) in self.store.last_seqs().await? {
            let known = self.pages.last_seq(blog);
            if known.is_none_or(|seq| seq < last_seq) {
                self.catch_up(blog).await?;
            }
        }
        Ok(())
    }

    async fn catch_up_locked(&self, blog: BlogId) -> Result<(), StoreError> {
        let Some(page) = self.pages.page_by_id(blog) else {
            return self.load_blog(blog).await;
        };
        let changes = self
            .store
            .changes_since(blog, page.last_seq, CATCH_UP_LIMIT)
            .await?;
        if changes
            .first()
            .is_some_and(|first| first.seq != page.last_seq + 1)
        {
            // Too far behind to replay one by one: take the page whole.
            return self.load_blog(blog).await;
        }
        for change in changes {
            let seq = change.seq;
            let pages = Arc::clone(&self.pages);
            let page = match (change.kind, change.entry) {
                (ChangeKind::BlogUpdated, _) => match self.store.blog(blog).await? {
                    Some((settings, _)) => {
                        off_the_workers(move || pages.update_blog(settings, seq))
                            .await
                            .map_err(unavailable)?
                    }
                    None => None,
                },
                (_, Some(id)) => match self.store.entry(blog, id).await? {
                    Some(entry) => off_the_workers(move || pages.put_entry(blog, entry, seq))
                        .await
                        .map_err(unavailable)?,
                    None => self.pages.remove_entry(blog, id, seq),
                },
                (_, None) => continue,
            };
            match page {
                Some(page) => self.tell(&page, &change),
                // An ended page let go from memory meanwhile, to make room: read whole,
                // it has this change and the rest.
                None => return self.load_blog(blog).await,
            }
        }
        Ok(())
    }

    /// Loads a page whole from the store; its readers reload.
    async fn load_blog(&self, blog: BlogId) -> Result<(), StoreError> {
        let Some((settings, last_seq)) = self.store.blog(blog).await? else {
            return Ok(());
        };
        let entries = self.store.entries(blog).await?;
        let window = if settings.is_live() {
            self.hub.replay_window()
        } else {
            0
        };
        let changes = self.store.changes_since(blog, 0, window).await?;
        let for_rendering = settings.clone();
        let rendered = off_the_workers(move || render_all(&for_rendering, entries))
            .await
            .map_err(unavailable)?;
        // From here on, no await: readers see the new page and its channel together.
        let page = self.pages.put_rendered_blog(settings, rendered, last_seq);
        let recent = changes
            .iter()
            .filter(|change| change.seq <= last_seq)
            .map(|change| event_for(&page, change))
            .collect();
        if self.hub.subscriber_count(blog) > 0 {
            self.hub.publish(blog, LiveEvent::reset(last_seq));
        }
        self.hub.open(blog, last_seq, recent);
        Ok(())
    }
}
