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
