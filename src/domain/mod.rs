//! The newsroom's plain types and rules: live pages, entries and what makes them valid.
//! Nothing here knows about HTTP or databases.

mod blog;
mod callout;
mod change;
mod clip;
mod draft;
pub mod embeds;
mod entry;
mod errors;
mod gallery;
mod label;
mod language;
pub mod markdown;
mod poll;
mod profile;
mod shared_post;
mod snippet;
mod tags;
pub mod time;
mod user;
pub mod zone;

pub use blog::{
    Blog, BlogId, BlogInput, BlogSettings, BlogStatus, MAX_BLOG_TITLE_CHARS, MAX_DESCRIPTION_CHARS,
    MAX_EMBED_ORIGINS, MAX_SLUG_CHARS, MAX_SUMMARY_POINT_CHARS, MAX_SUMMARY_POINTS, Slug,
    parse_origins,
};
pub use callout::{
    CONTACT_KEPT_DAYS, Callout, CalloutKind, Contribution, ContributionState, ContributionText,
    MAX_CONTRIBUTION_CHARS,
};
pub use change::{Change, ChangeKind, Seq};
pub use clip::{Clip, MAX_CLIP_TEXT_CHARS, parse_clip};
pub use draft::{
    Draft, DraftId, DraftKept, DraftState, MAX_REVIEW_NOTE_CHARS, OpenedAs, SentBack,
    UnreadableDraft, parse_publish_at, parse_review_note,
};
pub use entry::{
    Byline, Correction, DELETED_KEPT_DAYS, DeletedEntry, Entry, EntryContent, EntryId, EntryInput,
    Image, MAX_BODY_CHARS, MAX_BYLINE_CHARS, MAX_CORRECTION_CHARS, MAX_IMAGE_TEXT_CHARS,
    MAX_IMAGE_URL_CHARS, MAX_TITLE_CHARS, Revision, is_safe_image_url, parse_correction_note,
    parse_published_at,
};
pub use errors::{FieldError, FieldErrors};
pub use gallery::{MAX_GALLERY, PictureInput, parse_gallery};
pub use label::{
    BUILT_IN_LABELS, LABEL_LANGUAGES, Label, LabelInput, MAX_LABEL_KEY_CHARS, MAX_LABEL_NAME_CHARS,
    MAX_LABELS, NAME_FIELDS,
};
pub use language::{DEFAULT_LANGUAGE, MAX_LANGUAGE_CHARS, direction, parse_language};
pub use poll::{
    MAX_POLL_ANSWER_CHARS, MAX_POLL_ANSWERS, MAX_POLL_OPEN_MINUTES, MAX_POLL_QUESTION_CHARS,
    MIN_POLL_ANSWERS, Poll, parse_poll,
};
pub use profile::{
    Author, MAX_AUTHORS, MAX_PROFILE_LINE_CHARS, MAX_PROFILE_NAME_CHARS, MAX_PROFILE_URL_CHARS,
    Profile, ProfileCard, ProfileId, ProfileInput,
};
pub use shared_post::{
    MAX_POST_AUTHOR_CHARS, MAX_POST_TEXT_CHARS, MAX_POST_URL_CHARS, SharedPost, parse_shared_post,
};
pub use snippet::{
    MAX_SNIPPET_NAME_CHARS, MAX_SNIPPETS, Snippet, SnippetId, SnippetInput, SnippetText,
};
pub use tags::{MAX_TAG_CHARS, MAX_TAGS, TAG_COMMAS, parse_tags, same_tag, tag_key};
pub use user::{MAX_USER_NAME_CHARS, Role, TokenScope, User, UserName, parse_token_name};
