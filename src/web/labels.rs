//! The newsroom's labels, kept by editors on a page of their own: add one with its key
//! and names, rename one in place, remove one after a confirmation. The entry form
//! offers them above the headline; entries keep theirs as they were.

use std::collections::BTreeMap;

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
    FieldErrors, LABEL_LANGUAGES, Label, LabelInput, MAX_LABEL_KEY_CHARS, MAX_LABEL_NAME_CHARS,
    MAX_LABELS, NAME_FIELDS,
};
use crate::newsroom::NewsroomError;
use crate::words::Words;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/labels", get(labels_page).post(add))
        .route("/labels/{key}", post(save))
        .route("/labels/{key}/delete", post(delete))
}

/// A label's form as it comes back: which one (`None` for a new one), as typed, and
/// what is wrong with it.
struct Refused {
    key: Option<String>,
    input: LabelInput,
    errors: FieldErrors,
}

/// One name field of a label's form.
struct NameField<'a> {
    /// The form's field, `name_fr`.
    name: &'static str,
    /// The language's tag, `fr`, for the field's `lang`.
    language: &'static str,
    value: &'a str,
}

#[derive(Template)]
#[template(path = "editor/labels.html")]
struct LabelsPage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    labels: Vec<Label>,
    /// The new label's form, as typed.
    new: LabelInput,
    refused: Option<Refused>,
    done: Option<String>,
    max_key: usize,
    max_name: usize,
    max_labels: usize,
}

impl LabelsPage<'_> {
    /// A label's fields as the page shows them: as typed if it came back refused.
    fn input_of(&self, label: &Label) -> LabelInput {
        match &self.refused {
            Some(refused) if refused.key.as_deref() == Some(label.key.as_str()) => {
                refused.input.clone()
            }
            _ => LabelInput::of(label),
        }
    }

    /// The problems of the form for label `key` (`None`: the new one's).
    fn errors_of(&self, key: Option<&str>) -> FieldErrors {
        match &self.refused {
            Some(refused) if refused.key.as_deref() == key => refused.errors.clone(),
            _ => FieldErrors::default(),
        }
    }

    fn errors_for(&self, label: &Label) -> FieldErrors {
        self.errors_of(Some(&label.key))
    }

    /// The name fields of a form holding `input`, one per language.
    fn name_fields<'b>(&self, input: &'b LabelInput) -> Vec<NameField<'b>> {
        LABEL_LANGUAGES
            .into_iter()
            .zip(NAME_FIELDS)
            .map(|(language, name)| NameField {
                name,
                language,
                value: input.name(language),
            })
            .collect()
    }

    /// What a language is called, in the editor's words.
    fn language_name(&self, language: &str) -> String {
        self.w.get(&format!("labels-language-{language}"))
    }

    /// The label's name in the editor's language, for its heading.
    fn heading(&self, label: &Label) -> String {
        crate::fragments::label_name(label, &self.w)
    }
}

/// A label's form as browsers send it: the key, and one field per language.
#[derive(Deserialize)]
struct LabelForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    key: String,
    #[serde(flatten)]
    names: BTreeMap<String, String>,
}

impl LabelForm {
    fn input(&self) -> LabelInput {
        let names = LABEL_LANGUAGES
            .into_iter()
            .zip(NAME_FIELDS)
            .filter_map(|(language, field)| {
                let typed = self.names.get(field)?;
                Some((language.to_owned(), typed.clone()))
            })
            .collect();
        LabelInput {
            key: self.key.clone(),
            names,
        }
    }
}

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn page(
    state: &AppState,
    signed_in: &SignedIn,
    refused: Option<Refused>,
    done: Option<&str>,
) -> Result<Response> {
    let w = signed_in.words();
    let done = match done {
        Some("saved") => Some(w.get("labels-done-saved")),
        Some("deleted") => Some(w.get("labels-done-deleted")),
        _ => None,
    };
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let new = match &refused {
        Some(Refused {
            key: None, input, ..
        }) => input.clone(),
        _ => LabelInput::default(),
    };
    let html = render(&LabelsPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        labels: state.newsroom.labels().await?,
        w,
        new,
        refused,
        done,
        max_key: MAX_LABEL_KEY_CHARS,
        max_name: MAX_LABEL_NAME_CHARS,
        max_labels: MAX_LABELS,
    })?;
    Ok((status, html).into_response())
}

async fn labels_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(query): Query<DoneQuery>,
) -> Result<Response> {
    signed_in.require_publisher()?;
    page(&state, &signed_in, None, query.done.as_deref()).await
}

/// Saves a new label (`key` is `None`) or new names for one; a refused form comes back
/// with what was typed, its problems beside its fields.
async fn kept(
    state: &AppState,
    signed_in: &SignedIn,
    key: Option<String>,
    form: &LabelForm,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_publisher()?;
    let by = &signed_in.session.user;
    let mut input = form.input();
    if let Some(key) = &key {
        // A label's key stays what entries were saved with.
        input.key = key.clone();
    }
    let outcome = match input.parse() {
        Ok(label) => match &key {
            Some(_) => state.newsroom.save_label(&label, by).await,
            None => state.newsroom.add_label(&label, by).await,
        },
        Err(errors) => Err(NewsroomError::Invalid(errors)),
    };
    match outcome {
        Ok(()) => {
            tracing::info!(user = ?by, label = %input.key, "saved a label");
            Ok(Redirect::to("/editor/labels?done=saved").into_response())
        }
        Err(NewsroomError::Invalid(errors)) => {
            let refused = Refused { key, input, errors };
            page(state, signed_in, Some(refused), None).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn add(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Form(form): Form<LabelForm>,
) -> Result<Response> {
    kept(&state, &signed_in, None, &form).await
}

async fn save(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(key): Path<String>,
    Form(form): Form<LabelForm>,
) -> Result<Response> {
    kept(&state, &signed_in, Some(key), &form).await
}

async fn delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(key): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_publisher()?;
    match state.newsroom.delete_label(&key).await {
        Ok(()) => {}
        Err(NewsroomError::NotFound) => return Err(AppError::NotFound),
        Err(other) => return Err(other.into()),
    }
    tracing::info!(user = ?signed_in.session.user, label = %key, "removed a label");
    Ok(Redirect::to("/editor/labels?done=deleted"))
}
