//! The entry form sent, new or a draft, and the answer to every entry form: the form
//! read into one [`Command`], carried out, and how it went turned into a response
//! (the compose page saying so, or the form back as typed, with the reason beside its
//! field, the other version beside it, or the preview).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::super::AppError;
use super::super::AppState;
use super::super::auth::SignedIn;
use super::super::entry_form::EntrySubmission;
use super::super::error::{Result, render};
use super::super::live_page;
use super::command::{Command, Outcome, Subject, Typed};
use super::corrections::correction;
use super::view::{EntryFormView, InlineCorrection, InlineDone, Purpose};
use super::{Done, compose, draft_purpose, entry_form};
use crate::domain::{Draft, DraftId, Entry};
use crate::read_model::LivePage;

/// One handler for every button of the entry form, new (`draft` is `None`) or draft.
pub(super) async fn entry_form_sent(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    draft: Option<&Draft>,
    submission: EntrySubmission,
) -> Result<Response> {
    let subject = draft.map_or(Subject::New, Subject::Draft);
    let mut command = Command::read(signed_in, subject, submission)?;
    let outcome = command.run(state, page).await?;
    answer(state, signed_in, page, command, outcome, false).await
}

/// What the editor is told of how `command` went: the compose page saying so (inside
/// the page's stream, `inline`, a line saying so), or the form back as typed.
pub(super) async fn answer(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    command: Command<'_>,
    outcome: Outcome,
    inline: bool,
) -> Result<Response> {
    let purpose = purpose(state, signed_in, command.act.subject()).await;
    let mut back = entry_form(state, signed_in, page, purpose, command.typed).await;
    back.inline = inline;
    let status = match outcome {
        Outcome::Done(done) if inline => {
            let message = done.message(&back.w);
            return Ok(render(&InlineDone { message })?.into_response());
        }
        Outcome::Done(done) => return Ok(done.to(page.blog.slug.as_str()).into_response()),
        Outcome::Preview(html) => {
            back.preview = Some(html);
            StatusCode::OK
        }
        Outcome::Refused(errors) => {
            back.errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Outcome::PageEnded => {
            back.problem = Some(back.w.get("form-page-ended"));
            StatusCode::CONFLICT
        }
        Outcome::DraftChanged(id) => {
            return changed_meanwhile(state, signed_in, page, id, back.into_typed()).await;
        }
        Outcome::Conflict(theirs) => {
            let typed = back.into_typed();
            return their_version(state, signed_in, page, &theirs, typed, inline).await;
        }
    };
    respond(state, signed_in, page, back, status).await
}

/// What the form a command was sent from was for.
async fn purpose<'a>(state: &AppState, signed_in: &SignedIn, subject: Subject<'a>) -> Purpose<'a> {
    match subject {
        Subject::New => Purpose::New,
        Subject::Draft(draft) => draft_purpose(signed_in, draft),
        Subject::Published { entry, version } => {
            correction(state, signed_in, entry, version.unwrap_or(0), None).await
        }
    }
}

/// An entry form, on the compose page or (a correction opened inside the page's
/// stream) alone.
pub(super) async fn respond(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    form: EntryFormView<'_>,
    status: StatusCode,
) -> Result<Response> {
    if form.inline {
        let html = render(&InlineCorrection { f: form })?;
        Ok((status, html).into_response())
    } else {
        compose(state, signed_in, page, form, None, status).await
    }
}

/// A draft acted on after it was saved again, or after it went (published, discarded,
/// or taken back by its author): what was typed comes back beside the latest version,
/// or the compose page says the draft is gone.
async fn changed_meanwhile(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    id: DraftId,
    typed: Typed,
) -> Result<Response> {
    let session = &signed_in.session;
    let Some(newer) = state
        .newsroom
        .draft(page.blog.id, id)
        .await?
        .filter(|d| d.may_be_opened_by(&session.user, session.role))
    else {
        return Ok(Done::Gone.to(page.blog.slug.as_str()).into_response());
    };
    let purpose = draft_purpose(signed_in, &newer);
    let mut form = entry_form(state, signed_in, page, purpose, typed).await;
    form.draft_changed = true;
    compose(state, signed_in, page, form, None, StatusCode::CONFLICT).await
}

/// Both versions of a correction side by side: theirs as saved, this editor's still in
/// the form, which now starts from theirs, so saving again is a deliberate overwrite.
async fn their_version(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    theirs: &Entry,
    typed: Typed,
    inline: bool,
) -> Result<Response> {
    let page = live_page(state, page.blog.slug.as_str()).await?;
    let rendered = page.entry(theirs.id).ok_or(AppError::NotFound)?;
    let purpose = correction(state, signed_in, theirs.id, theirs.version, Some(rendered)).await;
    let mut form = entry_form(state, signed_in, &page, purpose, typed).await;
    form.inline = inline;
    respond(state, signed_in, &page, form, StatusCode::CONFLICT).await
}
