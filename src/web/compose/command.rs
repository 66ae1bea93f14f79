//! What an editor asks of the entry form, in the newsroom's words: publish, keep a
//! draft, submit, schedule, approve, send back, discard, preview or correct. Read once
//! from the form and who sent it, and refused there if it is not theirs to ask; then
//! carried out against the newsroom by one function, which says how it went.

use axum::body::Bytes;
use chrono::{DateTime, Utc};

use super::super::auth::SignedIn;
use super::super::entry_form::{EntryAction, EntrySubmission};
use super::super::error::Result;
use super::super::{AppError, AppState};
use super::{Done, preview};
use crate::domain::{
    Draft, DraftId, DraftKept, Entry, EntryContent, EntryId, EntryInput, FieldErrors, OpenedAs,
    Role, parse_correction_note, parse_publish_at, parse_published_at, time,
};
use crate::media::MediaError;
use crate::newsroom::{Edit, NewsroomError};
use crate::read_model::LivePage;
use crate::store::{RequestKey, made_once};
use sha2::{Digest, Sha256};

/// What an entry form is about.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// A new entry.
    New,
    /// A draft, as the signed-in person may open it.
    Draft(&'a Draft),
    /// A published entry, from the version the form was opened at (`None`: over
    /// whatever is there).
    Published {
        entry: EntryId,
        version: Option<u32>,
    },
}

/// What the editor asked for.
#[derive(Debug)]
pub enum Act<'a> {
    /// Show it as readers would see it; nothing is kept.
    Preview(Subject<'a>),
    /// Publish a new entry now.
    Publish,
    /// Keep it with its author, still being written: a new draft, or this one again.
    KeepDraft(Option<&'a Draft>),
    /// Send it for an editor's approval.
    Submit(Option<&'a Draft>),
    /// Keep it to publish itself at the time typed.
    Schedule(Option<&'a Draft>),
    /// Publish one's own draft now, as it was when the form was opened (`seen`).
    PublishDraft {
        draft: &'a Draft,
        seen: Option<DateTime<Utc>>,
    },
    /// Publish a contributor's entry now, as theirs.
    Approve {
        draft: &'a Draft,
        seen: Option<DateTime<Utc>>,
    },
    /// Send a contributor's entry back to them with the note typed, unless it was
    /// saved again since `seen`.
    SendBack {
        draft: &'a Draft,
        seen: DateTime<Utc>,
    },
    /// Throw the draft away.
    Discard(&'a Draft),
    /// Save a correction of a published entry.
    Correct {
        entry: EntryId,
        base_version: Option<u32>,
    },
}

impl<'a> Act<'a> {
    /// What `action` asks on a form about `subject`, if `user`, with `role`, may ask it
    /// there. A correction is an editor's, saved or previewed. An editor reviewing a
    /// contributor's entry approves it, sends it back or previews it; the rest is the
    /// author's, and publishing or scheduling it is an editor's.
    fn asked(
        action: EntryAction,
        subject: Subject<'a>,
        user: &str,
        role: Role,
        seen: Option<DateTime<Utc>>,
    ) -> Result<Act<'a>> {
        use EntryAction as Button;
        let publisher = role.publishes();
        let act = match subject {
            Subject::Published { entry, version } => {
                if !publisher {
                    return Err(AppError::NotAllowed);
                }
                match action {
                    Button::Publish => Act::Correct {
                        entry,
                        base_version: version,
                    },
                    Button::Preview => Act::Preview(subject),
                    _ => {
                        return Err(AppError::BadRequest(
                            "A correction is saved or previewed; nothing was saved.".into(),
                        ));
                    }
                }
            }
            Subject::Draft(draft) => match (draft.opened_as(user, role), action) {
                (None, _) => return Err(AppError::NotAllowed),
                (_, Button::Preview) => Act::Preview(subject),
                // Only an editor or admin opens a draft as its reviewer.
                (Some(OpenedAs::Reviewer), Button::Publish) => Act::Approve { draft, seen },
                (Some(OpenedAs::Reviewer), Button::SendBack) => Act::SendBack {
                    draft,
                    seen: seen.unwrap_or(draft.updated_at),
                },
                (Some(OpenedAs::Reviewer), _) => return Err(AppError::NotAllowed),
                (Some(OpenedAs::Author), Button::Publish) if publisher => {
                    Act::PublishDraft { draft, seen }
                }
                (Some(OpenedAs::Author), Button::Discard) => Act::Discard(draft),
                (Some(OpenedAs::Author), action) => Act::kept(action, Some(draft), publisher)?,
            },
            Subject::New => match action {
                Button::Preview => Act::Preview(subject),
                Button::Publish if publisher => Act::Publish,
                action => Act::kept(action, None, publisher)?,
            },
        };
        Ok(act)
    }

    /// An entry kept by its author: as a draft, submitted, or (an editor) scheduled.
    fn kept(action: EntryAction, draft: Option<&'a Draft>, publisher: bool) -> Result<Act<'a>> {
        match action {
            EntryAction::Draft => Ok(Act::KeepDraft(draft)),
            EntryAction::Submit => Ok(Act::Submit(draft)),
            EntryAction::Schedule if publisher => Ok(Act::Schedule(draft)),
            _ => Err(AppError::NotAllowed),
        }
    }

    /// What the form is about, to give it back.
    pub fn subject(&self) -> Subject<'a> {
        let draft = |draft: Option<&'a Draft>| draft.map_or(Subject::New, Subject::Draft);
        match *self {
            Act::Preview(subject) => subject,
            Act::Publish => Subject::New,
            Act::KeepDraft(kept) | Act::Submit(kept) | Act::Schedule(kept) => draft(kept),
            Act::PublishDraft { draft, .. }
            | Act::Approve { draft, .. }
            | Act::SendBack { draft, .. }
            | Act::Discard(draft) => Subject::Draft(draft),
            Act::Correct {
                entry,
                base_version,
            } => Subject::Published {
                entry,
                version: base_version,
            },
        }
    }
}

/// What was typed in the entry form: what a command is carried out with, and what the
/// form gives back when it is refused.
#[derive(Debug)]
pub struct Typed {
    pub input: EntryInput,
    /// A correction's public note.
    pub correction: String,
    /// The note a contributor's entry is sent back with.
    pub review_note: String,
    /// When a scheduled entry is to publish itself (in the page's time zone).
    pub publish_at: String,
    /// A correction's publication time (in the page's time zone).
    pub published_at: String,
}

impl From<EntryInput> for Typed {
    /// An entry's fields, and nothing typed beside them yet.
    fn from(input: EntryInput) -> Typed {
        Typed {
            input,
            correction: String::new(),
            review_note: String::new(),
            publish_at: String::new(),
            published_at: String::new(),
        }
    }
}

/// An entry form sent: what was asked, by whom, and what was typed.
#[derive(Debug)]
pub struct Command<'a> {
    pub act: Act<'a>,
    /// Who asked.
    by: &'a str,
    pub typed: Typed,
    /// An image file sent with the form.
    image: Option<Bytes>,
    /// The form's own key: a new entry sent twice with it is published once.
    request_key: String,
}

/// How a command went.
#[derive(Debug)]
pub enum Outcome {
    /// It went through; the compose page says so.
    Done(Done),
    /// The entry as readers would see it (the Preview button).
    Preview(String),
    /// Refused, with what was wrong beside each field.
    Refused(FieldErrors),
    /// The live page has ended: nothing new is published on it until it is reopened.
    PageEnded,
    /// The draft was saved again, or went (published, discarded, taken back by its
    /// author), since the form was opened.
    DraftChanged(DraftId),
    /// Someone saved the entry first: theirs, as saved.
    Conflict(Box<Entry>),
}

impl<'a> Command<'a> {
    /// Reads what `signed_in` asked of a form about `subject`; refused when it is not
    /// theirs to ask there.
    pub fn read(
        signed_in: &'a SignedIn,
        subject: Subject<'a>,
        submission: EntrySubmission,
    ) -> Result<Command<'a>> {
        let EntrySubmission {
            action,
            mut input,
            correction,
            review_note,
            publish_at,
            published_at,
            draft_version,
            image,
            request_key,
            ..
        } = submission;
        let (by, role) = (signed_in.session.user.as_str(), signed_in.session.role);
        let act = Act::asked(action, subject, by, role, draft_version)?;
        // Pinning and key events are an editor's call, made when approving.
        if role == Role::Contributor {
            input.pinned = false;
            input.key_event = false;
        }
        let typed = Typed {
            input,
            correction,
            review_note,
            publish_at,
            published_at,
        };
        Ok(Command {
            act,
            by,
            typed,
            image,
            request_key,
        })
    }

    /// Carries the command out against the newsroom, and says how it went. An image
    /// sent with the form is kept first (unless the draft is thrown away), so its
    /// address goes in the form and is never lost, whatever else is wrong.
    pub async fn run(&mut self, state: &AppState, page: &LivePage) -> Result<Outcome> {
        if !matches!(self.act, Act::Discard(_))
            && let Some(refused) = self.keep_image(state).await?
        {
            return Ok(Outcome::Refused(refused));
        }
        let (newsroom, slug, by) = (&state.newsroom, page.blog.slug.as_str(), self.by);
        let typed = &self.typed;
        match self.act {
            Act::Preview(subject) => self.preview(state, page, subject).await,
            // A kept draft leaves the form, which is ready for the next story: the
            // draft waits in the drafts list beside it.
            Act::KeepDraft(draft) => self.keep(state, page, draft, DraftKept::Writing).await,
            Act::Submit(draft) => self.keep(state, page, draft, DraftKept::Submitted).await,
            Act::Schedule(draft) => {
                let at = parse_publish_at(&typed.publish_at, page.blog.time_zone, Utc::now());
                match (at, EntryContent::parse(&typed.input)) {
                    (Ok(at), Ok(_)) => {
                        let kept = DraftKept::Scheduled(at);
                        self.keep(state, page, draft, kept).await
                    }
                    (at, checked) => {
                        let mut errors = checked.err().unwrap_or_default();
                        if let Err(problem) = at {
                            errors.merge(problem);
                        }
                        Ok(Outcome::Refused(errors))
                    }
                }
            }
            Act::SendBack { draft, seen } => {
                let (input, note) = (&typed.input, &typed.review_note);
                let sent = newsroom.send_back(slug, draft.id, seen, input, note, by);
                self.told(sent.await.map(|()| Done::SentBack))
            }
            Act::Discard(draft) => {
                let discarded = newsroom.discard_draft(slug, draft.id).await;
                self.told(discarded.map(|()| Done::Discarded))
            }
            Act::Publish => {
                let mut key = self.request_key();
                if let Some(sent) = &key
                    && let Some(before) = newsroom.made_before(&sent.caller, &sent.key).await?
                {
                    if before.fingerprint == sent.fingerprint {
                        tracing::info!(user = ?by, "a form sent again was published once");
                        return Ok(Outcome::Done(Done::Published));
                    }
                    key = None;
                }
                let published = match EntryContent::parse(&typed.input) {
                    Err(errors) => Err(NewsroomError::Invalid(errors)),
                    Ok(checked) => match key {
                        Some(key) => made_once(key, newsroom.publish(slug, checked, by)).await,
                        None => newsroom.publish(slug, checked, by).await,
                    },
                };
                match published {
                    // The same form, sent at the same moment, was published by the other.
                    Err(NewsroomError::Repeated) => Ok(Outcome::Done(Done::Published)),
                    published => self.told(published.map(|entry| {
                        tracing::info!(user = ?by, entry = %entry.id, "published");
                        Done::Published
                    })),
                }
            }
            Act::PublishDraft { draft, seen } | Act::Approve { draft, seen } => {
                // A draft is published as its author's, whoever approves it.
                let author = draft.created_by.as_str();
                let published = match EntryContent::parse(&typed.input) {
                    Err(errors) => Err(NewsroomError::Invalid(errors)),
                    Ok(checked) => {
                        let id = draft.id;
                        newsroom
                            .publish_draft(slug, id, seen, checked, author)
                            .await
                    }
                };
                let done = match self.act {
                    Act::Approve { .. } => Done::Approved,
                    _ => Done::Published,
                };
                self.told(published.map(|entry| {
                    tracing::info!(user = ?by, entry = %entry.id, author = ?author, "published a draft");
                    done
                }))
            }
            Act::Correct {
                entry,
                base_version,
            } => {
                let (checked, edit) = match self.checked_correction(page, entry, base_version) {
                    Ok(checked) => checked,
                    Err(errors) => return Ok(Outcome::Refused(errors)),
                };
                match newsroom.correct(slug, entry, checked, edit).await {
                    Ok(_) => {
                        state.presence.closed(entry, by).await;
                        tracing::info!(user = ?by, entry = %entry, "corrected");
                        Ok(Outcome::Done(Done::Corrected))
                    }
                    Err(NewsroomError::Conflict(theirs)) => Ok(Outcome::Conflict(theirs)),
                    // A later publication time than the entry's own.
                    Err(NewsroomError::Invalid(errors)) => Ok(Outcome::Refused(errors)),
                    Err(other) => Err(other.into()),
                }
            }
        }
    }

    /// The key a new entry is published under: the form's own, for this person and
    /// what was typed. `None` from a form without one, and for a form with the key of
    /// one published before but other text (sent again after going back and changing
    /// it): a new entry, never one swallowed.
    fn request_key(&self) -> Option<RequestKey> {
        if self.request_key.is_empty() || self.request_key.len() > 64 {
            return None;
        }
        let typed = serde_json::to_vec(&self.typed.input).ok()?;
        Some(RequestKey {
            caller: format!("editor:{}", self.by),
            key: self.request_key.clone(),
            fingerprint: hex::encode(Sha256::digest(typed)),
        })
    }

    /// The entry as readers would see it, written by its author (a correction's
    /// editor, for a published one), or what keeps it from being published.
    async fn preview(
        &self,
        state: &AppState,
        page: &LivePage,
        subject: Subject<'_>,
    ) -> Result<Outcome> {
        // A correction keeps the bylines and label the entry has, gone from the lists or not.
        let mut kept = None;
        let (checked, author) = match subject {
            Subject::Published { entry, .. } => {
                if let Some(published) = page.entry(entry) {
                    kept = Some(published.entry.clone());
                }
                (
                    self.checked_correction(page, entry, None)
                        .map(|(checked, _)| checked),
                    self.by,
                )
            }
            Subject::Draft(draft) => (
                EntryContent::parse(&self.typed.input),
                draft.created_by.as_str(),
            ),
            Subject::New => (EntryContent::parse(&self.typed.input), self.by),
        };
        let checked = match checked {
            Ok(checked) => {
                state
                    .newsroom
                    .with_authors_keeping(checked, kept.as_ref())
                    .await
            }
            Err(errors) => Err(NewsroomError::Invalid(errors)),
        };
        match checked {
            Ok(checked) => Ok(Outcome::Preview(preview(page, checked, author).await?)),
            Err(NewsroomError::Invalid(errors)) => Ok(Outcome::Refused(errors)),
            Err(other) => Err(other.into()),
        }
    }

    /// Keeps the entry as a draft, new or again, as `kept` says.
    async fn keep(
        &self,
        state: &AppState,
        page: &LivePage,
        draft: Option<&Draft>,
        kept: DraftKept,
    ) -> Result<Outcome> {
        let slug = page.blog.slug.as_str();
        let id = draft.map(|d| d.id);
        let done = match kept {
            DraftKept::Writing => Done::Saved,
            DraftKept::Submitted => Done::Submitted,
            DraftKept::Scheduled(_) => Done::Scheduled,
        };
        let result = state
            .newsroom
            .keep_draft(slug, id, &self.typed.input, self.by, kept)
            .await;
        self.told(result.map(|_| done))
    }

    /// What the newsroom's answer about a new entry or a draft means for the form.
    fn told(&self, result: Result<Done, NewsroomError>) -> Result<Outcome> {
        match result {
            Ok(done) => Ok(Outcome::Done(done)),
            Err(NewsroomError::Invalid(errors)) => Ok(Outcome::Refused(errors)),
            Err(NewsroomError::Closed) => Ok(Outcome::PageEnded),
            // The draft changed or went between opening it and acting on it.
            Err(NewsroomError::NotFound) => match self.act.subject() {
                Subject::Draft(draft) => Ok(Outcome::DraftChanged(draft.id)),
                _ => Err(AppError::NotFound),
            },
            Err(other) => Err(other.into()),
        }
    }

    /// A correction of `entry` from `base_version` as typed, checked: its content, and
    /// who makes it with which public note, moving the entry to which publication time.
    fn checked_correction(
        &self,
        page: &LivePage,
        entry: EntryId,
        base_version: Option<u32>,
    ) -> std::result::Result<(EntryContent, Edit<'a>), FieldErrors> {
        let typed = &self.typed;
        let moved = moved_to(page, entry, &typed.published_at);
        EntryContent::parse(&typed.input).and_then(|checked| {
            let edit = Edit {
                by: self.by,
                base_version,
                note: parse_correction_note(&typed.correction)?,
                published_at: moved?,
            };
            Ok((checked, edit))
        })
    }

    /// Keeps an image sent with the form, and puts its address in the form. What was
    /// wrong when it is refused: the image, and any other field found wrong.
    async fn keep_image(&mut self, state: &AppState) -> Result<Option<FieldErrors>> {
        let Some(bytes) = self.image.take() else {
            return Ok(None);
        };
        match state.media.keep(&bytes).await {
            Ok(url) => {
                self.typed.input.image_url = url;
                Ok(None)
            }
            Err(MediaError::Io(error)) => Err(AppError::Internal(error.to_string())),
            Err(problem) => {
                let mut errors = EntryContent::parse(&self.typed.input)
                    .err()
                    .unwrap_or_default();
                errors.add("image", problem.to_string());
                Ok(Some(errors))
            }
        }
    }
}

/// The publication time a correction moves entry `id` to, if the editor changed it:
/// the form shows it to the minute, so the same minute sent back changes nothing, and
/// a form without the field changes nothing either.
fn moved_to(
    page: &LivePage,
    id: EntryId,
    typed: &str,
) -> std::result::Result<Option<DateTime<Utc>>, FieldErrors> {
    let zone = page.blog.time_zone;
    let unchanged = page
        .entry(id)
        .is_some_and(|entry| time::local_input(entry.entry.published_at, zone) == typed.trim());
    if typed.trim().is_empty() || unchanged {
        return Ok(None);
    }
    parse_published_at(typed, zone, Utc::now()).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::BlogId;
    use EntryAction as Button;

    fn draft(by: &str, submitted: bool) -> Draft {
        Draft {
            id: DraftId(7),
            blog: BlogId(1),
            input: EntryInput::default(),
            created_by: by.into(),
            submitted,
            sent_back: None,
            publish_at: None,
            updated_at: Utc::now(),
        }
    }

    /// What `user` with `role` pressing `action` is read as: the act's name, or the
    /// refusal.
    fn asked(action: EntryAction, subject: Subject<'_>, user: &str, role: Role) -> String {
        match Act::asked(action, subject, user, role, None) {
            Ok(act) => format!("{act:?}")
                .split([' ', '('])
                .next()
                .unwrap_or_default()
                .to_owned(),
            Err(AppError::NotAllowed) => "not allowed".into(),
            Err(other) => other.to_string(),
        }
    }

    #[test]
    fn a_contributor_writes_and_submits_and_an_editor_publishes() {
        let new = Subject::New;
        for (action, contributor, editor) in [
            (Button::Publish, "not allowed", "Publish"),
            (Button::Schedule, "not allowed", "Schedule"),
            (Button::Draft, "KeepDraft", "KeepDraft"),
            (Button::Submit, "Submit", "Submit"),
            (Button::Preview, "Preview", "Preview"),
            (Button::SendBack, "not allowed", "not allowed"),
            (Button::Discard, "not allowed", "not allowed"),
        ] {
            assert_eq!(asked(action, new, "cat", Role::Contributor), contributor);
            assert_eq!(asked(action, new, "kim", Role::Editor), editor);
        }
        let own = draft("kim", false);
        assert_eq!(
            asked(Button::Publish, Subject::Draft(&own), "kim", Role::Editor),
            "PublishDraft"
        );
        assert_eq!(
            asked(Button::Discard, Subject::Draft(&own), "kim", Role::Editor),
            "Discard"
        );
    }

    #[test]
    fn a_reviewer_approves_sends_back_or_previews_and_nothing_else() {
        let waiting = draft("cat", true);
        let of = Subject::Draft(&waiting);
        for (action, read) in [
            (Button::Publish, "Approve"),
            (Button::SendBack, "SendBack"),
            (Button::Preview, "Preview"),
            (Button::Draft, "not allowed"),
            (Button::Submit, "not allowed"),
            (Button::Schedule, "not allowed"),
            (Button::Discard, "not allowed"),
        ] {
            assert_eq!(asked(action, of, "kim", Role::Admin), read, "{action:?}");
        }
        let Ok(Act::SendBack { seen, .. }) =
            Act::asked(Button::SendBack, of, "kim", Role::Editor, None)
        else {
            panic!("an editor sends a waiting entry back");
        };
        assert_eq!(seen, waiting.updated_at, "as it was last saved");
        // Another contributor's draft is nobody else's to act on.
        assert_eq!(
            asked(Button::Preview, of, "pat", Role::Contributor),
            "not allowed"
        );
    }

    #[test]
    fn a_correction_is_an_editors_saved_or_previewed() {
        let entry = Subject::Published {
            entry: EntryId(3),
            version: Some(2),
        };
        assert_eq!(
            asked(Button::Publish, entry, "kim", Role::Editor),
            "Correct"
        );
        assert_eq!(
            asked(Button::Preview, entry, "kim", Role::Editor),
            "Preview"
        );
        assert!(asked(Button::Draft, entry, "kim", Role::Editor).contains("saved or previewed"));
        assert_eq!(
            asked(Button::Preview, entry, "cat", Role::Contributor),
            "not allowed"
        );
    }
}
