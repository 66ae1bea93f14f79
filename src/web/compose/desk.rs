//! What the compose page's script asks for as the editor works: the desk refreshed
//! (readers, the queue, drafts, the stream), a preview of the entry as it is typed, and
//! an image attached the moment it is dropped or pasted. Taking an entry off the
//! schedule is here too. Each works as a plain form or link without the script.

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;
use tokio::sync::Semaphore;

use super::super::auth::{CsrfForm, SignedIn};
use super::super::entry_form::EntrySubmission;
use super::super::error::{Result, render};
use super::super::form::Form;
use super::super::live_page;
use super::super::{AppError, AppState};
use super::view::DeskFragment;
use super::{Done, desk_view, preview as render_preview, require_publisher};
use crate::domain::{DraftId, EntryDraft, FieldErrors};
use crate::media::MediaError;
use crate::newsroom::NewsroomError;

/// Previews rendered at once. Markdown costs CPU in proportion to its length, so it is
/// rendered off the async workers, and only this many at a time.
const PREVIEWS_AT_ONCE: usize = 2;
static PREVIEWING: Semaphore = Semaphore::const_new(PREVIEWS_AT_ONCE);

/// What keeps a typed entry from being published, shown where its preview would be.
#[derive(Template)]
#[template(path = "editor/preview_problems.html")]
struct PreviewProblems<'a> {
    errors: &'a FieldErrors,
}

/// `GET /editor/live/{slug}/desk`: the desk alone.
pub async fn desk(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
) -> Result<Html<String>> {
    let page = live_page(&state, &slug)?;
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
    let page = live_page(&state, &slug)?;
    let mut input = submission.input;
    if input.title.trim().is_empty() {
        input.title = "(No headline yet)".into();
    }
    if input.body.trim().is_empty() {
        input.body = "*(No text yet)*".into();
    }
    let checked = match EntryDraft::parse(&input) {
        Ok(checked) => checked,
        Err(errors) => {
            let html = render(&PreviewProblems { errors: &errors })?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
    };
    let _turn = PREVIEWING
        .acquire()
        .await
        .map_err(|_| AppError::Internal("the preview queue closed".into()))?;
    let page = Arc::clone(&page);
    let user = signed_in.session.user.clone();
    let html = tokio::task::spawn_blocking(move || render_preview(&page, checked, &user))
        .await
        .map_err(|e| AppError::Internal(format!("preview: {e}")))?;
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
    live_page(&state, &slug)?;
    let Some(bytes) = submission.image else {
        let error = json!({"error": "Choose an image to attach.", "field": "image"});
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
