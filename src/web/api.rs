//! The JSON API under `/api/v1/`: the same newsroom, the same rules and the same live
//! events as the forms, for automation that signs with `Authorization: Bearer TOKEN`.
//! Errors are JSON too: `{"error": "...", "field": "..."}` with a 4xx status.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use super::client::ClientAddress;
use super::{AppError, AppState};
use crate::accounts::AccountError;
use crate::domain::{
    EntryContent, EntryId, EntryInput, FieldError, FieldErrors, parse_correction_note, time,
};
use crate::newsroom::{Edit, NewsroomError};
use crate::read_model::{LivePage, RenderedEntry};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/live/{slug}", get(page))
        .route("/api/v1/live/{slug}/entries", post(create))
        .route(
            "/api/v1/live/{slug}/entries/{id}",
            get(entry).patch(update).delete(delete),
        )
        .method_not_allowed_fallback(|| async { ApiError::from(AppError::MethodNotAllowed) })
}

/// An error as the API tells it.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    error: String,
    field: Option<String>,
    /// Every field problem, when there were several.
    errors: Vec<FieldError>,
    /// Seconds to wait before trying again, for a 429.
    retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, error: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error: error.into(),
            field: None,
            errors: Vec::new(),
            retry_after: None,
        }
    }

    fn invalid(errors: FieldErrors) -> ApiError {
        let first = errors.first().cloned();
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            error: first
                .as_ref()
                .map_or_else(|| "invalid".into(), |e| e.message.clone()),
            field: first.map(|e| e.field.to_owned()),
            errors: errors.iter().cloned().collect(),
            retry_after: None,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        let status = error.status();
        if status.is_server_error() {
            tracing::error!(%error, "API request failed");
        }
        let message = match status {
            StatusCode::NOT_FOUND => "no such live page or entry",
            StatusCode::SERVICE_UNAVAILABLE => {
                "the newsroom cannot save changes just now; try again"
            }
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::METHOD_NOT_ALLOWED => "this address does not take that method",
            s if s.is_client_error() => "bad request",
            _ => "internal error",
        };
        ApiError::new(status, message)
    }
}

impl From<NewsroomError> for ApiError {
    fn from(error: NewsroomError) -> Self {
        match error {
            NewsroomError::Invalid(errors) => ApiError::invalid(errors),
            NewsroomError::Conflict(current) => {
                let mut error = ApiError::new(
                    StatusCode::CONFLICT,
                    format!(
                        "the entry was saved since; it is now at version {}",
                        current.version
                    ),
                );
                error.field = Some("version".into());
                error
            }
            NewsroomError::Closed => ApiError::new(
                StatusCode::CONFLICT,
                "the live page has ended; nothing new is published on it until it is reopened",
            ),
            other => AppError::from(other).into(),
        }
    }
}

impl From<AccountError> for ApiError {
    fn from(error: AccountError) -> Self {
        AppError::from(error).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "error": self.error, "field": self.field });
        if self.errors.len() > 1 {
            body["errors"] = json!(self.errors);
        }
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A caller that presented a valid API token.
pub struct ApiClient {
    pub name: String,
}

impl FromRequestParts<AppState> for ApiClient {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let ClientAddress(address) = ClientAddress::from_request_parts(parts, state).await?;
        let token = bearer(&parts.headers).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "send a token as Authorization: Bearer TOKEN",
            )
        })?;
        // Counted before the token is looked up: an address that sends many unknown
        // tokens is refused for a while, however fast it sends them.
        let tries = match state.throttle.api_token(address).await? {
            Ok(tries) => tries,
            Err(wait) => {
                let mut error = ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    format!(
                        "too many unknown tokens from this address; try again {}",
                        super::auth::after(wait)
                    ),
                );
                error.retry_after = Some(wait.as_secs().max(1));
                return Err(error);
            }
        };
        match state.accounts.token(token).await? {
            Some(name) => {
                state.throttle.succeeded(tries).await?;
                Ok(ApiClient { name })
            }
            None => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unknown or revoked API token",
            )),
        }
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// A JSON body whose problems are reported the API's way, naming the field at fault.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> ApiResult<Self> {
        if !super::has_content_type(request.headers(), "application/json") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the body as Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                let status = rejection.status();
                let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    format!("the body is larger than {} bytes", state.max_body_bytes)
                } else {
                    "the body could not be read".to_owned()
                };
                ApiError::new(status, error)
            })?;
        read_json(&bytes).map(ApiJson)
    }
}

/// Reads a JSON body, naming the field at fault when it cannot.
pub fn read_json<T: DeserializeOwned>(bytes: &[u8]) -> ApiResult<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let mut problem = ApiError::new(StatusCode::BAD_REQUEST, error.inner().to_string());
        problem.field = (path != ".").then_some(path);
        if let Some(unknown) = problem.error.strip_prefix("unknown field `") {
            problem.field = unknown.split('`').next().map(str::to_owned);
        }
        problem
    })
}

/// An entry's fields as the API takes them: the form's names, with true and false for
/// the two flags. On `PATCH`, a field left out keeps its value.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryFields {
    title: Option<String>,
    body: Option<String>,
    label: Option<String>,
    author_name: Option<String>,
    author_role: Option<String>,
    image_url: Option<String>,
    image_alt: Option<String>,
    image_caption: Option<String>,
    image_credit: Option<String>,
    key_event: Option<bool>,
    pinned: Option<bool>,
    /// `PATCH` only: a public note of what was corrected.
    correction: Option<String>,
    /// `PATCH` only: the version the change is based on; refused with 409 if the entry
    /// has been saved since.
    version: Option<u32>,
}

impl EntryFields {
    /// These fields laid over `base`.
    pub fn over(self, mut base: EntryInput) -> EntryInput {
        let texts = [
            (self.title, &mut base.title),
            (self.body, &mut base.body),
            (self.label, &mut base.label),
            (self.author_name, &mut base.author_name),
            (self.author_role, &mut base.author_role),
            (self.image_url, &mut base.image_url),
            (self.image_alt, &mut base.image_alt),
            (self.image_caption, &mut base.image_caption),
            (self.image_credit, &mut base.image_credit),
        ];
        for (given, field) in texts {
            if let Some(value) = given {
                *field = value;
            }
        }
        if let Some(on) = self.key_event {
            base.key_event = on;
        }
        if let Some(on) = self.pinned {
            base.pinned = on;
        }
        base
    }
}

/// An entry as the API answers with it.
#[derive(Serialize, ToSchema)]
struct EntryView<'a> {
    #[schema(value_type = i64)]
    id: EntryId,
    url: String,
    title: &'a str,
    body: &'a str,
    html: &'a str,
    #[schema(value_type = Option<String>)]
    label: Option<&'static str>,
    author_name: Option<&'a str>,
    author_role: Option<&'a str>,
    image_url: Option<&'a str>,
    image_alt: Option<&'a str>,
    image_caption: Option<&'a str>,
    image_credit: Option<&'a str>,
    key_event: bool,
    pinned: bool,
    published_at: String,
    updated_at: Option<String>,
    version: u32,
    corrections: Vec<CorrectionView<'a>>,
}

#[derive(Serialize, ToSchema)]
struct CorrectionView<'a> {
    note: &'a str,
    at: String,
}

fn entry_view<'a>(page: &LivePage, rendered: &'a RenderedEntry) -> EntryView<'a> {
    let entry = &rendered.entry;
    let zone = page.blog.time_zone;
    let byline = entry.byline.as_ref();
    let image = entry.image.as_ref();
    EntryView {
        id: entry.id,
        url: format!("/live/{}/entries/{}", page.blog.slug, entry.id),
        title: &entry.title,
        body: &entry.body,
        html: &rendered.html,
        label: entry.label.map(|l| l.key()),
        author_name: byline.map(|b| b.name.as_str()),
        author_role: byline.and_then(|b| b.role.as_deref()),
        image_url: image.map(|i| i.url.as_str()),
        image_alt: image.map(|i| i.alt.as_str()),
        image_caption: image.and_then(|i| i.caption.as_deref()),
        image_credit: image.and_then(|i| i.credit.as_deref()),
        key_event: entry.key_event,
        pinned: entry.pinned,
        published_at: time::rfc3339(entry.published_at, zone),
        updated_at: entry.updated_at.map(|at| time::rfc3339(at, zone)),
        version: entry.version,
        corrections: entry
            .corrections
            .iter()
            .map(|c| CorrectionView {
                note: &c.note,
                at: time::rfc3339(c.at, zone),
            })
            .collect(),
    }
}

fn live_page(state: &AppState, slug: &str) -> ApiResult<Arc<LivePage>> {
    state
        .pages
        .page(slug)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such live page"))
}

fn entry_id(raw: &str) -> ApiResult<EntryId> {
    raw.parse()
        .map(EntryId)
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))
}

/// A live page as the API answers with it: one page of its entries, newest first.
#[derive(Serialize, ToSchema)]
struct PageView<'a> {
    slug: &'a str,
    title: &'a str,
    description: &'a str,
    summary: &'a [String],
    /// `live` or `closed`.
    status: &'static str,
    time_zone: &'static str,
    updated_at: String,
    /// The sequence number of the page's last change: resume its event stream here.
    last_event_id: u64,
    page: usize,
    pages: usize,
    pinned: Option<EntryView<'a>>,
    entries: Vec<EntryView<'a>>,
}

/// How the API reports a problem.
#[derive(Serialize, ToSchema)]
struct ErrorBody {
    error: String,
    /// The field at fault, when one is.
    field: Option<String>,
    /// Every field problem, when there were several.
    errors: Option<Vec<FieldProblem>>,
}

#[derive(Serialize, ToSchema)]
struct FieldProblem {
    field: String,
    message: String,
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
    let page = live_page(&state, &slug)?;
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
    let page = live_page(&state, &slug)?;
    let rendered = page
        .entry(entry_id(&id)?)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))?;
    Ok(Json(entry_view(&page, rendered)).into_response())
}

/// The entry as it now stands in the read model, for the answer to a change.
fn answer(state: &AppState, slug: &str, id: EntryId, status: StatusCode) -> ApiResult<Response> {
    let page = live_page(state, slug)?;
    let rendered = page
        .entry(id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))?;
    Ok((status, Json(entry_view(&page, rendered))).into_response())
}

/// `POST /api/v1/live/{slug}/entries`: publishes an entry; answers 201 with it.
#[utoipa::path(post, path = "/api/v1/live/{slug}/entries", security(("bearer" = [])),
    params(("slug" = String, Path)), request_body = EntryFields,
    responses((status = 201, body = EntryView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "the live page has ended"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    client: ApiClient,
    Path(slug): Path<String>,
    ApiJson(fields): ApiJson<EntryFields>,
) -> ApiResult<Response> {
    live_page(&state, &slug)?;
    let draft =
        EntryContent::parse(&fields.over(EntryInput::default())).map_err(ApiError::invalid)?;
    let by = format!("api:{}", client.name);
    let entry = state.newsroom.publish(&slug, draft, &by).await?;
    tracing::info!(token = ?client.name, entry = %entry.id, "published through the API");
    let mut response = answer(&state, &slug, entry.id, StatusCode::CREATED)?;
    let location = format!("/api/v1/live/{slug}/entries/{}", entry.id);
    if let Ok(value) = header::HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// `PATCH /api/v1/live/{slug}/entries/{id}`: corrects any of an entry's fields.
#[utoipa::path(patch, path = "/api/v1/live/{slug}/entries/{id}", security(("bearer" = [])),
    params(("slug" = String, Path), ("id" = i64, Path)), request_body = EntryFields,
    responses((status = 200, body = EntryView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    client: ApiClient,
    Path((slug, id)): Path<(String, String)>,
    ApiJson(fields): ApiJson<EntryFields>,
) -> ApiResult<Response> {
    let page = live_page(&state, &slug)?;
    let id = entry_id(&id)?;
    let current = page
        .entry(id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such entry"))?;
    let base_version = fields.version;
    let note = parse_correction_note(fields.correction.as_deref().unwrap_or_default())
        .map_err(ApiError::invalid)?;
    let draft =
        EntryContent::parse(&fields.over(current.entry.to_input())).map_err(ApiError::invalid)?;
    let by = format!("api:{}", client.name);
    let edit = Edit {
        by: &by,
        base_version,
        note,
    };
    state.newsroom.correct(&slug, id, draft, edit).await?;
    tracing::info!(token = ?client.name, entry = %id, "corrected through the API");
    answer(&state, &slug, id, StatusCode::OK)
}

/// `DELETE /api/v1/live/{slug}/entries/{id}`: answers 204.
#[utoipa::path(delete, path = "/api/v1/live/{slug}/entries/{id}", security(("bearer" = [])),
    params(("slug" = String, Path), ("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 503, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    client: ApiClient,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let id = entry_id(&id)?;
    state.newsroom.delete(&slug, id).await?;
    tracing::info!(token = ?client.name, entry = %id, "deleted through the API");
    Ok(StatusCode::NO_CONTENT)
}

/// The API's description, generated from the handlers and types above.
#[derive(OpenApi)]
#[openapi(
    info(title = "liveblog", description = "Live pages: read them, and publish, correct and delete entries."),
    paths(page, entry, create, update, delete),
    components(schemas(EntryFields, EntryView, CorrectionView, PageView, ErrorBody, FieldProblem)),
    modifiers(&BearerToken)
)]
struct ApiDoc;

/// Entries are changed with `Authorization: Bearer TOKEN` (`liveblog token create`).
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer));
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", scheme);
    }
}

/// `GET /api/v1/openapi.json`: the OpenAPI 3 description of this API.
async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}
