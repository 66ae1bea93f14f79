//! A store that keeps everything in this process: gone when the server stops.

use std::sync::Mutex;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{BlogRecord, Committed, Store, StoreError};
use crate::domain::{Blog, BlogDraft, BlogId, BlogStatus, Entry, EntryDraft, EntryId, User};

/// Everything in memory, behind one lock that is never held across an `.await`.
#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    blogs: Vec<BlogRecord>,
    users: Vec<User>,
    last_entry_id: i64,
}

impl Inner {
    fn blog(&mut self, id: BlogId) -> Result<&mut BlogRecord, StoreError> {
        self.blogs
            .iter_mut()
            .find(|r| r.blog.id == id)
            .ok_or(StoreError::NotFound)
    }
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data behind; carry on with it.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[async_trait]
impl Store for MemoryStore {
    async fn load(&self) -> Result<Vec<BlogRecord>, StoreError> {
        Ok(self.lock().blogs.clone())
    }

    async fn create_blog(&self, draft: BlogDraft, at: DateTime<Utc>) -> Result<Blog, StoreError> {
        let mut inner = self.lock();
        if inner.blogs.iter().any(|r| r.blog.slug == draft.slug) {
            return Err(StoreError::Taken("slug"));
        }
        let id = BlogId(inner.blogs.len() as i64 + 1);
        let blog = Blog {
            id,
            slug: draft.slug,
            title: draft.title,
            description: draft.description,
            summary: draft.summary,
            time_zone: draft.time_zone,
            status: BlogStatus::Live,
            created_at: at,
        };
        inner.blogs.push(BlogRecord {
            blog: blog.clone(),
            entries: Vec::new(),
            last_seq: 0,
        });
        Ok(blog)
    }

    async fn save_blog(&self, blog: &Blog) -> Result<Committed<()>, StoreError> {
        let mut inner = self.lock();
        let record = inner.blog(blog.id)?;
        record.blog = blog.clone();
        record.last_seq += 1;
        Ok(Committed {
            value: (),
            seq: record.last_seq,
        })
    }

    async fn publish_entry(
        &self,
        blog: BlogId,
        draft: EntryDraft,
        at: DateTime<Utc>,
    ) -> Result<Committed<Entry>, StoreError> {
        let mut inner = self.lock();
        let id = EntryId(inner.last_entry_id + 1);
        let record = inner.blog(blog)?;
        let entry = Entry::new(id, draft, at);
        record.entries.push(entry.clone());
        record.last_seq += 1;
        let seq = record.last_seq;
        inner.last_entry_id = id.0;
        Ok(Committed { value: entry, seq })
    }

    async fn save_entry(&self, blog: BlogId, entry: &Entry) -> Result<Committed<()>, StoreError> {
        let mut inner = self.lock();
        let record = inner.blog(blog)?;
        let stored = record
            .entries
            .iter_mut()
            .find(|e| e.id == entry.id)
            .ok_or(StoreError::NotFound)?;
        *stored = entry.clone();
        record.last_seq += 1;
        Ok(Committed {
            value: (),
            seq: record.last_seq,
        })
    }

    async fn delete_entry(
        &self,
        blog: BlogId,
        entry: EntryId,
    ) -> Result<Committed<()>, StoreError> {
        let mut inner = self.lock();
        let record = inner.blog(blog)?;
        let before = record.entries.len();
        record.entries.retain(|e| e.id != entry);
        if record.entries.len() == before {
            return Err(StoreError::NotFound);
        }
        record.last_seq += 1;
        Ok(Committed {
            value: (),
            seq: record.last_seq,
        })
    }

    async fn user_count(&self) -> Result<usize, StoreError> {
        Ok(self.lock().users.len())
    }

    async fn add_user(&self, user: User) -> Result<(), StoreError> {
        let mut inner = self.lock();
        if inner.users.iter().any(|u| u.name == user.name) {
            return Err(StoreError::Taken("user name"));
        }
        inner.users.push(user);
        Ok(())
    }

    async fn find_user(&self, name: &str) -> Result<Option<User>, StoreError> {
        Ok(self.lock().users.iter().find(|u| u.name == name).cloned())
    }
}
