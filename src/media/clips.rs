//! Video and audio files. An upload is streamed to a file beside the shelf and never
//! held in memory. It is trusted only once ffprobe reads it as the container its first
//! bytes claim, holding streams browsers play (H.264 in MP4; VP8, VP9 or AV1 in WebM;
//! AAC, MP3, Opus or Vorbis sound). What is kept is one picture stream and one sound
//! stream copied by ffmpeg into a new file, with nothing else: no titles, dates,
//! camera or encoder tags, no phone's location (an MP4's `loci` or `©xyz`), no
//! chapters, subtitles or data tracks (where action cameras keep GPS), no H.264 SEI
//! messages. A video's poster is its frame at one second, kept as an image is.
//!
//! A video is named `/media/{hash}_{width}x{height}.mp4` (or `.webm`), by the SHA-256
//! of the file kept and the size it is shown at; its poster is the image of the same
//! hash. Sound is `/media/{hash}.mp3` (`.m4a`, `.ogg`, `.webm`). Captions are WebVTT
//! text, `/media/{hash}.vtt`.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;
use tokio::process::Command;

use super::{KEPT_WIDTH, MediaError, is_hash};

/// The largest video or audio file taken, unless configured otherwise.
pub const DEFAULT_MAX_CLIP_BYTES: u64 = 200 * 1024 * 1024;
/// The largest captions file taken.
pub const MAX_CAPTIONS_BYTES: usize = 512 * 1024;
/// The longest side of a video taken, in pixels: 8K.
pub const MAX_VIDEO_SIDE: u32 = 7680;
/// How long ffprobe or ffmpeg may take over one file before it is given up.
const TOOL_TIME: Duration = Duration::from_secs(300);
/// How far into a video its poster is taken from, at most.
const POSTER_AT_SECONDS: f64 = 1.0;

/// The kinds of file kept, each as browsers are told of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipKind {
    Mp4Video,
    WebmVideo,
    Mp4Audio,
    WebmAudio,
    Mp3,
    Ogg,
}

impl ClipKind {
    pub fn is_video(self) -> bool {
        matches!(self, ClipKind::Mp4Video | ClipKind::WebmVideo)
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ClipKind::Mp4Video => "video/mp4",
            ClipKind::WebmVideo => "video/webm",
            ClipKind::Mp4Audio => "audio/mp4",
            ClipKind::WebmAudio => "audio/webm",
            ClipKind::Mp3 => "audio/mpeg",
            ClipKind::Ogg => "audio/ogg",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ClipKind::Mp4Video => "mp4",
            ClipKind::WebmVideo | ClipKind::WebmAudio => "webm",
            ClipKind::Mp4Audio => "m4a",
            ClipKind::Mp3 => "mp3",
            ClipKind::Ogg => "ogg",
        }
    }

    /// ffmpeg's name for the container written.
    fn muxer(self) -> &'static str {
        match self {
            ClipKind::Mp4Video | ClipKind::Mp4Audio => "mp4",
            ClipKind::WebmVideo | ClipKind::WebmAudio => "webm",
            ClipKind::Mp3 => "mp3",
            ClipKind::Ogg => "ogg",
        }
    }
}

/// A kept clip's address, read back: what the player needs to know of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClipFile {
    pub kind: ClipKind,
    /// The size a video is shown at; `None` for sound.
    pub size: Option<(u32, u32)>,
    /// A video's poster image, `/media/…jpg`.
    pub poster: Option<String>,
}

/// What a clip's address says of it, if it is one this store gives out.
pub fn clip_file(url: &str) -> Option<ClipFile> {
    let name = url.strip_prefix("/media/")?;
    let (stem, extension) = name.rsplit_once('.')?;
    let (hash, size) = match stem.split_once('_') {
        Some((hash, size)) => {
            let (width, height) = size.split_once('x')?;
            (hash, Some((width.parse().ok()?, height.parse().ok()?)))
        }
        None => (stem, None),
    };
    if !is_hash(hash) {
        return None;
    }
    let kind = match (extension, size.is_some()) {
        ("mp4", true) => ClipKind::Mp4Video,
        ("webm", true) => ClipKind::WebmVideo,
        ("m4a", false) => ClipKind::Mp4Audio,
        ("webm", false) => ClipKind::WebmAudio,
        ("mp3", false) => ClipKind::Mp3,
        ("ogg", false) => ClipKind::Ogg,
        _ => return None,
    };
    let poster = size.map(|(width, height)| {
        let (width, height) = poster_size(width, height);
        format!("/media/{hash}_{width}x{height}.jpg")
    });
    Some(ClipFile { kind, size, poster })
}

/// The content type of a kept clip or captions file, by its name.
pub(super) fn served_type(name: &str) -> Option<&'static str> {
    if let Some(hash) = name.strip_suffix(".vtt") {
        return is_hash(hash).then_some("text/vtt; charset=utf-8");
    }
    clip_file(&format!("/media/{name}")).map(|clip| clip.kind.content_type())
}

/// Whether `url` is a captions file this store gives out.
pub fn is_captions(url: &str) -> bool {
    url.strip_prefix("/media/")
        .and_then(|name| name.strip_suffix(".vtt"))
        .is_some_and(is_hash)
}

/// The size a video's poster is kept at: the video's own, at most [`KEPT_WIDTH`] wide.
fn poster_size(width: u32, height: u32) -> (u32, u32) {
    if width <= KEPT_WIDTH {
        return (width, height);
    }
    let height = (u64::from(height) * u64::from(KEPT_WIDTH) / u64::from(width)).max(1);
    (KEPT_WIDTH, u32::try_from(height).unwrap_or(u32::MAX))
}

/// What an upload's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claim {
    Mp4,
    Webm,
    Mp3,
    Aac,
    Ogg,
}

impl Claim {
    fn sniff(head: &[u8]) -> Option<Claim> {
        let mpeg_frame =
            |mask: u8, bits: u8| head.len() >= 2 && head[0] == 0xFF && head[1] & mask == bits;
        if head.len() >= 12 && &head[4..8] == b"ftyp" {
            Some(Claim::Mp4)
        } else if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3])
            && head.windows(4).take(64).any(|w| w == b"webm")
        {
            Some(Claim::Webm)
        } else if head.starts_with(b"ID3") || mpeg_frame(0xE6, 0xE2) {
            // ID3 tags, or an MPEG audio frame of layer III.
            Some(Claim::Mp3)
        } else if mpeg_frame(0xF6, 0xF0) {
            Some(Claim::Aac)
        } else if head.starts_with(b"OggS") {
            Some(Claim::Ogg)
        } else {
            None
        }
    }

    /// The demuxer ffprobe and ffmpeg read it with: never one they guess from its
    /// contents (a file that starts as an MP3 and goes on as a playlist stays an MP3).
    fn demuxer(self) -> &'static str {
        match self {
            Claim::Mp4 => "mov",
            Claim::Webm => "matroska",
            Claim::Mp3 => "mp3",
            Claim::Aac => "aac",
            Claim::Ogg => "ogg",
        }
    }

    /// What the file claims to be, in the editor's words.
    fn what(self) -> &'static str {
        match self {
            Claim::Mp4 => "MP4",
            Claim::Webm => "WebM",
            Claim::Mp3 => "MP3",
            Claim::Aac => "AAC",
            Claim::Ogg => "Ogg",
        }
    }
}

/// What ffprobe reads of a file.
#[derive(Debug, Deserialize)]
struct Probe {
    format: ProbeFormat,
    #[serde(default)]
    streams: Vec<ProbeStream>,
}

#[derive(Debug, Deserialize)]
struct ProbeFormat {
    format_name: String,
    duration: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ProbeStream {
    index: u32,
    codec_type: String,
    codec_name: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    #[serde(default)]
    disposition: Disposition,
    #[serde(default)]
    side_data_list: Vec<SideData>,
}

#[derive(Debug, Default, Deserialize)]
struct Disposition {
    #[serde(default)]
    attached_pic: u8,
}

#[derive(Debug, Deserialize)]
struct SideData {
    rotation: Option<f64>,
}

impl ProbeStream {
    fn codec(&self) -> &str {
        self.codec_name.as_deref().unwrap_or("an unknown codec")
    }

    /// The size the picture is shown at, turned as the camera was held.
    fn shown_size(&self) -> Option<(u32, u32)> {
        let (width, height) = (self.width?, self.height?);
        let turned = self
            .side_data_list
            .iter()
            .filter_map(|side| side.rotation)
            .any(|degrees| {
                (degrees.abs() - 90.0).abs() < 1.0 || (degrees.abs() - 270.0).abs() < 1.0
            });
        Some(if turned {
            (height, width)
        } else {
            (width, height)
        })
    }
}

impl Probe {
    fn duration(&self) -> f64 {
        self.format
            .duration
            .as_deref()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0.0)
    }
}

/// What is copied out of an upload, and as what.
#[derive(Debug, PartialEq, Eq)]
struct Plan {
    kind: ClipKind,
    /// The input's stream indexes kept: the picture's, then the sound's.
    streams: Vec<u32>,
    size: Option<(u32, u32)>,
}

/// Decides what an upload is from what it claims and what ffprobe read.
fn plan(claim: Claim, probe: &Probe) -> Result<Plan, MediaError> {
    let unreadable = || MediaError::ClipUnreadable { what: claim.what() };
    let format = probe.format.format_name.as_str();
    let picture = probe
        .streams
        .iter()
        .find(|s| s.codec_type == "video" && s.disposition.attached_pic == 0);
    let sound = probe.streams.iter().find(|s| s.codec_type == "audio");
    let plays = |stream: Option<&ProbeStream>, codecs: &[&str]| match stream {
        Some(stream) if !codecs.contains(&stream.codec()) => Err(MediaError::UnplayableCodec {
            codec: stream.codec().to_owned(),
        }),
        _ => Ok(()),
    };
    let (kind, picture) = match claim {
        Claim::Mp4 if format.split(',').any(|f| f == "mp4") => {
            plays(picture, &["h264"])?;
            plays(sound, &["aac", "mp3"])?;
            match picture {
                Some(picture) => (ClipKind::Mp4Video, Some(picture)),
                None => (ClipKind::Mp4Audio, None),
            }
        }
        Claim::Webm if format.split(',').any(|f| f == "webm") => {
            plays(picture, &["vp8", "vp9", "av1"])?;
            plays(sound, &["opus", "vorbis"])?;
            match picture {
                Some(picture) => (ClipKind::WebmVideo, Some(picture)),
                None => (ClipKind::WebmAudio, None),
            }
        }
        // A cover picture in an MP3 or Ogg file is left out: it is sound.
        Claim::Mp3 if format == "mp3" => {
            plays(sound, &["mp3"])?;
            (ClipKind::Mp3, None)
        }
        Claim::Aac if format == "aac" => {
            plays(sound, &["aac"])?;
            (ClipKind::Mp4Audio, None)
        }
        Claim::Ogg if format == "ogg" => {
            plays(sound, &["opus", "vorbis"])?;
            (ClipKind::Ogg, None)
        }
        _ => return Err(unreadable()),
    };
    let size = match picture {
        Some(picture) => {
            let (width, height) = picture.shown_size().ok_or_else(unreadable)?;
            if width == 0 || height == 0 || width > MAX_VIDEO_SIDE || height > MAX_VIDEO_SIDE {
                return Err(MediaError::VideoTooLarge { width, height });
            }
            Some((width, height))
        }
        None => None,
    };
    let streams: Vec<u32> = picture.into_iter().chain(sound).map(|s| s.index).collect();
    if streams.is_empty() || probe.duration() <= 0.0 {
        return Err(unreadable());
    }
    Ok(Plan {
        kind,
        streams,
        size,
    })
}

/// Runs ffprobe or ffmpeg to the end, within [`TOOL_TIME`]: what it printed, or why not.
async fn run(tool: &str, args: &[&str], what: &'static str) -> Result<Vec<u8>, MediaError> {
    let child = Command::new(tool)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => MediaError::NoClipTools,
            _ => MediaError::Io(error),
        })?;
    let output = tokio::time::timeout(TOOL_TIME, child.wait_with_output())
        .await
        .map_err(|_| MediaError::ClipUnreadable { what })??;
    if !output.status.success() {
        tracing::info!(
            tool,
            problem = %String::from_utf8_lossy(&output.stderr).trim(),
            "a video or audio file was refused"
        );
        return Err(MediaError::ClipUnreadable { what });
    }
    Ok(output.stdout)
}

/// A file as ffprobe and ffmpeg are given it: by the `file:` protocol, the only one
/// they may use, so nothing in a file can make them open another.
fn file_arg(path: &Path) -> String {
    format!("file:{}", path.to_string_lossy())
}

/// Read only from files, as the demuxer given.
const FILES_ONLY: [&str; 2] = ["-protocol_whitelist", "file"];

async fn probe(path: &Path, claim: Claim) -> Result<Probe, MediaError> {
    let path = file_arg(path);
    let printed = run(
        "ffprobe",
        &[
            "-v",
            "error",
            FILES_ONLY[0],
            FILES_ONLY[1],
            "-f",
            claim.demuxer(),
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            &path,
        ],
        claim.what(),
    )
    .await?;
    serde_json::from_slice(&printed).map_err(|_| MediaError::ClipUnreadable { what: claim.what() })
}

/// Copies the planned streams of `input` into `output`, with nothing else.
async fn copy_streams(
    input: &Path,
    output: &Path,
    plan: &Plan,
    claim: Claim,
) -> Result<(), MediaError> {
    let (input, output) = (file_arg(input), file_arg(output));
    let maps: Vec<String> = plan.streams.iter().map(|i| format!("0:{i}")).collect();
    let mut args: Vec<&str> = vec![
        "-nostdin",
        "-v",
        "error",
        "-xerror",
        FILES_ONLY[0],
        FILES_ONLY[1],
    ];
    args.extend(["-f", claim.demuxer(), "-i", &input]);
    for map in &maps {
        args.extend(["-map", map]);
    }
    args.extend([
        "-map_metadata",
        "-1",
        "-map_chapters",
        "-1",
        "-c",
        "copy",
        "-fflags",
        "+bitexact",
        "-flags:v",
        "+bitexact",
        "-flags:a",
        "+bitexact",
    ]);
    if plan.kind == ClipKind::Mp4Video {
        // SEI messages carry what a camera or encoder chose to say; pictures need none.
        args.extend(["-bsf:v", "filter_units=remove_types=6"]);
    }
    if plan.kind.muxer() == "mp4" {
        // The index first, so that playing starts before the whole file is fetched.
        args.extend(["-movflags", "+faststart"]);
    }
    args.extend(["-f", plan.kind.muxer(), "-y", &output]);
    run("ffmpeg", &args, claim.what()).await.map(|_| ())
}

/// A video's poster: one frame, as PNG, at the size the poster is kept at.
async fn poster_frame(path: &Path, size: (u32, u32), duration: f64) -> Result<Vec<u8>, MediaError> {
    let path = file_arg(path);
    let at = format!("{:.3}", POSTER_AT_SECONDS.min(duration / 2.0));
    let (width, height) = poster_size(size.0, size.1);
    let scale = format!("scale={width}:{height}");
    run(
        "ffmpeg",
        &[
            "-nostdin",
            "-v",
            "error",
            FILES_ONLY[0],
            FILES_ONLY[1],
            "-ss",
            &at,
            "-i",
            &path,
            "-frames:v",
            "1",
            "-vf",
            &scale,
            // No transparency: the poster is kept as a JPEG, as its name says.
            "-pix_fmt",
            "rgb24",
            "-f",
            "image2pipe",
            "-c:v",
            "png",
            "-",
        ],
        "video",
    )
    .await
}

async fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut file = tokio::fs::File::open(path).await?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 256 * 1024];
    loop {
        let read = file.read(&mut buffer).await?;
        if read == 0 {
            return Ok(hex::encode(hasher.finalize()));
        }
        hasher.update(&buffer[..read]);
    }
}

/// A clip made ready to keep: the file, its name and, for a video, its poster frame.
pub(super) struct Prepared {
    pub file: tempfile::TempPath,
    pub name: String,
    pub poster: Option<(String, Vec<u8>)>,
}

/// Probes an upload and copies what is kept of it beside it, in `scratch`.
pub(super) async fn prepare(
    upload: &Path,
    head: &[u8],
    scratch: &Path,
) -> Result<Prepared, MediaError> {
    let claim = Claim::sniff(head).ok_or(MediaError::NotAClip)?;
    let plan = plan(claim, &probe(upload, claim).await?)?;
    let output = tempfile::Builder::new()
        .prefix("clip-")
        .suffix(&format!(".{}", plan.kind.extension()))
        .tempfile_in(scratch)?
        .into_temp_path();
    copy_streams(upload, &output, &plan, claim).await?;
    // What was written is read again: it must be what was planned.
    let kept = probe(&output, claim).await?;
    let again =
        plan_of_kept(plan.kind, &kept).ok_or(MediaError::ClipUnreadable { what: claim.what() })?;
    let hash = sha256_of(&output).await?;
    let (name, poster) = match again {
        Some(size) => {
            let frame = poster_frame(&output, size, kept.duration()).await?;
            let (width, height) = poster_size(size.0, size.1);
            let name = format!("{hash}_{}x{}.{}", size.0, size.1, plan.kind.extension());
            (name, Some((format!("{hash}_{width}x{height}"), frame)))
        }
        None => (format!("{hash}.{}", plan.kind.extension()), None),
    };
    Ok(Prepared {
        file: output,
        name,
        poster,
    })
}

/// The shown size of a kept file read again (`Some(None)` for sound), if it is still
/// what was planned.
fn plan_of_kept(kind: ClipKind, probe: &Probe) -> Option<Option<(u32, u32)>> {
    let picture = probe.streams.iter().find(|s| s.codec_type == "video");
    match (kind.is_video(), picture) {
        (true, Some(picture)) => picture.shown_size().map(Some),
        (false, None) => Some(None),
        _ => None,
    }
}

/// Checks captions as WebVTT text: UTF-8 (a byte-order mark dropped), starting with
/// `WEBVTT`, within [`MAX_CAPTIONS_BYTES`].
pub(super) fn checked_captions(bytes: &[u8]) -> Result<&[u8], MediaError> {
    if bytes.len() > MAX_CAPTIONS_BYTES {
        return Err(MediaError::NotCaptions);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| MediaError::NotCaptions)?;
    let rest = text.strip_prefix("WEBVTT").ok_or(MediaError::NotCaptions)?;
    let starts_right = rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r']);
    if !starts_right || text.contains('\0') {
        return Err(MediaError::NotCaptions);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn files_are_known_by_their_first_bytes() {
        assert_eq!(Claim::sniff(b"\0\0\0\x20ftypisom\0\0"), Some(Claim::Mp4));
        let mut webm = vec![0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84];
        webm.extend_from_slice(b"webm");
        assert_eq!(Claim::sniff(&webm), Some(Claim::Webm));
        webm.truncate(8);
        webm.extend_from_slice(b"matroska");
        assert_eq!(Claim::sniff(&webm), None, "Matroska is not WebM");
        assert_eq!(Claim::sniff(b"ID3\x04"), Some(Claim::Mp3));
        assert_eq!(Claim::sniff(&[0xFF, 0xFB, 0x90]), Some(Claim::Mp3));
        assert_eq!(Claim::sniff(&[0xFF, 0xF1, 0x50]), Some(Claim::Aac));
        assert_eq!(Claim::sniff(b"OggS\0\x02"), Some(Claim::Ogg));
        for not in [
            &b"<html>"[..],
            b"RIFF\0\0\0\0WAVE",
            b"",
            &[0xFF, 0xD8, 0xFF],
        ] {
            assert_eq!(Claim::sniff(not), None);
        }
    }

    #[test]
    fn a_clip_s_address_says_what_it_is() {
        let video = clip_file(&format!("/media/{HASH}_1920x1080.mp4")).unwrap();
        assert_eq!(video.kind, ClipKind::Mp4Video);
        assert_eq!(video.size, Some((1920, 1080)));
        assert_eq!(
            video.poster.as_deref(),
            Some(format!("/media/{HASH}_1920x1080.jpg").as_str())
        );
        let wide = clip_file(&format!("/media/{HASH}_3840x2160.webm")).unwrap();
        assert_eq!(
            wide.poster.as_deref(),
            Some(format!("/media/{HASH}_2400x1350.jpg").as_str())
        );
        let sound = clip_file(&format!("/media/{HASH}.webm")).unwrap();
        assert_eq!((sound.kind, sound.poster), (ClipKind::WebmAudio, None));
        for not in [
            format!("/media/{HASH}_1x1.jpg"),
            format!("/media/{HASH}.mp4"),
            format!("/media/{HASH}_2x2.mp3"),
            "/media/abc.mp3".to_owned(),
            format!("https://elsewhere.example/{HASH}.mp3"),
        ] {
            assert_eq!(clip_file(&not), None, "{not}");
        }
        assert_eq!(
            served_type(&format!("{HASH}.vtt")),
            Some("text/vtt; charset=utf-8")
        );
        assert!(is_captions(&format!("/media/{HASH}.vtt")));
    }

    fn probed(format: &str, streams: &[(&str, &str)]) -> Probe {
        Probe {
            format: ProbeFormat {
                format_name: format.to_owned(),
                duration: Some("3.0".to_owned()),
            },
            streams: streams
                .iter()
                .enumerate()
                .map(|(index, (kind, codec))| ProbeStream {
                    index: u32::try_from(index).unwrap(),
                    codec_type: (*kind).to_owned(),
                    codec_name: Some((*codec).to_owned()),
                    width: (*kind == "video").then_some(1280),
                    height: (*kind == "video").then_some(720),
                    disposition: Disposition::default(),
                    side_data_list: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn only_what_browsers_play_is_taken() {
        let mp4 = "mov,mp4,m4a,3gp,3g2,mj2";
        let video = plan(
            Claim::Mp4,
            &probed(mp4, &[("data", "bin"), ("video", "h264"), ("audio", "aac")]),
        )
        .unwrap();
        assert_eq!(video.kind, ClipKind::Mp4Video);
        assert_eq!(video.streams, [1, 2], "the data track is left behind");
        assert_eq!(video.size, Some((1280, 720)));
        let sound = plan(Claim::Mp4, &probed(mp4, &[("audio", "aac")])).unwrap();
        assert_eq!(sound.kind, ClipKind::Mp4Audio);
        assert!(matches!(
            plan(Claim::Mp4, &probed(mp4, &[("video", "hevc")])),
            Err(MediaError::UnplayableCodec { .. })
        ));
        assert!(matches!(
            plan(Claim::Webm, &probed(mp4, &[("video", "h264")])),
            Err(MediaError::ClipUnreadable { what: "WebM" })
        ));
        assert!(
            plan(
                Claim::Mp3,
                &probed("mp3", &[("audio", "mp3"), ("video", "mjpeg")])
            )
            .is_ok()
        );
        assert!(
            plan(Claim::Ogg, &probed("ogg", &[])).is_err(),
            "nothing in it"
        );
        let mut turned = probed(mp4, &[("video", "h264")]);
        turned.streams[0].side_data_list.push(SideData {
            rotation: Some(-90.0),
        });
        assert_eq!(plan(Claim::Mp4, &turned).unwrap().size, Some((720, 1280)));
    }

    #[test]
    fn captions_are_webvtt_text() {
        assert!(checked_captions(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello").is_ok());
        assert!(checked_captions(b"\xEF\xBB\xBFWEBVTT - title\n").is_ok());
        for not in [
            &b"WEBVTTX"[..],
            b"1\n00:00:00,000 --> 00:00:01,000\nHi",
            b"WEBVTT\n\xFF",
            b"",
        ] {
            assert!(checked_captions(not).is_err());
        }
    }
}
