//! What readers see: the list of live pages, a live page, and one entry on its own.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use super::error::{Result, render};
use super::precompressed::Precompressed;
use super::share::{self, ShareTags};
use super::{AppError, AppState};
use crate::domain::{EntryId, tag_key, time};
use crate::read_model::{ENTRIES_PER_PAGE, KeyEvent, LivePage, RenderedEntry};
use crate::store::PageListing;
use axum::http::{HeaderMap, HeaderName, HeaderValue};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/live/{slug}", get(live_page))
        .route("/live/{slug}/entries/{id}", get(permalink))
        .route("/live/{slug}/entries/{id}/in-stream", get(in_stream))
        .route(
            "/live/{slug}/entries/{id}/shared",
            axum::routing::post(shared),
        )
}

/// The address of an entry in the stream: on the page of the stream it is on, at its
/// anchor.
pub(super) fn stream_href(slug: &str, stream_page: usize, id: EntryId) -> String {
    match stream_page {
        1 => format!("/live/{slug}#entry-{id}"),
        n => format!("/live/{slug}?page={n}#entry-{id}"),
    }
}

/// Live pages listed on one page of the index: every live one comes first, then those
/// that have ended, the most lately updated first, however many years of them there are.
pub const PAGES_PER_INDEX_PAGE: usize = 50;

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    pages: Vec<Arc<PageListing>>,
    /// The numbers of the index pages before and after this one, if there are.
    newer: Option<usize>,
    older: Option<usize>,
}

impl IndexPage {
    fn updated(&self, page: &PageListing) -> String {
        time::published(page.updated_at, page.blog.time_zone)
    }
}

#[derive(Deserialize)]
struct IndexQuery {
    page: Option<String>,
}

/// `GET /` (`?page=N`): the live pages, fifty to a page.
async fn index(
    State(state): State<AppState>,
    Query(query): Query<IndexQuery>,
) -> Result<Html<String>> {
    let all = state.pages.pages();
    let (number, count) = (
        query.page.as_deref(),
        all.len().div_ceil(PAGES_PER_INDEX_PAGE),
    );
    let number = match number {
        None => 1,
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count.max(1)).contains(n))
            .ok_or(AppError::NotFound)?,
    };
    let pages = (all.into_iter().skip((number - 1) * PAGES_PER_INDEX_PAGE))
        .take(PAGES_PER_INDEX_PAGE)
        .collect();
    render(&IndexPage {
        pages,
        newer: (number > 1).then(|| number - 1),
        older: (number < count).then_some(number + 1),
    })
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<String>,
    /// `?tag=Kursk`: the updates tagged so.
    tag: Option<String>,
    /// `?key-events`: the key events alone.
    #[serde(rename = "key-events")]
    key_events: Option<String>,
}

/// One thread of the stream a reader follows instead of all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Tag(String),
    KeyEvents,
}

impl Filter {
    fn of(query: &PageQuery) -> Option<Filter> {
        if let Some(tag) = query
            .tag
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            return Some(Filter::Tag(tag.to_owned()));
        }
        query.key_events.is_some().then_some(Filter::KeyEvents)
    }

    fn takes(&self, rendered: &RenderedEntry) -> bool {
        match self {
            Filter::Tag(tag) => rendered.entry.has_tag(tag),
            Filter::KeyEvents => rendered.entry.key_event,
        }
    }

    /// The filter in a page's address, as `tag=Kursk` or `key-events`.
    fn query(&self) -> String {
        match self {
            Filter::Tag(tag) => serde_urlencoded::to_string([("tag", tag.as_str())])
                .expect("a pair of strings url-encodes"),
            Filter::KeyEvents => "key-events".to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "live_page.html")]
struct LivePageView<'a> {
    page: &'a LivePage,
    number: usize,
    /// How many pages the stream (or the filtered part of it) fills.
    page_count: usize,
    entries: Vec<&'a RenderedEntry>,
    key_events: Vec<KeyEvent<'a>>,
    share: ShareTags,
    filter: Option<Filter>,
}

impl LivePageView<'_> {
    fn slug(&self) -> &str {
        self.page.blog.slug.as_str()
    }

    fn is_first_page(&self) -> bool {
        self.number == 1
    }

    /// Whether the summary, key events and pinned entry head the stream: on its first
    /// page, unfiltered.
    fn shows_top(&self) -> bool {
        self.is_first_page() && self.filter.is_none()
    }

    /// Whether new entries appear on this page as they are published.
    fn is_live_page(&self) -> bool {
        match self.filter {
            None => self.number == self.page.live_stream_page(),
            Some(_) if self.page.blog.oldest_first => self.number == self.page_count,
            Some(_) => self.number == 1,
        }
    }

    fn has_older(&self) -> bool {
        self.number < self.page_count
    }

    /// The address of page `number` of this stream, its filter kept.
    fn page_href(&self, number: usize) -> String {
        let mut query: Vec<String> = self.filter.iter().map(Filter::query).collect();
        if number > 1 {
            query.push(format!("page={number}"));
        }
        match query.is_empty() {
            true => format!("/live/{}", self.slug()),
            false => format!("/live/{}?{}", self.slug(), query.join("&")),
        }
    }

    /// The stream of key events alone, linked below the list of them.
    fn key_events_href(&self) -> Option<String> {
        Some(format!("/live/{}?key-events", self.slug()))
    }

    /// The tag followed, if one is.
    fn tag(&self) -> Option<&str> {
        match &self.filter {
            Some(Filter::Tag(tag)) => Some(tag),
            _ => None,
        }
    }

    /// The words heading a filtered stream.
    fn filter_title(&self) -> String {
        let words = &self.page.words;
        match &self.filter {
            Some(Filter::Tag(tag)) => words.with("tagged-updates", &[("tag", tag.as_str().into())]),
            Some(Filter::KeyEvents) => words.get("key-events-only"),
            None => String::new(),
        }
    }

    fn tag_feed_title(&self, tag: &str) -> String {
        self.page.words.with("tag-feed", &[("tag", tag.into())])
    }

    /// The tag's feed.
    fn tag_feed_href(&self, tag: &str) -> String {
        let query =
            serde_urlencoded::to_string([("tag", tag)]).expect("a pair of strings url-encodes");
        format!("/live/{}/feed.atom?{query}", self.slug())
    }

    /// The filter as the live script reads it from `<main>`: `key-events`, or the tag
    /// in lower case.
    fn filter_data(&self) -> Option<(&'static str, String)> {
        match &self.filter {
            Some(Filter::Tag(tag)) => Some(("tag", tag_key(tag))),
            Some(Filter::KeyEvents) => Some(("key-events", String::new())),
            None => None,
        }
    }

    /// Where a CMS finds this page as oEmbed (the discovery link in the head).
    fn oembed_href(&self) -> String {
        let base = self.share.url.split("/live/").next().unwrap_or_default();
        let query = serde_urlencoded::to_string([("url", self.share.url.as_str())])
            .expect("a pair of strings always url-encodes");
        format!("{base}/oembed?{query}")
    }

    /// How many entries the stream keeps as new ones arrive: all, on the full page.
    fn keep(&self) -> Option<usize> {
        None
    }

    fn updated(&self) -> String {
        let page = self.page;
        page.words.published(page.updated_at(), page.blog.time_zone)
    }

    /// The address of a key event: an anchor on this page, or the page it is on.
    fn key_event_href(&self, event: &KeyEvent) -> String {
        let id = event.entry.entry.id;
        if event.page == self.number {
            format!("#entry-{id}")
        } else {
            stream_href(self.slug(), event.page, id)
        }
    }
}

/// A browser asks again each time (and mostly gets a 304); a shared cache may keep the
/// first page for a few seconds. A page a few seconds old is harmless: its script
/// catches up on what it lacks from the event stream.
const FIRST_PAGE_CACHE_CONTROL: &str = "public, max-age=0, s-maxage=5";
/// For CDNs that read their own header (RFC 9213): keep it a few seconds, and go on
/// serving it for a while as they fetch the next one.
const FIRST_PAGE_CDN_CACHE_CONTROL: &str = "max-age=5, stale-while-revalidate=30";

/// The kept first page as `request` asks for it, with its caching headers.
pub(super) fn first_page_answer(kept: &Precompressed, request: &HeaderMap) -> Response {
    let mut response = kept.respond(request, FIRST_PAGE_CACHE_CONTROL);
    response.headers_mut().insert(
        HeaderName::from_static("cdn-cache-control"),
        HeaderValue::from_static(FIRST_PAGE_CDN_CACHE_CONTROL),
    );
    response
}

async fn live_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<PageQuery>,
    request: Request,
) -> Result<Response> {
    let page = state.newsroom.page(&slug).await?;
    let number = match query.page.as_deref() {
        None | Some("") => 1,
        Some(n) => n.parse().map_err(|_| {
            AppError::BadRequest("The page number must be a whole number, such as ?page=2.".into())
        })?,
    };
    let filter = Filter::of(&query);
    let headers = request.headers();
    if number == 1 && filter.is_none() {
        let kept = state
            .first_pages
            .get(Arc::clone(&page), &state.public_url, first_page)
            .await?;
        if let Some(kept) = kept {
            return Ok(first_page_answer(&kept, headers));
        }
    }
    let html = match filter {
        None => render_page(&page, number, &state.public_url)?,
        Some(filter) => render_filtered(&page, filter, number, &state.public_url)?,
    };
    Ok(Html(html).into_response())
}

/// Page `number` of the entries `filter` takes, newest first (oldest first on a page
/// read that way): the entries' fragments as rendered once per change, put together.
fn render_filtered(
    page: &LivePage,
    filter: Filter,
    number: usize,
    base_url: &str,
) -> Result<String> {
    let mut taken: Vec<&RenderedEntry> = page.entries().filter(|e| filter.takes(e)).collect();
    if page.blog.oldest_first {
        taken.reverse();
    }
    let page_count = taken.len().div_ceil(ENTRIES_PER_PAGE).max(1);
    if number == 0 || number > page_count {
        return Err(AppError::NotFound);
    }
    let entries: Vec<&RenderedEntry> = taken
        .into_iter()
        .skip((number - 1) * ENTRIES_PER_PAGE)
        .take(ENTRIES_PER_PAGE)
        .collect();
    let share = share::for_page(page, &entries, base_url);
    Ok(LivePageView {
        page,
        number,
        page_count,
        entries,
        key_events: Vec::new(),
        share,
        filter: Some(filter),
    }
    .render()?)
}

/// The first page, unfiltered: what the first pages' cache keeps.
fn first_page(page: &LivePage, base_url: &str) -> Result<String> {
    render_page(page, 1, base_url)
}

/// One page of a live page's stream, as HTML.
fn render_page(page: &LivePage, number: usize, base_url: &str) -> Result<String> {
    let entries = page.stream_page(number).ok_or(AppError::NotFound)?;
    let share = share::for_page(page, &entries, base_url);
    Ok(LivePageView {
        page,
        number,
        page_count: page.stream_page_count(),
        entries,
        key_events: page.key_events(),
        share,
        filter: None,
    }
    .render()?)
}

#[derive(Template)]
#[template(path = "permalink.html")]
struct PermalinkPage<'a> {
    page: &'a LivePage,
    entry: &'a RenderedEntry,
    /// The page of the stream the entry is on.
    stream_page: usize,
    share: ShareTags,
}

impl PermalinkPage<'_> {
    fn back_href(&self) -> String {
        stream_href(
            self.page.blog.slug.as_str(),
            self.stream_page,
            self.entry.entry.id,
        )
    }
}

async fn permalink(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response> {
    let page = state.newsroom.page(&slug).await?;
    let id = entry_id(&id)?;
    let entry = page.entry(id).ok_or(AppError::NotFound)?;
    let stream_page = page
        .stream_page_of(id)
        .expect("an entry on the page is on one of its stream pages");
    let share = share::for_entry(&page, entry, &state.public_url);
    state.figures.viewed(id);
    let html = render(&PermalinkPage {
        page: &page,
        entry,
        stream_page,
        share,
    })?;
    Ok(html.into_response())
}

/// `POST /live/{slug}/entries/{id}/shared`: the page's script tells of a share, for
/// the entry's figures on the desk.
async fn shared(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<axum::http::StatusCode> {
    let page = state.newsroom.page(&slug).await?;
    let id = entry_id(&id)?;
    page.entry(id).ok_or(AppError::NotFound)?;
    state.figures.shared(id);
    Ok(axum::http::StatusCode::NO_CONTENT)
}

fn entry_id(id: &str) -> Result<EntryId> {
    Ok(EntryId(id.parse().map_err(|_| AppError::NotFound)?))
}

/// Sends the reader to the entry where it sits in the stream now: what an
/// `#entry-{id}` link needs once newer entries have pushed its entry to an older page.
/// An entry that is gone sends the reader to the latest updates.
async fn in_stream(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Redirect> {
    let page = state.newsroom.page(&slug).await?;
    let id = entry_id(&id)?;
    let slug = page.blog.slug.as_str();
    Ok(match page.stream_page_of(id) {
        Some(stream_page) => Redirect::to(&stream_href(slug, stream_page, id)),
        None => Redirect::to(&format!("/live/{slug}")),
    })
}
