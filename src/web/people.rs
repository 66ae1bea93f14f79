//! The newsroom's people: an admin adds and removes accounts; everyone can change their
//! own password. Removing an account or changing a password ends its sessions at once.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::form::Form;
use serde::Deserialize;

use super::auth::{CsrfForm, SignedIn};
use super::error::{Result, render};
use super::{AppError, AppState};
use crate::accounts::AccountError;
use crate::domain::{FieldErrors, Role, User, UserName};
use crate::words::{LANGUAGE_NAMES, Words};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/people", get(people).post(add_person))
        .route("/people/{name}/remove", post(remove_person))
        .route("/account", get(account).post(change_password))
        .route("/account/language", post(choose_language))
}

#[derive(Template)]
#[template(path = "editor/people.html")]
struct PeoplePage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    people: Vec<User>,
    /// The roles offered, the fewest rights first: a new account starts as a
    /// contributor unless an admin chooses more.
    roles: [Role; 3],
    form: &'a PersonForm,
    errors: FieldErrors,
}

#[derive(Default, Deserialize)]
struct PersonForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

impl PeoplePage<'_> {
    /// What a role is called.
    fn role_name(&self, role: &Role) -> String {
        self.w.get(&format!("role-{}", role.as_str()))
    }

    /// A role as the form offers it: its name, and what it may do.
    fn role_choice(&self, role: &Role) -> String {
        self.w.get(&format!("people-role-{}", role.as_str()))
    }

    fn is_chosen(&self, role: &Role) -> bool {
        match Role::parse(&self.form.role) {
            Some(chosen) => chosen == *role,
            None => *role == Role::Contributor,
        }
    }
}

async fn people_page(
    state: &AppState,
    signed_in: &SignedIn,
    form: &PersonForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<Response> {
    let html = render(&PeoplePage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        w: signed_in.words(),
        csrf_token: signed_in.csrf_token(),
        people: state.accounts.users().await?,
        roles: [Role::Contributor, Role::Editor, Role::Admin],
        form,
        errors,
    })?;
    Ok((status, html).into_response())
}

async fn people(State(state): State<AppState>, signed_in: SignedIn) -> Result<Response> {
    signed_in.require_admin()?;
    people_page(
        &state,
        &signed_in,
        &PersonForm::default(),
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn add_person(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Form(form): Form<PersonForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_admin()?;
    let mut errors = FieldErrors::default();
    let name = UserName::parse(&form.username)
        .map_err(|why| errors.add("username", why))
        .ok();
    let role = Role::parse(&form.role);
    if role.is_none() {
        errors.add("role", "Choose a role.");
    }
    if let (Some(name), Some(role)) = (name, role) {
        match state.accounts.add_user(&name, role, &form.password).await {
            Ok(()) => {
                tracing::info!(admin = ?signed_in.session.user, user = ?name.as_str(), "added an account");
                return Ok(Redirect::to("/editor/people").into_response());
            }
            Err(AccountError::BadPassword(why)) => errors.add("password", why),
            Err(AccountError::NameTaken) => errors.add(
                "username",
                format!("There is already an account called {}.", name.as_str()),
            ),
            Err(other) => return Err(other.into()),
        }
    }
    people_page(
        &state,
        &signed_in,
        &form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn remove_person(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(name): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    signed_in.check_csrf(&form.csrf_token)?;
    signed_in.require_admin()?;
    if name == signed_in.session.user {
        return Err(AppError::BadRequest(
            "You cannot remove your own account.".into(),
        ));
    }
    state.accounts.remove_user(&name).await?;
    tracing::info!(admin = ?signed_in.session.user, user = ?name, "removed an account");
    Ok(Redirect::to("/editor/people"))
}

#[derive(Template)]
#[template(path = "editor/account.html")]
struct AccountPage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    errors: FieldErrors,
    /// The languages the newsroom's pages can be read in, each by its own name.
    languages: [(&'static str, &'static str); 7],
    /// The person has just chosen a language.
    language_saved: bool,
}

#[derive(Deserialize)]
struct AccountQuery {
    #[serde(default)]
    saved: Option<String>,
}

async fn account(signed_in: SignedIn, Query(query): Query<AccountQuery>) -> Result<Response> {
    let html = render(&AccountPage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        w: signed_in.words(),
        csrf_token: signed_in.csrf_token(),
        errors: FieldErrors::default(),
        languages: LANGUAGE_NAMES,
        language_saved: query.saved.as_deref() == Some("language"),
    })?;
    Ok(html.into_response())
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    language: String,
}

/// `POST /editor/account/language`: the language this person reads the newsroom's
/// pages in, one of those there is a catalogue for.
async fn choose_language(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Form(form): Form<LanguageForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    let Some((tag, _)) = LANGUAGE_NAMES.iter().find(|(tag, _)| *tag == form.language) else {
        return Err(AppError::BadRequest(format!(
            "{:?} is not a language the newsroom's pages are written in; choose one of {}.",
            form.language,
            LANGUAGE_NAMES.map(|(tag, _)| tag).join(", ")
        )));
    };
    state
        .accounts
        .set_language(&signed_in.session.user, tag)
        .await?;
    Ok(Redirect::to("/editor/account?saved=language").into_response())
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// A new password ends every session of the account, this one too: sign in again.
async fn change_password(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Form(form): Form<PasswordForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    let user = &signed_in.session.user;
    let refuse = |status: StatusCode, field: &'static str, error: &str| -> Result<Response> {
        let mut errors = FieldErrors::default();
        errors.add(field, error);
        let html = render(&AccountPage {
            user,
            admin: signed_in.is_admin(),
            w: signed_in.words(),
            csrf_token: signed_in.csrf_token(),
            errors,
            languages: LANGUAGE_NAMES,
            language_saved: false,
        })?;
        Ok((status, html).into_response())
    };
    // Counted before the password is checked: a stolen session cannot guess it.
    let tries = match state.throttle.password_change(user).await? {
        Ok(tries) => tries,
        Err(wait) => {
            let error = format!(
                "Too many wrong passwords. Try again {}.",
                super::auth::after(wait)
            );
            return refuse(StatusCode::TOO_MANY_REQUESTS, "current_password", &error);
        }
    };
    let check = state.accounts.sign_in(user, &form.current_password);
    let (signed_in, tries) = state.throttle.checked(tries, check).await?;
    if signed_in.is_none() {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "current_password",
            "The current password is not right.",
        );
    }
    state.throttle.succeeded(tries).await?;
    match state
        .accounts
        .change_password(user, &form.new_password)
        .await
    {
        Ok(()) => Ok(Redirect::to("/login").into_response()),
        Err(AccountError::BadPassword(why)) => {
            refuse(StatusCode::UNPROCESSABLE_ENTITY, "new_password", &why)
        }
        Err(other) => Err(other.into()),
    }
}
