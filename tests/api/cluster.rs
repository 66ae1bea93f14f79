//! `scripts/cluster`, run as a newsroom would: three instances behind nginx on one
//! PostgreSQL. One instance is killed outright (SIGKILL) while readers are connected
//! through nginx and posts keep coming: every reader comes back through nginx with
//! `Last-Event-ID` and has every post exactly once, in order, whether the instance
//! killed held some of the readers or was the one taking the posts.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{DEMO, TestDatabase, free_port, parse_block};

/// Readers connected through nginx.
const READERS: usize = 24;
/// Posts sent, one every [`POST_EVERY`]; the instance dies after a third of them.
const POSTS: usize = 30;
const POST_EVERY: Duration = Duration::from_millis(100);
/// The last post, after which the readers stop reading.
const THE_END: &str = "The end";

struct Instance {
    url: String,
    pid: u32,
}

/// `scripts/cluster N`, stopped as a person stops it: Ctrl-C (SIGINT).
struct Cluster {
    script: Child,
    instances: Vec<Instance>,
    /// nginx's plain HTTP side.
    url: String,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.script.id().to_string()])
            .status();
        let _ = self.script.wait();
    }
}

fn start_cluster(db: &TestDatabase, count: usize) -> Cluster {
    let http_port = free_port();
    let mut script = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/cluster"))
        .arg(count.to_string())
        .env("LIVEBLOG_BIN", env!("CARGO_BIN_EXE_liveblog"))
        .env("DATABASE_URL", &db.url)
        .env("LIVEBLOG_ADMIN_PASSWORD", "the cluster's admin password")
        .env("CLUSTER_HTTPS_PORT", free_port().to_string())
        .env("CLUSTER_HTTP_PORT", http_port.to_string())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(script.stdout.take().unwrap()).lines();
    let mut instances = Vec::new();
    for line in lines {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("instance ") {
            // "instance 1: http://127.0.0.1:PORT (pid PID)"
            let (_, rest) = rest.split_once(": ").unwrap();
            let (url, pid) = rest.split_once(" (pid ").unwrap();
            instances.push(Instance {
                url: url.to_owned(),
                pid: pid.trim_end_matches(')').parse().unwrap(),
            });
        } else if line.starts_with("liveblog cluster of") {
            break;
        }
    }
    assert_eq!(instances.len(), count, "the script names every instance");
    Cluster {
        script,
        instances,
        url: format!("http://127.0.0.1:{http_port}"),
    }
}

fn kill(pid: u32) {
    let killed = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
}

async fn last_seq(db: &TestDatabase) -> i64 {
    use sqlx::{Connection, Row};
    let mut connection = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let row = sqlx::query("SELECT last_seq FROM blogs WHERE slug = $1")
        .bind(DEMO)
        .fetch_one(&mut connection)
        .await
        .unwrap();
    row.get("last_seq")
}

/// Every entry published on the page after `after`, in the order of the change log.
async fn published_since(db: &TestDatabase, after: i64) -> Vec<(u64, String)> {
    use sqlx::{Connection, Row};
    let mut connection = sqlx::PgConnection::connect(&db.url).await.unwrap();
    sqlx::query(
        "SELECT c.seq, e.title FROM changes c JOIN entries e ON e.id = c.entry_id \
         WHERE c.kind = 'entry-created' AND c.seq > $1 ORDER BY c.seq",
    )
    .bind(after)
    .fetch_all(&mut connection)
    .await
    .unwrap()
    .iter()
    .map(|row| {
        let seq: i64 = row.get("seq");
        (seq as u64, row.get("title"))
    })
    .collect()
}

/// What one reader was given: each new entry's number and title, in the order given.
struct Followed {
    entries: Vec<(u64, String)>,
    reconnects: usize,
}

/// Reads the live page's stream through `base` from `after` on, as the page's script
/// does: whenever the stream ends or fails, it comes back with `Last-Event-ID` after
/// a short wait. Stops at the entry titled [`THE_END`].
async fn follow(base: String, after: u64, connected: Arc<AtomicUsize>) -> Followed {
    let client = reqwest::Client::new();
    let mut last = after;
    let mut followed = Followed {
        entries: Vec::new(),
        reconnects: 0,
    };
    let mut first = true;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the reader got to the end"
        );
        if !first {
            followed.reconnects += 1;
            tokio::time::sleep(Duration::from_millis(100 + rand_below(200))).await;
        }
        let response = client
            .get(format!("{base}/live/{DEMO}/events"))
            .header("Last-Event-ID", last.to_string())
            .send()
            .await;
        let response = match response {
            Ok(response) if response.status() == StatusCode::OK => response,
            _ => {
                first = false;
                continue;
            }
        };
        if first {
            connected.fetch_add(1, Ordering::SeqCst);
            first = false;
        }
        let mut body = response.bytes_stream();
        let mut buffer = String::new();
        while let Some(Ok(chunk)) = body.next().await {
            buffer.push_str(std::str::from_utf8(&chunk).unwrap());
            while let Some(end) = buffer.find("\n\n") {
                let block: String = buffer.drain(..end + 2).collect();
                let Some(event) = parse_block(&block) else {
                    continue;
                };
                assert_ne!(event.event, "reset", "a reader coming back misses nothing");
                let id = event.id.unwrap();
                assert!(id > last, "never the same event twice: {id} after {last}");
                last = id;
                if event.event == "entry-created" {
                    let title = event.data["title"].as_str().unwrap().to_owned();
                    let done = title == THE_END;
                    followed.entries.push((id, title));
                    if done {
                        return followed;
                    }
                }
            }
        }
    }
}

fn rand_below(most: u64) -> u64 {
    u64::from(
        std::time::SystemTime::now()
            .elapsed()
            .map_or(7, |d| d.subsec_nanos()),
    ) % most
}

/// Posts `title` through `instance`, waiting for its answer: `true` when the post was
/// acknowledged.
async fn post(client: &reqwest::Client, base: &str, token: &str, title: &str) -> bool {
    client
        .post(format!("{base}/api/v1/live/{DEMO}/entries"))
        .bearer_auth(token)
        .json(&json!({ "title": title, "body": "From the wire." }))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .is_ok_and(|response| response.status() == StatusCode::CREATED)
}

/// Runs the readers and the posts, killing instance `victim` a third of the way in;
/// posts go to instance `poster`, and to the next instance when it does not answer (a
/// post not acknowledged is sent again). Checks every reader against the record.
async fn kill_one_under_load(victim: usize, poster: usize) {
    let db = TestDatabase::create().await;
    let cluster = start_cluster(&db, 3);
    let token = db.token();
    let after = last_seq(&db).await;
    let connected = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..READERS)
        .map(|_| {
            tokio::spawn(follow(
                cluster.url.clone(),
                after as u64,
                Arc::clone(&connected),
            ))
        })
        .collect();
    let wait_for_readers = tokio::time::Instant::now() + Duration::from_secs(20);
    while connected.load(Ordering::SeqCst) < READERS {
        assert!(
            tokio::time::Instant::now() < wait_for_readers,
            "readers connect"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let client = reqwest::Client::new();
    let mut through = poster;
    let mut acknowledged = Vec::new();
    let titles = (1..=POSTS)
        .map(|n| format!("Post {n}"))
        .chain([THE_END.to_owned()]);
    for (n, title) in titles.enumerate() {
        if n == POSTS / 3 {
            // Killed while this post may be on its way: it may be lost or kept, and
            // is sent again if it was not acknowledged.
            let pid = cluster.instances[victim].pid;
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(3)).await;
                kill(pid);
            });
        }
        let mut tries = 0;
        while !post(&client, &cluster.instances[through].url, &token, &title).await {
            through = (through + 1) % cluster.instances.len();
            if through == victim {
                through = (through + 1) % cluster.instances.len();
            }
            tries += 1;
            assert!(tries < 5, "{title} is taken by a live instance");
        }
        acknowledged.push(title);
        tokio::time::sleep(POST_EVERY).await;
    }

    let record = published_since(&db, after).await;
    for title in &acknowledged {
        assert!(
            record.iter().any(|(_, t)| t == title),
            "acknowledged {title:?} is in the record"
        );
    }
    let mut reconnects = 0;
    for reader in readers {
        let followed = reader.await.unwrap();
        assert_eq!(
            followed.entries, record,
            "every reader has every post exactly once, in order"
        );
        reconnects += followed.reconnects;
    }
    assert!(
        reconnects > 0,
        "some readers were on the instance killed, and came back"
    );
    drop(cluster);
    db.drop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_of_a_killed_instance_come_back_through_nginx_and_miss_nothing() {
    kill_one_under_load(0, 2).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_instance_taking_the_posts_is_killed_no_acknowledged_post_is_lost() {
    kill_one_under_load(0, 0).await;
}

#[tokio::test]
async fn ctrl_c_stops_the_whole_cluster() {
    let db = TestDatabase::create().await;
    let cluster = start_cluster(&db, 2);
    let pids: Vec<u32> = cluster.instances.iter().map(|i| i.pid).collect();
    let response = reqwest::get(format!("{}/healthz", cluster.url))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "nginx answers");
    drop(cluster);
    for pid in pids {
        let alive = Command::new("kill")
            .args(["-0", &pid.to_string()])
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(!alive, "instance {pid} is stopped");
    }
    db.drop().await;
}
