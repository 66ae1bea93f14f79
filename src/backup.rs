//! `liveblog backup DEST` and `liveblog restore SRC`: everything the newsroom has, in a
//! folder, taken while the server runs and brought back whole into an empty store.
//!
//! The folder holds `record.jsonl` (a first line saying what it is, then one line per
//! row of the record, all read in one snapshot; see `store::backup`) and, on SQLite,
//! `media/` with every upload (on PostgreSQL the uploads are rows of the record). Rows
//! and files are streamed one at a time: memory stays small however large the
//! archive. `record.jsonl` is written under another name and renamed last, so a backup
//! cut off is never taken for a whole one.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::store::{Backend, BackupRow, Store};

/// The record's file in a backup folder.
pub const RECORD: &str = "record.jsonl";
/// What this build writes as a backup's first line: `{"liveblog_backup": 1, …}`.
const FORMAT: u32 = 1;

/// A backup's first line.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    liveblog_backup: u32,
    /// The version of the record's tables: restored only by a build at the same.
    schema: i64,
    /// `sqlite` or `postgres`: uploads are files on one, rows on the other.
    store: String,
    taken_at: String,
}

/// One line after the first.
#[derive(Serialize, Deserialize)]
struct Line {
    table: String,
    row: Map<String, Value>,
}

/// What a backup or a restore did.
#[derive(Debug)]
pub struct Done {
    pub rows: u64,
    pub files: u64,
}

fn store_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

/// Whether a backup keeps the contact addresses readers left (`--with-contacts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contacts {
    Kept,
    LeftOut,
}

/// Writes one snapshot of `store` (whose files are in `data_dir`) into the new folder
/// `dest`, readers' contact addresses left out unless `contacts` says to keep them.
pub async fn backup(
    store: &Store,
    data_dir: &Path,
    dest: &Path,
    contacts: Contacts,
) -> Result<Done, String> {
    let in_use = std::fs::read_dir(dest).is_ok_and(|mut d| d.next().is_some());
    if in_use {
        return Err(format!(
            "{} is not empty: back up into a new folder",
            dest.display()
        ));
    }
    std::fs::create_dir_all(dest).map_err(|e| format!("cannot make {}: {e}", dest.display()))?;
    let partial = dest.join(format!("{RECORD}.partial"));
    let file =
        File::create(&partial).map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    let mut out = BufWriter::new(file);
    let header = Header {
        liveblog_backup: FORMAT,
        schema: store.schema_version().await.map_err(|e| e.to_string())?,
        store: store_name(store.backend()).to_owned(),
        taken_at: chrono::Utc::now().to_rfc3339(),
    };
    write_line(&mut out, &header).map_err(|e| format!("cannot write the backup: {e}"))?;
    let rows = store
        .back_up(|(table, mut row)| {
            if table == "contributions" && contacts == Contacts::LeftOut {
                row.insert("contact".to_owned(), serde_json::Value::Null);
            }
            write_line(&mut out, &Line { table, row })
        })
        .await
        .map_err(|e| e.to_string())?;
    let file = out
        .into_inner()
        .map_err(|e| format!("cannot write the backup: {e}"))?;
    file.sync_all()
        .map_err(|e| format!("cannot write the backup: {e}"))?;
    // Uploads never change once kept: those the snapshot names are all there after it.
    let files = match store.backend() {
        Backend::Sqlite => copy_files(&data_dir.join("media"), &dest.join("media"))?,
        Backend::Postgres => 0,
    };
    std::fs::rename(&partial, dest.join(RECORD))
        .map_err(|e| format!("cannot finish the backup: {e}"))?;
    Ok(Done { rows, files })
}

fn write_line(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Brings the backup in `src` back into `store`, which must be empty and of the kind
/// the backup was taken from.
pub async fn restore(store: &Store, data_dir: &Path, src: &Path) -> Result<Done, String> {
    let record = src.join(RECORD);
    let file = File::open(&record).map_err(|e| {
        format!(
            "{} is no finished backup ({}: {e})",
            src.display(),
            record.display()
        )
    })?;
    let mut lines = BufReader::new(file).lines();
    let first = lines
        .next()
        .transpose()
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    let header: Header = serde_json::from_str(&first)
        .map_err(|_| format!("{} is not a liveblog backup", record.display()))?;
    if header.liveblog_backup != FORMAT {
        return Err(format!(
            "a backup of format {}; this build reads format {FORMAT}",
            header.liveblog_backup
        ));
    }
    let schema = store.schema_version().await.map_err(|e| e.to_string())?;
    if header.schema != schema {
        return Err(format!(
            "the backup's tables are at version {}, this build's at {schema}: restore it with the build that took it, then upgrade",
            header.schema
        ));
    }
    let kind = store_name(store.backend());
    if header.store != kind {
        return Err(format!(
            "the backup was taken from {} and this store is {kind}: restore it into the kind it was taken from (then `liveblog export` and `import` carry pages across)",
            header.store
        ));
    }
    if !store.is_empty().await.map_err(|e| e.to_string())? {
        return Err("the store already holds pages or accounts: restore into an empty one".into());
    }
    let files = match store.backend() {
        Backend::Sqlite => copy_files(&src.join("media"), &data_dir.join("media"))?,
        Backend::Postgres => 0,
    };
    let rows = lines.map(|line| {
        let line = line.map_err(|e| format!("cannot read {}: {e}", record.display()))?;
        let Line { table, row } = serde_json::from_str(&line)
            .map_err(|e| format!("a line of {} does not read: {e}", record.display()))?;
        Ok::<BackupRow, String>((table, row))
    });
    let rows = store.restore(rows).await?;
    Ok(Done { rows, files })
}

/// Copies every file of the folder `from` (not what an upload left half-received) into
/// `to`, one at a time.
fn copy_files(from: &Path, to: &Path) -> Result<u64, String> {
    let Ok(found) = std::fs::read_dir(from) else {
        return Ok(0);
    };
    std::fs::create_dir_all(to).map_err(|e| format!("cannot make {}: {e}", to.display()))?;
    let mut copied = 0;
    for file in found {
        let file = file.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let path: PathBuf = file.path();
        if !file.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        std::fs::copy(&path, to.join(file.file_name()))
            .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        copied += 1;
    }
    Ok(copied)
}
