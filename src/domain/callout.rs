//! A page's call to its readers ("Send us your questions", "your pictures", "what you
//! see"), and what readers send: kept for the desk, shown to no reader until an editor
//! publishes it as an entry with an answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::BlogId;
use super::errors::{FieldErrors, optional_lines, optional_text, required_text};

/// The most characters of a callout's prompt.
pub const MAX_PROMPT_CHARS: usize = 300;
/// The most characters a reader sends.
pub const MAX_CONTRIBUTION_CHARS: usize = 2000;
/// The most characters of a reader's first name, place and contact address.
pub const MAX_READER_NAME_CHARS: usize = 60;
pub const MAX_PLACE_CHARS: usize = 80;
pub const MAX_CONTACT_CHARS: usize = 200;
/// How long a reader's contact address is kept: then it is deleted, and what they sent
/// stays without it.
pub const CONTACT_KEPT_DAYS: i64 = 30;

/// What a page asks its readers for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CalloutKind {
    Questions,
    Pictures,
    Sightings,
}

impl CalloutKind {
    pub const ALL: [CalloutKind; 3] = [
        CalloutKind::Questions,
        CalloutKind::Pictures,
        CalloutKind::Sightings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CalloutKind::Questions => "questions",
            CalloutKind::Pictures => "pictures",
            CalloutKind::Sightings => "sightings",
        }
    }

    pub fn parse(value: &str) -> Option<CalloutKind> {
        CalloutKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// A page's open call to its readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Callout {
    pub kind: CalloutKind,
    /// The editor's own words above the form.
    pub prompt: String,
}

impl Callout {
    pub fn parse(kind: &str, prompt: &str) -> Result<Callout, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = CalloutKind::parse(kind.trim());
        if kind.is_none() {
            errors.add("callout_kind", "Choose what readers are asked for.");
        }
        let prompt = required_text(
            &mut errors,
            "callout_prompt",
            "The prompt",
            prompt,
            MAX_PROMPT_CHARS,
        );
        errors.into_result(()).map(|()| Callout {
            kind: kind.unwrap_or(CalloutKind::Questions),
            prompt,
        })
    }
}

/// What a reader sends, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributionText {
    pub text: String,
    pub name: String,
    pub place: Option<String>,
    pub contact: Option<String>,
}

impl ContributionText {
    /// Checks the form's fields, naming each one that is wrong.
    pub fn parse(
        text: &str,
        name: &str,
        place: &str,
        contact: &str,
    ) -> Result<ContributionText, FieldErrors> {
        let mut errors = FieldErrors::default();
        let text = text.replace("\r\n", "\n");
        let text = optional_lines(
            &mut errors,
            "text",
            "What you send",
            &text,
            MAX_CONTRIBUTION_CHARS,
        );
        if text.is_none() && errors.is_empty() {
            errors.add("text", "Write something to send.");
        }
        let name = required_text(
            &mut errors,
            "name",
            "Your first name",
            name,
            MAX_READER_NAME_CHARS,
        );
        let place = optional_text(
            &mut errors,
            "place",
            "Where you are",
            place,
            MAX_PLACE_CHARS,
        );
        let contact = optional_text(
            &mut errors,
            "contact",
            "How to reach you",
            contact,
            MAX_CONTACT_CHARS,
        );
        errors.into_result(ContributionText {
            text: text.unwrap_or_default(),
            name,
            place,
            contact,
        })
    }
}

/// Where a reader's contribution stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContributionState {
    Waiting,
    Published,
    Discarded,
}

impl ContributionState {
    pub fn as_str(self) -> &'static str {
        match self {
            ContributionState::Waiting => "waiting",
            ContributionState::Published => "published",
            ContributionState::Discarded => "discarded",
        }
    }

    pub fn parse(value: &str) -> Option<ContributionState> {
        [
            ContributionState::Waiting,
            ContributionState::Published,
            ContributionState::Discarded,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

/// A reader's question, picture or report, as the desk sees it.
#[derive(Debug, Clone)]
pub struct Contribution {
    pub id: i64,
    pub blog: BlogId,
    pub kind: CalloutKind,
    pub text: ContributionText,
    /// Their photo, decoded and stripped like every upload.
    pub photo_url: Option<String>,
    pub sent_at: DateTime<Utc>,
    pub state: ContributionState,
}

impl Contribution {
    /// The entry's text when it is published with `answer`: the reader's words quoted
    /// (as plain text: nothing they wrote becomes a link or a picture), signed with
    /// their first name and place, then the answer.
    pub fn entry_body(&self, answer: &str) -> String {
        let mut body = String::new();
        for line in self.text.text.lines() {
            body.push_str("> ");
            body.push_str(&plain(line));
            body.push('\n');
        }
        let signed = match &self.text.place {
            Some(place) => format!("{}, {}", self.text.name, place),
            None => self.text.name.clone(),
        };
        body.push_str(">\n> \u{2014} ");
        body.push_str(&plain(&signed));
        body.push_str("\n\n");
        body.push_str(answer.trim());
        body
    }
}

/// `text` with every character Markdown reads as markup escaped: shown as typed.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]()<>#+-.!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_readers_words_are_quoted_as_plain_text_with_their_name() {
        let contribution = Contribution {
            id: 1,
            blog: BlogId(1),
            kind: CalloutKind::Questions,
            text: ContributionText::parse(
                "Is the [bridge](http://x) shut?\r\n![x](http://t/p.png)",
                "Ana",
                "Leeds",
                "",
            )
            .expect("a good question"),
            photo_url: None,
            sent_at: Utc::now(),
            state: ContributionState::Waiting,
        };
        let body = contribution.entry_body("Yes, until noon.");
        assert!(
            body.starts_with("> Is the \\[bridge\\]\\(http://x\\) shut?\n> \\!\\[x\\]"),
            "{body}"
        );
        assert!(
            body.contains("> \u{2014} Ana, Leeds\n\nYes, until noon."),
            "{body}"
        );
        let html = crate::domain::markdown::render(&body);
        assert!(!html.contains("<a "), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn each_missing_or_long_field_is_named() {
        let errors = ContributionText::parse(" ", "", "", "").expect_err("empty");
        assert!(errors.get("text").is_some() && errors.get("name").is_some());
        let long = "x".repeat(MAX_CONTRIBUTION_CHARS + 1);
        let errors = ContributionText::parse(&long, "Ana", "", "").expect_err("long");
        assert!(errors.get("text").is_some());
        assert!(Callout::parse("rumours", "Tell us").is_err());
    }
}
