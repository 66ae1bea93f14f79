//! Entries scheduled to publish themselves: each instance publishes what is due, at
//! its time, waking when the next one is due, when one is scheduled on this instance,
//! and every few seconds besides (for those scheduled on another instance). Schedules
//! live in the store, so they survive a restart, and each entry is published once
//! however many instances are watching.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio_util::sync::CancellationToken;

use crate::newsroom::Newsroom;

/// The longest an instance goes without looking for due entries.
pub const SCHEDULE_CHECK: Duration = Duration::from_secs(5);

/// Publishes scheduled entries as they come due, until shutdown.
pub async fn publish_scheduled(newsroom: Arc<Newsroom>, shutdown: CancellationToken) {
    while !shutdown.is_cancelled() {
        let stuck = match newsroom.publish_due(Utc::now()).await {
            Ok(pass) => pass.left > 0,
            Err(error) => {
                tracing::warn!(%error, "could not publish scheduled entries; trying again");
                true
            }
        };
        let wait = match newsroom.next_due().await {
            // Due entries left as they were wait for the next regular look, not a
            // loop against the database.
            _ if stuck => SCHEDULE_CHECK,
            Ok(Some(at)) => (at - Utc::now())
                .to_std()
                .unwrap_or(Duration::ZERO)
                .min(SCHEDULE_CHECK),
            Ok(None) => SCHEDULE_CHECK,
            Err(error) => {
                tracing::warn!(%error, "could not read the schedule");
                SCHEDULE_CHECK
            }
        };
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(wait) => {}
            _ = newsroom.schedule_changed() => {}
        }
    }
}
