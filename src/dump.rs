//! Moving the whole record between stores: `liveblog export > dump.json` on one,
//! `liveblog import < dump.json` on another (SQLite to PostgreSQL and back).

use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

use crate::domain::{
    Blog, BlogSettings, Draft, Entry, EntryContent, FieldErrors, Seq, Slug, TokenScope, User,
    UserName, parse_correction_note, parse_token_name, time,
};

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

    /// Runs every record through the checks its form or command makes, before anything
    /// is imported: the first record that fails them is named with its field and why.
    pub fn check(&self) -> Result<(), String> {
        for page in &self.blogs {
            let blog = &page.blog;
            let record = format!("live page {} ({})", blog.id.0, blog.slug);
            let settings = BlogSettings::parse(&blog.to_input()).map_err(|e| named(&record, &e))?;
            let as_given = [
                ("slug", settings.slug.as_str() == blog.slug.as_str()),
                ("language", settings.language == blog.language),
                (
                    "embed_origins",
                    settings.embed_origins == blog.embed_origins,
                ),
            ];
            if let Some((field, _)) = as_given.iter().find(|(_, same)| !same) {
                return Err(format!(
                    "{record}, {field}: not as the settings form writes it"
                ));
            }
            in_the_record(&record, "created_at", blog.created_at)?;
            for entry in &page.entries {
                let record = format!("entry {} of live page {}", entry.id.0, blog.slug);
                EntryContent::parse(&entry.to_input()).map_err(|e| named(&record, &e))?;
                in_the_record(&record, "published_at", entry.published_at)?;
                if let Some(at) = entry.updated_at {
                    in_the_record(&record, "updated_at", at)?;
                }
                for correction in &entry.corrections {
                    parse_correction_note(&correction.note).map_err(|e| named(&record, &e))?;
                    in_the_record(&record, "corrections", correction.at)?;
                }
            }
        }
        for user in &self.users {
            let record = format!("user {:?}", user.name);
            UserName::parse(&user.name).map_err(|why| format!("{record}, name: {why}"))?;
            if !crate::words::LANGUAGES.contains(&user.language.as_str()) {
                return Err(format!(
                    "{record}, language: {:?} is not one the newsroom's pages are written in",
                    user.language
                ));
            }
        }
        for draft in &self.drafts {
            let record = format!("draft {}", draft.id);
            if !self.blogs.iter().any(|page| page.blog.id == draft.blog) {
                return Err(format!(
                    "{record}, blog: no live page {} in the export",
                    draft.blog.0
                ));
            }
            if let Some(at) = draft.publish_at {
                in_the_record(&record, "publish_at", at)?;
            }
            in_the_record(&record, "updated_at", draft.updated_at)?;
        }
        for token in &self.api_tokens {
            let record = format!("API token {:?}", token.name);
            parse_token_name(&token.name).map_err(|why| format!("{record}, name: {why}"))?;
            if let Some(page) = &token.scope.page {
                Slug::parse(page).map_err(|why| format!("{record}, page: {why}"))?;
            }
            in_the_record(&record, "created_at", token.created_at)?;
        }
        Ok(())
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

/// The first of `errors`, named with its record.
fn named(record: &str, errors: &FieldErrors) -> String {
    match errors.first() {
        Some(error) => format!("{record}, {}: {}", error.field, error.message),
        None => record.to_owned(),
    }
}

fn in_the_record(record: &str, field: &str, at: DateTime<Utc>) -> Result<(), String> {
    if time::within_the_record(at) {
        Ok(())
    } else {
        Err(format!(
            "{record}, {field}: {at} is past the year {} and cannot be kept",
            time::LAST_YEAR
        ))
    }
}
