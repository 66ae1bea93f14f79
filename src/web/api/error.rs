//! An error as the API tells it: JSON with the status, the message and the field at
//! fault (`{"error": "...", "field": "..."}`), every field's problem when there were
//! several, and `Retry-After` or `WWW-Authenticate` where the status calls for one.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use super::super::AppError;
use crate::accounts::AccountError;
use crate::domain::{FieldError, FieldErrors};
use crate::newsroom::NewsroomError;

/// An error as the API tells it.
#[derive(Debug)]
pub struct ApiError {
    pub(super) status: StatusCode,
    pub(super) error: String,
    pub(super) field: Option<String>,
    /// Every field problem, when there were several.
    pub(super) errors: Vec<FieldError>,
    /// Seconds to wait before trying again, for a 429.
    pub(super) retry_after: Option<u64>,
    /// The entry as saved by whoever came first, for a 409 on a correction.
    pub(super) current: Option<Box<SavedVersion>>,
}

/// An entry as it was saved by someone else, shown beside a refused correction.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct SavedVersion {
    version: u32,
    title: String,
    /// Markdown, as written.
    body: String,
    updated_by: Option<String>,
    /// RFC 3339.
    updated_at: Option<String>,
}

impl ApiError {
    pub(super) fn new(status: StatusCode, error: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error: error.into(),
            field: None,
            errors: Vec::new(),
            retry_after: None,
            current: None,
        }
    }

    pub(super) fn invalid(errors: FieldErrors) -> ApiError {
        let errors = in_the_apis_names(errors);
        let first = errors.first().cloned();
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            error: first
                .as_ref()
                .map_or_else(|| "invalid".into(), |e| e.message.clone()),
            field: first.map(|e| e.field.to_owned()),
            errors: errors.iter().cloned().collect(),
            retry_after: None,
            current: None,
        }
    }
}

/// The form's fields under the names the API gives them: a poll's three are one
/// object, `poll`.
fn in_the_apis_names(errors: FieldErrors) -> FieldErrors {
    let mut named = FieldErrors::default();
    for error in errors.iter() {
        let field = match error.field {
            "poll_question" | "poll_answers" | "poll_open_minutes" => "poll",
            other => other,
        };
        named.add(field, error.message.clone());
    }
    named
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        let status = error.status();
        if status.is_server_error() {
            tracing::error!(%error, "API request failed");
        }
        let message = match status {
            StatusCode::NOT_FOUND => "no such live page or entry",
            StatusCode::SERVICE_UNAVAILABLE => {
                "the newsroom cannot save changes just now; try again"
            }
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::METHOD_NOT_ALLOWED => "this address does not take that method",
            s if s.is_client_error() => "bad request",
            _ => "internal error",
        };
        ApiError::new(status, message)
    }
}

impl From<NewsroomError> for ApiError {
    fn from(error: NewsroomError) -> Self {
        match error {
            NewsroomError::Invalid(errors) => ApiError::invalid(errors),
            NewsroomError::Conflict(current) => {
                let mut error = ApiError::new(
                    StatusCode::CONFLICT,
                    format!(
                        "the entry was saved since; it is now at version {}",
                        current.version
                    ),
                );
                error.field = Some("version".into());
                error.current = Some(Box::new(SavedVersion {
                    version: current.version,
                    title: current.title,
                    body: current.body,
                    updated_by: current.updated_by,
                    updated_at: current.updated_at.map(|at| at.to_rfc3339()),
                }));
                error
            }
            NewsroomError::Closed => ApiError::new(
                StatusCode::CONFLICT,
                "the live page has ended; nothing new is published on it until it is reopened",
            ),
            NewsroomError::Repeated => {
                let mut error = ApiError::new(
                    StatusCode::CONFLICT,
                    "a request with this Idempotency-Key was made already",
                );
                error.field = Some("Idempotency-Key".into());
                error
            }
            other => AppError::from(other).into(),
        }
    }
}

impl From<AccountError> for ApiError {
    fn from(error: AccountError) -> Self {
        AppError::from(error).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "error": self.error, "field": self.field });
        if self.errors.len() > 1 {
            body["errors"] = json!(self.errors);
        }
        if let Some(current) = self.current {
            body["current"] = json!(current);
        }
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// How the API reports a problem.
#[derive(Serialize, ToSchema)]
pub(super) struct ErrorBody {
    error: String,
    /// The field at fault, when one is.
    field: Option<String>,
    /// Every field problem, when there were several.
    errors: Option<Vec<FieldProblem>>,
    /// On a 409 for a correction: the entry as whoever came first saved it.
    current: Option<SavedVersion>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct FieldProblem {
    field: String,
    message: String,
}
