//! Readers' votes: taken into the store (see `store::polls`), and shown on every open
//! page at most once a second per poll however fast they come.
//!
//! Every instance follows the counts on its own: about once a second it reads the
//! totals of the open polls of its live pages (one indexed read, none when no poll is
//! open), and for each that moved reads its counts, renders the entry once, and sends
//! the results to its readers as one passing event. A poll under a burst of votes
//! costs the stream one frame a second, as one correction would.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use serde::Serialize;
use tokio_util::sync::CancellationToken;

use crate::domain::{BlogId, EntryId};
use crate::fragments;
use crate::live::{LiveEvent, LiveHub};
use crate::newsroom::Newsroom;
use crate::read_model::LivePage;
use crate::signing::sign;
use crate::store::{Ballot, Store, StoreError, Vote};

/// How often the counts shown are brought up to date, at most.
pub const COUNTS_SHOWN_EVERY: Duration = Duration::from_secs(1);
/// Votes one address may cast in one poll, by default (`--poll-votes-per-address`):
/// enough for a household or an office behind one address, too few to stuff a count.
pub const DEFAULT_VOTES_PER_ADDRESS: u32 = 50;
/// The cookie that names a browser's voter, signed.
pub const VOTER_COOKIE: &str = "liveblog_voter";

/// The SSE event that carries a poll's counts.
pub const POLL_EVENT: &str = "poll-results";

#[derive(Serialize)]
struct CountsEvent<'a> {
    /// The entry the poll belongs to.
    id: EntryId,
    /// The results, rendered once for every reader.
    html: &'a str,
    total: u64,
    open: bool,
}

/// Takes votes and keeps the pages' counts moving.
pub struct Polls {
    store: Arc<Store>,
    newsroom: Arc<Newsroom>,
    hub: Arc<LiveHub>,
    /// Signs voters' cookies and hashes addresses; the same on every instance.
    key: Vec<u8>,
    per_address: u32,
    /// Each watched poll's total as this instance last showed it.
    shown: Mutex<HashMap<EntryId, u64>>,
    /// Polls whose time ran out and that have been shown closed.
    shown_closed: Mutex<HashSet<EntryId>>,
}

impl Polls {
    /// The polls of `newsroom`'s pages, with the key shared through the store (made
    /// here if this is the first instance ever to start).
    pub async fn new(
        store: Arc<Store>,
        newsroom: Arc<Newsroom>,
        hub: Arc<LiveHub>,
        per_address: u32,
    ) -> Result<Polls, StoreError> {
        let made = hex::encode(rand::random::<[u8; 32]>());
        let key = store.site_key("voters", &made).await?;
        Ok(Polls {
            store,
            newsroom,
            hub,
            key: key.into_bytes(),
            per_address,
            shown: Mutex::default(),
            shown_closed: Mutex::default(),
        })
    }

    /// A new voter's name and the cookie value that carries it.
    pub fn new_voter(&self) -> (String, String) {
        let voter = hex::encode(rand::random::<[u8; 16]>());
        let cookie = format!("{voter}.{}", self.signature(&voter));
        (voter, cookie)
    }

    /// The voter a cookie names, if this server signed it.
    pub fn voter_in(&self, cookie: &str) -> Option<String> {
        let (voter, signature) = cookie.split_once('.')?;
        let valid = voter.len() == 32 && voter.bytes().all(|b| b.is_ascii_hexdigit());
        (valid && crate::accounts::same_secret(signature, &self.signature(voter)))
            .then(|| voter.to_owned())
    }

    fn signature(&self, voter: &str) -> String {
        hex::encode(&sign(&self.key, format!("voter:{voter}").as_bytes())[..16])
    }

    /// Counts `voter`'s vote for `answer` in entry `id`'s poll, from `address`.
    pub async fn vote(
        &self,
        id: EntryId,
        answer: usize,
        voter: &str,
        address: IpAddr,
    ) -> Result<Ballot, StoreError> {
        // Kept as a keyed hash: the store never holds a reader's address.
        let address = hex::encode(&sign(&self.key, format!("address:{address}").as_bytes())[..16]);
        self.store
            .vote(&Vote {
                entry: id,
                answer,
                voter,
                address: &address,
                at: Utc::now(),
                per_address: self.per_address,
            })
            .await
    }

    /// The votes for each answer of entry `id`'s poll, as the record has them now.
    pub async fn counts(&self, id: EntryId) -> Result<Vec<u64>, StoreError> {
        self.store.poll_counts_of(id).await
    }

    /// Brings the counts shown up to date about once a second, until shutdown.
    pub async fn follow(self: Arc<Self>, shutdown: CancellationToken) {
        let mut every = tokio::time::interval(COUNTS_SHOWN_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = every.tick() => {}
            }
            if let Err(error) = self.show_moved().await {
                tracing::warn!(%error, "could not read the polls' counts");
            }
        }
    }

    /// Shows the counts of every open poll that moved since it was last shown, and
    /// shows closed those whose time has run out.
    pub async fn show_moved(&self) -> Result<(), StoreError> {
        let now = Utc::now();
        let mut watched: Vec<(Arc<LivePage>, EntryId)> = Vec::new();
        for page in self.newsroom.pages().loaded_pages() {
            if page.blog.is_live() {
                watched.extend(page.open_polls().map(|id| (Arc::clone(&page), id)));
            }
        }
        if watched.is_empty() {
            return Ok(());
        }
        let ids: Vec<EntryId> = watched.iter().map(|(_, id)| *id).collect();
        let totals = self.store.poll_totals(&ids).await?;
        for (page, id) in watched {
            let Some(rendered) = page.entry(id) else {
                continue;
            };
            let Some(poll) = rendered.entry.poll.as_ref() else {
                continue;
            };
            let total = totals.get(&id).copied().unwrap_or(0);
            let shown = *self.shown().entry(id).or_insert_with(|| poll.total());
            let ran_out = !poll.is_open(rendered.entry.published_at, now)
                && !self.shown_closed().contains(&id);
            if total == shown && !ran_out {
                continue;
            }
            let counts = self.store.poll_counts_of(id).await?;
            self.shown().insert(id, counts.iter().sum());
            if ran_out {
                self.shown_closed().insert(id);
            }
            self.show(page.blog.id, id, counts).await;
        }
        Ok(())
    }

    /// Puts new counts in the page and sends them to its readers.
    async fn show(&self, blog: BlogId, id: EntryId, counts: Vec<u64>) {
        let Some(page) = self.newsroom.show_poll_counts(blog, id, counts).await else {
            return;
        };
        let Some(rendered) = page.entry(id) else {
            return;
        };
        let Some(poll) = rendered.entry.poll.as_ref() else {
            return;
        };
        let html = fragments::poll_results(&rendered.entry, poll, &page.words);
        let open = poll.is_open(rendered.entry.published_at, Utc::now());
        let event = CountsEvent {
            id,
            html: &html,
            total: poll.total(),
            open,
        };
        self.hub.pass(blog, LiveEvent::passing(POLL_EVENT, &event));
    }

    fn shown(&self) -> std::sync::MutexGuard<'_, HashMap<EntryId, u64>> {
        self.shown.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn shown_closed(&self) -> std::sync::MutexGuard<'_, HashSet<EntryId>> {
        self.shown_closed.lock().unwrap_or_else(|p| p.into_inner())
    }
}
