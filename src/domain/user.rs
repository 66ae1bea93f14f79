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

/// A newsroom account. The password is kept only as an argon2id hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub role: Role,
    pub password_hash: String,
}
