//! The newsroom's pages: the list of live pages, and each page's settings (opening,
//! changing, closing). The entry forms are in `compose`. Every route here sits behind
//! the sign-in guard, and every form is checked for its CSRF token first.

use crate::words::Words;
use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::compose::done::Done;
use super::form::Form;
use serde::Deserialize;

use super::AppState;
use super::auth::{CsrfForm, SignedIn};
use super::error::{Result, render};
use super::live_page;
use crate::domain::{Blog, BlogInput, BlogSettings, BlogStatus, Draft, FieldErrors};
use crate::newsroom::NewsroomError;
use crate::store::PageListing;

/// `max_upload_bytes`: the largest image the entry forms take.
pub fn router(max_upload_bytes: usize, max_clip_bytes: u64) -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard))
        .route("/alerts", get(super::alerts::alerts))
        .route("/live", post(create_blog))
        .route("/live/new", get(new_blog_form))
        .route(
            "/live/{slug}/settings",
            get(settings_form).post(save_settings),
        )
        .route("/live/{slug}/close", post(close))
        .route("/live/{slug}/reopen", post(reopen))
        .merge(super::compose::router(max_upload_bytes, max_clip_bytes))
        .merge(super::people::router())
        .merge(super::webhooks::router())
        .merge(super::snippets::router())
        .merge(super::labels::router())
        .merge(super::profiles::router(max_upload_bytes))
}

#[derive(Template)]
#[template(path = "editor/dashboard.html")]
struct Dashboard<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    pages: Vec<Arc<PageListing>>,
    /// Contributors' entries waiting for approval on every page, with their page
    /// (editors and admins only).
    queue: Vec<(Arc<PageListing>, Draft)>,
    /// Editors and admins keep the newsroom's snippets.
    publishes: bool,
}

async fn dashboard(State(state): State<AppState>, signed_in: SignedIn) -> Result<Html<String>> {
    let queue = if signed_in.session.role.publishes() {
        state
            .newsroom
            .approval_queue()
            .await?
            .into_iter()
            .filter_map(|draft| Some((state.pages.listing_by_id(draft.blog)?, draft)))
            .collect()
    } else {
        Vec::new()
    };
    render(&Dashboard {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        w: signed_in.words(),
        csrf_token: signed_in.csrf_token(),
        pages: state.pages.pages(),
        queue,
        publishes: signed_in.session.role.publishes(),
    })
}

/// A live page's settings: a new page, or an existing one (`editing`), which can also
/// be closed and reopened.
#[derive(Template)]
#[template(path = "editor/blog_settings.html")]
struct BlogSettingsPage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    input: &'a BlogInput,
    errors: &'a FieldErrors,
    editing: Option<&'a str>,
    live: bool,
    /// For a page being edited: the code a CMS article embeds it with, by the loader
    /// and by a plain frame.
    embed_code: Option<(String, String)>,
}

impl BlogSettingsPage<'_> {
    /// The time zones suggested as the editor types one.
    fn zones(&self) -> impl Iterator<Item = &'static str> {
        crate::domain::zone::suggested_zones()
    }
}

/// The code a CMS article embeds `blog` with: the loader, and a plain frame for a site
/// that allows no scripts. The frame's title is read out to the article's readers, so
/// it is in the page's language.
fn embed_code(public_url: &str, blog: &Blog) -> (String, String) {
    let base = public_url.trim_end_matches('/');
    let slug = blog.slug.as_str();
    let title = Words::of(&blog.language).get("embed-frame-title");
    // Escaped for an attribute, as a template would: the catalogue's words are text.
    let Ok(title) = askama::filters::escape(&title, askama::filters::Html);
    (
        format!(
            "<div data-liveblog=\"{base}/live/{slug}\"></div>\n\
             <script src=\"{base}/static/embed.js\" async></script>"
        ),
        format!(
            "<iframe src=\"{base}/live/{slug}/embed\" title=\"{title}\" \
             style=\"width:100%;height:900px;border:0\"></iframe>"
        ),
    )
}

fn blog_settings(
    signed_in: &SignedIn,
    input: &BlogInput,
    errors: &FieldErrors,
    editing: Option<(&Blog, &str)>,
    status: StatusCode,
) -> Result<Response> {
    let (editing, public_url) = match editing {
        Some((blog, public_url)) => (Some(blog), public_url),
        None => (None, ""),
    };
    let html = render(&BlogSettingsPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        w: signed_in.words(),
        csrf_token: signed_in.csrf_token(),
        input,
        errors,
        editing: editing.map(|b| b.slug.as_str()),
        live: editing.is_none_or(|b| b.is_live()),
        embed_code: editing.map(|b| embed_code(public_url, b)),
    })?;
    Ok((status, html).into_response())
}

async fn new_blog_form(signed_in: SignedIn) -> Result<Response> {
    signed_in.require_admin()?;
    let input = BlogInput {
        time_zone: "Europe/London".into(),
        language: crate::domain::DEFAULT_LANGUAGE.into(),
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
    let result = match BlogSettings::parse(&form.input) {
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
    let page = live_page(&state, &slug).await?;
    let input = page.blog.to_input();
    blog_settings(
        &signed_in,
        &input,
        &FieldErrors::default(),
        Some((&page.blog, &state.public_url)),
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
    let page = live_page(&state, &slug).await?;
    form.input.slug = slug.clone();
    let result = match BlogSettings::parse(&form.input) {
        Ok(settings) => state.newsroom.change_settings(&slug, settings).await,
        Err(errors) => Err(NewsroomError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(Done::SettingsSaved.to(&slug).into_response()),
        Err(NewsroomError::Invalid(errors)) => blog_settings(
            &signed_in,
            &form.input,
            &errors,
            Some((&page.blog, &state.public_url)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other.into()),
    }
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
    state.newsroom.set_status(slug, status).await?;
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
