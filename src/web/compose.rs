//! The entry forms: compose, preview, drafts, the approval queue, corrections and
//! deletions. Every route sits behind the sign-in guard and checks the CSRF token
//! first. Contributors write and submit; editors and admins publish.

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::form::Form;
use chrono::Utc;
use serde::Deserialize;

use super::auth::{CsrfForm, SignedIn};
use super::error::{Result, render};
use super::live_page;
use super::{AppError, AppState};
use crate::domain::{
    Draft, DraftId, Entry, EntryDraft, EntryId, EntryInput, FieldErrors, Label, Role,
    parse_correction_note,
};
use crate::fragments::{self, EntryFragment};
use crate::media::MediaError;
use crate::newsroom::{Edit, NewsroomError};
use crate::read_model::{LivePage, RenderedEntry};

/// How many recent entries the compose page lists for correcting or deleting.
const RECENT_ENTRIES_LISTED: usize = 50;

/// Room in a request for the form's other fields beside the largest image.
const FORM_FIELDS_BYTES: usize = 1024 * 1024;

pub fn router(max_upload_bytes: usize) -> Router<AppState> {
    // The forms that take an image may be larger than any other request.
    let upload_limit = DefaultBodyLimit::max(max_upload_bytes + FORM_FIELDS_BYTES);
    Router::new()
        .route("/live/{slug}", get(compose_page))
        .route("/live/{slug}/entries", post(new_entry).layer(upload_limit))
        .route(
            "/live/{slug}/drafts/{id}",
            get(draft_form).post(save_draft_form).layer(upload_limit),
        )
        .route("/live/{slug}/entries/{id}", get(edit_form).post(correct))
        .route(
            "/live/{slug}/entries/{id}/delete",
            get(confirm_delete).post(delete),
        )
}

/// What the compose page shows around the form.
#[derive(Template)]
#[template(path = "editor/compose.html")]
struct ComposePage<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    page: &'a LivePage,
    form: &'a Compose<'a>,
    recent: Vec<&'a RenderedEntry>,
    /// Contributors' entries waiting for an editor.
    queue: Vec<Draft>,
    /// This person's own drafts.
    drafts: Vec<Draft>,
    labels: [Label; 5],
    is_admin: bool,
    can_publish: bool,
    max_upload_bytes: usize,
    /// Colleagues who have the entry being corrected open too.
    others_editing: Vec<String>,
}

/// The form itself: what was typed, what was wrong, and what it is for.
#[derive(Default)]
struct Compose<'a> {
    /// The entry being corrected, if this is a correction.
    editing: Option<Editing<'a>>,
    /// The draft being worked on, if this is one.
    draft: Option<DraftId>,
    input: EntryInput,
    errors: FieldErrors,
    /// The entry rendered as readers would see it.
    preview: Option<String>,
}

/// A correction in progress: which entry, from which version, the public note typed
/// so far, and, when someone else saved it first, their version as readers see it.
struct Editing<'a> {
    id: EntryId,
    version: u32,
    note: String,
    theirs: Option<&'a RenderedEntry>,
}

impl ComposePage<'_> {
    fn action(&self) -> String {
        let slug = self.page.blog.slug.as_str();
        match (&self.form.editing, self.form.draft) {
            (Some(editing), _) => format!("/editor/live/{slug}/entries/{}", editing.id),
            (None, Some(draft)) => format!("/editor/live/{slug}/drafts/{draft}"),
            (None, None) => format!("/editor/live/{slug}/entries"),
        }
    }

    fn is_label(&self, label: &Label) -> bool {
        Label::parse(&self.form.input.label) == Some(*label)
    }

    fn max_upload_mib(&self) -> String {
        format!("{:.0}", self.max_upload_bytes as f64 / (1024.0 * 1024.0))
    }

    /// An unknown label is offered back as typed, so the form loses nothing.
    fn is_known_label(&self) -> bool {
        Label::parse(&self.form.input.label).is_some()
    }
}

async fn compose(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    form: &Compose<'_>,
    status: StatusCode,
) -> Result<Response> {
    let recent = (1..=page.page_count())
        .filter_map(|n| page.stream_page(n))
        .flatten()
        .take(RECENT_ENTRIES_LISTED);
    let recent = page.pinned().into_iter().chain(recent).collect();
    let role = signed_in.session.role;
    let user = signed_in.session.user.as_str();
    let (queue, drafts) = state
        .newsroom
        .store()
        .drafts(page.blog.id)
        .await?
        .into_iter()
        .filter(|d| d.created_by == user || (d.submitted && role.publishes()))
        .partition(|d| d.submitted);
    let html = render(&ComposePage {
        user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        page,
        form,
        recent,
        queue,
        drafts,
        labels: Label::ALL,
        is_admin: role == Role::Admin,
        can_publish: role.publishes(),
        max_upload_bytes: state.media.max_bytes,
        others_editing: form
            .editing
            .as_ref()
            .map(|e| state.presence.others(e.id, user))
            .unwrap_or_default(),
    })?;
    Ok((status, html).into_response())
}

fn require_publisher(signed_in: &SignedIn) -> Result<()> {
    if signed_in.session.role.publishes() {
        Ok(())
    } else {
        Err(AppError::NotAllowed)
    }
}

async fn compose_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response> {
    let page = live_page(&state, &slug)?;
    compose(
        &state,
        &signed_in,
        &page,
        &Compose::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct EntryForm {
    #[serde(default)]
    csrf_token: String,
    /// Which button was pressed: `publish` (also when none is named), `submit` for
    /// approval, save as `draft`, `preview`, or `discard` a draft.
    #[serde(default)]
    action: String,
    /// The version a correction started from.
    #[serde(default)]
    version: String,
    /// A public note of what was corrected.
    #[serde(default)]
    correction: String,
    #[serde(flatten)]
    input: EntryInput,
}

/// The entry form as sent: url-encoded, or multipart with an image file in `image`.
struct Submission {
    form: EntryForm,
    image: Option<Bytes>,
}

impl FromRequest<AppState> for Submission {
    type Rejection = Response;

    async fn from_request(
        request: Request,
        state: &AppState,
    ) -> std::result::Result<Self, Response> {
        if !super::has_content_type(request.headers(), "multipart/form-data") {
            let Form(form) = Form::<EntryForm>::from_request(request, state)
                .await
                .map_err(IntoResponse::into_response)?;
            return Ok(Submission { form, image: None });
        }
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut fields = Vec::new();
        let mut image = None;
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(IntoResponse::into_response)?
        {
            let name = field.name().unwrap_or_default().to_owned();
            if name == "image" {
                let bytes = field.bytes().await.map_err(IntoResponse::into_response)?;
                image = (!bytes.is_empty()).then_some(bytes);
            } else {
                let bytes = field.bytes().await.map_err(IntoResponse::into_response)?;
                let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
                    AppError::BadRequest(format!(
                        "The form's {name} holds text that is not UTF-8; nothing was saved."
                    ))
                    .into_response()
                })?;
                fields.push((name, text));
            }
        }
        let encoded = serde_urlencoded::to_string(&fields).unwrap_or_default();
        let form = serde_urlencoded::from_str(&encoded).map_err(|e| {
            AppError::BadRequest(format!("The form could not be read: {e}")).into_response()
        })?;
        Ok(Submission { form, image })
    }
}

/// The entry as readers would see it, rendered by the same template.
fn preview(page: &LivePage, draft: EntryDraft, by: &str) -> String {
    let entry = Entry::new(EntryId(0), draft, Utc::now(), by);
    fragments::render(&EntryFragment {
        entry: &entry,
        slug: page.blog.slug.as_str(),
        zone: page.blog.time_zone,
    })
}

/// `POST /editor/live/{slug}/entries`: a new entry, published, saved or previewed.
async fn new_entry(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(slug): Path<String>,
    submission: Submission,
) -> Result<Response> {
    signed_in.check_csrf(&submission.form.csrf_token)?;
    let page = live_page(&state, &slug)?;
    handle_entry_form(&state, &signed_in, &page, None, submission).await
}

/// Opens a draft: its author, or an editor once it waits for approval.
async fn own_draft(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    id: &str,
) -> Result<Draft> {
    let id = DraftId(id.parse().map_err(|_| AppError::NotFound)?);
    let draft = state
        .newsroom
        .store()
        .draft(page.blog.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let session = &signed_in.session;
    if draft.created_by == session.user || (draft.submitted && session.role.publishes()) {
        Ok(draft)
    } else {
        Err(AppError::NotFound)
    }
}

async fn draft_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response> {
    let page = live_page(&state, &slug)?;
    let draft = own_draft(&state, &signed_in, &page, &id).await?;
    let form = Compose {
        draft: Some(draft.id),
        input: draft.input,
        ..Compose::default()
    };
    compose(&state, &signed_in, &page, &form, StatusCode::OK).await
}

async fn save_draft_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    submission: Submission,
) -> Result<Response> {
    signed_in.check_csrf(&submission.form.csrf_token)?;
    let page = live_page(&state, &slug)?;
    let draft = own_draft(&state, &signed_in, &page, &id).await?;
    handle_entry_form(&state, &signed_in, &page, Some(draft), submission).await
}

/// One handler for every button of the entry form, new or draft.
async fn handle_entry_form(
    state: &AppState,
    signed_in: &SignedIn,
    page: &LivePage,
    draft: Option<Draft>,
    submission: Submission,
) -> Result<Response> {
    let Submission { mut form, image } = submission;
    let slug = page.blog.slug.as_str();
    let user = signed_in.session.user.as_str();
    let store = state.newsroom.store();
    let draft_id = draft.as_ref().map(|d| d.id);
    // A draft is published as its author's, whoever approves it.
    let author = draft.as_ref().map_or(user, |d| d.created_by.as_str());
    // Anything but saving, discarding, previewing or submitting for approval publishes:
    // refused to contributors before anything is kept, their image included.
    let publishes = !["draft", "discard", "preview", "submit"].contains(&form.action.as_str());
    if publishes {
        require_publisher(signed_in)?;
    }
    // An uploaded image is kept first, so its address goes in the form and is never
    // lost, whatever else is wrong.
    if let Some(bytes) = image {
        match state.media.keep(&bytes).await {
            Ok(url) => form.input.image_url = url,
            Err(MediaError::Io(error)) => return Err(AppError::Internal(error.to_string())),
            Err(problem) => {
                let mut errors = EntryDraft::parse(&form.input).err().unwrap_or_default();
                errors.add("image", problem.to_string());
                let back = Compose {
                    draft: draft_id,
                    input: form.input,
                    errors,
                    ..Compose::default()
                };
                return compose(
                    state,
                    signed_in,
                    page,
                    &back,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    }
    let back = |errors: FieldErrors, preview: Option<String>| Compose {
        draft: draft_id,
        input: form.input.clone(),
        errors,
        preview,
        editing: None,
    };
    match form.action.as_str() {
        "draft" => {
            let id = store
                .save_draft(draft_id, page.blog.id, &form.input, user, false)
                .await?;
            Ok(Redirect::to(&format!("/editor/live/{slug}/drafts/{id}")).into_response())
        }
        "discard" => {
            if let Some(id) = draft_id {
                store.delete_draft(id).await?;
            }
            Ok(Redirect::to(&format!("/editor/live/{slug}")).into_response())
        }
        "preview" => {
            let (errors, preview) = match EntryDraft::parse(&form.input) {
                Ok(checked) => (
                    FieldErrors::default(),
                    Some(self::preview(page, checked, author)),
                ),
                Err(errors) => (errors, None),
            };
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            compose(state, signed_in, page, &back(errors, preview), status).await
        }
        "submit" => match EntryDraft::parse(&form.input) {
            Ok(_) => {
                store
                    .save_draft(draft_id, page.blog.id, &form.input, author, true)
                    .await?;
                tracing::info!(user, "submitted an entry for approval");
                Ok(Redirect::to(&format!("/editor/live/{slug}")).into_response())
            }
            Err(errors) => {
                compose(
                    state,
                    signed_in,
                    page,
                    &back(errors, None),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        },
        _ => {
            let result = match EntryDraft::parse(&form.input) {
                Ok(checked) => state.newsroom.publish(slug, checked, author).await,
                Err(errors) => Err(NewsroomError::Invalid(errors)),
            };
            match result {
                Ok(entry) => {
                    if let Some(id) = draft_id {
                        store.delete_draft(id).await?;
                    }
                    tracing::info!(user, entry = %entry.id, "published");
                    Ok(Redirect::to(&format!("/editor/live/{slug}")).into_response())
                }
                Err(NewsroomError::Invalid(errors)) => {
                    compose(
                        state,
                        signed_in,
                        page,
                        &back(errors, None),
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await
                }
                Err(other) => Err(other.into()),
            }
        }
    }
}

fn entry_id(raw: &str) -> Result<EntryId> {
    raw.parse().map(EntryId).map_err(|_| AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response> {
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug)?;
    let id = entry_id(&id)?;
    let entry = page.entry(id).ok_or(AppError::NotFound)?;
    state.presence.opened(id, &signed_in.session.user);
    let form = Compose {
        editing: Some(Editing {
            id,
            version: entry.entry.version,
            note: String::new(),
            theirs: None,
        }),
        input: entry.entry.to_input(),
        ..Compose::default()
    };
    compose(&state, &signed_in, &page, &form, StatusCode::OK).await
}

async fn correct(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<EntryForm>,
) -> Result<Response> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug)?;
    let id = entry_id(&id)?;
    let base_version = form.version.trim().parse().ok();
    let parsed = EntryDraft::parse(&form.input)
        .and_then(|draft| Ok((draft, parse_correction_note(&form.correction)?)));
    let editing = |version: u32, theirs| Editing {
        id,
        version,
        note: form.correction.clone(),
        theirs,
    };
    let (checked, note) = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => {
            let back = Compose {
                editing: Some(editing(base_version.unwrap_or(0), None)),
                input: form.input.clone(),
                errors,
                ..Compose::default()
            };
            return compose(
                &state,
                &signed_in,
                &page,
                &back,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    if form.action == "preview" {
        let back = Compose {
            editing: Some(editing(base_version.unwrap_or(0), None)),
            input: form.input.clone(),
            preview: Some(preview(&page, checked, &signed_in.session.user)),
            ..Compose::default()
        };
        return compose(&state, &signed_in, &page, &back, StatusCode::OK).await;
    }
    let edit = Edit {
        by: &signed_in.session.user,
        base_version,
        note,
    };
    match state.newsroom.correct(&slug, id, checked, edit).await {
        Ok(_) => {
            state.presence.closed(id, &signed_in.session.user);
            tracing::info!(user = %signed_in.session.user, entry = %id, "corrected");
            Ok(Redirect::to(&format!("/editor/live/{slug}")).into_response())
        }
        // Both versions side by side: theirs as saved, this editor's still in the form,
        // which now starts from theirs, so saving again is a deliberate overwrite.
        Err(NewsroomError::Conflict(theirs)) => {
            let page = live_page(&state, &slug)?;
            let rendered = page.entry(id).ok_or(AppError::NotFound)?;
            let back = Compose {
                editing: Some(editing(theirs.version, Some(rendered))),
                input: form.input.clone(),
                ..Compose::default()
            };
            compose(&state, &signed_in, &page, &back, StatusCode::CONFLICT).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "editor/confirm_delete.html")]
struct ConfirmDelete<'a> {
    user: &'a str,
    /// Whether the nav shows the admin's pages.
    admin: bool,
    csrf_token: &'a str,
    page: &'a LivePage,
    entry: &'a RenderedEntry,
}

/// The step before a deletion: the entry as readers see it, and a button to go on.
async fn confirm_delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Html<String>> {
    require_publisher(&signed_in)?;
    let page = live_page(&state, &slug)?;
    let entry = page.entry(entry_id(&id)?).ok_or(AppError::NotFound)?;
    render(&ConfirmDelete {
        user: &signed_in.session.user,
        admin: signed_in.is_admin(),
        csrf_token: signed_in.csrf_token(),
        page: &page,
        entry,
    })
}

async fn delete(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Redirect> {
    signed_in.check_csrf(&form.csrf_token)?;
    require_publisher(&signed_in)?;
    let id = entry_id(&id)?;
    state.newsroom.delete(&slug, id).await?;
    tracing::info!(user = %signed_in.session.user, entry = %id, "deleted");
    Ok(Redirect::to(&format!("/editor/live/{slug}")))
}
