//! The newsroom's people as readers meet them in bylines: a name, a role, a photo, a
//! short line and a link, kept by editors. An entry names up to [`MAX_AUTHORS`] of them
//! and keeps each as it was when the entry was saved ([`Author`]): a byline is part of
//! the record, as printed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::entry::is_safe_image_url;
use super::errors::{FieldErrors, optional_text, required_text};

/// The most profiles an entry names.
pub const MAX_AUTHORS: usize = 3;
/// The most characters of a profile's name or role.
pub const MAX_PROFILE_NAME_CHARS: usize = 100;
/// The most characters of a profile's short line.
pub const MAX_PROFILE_LINE_CHARS: usize = 200;
/// The most characters of a profile's photo or link address.
pub const MAX_PROFILE_URL_CHARS: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProfileId(pub i64);

impl std::fmt::Display for ProfileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A profile as the newsroom keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub id: ProfileId,
    pub card: ProfileCard,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// What a profile says, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileCard {
    pub name: String,
    pub role: Option<String>,
    /// An image on this server or the web.
    pub photo_url: Option<String>,
    pub line: Option<String>,
    /// An `https://` or `http://` page about them.
    pub link: Option<String>,
}

/// A profile as typed into its form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProfileInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub photo_url: String,
    #[serde(default)]
    pub line: String,
    #[serde(default)]
    pub link: String,
}

/// A byline as an entry keeps it: the profile as it was when the entry was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    pub role: Option<String>,
    pub photo_url: Option<String>,
    pub link: Option<String>,
}

impl From<&ProfileCard> for Author {
    fn from(card: &ProfileCard) -> Author {
        Author {
            name: card.name.clone(),
            role: card.role.clone(),
            photo_url: card.photo_url.clone(),
            link: card.link.clone(),
        }
    }
}

impl ProfileCard {
    /// Checks every field, and names each one that is wrong.
    pub fn parse(input: &ProfileInput) -> Result<ProfileCard, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            "name",
            "A name",
            &input.name,
            MAX_PROFILE_NAME_CHARS,
        );
        let role = optional_text(
            &mut errors,
            "role",
            "The role",
            &input.role,
            MAX_PROFILE_NAME_CHARS,
        );
        let photo_url = optional_text(
            &mut errors,
            "photo_url",
            "The photo's address",
            &input.photo_url,
            MAX_PROFILE_URL_CHARS,
        );
        if photo_url
            .as_deref()
            .is_some_and(|url| !is_safe_image_url(url))
        {
            errors.add(
                "photo_url",
                "The photo's address must start with https://, http:// or / (a file on this server).",
            );
        }
        let line = optional_text(
            &mut errors,
            "line",
            "The short line",
            &input.line,
            MAX_PROFILE_LINE_CHARS,
        );
        let link = optional_text(
            &mut errors,
            "link",
            "The link",
            &input.link,
            MAX_PROFILE_URL_CHARS,
        );
        let web = |url: &str| {
            let lower = url.to_ascii_lowercase();
            (lower.starts_with("https://") || lower.starts_with("http://"))
                && is_safe_image_url(url)
        };
        if link.as_deref().is_some_and(|url| !web(url)) {
            errors.add(
                "link",
                "The link must be a web address, starting with https:// or http://.",
            );
        }
        errors.into_result(ProfileCard {
            name,
            role,
            photo_url,
            line,
            link,
        })
    }

    pub fn to_input(&self) -> ProfileInput {
        ProfileInput {
            name: self.name.clone(),
            role: self.role.clone().unwrap_or_default(),
            photo_url: self.photo_url.clone().unwrap_or_default(),
            line: self.line.clone().unwrap_or_default(),
            link: self.link.clone().unwrap_or_default(),
        }
    }
}

/// Reads the names of the profiles an entry names, as typed in the form's fields:
/// blank ones skipped, one given twice kept once.
pub fn parse_author_names(errors: &mut FieldErrors, names: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut given = 0;
    for name in names {
        let Some(name) = optional_text(
            errors,
            "profiles",
            "A profile's name",
            name,
            MAX_PROFILE_NAME_CHARS,
        ) else {
            continue;
        };
        given += 1;
        if !kept.iter().any(|k| k.to_lowercase() == name.to_lowercase()) {
            kept.push(name);
        }
    }
    if given > MAX_AUTHORS {
        errors.add(
            "profiles",
            format!("An entry names {MAX_AUTHORS} profiles at the most."),
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, photo: &str, link: &str) -> ProfileInput {
        ProfileInput {
            name: name.into(),
            role: "Weather correspondent".into(),
            photo_url: photo.into(),
            line: String::new(),
            link: link.into(),
        }
    }

    #[test]
    fn a_profile_needs_a_name_and_safe_addresses() {
        let card = ProfileCard::parse(&input(
            " Ana Ruiz ",
            "/media/ana.jpg",
            "https://news.example/ana",
        ))
        .unwrap();
        assert_eq!(card.name, "Ana Ruiz");
        assert_eq!(
            Author::from(&card).photo_url.as_deref(),
            Some("/media/ana.jpg")
        );
        let errors = ProfileCard::parse(&input("", "javascript:x", "/ana")).unwrap_err();
        for field in ["name", "photo_url", "link"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn an_entry_names_a_few_profiles_each_once() {
        let mut errors = FieldErrors::default();
        let names: Vec<String> = ["Ana Ruiz", "", "ana ruiz", "Ben Cho"]
            .map(String::from)
            .into();
        assert_eq!(
            parse_author_names(&mut errors, &names),
            ["Ana Ruiz", "Ben Cho"]
        );
        assert!(errors.is_empty());
        let four: Vec<String> = ["a", "b", "c", "d"].map(String::from).into();
        parse_author_names(&mut errors, &four);
        assert!(errors.get("profiles").is_some());
    }
}
