//! `loadgen soak`: a live page under a steady day's load, with a restart in the middle.
//!
//! It starts liveblog itself on a fresh store, opens many SSE readers, requests the
//! page at a steady rate, publishes entries through the API at another, has some
//! readers drop and come back on their own, and stops the server with SIGTERM halfway
//! and starts it again on the same store and port. At the end it checks that every
//! reader received every acknowledged entry exactly once, in order, with its own
//! content; that the server's memory stayed flat; and that no request failed except
//! while the server was down or by design (503 at the stream cap).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Args;
use tokio::io::AsyncReadExt;

use crate::http::{Client, Connection, Server};
use crate::process::ProcessTree;
use crate::{Error, Result};

const SLUG: &str = "storm-maren";
/// How long a reader waits before reconnecting, as a browser does on the server's
/// `retry:` hint (2 s), give or take a little so they do not all come back at once.
const RECONNECT_AFTER: Duration = Duration::from_millis(2000);
/// How long after the last post the readers have to receive it.
const SETTLE: Duration = Duration::from_secs(10);

#[derive(Debug, Args)]
pub struct SoakArgs {
    /// The liveblog binary to run.
    #[arg(long)]
    server_bin: PathBuf,
    /// SSE readers held open the whole time.
    #[arg(long, default_value_t = 2000)]
    readers: usize,
    /// Requests for the live page per second.
    #[arg(long, default_value_t = 200)]
    page_rate: u32,
    /// Entries published per second.
    #[arg(long, default_value_t = 5.0)]
    post_rate: f64,
    /// How long the load runs, in seconds.
    #[arg(long, default_value_t = 300)]
    seconds: u64,
    /// How many readers drop their connection once on their own and come back with
    /// `Last-Event-ID`, spread over the run.
    #[arg(long, default_value_t = 200)]
    reconnecting: usize,
}

/// The server process, started and stopped by the soak.
struct Liveblog {
    bin: PathBuf,
    data_dir: PathBuf,
    addr: String,
    /// `None` once stopped.
    child: Option<Child>,
}

/// A server left running when the soak ends early (an error half-way) is killed.
impl Drop for Liveblog {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Liveblog {
    fn start(bin: &Path, data_dir: &Path, addr: &str) -> Result<Liveblog> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(data_dir.join("server.log"))?;
        let mut child = Command::new(bin)
            .args(["--addr", addr, "--data-dir"])
            .arg(data_dir)
            .env("LIVEBLOG_ADMIN_PASSWORD", "soak admin password")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .map_err(|e| Error::new(format!("{}: {e}", bin.display())))?;
        let stdout = child.stdout.take().ok_or_else(|| Error::new("no stdout"))?;
        let mut lines = BufReader::new(stdout).lines();
        let served = lines
            .by_ref()
            .map_while(std::result::Result::ok)
            .find_map(|line| {
                line.split("liveblog is serving at http://")
                    .nth(1)
                    .map(|a| a.trim().to_owned())
            })
            .ok_or_else(|| Error::new("the server did not say where it serves"))?;
        // Whatever else it prints is read and dropped, so it never blocks on a pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Ok(Liveblog {
            bin: bin.to_owned(),
            data_dir: data_dir.to_owned(),
            addr: served,
            child: Some(child),
        })
    }

    fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// SIGTERM, then waits: how long it took and whether it exited 0.
    async fn stop(mut self) -> Result<(Duration, bool)> {
        let started = Instant::now();
        let status = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()?;
        if !status.success() {
            return Err(Error::new("kill -TERM failed"));
        }
        let mut child = self
            .child
            .take()
            .ok_or_else(|| Error::new("the server was already stopped"))?;
        let exit = tokio::task::spawn_blocking(move || child.wait())
            .await
            .map_err(|e| Error::new(e.to_string()))??;
        Ok((started.elapsed(), exit.success()))
    }

    fn command(&self, args: &[&str]) -> Result<String> {
        let output = Command::new(&self.bin)
            .args(args)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .output()?;
        if !output.status.success() {
            return Err(Error::new(
                String::from_utf8_lossy(&output.stderr).into_owned(),
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }
}

/// What one reader received: (sequence number, entry id, the number in its headline).
#[derive(Default)]
struct Received {
    entries: Vec<(u64, u64, u64)>,
    resets: usize,
    connects: usize,
    /// Connections refused or cut while the server was up.
    unexpected: Vec<String>,
    /// 503s at the stream cap, by design.
    turned_away: usize,
}

/// Shared between the tasks: whether the server is down on purpose, and since when.
struct Clock {
    start: Instant,
    down: AtomicBool,
    /// Milliseconds since start at which the last restart finished.
    up_again_ms: AtomicU64,
    stop: AtomicBool,
}

impl Clock {
    /// Whether a failure now is the restart's doing: while down, and for a second
    /// after (connections refused just before the listener came back).
    fn restarting(&self) -> bool {
        let up_again = self.up_again_ms.load(Ordering::Relaxed);
        self.down.load(Ordering::Relaxed)
            || (up_again > 0 && self.start.elapsed().as_millis() as u64 - up_again < 1000)
    }
}

pub async fn run(args: SoakArgs) -> Result<()> {
    let data_dir = std::env::temp_dir().join(format!("liveblog-soak-{}", std::process::id()));
    std::fs::create_dir_all(&data_dir)?;
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0")?;
        probe.local_addr()?.port()
    };
    let addr = format!("127.0.0.1:{port}");
    let server = Liveblog::start(&args.server_bin, &data_dir, &addr)?;
    let token = server.command(&["token", "create", "soak"])?;
    let outcome = soak(&args, server, &token).await;
    if outcome.is_ok() {
        let _ = std::fs::remove_dir_all(&data_dir);
    } else {
        eprintln!(
            "soak: the store and server log are kept in {}",
            data_dir.display()
        );
    }
    outcome
}

async fn soak(args: &SoakArgs, server: Liveblog, token: &str) -> Result<()> {
    let target = Server::from_url(&format!("http://{}", server.addr)).await?;
    let clock = Arc::new(Clock {
        start: Instant::now(),
        down: AtomicBool::new(false),
        up_again_ms: AtomicU64::new(0),
        stop: AtomicBool::new(false),
    });
    let run_for = Duration::from_secs(args.seconds);

    // The readers, opened in batches.
    let mut readers = Vec::with_capacity(args.readers);
    let opened = Instant::now();
    for i in 0..args.readers {
        let received = Arc::new(Mutex::new(Received::default()));
        // The reconnecting readers drop once each, spread evenly over the run.
        let drop_at = (i < args.reconnecting)
            .then(|| run_for.mul_f64((i as f64 + 0.5) / args.reconnecting.max(1) as f64));
        tokio::spawn(reader(
            target.clone(),
            Arc::clone(&received),
            Arc::clone(&clock),
            drop_at,
        ));
        readers.push(received);
        if i % 500 == 499 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let wait_open = Instant::now() + Duration::from_secs(30);
    while readers.iter().any(|r| lock(r).connects == 0) && Instant::now() < wait_open {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!(
        "{} readers open in {:.1} s",
        args.readers,
        opened.elapsed().as_secs_f64()
    );

    let pages = Arc::new(Mutex::new(PageTally::default()));
    let page_tasks = 4;
    for _ in 0..page_tasks {
        tokio::spawn(page_reader(
            target.clone(),
            f64::from(args.page_rate) / f64::from(page_tasks),
            Arc::clone(&pages),
            Arc::clone(&clock),
        ));
    }
    let posts = Arc::new(Mutex::new(PostTally::default()));
    let poster = tokio::spawn(poster(
        target.clone(),
        token.to_owned(),
        args.post_rate,
        Arc::clone(&posts),
        Arc::clone(&clock),
    ));

    // Memory every 5 s; the restart halfway.
    let load_start = Instant::now();
    let mut memory: Vec<(f64, u64, u32)> = Vec::new();
    let mut server = Some(server);
    let mut restart = None;
    let restart_at = run_for / 2;
    while load_start.elapsed() < run_for {
        tokio::time::sleep(Duration::from_secs(5)).await;
        let Some(running) = server.as_ref() else {
            continue;
        };
        if let Ok(kb) = ProcessTree::new(running.pid()).and_then(|t| t.memory_kb()) {
            memory.push((load_start.elapsed().as_secs_f64(), kb, running.pid()));
        }
        if restart.is_none() && load_start.elapsed() >= restart_at {
            let Some(running) = server.take() else {
                continue;
            };
            let (bin, data_dir, addr) = (
                running.bin.clone(),
                running.data_dir.clone(),
                running.addr.clone(),
            );
            clock.down.store(true, Ordering::Relaxed);
            let (took, clean) = running.stop().await?;
            let down_at = Instant::now();
            let again = Liveblog::start(&bin, &data_dir, &addr)?;
            let downtime = down_at.elapsed() + took;
            clock
                .up_again_ms
                .store(clock.start.elapsed().as_millis() as u64, Ordering::Relaxed);
            clock.down.store(false, Ordering::Relaxed);
            println!(
                "restarted at {:.0} s: SIGTERM to exit {:.2} s (exit {}), down {:.2} s in all",
                load_start.elapsed().as_secs_f64(),
                took.as_secs_f64(),
                if clean { "0" } else { "not 0" },
                downtime.as_secs_f64()
            );
            restart = Some((took, clean, downtime));
            server = Some(again);
        }
    }
    clock.stop.store(true, Ordering::Relaxed);
    let _ = poster.await;
    tokio::time::sleep(SETTLE).await;

    let passed = {
        let (pages, posts) = (lock(&pages), lock(&posts));
        Report {
            args,
            readers: &readers,
            pages: &pages,
            posts: &posts,
            memory: &memory,
            restart,
        }
        .print()
    };
    if let Some(running) = server {
        let (took, clean) = running.stop().await?;
        println!(
            "final SIGTERM: exited in {:.2} s, {}",
            took.as_secs_f64(),
            if clean { "exit 0" } else { "exit not 0" }
        );
    }
    if passed {
        Ok(())
    } else {
        Err(Error::new("the soak found problems (above)"))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One reader, as a browser's `EventSource` behaves: reconnects after a pause with
/// the last id it saw.
async fn reader(
    server: Server,
    received: Arc<Mutex<Received>>,
    clock: Arc<Clock>,
    mut drop_at: Option<Duration>,
) {
    let mut last_id: Option<u64> = None;
    // Readers carry on after the load stops, to receive the last entries; they end
    // with the program.
    loop {
        let id_header = last_id.map(|id| id.to_string());
        let mut headers = vec![("Accept", "text/event-stream")];
        if let Some(id) = &id_header {
            headers.push(("Last-Event-ID", id.as_str()));
        }
        let request = server.get(&format!("/live/{SLUG}/events"), &headers);
        match stream(
            &server,
            &request,
            &received,
            &mut last_id,
            &clock,
            &mut drop_at,
        )
        .await
        {
            Ok(()) => {}
            Err(_) if clock.restarting() => {}
            Err(why) => lock(&received).unexpected.push(format!(
                "{:.1} s: {why}",
                clock.start.elapsed().as_secs_f64()
            )),
        }
        let jitter = Duration::from_millis(u64::from(rand_below(500)));
        tokio::time::sleep(RECONNECT_AFTER + jitter).await;
    }
}

/// Reads one connection's events until it ends. `Ok` when it ended by design: the
/// server's shutdown, the reader's own planned drop, or a 503 at the cap.
async fn stream(
    server: &Server,
    request: &[u8],
    received: &Mutex<Received>,
    last_id: &mut Option<u64>,
    clock: &Clock,
    drop_at: &mut Option<Duration>,
) -> std::result::Result<(), String> {
    let mut connection = Connection::open(server).await.map_err(|e| e.to_string())?;
    connection.send(request).await.map_err(|e| e.to_string())?;
    let head = connection.read_head().await.map_err(|e| e.to_string())?;
    if head.status == 503 {
        lock(received).turned_away += 1;
        return Ok(());
    }
    if head.status != 200 {
        return Err(format!("status {}", head.status));
    }
    lock(received).connects += 1;
    let (mut socket, mut buffer) = connection.into_parts();
    let mut chunk = vec![0; 16 * 1024];
    loop {
        while let Some(end) = find(&buffer, b"\n\n") {
            let frame: Vec<u8> = buffer.drain(..end + 2).collect();
            take_frame(&frame, received, last_id);
        }
        let read = match drop_at.map(|at| at.saturating_sub(clock.start.elapsed())) {
            Some(left) => match tokio::time::timeout(left, socket.read(&mut chunk)).await {
                Ok(read) => read,
                Err(_) => {
                    // The planned drop: close and come back with Last-Event-ID.
                    *drop_at = None;
                    return Ok(());
                }
            },
            None => socket.read(&mut chunk).await,
        };
        match read {
            Ok(0) if clock.stop.load(Ordering::Relaxed) || clock.restarting() => return Ok(()),
            Ok(0) => return Err("the server closed the stream".into()),
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(error) => return Err(error.to_string()),
        }
    }
}

fn take_frame(frame: &[u8], received: &Mutex<Received>, last_id: &mut Option<u64>) {
    let text = String::from_utf8_lossy(frame);
    let mut id = None;
    let mut event = "";
    let mut data = "";
    for line in text.lines() {
        if let Some(value) = line.strip_prefix("id: ") {
            id = value.trim().parse::<u64>().ok();
        } else if let Some(value) = line.strip_prefix("event: ") {
            event = value.trim();
        } else if let Some(value) = line.strip_prefix("data: ") {
            data = value;
        }
    }
    if event == "reset" {
        lock(received).resets += 1;
        return;
    }
    let Some(seq) = id else {
        return;
    };
    *last_id = Some(seq);
    if event != "entry-created" {
        return;
    }
    let parsed: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
    let entry = parsed["id"].as_u64().unwrap_or(0);
    let html = parsed["html"].as_str().unwrap_or_default();
    let number = html
        .split("Soak entry ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(0);
    lock(received).entries.push((seq, entry, number));
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A small, cheap spread of numbers: good enough for jitter.
fn rand_below(n: u32) -> u32 {
    use std::hash::{BuildHasher, RandomState};
    (RandomState::new().hash_one(Instant::now()) % u64::from(n)) as u32
}

#[derive(Default)]
struct PageTally {
    ok: u64,
    not_modified: u64,
    during_restart: u64,
    unexpected: Vec<String>,
}

async fn page_reader(server: Server, rate: f64, tally: Arc<Mutex<PageTally>>, clock: Arc<Clock>) {
    let mut client = Client::new(server.clone());
    let request = server.get(&format!("/live/{SLUG}"), &[("Accept-Encoding", "gzip, br")]);
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    while !clock.stop.load(Ordering::Relaxed) {
        tick.tick().await;
        let answer = client.request(&request).await;
        let mut tally = lock(&tally);
        match answer {
            Ok((head, _)) if head.status == 200 => tally.ok += 1,
            Ok((head, _)) if head.status == 304 => tally.not_modified += 1,
            _ if clock.restarting() => tally.during_restart += 1,
            Ok((head, _)) => tally.unexpected.push(format!("status {}", head.status)),
            Err(error) => tally.unexpected.push(error.to_string()),
        }
    }
}

#[derive(Default)]
struct PostTally {
    /// Entry id → the number in its headline, for every post the server acknowledged.
    acknowledged: HashMap<u64, u64>,
    retried_during_restart: u64,
    unexpected: Vec<String>,
}

/// Publishes "Soak entry N" at a steady rate; a post refused while the server is down
/// is sent again, as automation would.
async fn poster(
    server: Server,
    token: String,
    rate: f64,
    tally: Arc<Mutex<PostTally>>,
    clock: Arc<Clock>,
) {
    let mut client = Client::new(server.clone());
    let authorization = format!("Bearer {token}");
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut number = 0u64;
    while !clock.stop.load(Ordering::Relaxed) {
        tick.tick().await;
        number += 1;
        let body = serde_json::json!({
            "title": format!("Soak entry {number}"),
            "body": format!("Soak entry {number} of a steady day: gales, trains and the coast road."),
        })
        .to_string();
        let request = server.post(
            &format!("/api/v1/live/{SLUG}/entries"),
            &[
                ("Authorization", &authorization),
                ("Content-Type", "application/json"),
            ],
            body.as_bytes(),
        );
        loop {
            let answer = client.request(&request).await;
            let sent = {
                let mut tally = lock(&tally);
                match answer {
                    Ok((head, body)) if head.status == 201 => {
                        let created: serde_json::Value =
                            serde_json::from_slice(&body).unwrap_or_default();
                        let id = created["id"].as_u64().unwrap_or(0);
                        tally.acknowledged.insert(id, number);
                        true
                    }
                    _ if clock.restarting() => {
                        tally.retried_during_restart += 1;
                        false
                    }
                    Ok((head, _)) => {
                        tally
                            .unexpected
                            .push(format!("post {number}: status {}", head.status));
                        true
                    }
                    Err(error) => {
                        tally.unexpected.push(format!("post {number}: {error}"));
                        true
                    }
                }
            };
            if sent {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

struct Report<'a> {
    args: &'a SoakArgs,
    readers: &'a [Arc<Mutex<Received>>],
    pages: &'a PageTally,
    posts: &'a PostTally,
    memory: &'a [(f64, u64, u32)],
    restart: Option<(Duration, bool, Duration)>,
}

impl Report<'_> {
    /// Prints the findings; `true` if every check passed.
    fn print(&self) -> bool {
        let mut problems = Vec::new();
        let acknowledged = &self.posts.acknowledged;
        println!();
        println!(
            "load: {} readers, {} page requests/s, {} posts/s for {} s, {} readers dropping once on their own",
            self.args.readers,
            self.args.page_rate,
            self.args.post_rate,
            self.args.seconds,
            self.args.reconnecting
        );

        // Every reader, every acknowledged entry, exactly once, in order, with its text.
        let mut deliveries = 0usize;
        let (mut missing, mut duplicated, mut out_of_order, mut wrong_text, mut resets) =
            (0usize, 0usize, 0usize, 0usize, 0usize);
        let mut unexpected = Vec::new();
        let (mut connects, mut turned_away) = (0usize, 0usize);
        let mut examples = Vec::new();
        for (index, reader) in self.readers.iter().enumerate() {
            let reader = lock(reader);
            deliveries += reader.entries.len();
            resets += reader.resets;
            connects += reader.connects;
            turned_away += reader.turned_away;
            unexpected.extend(reader.unexpected.iter().cloned());
            let mut seen = HashSet::new();
            let mut previous = 0;
            for &(seq, entry, number) in &reader.entries {
                if seq <= previous {
                    out_of_order += 1;
                }
                previous = seq;
                if !seen.insert(entry) {
                    duplicated += 1;
                }
                if acknowledged.get(&entry).is_some_and(|&n| n != number) {
                    wrong_text += 1;
                }
            }
            for (id, number) in acknowledged.iter().filter(|(id, _)| !seen.contains(*id)) {
                missing += 1;
                if examples.len() < 5 {
                    examples.push(format!(
                        "reader {index} lacks entry {id} (\"Soak entry {number}\"); it connected {} times, last at seq {}",
                        reader.connects,
                        reader.entries.last().map_or(0, |e| e.0)
                    ));
                }
            }
        }
        let expected = acknowledged.len() * self.readers.len();
        println!(
            "posts: {} acknowledged; {} sent again while the server restarted; {} failed otherwise",
            acknowledged.len(),
            self.posts.retried_during_restart,
            self.posts.unexpected.len()
        );
        println!(
            "deliveries: {deliveries} of {expected} expected; missing {missing}, duplicated {duplicated}, out of order {out_of_order}, wrong text {wrong_text}, resets {resets}"
        );
        for example in &examples {
            println!("  {example}");
        }
        println!(
            "stream connections: {connects} made ({} readers), {turned_away} turned away at the cap, {} failed while the server was up",
            self.readers.len(),
            unexpected.len()
        );
        println!(
            "page requests: {} answered 200, {} 304, {} failed while the server restarted, {} failed otherwise",
            self.pages.ok,
            self.pages.not_modified,
            self.pages.during_restart,
            self.pages.unexpected.len()
        );
        if let Some((took, clean, downtime)) = self.restart {
            println!(
                "restart: SIGTERM to exit {:.2} s ({}), down {:.2} s",
                took.as_secs_f64(),
                if clean { "exit 0" } else { "exit not 0" },
                downtime.as_secs_f64()
            );
            if !clean {
                problems.push("the server did not exit 0 on SIGTERM".to_owned());
            }
        }
        self.print_memory(&mut problems);

        if missing + duplicated + out_of_order + wrong_text + resets > 0 || deliveries < expected {
            problems.push("not every reader got every entry exactly once, in order".into());
        }
        if acknowledged.is_empty() {
            problems.push("nothing was published".into());
        }
        for (what, list) in [
            ("post", &self.posts.unexpected),
            ("page request", &self.pages.unexpected),
            ("stream", &unexpected),
        ] {
            if let Some(first) = list.first() {
                problems.push(format!(
                    "{} {what} failures, the first: {first}",
                    list.len()
                ));
            }
        }
        println!();
        if problems.is_empty() {
            println!("soak: passed");
        } else {
            for problem in &problems {
                println!("soak: FAILED: {problem}");
            }
        }
        problems.is_empty()
    }

    /// Memory per server process: from 30 s past its first reading to its end, in MB.
    /// Flat means the end within 10%, or 4 MB, of the start; a run too short to tell
    /// says so.
    fn print_memory(&self, problems: &mut Vec<String>) {
        let mut pids: Vec<u32> = self.memory.iter().map(|&(_, _, pid)| pid).collect();
        pids.dedup();
        for pid in pids {
            let samples: Vec<(f64, u64)> = self
                .memory
                .iter()
                .filter(|&&(_, _, p)| p == pid)
                .map(|&(t, kb, _)| (t, kb))
                .collect();
            let Some(&(first_t, _)) = samples.first() else {
                continue;
            };
            // The first half-minute is the readers arriving and the page warming up.
            let settled: Vec<(f64, u64)> = samples
                .iter()
                .copied()
                .filter(|&(t, _)| t >= first_t + 30.0)
                .collect();
            let (Some(&(t0, kb0)), Some(&(t1, kb1))) = (settled.first(), settled.last()) else {
                println!(
                    "memory (process {pid}): not checked, it ran less than 30 s past its first reading"
                );
                continue;
            };
            let peak = settled.iter().map(|&(_, kb)| kb).max().unwrap_or(kb1);
            let minutes = ((t1 - t0) / 60.0).max(1.0 / 60.0);
            let growth = (kb1 as f64 - kb0 as f64) / 1024.0 / minutes;
            println!(
                "memory (process {pid}): {:.1} MB at {:.0} s, {:.1} MB at {:.0} s, peak {:.1} MB; {:+.2} MB a minute",
                kb0 as f64 / 1024.0,
                t0,
                kb1 as f64 / 1024.0,
                t1,
                peak as f64 / 1024.0,
                growth
            );
            // Flat: the end within 10% of the start, or a few MB for a small process.
            if kb1 as f64 > kb0 as f64 * 1.10 && kb1 - kb0 > 4 * 1024 {
                problems.push(format!("memory grew from {kb0} KB to {kb1} KB"));
            }
        }
    }
}
