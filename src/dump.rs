//! Moving the whole record between stores: `liveblog export > dump.json` on one,
//! `liveblog import < dump.json` on another (SQLite to PostgreSQL and back).

use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

use crate::domain::Seq;
use crate::domain::{Blog, Draft, Entry, TokenScope, User};

/// What a dump says it is, so a wrong file is refused plainly.
pub const DUMP_FORMAT: &str = "liveblog-dump";
/// The dump layout this build writes. It reads this and version 1, which had no drafts
/// and no API tokens.
pub const DUMP_VERSION: u32 = 2;

/// The record: live pages, their entries and corrections, accounts, drafts and API
/// tokens. Password and token hashes travel as they are; passwords and tokens never do.
/// Left behind: sign-in sessions, the change log (sequence numbers go on from
/// `last_seq`), accounts' creation times, and uploaded images, which stay in the data
/// directory's `media/` folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dump {
    pub format: String,
    pub version: u32,
    pub blogs: Vec<BlogDump>,
    pub users: Vec<User>,
    /// Entries not yet published, and those waiting for approval.
    #[serde(default)]
    pub drafts: Vec<Draft>,
    #[serde(default)]
    pub api_tokens: Vec<ApiTokenDump>,
}

/// An API token as the store keeps it: its name and the SHA-256 of the token, so the
/// automation that holds the token goes on working after a move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenDump {
    pub name: String,
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
    /// What the token may do; a dump from before scopes holds tokens for everything.
    #[serde(default)]
    pub scope: TokenScope,
}

/// A live page, its entries, and the sequence number its changes have reached, so
/// numbering goes on where it stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlogDump {
    pub blog: Blog,
    pub last_seq: Seq,
    pub entries: Vec<Entry>,
}

impl Dump {
    pub fn new(
        blogs: Vec<BlogDump>,
        users: Vec<User>,
        drafts: Vec<Draft>,
        api_tokens: Vec<ApiTokenDump>,
    ) -> Dump {
        Dump {
            format: DUMP_FORMAT.to_owned(),
            version: DUMP_VERSION,
            blogs,
            users,
            drafts,
            api_tokens,
        }
    }

    /// Reads a dump, refusing anything that is not one this build understands.
    pub fn parse(json: &str) -> Result<Dump, String> {
        let dump: Dump =
            serde_json::from_str(json).map_err(|e| format!("not a liveblog export: {e}"))?;
        if dump.format != DUMP_FORMAT {
            return Err(format!("not a liveblog export (format {:?})", dump.format));
        }
        if !(1..=DUMP_VERSION).contains(&dump.version) {
            return Err(format!(
                "this export is version {}; this build reads versions 1 to {DUMP_VERSION}",
                dump.version
            ));
        }
        Ok(dump)
    }
}
