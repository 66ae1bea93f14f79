//! Opening the store: one SQLite file in the data directory, or a shared PostgreSQL,
//! through sqlx's `Any` driver, with the tables brought up to date. The SQL is written
//! once, in the dialect both understand (`$1` parameters, `RETURNING`); only the table
//! definitions differ (`migrations/sqlite`, `migrations/postgres`).

use std::path::Path;
use std::sync::Once;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{MigrateError, Migrator};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Executor};

use super::StoreError;

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
    pub(super) probe: super::faults::Probe,
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
        let pool = healing(AnyPoolOptions::new())
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
            probe: Default::default(),
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
        let pool = healing(AnyPoolOptions::new())
            .max_connections(16)
            .acquire_timeout(WAIT)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot reach PostgreSQL: {e}")))?;
        let store = Store {
            pool,
            backend: Backend::Postgres,
            probe: Default::default(),
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
}

/// A pool that never uses a connection opened before the database last failed (see
/// `faults.rs`): it is closed as it is handed back or taken, and a fresh one opened.
fn healing(options: AnyPoolOptions) -> AnyPoolOptions {
    use super::faults::opened_since_last_failure;
    options
        .before_acquire(|_, connection| {
            Box::pin(async move { Ok(opened_since_last_failure(&connection)) })
        })
        .after_release(|_, connection| {
            Box::pin(async move { Ok(opened_since_last_failure(&connection)) })
        })
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

/// sqlx's `Any` driver must be told which databases it may open, once.
fn sqlx_drivers() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(sqlx::any::install_default_drivers);
}
