//! The store's figures: how long the server takes to start with 100,000 entries in
//! the store, and how long a post takes from submit to commit, on SQLite and on
//! PostgreSQL. Run with `cargo bench --bench store`; it needs the machine's PostgreSQL
//! (127.0.0.1:5432, user postgres, database test) and prints a table.
#![allow(clippy::unwrap_used)] // A benchmark that cannot set itself up should stop loudly.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Duration as Minutes, Utc};
use liveblog::config::{ServeArgs, StoreArgs};
use liveblog::domain::{Blog, BlogId, BlogStatus, Entry, EntryContent, EntryId, EntryInput, Slug};
use liveblog::dump::{BlogDump, Dump};
use liveblog::live::LiveHub;
use liveblog::newsroom::Newsroom;
use liveblog::server::Server;
use liveblog::store::Store;
use sqlx::Connection;

/// How many entries the big page holds: 100,000, or `LIVEBLOG_BENCH_ENTRIES` (to see
/// that the figures stay flat, run it once with 100).
fn entries() -> usize {
    std::env::var("LIVEBLOG_BENCH_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}
const POSTS: usize = 300;
const STARTS: usize = 3;
const POSTGRES: &str = "postgres://postgres@127.0.0.1:5432";

fn big_dump() -> Dump {
    let now = Utc::now();
    let blog = Blog {
        id: BlogId(1),
        slug: Slug::parse("big-story").unwrap(),
        title: "A very long day".into(),
        description: String::new(),
        summary: vec!["One".into(), "Two".into()],
        time_zone: chrono_tz::Europe::London,
        status: BlogStatus::Live,
        oldest_first: false,
        created_at: now - Minutes::minutes(entries() as i64),
        embed_origins: Vec::new(),
        language: "en-GB".into(),
        callout: None,
    };
    let body = "A paragraph of reporting, **with emphasis**, and a [link](https://example.org).\n\n\
                > \"A quote from someone at the scene,\" they said.\n\n- one point\n- another point";
    let count = entries();
    let entries = (1..=count)
        .map(|n| {
            let input = EntryInput {
                title: format!("Entry number {n}"),
                body: body.into(),
                label: if n % 10 == 0 {
                    "breaking".into()
                } else {
                    String::new()
                },
                author_name: "Sam Okafor".into(),
                author_role: "Live reporter".into(),
                key_event: n % 50 == 0,
                ..EntryInput::default()
            };
            let draft = EntryContent::parse(&input).unwrap();
            Entry::new(
                EntryId(n as i64),
                draft,
                now - Minutes::minutes((count - n) as i64),
                "bench",
            )
        })
        .collect();
    Dump::new(
        vec![BlogDump {
            blog,
            last_seq: count as u64,
            entries,
        }],
        Vec::new(),
        Vec::new(),
        Vec::new(),
    )
}

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

fn stats(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    format!(
        "p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms (n={})",
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(0.99)),
        ms(*samples.last().unwrap()),
        samples.len()
    )
}

async fn measure(name: &str, store_args: StoreArgs) {
    println!("\n## {name}");
    let store = Arc::new(
        Store::open(store_args.database_url.as_deref(), &store_args.data_dir)
            .await
            .unwrap(),
    );
    let started = Instant::now();
    store.import(&big_dump()).await.unwrap();
    println!(
        "- writing {} entries in one import: {:.1} s",
        entries(),
        started.elapsed().as_secs_f64()
    );

    let mut starts = Vec::new();
    for _ in 0..STARTS {
        let before = rss_mib();
        let started = Instant::now();
        let settings = ServeArgs {
            addr: "127.0.0.1:0".parse().unwrap(),
            store: store_args.clone(),
            admin_password: Some("a benchmark password".into()),
            ended_pages_mb: liveblog::config::DEFAULT_ENDED_PAGES_MB,
            poll_votes_per_address: liveblog::polls::DEFAULT_VOTES_PER_ADDRESS,
            webhooks_to_private_addresses: true,
            push_per_hour: liveblog::push::DEFAULT_PUSH_PER_HOUR,
            push_to_private_addresses: true,
            figures_every: 60,
            replay_window: 1000,
            max_streams: liveblog::config::DEFAULT_MAX_STREAMS,
            max_upload_bytes: liveblog::media::DEFAULT_MAX_UPLOAD_BYTES,
            max_clip_bytes: liveblog::media::DEFAULT_MAX_CLIP_BYTES,
            header_read_timeout: 30,
            max_body_bytes: liveblog::web::DEFAULT_MAX_BODY_BYTES,
            max_header_bytes: liveblog::config::DEFAULT_MAX_HEADER_BYTES,
            secure_cookies: false,
            media_url: None,
            oembed_stand_in: None,
            frame_ancestors: None,
            public_url: None,
            streams_through_http: false,
            trusted_proxies: liveblog::config::TrustedProxies::this_machine(),
            max_streams_per_address: liveblog::per_address::DEFAULT_STREAMS_PER_ADDRESS,
            max_connections_per_address: liveblog::per_address::DEFAULT_CONNECTIONS_PER_ADDRESS,
        };
        let server = Server::build(settings).await.unwrap();
        starts.push(started.elapsed());
        println!(
            "  start-up: {:.2} s, memory +{:.0} MiB",
            started.elapsed().as_secs_f64(),
            rss_mib() - before
        );
        drop(server);
    }
    println!(
        "- start-up with {} entries (open, migrate, load, render every entry): {}",
        entries(),
        stats(starts)
    );

    let input = EntryInput {
        title: "A new entry".into(),
        body: "Some text.".into(),
        ..EntryInput::default()
    };
    let mut commits = Vec::new();
    let mut posts = Vec::new();
    for _ in 0..POSTS {
        let draft = EntryContent::parse(&input).unwrap();
        let started = Instant::now();
        store
            .publish_entry(
                BlogId(1),
                Entry::new(EntryId(0), draft, Utc::now(), "bench"),
            )
            .await
            .unwrap();
        commits.push(started.elapsed());
    }
    // Through the newsroom: validate, commit, apply to the read model, broadcast.
    let newsroom = Newsroom::load(
        Arc::clone(&store),
        Arc::new(LiveHub::new(1000)),
        liveblog::config::DEFAULT_ENDED_PAGES_MB << 20,
    )
    .await
    .unwrap();
    for _ in 0..POSTS {
        let started = Instant::now();
        let draft = EntryContent::parse(&input).unwrap();
        newsroom.publish("big-story", draft, "bench").await.unwrap();
        posts.push(started.elapsed());
    }
    println!("- commit of one entry (store only): {}", stats(commits));
    println!(
        "- publish, submit to commit and broadcast (validate, commit, apply, send): {}",
        stats(posts)
    );
}

#[tokio::main]
async fn main() {
    println!("# liveblog store benchmark");
    println!(
        "machine: {} cores; {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        uname()
    );

    let dir = tempfile::tempdir().unwrap();
    measure(
        "SQLite (WAL, synchronous=FULL)",
        StoreArgs {
            data_dir: dir.path().to_owned(),
            database_url: None,
        },
    )
    .await;

    let name = format!("liveblog_bench_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&format!("{POSTGRES}/test"))
        .await
        .unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let pg_dir = tempfile::tempdir().unwrap();
    let url = format!("{POSTGRES}/{name}");
    measure(
        "PostgreSQL (local, default settings)",
        StoreArgs {
            data_dir: pg_dir.path().to_owned(),
            database_url: Some(url),
        },
    )
    .await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE {name} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
}

fn uname() -> String {
    std::fs::read_to_string("/proc/version")
        .unwrap_or_default()
        .split(" (")
        .next()
        .unwrap_or_default()
        .to_owned()
}
