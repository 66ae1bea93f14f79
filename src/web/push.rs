//! A reader's side of Web Push: the service worker, the server's public key, and a
//! page's subscriptions turned on and off (JSON, from the page's script; a form from
//! another site cannot send it).

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use super::client::ClientAddress;
use super::error::Result;
use super::{AppError, AppState};
use crate::newsroom::NewsroomError;
use crate::store::{AttemptRule, Beyond, PushSubscription};

/// Subscriptions one address may make in an hour.
pub const SUBSCRIPTIONS_PER_ADDRESS: AttemptRule = AttemptRule {
    window: chrono::Duration::hours(1),
    free: 20,
    beyond: Beyond::Refused,
};
/// The longest push service address taken.
const MAX_ENDPOINT_CHARS: usize = 2000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/push-worker.js", get(worker))
        .route("/push/key", get(key))
        .route("/live/{slug}/push", post(subscribe))
        .route("/live/{slug}/push/off", post(unsubscribe))
}

/// The service worker: at the root, so that it may show every page's notifications.
async fn worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../../static/push-worker.js"),
    )
        .into_response()
}

/// `GET /push/key`: the server's VAPID public key, for `applicationServerKey`.
async fn key(State(state): State<AppState>) -> Response {
    Json(serde_json::json!({ "key": state.push.public_key() })).into_response()
}

#[derive(Deserialize)]
struct Keys {
    p256dh: String,
    auth: String,
}

/// A browser's `PushSubscription` as its `toJSON()` gives it.
#[derive(Deserialize)]
struct Subscription {
    endpoint: String,
    keys: Keys,
}

#[derive(Deserialize)]
struct Endpoint {
    endpoint: String,
}

fn refused(status: StatusCode, field: &str, message: &str) -> Response {
    let body = serde_json::json!({ "error": message, "field": field });
    (status, Json(body)).into_response()
}

async fn subscribe(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ClientAddress(address): ClientAddress,
    Json(sent): Json<Subscription>,
) -> Result<Response> {
    let page = state.pages.listing(&slug).ok_or(AppError::NotFound)?;
    if !page.blog.is_live() {
        return Err(AppError::PageEnded);
    }
    if sent.endpoint.chars().count() > MAX_ENDPOINT_CHARS {
        return Ok(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            "endpoint",
            "The push service's address is too long.",
        ));
    }
    let key = format!("push-subscription:{address}");
    let taken = (state
        .newsroom
        .take_attempt(&key, SUBSCRIPTIONS_PER_ADDRESS)
        .await)
        .map_err(NewsroomError::from)?;
    if !taken {
        let message = "Too many subscriptions from your network; try again later.";
        return Ok(refused(StatusCode::TOO_MANY_REQUESTS, "endpoint", message));
    }
    let subscription = PushSubscription {
        endpoint: sent.endpoint,
        p256dh: sent.keys.p256dh,
        auth: sent.keys.auth,
    };
    let kept =
        (state.push.subscribe(page.blog.id, subscription).await).map_err(NewsroomError::from)?;
    match kept {
        Ok(()) => Ok(StatusCode::CREATED.into_response()),
        Err(why) => Ok(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            "endpoint",
            &why.to_string(),
        )),
    }
}

async fn unsubscribe(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(sent): Json<Endpoint>,
) -> Result<Response> {
    let page = state.pages.listing(&slug).ok_or(AppError::NotFound)?;
    (state.push.unsubscribe(page.blog.id, &sent.endpoint).await).map_err(NewsroomError::from)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
