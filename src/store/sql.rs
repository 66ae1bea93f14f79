//! The SQL store, one implementation for SQLite and PostgreSQL through sqlx's `Any`
//! driver. The SQL is written once, in the dialect both understand (`$1` parameters,
//! `RETURNING`); only the table definitions differ (`migrations/sqlite`, `…/postgres`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Once;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{MigrateError, Migrator};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Transaction};

use super::rows::{self, blog_columns, draft_columns, entry_columns, flag, time_text};
use super::{BlogRecord, Change, ChangeKind, Committed, Seq, StoreError, StoredSession};
use crate::domain::{Blog, BlogDraft, BlogId, BlogStatus, Correction, Entry, EntryId, User};
use crate::dump::{ApiTokenDump, BlogDump, Dump};

/// The PostgreSQL channel on which a committed change is announced as `blog:seq`.
pub const NOTIFY_CHANNEL: &str = "liveblog_changes";
/// The SQLite file's name inside the data directory.
pub const SQLITE_FILE: &str = "liveblog.db";
/// How long a query waits for a connection, or SQLite for its write lock.
const WAIT: Duration = Duration::from_secs(5);

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The durable record.
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Opens the store named by `database_url`, or the SQLite file in `data_dir`, and
    /// brings its tables up to date.
    pub async fn open(database_url: Option<&str>, data_dir: &Path) -> Result<Store, StoreError> {
        sqlx_drivers();
        match database_url {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Store::open_postgres(url).await
            }
            Some(url) if url.starts_with("sqlite:") => {
                let options: SqliteConnectOptions = url.parse().map_err(|e| {
                    StoreError::Incompatible(format!("bad SQLite address {url:?}: {e}"))
                })?;
                Store::open_sqlite(options).await
            }
            Some(other) => Err(StoreError::Incompatible(format!(
                "unsupported database address {:?}: use postgres://… or sqlite:…",
                other.split(':').next().unwrap_or_default()
            ))),
            None => {
                std::fs::create_dir_all(data_dir).map_err(|e| {
                    StoreError::Unavailable(format!("cannot create {}: {e}", data_dir.display()))
                })?;
                let options = SqliteConnectOptions::new()
                    .filename(data_dir.join(SQLITE_FILE))
                    .create_if_missing(true);
                Store::open_sqlite(options).await
            }
        }
    }

    async fn open_sqlite(options: SqliteConnectOptions) -> Result<Store, StoreError> {
        let file = options.get_filename().display().to_string();
        let url = options.to_url_lossy();
        let any_options = AnyConnectOptions::from_url(&url)?;
        // One plain connection first, so a bad file is named plainly instead of showing
        // up later as a pool that never gets a connection.
        try_connection(&any_options, "SELECT COUNT(*) FROM sqlite_master")
            .await
            .map_err(|e| StoreError::Incompatible(format!("cannot open {file}: {e}")))?;
        let pool = AnyPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(WAIT)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    // WAL lets readers go on while one writer commits; FULL makes every
                    // acknowledged commit survive a power cut, not only a crash.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = FULL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    Ok(())
                })
            })
            .connect_with(any_options)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot open {file}: {e}")))?;
        let store = Store {
            pool,
            backend: Backend::Sqlite,
        };
        store.migrate(&SQLITE_MIGRATIONS).await?;
        Ok(store)
    }

    async fn open_postgres(url: &str) -> Result<Store, StoreError> {
        let options: AnyConnectOptions = url
            .parse()
            .map_err(|e| StoreError::Incompatible(format!("bad PostgreSQL address: {e}")))?;
        try_connection(&options, "SELECT 1")
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot reach PostgreSQL: {e}")))?;
        let pool = AnyPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(WAIT)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot reach PostgreSQL: {e}")))?;
        let store = Store {
            pool,
            backend: Backend::Postgres,
        };
        store.migrate(&POSTGRES_MIGRATIONS).await?;
        Ok(store)
    }

    async fn migrate(&self, migrator: &Migrator) -> Result<(), StoreError> {
        migrator.run(&self.pool).await.map_err(|error| match error {
            MigrateError::VersionMissing(version) => StoreError::Incompatible(format!(
                "the database was written by a newer liveblog (schema version {version}); \
                 this build knows versions up to {}; nothing was changed",
                migrator.iter().map(|m| m.version).max().unwrap_or(0)
            )),
            other => StoreError::Incompatible(format!("the database cannot be used: {other}")),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(super) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Gives the change the page's next sequence number and logs it, inside the
    /// transaction of the change itself. On PostgreSQL it also announces the change to
    /// the other instances; the announcement is delivered only if the commit happens.
    pub(super) async fn log_change(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        kind: ChangeKind,
        entry: Option<EntryId>,
    ) -> Result<Seq, StoreError> {
        let row = sqlx::query(
            "UPDATE blogs SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq",
        )
        .bind(blog.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let seq = rows::seq(&row, "last_seq")?;
        sqlx::query(
            "INSERT INTO changes (blog_id, seq, kind, entry_id, at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(blog.0)
        .bind(seq as i64)
        .bind(kind.as_str())
        .bind(entry.map(|e| e.0))
        .bind(time_text(Utc::now()))
        .execute(&mut **tx)
        .await?;
        self.announce(tx, blog, seq).await?;
        Ok(seq)
    }

    /// On PostgreSQL, tells the other instances that page `blog` reached `seq`; the
    /// notice is delivered only if the transaction commits.
    async fn announce(
        &self,
        tx: &mut Transaction<'static, Any>,
        blog: BlogId,
        seq: Seq,
    ) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            // Both numbers are ours, so the payload is safe to write inline.
            let notify = format!("NOTIFY {NOTIFY_CHANNEL}, '{}:{seq}'", blog.0);
            sqlx::raw_sql(sqlx::AssertSqlSafe(notify))
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    pub async fn load(&self) -> Result<Vec<BlogRecord>, StoreError> {
        let blogs = sqlx::query(concat!(
            "SELECT ",
            blog_columns!(),
            " FROM blogs ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        let mut records = Vec::with_capacity(blogs.len());
        for row in &blogs {
            let (blog, last_seq) = rows::blog(row)?;
            records.push(BlogRecord {
                blog,
                entries: Vec::new(),
                last_seq,
            });
        }
        let entries = sqlx::query(concat!(
            "SELECT blog_id, ",
            entry_columns!(),
            " FROM entries"
        ))
        .fetch_all(&self.pool)
        .await?;
        let mut corrections = self.corrections(None).await?;
        for row in &entries {
            let blog = BlogId(rows::integer(row, "blog_id")?);
            if let Some(record) = records.iter_mut().find(|r| r.blog.id == blog) {
                let mut entry = rows::entry(row)?;
                entry.corrections = corrections.remove(&entry.id).unwrap_or_default();
                record.entries.push(entry);
            }
        }
        Ok(records)
    }

    /// The correction notes of every entry, or of one page's, oldest first.
    async fn corrections(
        &self,
        blog: Option<BlogId>,
    ) -> Result<HashMap<EntryId, Vec<Correction>>, StoreError> {
        let rows = match blog {
            Some(blog) => {
                sqlx::query(
                    "SELECT entry_id, note, at FROM corrections WHERE blog_id = $1 ORDER BY id",
                )
                .bind(blog.0)
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query("SELECT entry_id, note, at FROM corrections ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        let mut by_entry: HashMap<EntryId, Vec<Correction>> = HashMap::new();
        for row in &rows {
            let (entry, correction) = rows::correction(row)?;
            by_entry.entry(entry).or_default().push(correction);
        }
        Ok(by_entry)
    }

    /// A page's settings and the sequence number it is up to.
    pub async fn blog(&self, id: BlogId) -> Result<Option<(Blog, Seq)>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            blog_columns!(),
            " FROM blogs WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(rows::blog).transpose()
    }

    /// Every page's sequence number, to find what this instance has not seen yet.
    pub async fn last_seqs(&self) -> Result<Vec<(BlogId, Seq)>, StoreError> {
        let rows = sqlx::query("SELECT id, last_seq FROM blogs")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    BlogId(rows::integer(row, "id")?),
                    rows::seq(row, "last_seq")?,
                ))
            })
            .collect()
    }

    /// A page's entries.
    pub async fn entries(&self, blog: BlogId) -> Result<Vec<Entry>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            entry_columns!(),
            " FROM entries WHERE blog_id = $1"
        ))
        .bind(blog.0)
        .fetch_all(&self.pool)
        .await?;
        let mut corrections = self.corrections(Some(blog)).await?;
        rows.iter()
            .map(|row| {
                let mut entry = rows::entry(row)?;
                entry.corrections = corrections.remove(&entry.id).unwrap_or_default();
                Ok(entry)
            })
            .collect()
    }

    pub async fn entry(&self, blog: BlogId, id: EntryId) -> Result<Option<Entry>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            entry_columns!(),
            " FROM entries WHERE blog_id = $1 AND id = $2"
        ))
        .bind(blog.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut entry = rows::entry(&row)?;
        let notes = sqlx::query(
            "SELECT entry_id, note, at FROM corrections WHERE entry_id = $1 ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        entry.corrections = notes
            .iter()
            .map(|r| rows::correction(r).map(|(_, c)| c))
            .collect::<Result<_, _>>()?;
        Ok(Some(entry))
    }

    /// A page's changes after `after`, oldest first: at most the newest `limit`.
    pub async fn changes_since(
        &self,
        blog: BlogId,
        after: Seq,
        limit: usize,
    ) -> Result<Vec<Change>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, kind, entry_id FROM changes WHERE blog_id = $1 AND seq > $2 ORDER BY seq DESC LIMIT $3",
        )
        .bind(blog.0)
        .bind(after as i64)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        let mut changes = rows
            .iter()
            .map(|row| {
                let kind = rows::string(row, "kind")?;
                Ok(Change {
                    seq: rows::seq(row, "seq")?,
                    kind: ChangeKind::parse(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("unknown change {kind:?}")))?,
                    entry: row_entry_id(row)?,
                })
            })
            .collect::<Result<Vec<Change>, StoreError>>()?;
        changes.reverse();
        Ok(changes)
    }

    pub async fn create_blog(
        &self,
        draft: BlogDraft,
        at: DateTime<Utc>,
    ) -> Result<Blog, StoreError> {
        let mut tx = self.pool.begin().await?;
        let summary = serde_json::to_string(&draft.summary).unwrap_or_else(|_| "[]".into());
        let row = sqlx::query(
            "INSERT INTO blogs (slug, title, description, summary, time_zone, status, created_at, reading_order) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(draft.slug.as_str())
        .bind(&draft.title)
        .bind(&draft.description)
        .bind(summary)
        .bind(draft.time_zone.name())
        .bind("live")
        .bind(time_text(at))
        .bind(reading_order(draft.oldest_first))
        .fetch_one(&mut *tx)
        .await?;
        let id = BlogId(rows::integer(&row, "id")?);
        // Other instances load a page they hear of and do not know.
        self.announce(&mut tx, id, 0).await?;
        tx.commit().await?;
        Ok(Blog {
            id,
            slug: draft.slug,
            title: draft.title,
            description: draft.description,
            summary: draft.summary,
            time_zone: draft.time_zone,
            status: BlogStatus::Live,
            created_at: at,
            oldest_first: draft.oldest_first,
        })
    }

    pub async fn save_blog(&self, blog: &Blog) -> Result<Committed<()>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let summary = serde_json::to_string(&blog.summary).unwrap_or_else(|_| "[]".into());
        let status = status_text(blog.status);
        let done = sqlx::query(
            "UPDATE blogs SET title = $1, description = $2, summary = $3, time_zone = $4, status = $5, \
             reading_order = $6 WHERE id = $7",
        )
        .bind(&blog.title)
        .bind(&blog.description)
        .bind(summary)
        .bind(blog.time_zone.name())
        .bind(status)
        .bind(reading_order(blog.oldest_first))
        .bind(blog.id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let seq = self
            .log_change(&mut tx, blog.id, ChangeKind::BlogUpdated, None)
            .await?;
        tx.commit().await?;
        Ok(Committed { value: (), seq })
    }

    /// Publishes `entry` (its id is given by the database) and returns it with its id.
    pub async fn publish_entry(
        &self,
        blog: BlogId,
        mut entry: Entry,
    ) -> Result<Committed<Entry>, StoreError> {
        let mut tx = self.pool.begin().await?;
        entry.id = insert_entry(&mut tx, blog, &entry).await?;
        let seq = self
            .log_change(&mut tx, blog, ChangeKind::EntryCreated, Some(entry.id))
            .await?;
        tx.commit().await?;
        Ok(Committed { value: entry, seq })
    }

    pub async fn save_entry(
        &self,
        blog: BlogId,
        entry: &Entry,
    ) -> Result<Committed<()>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let query = sqlx::query(
            "UPDATE entries SET blog_id = $1, title = $2, body = $3, label = $4, author_name = $5, \
             author_role = $6, image_url = $7, image_alt = $8, image_caption = $9, image_credit = $10, \
             key_event = $11, pinned = $12, published_at = $13, updated_at = $14, \
             created_by = $15, updated_by = $16, version = $17 \
             WHERE id = $18 AND blog_id = $19",
        )
        .bind(blog.0);
        let done = bind_entry(query, entry)
            .bind(entry.id.0)
            .bind(blog.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        save_corrections(&mut tx, blog, entry).await?;
        let seq = self
            .log_change(&mut tx, blog, ChangeKind::EntryUpdated, Some(entry.id))
            .await?;
        tx.commit().await?;
        Ok(Committed { value: (), seq })
    }

    pub async fn delete_entry(
        &self,
        blog: BlogId,
        entry: EntryId,
    ) -> Result<Committed<()>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("DELETE FROM entries WHERE id = $1 AND blog_id = $2")
            .bind(entry.0)
            .bind(blog.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM corrections WHERE entry_id = $1")
            .bind(entry.0)
            .execute(&mut *tx)
            .await?;
        let seq = self
            .log_change(&mut tx, blog, ChangeKind::EntryDeleted, Some(entry))
            .await?;
        tx.commit().await?;
        Ok(Committed { value: (), seq })
    }

    pub async fn user_count(&self) -> Result<usize, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM users")
            .fetch_one(&self.pool)
            .await?;
        Ok(usize::try_from(rows::integer(&row, "n")?).unwrap_or(0))
    }

    pub async fn add_user(&self, user: User) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&user.name)
        .bind(user.role.as_str())
        .bind(&user.password_hash)
        .bind(time_text(Utc::now()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn find_user(&self, name: &str) -> Result<Option<User>, StoreError> {
        let row = sqlx::query("SELECT name, role, password_hash FROM users WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(rows::user).transpose()
    }

    /// Every account, by name.
    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        sqlx::query("SELECT name, role, password_hash FROM users ORDER BY name")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(rows::user)
            .collect()
    }

    /// Removes an account and ends its sessions, in one transaction.
    pub async fn remove_user(&self, name: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE user_name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query("DELETE FROM users WHERE name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password hash and ends every session of the account.
    pub async fn set_password(&self, name: &str, password_hash: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE name = $2")
            .bind(password_hash)
            .bind(name)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM sessions WHERE user_name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user: &str,
        csrf_token: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_name, csrf_token, created_at, last_seen) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user)
        .bind(csrf_token)
        .bind(time_text(at))
        .bind(time_text(at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<StoredSession>, StoreError> {
        let row = sqlx::query(
            "SELECT s.user_name, u.role, s.csrf_token, s.last_seen FROM sessions s \
             JOIN users u ON u.name = s.user_name WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(StoredSession {
            user: rows::string(&row, "user_name")?,
            role: rows::role(&rows::string(&row, "role")?)?,
            csrf_token: rows::string(&row, "csrf_token")?,
            last_seen: rows::time(&row, "last_seen")?,
        }))
    }

    pub async fn touch_session(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
            .bind(time_text(at))
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a new API token by its hash.
    pub async fn add_token(&self, name: &str, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO api_tokens (name, token_hash, created_at) VALUES ($1, $2, $3)")
            .bind(name)
            .bind(token_hash)
            .bind(time_text(Utc::now()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The name of the token with this hash, if it has not been revoked.
    pub async fn token_name(&self, token_hash: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT name FROM api_tokens WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(|r| rows::string(r, "name")).transpose()
    }

    /// Revokes a token at once; `false` if there was none by that name.
    pub async fn revoke_token(&self, name: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM api_tokens WHERE name = $1")
            .bind(name)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Everything in the store, for `liveblog export`.
    pub async fn export(&self) -> Result<Dump, StoreError> {
        let mut blogs: Vec<BlogDump> = self
            .load()
            .await?
            .into_iter()
            .map(|r| BlogDump {
                blog: r.blog,
                last_seq: r.last_seq,
                entries: r.entries,
            })
            .collect();
        for blog in &mut blogs {
            blog.entries.sort_by_key(|e| e.id);
        }
        let users = sqlx::query("SELECT name, role, password_hash FROM users ORDER BY name")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(rows::user)
            .collect::<Result<_, _>>()?;
        let drafts = sqlx::query(concat!(
            "SELECT ",
            draft_columns!(),
            " FROM drafts ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(rows::draft)
        .collect::<Result<_, _>>()?;
        let api_tokens =
            sqlx::query("SELECT name, token_hash, created_at FROM api_tokens ORDER BY name")
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| {
                    Ok(ApiTokenDump {
                        name: rows::text(row, "name")?,
                        token_hash: rows::text(row, "token_hash")?,
                        created_at: rows::time(row, "created_at")?,
                    })
                })
                .collect::<Result<_, StoreError>>()?;
        Ok(Dump::new(blogs, users, drafts, api_tokens))
    }

    /// Writes a dump into this store, which must be empty, in one transaction: all of it
    /// or none of it. Ids and sequence numbers are kept.
    pub async fn import(&self, dump: &Dump) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM blogs) + (SELECT COUNT(*) FROM users) \
                 + (SELECT COUNT(*) FROM drafts) + (SELECT COUNT(*) FROM api_tokens) AS n",
        )
        .fetch_one(&mut *tx)
        .await?;
        if rows::integer(&row, "n")? != 0 {
            return Err(StoreError::Incompatible(
                "the store is not empty; import only into a new one".into(),
            ));
        }
        for page in &dump.blogs {
            let blog = &page.blog;
            let summary = serde_json::to_string(&blog.summary).unwrap_or_else(|_| "[]".into());
            sqlx::query(
                "INSERT INTO blogs (id, slug, title, description, summary, time_zone, status, created_at, last_seq, \
                 reading_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(blog.id.0)
            .bind(blog.slug.as_str())
            .bind(&blog.title)
            .bind(&blog.description)
            .bind(summary)
            .bind(blog.time_zone.name())
            .bind(status_text(blog.status))
            .bind(time_text(blog.created_at))
            .bind(page.last_seq as i64)
            .bind(reading_order(blog.oldest_first))
            .execute(&mut *tx)
            .await?;
            for entry in &page.entries {
                let query = sqlx::query(
                    "INSERT INTO entries (blog_id, title, body, label, author_name, author_role, image_url, \
                     image_alt, image_caption, image_credit, key_event, pinned, published_at, updated_at, \
                     created_by, updated_by, version, id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
                )
                .bind(blog.id.0);
                bind_entry(query, entry)
                    .bind(entry.id.0)
                    .execute(&mut *tx)
                    .await?;
                save_corrections(&mut tx, blog.id, entry).await?;
            }
        }
        for user in &dump.users {
            sqlx::query(
                "INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(&user.name)
            .bind(user.role.as_str())
            .bind(&user.password_hash)
            .bind(time_text(Utc::now()))
            .execute(&mut *tx)
            .await?;
        }
        for draft in &dump.drafts {
            let input = serde_json::to_string(&draft.input)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let sent_back = draft.sent_back.as_ref();
            sqlx::query(
                "INSERT INTO drafts (id, blog_id, input, created_by, submitted, review_note, \
                 reviewed_by, publish_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(draft.id.0)
            .bind(draft.blog.0)
            .bind(input)
            .bind(&draft.created_by)
            .bind(flag(draft.submitted))
            .bind(sent_back.map(|s| s.note.clone()))
            .bind(sent_back.map(|s| s.by.clone()))
            .bind(draft.publish_at.map(time_text))
            .bind(time_text(draft.updated_at))
            .execute(&mut *tx)
            .await?;
        }
        for token in &dump.api_tokens {
            sqlx::query(
                "INSERT INTO api_tokens (name, token_hash, created_at) VALUES ($1, $2, $3)",
            )
            .bind(&token.name)
            .bind(&token.token_hash)
            .bind(time_text(token.created_at))
            .execute(&mut *tx)
            .await?;
        }
        if self.backend == Backend::Postgres {
            // Ids given explicitly do not move PostgreSQL's counters: move them past.
            for table in ["blogs", "entries", "drafts"] {
                let sql = format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                );
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

fn reading_order(oldest_first: bool) -> &'static str {
    if oldest_first { "oldest" } else { "newest" }
}

fn status_text(status: BlogStatus) -> &'static str {
    match status {
        BlogStatus::Live => "live",
        BlogStatus::Closed => "closed",
    }
}

/// Writes an entry's correction notes as they now stand.
async fn save_corrections(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    entry: &Entry,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM corrections WHERE entry_id = $1")
        .bind(entry.id.0)
        .execute(&mut **tx)
        .await?;
    for correction in &entry.corrections {
        sqlx::query(
            "INSERT INTO corrections (blog_id, entry_id, note, at) VALUES ($1, $2, $3, $4)",
        )
        .bind(blog.0)
        .bind(entry.id.0)
        .bind(&correction.note)
        .bind(time_text(correction.at))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Inserts a new entry and returns the id the database gave it.
pub(super) async fn insert_entry(
    tx: &mut Transaction<'static, Any>,
    blog: BlogId,
    entry: &Entry,
) -> Result<EntryId, StoreError> {
    let query = sqlx::query(
        "INSERT INTO entries (blog_id, title, body, label, author_name, author_role, image_url, \
         image_alt, image_caption, image_credit, key_event, pinned, published_at, updated_at, \
         created_by, updated_by, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
         RETURNING id",
    )
    .bind(blog.0);
    let row = bind_entry(query, entry).fetch_one(&mut **tx).await?;
    Ok(EntryId(rows::integer(&row, "id")?))
}

/// Opens one connection and runs `probe` on it, to report a bad database plainly.
async fn try_connection(
    options: &AnyConnectOptions,
    probe: &'static str,
) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    let mut connection = sqlx::AnyConnection::connect_with(options).await?;
    connection.execute(probe).await?;
    connection.close().await
}

fn row_entry_id(row: &sqlx::any::AnyRow) -> Result<Option<EntryId>, StoreError> {
    use sqlx::Row;
    Ok(row.try_get::<Option<i64>, _>("entry_id")?.map(EntryId))
}

type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>;

/// Binds an entry's fields, `$2` to `$17` of the inserts and the update.
fn bind_entry<'q>(query: AnyQuery<'q>, entry: &Entry) -> AnyQuery<'q> {
    let byline = entry.byline.as_ref();
    let image = entry.image.as_ref();
    query
        .bind(entry.title.clone())
        .bind(entry.body.clone())
        .bind(entry.label.map(|l| l.key()))
        .bind(byline.map(|b| b.name.clone()))
        .bind(byline.and_then(|b| b.role.clone()))
        .bind(image.map(|i| i.url.clone()))
        .bind(image.map(|i| i.alt.clone()))
        .bind(image.and_then(|i| i.caption.clone()))
        .bind(image.and_then(|i| i.credit.clone()))
        .bind(flag(entry.key_event))
        .bind(flag(entry.pinned))
        .bind(time_text(entry.published_at))
        .bind(entry.updated_at.map(time_text))
        .bind(entry.created_by.clone())
        .bind(entry.updated_by.clone())
        .bind(i64::from(entry.version))
}

/// sqlx's `Any` driver must be told which databases it may open, once.
fn sqlx_drivers() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(sqlx::any::install_default_drivers);
}
