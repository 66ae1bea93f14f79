//! Uploaded images: recognised by their bytes (never by their name), kept under the
//! data directory by the SHA-256 of their content, and served from `/media/`.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::accounts::hex;

/// The largest image accepted, unless configured otherwise.
pub const DEFAULT_MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The image kinds accepted, each known by how its bytes begin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    Webp,
    Gif,
}

impl ImageKind {
    /// Recognises an image by its first bytes.
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageKind::Webp)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(ImageKind::Gif)
        } else {
            None
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
            ImageKind::Webp => "webp",
            ImageKind::Gif => "gif",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::Webp => "image/webp",
            ImageKind::Gif => "image/gif",
        }
    }

    fn from_extension(extension: &str) -> Option<ImageKind> {
        [
            ImageKind::Jpeg,
            ImageKind::Png,
            ImageKind::Webp,
            ImageKind::Gif,
        ]
        .into_iter()
        .find(|k| k.extension() == extension)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("The file is not a JPEG, PNG, WebP or GIF image.")]
    NotAnImage,
    #[error("The image is {size} bytes; the limit is {limit} bytes.")]
    TooLarge { size: usize, limit: usize },
    #[error("The image could not be stored: {0}")]
    Io(#[from] std::io::Error),
}

/// Where uploaded images live.
pub struct MediaStore {
    dir: PathBuf,
    pub max_bytes: usize,
}

impl MediaStore {
    pub fn new(data_dir: &Path, max_bytes: usize) -> MediaStore {
        MediaStore {
            dir: data_dir.join("media"),
            max_bytes,
        }
    }

    /// Keeps an image and returns its address, `/media/{sha256}.{ext}`. The same image
    /// uploaded twice is kept once.
    pub async fn keep(&self, bytes: &[u8]) -> Result<String, MediaError> {
        if bytes.len() > self.max_bytes {
            return Err(MediaError::TooLarge {
                size: bytes.len(),
                limit: self.max_bytes,
            });
        }
        let kind = ImageKind::sniff(bytes).ok_or(MediaError::NotAnImage)?;
        let name = format!("{}.{}", hex(&Sha256::digest(bytes)), kind.extension());
        let path = self.dir.join(&name);
        if !tokio::fs::try_exists(&path).await? {
            tokio::fs::create_dir_all(&self.dir).await?;
            // Written aside and renamed, so a half-written file is never served.
            let partial = self.dir.join(format!("{name}.partial"));
            tokio::fs::write(&partial, bytes).await?;
            tokio::fs::rename(&partial, &path).await?;
        }
        Ok(format!("/media/{name}"))
    }

    /// An image by its file name, with its content type; `None` for any name that is not
    /// one this store gives out.
    pub async fn open(&self, name: &str) -> Option<(Vec<u8>, &'static str)> {
        let (hash, extension) = name.split_once('.')?;
        let well_formed = hash.len() == 64
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        let kind = ImageKind::from_extension(extension).filter(|_| well_formed)?;
        let bytes = tokio::fs::read(self.dir.join(name)).await.ok()?;
        Some((bytes, kind.content_type()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_bytes() {
        assert_eq!(
            ImageKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(
            ImageKind::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(ImageKind::Png)
        );
        assert_eq!(
            ImageKind::sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Some(ImageKind::Webp)
        );
        assert_eq!(ImageKind::sniff(b"GIF89a...."), Some(ImageKind::Gif));
        for not in [
            &b"<svg onload=alert(1)>"[..],
            b"%PDF-1.7",
            b"",
            b"RIFF\0\0\0\0WAVE",
        ] {
            assert_eq!(ImageKind::sniff(not), None);
        }
    }

    #[tokio::test]
    async fn images_are_kept_by_content_and_names_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let media = MediaStore::new(dir.path(), 1024);
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        let url = media.keep(gif).await.unwrap();
        assert_eq!(
            url,
            media.keep(gif).await.unwrap(),
            "the same bytes, the same name"
        );
        let name = url.strip_prefix("/media/").unwrap();
        assert_eq!(media.open(name).await.unwrap(), (gif.to_vec(), "image/gif"));
        for bad in ["../liveblog.db", "x.gif", &name.replace(".gif", ".svg"), ""] {
            assert!(media.open(bad).await.is_none(), "{bad}");
        }
        assert!(matches!(
            media.keep(&[0xFF, 0xD8, 0xFF].repeat(400)).await,
            Err(MediaError::TooLarge { .. })
        ));
        assert!(matches!(
            media.keep(b"<html>").await,
            Err(MediaError::NotAnImage)
        ));
    }
}
