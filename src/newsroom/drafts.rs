//! The newsroom's unpublished entries: drafts, the approval queue (submitted, sent back
//! with a note, approved) and entries scheduled to publish themselves. A draft becomes
//! an entry in the transaction that removes it, so it is published once at most.

use chrono::{DateTime, Utc};

use super::{Newsroom, NewsroomError};
use crate::domain::{
    BlogId, Draft, DraftId, DraftKept, Entry, EntryContent, EntryId, EntryInput, UnreadableDraft,
    parse_review_note,
};
use crate::store::{Publishable, StoreError};

/// Who is shown as having sent a scheduled entry back when it could not publish itself.
pub const SCHEDULER: &str = "the schedule";

/// What one look at the schedule did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DuePass {
    pub published: usize,
    /// Due entries left due: the next look should not come at once.
    pub left: usize,
}

/// A page's drafts, and the rows among them that could not be read, for the desk to
/// name.
#[derive(Debug, Default)]
pub struct PageDrafts {
    pub drafts: Vec<Draft>,
    pub unreadable: Vec<UnreadableDraft>,
}

impl Newsroom {
    /// A page's drafts, newest first: every author's, submitted or scheduled or not.
    pub async fn drafts(&self, blog: BlogId) -> Result<PageDrafts, NewsroomError> {
        let mut page = PageDrafts::default();
        for row in self.store.drafts(blog).await? {
            match row {
                Ok(draft) => page.drafts.push(draft),
                Err(unreadable) => page.unreadable.push(unreadable),
            }
        }
        Ok(page)
    }

    pub async fn draft(&self, blog: BlogId, id: DraftId) -> Result<Option<Draft>, NewsroomError> {
        Ok(self.store.draft(blog, id).await?)
    }

    /// Every entry waiting for an editor, on every page, oldest first. A row that
    /// cannot be read is left out here and named on its page's desk.
    pub async fn approval_queue(&self) -> Result<Vec<Draft>, NewsroomError> {
        let rows = self.store.approval_queue().await?;
        Ok(rows.into_iter().filter_map(Result::ok).collect())
    }

    /// The entries an editor sent back to `user` with a note, on every page, until
    /// they are sent again. A row that cannot be read is left out, as in the queue.
    pub async fn sent_back_to(&self, user: &str) -> Result<Vec<Draft>, NewsroomError> {
        let rows = self.store.sent_back_to(user).await?;
        Ok(rows.into_iter().filter_map(Result::ok).collect())
    }

    /// Keeps a draft as typed, new (`id` is `None`) or again: still being written,
    /// submitted for approval (checked first), or scheduled (checked first; the time
    /// is the caller's to check). Returns its id.
    pub async fn keep_draft(
        &self,
        slug: &str,
        id: Option<DraftId>,
        input: &EntryInput,
        by: &str,
        kept: DraftKept,
    ) -> Result<DraftId, NewsroomError> {
        let page = self.listing(slug)?;
        if kept != DraftKept::Writing {
            EntryContent::parse(input).map_err(NewsroomError::Invalid)?;
        }
        if matches!(kept, DraftKept::Scheduled(_)) && !page.blog.is_live() {
            return Err(NewsroomError::Closed);
        }
        let id = self
            .store
            .keep_draft(page.blog.id, id, input, by, kept)
            .await?;
        self.schedule_changed.notify_one();
        Ok(id)
    }

    /// Sends a submitted entry back to its author with a note saying what to change.
    /// `NotFound` when it no longer waits for approval as it was when `seen`.
    pub async fn send_back(
        &self,
        slug: &str,
        id: DraftId,
        seen: DateTime<Utc>,
        input: &EntryInput,
        note: &str,
        by: &str,
    ) -> Result<(), NewsroomError> {
        let page = self.listing(slug)?;
        let note = parse_review_note(note).map_err(NewsroomError::Invalid)?;
        Ok(self
            .store
            .send_back(page.blog.id, id, seen, input, &note, by)
            .await?)
    }

    /// Takes a scheduled entry off the schedule; it stays as a draft.
    pub async fn unschedule(&self, slug: &str, id: DraftId) -> Result<(), NewsroomError> {
        let page = self.listing(slug)?;
        self.store.unschedule(page.blog.id, id, None).await?;
        self.schedule_changed.notify_one();
        Ok(())
    }

    pub async fn discard_draft(&self, slug: &str, id: DraftId) -> Result<(), NewsroomError> {
        let page = self.listing(slug)?;
        Ok(self.store.delete_draft(page.blog.id, id).await?)
    }

    /// Publishes a draft now as `checked`, written by `author` (a contributor's entry
    /// stays theirs when an editor approves it). `NotFound` when the draft was
    /// published or discarded already, or saved again after `seen`.
    pub async fn publish_draft(
        &self,
        slug: &str,
        id: DraftId,
        seen: Option<DateTime<Utc>>,
        checked: EntryContent,
        author: &str,
    ) -> Result<Entry, NewsroomError> {
        let checked = self.with_authors(checked).await?;
        let _writing = self.writing.lock().await;
        let blog = self.live_page(slug)?.blog.id;
        let entry = Entry::new(EntryId(0), checked, Utc::now(), author);
        let which = Publishable { seen, due_by: None };
        let committed = self.store.publish_draft(blog, id, which, entry).await?;
        self.published(blog, committed).await
    }

    /// Publishes every scheduled entry that is due by `now`. With several instances,
    /// each entry is published by whichever gets to it first, and only once, as it was
    /// last saved. An entry that cannot be published (its page has ended, or it no
    /// longer passes the rules) goes back to its author as a draft, with a note saying
    /// why; so does one whose row cannot be read. A problem with one entry does not
    /// hold up the others.
    pub async fn publish_due(&self, now: DateTime<Utc>) -> Result<DuePass, NewsroomError> {
        let mut pass = DuePass::default();
        for row in self.store.due_drafts(now).await? {
            let draft = match row {
                Ok(draft) => draft,
                Err(unreadable) => {
                    match self.take_off_schedule(&unreadable).await {
                        Ok(()) => {}
                        Err(error) => {
                            tracing::warn!(draft = %unreadable.id, %error, "an unreadable scheduled entry could not be taken off the schedule");
                            pass.left += 1;
                        }
                    }
                    continue;
                }
            };
            match self.publish_scheduled(&draft, now).await {
                Ok(true) => pass.published += 1,
                Ok(false) => pass.left += 1,
                Err(error) => {
                    tracing::warn!(draft = %draft.id, %error, "a scheduled entry could not be published");
                    pass.left += 1;
                }
            }
        }
        Ok(pass)
    }

    /// Publishes one due entry; `false` when it was left as it is (its page is not
    /// known here yet, or it was published or changed meanwhile).
    async fn publish_scheduled(
        &self,
        draft: &Draft,
        now: DateTime<Utc>,
    ) -> Result<bool, NewsroomError> {
        let _writing = self.writing.lock().await;
        let Some(page) = self.pages.listing_by_id(draft.blog) else {
            return Ok(false);
        };
        let problem = match EntryContent::parse(&draft.input) {
            _ if !page.blog.is_live() => {
                "It was not published: the live page had ended.".to_owned()
            }
            Err(errors) => format!("It was not published: {errors}"),
            Ok(checked) => {
                // A profile removed since it was scheduled does not stop it.
                let checked = self.with_authors_found(checked).await?;
                // Published when it was due, and in its place in the stream, even when
                // no instance ran at that time and it goes out only now.
                let due = draft.publish_at.map_or(now, |at| at.min(now));
                let entry = Entry::new(EntryId(0), checked, due, &draft.created_by);
                let which = Publishable {
                    seen: Some(draft.updated_at),
                    due_by: Some(now),
                };
                return match self
                    .store
                    .publish_draft(draft.blog, draft.id, which, entry)
                    .await
                {
                    Ok(committed) => {
                        self.published(draft.blog, committed).await?;
                        Ok(true)
                    }
                    // Published by another instance, taken off the schedule, or saved
                    // again: the next pass sees it as it is now.
                    Err(StoreError::NotFound) => Ok(false),
                    Err(other) => Err(other.into()),
                };
            }
        };
        tracing::warn!(draft = %draft.id, %problem, "a scheduled entry went back to its author");
        match self
            .store
            .unschedule(draft.blog, draft.id, Some((&problem, SCHEDULER)))
            .await
        {
            Ok(()) | Err(StoreError::NotFound) => Ok(false),
            Err(other) => Err(other.into()),
        }
    }

    /// Takes a due entry whose row cannot be read off the schedule, back to its author
    /// with a note naming the problem: it is logged once, here, and stays on the desk.
    async fn take_off_schedule(&self, unreadable: &UnreadableDraft) -> Result<(), StoreError> {
        tracing::warn!(
            draft = %unreadable.id,
            problem = %unreadable.problem,
            "a scheduled entry could not be read; it went back to its author"
        );
        let note = format!(
            "It was not published: its row could not be read ({}); check it and schedule it again.",
            unreadable.problem
        );
        match self
            .store
            .unschedule(unreadable.blog, unreadable.id, Some((&note, SCHEDULER)))
            .await
        {
            Ok(()) | Err(StoreError::NotFound) => Ok(()),
            Err(other) => Err(other),
        }
    }

    /// When the next scheduled entry is due.
    pub async fn next_due(&self) -> Result<Option<DateTime<Utc>>, NewsroomError> {
        Ok(self.store.next_due().await?)
    }

    /// Waits until an entry is scheduled or taken off the schedule on this instance.
    pub async fn schedule_changed(&self) {
        self.schedule_changed.notified().await;
    }
}
