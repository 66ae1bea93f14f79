//! `GET /live/{slug}/feed.atom`: the newest entries as an Atom feed. A corrected entry
//! carries its update time; a deleted one is simply gone from it.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, SecondsFormat, Utc};

use super::error::Result;
use super::{AppState, live_page};
use crate::read_model::{LivePage, RenderedEntry};

/// How many of the newest entries the feed carries.
pub const FEED_ENTRIES: usize = 50;

pub fn router() -> Router<AppState> {
    Router::new().route("/live/{slug}/feed.atom", get(feed))
}

#[derive(Template)]
#[template(path = "feed.atom", escape = "xml")]
struct Feed<'a> {
    /// This server's address as the reader reached it, for the feed's absolute links.
    base: String,
    page: &'a LivePage,
    entries: Vec<&'a RenderedEntry>,
    /// The tag whose entries the feed carries, if one, and it as a query (`tag=Kursk`).
    tag: Option<String>,
    tag_query: Option<String>,
}

fn atom_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Feed<'_> {
    fn feed_updated(&self) -> String {
        atom_time(self.page.updated_at())
    }

    fn published(&self, rendered: &RenderedEntry) -> String {
        atom_time(rendered.entry.published_at)
    }

    fn updated(&self, rendered: &RenderedEntry) -> String {
        atom_time(
            rendered
                .entry
                .updated_at
                .unwrap_or(rendered.entry.published_at),
        )
    }
}

/// `?tag=Kursk`: the feed of one tag's entries.
#[derive(serde::Deserialize)]
struct FeedQuery {
    tag: Option<String>,
}

async fn feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<FeedQuery>,
) -> Result<Response> {
    let page = live_page(&state, &slug).await?;
    let tag = query
        .tag
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let entries = page
        .entries()
        .filter(|e| tag.as_deref().is_none_or(|tag| e.entry.has_tag(tag)))
        .take(FEED_ENTRIES)
        .collect();
    let xml = Feed {
        base: state.public_url.clone(),
        page: &page,
        entries,
        tag_query: tag.as_ref().map(|tag| {
            serde_urlencoded::to_string([("tag", tag.as_str())])
                .expect("a pair of strings url-encodes")
        }),
        tag,
    }
    .render()?;
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}
