//! `loadgen fanout`: N readers on one stream, E events published one after another.
//!
//! The steps: the server's memory with no readers; N readers opened in batches, each
//! waiting for its response head; memory again once they have settled; the server's
//! CPU time; the events, each timed from just before its publish request is written to
//! the moment each reader reads its marker; the CPU time again. Each reader is one task
//! that reads into its own buffer and writes the instant it saw a marker into a table
//! made before the first event, so the generator's cost per delivery stays small.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::http::{Client, Connection, Server};
use crate::marker::{Scanner, marker};
use crate::process::{ProcessTree, listen_overflows};
use crate::stats::{Sample, ms};
use crate::words::Prose;
use crate::{Error, Result};

/// How much each reader reads at a time.
const READ_SIZE: usize = 8 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// liveblog: `GET /live/{slug}/events`, entries published through the JSON API.
    Liveblog,
    /// nginx with nchan: `GET /sub/{channel}` as EventSource, `POST /pub/{channel}`.
    Nchan,
}

#[derive(Debug, Args)]
pub struct FanoutArgs {
    #[arg(long, value_enum)]
    target: Target,
    /// The server, e.g. http://127.0.0.1:3000.
    #[arg(long)]
    url: String,
    /// How many readers to open.
    #[arg(long, default_value_t = 1000)]
    subscribers: usize,
    /// How many events to publish, one after another.
    #[arg(long, default_value_t = 20)]
    events: usize,
    /// The server's process, for its memory and CPU time (its children are counted too).
    #[arg(long)]
    pid: Option<u32>,
    /// About how many bytes of text each event carries.
    #[arg(long, default_value_t = 1500)]
    payload_bytes: usize,
    /// liveblog: the live page's slug.
    #[arg(long, default_value = "storm-maren")]
    slug: String,
    /// liveblog: an API token.
    #[arg(long, required_if_eq("target", "liveblog"))]
    token: Option<String>,
    /// nchan: the channel.
    #[arg(long, default_value = "bench")]
    channel: String,
    /// How many readers connect at once.
    #[arg(long, default_value_t = 500)]
    connect_batch: usize,
    /// How long a reader may take to connect and read its response head, in seconds.
    #[arg(long, default_value_t = 10)]
    connect_timeout: u64,
    /// How long to wait after the last reader connects before reading memory, in ms.
    #[arg(long, default_value_t = 3000)]
    settle_ms: u64,
    /// How long an event may take to reach every reader, in seconds.
    #[arg(long, default_value_t = 10)]
    event_timeout: u64,
    /// The pause after each event has reached every reader, in ms.
    #[arg(long, default_value_t = 200)]
    pause_ms: u64,
    /// The kernel's clock ticks per second (`getconf CLK_TCK`).
    #[arg(long, default_value_t = 100)]
    clk_tck: u64,
}

/// How to read from and publish to the server under test.
pub(crate) enum Stream {
    Liveblog { slug: String, token: String },
    Nchan { channel: String },
}

impl Stream {
    fn from_args(args: &FanoutArgs) -> Result<Stream> {
        Ok(match args.target {
            Target::Liveblog => Stream::Liveblog {
                slug: args.slug.clone(),
                token: args
                    .token
                    .clone()
                    .ok_or_else(|| Error::new("liveblog needs --token"))?,
            },
            Target::Nchan => Stream::Nchan {
                channel: args.channel.clone(),
            },
        })
    }

    fn name(&self) -> &'static str {
        match self {
            Stream::Liveblog { .. } => "liveblog",
            Stream::Nchan { .. } => "nchan",
        }
    }

    fn subscribe(&self, server: &Server) -> Vec<u8> {
        let path = match self {
            Stream::Liveblog { slug, .. } => format!("/live/{slug}/events"),
            Stream::Nchan { channel } => format!("/sub/{channel}"),
        };
        server.get(
            &path,
            &[
                ("Accept", "text/event-stream"),
                ("Cache-Control", "no-cache"),
            ],
        )
    }

    /// The request that publishes event `k`, with its marker and `bytes` of text.
    pub(crate) fn publish(&self, server: &Server, k: usize, bytes: usize) -> Result<Vec<u8>> {
        let mark = marker(k);
        let mut prose = Prose::new(k as u64 + 1_000);
        let text = format!(
            "{mark} {}",
            prose.line(bytes.saturating_sub(mark.len() + 1))
        );
        Ok(match self {
            Stream::Liveblog { slug, token } => {
                let body = serde_json::to_vec(&serde_json::json!({
                    "title": format!("{} {mark}", prose.title(6)),
                    "body": text,
                }))?;
                server.post(
                    &format!("/api/v1/live/{slug}/entries"),
                    &[
                        ("Authorization", &format!("Bearer {token}")),
                        ("Content-Type", "application/json"),
                    ],
                    &body,
                )
            }
            Stream::Nchan { channel } => server.post(
                &format!("/pub/{channel}"),
                &[("Content-Type", "text/plain")],
                text.as_bytes(),
            ),
        })
    }
}

/// When each reader saw each event: nanoseconds since `start`, 0 for not yet.
struct Deliveries {
    start: Instant,
    subscribers: usize,
    events: usize,
    seen_at: Vec<AtomicU64>,
    /// Per event, how many readers have seen it.
    counts: Vec<AtomicUsize>,
    /// Readers whose stream ended or failed after they connected.
    gone: AtomicUsize,
    /// Woken when an event reaches its last reader or a reader goes.
    progress: Notify,
    /// How many readers an event must reach: those that connected.
    expected: AtomicUsize,
}

impl Deliveries {
    fn new(subscribers: usize, events: usize) -> Deliveries {
        Deliveries {
            start: Instant::now(),
            subscribers,
            events,
            seen_at: (0..subscribers * events)
                .map(|_| AtomicU64::new(0))
                .collect(),
            counts: (0..events).map(|_| AtomicUsize::new(0)).collect(),
            gone: AtomicUsize::new(0),
            progress: Notify::new(),
            expected: AtomicUsize::new(usize::MAX),
        }
    }

    fn nanos(&self, at: Instant) -> u64 {
        u64::try_from(at.duration_since(self.start).as_nanos())
            .unwrap_or(u64::MAX)
            .max(1)
    }

    /// Reader `subscriber` read event `event`'s marker at `at`; only the first counts.
    fn record(&self, event: u64, subscriber: usize, at: u64) {
        let Some(event) = usize::try_from(event).ok().filter(|e| *e < self.events) else {
            return;
        };
        let slot = &self.seen_at[event * self.subscribers + subscriber];
        if slot
            .compare_exchange(0, at, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            let count = self.counts[event].fetch_add(1, Ordering::AcqRel) + 1;
            if count >= self.expected.load(Ordering::Acquire) {
                self.progress.notify_one();
            }
        }
    }

    fn reader_gone(&self) {
        self.gone.fetch_add(1, Ordering::AcqRel);
        self.progress.notify_one();
    }

    /// Waits until event `k` has reached every reader still there, or until `deadline`.
    async fn wait_for(&self, k: usize, deadline: tokio::time::Instant) {
        loop {
            let notified = self.progress.notified();
            let expected = self.expected.load(Ordering::Acquire);
            let reachable = expected.saturating_sub(self.gone.load(Ordering::Acquire));
            if self.counts[k].load(Ordering::Acquire) >= reachable {
                return;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return;
            }
        }
    }
}

pub async fn run(args: FanoutArgs) -> Result<()> {
    let stream = Stream::from_args(&args)?;
    let server = Server::from_url(&args.url).await?;
    let process = args.pid.map(ProcessTree::new).transpose()?;
    let deliveries = Arc::new(Deliveries::new(args.subscribers, args.events));
    eprintln!(
        "fanout: {} at {}, {} readers, {} events of {} bytes",
        stream.name(),
        args.url,
        args.subscribers,
        args.events,
        args.payload_bytes
    );

    // (1) Memory with no readers.
    let memory_before = process.map(|p| p.memory_kb()).transpose()?;

    // (2) The readers, each up to its response head.
    let mut opened = open_readers(&args, &stream, &server, &deliveries).await;
    if opened.connected == 0 {
        return Err(Error::new("no reader could connect"));
    }

    // (3) Memory once the readers have settled.
    tokio::time::sleep(Duration::from_millis(args.settle_ms)).await;
    let memory_idle = process.map(|p| p.memory_kb()).transpose()?;

    // (4) The events, between two readings of the CPU time (5).
    let cpu_before = process.map(|p| p.cpu_ticks()).transpose()?;
    let (published_at, round_trips) = publish_events(&args, &stream, &server, &deliveries).await?;
    let cpu_after = process.map(|p| p.cpu_ticks()).transpose()?;
    opened.readers.abort_all();

    // (6) The report.
    let report = Report::new(
        &args,
        &stream,
        &deliveries,
        Outcome {
            connected: opened.connected,
            failed: opened.failures.values().sum(),
            connect_time: opened.connect_time,
            overflows: opened.overflows,
            published_at,
            round_trips,
            memory_before,
            memory_idle,
            cpu_ticks: cpu_before.zip(cpu_after).map(|(a, b)| b.saturating_sub(a)),
        },
    );
    report.print();
    Ok(())
}

/// The readers that connected, listening, and how opening them went.
struct Opened {
    readers: JoinSet<()>,
    connected: usize,
    /// Readers that could not connect, by reason.
    failures: BTreeMap<String, usize>,
    connect_time: Duration,
    /// Connections the kernel dropped meanwhile for a full accept queue.
    overflows: Option<u64>,
}

/// Opens the readers a batch at a time, so the server is not asked for thousands of
/// connections at once, and sets each one listening once it has its response head.
async fn open_readers(
    args: &FanoutArgs,
    stream: &Stream,
    server: &Server,
    deliveries: &Arc<Deliveries>,
) -> Opened {
    let overflows_before = listen_overflows();
    let started = Instant::now();
    let subscribe = Arc::new(stream.subscribe(server));
    let batch = args.connect_batch.max(1);
    let limit = Duration::from_secs(args.connect_timeout);
    let mut opened = Opened {
        readers: JoinSet::new(),
        connected: 0,
        failures: BTreeMap::new(),
        connect_time: Duration::ZERO,
        overflows: None,
    };
    for first in (0..args.subscribers).step_by(batch) {
        let mut opening = JoinSet::new();
        for index in first..(first + batch).min(args.subscribers) {
            let server = server.clone();
            let subscribe = Arc::clone(&subscribe);
            opening.spawn(async move {
                let reader = tokio::time::timeout(limit, open_reader(&server, &subscribe)).await;
                (index, reader)
            });
        }
        while let Some(joined) = opening.join_next().await {
            let failure = match joined {
                Ok((index, Ok(Ok((socket, early))))) => {
                    opened.connected += 1;
                    let deliveries = Arc::clone(deliveries);
                    opened
                        .readers
                        .spawn(listen(socket, early, index, deliveries));
                    continue;
                }
                Ok((_, Ok(Err(error)))) => error.to_string(),
                Ok((_, Err(_))) => format!("no response head within {limit:?}"),
                Err(error) => format!("the task failed: {error}"),
            };
            *opened.failures.entry(failure).or_default() += 1;
        }
    }
    deliveries
        .expected
        .store(opened.connected, Ordering::Release);
    opened.connect_time = started.elapsed();
    opened.overflows = overflows_before
        .zip(listen_overflows())
        .map(|(before, after)| after.saturating_sub(before));
    eprintln!(
        "fanout: {} readers connected in {:.1} s, {} failed",
        opened.connected,
        opened.connect_time.as_secs_f64(),
        opened.failures.values().sum::<usize>()
    );
    for (reason, count) in &opened.failures {
        eprintln!("fanout:   {count} × {reason}");
    }
    opened
}

/// Publishes the events one after another, each once the last has reached every reader
/// (or timed out) and a pause has passed. When each publish request began, in
/// nanoseconds on the deliveries' clock, and each one's round trip.
async fn publish_events(
    args: &FanoutArgs,
    stream: &Stream,
    server: &Server,
    deliveries: &Deliveries,
) -> Result<(Vec<u64>, Vec<u64>)> {
    let mut publisher = Client::new(server.clone());
    let mut published_at = Vec::with_capacity(args.events);
    let mut round_trips = Vec::with_capacity(args.events);
    let limit = Duration::from_secs(args.event_timeout);
    for k in 0..args.events {
        let request = stream.publish(server, k, args.payload_bytes)?;
        let t0 = Instant::now();
        let (head, answer) = publisher.request(&request).await?;
        round_trips.push(nanos_between(t0, Instant::now()));
        if !(200..300).contains(&head.status) {
            return Err(Error::new(format!(
                "publishing event {k}: {} {}",
                head.status,
                String::from_utf8_lossy(&answer)
            )));
        }
        published_at.push(deliveries.nanos(t0));
        deliveries
            .wait_for(k, tokio::time::Instant::from_std(t0 + limit))
            .await;
        tokio::time::sleep(Duration::from_millis(args.pause_ms)).await;
    }
    Ok((published_at, round_trips))
}

/// Connects and reads the response head; the socket and any bytes read past the head.
async fn open_reader(server: &Server, subscribe: &[u8]) -> Result<(TcpStream, Vec<u8>)> {
    let mut connection = Connection::open(server).await?;
    connection.send(subscribe).await?;
    let head = connection.read_head().await?;
    if head.status != 200 {
        return Err(Error::new(format!("status {}", head.status)));
    }
    Ok(connection.into_parts())
}

/// One reader: reads until the stream ends, noting when each marker arrives.
async fn listen(mut socket: TcpStream, early: Vec<u8>, index: usize, deliveries: Arc<Deliveries>) {
    let mut scanner = Scanner::new(READ_SIZE.max(early.len()));
    let at = deliveries.nanos(Instant::now());
    scanner.spare()[..early.len()].copy_from_slice(&early);
    scanner.scan(early.len(), |k| deliveries.record(k, index, at));
    loop {
        match socket.read(scanner.spare()).await {
            Ok(0) | Err(_) => break,
            Ok(read) => {
                let at = deliveries.nanos(Instant::now());
                scanner.scan(read, |k| deliveries.record(k, index, at));
            }
        }
    }
    deliveries.reader_gone();
}

fn nanos_between(from: Instant, to: Instant) -> u64 {
    u64::try_from(to.duration_since(from).as_nanos()).unwrap_or(u64::MAX)
}

/// What a run measured, before it is summed up.
struct Outcome {
    connected: usize,
    failed: usize,
    /// How long opening every reader took.
    connect_time: Duration,
    /// Connections the kernel dropped meanwhile for a full accept queue.
    overflows: Option<u64>,
    /// When each event's publish request began, in nanoseconds since the table's start.
    published_at: Vec<u64>,
    round_trips: Vec<u64>,
    /// The server's memory in KB and CPU time in ticks, where a pid was given.
    memory_before: Option<u64>,
    memory_idle: Option<u64>,
    cpu_ticks: Option<u64>,
}

struct Report {
    json: serde_json::Value,
    text: String,
}

impl Report {
    fn new(
        args: &FanoutArgs,
        stream: &Stream,
        deliveries: &Deliveries,
        outcome: Outcome,
    ) -> Report {
        let Outcome {
            connected,
            failed,
            connect_time,
            overflows,
            published_at,
            round_trips,
            memory_before,
            memory_idle,
            cpu_ticks,
        } = outcome;
        let mut all = Vec::with_capacity(connected * published_at.len());
        let mut p99_per_event = Vec::with_capacity(published_at.len());
        let mut last_reader = Vec::with_capacity(published_at.len());
        for (k, t0) in published_at.iter().enumerate() {
            let row = &deliveries.seen_at[k * deliveries.subscribers..][..deliveries.subscribers];
            let latencies: Vec<u64> = row
                .iter()
                .map(|at| at.load(Ordering::Relaxed))
                .filter(|at| *at != 0)
                .map(|at| at.saturating_sub(*t0))
                .collect();
            all.extend_from_slice(&latencies);
            let event = Sample::new(latencies);
            p99_per_event.extend(event.percentile(99.0).map(duration_nanos));
            last_reader.extend(event.max().map(duration_nanos));
        }
        let all = Sample::new(all);
        let delivered = all.len();
        let missing = (connected * published_at.len()).saturating_sub(delivered);
        let p99_per_event = Sample::new(p99_per_event);
        let last_reader = Sample::new(last_reader);
        let round_trips = Sample::new(round_trips);
        let round2 = |v: f64| (v * 100.0).round() / 100.0;
        let kb_per_subscriber = memory_before
            .zip(memory_idle)
            .map(|(before, idle)| (idle as f64 - before as f64) / connected as f64);
        let cpu_seconds = cpu_ticks.map(|t| t as f64 / args.clk_tck.max(1) as f64);
        let cpu_us_per_delivery = cpu_seconds
            .filter(|_| delivered > 0)
            .map(|s| s * 1e6 / delivered as f64);

        let json = serde_json::json!({
            "target": stream.name(),
            "subscribers": args.subscribers,
            "connected": connected,
            "failed": failed,
            "connect_seconds": round2(connect_time.as_secs_f64()),
            "listen_overflows": overflows,
            "events": published_at.len(),
            "payload_bytes": args.payload_bytes,
            "deliveries": delivered,
            "missing": missing,
            "p50_ms": ms(all.percentile(50.0)),
            "p99_ms": ms(all.percentile(99.0)),
            "max_ms": ms(all.max()),
            "p99_per_event_median_ms": ms(p99_per_event.percentile(50.0)),
            "last_reader_p50_ms": ms(last_reader.percentile(50.0)),
            "last_reader_p99_ms": ms(last_reader.percentile(99.0)),
            "publish_rtt_p50_ms": ms(round_trips.percentile(50.0)),
            "publish_rtt_p99_ms": ms(round_trips.percentile(99.0)),
            "memory_before_kb": memory_before,
            "memory_idle_kb": memory_idle,
            "kb_per_idle_subscriber": kb_per_subscriber.map(round2),
            "cpu_seconds": cpu_seconds.map(round2),
            "cpu_us_per_delivery": cpu_us_per_delivery.map(round2),
        });

        let show = |d: Option<Duration>| match ms(d) {
            Some(v) => format!("{v:.1} ms"),
            None => "-".to_owned(),
        };
        let mut text = format!(
            "fan-out to {} readers of {} ({connected} connected in {:.1} s, {failed} failed), {} events of {} bytes\n",
            args.subscribers,
            stream.name(),
            connect_time.as_secs_f64(),
            published_at.len(),
            args.payload_bytes
        );
        if let Some(overflows) = overflows.filter(|n| *n > 0) {
            text.push_str(&format!(
                "  opening readers    {overflows} connections dropped by a full accept queue (machine-wide count)\n"
            ));
        }
        text.push_str(&format!(
            "  delivery latency   p50 {}, p99 {}, max {}  ({delivered} deliveries, {missing} missing)\n",
            show(all.percentile(50.0)),
            show(all.percentile(99.0)),
            show(all.max()),
        ));
        text.push_str(&format!(
            "  per event          p99 (median over events) {}; last reader p50 {}, p99 {}\n",
            show(p99_per_event.percentile(50.0)),
            show(last_reader.percentile(50.0)),
            show(last_reader.percentile(99.0)),
        ));
        text.push_str(&format!(
            "  publish request    round trip p50 {}, p99 {}\n",
            show(round_trips.percentile(50.0)),
            show(round_trips.percentile(99.0)),
        ));
        match (memory_before, memory_idle, kb_per_subscriber) {
            (Some(before), Some(idle), Some(per)) => text.push_str(&format!(
                "  server memory      {before} KB before, {idle} KB with the readers idle: {per:.2} KB per reader\n"
            )),
            _ => text.push_str("  server memory      not measured (no --pid)\n"),
        }
        match (cpu_seconds, cpu_us_per_delivery) {
            (Some(seconds), Some(per)) => text.push_str(&format!(
                "  server CPU         {seconds:.2} s over the events: {per:.2} µs per delivery\n"
            )),
            _ => text.push_str("  server CPU         not measured\n"),
        }
        Report { json, text }
    }

    /// The human-readable block, then the one line of JSON a script reads.
    fn print(&self) {
        print!("{}", self.text);
        println!("{}", self.json);
    }
}

fn duration_nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}
