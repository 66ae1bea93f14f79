//! What editors do to published entries: correct them (on a page of their own, or
//! inside the compose page's stream), pin and unpin them, mark and unmark key events,
//! and delete them after a confirmation step, or restore them within 30 days.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::super::auth::{CsrfForm, SignedIn};
use super::super::entry_form::EntrySubmission;
use super::super::error::{Result, render};
use super::super::form::Form;
use super::super::live_page;
use super::super::{AppError, AppState};
use super::command::{Command, Subject};
use super::sent::{answer, respond};
use super::view::{Editing, Purpose};
use super::{Done, entry_form, entry_id, require_publisher};
use crate::domain::{EntryId, time};
use crate::newsroom::Mark;
use crate::read_model::{LivePage, RenderedEntry};
use crate::words::Words;

pub fn router(upload_limit: DefaultBodyLimit) -> Router<AppState> {
    Router::new()
        .route(
            "/live/{slug}/entries/{id}",
            get(correction_form).post(correct).layer(upload_limit),
        )
        .route("/live/{slug}/entries/{id}/pin", post(pin))
        .route("/live/{slug}/entries/{id}/key-event", post(key_event))
        .route("/live/{slug}/entries/{id}/close-poll", post(close_poll))
        .route("/live/{slug}/entries/{id}/restore", post(restore))
        .route(
            "/live/{slug}/entries/{id}/delete",
            get(confirm_delete).post(delete),
        )
}

/// `?inline=1`: the compose page's script asks, to show the answer inside the page.
#[derive(Deserialize)]
struct Inline {
    inline: Option<String>,
}

impl Inline {
    fn wanted(&self) -> bool {
        self.inline.is_some()
    }

    /// What a change from the desk's buttons answers: nothing (204) to the script,
    /// which brings the desk up to date itself; the compose page saying `done`, after a
    /// plain form.
    fn answer(&self, done: Done, slug: &str) -> Response {
        if self.wanted() {
            StatusCode::NO_CONTENT.into_response()
        } else {
            done.to(slug).into_response()
        }
    }
}

/// The form a correction of entry `id` is made in, from `version`; `theirs`, when
/// someone else saved it first.
pub(super) async fn correction<'a>(
    state: &AppState,
    signed_in: &SignedIn,
    id: EntryId,
    version: u32,
    theirs: Option<&'a RenderedEntry>,
) -> Purpose<'a> {
    Purpose::Correction(Editing {
        id,
        version,
        theirs,
        others_editing: state.presence.others(id, &signed_in.session.user).await,
    })
}

async fn correction_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<Inline>,
) -> Result<Response> {
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug).await?;
    let id = entry_id(&id)?;
    let entry = page.entry(id).ok_or(AppError::NotFound)?;
    state.presence.opened(id, &signed_in.session.user).await;
    let purpose = correction(&state, &signed_in, id, entry.entry.version, None).await;
    let mut form = entry_form(
        &state,
        &signed_in,
        &page,
        purpose,
        entry.entry.to_input().into(),
    )
    .await;
    form.inline = inline.wanted();
    form.published_at = time::local_input(entry.entry.published_at, page.blog.time_zone);
    respond(&state, &signed_in, &page, form, StatusCode::OK).await
}

async fn correct(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<Inline>,
    submission: EntrySubmission,
) -> Result<Response> {
    signed_in.check_csrf(&submission.csrf_token)?;
    let entry = Subject::Published {
        entry: entry_id(&id)?,
        version: submission.version,
    };
    let mut command = Command::read(&signed_in, entry, submission)?;
    let page = live_page(&state, &slug).await?;
    let outcome = command.run(&state, &page).await?;
    answer(&state, &signed_in, &page, command, outcome, inline.wanted()).await
}

/// The pin and key event buttons: each sends its flag's new value.
#[derive(Deserialize)]
struct MarkForm {
    #[serde(default)]
    csrf_token: String,
    pinned: Option<String>,
    key_event: Option<String>,
}

fn flag(value: Option<&str>, field: &str) -> Result<bool> {
    match value {
        Some("true") => Ok(true),
        Some("false") => Ok(false),
        _ => Err(AppError::BadRequest(format!(
            "The form's {field} must be true or false; nothing was saved."
        ))),
    }
}

async fn marked(
    state: &AppState,
    signed_in: &SignedIn,
    slug: &str,
    id: &str,
    mark: Mark,
    inline: &Inline,
) -> Result<Response> {
    require_publisher(signed_in)?;
    let id = entry_id(id)?;
    state
        .newsroom
        .mark(slug, id, mark, &signed_in.session.user)
        .await?;
    tracing::info!(user = ?signed_in.session.user, entry = %id, ?mark, "marked");
    Ok(inline.answer(Done::Marked, slug))
}

async fn pin(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<Inline>,
    Form(form): Form<MarkForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    let on = flag(form.pinned.as_deref(), "pinned")?;
    marked(&state, &signed_in, &slug, &id, Mark::Pinned(on), &inline).await
}

async fn key_event(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<Inline>,
    Form(form): Form<MarkForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    let on = flag(form.key_event.as_deref(), "key_event")?;
    marked(&state, &signed_in, &slug, &id, Mark::KeyEvent(on), &inline).await
}

/// The poll's Close button: no vote counts after it, and readers see the final counts.
async fn close_poll(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<Inline>,
    Form(form): Form<MarkForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    marked(&state, &signed_in, &slug, &id, Mark::PollClosed, &inline).await
}

#[derive(Template)]
#[template(path = "editor/confirm_delete.html")]
struct ConfirmDelete<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    page: &'a LivePage,
    entry: &'a RenderedEntry,
}

/// The step before a deletion: the entry as readers see it, and a button to go on.
async fn confirm_delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Html<String>> {
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug).await?;
    let entry = page.entry(entry_id(&id)?).ok_or(AppError::NotFound)?;
    render(&ConfirmDelete {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        w: signed_in.words(),
        csrf_token: signed_in.csrf_token(),
        page: &page,
        entry,
    })
}

async fn delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<Inline>,
    Form(form): Form<CsrfForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let id = entry_id(&id)?;
    state
        .newsroom
        .delete(&slug, id, &signed_in.session.user)
        .await?;
    tracing::info!(user = ?signed_in.session.user, entry = %id, "deleted");
    Ok(inline.answer(Done::Deleted, &slug))
}

/// Puts a deleted entry back where it was, for every reader.
async fn restore(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<Inline>,
    Form(form): Form<CsrfForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let id = entry_id(&id)?;
    state.newsroom.restore(&slug, id).await?;
    tracing::info!(user = ?signed_in.session.user, entry = %id, "restored");
    Ok(inline.answer(Done::Restored, &slug))
}
