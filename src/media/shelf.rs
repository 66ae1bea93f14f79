//! Where kept images are: files in the data directory, for one instance on SQLite; the
//! record itself, on PostgreSQL, so that every instance serves every image (a CDN in
//! front takes the load: the addresses never change, and are served as immutable); or,
//! for a big deployment, an S3-compatible object store (`--media-url s3://bucket/prefix`,
//! with the usual `AWS_*` settings for keys, region and endpoint).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::body::Bytes;
use chrono::Utc;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use object_store::path::Path as ObjectPath;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt};
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

/// The names of the files in `dir` last written more than `kept_for` ago; none when
/// there is no such folder.
pub async fn files_older_than(dir: &Path, kept_for: Duration) -> std::io::Result<Vec<String>> {
    let mut files = match tokio::fs::read_dir(dir).await {
        Ok(files) => files,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let now = SystemTime::now();
    let mut old = Vec::new();
    while let Some(file) = files.next_entry().await? {
        let age = file
            .metadata()
            .await?
            .modified()
            .ok()
            .and_then(|at| now.duration_since(at).ok())
            .unwrap_or_default();
        if let (true, Some(name)) = (age > kept_for, file.file_name().to_str()) {
            old.push(name.to_owned());
        }
    }
    Ok(old)
}

/// A kept file's bytes, as they are read.
pub type Chunks = BoxStream<'static, std::io::Result<Bytes>>;

use crate::store::Store;

pub enum Shelf {
    /// A folder of files, `media` in the data directory.
    Folder(PathBuf),
    /// The store's `media` table.
    Record(Arc<Store>),
    /// An object store, every image under one prefix.
    Objects {
        store: Arc<dyn ObjectStore>,
        prefix: ObjectPath,
    },
}

/// An object store address that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("cannot use the media store {url:?}: {why}")]
pub struct BadMediaUrl {
    url: String,
    why: String,
}

impl Shelf {
    /// The object store at `url`, `s3://bucket` or `s3://bucket/prefix`, reached with
    /// the `AWS_*` settings of the environment (`AWS_ENDPOINT` for a store other than
    /// Amazon's, `AWS_ALLOW_HTTP=true` for one without TLS).
    pub fn objects_at(url: &str) -> Result<Shelf, BadMediaUrl> {
        let bad = |why: String| BadMediaUrl {
            url: url.to_owned(),
            why,
        };
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| bad("give an s3://bucket address".into()))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(bad("no bucket named".into()));
        }
        let store = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|e| bad(e.to_string()))?;
        let prefix = ObjectPath::parse(prefix).map_err(|e| bad(e.to_string()))?;
        Ok(Shelf::Objects {
            store: Arc::new(store),
            prefix,
        })
    }

    /// The `media` folder in the data directory.
    pub fn folder_in(data_dir: &std::path::Path) -> Shelf {
        Shelf::Folder(data_dir.join("media"))
    }

    /// Keeps `bytes` as `name`, unless something is kept as `name` already: names are
    /// content addresses, so it is the same image.
    pub async fn put(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Shelf::Folder(dir) => {
                let path = dir.join(name);
                if tokio::fs::try_exists(&path).await? {
                    return Ok(());
                }
                tokio::fs::create_dir_all(dir).await?;
                // Written aside and renamed, so a half-written file is never served.
                let partial = dir.join(format!("{name}.partial"));
                tokio::fs::write(&partial, bytes).await?;
                tokio::fs::rename(&partial, &path).await
            }
            Shelf::Record(store) => store
                .keep_media(name, bytes, Utc::now())
                .await
                .map_err(std::io::Error::other),
            // Written whole or not at all; the same name is the same image.
            Shelf::Objects { store, prefix } => store
                .put(&prefix.clone().join(name), bytes.to_vec().into())
                .await
                .map(|_| ())
                .map_err(std::io::Error::other),
        }
    }

    /// Keeps the file at `path` as `name`, streamed, unless something is kept as `name`
    /// already: a video or sound file, too large to hold in memory.
    pub async fn put_file(&self, name: &str, path: &Path) -> std::io::Result<()> {
        match self {
            Shelf::Folder(dir) => {
                let kept = dir.join(name);
                if tokio::fs::try_exists(&kept).await? {
                    return Ok(());
                }
                tokio::fs::create_dir_all(dir).await?;
                let partial = dir.join(format!("{name}.partial"));
                let copied = tokio::fs::copy(path, &partial).await;
                if let Err(error) = copied {
                    let _ = tokio::fs::remove_file(&partial).await;
                    return Err(error);
                }
                tokio::fs::rename(&partial, &kept).await
            }
            Shelf::Record(store) => store
                .keep_media_file(name, path, Utc::now())
                .await
                .map_err(std::io::Error::other),
            Shelf::Objects { store, prefix } => {
                // In parts, and whole or not at all: an upload left unfinished is no object.
                let mut writer = object_store::buffered::BufWriter::new(
                    Arc::clone(store),
                    prefix.clone().join(name),
                );
                let mut file = tokio::fs::File::open(path).await?;
                let copied = tokio::io::copy(&mut file, &mut writer).await;
                match copied {
                    Ok(_) => writer.shutdown().await,
                    Err(error) => {
                        let _ = writer.abort().await;
                        Err(error)
                    }
                }
            }
        }
    }

    /// How many bytes are kept as `name`; `None` when nothing is.
    pub async fn size(&self, name: &str) -> std::io::Result<Option<u64>> {
        match self {
            Shelf::Folder(dir) => match tokio::fs::metadata(dir.join(name)).await {
                Ok(metadata) => Ok(Some(metadata.len())),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error),
            },
            Shelf::Record(store) => store.media_size(name).await.map_err(std::io::Error::other),
            Shelf::Objects { store, prefix } => {
                match store.head(&prefix.clone().join(name)).await {
                    Ok(meta) => Ok(Some(meta.size)),
                    Err(object_store::Error::NotFound { .. }) => Ok(None),
                    Err(error) => Err(std::io::Error::other(error)),
                }
            }
        }
    }

    /// `length` bytes of what is kept as `name`, from `start`, read as they are sent.
    pub async fn read_range(&self, name: &str, start: u64, length: u64) -> std::io::Result<Chunks> {
        match self {
            Shelf::Folder(dir) => {
                let mut file = tokio::fs::File::open(dir.join(name)).await?;
                file.seek(std::io::SeekFrom::Start(start)).await?;
                Ok(tokio_util::io::ReaderStream::new(file.take(length)).boxed())
            }
            Shelf::Record(store) => {
                Ok(Arc::clone(store).media_range(name.to_owned(), start, length))
            }
            Shelf::Objects { store, prefix } => {
                let options = GetOptions {
                    range: Some(GetRange::Bounded(start..start + length)),
                    ..GetOptions::default()
                };
                let found = store
                    .get_opts(&prefix.clone().join(name), options)
                    .await
                    .map_err(std::io::Error::other)?;
                Ok(found.into_stream().map_err(std::io::Error::other).boxed())
            }
        }
    }

    /// What is kept as `name`; `None` when nothing is. `name` must be one the media
    /// store gives out (checked before: no path in it).
    pub async fn get(&self, name: &str) -> std::io::Result<Option<Vec<u8>>> {
        match self {
            Shelf::Folder(dir) => match tokio::fs::read(dir.join(name)).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error),
            },
            Shelf::Record(store) => store.media(name).await.map_err(std::io::Error::other),
            Shelf::Objects { store, prefix } => match store.get(&prefix.clone().join(name)).await {
                Ok(found) => Ok(Some(
                    found.bytes().await.map_err(std::io::Error::other)?.to_vec(),
                )),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(error) => Err(std::io::Error::other(error)),
            },
        }
    }

    /// The names of everything kept for longer than `kept_for`.
    pub async fn older_than(&self, kept_for: Duration) -> std::io::Result<Vec<String>> {
        match self {
            Shelf::Folder(dir) => files_older_than(dir, kept_for).await,
            Shelf::Record(store) => {
                let kept_for = chrono::Duration::from_std(kept_for)
                    .map_err(|_| std::io::Error::other("a keeping time beyond any date"))?;
                store
                    .media_kept_before(Utc::now() - kept_for)
                    .await
                    .map_err(std::io::Error::other)
            }
            Shelf::Objects { store, prefix } => {
                let kept_for = chrono::Duration::from_std(kept_for)
                    .map_err(|_| std::io::Error::other("a keeping time beyond any date"))?;
                let before = Utc::now() - kept_for;
                let listed: Vec<_> = store
                    .list(Some(prefix))
                    .try_collect()
                    .await
                    .map_err(std::io::Error::other)?;
                Ok(listed
                    .into_iter()
                    .filter(|object| object.last_modified < before)
                    .filter_map(|object| object.location.filename().map(str::to_owned))
                    .collect())
            }
        }
    }

    pub async fn remove(&self, name: &str) -> std::io::Result<()> {
        match self {
            Shelf::Folder(dir) => tokio::fs::remove_file(dir.join(name)).await,
            Shelf::Record(store) => store
                .remove_media(name)
                .await
                .map_err(std::io::Error::other),
            Shelf::Objects { store, prefix } => store
                .delete(&prefix.clone().join(name))
                .await
                .map_err(std::io::Error::other),
        }
    }
}
