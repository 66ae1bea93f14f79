//! What the signed-in person should know at once, shown at the top of every editor page
//! and counted in the tab's title (`static/alerts.js` asks for it every few seconds):
//! for an editor, contributors' entries waiting for approval on any page; for a
//! contributor, their entries sent back with a note, and those an editor published.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use chrono::{Duration, Utc};

use super::AppState;
use super::auth::SignedIn;
use super::error::{Result, render};
use crate::domain::{Draft, Entry};
use crate::read_model::LivePage;
use crate::store::PageListing;
use crate::words::Words;

/// How long a contributor is told that an entry of theirs was published.
const PUBLISHED_TOLD_FOR: Duration = Duration::hours(24);

/// How many of a contributor's published entries are told at once, the newest.
const PUBLISHED_TOLD_AT_MOST: usize = 10;

#[derive(Template)]
#[template(path = "editor/alerts.html")]
struct Alerts {
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    /// Contributors' entries waiting for approval, with their page (editors only).
    queue: Vec<(Arc<PageListing>, Draft)>,
    /// The signed-in person's entries sent back to them, with their page.
    sent_back: Vec<(Arc<PageListing>, Draft)>,
    /// The signed-in contributor's entries published by an editor, with their page.
    published: Vec<(Arc<LivePage>, Entry)>,
}

/// `GET /editor/alerts`: the alerts, as HTML for the top of an editor page.
pub async fn alerts(State(state): State<AppState>, signed_in: SignedIn) -> Result<Html<String>> {
    let user = signed_in.session.user.as_str();
    let with_page = |draft: Draft| Some((state.pages.listing_by_id(draft.blog)?, draft));
    let (queue, published) = if signed_in.session.role.publishes() {
        let queue = state.newsroom.approval_queue().await?;
        (
            queue.into_iter().filter_map(with_page).collect(),
            Vec::new(),
        )
    } else {
        (Vec::new(), published_for(&state.pages.loaded_pages(), user))
    };
    let sent_back = state.newsroom.sent_back_to(user).await?;
    render(&Alerts {
        w: signed_in.words(),
        queue,
        sent_back: sent_back.into_iter().filter_map(with_page).collect(),
        published,
    })
}

/// A contributor's entries published in the last day, on every page, newest first.
/// Nobody but an editor publishes a contributor's entry, so each of them is news.
fn published_for(pages: &[Arc<LivePage>], user: &str) -> Vec<(Arc<LivePage>, Entry)> {
    let since = Utc::now() - PUBLISHED_TOLD_FOR;
    let mut published: Vec<(Arc<LivePage>, Entry)> = pages
        .iter()
        .flat_map(|page| {
            page.entries()
                .take_while(|rendered| rendered.entry.published_at >= since)
                .filter(|rendered| rendered.entry.created_by.as_deref() == Some(user))
                .map(|rendered| (Arc::clone(page), rendered.entry.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    published.sort_by_key(|(_, entry)| std::cmp::Reverse(entry.published_at));
    published.truncate(PUBLISHED_TOLD_AT_MOST);
    published
}
