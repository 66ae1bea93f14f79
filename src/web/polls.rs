//! Readers' votes: the poll's form posts here, with a script or without. A script
//! asks for JSON and shows the answer in place; a plain form gets a page with the
//! counts. Each browser votes once (a signed cookie names it), each address a named
//! number of times per poll (`--poll-votes-per-address`).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;

use super::client::ClientAddress;
use super::error::{Result, render};
use super::{AppError, AppState};
use crate::domain::{Entry, EntryId, Poll};
use crate::fragments;
use crate::newsroom::NewsroomError;
use crate::polls::VOTER_COOKIE;
use crate::read_model::LivePage;
use crate::store::Ballot;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/live/{slug}/entries/{id}/vote", post(vote))
        .route("/live/{slug}/entries/{id}/poll", get(results))
}

/// How long a browser's voter cookie lasts.
const VOTER_DAYS: i64 = 400;

#[derive(Deserialize)]
struct VoteForm {
    #[serde(default)]
    answer: String,
}

/// The counts on a page of their own, for a reader without script.
#[derive(Template)]
#[template(path = "poll_page.html")]
struct PollPage<'a> {
    page: &'a LivePage,
    entry: &'a Entry,
    poll: &'a Poll,
    message: Option<String>,
    results: String,
}

fn poll_of(page: &LivePage, id: &str) -> Result<(Entry, Poll)> {
    let id = EntryId(id.parse().map_err(|_| AppError::NotFound)?);
    let entry = page.entry(id).ok_or(AppError::NotFound)?.entry.clone();
    let poll = entry.poll.clone().ok_or(AppError::NotFound)?;
    Ok((entry, poll))
}

/// `GET /live/{slug}/entries/{id}/poll`: the counts, as the page has them.
async fn results(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response> {
    let page = state.newsroom.page(&slug).await?;
    let (entry, poll) = poll_of(&page, &id)?;
    show(&page, &entry, &poll, None, StatusCode::OK)
}

fn show(
    page: &LivePage,
    entry: &Entry,
    poll: &Poll,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response> {
    let results = fragments::poll_results(entry, poll, &page.words);
    let html = render(&PollPage {
        page,
        entry,
        poll,
        message,
        results,
    })?;
    Ok((status, html).into_response())
}

/// `POST /live/{slug}/entries/{id}/vote`, field `answer`: the answer's place, from 0.
async fn vote(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<VoteForm>,
) -> Result<Response> {
    let page = state.newsroom.page(&slug).await?;
    let (mut entry, mut poll) = poll_of(&page, &id)?;
    let by_script = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
    let words = &page.words;
    let answer = form
        .answer
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n < poll.answers.len());
    let Some(answer) = answer else {
        let message = words.get("poll-choose");
        return match by_script {
            true => Ok(refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                "answer",
                &message,
            )),
            false => show(
                &page,
                &entry,
                &poll,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
        };
    };
    let signed = jar
        .get(VOTER_COOKIE)
        .and_then(|c| state.polls.voter_in(c.value()));
    let (voter, jar) = match signed {
        Some(voter) => (voter, jar),
        None => {
            let (voter, value) = state.polls.new_voter();
            let cookie = Cookie::build((VOTER_COOKIE, value))
                .path("/")
                .http_only(true)
                .same_site(SameSite::Lax)
                .secure(state.secure_cookies)
                .max_age(cookie::time::Duration::days(VOTER_DAYS));
            (voter, jar.add(cookie))
        }
    };
    let ballot = match page.blog.is_live() {
        true => (state.polls.vote(entry.id, answer, &voter, address).await)
            .map_err(NewsroomError::from)?,
        false => Ballot::Closed,
    };
    let (status, message) = match ballot {
        Ballot::Counted => (StatusCode::OK, words.get("poll-counted")),
        Ballot::AlreadyVoted => (StatusCode::CONFLICT, words.get("poll-already-voted")),
        Ballot::Closed => (StatusCode::FORBIDDEN, words.get("poll-closed")),
        Ballot::TooMany => (StatusCode::TOO_MANY_REQUESTS, words.get("poll-too-many")),
    };
    if by_script {
        let answer = match ballot {
            Ballot::Counted => {
                Json(serde_json::json!({ "counted": true, "message": message })).into_response()
            }
            _ => refused(status, "answer", &message),
        };
        return Ok((jar, answer).into_response());
    }
    // Without script, the counts as they are in the record this moment.
    poll.counts = (state.polls.counts(entry.id).await).map_err(NewsroomError::from)?;
    if ballot == Ballot::Closed {
        poll.closed_at.get_or_insert_with(chrono::Utc::now);
    }
    entry.poll = Some(poll.clone());
    Ok((jar, show(&page, &entry, &poll, Some(message), status)?).into_response())
}

/// A refusal as the page's script reads it: `{"error", "field"}`.
fn refused(status: StatusCode, field: &str, message: &str) -> Response {
    (
        status,
        Json(serde_json::json!({ "error": message, "field": field })),
    )
        .into_response()
}
