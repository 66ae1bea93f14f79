//! An entry: one post in a live page's stream, with its headline, byline, body and image.
//!
//! Longer than 500 lines only with its unit tests: the code is about 420 lines, every
//! rule an entry's fields follow, and the tests of each rule below it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::clip::{Clip, parse_clip};
use super::errors::{FieldErrors, optional_text, required_text};
use super::gallery::{PictureInput, parse_gallery};
use super::label::{Label, parse_label};
use super::markdown;
use super::poll::{Poll, parse_poll};
use super::profile::{Author, parse_author_names};
use super::shared_post::{SharedPost, parse_shared_post};
use super::tags::parse_tags;

/// The most characters a headline may have.
pub const MAX_TITLE_CHARS: usize = 200;
/// The most characters an entry's Markdown body may have.
pub const MAX_BODY_CHARS: usize = 20_000;
/// The most characters of a byline's name or role.
pub const MAX_BYLINE_CHARS: usize = 100;
/// The most characters of an image address.
pub const MAX_IMAGE_URL_CHARS: usize = 2_000;
/// The most characters of an image's alt text, caption or credit.
pub const MAX_IMAGE_TEXT_CHARS: usize = 500;

/// An entry's number, unique across the whole server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub i64);

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Who wrote an entry, as readers see it: "Ana Ruiz, Weather correspondent".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    pub name: String,
    pub role: Option<String>,
}

/// An image shown with an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// An `https://` or `http://` address, or a path on this server such as `/static/…`.
    pub url: String,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// An entry as the newsroom published it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: EntryId,
    pub title: String,
    /// The body as the editor wrote it, in Markdown.
    pub body: String,
    pub label: Option<Label>,
    pub byline: Option<Byline>,
    pub image: Option<Image>,
    /// A post from another platform named in the entry's own fields.
    #[serde(default)]
    pub post: Option<SharedPost>,
    /// The threads of the story it belongs to, as the editor wrote them.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The newsroom's people it names, as their profiles were when it was saved.
    #[serde(default)]
    pub authors: Vec<Author>,
    /// Pictures after its text, in the editor's order.
    #[serde(default)]
    pub gallery: Vec<Image>,
    /// A video or sound file after its text.
    #[serde(default)]
    pub clip: Option<Clip>,
    /// A question readers answer, with the votes as last counted.
    #[serde(default)]
    pub poll: Option<Poll>,
    pub key_event: bool,
    pub pinned: bool,
    pub published_at: DateTime<Utc>,
    /// When the entry was last corrected, if ever.
    pub updated_at: Option<DateTime<Utc>>,
    /// Who published it: a newsroom account, or `api:` and a token's name.
    pub created_by: Option<String>,
    /// Who changed it last.
    pub updated_by: Option<String>,
    /// Goes up by one with every save, so two editors cannot overwrite each other unseen.
    pub version: u32,
    /// The public notes of what was corrected, oldest first.
    pub corrections: Vec<Correction>,
}

/// Reads a correction's publication time, typed in `zone`: a time that has come
/// (back-filling an entry in its place in the stream), never one still to come.
pub fn parse_published_at(
    value: &str,
    zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FieldErrors> {
    let mut errors = FieldErrors::default();
    match super::time::parse_local(value, zone) {
        Ok(at) if at > now + chrono::TimeDelta::minutes(1) => errors.add(
            "published_at",
            format!(
                "That time is still to come (it is {} in {} now); an entry published can only move back. To publish later, schedule a new entry.",
                super::time::clock(now, zone),
                zone.name()
            ),
        ),
        Ok(at) if !super::time::within_the_record(at) => {
            errors.add("published_at", "That is before the year 1; choose a later time.")
        }
        Ok(at) => return Ok(at),
        Err(why) => errors.add("published_at", why),
    }
    Err(errors)
}

/// One version of an entry as it was saved, for its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub entry: Entry,
    pub saved_at: DateTime<Utc>,
    /// Who published, corrected, pinned or marked it.
    pub saved_by: String,
}

/// How long a deleted entry can be restored.
pub const DELETED_KEPT_DAYS: i64 = 30;

/// An entry taken off the page, kept for [`DELETED_KEPT_DAYS`] to be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedEntry {
    /// As it was when deleted, corrections and all.
    pub entry: Entry,
    pub deleted_at: DateTime<Utc>,
    pub deleted_by: String,
}

impl DeletedEntry {
    /// The oldest deletion that can still be restored at `now`.
    pub fn restorable_since(now: DateTime<Utc>) -> DateTime<Utc> {
        now - chrono::Duration::days(DELETED_KEPT_DAYS)
    }
}

/// A public note of a correction: "Corrected the casualty figure".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub note: String,
    pub at: DateTime<Utc>,
}

/// The most characters of a correction note.
pub const MAX_CORRECTION_CHARS: usize = 300;

impl Entry {
    /// Whether it belongs to the thread `tag`, in any case.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|own| super::tags::same_tag(own, tag))
    }

    /// Builds a first version from a checked draft.
    pub fn new(id: EntryId, draft: EntryContent, published_at: DateTime<Utc>, by: &str) -> Entry {
        Entry {
            id,
            title: draft.title,
            body: draft.body,
            label: draft.label,
            byline: draft.byline,
            image: draft.image,
            post: draft.post,
            tags: draft.tags,
            authors: draft.authors,
            gallery: draft.gallery,
            clip: draft.clip,
            poll: draft.poll,
            key_event: draft.key_event,
            pinned: draft.pinned,
            published_at,
            updated_at: None,
            created_by: Some(by.to_owned()),
            updated_by: None,
            version: 1,
            corrections: Vec::new(),
        }
    }

    /// Replaces what the editor wrote, keeping the id, publication time, author and
    /// corrections; a public note, if given, joins the corrections.
    pub fn correct(
        &mut self,
        draft: EntryContent,
        at: DateTime<Utc>,
        by: &str,
        note: Option<String>,
    ) {
        let mut next = Entry::new(self.id, draft, self.published_at, "");
        // The votes and a close by hand are the readers' and the desk's, not the text's.
        if let (Some(poll), Some(was)) = (next.poll.as_mut(), self.poll.take()) {
            poll.closed_at = was.closed_at;
            poll.counts = was.counts;
        }
        next.created_by = self.created_by.take();
        next.updated_at = Some(at);
        next.updated_by = Some(by.to_owned());
        next.version = self.version + 1;
        next.corrections = std::mem::take(&mut self.corrections);
        if let Some(note) = note {
            next.corrections.push(Correction { note, at });
        }
        *self = next;
    }

    /// Gives the entry an earlier publication time, for news reported before it was
    /// posted: it takes its place further down the stream. A later time is refused
    /// (it would put an old entry above newer ones).
    pub fn move_back(&mut self, at: DateTime<Utc>) -> Result<(), FieldErrors> {
        if at > self.published_at {
            let mut errors = FieldErrors::default();
            errors.add(
                "published_at",
                "That is later than the entry's own publication time: an entry can only move back.",
            );
            return Err(errors);
        }
        self.published_at = at;
        Ok(())
    }

    /// The entry's content as a form would hold it, to edit it again.
    pub fn to_input(&self) -> EntryInput {
        let byline = self.byline.as_ref();
        let image = self.image.as_ref();
        let post = self.post.as_ref();
        let clip = self.clip.as_ref();
        let poll = self.poll.as_ref();
        EntryInput {
            title: self.title.clone(),
            body: self.body.clone(),
            label: self
                .label
                .as_ref()
                .map(|l| l.key.clone())
                .unwrap_or_default(),
            author_name: byline.map(|b| b.name.clone()).unwrap_or_default(),
            author_role: byline.and_then(|b| b.role.clone()).unwrap_or_default(),
            image_url: image.map(|i| i.url.clone()).unwrap_or_default(),
            image_alt: image.map(|i| i.alt.clone()).unwrap_or_default(),
            image_caption: image.and_then(|i| i.caption.clone()).unwrap_or_default(),
            image_credit: image.and_then(|i| i.credit.clone()).unwrap_or_default(),
            post_url: post.map(|p| p.url.clone()).unwrap_or_default(),
            post_author: post.and_then(|p| p.author.clone()).unwrap_or_default(),
            post_text: post.and_then(|p| p.text.clone()).unwrap_or_default(),
            tags: self.tags.join(", "),
            profiles: self.authors.iter().map(|a| a.name.clone()).collect(),
            gallery: self.gallery.iter().map(PictureInput::of).collect(),
            clip_url: clip.map(|c| c.url.clone()).unwrap_or_default(),
            clip_captions_url: clip
                .and_then(|c| c.captions_url.clone())
                .unwrap_or_default(),
            clip_caption: clip.and_then(|c| c.caption.clone()).unwrap_or_default(),
            clip_credit: clip.and_then(|c| c.credit.clone()).unwrap_or_default(),
            poll_question: poll.map(|p| p.question.clone()).unwrap_or_default(),
            poll_answers: poll.map(|p| p.answers.join("\n")).unwrap_or_default(),
            poll_open_minutes: (poll.and_then(|p| p.open_minutes))
                .map(|m| m.to_string())
                .unwrap_or_default(),
            key_event: self.key_event,
            pinned: self.pinned,
        }
    }
}

/// What an editor typed, field by field, before any checking. Kept as typed so a
/// rejected form can be shown again exactly as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryInput {
    pub title: String,
    pub body: String,
    pub label: String,
    pub author_name: String,
    pub author_role: String,
    pub image_url: String,
    pub image_alt: String,
    pub image_caption: String,
    pub image_credit: String,
    pub post_url: String,
    pub post_author: String,
    pub post_text: String,
    /// Tags separated by commas.
    pub tags: String,
    /// The names of the profiles it names, one per field.
    pub profiles: Vec<String>,
    /// The gallery's pictures, one per row of the form.
    pub gallery: Vec<PictureInput>,
    pub clip_url: String,
    pub clip_captions_url: String,
    pub clip_caption: String,
    pub clip_credit: String,
    pub poll_question: String,
    /// A poll's answers, one per line.
    pub poll_answers: String,
    /// Minutes the poll stays open after publication; empty: until closed by hand.
    pub poll_open_minutes: String,
    #[serde(deserialize_with = "yes_or_no")]
    pub key_event: bool,
    #[serde(deserialize_with = "yes_or_no")]
    pub pinned: bool,
}

/// Reads a flag kept as `true`/`false`, or as earlier versions kept a form's checkbox in
/// drafts and exports: its text when ticked (`"on"`), `null` when not.
fn yes_or_no<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Kept {
        Flag(bool),
        Ticked(serde::de::IgnoredAny),
    }
    Ok(match Option::<Kept>::deserialize(deserializer)? {
        Some(Kept::Flag(flag)) => flag,
        Some(Kept::Ticked(_)) => true,
        None => false,
    })
}

/// An entry's content after every rule has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryContent {
    pub title: String,
    pub body: String,
    pub label: Option<Label>,
    pub byline: Option<Byline>,
    pub image: Option<Image>,
    pub post: Option<SharedPost>,
    pub tags: Vec<String>,
    /// The names of the profiles it names, checked as text; the newsroom finds each
    /// profile and puts it in `authors`.
    pub profile_names: Vec<String>,
    pub authors: Vec<Author>,
    pub gallery: Vec<Image>,
    pub clip: Option<Clip>,
    pub poll: Option<Poll>,
    pub key_event: bool,
    pub pinned: bool,
}

/// Checks an entry's text, or any text that goes into one (a snippet), under `field`:
/// not blank, within [`MAX_BODY_CHARS`], and not nested deeper than Markdown is read.
pub(crate) fn entry_text(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    // Browsers send a textarea's line breaks as CRLF; the editor counted one each.
    let body = value.replace("\r\n", "\n").trim().to_owned();
    if body.is_empty() {
        errors.add(field, "The entry needs some text.");
    } else if body.chars().count() > MAX_BODY_CHARS {
        errors.add(
            field,
            format!(
                "The text is {} characters long; the limit is {MAX_BODY_CHARS}.",
                body.chars().count()
            ),
        );
    } else if markdown::nests_deeper_than(&body, markdown::MAX_NESTING) {
        errors.add(
            field,
            format!(
                "The text nests quotes, lists or emphasis more than {} deep; {} is the most.",
                markdown::MAX_NESTING,
                markdown::MAX_NESTING
            ),
        );
    }
    body
}

impl EntryContent {
    /// Checks every field, and names each one that is wrong.
    pub fn parse(input: &EntryInput) -> Result<EntryContent, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = required_text(
            &mut errors,
            "title",
            "A headline",
            &input.title,
            MAX_TITLE_CHARS,
        );
        let body = entry_text(&mut errors, "body", &input.body);

        // Looked up in the newsroom's labels before the entry is kept.
        let label = parse_label(&mut errors, &input.label);

        let name = optional_text(
            &mut errors,
            "author_name",
            "The author's name",
            &input.author_name,
            MAX_BYLINE_CHARS,
        );
        let role = optional_text(
            &mut errors,
            "author_role",
            "The author's role",
            &input.author_role,
            MAX_BYLINE_CHARS,
        );
        let byline = match (name, role) {
            (Some(name), role) => Some(Byline { name, role }),
            (None, Some(_)) => {
                errors.add("author_name", "A role needs a name beside it.");
                None
            }
            (None, None) => None,
        };

        let image = parse_image(&mut errors, input);
        let post = parse_shared_post(
            &mut errors,
            &input.post_url,
            &input.post_author,
            &input.post_text,
        );
        let tags = parse_tags(&mut errors, &input.tags);
        let profile_names = parse_author_names(&mut errors, &input.profiles);
        let gallery = parse_gallery(&mut errors, &input.gallery);
        let clip = parse_clip(
            &mut errors,
            &input.clip_url,
            &input.clip_captions_url,
            &input.clip_caption,
            &input.clip_credit,
        );
        let poll = parse_poll(
            &mut errors,
            &input.poll_question,
            &input.poll_answers,
            &input.poll_open_minutes,
        );

        errors.into_result(EntryContent {
            title,
            body,
            label,
            byline,
            image,
            post,
            tags,
            profile_names,
            authors: Vec::new(),
            gallery,
            clip,
            poll,
            key_event: input.key_event,
            pinned: input.pinned,
        })
    }
}

/// Reads a correction note: empty means none; the problem, if any, belongs to the
/// `correction` field.
pub fn parse_correction_note(value: &str) -> Result<Option<String>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let note = optional_text(
        &mut errors,
        "correction",
        "The correction note",
        value,
        MAX_CORRECTION_CHARS,
    );
    errors.into_result(note)
}

fn parse_image(errors: &mut FieldErrors, input: &EntryInput) -> Option<Image> {
    let url = optional_text(
        errors,
        "image_url",
        "The image address",
        &input.image_url,
        MAX_IMAGE_URL_CHARS,
    );
    let alt = optional_text(
        errors,
        "image_alt",
        "The alt text",
        &input.image_alt,
        MAX_IMAGE_TEXT_CHARS,
    );
    let caption = optional_text(
        errors,
        "image_caption",
        "The caption",
        &input.image_caption,
        MAX_IMAGE_TEXT_CHARS,
    );
    let credit = optional_text(
        errors,
        "image_credit",
        "The credit",
        &input.image_credit,
        MAX_IMAGE_TEXT_CHARS,
    );
    let Some(url) = url else {
        if alt.is_some() || caption.is_some() || credit.is_some() {
            errors.add(
                "image_url",
                "An image address is needed for the alt text, caption or credit.",
            );
        }
        return None;
    };
    if !is_safe_image_url(&url) {
        errors.add(
            "image_url",
            "The image address must start with https://, http:// or / (a file on this server).",
        );
    }
    let Some(alt) = alt else {
        errors.add(
            "image_alt",
            "Describe the image for readers who cannot see it.",
        );
        return None;
    };
    Some(Image {
        url,
        alt,
        caption,
        credit,
    })
}

/// Only web addresses and this server's own paths: never `javascript:`, `data:` or
/// another scheme a browser might act on.
pub fn is_safe_image_url(url: &str) -> bool {
    if url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\'
    }) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        return !rest.is_empty() && !rest.starts_with('/');
    }
    url.starts_with('/') && !url.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_moves_back_in_the_stream_never_ahead() {
        let content = EntryContent::parse(&input("Briefing", "Text.")).unwrap();
        let noon = "2026-12-03T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let mut entry = Entry::new(EntryId(1), content, noon, "ana");
        let earlier = noon - chrono::Duration::minutes(90);
        entry.move_back(earlier).unwrap();
        assert_eq!(entry.published_at, earlier);
        let refused = entry.move_back(noon).unwrap_err();
        assert!(
            refused
                .get("published_at")
                .unwrap()
                .contains("only move back")
        );
        assert_eq!(entry.published_at, earlier, "unchanged");
    }

    #[test]
    fn a_publication_time_moves_back_never_forward() {
        let zone = chrono_tz::Europe::Paris;
        let now = "2026-12-03T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let back = parse_published_at("2026-12-03T09:30", zone, now).unwrap();
        assert_eq!(
            back,
            "2026-12-03T08:30:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        let ahead = parse_published_at("2026-12-03T11:30", zone, now).unwrap_err();
        let why = &ahead.get("published_at").unwrap();
        assert!(
            why.contains("still to come") && why.contains("11:00"),
            "{why}"
        );
        let typo = parse_published_at("yesterday", zone, now).unwrap_err();
        assert!(typo.get("published_at").unwrap().contains("\"yesterday\""));
    }

    fn input(title: &str, body: &str) -> EntryInput {
        EntryInput {
            title: title.into(),
            body: body.into(),
            ..EntryInput::default()
        }
    }

    #[test]
    fn a_headline_and_body_make_an_entry() {
        let draft = EntryContent::parse(&input("  Bridge closed  ", "Police say so.")).unwrap();
        assert_eq!(draft.title, "Bridge closed");
        assert_eq!(draft.label, None);
        assert!(!draft.pinned && !draft.key_event);
    }

    #[test]
    fn empty_and_overlong_fields_are_named() {
        let errors = EntryContent::parse(&input(" ", "")).unwrap_err();
        assert!(errors.get("title").unwrap().contains("required"));
        assert!(errors.get("body").is_some());

        let long_title = "x".repeat(MAX_TITLE_CHARS + 1);
        let long_body = "é".repeat(MAX_BODY_CHARS + 1);
        let errors = EntryContent::parse(&input(&long_title, &long_body)).unwrap_err();
        assert!(errors.get("title").unwrap().contains("201"));
        assert!(errors.get("body").unwrap().contains("20001"));

        let at_limit = "x".repeat(MAX_TITLE_CHARS);
        assert!(EntryContent::parse(&input(&at_limit, &"é".repeat(MAX_BODY_CHARS))).is_ok());
    }

    #[test]
    fn image_addresses_must_be_web_or_local() {
        for good in [
            "https://example.org/a.jpg",
            "http://example.org/a.png",
            "/static/demo.svg",
        ] {
            assert!(is_safe_image_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:image/png;base64,AAAA",
            "//evil.example/x.png",
            "https://",
            "https:///x",
            "/a\" onerror=\"x",
            "vbscript:x",
        ] {
            assert!(!is_safe_image_url(bad), "{bad}");
        }
    }

    #[test]
    fn an_image_needs_alt_text() {
        let mut i = input("t", "b");
        i.image_url = "javascript:alert(1)".into();
        i.image_alt = "A map".into();
        assert!(
            EntryContent::parse(&i)
                .unwrap_err()
                .get("image_url")
                .is_some()
        );

        i.image_url = "https://example.org/map.png".into();
        i.image_alt = String::new();
        assert!(
            EntryContent::parse(&i)
                .unwrap_err()
                .get("image_alt")
                .is_some()
        );

        i.image_alt = "A map".into();
        i.image_credit = "Met Service".into();
        let image = EntryContent::parse(&i).unwrap().image.unwrap();
        assert_eq!(image.credit.as_deref(), Some("Met Service"));
    }

    #[test]
    fn a_role_needs_a_name() {
        let mut i = input("t", "b");
        i.author_role = "Live reporter".into();
        assert!(
            EntryContent::parse(&i)
                .unwrap_err()
                .get("author_name")
                .is_some()
        );
        i.author_name = "Sam Okafor".into();
        let byline = EntryContent::parse(&i).unwrap().byline.unwrap();
        assert_eq!(byline.role.as_deref(), Some("Live reporter"));
    }

    #[test]
    fn an_entry_goes_back_into_its_form_unchanged() {
        let mut i = input("Headline", "Body");
        i.label = "analysis".into();
        i.author_name = "Ana".into();
        i.image_url = "/static/x.svg".into();
        i.image_alt = "x".into();
        i.pinned = true;
        let entry = Entry::new(
            EntryId(1),
            EntryContent::parse(&i).unwrap(),
            Utc::now(),
            "sam",
        );
        assert_eq!(entry.to_input(), i);
    }

    #[test]
    fn a_correction_keeps_the_author_and_counts_the_version() {
        let draft = EntryContent::parse(&input("First", "Text")).unwrap();
        let mut entry = Entry::new(EntryId(1), draft, Utc::now(), "sam");
        let fixed = EntryContent::parse(&input("Second", "Text")).unwrap();
        entry.correct(
            fixed.clone(),
            Utc::now(),
            "kim",
            Some("Fixed the headline".into()),
        );
        entry.correct(fixed, Utc::now(), "ana", None);
        assert_eq!(entry.title, "Second");
        assert_eq!(entry.created_by.as_deref(), Some("sam"));
        assert_eq!(entry.updated_by.as_deref(), Some("ana"));
        assert_eq!(entry.version, 3);
        assert_eq!(entry.corrections.len(), 1);
        assert_eq!(entry.corrections[0].note, "Fixed the headline");
    }

    #[test]
    fn line_breaks_count_once_whichever_way_a_browser_sends_them() {
        let lines = "a\r\n".repeat(MAX_BODY_CHARS / 2);
        let draft = EntryContent::parse(&input("t", &lines)).unwrap();
        assert!(!draft.body.contains('\r'));
        assert!(EntryContent::parse(&input("t", &format!("{lines}xx"))).is_err());
    }

    #[test]
    fn flags_kept_by_earlier_versions_still_read() {
        let old: EntryInput =
            serde_json::from_str(r#"{"title": "t", "key_event": "on", "pinned": null}"#).unwrap();
        assert!(old.key_event && !old.pinned);
        let new: EntryInput = serde_json::from_str(r#"{"pinned": true}"#).unwrap();
        assert!(new.pinned && !new.key_event);
        let round: EntryInput =
            serde_json::from_str(&serde_json::to_string(&old).unwrap()).unwrap();
        assert_eq!(round, old);
    }

    #[test]
    fn correction_notes_are_checked() {
        assert_eq!(parse_correction_note("  "), Ok(None));
        assert_eq!(
            parse_correction_note(" Fixed a name "),
            Ok(Some("Fixed a name".into()))
        );
        assert!(parse_correction_note(&"x".repeat(MAX_CORRECTION_CHARS + 1)).is_err());
    }
}
