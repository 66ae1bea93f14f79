//! Requests made once: a retried request (a client that saw its connection reset, an
//! editor's second click) finds the change its key was given for, and makes nothing
//! new.
//!
//! A request with a key runs inside [`made_once`]. The first change it commits writes
//! the key's row in the change's own transaction, so the row exists exactly when the
//! change does, on every instance: a second request with the key, here or elsewhere,
//! cannot commit (its row is refused by the key, and its change goes with it,
//! [`StoreError::Repeated`]). The answer the first request gave is added to the row
//! afterwards, to be given again; keys are kept for a day.

use std::cell::Cell;
use std::future::Future;

use chrono::{Duration, Utc};
use sqlx::{Any, Transaction};

use super::rows::{self, time_text};
use super::{Store, StoreError, is_unique_violation};
use crate::domain::{BlogId, EntryId};

/// How long a key is kept: a retry after that is a new request.
pub const KEY_KEPT: Duration = Duration::days(1);

/// A request's key, as the caller gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestKey {
    /// Who asks: `api:TOKEN-NAME` or `editor:USER`; each caller's keys are their own.
    pub caller: String,
    pub key: String,
    /// The request's method, address and body, hashed: the same key with another
    /// request is told apart.
    pub fingerprint: String,
}

/// A request made before with the same key, as the store kept it.
#[derive(Debug, Clone)]
pub struct MadeBefore {
    pub fingerprint: String,
    /// What the change was made on.
    pub blog: Option<BlogId>,
    pub entry: Option<EntryId>,
    /// The answer it was given, once it was: `None` while the first request is still
    /// answering, or when it stopped after its change was committed.
    pub answer: Option<KeptAnswer>,
}

/// An answer kept to be given again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAnswer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// The key of the request being carried out, and whether its change has written it.
struct Pending {
    key: RequestKey,
    written: Cell<bool>,
}

tokio::task_local! {
    static PENDING: Pending;
}

/// Runs `request` with `key`: the first change it commits is kept under the key.
pub async fn made_once<F: Future>(key: RequestKey, request: F) -> F::Output {
    let pending = Pending {
        key,
        written: Cell::new(false),
    };
    PENDING.scope(pending, request).await
}

impl Store {
    /// Inside a change's transaction: writes the key of the request it is made for, if
    /// there is one and no change of the request has yet. [`StoreError::Repeated`] when
    /// the key is taken: the request was made before, and this change must not be.
    pub(super) async fn keep_request_key(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        entry: Option<EntryId>,
    ) -> Result<(), StoreError> {
        let Ok(Some(key)) = PENDING.try_with(|p| (!p.written.get()).then(|| p.key.clone())) else {
            return Ok(());
        };
        let now = Utc::now();
        sqlx::query("DELETE FROM request_keys WHERE created_at < $1")
            .bind(time_text(now - KEY_KEPT))
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO request_keys (caller, key, fingerprint, blog_id, entry_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&key.caller)
        .bind(&key.key)
        .bind(&key.fingerprint)
        .bind(blog.0)
        .bind(entry.map(|e| e.0))
        .bind(time_text(now))
        .execute(&mut **tx)
        .await
        .map_err(|error| {
            if is_unique_violation(&error) {
                StoreError::Repeated
            } else {
                StoreError::from(error)
            }
        })?;
        let _ = PENDING.try_with(|p| p.written.set(true));
        Ok(())
    }

    /// The request made before by `caller` with `key`, in the last day.
    pub async fn made_before(
        &self,
        caller: &str,
        key: &str,
    ) -> Result<Option<MadeBefore>, StoreError> {
        let row = sqlx::query(
            "SELECT fingerprint, blog_id, entry_id, status, location, body FROM request_keys \
             WHERE caller = $1 AND key = $2 AND created_at >= $3",
        )
        .bind(caller)
        .bind(key)
        .bind(time_text(Utc::now() - KEY_KEPT))
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        use sqlx::Row;
        let status = row.try_get::<Option<i64>, _>("status")?;
        let answer = match status {
            Some(status) => Some(KeptAnswer {
                status: u16::try_from(status)
                    .map_err(|_| StoreError::Corrupt(format!("a kept status {status}")))?,
                location: rows::optional_text(&row, "location")?,
                body: rows::optional_text(&row, "body")?.unwrap_or_default(),
            }),
            None => None,
        };
        Ok(Some(MadeBefore {
            fingerprint: rows::text(&row, "fingerprint")?,
            blog: row.try_get::<Option<i64>, _>("blog_id")?.map(BlogId),
            entry: row.try_get::<Option<i64>, _>("entry_id")?.map(EntryId),
            answer,
        }))
    }

    /// Keeps the answer given to the request made with `key`, to be given again.
    pub async fn keep_answer(
        &self,
        caller: &str,
        key: &str,
        answer: &KeptAnswer,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE request_keys SET status = $1, location = $2, body = $3 \
             WHERE caller = $4 AND key = $5",
        )
        .bind(i64::from(answer.status))
        .bind(&answer.location)
        .bind(&answer.body)
        .bind(caller)
        .bind(key)
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
