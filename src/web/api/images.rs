//! Images through the API: `POST /api/v1/images`, multipart with one `image` field,
//! checked exactly as the entry form's (read by its bytes, decoded within limits,
//! drawn again without its metadata), answers with the address to give an entry as
//! `image_url`.

use axum::Json;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

use super::super::{AppState, has_content_type};
use super::error::{ApiError, ApiResult, ErrorBody};
use super::request::ApiClient;
use crate::media::MediaError;

/// A kept image's address.
#[derive(Serialize, ToSchema)]
pub(super) struct ImageView {
    /// `/media/…`: give it to an entry as `image_url`.
    url: String,
}

/// The `image` field of a multipart body, read whole.
pub(super) struct ImageUpload(axum::body::Bytes);

impl PartialSchema for ImageUpload {
    fn schema() -> RefOr<Schema> {
        let image = super::schema::file().description(Some(
            "A JPEG, PNG, WebP or GIF, within the server's upload limit and the sizes an \
             entry's image may have.",
        ));
        // Other fields are let be: forms often carry more than the file.
        let form = utoipa::openapi::schema::ObjectBuilder::new()
            .description(Some(
                "A multipart form with the image in a field named `image`.",
            ))
            .property("image", image)
            .required("image");
        RefOr::T(Schema::Object(form.build()))
    }
}

impl ToSchema for ImageUpload {}

impl FromRequest<AppState> for ImageUpload {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> ApiResult<Self> {
        if !has_content_type(request.headers(), "multipart/form-data") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the image as multipart/form-data, in a field named image",
            ));
        }
        let too_large = |status: StatusCode| {
            let mut error = if status == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    status,
                    format!("the image is larger than {} bytes", state.media.max_bytes),
                )
            } else {
                ApiError::new(
                    status,
                    "the multipart body could not be read; send the image in a field named image",
                )
            };
            error.field = Some("image".into());
            error
        };
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|rejection| too_large(rejection.status()))?;
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|error| too_large(error.status()))?
        {
            if field.name() == Some("image") {
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|error| too_large(error.status()))?;
                return Ok(ImageUpload(bytes));
            }
        }
        let mut error = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "send the image in a field named image",
        );
        error.field = Some("image".into());
        Err(error)
    }
}

/// `POST /api/v1/images`: keeps an image; answers 201 with its address.
#[utoipa::path(post, path = "/api/v1/images", security(("bearer" = [])),
    request_body(content = ImageUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = ImageView),
        (status = 400, body = ErrorBody, description = "the body is not multipart, or is cut short"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "the token only reads"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "no field named image, or not an image, or beyond its limits"),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(super) async fn upload(
    State(state): State<AppState>,
    client: ApiClient,
    ImageUpload(bytes): ImageUpload,
) -> ApiResult<Response> {
    if client.scope.read_only {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            client.scope.describe(),
        ));
    }
    match state.media.keep(&bytes).await {
        Ok(url) => {
            tracing::info!(token = ?client.name, %url, "image kept through the API");
            Ok((StatusCode::CREATED, Json(ImageView { url })).into_response())
        }
        Err(MediaError::Io(error)) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the image could not be kept just now: {error}"),
        )),
        Err(problem) => {
            let mut error = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, problem.to_string());
            error.field = Some("image".into());
            Err(error)
        }
    }
}

/// A video or sound file, in a field named `clip`, streamed.
pub(super) struct ClipUpload;

impl PartialSchema for ClipUpload {
    fn schema() -> RefOr<Schema> {
        upload_form(
            "clip",
            "An MP4 (H.264 and AAC), WebM (VP8, VP9 or AV1, and Opus or Vorbis), MP3, AAC or \
             Ogg file within the server's clip limit: probed, and kept without its metadata.",
        )
    }
}

impl ToSchema for ClipUpload {}

/// WebVTT captions for a clip, in a field named `captions`.
pub(super) struct CaptionsUpload;

impl PartialSchema for CaptionsUpload {
    fn schema() -> RefOr<Schema> {
        upload_form(
            "captions",
            "WebVTT captions for a clip: UTF-8 text that starts with WEBVTT.",
        )
    }
}

impl ToSchema for CaptionsUpload {}

/// A multipart form of one file, in the field `field`.
fn upload_form(field: &str, what: &str) -> RefOr<Schema> {
    let file = super::schema::file().description(Some(what));
    let form = utoipa::openapi::schema::ObjectBuilder::new()
        .description(Some(format!(
            "A multipart form with the file in a field named `{field}`."
        )))
        .property(field, file)
        .required(field);
    RefOr::T(Schema::Object(form.build()))
}

/// A kept clip's or captions' address, and a video's poster.
#[derive(Serialize, ToSchema)]
pub(super) struct ClipView {
    /// `/media/…`: give it to an entry as `clip_url` (or `clip_captions_url`).
    url: String,
    /// A video's poster image, made from its frame at one second.
    poster: Option<String>,
}

/// `POST /api/v1/clips`: keeps a video or sound file; answers 201 with its address.
#[utoipa::path(post, path = "/api/v1/clips", security(("bearer" = [])),
    request_body(content = ClipUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = ClipView),
        (status = 400, body = ErrorBody, description = "the body is not multipart, or is cut short"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "the token only reads"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "no field named clip, or not a file browsers play, or beyond its limits"),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(super) async fn upload_clip(
    State(state): State<AppState>,
    client: ApiClient,
    request: Request,
) -> ApiResult<Response> {
    keep_file(state, client, request, "clip").await
}

/// `POST /api/v1/captions`: keeps WebVTT captions; answers 201 with their address.
#[utoipa::path(post, path = "/api/v1/captions", security(("bearer" = [])),
    request_body(content = CaptionsUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = ClipView),
        (status = 400, body = ErrorBody, description = "the body is not multipart, or is cut short"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "the token only reads"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "no field named captions, or not WebVTT"),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(super) async fn upload_captions(
    State(state): State<AppState>,
    client: ApiClient,
    request: Request,
) -> ApiResult<Response> {
    keep_file(state, client, request, "captions").await
}

/// Keeps the file of the field `wanted` (`clip` or `captions`), streamed.
async fn keep_file(
    state: AppState,
    client: ApiClient,
    request: Request,
    wanted: &'static str,
) -> ApiResult<Response> {
    if client.scope.read_only {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            client.scope.describe(),
        ));
    }
    if !has_content_type(request.headers(), "multipart/form-data") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("send the file as multipart/form-data, in a field named {wanted}"),
        ));
    }
    let refused = |status: StatusCode, message: String| {
        let mut error = ApiError::new(status, message);
        error.field = Some(wanted.into());
        error
    };
    let unreadable = |status: StatusCode| {
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!(
                "the file is larger than {} bytes",
                state.media.max_clip_bytes
            )
        } else {
            format!("the multipart body could not be read; send the file in a field named {wanted}")
        };
        refused(status, message)
    };
    let mut multipart = Multipart::from_request(request, &state)
        .await
        .map_err(|rejection| unreadable(rejection.status()))?;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|error| unreadable(error.status()))?
    {
        if field.name() != Some(wanted) {
            continue;
        }
        let Some((_, kept)) = super::super::clips::keep_field(&state, field).await else {
            continue;
        };
        return match kept {
            Ok(url) => {
                tracing::info!(token = ?client.name, %url, "clip kept through the API");
                let poster = crate::media::clip_file(&url).and_then(|clip| clip.poster);
                Ok((StatusCode::CREATED, Json(ClipView { url, poster })).into_response())
            }
            Err(problem @ (MediaError::Io(_) | MediaError::NoClipTools | MediaError::Busy)) => {
                Err(ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!("the file could not be kept just now: {problem}"),
                ))
            }
            Err(MediaError::ClipTooLarge { limit }) => Err(refused(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the file is larger than {limit} bytes"),
            )),
            Err(problem) => Err(refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                problem.to_string(),
            )),
        };
    }
    Err(refused(
        StatusCode::UNPROCESSABLE_ENTITY,
        format!("send the file in a field named {wanted}"),
    ))
}
