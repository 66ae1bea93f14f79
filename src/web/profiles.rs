//! The newsroom's profiles, kept by editors on a page of their own: add one with its
//! photo, change one in place, delete one after a confirmation. An entry's form names
//! them by name (templates/editor/entry_form.html); entries keep each as it was.

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::auth::{CsrfForm, SignedIn};
use super::error::{Result, render};
use super::form::Form;
use super::{AppError, AppState, has_content_type};
use crate::domain::{
    FieldErrors, MAX_PROFILE_LINE_CHARS, MAX_PROFILE_NAME_CHARS, Profile, ProfileCard, ProfileId,
    ProfileInput,
};
use crate::newsroom::NewsroomError;
use crate::words::Words;

/// Room in a request for the form's text beside the largest photo.
const TEXT_BYTES: usize = 64 * 1024;

pub fn router(max_upload_bytes: usize) -> Router<AppState> {
    let upload_limit = DefaultBodyLimit::max(max_upload_bytes + TEXT_BYTES);
    Router::new()
        .route(
            "/profiles",
            get(profiles_page).post(add).layer(upload_limit),
        )
        .route("/profiles/{id}", post(save).layer(upload_limit))
        .route("/profiles/{id}/delete", post(delete))
}

/// A profile's form as it comes back: which one (`None` for a new one), as typed, and
/// what is wrong with it.
struct Refused<'a> {
    id: Option<ProfileId>,
    input: &'a ProfileInput,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "editor/profiles.html")]
struct ProfilesPage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    profiles: Vec<Profile>,
    /// The new profile's form, as typed.
    new: ProfileInput,
    refused: Option<Refused<'a>>,
    done: Option<String>,
    max_name: usize,
    max_line: usize,
}

impl ProfilesPage<'_> {
    /// A profile's fields as the page shows them: as typed if it came back refused.
    fn input_of(&self, profile: &Profile) -> ProfileInput {
        match &self.refused {
            Some(refused) if refused.id == Some(profile.id) => refused.input.clone(),
            _ => profile.card.to_input(),
        }
    }

    /// The problems of the form for profile `id` (`None`: the new one's).
    fn errors_of(&self, id: Option<ProfileId>) -> FieldErrors {
        match &self.refused {
            Some(refused) if refused.id == id => refused.errors.clone(),
            _ => FieldErrors::default(),
        }
    }

    /// A field's id: `new-name`, `profile-7-name`.
    fn id_for(&self, prefix: &str, name: impl std::fmt::Display) -> String {
        format!("{prefix}-{name}")
    }

    fn errors_for(&self, profile: &Profile) -> FieldErrors {
        self.errors_of(Some(profile.id))
    }
}

/// The profile form as sent: its text, and a photo file if one was chosen.
struct ProfileForm {
    csrf_token: String,
    input: ProfileInput,
    photo: Option<Bytes>,
}

#[derive(Deserialize)]
struct ProfileFields {
    #[serde(default)]
    csrf_token: String,
    #[serde(flatten)]
    input: ProfileInput,
}

impl FromRequest<AppState> for ProfileForm {
    type Rejection = Response;

    async fn from_request(
        request: Request,
        state: &AppState,
    ) -> std::result::Result<Self, Response> {
        if !has_content_type(request.headers(), "multipart/form-data") {
            let Form(fields) = Form::<ProfileFields>::from_request(request, state)
                .await
                .map_err(IntoResponse::into_response)?;
            return Ok(ProfileForm {
                csrf_token: fields.csrf_token,
                input: fields.input,
                photo: None,
            });
        }
        let (fields, _, photo): (ProfileFields, _, _) =
            super::form::multipart_with_file(request, state, "photo").await?;
        Ok(ProfileForm {
            csrf_token: fields.csrf_token,
            input: fields.input,
            photo,
        })
    }
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
        Some("saved") => Some(w.get("profiles-done-saved")),
        Some("deleted") => Some(w.get("profiles-done-deleted")),
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
        _ => ProfileInput::default(),
    };
    let html = render(&ProfilesPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        profiles: state.newsroom.profiles().await?,
        w,
        new,
        refused,
        done,
        max_name: MAX_PROFILE_NAME_CHARS,
        max_line: MAX_PROFILE_LINE_CHARS,
    })?;
    Ok((status, html).into_response())
}

async fn profiles_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(query): Query<DoneQuery>,
) -> Result<Response> {
    signed_in.require_publisher()?;
    page(&state, &signed_in, None, query.done.as_deref()).await
}

fn profile_id(raw: &str) -> Result<ProfileId> {
    raw.parse().map(ProfileId).map_err(|_| AppError::NotFound)
}

/// Saves a new profile (`id` is `None`) or a change to one, its photo kept first if one
/// came; a refused form comes back with what was typed, its problems beside its fields.
async fn kept(
    state: &AppState,
    signed_in: &SignedIn,
    id: Option<ProfileId>,
    mut form: ProfileForm,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_publisher()?;
    let by = &signed_in.session.user;
    let mut errors = FieldErrors::default();
    if let Some(photo) = form.photo.take() {
        match state.media.keep(&photo).await {
            Ok(url) => form.input.photo_url = url,
            Err(problem) => errors.add("photo", problem.to_string()),
        }
    }
    let outcome = match (ProfileCard::parse(&form.input), errors.is_empty()) {
        (Ok(card), true) => match id {
            Some(id) => state.newsroom.save_profile(id, &card, by).await,
            None => state.newsroom.add_profile(&card, by).await.map(|_| ()),
        },
        (Ok(_), false) => Err(NewsroomError::Invalid(errors)),
        (Err(mut more), _) => {
            more.merge(errors);
            Err(NewsroomError::Invalid(more))
        }
    };
    match outcome {
        Ok(()) => {
            tracing::info!(user = ?by, profile = ?id, "saved a profile");
            Ok(Redirect::to("/editor/profiles?done=saved").into_response())
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
    form: ProfileForm,
) -> Result<Response> {
    kept(&state, &signed_in, None, form).await
}

async fn save(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    form: ProfileForm,
) -> Result<Response> {
    let id = profile_id(&id)?;
    kept(&state, &signed_in, Some(id), form).await
}

async fn delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_publisher()?;
    let id = profile_id(&id)?;
    state.newsroom.delete_profile(id).await?;
    tracing::info!(user = ?signed_in.session.user, profile = %id, "deleted a profile");
    Ok(Redirect::to("/editor/profiles?done=deleted"))
}
