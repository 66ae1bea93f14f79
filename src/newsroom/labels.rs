//! The newsroom's labels, kept by editors, and the labels entries take from them: a
//! label chosen in an entry's form is the newsroom's label of that key (or name), with
//! its names as they are at that moment.

use chrono::Utc;

use super::{Newsroom, NewsroomError};
use crate::domain::{EntryContent, FieldErrors, Label, MAX_LABELS};
use crate::store::StoreError;

impl Newsroom {
    pub async fn labels(&self) -> Result<Vec<Label>, NewsroomError> {
        Ok(self.store.labels().await?)
    }

    pub async fn add_label(&self, label: &Label, by: &str) -> Result<(), NewsroomError> {
        match self.store.add_label(label, by, Utc::now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(refused(
                "key",
                format!(
                    "The newsroom has {MAX_LABELS} labels, the most it keeps: remove one first."
                ),
            )),
            Err(StoreError::Taken(_)) => Err(refused(
                "key",
                "A label has that key already; choose another.".to_owned(),
            )),
            Err(other) => Err(other.into()),
        }
    }

    pub async fn save_label(&self, label: &Label, by: &str) -> Result<(), NewsroomError> {
        Ok(self.store.save_label(label, by, Utc::now()).await?)
    }

    pub async fn delete_label(&self, key: &str) -> Result<(), NewsroomError> {
        Ok(self.store.delete_label(key).await?)
    }

    /// `draft` with its label as the newsroom keeps it, names and all, found by key or
    /// by name; a label the entry has already (`kept`) stays as the entry has it, in the
    /// list or not. Another label the list lacks is the `label` field's problem, or,
    /// when `strict` is false (a preview, a scheduled entry), kept by its key alone.
    pub(super) async fn with_label(
        &self,
        mut draft: EntryContent,
        kept: Option<&Label>,
        strict: bool,
    ) -> Result<EntryContent, NewsroomError> {
        let Some(asked) = draft.label.take() else {
            return Ok(draft);
        };
        if let Some(kept) = kept.filter(|kept| kept.is_named(&asked.key)) {
            draft.label = Some(kept.clone());
            return Ok(draft);
        }
        let labels = self.store.labels().await?;
        draft.label = match labels.iter().find(|label| label.is_named(&asked.key)) {
            Some(label) => Some(label.clone()),
            None if !strict => Some(asked),
            None => {
                let known: Vec<&str> = labels.iter().map(Label::key).collect();
                return Err(refused(
                    "label",
                    format!(
                        "Unknown label “{}”: choose one of {}, or add it on the Labels page.",
                        asked.key,
                        known.join(", ")
                    ),
                ));
            }
        };
        Ok(draft)
    }
}

fn refused(field: &'static str, message: String) -> NewsroomError {
    let mut errors = FieldErrors::default();
    errors.add(field, message);
    NewsroomError::Invalid(errors)
}
