//! Forms as browsers send them, read strictly: text that is not UTF-8 is refused with a
//! clear message, never turned silently into replacement characters in the record.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use percent_encoding::percent_decode;
use serde::de::DeserializeOwned;

use super::{AppError, has_content_type};

/// A url-encoded form (`application/x-www-form-urlencoded`) whose every name and value
/// is valid UTF-8 once decoded.
pub struct Form<T>(pub T);

impl<S, T> FromRequest<S> for Form<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        decode(&body(request, state).await?).map(Form)
    }
}

/// A url-encoded form's body, read whole.
pub async fn body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, AppError> {
    if !has_content_type(request.headers(), "application/x-www-form-urlencoded") {
        return Err(AppError::UnsupportedMedia(
            "Send the form as application/x-www-form-urlencoded.".to_owned(),
        ));
    }
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge(
                "The form is larger than this server takes; nothing was saved.".to_owned(),
            ),
            _ => AppError::BadRequest(format!("The form could not be read: {rejection}")),
        })
}

/// The form's fields, or why they cannot be read.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    if !is_utf8(body) {
        return Err(AppError::BadRequest(
            "The form holds text that is not UTF-8; nothing was saved.".to_owned(),
        ));
    }
    serde_urlencoded::from_bytes(body)
        .map_err(|e| AppError::BadRequest(format!("The form could not be read: {e}")))
}

/// Whether every name and value of a url-encoded body decodes to UTF-8.
fn is_utf8(body: &[u8]) -> bool {
    body.split(|&b| b == b'&').all(|pair| {
        let spaced: Vec<u8> = pair
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        std::str::from_utf8(&percent_decode(&spaced).collect::<Vec<u8>>()).is_ok()
    })
}

/// A form sent as `multipart/form-data`, read whole: its text fields decoded as `T`
/// (as a url-encoded form would be) and as they came, and the file of the field
/// `file_field` if one was chosen.
pub async fn multipart_with_file<T: DeserializeOwned, S: Send + Sync>(
    request: Request,
    state: &S,
    file_field: &str,
) -> Result<(T, Vec<(String, String)>, Option<Bytes>), axum::response::Response> {
    use axum::extract::Multipart;
    use axum::response::IntoResponse;

    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(IntoResponse::into_response)?;
    let mut texts = Vec::new();
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(IntoResponse::into_response)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(IntoResponse::into_response)?;
        if name == file_field {
            file = (!bytes.is_empty()).then_some(bytes);
            continue;
        }
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
            AppError::BadRequest(format!(
                "The form's {name} holds text that is not UTF-8; nothing was saved."
            ))
            .into_response()
        })?;
        texts.push((name, text));
    }
    let encoded = serde_urlencoded::to_string(&texts).expect("pairs of strings always url-encode");
    let fields = decode(encoded.as_bytes()).map_err(IntoResponse::into_response)?;
    Ok((fields, texts, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Fields {
        title: String,
    }

    #[test]
    fn reads_plain_and_encoded_text() {
        let fields: Fields = decode(b"title=Gales+%C3%A0+l%27aube").unwrap();
        assert_eq!(fields.title, "Gales à l'aube");
    }

    #[test]
    fn refuses_bytes_that_are_not_utf8() {
        for body in [
            &b"title=%FF%FE"[..],
            b"title=%C3%28",
            b"title=\xff",
            b"%FF=x",
        ] {
            let error = decode::<Fields>(body).unwrap_err();
            assert!(error.to_string().contains("not UTF-8"), "{error}");
        }
    }
}
