//! Video and sound: a file uploaded from the desk or through the API is probed, kept
//! without its metadata (a phone's location among it), given a poster, and served with
//! range requests from the data directory and from the shared record; what only looks
//! like a video, or comes before the form's token, is refused and nothing is kept.

use std::path::{Path, PathBuf};
use std::process::Command;

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, TestApp, TestDatabase, files_below, spawn_app, spawn_on};
use crate::json_api::call;

/// Where a tag written into a test file puts the camera: the Eiffel Tower.
pub const LOCATION: &str = "+48.8584+002.2945/";

/// Makes an MP4 (H.264 and AAC) of `seconds` in `dir` carrying a location, a title and
/// a data stream's worth of tags; `noise` makes it large (random pixels compress badly).
pub fn video_file(dir: &Path, seconds: u32, noise: bool) -> PathBuf {
    let path = dir.join(format!("camera-{seconds}-{noise}.mp4"));
    let picture = if noise {
        format!("nullsrc=size=640x360:rate=25:duration={seconds},geq=random(1)*255:128:128")
    } else {
        format!("testsrc=size=320x240:rate=25:duration={seconds}")
    };
    let made = Command::new("ffmpeg")
        .args([
            "-v", "error", "-f", "lavfi", "-i", &picture, "-f", "lavfi", "-i",
        ])
        .arg(format!("sine=frequency=440:duration={seconds}"))
        .args([
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
        ])
        .args(["-metadata", &format!("location={LOCATION}")])
        .args([
            "-metadata",
            "title=Taken at the tower",
            "-metadata",
            "artist=A. Phone",
        ])
        .arg(&path)
        .output()
        .expect("ffmpeg runs (scripts/test installs it)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    path
}

/// A one-second video, made once for every test that sends one.
pub fn small_video() -> Vec<u8> {
    static VIDEO: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    VIDEO
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::read(video_file(dir.path(), 1, false)).unwrap()
        })
        .clone()
}

/// Makes an MP3 of `seconds` in `dir`, with a title and an artist written into it.
pub fn sound_file(dir: &Path, seconds: u32) -> PathBuf {
    let path = dir.join(format!("recorder-{seconds}.mp3"));
    let made = Command::new("ffmpeg")
        .args(["-v", "error", "-f", "lavfi", "-i"])
        .arg(format!("sine=frequency=220:duration={seconds}"))
        .args([
            "-c:a",
            "libmp3lame",
            "-metadata",
            "title=Recorded at the tower",
        ])
        .args(["-metadata", "artist=A. Phone"])
        .arg(&path)
        .output()
        .expect("ffmpeg runs (scripts/test installs it)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    path
}

/// The tags ffprobe reads in a file, the container's and every stream's, as JSON.
pub fn tags_of(path: &Path) -> String {
    let probed = Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-show_entries",
            "format_tags:stream_tags",
            "-of",
            "json",
        ])
        .arg(path)
        .output()
        .unwrap();
    assert!(probed.status.success());
    String::from_utf8(probed.stdout).unwrap()
}

/// Sends a file to the desk's clip upload, the token first, as the compose page does.
async fn attach(app: &TestApp, field: &str, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let token = app.session_csrf().await;
    let form = Form::new().text("csrf_token", token).part(
        field.to_owned(),
        Part::bytes(bytes).file_name(name.to_owned()),
    );
    let response = app
        .client
        .post(app.url(&format!("/editor/live/{DEMO}/clips")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Asks for `range` of `url`: the status, the headers that matter and the bytes.
async fn fetch_range(
    app: &TestApp,
    url: &str,
    range: Option<&str>,
) -> (StatusCode, [String; 3], Vec<u8>) {
    let mut request = app.client.get(app.url(url));
    if let Some(range) = range {
        request = request.header("range", range);
    }
    let response = request.send().await.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let headers = [
        header("content-range"),
        header("content-type"),
        header("accept-ranges"),
    ];
    (
        response.status(),
        headers,
        response.bytes().await.unwrap().to_vec(),
    )
}

/// Checks that `url` is served whole and by ranges, as `content_type`, and answers what
/// it serves.
pub async fn served_by_ranges(app: &TestApp, url: &str, content_type: &str) -> Vec<u8> {
    let (status, [range, kind, accepts], whole) = fetch_range(app, url, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (range.as_str(), kind.as_str(), accepts.as_str()),
        ("", content_type, "bytes")
    );
    let size = whole.len();
    let (status, [range, ..], first) = fetch_range(app, url, Some("bytes=0-99")).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(range, format!("bytes 0-99/{size}"));
    assert_eq!(first, whole[..100]);
    // A range across the parts the record keeps a file in, and one to the end.
    let (from, to) = (size / 2 - 1000, size / 2 + 1000);
    let (status, [range, ..], middle) =
        fetch_range(app, url, Some(&format!("bytes={from}-{to}"))).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(range, format!("bytes {from}-{to}/{size}"));
    assert_eq!(middle, whole[from..=to]);
    let (status, _, last) = fetch_range(app, url, Some("bytes=-10")).await;
    assert_eq!(
        (status, last.as_slice()),
        (StatusCode::PARTIAL_CONTENT, &whole[size - 10..])
    );
    let (status, [range, ..], _) =
        fetch_range(app, url, Some(&format!("bytes={}-", size + 10))).await;
    assert_eq!(status, StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(range, format!("bytes */{size}"));
    whole
}

#[tokio::test]
async fn a_video_is_kept_without_its_location_and_served_by_ranges() {
    let app = spawn_app().await;
    app.login().await;
    let dir = tempfile::tempdir().unwrap();
    let upload = video_file(dir.path(), 3, false);
    assert!(
        tags_of(&upload).contains(LOCATION),
        "the test file carries a location"
    );

    let (status, kept) = attach(&app, "clip", "camera.mp4", std::fs::read(&upload).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{kept}");
    let url = kept["url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with("/media/") && url.ends_with("_320x240.mp4"),
        "{url}"
    );
    let poster = kept["poster"].as_str().unwrap().to_owned();
    assert!(poster.ends_with("_320x240.jpg"), "{poster}");
    let (status, [_, kind, _], _) = fetch_range(&app, &poster, None).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "image/jpeg"));

    let served = served_by_ranges(&app, &url, "video/mp4").await;
    let copy = dir.path().join("served.mp4");
    std::fs::write(&copy, &served).unwrap();
    let tags = tags_of(&copy);
    for gone in [
        LOCATION,
        "location",
        "Taken at the tower",
        "A. Phone",
        "Lavf",
        "Lavc",
    ] {
        assert!(!tags.contains(gone), "{gone} is gone: {tags}");
    }
    for gone in [&b"loci"[..], b"\xa9xyz", b"x264 - core", b"48.8584"] {
        assert!(!served.windows(gone.len()).any(|w| w == gone), "{gone:?}");
    }
    let decoded = Command::new("ffmpeg")
        .args(["-v", "error", "-i"])
        .arg(&copy)
        .args(["-f", "null", "-"])
        .output()
        .unwrap();
    assert!(decoded.status.success(), "what is served still plays");

    let (status, captions) = attach(
        &app,
        "captions",
        "captions.vtt",
        b"WEBVTT\n\n00:00.000 --> 00:02.000\nThe quay at high tide\n".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{captions}");
    let captions = captions["url"].as_str().unwrap();
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "The quay, filmed from the wall"),
                ("body", "Water over the quay at 08:10."),
                ("clip_url", &url),
                ("clip_captions_url", captions),
                ("clip_caption", "The quay at high tide"),
                ("clip_credit", "Sam Lee"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    let start = html
        .find("<figure class=\"entry-clip\">")
        .expect("the clip");
    let figure = &html[start..start + html[start..].find("</figure>").unwrap()];
    assert!(
        figure.contains(&format!(
            "<video controls preload=\"none\" playsinline src=\"{url}\""
        )),
        "{figure}"
    );
    assert!(figure.contains("poster=\"/media/") && figure.contains("width=\"320\" height=\"240\""));
    assert!(figure.contains(&format!("<track kind=\"captions\" src=\"{captions}\"")));
    assert!(figure.contains("Video source, Sam Lee"));
    let (status, [_, kind, _], _) = fetch_range(&app, captions, None).await;
    assert_eq!(
        (status, kind.as_str()),
        (StatusCode::OK, "text/vtt; charset=utf-8")
    );
}

#[tokio::test]
async fn what_only_looks_like_a_video_is_refused_and_nothing_is_kept() {
    let app = spawn_app().await;
    app.login().await;
    let mut disguised = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41".to_vec();
    disguised.extend_from_slice(b"<html><script>alert(1)</script></html>");
    let (status, refused) = attach(&app, "clip", "not.mp4", disguised).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["field"], "clip");
    assert!(
        refused["error"].as_str().unwrap().contains("MP4"),
        "{refused}"
    );
    let (status, refused) = attach(&app, "clip", "page.html", b"<html>".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    // An MP3's tag, then a playlist naming a file on the server: read as an MP3 only.
    let playlist = b"ID3\x04\0\0\0\0\0\0#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n".to_vec();
    let (status, refused) = attach(&app, "clip", "tune.mp3", playlist).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(
        refused["error"].as_str().unwrap().contains("MP3"),
        "{refused}"
    );
    let (status, refused) = attach(
        &app,
        "captions",
        "subs.srt",
        b"1\n00:00:00,000 --> 00:00:01,000\nHi\n".to_vec(),
    )
    .await;
    assert_eq!(
        (status, refused["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("captions"))
    );

    // A file before the token is refused before a byte of it is written.
    let dir = tempfile::tempdir().unwrap();
    let upload = std::fs::read(video_file(dir.path(), 1, false)).unwrap();
    let token = app.session_csrf().await;
    let form = Form::new()
        .part("clip", Part::bytes(upload).file_name("camera.mp4"))
        .text("csrf_token", token);
    let response = app
        .client
        .post(app.url(&format!("/editor/live/{DEMO}/clips")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let media = app.data_dir.path().join("media");
    for extension in ["mp4", "jpg", "vtt"] {
        assert!(
            files_below(&media, extension).is_empty(),
            "no .{extension} kept"
        );
    }
    let incoming: Vec<_> = std::fs::read_dir(media.join("incoming"))
        .map(|files| files.collect())
        .unwrap_or_default();
    assert!(incoming.is_empty(), "nothing left half-made: {incoming:?}");

    // An entry naming a file that is not one of ours keeps the editor's words.
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "A video from elsewhere"),
                ("body", "Kept as typed."),
                ("clip_url", "https://elsewhere.example/video.mp4"),
                ("clip_caption", "The quay"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Upload the video or sound file here"));
    assert!(page.contains("value=\"A video from elsewhere\""));
    assert!(page.contains("value=\"The quay\""), "the caption kept");
}

#[tokio::test]
async fn clips_sent_through_the_api_are_served_by_ranges_from_the_record() {
    let db = TestDatabase::create().await;
    let app = spawn_on(&db).await;
    let token = stdout(&liveblog(
        &["token", "create", "video-desk", "--database-url", &db.url],
        "",
    ))
    .trim()
    .to_owned();
    let dir = tempfile::tempdir().unwrap();
    // Random pixels: a file of several parts of the record.
    let upload = std::fs::read(video_file(dir.path(), 2, true)).unwrap();
    assert!(upload.len() > 2 * 1024 * 1024, "{} bytes", upload.len());
    let form = Form::new().part("clip", Part::bytes(upload).file_name("camera.mp4"));
    let response = app
        .client
        .post(app.url("/api/v1/clips"))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let kept: Value = response.json().await.unwrap();
    let url = kept["url"].as_str().unwrap().to_owned();
    assert!(url.ends_with("_640x360.mp4"), "{url}");
    let served = served_by_ranges(&app, &url, "video/mp4").await;
    assert!(!served.windows(4).any(|w| w == b"loci"));

    let (status, entry) = call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/live/{DEMO}/entries"),
        Some(&token),
        Some(json!({"title": "Noise", "body": "From the camera.", "clip_url": url, "clip_credit": "Sam Lee"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    assert_eq!(entry["clip_url"], url.as_str());
    assert!(
        entry["html"]
            .as_str()
            .unwrap()
            .contains("<video controls preload=\"none\"")
    );
    let (status, refused) = call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/live/{DEMO}/entries"),
        Some(&token),
        Some(json!({"title": "Words alone", "body": "B", "clip_caption": "No file"})),
    )
    .await;
    assert_eq!(
        (status, refused["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("clip_url")),
        "{refused}"
    );
    drop(app);
    db.drop().await;
}
