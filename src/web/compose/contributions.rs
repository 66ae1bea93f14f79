//! The desk's side of a page's callout: an editor opens it with a prompt of their own
//! (or stops it), reads what readers send, and publishes one as an entry (quoted, with
//! the reader's first name and place) with an answer, or discards it.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::super::auth::{CsrfForm, SignedIn};
use super::super::error::{Result, render};
use super::super::form::Form;
use super::super::live_page;
use super::super::{AppError, AppState};
use super::{Done, require_publisher};
use crate::domain::{
    Callout, CalloutKind, Contribution, ContributionState, EntryContent, EntryInput, FieldErrors,
    time,
};
use crate::newsroom::NewsroomError;
use crate::read_model::LivePage;
use crate::words::Words;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/live/{slug}/callout", get(callout_form).post(set_callout))
        .route("/live/{slug}/contributions/{id}", get(answer_form))
        .route("/live/{slug}/contributions/{id}/publish", post(publish))
        .route("/live/{slug}/contributions/{id}/discard", post(discard))
}

#[derive(Default, Deserialize)]
struct CalloutForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    callout_kind: String,
    #[serde(default)]
    callout_prompt: String,
    /// `open` (or change), or `stop`.
    #[serde(default)]
    action: String,
}

#[derive(Template)]
#[template(path = "editor/callout.html")]
struct CalloutPage<'a> {
    user: &'a str,
    admin: bool,
    csrf_token: &'a str,
    w: Words,
    page: &'a LivePage,
    kinds: [CalloutKind; 3],
    kind: String,
    prompt: String,
    errors: FieldErrors,
}

fn callout_page(
    signed_in: &SignedIn,
    page: &LivePage,
    kind: String,
    prompt: String,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<Response> {
    let html = render(&CalloutPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        w: signed_in.words(),
        page,
        kinds: CalloutKind::ALL,
        kind,
        prompt,
        errors,
    })?;
    Ok((status, html).into_response())
}

async fn callout_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response> {
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug).await?;
    let (kind, prompt) = match &page.blog.callout {
        Some(callout) => (callout.kind.as_str().to_owned(), callout.prompt.clone()),
        None => ("questions".to_owned(), String::new()),
    };
    callout_page(
        &signed_in,
        &page,
        kind,
        prompt,
        FieldErrors::default(),
        StatusCode::OK,
    )
}

async fn set_callout(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<CalloutForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug).await?;
    let callout = match form.action.as_str() {
        "stop" => None,
        _ => match Callout::parse(&form.callout_kind, &form.callout_prompt) {
            Ok(callout) => Some(callout),
            Err(errors) => {
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                return callout_page(
                    &signed_in,
                    &page,
                    form.callout_kind,
                    form.callout_prompt,
                    errors,
                    status,
                );
            }
        },
    };
    let mut blog = page.blog.clone();
    blog.callout = callout;
    state.newsroom.update_blog(blog).await?;
    tracing::info!(user = ?signed_in.session.user, page = %slug, action = %form.action, "callout set");
    Ok(Done::Marked.to(&slug).into_response())
}

#[derive(Default, Deserialize)]
struct AnswerForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    answer: String,
}

#[derive(Template)]
#[template(path = "editor/contribution.html")]
struct AnswerPage<'a> {
    user: &'a str,
    admin: bool,
    csrf_token: &'a str,
    w: Words,
    page: &'a LivePage,
    contribution: &'a Contribution,
    title: String,
    answer: String,
    errors: FieldErrors,
}

impl AnswerPage<'_> {
    fn sent_at(&self) -> String {
        time::published(self.contribution.sent_at, self.page.blog.time_zone)
    }
}

/// A contribution still waiting for an editor; one published or set aside is gone.
async fn waiting(state: &AppState, page: &LivePage, id: &str) -> Result<Contribution> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let found = (state.contributions.get(page.blog.id, id).await).map_err(NewsroomError::from)?;
    found
        .filter(|c| c.state == ContributionState::Waiting)
        .ok_or(AppError::NotFound)
}

async fn answer_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response> {
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug).await?;
    let contribution = waiting(&state, &page, &id).await?;
    let title = signed_in
        .words()
        .get(&format!("answer-title-{}", contribution.kind.as_str()));
    answer_page(
        &signed_in,
        &page,
        &contribution,
        title,
        String::new(),
        FieldErrors::default(),
        StatusCode::OK,
    )
}

fn answer_page(
    signed_in: &SignedIn,
    page: &LivePage,
    contribution: &Contribution,
    title: String,
    answer: String,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<Response> {
    let html = render(&AnswerPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        w: signed_in.words(),
        page,
        contribution,
        title,
        answer,
        errors,
    })?;
    Ok((status, html).into_response())
}

/// Publishes a reader's contribution as an entry: their words quoted and signed,
/// their photo if they sent one, then the editor's answer.
async fn publish(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<AnswerForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug).await?;
    let contribution = waiting(&state, &page, &id).await?;
    let words = signed_in.words();
    let mut input = EntryInput {
        title: form.title.clone(),
        body: contribution.entry_body(&form.answer),
        ..EntryInput::default()
    };
    if let Some(photo) = &contribution.photo_url {
        input.image_url = photo.clone();
        input.image_alt = words.with(
            "answer-photo-alt",
            &[("name", contribution.text.name.as_str().into())],
        );
    }
    let mut errors = FieldErrors::default();
    if form.answer.trim().is_empty() {
        errors.add("answer", words.get("answer-needed"));
    }
    let content = EntryContent::parse(&input);
    if let Err(problems) = &content {
        for problem in problems.iter() {
            let field = if problem.field == "title" {
                "title"
            } else {
                "answer"
            };
            errors.add(field, problem.message.clone());
        }
    }
    let content = match content {
        Ok(content) if errors.is_empty() => content,
        _ => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return answer_page(
                &signed_in,
                &page,
                &contribution,
                form.title,
                form.answer,
                errors,
                status,
            );
        }
    };
    // Taken first: two editors answering at once publish it once.
    if !(state.contributions.settle(contribution.id, true).await).map_err(NewsroomError::from)? {
        return Err(AppError::Conflict);
    }
    let published = state
        .newsroom
        .publish(&slug, content, &signed_in.session.user)
        .await;
    let kept = published.as_ref().ok().map(|entry| entry.id);
    (state
        .contributions
        .published_as(contribution.id, kept)
        .await)
        .map_err(NewsroomError::from)?;
    let entry = published?;
    tracing::info!(user = ?signed_in.session.user, contribution = contribution.id, entry = %entry.id, "published a reader's contribution");
    Ok(Done::Published.to(&slug).into_response())
}

#[derive(Deserialize)]
struct InlineQuery {
    inline: Option<String>,
}

async fn discard(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(inline): Query<InlineQuery>,
    Form(form): Form<CsrfForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug).await?;
    let contribution = waiting(&state, &page, &id).await?;
    (state.contributions.settle(contribution.id, false).await).map_err(NewsroomError::from)?;
    tracing::info!(user = ?signed_in.session.user, contribution = contribution.id, "discarded a reader's contribution");
    Ok(match inline.inline {
        Some(_) => StatusCode::NO_CONTENT.into_response(),
        None => Done::SetAside.to(&slug).into_response(),
    })
}
