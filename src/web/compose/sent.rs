//! One handler for every button of the entry form, new or draft: the action checked
//! against who sent it, the image kept first, then published, kept as a draft,
//! submitted, scheduled, sent back, discarded or previewed. What is refused comes back
//! in the form as typed, with the reason beside its field.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::super::AppError;
use super::super::AppState;
use super::super::auth::SignedIn;
use super::super::entry_form::{EntryAction, EntrySubmission};
use super::super::error::Result;
use super::view::{EntryFormView, Purpose};
use super::{Done, compose, draft_purpose, entry_form, preview, require_publisher};
use crate::domain::{Draft, DraftId, DraftKept, EntryContent, Role, parse_publish_at};
use crate::media::MediaError;
use crate::newsroom::NewsroomError;
use crate::read_model::LivePage;

/// Whether `action` is one this person may take on this form. An editor reviewing a
/// contributor's entry approves it, sends it back or previews it; the rest is the
/// author's.
fn check_allowed(signed_in: &SignedIn, draft: Option<&Draft>, action: EntryAction) -> Result<()> {
    let review = draft.is_some_and(|d| d.created_by != signed_in.session.user);
    let allowed = match action {
        EntryAction::Preview => true,
        EntryAction::Publish | EntryAction::SendBack if review => true,
        _ if review => false,
        EntryAction::SendBack => false,
        EntryAction::Publish | EntryAction::Schedule => signed_in.session.role.publishes(),
        EntryAction::Draft | EntryAction::Submit => true,
        EntryAction::Discard => draft.is_some(),
    };
    if allowed && (action.publishes() || action == EntryAction::SendBack) {
        require_publisher(signed_in)
    } else if allowed {
        Ok(())
    } else {
        Err(AppError::NotAllowed)
    }
}

/// One handler for every button of the entry form, new or draft.
pub(super) async fn entry_form_sent(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    draft: Option<&Draft>,
    submission: EntrySubmission,
) -> Result<Response> {
    let EntrySubmission {
        action,
        mut input,
        review_note,
        publish_at,
        draft_version,
        image,
        ..
    } = submission;
    check_allowed(signed_in, draft, action)?;
    let slug = page.blog.slug.as_str();
    let user = signed_in.session.user.as_str();
    // Pinning and key events are an editor's call, made when approving.
    if signed_in.session.role == Role::Contributor {
        input.pinned = false;
        input.key_event = false;
    }
    let draft_id = draft.map(|d| d.id);
    // A draft is published as its author's, whoever approves it.
    let author = draft.map_or(user, |d| d.created_by.as_str());
    let purpose = match draft {
        Some(draft) => draft_purpose(signed_in, draft),
        None => Purpose::New,
    };
    let mut back = entry_form(state, signed_in, page, purpose, input);
    back.review_note = review_note;
    back.publish_at = publish_at;

    if action != EntryAction::Discard && !keep_image(state, &mut back, image).await? {
        return refused(state, signed_in, page, back).await;
    }
    let newsroom = &state.newsroom;
    let outcome = match action {
        EntryAction::Preview => {
            match EntryContent::parse(&back.input) {
                Ok(checked) => back.preview = Some(preview(page, checked, author).await?),
                Err(errors) => back.errors = errors,
            }
            let status = if back.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return compose(state, signed_in, page, back, None, status).await;
        }
        // A kept draft leaves the form, which is ready for the next story: the draft
        // waits in the drafts list beside it.
        EntryAction::Draft => newsroom
            .keep_draft(slug, draft_id, &back.input, user, DraftKept::Writing)
            .await
            .map(|_| Done::Saved.to(slug)),
        EntryAction::Submit => newsroom
            .keep_draft(slug, draft_id, &back.input, user, DraftKept::Submitted)
            .await
            .map(|_| Done::Submitted.to(slug)),
        EntryAction::Schedule => {
            let at = parse_publish_at(&back.publish_at, page.blog.time_zone, Utc::now());
            let checked = EntryContent::parse(&back.input);
            match (at, checked) {
                (Ok(at), Ok(_)) => newsroom
                    .keep_draft(slug, draft_id, &back.input, user, DraftKept::Scheduled(at))
                    .await
                    .map(|_| Done::Scheduled.to(slug)),
                (at, checked) => {
                    let mut errors = checked.err().unwrap_or_default();
                    if let Err(problem) = at {
                        errors.merge(problem);
                    }
                    Err(NewsroomError::Invalid(errors))
                }
            }
        }
        EntryAction::SendBack => match draft {
            Some(draft) => {
                let seen = draft_version.unwrap_or(draft.updated_at);
                newsroom
                    .send_back(slug, draft.id, seen, &back.input, &back.review_note, user)
                    .await
                    .map(|()| Done::SentBack.to(slug))
            }
            None => return Err(AppError::NotAllowed),
        },
        EntryAction::Discard => match draft_id {
            Some(id) => newsroom
                .discard_draft(slug, id)
                .await
                .map(|()| Done::Discarded.to(slug)),
            None => return Err(AppError::NotAllowed),
        },
        EntryAction::Publish => match EntryContent::parse(&back.input) {
            Err(errors) => Err(NewsroomError::Invalid(errors)),
            Ok(checked) => match draft_id {
                Some(id) => newsroom
                    .publish_draft(slug, id, draft_version, checked, author)
                    .await
                    .map(|entry| {
                        tracing::info!(user = ?user, entry = %entry.id, author = ?author, "published a draft");
                        if author == user {
                            Done::Published.to(slug)
                        } else {
                            Done::Approved.to(slug)
                        }
                    }),
                None => newsroom.publish(slug, checked, user).await.map(|entry| {
                    tracing::info!(user = ?user, entry = %entry.id, "published");
                    Done::Published.to(slug)
                }),
            },
        },
    };
    match outcome {
        Ok(redirect) => Ok(redirect.into_response()),
        Err(NewsroomError::Invalid(errors)) => {
            back.errors = errors;
            refused(state, signed_in, page, back).await
        }
        Err(NewsroomError::Closed) => {
            back.problem = Some(back.w.get("form-page-ended"));
            let status = StatusCode::CONFLICT;
            compose(state, signed_in, page, back, None, status).await
        }
        // The draft changed or went between opening it and acting on it.
        Err(NewsroomError::NotFound) if draft_id.is_some() => {
            changed_meanwhile(state, signed_in, page, draft_id, back).await
        }
        Err(other) => Err(other.into()),
    }
}

/// A draft acted on after it was saved again, or after it went (published, discarded,
/// or taken back by its author): what was typed comes back beside the latest version,
/// or the compose page says the draft is gone.
async fn changed_meanwhile(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    id: Option<DraftId>,
    typed: EntryFormView<'_>,
) -> Result<Response> {
    let newer = match id {
        Some(id) => state.newsroom.draft(page.blog.id, id).await?,
        None => None,
    };
    let session = &signed_in.session;
    let Some(newer) = newer
        .filter(|d| d.created_by == session.user || (d.is_submitted() && session.role.publishes()))
    else {
        return Ok(Done::Gone.to(page.blog.slug.as_str()).into_response());
    };
    let purpose = draft_purpose(signed_in, &newer);
    let mut form = entry_form(state, signed_in, page, purpose, typed.input);
    form.review_note = typed.review_note;
    form.publish_at = typed.publish_at;
    form.draft_changed = true;
    compose(state, signed_in, page, form, None, StatusCode::CONFLICT).await
}

/// Keeps an image sent with the form first, so its address goes in the form and is
/// never lost, whatever else is wrong. `false` when it is refused: the form then says
/// why beside the field, and beside any other field found wrong.
pub(super) async fn keep_image(
    state: &AppState,
    form: &mut EntryFormView<'_>,
    image: Option<axum::body::Bytes>,
) -> Result<bool> {
    let Some(bytes) = image else {
        return Ok(true);
    };
    match state.media.keep(&bytes).await {
        Ok(url) => {
            form.input.image_url = url;
            Ok(true)
        }
        Err(MediaError::Io(error)) => Err(AppError::Internal(error.to_string())),
        Err(problem) => {
            form.errors = EntryContent::parse(&form.input).err().unwrap_or_default();
            form.errors.add("image", problem.to_string());
            Ok(false)
        }
    }
}

/// The form back as sent, with what was wrong beside each field.
async fn refused(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    form: EntryFormView<'_>,
) -> Result<Response> {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    compose(state, signed_in, page, form, None, status).await
}
