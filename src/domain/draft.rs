//! An entry not yet published: a draft, a contributor's entry waiting for approval or
//! sent back with a note, or an entry scheduled to publish itself at a set time.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::errors::{FieldErrors, optional_lines};
use super::{BlogId, EntryInput, Role, time};

/// The most characters of the note an editor sends back with a contributor's entry.
pub const MAX_REVIEW_NOTE_CHARS: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DraftId(pub i64);

impl std::fmt::Display for DraftId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// An editor's note on a contributor's entry sent back to them: what to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentBack {
    pub note: String,
    pub by: String,
}

/// A draft's row that the store holds but cannot read back (a time written by an
/// earlier version that no version can read, a damaged text): named where drafts are
/// listed, and never allowed to stop the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableDraft {
    pub id: DraftId,
    pub blog: BlogId,
    /// What could not be read, as in `unreadable time "+10000-01-01T00:00:00Z"`.
    pub problem: String,
}

/// A draft keeps the form as typed: it is checked only when it is submitted, scheduled
/// or published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: DraftId,
    pub blog: BlogId,
    pub input: EntryInput,
    pub created_by: String,
    /// Sent for an editor's approval.
    pub submitted: bool,
    /// Sent back by an editor with a note, until it is submitted again.
    #[serde(default)]
    pub sent_back: Option<SentBack>,
    /// Publishes itself at this time.
    #[serde(default)]
    pub publish_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// Where a draft is put when it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKept {
    /// With its author, still being written. A note it was sent back with stays.
    Writing,
    /// Waiting for an editor's approval.
    Submitted,
    /// Publishing itself at this time.
    Scheduled(DateTime<Utc>),
}

/// How a signed-in person has a draft open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenedAs {
    /// Its author, who writes it, submits it or (an editor) publishes it.
    Author,
    /// An editor or admin reviewing a contributor's entry submitted for approval: they
    /// approve it or send it back.
    Reviewer,
}

/// Where a draft stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftState<'a> {
    /// Its author is still writing it.
    Writing,
    /// Waiting for an editor's approval.
    Submitted,
    /// An editor sent it back to its author with a note.
    SentBack(&'a SentBack),
    /// It publishes itself at this time.
    Scheduled(DateTime<Utc>),
}

impl Draft {
    /// What lists show of it.
    pub fn headline(&self) -> &str {
        match self.input.title.trim() {
            "" => "(no headline yet)",
            title => title,
        }
    }

    pub fn state(&self) -> DraftState<'_> {
        match (self.publish_at, self.submitted, &self.sent_back) {
            (Some(at), _, _) => DraftState::Scheduled(at),
            (None, true, _) => DraftState::Submitted,
            (None, false, Some(note)) => DraftState::SentBack(note),
            (None, false, None) => DraftState::Writing,
        }
    }

    /// How `user`, with `role`, may open it: its author always, an editor or admin
    /// once it waits for approval; `None` when they may not (nobody else is told it is
    /// there).
    pub fn opened_as(&self, user: &str, role: Role) -> Option<OpenedAs> {
        if self.created_by == user {
            Some(OpenedAs::Author)
        } else if self.is_submitted() && role.publishes() {
            Some(OpenedAs::Reviewer)
        } else {
            None
        }
    }

    /// Whether `user`, with `role`, may open it (see [`Draft::opened_as`]).
    pub fn may_be_opened_by(&self, user: &str, role: Role) -> bool {
        self.opened_as(user, role).is_some()
    }

    /// Whether it waits for an editor.
    pub fn is_submitted(&self) -> bool {
        self.state() == DraftState::Submitted
    }

    /// Whether it publishes itself at a set time.
    pub fn is_scheduled(&self) -> bool {
        self.publish_at.is_some()
    }

    /// The note it was sent back with, while it is with its author again.
    pub fn sent_back(&self) -> Option<&SentBack> {
        match self.state() {
            DraftState::SentBack(note) => Some(note),
            _ => None,
        }
    }
}

/// Reads the note an editor sends back with an entry: it must say something.
pub fn parse_review_note(value: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    let note = optional_lines(
        &mut errors,
        "review_note",
        "The note",
        value,
        MAX_REVIEW_NOTE_CHARS,
    );
    if note.is_none() {
        errors.add(
            "review_note",
            "Say what should change, so the author knows what to do.",
        );
    }
    errors.into_result(note.unwrap_or_default())
}

/// How far in the past a time to publish may be and still be taken (as "now"): the
/// minute an editor typed, or a form that took a moment to send.
pub const PUBLISH_AT_GRACE: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// Reads the time an entry is to publish itself, typed in the live page's time zone:
/// it must be still to come (within [`PUBLISH_AT_GRACE`]) and a time the record can
/// hold.
pub fn parse_publish_at(
    value: &str,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FieldErrors> {
    let mut errors = FieldErrors::default();
    if value.trim().is_empty() {
        errors.add("publish_at", "Give the date and time to publish it.");
        return Err(errors);
    }
    match time::parse_local(value, zone) {
        Ok(at) if at < now - PUBLISH_AT_GRACE => errors.add(
            "publish_at",
            format!(
                "That time has passed (it is {} in {} now); choose a later one.",
                time::clock(now, zone),
                zone.name()
            ),
        ),
        Ok(at) if !time::within_the_record(at) => errors.add(
            "publish_at",
            format!(
                "That is after the year {} (in UTC); choose an earlier time.",
                time::LAST_YEAR
            ),
        ),
        Ok(at) => return Ok(at),
        Err(why) => errors.add("publish_at", why),
    }
    Err(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft {
            id: DraftId(1),
            blog: BlogId(1),
            input: EntryInput::default(),
            created_by: "cat".into(),
            submitted: false,
            sent_back: None,
            publish_at: None,
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn a_draft_says_where_it_stands() {
        let mut d = draft();
        assert_eq!(d.state(), DraftState::Writing);
        assert_eq!(d.headline(), "(no headline yet)");
        d.submitted = true;
        assert!(d.is_submitted());
        d.submitted = false;
        d.sent_back = Some(SentBack {
            note: "Name the source".into(),
            by: "kim".into(),
        });
        assert_eq!(
            d.sent_back().map(|s| s.note.as_str()),
            Some("Name the source")
        );
        d.publish_at = Some(Utc::now());
        assert!(d.is_scheduled() && d.sent_back().is_none());
    }

    #[test]
    fn a_draft_is_opened_by_its_author_or_an_editor_reviewing_it() {
        let mut d = draft();
        for role in Role::ALL {
            assert_eq!(d.opened_as("cat", role), Some(OpenedAs::Author), "{role:?}");
            assert!(!d.may_be_opened_by("kim", role), "unsubmitted, {role:?}");
        }
        d.submitted = true;
        assert_eq!(d.opened_as("cat", Role::Editor), Some(OpenedAs::Author));
        assert_eq!(d.opened_as("kim", Role::Editor), Some(OpenedAs::Reviewer));
        assert_eq!(d.opened_as("kim", Role::Admin), Some(OpenedAs::Reviewer));
        assert!(!d.may_be_opened_by("kim", Role::Contributor));
        // Sent back or scheduled, it is no longer an editor's to review.
        d.submitted = false;
        d.sent_back = Some(SentBack {
            note: "Name the source".into(),
            by: "kim".into(),
        });
        assert!(!d.may_be_opened_by("kim", Role::Editor));
        assert!(d.may_be_opened_by("cat", Role::Contributor));
        d.submitted = true;
        d.publish_at = Some(Utc::now());
        assert!(!d.may_be_opened_by("kim", Role::Editor), "scheduled");
    }

    #[test]
    fn a_note_sent_back_must_say_something() {
        assert!(parse_review_note("  ").is_err());
        assert!(parse_review_note(&"x".repeat(MAX_REVIEW_NOTE_CHARS + 1)).is_err());
        assert_eq!(
            parse_review_note(" Name the source ").unwrap(),
            "Name the source"
        );
    }

    #[test]
    fn a_schedule_is_in_the_future() {
        let now = Utc::now();
        let zone = chrono_tz::Europe::London;
        let later = time::local_input(now + chrono::Duration::hours(1), zone);
        assert!(parse_publish_at(&later, zone, now).is_ok());
        let earlier = time::local_input(now - chrono::Duration::hours(1), zone);
        let errors = parse_publish_at(&earlier, zone, now).unwrap_err();
        assert!(errors.get("publish_at").unwrap().contains("passed"));
        assert!(parse_publish_at("", zone, now).is_err());
        // The minute just gone is taken, as the editor meant it: now.
        let just_now = (now - chrono::Duration::seconds(30))
            .with_timezone(&zone)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        assert!(parse_publish_at(&just_now, zone, now).is_ok());
    }

    #[test]
    fn a_schedule_is_a_time_the_record_can_hold() {
        let now = Utc::now();
        let twelve_behind: Tz = "Etc/GMT+12".parse().unwrap();
        for (typed, zone) in [
            ("+10000-01-01T00:00", Tz::UTC),
            ("+99999-06-01T12:00", Tz::UTC),
            // The last minute of 9999 there is 11:59 on 1 January 10000 in UTC.
            ("9999-12-31T23:59", twelve_behind),
        ] {
            let errors = parse_publish_at(typed, zone, now).unwrap_err();
            assert!(
                errors.get("publish_at").unwrap().contains("9999"),
                "{typed}: {errors}"
            );
        }
        let last = parse_publish_at("9999-12-31T23:59", Tz::UTC, now).unwrap();
        assert!(time::within_the_record(last));
    }

    #[test]
    fn drafts_exported_before_review_notes_still_read() {
        let old = r#"{"id": 3, "blog": 1, "input": {"title": "t", "pinned": "on"},
            "created_by": "cat", "submitted": true, "updated_at": "2026-11-30T10:00:00Z"}"#;
        let draft: Draft = serde_json::from_str(old).unwrap();
        assert!(draft.is_submitted() && draft.input.pinned);
    }
}
