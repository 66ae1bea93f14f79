//! `GET /live/{slug}/events`: the SSE stream that keeps a reader's page live.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::client::ClientAddress;
use super::{AppError, AppState};
use crate::live::{Resume, StreamsFull, event_stream};

pub fn router() -> Router<AppState> {
    Router::new().route("/live/{slug}/events", get(events))
}

/// A browser that cannot send the `Last-Event-ID` header (a fresh `EventSource` after
/// a failed reconnect) may send the same number as `?last_event_id=`.
#[derive(Deserialize)]
struct ResumeQuery {
    last_event_id: Option<String>,
}

async fn events(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(slug): Path<String>,
    Query(query): Query<ResumeQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let page = state.pages.page(&slug).ok_or(AppError::NotFound)?;
    let last_event_id = headers
        .get("last-event-id")
        .map(|v| v.to_str().unwrap_or_default().to_owned())
        .or(query.last_event_id)
        .map_or(Resume::Fresh, |id| Resume::from_last_event_id(&id));
    let subscription = match state.hub.subscribe(page.blog.id, last_event_id, address) {
        Ok(subscription) => subscription,
        Err(StreamsFull::Instance) => return Ok(streams_full()),
        Err(StreamsFull::Address) => return Ok(address_full()),
    };
    let body = Body::from_stream(event_stream(
        subscription,
        Arc::clone(&state.hub),
        state.shutdown.clone(),
    ));
    Ok((
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
            // Tells nginx not to buffer the stream.
            (header::HeaderName::from_static("x-accel-buffering"), "no"),
        ],
        body,
    )
        .into_response())
}

/// The answer when the client's address holds as many streams as one address may.
fn address_full() -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [
            (header::RETRY_AFTER, "30"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        "Too many live streams from your address just now.\n",
    )
        .into_response()
}

/// The answer when the instance holds as many streams as it may: the page's script
/// tries again.
fn streams_full() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::RETRY_AFTER, "5"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        "This server is full just now. Try again shortly.\n",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use crate::live::Resume;

    #[test]
    fn unreadable_ids_ask_for_a_reset() {
        assert_eq!(Resume::from_last_event_id("42"), Resume::After(42));
        assert_eq!(Resume::from_last_event_id(" 7 "), Resume::After(7));
        for bad in ["", "-1", "abc", "99999999999999999999999", "1e3"] {
            assert_eq!(Resume::from_last_event_id(bad), Resume::Unreadable, "{bad}");
        }
    }
}
