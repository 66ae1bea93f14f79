//! The compose page and its forms: new entries, drafts, the approval queue (submit,
//! send back with a note, approve), scheduled entries, and, in `corrections`, what is
//! done to published entries. Every route sits behind the sign-in guard and checks the
//! CSRF token first. Contributors write and submit; editors and admins publish.

mod corrections;
mod desk;
mod view;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;

use super::auth::SignedIn;
use super::entry_form::{EntryAction, EntrySubmission};
use super::error::{Result, render};
use super::live_page;
use super::{AppError, AppState};
use crate::domain::{
    Draft, DraftId, DraftKept, Entry, EntryContent, EntryId, EntryInput, Role, parse_publish_at,
};
use crate::fragments::{self, EntryFragment};
use crate::media::MediaError;
use crate::newsroom::NewsroomError;
use crate::read_model::LivePage;
use view::{DeskView, EntryFormView, Purpose, RECENT_ENTRIES_LISTED};

/// Room in a request for the form's other fields beside the largest image.
const FORM_FIELDS_BYTES: usize = 1024 * 1024;

/// How many of the newest entries are searched for the byline and label an editor used
/// last, to start the next entry with.
const LAST_USED_SEARCH: usize = 200;

pub fn router(max_upload_bytes: usize) -> Router<AppState> {
    // The forms that take an image may be larger than any other request.
    let upload_limit = DefaultBodyLimit::max(max_upload_bytes + FORM_FIELDS_BYTES);
    Router::new()
        .route("/live/{slug}", get(compose_page))
        .route("/live/{slug}/entries", post(new_entry).layer(upload_limit))
        .route(
            "/live/{slug}/drafts/{id}",
            get(draft_form).post(draft_submitted).layer(upload_limit),
        )
        .route(
            "/live/{slug}/drafts/{id}/unschedule",
            post(desk::unschedule),
        )
        .route("/live/{slug}/desk", get(desk::desk))
        .route(
            "/live/{slug}/preview",
            post(desk::preview).layer(upload_limit),
        )
        .route(
            "/live/{slug}/images",
            post(desk::upload_image).layer(upload_limit),
        )
        .merge(corrections::router(upload_limit))
}

/// What the compose page says after a change went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Published,
    Approved,
    Corrected,
    Marked,
    Deleted,
    Submitted,
    Scheduled,
    Unscheduled,
    SentBack,
    Discarded,
    /// A draft kept.
    Saved,
    /// A draft that was published or discarded already (a second click, a colleague).
    Gone,
}

impl Done {
    const ALL: [(&'static str, Done); 12] = [
        ("published", Done::Published),
        ("approved", Done::Approved),
        ("corrected", Done::Corrected),
        ("marked", Done::Marked),
        ("deleted", Done::Deleted),
        ("submitted", Done::Submitted),
        ("scheduled", Done::Scheduled),
        ("unscheduled", Done::Unscheduled),
        ("sent-back", Done::SentBack),
        ("discarded", Done::Discarded),
        ("saved", Done::Saved),
        ("gone", Done::Gone),
    ];

    fn parse(value: &str) -> Option<Done> {
        Done::ALL.iter().find(|(k, _)| *k == value).map(|(_, d)| *d)
    }

    fn key(self) -> &'static str {
        Done::ALL
            .iter()
            .find(|(_, d)| *d == self)
            .map(|(k, _)| *k)
            .expect("every outcome has a key")
    }

    /// The compose page after this, for a redirect.
    fn to(self, slug: &str) -> Redirect {
        Redirect::to(&format!("/editor/live/{slug}?done={}", self.key()))
    }

    pub fn message(self) -> &'static str {
        match self {
            Done::Published => "Published. The form is ready for the next entry.",
            Done::Approved => "Approved and published.",
            Done::Corrected => "Correction saved.",
            Done::Marked => "Saved.",
            Done::Deleted => "Deleted.",
            Done::Submitted => "Sent for approval. An editor will publish it or send it back.",
            Done::Scheduled => "Scheduled. It is listed below until it publishes itself.",
            Done::Unscheduled => "Taken off the schedule; it is kept in your drafts.",
            Done::SentBack => "Sent back to its author with your note.",
            Done::Discarded => "Draft discarded.",
            Done::Saved => "Draft saved. Only you can see it until you submit or publish it.",
            Done::Gone => {
                "That draft is no longer there to act on: it was published, discarded or taken back by its author already. Nothing was published twice."
            }
        }
    }
}

/// The compose page: the form, and the desk beside it.
#[derive(Template)]
#[template(path = "editor/compose.html")]
struct ComposePage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    page: &'a LivePage,
    f: EntryFormView<'a>,
    desk: DeskView<'a>,
    done: Option<Done>,
}

/// The desk as the signed-in person sees it.
async fn desk_view<'a>(
    state: &AppState,
    signed_in: &'a SignedIn,
    page: &'a LivePage,
) -> Result<DeskView<'a>> {
    let user = signed_in.session.user.as_str();
    let can_publish = signed_in.session.role.publishes();
    let drafts = state.newsroom.drafts(page.blog.id).await?;
    let (scheduled, unscheduled): (Vec<Draft>, Vec<Draft>) =
        drafts.into_iter().partition(Draft::is_scheduled);
    let (queue, own): (Vec<Draft>, Vec<Draft>) = unscheduled
        .into_iter()
        .filter(|d| d.created_by == user || (can_publish && d.is_submitted()))
        .partition(|d| d.is_submitted() && d.created_by != user);
    let pinned = page.pinned();
    let recent = pinned
        .into_iter()
        .chain(
            page.entries()
                .filter(|e| Some(e.entry.id) != pinned.map(|p| p.entry.id)),
        )
        .take(RECENT_ENTRIES_LISTED)
        .collect();
    Ok(DeskView {
        page,
        user,
        csrf_token: signed_in.csrf_token(),
        can_publish,
        readers: state.audience.readers(page.blog.id),
        queue: if can_publish { queue } else { Vec::new() },
        drafts: own,
        scheduled: if can_publish { scheduled } else { Vec::new() },
        recent,
    })
}

/// Renders the compose page around `form`.
async fn compose(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    form: EntryFormView<'_>,
    done: Option<Done>,
    status: StatusCode,
) -> Result<Response> {
    let html = render(&ComposePage {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        page,
        desk: desk_view(state, signed_in, page).await?,
        f: form,
        done,
    })?;
    Ok((status, html).into_response())
}

/// An entry form for this person on this page.
fn entry_form<'a>(
    state: &AppState,
    signed_in: &'a SignedIn,
    page: &'a LivePage,
    purpose: Purpose<'a>,
    input: EntryInput,
) -> EntryFormView<'a> {
    EntryFormView::new(
        page,
        signed_in.csrf_token(),
        signed_in.session.role.publishes(),
        state.media.max_bytes,
        purpose,
        input,
    )
}

/// A new entry starts with the byline and label this person used last on the page.
fn last_used(page: &LivePage, user: &str) -> EntryInput {
    let Some(last) = page
        .entries()
        .take(LAST_USED_SEARCH)
        .find(|e| e.entry.created_by.as_deref() == Some(user))
    else {
        return EntryInput::default();
    };
    let used = last.entry.to_input();
    EntryInput {
        label: used.label,
        author_name: used.author_name,
        author_role: used.author_role,
        ..EntryInput::default()
    }
}

fn require_publisher(signed_in: &SignedIn) -> Result<()> {
    if signed_in.session.role.publishes() {
        Ok(())
    } else {
        Err(AppError::NotAllowed)
    }
}

#[derive(Deserialize)]
struct ComposeQuery {
    done: Option<String>,
}

async fn compose_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    Query(query): Query<ComposeQuery>,
) -> Result<Response> {
    let page = live_page(&state, &slug)?;
    let input = last_used(&page, &signed_in.session.user);
    let form = entry_form(&state, &signed_in, &page, Purpose::New, input);
    let done = query.done.as_deref().and_then(Done::parse);
    compose(&state, &signed_in, &page, form, done, StatusCode::OK).await
}

/// The entry as readers would see it, rendered by the same template, off the async
/// workers.
async fn preview(page: &LivePage, draft: EntryContent, by: &str) -> Result<String> {
    let entry = Entry::new(EntryId(0), draft, Utc::now(), by);
    let (slug, zone) = (page.blog.slug.to_string(), page.blog.time_zone);
    fragments::off_the_workers(move || {
        fragments::render(&EntryFragment {
            entry: &entry,
            slug: &slug,
            zone,
        })
    })
    .await
    .map_err(|stopped| AppError::Unavailable(stopped.to_string()))
}

/// `POST /editor/live/{slug}/entries`: a new entry, published, kept, scheduled or
/// previewed.
async fn new_entry(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    submission: EntrySubmission,
) -> Result<Response> {
    signed_in.check_csrf(&submission.csrf_token)?;
    let page = live_page(&state, &slug)?;
    entry_form_sent(&state, &signed_in, &page, None, submission).await
}

/// A draft as this person may open it: their own, or a submitted one for an editor
/// to review. `Ok(None)` when there is no such draft (any more).
async fn find_draft(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    id: &str,
) -> Result<Option<Draft>> {
    let id = DraftId(id.parse().map_err(|_| AppError::NotFound)?);
    let Some(draft) = state.newsroom.draft(page.blog.id, id).await? else {
        return Ok(None);
    };
    let session = &signed_in.session;
    if draft.created_by == session.user || (draft.is_submitted() && session.role.publishes()) {
        Ok(Some(draft))
    } else {
        Err(AppError::NotFound)
    }
}

fn draft_purpose<'a>(signed_in: &SignedIn, draft: &'a Draft) -> Purpose<'a> {
    Purpose::Draft {
        draft,
        review: draft.created_by != signed_in.session.user,
    }
}

async fn draft_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(query): Query<ComposeQuery>,
) -> Result<Response> {
    let page = live_page(&state, &slug)?;
    let draft = find_draft(&state, &signed_in, &page, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut form = entry_form(
        &state,
        &signed_in,
        &page,
        draft_purpose(&signed_in, &draft),
        draft.input.clone(),
    );
    if let Some(at) = draft.publish_at {
        form.publish_at = crate::domain::time::local_input(at, page.blog.time_zone);
    }
    let done = query.done.as_deref().and_then(Done::parse);
    compose(&state, &signed_in, &page, form, done, StatusCode::OK).await
}

async fn draft_submitted(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    submission: EntrySubmission,
) -> Result<Response> {
    signed_in.check_csrf(&submission.csrf_token)?;
    let page = live_page(&state, &slug)?;
    let Some(draft) = find_draft(&state, &signed_in, &page, &id).await? else {
        // Published or discarded by an earlier click, or by a colleague.
        return Ok(Done::Gone.to(&slug).into_response());
    };
    entry_form_sent(&state, &signed_in, &page, Some(&draft), submission).await
}

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
async fn entry_form_sent(
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
        EntryAction::Draft => newsroom
            .keep_draft(slug, draft_id, &back.input, user, DraftKept::Writing)
            .await
            .map(|id| {
                Redirect::to(&format!(
                    "/editor/live/{slug}/drafts/{id}?done={}",
                    Done::Saved.key()
                ))
            }),
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
            back.problem = Some(
                "This live page has ended, so nothing new is published on it. Your entry is kept \
                 in this form; save it as a draft, or ask an admin to reopen the page."
                    .to_owned(),
            );
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
async fn keep_image(
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
