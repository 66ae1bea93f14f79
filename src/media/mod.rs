//! Uploaded images. An upload is trusted only once it has been decoded as the image
//! its first bytes claim (within limits on size and pixels, against decompression
//! bombs), and what is kept is the picture alone, drawn again: no camera metadata
//! (EXIF, XMP, GPS position, serial numbers) survives, and the camera's orientation is
//! applied to the pixels. Each image is kept at its own width (at most [`KEPT_WIDTH`])
//! and at the narrower [`WIDTHS`], so a phone never loads a camera photo; the entry
//! offers them all with `srcset`.
//!
//! Files are named by the SHA-256 of the upload and the picture's size, as in
//! `/media/{hash}_{width}x{height}.jpg`, with `-480` and so on before the extension for
//! the narrower copies. Uploads no entry or draft uses are removed after a day. Where
//! they are kept is the [`Shelf`]'s business: files, or the shared record.

mod cards;
mod clips;
mod metadata;
mod shelf;

pub use cards::{CARD_SIZE, card_of};
pub use clips::{
    ClipFile, ClipKind, DEFAULT_MAX_CLIP_BYTES, MAX_CAPTIONS_BYTES, clip_file, is_captions,
};
pub use metadata::MAX_METADATA_BYTES;
pub use shelf::{BadMediaUrl, Chunks, Shelf};

use std::collections::HashSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::body::Bytes;
use futures_util::{Stream, StreamExt};
use tokio::io::AsyncWriteExt;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

/// The largest image accepted, unless configured otherwise.
pub const DEFAULT_MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels an upload may have: a 40-megapixel camera's photo.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The longest side an upload may have, in pixels.
pub const MAX_SIDE: u32 = 12_000;
/// The widest copy kept: a wider photo is scaled down to it.
pub const KEPT_WIDTH: u32 = 2400;
/// The narrower copies made of a wider image, for phones and small columns.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// How good the kept JPEG copies are, from 1 to 100.
const JPEG_QUALITY: u8 = 85;
/// Images decoded at once: decoding costs CPU and memory in proportion to the pixels.
const DECODES_AT_ONCE: usize = 1;
/// Video and audio files probed and copied at once: each costs a core while it lasts.
const CLIPS_AT_ONCE: usize = 1;
/// Video and audio uploads received at once: each takes up to the clip limit on disk.
const UPLOADS_AT_ONCE: usize = 4;
/// How long a file in the incoming folder may be left, by an upload cut off or a
/// process killed, before the sweep removes it.
const INCOMING_KEPT_FOR: Duration = Duration::from_secs(60 * 60);
/// How many of an upload's first bytes say what it claims to be.
const HEAD_BYTES: usize = 64;
/// How long an upload no entry or draft uses is kept (a preview never published).
pub const UNUSED_KEPT_FOR: Duration = Duration::from_secs(24 * 60 * 60);

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

    fn format(self) -> ImageFormat {
        match self {
            ImageKind::Jpeg => ImageFormat::Jpeg,
            ImageKind::Png => ImageFormat::Png,
            ImageKind::Webp => ImageFormat::WebP,
            ImageKind::Gif => ImageFormat::Gif,
        }
    }
}

/// How a kept copy is written: a photo as JPEG, anything with transparency as PNG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    Jpeg,
    Png,
}

impl Kept {
    fn extension(self) -> &'static str {
        match self {
            Kept::Jpeg => "jpg",
            Kept::Png => "png",
        }
    }
}

/// The content type of a kept file, by its extension; earlier versions kept WebP and
/// GIF files as uploaded, which are still served.
fn content_type(extension: &str) -> Option<&'static str> {
    match extension {
        "jpg" => Some("image/jpeg"),
        "png" => Some("image/png"),
        "webp" => Some("image/webp"),
        "gif" => Some("image/gif"),
        _ => None,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("The file is not a JPEG, PNG, WebP or GIF image.")]
    NotAnImage,
    #[error("The file does not read as the image it claims to be; it may be damaged.")]
    Unreadable,
    #[error("The image is {size} bytes; the limit is {limit} bytes.")]
    TooLarge { size: usize, limit: usize },
    #[error(
        "The image is {width} by {height} pixels; the most is {MAX_SIDE} on a side and {MAX_PIXELS} in all."
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error(
        "The image's colour profile or text is damaged or would take more than {limit} bytes; save it again without them."
    )]
    TooMuchMetadata { limit: usize },
    #[error("The file is not an MP4, WebM, MP3, AAC or Ogg file.")]
    NotAClip,
    #[error("The file does not read as the {what} file it claims to be; it may be damaged.")]
    ClipUnreadable { what: &'static str },
    #[error(
        "The file is coded as {codec}, which browsers do not all play: send H.264 video in MP4, VP8, VP9 or AV1 in WebM, and AAC, MP3, Opus or Vorbis sound."
    )]
    UnplayableCodec { codec: String },
    #[error(
        "The video is {width} by {height} pixels; the most is {} on a side.",
        clips::MAX_VIDEO_SIDE
    )]
    VideoTooLarge { width: u32, height: u32 },
    #[error("The file is larger than {limit} bytes, the most this server takes.")]
    ClipTooLarge { limit: u64 },
    #[error("This server cannot take video or audio: ffmpeg is not installed on it.")]
    NoClipTools,
    #[error("Other video or sound files are being sent just now; try again in a minute.")]
    Busy,
    #[error(
        "The captions are not a WebVTT file: UTF-8 text that starts with WEBVTT, of at most {MAX_CAPTIONS_BYTES} bytes."
    )]
    NotCaptions,
    #[error("The file could not be stored: {0}")]
    Io(#[from] std::io::Error),
}

/// An upload streamed to a file: removed when dropped.
pub struct Upload {
    file: tempfile::TempPath,
    /// Its turn among the uploads received at once, held until it is kept or dropped.
    _turn: tokio::sync::OwnedSemaphorePermit,
    /// Its first bytes, which say what it claims to be.
    head: Vec<u8>,
}

impl Upload {
    /// The whole upload, for a small file (captions).
    pub async fn read(&self) -> std::io::Result<Vec<u8>> {
        tokio::fs::read(&self.file).await
    }
}

/// An image drawn again, ready to keep: its size and every copy's bytes.
struct Redrawn {
    kept: Kept,
    width: u32,
    height: u32,
    /// The full copy first (suffix ""), then the narrower ones ("-480"…).
    copies: Vec<(String, Vec<u8>)>,
}

/// Decodes an upload as the image its first bytes claim and draws it again: upright,
/// without metadata, at its own width (at most [`KEPT_WIDTH`]) and the narrower
/// [`WIDTHS`].
fn redraw(bytes: &[u8], kind: ImageKind) -> Result<Redrawn, MediaError> {
    if kind == ImageKind::Png {
        metadata::check_png(bytes)?;
    }
    // The header is read first, with no pixel decoded, but already within a memory
    // limit: what a decoder reads before the pixels (a colour profile, text) is
    // allocated as it is read. An image whose pixels would take too much memory is
    // then refused on what it says of itself.
    let mut reader = ImageReader::with_format(Cursor::new(bytes), kind.format());
    let mut header_limits = Limits::no_limits();
    header_limits.max_alloc = Some(MAX_METADATA_BYTES as u64);
    reader.limits(header_limits);
    let mut decoder = reader.into_decoder().map_err(|error| match error {
        image::ImageError::Limits(_) => MediaError::TooMuchMetadata {
            limit: MAX_METADATA_BYTES,
        },
        _ => MediaError::Unreadable,
    })?;
    let (width, height) = decoder.dimensions();
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MediaError::TooManyPixels { width, height });
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 * 2);
    decoder
        .set_limits(limits)
        .map_err(|_| MediaError::TooManyPixels { width, height })?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| MediaError::Unreadable)?;
    image.apply_orientation(orientation);
    if image.width() > KEPT_WIDTH {
        image = scaled(&image, KEPT_WIDTH);
    }
    let kept = if image.color().has_alpha() {
        Kept::Png
    } else {
        Kept::Jpeg
    };
    let mut copies = vec![(String::new(), encode(&image, kept)?)];
    for width in WIDTHS.into_iter().filter(|w| *w < image.width()) {
        copies.push((format!("-{width}"), encode(&scaled(&image, width), kept)?));
    }
    Ok(Redrawn {
        kept,
        width: image.width(),
        height: image.height(),
        copies,
    })
}

/// The image scaled to `width`, keeping its shape.
fn scaled(image: &DynamicImage, width: u32) -> DynamicImage {
    let height = (u64::from(image.height()) * u64::from(width) / u64::from(image.width())).max(1);
    image.resize_exact(
        width,
        u32::try_from(height).unwrap_or(u32::MAX),
        image::imageops::FilterType::Triangle,
    )
}

/// `image` as a JPEG of the quality every kept copy has.
fn encode_jpeg(image: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    encode(image, Kept::Jpeg)
}

fn encode(image: &DynamicImage, kept: Kept) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    let written = match kept {
        Kept::Jpeg => {
            let rgb = image.to_rgb8();
            JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).write_image(
                rgb.as_raw(),
                rgb.width(),
                rgb.height(),
                image::ExtendedColorType::Rgb8,
            )
        }
        Kept::Png => {
            let rgba = image.to_rgba8();
            PngEncoder::new(&mut out).write_image(
                rgba.as_raw(),
                rgba.width(),
                rgba.height(),
                image::ExtendedColorType::Rgba8,
            )
        }
    };
    written.map_err(|error| MediaError::Io(std::io::Error::other(error)))?;
    Ok(out)
}

/// A kept image's address, read back: what `srcset` and `width`/`height` need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsive {
    pub width: u32,
    pub height: u32,
    /// Every copy, narrowest first, as `srcset` lists them: `url 480w, …`.
    pub srcset: String,
}

/// What an image address says of the copies kept of it, if it is one of ours.
pub fn responsive(url: &str) -> Option<Responsive> {
    let name = url.strip_prefix("/media/")?;
    let (stem, extension) = name.rsplit_once('.')?;
    let (hash, size) = stem.split_once('_')?;
    let (width, height) = size.split_once('x')?;
    let (width, height): (u32, u32) = (width.parse().ok()?, height.parse().ok()?);
    if !is_hash(hash) || content_type(extension).is_none() {
        return None;
    }
    let mut srcset: Vec<String> = WIDTHS
        .into_iter()
        .filter(|w| *w < width)
        .map(|w| format!("/media/{stem}-{w}.{extension} {w}w"))
        .collect();
    srcset.push(format!("{url} {width}w"));
    Some(Responsive {
        width,
        height,
        srcset: srcset.join(", "),
    })
}

pub(crate) fn is_hash(value: &str) -> bool {
    value.len() == 64
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `name` is a file name this store gives out: a hash, then the size and a
/// copy's width, or (as earlier versions named files) nothing more.
fn is_kept_name(name: &str) -> Option<&'static str> {
    let (stem, extension) = name.rsplit_once('.')?;
    let content_type = content_type(extension)?;
    let (hash, rest) = stem.split_once('_').unwrap_or((stem, ""));
    // A social network's card is named after its image: `…_1200x800-card.jpg`.
    let rest = rest.strip_suffix("-card").unwrap_or(rest);
    let rest_ok = rest.is_empty()
        || rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'x' || b == b'-');
    (is_hash(hash) && rest_ok).then_some(content_type)
}

/// The SHA-256 an address or file name starts with, if it is one of ours.
pub fn hash_of(name: &str) -> Option<&str> {
    let name = name.strip_prefix("/media/").unwrap_or(name);
    let hash = name.get(..64)?;
    is_hash(hash).then_some(hash)
}

/// Uploaded images: checked and redrawn here, kept on the shelf.
pub struct MediaStore {
    shelf: Shelf,
    pub max_bytes: usize,
    /// The largest video or audio file taken.
    pub max_clip_bytes: u64,
    /// Where uploads are streamed to and clips made, before they are kept.
    scratch: PathBuf,
    decoding: Semaphore,
    copying: Semaphore,
    receiving: std::sync::Arc<Semaphore>,
}

impl MediaStore {
    /// Images kept as files in `data_dir`'s `media` folder.
    pub fn new(data_dir: &Path, max_bytes: usize) -> MediaStore {
        MediaStore::on(Shelf::folder_in(data_dir), max_bytes)
    }

    pub fn on(shelf: Shelf, max_bytes: usize) -> MediaStore {
        let scratch = match &shelf {
            Shelf::Folder(dir) => dir.join("incoming"),
            _ => std::env::temp_dir(),
        };
        MediaStore {
            shelf,
            max_bytes,
            max_clip_bytes: DEFAULT_MAX_CLIP_BYTES,
            scratch,
            decoding: Semaphore::new(DECODES_AT_ONCE),
            copying: Semaphore::new(CLIPS_AT_ONCE),
            receiving: std::sync::Arc::new(Semaphore::new(UPLOADS_AT_ONCE)),
        }
    }

    /// Streams uploads to `scratch` (a folder of the data directory) before they are
    /// kept, instead of the system's temporary folder.
    pub fn with_scratch(mut self, scratch: PathBuf) -> MediaStore {
        self.scratch = scratch;
        self
    }

    /// Takes video and audio files of up to `max_clip_bytes`.
    pub fn with_max_clip_bytes(mut self, max_clip_bytes: u64) -> MediaStore {
        self.max_clip_bytes = max_clip_bytes;
        self
    }

    /// Decodes, redraws and keeps an image, off the async workers, and returns its
    /// address. The same upload kept twice is kept once.
    pub async fn keep(&self, bytes: &[u8]) -> Result<String, MediaError> {
        if bytes.len() > self.max_bytes {
            return Err(MediaError::TooLarge {
                size: bytes.len(),
                limit: self.max_bytes,
            });
        }
        let kind = ImageKind::sniff(bytes).ok_or(MediaError::NotAnImage)?;
        let hash = hex::encode(Sha256::digest(bytes));
        let _turn = self
            .decoding
            .acquire()
            .await
            .map_err(|_| MediaError::Io(std::io::Error::other("shutting down")))?;
        let upload = bytes.to_vec();
        let redrawn = tokio::task::spawn_blocking(move || redraw(&upload, kind))
            .await
            .map_err(|error| MediaError::Io(std::io::Error::other(error)))??;
        let stem = format!("{hash}_{}x{}", redrawn.width, redrawn.height);
        self.put_redrawn(&stem, &redrawn).await
    }

    /// Keeps every copy of a redrawn image under `stem`, and gives its address.
    async fn put_redrawn(&self, stem: &str, redrawn: &Redrawn) -> Result<String, MediaError> {
        let extension = redrawn.kept.extension();
        // The narrower copies first: the address given out is the full copy's, so every
        // copy the entry offers is there once it is.
        for (suffix, copy) in redrawn.copies.iter().rev() {
            self.shelf
                .put(&format!("{stem}{suffix}.{extension}"), copy)
                .await?;
        }
        Ok(format!("/media/{stem}.{extension}"))
    }

    /// Streams an upload to a file, refusing it once it passes `limit` bytes.
    pub async fn receive<S, E>(&self, mut chunks: S, limit: u64) -> Result<Upload, MediaError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let turn = std::sync::Arc::clone(&self.receiving)
            .try_acquire_owned()
            .map_err(|_| MediaError::Busy)?;
        tokio::fs::create_dir_all(&self.scratch).await?;
        let (file, path) = tempfile::Builder::new()
            .prefix("upload-")
            .tempfile_in(&self.scratch)?
            .into_parts();
        let mut file = tokio::fs::File::from_std(file);
        let (mut size, mut head) = (0u64, Vec::with_capacity(HEAD_BYTES));
        while let Some(chunk) = chunks.next().await {
            let chunk =
                chunk.map_err(|error| MediaError::Io(std::io::Error::other(error.to_string())))?;
            size += chunk.len() as u64;
            if size > limit {
                return Err(MediaError::ClipTooLarge { limit });
            }
            let wanted = HEAD_BYTES.saturating_sub(head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..wanted]);
            file.write_all(&chunk).await?;
        }
        file.flush().await?;
        Ok(Upload {
            file: path,
            _turn: turn,
            head,
        })
    }

    /// Probes a video or audio upload, keeps what is kept of it (and a video's poster),
    /// and returns its address. The same file kept twice is kept once.
    pub async fn keep_clip(&self, upload: Upload) -> Result<String, MediaError> {
        let _turn = self
            .copying
            .acquire()
            .await
            .map_err(|_| MediaError::Io(std::io::Error::other("shutting down")))?;
        let prepared = clips::prepare(&upload.file, &upload.head, &self.scratch).await?;
        drop(upload);
        if let Some((stem, frame)) = prepared.poster {
            let redrawn = tokio::task::spawn_blocking(move || redraw(&frame, ImageKind::Png))
                .await
                .map_err(|error| MediaError::Io(std::io::Error::other(error)))??;
            self.put_redrawn(&stem, &redrawn).await?;
        }
        self.shelf.put_file(&prepared.name, &prepared.file).await?;
        Ok(format!("/media/{}", prepared.name))
    }

    /// Checks and keeps a WebVTT captions file, and returns its address.
    pub async fn keep_captions(&self, bytes: &[u8]) -> Result<String, MediaError> {
        let text = clips::checked_captions(bytes)?;
        let name = format!("{}.vtt", hex::encode(Sha256::digest(text)));
        self.shelf.put(&name, text).await?;
        Ok(format!("/media/{name}"))
    }

    /// A kept video or audio file's content type and length, by its file name; `None`
    /// for any name that is not a clip's, or that is not kept.
    pub async fn clip(&self, name: &str) -> std::io::Result<Option<(&'static str, u64)>> {
        let Some(content_type) = clips::served_type(name).filter(|_| !name.ends_with(".vtt"))
        else {
            return Ok(None);
        };
        Ok(self
            .shelf
            .size(name)
            .await?
            .map(|size| (content_type, size)))
    }

    /// `length` bytes of a kept clip from `start`, as they are read.
    pub async fn clip_range(&self, name: &str, start: u64, length: u64) -> std::io::Result<Chunks> {
        self.shelf.read_range(name, start, length).await
    }

    /// An image by its file name, with its content type; `None` for any name that is not
    /// one this store gives out, or that is not kept.
    pub async fn open(&self, name: &str) -> std::io::Result<Option<(Vec<u8>, &'static str)>> {
        let captions = name
            .ends_with(".vtt")
            .then(|| clips::served_type(name))
            .flatten();
        let Some(content_type) = is_kept_name(name).or(captions) else {
            return Ok(None);
        };
        if let Some(bytes) = self.shelf.get(name).await? {
            return Ok(Some((bytes, content_type)));
        }
        match cards::sources_of(name) {
            Some(sources) => self.cut_card(name, &sources).await,
            None => Ok(None),
        }
    }

    /// Cuts, keeps and gives a card from the first of `sources` that is kept; `None`
    /// when none is.
    async fn cut_card(
        &self,
        name: &str,
        sources: &[String],
    ) -> std::io::Result<Option<(Vec<u8>, &'static str)>> {
        for source in sources {
            let Some(bytes) = self.shelf.get(source).await? else {
                continue;
            };
            let _turn = self
                .decoding
                .acquire()
                .await
                .map_err(|_| std::io::Error::other("shutting down"))?;
            let card = tokio::task::spawn_blocking(move || cards::cut(&bytes))
                .await
                .map_err(std::io::Error::other)?
                .map_err(std::io::Error::other)?;
            self.shelf.put(name, &card).await?;
            return Ok(Some((card, "image/jpeg")));
        }
        Ok(None)
    }

    /// Removes what uploads cut off, or a process killed, left in the incoming folder.
    async fn remove_left_incoming(&self) -> std::io::Result<usize> {
        let mut removed = 0;
        for name in shelf::files_older_than(&self.scratch, INCOMING_KEPT_FOR).await? {
            if name.starts_with("upload-") || name.starts_with("clip-") {
                tokio::fs::remove_file(self.scratch.join(name)).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Removes every upload (all its copies) that is older than `kept_for` and that
    /// none of the addresses `in_use` (by entries and drafts) shows. Returns how many
    /// copies went.
    pub async fn remove_unused(
        &self,
        in_use: &[String],
        kept_for: Duration,
    ) -> std::io::Result<usize> {
        let in_use: HashSet<&str> = in_use.iter().filter_map(|url| hash_of(url)).collect();
        let mut removed = self.remove_left_incoming().await?;
        for name in self.shelf.older_than(kept_for).await? {
            let Some(hash) = hash_of(&name) else {
                continue;
            };
            if !in_use.contains(hash) {
                self.shelf.remove(&name).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgb8(width, height);
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn images_are_known_by_their_bytes() {
        assert_eq!(
            ImageKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(ImageKind::Jpeg)
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
    async fn an_image_is_kept_redrawn_and_in_narrower_copies() {
        let dir = tempfile::tempdir().unwrap();
        let media = MediaStore::new(dir.path(), 1024 * 1024);
        let url = media.keep(&png(1200, 600)).await.unwrap();
        let name = url.strip_prefix("/media/").unwrap();
        assert!(name.ends_with("_1200x600.jpg"), "{name}");
        assert_eq!(url, media.keep(&png(1200, 600)).await.unwrap(), "kept once");
        let (bytes, content_type) = media.open(name).await.unwrap().unwrap();
        assert_eq!(content_type, "image/jpeg");
        assert_eq!(ImageKind::sniff(&bytes), Some(ImageKind::Jpeg));
        let responsive = responsive(&url).unwrap();
        assert_eq!((responsive.width, responsive.height), (1200, 600));
        assert_eq!(
            responsive.srcset.matches("w,").count(),
            2,
            "{}",
            responsive.srcset
        );
        for width in [480, 960] {
            let copy = name.replace(".jpg", &format!("-{width}.jpg"));
            assert!(media.open(&copy).await.unwrap().is_some(), "{copy}");
        }
        for bad in ["../liveblog.db", "x.gif", &name.replace(".jpg", ".svg"), ""] {
            assert!(media.open(bad).await.unwrap().is_none(), "{bad}");
        }
    }

    #[tokio::test]
    async fn what_only_looks_like_an_image_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let media = MediaStore::new(dir.path(), 1024 * 1024);
        let mut disguised = b"\x89PNG\r\n\x1a\n".to_vec();
        disguised.extend_from_slice(b"<html><script>alert(1)</script></html>");
        assert!(matches!(
            media.keep(&disguised).await,
            Err(MediaError::Unreadable)
        ));
        assert!(matches!(
            media.keep(b"<html>").await,
            Err(MediaError::NotAnImage)
        ));
        assert!(matches!(
            MediaStore::new(dir.path(), 10).keep(&png(4, 4)).await,
            Err(MediaError::TooLarge { .. })
        ));
        assert!(
            std::fs::read_dir(dir.path().join("media")).map_or(0, |d| d.count()) == 0,
            "nothing kept"
        );
    }
}
