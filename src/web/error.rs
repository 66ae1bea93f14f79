//! The one error type handlers return: a page for a person, never internal details.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::accounts::AccountError;
use crate::newsroom::NewsroomError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    /// A body beyond the route's limit.
    #[error("{0}")]
    TooLarge(String),
    /// A body in a form this route does not read.
    #[error("{0}")]
    UnsupportedMedia(String),
    /// A form without a valid CSRF token.
    #[error("this form has expired or did not come from this site")]
    Forbidden,
    /// Someone else changed the thing first.
    #[error("changed by someone else")]
    Conflict,
    /// The live page has ended: nothing new is published on it.
    #[error("the live page has ended")]
    PageEnded,
    /// A method the address does not take.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Signed in, but this is for another role.
    #[error("not allowed for this account")]
    NotAllowed,
    /// The store cannot take changes right now.
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(format!("template: {error}"))
    }
}

impl From<NewsroomError> for AppError {
    fn from(error: NewsroomError) -> Self {
        match error {
            NewsroomError::NotFound => AppError::NotFound,
            NewsroomError::Conflict(_) | NewsroomError::Repeated => AppError::Conflict,
            NewsroomError::Closed => AppError::PageEnded,
            NewsroomError::Invalid(errors) => AppError::BadRequest(errors.to_string()),
            NewsroomError::Unavailable(why) => AppError::Unavailable(why),
            NewsroomError::Broken(why) => AppError::Internal(why),
            NewsroomError::ShuttingDown(stopped) => AppError::Unavailable(stopped.to_string()),
        }
    }
}

impl From<AccountError> for AppError {
    fn from(error: AccountError) -> Self {
        match error {
            AccountError::BadPassword(why) => AppError::BadRequest(why),
            AccountError::NameTaken => AppError::BadRequest("That name is already taken.".into()),
            AccountError::NotFound => AppError::NotFound,
            AccountError::Unavailable(why) => AppError::Unavailable(why),
            AccountError::Broken(why) => AppError::Internal(why),
            AccountError::Hashing => AppError::Internal("password hashing".into()),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    status: u16,
    heading: &'a str,
    message: &'a str,
}

impl AppError {
    /// The status this error answers with, for HTML and JSON alike.
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Forbidden | AppError::NotAllowed => StatusCode::FORBIDDEN,
            AppError::Conflict | AppError::PageEnded => StatusCode::CONFLICT,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the person is told: never internal details.
    fn message(&self) -> String {
        match self {
            AppError::NotFound => "There is no page at this address.".into(),
            AppError::BadRequest(why) | AppError::UnsupportedMedia(why) | AppError::TooLarge(why) => {
                why.clone()
            }
            AppError::Forbidden => {
                "This form has expired or did not come from this site. Go back, reload the page and try again.".into()
            }
            AppError::MethodNotAllowed => "This address does not take that kind of request.".into(),
            AppError::NotAllowed => "Your account cannot do this; ask an admin.".into(),
            AppError::Conflict => "Someone else changed this first. Reload it and try again.".into(),
            AppError::PageEnded => {
                "This live page has ended, so nothing new is published on it until an admin reopens it.".into()
            }
            AppError::Unavailable(_) => {
                "The newsroom cannot save changes just now. Nothing was lost; please try again in a moment.".into()
            }
            AppError::Internal(_) => "Something went wrong on our side. Please try again.".into(),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let message = self.message();
        let page = ErrorPage {
            status: status.as_u16(),
            heading: status.canonical_reason().unwrap_or("Error"),
            message: &message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, message).into_response(),
        }
    }
}

/// Renders a page template, or fails with an internal error.
pub fn render(template: &impl Template) -> Result<Html<String>> {
    Ok(Html(template.render()?))
}
