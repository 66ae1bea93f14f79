//! Faults, each shown with nothing lost: the server killed with SIGKILL in the middle of
//! a stream of posts, and PostgreSQL restarted under two running instances.
//!
//! The PostgreSQL that is stopped and started is the test's own (`initdb` into a
//! temporary folder, on a free port): the machine's is never touched.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.

#[path = "api/helpers.rs"]
#[allow(dead_code)]
mod helpers;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use helpers::{ADMIN_PASSWORD, DEMO, TestApp, csrf_token, new_client, spawn_app_with};
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

/// Signs the admin in; the client keeps the session, and the compose form's token.
async fn sign_in(base: &str) -> (reqwest::Client, String) {
    let client = new_client();
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
    (client, csrf_token(&compose))
}

/// Four writers post as fast as they can until the server stops answering; each
/// remembers what was acknowledged.
fn start_writers(
    client: &reqwest::Client,
    base: &str,
    token: &str,
) -> Vec<tokio::task::JoinHandle<Vec<String>>> {
    (0..4)
        .map(|writer| {
            let (client, base, token) = (client.clone(), base.to_owned(), token.to_owned());
            tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                for n in 0.. {
                    let title = format!("Writer {writer} post {n}");
                    let body =
                        format!("Body of writer {writer} post {n}. {}", "Words. ".repeat(50));
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
            })
        })
        .collect()
}

/// Checks, with no server running, that every acknowledged post is in the store once
/// and whole; then starts the server again and finds the newest on the page.
async fn assert_every_acknowledged_post_kept(dir: &std::path::Path, acknowledged: &[String]) {
    assert!(
        acknowledged.len() > 20,
        "only {} posts were acknowledged",
        acknowledged.len()
    );
    let export = Command::new(env!("CARGO_BIN_EXE_liveblog"))
        .args(["export", "--data-dir"])
        .arg(dir)
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
    for title in acknowledged {
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

    // And the server starts again on it, with every entry on the page.
    let server = ServerProcess::start(dir);
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

#[tokio::test]
async fn a_killed_server_keeps_every_acknowledged_entry_and_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(dir.path());
    let (client, token) = sign_in(&server.base).await;
    let writers = start_writers(&client, &server.base, &token);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill();
    let mut acknowledged = Vec::new();
    for writer in writers {
        acknowledged.extend(writer.await.unwrap());
    }
    assert_every_acknowledged_post_kept(dir.path(), &acknowledged).await;
    println!(
        "{} posts acknowledged before SIGKILL; all present after restart",
        acknowledged.len()
    );
}

#[tokio::test]
async fn sigterm_with_readers_and_writers_connected_exits_at_once_and_loses_nothing() {
    const READERS: usize = 2000;
    let dir = tempfile::tempdir().unwrap();
    let mut server = ServerProcess::start(dir.path());
    let addr = server.base.trim_start_matches("http://").to_owned();

    // Readers on connections of their own, each read up to its response head.
    let mut readers = Vec::new();
    for _ in 0..READERS {
        let mut reader = tokio::net::TcpStream::connect(&addr).await.unwrap();
        reader
            .write_all(format!("GET /live/{DEMO}/events HTTP/1.1\r\nHost: t\r\n\r\n").as_bytes())
            .await
            .unwrap();
        readers.push(reader);
    }
    for reader in &mut readers {
        let mut head = [0; 256];
        let read = reader.read(&mut head).await.unwrap();
        assert!(head[..read].starts_with(b"HTTP/1.1 200 OK"));
    }

    let (client, token) = sign_in(&server.base).await;
    let writers = start_writers(&client, &server.base, &token);
    tokio::time::sleep(Duration::from_millis(1000)).await;

    let terminated = std::time::Instant::now();
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            terminated.elapsed() < Duration::from_secs(10),
            "the server exits within 10 s of SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "a clean exit: {exit}");
    println!(
        "exited {:?} after SIGTERM with {READERS} readers and 4 writers connected",
        terminated.elapsed()
    );

    // Every reader's stream has ended, so its browser reconnects.
    for reader in &mut readers {
        let mut rest = Vec::new();
        let ended =
            tokio::time::timeout(Duration::from_secs(5), reader.read_to_end(&mut rest)).await;
        assert!(ended.is_ok(), "the stream ended");
    }
    let mut acknowledged = Vec::new();
    for writer in writers {
        acknowledged.extend(writer.await.unwrap());
    }
    assert_every_acknowledged_post_kept(dir.path(), &acknowledged).await;
}

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let response = client.get(url).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

/// A PostgreSQL cluster of the test's own: made with `initdb` in a temporary folder,
/// listening on a free port, stopped and started as the test needs, and removed at the
/// end. The machine's own PostgreSQL, and whoever works with it, are left alone.
struct OwnPostgres {
    dir: tempfile::TempDir,
    bin: std::path::PathBuf,
    port: u16,
    /// Run PostgreSQL's programs as the `postgres` user: they refuse to run as root.
    as_postgres: bool,
}

impl OwnPostgres {
    fn bin_dir() -> std::path::PathBuf {
        let installed = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| versions.filter_map(Result::ok).map(|v| v.path()).max());
        match installed {
            Some(version) => version.join("bin"),
            None => {
                let output = Command::new("pg_config").arg("--bindir").output().unwrap();
                String::from_utf8(output.stdout).unwrap().trim().into()
            }
        }
    }

    /// One of PostgreSQL's programs, run as the user that may run it.
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let status = self.command(program).args(args).status().unwrap();
        assert!(status.success(), "{program} {args:?}");
    }

    fn create() -> OwnPostgres {
        let dir = tempfile::tempdir().unwrap();
        let as_postgres = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|out| out.stdout.starts_with(b"0\n"));
        if as_postgres {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(status.success());
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let cluster = OwnPostgres {
            dir,
            bin: OwnPostgres::bin_dir(),
            port,
            as_postgres,
        };
        let data = cluster.data();
        cluster.run(
            "initdb",
            &["-D", &data, "-U", "postgres", "-A", "trust", "--no-sync"],
        );
        cluster.start();
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log").display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-o",
                &options,
                "-l",
                &log,
                "-w",
                "start",
            ],
        );
    }

    fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self
            .command("pg_ctl")
            .args(["-D", &data, "-m", "immediate", "stop"])
            .status();
    }
}

async fn instance(url: &str) -> TestApp {
    let url = url.to_owned();
    spawn_app_with(move |settings| settings.store.database_url = Some(url)).await
}

#[tokio::test]
async fn postgres_restarted_under_two_instances_loses_nothing() {
    let postgres = OwnPostgres::create();
    let mut a = instance(&postgres.url()).await;
    let mut b = instance(&postgres.url()).await;
    a.login().await;
    let start = a.current_seq().await;
    let mut reader_on_b = b.events(DEMO, Some(&start.to_string())).await;
    a.publish_titled("Before the outage").await;
    assert_eq!(reader_on_b.next().await.id, Some(start + 1));
    let token = a.session_csrf().await;

    postgres.stop();
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
    postgres.start();

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
}
