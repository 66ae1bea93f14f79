//! Moving the whole record between stores: `liveblog export > dump.json` on one,
//! `liveblog import < dump.json` on another (SQLite to PostgreSQL and back).

use serde::{Deserialize, Serialize};

use crate::domain::{Blog, Entry, User};
use crate::store::Seq;

/// What a dump says it is, so a wrong file is refused plainly.
pub const DUMP_FORMAT: &str = "liveblog-dump";
/// The dump layout this build writes and reads.
pub const DUMP_VERSION: u32 = 1;

/// Everything in a store. Password hashes travel as they are; passwords never do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dump {
    pub format: String,
    pub version: u32,
    pub blogs: Vec<BlogDump>,
    pub users: Vec<User>,
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
    pub fn new(blogs: Vec<BlogDump>, users: Vec<User>) -> Dump {
        Dump {
            format: DUMP_FORMAT.to_owned(),
            version: DUMP_VERSION,
            blogs,
            users,
        }
    }

    /// Reads a dump, refusing anything that is not one this build understands.
    pub fn parse(json: &str) -> Result<Dump, String> {
        let dump: Dump =
            serde_json::from_str(json).map_err(|e| format!("not a liveblog export: {e}"))?;
        if dump.format != DUMP_FORMAT {
            return Err(format!("not a liveblog export (format {:?})", dump.format));
        }
        if dump.version != DUMP_VERSION {
            return Err(format!(
                "this export is version {}; this build reads version {DUMP_VERSION}",
                dump.version
            ));
        }
        Ok(dump)
    }
}
