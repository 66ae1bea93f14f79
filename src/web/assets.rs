//! The few static files (style, script, demo image), built into the binary so the
//! server runs from any directory, and the images editors upload.

use axum::Router;
use axum::extract::{Path, State};
use std::sync::LazyLock;

use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;

use super::precompressed::Precompressed;
use super::{AppError, AppState};

/// Name (its path under `/static/`), content type and bytes of every static file.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/style.css"),
    ),
    (
        "editor.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/editor.css"),
    ),
    (
        "words.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/words.js"),
    ),
    (
        "gallery.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/gallery.js"),
    ),
    (
        "callout.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/callout.js"),
    ),
    (
        "push-worker.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/push-worker.js"),
    ),
    (
        "push.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/push.js"),
    ),
    (
        "polls.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/polls.js"),
    ),
    (
        "embeds.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/embeds.js"),
    ),
    (
        "editor/main.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/main.js"),
    ),
    (
        "editor/gallery.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/gallery.js"),
    ),
    (
        "editor/clips.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/clips.js"),
    ),
    (
        "editor/posts.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/posts.js"),
    ),
    (
        "editor/words.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/words.js"),
    ),
    (
        "editor/answers.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/answers.js"),
    ),
    (
        "editor/notice.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/notice.js"),
    ),
    (
        "editor/saved.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/saved.js"),
    ),
    (
        "editor/compose.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/compose.js"),
    ),
    (
        "editor/counter.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/counter.js"),
    ),
    (
        "editor/images.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/images.js"),
    ),
    (
        "editor/preview.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/preview.js"),
    ),
    (
        "editor/publish.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/publish.js"),
    ),
    (
        "editor/desk.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/desk.js"),
    ),
    (
        "editor/correction.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/correction.js"),
    ),
    (
        "editor/colleagues.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/editor/colleagues.js"),
    ),
    (
        "format.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/format.js"),
    ),
    (
        "reader.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/reader.js"),
    ),
    (
        "live.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/live.js"),
    ),
    (
        "embed.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/embed.js"),
    ),
    (
        "alerts.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/alerts.js"),
    ),
    (
        "copy.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/copy.js"),
    ),
    (
        "address.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/address.js"),
    ),
    (
        "embed-frame.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/embed-frame.js"),
    ),
    (
        "card.png",
        "image/png",
        include_bytes!("../../static/card.png"),
    ),
    (
        "demo-harbour.svg",
        "image/svg+xml",
        include_bytes!("../../static/demo-harbour.svg"),
    ),
];

/// How long browsers may keep a static file without asking again.
const CACHE_CONTROL: &str = "public, max-age=3600";

/// Uploaded images never change under their name (it is their content's hash).
pub(super) const MEDIA_CACHE_CONTROL: &str = "public, max-age=31536000, immutable";

/// Static files and images, which any site's page may fetch (an embed in a sandboxed
/// frame fetches them from no origin at all).
pub fn router() -> Router<AppState> {
    let (name, value) = crate::headers::ANY_ORIGIN;
    Router::new()
        // A path, not one name: the desk's script is a folder of modules.
        .route("/static/{*file}", get(static_file))
        .route("/media/{file}", get(media_file))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static(name),
            header::HeaderValue::from_static(value),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            header::HeaderValue::from_static(crate::headers::FILE_POLICY),
        ))
}

async fn media_file(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<axum::response::Response, AppError> {
    if let Some(clip) = super::clips::serve(&state, &file, &headers).await? {
        return Ok(clip);
    }
    let (bytes, content_type) = state
        .media
        .open(&file)
        .await
        .map_err(|error| AppError::Unavailable(format!("images cannot be read just now: {error}")))?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, MEDIA_CACHE_CONTROL),
        ],
        bytes,
    )
        .into_response())
}

/// Every static file, compressed once, on first use.
static COMPRESSED: LazyLock<Vec<(&str, Precompressed)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(name, content_type, bytes)| (*name, Precompressed::new(content_type, *bytes)))
        .collect()
});

async fn static_file(
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, AppError> {
    let (_, compressed) = COMPRESSED
        .iter()
        .find(|(name, _)| *name == file)
        .ok_or(AppError::NotFound)?;
    Ok(compressed.respond(&headers, CACHE_CONTROL))
}
