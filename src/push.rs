//! Web Push for key events: a reader asks a page to tell them (the page's script
//! subscribes through the browser's push service), and each key event is sent once,
//! whichever instance hears of it first, to every subscriber, at most a few an hour per
//! page (`--push-per-hour`). Payloads are encrypted for each browser as RFC 8291 says
//! and signed with the server's VAPID key (RFC 8292), made on first start and kept in
//! the store, through the web-push-native crate. A subscription the push service says
//! is gone (404 or 410) is removed.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use chrono::{Duration, Utc};
use futures_util::StreamExt;
use serde_json::json;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio_util::sync::CancellationToken;
use web_push_native::jwt_simple::algorithms::{ECDSAP256PublicKeyLike, ES256KeyPair};
use web_push_native::{Auth, WebPushBuilder, p256};

use crate::domain::{BlogId, EntryId};
use crate::store::{Attempt, AttemptRule, Beyond, PushSubscription, Store, StoreError};
use crate::webhooks::reach;

/// Key events a page may send, by default, in an hour (`--push-per-hour`): a reader
/// who asked to be told of key events is not woken every few minutes.
pub const DEFAULT_PUSH_PER_HOUR: u32 = 4;
/// How long a push service has to take a message.
const SEND_TIMEOUT: StdDuration = StdDuration::from_secs(10);
/// Messages sent at once.
const SENT_AT_ONCE: usize = 16;
/// How long a push service keeps a message for a browser that is offline.
const KEPT_BY_THE_PUSH_SERVICE: StdDuration = StdDuration::from_secs(6 * 60 * 60);

/// A key event to tell: the page, its slug and title, the entry and its headline.
#[derive(Debug, Clone)]
pub struct KeyEvent {
    pub blog: BlogId,
    pub slug: String,
    pub page_title: String,
    pub entry: EntryId,
    pub headline: String,
}

/// Why a subscription was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("{0}")]
    Endpoint(String),
    #[error("The subscription's keys are not a browser's P-256 key and 16-byte secret.")]
    Keys,
}

pub struct Push {
    store: Arc<Store>,
    vapid: ES256KeyPair,
    public_key: String,
    public_url: String,
    per_hour: u32,
    to_private: bool,
}

impl Push {
    /// The server's push, with its VAPID key from the store (made here if this is the
    /// first instance ever to start).
    pub async fn new(
        store: Arc<Store>,
        public_url: String,
        per_hour: u32,
        to_private: bool,
    ) -> Result<Push, StoreError> {
        let made = BASE64URL.encode(ES256KeyPair::generate().to_bytes());
        let kept = store.site_key("vapid", &made).await?;
        let vapid = BASE64URL
            .decode(&kept)
            .ok()
            .and_then(|bytes| ES256KeyPair::from_bytes(&bytes).ok())
            .ok_or_else(|| StoreError::Corrupt("the VAPID key kept is not one".into()))?;
        let public_key = BASE64URL.encode(vapid.public_key().public_key().to_bytes_uncompressed());
        Ok(Push {
            store,
            vapid,
            public_key,
            public_url,
            per_hour,
            to_private,
        })
    }

    /// The VAPID public key, for browsers' `applicationServerKey`.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// Keeps a browser's subscription to page `blog`, once its push service's address
    /// is found to be one to send to and its keys to be a browser's.
    pub async fn subscribe(
        &self,
        blog: BlogId,
        subscription: PushSubscription,
    ) -> Result<Result<(), Refused>, StoreError> {
        if let Err(why) = reach(&subscription.endpoint, self.to_private).await {
            return Ok(Err(Refused::Endpoint(why.to_string())));
        }
        if keys(&subscription).is_none() {
            return Ok(Err(Refused::Keys));
        }
        self.store
            .subscribe(blog, &subscription, Utc::now())
            .await?;
        Ok(Ok(()))
    }

    pub async fn unsubscribe(&self, blog: BlogId, endpoint: &str) -> Result<(), StoreError> {
        self.store.unsubscribe(blog, endpoint).await
    }

    /// Tells each key event heard of, until shutdown.
    pub async fn follow(
        self: Arc<Self>,
        mut key_events: UnboundedReceiver<KeyEvent>,
        shutdown: CancellationToken,
    ) {
        loop {
            let event = tokio::select! {
                _ = shutdown.cancelled() => return,
                event = key_events.recv() => match event {
                    Some(event) => event,
                    None => return,
                },
            };
            if let Err(error) = self.tell(&event).await {
                tracing::warn!(%error, "could not send a key event's notifications");
            }
        }
    }

    /// Sends a key event to the page's subscribers, if this instance is the first to
    /// note it and the page's hourly share allows.
    async fn tell(&self, event: &KeyEvent) -> Result<(), StoreError> {
        if !self
            .store
            .note_key_event(event.blog, event.entry, Utc::now())
            .await?
        {
            return Ok(());
        }
        let rule = AttemptRule {
            window: Duration::hours(1),
            free: self.per_hour,
            beyond: Beyond::Refused,
        };
        let key = format!("push:{}", event.blog.0);
        if let Attempt::Wait(_) = self.store.take_attempt(&key, rule, Utc::now()).await? {
            tracing::info!(page = %event.slug, "a key event was not pushed: the page's hourly share is used");
            return self.store.skip_key_event(event.blog, event.entry).await;
        }
        let base = self.public_url.trim_end_matches('/');
        let message = json!({
            "title": event.headline,
            "body": event.page_title,
            "url": format!("{base}/live/{}/entries/{}", event.slug, event.entry),
            "tag": format!("liveblog-{}", event.slug),
        })
        .to_string();
        let subscriptions = self.store.subscriptions(event.blog).await?;
        // Most subscriptions share a few push services: each is looked up, checked and
        // connected to once per key event.
        let mut by_host: HashMap<String, Vec<PushSubscription>> = HashMap::new();
        for subscription in subscriptions {
            let host = (url::Url::parse(&subscription.endpoint).ok())
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_default();
            by_host.entry(host).or_default().push(subscription);
        }
        let mut sent: Vec<(String, Outcome)> = Vec::new();
        for (host, subscriptions) in by_host {
            let client = self.client_for(&subscriptions[0].endpoint).await;
            let (client, host, message) = (&client, &host, &message);
            let outcomes: Vec<(String, Outcome)> = futures_util::stream::iter(subscriptions)
                .map(|subscription| async move {
                    let outcome = match client {
                        Ok(client) => self.send(client, &subscription, message).await,
                        Err(why) => Outcome::Failed(format!("{host}: {why}")),
                    };
                    (subscription.endpoint, outcome)
                })
                .buffer_unordered(SENT_AT_ONCE)
                .collect()
                .await;
            sent.extend(outcomes);
        }
        let mut delivered = 0;
        for (endpoint, outcome) in sent {
            match outcome {
                Outcome::Taken => delivered += 1,
                Outcome::Gone => self.store.unsubscribe(event.blog, &endpoint).await?,
                Outcome::Failed(why) => {
                    tracing::info!(%why, "a push service did not take a key event")
                }
            }
        }
        tracing::info!(page = %event.slug, entry = %event.entry, delivered, "a key event was pushed");
        Ok(())
    }

    /// A client for a push service's host, its address checked and pinned.
    async fn client_for(&self, endpoint: &str) -> Result<reqwest::Client, String> {
        let (url, address) = reach(endpoint, self.to_private)
            .await
            .map_err(|why| why.to_string())?;
        let host = url.host_str().unwrap_or_default().to_owned();
        reqwest::Client::builder()
            .timeout(SEND_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .resolve(&host, address)
            .build()
            .map_err(|error| error.to_string())
    }

    async fn send(
        &self,
        client: &reqwest::Client,
        subscription: &PushSubscription,
        message: &str,
    ) -> Outcome {
        let Some((public, auth)) = keys(subscription) else {
            return Outcome::Gone;
        };
        let Ok(endpoint) = subscription.endpoint.parse() else {
            return Outcome::Gone;
        };
        let contact = format!("{}/", self.public_url.trim_end_matches('/'));
        let request = WebPushBuilder::new(endpoint, public, auth)
            .with_valid_duration(KEPT_BY_THE_PUSH_SERVICE)
            .with_vapid(&self.vapid, &contact)
            .build(message.as_bytes().to_vec());
        let request = match request {
            Ok(request) => request,
            Err(error) => return Outcome::Failed(error.to_string()),
        };
        let (parts, body) = request.into_parts();
        let sent = client
            .post(&subscription.endpoint)
            .headers(parts.headers)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(answer) if answer.status().is_success() => Outcome::Taken,
            Ok(answer) if matches!(answer.status().as_u16(), 404 | 410) => Outcome::Gone,
            Ok(answer) => Outcome::Failed(format!("answered {}", answer.status())),
            Err(error) => Outcome::Failed(error.to_string()),
        }
    }
}

enum Outcome {
    Taken,
    Gone,
    Failed(String),
}

/// A subscription's keys, if they are a browser's.
fn keys(subscription: &PushSubscription) -> Option<(p256::PublicKey, Auth)> {
    let public = BASE64URL
        .decode(subscription.p256dh.trim_end_matches('='))
        .ok()?;
    let public = p256::PublicKey::from_sec1_bytes(&public).ok()?;
    let auth = BASE64URL
        .decode(subscription.auth.trim_end_matches('='))
        .ok()?;
    let auth: [u8; 16] = auth.try_into().ok()?;
    Some((public, Auth::from(auth)))
}
