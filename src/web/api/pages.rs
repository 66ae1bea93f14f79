//! Live pages through the API, so a CMS can run the newsroom: listed, opened, changed,
//! closed and reopened, by the same rules and with the same live events as the
//! settings form. A token for one page may open and change that page only; a token
//! that only reads changes nothing.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

use super::super::AppState;
use super::error::{ApiError, ApiResult, ErrorBody};
use super::request::{ApiClient, ApiJson};
use super::schema::{self, choice, text};
use crate::domain::{
    Blog, BlogInput, BlogSettings, BlogStatus, FieldErrors, MAX_BLOG_TITLE_CHARS,
    MAX_DESCRIPTION_CHARS, MAX_EMBED_ORIGINS, MAX_LANGUAGE_CHARS, MAX_SLUG_CHARS,
    MAX_SUMMARY_POINT_CHARS, MAX_SUMMARY_POINTS, time,
};
use crate::store::PageListing;

/// A live page's settings as the API takes them: the settings form's names, with the
/// summary as a list of key points. On `PATCH`, a field left out (or null) keeps its
/// value. Described as [`NewPage`] and [`PageChange`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFields {
    title: Option<String>,
    /// `POST` only: the page's address after `/live/`, such as `election-night`; it
    /// never changes.
    slug: Option<String>,
    description: Option<String>,
    /// The summary box's key points, in order, one line each.
    summary: Option<Vec<String>>,
    /// An IANA time zone, such as `Europe/London`; UTC when left out on `POST`.
    time_zone: Option<String>,
    /// `newest` (the default) or `oldest` first.
    reading_order: Option<String>,
    /// The sites that may show the page inside their own (its embed view), as origins
    /// such as `https://news.example`, besides those every page allows.
    embed_origins: Option<Vec<String>>,
    /// The language the page is written in, a BCP 47 tag such as `en-GB`, `ar` or
    /// `zh-Hans`; `en-GB` when left out on `POST`.
    language: Option<String>,
}

impl PageFields {
    /// These fields laid over `base`; a key point that is not one line, or a site that is
    /// not one origin, is refused.
    fn over(self, mut base: BlogInput) -> Result<BlogInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        if let Some(points) = self.summary {
            if points.iter().any(|point| point.contains(['\n', '\r'])) {
                errors.add(
                    "summary",
                    "A key point is one line; send each as its own string.",
                );
                return Err(errors);
            }
            base.summary = points.join("\n");
        }
        if let Some(origins) = self.embed_origins {
            // The form takes the sites on lines of their own; the API a list of them.
            let one_each = |origin: &String| {
                !origin.trim().is_empty() && !origin.trim().contains(char::is_whitespace)
            };
            if !origins.iter().all(one_each) {
                errors.add(
                    "embed_origins",
                    "Each site is one origin, such as https://news.example; send each as its own string.",
                );
                return Err(errors);
            }
            base.embed_origins = origins.join("\n");
        }
        let texts = [
            (self.title, &mut base.title),
            (self.slug, &mut base.slug),
            (self.description, &mut base.description),
            (self.time_zone, &mut base.time_zone),
            (self.reading_order, &mut base.reading_order),
            (self.language, &mut base.language),
        ];
        for (given, field) in texts {
            if let Some(value) = given {
                *field = value;
            }
        }
        Ok(base)
    }
}

/// The body of `POST /api/v1/live`, as the description gives it.
pub(super) enum NewPage {}

/// The body of `PATCH /api/v1/live/{slug}`, as the description gives it.
pub(super) enum PageChange {}

/// What the description says of each setting a new page and a change share.
fn page_fields() -> Vec<(&'static str, Schema)> {
    let zones = chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name());
    vec![
        (
            "title",
            text(
                schema::filled_line(),
                MAX_BLOG_TITLE_CHARS,
                "Election night",
            )
            .min_length(Some(1))
            .into(),
        ),
        (
            "description",
            text(
                schema::lines(),
                MAX_DESCRIPTION_CHARS,
                "Results as they come in.",
            )
            .into(),
        ),
        (
            "summary",
            schema::list(
                text(
                    schema::one_line(),
                    MAX_SUMMARY_POINT_CHARS,
                    "Polls close at 22:00",
                ),
                MAX_SUMMARY_POINTS,
            )
            .description(Some(
                "The summary box's key points, in order, one line each.",
            ))
            .into(),
        ),
        (
            "time_zone",
            choice(zones, "Europe/London")
                .description(Some("An IANA time zone; UTC when left out on `POST`."))
                .into(),
        ),
        (
            "reading_order",
            choice(["newest", "oldest"], "newest")
                .description(Some("`newest` (the default) or `oldest` first."))
                .into(),
        ),
        (
            "embed_origins",
            schema::list(
                schema::matching(schema::ORIGIN, "https://news.example"),
                MAX_EMBED_ORIGINS,
            )
            .description(Some(
                "The sites that may show the page inside their own (its embed view), as \
                 origins, besides those every page allows.",
            ))
            .into(),
        ),
        (
            "language",
            text(schema::LANGUAGE, MAX_LANGUAGE_CHARS, "en-GB")
                .description(Some(
                    "The language the page is written in, a BCP 47 tag such as `en-GB`, `ar` \
                     or `zh-Hans`; `en-GB` when left out or blank on `POST`.",
                ))
                .into(),
        ),
    ]
}

impl PartialSchema for NewPage {
    fn schema() -> RefOr<Schema> {
        let mut fields = page_fields();
        fields.push((
            "slug",
            text(schema::SLUG, MAX_SLUG_CHARS, "election-night")
                .min_length(Some(1))
                .description(Some(
                    "The page's address after `/live/`; it never changes, and no other page \
                     may have it.",
                ))
                .into(),
        ));
        schema::body(
            "A new live page: a title and an address, and any of the rest.",
            fields,
            &["title", "slug"],
            &[],
        )
    }
}

impl ToSchema for NewPage {}

impl PartialSchema for PageChange {
    fn schema() -> RefOr<Schema> {
        schema::body(
            "A change of a live page's settings: one left out or null keeps its value. Its \
             address never changes.",
            page_fields(),
            &[],
            &[],
        )
    }
}

impl ToSchema for PageChange {}

/// A live page's settings and state, as the API answers with them.
#[derive(Serialize, ToSchema)]
pub(super) struct PageSettingsView {
    slug: String,
    url: String,
    title: String,
    description: String,
    summary: Vec<String>,
    /// `live` or `closed`.
    status: &'static str,
    time_zone: String,
    /// `newest` or `oldest` first.
    reading_order: &'static str,
    /// The sites this page names to embed it.
    embed_origins: Vec<String>,
    /// A BCP 47 tag.
    language: String,
    /// RFC 3339, in the page's time zone.
    created_at: String,
    /// The sequence number of the page's last change: its stream's last event id.
    last_event_id: u64,
}

impl PageSettingsView {
    fn new(blog: &Blog, last_event_id: u64) -> PageSettingsView {
        PageSettingsView {
            slug: blog.slug.to_string(),
            url: format!("/live/{}", blog.slug),
            title: blog.title.clone(),
            description: blog.description.clone(),
            summary: blog.summary.clone(),
            status: if blog.is_live() { "live" } else { "closed" },
            time_zone: blog.time_zone.name().to_owned(),
            reading_order: blog.reading_order(),
            embed_origins: blog.embed_origins.clone(),
            language: blog.language.clone(),
            created_at: time::rfc3339(blog.created_at, blog.time_zone),
            last_event_id,
        }
    }

    fn of(page: &PageListing) -> PageSettingsView {
        PageSettingsView::new(&page.blog, page.last_seq)
    }
}

/// Live pages listed in one answer of `GET /api/v1/live`.
pub const PAGES_PER_LIST: usize = 100;

/// The live pages, as `GET /api/v1/live` lists them: a hundred at a time.
#[derive(Serialize, ToSchema)]
pub(super) struct PageList {
    pages: Vec<PageSettingsView>,
    /// Which hundred these are, from 1.
    page: usize,
    /// How many hundreds there are.
    page_count: usize,
    /// The address of the next hundred, when there are more.
    next: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct ListQuery {
    page: Option<String>,
}

/// The page as it now stands, for the answer to a change.
pub(super) async fn answer(
    state: &AppState,
    slug: &str,
    status: StatusCode,
) -> ApiResult<Response> {
    let page = super::live_page(state, slug).await?;
    Ok((
        status,
        Json(PageSettingsView::new(&page.blog, page.last_seq)),
    )
        .into_response())
}

/// `GET /api/v1/live` (`?page=N`): the live pages, the live ones first, then the most
/// lately updated, a hundred at a time.
#[utoipa::path(get, path = "/api/v1/live",
    params(("page" = Option<usize>, Query, description = "which hundred, from 1")),
    responses((status = 200, body = PageList), (status = 404, body = ErrorBody)))]
pub(super) async fn list(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<PageList>> {
    let all = state.pages.pages();
    let page_count = all.len().div_ceil(PAGES_PER_LIST).max(1);
    let page = match query.page.as_deref() {
        None => 1,
        Some(n) => (n.parse::<usize>().ok())
            .filter(|n| (1..=page_count).contains(n))
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such page of live pages"))?,
    };
    let pages = (all.iter().skip((page - 1) * PAGES_PER_LIST))
        .take(PAGES_PER_LIST)
        .map(|page| PageSettingsView::of(page))
        .collect();
    Ok(Json(PageList {
        pages,
        page,
        page_count,
        next: (page < page_count).then(|| format!("/api/v1/live?page={}", page + 1)),
    }))
}

/// `POST /api/v1/live`: opens a new live page; answers 201 with it.
#[utoipa::path(post, path = "/api/v1/live", security(("bearer" = [])), request_body = NewPage,
    responses((status = 201, body = PageSettingsView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "the token may not open this page"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "a field is wrong, or the address is taken"),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(super) async fn open(
    State(state): State<AppState>,
    client: ApiClient,
    ApiJson(fields): ApiJson<PageFields>,
) -> ApiResult<Response> {
    let input = fields
        .over(BlogInput::default())
        .map_err(ApiError::invalid)?;
    client.may_change(input.slug.trim())?;
    let settings = BlogSettings::parse(&input).map_err(ApiError::invalid)?;
    let blog = state.newsroom.create_blog(settings).await?;
    tracing::info!(token = ?client.name, page = %blog.slug, "opened through the API");
    let response = answer(&state, blog.slug.as_str(), StatusCode::CREATED).await?;
    Ok(super::located(
        response,
        &format!("/api/v1/live/{}", blog.slug),
    ))
}

/// `PATCH /api/v1/live/{slug}`: changes any of a page's settings but its address;
/// readers get the new summary at once.
#[utoipa::path(patch, path = "/api/v1/live/{slug}", security(("bearer" = [])),
    params(("slug" = String, Path)), request_body = PageChange,
    responses((status = 200, body = PageSettingsView), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(super) async fn change(
    State(state): State<AppState>,
    client: ApiClient,
    Path(slug): Path<String>,
    ApiJson(fields): ApiJson<PageFields>,
) -> ApiResult<Response> {
    client.may_change(&slug)?;
    let page = super::live_page(&state, &slug).await?;
    if fields.slug.as_deref().is_some_and(|given| given != slug) {
        let mut error = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "a live page's address does not change",
        );
        error.field = Some("slug".into());
        return Err(error);
    }
    let input = fields
        .over(page.blog.to_input())
        .map_err(ApiError::invalid)?;
    let settings = BlogSettings::parse(&input).map_err(ApiError::invalid)?;
    state.newsroom.change_settings(&slug, settings).await?;
    tracing::info!(token = ?client.name, page = %slug, "changed through the API");
    answer(&state, &slug, StatusCode::OK).await
}

/// `POST /api/v1/live/{slug}/close`: ends the page; nothing new is published on it
/// until it is reopened, and its readers see it ended.
#[utoipa::path(post, path = "/api/v1/live/{slug}/close", security(("bearer" = [])),
    params(("slug" = String, Path)),
    responses((status = 200, body = PageSettingsView), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(super) async fn close(
    state: State<AppState>,
    client: ApiClient,
    slug: Path<String>,
) -> ApiResult<Response> {
    set_status(state, client, slug, BlogStatus::Closed).await
}

/// `POST /api/v1/live/{slug}/reopen`: takes new entries again.
#[utoipa::path(post, path = "/api/v1/live/{slug}/reopen", security(("bearer" = [])),
    params(("slug" = String, Path)),
    responses((status = 200, body = PageSettingsView), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 429, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(super) async fn reopen(
    state: State<AppState>,
    client: ApiClient,
    slug: Path<String>,
) -> ApiResult<Response> {
    set_status(state, client, slug, BlogStatus::Live).await
}

async fn set_status(
    State(state): State<AppState>,
    client: ApiClient,
    Path(slug): Path<String>,
    status: BlogStatus,
) -> ApiResult<Response> {
    client.may_change(&slug)?;
    super::live_page(&state, &slug).await?;
    state.newsroom.set_status(&slug, status).await?;
    tracing::info!(token = ?client.name, page = %slug, ?status, "status set through the API");
    answer(&state, &slug, StatusCode::OK).await
}
