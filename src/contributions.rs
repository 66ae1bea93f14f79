//! Readers' questions, pictures and reports, sent through a page's callout: each
//! address may send a few to a page in a while (counted in the store, so on every
//! instance), and the contact addresses they leave are deleted after 30 days.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use tokio_util::sync::CancellationToken;

use crate::domain::{BlogId, CalloutKind, Contribution, ContributionText, EntryId};
use crate::store::{Attempt, AttemptRule, Beyond, Store, StoreError};

/// What one address may send to one page: five in ten minutes, then refused for the
/// rest of them.
pub const SENT_PER_ADDRESS: AttemptRule = AttemptRule {
    window: Duration::minutes(10),
    free: 5,
    beyond: Beyond::Refused,
};
/// How many waiting messages the desk lists at once, the oldest first: the rest wait
/// their turn, counted.
pub const LISTED_ON_THE_DESK: u32 = 30;
/// How often old contact addresses are looked for and deleted.
const CONTACTS_SWEPT_EVERY: StdDuration = StdDuration::from_secs(3600);

/// The desk's inbox of what readers send.
pub struct Contributions {
    store: Arc<Store>,
}

impl Contributions {
    pub fn new(store: Arc<Store>) -> Contributions {
        Contributions { store }
    }

    /// Takes one of `address`'s sends to page `blog`; `Err` with how long to wait
    /// when it has sent its share.
    pub async fn may_send(
        &self,
        blog: BlogId,
        address: IpAddr,
    ) -> Result<Result<(), StdDuration>, StoreError> {
        let key = format!("contribution:{}:{address}", blog.0);
        match self
            .store
            .take_attempt(&key, SENT_PER_ADDRESS, Utc::now())
            .await?
        {
            Attempt::Taken => Ok(Ok(())),
            Attempt::Wait(wait) => Ok(Err(wait.to_std().unwrap_or_default())),
        }
    }

    pub async fn keep(
        &self,
        blog: BlogId,
        kind: CalloutKind,
        text: &ContributionText,
        photo_url: Option<&str>,
    ) -> Result<i64, StoreError> {
        self.store
            .add_contribution(blog, kind, text, photo_url, Utc::now())
            .await
    }

    /// The oldest of what waits for an editor ([`LISTED_ON_THE_DESK`] at most), and how
    /// many wait in all.
    pub async fn waiting(&self, blog: BlogId) -> Result<(Vec<Contribution>, u64), StoreError> {
        self.store
            .waiting_contributions(blog, LISTED_ON_THE_DESK)
            .await
    }

    pub async fn get(&self, blog: BlogId, id: i64) -> Result<Option<Contribution>, StoreError> {
        self.store.contribution(blog, id).await
    }

    /// Takes a waiting contribution to publish (`true`) or discard; false if it no
    /// longer waits.
    pub async fn settle(&self, id: i64, published: bool) -> Result<bool, StoreError> {
        self.store.settle_contribution(id, published).await
    }

    /// The entry it was published as; `None` puts it back to wait.
    pub async fn published_as(&self, id: i64, entry: Option<EntryId>) -> Result<(), StoreError> {
        self.store.published_as(id, entry).await
    }

    /// Deletes contact addresses once they are 30 days old, every hour, until shutdown.
    pub async fn forget_old_contacts(self: Arc<Self>, shutdown: CancellationToken) {
        loop {
            match self.store.forget_old_contacts(Utc::now()).await {
                Ok(0) => {}
                Ok(forgotten) => {
                    tracing::info!(forgotten, "deleted readers' contact addresses 30 days old")
                }
                Err(error) => tracing::warn!(%error, "could not delete old contact addresses"),
            }
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = tokio::time::sleep(CONTACTS_SWEPT_EVERY) => {}
            }
        }
    }
}
