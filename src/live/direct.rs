//! Event streams written straight to their sockets, for the tens of thousands of
//! readers a big story brings.
//!
//! A connection whose first request asks for a page's event stream is answered here,
//! not by the HTTP stack: after the response head and the backlog, the socket joins
//! one of a few shards of the page's subscribers. Each shard is one task that takes the
//! page's events from the hub and writes each frame (the same shared bytes) to every
//! socket of the shard, without waiting: one write per subscriber per event, and
//! nothing else kept per subscriber than its socket and the last event it was sent.
//!
//! A socket that cannot take a whole frame at once leaves its shard for a task of its
//! own, which waits for it to take what is pending, sends it what it missed from the
//! hub's replay window, and puts it back in the shard; one that falls behind the window
//! is told to reset, and one that takes nothing for [`SLOW_WRITE_TIMEOUT`] is dropped.
//! The others never wait for it.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::mpsc;
use tokio::time::MissedTickBehavior;
use tokio_util::sync::CancellationToken;

use super::hub::{Backlog, ChannelStats, Counted, LiveEvent, LiveHub, Resume, StreamsFull};
use super::request::{KEEP_ALIVE_FRAME, Refusal, STREAM_HEADERS, raw_head};
use super::stream::{KEEP_ALIVE, LEFT_CHECK_WHEN_PRESSED, retry_field};
use crate::domain::BlogId;
use crate::domain::Seq;
use crate::per_address::Held;
use std::net::IpAddr;

/// How long a subscriber may take to accept what it is sent before it is dropped.
pub const SLOW_WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a shard with no subscriber goes on before it ends: a page read once and
/// left keeps no task waking every second, and no channel buffer.
pub const IDLE_SHARD: Duration = Duration::from_secs(30);

/// One subscriber in a shard: its socket and the newest event it has been sent.
struct Subscriber {
    socket: TcpStream,
    sent: Seq,
    counted: Counted,
    /// The connection's place among its address's connections.
    _connection: Held,
}

/// Told of every stream answered: its status, and how long the answer took.
pub type Answered = Box<dyn Fn(u16, Duration) + Send + Sync>;

/// Every page's shards of directly written subscribers.
pub struct DirectStreams {
    hub: Arc<LiveHub>,
    /// The stream's answer head, and each refusal's whole answer, as they go on the
    /// wire: the same headers the HTTP stack would send.
    head: Bytes,
    instance_full: Bytes,
    address_full: Bytes,
    answered: Answered,
    shards: Mutex<HashMap<BlogId, Vec<mpsc::UnboundedSender<Subscriber>>>>,
    shard_count: usize,
    next_shard: AtomicUsize,
    shutdown: CancellationToken,
}

impl DirectStreams {
    /// Streams with one shard per processor for each page. They all end, their
    /// connections closed, when `shutdown` is cancelled.
    /// `every_answer` are the headers every answer carries; `answered` is told of each.
    pub fn new(
        hub: Arc<LiveHub>,
        shutdown: CancellationToken,
        every_answer: &[(&str, &str)],
        answered: Answered,
    ) -> DirectStreams {
        let refusal = |full: StreamsFull| {
            let refusal = Refusal::from(full);
            let mut answer = raw_head(
                refusal.status,
                refusal.reason,
                &refusal.headers(),
                every_answer,
            );
            answer.extend_from_slice(refusal.body.as_bytes());
            Bytes::from(answer)
        };
        DirectStreams {
            head: Bytes::from(raw_head(200, "OK", &STREAM_HEADERS, every_answer)),
            instance_full: refusal(StreamsFull::Instance),
            address_full: refusal(StreamsFull::Address),
            answered,
            hub,
            shards: Mutex::default(),
            shard_count: std::thread::available_parallelism().map_or(2, usize::from),
            next_shard: AtomicUsize::new(0),
            shutdown,
        }
    }

    /// Whether a browser resuming at `resume` can be served here. One that is ahead of
    /// this instance needs the waiting the HTTP stack's stream does.
    pub fn can_serve(&self, blog: BlogId, resume: Resume) -> bool {
        match resume {
            Resume::After(seq) => !self.hub.is_ahead(blog, seq),
            Resume::Fresh | Resume::Unreadable => true,
        }
    }

    /// Answers a request for the page's events on `socket`, whose request head has
    /// been read, then hands the socket to a shard.
    pub async fn serve(
        self: Arc<Self>,
        mut socket: TcpStream,
        connection: Held,
        blog: BlogId,
        resume: Resume,
        address: IpAddr,
    ) {
        let asked = std::time::Instant::now();
        let (last_seq, backlog, counted) = match self.hub.start(blog, resume, address) {
            Ok(started) => started,
            Err(full) => {
                let answer = match full {
                    StreamsFull::Instance => &self.instance_full,
                    StreamsFull::Address => &self.address_full,
                };
                let _ = tokio::time::timeout(SLOW_WRITE_TIMEOUT, socket.write_all(answer)).await;
                (self.answered)(Refusal::from(full).status, asked.elapsed());
                return;
            }
        };
        let mut start = Vec::with_capacity(self.head.len() + 16);
        start.extend_from_slice(&self.head);
        start.extend_from_slice(retry_field().as_bytes());
        let mut sent = last_seq;
        let mut frames = Vec::new();
        match backlog {
            Backlog::Replay(events) => {
                if let Some(last) = events.last() {
                    sent = last.seq;
                }
                frames.extend(events.iter().map(|e| e.frame.clone()));
            }
            Backlog::Reset => frames.push(LiveEvent::reset(last_seq).frame.clone()),
            // Not sent here (see `can_serve`); should it happen, start from now.
            Backlog::Ahead(_) => {}
        }
        let written = tokio::time::timeout(SLOW_WRITE_TIMEOUT, async {
            socket.write_all(&start).await?;
            for frame in &frames {
                socket.write_all(frame).await?;
            }
            Ok::<_, std::io::Error>(())
        })
        .await;
        if !matches!(written, Ok(Ok(()))) {
            return;
        }
        (self.answered)(200, asked.elapsed());
        counted.stats().count_deliveries(frames.len() as u64);
        self.join(
            blog,
            Subscriber {
                socket,
                sent,
                counted,
                _connection: connection,
            },
        );
    }

    /// Puts a subscriber in one of the page's shards, starting them when needed.
    fn join(self: &Arc<Self>, blog: BlogId, subscriber: Subscriber) {
        let mut shards = self.shards.lock().unwrap_or_else(|p| p.into_inner());
        let page_shards = shards.entry(blog).or_insert_with(|| {
            (0..self.shard_count)
                .map(|_| {
                    let (joining, joined) = mpsc::unbounded_channel();
                    tokio::spawn(Arc::clone(self).run_shard(blog, joined));
                    joining
                })
                .collect()
        });
        let at = self.next_shard.fetch_add(1, Ordering::Relaxed) % page_shards.len();
        // A shard that has ended for want of subscribers takes none: the page's
        // shards start again.
        if let Err(refused) = page_shards[at].send(subscriber) {
            shards.remove(&blog);
            drop(shards);
            self.join(blog, refused.0);
        }
    }

    /// One shard: writes every event of the page to each of its subscribers.
    async fn run_shard(
        self: Arc<Self>,
        blog: BlogId,
        mut joined: mpsc::UnboundedReceiver<Subscriber>,
    ) {
        let mut receiver = self.hub.receiver(blog);
        let stats = self.hub.stats(blog);
        let mut subscribers: Vec<Subscriber> = Vec::new();
        let mut keep_alive = tokio::time::interval(KEEP_ALIVE);
        keep_alive.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let mut left_check = tokio::time::interval(LEFT_CHECK_WHEN_PRESSED);
        left_check.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let mut idle_since = Some(tokio::time::Instant::now());
        loop {
            if subscribers.is_empty() {
                let since = *idle_since.get_or_insert_with(tokio::time::Instant::now);
                if since.elapsed() >= IDLE_SHARD {
                    // Takes no one more; whoever was on the way goes to the shards
                    // started in its place.
                    joined.close();
                    drop(receiver);
                    while let Ok(subscriber) = joined.try_recv() {
                        self.join(blog, subscriber);
                    }
                    self.hub.release_unheard(blog);
                    return;
                }
            } else {
                idle_since = None;
            }
            tokio::select! {
                _ = self.shutdown.cancelled() => return,
                Some(subscriber) = joined.recv() => {
                    match self.hub.replay_after(blog, subscriber.sent) {
                        Some(missed) => {
                            let mut one = vec![subscriber];
                            for event in missed {
                                self.deliver(blog, &stats, &mut one, event.seq, &event.frame);
                            }
                            subscribers.append(&mut one);
                        }
                        None => {
                            subscriber.counted.stats().count_reset();
                            tokio::spawn(reset(subscriber));
                        }
                    }
                }
                received = receiver.recv() => match received {
                    Ok(event) => self.deliver(blog, &stats, &mut subscribers, event.seq, &event.frame),
                    // The shard itself fell behind: every subscriber leaves to be sent what it
                    // missed from the replay window, and comes back.
                    Err(RecvError::Lagged(_)) => {
                        receiver = receiver.resubscribe();
                        for subscriber in subscribers.drain(..) {
                            tokio::spawn(Arc::clone(&self).wait_for_slow(blog, subscriber, Bytes::new()));
                        }
                    }
                    // The page was opened afresh (its history reloaded): every browser
                    // reconnects and is told what it needs.
                    Err(RecvError::Closed) => {
                        subscribers.clear();
                        receiver = self.hub.receiver(blog);
                    }
                },
                // While streams are refused for lack of room, places held by readers
                // who left are given back within a second, not a keep-alive. (Checked
                // at each tick, not as the branch's condition: a waiting select! would
                // not look at the condition again.)
                _ = left_check.tick() => {
                    if self.hub.is_pressed() {
                        subscribers.retain(|subscriber| !has_left(&subscriber.socket));
                    }
                }
                _ = keep_alive.tick() => {
                    // Readers who have left are noticed here at the latest: their
                    // connection reads as ended, or the comment cannot be written.
                    subscribers.retain(|subscriber| !has_left(&subscriber.socket));
                    self.deliver(blog, &stats, &mut subscribers, 0, &KEEP_ALIVE_FRAME);
                }
            }
        }
    }

    /// Writes one frame to every subscriber that lacks it (a `seq` of 0 goes to all),
    /// without waiting for any of them.
    fn deliver(
        self: &Arc<Self>,
        blog: BlogId,
        stats: &ChannelStats,
        subscribers: &mut Vec<Subscriber>,
        seq: Seq,
        frame: &Bytes,
    ) {
        let mut delivered = 0;
        let mut at = 0;
        while at < subscribers.len() {
            let subscriber = &mut subscribers[at];
            if seq != 0 && seq <= subscriber.sent {
                at += 1;
                continue;
            }
            match subscriber.socket.try_write(frame) {
                Ok(written) if written == frame.len() => {
                    subscriber.sent = subscriber.sent.max(seq);
                    delivered += 1;
                    at += 1;
                }
                Ok(written) => {
                    let mut slow = subscribers.swap_remove(at);
                    slow.sent = slow.sent.max(seq);
                    tokio::spawn(Arc::clone(self).wait_for_slow(
                        blog,
                        slow,
                        frame.slice(written..),
                    ));
                }
                Err(error) if error.kind() == ErrorKind::WouldBlock => {
                    let mut slow = subscribers.swap_remove(at);
                    slow.sent = slow.sent.max(seq);
                    tokio::spawn(Arc::clone(self).wait_for_slow(blog, slow, frame.clone()));
                }
                // The browser has gone.
                Err(_) => {
                    subscribers.swap_remove(at);
                }
            }
        }
        if seq != 0 {
            stats.count_deliveries(delivered);
        }
    }

    /// A subscriber that could not take a frame at once: waits for it to take `pending`
    /// and what it missed meanwhile, then puts it back in a shard.
    async fn wait_for_slow(
        self: Arc<Self>,
        blog: BlogId,
        mut subscriber: Subscriber,
        pending: Bytes,
    ) {
        let wrote =
            tokio::time::timeout(SLOW_WRITE_TIMEOUT, subscriber.socket.write_all(&pending)).await;
        if !matches!(wrote, Ok(Ok(()))) {
            return;
        }
        loop {
            let Some(missed) = self.hub.replay_after(blog, subscriber.sent) else {
                subscriber.counted.stats().count_reset();
                reset(subscriber).await;
                return;
            };
            if missed.is_empty() {
                self.join(blog, subscriber);
                return;
            }
            for event in missed {
                let wrote = tokio::time::timeout(
                    SLOW_WRITE_TIMEOUT,
                    subscriber.socket.write_all(&event.frame),
                )
                .await;
                if !matches!(wrote, Ok(Ok(()))) {
                    return;
                }
                subscriber.sent = event.seq;
                subscriber.counted.stats().count_deliveries(1);
            }
        }
    }
}

/// Whether the browser has closed its side of the connection. Anything it sent (it
/// should send nothing) is read and dropped.
fn has_left(socket: &TcpStream) -> bool {
    let mut probe = [0; 64];
    matches!(socket.try_read(&mut probe), Ok(0))
}

/// Tells a subscriber that fell behind what is kept to reload, and closes its stream.
async fn reset(mut subscriber: Subscriber) {
    let frame = LiveEvent::reset(subscriber.sent).frame.clone();
    let _ = tokio::time::timeout(SLOW_WRITE_TIMEOUT, subscriber.socket.write_all(&frame)).await;
    let _ = subscriber.socket.shutdown().await;
}
