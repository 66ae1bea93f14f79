//! The newsroom's snippets, kept by editors on a page of their own: add one, change
//! one in place, delete one after a confirmation. The compose page offers them above
//! every entry's text (static/format.js).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::auth::{CsrfForm, SignedIn};
use super::error::{Result, render};
use super::form::Form;
use super::{AppError, AppState};
use crate::domain::{
    FieldErrors, MAX_SNIPPET_NAME_CHARS, MAX_SNIPPETS, Snippet, SnippetId, SnippetInput,
    SnippetText,
};
use crate::newsroom::NewsroomError;
use crate::words::Words;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/snippets", get(snippets_page).post(add))
        .route("/snippets/{id}", post(save))
        .route("/snippets/{id}/delete", post(delete))
}

/// A snippet's form as it comes back: which one (`None` for a new one), as typed, and
/// what is wrong with it.
struct Refused<'a> {
    id: Option<SnippetId>,
    input: &'a SnippetInput,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "editor/snippets.html")]
struct SnippetsPage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    snippets: Vec<Snippet>,
    /// The new snippet's form, as typed.
    new: SnippetInput,
    refused: Option<Refused<'a>>,
    done: Option<String>,
    max_name: usize,
    max_snippets: usize,
}

impl SnippetsPage<'_> {
    /// A snippet's fields as the page shows them: as typed if it came back refused.
    fn input_of(&self, snippet: &Snippet) -> SnippetInput {
        match &self.refused {
            Some(refused) if refused.id == Some(snippet.id) => refused.input.clone(),
            _ => snippet.text.to_input(),
        }
    }

    /// The problems of the form for snippet `id` (`None`: the new one's).
    fn errors_of(&self, id: Option<SnippetId>) -> FieldErrors {
        match &self.refused {
            Some(refused) if refused.id == id => refused.errors.clone(),
            _ => FieldErrors::default(),
        }
    }

    fn errors_for(&self, snippet: &Snippet) -> FieldErrors {
        self.errors_of(Some(snippet.id))
    }

    fn saved_by(&self, snippet: &Snippet) -> String {
        self.w.with(
            "snippets-saved-by",
            &[("user", snippet.updated_by.as_str().into())],
        )
    }
}

#[derive(Deserialize)]
struct SnippetForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(flatten)]
    input: SnippetInput,
}

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn page(
    state: &AppState,
    signed_in: &SignedIn,
    refused: Option<Refused<'_>>,
    done: Option<&str>,
) -> Result<Response> {
    let w = signed_in.words();
    let done = match done {
        Some("saved") => Some(w.get("snippets-done-saved")),
        Some("deleted") => Some(w.get("snippets-done-deleted")),
        _ => None,
    };
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let new = match &refused {
        Some(Refused {
            id: None, input, ..
        }) => (*input).clone(),
        _ => SnippetInput::default(),
    };
    let html = render(&SnippetsPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        snippets: state.newsroom.snippets().await?,
        w,
        new,
        refused,
        done,
        max_name: MAX_SNIPPET_NAME_CHARS,
        max_snippets: MAX_SNIPPETS,
    })?;
    Ok((status, html).into_response())
}

async fn snippets_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(query): Query<DoneQuery>,
) -> Result<Response> {
    signed_in.require_publisher()?;
    page(&state, &signed_in, None, query.done.as_deref()).await
}

fn snippet_id(raw: &str) -> Result<SnippetId> {
    raw.parse().map(SnippetId).map_err(|_| AppError::NotFound)
}

/// Saves a new snippet (`id` is `None`) or a change to one; a refused form comes back
/// with what was typed, its problems beside its fields.
async fn kept(
    state: &AppState,
    signed_in: &SignedIn,
    id: Option<SnippetId>,
    form: &SnippetForm,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_publisher()?;
    let by = &signed_in.session.user;
    let outcome = match SnippetText::parse(&form.input) {
        Ok(text) => match id {
            Some(id) => state.newsroom.save_snippet(id, &text, by).await,
            None => state.newsroom.add_snippet(&text, by).await.map(|_| ()),
        },
        Err(errors) => Err(NewsroomError::Invalid(errors)),
    };
    match outcome {
        Ok(()) => {
            tracing::info!(user = ?by, snippet = ?id, "saved a snippet");
            Ok(Redirect::to("/editor/snippets?done=saved").into_response())
        }
        Err(NewsroomError::Invalid(errors)) => {
            let input = &form.input;
            page(state, signed_in, Some(Refused { id, input, errors }), None).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn add(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Form(form): Form<SnippetForm>,
) -> Result<Response> {
    kept(&state, &signed_in, None, &form).await
}

async fn save(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<SnippetForm>,
) -> Result<Response> {
    let id = snippet_id(&id)?;
    kept(&state, &signed_in, Some(id), &form).await
}

async fn delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_publisher()?;
    let id = snippet_id(&id)?;
    state.newsroom.delete_snippet(id).await?;
    tracing::info!(user = ?signed_in.session.user, snippet = %id, "deleted a snippet");
    Ok(Redirect::to("/editor/snippets?done=deleted"))
}
