//! The entry form as browsers send it, url-encoded or multipart with an image, read
//! once into one typed submission for every entry route (new entries, drafts,
//! corrections, previews): what was typed, which button was pressed, and the image
//! file if one came. Checkboxes become booleans here, and an unknown button is a 400,
//! never a publish.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use super::{AppError, AppState, has_content_type};
use crate::domain::{EntryInput, MAX_GALLERY, PictureInput};

/// Which of the entry form's buttons was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryAction {
    /// Publish now (also when no button is named), or save a correction.
    Publish,
    /// Show it as readers would see it; keep nothing.
    Preview,
    /// Keep it as a draft.
    Draft,
    /// Send it for an editor's approval.
    Submit,
    /// Publish it by itself at the time given.
    Schedule,
    /// Send a contributor's entry back to them with a note.
    SendBack,
    /// Throw the draft away.
    Discard,
}

impl EntryAction {
    /// Every button, as the form names it.
    const ALL: [(&'static str, EntryAction); 7] = [
        ("publish", EntryAction::Publish),
        ("preview", EntryAction::Preview),
        ("draft", EntryAction::Draft),
        ("submit", EntryAction::Submit),
        ("schedule", EntryAction::Schedule),
        ("send-back", EntryAction::SendBack),
        ("discard", EntryAction::Discard),
    ];

    pub fn parse(value: &str) -> Result<EntryAction, AppError> {
        if value.is_empty() {
            return Ok(EntryAction::Publish);
        }
        EntryAction::ALL
            .iter()
            .find(|(name, _)| *name == value)
            .map(|(_, action)| *action)
            .ok_or_else(|| {
                let names: Vec<&str> = EntryAction::ALL.iter().map(|(name, _)| *name).collect();
                AppError::BadRequest(format!(
                    "The form's button {value:?} is not one this form has ({}); nothing was saved.",
                    names.join(", ")
                ))
            })
    }

    /// Whether this button publishes an entry, now or later.
    pub fn publishes(self) -> bool {
        matches!(self, EntryAction::Publish | EntryAction::Schedule)
    }
}

/// The entry form, read.
#[derive(Debug)]
pub struct EntrySubmission {
    pub csrf_token: String,
    /// The form's own key (see `EntryFormView::request_key`); empty from a form
    /// without one.
    pub request_key: String,
    pub action: EntryAction,
    pub input: EntryInput,
    /// The version a correction started from; `None` to save over whatever is there.
    pub version: Option<u32>,
    /// A correction's public note.
    pub correction: String,
    /// The note a contributor's entry is sent back with.
    pub review_note: String,
    /// When a scheduled entry is to publish itself, as typed (in the page's time zone).
    pub publish_at: String,
    /// A correction's publication time, as typed (in the page's time zone): an earlier
    /// one moves the entry back in the stream.
    pub published_at: String,
    /// When the draft this form holds was last saved, as the form was opened: an
    /// approval or a note sent back is refused if it has been saved again since.
    pub draft_version: Option<DateTime<Utc>>,
    /// An image file sent with the form.
    pub image: Option<Bytes>,
}

/// The form's fields as sent: text, and checkboxes present when ticked.
#[derive(Deserialize)]
struct Fields {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    request_key: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    correction: String,
    #[serde(default)]
    review_note: String,
    #[serde(default)]
    publish_at: String,
    #[serde(default)]
    published_at: String,
    #[serde(default)]
    draft_version: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    author_name: String,
    #[serde(default)]
    author_role: String,
    #[serde(default)]
    image_url: String,
    #[serde(default)]
    image_alt: String,
    #[serde(default)]
    image_caption: String,
    #[serde(default)]
    image_credit: String,
    #[serde(default)]
    post_url: String,
    #[serde(default)]
    post_author: String,
    #[serde(default)]
    post_text: String,
    #[serde(default)]
    tags: String,
    #[serde(default)]
    clip_url: String,
    #[serde(default)]
    clip_captions_url: String,
    #[serde(default)]
    clip_caption: String,
    #[serde(default)]
    clip_credit: String,
    #[serde(default)]
    poll_question: String,
    #[serde(default)]
    poll_answers: String,
    #[serde(default)]
    poll_open_minutes: String,
    #[serde(default)]
    profile_1: String,
    #[serde(default)]
    profile_2: String,
    #[serde(default)]
    profile_3: String,
    #[serde(default, deserialize_with = "ticked")]
    key_event: bool,
    #[serde(default, deserialize_with = "ticked")]
    pinned: bool,
}

/// The gallery's rows, as the form numbers their fields (`gallery_2_alt`), in order.
fn gallery_rows(pairs: &[(String, String)]) -> Vec<PictureInput> {
    let mut rows: std::collections::BTreeMap<usize, PictureInput> = Default::default();
    for (name, value) in pairs {
        let Some((n, part)) = name
            .strip_prefix("gallery_")
            .and_then(|rest| rest.split_once('_'))
        else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else { continue };
        if n == 0 || n > 2 * MAX_GALLERY {
            continue;
        }
        let row = rows.entry(n).or_default();
        let field = match part {
            "url" => &mut row.url,
            "alt" => &mut row.alt,
            "caption" => &mut row.caption,
            "credit" => &mut row.credit,
            _ => continue,
        };
        *field = value.clone();
    }
    rows.into_values().collect()
}

/// A checkbox is sent, with any value, only when it is ticked.
fn ticked<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    String::deserialize(deserializer).map(|_| true)
}

impl Fields {
    fn into_submission(
        self,
        image: Option<Bytes>,
        pairs: &[(String, String)],
    ) -> Result<EntrySubmission, AppError> {
        let version = match self.version.trim() {
            "" => None,
            number => Some(number.parse().map_err(|_| {
                AppError::BadRequest(format!(
                    "The form's version {number:?} is not a number; nothing was saved."
                ))
            })?),
        };
        let draft_version = match self.draft_version.trim() {
            "" => None,
            at => Some(
                DateTime::parse_from_rfc3339(at)
                    .map_err(|_| {
                        AppError::BadRequest(format!(
                            "The form's draft version {at:?} is not a time; nothing was saved."
                        ))
                    })?
                    .with_timezone(&Utc),
            ),
        };
        Ok(EntrySubmission {
            csrf_token: self.csrf_token,
            request_key: self.request_key,
            action: EntryAction::parse(&self.action)?,
            input: EntryInput {
                title: self.title,
                body: self.body,
                label: self.label,
                author_name: self.author_name,
                author_role: self.author_role,
                image_url: self.image_url,
                image_alt: self.image_alt,
                image_caption: self.image_caption,
                image_credit: self.image_credit,
                post_url: self.post_url,
                post_author: self.post_author,
                post_text: self.post_text,
                tags: self.tags,
                gallery: gallery_rows(pairs),
                clip_url: self.clip_url,
                clip_captions_url: self.clip_captions_url,
                clip_caption: self.clip_caption,
                clip_credit: self.clip_credit,
                poll_question: self.poll_question,
                poll_answers: self.poll_answers,
                poll_open_minutes: self.poll_open_minutes,
                profiles: [self.profile_1, self.profile_2, self.profile_3]
                    .into_iter()
                    .filter(|name| !name.trim().is_empty())
                    .collect(),
                key_event: self.key_event,
                pinned: self.pinned,
            },
            version,
            correction: self.correction,
            review_note: self.review_note,
            publish_at: self.publish_at,
            published_at: self.published_at,
            draft_version,
            image,
        })
    }
}

/// Reads a url-encoded entry form (the fuzz targets use this too).
pub fn decode(body: &[u8]) -> Result<EntrySubmission, AppError> {
    let pairs: Vec<(String, String)> = super::form::decode(body)?;
    super::form::decode::<Fields>(body)?.into_submission(None, &pairs)
}

impl FromRequest<AppState> for EntrySubmission {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        if !has_content_type(request.headers(), "multipart/form-data") {
            let body = super::form::body(request, state)
                .await
                .map_err(IntoResponse::into_response)?;
            return decode(&body).map_err(IntoResponse::into_response);
        }
        let (fields, pairs, image): (Fields, _, _) =
            super::form::multipart_with_file(request, state, "image").await?;
        fields
            .into_submission(image, &pairs)
            .map_err(IntoResponse::into_response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkboxes_become_flags_and_buttons_actions() {
        let form = decode(b"title=T&body=B&pinned=on&action=send-back&version=3").unwrap();
        assert!(form.input.pinned && !form.input.key_event);
        assert_eq!(form.action, EntryAction::SendBack);
        assert_eq!(form.version, Some(3));
        let plain = decode(b"title=T&body=B").unwrap();
        assert_eq!(plain.action, EntryAction::Publish);
        assert_eq!(plain.version, None);
    }

    #[test]
    fn an_unknown_button_publishes_nothing() {
        for body in [&b"action=publsh"[..], b"action=Publish", b"action=%20"] {
            let error = decode(body).unwrap_err();
            assert!(
                error.to_string().contains("not one this form has"),
                "{error}"
            );
        }
        assert!(decode(b"version=abc").is_err());
        assert!(decode(b"draft_version=yesterday").is_err());
        let form = decode(b"draft_version=2026-12-01T10%3A00%3A00.123456Z").unwrap();
        assert_eq!(
            form.draft_version.map(|at| at.timestamp_subsec_micros()),
            Some(123_456)
        );
    }
}
