//! Years of ended pages: listed from the store, read from it when asked for, and kept
//! in memory only within `--ended-pages-mb`.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Process, TestApp, spawn_app_with};
use crate::json_api::{call, new_token};

/// What a reader and a feed reader are answered at each of `paths`.
async fn answers(app: &TestApp, paths: &[String]) -> Vec<(String, StatusCode, String)> {
    let mut answers = Vec::new();
    for path in paths {
        let response = app.get(path).await;
        let status = response.status();
        answers.push((path.clone(), status, response.text().await.unwrap()));
    }
    answers
}

/// Opens page `slug` with `count` entries, some of them key events, one corrected and
/// one pinned, and ends it; gives the entries' ids.
async fn ended_page(app: &TestApp, token: &str, slug: &str, count: usize) -> Vec<u64> {
    let (status, _) = call(
        app,
        Method::POST,
        "/api/v1/live",
        Some(token),
        Some(json!({ "title": format!("Story {slug}"), "slug": slug })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let mut ids = Vec::new();
    for n in 0..count {
        let (status, entry) = call(
            app,
            Method::POST,
            &format!("/api/v1/live/{slug}/entries"),
            Some(token),
            Some(json!({
                "title": format!("Update {n}"),
                "body": format!("What was seen at **{n}** o'clock."),
                "key_event": n % 7 == 0,
            })),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{entry}");
        ids.push(entry["id"].as_u64().unwrap());
    }
    let path = format!("/api/v1/live/{slug}/entries/{}", ids[3]);
    let (status, _) = call(
        app,
        Method::PATCH,
        &path,
        Some(token),
        Some(json!({ "body": "Corrected: it was seen at three.", "correction": "The time was wrong." })),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(
        app,
        Method::PATCH,
        &format!("/api/v1/live/{slug}/entries/{}", ids[5]),
        Some(token),
        Some(json!({ "pinned": true })),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let close = format!("/api/v1/live/{slug}/close");
    let (status, _) = call(app, Method::POST, &close, Some(token), None).await;
    assert_eq!(status, StatusCode::OK);
    ids
}

/// The addresses a reader, a feed and the API have for an ended page.
fn paths_of(slug: &str, ids: &[u64]) -> Vec<String> {
    let mut paths: Vec<String> = ["", "?page=2", "?page=3", "?key-events", "/feed.atom"]
        .iter()
        .map(|tail| format!("/live/{slug}{tail}"))
        .collect();
    for id in [ids[0], ids[3], ids[5], ids[ids.len() - 1]] {
        paths.push(format!("/live/{slug}/entries/{id}"));
    }
    paths.push(format!("/api/v1/live/{slug}"));
    paths.push(format!("/api/v1/live/{slug}/entries/{}", ids[3]));
    paths
}

fn metric(metrics: &str, name: &str) -> u64 {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{name} ")))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or_else(|| panic!("{name} in /metrics"))
}

#[tokio::test]
async fn an_ended_page_read_from_the_store_is_served_exactly_as_it_was_from_memory() {
    // No room for ended pages: each is let go as soon as another is read.
    let app = spawn_app_with(|settings| {
        settings.ended_pages_mb = 0;
        settings.public_url = Some("https://live.example.org".into());
    })
    .await;
    let token = new_token(&app, "desk");
    let storm = ended_page(&app, &token, "storm", 45).await;
    let flood = ended_page(&app, &token, "flood", 50).await;
    let storm_paths = paths_of("storm", &storm);
    let flood_paths = paths_of("flood", &flood);
    let before = (
        answers(&app, &storm_paths).await,
        answers(&app, &flood_paths).await,
    );
    for (path, status, _) in before.0.iter().chain(&before.1) {
        assert_eq!(*status, StatusCode::OK, "{path}");
    }

    // Started again, the server has neither page in memory: each is read from the
    // store when asked for, and read again after the other took its place.
    let app = app.restart().await;
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert_eq!(metric(&metrics, "liveblog_ended_pages_in_memory"), 0);
    for _ in 0..2 {
        let after = (
            answers(&app, &storm_paths).await,
            answers(&app, &flood_paths).await,
        );
        for (was, is) in before
            .0
            .iter()
            .zip(&after.0)
            .chain(before.1.iter().zip(&after.1))
        {
            assert_eq!(was, is, "{} as from memory", was.0);
        }
    }
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert_eq!(metric(&metrics, "liveblog_ended_pages_in_memory"), 1);

    // Both are listed, with their figures, without being read.
    let (_, index) = app.get_html("/").await;
    assert!(index.contains("45 updates"), "{index}");
    assert!(index.contains("50 updates"), "{index}");

    // An editor's correction reaches an ended page not in memory, and the next reader.
    let path = format!("/api/v1/live/storm/entries/{}", storm[10]);
    let (status, _) = call(
        &app,
        Method::PATCH,
        &path,
        Some(&token),
        Some(json!({ "body": "Seen again at ten.", "correction": "More was learned." })),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, flood_page) = app.get_html("/live/flood").await;
    assert!(flood_page.contains("Update 49"));
    let (_, storm_page) = app
        .get_html(&format!("/live/storm/entries/{}", storm[10]))
        .await;
    assert!(storm_page.contains("Seen again at ten."));

    // Reopened, it takes new entries at once.
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/live/flood/reopen",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(
        &app,
        Method::POST,
        "/api/v1/live/flood/entries",
        Some(&token),
        Some(json!({ "title": "Waters rise again", "body": "At the bridge." })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, flood_page) = app.get_html("/live/flood").await;
    assert!(flood_page.contains("Waters rise again"));
}

/// A store of `ended` pages of 20 entries of about 1 KB, written straight into its
/// tables, and one live page.
async fn archive(ended: usize) -> tempfile::TempDir {
    use sqlx::Connection;
    let data_dir = tempfile::tempdir().unwrap();
    let dir = data_dir.path().to_str().unwrap();
    let made = crate::commands::liveblog(&["user", "list", "--data-dir", dir], "");
    assert!(made.status.success());
    let file = data_dir.path().join(liveblog::store::SQLITE_FILE);
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    let pages = ended + 1;
    let fill = format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {pages}) \
         INSERT INTO blogs (id, slug, title, description, summary, time_zone, status, created_at, \
         last_seq, reading_order, embed_origins, language) \
         SELECT i, 'page-' || i, 'Story ' || i, '', '[]', 'Europe/London', \
         CASE WHEN i = 1 THEN 'live' ELSE 'closed' END, '2025-01-01T00:00:00.000000Z', 20, \
         'newest', '', 'en-GB' FROM n; \
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {entries}) \
         INSERT INTO entries (id, blog_id, title, body, key_event, pinned, published_at, created_by, version) \
         SELECT i, 1 + (i - 1) / 20, 'Entry ' || i, printf('%.1000c', 'x'), 0, 0, \
         '2025-01-01T00:00:00.000000Z', 'archive', 1 FROM n;",
        entries = pages * 20,
    );
    sqlx::raw_sql(sqlx::AssertSqlSafe(fill))
        .execute(&mut db)
        .await
        .unwrap();
    db.close().await.unwrap();
    data_dir
}

/// The resident memory of a process, in KiB.
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// Starts the server on `data_dir`; its resident memory once it answers, and how long
/// that took.
async fn started(data_dir: &tempfile::TempDir) -> (Process, TestApp, u64, Duration) {
    let begun = Instant::now();
    let (process, app) = Process::serve(&["--data-dir".as_ref(), data_dir.path().as_os_str()], &[]);
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    let took = begun.elapsed();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let resident = resident_kib(process.0.id());
    (process, app, resident, took)
}

#[tokio::test]
async fn ten_times_the_ended_pages_start_in_the_same_memory() {
    let (small, large) = (archive(300).await, archive(3_000).await);
    let (_small_server, small_app, small_kib, small_took) = started(&small).await;
    let (_large_server, large_app, large_kib, large_took) = started(&large).await;
    eprintln!(
        "300 ended pages: {small_kib} KiB resident, up in {small_took:?}; \
         3,000: {large_kib} KiB, {large_took:?}"
    );
    // 54,000 entries more. Held in memory they took about 8 KB each (430 MB); listed,
    // an ended page takes some hundreds of bytes.
    assert!(
        large_kib < small_kib + 12 * 1024,
        "3,000 ended pages: {large_kib} KiB; 300: {small_kib} KiB"
    );
    // Every page is listed, and an ended one is read when asked for.
    for (app, count) in [(&small_app, 301), (&large_app, 3_001)] {
        let listed: serde_json::Value = app.get("/api/v1/live").await.json().await.unwrap();
        assert_eq!(listed["page_count"], (count as u64).div_ceil(100));
        let (status, page) = app.get_html("/live/page-250").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(crate::helpers::stream_articles(&page).len(), 20);
    }
}

#[tokio::test]
async fn a_change_to_an_ended_page_let_go_meanwhile_still_reaches_its_readers() {
    // No room for ended pages: reading one lets go of the other, at any moment.
    let app = spawn_app_with(|settings| settings.ended_pages_mb = 0).await;
    let token = new_token(&app, "desk");
    let storm = ended_page(&app, &token, "storm", 10).await;
    ended_page(&app, &token, "flood", 10).await;
    let mut reader = app.events("storm", None).await;

    // Readers of the other page, all along.
    let readers = app.clone_handle();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reading = tokio::spawn({
        let done = std::sync::Arc::clone(&done);
        async move {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                assert_eq!(readers.get("/live/flood").await.status(), StatusCode::OK);
                reads += 1;
            }
            reads
        }
    });
    // Each correction reaches the open reader: as itself, or, when the page had been
    // let go just then, as a reset, on which a browser reads the page again and opens
    // a new stream.
    const CORRECTIONS: usize = 40;
    let mut resets = 0;
    for n in 0..CORRECTIONS {
        let path = format!("/api/v1/live/storm/entries/{}", storm[n % 10]);
        let (status, _) = call(
            &app,
            Method::PATCH,
            &path,
            Some(&token),
            Some(json!({ "body": format!("Told again, {n}.") })),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let told = reader.next_within(Duration::from_secs(5)).await;
        match told.as_ref().map(|event| event.event.as_str()) {
            Some("entry-updated") => {}
            Some("reset") => {
                resets += 1;
                reader = app.events("storm", None).await;
            }
            _ => panic!("correction {n} reached no reader: {told:?}"),
        }
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let reads = reading.await.unwrap();
    eprintln!(
        "{CORRECTIONS} corrections, {resets} told as a reset, {reads} reads of the other page"
    );
    let path = format!("/live/storm/entries/{}", storm[(CORRECTIONS - 1) % 10]);
    let (_, page) = app.get_html(&path).await;
    assert!(page.contains(&format!("Told again, {}.", CORRECTIONS - 1)));
}
