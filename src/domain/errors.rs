//! Validation problems, each tied to the form field it concerns.

use serde::Serialize;

/// One problem with one field: the field's contract name and a message for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// Every problem found in one submission, so an editor can fix them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            message: message.into(),
        });
    }

    /// Adds every problem of `more` after these.
    pub fn merge(&mut self, more: FieldErrors) {
        self.0.extend(more.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// The first problem, for answers that name a single field (the JSON API).
    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// `Ok(value)` when nothing was found wrong.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

/// Refuses control characters: none at all in one line of text (a headline, a name),
/// and none but line breaks and tabs in a longer text. They only ever do harm: a line
/// break in a name forges a line of the server's log, and the rest are invisible.
fn no_control_characters(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    value: &str,
    one_line: bool,
) {
    let allowed = |c: char| !one_line && matches!(c, '\n' | '\r' | '\t');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        let problem = if one_line {
            "must be one line: it holds a line break, a tab or another control character"
        } else {
            "holds a control character (other than a line break or tab)"
        };
        errors.add(field, format!("{what} {problem}; take it out."));
    }
}

/// Checks a required single-line text: trimmed, not empty, at most `max` characters.
pub(crate) fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    value: &str,
    max: usize,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, format!("{what} is required."));
    } else {
        too_long(errors, field, what, value, max);
        no_control_characters(errors, field, what, value, true);
    }
    value.to_owned()
}

/// Checks an optional single-line text: trimmed, `None` when empty, at most `max`
/// characters.
pub(crate) fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    value: &str,
    max: usize,
) -> Option<String> {
    optional(errors, field, what, value, max, true)
}

/// Checks an optional text of several lines: as [`optional_text`], but line breaks
/// and tabs are allowed.
pub(crate) fn optional_lines(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    value: &str,
    max: usize,
) -> Option<String> {
    optional(errors, field, what, value, max, false)
}

fn optional(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    value: &str,
    max: usize,
    one_line: bool,
) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    too_long(errors, field, what, value, max);
    no_control_characters(errors, field, what, value, one_line);
    Some(value.to_owned())
}

fn too_long(errors: &mut FieldErrors, field: &'static str, what: &str, value: &str, max: usize) {
    let count = value.chars().count();
    if count > max {
        errors.add(
            field,
            format!("{what} is {count} characters long; the limit is {max}."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_means_one_line() {
        for bad in [
            "admin\nsigned in user=admin",
            "tab\there",
            "bell\u{7}",
            "esc\u{1b}[31m",
        ] {
            let mut errors = FieldErrors::default();
            optional_text(&mut errors, "title", "The headline", bad, 200);
            assert!(errors.get("title").unwrap().contains("one line"), "{bad:?}");
        }
        let mut errors = FieldErrors::default();
        assert_eq!(
            optional_lines(
                &mut errors,
                "note",
                "The note",
                "two\nlines\tand a tab",
                100
            ),
            Some("two\nlines\tand a tab".to_owned())
        );
        optional_lines(&mut errors, "note", "The note", "a\u{0}b", 100);
        assert!(errors.get("note").unwrap().contains("control character"));
    }
}
