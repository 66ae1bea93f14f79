//! How many readers have each live page open now, for the editors' compose page. One
//! instance knows its own streams; with several instances on one PostgreSQL, each
//! records its counts in the store every few seconds and adds up the others'.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use tokio_util::sync::CancellationToken;

use crate::domain::BlogId;
use crate::live::LiveHub;
use crate::store::Store;

/// How often an instance records its readers and reads the others'.
pub const AUDIENCE_REFRESH: Duration = Duration::from_secs(5);
/// Counts an instance has not renewed for this long are its last: it has stopped.
const COUNTS_LAST: Duration = Duration::from_secs(15);

/// Every page's readers: this instance's own, live, and the other instances', a few
/// seconds old.
pub struct Audience {
    hub: Arc<LiveHub>,
    others: Mutex<HashMap<BlogId, u64>>,
}

impl Audience {
    pub fn new(hub: Arc<LiveHub>) -> Audience {
        Audience {
            hub,
            others: Mutex::default(),
        }
    }

    fn others(&self) -> std::sync::MutexGuard<'_, HashMap<BlogId, u64>> {
        self.others
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many browsers have the page open now, on every instance.
    pub fn readers(&self, blog: BlogId) -> u64 {
        let others = self.others().get(&blog).copied().unwrap_or(0);
        self.hub.subscriber_count(blog) + others
    }

    /// Shares this instance's counts through the store and follows the others', until
    /// shutdown; then takes this instance's counts out.
    pub async fn share(self: Arc<Self>, store: Arc<Store>, shutdown: CancellationToken) {
        // A name for this instance's rows, new at every start.
        let instance = hex::encode(rand::random::<[u8; 16]>());
        let mut every = tokio::time::interval(AUDIENCE_REFRESH);
        loop {
            tokio::select! {
                _ = shutdown.cancelled() => break,
                _ = every.tick() => {}
            }
            let now = Utc::now();
            let mine: Vec<(BlogId, u64)> = self
                .hub
                .report()
                .iter()
                .map(|channel| (channel.blog, channel.stats.subscribers()))
                .collect();
            if let Err(error) = store.record_readers(&instance, &mine, now).await {
                tracing::warn!(%error, "could not record this instance's readers");
            }
            let since = now - chrono::Duration::from_std(COUNTS_LAST).unwrap_or_default();
            match store.other_instances_readers(&instance, since).await {
                Ok(others) => *self.others() = others.into_iter().collect(),
                Err(error) => tracing::warn!(%error, "could not read other instances' readers"),
            }
        }
        if let Err(error) = store.record_readers(&instance, &[], Utc::now()).await {
            tracing::debug!(%error, "could not take this instance's readers out");
        }
    }
}
