//! What the compose page shows: the entry form (new, a draft, a contributor's entry
//! under review, or a correction) and the desk beside it (readers now, the approval
//! queue, drafts, scheduled entries, and the published stream with its buttons).

use askama::Template;
use chrono_tz::Tz;

use super::command::Typed;
use crate::domain::{
    DeletedEntry, Draft, DraftState, Entry, EntryId, EntryInput, FieldErrors, Label,
    MAX_BODY_CHARS, MAX_BYLINE_CHARS, MAX_CORRECTION_CHARS, MAX_GALLERY, MAX_IMAGE_TEXT_CHARS,
    MAX_POST_AUTHOR_CHARS, MAX_POST_TEXT_CHARS, MAX_REVIEW_NOTE_CHARS, MAX_TITLE_CHARS, SentBack,
    UnreadableDraft, is_safe_image_url, same_tag,
};
use crate::read_model::{LivePage, RenderedEntry};
use crate::words::Words;

/// How many recent entries the desk lists for correcting, pinning or deleting.
pub const RECENT_ENTRIES_LISTED: usize = 50;

/// What an entry form is for.
pub enum Purpose<'a> {
    /// A new entry.
    New,
    /// A draft: the signed-in person's own, or (`review`) a contributor's entry that
    /// waits for this editor's approval.
    Draft { draft: &'a Draft, review: bool },
    /// A correction of a published entry.
    Correction(Editing<'a>),
}

/// A correction in progress: which entry, from which version, and, when someone else
/// saved it first, their version as readers see it.
pub struct Editing<'a> {
    pub id: EntryId,
    pub version: u32,
    pub theirs: Option<&'a RenderedEntry>,
    /// Colleagues who have the entry open too.
    pub others_editing: Vec<String>,
}

/// The most characters of the entry form's fields, as the newsroom checks them: the
/// form counts what is typed against these.
pub struct Limits {
    pub title: usize,
    pub body: usize,
    /// A byline's name, and its role.
    pub byline: usize,
    /// An image's alt text, caption and credit, each.
    pub image_text: usize,
    pub correction: usize,
    pub review_note: usize,
    pub post_author: usize,
    pub post_text: usize,
    pub poll_question: usize,
}

impl Limits {
    const ENTRY: Limits = Limits {
        title: MAX_TITLE_CHARS,
        body: MAX_BODY_CHARS,
        byline: MAX_BYLINE_CHARS,
        image_text: MAX_IMAGE_TEXT_CHARS,
        correction: MAX_CORRECTION_CHARS,
        review_note: MAX_REVIEW_NOTE_CHARS,
        post_author: MAX_POST_AUTHOR_CHARS,
        post_text: MAX_POST_TEXT_CHARS,
        poll_question: crate::domain::MAX_POLL_QUESTION_CHARS,
    };
}

/// One picture's row of the gallery's fields.
pub struct GalleryRow {
    pub n: usize,
    pub thumbnail: Option<String>,
    pub fields: Vec<GalleryField>,
}

/// One field of a gallery row: its name in the form, its label's key and its value;
/// `words` for the fields written in the page's language.
pub struct GalleryField {
    pub name: String,
    pub key: &'static str,
    pub value: String,
    pub words: bool,
}

/// The entry form: what it is for, what was typed, and what was wrong.
pub struct EntryFormView<'a> {
    pub page: &'a LivePage,
    /// The newsroom's words, in the signed-in person's language.
    pub w: Words,
    pub csrf_token: &'a str,
    pub can_publish: bool,
    pub max_upload_bytes: usize,
    pub purpose: Purpose<'a>,
    pub input: EntryInput,
    pub errors: FieldErrors,
    /// A problem with the whole form, not one field (the page has ended).
    pub problem: Option<String>,
    /// The entry rendered as readers would see it (the Preview button).
    pub preview: Option<String>,
    /// A correction's public note, as typed.
    pub correction: String,
    /// The note to send a contributor's entry back with, as typed.
    pub review_note: String,
    /// When to publish it, as typed (`datetime-local`, in the page's zone).
    pub publish_at: String,
    /// A correction's publication time, as typed (`datetime-local`, in the page's zone).
    pub published_at: String,
    /// Shown inside the compose page's stream instead of on a page of its own.
    pub inline: bool,
    /// The draft was saved again by someone while this form was open: their version
    /// (the draft this form now starts from) is shown beside what is in the form.
    pub draft_changed: bool,
    /// The byline was filled from this person's last entry, and says so.
    pub byline_kept: bool,
    /// The newsroom's labels, as the form offers them.
    pub labels: Vec<Label>,
    /// This form's own key, sent with it: the same form sent twice (a second click, a
    /// resend after a reset) publishes once.
    pub request_key: String,
}

impl<'a> EntryFormView<'a> {
    pub fn new(
        page: &'a LivePage,
        w: Words,
        csrf_token: &'a str,
        can_publish: bool,
        max_upload_bytes: usize,
        purpose: Purpose<'a>,
        typed: Typed,
    ) -> EntryFormView<'a> {
        let Typed {
            input,
            correction,
            review_note,
            publish_at,
            published_at,
        } = typed;
        EntryFormView {
            page,
            w,
            csrf_token,
            can_publish,
            max_upload_bytes,
            purpose,
            input,
            errors: FieldErrors::default(),
            problem: None,
            preview: None,
            correction,
            review_note,
            publish_at,
            published_at,
            inline: false,
            draft_changed: false,
            byline_kept: false,
            labels: Vec::new(),
            request_key: hex::encode(rand::random::<[u8; 16]>()),
        }
    }

    /// What was typed in it, to put in the form that comes back ([`EntryFormView::new`]).
    pub fn into_typed(self) -> Typed {
        Typed {
            input: self.input,
            correction: self.correction,
            review_note: self.review_note,
            publish_at: self.publish_at,
            published_at: self.published_at,
        }
    }

    pub fn slug(&self) -> &str {
        self.page.blog.slug.as_str()
    }

    /// The most characters each field takes.
    pub fn max_gallery(&self) -> usize {
        MAX_GALLERY
    }

    /// The gallery's rows, numbered from 1: its pictures as typed, then blank ones to
    /// add more (three for a gallery not begun, one after pictures).
    pub fn gallery_rows(&self) -> Vec<GalleryRow> {
        let given = &self.input.gallery;
        let blank = if given.is_empty() { 3 } else { 1 };
        let count = (given.len() + blank).min(MAX_GALLERY.max(given.len()));
        (0..count)
            .map(|i| {
                let n = i + 1;
                let picture = given.get(i).cloned().unwrap_or_default();
                let field = |part: &str, key: &'static str, value: String| GalleryField {
                    name: format!("gallery_{n}_{part}"),
                    key,
                    value,
                    words: part != "url",
                };
                GalleryRow {
                    n,
                    thumbnail: (!picture.url.trim().is_empty()).then(|| picture.url.clone()),
                    fields: vec![
                        field("url", "form-image-address", picture.url),
                        field("alt", "form-alt-text", picture.alt),
                        field("caption", "form-caption", picture.caption),
                        field("credit", "form-credit", picture.credit),
                    ],
                }
            })
            .collect()
    }

    /// Whether the clip's fields start open: one is filled in, or has a problem.
    pub fn clip_open(&self) -> bool {
        let i = &self.input;
        let fields = [
            "clip_url",
            "clip_captions_url",
            "clip_caption",
            "clip_credit",
        ];
        [
            &i.clip_url,
            &i.clip_captions_url,
            &i.clip_caption,
            &i.clip_credit,
        ]
        .iter()
        .any(|value| !value.trim().is_empty())
            || fields.iter().any(|field| self.errors.get(field).is_some())
    }

    /// Whether the poll's fields start open: one is filled in, or has a problem.
    pub fn poll_open(&self) -> bool {
        let i = &self.input;
        [&i.poll_question, &i.poll_answers]
            .iter()
            .any(|value| !value.trim().is_empty())
            || ["poll_question", "poll_answers", "poll_open_minutes"]
                .iter()
                .any(|field| self.errors.get(field).is_some())
    }

    /// How long a poll may stay open, as the form offers it: minutes (empty for
    /// until it is closed by hand) and words. A time set some other way (through the
    /// API) is offered too, so a correction keeps it.
    pub fn poll_durations(&self) -> Vec<(String, String)> {
        let mut choices = vec![(String::new(), self.w.get("form-poll-until-closed"))];
        for minutes in [15_u32, 30, 60, 180, 720, 1440] {
            let words = match minutes % 60 {
                0 => self.w.count("form-poll-hours", (minutes / 60) as usize),
                _ => self.w.count("form-poll-minutes", minutes as usize),
            };
            choices.push((minutes.to_string(), words));
        }
        let kept = self.input.poll_open_minutes.trim();
        if !kept.is_empty() && !choices.iter().any(|(value, _)| value == kept) {
            let words = match kept.parse::<usize>() {
                Ok(minutes) => self.w.count("form-poll-minutes", minutes),
                Err(_) => kept.to_owned(),
            };
            choices.push((kept.to_owned(), words));
        }
        choices
    }

    /// Whether the gallery's fields start open: it has pictures, or a problem.
    pub fn gallery_open(&self) -> bool {
        !self.input.gallery.is_empty() || self.errors.get("gallery").is_some()
    }

    /// The name in the form's profile field `n` (from 1).
    pub fn profile_name(&self, n: &usize) -> &str {
        self.input
            .profiles
            .get(n.saturating_sub(1))
            .map_or("", String::as_str)
    }

    /// The tags the page's entries have, the most used first (at most ten), for the
    /// editor to write them the same way.
    pub fn tags_in_use(&self) -> String {
        let mut counted: Vec<(String, usize)> = Vec::new();
        for rendered in self.page.entries() {
            for tag in &rendered.entry.tags {
                match counted.iter_mut().find(|(kept, _)| same_tag(kept, tag)) {
                    Some((_, count)) => *count += 1,
                    None => counted.push((tag.clone(), 1)),
                }
            }
        }
        counted.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        let names: Vec<String> = counted.into_iter().take(10).map(|(tag, _)| tag).collect();
        names.join(", ")
    }

    /// The hosts of the platforms' posts, for the form's script to spot one pasted.
    pub fn post_hosts(&self) -> String {
        crate::domain::embeds::post_hosts()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the post fields start open: something is in them, or wrong with them.
    pub fn post_open(&self) -> bool {
        let i = &self.input;
        !(i.post_url.trim().is_empty()
            && i.post_author.trim().is_empty()
            && i.post_text.trim().is_empty())
            || ["post_url", "post_author", "post_text"]
                .iter()
                .any(|field| self.errors.get(field).is_some())
    }

    pub fn limits(&self) -> &'static Limits {
        &Limits::ENTRY
    }

    fn zone(&self) -> Tz {
        self.page.blog.time_zone
    }

    /// Where the form is sent.
    pub fn action(&self) -> String {
        let slug = self.slug();
        match &self.purpose {
            Purpose::New => format!("/editor/live/{slug}/entries"),
            Purpose::Draft { draft, .. } => format!("/editor/live/{slug}/drafts/{}", draft.id),
            Purpose::Correction(editing) if self.inline => {
                format!("/editor/live/{slug}/entries/{}?inline=1", editing.id)
            }
            Purpose::Correction(editing) => format!("/editor/live/{slug}/entries/{}", editing.id),
        }
    }

    /// Names the form in the browser's saved copy of what was typed: one per page and
    /// entry, so two forms never restore each other's text.
    pub fn form_key(&self) -> String {
        match &self.purpose {
            Purpose::New => "new".to_owned(),
            Purpose::Draft { draft, .. } => format!("draft-{}", draft.id),
            Purpose::Correction(editing) => format!("entry-{}", editing.id),
        }
    }

    /// Each field's `id`: the compose form's own, prefixed in a correction shown
    /// inside the stream, so the page never holds two of one id.
    pub fn id(&self, field: &str) -> String {
        match &self.purpose {
            Purpose::Correction(editing) if self.inline => format!("c{}-{field}", editing.id),
            _ => field.to_owned(),
        }
    }

    /// The field the cursor starts in: the first one found wrong, or the headline.
    pub fn autofocus(&self, field: &str) -> bool {
        if self.inline {
            return false;
        }
        match self.errors.iter().next() {
            Some(first) => first.field == field,
            None => field == "title",
        }
    }

    pub fn heading(&self) -> String {
        let w = &self.w;
        match &self.purpose {
            Purpose::New => w.get("form-new-entry"),
            Purpose::Draft {
                draft,
                review: true,
            } => w.with(
                "form-review-entry",
                &[("user", draft.created_by.as_str().into())],
            ),
            Purpose::Draft { draft, .. } if draft.is_scheduled() => w.get("form-scheduled-entry"),
            Purpose::Draft { .. } => w.get("form-draft"),
            // The entry's number as a name, not a quantity: never "1,024".
            Purpose::Correction(editing) => w.with(
                "form-correct-entry",
                &[("id", editing.id.to_string().into())],
            ),
        }
    }

    /// Who else has the entry open for correcting, in a sentence; empty when nobody.
    pub fn others_editing(&self) -> String {
        let Some(editing) = self.editing() else {
            return String::new();
        };
        if editing.others_editing.is_empty() {
            return String::new();
        }
        self.w.with(
            "form-others-editing",
            &[
                ("names", editing.others_editing.join(", ").into()),
                ("count", editing.others_editing.len().into()),
            ],
        )
    }

    /// What an entry's label is called in the form's list.
    pub fn label_text(&self, label: &Label) -> String {
        crate::fragments::label_name(label, &self.w)
    }

    pub fn is_correction(&self) -> bool {
        matches!(self.purpose, Purpose::Correction(_))
    }

    pub fn is_new(&self) -> bool {
        matches!(self.purpose, Purpose::New)
    }

    /// Whether an editor is reviewing a contributor's entry.
    pub fn is_review(&self) -> bool {
        matches!(self.purpose, Purpose::Draft { review: true, .. })
    }

    /// Whether this is the signed-in person's own draft.
    pub fn is_own_draft(&self) -> bool {
        matches!(self.purpose, Purpose::Draft { review: false, .. })
    }

    pub fn editing(&self) -> Option<&Editing<'a>> {
        match &self.purpose {
            Purpose::Correction(editing) => Some(editing),
            _ => None,
        }
    }

    /// The note the draft was sent back with, while it is with its author.
    pub fn sent_back(&self) -> Option<&SentBack> {
        match &self.purpose {
            Purpose::Draft { draft, .. } => draft.sent_back(),
            _ => None,
        }
    }

    /// The draft this form holds, as last saved.
    pub fn draft(&self) -> Option<&Draft> {
        match &self.purpose {
            Purpose::Draft { draft, .. } => Some(draft),
            _ => None,
        }
    }

    /// When the draft was last saved, to the microsecond: the version the form starts
    /// from.
    pub fn draft_version(&self) -> Option<String> {
        self.draft().map(|d| {
            d.updated_at
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
        })
    }

    /// The version the browser's saved copy of this form is compared with.
    pub fn version_mark(&self) -> String {
        match (&self.purpose, self.draft_version()) {
            (Purpose::Correction(editing), _) => editing.version.to_string(),
            (_, Some(version)) => version,
            _ => String::new(),
        }
    }

    /// Whether what is in the form was refused, so leaving it loses it.
    pub fn is_refused(&self) -> bool {
        self.has_errors()
            || self.draft_changed
            || self.editing().is_some_and(|e| e.theirs.is_some())
    }

    /// When the draft is scheduled to publish, as readers would read the time (in the
    /// page's language and zone).
    pub fn scheduled_for(&self) -> Option<String> {
        match &self.purpose {
            Purpose::Draft { draft, .. } => draft
                .publish_at
                .map(|at| self.page.words.published(at, self.zone())),
            _ => None,
        }
    }

    /// Whether the form can schedule the entry: a publisher's new entry or own draft.
    pub fn can_schedule(&self) -> bool {
        self.can_publish && (self.is_new() || self.is_own_draft())
    }

    pub fn zone_name(&self) -> &str {
        self.zone().name()
    }

    pub fn is_label(&self, label: &Label) -> bool {
        crate::newsroom::find_label(&self.labels, &self.input.label)
            .is_some_and(|found| found.key == label.key)
    }

    /// An unknown label is offered back as typed, so the form loses nothing.
    pub fn is_known_label(&self) -> bool {
        self.labels
            .iter()
            .any(|label| label.is_named(&self.input.label))
    }

    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    pub fn max_upload_mib(&self) -> String {
        format!("{:.0}", self.max_upload_bytes as f64 / (1024.0 * 1024.0))
    }

    /// The message for `field`, if it was found wrong.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }

    /// The image to show a thumbnail of: only an address that may be an entry's image,
    /// never whatever was typed.
    pub fn thumbnail(&self) -> Option<&str> {
        let url = self.input.image_url.trim();
        (!url.is_empty() && is_safe_image_url(url)).then_some(url)
    }

    /// Whether the compose page says nothing was saved.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.problem.is_some()
    }

    /// Where "Cancel" goes.
    pub fn cancel_href(&self) -> String {
        format!("/editor/live/{}", self.slug())
    }
}

/// A line of the desk's lists of drafts.
pub struct DraftLine<'a> {
    pub draft: &'a Draft,
    /// The page, whose readers' way of writing a time the schedule is shown in.
    pub page: &'a LivePage,
    /// The newsroom's words, in the signed-in person's language.
    pub w: &'a Words,
}

impl DraftLine<'_> {
    pub fn href(&self, slug: &str) -> String {
        format!("/editor/live/{slug}/drafts/{}", self.draft.id)
    }

    /// A time (when it was saved, when it publishes itself) as the page's readers read
    /// one.
    fn time_of(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        self.page.words.published(at, self.page.blog.time_zone)
    }

    /// Where it stands, in a few words.
    pub fn state(&self) -> String {
        match self.draft.state() {
            DraftState::Writing => self.w.with(
                "desk-state-saved-at",
                &[("time", self.time_of(self.draft.updated_at).into())],
            ),
            DraftState::Submitted => self.w.get("desk-state-waiting"),
            DraftState::SentBack(note) => self
                .w
                .with("desk-state-sent-back", &[("user", note.by.as_str().into())]),
            DraftState::Scheduled(at) => self.w.with(
                "desk-state-publishes-at",
                &[("time", self.time_of(at).into())],
            ),
        }
    }

    /// A scheduled entry's line: when it publishes itself, and who wrote it.
    pub fn scheduled_by(&self) -> String {
        let user = self.draft.created_by.as_str();
        match self.draft.state() {
            DraftState::Scheduled(at) => self.w.with(
                "desk-scheduled-by",
                &[("time", self.time_of(at).into()), ("user", user.into())],
            ),
            _ => self.w.with("desk-by", &[("user", user.into())]),
        }
    }
}

/// The desk beside the form: the page's readers now, what waits, and what is published.
pub struct DeskView<'a> {
    pub page: &'a LivePage,
    /// The newsroom's words, in the signed-in person's language.
    pub w: Words,
    /// Who is signed in: their own drafts open from the lists.
    pub user: &'a str,
    pub csrf_token: &'a str,
    pub can_publish: bool,
    /// Browsers with the page open now, on every instance.
    pub readers: u64,
    /// Contributors' entries waiting for an editor (editors only).
    pub queue: Vec<Draft>,
    /// The signed-in person's drafts, sent back ones and their submitted ones.
    pub drafts: Vec<Draft>,
    /// Entries scheduled to publish themselves (editors only).
    pub scheduled: Vec<Draft>,
    /// Drafts whose rows could not be read, with the problem (editors only).
    pub unreadable: Vec<UnreadableDraft>,
    /// The newest entries, and the pinned one.
    pub recent: Vec<&'a RenderedEntry>,
    /// Entries deleted that can still be restored (editors only).
    pub deleted: Vec<DeletedEntry>,
    /// What readers sent through the page's callout, waiting (editors only).
    pub from_readers: Vec<crate::domain::Contribution>,
    /// How many wait in all (the desk lists the oldest few).
    pub from_readers_waiting: u64,
    /// Readers a minute over the last hours, every instance's.
    pub readers_over: Vec<(chrono::DateTime<chrono::Utc>, u64)>,
    /// The recent entries' views on their own pages and shares (editors only).
    pub figures: std::collections::HashMap<crate::domain::EntryId, (u64, u64)>,
}

/// The size of the desk's readers chart, in CSS pixels.
pub const CHART_WIDTH: f64 = 120.0;
pub const CHART_HEIGHT: f64 = 24.0;

impl DeskView<'_> {
    pub fn slug(&self) -> &str {
        self.page.blog.slug.as_str()
    }

    /// The readers chart: its polyline's points, and the peak and when it was.
    pub fn chart(&self) -> (String, String) {
        let now = chrono::Utc::now();
        let (points, peak) =
            crate::figures::chart_points(&self.readers_over, now, CHART_WIDTH, CHART_HEIGHT);
        let at = (self.readers_over.iter())
            .filter(|(_, n)| *n == peak)
            .map(|(at, _)| self.w.clock(*at, self.page.blog.time_zone))
            .next_back()
            .unwrap_or_default();
        let label = self.w.with(
            "desk-readers-chart",
            &[
                ("hours", crate::figures::CHART_HOURS.into()),
                ("peak", peak.into()),
                ("time", at.into()),
            ],
        );
        (points, label)
    }

    /// An entry's views and shares, in words, if it has any.
    pub fn entry_figures(&self, entry: &crate::domain::Entry) -> Option<String> {
        let (views, shares) = self.figures.get(&entry.id).copied()?;
        Some(self.w.with(
            "desk-entry-figures",
            &[("views", views.into()), ("shares", shares.into())],
        ))
    }

    /// "3 from readers", in the plural the language uses.
    pub fn readers_sent_text(&self) -> String {
        self.w
            .count("desk-from-readers-count", self.from_readers.len())
    }

    pub fn sent_at(&self, contribution: &crate::domain::Contribution) -> String {
        self.w.clock(contribution.sent_at, self.page.blog.time_zone)
    }

    pub fn line<'d>(&'d self, draft: &'d Draft) -> DraftLine<'d> {
        DraftLine {
            draft,
            page: self.page,
            w: &self.w,
        }
    }

    /// Who deleted an entry, and when, in the page's time zone.
    pub fn deleted_by(&self, gone: &DeletedEntry) -> String {
        let at = crate::domain::time::published(gone.deleted_at, self.page.blog.time_zone);
        self.w.with(
            "desk-deleted-by",
            &[
                ("user", gone.deleted_by.as_str().into()),
                ("time", at.into()),
            ],
        )
    }

    /// An unreadable draft's line: its number and what could not be read.
    pub fn unreadable_line(&self, draft: &UnreadableDraft) -> String {
        self.w.with(
            "desk-unreadable-draft",
            &[
                ("id", draft.id.to_string().into()),
                ("reason", draft.problem.as_str().into()),
            ],
        )
    }

    pub fn readers_text(&self) -> String {
        self.w
            .with("desk-readers", &[("count", self.readers.into())])
    }

    pub fn queue_text(&self) -> String {
        self.w.count("desk-queue-count", self.queue.len())
    }

    /// Who wrote a published entry and who changed it last, as far as is on record.
    pub fn authors(&self, entry: &Entry) -> String {
        let w = &self.w;
        match (&entry.created_by, &entry.updated_by) {
            (Some(user), Some(editor)) => w.with(
                "desk-by-changed-by",
                &[
                    ("user", user.as_str().into()),
                    ("editor", editor.as_str().into()),
                ],
            ),
            (Some(user), None) => w.with("desk-by", &[("user", user.as_str().into())]),
            (None, Some(editor)) => {
                w.with("desk-changed-by", &[("editor", editor.as_str().into())])
            }
            (None, None) => String::new(),
        }
    }
}

/// The desk alone, for the compose page's script to refresh it.
#[derive(Template)]
#[template(path = "editor/desk_fragment.html")]
pub struct DeskFragment<'a> {
    pub desk: DeskView<'a>,
}

/// What a correction saved inside the compose page's stream says in its place.
#[derive(Template)]
#[template(path = "editor/done_inline.html")]
pub struct InlineDone {
    pub message: String,
}

/// A correction form alone, opened inside the compose page's stream.
#[derive(Template)]
#[template(path = "editor/correction_inline.html")]
pub struct InlineCorrection<'a> {
    pub f: EntryFormView<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_saved_inline_says_so_in_text_not_markup() {
        let said = InlineDone {
            message: "Saved <b>now</b> & \"then\"".into(),
        };
        assert_eq!(
            said.render().unwrap(),
            "<p class=\"notice\" role=\"status\" data-saved>\
             Saved &#60;b&#62;now&#60;/b&#62; &#38; &#34;then&#34;</p>"
        );
    }
}
