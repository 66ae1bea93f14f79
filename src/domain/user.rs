//! The people who sign in to the newsroom and what each may do.

use serde::{Deserialize, Serialize};

/// What a signed-in person may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Runs the newsroom: people and live pages, and everything an editor does.
    Admin,
    /// Publishes, corrects and deletes entries.
    Editor,
    /// Writes entries that wait for an editor to publish them.
    Contributor,
}

impl Role {
    /// Every role, most rights first.
    pub const ALL: [Role; 3] = [Role::Admin, Role::Editor, Role::Contributor];

    /// Whether this role may publish, correct and delete entries itself.
    pub fn publishes(self) -> bool {
        matches!(self, Role::Admin | Role::Editor)
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value.trim().to_ascii_lowercase().as_str() {
            "admin" => Some(Role::Admin),
            "editor" => Some(Role::Editor),
            "contributor" => Some(Role::Contributor),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Contributor => "contributor",
        }
    }
}

/// The most characters of an account's name.
pub const MAX_USER_NAME_CHARS: usize = 100;

/// An account's name, as the People page and `liveblog user add` both take it: 1 to
/// 100 characters, no control characters (a line break in a name would forge a line
/// of the server's log), and more than dots (a browser reads `.` and `..` in an
/// address as steps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserName(String);

impl UserName {
    pub fn parse(value: &str) -> Result<UserName, String> {
        let name = value.trim();
        let chars = name.chars().count();
        if chars == 0 || chars > MAX_USER_NAME_CHARS {
            Err(format!(
                "A user name needs 1 to {MAX_USER_NAME_CHARS} characters."
            ))
        } else if name.chars().any(char::is_control) {
            Err("A user name must be one line, without tabs or other control characters.".into())
        } else if name.chars().all(|c| c == '.') {
            Err("A user name needs more than dots.".into())
        } else {
            Ok(UserName(name.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An API token's name, as `liveblog token create` and `import` take it: 1 to 100
/// characters, on one line.
pub fn parse_token_name(value: &str) -> Result<String, String> {
    let name = value.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err("A token needs a name of 1 to 100 characters, on one line.".into());
    }
    Ok(name.to_owned())
}

/// A newsroom account. The password is kept only as an argon2id hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub role: Role,
    pub password_hash: String,
    /// The language they read the newsroom's pages in: one there is a catalogue for.
    #[serde(default = "english")]
    pub language: String,
}

/// The language of an account from before accounts had one.
fn english() -> String {
    "en".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_name_is_one_short_line() {
        assert_eq!(UserName::parse("  sam ").unwrap().as_str(), "sam");
        for bad in [
            "",
            "   ",
            ".",
            "..",
            "...",
            "admin\nsigned in user=admin",
            "a\tb",
            "x\u{1b}",
        ] {
            assert!(UserName::parse(bad).is_err(), "{bad:?}");
        }
        assert!(UserName::parse(&"n".repeat(MAX_USER_NAME_CHARS + 1)).is_err());
        assert!(UserName::parse("Ana Ruiz-Ortega").is_ok());
    }
}

/// What an API token may do: change every live page, or only the one it is for; or
/// only read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenScope {
    /// The one live page (its slug) the token may change; `None` for every page, and
    /// for opening new ones.
    #[serde(default)]
    pub page: Option<String>,
    /// The token reads and changes nothing.
    #[serde(default)]
    pub read_only: bool,
}

impl TokenScope {
    /// Whether the token may change the live page `slug` (or open it, if it is new).
    pub fn may_change(&self, slug: &str) -> bool {
        !self.read_only && self.page.as_deref().is_none_or(|page| page == slug)
    }

    /// What the token may do, in a few words, for a refusal.
    pub fn describe(&self) -> String {
        match (&self.page, self.read_only) {
            (_, true) => "this token only reads".to_owned(),
            (Some(page), false) => format!("this token may only change the live page {page}"),
            (None, false) => "this token may change every live page".to_owned(),
        }
    }
}

#[cfg(test)]
mod scope_tests {
    use super::TokenScope;

    #[test]
    fn a_token_changes_what_its_scope_names_and_nothing_else() {
        let every = TokenScope::default();
        assert!(every.may_change("storm") && every.may_change("election"));
        let one = TokenScope {
            page: Some("election".into()),
            read_only: false,
        };
        assert!(one.may_change("election") && !one.may_change("storm"));
        let reader = TokenScope {
            page: None,
            read_only: true,
        };
        assert!(!reader.may_change("storm"));
    }
}
