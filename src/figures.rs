//! How the day went, for the desk: each page's readers over the last hours (every
//! instance's), and each entry's views on its own page and the times it was shared.
//! Counted in memory as they happen (a view costs an addition, never a write) and
//! written to the store once a minute by each instance.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, DurationRound, Utc};
use tokio_util::sync::CancellationToken;

use crate::domain::{BlogId, EntryId};
use crate::live::LiveHub;
use crate::store::{Store, StoreError};

/// The hours the desk's chart draws.
pub const CHART_HOURS: i64 = 6;

pub struct Figures {
    store: Arc<Store>,
    hub: Arc<LiveHub>,
    /// Views and shares not yet written, by entry.
    counted: Mutex<HashMap<EntryId, (u64, u64)>>,
    /// How often this instance writes them down (`--figures-every`, a minute).
    every: StdDuration,
}

impl Figures {
    pub fn new(store: Arc<Store>, hub: Arc<LiveHub>, every: StdDuration) -> Figures {
        Figures {
            store,
            hub,
            counted: Mutex::default(),
            every,
        }
    }

    fn counted(&self) -> std::sync::MutexGuard<'_, HashMap<EntryId, (u64, u64)>> {
        self.counted.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// An entry's own page was read.
    pub fn viewed(&self, entry: EntryId) {
        self.counted().entry(entry).or_default().0 += 1;
    }

    /// A reader shared an entry.
    pub fn shared(&self, entry: EntryId) {
        self.counted().entry(entry).or_default().1 += 1;
    }

    /// Page `blog`'s readers a minute, over the chart's hours.
    pub async fn readers(&self, blog: BlogId) -> Result<Vec<(DateTime<Utc>, u64)>, StoreError> {
        let since = Utc::now() - Duration::hours(CHART_HOURS);
        self.store.readers_since(blog, since).await
    }

    /// The views and shares of `entries`, as written so far.
    pub async fn of(
        &self,
        entries: &[EntryId],
    ) -> Result<HashMap<EntryId, (u64, u64)>, StoreError> {
        self.store.entry_figures(entries).await
    }

    /// Writes this instance's figures every so often, until shutdown, and once more
    /// then.
    pub async fn write(self: Arc<Self>, shutdown: CancellationToken) {
        let instance = hex::encode(rand::random::<[u8; 8]>());
        let mut every = tokio::time::interval(self.every);
        loop {
            let stopping = tokio::select! {
                _ = shutdown.cancelled() => true,
                _ = every.tick() => false,
            };
            if let Err(error) = self.write_once(&instance).await {
                tracing::warn!(%error, "could not write the day's figures");
            }
            if stopping {
                return;
            }
        }
    }

    pub async fn write_once(&self, instance: &str) -> Result<(), StoreError> {
        let minute = Utc::now()
            .duration_trunc(Duration::minutes(1))
            .unwrap_or_else(|_| Utc::now());
        let readers: Vec<(BlogId, u64)> = (self.hub.report().iter())
            .map(|channel| (channel.blog, channel.stats.subscribers()))
            .collect();
        self.store
            .record_reader_minute(instance, &readers, minute)
            .await?;
        let counted: Vec<(EntryId, u64, u64)> = std::mem::take(&mut *self.counted())
            .into_iter()
            .map(|(entry, (views, shares))| (entry, views, shares))
            .collect();
        if let Err(error) = self.store.add_entry_figures(&counted).await {
            // Kept for the next minute rather than lost.
            let mut kept = self.counted();
            for (entry, views, shares) in counted {
                let figures = kept.entry(entry).or_default();
                figures.0 += views;
                figures.1 += shares;
            }
            return Err(error);
        }
        Ok(())
    }
}

/// The points of a chart `width` by `height` of `readers` over the last
/// [`CHART_HOURS`] to `now`, for an SVG polyline, and the highest count.
pub fn chart_points(
    readers: &[(DateTime<Utc>, u64)],
    now: DateTime<Utc>,
    width: f64,
    height: f64,
) -> (String, u64) {
    let span = (Duration::hours(CHART_HOURS).num_seconds()) as f64;
    let peak = readers.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let top = peak.max(1) as f64;
    let points: Vec<String> = readers
        .iter()
        .map(|(at, n)| {
            let ago = (now - *at).num_seconds() as f64;
            let x = (width * (1.0 - ago / span)).clamp(0.0, width);
            let y = height - height * (*n as f64) / top;
            format!("{x:.1},{y:.1}")
        })
        .collect();
    (points.join(" "), peak)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_runs_from_six_hours_ago_to_now_with_its_peak_at_the_top() {
        let now = Utc::now();
        let readers = [
            (now - Duration::hours(6), 0),
            (now - Duration::hours(3), 50),
            (now, 100),
        ];
        let (points, peak) = chart_points(&readers, now, 120.0, 30.0);
        assert_eq!(points, "0.0,30.0 60.0,15.0 120.0,0.0");
        assert_eq!(peak, 100);
    }
}
