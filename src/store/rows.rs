//! Reading rows back into the newsroom's types, and the text form of times and flags.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::StoreError;
use crate::domain::{
    Author, Blog, BlogId, BlogStatus, Byline, Clip, Correction, Draft, DraftId, Entry, EntryId,
    Image, Label, Role, SentBack, SharedPost, Slug, UnreadableDraft, User,
};

/// The columns of `entries` that [`entry`] reads, for queries written as literals.
macro_rules! entry_columns {
    () => {
        "id, title, body, label, author_name, author_role, image_url, image_alt, \
         image_caption, image_credit, key_event, pinned, published_at, updated_at, \
         created_by, updated_by, version, post, tags, authors, gallery, clip, label_names, poll"
    };
}
pub(crate) use entry_columns;

/// The columns of `drafts` that [`draft`] reads.
macro_rules! draft_columns {
    () => {
        "id, blog_id, input, created_by, submitted, review_note, reviewed_by, publish_at, \
         updated_at"
    };
}
pub(crate) use draft_columns;

/// The columns of `blogs` that [`blog`] reads.
macro_rules! blog_columns {
    () => {
        "id, slug, title, description, summary, time_zone, status, created_at, last_seq, \
         reading_order, embed_origins, language, callout"
    };
}
pub(crate) use blog_columns;

/// Times are kept as RFC 3339 text in UTC, to the microsecond, so they sort as text.
pub fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn parse_time(value: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("unreadable time {value:?}")))
}

pub fn flag(value: bool) -> i64 {
    i64::from(value)
}

/// An API token's scope, from its `page_slug` and `read_only` columns.
pub fn token_scope(row: &AnyRow) -> Result<crate::domain::TokenScope, StoreError> {
    Ok(crate::domain::TokenScope {
        page: optional_text(row, "page_slug")?,
        read_only: integer(row, "read_only")? != 0,
    })
}

pub fn text(row: &AnyRow, column: &str) -> Result<String, StoreError> {
    Ok(row.try_get::<String, _>(column)?)
}

pub fn optional_text(row: &AnyRow, column: &str) -> Result<Option<String>, StoreError> {
    Ok(row.try_get::<Option<String>, _>(column)?)
}

pub fn integer(row: &AnyRow, column: &str) -> Result<i64, StoreError> {
    Ok(row.try_get::<i64, _>(column)?)
}

/// Entries' numbers as a list for `IN (…)`: numbers only, written by us, so safe to
/// put in a query's text.
pub fn id_list(ids: &[EntryId]) -> String {
    let ids: Vec<String> = ids.iter().map(|id| id.0.to_string()).collect();
    ids.join(", ")
}

pub fn optional_integer(row: &AnyRow, column: &str) -> Result<Option<i64>, StoreError> {
    Ok(row.try_get::<Option<i64>, _>(column)?)
}

pub fn seq(row: &AnyRow, column: &str) -> Result<u64, StoreError> {
    u64::try_from(integer(row, column)?)
        .map_err(|_| StoreError::Corrupt("negative sequence number".into()))
}

pub fn blog(row: &AnyRow) -> Result<(Blog, u64), StoreError> {
    let slug = text(row, "slug")?;
    let summary = text(row, "summary")?;
    let zone = text(row, "time_zone")?;
    let status = match text(row, "status")?.as_str() {
        "live" => BlogStatus::Live,
        "closed" => BlogStatus::Closed,
        other => {
            return Err(StoreError::Corrupt(format!(
                "unknown page status {other:?}"
            )));
        }
    };
    let blog = Blog {
        id: BlogId(integer(row, "id")?),
        slug: Slug::parse(&slug).map_err(|_| StoreError::Corrupt(format!("bad slug {slug:?}")))?,
        title: text(row, "title")?,
        description: text(row, "description")?,
        summary: serde_json::from_str(&summary)
            .map_err(|_| StoreError::Corrupt("bad summary".into()))?,
        time_zone: zone
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("bad time zone {zone:?}")))?,
        status,
        created_at: parse_time(&text(row, "created_at")?)?,
        oldest_first: text(row, "reading_order")? == "oldest",
        embed_origins: text(row, "embed_origins")?
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        language: text(row, "language")?,
        callout: optional_text(row, "callout")?
            .map(|kept| {
                serde_json::from_str(&kept)
                    .map_err(|e| StoreError::Corrupt(format!("bad callout: {e}")))
            })
            .transpose()?,
    };
    Ok((blog, seq(row, "last_seq")?))
}

/// A shared post as its column keeps it.
pub fn post_text(post: &SharedPost) -> String {
    serde_json::to_string(post).expect("a shared post is strings only")
}

/// A label's names as their column keeps them: none as NULL.
pub fn label_names_text(label: &Label) -> Option<String> {
    (!label.names.is_empty())
        .then(|| serde_json::to_string(&label.names).expect("names are strings only"))
}

/// A poll as its column keeps it (its counts are kept in their own table).
pub fn poll_text(poll: &crate::domain::Poll) -> String {
    serde_json::to_string(poll).expect("a poll is strings and numbers only")
}

/// A clip as its column keeps it.
pub fn clip_text(clip: &Clip) -> String {
    serde_json::to_string(clip).expect("a clip is strings only")
}

/// Tags as their column keeps them: none as NULL.
pub fn tags_text(tags: &[String]) -> Option<String> {
    (!tags.is_empty()).then(|| serde_json::to_string(tags).expect("tags are strings only"))
}

/// A list kept as JSON in `column`: none as NULL.
fn json_list<T: serde::de::DeserializeOwned>(
    row: &AnyRow,
    column: &str,
) -> Result<Vec<T>, StoreError> {
    optional_text(row, column)?
        .map(|kept| {
            serde_json::from_str(&kept)
                .map_err(|e| StoreError::Corrupt(format!("bad {column}: {e}")))
        })
        .transpose()
        .map(Option::unwrap_or_default)
}

/// A gallery as its column keeps it: none as NULL.
pub fn gallery_text(gallery: &[Image]) -> Option<String> {
    (!gallery.is_empty()).then(|| serde_json::to_string(gallery).expect("images are strings only"))
}

/// The profiles an entry names as their column keeps them: none as NULL.
pub fn authors_text(authors: &[Author]) -> Option<String> {
    (!authors.is_empty()).then(|| serde_json::to_string(authors).expect("authors are strings only"))
}

pub fn entry(row: &AnyRow) -> Result<Entry, StoreError> {
    let label = match optional_text(row, "label")? {
        None => None,
        Some(key) => Some(Label {
            key,
            names: optional_text(row, "label_names")?
                .map(|kept| serde_json::from_str(&kept))
                .transpose()
                .map_err(|e| StoreError::Corrupt(format!("bad label names: {e}")))?
                .unwrap_or_default(),
        }),
    };
    let byline = optional_text(row, "author_name")?.map(|name| -> Result<Byline, StoreError> {
        Ok(Byline {
            name,
            role: optional_text(row, "author_role")?,
        })
    });
    let image = match (
        optional_text(row, "image_url")?,
        optional_text(row, "image_alt")?,
    ) {
        (Some(url), Some(alt)) => Some(Image {
            url,
            alt,
            caption: optional_text(row, "image_caption")?,
            credit: optional_text(row, "image_credit")?,
        }),
        _ => None,
    };
    Ok(Entry {
        id: EntryId(integer(row, "id")?),
        title: text(row, "title")?,
        body: text(row, "body")?,
        label,
        byline: byline.transpose()?,
        image,
        key_event: integer(row, "key_event")? != 0,
        pinned: integer(row, "pinned")? != 0,
        published_at: parse_time(&text(row, "published_at")?)?,
        updated_at: optional_text(row, "updated_at")?
            .as_deref()
            .map(parse_time)
            .transpose()?,
        created_by: optional_text(row, "created_by")?,
        updated_by: optional_text(row, "updated_by")?,
        version: u32::try_from(integer(row, "version")?)
            .map_err(|_| StoreError::Corrupt("bad entry version".into()))?,
        post: optional_text(row, "post")?
            .map(|kept| {
                serde_json::from_str(&kept)
                    .map_err(|e| StoreError::Corrupt(format!("bad shared post: {e}")))
            })
            .transpose()?,
        tags: json_list(row, "tags")?,
        authors: json_list(row, "authors")?,
        gallery: json_list(row, "gallery")?,
        clip: optional_text(row, "clip")?
            .map(|kept| {
                serde_json::from_str(&kept)
                    .map_err(|e| StoreError::Corrupt(format!("bad clip: {e}")))
            })
            .transpose()?,
        poll: optional_text(row, "poll")?
            .map(|kept| {
                serde_json::from_str(&kept)
                    .map_err(|e| StoreError::Corrupt(format!("bad poll: {e}")))
            })
            .transpose()?,
        // Read from their own table and put in by the store.
        corrections: Vec::new(),
    })
}

/// A correction row: the entry it belongs to, and the note.
pub fn correction(row: &AnyRow) -> Result<(EntryId, Correction), StoreError> {
    Ok((
        EntryId(integer(row, "entry_id")?),
        Correction {
            note: text(row, "note")?,
            at: parse_time(&text(row, "at")?)?,
        },
    ))
}

pub fn draft(row: &AnyRow) -> Result<Draft, StoreError> {
    let input = text(row, "input")?;
    let sent_back = match (
        optional_text(row, "review_note")?,
        optional_text(row, "reviewed_by")?,
    ) {
        (Some(note), by) => Some(SentBack {
            note,
            by: by.unwrap_or_default(),
        }),
        (None, _) => None,
    };
    Ok(Draft {
        id: DraftId(integer(row, "id")?),
        blog: BlogId(integer(row, "blog_id")?),
        input: serde_json::from_str(&input)
            .map_err(|_| StoreError::Corrupt("unreadable draft".into()))?,
        created_by: text(row, "created_by")?,
        submitted: integer(row, "submitted")? != 0,
        sent_back,
        publish_at: optional_text(row, "publish_at")?
            .map(|at| parse_time(&at))
            .transpose()?,
        updated_at: parse_time(&text(row, "updated_at")?)?,
    })
}

/// A draft's row read back, or what could not be read of it, with the draft's id and
/// page: one row that cannot be read never stops a list of them.
pub fn draft_or_unreadable(row: &AnyRow) -> Result<Draft, UnreadableDraft> {
    draft(row).map_err(|error| UnreadableDraft {
        id: DraftId(integer(row, "id").unwrap_or_default()),
        blog: BlogId(integer(row, "blog_id").unwrap_or_default()),
        problem: match error {
            StoreError::Corrupt(what) => what,
            other => other.to_string(),
        },
    })
}

pub fn role(value: &str) -> Result<Role, StoreError> {
    Role::parse(value).ok_or_else(|| StoreError::Corrupt(format!("unknown role {value:?}")))
}

pub fn user(row: &AnyRow) -> Result<User, StoreError> {
    Ok(User {
        name: text(row, "name")?,
        role: role(&text(row, "role")?)?,
        password_hash: text(row, "password_hash")?,
        language: text(row, "language")?,
    })
}

pub fn time(row: &AnyRow, column: &str) -> Result<DateTime<Utc>, StoreError> {
    parse_time(&text(row, column)?)
}

pub fn string(row: &AnyRow, column: &str) -> Result<String, StoreError> {
    text(row, column)
}

/// An entry kept whole, as JSON: a deleted one, or one version of one.
pub fn entry_json(entry: &Entry) -> Result<String, StoreError> {
    serde_json::to_string(entry).map_err(|error| StoreError::Corrupt(format!("an entry: {error}")))
}

/// The entry kept whole as JSON in `column`.
pub fn entry_from_json(row: &AnyRow, column: &str) -> Result<Entry, StoreError> {
    serde_json::from_str(&text(row, column)?)
        .map_err(|error| StoreError::Corrupt(format!("a kept entry: {error}")))
}

/// What `read` makes of each row. A row it cannot read is logged, as `what` with the
/// number in its `key` column, and left out: it never stands in the way of the rest.
pub fn readable<T>(
    rows: &[AnyRow],
    key: &str,
    what: &str,
    read: impl Fn(&AnyRow) -> Result<T, StoreError>,
) -> Vec<T> {
    rows.iter()
        .filter_map(|row| match read(row) {
            Ok(value) => Some(value),
            Err(problem) => {
                let number = integer(row, key).unwrap_or_default();
                tracing::warn!(number, %problem, "{what} cannot be read");
                None
            }
        })
        .collect()
}
