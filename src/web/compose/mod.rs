//! The compose page and its forms: new entries, drafts, the approval queue (submit,
//! send back with a note, approve), scheduled entries, and, in `corrections`, what is
//! done to published entries. Every route sits behind the sign-in guard and checks the
//! CSRF token first. Contributors write and submit; editors and admins publish.
//! `command` reads what each button of the entry form asks into one typed command and
//! carries it out; `sent` answers with how it went; `done` says what went through;
//! `view` shapes the form and the desk for the template; `words` hands the page's
//! script its words.

mod command;
mod contributions;
mod corrections;
mod desk;
pub(super) mod done;
mod history;
mod sent;
mod view;
mod words;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;

use super::auth::SignedIn;
use super::entry_form::EntrySubmission;
use super::error::{Result, render};
use super::live_page;
use super::{AppError, AppState};
use crate::domain::{Draft, DraftId, Entry, EntryContent, EntryId, EntryInput, OpenedAs};
use crate::fragments::{self, EntryFragment};
use crate::read_model::{LivePage, RenderedEntry};
use crate::words::Words;
use command::Typed;
use done::Done;
use sent::entry_form_sent;
use view::{DeskView, EntryFormView, Purpose, RECENT_ENTRIES_LISTED};

/// Room in a request for the form's other fields beside the largest image.
const FORM_FIELDS_BYTES: usize = 1024 * 1024;

/// How many of the newest entries are searched for the byline an editor used last, to
/// start the next entry with.
const LAST_USED_SEARCH: usize = 200;

pub fn router(max_upload_bytes: usize, max_clip_bytes: u64) -> Router<AppState> {
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
        .route(
            "/live/{slug}/clips",
            post(super::clips::upload).layer(DefaultBodyLimit::max(
                usize::try_from(max_clip_bytes)
                    .unwrap_or(usize::MAX)
                    .saturating_add(super::clips::CLIP_FORM_BYTES),
            )),
        )
        .route("/live/{slug}/entries/{id}/history", get(history::history))
        .merge(corrections::router(upload_limit))
        .merge(contributions::router())
}

/// The compose page: the form, and the desk beside it.
#[derive(Template)]
#[template(path = "editor/compose.html")]
struct ComposePage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    /// The newsroom's words, in the signed-in person's language.
    w: Words,
    /// The words the page's script writes, as JSON (see [`words::for_editor_js`]).
    script_words: String,
    /// The newsroom's snippets, as JSON for the buttons above an entry's text:
    /// `{"snippets": [{"name", "text"}, …], "manage": whether this person keeps them}`.
    snippets: String,
    /// The names of the newsroom's profiles, offered as the byline's profiles are typed.
    profiles: Vec<String>,
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
    let (user, role) = (signed_in.session.user.as_str(), signed_in.session.role);
    let can_publish = role.publishes();
    let drafts = state.newsroom.drafts(page.blog.id).await?;
    let (scheduled, unscheduled): (Vec<Draft>, Vec<Draft>) =
        drafts.drafts.into_iter().partition(Draft::is_scheduled);
    let (queue, own): (Vec<Draft>, Vec<Draft>) = unscheduled
        .into_iter()
        .filter(|d| d.may_be_opened_by(user, role))
        .partition(|d| d.opened_as(user, role) == Some(OpenedAs::Reviewer));
    // Newest first, as the stream runs; the pinned entry in its place, or last when it
    // is older than all of them.
    let mut recent: Vec<&RenderedEntry> = page.entries().take(RECENT_ENTRIES_LISTED).collect();
    if let Some(pinned) = page.pinned()
        && !recent.iter().any(|e| e.entry.id == pinned.entry.id)
    {
        recent.push(pinned);
    }
    let deleted = if can_publish {
        state.newsroom.deleted(page.blog.id).await?
    } else {
        Vec::new()
    };
    let readers_over = (state.figures.readers(page.blog.id).await)
        .map_err(crate::newsroom::NewsroomError::from)?;
    let figures = match can_publish {
        true => {
            let ids: Vec<_> = recent.iter().map(|e| e.entry.id).collect();
            (state.figures.of(&ids).await).map_err(crate::newsroom::NewsroomError::from)?
        }
        false => Default::default(),
    };
    let (from_readers, from_readers_waiting) = match can_publish {
        true => (state.contributions.waiting(page.blog.id).await)
            .map_err(crate::newsroom::NewsroomError::from)?,
        false => (Vec::new(), 0),
    };
    Ok(DeskView {
        page,
        w: signed_in.words(),
        user,
        csrf_token: signed_in.csrf_token(),
        can_publish,
        readers: state.audience.readers(page.blog.id),
        from_readers,
        from_readers_waiting,
        readers_over,
        figures,
        queue: if can_publish { queue } else { Vec::new() },
        drafts: own,
        scheduled: if can_publish { scheduled } else { Vec::new() },
        unreadable: if can_publish {
            drafts.unreadable
        } else {
            Vec::new()
        },
        recent,
        deleted,
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
    let w = form.w.clone();
    // A convenience: the page is still written if they cannot be read just now.
    let snippets = state.newsroom.snippets().await.unwrap_or_else(|problem| {
        tracing::warn!(%problem, "the snippets cannot be read");
        Vec::new()
    });
    let snippets: Vec<_> = snippets
        .iter()
        .map(|s| serde_json::json!({ "name": s.text.name, "text": s.text.body }))
        .collect();
    let profiles = state.newsroom.profiles().await.unwrap_or_else(|problem| {
        tracing::warn!(%problem, "the profiles cannot be read");
        Vec::new()
    });
    let html = render(&ComposePage {
        profiles: profiles.into_iter().map(|p| p.card.name).collect(),
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        script_words: words::for_editor_js(&w),
        snippets: crate::words::script_data(&serde_json::json!({
            "snippets": snippets,
            "manage": signed_in.session.role.publishes(),
        })),
        w,
        csrf_token: signed_in.csrf_token(),
        page,
        desk: desk_view(state, signed_in, page).await?,
        f: form,
        done,
    })?;
    Ok((status, html).into_response())
}

/// An entry form for this person on this page, holding what was `typed`, offering the
/// newsroom's labels.
async fn entry_form<'a>(
    state: &AppState,
    signed_in: &'a SignedIn,
    page: &'a LivePage,
    purpose: Purpose<'a>,
    typed: Typed,
) -> EntryFormView<'a> {
    // A convenience: the form is still written if they cannot be read just now, with
    // the labels every newsroom starts with.
    let labels = state.newsroom.labels().await.unwrap_or_else(|problem| {
        tracing::warn!(%problem, "the labels cannot be read");
        crate::domain::BUILT_IN_LABELS
            .map(crate::domain::Label::keyed)
            .to_vec()
    });
    let mut form = EntryFormView::new(
        page,
        signed_in.words(),
        signed_in.csrf_token(),
        signed_in.session.role.publishes(),
        state.media.max_bytes,
        purpose,
        typed,
    );
    form.labels = labels;
    form
}

/// A new entry starts with the byline this person used last on the page, and nothing
/// else of it: a label, a pin or a key event is each entry's own call, and one carried
/// over unnoticed ("Breaking" on the next story) is an editorial error.
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
        author_name: used.author_name,
        author_role: used.author_role,
        ..EntryInput::default()
    }
}

/// An entry's number in an address; anything else is no entry.
fn entry_id(raw: &str) -> Result<EntryId> {
    raw.parse().map(EntryId).map_err(|_| AppError::NotFound)
}

fn require_publisher(signed_in: &SignedIn) -> Result<()> {
    signed_in.require_publisher()
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
    let page = live_page(&state, &slug).await?;
    let input = last_used(&page, &signed_in.session.user);
    let byline_kept = !input.author_name.is_empty();
    let mut form = entry_form(&state, &signed_in, &page, Purpose::New, input.into()).await;
    form.byline_kept = byline_kept;
    let done = query.done.as_deref().and_then(Done::parse);
    compose(&state, &signed_in, &page, form, done, StatusCode::OK).await
}

/// The entry as readers would see it, rendered by the same template, off the async
/// workers.
async fn preview(page: &LivePage, draft: EntryContent, by: &str) -> Result<String> {
    let entry = Entry::new(EntryId(0), draft, Utc::now(), by);
    let (slug, zone) = (page.blog.slug.to_string(), page.blog.time_zone);
    let words = page.words.clone();
    fragments::off_the_workers(move || {
        fragments::render(&EntryFragment {
            entry: &entry,
            slug: &slug,
            zone,
            words: &words,
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
    let page = live_page(&state, &slug).await?;
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
    if draft.may_be_opened_by(&session.user, session.role) {
        Ok(Some(draft))
    } else {
        Err(AppError::NotFound)
    }
}

fn draft_purpose<'a>(signed_in: &SignedIn, draft: &'a Draft) -> Purpose<'a> {
    let session = &signed_in.session;
    Purpose::Draft {
        draft,
        review: draft.opened_as(&session.user, session.role) == Some(OpenedAs::Reviewer),
    }
}

async fn draft_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Query(query): Query<ComposeQuery>,
) -> Result<Response> {
    let page = live_page(&state, &slug).await?;
    let draft = find_draft(&state, &signed_in, &page, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut form = entry_form(
        &state,
        &signed_in,
        &page,
        draft_purpose(&signed_in, &draft),
        draft.input.clone().into(),
    )
    .await;
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
    let page = live_page(&state, &slug).await?;
    let Some(draft) = find_draft(&state, &signed_in, &page, &id).await? else {
        // Published or discarded by an earlier click, or by a colleague.
        return Ok(Done::Gone.to(&slug).into_response());
    };
    entry_form_sent(&state, &signed_in, &page, Some(&draft), submission).await
}
