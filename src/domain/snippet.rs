//! Snippets: texts the newsroom saves once ("What we know so far", the safety advice
//! for a storm) and puts into any entry in one click. Editors keep the list; it is
//! the same on every page.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::entry::entry_text;
use super::errors::{FieldErrors, required_text};

/// The most snippets the newsroom keeps: the list stays one a writer can scan.
pub const MAX_SNIPPETS: usize = 100;
/// The most characters of a snippet's name.
pub const MAX_SNIPPET_NAME_CHARS: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SnippetId(pub i64);

impl std::fmt::Display for SnippetId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A saved text, as the newsroom keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub id: SnippetId,
    pub text: SnippetText,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// A snippet's name and its text (Markdown, as an entry's), checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetText {
    pub name: String,
    pub body: String,
}

/// A snippet as typed into its form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SnippetInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub body: String,
}

impl SnippetText {
    /// Checks both fields, and names each one that is wrong.
    pub fn parse(input: &SnippetInput) -> Result<SnippetText, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            "name",
            "A name",
            &input.name,
            MAX_SNIPPET_NAME_CHARS,
        );
        let body = entry_text(&mut errors, "body", &input.body);
        if errors.is_empty() {
            Ok(SnippetText { name, body })
        } else {
            Err(errors)
        }
    }

    pub fn to_input(&self) -> SnippetInput {
        SnippetInput {
            name: self.name.clone(),
            body: self.body.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_needs_a_name_and_a_text_within_the_limits() {
        let blank = SnippetText::parse(&SnippetInput::default()).unwrap_err();
        assert!(blank.get("name").is_some() && blank.get("body").is_some());
        let long = SnippetInput {
            name: "n".repeat(MAX_SNIPPET_NAME_CHARS + 1),
            body: "Stay indoors.\r\nAvoid the coast road.".into(),
        };
        let errors = SnippetText::parse(&long).unwrap_err();
        assert!(errors.get("name").is_some() && errors.get("body").is_none());
        let fine = SnippetInput {
            name: " Safety advice ".into(),
            ..long
        };
        let text = SnippetText::parse(&fine).unwrap();
        assert_eq!(text.name, "Safety advice");
        assert_eq!(text.body, "Stay indoors.\nAvoid the coast road.");
    }
}
