//! Per-page channels, sequence numbers and the replay window.
//!
//! Longer than 500 lines only with its unit tests: the code is about 420 lines, kept in
//! one file because the replay window, its lock and the order of sending hold one
//! invariant together (a subscriber misses nothing and gets nothing twice).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use serde::Serialize;
use tokio::sync::broadcast;

use crate::domain::BlogId;
use crate::domain::{ChangeKind, Seq};
use crate::per_address::{Held, PerAddress};
use std::net::IpAddr;

/// How many events a subscriber may fall behind before it is told to reset.
const CHANNEL_CAPACITY: usize = 1024;

/// One change, encoded once as an SSE frame.
#[derive(Debug)]
pub struct LiveEvent {
    pub seq: Seq,
    /// `id: …\nevent: …\ndata: …\n\n`, ready for the wire.
    pub frame: Bytes,
}

impl LiveEvent {
    /// Encodes a change once, for every subscriber. The SSE `event:` name is the
    /// change log's name for it.
    pub fn new(seq: Seq, kind: ChangeKind, data: &impl Serialize) -> LiveEvent {
        // serde_json's compact output escapes newlines, so `data:` stays on one line.
        let json = serde_json::to_string(data)
            .expect("an event's data is plain fields and strings, which always serialise");
        let mut frame = format!("id: {seq}\nevent: {}\ndata: {json}\n\n", kind.as_str());
        // Kept for the replay window, up to a thousand a page: without the room the
        // string grew into, often as much again.
        frame.shrink_to_fit();
        LiveEvent {
            seq,
            frame: Bytes::from(frame),
        }
    }

    /// Something of the moment that is no change to the page and is not replayed (the
    /// counts of a poll): sent with no `id:`, so a browser's place in the page's
    /// changes stays where it is. Its `seq` is 0: every subscriber gets it.
    pub fn passing(name: &str, data: &impl Serialize) -> LiveEvent {
        let json = serde_json::to_string(data)
            .expect("an event's data is plain fields and strings, which always serialise");
        LiveEvent {
            seq: 0,
            frame: Bytes::from(format!("event: {name}\ndata: {json}\n\n")),
        }
    }

    /// Tells a browser to reload the page: what it missed cannot be replayed.
    pub fn reset(last_seq: Seq) -> LiveEvent {
        let frame = format!("event: reset\ndata: {{\"id\":{last_seq}}}\n\n");
        LiveEvent {
            seq: last_seq,
            frame: Bytes::from(frame),
        }
    }
}

/// Where a browser says it is, from its `Last-Event-ID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    /// A first connection: only what happens from now on.
    Fresh,
    /// It has every change up to this one.
    After(Seq),
    /// It sent something that is not a sequence number.
    Unreadable,
}

impl Resume {
    /// Reads a browser's `Last-Event-ID`. A number we cannot read means we cannot know
    /// what the browser has: it gets a reset.
    pub fn from_last_event_id(value: &str) -> Resume {
        value
            .trim()
            .parse::<Seq>()
            .map_or(Resume::Unreadable, Resume::After)
    }
}

/// What a subscriber must be sent before live events: the events it missed, or a reset.
#[derive(Debug)]
pub enum Backlog {
    Replay(Vec<Arc<LiveEvent>>),
    /// The browser has changes this instance has not heard of yet (it read the page
    /// from another instance): skip up to there, and reset if they do not come soon.
    Ahead(Seq),
    Reset,
}

/// A subscriber's start: its backlog (what it missed), then everything from `receiver`.
pub struct Subscription {
    pub backlog: Backlog,
    pub receiver: broadcast::Receiver<Arc<LiveEvent>>,
    /// The sequence number the subscriber is up to once the backlog is sent.
    pub last_seq: Seq,
    /// Counts the subscriber among the page's subscribers for as long as it lives, and
    /// counts what it is sent.
    pub counted: Counted,
}

/// What a page's channel has carried since the server started, for `/metrics`.
#[derive(Debug, Default)]
pub struct ChannelStats {
    subscribers: AtomicU64,
    published: AtomicU64,
    deliveries: AtomicU64,
    resets: AtomicU64,
    passed: AtomicU64,
}

/// One subscriber, counted among its page's subscribers until it is dropped.
#[derive(Debug)]
/// It holds one of its address's streams too, given back with it.
pub struct Counted {
    stats: Arc<ChannelStats>,
    _address: Held,
}

impl Counted {
    fn new(stats: &Arc<ChannelStats>, address: Held) -> Counted {
        stats.subscribers.fetch_add(1, Ordering::Relaxed);
        Counted {
            stats: Arc::clone(stats),
            _address: address,
        }
    }

    pub fn stats(&self) -> &ChannelStats {
        &self.stats
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.stats.subscribers.fetch_sub(1, Ordering::Relaxed);
    }
}

impl ChannelStats {
    /// Browsers connected to the page now.
    pub fn subscribers(&self) -> u64 {
        self.subscribers.load(Ordering::Relaxed)
    }

    /// Events published to the page.
    pub fn published(&self) -> u64 {
        self.published.load(Ordering::Relaxed)
    }

    /// Event frames handed to subscribers' connections.
    pub fn deliveries(&self) -> u64 {
        self.deliveries.load(Ordering::Relaxed)
    }

    /// Passing events sent to the page (the counts of its polls).
    pub fn passed(&self) -> u64 {
        self.passed.load(Ordering::Relaxed)
    }

    /// Subscribers told to reload because they fell too far behind.
    pub fn resets(&self) -> u64 {
        self.resets.load(Ordering::Relaxed)
    }

    pub fn count_deliveries(&self, frames: u64) {
        self.deliveries.fetch_add(frames, Ordering::Relaxed);
    }

    pub fn count_reset(&self) {
        self.resets.fetch_add(1, Ordering::Relaxed);
    }
}

/// One page as `/metrics` reports it.
pub struct ChannelReport {
    pub blog: BlogId,
    pub stats: Arc<ChannelStats>,
    /// Whether its channel is held open, for readers now or lately.
    pub held: bool,
}

struct Channel {
    /// Made when a subscriber first comes, and let go when the last has gone: a page
    /// nobody reads costs no buffer.
    sender: Option<broadcast::Sender<Arc<LiveEvent>>>,
    recent: VecDeque<Arc<LiveEvent>>,
    last_seq: Seq,
    stats: Arc<ChannelStats>,
}

impl Channel {
    fn new(last_seq: Seq) -> Channel {
        Channel {
            sender: None,
            recent: VecDeque::new(),
            last_seq,
            stats: Arc::default(),
        }
    }

    /// A receiver of the page's events from now on.
    fn receiver(&mut self) -> broadcast::Receiver<Arc<LiveEvent>> {
        let sender = self
            .sender
            .get_or_insert_with(|| broadcast::channel(CHANNEL_CAPACITY).0);
        sender.subscribe()
    }

    /// What a browser resuming at `resume` must be sent before live events.
    fn backlog(&self, resume: Resume) -> Backlog {
        match resume {
            Resume::Fresh => Backlog::Replay(Vec::new()),
            Resume::Unreadable => Backlog::Reset,
            Resume::After(id) if id == self.last_seq => Backlog::Replay(Vec::new()),
            Resume::After(id) if id > self.last_seq => Backlog::Ahead(id),
            Resume::After(id) => {
                let oldest_kept = self.recent.front().map(|e| e.seq);
                match oldest_kept {
                    Some(oldest) if oldest <= id + 1 => Backlog::Replay(
                        self.recent.iter().filter(|e| e.seq > id).cloned().collect(),
                    ),
                    _ => Backlog::Reset,
                }
            }
        }
    }
}

/// Every live page's channel. The lock is a plain mutex: it is held only for a few
/// pointer moves and never across an `.await`.
pub struct LiveHub {
    replay_window: usize,
    /// The most streams open at once on this instance, over every page.
    max_streams: u64,
    /// The most streams one client address holds at once.
    per_address: Arc<PerAddress>,
    /// When a stream was last refused for lack of room, as milliseconds since the hub
    /// started: while streams are being refused, readers who have left are looked for
    /// often, to free their places.
    last_refused: AtomicU64,
    started: std::time::Instant,
    channels: Mutex<HashMap<BlogId, Channel>>,
}

/// No room for another stream: come back later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamsFull {
    /// This instance holds as many streams as it may.
    Instance,
    /// The client's address holds as many as one address may.
    Address,
}

/// How long after refusing a stream the hub counts as pressed for room.
const PRESSED_FOR: std::time::Duration = std::time::Duration::from_secs(30);

impl LiveHub {
    /// A hub that keeps the last `replay_window` events of each page for replay, with
    /// no limit on streams.
    pub fn new(replay_window: usize) -> LiveHub {
        LiveHub {
            replay_window,
            max_streams: u64::MAX,
            per_address: PerAddress::new(u32::MAX, &[]),
            last_refused: AtomicU64::new(0),
            started: std::time::Instant::now(),
            channels: Mutex::new(HashMap::new()),
        }
    }

    /// The same hub, refusing streams beyond `max_streams` open at once.
    pub fn with_max_streams(mut self, max_streams: u64) -> LiveHub {
        self.max_streams = max_streams;
        self
    }

    /// The same hub, refusing an address more than `cap` streams at once (but for
    /// this machine's addresses and `uncapped`).
    pub fn with_streams_per_address(mut self, cap: u32, uncapped: &[IpAddr]) -> LiveHub {
        self.per_address = PerAddress::new(cap, uncapped);
        self
    }

    /// Takes a place for one more stream from `address`, or refuses it when the
    /// instance or the address holds its most already. Called with the channels locked,
    /// so two streams cannot both take the last place.
    fn make_room(
        &self,
        channels: &HashMap<BlogId, Channel>,
        address: IpAddr,
    ) -> Result<Held, StreamsFull> {
        let open: u64 = channels.values().map(|c| c.stats.subscribers()).sum();
        let place = if open >= self.max_streams {
            Err(StreamsFull::Instance)
        } else {
            self.per_address.take(address).ok_or(StreamsFull::Address)
        };
        if place.is_err() {
            let now = self.started.elapsed().as_millis();
            self.last_refused.store(
                u64::try_from(now).unwrap_or(u64::MAX).max(1),
                Ordering::Relaxed,
            );
        }
        place
    }

    /// Whether streams have been refused for lack of room lately: readers who left
    /// should then give their places back at once, not at the next keep-alive.
    pub fn is_pressed(&self) -> bool {
        let refused = self.last_refused.load(Ordering::Relaxed);
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        refused != 0 && now.saturating_sub(refused) < PRESSED_FOR.as_millis() as u64
    }

    fn channels(&self) -> std::sync::MutexGuard<'_, HashMap<BlogId, Channel>> {
        self.channels
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many recent changes of each page are kept for replay.
    pub fn replay_window(&self) -> usize {
        self.replay_window
    }

    /// Starts a page's channel at the sequence number the store is up to, with the
    /// page's recent changes (oldest first) ready for replay.
    pub fn open(&self, blog: BlogId, last_seq: Seq, recent: Vec<LiveEvent>) {
        let mut channels = self.channels();
        let mut channel = Channel::new(last_seq);
        // A page opened again (its settings changed) keeps its counters.
        if let Some(old) = channels.get(&blog) {
            channel.stats = Arc::clone(&old.stats);
        }
        let skip = recent.len().saturating_sub(self.replay_window);
        channel.recent = recent.into_iter().skip(skip).map(Arc::new).collect();
        channels.insert(blog, channel);
    }

    /// Sends a committed change to every subscriber of the page, and keeps it for replay.
    /// Changes must be published in commit order.
    pub fn publish(&self, blog: BlogId, event: LiveEvent) {
        let event = Arc::new(event);
        let mut channels = self.channels();
        let channel = channels.entry(blog).or_insert_with(|| Channel::new(0));
        channel.last_seq = event.seq;
        channel.recent.push_back(Arc::clone(&event));
        while channel.recent.len() > self.replay_window {
            channel.recent.pop_front();
        }
        channel.stats.published.fetch_add(1, Ordering::Relaxed);
        if let Some(sender) = &channel.sender {
            // Nobody listening: the channel's buffer goes until someone comes again.
            if sender.send(event).is_err() {
                channel.sender = None;
            }
        }
    }

    /// Sends a passing event (see [`LiveEvent::passing`]) to the page's subscribers
    /// now: not kept for replay, and the page's sequence number stays as it is.
    pub fn pass(&self, blog: BlogId, event: LiveEvent) {
        let mut channels = self.channels();
        let Some(channel) = channels.get_mut(&blog) else {
            return;
        };
        channel.stats.passed.fetch_add(1, Ordering::Relaxed);
        if let Some(sender) = &channel.sender
            && sender.send(Arc::new(event)).is_err()
        {
            channel.sender = None;
        }
    }

    /// Lets go of the page's channel buffer if nobody listens to it any more (its
    /// streams' writers have ended).
    pub fn release_unheard(&self, blog: BlogId) {
        if let Some(channel) = self.channels().get_mut(&blog)
            && channel
                .sender
                .as_ref()
                .is_some_and(|s| s.receiver_count() == 0)
        {
            channel.sender = None;
        }
    }

    /// Lets go of the page's replay window: a page that has ended keeps none (a
    /// browser that comes back to it after missing a change reloads it).
    pub fn forget_recent(&self, blog: BlogId) {
        if let Some(channel) = self.channels().get_mut(&blog) {
            channel.recent = VecDeque::new();
        }
    }

    /// Subscribes to a page. A browser that says which change it has last gets exactly
    /// the changes after it, or a reset when those are no longer kept.
    pub fn subscribe(
        &self,
        blog: BlogId,
        resume: Resume,
        address: IpAddr,
    ) -> Result<Subscription, StreamsFull> {
        let mut channels = self.channels();
        let place = self.make_room(&channels, address)?;
        let channel = channels.entry(blog).or_insert_with(|| Channel::new(0));
        // Subscribing and reading the window under one lock: no change falls between.
        let receiver = channel.receiver();
        Ok(Subscription {
            backlog: channel.backlog(resume),
            receiver,
            last_seq: channel.last_seq,
            counted: Counted::new(&channel.stats, place),
        })
    }

    /// A subscriber's start without a receiver of its own, for subscribers that are
    /// sent events by a shared writer: the page's sequence number now, the backlog,
    /// and the subscriber counted.
    pub fn start(
        &self,
        blog: BlogId,
        resume: Resume,
        address: IpAddr,
    ) -> Result<(Seq, Backlog, Counted), StreamsFull> {
        let mut channels = self.channels();
        let place = self.make_room(&channels, address)?;
        let channel = channels.entry(blog).or_insert_with(|| Channel::new(0));
        Ok((
            channel.last_seq,
            channel.backlog(resume),
            Counted::new(&channel.stats, place),
        ))
    }

    /// A receiver of the page's events from now on, for a shared writer.
    pub fn receiver(&self, blog: BlogId) -> broadcast::Receiver<Arc<LiveEvent>> {
        let mut channels = self.channels();
        let channel = channels.entry(blog).or_insert_with(|| Channel::new(0));
        channel.receiver()
    }

    /// The page's counters.
    pub fn stats(&self, blog: BlogId) -> Arc<ChannelStats> {
        let mut channels = self.channels();
        let channel = channels.entry(blog).or_insert_with(|| Channel::new(0));
        Arc::clone(&channel.stats)
    }

    /// Whether a browser that has every change up to `seq` is ahead of this instance.
    pub fn is_ahead(&self, blog: BlogId, seq: Seq) -> bool {
        self.channels()
            .get(&blog)
            .is_some_and(|channel| seq > channel.last_seq)
    }

    /// Every kept event after `seq`, oldest first; `None` when some of them are no
    /// longer kept.
    pub fn replay_after(&self, blog: BlogId, seq: Seq) -> Option<Vec<Arc<LiveEvent>>> {
        match self.channels().get_mut(&blog)?.backlog(Resume::After(seq)) {
            Backlog::Replay(events) => Some(events),
            Backlog::Ahead(_) => Some(Vec::new()),
            Backlog::Reset => None,
        }
    }

    /// Every page's subscribers and counters.
    pub fn report(&self) -> Vec<ChannelReport> {
        self.channels()
            .iter()
            .map(|(blog, channel)| ChannelReport {
                blog: *blog,
                stats: Arc::clone(&channel.stats),
                held: channel.sender.is_some(),
            })
            .collect()
    }

    /// How many pages have a channel held open for readers on this instance: those
    /// read lately (a page nobody reads holds none, see `release_unheard`).
    pub fn held_channels(&self) -> usize {
        self.channels()
            .values()
            .filter(|c| c.sender.is_some())
            .count()
    }

    /// How many browsers are connected to a page.
    pub fn subscriber_count(&self, blog: BlogId) -> u64 {
        self.channels()
            .get(&blog)
            .map_or(0, |c| c.stats.subscribers())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BLOG: BlogId = BlogId(1);
    const HERE: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 1));

    fn seqs(backlog: &Backlog) -> Vec<Seq> {
        match backlog {
            Backlog::Replay(events) => events.iter().map(|e| e.seq).collect(),
            other => panic!("expected a replay, got {other:?}"),
        }
    }

    #[test]
    fn frames_are_complete_sse_events() {
        let hub = LiveHub::new(8);
        let mut sub = hub.subscribe(BLOG, Resume::Fresh, HERE).unwrap();
        let data = json!({"id": 7, "html": "<p>a\nb</p>"});
        hub.publish(BLOG, LiveEvent::new(1, ChangeKind::EntryCreated, &data));
        let event = sub.receiver.try_recv().unwrap();
        assert_eq!(
            std::str::from_utf8(&event.frame).unwrap(),
            "id: 1\nevent: entry-created\ndata: {\"html\":\"<p>a\\nb</p>\",\"id\":7}\n\n"
        );
    }

    #[test]
    fn a_reconnecting_browser_gets_exactly_what_it_missed() {
        let hub = LiveHub::new(8);
        hub.open(BLOG, 10, Vec::new());
        for seq in 11..=15 {
            hub.publish(
                BLOG,
                LiveEvent::new(seq, ChangeKind::EntryCreated, &json!({"id": seq})),
            );
        }
        assert_eq!(
            seqs(
                &hub.subscribe(BLOG, Resume::After(12), HERE)
                    .unwrap()
                    .backlog
            ),
            vec![13, 14, 15]
        );
        assert_eq!(
            seqs(
                &hub.subscribe(BLOG, Resume::After(10), HERE)
                    .unwrap()
                    .backlog
            ),
            vec![11, 12, 13, 14, 15]
        );
        assert!(
            seqs(
                &hub.subscribe(BLOG, Resume::After(15), HERE)
                    .unwrap()
                    .backlog
            )
            .is_empty()
        );
        assert!(seqs(&hub.subscribe(BLOG, Resume::Fresh, HERE).unwrap().backlog).is_empty());
    }

    #[test]
    fn a_reopened_page_replays_what_it_was_given() {
        let hub = LiveHub::new(2);
        let recent = (4..=6)
            .map(|seq| LiveEvent::new(seq, ChangeKind::EntryUpdated, &json!({"id": seq})))
            .collect();
        hub.open(BLOG, 6, recent);
        assert_eq!(
            seqs(&hub.subscribe(BLOG, Resume::After(4), HERE).unwrap().backlog),
            vec![5, 6]
        );
        assert!(matches!(
            hub.subscribe(BLOG, Resume::After(3), HERE).unwrap().backlog,
            Backlog::Reset
        ));
    }

    #[test]
    fn beyond_the_window_is_a_reset_and_the_future_is_ahead() {
        let hub = LiveHub::new(3);
        hub.open(BLOG, 0, Vec::new());
        for seq in 1..=6 {
            hub.publish(
                BLOG,
                LiveEvent::new(seq, ChangeKind::EntryCreated, &json!({"id": seq})),
            );
        }
        assert_eq!(
            seqs(&hub.subscribe(BLOG, Resume::After(3), HERE).unwrap().backlog),
            vec![4, 5, 6]
        );
        assert!(matches!(
            hub.subscribe(BLOG, Resume::After(2), HERE).unwrap().backlog,
            Backlog::Reset
        ));
        assert!(matches!(
            hub.subscribe(BLOG, Resume::After(99), HERE)
                .unwrap()
                .backlog,
            Backlog::Ahead(99)
        ));
        assert!(matches!(
            hub.subscribe(BLOG, Resume::Unreadable, HERE)
                .unwrap()
                .backlog,
            Backlog::Reset
        ));
    }

    #[test]
    fn streams_beyond_the_limit_are_refused_until_one_closes() {
        let hub = LiveHub::new(3).with_max_streams(2);
        let first = hub.subscribe(BLOG, Resume::Fresh, HERE).unwrap();
        let second = hub.start(BlogId(2), Resume::Fresh, HERE).unwrap();
        assert_eq!(
            hub.subscribe(BLOG, Resume::Fresh, HERE).err(),
            Some(StreamsFull::Instance)
        );
        assert!(hub.start(BLOG, Resume::Fresh, HERE).is_err());
        drop(first);
        let third = hub.subscribe(BLOG, Resume::Fresh, HERE);
        assert!(third.is_ok(), "a closed stream makes room");
        drop(second);
    }

    #[test]
    fn a_page_with_no_kept_events_resets_an_old_browser() {
        let hub = LiveHub::new(3);
        hub.open(BLOG, 20, Vec::new());
        assert!(matches!(
            hub.subscribe(BLOG, Resume::After(19), HERE)
                .unwrap()
                .backlog,
            Backlog::Reset
        ));
        assert!(
            seqs(
                &hub.subscribe(BLOG, Resume::After(20), HERE)
                    .unwrap()
                    .backlog
            )
            .is_empty()
        );
    }
}

#[cfg(test)]
mod per_address_tests {
    use super::*;

    #[test]
    fn one_address_cannot_take_every_stream() {
        let hub = LiveHub::new(3).with_streams_per_address(2, &[]);
        let far: IpAddr = "203.0.113.9".parse().unwrap();
        let first = hub.subscribe(BlogId(1), Resume::Fresh, far).unwrap();
        let _second = hub.start(BlogId(1), Resume::Fresh, far).unwrap();
        assert!(!hub.is_pressed());
        assert_eq!(
            hub.subscribe(BlogId(1), Resume::Fresh, far).err(),
            Some(StreamsFull::Address)
        );
        assert!(
            hub.is_pressed(),
            "a refusal makes the shards look for readers who left"
        );
        let near: IpAddr = "198.51.100.9".parse().unwrap();
        assert!(hub.subscribe(BlogId(1), Resume::Fresh, near).is_ok());
        drop(first);
        assert!(hub.subscribe(BlogId(1), Resume::Fresh, far).is_ok());
    }
}
