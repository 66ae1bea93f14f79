//! The whole record as rows, for `liveblog backup` and `restore`: every table of the
//! record read in one snapshot while the server runs, a row at a time, and written back
//! whole into an empty store, on SQLite or PostgreSQL either way.
//!
//! Left out are what is only of the moment: sessions (everyone signs in again),
//! counted tries at secrets and votes per address, webhooks' deliveries, key events pushed, the day's figures, who is reading and who has an entry open, the keys of
//! requests made once, and the row `/healthz` writes.

use std::collections::BTreeMap;

use futures_util::TryStreamExt;
use serde_json::{Map, Value};
use sqlx::any::AnyTypeInfoKind;
use sqlx::{Any, Column, Row, Transaction};

use super::{Backend, Store, StoreError};

/// The record's tables, in the order they are written back (a page before what is on
/// it). `media` and `media_parts` exist on PostgreSQL only: on SQLite, uploads are files.
const TABLES: &[&str] = &[
    "users",
    "api_tokens",
    "blogs",
    "entries",
    "corrections",
    "changes",
    "entry_revisions",
    "deleted_entries",
    "drafts",
    "labels",
    "profiles",
    "snippets",
    "polls",
    "poll_tallies",
    "poll_votes",
    "site_keys",
    "webhooks",
    "contributions",
    "push_subscriptions",
    "media",
    "media_parts",
];

/// The tables whose `id` the database gives: after a restore, it gives the next one
/// after the highest restored.
const NUMBERED: &[&str] = &[
    "blogs",
    "entries",
    "drafts",
    "snippets",
    "profiles",
    "webhooks",
    "contributions",
    "push_subscriptions",
];

/// One row of one table, its columns by name.
pub type BackupRow = (String, Map<String, Value>);

impl Store {
    /// The version of the tables this store has: a backup is restored into the same.
    pub async fn schema_version(&self) -> Result<i64, StoreError> {
        let version: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(self.pool())
            .await?;
        Ok(version.unwrap_or(0))
    }

    /// Reads every row of the record in one snapshot, handing each to `write` as it
    /// comes: memory holds one row at a time, however large the archive.
    pub async fn back_up(
        &self,
        mut write: impl FnMut(BackupRow) -> std::io::Result<()>,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool().begin().await?;
        if self.backend() == Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .execute(&mut *tx)
                .await?;
        }
        let mut rows = 0;
        for table in self.tables(&mut tx).await? {
            let select = format!("SELECT * FROM {table}");
            let mut found = sqlx::query(sqlx::AssertSqlSafe(select)).fetch(&mut *tx);
            while let Some(row) = found.try_next().await? {
                write((table.to_owned(), columns(&row)?)).map_err(|e| {
                    StoreError::Unavailable(format!("cannot write the backup: {e}"))
                })?;
                rows += 1;
            }
        }
        tx.commit().await?;
        Ok(rows)
    }

    /// The record's tables this database has.
    async fn tables(
        &self,
        tx: &mut Transaction<'static, Any>,
    ) -> Result<Vec<&'static str>, StoreError> {
        let names: Vec<String> = match self.backend() {
            Backend::Sqlite => sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'"),
            Backend::Postgres => sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
            ),
        }
        .fetch_all(&mut **tx)
        .await?;
        Ok(TABLES
            .iter()
            .copied()
            .filter(|t| names.iter().any(|n| n == t))
            .collect())
    }

    /// Whether the store holds no page and no account: a backup is restored only into
    /// such a one.
    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        let held: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM blogs) + (SELECT COUNT(*) FROM users) AS held",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(held == 0)
    }

    /// Writes `rows` back, in one transaction: all of them, or nothing. The labels the
    /// tables start with give way to the backup's.
    pub async fn restore(
        &self,
        rows: impl Iterator<Item = Result<BackupRow, String>>,
    ) -> Result<u64, String> {
        let failed = |e: StoreError| e.to_string();
        let mut tx = self
            .pool()
            .begin()
            .await
            .map_err(StoreError::from)
            .map_err(failed)?;
        sqlx::query("DELETE FROM labels")
            .execute(&mut *tx)
            .await
            .map_err(|e| failed(e.into()))?;
        let mut written = 0;
        for row in rows {
            let (table, columns) = row?;
            if !TABLES.contains(&table.as_str()) {
                return Err(format!(
                    "the backup names a table {table:?} the record has not"
                ));
            }
            insert(&mut tx, &table, &columns)
                .await
                .map_err(|e| format!("cannot restore a row of {table}: {e}"))?;
            written += 1;
        }
        if self.backend() == Backend::Postgres {
            for table in NUMBERED {
                let next = format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                );
                sqlx::raw_sql(sqlx::AssertSqlSafe(next))
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| failed(e.into()))?;
            }
        }
        tx.commit().await.map_err(|e| failed(e.into()))?;
        Ok(written)
    }
}

/// A row's columns as JSON: numbers, text, `null`, and bytes as `{"base64": …}`.
fn columns(row: &sqlx::any::AnyRow) -> Result<Map<String, Value>, StoreError> {
    use base64::Engine;
    let mut out = Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        let value = match column.type_info().kind() {
            AnyTypeInfoKind::Null => Value::Null,
            AnyTypeInfoKind::Bool => row
                .try_get::<Option<bool>, _>(i)?
                .map_or(Value::Null, Value::from),
            AnyTypeInfoKind::SmallInt | AnyTypeInfoKind::Integer | AnyTypeInfoKind::BigInt => row
                .try_get::<Option<i64>, _>(i)?
                .map_or(Value::Null, Value::from),
            AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => row
                .try_get::<Option<f64>, _>(i)?
                .map_or(Value::Null, Value::from),
            AnyTypeInfoKind::Text => row
                .try_get::<Option<String>, _>(i)?
                .map_or(Value::Null, Value::from),
            AnyTypeInfoKind::Blob => {
                row.try_get::<Option<Vec<u8>>, _>(i)?
                    .map_or(Value::Null, |bytes| {
                        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
                        Value::Object(Map::from_iter([(
                            "base64".to_owned(),
                            Value::String(encoded),
                        )]))
                    })
            }
        };
        out.insert(column.name().to_owned(), value);
    }
    Ok(out)
}

/// Inserts one row as the backup has it. A null is written as `NULL` itself, so the
/// column's own type takes it on either database.
async fn insert(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    columns: &Map<String, Value>,
) -> Result<(), String> {
    use base64::Engine;
    let mut names = Vec::new();
    let mut values = Vec::new();
    let mut bound = BTreeMap::new();
    for (name, value) in columns {
        if !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(format!("a column named {name:?}"));
        }
        names.push(name.as_str());
        if value.is_null() {
            values.push("NULL".to_owned());
        } else {
            bound.insert(bound.len(), value);
            values.push(format!("${}", bound.len()));
        }
    }
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        values.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for value in bound.into_values() {
        query = match value {
            Value::Bool(b) => query.bind(*b),
            Value::Number(n) if n.is_i64() => query.bind(n.as_i64()),
            Value::Number(n) => query.bind(n.as_f64()),
            Value::String(text) => query.bind(text.clone()),
            Value::Object(bytes) => {
                let encoded = bytes
                    .get("base64")
                    .and_then(Value::as_str)
                    .ok_or("a value that is no column's")?;
                let decoded = base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .map_err(|e| format!("bytes that do not read: {e}"))?;
                query.bind(decoded)
            }
            other => return Err(format!("a value that is no column's: {other}")),
        };
    }
    query.execute(&mut **tx).await.map_err(|e| e.to_string())?;
    Ok(())
}
