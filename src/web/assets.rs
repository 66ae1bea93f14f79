//! The few static files (style, script, demo image), built into the binary so the
//! server runs from any directory.

use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use super::{AppError, AppState};

/// Name, content type and bytes of every static file.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/style.css"),
    ),
    (
        "live.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/live.js"),
    ),
    (
        "demo-harbour.svg",
        "image/svg+xml",
        include_bytes!("../../static/demo-harbour.svg"),
    ),
];

/// How long browsers may keep a static file without asking again.
const CACHE_CONTROL: &str = "public, max-age=3600";

pub fn router() -> Router<AppState> {
    Router::new().route("/static/{file}", get(static_file))
}

async fn static_file(Path(file): Path<String>) -> Result<impl IntoResponse, AppError> {
    let (_, content_type, bytes) = FILES
        .iter()
        .find(|(name, _, _)| *name == file)
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, *content_type),
            (header::CACHE_CONTROL, CACHE_CONTROL),
        ],
        *bytes,
    ))
}
