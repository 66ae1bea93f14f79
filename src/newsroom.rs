//! The one door every change goes through, from the editor's forms, the API or the
//! command line alike: check it, commit it, put it in the read model, tell the readers;
//! always in that order, one change at a time, so readers see changes in commit order.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{Blog, BlogDraft, BlogId, Entry, EntryDraft, EntryId, FieldErrors};
use crate::live::{EventKind, LiveHub};
use crate::read_model::{LivePage, ReadModel, RenderedEntry};
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum NewsroomError {
    #[error("no such live page or entry")]
    NotFound,
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error(transparent)]
    Store(StoreError),
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
            other => NewsroomError::Store(other),
        }
    }
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

/// Publishes, corrects and deletes entries and sets up live pages.
pub struct Newsroom {
    store: Arc<dyn Store>,
    pages: Arc<ReadModel>,
    hub: Arc<LiveHub>,
    /// One change at a time, from commit to broadcast.
    writing: tokio::sync::Mutex<()>,
}

impl Newsroom {
    /// Loads every live page from the store and opens its live channel.
    pub async fn load(store: Arc<dyn Store>, hub: Arc<LiveHub>) -> Result<Newsroom, StoreError> {
        let records = store.load().await?;
        for record in &records {
            hub.open(record.blog.id, record.last_seq);
        }
        let pages = Arc::new(ReadModel::load(records));
        Ok(Newsroom {
            store,
            pages,
            hub,
            writing: tokio::sync::Mutex::new(()),
        })
    }

    /// The read model this newsroom keeps up to date.
    pub fn pages(&self) -> Arc<ReadModel> {
        Arc::clone(&self.pages)
    }

    fn page(&self, slug: &str) -> Result<Arc<LivePage>, NewsroomError> {
        self.pages.page(slug).ok_or(NewsroomError::NotFound)
    }

    /// Opens a new live page.
    pub async fn create_blog(&self, draft: BlogDraft) -> Result<Blog, NewsroomError> {
        let _writing = self.writing.lock().await;
        let blog = self.store.create_blog(draft, Utc::now()).await?;
        self.hub.open(blog.id, 0);
        self.pages.put_blog(blog.clone(), 0);
        Ok(blog)
    }

    /// Saves a page's settings and tells its readers.
    pub async fn update_blog(&self, blog: Blog) -> Result<Blog, NewsroomError> {
        let _writing = self.writing.lock().await;
        let committed = self.store.save_blog(&blog).await?;
        let page = self.pages.put_blog(blog.clone(), committed.seq);
        let event = BlogEvent {
            id: blog.id,
            html: &page.summary_html,
            live: blog.is_live(),
        };
        self.hub
            .publish(blog.id, committed.seq, EventKind::BlogUpdated, &event);
        Ok(blog)
    }

    /// Publishes a new entry now.
    pub async fn publish(&self, slug: &str, draft: EntryDraft) -> Result<Entry, NewsroomError> {
        self.publish_at(slug, draft, Utc::now()).await
    }

    /// Publishes a new entry with a given publication time (the demo page's past).
    pub async fn publish_at(
        &self,
        slug: &str,
        draft: EntryDraft,
        at: DateTime<Utc>,
    ) -> Result<Entry, NewsroomError> {
        let _writing = self.writing.lock().await;
        let page = self.page(slug)?;
        let blog = page.blog.id;
        let pinned = draft.pinned;
        let committed = self.store.publish_entry(blog, draft, at).await?;
        self.apply(
            blog,
            committed.value.clone(),
            committed.seq,
            EventKind::EntryCreated,
        );
        if pinned {
            self.unpin_others(blog, committed.value.id).await?;
        }
        Ok(committed.value)
    }

    /// Replaces an entry's content; readers see it change in place, marked "Updated".
    pub async fn correct(
        &self,
        slug: &str,
        id: EntryId,
        draft: EntryDraft,
    ) -> Result<Entry, NewsroomError> {
        let _writing = self.writing.lock().await;
        let page = self.page(slug)?;
        let mut entry = page.entry(id).ok_or(NewsroomError::NotFound)?.entry.clone();
        let blog = page.blog.id;
        let pinned = draft.pinned;
        entry.correct(draft, Utc::now());
        let committed = self.store.save_entry(blog, &entry).await?;
        self.apply(blog, entry.clone(), committed.seq, EventKind::EntryUpdated);
        if pinned {
            self.unpin_others(blog, id).await?;
        }
        Ok(entry)
    }

    /// Removes an entry from the page and from every reader's screen.
    pub async fn delete(&self, slug: &str, id: EntryId) -> Result<(), NewsroomError> {
        let _writing = self.writing.lock().await;
        let page = self.page(slug)?;
        let blog = page.blog.id;
        page.entry(id).ok_or(NewsroomError::NotFound)?;
        let committed = self.store.delete_entry(blog, id).await?;
        self.pages.remove_entry(blog, id, committed.seq);
        self.hub.publish(
            blog,
            committed.seq,
            EventKind::EntryDeleted,
            &DeletedEvent { id },
        );
        Ok(())
    }

    /// One entry is pinned at a time: pinning one unpins whichever was before.
    /// Runs with the write lock held.
    async fn unpin_others(&self, blog: BlogId, keep: EntryId) -> Result<(), NewsroomError> {
        let Some(page) = self.pages.pages().into_iter().find(|p| p.blog.id == blog) else {
            return Ok(());
        };
        let others: Vec<Entry> = page
            .entries()
            .filter(|e| e.entry.pinned && e.entry.id != keep)
            .map(|e| e.entry.clone())
            .collect();
        for mut entry in others {
            entry.pinned = false;
            let committed = self.store.save_entry(blog, &entry).await?;
            self.apply(blog, entry, committed.seq, EventKind::EntryUpdated);
        }
        Ok(())
    }

    fn apply(&self, blog: BlogId, entry: Entry, seq: u64, kind: EventKind) {
        if let Some(rendered) = self.pages.put_entry(blog, entry, seq) {
            self.hub
                .publish(blog, seq, kind, &EntryEvent::from(&*rendered));
        }
    }
}
