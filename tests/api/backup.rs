//! `liveblog backup` and `restore`: a backup taken while entries pour in is one point
//! in time of the whole record, uploads included, and comes back whole into an empty
//! store, on SQLite and on PostgreSQL.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, TestApp, TestDatabase, spawn_app_with, spawn_on};
use crate::json_api::new_token;
use crate::uploads::PNG;

/// Keeps an image through the API and publishes an entry with it; returns its address.
async fn entry_with_image(app: &TestApp, token: &str) -> String {
    let (status, kept) = crate::cms::send_image(app, token, PNG.to_vec()).await;
    assert_eq!(status, StatusCode::CREATED);
    let url = kept["url"].as_str().unwrap().to_owned();
    let body = json!({ "title": "The flood map", "body": "See the map.", "image_url": url, "image_alt": "A map" });
    let posted = (app
        .client
        .post(app.url(&format!("/api/v1/live/{DEMO}/entries"))))
    .bearer_auth(token)
    .json(&body)
    .send()
    .await
    .unwrap();
    assert_eq!(posted.status(), StatusCode::CREATED);
    url
}

/// Posts entries until `stop`, as a wire feed would; returns how many were acknowledged.
fn pour(app: &TestApp, token: &str, stop: Arc<AtomicBool>) -> tokio::task::JoinHandle<usize> {
    let (app, token) = (app.clone_handle(), token.to_owned());
    tokio::spawn(async move {
        let mut n = 0;
        while !stop.load(Ordering::Relaxed) {
            let body = json!({ "title": format!("Gauge reading {n}"), "body": "Rising." });
            let response = (app
                .client
                .post(app.url(&format!("/api/v1/live/{DEMO}/entries"))))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
            assert_eq!(response.status(), StatusCode::CREATED);
            n += 1;
        }
        n
    })
}

fn run(args: &[&str]) -> std::process::Output {
    let done = liveblog(args, "");
    assert!(
        done.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    done
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

/// The entries of the demo page through the API, `(id, title)`, every stream page and
/// the pinned one.
async fn entries(app: &TestApp) -> BTreeSet<(i64, String)> {
    let mut found = BTreeSet::new();
    for number in 1.. {
        let page = app.get(&format!("/api/v1/live/{DEMO}?page={number}")).await;
        if page.status() == StatusCode::NOT_FOUND {
            break;
        }
        let page: Value = page.json().await.unwrap();
        let pinned = page["pinned"].as_object().map(|_| &page["pinned"]);
        for entry in page["entries"].as_array().unwrap().iter().chain(pinned) {
            found.insert((
                entry["id"].as_i64().unwrap(),
                entry["title"].as_str().unwrap().to_owned(),
            ));
        }
    }
    found
}

/// The demo page's last event id, as the API gives it.
pub(crate) async fn last_event_id(app: &TestApp) -> u64 {
    let page: Value = app
        .get(&format!("/api/v1/live/{DEMO}"))
        .await
        .json()
        .await
        .unwrap();
    page["last_event_id"].as_u64().unwrap()
}

/// What a restored store must be: one point in time of the original. Every entry it
/// has, the original has; every entry the original had up to its newest, it has; its
/// stream is where its change log ends; its upload is served; it goes on numbering
/// after the highest restored.
async fn check_restored(original: &TestApp, restored: &TestApp, image: &str, token: &str) {
    let before = entries(original).await;
    let after = entries(restored).await;
    let newest = after.iter().map(|(id, _)| *id).max().unwrap();
    let up_to: BTreeSet<_> = before
        .iter()
        .filter(|(id, _)| *id <= newest)
        .cloned()
        .collect();
    assert_eq!(
        after, up_to,
        "the original's entries up to one point, no more, no fewer"
    );
    assert!(
        after.len() < before.len(),
        "taken while entries were still coming"
    );
    // Every change logged is in the restored log: readers resume from it.
    let changes = after.len() as u64;
    assert_eq!(
        last_event_id(restored).await,
        changes,
        "one change per entry, all there"
    );

    let served = restored.get(image).await;
    assert_eq!(served.status(), StatusCode::OK, "{image}");
    let kept = original.get(image).await.bytes().await.unwrap();
    assert_eq!(
        served.bytes().await.unwrap(),
        kept,
        "the upload as it was kept"
    );
    restored.login().await;
    let posted = (restored
        .client
        .post(restored.url(&format!("/api/v1/live/{DEMO}/entries"))))
    .bearer_auth(token)
    .json(&json!({ "title": "After the restore", "body": "Back." }))
    .send()
    .await
    .unwrap();
    assert_eq!(
        posted.status(),
        StatusCode::CREATED,
        "the token came back too"
    );
    let id = posted.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(id, newest + 1);
}

/// An entry with an image, then `liveblog backup` into a new folder (with `store`, the
/// command's flags for the store) while entries pour in through `app`. Returns the
/// image's address, and the folder holding the backup.
async fn backed_up_while_pouring(
    app: &TestApp,
    token: &str,
    store: Vec<String>,
) -> (String, tempfile::TempDir, std::path::PathBuf) {
    let image = entry_with_image(app, token).await;
    let stop = Arc::new(AtomicBool::new(false));
    let writer = pour(app, token, Arc::clone(&stop));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let folder = tempfile::tempdir().unwrap();
    let dest = folder.path().join("nightly");
    let mut args = vec!["backup".to_owned(), path(&dest).to_owned()];
    args.extend(store);
    let done = tokio::task::spawn_blocking(move || {
        run(&args.iter().map(String::as_str).collect::<Vec<_>>())
    })
    .await
    .unwrap();
    let said = String::from_utf8_lossy(&done.stderr).into_owned();
    assert!(said.contains("backed up"), "{said}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    assert!(writer.await.unwrap() > 0);
    (image, folder, dest)
}

#[tokio::test]
async fn a_backup_taken_as_entries_pour_in_restores_one_point_in_time_with_its_uploads() {
    let original = spawn_app_with(|_| {}).await;
    let token = new_token(&original, "wire");
    let from = original.data_dir.path().to_owned();
    let store = vec!["--data-dir".to_owned(), path(&from).to_owned()];
    let (image, _folder, dest) = backed_up_while_pouring(&original, &token, store).await;
    let files = std::fs::read_dir(dest.join("media")).unwrap().count();
    assert!(files > 0, "the uploads are in the backup");

    let into = tempfile::tempdir().unwrap();
    run(&["restore", path(&dest), "--data-dir", path(into.path())]);
    let restored_dir = into.path().to_owned();
    let restored = spawn_app_with(move |settings| settings.store.data_dir = restored_dir).await;
    check_restored(&original, &restored, &image, &token).await;

    // Never over a store that holds something, nor into a folder in use, nor from a
    // backup cut off.
    let again = liveblog(
        &["restore", path(&dest), "--data-dir", path(into.path())],
        "",
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("restore into an empty one"));
    let over = liveblog(&["backup", path(&dest), "--data-dir", path(&from)], "");
    assert!(String::from_utf8_lossy(&over.stderr).contains("is not empty"));
    std::fs::remove_file(dest.join("record.jsonl")).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let cut = liveblog(
        &["restore", path(&dest), "--data-dir", path(empty.path())],
        "",
    );
    assert!(String::from_utf8_lossy(&cut.stderr).contains("is no finished backup"));
}

#[tokio::test]
async fn on_postgresql_a_backup_restores_into_another_database_with_its_uploads() {
    let db = TestDatabase::create().await;
    let mut original = spawn_on(&db).await;
    let token = db.token();
    let store = ["--database-url", &db.url, "--data-dir", "/nonexistent"];
    let store = store.map(str::to_owned).to_vec();
    let (image, _folder, dest) = backed_up_while_pouring(&original, &token, store).await;
    assert!(
        !dest.join("media").exists(),
        "on PostgreSQL the uploads are rows"
    );

    let other = TestDatabase::create().await;
    run(&[
        "restore",
        path(&dest),
        "--database-url",
        &other.url,
        "--data-dir",
        "/nonexistent",
    ]);
    let mut restored = spawn_on(&other).await;
    check_restored(&original, &restored, &image, &token).await;
    let printed = stdout(&liveblog(
        &["user", "list", "--database-url", &other.url],
        "",
    ));
    assert!(printed.contains("admin"), "{printed}");

    original.stop().await;
    restored.stop().await;
    db.drop().await;
    other.drop().await;
}
