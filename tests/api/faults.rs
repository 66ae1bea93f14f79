//! The store after a fault: a volume that fills up refuses writes clearly while it is
//! full, says so on `/healthz`, and writes again by itself once there is room, with
//! every entry it acknowledged kept; a PostgreSQL whose connections are cut is written
//! to again as soon as it can be reached.
//!
//! Each server runs as a process of its own: what it notes of the failures it meets
//! is its own, not that of the servers other tests start in this one.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::commands::{liveblog, stdout};
use crate::helpers::{ADMIN_PASSWORD, DEMO, Process, TestApp};

/// A tmpfs of `size` mounted on `at` for the test, taken away when it ends.
struct Volume(std::path::PathBuf);

impl Volume {
    fn mount(at: &Path, size: &str) -> Volume {
        let done = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .expect("mount runs");
        assert!(done.success(), "this test mounts a small tmpfs, as root");
        Volume(at.to_owned())
    }

    fn resize(&self, size: &str) {
        let done = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.0)
            .status()
            .expect("mount runs");
        assert!(done.success());
    }
}

impl Drop for Volume {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

async fn post(app: &TestApp, token: &str, n: usize) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/api/v1/live/{DEMO}/entries")))
        .bearer_auth(token)
        .json(&json!({ "title": format!("Reading {n}"), "body": "River level. ".repeat(250) }))
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn health(app: &TestApp) -> (StatusCode, String) {
    let response = app.get("/healthz").await;
    (response.status(), response.text().await.unwrap())
}

/// Asks `/healthz` until it answers `status`, for a few seconds.
async fn until_health(app: &TestApp, status: StatusCode) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let (now, text) = health(app).await;
        if now == status {
            return text;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "/healthz: {now} {text}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_full_volume_refuses_writes_clearly_and_writes_again_once_there_is_room() {
    let mount = tempfile::tempdir().unwrap();
    let volume = Volume::mount(mount.path(), "8m");
    let data_dir = mount.path().join("data");
    let dir = data_dir.to_str().unwrap().to_owned();
    let token = stdout(&liveblog(
        &["token", "create", "wire", "--data-dir", &dir],
        "",
    ));
    let token = token.trim().to_owned();
    let serve = || Process::serve(&["--data-dir".as_ref(), data_dir.as_os_str()], &[]);
    let (server, app) = serve();
    assert_eq!(health(&app).await, (StatusCode::OK, "ok".to_owned()));

    let mut acknowledged = Vec::new();
    let refused = loop {
        let (status, body) = post(&app, &token, acknowledged.len()).await;
        if status != StatusCode::CREATED {
            break (status, body);
        }
        acknowledged.push(body["id"].as_i64().unwrap());
        assert!(acknowledged.len() < 5000, "the volume never filled");
    };
    assert!(acknowledged.len() > 50, "{} written", acknowledged.len());
    assert_eq!(refused.0, StatusCode::SERVICE_UNAVAILABLE, "{}", refused.1);
    assert_eq!(
        refused.1["error"],
        "the newsroom cannot save changes just now; try again"
    );
    let said = until_health(&app, StatusCode::SERVICE_UNAVAILABLE).await;
    assert!(said.starts_with("cannot write: "), "{said}");
    // Refused clearly while it lasts (a write may squeeze into room freed meanwhile).
    for n in 0..5 {
        let (status, body) = post(&app, &token, 10_000 + n).await;
        match status {
            StatusCode::CREATED => acknowledged.push(body["id"].as_i64().unwrap()),
            refused => assert_eq!(refused, StatusCode::SERVICE_UNAVAILABLE, "{body}"),
        }
    }
    // Signing in cannot be done while nothing can be written; no try is counted for it.
    for _ in 0..8 {
        let status = app.login_with("admin", ADMIN_PASSWORD).await.status();
        assert_ne!(status, StatusCode::TOO_MANY_REQUESTS);
    }
    let metrics = app.get("/metrics").await.text().await.unwrap();
    let failures = metrics
        .lines()
        .find_map(|line| line.strip_prefix("liveblog_store_failures_total "))
        .and_then(|n| n.parse::<u64>().ok());
    assert!(failures.is_some_and(|n| n > 0), "counted: {failures:?}");

    // Room again: the next writes go through by themselves, with no restart, and the
    // token that was sent all along is still taken.
    volume.resize("64m");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = post(&app, &token, 20_000 + acknowledged.len()).await;
        if status == StatusCode::CREATED {
            acknowledged.push(body["id"].as_i64().unwrap());
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{status} {body}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for n in 0..20 {
        let (status, body) = post(&app, &token, 30_000 + n).await;
        assert_eq!(
            status,
            StatusCode::CREATED,
            "every write, not one in four: {body}"
        );
        acknowledged.push(body["id"].as_i64().unwrap());
    }
    assert_eq!(until_health(&app, StatusCode::OK).await, "ok");
    app.login().await;

    // Every entry acknowledged is in the store, read back after the server is killed
    // and started again.
    drop(server);
    let (server, app) = serve();
    for id in &acknowledged {
        let response = app.get(&format!("/api/v1/live/{DEMO}/entries/{id}")).await;
        assert_eq!(response.status(), StatusCode::OK, "entry {id}");
    }
    drop(server);
    drop(volume);
}

#[tokio::test]
async fn on_postgresql_writes_go_on_by_themselves_after_every_connection_is_cut() {
    let db = crate::helpers::TestDatabase::create().await;
    let data_dir = tempfile::tempdir().unwrap();
    let (server, app) = Process::serve(
        &[
            "--database-url".as_ref(),
            db.url.as_ref(),
            "--data-dir".as_ref(),
            data_dir.path().as_os_str(),
        ],
        &[],
    );
    let token = db.token();
    let (status, _) = post(&app, &token, 0).await;
    assert_eq!(status, StatusCode::CREATED);

    // Every connection the server holds is cut, as when the database restarts.
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let cut: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .fetch_all(&mut admin)
    .await
    .unwrap();
    assert!(!cut.is_empty(), "the server had connections to cut");
    admin.close().await.unwrap();

    // A write may be refused clearly while it lasts; they go through again unaided.
    let mut acknowledged = 1;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    loop {
        let (status, body) = post(&app, &token, acknowledged).await;
        match status {
            StatusCode::CREATED => break,
            StatusCode::SERVICE_UNAVAILABLE => {}
            other => panic!("{other} {body}"),
        }
        assert!(tokio::time::Instant::now() < deadline, "{status} {body}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    acknowledged += 1;
    for n in 0..20 {
        let (status, body) = post(&app, &token, 100 + n).await;
        assert_eq!(status, StatusCode::CREATED, "every write: {body}");
        acknowledged += 1;
    }
    assert_eq!(until_health(&app, StatusCode::OK).await, "ok");
    assert!(crate::backup::last_event_id(&app).await >= acknowledged as u64);
    drop(server);
    db.drop().await;
}
