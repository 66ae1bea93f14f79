//! The JSON API under `/api/v1/`: the same newsroom, the same rules and the same live
//! events as the forms, for automation that signs with `Authorization: Bearer TOKEN`.
//! Errors are JSON too: `{"error": "...", "field": "..."}` with a 4xx status.
//!
//! `request` reads the token and the body, `views` shapes entries and pages as JSON,
//! `pages` opens, changes, closes and reopens live pages, `images` keeps uploads,
//! `error` says what went wrong.

mod error;
mod images;
mod once;
mod pages;
mod request;
mod schema;
mod views;

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{AppError, AppState};
use crate::domain::{EntryContent, EntryId, EntryInput, parse_correction_note, time};
use crate::newsroom::{Edit, NewsroomError, SAVE_TRIES};
use crate::read_model::LivePage;
use error::{ApiError, ApiResult, ErrorBody, FieldProblem, SavedVersion};
use request::{ApiClient, ApiJson};
use views::{
    AuthorView, CorrectionView, EntryChange, EntryView, NewEntry, PageView, PictureView, entry_view,
};

/// Room in an image upload's body for the multipart framing around the image.
const MULTIPART_BYTES: usize = 16 * 1024;

// How the API reads an entry from JSON, for the fuzz targets.
pub use request::read_json;
pub use views::EntryFields;

/// The API's routes; `max_upload_bytes` for images, every other body under the server's
/// own limit.
pub fn router(state: &AppState) -> Router<AppState> {
    let (max_upload_bytes, max_clip_bytes) = (state.media.max_bytes, state.media.max_clip_bytes);
    let writes = Router::new()
        .route("/api/v1/live", get(pages::list).post(pages::open))
        .route("/api/v1/live/{slug}", get(page).patch(pages::change))
        .route("/api/v1/live/{slug}/close", post(pages::close))
        .route("/api/v1/live/{slug}/reopen", post(pages::reopen))
        .route("/api/v1/live/{slug}/entries", post(create))
        .route(
            "/api/v1/live/{slug}/entries/{id}",
            get(entry).patch(update).delete(delete),
        )
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            once::made_once_by_key,
        ));
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route(
            "/api/v1/images",
            post(images::upload).layer(DefaultBodyLimit::max(max_upload_bytes + MULTIPART_BYTES)),
        )
        .route(
            "/api/v1/clips",
            post(images::upload_clip).layer(DefaultBodyLimit::max(
                usize::try_from(max_clip_bytes)
                    .unwrap_or(usize::MAX)
                    .saturating_add(super::clips::CLIP_FORM_BYTES),
            )),
        )
        .route("/api/v1/captions", post(images::upload_captions))
        .merge(writes)
        .method_not_allowed_fallback(|| async { ApiError::from(AppError::MethodNotAllowed) })
}

async fn live_page(state: &AppState, slug: &str) -> ApiResult<Arc<LivePage>> {
    match state.newsroom.page(slug).await {
        Err(NewsroomError::NotFound) => {
            Err(ApiError::new(StatusCode::NOT_FOUND, "no such live page"))
        }
        page => Ok(page?),
    }
}

fn entry_id(raw: &str) -> ApiResult<EntryId> {
    raw.parse()
        .map(EntryId)
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<usize>,
}

/// `GET /api/v1/live/{slug}`: the page as JSON, 20 entries a page (`?page=N`).
#[utoipa::path(get, path = "/api/v1/live/{slug}",
    params(("slug" = String, Path), ("page" = Option<usize>, Query, description = "page of entries, from 1")),
    responses((status = 200, body = PageView), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    query: Result<Query<PageQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Response> {
    let page = live_page(&state, &slug).await?;
    let Query(query) = query.map_err(|_| {
        let mut error = ApiError::new(
            StatusCode::BAD_REQUEST,
            "the page number must be a whole number",
        );
        error.field = Some("page".into());
        error
    })?;
    let number = query.page.unwrap_or(1);
    let entries = page
        .stream_page(number)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such page of entries"))?;
    let blog = &page.blog;
    let body = PageView {
        slug: blog.slug.as_str(),
        title: &blog.title,
        description: &blog.description,
        summary: &blog.summary,
        status: if blog.is_live() { "live" } else { "closed" },
        time_zone: blog.time_zone.name(),
        updated_at: time::rfc3339(page.updated_at(), blog.time_zone),
        last_event_id: page.last_seq,
        page: number,
        pages: page.stream_page_count(),
        pinned: page.pinned().map(|p| entry_view(&page, p)),
        entries: entries.iter().map(|e| entry_view(&page, e)).collect(),
    };
    Ok(Json(body).into_response())
}

/// `GET /api/v1/live/{slug}/entries/{id}`.
#[utoipa::path(get, path = "/api/v1/live/{slug}/entries/{id}",
    params(("slug" = String, Path), ("id" = i64, Path)),
    responses((status = 200, body = EntryView), (status = 404, body = ErrorBody)))]
async fn entry(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<Response> {
    let page = live_page(&state, &slug).await?;
    let rendered = page
        .entry(entry_id(&id)?)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))?;
    Ok(Json(entry_view(&page, rendered)).into_response())
}

/// The entry as it now stands in the read model, for the answer to a change.
async fn answer(
    state: &AppState,
    slug: &str,
    id: EntryId,
    status: StatusCode,
) -> ApiResult<Response> {
    let page = live_page(state, slug).await?;
    let rendered = page
        .entry(id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))?;
    Ok((status, Json(entry_view(&page, rendered))).into_response())
}

/// `POST /api/v1/live/{slug}/entries`: publishes an entry; answers 201 with it.
#[utoipa::path(post, path = "/api/v1/live/{slug}/entries", security(("bearer" = [])),
    params(("slug" = String, Path)), request_body = NewEntry,
    responses((status = 201, body = EntryView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "the token may not change this page"),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "the live page has ended"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    client: ApiClient,
    Path(slug): Path<String>,
    ApiJson(fields): ApiJson<EntryFields>,
) -> ApiResult<Response> {
    client.may_change(&slug)?;
    live_page(&state, &slug).await?;
    let input = fields
        .over(EntryInput::default())
        .map_err(ApiError::invalid)?;
    let draft = EntryContent::parse(&input).map_err(ApiError::invalid)?;
    let by = format!("api:{}", client.name);
    let entry = state.newsroom.publish(&slug, draft, &by).await?;
    tracing::info!(token = ?client.name, entry = %entry.id, "published through the API");
    let response = answer(&state, &slug, entry.id, StatusCode::CREATED).await?;
    Ok(located(
        response,
        &format!("/api/v1/live/{slug}/entries/{}", entry.id),
    ))
}

/// A 201's answer with the `Location` of what it made.
fn located(mut response: Response, location: &str) -> Response {
    if let Ok(value) = header::HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// `PATCH /api/v1/live/{slug}/entries/{id}`: corrects any of an entry's fields.
#[utoipa::path(patch, path = "/api/v1/live/{slug}/entries/{id}", security(("bearer" = [])),
    params(("slug" = String, Path), ("id" = i64, Path)), request_body = EntryChange,
    responses((status = 200, body = EntryView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "saved by someone else since `version`: `current` is what they saved"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    client: ApiClient,
    Path((slug, id)): Path<(String, String)>,
    ApiJson(fields): ApiJson<EntryFields>,
) -> ApiResult<Response> {
    client.may_change(&slug)?;
    let id = entry_id(&id)?;
    let note = parse_correction_note(fields.correction.as_deref().unwrap_or_default())
        .map_err(ApiError::invalid)?;
    let by = format!("api:{}", client.name);
    let mut tries = 0;
    // The fields sent are laid over the entry as this instance has it. Without a
    // `version` the caller takes whatever is there: should another save (on any
    // instance) come first, they are laid over that one instead, never over less.
    loop {
        let page = live_page(&state, &slug).await?;
        let current = page
            .entry(id)
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))?;
        if fields.version.is_some_and(|v| v > current.entry.version) && tries == 0 {
            // The caller read a version saved on another instance that is not here yet.
            (state.newsroom.catch_up(page.blog.id).await).map_err(NewsroomError::from)?;
            tries += 1;
            continue;
        }
        let input = (fields.clone().over(current.entry.to_input())).map_err(ApiError::invalid)?;
        let draft = EntryContent::parse(&input).map_err(ApiError::invalid)?;
        let edit = Edit {
            by: &by,
            base_version: Some(fields.version.unwrap_or(current.entry.version)),
            note: note.clone(),
            published_at: None,
        };
        match state.newsroom.correct(&slug, id, draft, edit).await {
            Err(NewsroomError::Conflict(_)) if fields.version.is_none() && tries < SAVE_TRIES => {
                tries += 1
            }
            done => {
                done?;
                break;
            }
        }
    }
    tracing::info!(token = ?client.name, entry = %id, "corrected through the API");
    answer(&state, &slug, id, StatusCode::OK).await
}

/// `DELETE /api/v1/live/{slug}/entries/{id}`: answers 204.
#[utoipa::path(delete, path = "/api/v1/live/{slug}/entries/{id}", security(("bearer" = [])),
    params(("slug" = String, Path), ("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    client: ApiClient,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    client.may_change(&slug)?;
    let id = entry_id(&id)?;
    let by = format!("api:{}", client.name);
    state.newsroom.delete(&slug, id, &by).await?;
    tracing::info!(token = ?client.name, entry = %id, "deleted through the API");
    Ok(StatusCode::NO_CONTENT)
}

/// The API's description, generated from the handlers and types above.
#[derive(OpenApi)]
#[openapi(
    info(title = "liveblog", description = "Live pages: list, open, change, close and reopen them, read them, and publish, correct and delete entries."),
    paths(pages::list, pages::open, pages::change, pages::close, pages::reopen, page, entry, create, update, delete,
        images::upload, images::upload_clip, images::upload_captions),
    components(schemas(NewEntry, EntryChange, EntryView, AuthorView, PictureView, CorrectionView, PageView, ErrorBody, FieldProblem,
        SavedVersion, pages::NewPage, pages::PageChange, pages::PageSettingsView, pages::PageList,
        images::ImageUpload, images::ImageView, images::ClipUpload, images::CaptionsUpload, images::ClipView)),
    modifiers(&BearerToken)
)]
struct ApiDoc;

/// Entries are changed with `Authorization: Bearer TOKEN` (`liveblog token create`), and
/// may be sent with an `Idempotency-Key`.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer));
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", scheme);
        once::describe_key(openapi);
    }
}

/// `GET /api/v1/openapi.json`: the OpenAPI 3 description of this API.
async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}
