//! `crowd`: readers of one server's live stream, held open while another process
//! (`wire`) publishes, each coming back with `Last-Event-ID` whenever its stream ends,
//! as the reader's page does. Several crowds, one per instance, make a big story's
//! audience; each notes, per reader, when it first read each event's marker (on the
//! machine's clock, so crowds and the wire compare) and whether any came twice.
//!
//! One crowd holds at most what one process may open (this machine: 20,000 files).

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::Args;
use tokio::io::AsyncReadExt;
use tokio::task::JoinSet;

use crate::http::{Connection, Server};
use crate::stats::Sample;
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct CrowdArgs {
    /// The server, e.g. http://127.0.0.1:3001.
    #[arg(long)]
    url: String,
    /// The stream's path: /live/{slug}/events for liveblog, /sub/{channel} for nchan.
    #[arg(long, default_value = "/live/storm-maren/events")]
    path: String,
    /// How many readers to hold open.
    #[arg(long, default_value_t = 1000)]
    readers: usize,
    /// How many events the wire publishes (markers 0 to N-1); a reader is done once it
    /// has read the last.
    #[arg(long, default_value_t = 60)]
    events: usize,
    /// How many readers connect at once.
    #[arg(long, default_value_t = 500)]
    connect_batch: usize,
    /// Written once every reader has connected (or failed to), for the script to wait on.
    #[arg(long)]
    ready_file: Option<PathBuf>,
    /// The longest the crowd reads, in seconds, from its start.
    #[arg(long, default_value_t = 300)]
    seconds: u64,
}

/// What one reader saw.
struct ReaderLog {
    /// Per event, when the reader first read its marker (ns since the epoch), or 0.
    seen: Vec<u64>,
    /// Events read again after a reconnect: a replay that overlapped.
    duplicates: usize,
    reconnects: usize,
}

fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// A cheap spread of waits, different for every reader and try.
fn jitter(seed: u64, below_ms: u64) -> Duration {
    let mut x = seed ^ now_ns() ^ 0x9E37_79B9_7F4A_7C15;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    Duration::from_millis(x % below_ms.max(1))
}

pub async fn run(args: CrowdArgs) -> Result<()> {
    let server = Server::from_url(&args.url).await?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(args.seconds);
    let connected = Arc::new(AtomicUsize::new(0));
    let path = Arc::new(args.path.clone());
    let started = std::time::Instant::now();
    let mut readers = JoinSet::new();
    for first in (0..args.readers).step_by(args.connect_batch.max(1)) {
        let batch_end = (first + args.connect_batch.max(1)).min(args.readers);
        for index in first..batch_end {
            readers.spawn(read(
                server.clone(),
                Arc::clone(&path),
                index as u64,
                args.events,
                deadline,
                Arc::clone(&connected),
            ));
        }
        // The next batch once this one is in, or a second has passed.
        let wait_until = tokio::time::Instant::now() + Duration::from_secs(1);
        while connected.load(Ordering::Acquire) < batch_end
            && tokio::time::Instant::now() < wait_until
        {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
    while connected.load(Ordering::Acquire) < args.readers
        && tokio::time::Instant::now() < deadline
        && started.elapsed() < Duration::from_secs(120)
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let connect_seconds = started.elapsed().as_secs_f64();
    let held = connected.load(Ordering::Acquire);
    eprintln!(
        "crowd: {held} of {} readers connected to {} in {connect_seconds:.1} s",
        args.readers, args.url
    );
    if let Some(file) = &args.ready_file {
        std::fs::write(file, format!("{held}\n"))?;
    }

    let mut logs = Vec::with_capacity(args.readers);
    while let Some(joined) = readers.join_next().await {
        logs.push(joined.map_err(|e| Error::new(format!("a reader failed: {e}")))?);
    }
    let report = report(&args, held, connect_seconds, &logs);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{report}")?;
    Ok(())
}

/// Per event: how many readers read it, and when the median, the 99th percentile and
/// the last of them did (ns since the epoch); the readers that never did.
fn report(
    args: &CrowdArgs,
    held: usize,
    connect_seconds: f64,
    logs: &[ReaderLog],
) -> serde_json::Value {
    let events: Vec<serde_json::Value> = (0..args.events)
        .map(|k| {
            let times = Sample::new(
                logs.iter()
                    .map(|log| log.seen[k])
                    .filter(|at| *at != 0)
                    .collect(),
            );
            let at = |d: Option<Duration>| d.map(|d| u64::try_from(d.as_nanos()).unwrap_or(0));
            serde_json::json!({
                "k": k,
                "readers": times.len(),
                "p50_at": at(times.percentile(50.0)),
                "p99_at": at(times.percentile(99.0)),
                "last_at": at(times.max()),
            })
        })
        .collect();
    let missing: usize = logs
        .iter()
        .map(|log| log.seen.iter().filter(|at| **at == 0).count())
        .sum();
    serde_json::json!({
        "url": args.url,
        "readers": args.readers,
        "connected": held,
        "connect_seconds": (connect_seconds * 10.0).round() / 10.0,
        "missing": missing,
        "duplicates": logs.iter().map(|log| log.duplicates).sum::<usize>(),
        "reconnects": logs.iter().map(|log| log.reconnects).sum::<usize>(),
        "events": events,
    })
}

/// One reader, from its first connection to the last event (or the deadline).
async fn read(
    server: Server,
    path: Arc<String>,
    index: u64,
    events: usize,
    deadline: tokio::time::Instant,
    connected: Arc<AtomicUsize>,
) -> ReaderLog {
    let mut log = ReaderLog {
        seen: vec![0; events],
        duplicates: 0,
        reconnects: 0,
    };
    let mut stream = Stream::default();
    let mut counted = false;
    let mut failures = 0u32;
    while tokio::time::Instant::now() < deadline {
        let done = match tokio::time::timeout_at(
            deadline,
            follow(
                &server,
                &path,
                &mut stream,
                &mut log,
                &connected,
                &mut counted,
            ),
        )
        .await
        {
            Ok(Ok(done)) => {
                failures = 0;
                done
            }
            Ok(Err(_)) => {
                failures += 1;
                false
            }
            Err(_) => return log,
        };
        if done {
            return log;
        }
        if !counted {
            // Not yet in: try again soon, without counting it as coming back.
            tokio::time::sleep(Duration::from_millis(200) + jitter(index, 300)).await;
            continue;
        }
        log.reconnects += 1;
        // As the page does: the server's own `retry:` (already spread per stream), then
        // longer waits while the server stays away.
        let base = stream.retry_ms.unwrap_or(1000);
        let wait = base.saturating_mul(1 << failures.min(4)).min(10_000);
        tokio::time::sleep(Duration::from_millis(wait / 2) + jitter(index, wait)).await;
    }
    log
}

/// Where a reader stands in the stream, kept across its connections.
#[derive(Default)]
struct Stream {
    last_id: Option<String>,
    retry_ms: Option<u64>,
    line: Vec<u8>,
}

/// One connection: reads frames until the stream ends. `true` once the last event is
/// read.
async fn follow(
    server: &Server,
    path: &str,
    stream: &mut Stream,
    log: &mut ReaderLog,
    connected: &AtomicUsize,
    counted: &mut bool,
) -> Result<bool> {
    let mut headers = vec![
        ("Accept", "text/event-stream"),
        ("Cache-Control", "no-cache"),
    ];
    let last_id = stream.last_id.clone();
    if let Some(id) = &last_id {
        headers.push(("Last-Event-ID", id));
    }
    let mut connection = Connection::open(server).await?;
    connection.send(&server.get(path, &headers)).await?;
    let head = connection.read_head().await?;
    if head.status != 200 {
        return Err(Error::new(format!("status {}", head.status)));
    }
    if !*counted {
        *counted = true;
        connected.fetch_add(1, Ordering::AcqRel);
    }
    let (mut socket, early) = connection.into_parts();
    stream.line.clear();
    if take(stream, log, &early, now_ns()) {
        return Ok(true);
    }
    let mut buffer = [0u8; 4096];
    loop {
        let read = socket.read(&mut buffer).await?;
        if read == 0 {
            return Ok(false);
        }
        if take(stream, log, &buffer[..read], now_ns()) {
            return Ok(true);
        }
    }
}

/// Takes bytes read at `at`, line by line: an `id:` is remembered for coming back, a
/// `retry:` for when, and the first marker on a line is an event read. `true` once
/// the last event is read.
fn take(stream: &mut Stream, log: &mut ReaderLog, bytes: &[u8], at: u64) -> bool {
    let mut done = false;
    for &byte in bytes {
        if byte != b'\n' {
            stream.line.push(byte);
            continue;
        }
        let line = std::mem::take(&mut stream.line);
        if let Some(id) = line.strip_prefix(b"id: ") {
            stream.last_id = Some(String::from_utf8_lossy(id).trim().to_owned());
        } else if let Some(retry) = line.strip_prefix(b"retry: ") {
            stream.retry_ms = std::str::from_utf8(retry)
                .ok()
                .and_then(|r| r.trim().parse().ok());
        } else if let Some((k, slot)) =
            first_marker(&line).and_then(|k| log.seen.get_mut(k).map(|slot| (k, slot)))
        {
            if *slot == 0 {
                *slot = at;
            } else {
                log.duplicates += 1;
            }
            done |= k + 1 == log.seen.len();
        }
        stream.line = line;
        stream.line.clear();
    }
    done
}

fn first_marker(line: &[u8]) -> Option<usize> {
    let at = memchr::memmem::find(line, b"@@lg:")? + 5;
    let digits = line[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || !line[at + digits..].starts_with(b"@@") {
        return None;
    }
    std::str::from_utf8(&line[at..at + digits])
        .ok()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_takes_ids_retries_and_markers_across_reads() {
        let mut stream = Stream::default();
        let mut log = ReaderLog {
            seen: vec![0; 2],
            duplicates: 0,
            reconnects: 0,
        };
        let frames = b"retry: 1500\n\nid: 7\nevent: entry-created\ndata: {\"title\":\"x @@lg:0@@\",\"body\":\"@@lg:0@@\"}\n\n";
        let (one, two) = frames.split_at(40);
        assert!(!take(&mut stream, &mut log, one, 5));
        assert!(!take(&mut stream, &mut log, two, 6));
        assert_eq!(
            (stream.last_id.as_deref(), stream.retry_ms),
            (Some("7"), Some(1500))
        );
        assert_eq!(log.seen, vec![6, 0]);
        assert!(!take(&mut stream, &mut log, b"data: @@lg:0@@\n", 9));
        assert_eq!(log.duplicates, 1);
        assert!(take(&mut stream, &mut log, b"id: 8\ndata: @@lg:1@@\n", 10));
    }
}
