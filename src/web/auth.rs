//! Signing in and out, the guard in front of every editor route, and CSRF checks.
//!
//! A session lives in an HttpOnly cookie. Every form a signed-in person submits carries
//! the session's CSRF token; the sign-in form, before there is a session, carries a
//! token that must match a short-lived cookie (double submit).

use askama::Template;

use axum::Router;
use axum::extract::{FromRequestParts, OriginalUri, Query, Request, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::form::Form;
use crate::words::Words;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;

use super::client::ClientAddress;
use super::error::{Result, render};
use super::{AppError, AppState};
use crate::accounts::{Session, random_token, same_secret};
use crate::domain::{MAX_USER_NAME_CHARS, Role};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "liveblog_session";
/// The cookie the sign-in form's CSRF token must match.
const LOGIN_CSRF_COOKIE: &str = "liveblog_login_csrf";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
}

/// The person behind a request to an editor route. Only [`require_sign_in`] puts it
/// there, so a handler that takes it cannot be reached without signing in.
#[derive(Clone)]
pub struct SignedIn {
    pub session: Session,
}

impl SignedIn {
    /// Refuses a form whose CSRF token is not this session's.
    pub fn check_csrf(&self, token: &str) -> Result<()> {
        if same_secret(token, &self.session.csrf_token) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn csrf_token(&self) -> &str {
        &self.session.csrf_token
    }

    /// The newsroom's pages' words, in the language this person chose.
    pub fn words(&self) -> Words {
        Words::of(&self.session.language)
    }

    /// Whether this is an admin, who runs live pages and people.
    pub fn is_admin(&self) -> bool {
        self.session.role == Role::Admin
    }

    /// Refuses anyone but an editor or an admin: who publishes, corrects and keeps the
    /// newsroom's snippets.
    pub fn require_publisher(&self) -> Result<()> {
        if self.session.role.publishes() {
            Ok(())
        } else {
            Err(AppError::NotAllowed)
        }
    }

    /// Refuses anyone but an admin: live pages are theirs to open, change and close.
    pub fn require_admin(&self) -> Result<()> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(AppError::NotAllowed)
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self> {
        parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .ok_or_else(|| AppError::Internal("editor route without the sign-in guard".into()))
    }
}

/// The guard on every `/editor` route: a stranger is sent to sign in, and comes back
/// to the page they were on once signed in.
pub async fn require_sign_in(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    jar: CookieJar,
    mut request: Request,
    next: Next,
) -> Response {
    let cookie = jar.get(SESSION_COOKIE);
    // The compose page asks for its desk every few seconds by itself: that is not use,
    // and must not keep an unattended session open.
    let by_hand = !uri.path().ends_with("/desk");
    let session = match cookie {
        Some(cookie) => match state.accounts.session_seen(cookie.value(), by_hand).await {
            Ok(session) => session,
            Err(error) => return AppError::from(error).into_response(),
        },
        None => None,
    };
    if let Some(session) = session {
        request.extensions_mut().insert(SignedIn { session });
        return next.run(request).await;
    }
    // The full path: inside the `/editor` nest the request's own URI lacks it. A form
    // sent after the session ended cannot be replayed after signing in: come back to
    // the page it was sent from, where the browser has kept what was typed.
    let back = if request.method() == axum::http::Method::GET {
        uri.path().to_owned()
    } else {
        form_page(request.headers(), uri.path())
    };
    let mut target = if is_safe_next(&back) {
        format!("/login?next={back}")
    } else {
        "/login?next=/editor".to_owned()
    };
    if cookie.is_some() {
        target.push_str("&ended=1");
    }
    Redirect::to(&target).into_response()
}

/// The page a form was sent from: the `Referer`'s path when it is one of our editor
/// pages, or else the page the form's address belongs to.
fn form_page(headers: &axum::http::HeaderMap, posted_to: &str) -> String {
    let referer = headers
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
        .map(|path| path.split(['?', '#']).next().unwrap_or_default());
    if let Some(path) = referer.filter(|p| is_safe_next(p)) {
        return path.to_owned();
    }
    let parts: Vec<&str> = posted_to.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        ["editor", "live", slug, ..] if *slug != "new" => format!("/editor/live/{slug}"),
        ["editor", "live"] => "/editor/live/new".to_owned(),
        ["editor", "people", ..] => "/editor/people".to_owned(),
        ["editor", "account"] => "/editor/account".to_owned(),
        _ => "/editor".to_owned(),
    }
}

/// Where to go after signing in: only our own editor pages, never another site.
fn is_safe_next(path: &str) -> bool {
    path.starts_with("/editor")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'-' || b == b'_')
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage<'a> {
    csrf_token: &'a str,
    username: &'a str,
    next: &'a str,
    error: Option<&'a str>,
    /// The person's session ended while they worked.
    ended: bool,
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
    ended: Option<String>,
}

fn login_csrf_cookie(value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((LOGIN_CSRF_COOKIE, value))
        .path("/login")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .build()
}

async fn login_form(
    State(state): State<AppState>,
    jar: CookieJar,
    Query(query): Query<LoginQuery>,
) -> Result<(CookieJar, impl IntoResponse)> {
    let token = random_token();
    let next = query.next.filter(|n| is_safe_next(n)).unwrap_or_default();
    let page = render(&LoginPage {
        csrf_token: &token,
        username: "",
        next: &next,
        error: None,
        ended: query.ended.is_some(),
    })?;
    Ok((
        jar.add(login_csrf_cookie(token, state.secure_cookies)),
        page,
    ))
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    Form(form): Form<LoginForm>,
) -> Result<Response> {
    let expected = jar.get(LOGIN_CSRF_COOKIE).map(|c| c.value().to_owned());
    if !expected.is_some_and(|expected| same_secret(&form.csrf_token, &expected)) {
        return Err(AppError::Forbidden);
    }
    let username = form.username.trim();
    let refuse = |status: StatusCode, error: &str| -> Result<Response> {
        let page = render(&LoginPage {
            csrf_token: &form.csrf_token,
            username: &form.username,
            next: &form.next,
            error: Some(error),
            ended: false,
        })?;
        Ok((status, page).into_response())
    };
    // The try is counted before the password is checked, so tries sent at once are
    // held to the limit too.
    let tries = match state.throttle.sign_in(username, address).await? {
        Ok(tries) => tries,
        Err(wait) => {
            let error = format!("Too many failed sign-ins. Try again {}.", after(wait));
            return refuse(StatusCode::TOO_MANY_REQUESTS, &error);
        }
    };
    let (signed_in, tries) =
        if username.is_empty() || username.chars().count() > MAX_USER_NAME_CHARS {
            (None, tries)
        } else {
            let check = state.accounts.sign_in(username, &form.password);
            state.throttle.checked(tries, check).await?
        };
    let Some((token, session)) = signed_in else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "That user name and password do not match an account.",
        );
    };
    state.throttle.succeeded(tries).await?;
    tracing::info!(user = ?session.user, "signed in");
    let cookie = Cookie::build((SESSION_COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.secure_cookies)
        .build();
    let jar = jar
        .remove(Cookie::build(LOGIN_CSRF_COOKIE).path("/login").build())
        .add(cookie);
    let target = if is_safe_next(&form.next) {
        form.next.as_str()
    } else {
        "/editor"
    };
    Ok((jar, Redirect::to(target)).into_response())
}

/// "in 12 minutes", "in 4 seconds": when a refused try may come again.
pub fn after(wait: std::time::Duration) -> String {
    match wait.as_secs() {
        0..=1 => "in a second".to_owned(),
        seconds @ 2..=90 => format!("in {seconds} seconds"),
        seconds => format!("in {} minutes", seconds.div_ceil(60)),
    }
}

/// A form that carries nothing but its CSRF token (sign out, delete, close…).
#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf_token: String,
}

async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
    Form(form): Form<CsrfForm>,
) -> Result<(CookieJar, Redirect)> {
    let Some(token) = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) else {
        return Ok((jar, Redirect::to("/login")));
    };
    if let Some(session) = state.accounts.session(&token).await? {
        SignedIn { session }.check_csrf(&form.csrf_token)?;
        state.accounts.sign_out(&token).await?;
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/").build());
    Ok((jar, Redirect::to("/login")))
}

#[cfg(test)]
mod tests {
    use super::{form_page, is_safe_next};
    use axum::http::{HeaderMap, HeaderValue, header};

    #[test]
    fn a_form_sent_after_the_session_ended_leads_back_to_its_page() {
        let mut headers = HeaderMap::new();
        assert_eq!(
            form_page(&headers, "/editor/live/storm-maren/entries"),
            "/editor/live/storm-maren"
        );
        assert_eq!(
            form_page(&headers, "/editor/people/sam/remove"),
            "/editor/people"
        );
        assert_eq!(form_page(&headers, "/editor/live"), "/editor/live/new");
        headers.insert(
            header::REFERER,
            HeaderValue::from_static(
                "http://127.0.0.1:3000/editor/live/storm-maren/drafts/4?done=saved",
            ),
        );
        assert_eq!(
            form_page(&headers, "/editor/live/storm-maren/drafts/4"),
            "/editor/live/storm-maren/drafts/4"
        );
        headers.insert(
            header::REFERER,
            HeaderValue::from_static("https://evil.example/editor/x?y"),
        );
        assert_eq!(form_page(&headers, "/editor/account"), "/editor/x");
        headers.insert(
            header::REFERER,
            HeaderValue::from_static("https://evil.example/"),
        );
        assert_eq!(form_page(&headers, "/editor/account"), "/editor/account");
    }

    #[test]
    fn only_editor_paths_are_followed_after_sign_in() {
        assert!(is_safe_next("/editor/live/storm-maren"));
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/editor?x=<",
            "/",
            "/editor/../x",
            "/editor\\x",
        ] {
            assert!(!is_safe_next(bad), "{bad}");
        }
    }
}
