//! The newsroom's pages: the list of live pages, a new live page, and for each live
//! page the compose form, corrections and deletions. Every route here sits behind the
//! sign-in guard, and every form is checked for its CSRF token first.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::auth::SignedIn;
use super::error::{Result, render};
use super::{AppError, AppState};
use crate::domain::{
    Blog, BlogDraft, BlogInput, BlogStatus, EntryDraft, EntryId, EntryInput, FieldErrors, Label,
    Role, parse_correction_note,
};
use crate::newsroom::{Edit, NewsroomError};
use crate::read_model::{LivePage, RenderedEntry};

/// How many recent entries the compose page lists for correcting or deleting.
const RECENT_ENTRIES_LISTED: usize = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard))
        .route("/live", post(create_blog))
        .route("/live/new", get(new_blog_form))
        .route("/live/{slug}", get(compose_page))
        .route(
            "/live/{slug}/settings",
            get(settings_form).post(save_settings),
        )
        .route("/live/{slug}/close", post(close))
        .route("/live/{slug}/reopen", post(reopen))
        .route("/live/{slug}/entries", post(publish))
        .route("/live/{slug}/entries/{id}", get(edit_form).post(correct))
        .route(
            "/live/{slug}/entries/{id}/delete",
            get(confirm_delete).post(delete),
        )
}

#[derive(Template)]
#[template(path = "editor/dashboard.html")]
struct Dashboard<'a> {
    user: &'a str,
    csrf_token: &'a str,
    pages: Vec<Arc<LivePage>>,
}

async fn dashboard(State(state): State<AppState>, signed_in: SignedIn) -> Result<Html<String>> {
    render(&Dashboard {
        user: &signed_in.session.user,
        csrf_token: signed_in.csrf_token(),
        pages: state.pages.pages(),
    })
}

/// A live page's settings: a new page, or an existing one (`editing`), which can also
/// be closed and reopened.
#[derive(Template)]
#[template(path = "editor/blog_settings.html")]
struct BlogSettingsPage<'a> {
    user: &'a str,
    csrf_token: &'a str,
    input: &'a BlogInput,
    errors: &'a FieldErrors,
    editing: Option<&'a str>,
    live: bool,
}

fn blog_settings(
    signed_in: &SignedIn,
    input: &BlogInput,
    errors: &FieldErrors,
    editing: Option<&Blog>,
    status: StatusCode,
) -> Result<Response> {
    let html = render(&BlogSettingsPage {
        user: &signed_in.session.user,
        csrf_token: signed_in.csrf_token(),
        input,
        errors,
        editing: editing.map(|b| b.slug.as_str()),
        live: editing.is_none_or(|b| b.is_live()),
    })?;
    Ok((status, html).into_response())
}

async fn new_blog_form(signed_in: SignedIn) -> Result<Response> {
    signed_in.require_admin()?;
    let input = BlogInput {
        time_zone: "Europe/London".into(),
        ..BlogInput::default()
    };
    blog_settings(
        &signed_in,
        &input,
        &FieldErrors::default(),
        None,
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
struct BlogForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(flatten)]
    input: BlogInput,
}

async fn create_blog(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Form(form): Form<BlogForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_admin()?;
    let result = match BlogDraft::parse(&form.input) {
        Ok(draft) => state.newsroom.create_blog(draft).await,
        Err(errors) => Err(NewsroomError::Invalid(errors)),
    };
    match result {
        Ok(blog) => Ok(Redirect::to(&format!("/editor/live/{}", blog.slug)).into_response()),
        Err(NewsroomError::Invalid(errors)) => blog_settings(
            &signed_in,
            &form.input,
            &errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other.into()),
    }
}

async fn settings_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response> {
    signed_in.require_admin()?;
    let page = live_page(&state, &slug)?;
    let blog = &page.blog;
    let input = BlogInput {
        title: blog.title.clone(),
        slug: blog.slug.to_string(),
        description: blog.description.clone(),
        summary: blog.summary.join("\n"),
        time_zone: blog.time_zone.name().to_owned(),
    };
    blog_settings(
        &signed_in,
        &input,
        &FieldErrors::default(),
        Some(blog),
        StatusCode::OK,
    )
}

/// Saves a page's title, description, summary and time zone; readers get the new
/// summary at once (`blog-updated`). The address stays as it is.
async fn save_settings(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    Form(mut form): Form<BlogForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_admin()?;
    let page = live_page(&state, &slug)?;
    form.input.slug = slug.clone();
    let result = match BlogDraft::parse(&form.input) {
        Ok(draft) => {
            let mut blog = page.blog.clone();
            blog.title = draft.title;
            blog.description = draft.description;
            blog.summary = draft.summary;
            blog.time_zone = draft.time_zone;
            state.newsroom.update_blog(blog).await
        }
        Err(errors) => Err(NewsroomError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/editor/live/{slug}")).into_response()),
        Err(NewsroomError::Invalid(errors)) => blog_settings(
            &signed_in,
            &form.input,
            &errors,
            Some(&page.blog),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf_token: String,
}

/// Closes or reopens a live page; readers are told at once.
async fn set_status(
    state: &AppState,
    signed_in: &SignedIn,
    slug: &str,
    form: &CsrfForm,
    status: BlogStatus,
) -> Result<Redirect> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_admin()?;
    let mut blog = live_page(state, slug)?.blog.clone();
    blog.status = status;
    state.newsroom.update_blog(blog).await?;
    Ok(Redirect::to(&format!("/editor/live/{slug}/settings")))
}

async fn close(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    set_status(&state, &signed_in, &slug, &form, BlogStatus::Closed).await
}

async fn reopen(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    set_status(&state, &signed_in, &slug, &form, BlogStatus::Live).await
}

/// The entry form, for a new entry or a correction, with what was typed and what was
/// wrong with it.
#[derive(Template)]
#[template(path = "editor/compose.html")]
struct ComposePage<'a> {
    user: &'a str,
    csrf_token: &'a str,
    page: &'a LivePage,
    /// The entry being corrected, or `None` for a new one.
    editing: Option<Editing<'a>>,
    input: &'a EntryInput,
    errors: &'a FieldErrors,
    recent: Vec<&'a RenderedEntry>,
    labels: [Label; 5],
    is_admin: bool,
}

/// A correction in progress: which entry, from which version, the public note typed
/// so far, and, when someone else saved it first, their version as readers see it.
struct Editing<'a> {
    id: EntryId,
    version: u32,
    note: &'a str,
    theirs: Option<&'a RenderedEntry>,
}

impl ComposePage<'_> {
    fn action(&self) -> String {
        let slug = self.page.blog.slug.as_str();
        match &self.editing {
            Some(editing) => format!("/editor/live/{slug}/entries/{}", editing.id),
            None => format!("/editor/live/{slug}/entries"),
        }
    }

    fn is_label(&self, label: &Label) -> bool {
        Label::parse(&self.input.label) == Some(*label)
    }

    /// An unknown label is offered back as typed, so the form loses nothing.
    fn is_known_label(&self) -> bool {
        Label::parse(&self.input.label).is_some()
    }
}

fn compose(
    signed_in: &SignedIn,
    page: &LivePage,
    editing: Option<Editing>,
    input: &EntryInput,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response> {
    let recent = (1..=page.page_count())
        .filter_map(|n| page.stream_page(n))
        .flatten()
        .take(RECENT_ENTRIES_LISTED);
    let recent = page.pinned().into_iter().chain(recent).collect();
    let html = render(&ComposePage {
        user: &signed_in.session.user,
        csrf_token: signed_in.csrf_token(),
        page,
        editing,
        input,
        errors,
        recent,
        labels: Label::ALL,
        is_admin: signed_in.session.role == Role::Admin,
    })?;
    Ok((status, html).into_response())
}

fn live_page(state: &AppState, slug: &str) -> Result<Arc<LivePage>> {
    state.pages.page(slug).ok_or(AppError::NotFound)
}

async fn compose_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response> {
    let page = live_page(&state, &slug)?;
    compose(
        &signed_in,
        &page,
        None,
        &EntryInput::default(),
        &FieldErrors::default(),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
struct EntryForm {
    #[serde(default)]
    csrf_token: String,
    /// The version the correction started from.
    #[serde(default)]
    version: String,
    /// A public note of what was corrected.
    #[serde(default)]
    correction: String,
    #[serde(flatten)]
    input: EntryInput,
}

async fn publish(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<EntryForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    let page = live_page(&state, &slug)?;
    let result = match EntryDraft::parse(&form.input) {
        Ok(draft) => {
            state
                .newsroom
                .publish(&slug, draft, &signed_in.session.user)
                .await
        }
        Err(errors) => Err(NewsroomError::Invalid(errors)),
    };
    match result {
        Ok(entry) => {
            tracing::info!(user = %signed_in.session.user, entry = %entry.id, "published");
            Ok(Redirect::to(&format!("/editor/live/{slug}")).into_response())
        }
        Err(NewsroomError::Invalid(errors)) => compose(
            &signed_in,
            &page,
            None,
            &form.input,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other.into()),
    }
}

fn entry_id(raw: &str) -> Result<EntryId> {
    raw.parse().map(EntryId).map_err(|_| AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response> {
    let page = live_page(&state, &slug)?;
    let id = entry_id(&id)?;
    let entry = page.entry(id).ok_or(AppError::NotFound)?;
    let editing = Editing {
        id,
        version: entry.entry.version,
        note: "",
        theirs: None,
    };
    compose(
        &signed_in,
        &page,
        Some(editing),
        &entry.entry.to_input(),
        &FieldErrors::default(),
        StatusCode::OK,
    )
}

async fn correct(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<EntryForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    let page = live_page(&state, &slug)?;
    let id = entry_id(&id)?;
    let base_version = form.version.trim().parse().ok();
    let parsed = EntryDraft::parse(&form.input)
        .and_then(|draft| Ok((draft, parse_correction_note(&form.correction)?)));
    let result = match parsed {
        Ok((draft, note)) => {
            let edit = Edit {
                by: &signed_in.session.user,
                base_version,
                note,
            };
            state.newsroom.correct(&slug, id, draft, edit).await
        }
        Err(errors) => Err(NewsroomError::Invalid(errors)),
    };
    let editing = |version: u32, theirs| Editing {
        id,
        version,
        note: &form.correction,
        theirs,
    };
    match result {
        Ok(_) => {
            tracing::info!(user = %signed_in.session.user, entry = %id, "corrected");
            Ok(Redirect::to(&format!("/editor/live/{slug}")).into_response())
        }
        Err(NewsroomError::Invalid(errors)) => compose(
            &signed_in,
            &page,
            Some(editing(base_version.unwrap_or(0), None)),
            &form.input,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        // Both versions side by side: theirs as saved, this editor's still in the form,
        // which now starts from theirs, so saving again is a deliberate overwrite.
        Err(NewsroomError::Conflict(theirs)) => {
            let page = live_page(&state, &slug)?;
            let rendered = page.entry(id).ok_or(AppError::NotFound)?;
            compose(
                &signed_in,
                &page,
                Some(editing(theirs.version, Some(rendered))),
                &form.input,
                &FieldErrors::default(),
                StatusCode::CONFLICT,
            )
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "editor/confirm_delete.html")]
struct ConfirmDelete<'a> {
    user: &'a str,
    csrf_token: &'a str,
    page: &'a LivePage,
    entry: &'a RenderedEntry,
}

/// The step before a deletion: the entry as readers see it, and a button to go on.
async fn confirm_delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Html<String>> {
    let page = live_page(&state, &slug)?;
    let entry = page.entry(entry_id(&id)?).ok_or(AppError::NotFound)?;
    render(&ConfirmDelete {
        user: &signed_in.session.user,
        csrf_token: signed_in.csrf_token(),
        page: &page,
        entry,
    })
}

async fn delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    signed_in.check_csrf(&form.csrf_token)?;
    let id = entry_id(&id)?;
    state.newsroom.delete(&slug, id).await?;
    tracing::info!(user = %signed_in.session.user, entry = %id, "deleted");
    Ok(Redirect::to(&format!("/editor/live/{slug}")))
}
