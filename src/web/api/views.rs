//! Entries and live pages as the API takes and answers with them: the fields an entry
//! is sent with, laid over what it was, what the description says of them, and the
//! JSON it comes back as.

use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

use super::request::whole_number;
use super::schema::{self, flag, text};
use crate::domain::markdown::MAX_NESTING;
use crate::domain::{
    Author, EntryId, EntryInput, FieldErrors, Image, MAX_AUTHORS, MAX_BODY_CHARS, MAX_BYLINE_CHARS,
    MAX_CLIP_TEXT_CHARS, MAX_CORRECTION_CHARS, MAX_GALLERY, MAX_IMAGE_TEXT_CHARS,
    MAX_IMAGE_URL_CHARS, MAX_LABEL_KEY_CHARS, MAX_POLL_ANSWER_CHARS, MAX_POLL_ANSWERS,
    MAX_POLL_OPEN_MINUTES, MAX_POLL_QUESTION_CHARS, MAX_POST_AUTHOR_CHARS, MAX_POST_TEXT_CHARS,
    MAX_POST_URL_CHARS, MAX_PROFILE_NAME_CHARS, MAX_TAG_CHARS, MAX_TAGS, MAX_TITLE_CHARS,
    MIN_POLL_ANSWERS, PictureInput, TAG_COMMAS, time,
};

/// A label's key: lower-case letters, digits and hyphens.
fn label_key() -> String {
    r"^\s*[a-z0-9-]*\s*$".to_owned()
}

/// The platforms whose posts an entry may carry, by name.
fn provider_names() -> String {
    let names: Vec<&str> = crate::domain::embeds::PROVIDERS
        .iter()
        .map(|p| p.name)
        .collect();
    names.join(", ")
}
use crate::read_model::{LivePage, RenderedEntry};

/// An entry's fields as the API takes them: the form's names, with true and false for
/// the two flags. On `PATCH`, a field left out (or null) keeps its value. Described as
/// [`NewEntry`] and [`EntryChange`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryFields {
    title: Option<String>,
    body: Option<String>,
    label: Option<String>,
    author_name: Option<String>,
    author_role: Option<String>,
    image_url: Option<String>,
    image_alt: Option<String>,
    image_caption: Option<String>,
    image_credit: Option<String>,
    post_url: Option<String>,
    post_author: Option<String>,
    post_text: Option<String>,
    tags: Option<Vec<String>>,
    profiles: Option<Vec<String>>,
    gallery: Option<Vec<PictureInput>>,
    clip_url: Option<String>,
    clip_captions_url: Option<String>,
    clip_caption: Option<String>,
    clip_credit: Option<String>,
    poll: Option<PollFields>,
    key_event: Option<bool>,
    pinned: Option<bool>,
    /// `PATCH` only: a public note of what was corrected.
    pub(super) correction: Option<String>,
    /// `PATCH` only: the version the change is based on; refused with 409 if the entry
    /// has been saved since.
    #[serde(default, deserialize_with = "whole_number")]
    pub(super) version: Option<u32>,
}

/// An entry's poll as the API takes it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PollFields {
    question: String,
    answers: Vec<String>,
    #[serde(default, deserialize_with = "whole_number")]
    open_minutes: Option<u32>,
}

/// The body of `POST /api/v1/live/{slug}/entries`, as the description gives it.
pub(super) enum NewEntry {}

/// The body of `PATCH /api/v1/live/{slug}/entries/{id}`, as the description gives it.
pub(super) enum EntryChange {}

/// Fields that need others beside them: a role a name, an image its alt text, the
/// alt text, caption and credit an image, and a post's author and text its address.
const ENTRY_NEEDS: [(&str, &[&str]); 10] = [
    ("author_role", &["author_name"]),
    ("image_url", &["image_alt"]),
    ("image_alt", &["image_url"]),
    ("image_caption", &["image_url"]),
    ("image_credit", &["image_url"]),
    ("post_author", &["post_url"]),
    ("post_text", &["post_url"]),
    ("clip_captions_url", &["clip_url"]),
    ("clip_caption", &["clip_url"]),
    ("clip_credit", &["clip_url"]),
];

/// What the description says of each field a new entry and a change share.
fn entry_fields() -> Vec<(&'static str, Schema)> {
    vec![
        (
            "title",
            text(schema::filled_line(), MAX_TITLE_CHARS, "Bridge closed")
                .min_length(Some(1))
                .description(Some("The headline, one line."))
                .into(),
        ),
        (
            "body",
            text(
                schema::FILLED_TEXT,
                MAX_BODY_CHARS,
                "Police have closed the bridge in **both** directions.",
            )
            .min_length(Some(1))
            .description(Some(format!(
                "Markdown; quotes, lists and emphasis nested at most {MAX_NESTING} deep."
            )))
            .into(),
        ),
        (
            "label",
            text(label_key(), MAX_LABEL_KEY_CHARS, "analysis")
                .description(Some(
                    "The key of one of the newsroom's labels (breaking, analysis, explainer, \
                     fact-check, watch, and those its editors add), shown above the headline; \
                     `\"\"` for none.",
                ))
                .into(),
        ),
        (
            "author_name",
            text(schema::one_line(), MAX_BYLINE_CHARS, "Ana Ruiz").into(),
        ),
        (
            "author_role",
            text(
                schema::one_line(),
                MAX_BYLINE_CHARS,
                "Weather correspondent",
            )
            .description(Some("Needs `author_name`."))
            .into(),
        ),
        (
            "image_url",
            text(
                schema::image_url(),
                MAX_IMAGE_URL_CHARS,
                "https://example.org/bridge.jpg",
            )
            .description(Some(
                "An `https://` or `http://` address, or a path on this server such as the \
                     `url` of `POST /api/v1/images`; needs `image_alt`.",
            ))
            .into(),
        ),
        (
            "image_alt",
            text(
                schema::one_line(),
                MAX_IMAGE_TEXT_CHARS,
                "The bridge behind police tape",
            )
            .description(Some("The image for readers who cannot see it."))
            .into(),
        ),
        (
            "image_caption",
            text(
                schema::one_line(),
                MAX_IMAGE_TEXT_CHARS,
                "The bridge at dawn",
            )
            .into(),
        ),
        (
            "image_credit",
            text(schema::one_line(), MAX_IMAGE_TEXT_CHARS, "Sam Lee").into(),
        ),
        (
            "post_url",
            text(
                schema::one_line(),
                MAX_POST_URL_CHARS,
                "https://x.com/metoffice/status/1600000000000000000",
            )
            .description(Some(format!(
                "A post on one of {}: shown as a card that readers open when they \
                 choose. A post's address on a line of its own in `body` is one too.",
                provider_names()
            )))
            .into(),
        ),
        (
            "post_author",
            text(
                schema::one_line(),
                MAX_POST_AUTHOR_CHARS,
                "Met Office (@metoffice)",
            )
            .description(Some("Who posted it; needs `post_url`."))
            .into(),
        ),
        (
            "post_text",
            text(
                schema::lines(),
                MAX_POST_TEXT_CHARS,
                "Amber warning for wind extended to 18:00.",
            )
            .description(Some(
                "What the post says, kept with the entry if the post is taken down; needs \
                 `post_url`.",
            ))
            .into(),
        ),
        (
            "tags",
            schema::list(text(schema::tag(), MAX_TAG_CHARS, "Harbour"), MAX_TAGS)
                .description(Some(
                    "The threads of the story it belongs to, which readers follow by \
                 `?tag=`; one given twice, in any case, is kept once.",
                ))
                .into(),
        ),
        (
            "profiles",
            schema::list(
                text(schema::one_line(), MAX_PROFILE_NAME_CHARS, "Ana Ruiz"),
                MAX_AUTHORS,
            )
            .description(Some(
                "The names of the newsroom's profiles the byline names, each with its \
                 photo and role; a name no profile has is refused.",
            ))
            .into(),
        ),
        (
            "gallery",
            schema::list(
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::Object)
                    .property(
                        "url",
                        text(
                            schema::image_url(),
                            MAX_IMAGE_URL_CHARS,
                            "/media/harbour.jpg",
                        ),
                    )
                    .property(
                        "alt",
                        text(
                            schema::one_line(),
                            MAX_IMAGE_TEXT_CHARS,
                            "The harbour at dawn",
                        ),
                    )
                    .property(
                        "caption",
                        text(schema::one_line(), MAX_IMAGE_TEXT_CHARS, "Dawn"),
                    )
                    .property(
                        "credit",
                        text(schema::one_line(), MAX_IMAGE_TEXT_CHARS, "Sam Lee"),
                    )
                    .required("url")
                    .required("alt"),
                MAX_GALLERY,
            )
            .description(Some(
                "Pictures after the text, in this order, each with its alt text; an address \
                 is the `url` of `POST /api/v1/images` or a web address.",
            ))
            .into(),
        ),
        (
            "clip_url",
            text(schema::media_path(), 300, "/media/3f2a000000000000000000000000000000000000000000000000000000000000_1280x720.mp4")
                .description(Some(
                    "A video or sound file after the text: the `url` of `POST /api/v1/clips`.",
                ))
                .into(),
        ),
        (
            "clip_captions_url",
            text(schema::media_path(), 300, "/media/7c1e000000000000000000000000000000000000000000000000000000000000.vtt")
                .description(Some(
                    "The clip's WebVTT captions, offered to readers: the `url` of \
                     `POST /api/v1/clips` given a `captions` file; needs `clip_url`.",
                ))
                .into(),
        ),
        (
            "clip_caption",
            text(schema::one_line(), MAX_CLIP_TEXT_CHARS, "The quay at high tide")
                .description(Some("What it shows or says; needs `clip_url`."))
                .into(),
        ),
        (
            "clip_credit",
            text(schema::one_line(), MAX_CLIP_TEXT_CHARS, "Sam Lee")
                .description(Some("Whose it is; needs `clip_url`."))
                .into(),
        ),
        (
            "poll",
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::Object)
                .property(
                    "question",
                    text(
                        schema::filled_line(),
                        MAX_POLL_QUESTION_CHARS,
                        "Should the bridge reopen?",
                    )
                    .min_length(Some(1)),
                )
                .property(
                    "answers",
                    schema::list(
                        text(schema::filled_line(), MAX_POLL_ANSWER_CHARS, "Yes").min_length(Some(1)),
                        MAX_POLL_ANSWERS,
                    )
                    .min_items(Some(MIN_POLL_ANSWERS))
                    .unique_items(true)
                    .examples([serde_json::json!(["Yes", "No"])])
                    .description(Some(
                        "In the order readers see them; once the poll has votes, they may be \
                         reworded but not added to or taken away.",
                    )),
                )
                .property(
                    "open_minutes",
                    schema::integer(1, MAX_POLL_OPEN_MINUTES, 60).description(Some(
                        "Minutes after publication when voting ends; left out, the poll is \
                         open until an editor closes it.",
                    )),
                )
                .required("question")
                .required("answers")
                .additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(false)))
                .description(Some(
                    "A poll readers answer, once each; the counts move on every open page. \
                     Given again, it replaces the question, answers and time, and keeps the \
                     votes.",
                ))
                .into(),
        ),
        ("key_event", flag(true).into()),
        ("pinned", flag(false).into()),
    ]
}

impl PartialSchema for NewEntry {
    fn schema() -> RefOr<Schema> {
        schema::body(
            "A new entry: a headline and a body, and any of the rest. A text left out, \
             null or blank is none.",
            entry_fields(),
            &["title", "body"],
            &ENTRY_NEEDS,
        )
    }
}

impl ToSchema for NewEntry {}

impl PartialSchema for EntryChange {
    fn schema() -> RefOr<Schema> {
        let mut fields = entry_fields();
        fields.push((
            "correction",
            text(
                schema::one_line(),
                MAX_CORRECTION_CHARS,
                "Corrected the bridge's name",
            )
            .description(Some("A public note of what was corrected."))
            .into(),
        ));
        fields.push((
            "version",
            schema::integer(1, u32::MAX, 1)
                .description(Some(
                    "The version the change is based on; refused with 409 if the entry has \
                     been saved since.",
                ))
                .into(),
        ));
        schema::body(
            "A correction: the fields to change. One left out or null keeps its value; a \
             blank text clears an optional one. Fields that need others are asked for \
             together, whatever the entry holds already.",
            fields,
            &[],
            &ENTRY_NEEDS,
        )
    }
}

impl ToSchema for EntryChange {}

impl EntryFields {
    /// These fields laid over `base`; a list of tags that could not be told as the
    /// form's field (a tag with a comma in it, or more tags than an entry takes) is
    /// refused here.
    pub fn over(self, mut base: EntryInput) -> Result<EntryInput, FieldErrors> {
        let texts = [
            (self.title, &mut base.title),
            (self.body, &mut base.body),
            (self.label, &mut base.label),
            (self.author_name, &mut base.author_name),
            (self.author_role, &mut base.author_role),
            (self.image_url, &mut base.image_url),
            (self.image_alt, &mut base.image_alt),
            (self.image_caption, &mut base.image_caption),
            (self.image_credit, &mut base.image_credit),
            (self.post_url, &mut base.post_url),
            (self.post_author, &mut base.post_author),
            (self.post_text, &mut base.post_text),
            (self.clip_url, &mut base.clip_url),
            (self.clip_captions_url, &mut base.clip_captions_url),
            (self.clip_caption, &mut base.clip_caption),
            (self.clip_credit, &mut base.clip_credit),
        ];
        for (given, field) in texts {
            if let Some(value) = given {
                *field = value;
            }
        }
        if let Some(tags) = self.tags {
            let mut errors = FieldErrors::default();
            if tags.len() > MAX_TAGS {
                errors.add(
                    "tags",
                    format!(
                        "{} tags: an entry may have {MAX_TAGS} at the most.",
                        tags.len()
                    ),
                );
            }
            if tags.iter().any(|tag| tag.contains(TAG_COMMAS)) {
                errors.add(
                    "tags",
                    "A tag cannot hold a comma: give each tag on its own.",
                );
            }
            errors.into_result(())?;
            base.tags = tags.join(",");
        }
        if let Some(profiles) = self.profiles {
            base.profiles = profiles;
        }
        if let Some(gallery) = self.gallery {
            base.gallery = gallery;
        }
        if let Some(poll) = self.poll {
            let mut errors = FieldErrors::default();
            if poll.question.trim().is_empty() {
                errors.add("poll", "A poll needs a question.");
            }
            if (poll.answers.iter()).any(|a| a.trim().is_empty() || a.contains(['\n', '\r'])) {
                errors.add(
                    "poll",
                    "Each answer is one line of text: give each on its own.",
                );
            }
            errors.into_result(())?;
            base.poll_question = poll.question;
            base.poll_answers = poll.answers.join("\n");
            base.poll_open_minutes =
                (poll.open_minutes).map_or_else(String::new, |m| m.to_string());
        }
        if let Some(on) = self.key_event {
            base.key_event = on;
        }
        if let Some(on) = self.pinned {
            base.pinned = on;
        }
        Ok(base)
    }
}

/// An entry as the API answers with it.
#[derive(Serialize, ToSchema)]
pub(super) struct EntryView<'a> {
    #[schema(value_type = i64)]
    id: EntryId,
    url: String,
    title: &'a str,
    body: &'a str,
    html: &'a str,
    label: Option<&'a str>,
    author_name: Option<&'a str>,
    author_role: Option<&'a str>,
    image_url: Option<&'a str>,
    image_alt: Option<&'a str>,
    image_caption: Option<&'a str>,
    image_credit: Option<&'a str>,
    post_url: Option<&'a str>,
    post_author: Option<&'a str>,
    post_text: Option<&'a str>,
    tags: &'a [String],
    #[schema(value_type = Vec<AuthorView>)]
    authors: &'a [Author],
    #[schema(value_type = Vec<PictureView>)]
    gallery: &'a [Image],
    clip_url: Option<&'a str>,
    clip_captions_url: Option<&'a str>,
    clip_caption: Option<&'a str>,
    clip_credit: Option<&'a str>,
    poll: Option<PollView<'a>>,
    key_event: bool,
    pinned: bool,
    published_at: String,
    updated_at: Option<String>,
    version: u32,
    corrections: Vec<CorrectionView<'a>>,
}

/// An entry's poll, with its votes as last counted (about a second old while votes
/// come in).
#[derive(Serialize, ToSchema)]
pub(super) struct PollView<'a> {
    question: &'a str,
    answers: Vec<AnswerView<'a>>,
    open_minutes: Option<u32>,
    /// When voting ends by itself, if it does.
    closes_at: Option<String>,
    /// Whether votes are taken now.
    open: bool,
    votes: u64,
}

#[derive(Serialize, ToSchema)]
pub(super) struct AnswerView<'a> {
    text: &'a str,
    votes: u64,
}

/// A picture of an entry's gallery.
#[derive(ToSchema)]
#[allow(dead_code)]
pub(super) struct PictureView {
    url: String,
    alt: String,
    caption: Option<String>,
    credit: Option<String>,
}

/// A profile an entry names, as it was when the entry was saved.
#[derive(ToSchema)]
#[allow(dead_code)]
pub(super) struct AuthorView {
    name: String,
    role: Option<String>,
    photo_url: Option<String>,
    link: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct CorrectionView<'a> {
    note: &'a str,
    at: String,
}

pub(super) fn entry_view<'a>(page: &LivePage, rendered: &'a RenderedEntry) -> EntryView<'a> {
    let entry = &rendered.entry;
    let zone = page.blog.time_zone;
    let byline = entry.byline.as_ref();
    let image = entry.image.as_ref();
    let post = entry.post.as_ref();
    let clip = entry.clip.as_ref();
    EntryView {
        id: entry.id,
        url: format!("/live/{}/entries/{}", page.blog.slug, entry.id),
        title: &entry.title,
        body: &entry.body,
        html: &rendered.html,
        label: entry.label.as_ref().map(|l| l.key.as_str()),
        author_name: byline.map(|b| b.name.as_str()),
        author_role: byline.and_then(|b| b.role.as_deref()),
        image_url: image.map(|i| i.url.as_str()),
        image_alt: image.map(|i| i.alt.as_str()),
        image_caption: image.and_then(|i| i.caption.as_deref()),
        image_credit: image.and_then(|i| i.credit.as_deref()),
        post_url: post.map(|p| p.url.as_str()),
        post_author: post.and_then(|p| p.author.as_deref()),
        post_text: post.and_then(|p| p.text.as_deref()),
        tags: &entry.tags,
        authors: &entry.authors,
        gallery: &entry.gallery,
        clip_url: clip.map(|c| c.url.as_str()),
        clip_captions_url: clip.and_then(|c| c.captions_url.as_deref()),
        clip_caption: clip.and_then(|c| c.caption.as_deref()),
        clip_credit: clip.and_then(|c| c.credit.as_deref()),
        poll: entry.poll.as_ref().map(|poll| PollView {
            question: &poll.question,
            answers: (poll.answers.iter().enumerate())
                .map(|(n, text)| AnswerView {
                    text,
                    votes: poll.count(n),
                })
                .collect(),
            open_minutes: poll.open_minutes,
            closes_at: (poll.closes_at(entry.published_at)).map(|at| time::rfc3339(at, zone)),
            open: poll.is_open(entry.published_at, chrono::Utc::now()),
            votes: poll.total(),
        }),
        key_event: entry.key_event,
        pinned: entry.pinned,
        published_at: time::rfc3339(entry.published_at, zone),
        updated_at: entry.updated_at.map(|at| time::rfc3339(at, zone)),
        version: entry.version,
        corrections: entry
            .corrections
            .iter()
            .map(|c| CorrectionView {
                note: &c.note,
                at: time::rfc3339(c.at, zone),
            })
            .collect(),
    }
}

/// A live page as the API answers with it: one page of its entries, newest first.
#[derive(Serialize, ToSchema)]
pub(super) struct PageView<'a> {
    pub(super) slug: &'a str,
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) summary: &'a [String],
    /// `live` or `closed`.
    pub(super) status: &'static str,
    pub(super) time_zone: &'static str,
    pub(super) updated_at: String,
    /// The sequence number of the page's last change: resume its event stream here.
    pub(super) last_event_id: u64,
    pub(super) page: usize,
    pub(super) pages: usize,
    pub(super) pinned: Option<EntryView<'a>>,
    pub(super) entries: Vec<EntryView<'a>>,
}
