//! An entry's history, for editors: every version kept, newest first, with who saved it
//! and when, and what changed from the version before it (the headline and the text
//! word by word, the rest field by field).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use similar::{ChangeTag, TextDiff};

use super::super::auth::SignedIn;
use super::super::error::{Result, render};
use super::super::{AppError, AppState};
use super::{entry_id, require_publisher};
use crate::domain::{Entry, Revision, time};
use crate::read_model::LivePage;
use crate::words::Words;

/// A piece of a changed value: as it was, as it is now, or both.
pub struct Piece {
    /// `same`, `removed` or `added`.
    pub kind: &'static str,
    pub text: String,
}

/// One field that changed between two versions.
pub struct Change {
    /// The field's name, in the editor's words.
    pub field: String,
    pub pieces: Vec<Piece>,
}

/// One version as the history lists it.
pub struct Version {
    pub number: u32,
    /// When and by whom, in the page's time zone.
    pub saved: String,
    /// Empty for the first version kept, and for a save that changed nothing shown.
    pub changes: Vec<Change>,
    pub first: bool,
}

#[derive(Template)]
#[template(path = "editor/history.html")]
struct HistoryPage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    page: &'a LivePage,
    title: &'a str,
    /// Newest first.
    versions: Vec<Version>,
    /// The first version kept is not the entry's first: it was saved before entries
    /// kept their history.
    older_not_kept: bool,
}

/// `GET /editor/live/{slug}/entries/{id}/history`.
pub async fn history(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Html<String>> {
    require_publisher(&signed_in)?;
    let page = super::super::live_page(&state, &slug).await?;
    let id = entry_id(&id)?;
    let entry = page.entry(id).ok_or(AppError::NotFound)?;
    let revisions = state.newsroom.revisions(page.blog.id, id).await?;
    let w = signed_in.words();
    let versions = versions(&revisions, &page, &w);
    render(&HistoryPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        older_not_kept: revisions.first().is_none_or(|r| r.entry.version > 1),
        versions,
        title: &entry.entry.title,
        page: &page,
        w,
    })
}

/// The versions newest first, each with what changed from the one kept before it.
fn versions(revisions: &[Revision], page: &LivePage, w: &Words) -> Vec<Version> {
    let zone = page.blog.time_zone;
    let mut listed: Vec<Version> = revisions
        .iter()
        .enumerate()
        .map(|(at, revision)| Version {
            number: revision.entry.version,
            saved: w.with(
                "history-saved",
                &[
                    ("time", time::published(revision.saved_at, zone).into()),
                    ("user", revision.saved_by.as_str().into()),
                ],
            ),
            changes: match at.checked_sub(1).and_then(|before| revisions.get(before)) {
                Some(before) => changes(&before.entry, &revision.entry, page, w),
                None => Vec::new(),
            },
            first: at == 0,
        })
        .collect();
    listed.reverse();
    listed
}

/// What changed from `before` to `after`, field by field.
fn changes(before: &Entry, after: &Entry, page: &LivePage, w: &Words) -> Vec<Change> {
    let zone = page.blog.time_zone;
    let yes_no = |on: bool| w.get(if on { "history-yes" } else { "history-no" });
    let label = |entry: &Entry| {
        entry
            .label
            .as_ref()
            .map(|l| crate::fragments::label_name(l, w))
            .unwrap_or_default()
    };
    let byline = |entry: &Entry, role: bool| {
        entry
            .byline
            .as_ref()
            .and_then(|b| {
                if role {
                    b.role.clone()
                } else {
                    Some(b.name.clone())
                }
            })
            .unwrap_or_default()
    };
    let image = |entry: &Entry, part: fn(&crate::domain::Image) -> Option<String>| {
        entry.image.as_ref().and_then(part).unwrap_or_default()
    };
    let notes = |entry: &Entry| {
        entry
            .corrections
            .iter()
            .map(|c| c.note.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let fields: [(&str, String, String, bool); 13] = [
        (
            "form-headline",
            before.title.clone(),
            after.title.clone(),
            true,
        ),
        ("form-text", before.body.clone(), after.body.clone(), true),
        ("form-label", label(before), label(after), false),
        (
            "form-byline-name",
            byline(before, false),
            byline(after, false),
            false,
        ),
        (
            "form-byline-role",
            byline(before, true),
            byline(after, true),
            false,
        ),
        (
            "form-image-address",
            image(before, |i| Some(i.url.clone())),
            image(after, |i| Some(i.url.clone())),
            false,
        ),
        (
            "form-alt-text",
            image(before, |i| Some(i.alt.clone())),
            image(after, |i| Some(i.alt.clone())),
            true,
        ),
        (
            "form-caption",
            image(before, |i| i.caption.clone()),
            image(after, |i| i.caption.clone()),
            true,
        ),
        (
            "form-credit",
            image(before, |i| i.credit.clone()),
            image(after, |i| i.credit.clone()),
            false,
        ),
        (
            "form-key-event",
            yes_no(before.key_event),
            yes_no(after.key_event),
            false,
        ),
        (
            "form-pin",
            yes_no(before.pinned),
            yes_no(after.pinned),
            false,
        ),
        (
            "history-publication-time",
            time::published(before.published_at, zone),
            time::published(after.published_at, zone),
            false,
        ),
        (
            "history-correction-notes",
            notes(before),
            notes(after),
            true,
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, old, new, _)| old != new)
        .map(|(key, old, new, by_word)| Change {
            field: w.get(key),
            pieces: if by_word {
                word_by_word(&old, &new)
            } else {
                whole(old, new)
            },
        })
        .collect()
}

/// The text's changes word by word: what stayed, what went, what came.
fn word_by_word(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::from_unicode_words(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => "same",
            ChangeTag::Delete => "removed",
            ChangeTag::Insert => "added",
        };
        match pieces.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => pieces.push(Piece {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    pieces
}

/// A value that changed as a whole: as it was, then as it is.
fn whole(old: String, new: String) -> Vec<Piece> {
    [("removed", old), ("added", new)]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(kind, text)| Piece { kind, text })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::word_by_word;

    #[test]
    fn a_changed_figure_is_one_word_out_and_one_in() {
        let pieces = word_by_word("12,000 homes without power", "14,000 homes without power");
        let shown: Vec<(&str, &str)> = pieces.iter().map(|p| (p.kind, p.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                ("removed", "12,000"),
                ("added", "14,000"),
                ("same", " homes without power")
            ]
        );
    }
}
