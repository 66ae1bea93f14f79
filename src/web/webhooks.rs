//! The admin's webhooks page: register an address for one page or every page (its
//! secret shown once), remove one, and read how the latest deliveries went.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::auth::{CsrfForm, SignedIn};
use super::error::{Result, render};
use super::form::Form;
use super::{AppError, AppState};
use crate::domain::{FieldErrors, time};
use crate::newsroom::NewsroomError;
use crate::store::{DeliveryRecord, PageListing, Webhook, WebhookId};
use crate::words::Words;

/// Deliveries the log shows, the latest first.
const LOG_SHOWN: u32 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/webhooks", get(webhooks).post(add))
        .route("/webhooks/{id}/remove", post(remove))
}

#[derive(Default, Deserialize)]
struct WebhookForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    url: String,
    /// A page's slug; empty for every page.
    #[serde(default)]
    page: String,
}

#[derive(Template)]
#[template(path = "editor/webhooks.html")]
struct WebhooksPage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    w: Words,
    webhooks: Vec<Webhook>,
    pages: Vec<std::sync::Arc<PageListing>>,
    log: Vec<DeliveryRecord>,
    form: &'a WebhookForm,
    errors: FieldErrors,
    /// The secret of the webhook just added, shown this once.
    secret: Option<String>,
}

impl WebhooksPage<'_> {
    fn when(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        time::published(*at, chrono_tz::UTC)
    }

    fn page_name(&self, webhook: &Webhook) -> String {
        match &webhook.page {
            Some(slug) => slug.clone(),
            None => self.w.get("webhooks-every-page"),
        }
    }

    fn state_name(&self, delivery: &DeliveryRecord) -> String {
        self.w.get(&format!("webhooks-state-{}", delivery.state))
    }
}

async fn page(
    state: &AppState,
    signed_in: &SignedIn,
    form: &WebhookForm,
    errors: FieldErrors,
    secret: Option<String>,
    status: StatusCode,
) -> Result<Response> {
    let webhooks = state.webhooks.list().await.map_err(NewsroomError::from)?;
    let log = (state.webhooks.log(LOG_SHOWN).await).map_err(NewsroomError::from)?;
    let html = render(&WebhooksPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        w: signed_in.words(),
        webhooks,
        pages: state.pages.pages(),
        log,
        form,
        errors,
        secret,
    })?;
    Ok((status, html).into_response())
}

async fn webhooks(State(state): State<AppState>, signed_in: SignedIn) -> Result<Response> {
    signed_in.require_admin()?;
    let form = WebhookForm::default();
    page(
        &state,
        &signed_in,
        &form,
        FieldErrors::default(),
        None,
        StatusCode::OK,
    )
    .await
}

async fn add(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Form(form): Form<WebhookForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_admin()?;
    let mut errors = FieldErrors::default();
    let blog = match form.page.trim() {
        "" => None,
        slug => match state.pages.listing(slug) {
            Some(listing) => Some(listing.blog.id),
            None => {
                errors.add("page", "There is no such live page.");
                None
            }
        },
    };
    if errors.is_empty() {
        let added = (state
            .webhooks
            .add(&form.url, blog, &signed_in.session.user)
            .await)
            .map_err(NewsroomError::from)?;
        match added {
            Ok(secret) => {
                tracing::info!(admin = ?signed_in.session.user, "added a webhook");
                let fresh = WebhookForm::default();
                let ok = FieldErrors::default();
                return page(&state, &signed_in, &fresh, ok, Some(secret), StatusCode::OK).await;
            }
            Err(why) => errors.add("url", why.to_string()),
        }
    }
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    page(&state, &signed_in, &form, errors, None, status).await
}

async fn remove(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_admin()?;
    let id = WebhookId(id.parse().map_err(|_| AppError::NotFound)?);
    state
        .webhooks
        .remove(id)
        .await
        .map_err(NewsroomError::from)?;
    tracing::info!(admin = ?signed_in.session.user, webhook = id.0, "removed a webhook");
    Ok(Redirect::to("/editor/webhooks").into_response())
}
