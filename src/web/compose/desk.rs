//! What the compose page's script asks for as the editor works: the desk refreshed
//! (readers, the queue, drafts, the stream), a preview of the entry as it is typed, and
//! an image attached the moment it is dropped or pasted. Taking an entry off the
//! schedule is here too. Each works as a plain form or link without the script.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use super::super::auth::{CsrfForm, SignedIn};
use super::super::entry_form::EntrySubmission;
use super::super::error::{Result, render};
use super::super::form::Form;
use super::super::live_page;
use super::super::{AppError, AppState};
use super::view::DeskFragment;
use super::{Done, desk_view, preview as render_preview, require_publisher};
use crate::domain::{DraftId, EntryContent, FieldErrors};
use crate::media::MediaError;
use crate::newsroom::NewsroomError;
use crate::words::Words;

/// The sessions with a live preview being rendered: one at a time each, so a page
/// sending previews as fast as it can waits for its own.
static PREVIEWING: LazyLock<Mutex<HashSet<String>>> = LazyLock::new(Mutex::default);

/// A session's turn at the live preview, given up when dropped.
struct PreviewTurn(String);

impl PreviewTurn {
    fn take(session: &str) -> Option<PreviewTurn> {
        let mut previewing = PREVIEWING.lock().unwrap_or_else(|p| p.into_inner());
        previewing
            .insert(session.to_owned())
            .then(|| PreviewTurn(session.to_owned()))
    }
}

impl Drop for PreviewTurn {
    fn drop(&mut self) {
        PREVIEWING
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&self.0);
    }
}

/// What keeps a typed entry from being published, shown where its preview would be.
#[derive(Template)]
#[template(path = "editor/preview_problems.html")]
struct PreviewProblems<'a> {
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    errors: &'a FieldErrors,
}

/// `GET /editor/live/{slug}/desk`: the desk alone.
pub async fn desk(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
) -> Result<Html<String>> {
    let page = live_page(&state, &slug).await?;
    render(&DeskFragment {
        desk: desk_view(&state, &signed_in, &page).await?,
    })
}

/// `POST /editor/live/{slug}/preview`: the entry form's fields rendered as readers would
/// see them, while they are typed. An entry without a headline or text yet is shown
/// with a placeholder; anything else wrong is listed instead (422).
pub async fn preview(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    submission: EntrySubmission,
) -> Result<Response> {
    signed_in.check_csrf(&submission.csrf_token)?;
    let page = live_page(&state, &slug).await?;
    let Some(_turn) = PreviewTurn::take(signed_in.csrf_token()) else {
        return Ok((
            StatusCode::TOO_MANY_REQUESTS,
            [(axum::http::header::RETRY_AFTER, "1")],
            "The last preview is still being made.",
        )
            .into_response());
    };
    let w = signed_in.words();
    let mut input = submission.input;
    if input.title.trim().is_empty() {
        input.title = w.get("preview-no-headline");
    }
    if input.body.trim().is_empty() {
        // In italics, in Markdown: it is not the entry's text.
        input.body = format!("*{}*", w.get("preview-no-text"));
    }
    let checked = match EntryContent::parse(&input) {
        Ok(checked) => checked,
        Err(errors) => {
            let html = render(&PreviewProblems { w, errors: &errors })?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
    };
    // A profile's name half typed is no problem yet: the preview shows those found.
    let checked = state.newsroom.with_authors_found(checked).await?;
    let html = render_preview(&page, checked, &signed_in.session.user).await?;
    Ok(Html(html).into_response())
}

/// `POST /editor/live/{slug}/images`: keeps an image the moment it is attached and
/// answers with its address, `{"url": "/media/…"}`, or why not (422).
pub async fn upload_image(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    submission: EntrySubmission,
) -> Result<Response> {
    signed_in.check_csrf(&submission.csrf_token)?;
    live_page(&state, &slug).await?;
    let Some(bytes) = submission.image else {
        let words = signed_in.words();
        let error = json!({"error": words.get("form-choose-image"), "field": "image"});
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(error)).into_response());
    };
    match state.media.keep(&bytes).await {
        Ok(url) => {
            tracing::info!(user = ?signed_in.session.user, %url, "attached an image");
            Ok(Json(json!({ "url": url })).into_response())
        }
        Err(MediaError::Io(error)) => Err(AppError::Internal(error.to_string())),
        Err(problem) => {
            let error = json!({"error": problem.to_string(), "field": "image"});
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(error)).into_response())
        }
    }
}

/// `POST /editor/live/{slug}/drafts/{id}/unschedule`: takes an entry off the schedule;
/// it stays among its author's drafts.
pub async fn unschedule(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let id = DraftId(id.parse().map_err(|_| AppError::NotFound)?);
    match state.newsroom.unschedule(&slug, id).await {
        Ok(()) => {
            tracing::info!(user = ?signed_in.session.user, draft = %id, "took an entry off the schedule");
            Ok(Done::Unscheduled.to(&slug).into_response())
        }
        // Published already (or cancelled by a colleague).
        Err(NewsroomError::NotFound) => Ok(Done::Gone.to(&slug).into_response()),
        Err(other) => Err(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::PreviewTurn;

    #[test]
    fn a_session_previews_one_at_a_time() {
        let first = PreviewTurn::take("session-a").unwrap();
        assert!(PreviewTurn::take("session-a").is_none());
        assert!(PreviewTurn::take("session-b").is_some(), "others go on");
        drop(first);
        assert!(PreviewTurn::take("session-a").is_some());
    }
}
