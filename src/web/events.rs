//! `GET /live/{slug}/events`: the SSE stream that keeps a reader's page live.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::client::ClientAddress;
use super::{AppError, AppState};
use crate::live::event_stream;
use crate::live::request::{self, EVENTS_ROUTE, Refusal, STREAM_HEADERS};

pub fn router() -> Router<AppState> {
    Router::new().route(EVENTS_ROUTE, get(events))
}

async fn events(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    // An ended page is not read from the store for this: its readers get no more.
    let blog = state.pages.id_of(&slug).ok_or(AppError::NotFound)?;
    // A header that is not text is no number either: the browser gets a reset.
    let header = headers
        .get("last-event-id")
        .map(|v| v.to_str().unwrap_or("unreadable"));
    let resume = request::resume(header, query.as_deref());
    let subscription = match state.hub.subscribe(blog, resume, address) {
        Ok(subscription) => subscription,
        Err(full) => return Ok(refused(Refusal::from(full))),
    };
    let body = Body::from_stream(event_stream(
        subscription,
        Arc::clone(&state.hub),
        state.shutdown.clone(),
    ));
    let mut response = body.into_response();
    for (name, value) in STREAM_HEADERS {
        response
            .headers_mut()
            .insert(name, header::HeaderValue::from_static(value));
    }
    Ok(response)
}

/// No room for the stream: the same answer the direct writers give.
fn refused(refusal: Refusal) -> Response {
    let mut response = (
        StatusCode::from_u16(refusal.status).expect("a refusal's status is a real one"),
        refusal.body,
    )
        .into_response();
    for (name, value) in refusal.headers() {
        response
            .headers_mut()
            .insert(name, header::HeaderValue::from_static(value));
    }
    response
}
