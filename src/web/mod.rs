//! HTTP: the routes, thin handlers over the newsroom and the read model, and the
//! middleware stack, all assembled in [`app`].

pub mod ahead;
mod alerts;
pub mod api;
mod assets;
mod auth;
mod callout;
mod client;
pub(crate) mod clips;
mod compose;
mod editor;
mod embed;
pub mod entry_form;
mod error;
mod events;
mod feed;
mod first_page;
pub mod form;
mod labels;
mod metrics;
mod people;
mod polls;
mod precompressed;
mod profiles;
mod push;
mod reader;
mod share;
mod snippets;
mod webhooks;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::get;
use tokio_util::sync::CancellationToken;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::accounts::Accounts;
use crate::headers::{
    CONTENT_SECURITY_POLICY, CONTENT_TYPE_OPTIONS, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
};
use crate::live::LiveHub;
use crate::newsroom::Newsroom;
use crate::read_model::ReadModel;

pub use error::AppError;
pub use metrics::Metrics;

/// The largest request body accepted by default, the entry and draft forms aside (a
/// form with a 20,000-character body, url-encoded, is well under this);
/// `--max-body-bytes` sets another.
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;
/// The longest a request may take, streams of live events aside.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The policy with other sites allowed to frame the page: `origins` as checked by
/// `domain::parse_origins`; none, for no site.
pub fn content_security_policy<'a>(origins: impl IntoIterator<Item = &'a String>) -> HeaderValue {
    let origins: Vec<&str> = origins.into_iter().map(String::as_str).collect();
    let policy = if origins.is_empty() {
        CONTENT_SECURITY_POLICY.to_owned()
    } else {
        CONTENT_SECURITY_POLICY.replace(
            "frame-ancestors 'none'",
            &format!("frame-ancestors {}", origins.join(" ")),
        )
    };
    HeaderValue::try_from(policy).expect("checked origins are letters, digits and -.:*/")
}

/// What every handler shares, behind one `Arc`: handlers and middleware clone it for
/// every request, and a clone costs one atomic increment.
pub type AppState = Arc<Shared>;

/// The newsroom, the read model, the hub and the rest, as handlers reach them.
pub struct Shared {
    pub newsroom: Arc<Newsroom>,
    pub pages: Arc<ReadModel>,
    pub hub: Arc<LiveHub>,
    pub accounts: Arc<Accounts>,
    /// Cancelled when the server shuts down, to end every live stream.
    pub shutdown: CancellationToken,
    /// Whether cookies are marked `Secure` (the server sits behind TLS).
    pub secure_cookies: bool,
    /// Tries at passwords and tokens, counted in the store.
    pub throttle: Arc<crate::throttle::Throttle>,
    /// Proxies whose `X-Forwarded-For` is believed (`--trusted-proxies`).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub media: Arc<crate::media::MediaStore>,
    pub presence: Arc<crate::presence::Presence>,
    /// How many readers each page has now, on every instance.
    pub audience: Arc<crate::audience::Audience>,
    /// The webhooks an admin registers, and their deliveries.
    pub webhooks: Arc<crate::webhooks::Webhooks>,
    /// What readers send through a page's callout.
    pub contributions: Arc<crate::contributions::Contributions>,
    /// Readers over the day, and entries' views and shares.
    pub figures: Arc<crate::figures::Figures>,
    /// Key events pushed to the browsers that asked.
    pub push: Arc<crate::push::Push>,
    /// Readers' votes, and the counts shown.
    pub polls: Arc<crate::polls::Polls>,
    /// The first page of every live page, kept rendered and compressed.
    pub first_pages: Arc<first_page::FirstPages>,
    pub metrics: Arc<metrics::Metrics>,
    /// The sites that may show any live page's embed view inside their own
    /// (`--frame-ancestors`); each page may name more.
    pub embed_sites: Vec<String>,
    /// The largest request body taken, the entry forms with an image aside.
    pub max_body_bytes: usize,
    /// Where readers reach this server (`--public-url`), for every absolute link.
    pub public_url: String,
}

/// `GET /healthz`: 200 `ok` while the store takes writes, 503 `cannot write: …` while it
/// does not (a full disk, a database away), so a load balancer sends editors and
/// automation elsewhere until it heals; readers' pages are served from memory either
/// way.
async fn health(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match state.newsroom.writable().await {
        Ok(()) => "ok".into_response(),
        Err(problem) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("cannot write: {problem}"),
        )
            .into_response(),
    }
}

/// Every route and the whole middleware stack.
pub fn app(state: AppState) -> Router {
    // Editor pages hold drafts, CSRF tokens and people's names: no cache keeps them.
    let editor = editor::router(state.media.max_bytes, state.media.max_clip_bytes)
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::require_sign_in,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(NO_STORE),
        ));

    Router::new()
        .merge(reader::router())
        .merge(embed::router())
        .merge(events::router())
        .merge(feed::router())
        .merge(polls::router())
        .merge(push::router())
        .merge(callout::router(state.media.max_bytes))
        .merge(auth::router().layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(NO_STORE),
        )))
        .merge(assets::router())
        .merge(api::router(&state).layer(axum::middleware::from_fn(no_store_unless_read)))
        .nest("/editor", editor)
        .route("/healthz", get(health))
        .route("/metrics", get(metrics::metrics))
        .fallback(|| async { AppError::NotFound })
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        // Every response, errors included, passes through these, outermost first. One
        // stack added in one `layer` call costs one boxed service per request, not one
        // per layer.
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    metrics::record,
                ))
                .layer(TraceLayer::new_for_http())
                .layer(security_header(header::REFERRER_POLICY, REFERRER_POLICY))
                .layer(security_header(
                    header::X_CONTENT_TYPE_OPTIONS,
                    CONTENT_TYPE_OPTIONS,
                ))
                .option_layer(state.secure_cookies.then(|| {
                    security_header(header::STRICT_TRANSPORT_SECURITY, STRICT_TRANSPORT_SECURITY)
                }))
                .layer(security_header(
                    header::CONTENT_SECURITY_POLICY,
                    CONTENT_SECURITY_POLICY.as_str(),
                ))
                // Cuts slow requests; it does not cut a streaming body once it has begun.
                .layer(axum::middleware::from_fn(time_limit))
                // Compression skips `text/event-stream`, bodies already compressed, and
                // video and sound (compressed, and asked for by ranges).
                .layer(
                    CompressionLayer::new().compress_when(
                        DefaultPredicate::new()
                            .and(NotForContentType::const_new("video/"))
                            .and(NotForContentType::const_new("audio/")),
                    ),
                )
                .layer(DefaultBodyLimit::max(state.max_body_bytes)),
        )
        .with_state(state)
}

/// How long an upload of a video or sound file may take, sent and kept: 200 MB over a
/// newsroom's slow uplink, and the copying after.
pub const CLIP_UPLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// Answers 408 to a request not answered within [`REQUEST_TIMEOUT`] (clip uploads
/// within [`CLIP_UPLOAD_TIMEOUT`]).
async fn time_limit(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let limit = if request.method() == axum::http::Method::POST
        && request.uri().path().ends_with("/clips")
    {
        CLIP_UPLOAD_TIMEOUT
    } else {
        REQUEST_TIMEOUT
    };
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => axum::response::IntoResponse::into_response(StatusCode::REQUEST_TIMEOUT),
    }
}

/// What no cache may keep: editor pages, the sign-in page, and the API's answers to
/// changes.
const NO_STORE: &str = "no-store";

/// Marks the answer to anything but a read as not to be kept by any cache.
async fn no_store_unless_read(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let reading = matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    );
    let mut response = next.run(request).await;
    if !reading {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_STORE));
    }
    response
}

/// Whether a request's body is of this media type (parameters such as `charset` aside).
fn has_content_type(headers: &axum::http::HeaderMap, media_type: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(media_type))
}

/// A live page by its slug, or a 404.
async fn live_page(
    state: &AppState,
    slug: &str,
) -> Result<Arc<crate::read_model::LivePage>, AppError> {
    Ok(state.newsroom.page(slug).await?)
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}
