//! Where kept images are: files in the data directory, for one instance on SQLite; or
//! the record itself, on PostgreSQL, so that every instance serves every image (a CDN
//! in front takes the load: the addresses never change, and are served as immutable).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::Utc;

use crate::store::Store;

pub enum Shelf {
    /// A folder of files, `media` in the data directory.
    Folder(PathBuf),
    /// The store's `media` table.
    Record(Arc<Store>),
}

impl Shelf {
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
        }
    }

    /// The names of everything kept for longer than `kept_for`.
    pub async fn older_than(&self, kept_for: Duration) -> std::io::Result<Vec<String>> {
        match self {
            Shelf::Folder(dir) => {
                let mut files = match tokio::fs::read_dir(dir).await {
                    Ok(files) => files,
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                        return Ok(Vec::new());
                    }
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
            Shelf::Record(store) => {
                let kept_for = chrono::Duration::from_std(kept_for)
                    .map_err(|_| std::io::Error::other("a keeping time beyond any date"))?;
                store
                    .media_kept_before(Utc::now() - kept_for)
                    .await
                    .map_err(std::io::Error::other)
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
        }
    }
}
