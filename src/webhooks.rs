//! Webhooks: every change to a page, POSTed as JSON to the addresses an admin
//! registered, signed as the Standard Webhooks specification says
//! (<https://www.standardwebhooks.com>): `webhook-id`, `webhook-timestamp` and
//! `webhook-signature` (`v1,` and the HMAC-SHA256 of `id.timestamp.body` in base64).
//!
//! The queue is in the store (`store::webhooks`): each change's deliveries are written
//! with the change, each is leased by one instance while it is sent, and a page's go
//! out to a webhook in the page's order. A delivery that fails is tried again later,
//! each wait longer, for a day.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::domain::{ChangeKind, Entry, time};
use crate::oembed::is_public;
use crate::read_model::ReadModel;
use crate::signing::sign;
use crate::store::{Due, Store, StoreError};

/// How long a receiver has to answer a delivery.
pub const DELIVERY_TIMEOUT: StdDuration = StdDuration::from_secs(10);
/// How long an instance holds a delivery it is sending before another may take it.
const LEASE: Duration = Duration::seconds(60);
/// How long a delivery is tried before it is given up on.
pub const TRIED_FOR: Duration = Duration::days(1);
/// The waits after each failed try, the last repeated until the day is out.
const WAITS: [i64; 9] = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800];
/// Deliveries sent at once by one instance (to different webhooks or pages).
const SENDERS: usize = 4;
/// How much of a receiver's answer the delivery log keeps.
const ANSWER_KEPT: usize = 300;
/// How long settled deliveries stay in the log.
const DELIVERIES_KEPT: Duration = Duration::days(7);
/// The longest address a webhook may have.
pub const MAX_WEBHOOK_URL_CHARS: usize = 2000;

/// A webhook's secret: `whsec_` and 24 random bytes in base64.
pub fn new_secret() -> String {
    format!("whsec_{}", BASE64.encode(rand::random::<[u8; 24]>()))
}

/// The `webhook-signature` of `body`, sent as `id` at `timestamp`, with `secret`.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &str) -> String {
    let key = secret
        .strip_prefix("whsec_")
        .and_then(|key| BASE64.decode(key).ok())
        .unwrap_or_else(|| secret.as_bytes().to_vec());
    let signed = sign(&key, format!("{id}.{timestamp}.{body}").as_bytes());
    format!("v1,{}", BASE64.encode(signed))
}

/// When to try again after `tries` failed tries of a delivery made at `made_at`, or
/// `None` once a day has passed.
pub fn next_try(tries: u32, made_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let at = usize::try_from(tries.saturating_sub(1)).unwrap_or(usize::MAX);
    let wait = WAITS.get(at).copied().unwrap_or(WAITS[WAITS.len() - 1]);
    let next = now + Duration::seconds(wait);
    (next <= made_at + TRIED_FOR).then_some(next)
}

/// Why an address cannot be a webhook.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreachable {
    #[error("The address must start with https:// or http:// and name a host.")]
    NotWeb,
    #[error("The address is {0} characters long; the limit is {MAX_WEBHOOK_URL_CHARS}.")]
    TooLong(usize),
    #[error("No address was found for {0}.")]
    NotFound(String),
    #[error(
        "{0} is on this machine or a private network; only addresses on the open internet are sent to."
    )]
    Private(String),
}

/// Checks an address for a webhook and finds where to send to it: the first address
/// its name has, each of them on the open internet unless `to_private`.
pub async fn reach(url: &str, to_private: bool) -> Result<(Url, SocketAddr), Unreachable> {
    let length = url.chars().count();
    if length > MAX_WEBHOOK_URL_CHARS {
        return Err(Unreachable::TooLong(length));
    }
    let parsed = Url::parse(url.trim()).map_err(|_| Unreachable::NotWeb)?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return Err(Unreachable::NotWeb);
    }
    let host = parsed.host_str().ok_or(Unreachable::NotWeb)?.to_owned();
    let port = parsed.port_or_known_default().ok_or(Unreachable::NotWeb)?;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let found: Vec<SocketAddr> =
        tokio::time::timeout(DELIVERY_TIMEOUT, tokio::net::lookup_host((bare, port)))
            .await
            .map_err(|_| Unreachable::NotFound(host.clone()))?
            .map_err(|_| Unreachable::NotFound(host.clone()))?
            .collect();
    let first = *found.first().ok_or(Unreachable::NotFound(host.clone()))?;
    if !to_private && !found.iter().all(|a| is_public(a.ip())) {
        return Err(Unreachable::Private(host));
    }
    Ok((parsed, first))
}

/// Sends the store's deliveries, on every instance.
pub struct Webhooks {
    store: Arc<Store>,
    pages: Arc<ReadModel>,
    /// Told when this instance commits or hears of a change.
    changed: Arc<Notify>,
    public_url: String,
    to_private: bool,
}

impl Webhooks {
    pub fn new(
        store: Arc<Store>,
        pages: Arc<ReadModel>,
        changed: Arc<Notify>,
        public_url: String,
        to_private: bool,
    ) -> Webhooks {
        Webhooks {
            store,
            pages,
            changed,
            public_url,
            to_private,
        }
    }

    /// Registers `url` for page `blog` (every page: `None`), once it is found to be
    /// reachable; gives the webhook's secret, to be shown once.
    pub async fn add(
        &self,
        url: &str,
        blog: Option<crate::domain::BlogId>,
        by: &str,
    ) -> Result<Result<String, Unreachable>, StoreError> {
        if let Err(why) = reach(url, self.to_private).await {
            return Ok(Err(why));
        }
        let secret = new_secret();
        (self.store)
            .add_webhook(url.trim(), blog, &secret, by, Utc::now())
            .await?;
        Ok(Ok(secret))
    }

    pub async fn list(&self) -> Result<Vec<crate::store::Webhook>, StoreError> {
        self.store.webhooks().await
    }

    pub async fn remove(&self, id: crate::store::WebhookId) -> Result<(), StoreError> {
        self.store.remove_webhook(id).await
    }

    /// The latest deliveries, newest first.
    pub async fn log(&self, limit: u32) -> Result<Vec<crate::store::DeliveryRecord>, StoreError> {
        self.store.deliveries(limit).await
    }

    /// Sends deliveries as they fall due, [`SENDERS`] at a time, until shutdown; lets
    /// go of those settled a week ago, every hour.
    pub fn start(self: Arc<Self>, shutdown: CancellationToken) {
        for _ in 0..SENDERS {
            tokio::spawn(Arc::clone(&self).send_due(shutdown.clone()));
        }
        let store = Arc::clone(&self.store);
        tokio::spawn(async move {
            loop {
                let before = Utc::now() - DELIVERIES_KEPT;
                if let Err(error) = store.forget_deliveries(before).await {
                    tracing::warn!(%error, "could not let go of old webhook deliveries");
                }
                tokio::select! {
                    _ = shutdown.cancelled() => return,
                    _ = tokio::time::sleep(StdDuration::from_secs(3600)) => {}
                }
            }
        });
    }

    async fn send_due(self: Arc<Self>, shutdown: CancellationToken) {
        loop {
            let now = Utc::now();
            match self.store.take_due_delivery(now, LEASE).await {
                Ok(Some(due)) => {
                    self.send(due).await;
                    continue;
                }
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "could not read the webhooks' queue"),
            }
            let next = self.store.next_delivery_at().await.ok().flatten();
            let wait = next
                .map(|at| (at - Utc::now()).to_std().unwrap_or_default())
                .unwrap_or(StdDuration::from_secs(30))
                .clamp(StdDuration::from_millis(200), StdDuration::from_secs(30));
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = self.changed.notified() => {}
                _ = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// Sends one delivery and records how it went.
    async fn send(&self, due: Due) {
        let (status, answer, outcome) = match self.body(&due).await {
            Ok(body) => self.post(&due, &body).await,
            Err(error) => (None, format!("not sent: {error}"), Err(())),
        };
        let now = Utc::now();
        let outcome = outcome.map_err(|()| next_try(due.tries + 1, due.made_at, now));
        if outcome.is_err() {
            tracing::info!(
                webhook = due.webhook.id.0,
                tries = due.tries + 1,
                ?status,
                "a webhook delivery failed"
            );
        }
        if let Err(error) = (self.store)
            .delivery_tried(&due, now, status, &answer, outcome)
            .await
        {
            tracing::warn!(%error, "could not record a webhook delivery");
        }
    }

    async fn post(&self, due: &Due, body: &str) -> (Option<u16>, String, Result<(), ()>) {
        let (url, address) = match reach(&due.webhook.url, self.to_private).await {
            Ok(found) => found,
            Err(why) => return (None, format!("not sent: {why}"), Err(())),
        };
        let host = url.host_str().unwrap_or_default().to_owned();
        let client = reqwest::Client::builder()
            .timeout(DELIVERY_TIMEOUT)
            .connect_timeout(DELIVERY_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .resolve(&host, address)
            .build();
        let Ok(client) = client else {
            return (None, "not sent: no HTTP client".into(), Err(()));
        };
        let id = format!("msg_{}", due.id);
        let timestamp = Utc::now().timestamp();
        let sent = client
            .post(url)
            .header("content-type", "application/json")
            .header("user-agent", "liveblog-webhooks")
            .header("webhook-id", &id)
            .header("webhook-timestamp", timestamp.to_string())
            .header(
                "webhook-signature",
                signature(&due.webhook.secret, &id, timestamp, body),
            )
            .body(body.to_owned())
            .send()
            .await;
        match sent {
            Ok(mut response) => {
                let status = response.status();
                let mut answer = Vec::new();
                while let Ok(Some(chunk)) = response.chunk().await {
                    answer.extend_from_slice(&chunk);
                    if answer.len() >= ANSWER_KEPT {
                        break;
                    }
                }
                let mut answer = String::from_utf8_lossy(&answer).into_owned();
                if let Some((cut, _)) = answer.char_indices().nth(ANSWER_KEPT) {
                    answer.truncate(cut);
                }
                let outcome = if status.is_success() { Ok(()) } else { Err(()) };
                (Some(status.as_u16()), answer, outcome)
            }
            Err(error) => (None, format!("no answer: {error}"), Err(())),
        }
    }

    /// What a delivery says: the change's kind, the page, and the entry as it was saved
    /// at the change (its number alone once deleted).
    async fn body(&self, due: &Due) -> Result<String, StoreError> {
        let listing = self.pages.listing_by_id(due.blog);
        let (slug, title) = match &listing {
            Some(page) => (page.blog.slug.to_string(), page.blog.title.clone()),
            None => (String::new(), String::new()),
        };
        let entry = match (due.entry, due.version) {
            (Some(id), Some(version)) => self.store.entry_version(id, version).await?,
            _ => None,
        };
        let before = match (due.entry, due.version) {
            (Some(id), Some(version)) if version > 1 => {
                self.store.entry_version(id, version - 1).await?
            }
            _ => None,
        };
        let kind = event_type(due, entry.as_ref(), before.as_ref());
        let base = self.public_url.trim_end_matches('/');
        let mut data = json!({
            "page": {
                "slug": slug,
                "title": title,
                "url": format!("{base}/live/{slug}"),
                "status": due.page_status,
            },
            "seq": due.seq,
        });
        match (&entry, due.entry) {
            (Some(entry), _) => data["entry"] = entry_json(entry, base, &slug),
            (None, Some(id)) => data["entry"] = json!({ "id": id }),
            (None, None) => {}
        }
        let body = json!({
            "type": kind,
            "timestamp": time::rfc3339(due.made_at, chrono_tz::UTC),
            "data": data,
        });
        Ok(body.to_string())
    }
}

/// The event's type, from the change and, for an entry changed, the version before.
fn event_type(due: &Due, entry: Option<&Entry>, before: Option<&Entry>) -> &'static str {
    match due.kind {
        ChangeKind::EntryCreated => "entry.created",
        ChangeKind::EntryDeleted => "entry.deleted",
        ChangeKind::EntryUpdated => match (entry, before) {
            (Some(now), Some(was)) if now.pinned != was.pinned => match now.pinned {
                true => "entry.pinned",
                false => "entry.unpinned",
            },
            (Some(now), Some(was)) if now.updated_at != was.updated_at => "entry.corrected",
            _ => "entry.updated",
        },
        ChangeKind::BlogUpdated => match (due.page_status.as_str(), due.status_before.as_deref()) {
            ("closed", Some("closed")) => "page.changed",
            ("closed", _) => "page.closed",
            ("live", Some("closed")) => "page.reopened",
            _ => "page.changed",
        },
    }
}

fn entry_json(entry: &Entry, base: &str, slug: &str) -> Value {
    json!({
        "id": entry.id,
        "url": format!("{base}/live/{slug}/entries/{}", entry.id),
        "title": entry.title,
        "body": entry.body,
        "label": entry.label.as_ref().map(|l| l.key.as_str()),
        "key_event": entry.key_event,
        "pinned": entry.pinned,
        "published_at": time::rfc3339(entry.published_at, chrono_tz::UTC),
        "updated_at": entry.updated_at.map(|at| time::rfc3339(at, chrono_tz::UTC)),
        "version": entry.version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_the_standard_webhooks_example_does() {
        // The example of the specification's own libraries.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn tries_wait_longer_each_time_for_a_day() {
        let made = Utc::now();
        assert_eq!(next_try(1, made, made), Some(made + Duration::seconds(5)));
        assert_eq!(next_try(2, made, made), Some(made + Duration::seconds(30)));
        let late = made + Duration::hours(20);
        assert_eq!(next_try(12, made, late), None, "past the day");
    }

    #[tokio::test]
    async fn only_web_addresses_on_the_open_internet_are_taken() {
        assert_eq!(
            reach("ftp://example.org/", false).await,
            Err(Unreachable::NotWeb)
        );
        assert!(matches!(
            reach("http://127.0.0.1:9/hook", false).await,
            Err(Unreachable::Private(_))
        ));
        assert!(matches!(
            reach("http://[::1]:9/hook", false).await,
            Err(Unreachable::Private(_))
        ));
        assert!(reach("http://127.0.0.1:9/hook", true).await.is_ok());
    }
}
