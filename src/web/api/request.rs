//! What a request to the API brings: the token that signs it, counted against the
//! address that sends it, and a JSON body whose problems name the field at fault.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserializer;
use serde::de::{DeserializeOwned, Error, Unexpected, Visitor};

use super::super::AppState;
use super::super::client::ClientAddress;
use super::error::{ApiError, ApiResult};
use crate::domain::TokenScope;

/// A caller that presented a valid API token.
#[derive(Clone)]
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
        // Found already, for a request with a key (`once.rs`).
        if let Some(client) = parts.extensions.remove::<ApiClient>() {
            return Ok(client);
        }
        let ClientAddress(address) = ClientAddress::from_request_parts(parts, state).await?;
        let token = bearer(&parts.headers).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "send a token as Authorization: Bearer TOKEN",
            )
        })?;
        // A known token is taken at once, uncounted: a burst of a wire feed's posts is
        // never refused, and a store that cannot write (a full disk) still lets it
        // read. An unknown one counts against its address, before it is answered: an
        // address that sends many is refused for a while, however fast it sends them.
        if let Some(token) = state.accounts.token(token).await? {
            return Ok(ApiClient {
                name: token.name,
                scope: token.scope,
            });
        }
        match state.throttle.api_token(address).await? {
            Ok(_counted) => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unknown or revoked API token",
            )),
            Err(wait) => {
                let mut error = ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    format!(
                        "too many unknown tokens from this address; try again {}",
                        super::super::auth::after(wait)
                    ),
                );
                error.retry_after = Some(wait.as_secs().max(1));
                Err(error)
            }
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

/// Reads an optional whole number as JSON means one: `77198` and `77198.0` alike. A
/// fraction, a negative number or one beyond `u32` is refused, naming what was sent.
pub(super) fn whole_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u32>, D::Error> {
    deserializer.deserialize_option(WholeNumber)
}

#[derive(Clone, Copy)]
struct WholeNumber;

impl<'de> Visitor<'de> for WholeNumber {
    type Value = Option<u32>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(formatter, "a whole number from 0 to {}", u32::MAX)
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_u64<E: Error>(self, value: u64) -> Result<Self::Value, E> {
        u32::try_from(value)
            .map(Some)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: Error>(self, value: i64) -> Result<Self::Value, E> {
        let whole =
            u64::try_from(value).map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))?;
        self.visit_u64(whole)
    }

    fn visit_f64<E: Error>(self, value: f64) -> Result<Self::Value, E> {
        if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
            // Whole and within range, so the cast loses nothing.
            Ok(Some(value as u32))
        } else {
            Err(E::invalid_value(Unexpected::Float(value), &self))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Versioned {
        #[serde(default, deserialize_with = "whole_number")]
        version: Option<u32>,
    }

    fn version(json: &str) -> ApiResult<Option<u32>> {
        read_json::<Versioned>(json.as_bytes()).map(|v| v.version)
    }

    #[test]
    fn a_whole_number_is_one_however_json_writes_it() {
        assert_eq!(version(r#"{"version": 77198}"#).unwrap(), Some(77198));
        assert_eq!(version(r#"{"version": 77198.0}"#).unwrap(), Some(77198));
        assert_eq!(version(r#"{"version": 7.7198e4}"#).unwrap(), Some(77198));
        assert_eq!(version(r#"{"version": null}"#).unwrap(), None);
        assert_eq!(version("{}").unwrap(), None);
        for bad in [
            "77198.5",
            "-1",
            "-1.0",
            "4294967296",
            "4294967296.0",
            "\"7\"",
            "true",
        ] {
            let error = version(&format!(r#"{{"version": {bad}}}"#)).unwrap_err();
            assert_eq!(error.status, StatusCode::BAD_REQUEST, "{bad}");
            assert_eq!(error.field.as_deref(), Some("version"), "{bad}");
            assert!(
                error.error.contains("a whole number"),
                "{bad}: {}",
                error.error
            );
        }
    }
}
