//! `Idempotency-Key` on the API's writes: a retry with the key a request was first made
//! with (after a reset, a timeout, a crash of the instance that took it) makes nothing
//! new and is given the first answer again, on any instance, for a day.
//!
//! The key belongs to the token that sent it, and to one request: the same key with
//! another method, address or body is refused (422). The store keeps the key with the
//! change it was made for, in one transaction (`store::once`), so exactly one request
//! with a key changes anything, however many arrive at once. Uploads need no key: an
//! image or a clip is kept under its content's hash, and sending it again makes nothing
//! new.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::super::AppState;
use super::error::{ApiError, ApiResult};
use super::request::ApiClient;
use crate::newsroom::NewsroomError;
use crate::store::{KeptAnswer, MadeBefore, RequestKey, made_once};

/// The header a caller sends its key in.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// The header on an answer given again.
const REPLAYED: &str = "idempotent-replayed";
/// The longest key taken, in characters.
const MAX_KEY_CHARS: usize = 255;
/// The largest answer kept to be given again.
const MAX_ANSWER_BYTES: usize = 1024 * 1024;
/// How long a retry waits for the first request's answer, when that request is still
/// answering, before answering from what it changed.
const ANSWER_WAIT: Duration = Duration::from_secs(3);

/// Middleware: a write with an `Idempotency-Key` is made once.
pub(super) async fn made_once_by_key(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) || !request.headers().contains_key(IDEMPOTENCY_KEY)
    {
        return next.run(request).await;
    }
    match keyed(&state, request, next).await {
        Ok(response) | Err(Answered(response)) => response,
    }
}

/// An answer reached before the request was carried out.
struct Answered(Response);

impl From<ApiError> for Answered {
    fn from(error: ApiError) -> Self {
        Answered(error.into_response())
    }
}

async fn keyed(state: &AppState, request: Request, next: Next) -> Result<Response, Answered> {
    let (mut parts, body) = request.into_parts();
    let key = key_sent(&parts)?;
    // The token is checked here, once: the handler is handed the caller found.
    let client = ApiClient::from_request_parts(&mut parts, state).await?;
    let body = axum::body::to_bytes(body, state.max_body_bytes)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the request body is too large",
            )
        })?;
    let key = RequestKey {
        caller: format!("api:{}", client.name),
        key,
        fingerprint: fingerprint(&parts, &body),
    };
    parts.extensions.insert(client);
    if let Some(before) = made_before(state, &key).await? {
        return again(state, &parts, &key, before).await;
    }
    let request = Request::from_parts(parts.clone(), Body::from(body));
    let response = made_once(key.clone(), next.run(request)).await;
    if response.status().is_success() {
        return Ok(kept(state, &key, response).await);
    }
    // Refused: by another request with the key that came first, or after this one's
    // change was committed; either way the change made is answered for.
    match made_before(state, &key).await {
        Ok(Some(before)) => again(state, &parts, &key, before).await,
        _ => Ok(response),
    }
}

/// The key sent, if it is one: 1 to 255 visible ASCII characters.
fn key_sent(parts: &Parts) -> ApiResult<String> {
    let value = parts
        .headers
        .get(IDEMPOTENCY_KEY)
        .map(HeaderValue::as_bytes);
    match value {
        Some(key)
            if !key.is_empty()
                && key.len() <= MAX_KEY_CHARS
                && key.iter().all(|b| b.is_ascii_graphic()) =>
        {
            Ok(String::from_utf8_lossy(key).into_owned())
        }
        _ => {
            let mut error = ApiError::new(
                StatusCode::BAD_REQUEST,
                format!(
                    "an Idempotency-Key is 1 to {MAX_KEY_CHARS} visible ASCII characters, such as a UUID"
                ),
            );
            error.field = Some("Idempotency-Key".into());
            Err(error)
        }
    }
}

/// The request's method, address and body, hashed.
fn fingerprint(parts: &Parts, body: &Bytes) -> String {
    let mut hash = Sha256::new();
    hash.update(parts.method.as_str());
    hash.update(b" ");
    hash.update(parts.uri.path().as_bytes());
    hash.update(b"\n");
    hash.update(body);
    hex::encode(hash.finalize())
}

async fn made_before(state: &AppState, key: &RequestKey) -> ApiResult<Option<MadeBefore>> {
    Ok(state.newsroom.made_before(&key.caller, &key.key).await?)
}

/// The first request's answer given again, or, when it has none (it stopped after its
/// change was committed), an answer made from what its change left.
async fn again(
    state: &AppState,
    parts: &Parts,
    key: &RequestKey,
    mut before: MadeBefore,
) -> Result<Response, Answered> {
    if before.fingerprint != key.fingerprint {
        let mut error = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "this Idempotency-Key was sent with another request; send a new key with each request",
        );
        error.field = Some("Idempotency-Key".into());
        return Err(error.into());
    }
    let waited = tokio::time::Instant::now();
    while before.answer.is_none() && waited.elapsed() < ANSWER_WAIT {
        tokio::time::sleep(Duration::from_millis(100)).await;
        match made_before(state, key).await? {
            Some(now) => before = now,
            None => break,
        }
    }
    let mut response = match before.answer {
        Some(answer) => given(answer),
        None => answer_again(state, parts, &before).await?,
    };
    response
        .headers_mut()
        .insert(REPLAYED, HeaderValue::from_static("true"));
    Ok(response)
}

/// The answer to a request made before with its key whose own answer was lost (its
/// instance stopped after the change was committed): the entry or the page as the
/// change left it, as the first answer would have given it.
async fn answer_again(
    state: &AppState,
    request: &Parts,
    before: &MadeBefore,
) -> ApiResult<Response> {
    let method = &request.method;
    if *method == Method::DELETE {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    // The change may have been made through another instance.
    (state.newsroom.catch_up_all().await).map_err(NewsroomError::from)?;
    let blog =
        (before.blog).ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such live page"))?;
    let slug = state.newsroom.page_by_id(blog).await?.blog.slug.to_string();
    let created = *method == Method::POST;
    match before.entry {
        Some(id) if created => {
            let response = super::answer(state, &slug, id, StatusCode::CREATED).await?;
            Ok(super::located(
                response,
                &format!("/api/v1/live/{slug}/entries/{id}"),
            ))
        }
        Some(id) => super::answer(state, &slug, id, StatusCode::OK).await,
        // Opened, or closed or reopened (also a `POST`), or changed.
        None if request.uri.path() == "/api/v1/live" => {
            let response = super::pages::answer(state, &slug, StatusCode::CREATED).await?;
            Ok(super::located(response, &format!("/api/v1/live/{slug}")))
        }
        None => super::pages::answer(state, &slug, StatusCode::OK).await,
    }
}

/// A kept answer as a response.
fn given(answer: KeptAnswer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let mut response = if answer.body.is_empty() {
        status.into_response()
    } else {
        let json = [(header::CONTENT_TYPE, "application/json")];
        (status, json, answer.body).into_response()
    };
    if let Some(location) = answer.location.and_then(|l| HeaderValue::try_from(l).ok()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Keeps the answer to a change just made, and gives it.
async fn kept(state: &AppState, key: &RequestKey, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_ANSWER_BYTES).await else {
        return ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "the answer was too long")
            .into_response();
    };
    let answer = KeptAnswer {
        status: parts.status.as_u16(),
        location: (parts.headers.get(header::LOCATION))
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned),
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    // Not kept, a retry is answered from what the change left: the change is safe.
    if let Err(problem) = state
        .newsroom
        .keep_answer(&key.caller, &key.key, &answer)
        .await
    {
        tracing::warn!(%problem, "an answer to a request with a key was not kept");
    }
    Response::from_parts(parts, Body::from(body))
}

/// Adds the optional `Idempotency-Key` header to every write the description lists but
/// the uploads.
pub(super) fn describe_key(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::{ObjectBuilder, Required, Type};
    let key = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "Any 1 to 255 visible ASCII characters, new for each request (a UUID): a retry \
             with the same key, within a day, makes nothing new and is given the first \
             answer again, with `Idempotent-Replayed: true`. The same key with another \
             request is refused (422).",
        ))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(MAX_KEY_CHARS)),
        ))
        .build();
    for (path, item) in openapi.paths.paths.iter_mut() {
        if UPLOADS.contains(&path.as_str()) {
            continue;
        }
        let writes = [&mut item.post, &mut item.patch, &mut item.delete];
        for operation in writes.into_iter().flatten() {
            (operation.parameters.get_or_insert_with(Vec::new)).push(key.clone().into());
        }
    }
}

/// The writes that take no key: what they keep is named by its content.
const UPLOADS: [&str; 3] = ["/api/v1/images", "/api/v1/clips", "/api/v1/captions"];
