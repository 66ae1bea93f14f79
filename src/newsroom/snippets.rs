//! The newsroom's snippets, kept by editors: a taken name or a full list comes back
//! as a problem with the field, as any other form's would.

use chrono::Utc;

use super::{Newsroom, NewsroomError};
use crate::domain::{FieldErrors, MAX_SNIPPETS, Snippet, SnippetId, SnippetText};
use crate::store::StoreError;

fn refused(message: String) -> NewsroomError {
    let mut errors = FieldErrors::default();
    errors.add("name", message);
    NewsroomError::Invalid(errors)
}

fn named(error: StoreError) -> NewsroomError {
    match error {
        StoreError::Taken(_) => refused("A snippet has that name already; choose another.".into()),
        other => other.into(),
    }
}

impl Newsroom {
    pub async fn snippets(&self) -> Result<Vec<Snippet>, NewsroomError> {
        Ok(self.store.snippets().await?)
    }

    pub async fn add_snippet(
        &self,
        text: &SnippetText,
        by: &str,
    ) -> Result<SnippetId, NewsroomError> {
        self.store
            .add_snippet(text, by, Utc::now())
            .await
            .map_err(named)?
            .ok_or_else(|| {
                refused(format!(
                    "The newsroom keeps at most {MAX_SNIPPETS} snippets; delete one first."
                ))
            })
    }

    pub async fn save_snippet(
        &self,
        id: SnippetId,
        text: &SnippetText,
        by: &str,
    ) -> Result<(), NewsroomError> {
        self.store
            .save_snippet(id, text, by, Utc::now())
            .await
            .map_err(named)
    }

    pub async fn delete_snippet(&self, id: SnippetId) -> Result<(), NewsroomError> {
        Ok(self.store.delete_snippet(id).await?)
    }
}
