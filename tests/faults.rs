//! Faults, each shown with nothing lost: the server killed with SIGKILL in the middle of
//! a stream of posts, and PostgreSQL restarted under two running instances.
//!
//! A test binary of its own: restarting PostgreSQL must not disturb the other tests,
//! and cargo runs test binaries one after another.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.

#[path = "api/helpers.rs"]
#[allow(dead_code)]
mod helpers;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use helpers::{
    ADMIN_PASSWORD, DEMO, TestApp, TestDatabase, csrf_token, new_client, spawn_app_with,
};
use reqwest::StatusCode;

/// The server as a separate process, so it can be killed.
struct ServerProcess {
    child: Child,
    base: String,
}

impl ServerProcess {
    fn start(data_dir: &std::path::Path) -> ServerProcess {
        let mut child = Command::new(env!("CARGO_BIN_EXE_liveblog"))
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .env("LIVEBLOG_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env_remove("DATABASE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let base = loop {
            let line = lines
                .next()
                .expect("the server says where it serves")
                .unwrap();
            if let Some(url) = line.strip_prefix("liveblog is serving at ") {
                break url.to_owned();
            }
        };
        ServerProcess { child, base }
    }

    fn kill(mut self) {
        // SIGKILL: no shutdown, no flush, nothing the process can do about it.
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

#[tokio::test]
async fn a_killed_server_keeps_every_acknowledged_entry_and_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(dir.path());
    let client = new_client();
    let base = server.base.clone();
    let (_, login) = get(&client, &format!("{base}/login")).await;
    let response = client
        .post(format!("{base}/login"))
        .form(&[
            ("username", "admin"),
            ("password", ADMIN_PASSWORD),
            ("csrf_token", &csrf_token(&login)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, compose) = get(&client, &format!("{base}/editor/live/{DEMO}")).await;
    let token = csrf_token(&compose);

    // Four writers post as fast as they can; each remembers what was acknowledged.
    let mut writers = Vec::new();
    for writer in 0..4 {
        let (client, base, token) = (client.clone(), base.clone(), token.clone());
        writers.push(tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            for n in 0.. {
                let title = format!("Writer {writer} post {n}");
                let body = format!("Body of writer {writer} post {n}. {}", "Words. ".repeat(50));
                let sent = client
                    .post(format!("{base}/editor/live/{DEMO}/entries"))
                    .form(&[
                        ("title", title.as_str()),
                        ("body", body.as_str()),
                        ("csrf_token", &token),
                    ])
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status() == StatusCode::SEE_OTHER => {
                        acknowledged.push(title)
                    }
                    _ => break,
                }
            }
            acknowledged
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill();
    let mut acknowledged = Vec::new();
    for writer in writers {
        acknowledged.extend(writer.await.unwrap());
    }
    assert!(
        acknowledged.len() > 20,
        "only {} posts were acknowledged",
        acknowledged.len()
    );

    // What the store holds, read by the command line with no server running.
    let export = Command::new(env!("CARGO_BIN_EXE_liveblog"))
        .args(["export", "--data-dir"])
        .arg(dir.path())
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let dump: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let entries = dump["blogs"][0]["entries"].as_array().unwrap();
    for title in &acknowledged {
        let found: Vec<_> = entries
            .iter()
            .filter(|e| e["title"] == title.as_str())
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{title} was acknowledged, so it is there once"
        );
    }
    for entry in entries {
        let title = entry["title"].as_str().unwrap();
        if let Some(rest) = title.strip_prefix("Writer ") {
            let body = entry["body"].as_str().unwrap();
            let expected = format!("Body of writer {rest}. {}", "Words. ".repeat(50));
            assert_eq!(body, expected.trim_end(), "{title} is whole");
        }
    }
    println!(
        "{} posts acknowledged before SIGKILL; all present after restart",
        acknowledged.len()
    );

    // And the server starts again on it, with every entry on the page.
    let server = ServerProcess::start(dir.path());
    let (status, page) = get(&new_client(), &format!("{}/live/{DEMO}", server.base)).await;
    assert_eq!(status, StatusCode::OK);
    // The export lists entries by id, so the last acknowledged one there is the newest.
    let newest = entries
        .iter()
        .rev()
        .find(|e| acknowledged.iter().any(|t| e["title"] == t.as_str()));
    assert!(page.contains(newest.unwrap()["title"].as_str().unwrap()));
    server.kill();
}

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let response = client.get(url).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

/// Stops the machine's PostgreSQL for a while, and always starts it again.
struct PostgresOutage;

fn pg_ctlcluster(action: &str) {
    let version = std::fs::read_dir("/etc/postgresql")
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name();
    let status = Command::new("pg_ctlcluster")
        .arg("--skip-systemctl-redirect")
        .arg(&version)
        .args(["main", action, "-m", "fast"])
        .status()
        .unwrap();
    assert!(status.success(), "pg_ctlcluster {action}");
}

impl PostgresOutage {
    fn begin() -> PostgresOutage {
        pg_ctlcluster("stop");
        PostgresOutage
    }

    fn end(self) {}
}

impl Drop for PostgresOutage {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .args(["-c", "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -n1) main start -m fast"])
            .status();
    }
}

async fn instance(db: &TestDatabase) -> TestApp {
    let url = db.url.clone();
    spawn_app_with(move |settings| settings.store.database_url = Some(url)).await
}

#[tokio::test]
async fn postgres_restarted_under_two_instances_loses_nothing() {
    let db = TestDatabase::create().await;
    let mut a = instance(&db).await;
    let mut b = instance(&db).await;
    a.login().await;
    let start = a.current_seq().await;
    let mut reader_on_b = b.events(DEMO, Some(&start.to_string())).await;
    a.publish_titled("Before the outage").await;
    assert_eq!(reader_on_b.next().await.id, Some(start + 1));
    let token = a.session_csrf().await;

    let outage = PostgresOutage::begin();
    // Reads go on from memory; writes are refused plainly.
    let (status, page) = b.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Before the outage"));
    let response = a
        .post_form(
            &format!("/editor/live/{DEMO}/entries"),
            &[("title", "During"), ("body", "x"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("cannot save changes just now")
    );
    outage.end();

    // Back: the first write may wait for the pool to reconnect.
    let mut published = false;
    for _ in 0..40 {
        let response = a
            .post_form(
                &format!("/editor/live/{DEMO}/entries"),
                &[
                    ("title", "After the outage"),
                    ("body", "x"),
                    ("csrf_token", &token),
                ],
            )
            .await;
        if response.status() == StatusCode::SEE_OTHER {
            published = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(published, "writes work again once PostgreSQL is back");
    let mut b_client = b.with_client(a.client.clone());
    b_client.publish_titled("Through B after the outage").await;

    let after = reader_on_b
        .next_within(Duration::from_secs(15))
        .await
        .expect("B hears A again");
    assert_eq!(after.id, Some(start + 2), "no gap");
    assert!(
        after.data["html"]
            .as_str()
            .unwrap()
            .contains("After the outage")
    );
    assert_eq!(reader_on_b.next().await.id, Some(start + 3));
    let mut reader_on_a = a.events(DEMO, Some(&(start + 1).to_string())).await;
    assert_eq!(reader_on_a.next().await.id, Some(start + 2));
    assert_eq!(
        reader_on_a
            .next_within(Duration::from_secs(10))
            .await
            .unwrap()
            .id,
        Some(start + 3),
        "A hears B"
    );

    b_client.stop().await;
    a.stop().await;
    b.stop().await;
    db.drop().await;
}
