//! The newsroom's profiles, kept by editors, and the bylines entries take from them: a
//! name typed in an entry's form is the profile of that name, as it is at that moment.

use chrono::Utc;

use super::{Newsroom, NewsroomError};
use crate::domain::{Author, Entry, EntryContent, FieldErrors, Profile, ProfileCard, ProfileId};
use crate::store::StoreError;

fn named(error: StoreError) -> NewsroomError {
    match error {
        StoreError::Taken(_) => {
            let mut errors = FieldErrors::default();
            errors.add("name", "A profile has that name already; choose another.");
            NewsroomError::Invalid(errors)
        }
        other => other.into(),
    }
}

impl Newsroom {
    pub async fn profiles(&self) -> Result<Vec<Profile>, NewsroomError> {
        Ok(self.store.profiles().await?)
    }

    pub async fn add_profile(
        &self,
        card: &ProfileCard,
        by: &str,
    ) -> Result<ProfileId, NewsroomError> {
        self.store
            .add_profile(card, by, Utc::now())
            .await
            .map_err(named)
    }

    pub async fn save_profile(
        &self,
        id: ProfileId,
        card: &ProfileCard,
        by: &str,
    ) -> Result<(), NewsroomError> {
        self.store
            .save_profile(id, card, by, Utc::now())
            .await
            .map_err(named)
    }

    pub async fn delete_profile(&self, id: ProfileId) -> Result<(), NewsroomError> {
        Ok(self.store.delete_profile(id).await?)
    }

    /// `draft` with the profiles it names as its authors, in the order named. A name no
    /// profile has is the `profiles` field's problem.
    /// Its label is the newsroom's, as [`Newsroom::with_label`] finds it.
    pub async fn with_authors(&self, draft: EntryContent) -> Result<EntryContent, NewsroomError> {
        self.with_authors_keeping(draft, None).await
    }

    /// As [`Newsroom::with_authors`], but a name an entry's byline has already keeps
    /// its author as the entry (`kept`) has it, the profile removed or not, and so does
    /// its label: a correction never loses a byline or a label.
    pub async fn with_authors_keeping(
        &self,
        draft: EntryContent,
        kept: Option<&Entry>,
    ) -> Result<EntryContent, NewsroomError> {
        let draft = self
            .with_label(draft, kept.and_then(|e| e.label.as_ref()), true)
            .await?;
        let kept: &[Author] = kept.map_or(&[], |e| &e.authors);
        let (mut draft, missing) = self.find_authors(draft).await?;
        let mut missing: Vec<String> = missing
            .into_iter()
            .filter(|name| {
                !kept
                    .iter()
                    .any(|a| a.name.to_lowercase() == name.to_lowercase())
            })
            .collect();
        if !kept.is_empty() {
            // In the order named, each as the entry kept it (a byline is part of the
            // record, as printed), or from its profile if the entry did not name it.
            draft.authors = draft
                .profile_names
                .iter()
                .filter_map(|name| {
                    let same = |a: &&Author| a.name.to_lowercase() == name.to_lowercase();
                    kept.iter()
                        .find(same)
                        .or_else(|| draft.authors.iter().find(same))
                        .cloned()
                })
                .collect();
        }
        missing.truncate(1);
        if let Some(name) = missing.first() {
            let mut errors = FieldErrors::default();
            errors.add(
                "profiles",
                format!(
                    "No profile is named “{name}”: add one on the Profiles page, or write a guest's name in the byline."
                ),
            );
            return Err(NewsroomError::Invalid(errors));
        }
        Ok(draft)
    }

    /// `draft` with the profiles it names that are still there, and its label as the
    /// newsroom has it or by its key alone: what a scheduled entry publishes with when a
    /// profile or label was removed meanwhile.
    pub async fn with_authors_found(
        &self,
        draft: EntryContent,
    ) -> Result<EntryContent, NewsroomError> {
        let draft = self.with_label(draft, None, false).await?;
        Ok(self.find_authors(draft).await?.0)
    }

    async fn find_authors(
        &self,
        mut draft: EntryContent,
    ) -> Result<(EntryContent, Vec<String>), NewsroomError> {
        if draft.profile_names.is_empty() {
            draft.authors.clear();
            return Ok((draft, Vec::new()));
        }
        let profiles = self.store.profiles().await?;
        let mut missing = Vec::new();
        draft.authors = draft
            .profile_names
            .iter()
            .filter_map(|name| {
                let found = profiles
                    .iter()
                    .find(|p| p.card.name.to_lowercase() == name.to_lowercase());
                if found.is_none() {
                    missing.push(name.clone());
                }
                found.map(|p| Author::from(&p.card))
            })
            .collect();
        Ok((draft, missing))
    }
}
