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
        self.check_names(label).await?;
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
        self.check_names(label).await?;
        Ok(self.store.save_label(label, by, Utc::now()).await?)
    }

    /// Refuses a label whose key is another label's name, or one of whose names is
    /// another label's key: a form's value would then mean two labels.
    async fn check_names(&self, label: &Label) -> Result<(), NewsroomError> {
        for other in self.store.labels().await? {
            if other.key == label.key {
                continue;
            }
            if other.is_named(&label.key) {
                return Err(refused(
                    "key",
                    format!(
                        "“{}” is a name of the label {} already; choose another key.",
                        label.key, other.key
                    ),
                ));
            }
            if let Some((language, _)) = label
                .names
                .iter()
                .find(|(_, name)| name.to_lowercase() == other.key)
            {
                let field = crate::domain::NAME_FIELDS
                    .iter()
                    .zip(crate::domain::LABEL_LANGUAGES)
                    .find(|(_, tag)| *tag == language.as_str())
                    .map_or("name_en", |(field, _)| *field);
                return Err(refused(
                    field,
                    format!(
                        "“{}” is the key of another label; choose another name.",
                        other.key
                    ),
                ));
            }
        }
        Ok(())
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
        draft.label = match find(&labels, &asked.key) {
            Some(label) => Some(label.clone()),
            // Kept by its key alone, if it is one a label could have.
            None if !strict => Label::well_formed_key(&asked.key).map(|key| Label::keyed(&key)),
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

/// The label a form's value names: the one of that key, else the first of that name.
pub fn find<'a>(labels: &'a [Label], value: &str) -> Option<&'a Label> {
    let key = value.trim().to_lowercase();
    labels
        .iter()
        .find(|label| label.key == key)
        .or_else(|| labels.iter().find(|label| label.is_named(value)))
}
