//! A live page's first page answered ahead of the middleware stack: the request nearly
//! every reader makes, served from the bytes kept for it (`first_page`) with every
//! header the stack would have given it, and counted in the same latency figures.
//! Whatever it does not answer (another address, a query, a first page not yet
//! rendered for this change, an encoding not kept) goes through the stack as before.

use std::time::Instant;

use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Method, Request, Response};

use super::AppState;
use super::reader::first_page_answer;

/// The route the latency figures count a live page's first page under.
const ROUTE: &str = "/live/{slug}";

/// The answer to `request` if it asks for a live page's first page and that page is
/// kept ready, else `None`.
pub fn answer<B>(state: &AppState, request: &Request<B>) -> Option<Response<Body>> {
    if request.method() != Method::GET || request.uri().query().is_some() {
        return None;
    }
    let slug = request.uri().path().strip_prefix("/live/")?;
    // A slug as pages are given: anything else is the router's to read.
    if slug.is_empty()
        || !(slug.bytes()).all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let started = Instant::now();
    let page = state.pages.page(slug)?;
    let kept = state.first_pages.ready(&page)?;
    if !kept.answers_whole(request.headers()) {
        return None;
    }
    let mut response = first_page_answer(&kept, request.headers());
    let headers = response.headers_mut();
    for (name, value) in crate::headers::every_answer(state.secure_cookies) {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    let status = response.status().as_u16();
    state
        .metrics
        .observe(ROUTE, "GET", status, started.elapsed());
    Some(response)
}
