//! Every promise one instance makes holds across instances on one PostgreSQL: a
//! correction saved over another is refused whichever instances the two editors are on,
//! one entry is pinned per page, an image uploaded through one is served by the others,
//! and editors see who has an entry open on another.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, Process, TestApp, TestDatabase, free_port, person, spawn_on};
use crate::uploads::{PNG, upload};

/// How many times each race is run: every one must come out right.
const ROUNDS: usize = 10;

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Value,
) -> (StatusCode, Value) {
    let response = app
        .client
        .request(method, app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Waits until `app` shows entry `id` at `version`, as the other instance saved it.
async fn until_at_version(app: &TestApp, id: i64, version: u64) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let response = app.get(&format!("/api/v1/live/{DEMO}/entries/{id}")).await;
        if response.status() == StatusCode::OK {
            let entry: Value = response.json().await.unwrap();
            if entry["version"] == version {
                return entry;
            }
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "entry {id} reaches version {version}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn publish(app: &TestApp, token: &str, title: &str) -> i64 {
    let (status, entry) = call(
        app,
        reqwest::Method::POST,
        &format!("/api/v1/live/{DEMO}/entries"),
        token,
        json!({ "title": title, "body": "As first written." }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    entry["id"].as_i64().unwrap()
}

#[tokio::test]
async fn two_corrections_from_one_version_through_two_instances_one_is_refused_every_time() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    let token = db.token();
    for round in 0..ROUNDS {
        let id = publish(&a, &token, &format!("Round {round}")).await;
        until_at_version(&b, id, 1).await;
        let path = format!("/api/v1/live/{DEMO}/entries/{id}");
        let correction = |from: &str| {
            json!({
                "body": format!("Corrected through {from}."),
                "version": 1,
                "correction": format!("Fixed through {from}."),
            })
        };
        let (on_a, on_b) = tokio::join!(
            call(&a, reqwest::Method::PATCH, &path, &token, correction("A")),
            call(&b, reqwest::Method::PATCH, &path, &token, correction("B")),
        );
        let (accepted, refused, winner) = match (on_a.0, on_b.0) {
            (StatusCode::OK, StatusCode::CONFLICT) => (on_a, on_b, "A"),
            (StatusCode::CONFLICT, StatusCode::OK) => (on_b, on_a, "B"),
            other => panic!("round {round}: one save accepted, one refused, not {other:?}"),
        };
        assert_eq!(accepted.1["version"], 2);
        assert_eq!(refused.1["field"], "version", "{}", refused.1);
        assert_eq!(
            refused.1["current"]["body"],
            format!("Corrected through {winner}."),
            "the refused editor is shown the version that was saved: {}",
            refused.1
        );
        assert_eq!(refused.1["current"]["version"], 2);
        for app in [&a, &b] {
            let entry = until_at_version(app, id, 2).await;
            assert_eq!(entry["body"], format!("Corrected through {winner}."));
            let notes = entry["corrections"].as_array().unwrap();
            assert_eq!(notes.len(), 1, "one correction note, the winner's: {entry}");
            assert_eq!(notes[0]["note"], format!("Fixed through {winner}."));
        }
    }
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn corrections_without_a_version_through_two_instances_are_both_kept() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    let token = db.token();
    for round in 0..ROUNDS {
        let id = publish(&a, &token, &format!("Round {round}")).await;
        until_at_version(&b, id, 1).await;
        let path = format!("/api/v1/live/{DEMO}/entries/{id}");
        let (on_a, on_b) = tokio::join!(
            call(
                &a,
                reqwest::Method::PATCH,
                &path,
                &token,
                json!({ "title": "A new headline" })
            ),
            call(
                &b,
                reqwest::Method::PATCH,
                &path,
                &token,
                json!({ "body": "A new body." })
            ),
        );
        assert_eq!(
            (on_a.0, on_b.0),
            (StatusCode::OK, StatusCode::OK),
            "{on_a:?} {on_b:?}"
        );
        for app in [&a, &b] {
            let entry = until_at_version(app, id, 3).await;
            assert_eq!(
                (entry["title"].as_str(), entry["body"].as_str()),
                (Some("A new headline"), Some("A new body.")),
                "round {round}: neither change is lost"
            );
        }
    }
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

/// Which entries the database holds as pinned on the demo page.
async fn pinned_in_the_record(db: &TestDatabase) -> Vec<i64> {
    use sqlx::{Connection, Row};
    let mut connection = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let rows = sqlx::query("SELECT id FROM entries WHERE pinned = 1 ORDER BY id")
        .fetch_all(&mut connection)
        .await
        .unwrap();
    connection.close().await.unwrap();
    rows.iter().map(|row| row.get::<i64, _>("id")).collect()
}

#[tokio::test]
async fn two_entries_pinned_at_once_through_two_instances_leave_one_pinned() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    let token = db.token();
    for round in 0..ROUNDS {
        let first = publish(&a, &token, &format!("First of round {round}")).await;
        let second = publish(&a, &token, &format!("Second of round {round}")).await;
        until_at_version(&b, second, 1).await;
        let pin = json!({ "pinned": true });
        let (first_path, second_path) = (
            format!("/api/v1/live/{DEMO}/entries/{first}"),
            format!("/api/v1/live/{DEMO}/entries/{second}"),
        );
        let (on_a, on_b) = tokio::join!(
            call(&a, reqwest::Method::PATCH, &first_path, &token, pin.clone()),
            call(
                &b,
                reqwest::Method::PATCH,
                &second_path,
                &token,
                pin.clone()
            ),
        );
        assert_eq!(
            (on_a.0, on_b.0),
            (StatusCode::OK, StatusCode::OK),
            "{on_a:?} {on_b:?}"
        );
        let pinned = pinned_in_the_record(&db).await;
        assert_eq!(
            pinned.len(),
            1,
            "round {round}: one pinned entry, not {pinned:?}"
        );
        // Both instances come to show the same one pinned.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        for app in [&a, &b] {
            loop {
                let (_, page) = app.get_html(&format!("/api/v1/live/{DEMO}")).await;
                let page: Value = serde_json::from_str(&page).unwrap();
                if page["pinned"]["id"] == pinned[0] {
                    break;
                }
                assert!(tokio::time::Instant::now() < deadline, "{}", page["pinned"]);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

/// The address of the first image the live page on `app` shows, once it shows one.
async fn image_shown_by(app: &TestApp) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
        if let Some(at) = page.find("<img src=\"/media/") {
            return page[at + 10..].split('"').next().unwrap().to_owned();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the page shows the image"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_image_uploaded_through_one_instance_is_served_by_another() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    a.login().await;
    let fields = [
        ("title", "A picture through A"),
        ("body", "See above."),
        ("image_alt", "A single pixel"),
    ];
    let response = upload(&a, &fields, "pixel.png", PNG.to_vec()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let src = image_shown_by(&b).await;
    let on_a = a.get(&src).await;
    let on_b = b.get(&src).await;
    assert_eq!(
        (on_a.status(), on_b.status()),
        (StatusCode::OK, StatusCode::OK)
    );
    assert_eq!(on_b.headers()["content-type"], "image/png");
    assert!(
        on_b.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(on_a.bytes().await.unwrap(), on_b.bytes().await.unwrap());
    assert!(
        !a.data_dir.path().join("media").exists(),
        "kept in PostgreSQL, not in A's data directory"
    );
    assert_eq!(
        b.get("/media/../liveblog.db").await.status(),
        StatusCode::NOT_FOUND
    );
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn an_editor_sees_who_has_an_entry_open_on_another_instance() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    a.login().await;
    let kim = person(&a, "kim", "editor").await;
    let kim_on_b = b.with_client(kim.client.clone());
    let form = format!("/editor/live/{DEMO}/entries/1");
    let (status, _) = a.get_html(&form).await;
    assert_eq!(status, StatusCode::OK);
    let (status, page) = kim_on_b.get_html(&form).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("admin also has this entry open for correcting."),
        "{page}"
    );
    let (_, page) = a.get_html(&form).await;
    assert!(page.contains("kim also has this entry open for correcting."));
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

/// An S3-compatible object store on 127.0.0.1: moto's server, which `scripts/test`
/// installs in `target/moto`.
struct ObjectStore {
    child: std::process::Child,
    url: String,
}

impl Drop for ObjectStore {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ObjectStore {
    async fn start() -> ObjectStore {
        let port = free_port();
        let moto = std::env::var("LIVEBLOG_TEST_MOTO").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/target/moto/bin/moto_server").to_owned()
        });
        let child = std::process::Command::new(&moto)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{moto}: {e} (scripts/test installs moto)"));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while reqwest::get(&url).await.is_err() {
            assert!(tokio::time::Instant::now() < deadline, "moto answers");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        ObjectStore { child, url }
    }

    async fn make_bucket(&self, bucket: &str) {
        let response = reqwest::Client::new()
            .put(format!("{}/{bucket}", self.url))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{}", response.status());
    }

    /// The keys in `bucket`, as its listing gives them.
    async fn keys(&self, bucket: &str) -> String {
        reqwest::get(format!("{}/{bucket}?list-type=2", self.url))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

/// A liveblog process of its own, its images in the object store at `media_url`.
fn instance_with_objects(
    db: &TestDatabase,
    objects: &ObjectStore,
    media_url: &str,
) -> (Process, TestApp) {
    let data_dir = tempfile::tempdir().unwrap();
    Process::serve(
        &[
            "--database-url".as_ref(),
            db.url.as_ref(),
            "--data-dir".as_ref(),
            data_dir.path().as_os_str(),
            "--media-url".as_ref(),
            media_url.as_ref(),
        ],
        &[
            ("AWS_ENDPOINT", &objects.url),
            ("AWS_ALLOW_HTTP", "true"),
            ("AWS_ACCESS_KEY_ID", "test"),
            ("AWS_SECRET_ACCESS_KEY", "test"),
            ("AWS_REGION", "us-east-1"),
        ],
    )
}

#[tokio::test]
async fn with_an_object_store_an_image_uploaded_through_one_instance_is_served_by_another() {
    let db = TestDatabase::create().await;
    let objects = ObjectStore::start().await;
    objects.make_bucket("newsroom-media").await;
    let media_url = "s3://newsroom-media/live";
    let (_a_process, a) = instance_with_objects(&db, &objects, media_url);
    let (_b_process, b) = instance_with_objects(&db, &objects, media_url);
    a.login().await;
    let fields = [
        ("title", "A picture kept in the object store"),
        ("body", "See above."),
        ("image_alt", "A pixel"),
    ];
    let response = upload(&a, &fields, "pixel.png", PNG.to_vec()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let src = image_shown_by(&b).await;
    let on_b = b.get(&src).await;
    assert_eq!(on_b.status(), StatusCode::OK);
    assert_eq!(on_b.headers()["content-type"], "image/png");
    assert!(on_b.bytes().await.unwrap().starts_with(b"\x89PNG"));
    let name = src.strip_prefix("/media/").unwrap();
    let keys = objects.keys("newsroom-media").await;
    assert!(keys.contains(&format!("<Key>live/{name}</Key>")), "{keys}");
    assert_eq!(
        b.get(&src.replace(".png", "-480.png")).await.status(),
        StatusCode::NOT_FOUND,
        "an image not kept is not found"
    );
    db.drop().await;
}

/// Sends a file to `POST /api/v1/clips` and answers the kept address.
async fn send_clip(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> String {
    let form = reqwest::multipart::Form::new().part(
        "clip",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    let response = app
        .client
        .post(app.url("/api/v1/clips"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "{name}");
    let kept: Value = response.json().await.unwrap();
    kept["url"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn with_an_object_store_video_and_sound_sent_to_one_instance_are_served_by_ranges_from_another()
 {
    let db = TestDatabase::create().await;
    let objects = ObjectStore::start().await;
    objects.make_bucket("newsroom-media").await;
    let media_url = "s3://newsroom-media/live";
    let (_a_process, a) = instance_with_objects(&db, &objects, media_url);
    let (_b_process, b) = instance_with_objects(&db, &objects, media_url);
    let token = stdout(&liveblog(
        &["token", "create", "video-desk", "--database-url", &db.url],
        "",
    ))
    .trim()
    .to_owned();
    let dir = tempfile::tempdir().unwrap();
    let video = send_clip(
        &a,
        &token,
        "camera.mp4",
        std::fs::read(crate::clips::video_file(dir.path(), 2, true)).unwrap(),
    )
    .await;
    let served = crate::clips::served_by_ranges(&b, &video, "video/mp4").await;
    assert!(!served.windows(4).any(|w| w == b"loci"), "no location");
    let sound = send_clip(
        &a,
        &token,
        "recorder.mp3",
        std::fs::read(crate::clips::sound_file(dir.path(), 3)).unwrap(),
    )
    .await;
    assert!(sound.ends_with(".mp3") && !sound.contains('_'), "{sound}");
    let served = crate::clips::served_by_ranges(&b, &sound, "audio/mpeg").await;
    let copy = dir.path().join("served.mp3");
    std::fs::write(&copy, &served).unwrap();
    let tags = crate::clips::tags_of(&copy);
    assert!(
        !tags.contains("Recorded at the tower") && !tags.contains("A. Phone"),
        "{tags}"
    );
    let keys = objects.keys("newsroom-media").await;
    for url in [&video, &sound] {
        let name = url.strip_prefix("/media/").unwrap();
        assert!(keys.contains(&format!("<Key>live/{name}</Key>")), "{keys}");
    }
    db.drop().await;
}
