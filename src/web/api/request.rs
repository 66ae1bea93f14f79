//! What a request to the API brings: the token that signs it, counted against the
//! address that sends it, and a JSON body whose problems name the field at fault.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;

use super::super::AppState;
use super::super::client::ClientAddress;
use super::error::{ApiError, ApiResult};
use crate::domain::TokenScope;

/// A caller that presented a valid API token.
pub struct ApiClient {
    pub name: String,
    pub scope: TokenScope,
}

impl ApiClient {
    /// Refuses with 403, naming what the token may do, unless it may change the live
    /// page `slug` (or open it).
    pub fn may_change(&self, slug: &str) -> ApiResult<()> {
        if self.scope.may_change(slug) {
            Ok(())
        } else {
            Err(ApiError::new(StatusCode::FORBIDDEN, self.scope.describe()))
        }
    }
}

impl FromRequestParts<AppState> for ApiClient {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let ClientAddress(address) = ClientAddress::from_request_parts(parts, state).await?;
        let token = bearer(&parts.headers).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "send a token as Authorization: Bearer TOKEN",
            )
        })?;
        // Counted before the token is looked up: an address that sends many unknown
        // tokens is refused for a while, however fast it sends them.
        let tries = match state.throttle.api_token(address).await? {
            Ok(tries) => tries,
            Err(wait) => {
                let mut error = ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    format!(
                        "too many unknown tokens from this address; try again {}",
                        super::super::auth::after(wait)
                    ),
                );
                error.retry_after = Some(wait.as_secs().max(1));
                return Err(error);
            }
        };
        match state.accounts.token(token).await? {
            Some(token) => {
                state.throttle.succeeded(tries).await?;
                Ok(ApiClient {
                    name: token.name,
                    scope: token.scope,
                })
            }
            None => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unknown or revoked API token",
            )),
        }
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// A JSON body whose problems are reported the API's way, naming the field at fault.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> ApiResult<Self> {
        if !super::super::has_content_type(request.headers(), "application/json") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the body as Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                let status = rejection.status();
                let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    format!("the body is larger than {} bytes", state.max_body_bytes)
                } else {
                    "the body could not be read".to_owned()
                };
                ApiError::new(status, error)
            })?;
        read_json(&bytes).map(ApiJson)
    }
}

/// Reads a JSON body, naming the field at fault when it cannot.
pub fn read_json<T: DeserializeOwned>(bytes: &[u8]) -> ApiResult<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let mut problem = ApiError::new(StatusCode::BAD_REQUEST, error.inner().to_string());
        problem.field = (path != ".").then_some(path);
        if let Some(unknown) = problem.error.strip_prefix("unknown field `") {
            problem.field = unknown.split('`').next().map(str::to_owned);
        }
        problem
    })
}
