//! A page's callout, as readers answer it: text, a first name and place, maybe a photo
//! (decoded and stripped like every upload) and a contact address for editors only.
//! Nothing is shown to any reader until an editor publishes it. A filled-in hidden
//! field (which people never see) marks a robot: it is thanked and nothing is kept.

use askama::Template;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;

use super::client::ClientAddress;
use super::error::{Result, render};
use super::form::multipart_with_file;
use super::{AppError, AppState};
use crate::domain::{ContributionText, FieldErrors};
use crate::media::MediaError;
use crate::newsroom::NewsroomError;
use crate::read_model::LivePage;

/// Room for the form's text fields beside the photo.
const TEXT_FIELDS_BYTES: usize = 64 * 1024;

pub fn router(max_upload_bytes: usize) -> Router<AppState> {
    Router::new().route(
        "/live/{slug}/contributions",
        post(send).layer(axum::extract::DefaultBodyLimit::max(
            max_upload_bytes + TEXT_FIELDS_BYTES,
        )),
    )
}

#[derive(Default, Deserialize)]
struct Sent {
    #[serde(default)]
    text: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    contact: String,
    /// The hidden field only robots fill in.
    #[serde(default)]
    website: String,
}

/// The answer for a reader without script: thanks, or what to put right.
#[derive(Template)]
#[template(path = "callout_sent.html")]
struct SentPage<'a> {
    page: &'a LivePage,
    message: String,
    errors: FieldErrors,
}

/// `POST /live/{slug}/contributions`.
async fn send(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    request: Request,
) -> Result<Response> {
    let page = state.newsroom.page(&slug).await?;
    let by_script = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
    let words = &page.words;
    let Some(callout) = page.blog.callout.clone().filter(|_| page.blog.is_live()) else {
        return answer(
            &page,
            by_script,
            StatusCode::FORBIDDEN,
            words.get("callout-closed"),
            FieldErrors::default(),
        );
    };
    let (sent, _, photo): (Sent, _, _) = multipart_with_file(request, &state, "photo")
        .await
        .map_err(|_| AppError::BadRequest(words.get("callout-unreadable")))?;
    if !sent.website.trim().is_empty() {
        tracing::info!(page = %slug, "a contribution with the hidden field filled in was dropped");
        return answer(
            &page,
            by_script,
            StatusCode::OK,
            words.get("callout-thanks"),
            FieldErrors::default(),
        );
    }
    let text = match ContributionText::parse(&sent.text, &sent.name, &sent.place, &sent.contact) {
        Ok(text) => text,
        Err(errors) => {
            let first = errors
                .first()
                .map(|e| e.message.clone())
                .unwrap_or_default();
            return answer(
                &page,
                by_script,
                StatusCode::UNPROCESSABLE_ENTITY,
                first,
                errors,
            );
        }
    };
    let allowed =
        (state.contributions.may_send(page.blog.id, address).await).map_err(NewsroomError::from)?;
    if allowed.is_err() {
        return answer(
            &page,
            by_script,
            StatusCode::TOO_MANY_REQUESTS,
            words.get("callout-too-many"),
            FieldErrors::default(),
        );
    }
    let photo_url = match photo {
        None => None,
        Some(bytes) => match state.media.keep(&bytes).await {
            Ok(url) => Some(url),
            Err(MediaError::Io(error)) => return Err(AppError::Internal(error.to_string())),
            Err(problem) => {
                let mut errors = FieldErrors::default();
                errors.add("photo", problem.to_string());
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                return answer(&page, by_script, status, problem.to_string(), errors);
            }
        },
    };
    let id = (state
        .contributions
        .keep(page.blog.id, callout.kind, &text, photo_url.as_deref())
        .await)
        .map_err(NewsroomError::from)?;
    // Who sent it and how to reach them stay out of the log.
    tracing::info!(page = %slug, contribution = id, "a reader sent something");
    answer(
        &page,
        by_script,
        StatusCode::OK,
        words.get("callout-thanks"),
        FieldErrors::default(),
    )
}

fn answer(
    page: &LivePage,
    by_script: bool,
    status: StatusCode,
    message: String,
    errors: FieldErrors,
) -> Result<Response> {
    if by_script {
        let body = match status.is_success() {
            true => serde_json::json!({ "sent": true, "message": message }),
            false => serde_json::json!({
                "error": message,
                "field": errors.first().map(|e| e.field),
            }),
        };
        return Ok((status, Json(body)).into_response());
    }
    let html = render(&SentPage {
        page,
        message,
        errors,
    })?;
    Ok((status, html).into_response())
}
