//! A live page inside another site's article: a compact view of it for a frame (no site
//! header; the summary, key events and the live stream, or only the latest few entries
//! as a teaser for a home page), the loader script a CMS article includes, and oEmbed,
//! so a CMS that embeds pasted links gets the live page from its address.
//!
//! Which sites may frame it is `--frame-ancestors` and the page's own list; the full
//! page and every editor page may not be framed at all. Links inside open in the top
//! window.

use askama::Template;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};

use super::error::Result;
use super::reader::stream_href;
use super::{AppError, AppState};
use crate::read_model::{KeyEvent, LivePage, RenderedEntry};

/// The most entries a teaser shows.
pub const MAX_TEASER_ENTRIES: usize = 10;
/// How tall a frame starts, before its page says how tall it is.
const FRAME_HEIGHT: u32 = 600;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/live/{slug}/embed", get(embed))
        .route("/oembed", get(oembed))
}

#[derive(Deserialize)]
struct EmbedQuery {
    /// `latest` for a teaser of the newest entries.
    view: Option<String>,
    /// How many entries a teaser shows.
    n: Option<String>,
}

#[derive(Template)]
#[template(path = "embed.html")]
struct EmbedView<'a> {
    page: &'a LivePage,
    entries: Vec<&'a RenderedEntry>,
    key_events: Vec<KeyEvent<'a>>,
    /// For a teaser, how many of the newest entries it shows.
    teaser: Option<usize>,
}

impl EmbedView<'_> {
    fn slug(&self) -> &str {
        self.page.blog.slug.as_str()
    }

    /// The summary, key events and pinned entry are shown, except in a teaser.
    /// No link to the key events' own stream: the embed shows the stream it is given.
    fn key_events_href(&self) -> Option<String> {
        None
    }

    /// Whether the summary, key events and pinned entry head the stream.
    fn shows_top(&self) -> bool {
        self.is_first_page()
    }

    fn is_first_page(&self) -> bool {
        self.teaser.is_none()
    }

    fn is_live_page(&self) -> bool {
        true
    }

    fn keep(&self) -> Option<usize> {
        self.teaser
    }

    /// A key event on the first page of the stream is an anchor in the frame; an
    /// older one opens the full page.
    fn key_event_href(&self, event: &KeyEvent) -> String {
        let id = event.entry.entry.id;
        if event.page == 1 {
            format!("#entry-{id}")
        } else {
            stream_href(self.slug(), event.page, id)
        }
    }
}

async fn embed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<EmbedQuery>,
) -> Result<Response> {
    let page = state.newsroom.page(&slug).await?;
    let teaser = match query.view.as_deref() {
        None | Some("") | Some("full") => None,
        Some("latest") => Some(match query.n.as_deref() {
            None | Some("") => 3,
            Some(n) => n
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_TEASER_ENTRIES).contains(n))
                .ok_or_else(|| {
                    AppError::BadRequest(format!(
                        "A teaser shows 1 to {MAX_TEASER_ENTRIES} entries, as in ?view=latest&n=3."
                    ))
                })?,
        }),
        Some(_) => {
            return Err(AppError::BadRequest(
                "The view is full (the default) or latest.".into(),
            ));
        }
    };
    let mut entries = page.stream_page(1).ok_or(AppError::NotFound)?;
    if let Some(n) = teaser {
        entries.truncate(n);
    }
    let html = EmbedView {
        page: &page,
        entries,
        key_events: page.key_events(),
        teaser,
    }
    .render()?;
    let mut response = Html(html).into_response();
    let sites = state.embed_sites.iter().chain(&page.blog.embed_origins);
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        super::content_security_policy(sites),
    );
    Ok(response)
}

#[derive(Deserialize)]
struct OembedQuery {
    url: Option<String>,
    format: Option<String>,
    maxwidth: Option<String>,
}

/// An oEmbed answer of type `rich`: the frame a CMS puts in its article.
#[derive(Serialize)]
struct Oembed {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    provider_name: &'static str,
    provider_url: String,
    html: String,
    width: Option<u32>,
    height: u32,
}

/// `GET /oembed?url=…`: the live page at `url` (on this server), as oEmbed JSON.
async fn oembed(
    State(state): State<AppState>,
    Query(query): Query<OembedQuery>,
) -> Result<Response> {
    if query.format.as_deref().is_some_and(|f| f != "json") {
        let answer = (
            StatusCode::NOT_IMPLEMENTED,
            "Only the json format is served.",
        );
        return Ok(answer.into_response());
    }
    let url = query
        .url
        .ok_or_else(|| AppError::BadRequest("Give the live page's address as ?url=.".into()))?;
    let base = state.public_url.trim_end_matches('/');
    let slug = url
        .strip_prefix(base)
        .and_then(|rest| rest.strip_prefix("/live/"))
        .map(|rest| rest.split(['?', '#', '/']).next().unwrap_or_default())
        .ok_or(AppError::NotFound)?;
    let page = state.newsroom.page(slug).await?;
    let width = query.maxwidth.and_then(|w| w.parse().ok());
    let src = format!("{base}/live/{slug}/embed");
    let title = page.blog.title.clone();
    // Both are escaped for an attribute, as templates escape: the title is the
    // newsroom's own words.
    let (Ok(src), Ok(escaped_title)) = (
        askama::filters::escape(&src, askama::filters::Html),
        askama::filters::escape(&title, askama::filters::Html),
    );
    let html = format!(
        "<iframe src=\"{src}\" title=\"{escaped_title}\" width=\"100%\" height=\"{FRAME_HEIGHT}\" \
         style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>"
    );
    Ok(Json(Oembed {
        version: "1.0",
        kind: "rich",
        title,
        provider_name: "liveblog",
        provider_url: base.to_owned(),
        html,
        width,
        height: FRAME_HEIGHT,
    })
    .into_response())
}
