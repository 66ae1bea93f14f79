//! Video and sound: the desk's upload of a clip or its captions
//! (`POST /editor/live/{slug}/clips`, multipart, the CSRF token before the file), the
//! file streamed to the shelf's side and never held in memory; and the kept files
//! served to readers with range requests (206), as players ask for them.

use axum::Json;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::assets::MEDIA_CACHE_CONTROL;
use super::auth::SignedIn;
use super::{AppError, AppState, live_page};
use crate::media::{MAX_CAPTIONS_BYTES, MediaError, clip_file};

/// Room in an upload beside its file, for the token and the parts' headers.
pub const CLIP_FORM_BYTES: usize = 64 * 1024;

/// A kept clip or captions file, answered to the desk or the API.
pub fn kept_view(url: &str) -> serde_json::Value {
    let poster = clip_file(url).and_then(|clip| clip.poster);
    json!({ "url": url, "poster": poster })
}

/// Streams the file of the field being read to the shelf's side and keeps it: a clip
/// (field `clip`) or its captions (field `captions`). `None` for any other field.
pub async fn keep_field(
    state: &AppState,
    field: axum::extract::multipart::Field<'_>,
) -> Option<(&'static str, Result<String, MediaError>)> {
    match field.name() {
        Some("clip") => {
            let kept = match state.media.receive(field, state.media.max_clip_bytes).await {
                Ok(upload) => state.media.keep_clip(upload).await,
                Err(problem) => Err(problem),
            };
            Some(("clip", kept))
        }
        Some("captions") => {
            let limit = u64::try_from(MAX_CAPTIONS_BYTES).unwrap_or(u64::MAX);
            let kept = match state.media.receive(field, limit).await {
                Ok(upload) => match upload.read().await {
                    Ok(bytes) => state.media.keep_captions(&bytes).await,
                    Err(problem) => Err(problem.into()),
                },
                Err(MediaError::ClipTooLarge { .. }) => Err(MediaError::NotCaptions),
                Err(problem) => Err(problem),
            };
            Some(("captions", kept))
        }
        _ => None,
    }
}

/// `POST /editor/live/{slug}/clips`: keeps the video or sound file (`clip`) or the
/// captions (`captions`) sent after the form's `csrf_token`, and answers with the
/// address, `{url, poster}`; a refused file is a 422 naming the field.
pub async fn upload(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    request: Request,
) -> Result<Response, AppError> {
    live_page(&state, &slug).await?;
    if !super::has_content_type(request.headers(), "multipart/form-data") {
        // A form that is no upload is still asked for its token first, from a body
        // read only as far as a token goes.
        let body = axum::body::to_bytes(request.into_body(), TOKEN_BYTES)
            .await
            .map_err(|_| AppError::Forbidden)?;
        let form: super::auth::CsrfForm = super::form::decode(&body)?;
        signed_in.check_csrf(&form.csrf_token)?;
        return Err(AppError::UnsupportedMedia(
            "Send the file as multipart/form-data, after the form's csrf_token.".to_owned(),
        ));
    }
    let unreadable = |error: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(format!("The upload could not be read: {error}"))
    };
    let mut multipart = Multipart::from_request(request, &state)
        .await
        .map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    let mut token_checked = false;
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() == Some("csrf_token") {
            signed_in.check_csrf(&token_of(field).await?)?;
            token_checked = true;
            continue;
        }
        // Nothing is written for a request that has not shown its token first.
        if !token_checked {
            return Err(AppError::Forbidden);
        }
        let Some((name, kept)) = keep_field(&state, field).await else {
            continue;
        };
        return Ok(match kept {
            Ok(url) => {
                tracing::info!(user = ?signed_in.session.user, %url, "attached a clip");
                Json(kept_view(&url)).into_response()
            }
            Err(MediaError::Io(error)) => return Err(AppError::Internal(error.to_string())),
            Err(problem @ (MediaError::NoClipTools | MediaError::Busy)) => {
                let error = json!({"error": problem.to_string(), "field": name});
                (StatusCode::SERVICE_UNAVAILABLE, Json(error)).into_response()
            }
            Err(problem) => {
                let error = json!({"error": problem.to_string(), "field": name});
                (StatusCode::UNPROCESSABLE_ENTITY, Json(error)).into_response()
            }
        });
    }
    let error = json!({
        "error": "Choose a video or sound file, or its captions.",
        "field": "clip",
    });
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(error)).into_response())
}

/// The most bytes a form's token field is read to.
const TOKEN_BYTES: usize = 4 * 1024;

/// The form's token, read no further than [`TOKEN_BYTES`]: a longer one is no token.
async fn token_of(mut field: axum::extract::multipart::Field<'_>) -> Result<String, AppError> {
    let mut token = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| AppError::Forbidden)? {
        token.extend_from_slice(&chunk);
        if token.len() > TOKEN_BYTES {
            return Err(AppError::Forbidden);
        }
    }
    String::from_utf8(token).map_err(|_| AppError::Forbidden)
}

/// A kept clip, whole or the one range asked for; `None` for a name that is no clip's.
pub async fn serve(
    state: &AppState,
    name: &str,
    headers: &HeaderMap,
) -> Result<Option<Response>, AppError> {
    let unavailable = |error: std::io::Error| {
        AppError::Unavailable(format!("clips cannot be read just now: {error}"))
    };
    let Some((content_type, size)) = state.media.clip(name).await.map_err(unavailable)? else {
        return Ok(None);
    };
    let asked = headers
        .get(header::RANGE)
        .and_then(|value| value.to_str().ok());
    let (status, start, length) = match asked {
        None => (StatusCode::OK, 0, size),
        Some(asked) => match http_range_header::parse_range_header(asked)
            .and_then(|ranges| ranges.validate(size))
        {
            Ok(ranges) => match ranges.as_slice() {
                [one] => (
                    StatusCode::PARTIAL_CONTENT,
                    *one.start(),
                    one.end() - one.start() + 1,
                ),
                // Several ranges at once are answered with the whole file.
                _ => (StatusCode::OK, 0, size),
            },
            Err(_) => {
                let mut refused = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
                refused.headers_mut().insert(
                    header::CONTENT_RANGE,
                    header_value(&format!("bytes */{size}")),
                );
                return Ok(Some(refused));
            }
        },
    };
    let chunks = state
        .media
        .clip_range(name, start, length)
        .await
        .map_err(unavailable)?;
    let mut response = Response::new(Body::from_stream(chunks));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(MEDIA_CACHE_CONTROL),
    );
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    headers.insert(header::CONTENT_LENGTH, header_value(&length.to_string()));
    if status == StatusCode::PARTIAL_CONTENT {
        let last = start + length - 1;
        headers.insert(
            header::CONTENT_RANGE,
            header_value(&format!("bytes {start}-{last}/{size}")),
        );
    }
    Ok(Some(response))
}

fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}
