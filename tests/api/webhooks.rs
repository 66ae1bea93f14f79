//! Webhooks: a receiver on this machine gets every change to a page in order, each
//! signed as the Standard Webhooks specification says; a 500 is tried again; with two
//! instances on one PostgreSQL each change arrives once; an address on this machine
//! is refused unless the server is told to allow it.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::HeaderMap;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::cms::{call, token};
use crate::helpers::{
    DEMO, TestApp, TestDatabase, csrf_token, spawn_app, spawn_app_with, spawn_on,
};

/// One delivery as the receiver got it.
#[derive(Debug, Clone)]
pub struct Got {
    pub id: String,
    pub timestamp: String,
    pub signature: String,
    pub body: String,
}

impl Got {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    /// Whether the signature is the secret's, computed here apart from the server.
    pub fn signed_with(&self, secret: &str) -> bool {
        let key = BASE64
            .decode(secret.strip_prefix("whsec_").unwrap())
            .unwrap();
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).unwrap();
        mac.update(format!("{}.{}.{}", self.id, self.timestamp, self.body).as_bytes());
        let expected = format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()));
        self.signature.split(' ').any(|s| s == expected)
    }
}

/// A receiver on 127.0.0.1: keeps what it gets, and answers each with the next status
/// of its script (200 once the script is done).
pub struct Receiver {
    pub url: String,
    got: Arc<Mutex<Vec<Got>>>,
    script: Arc<Mutex<VecDeque<u16>>>,
}

impl Receiver {
    pub async fn start(script: &[u16]) -> Receiver {
        let got: Arc<Mutex<Vec<Got>>> = Arc::default();
        let script = Arc::new(Mutex::new(script.iter().copied().collect::<VecDeque<_>>()));
        let (kept, answers) = (Arc::clone(&got), Arc::clone(&script));
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: String| {
                let (kept, answers) = (Arc::clone(&kept), Arc::clone(&answers));
                async move {
                    let header = |name: &str| {
                        headers
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    kept.lock().unwrap().push(Got {
                        id: header("webhook-id"),
                        timestamp: header("webhook-timestamp"),
                        signature: header("webhook-signature"),
                        body,
                    });
                    let status = answers.lock().unwrap().pop_front().unwrap_or(200);
                    (axum::http::StatusCode::from_u16(status).unwrap(), "thanks")
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver { url, got, script }
    }

    pub fn got(&self) -> Vec<Got> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until `count` deliveries have come.
    pub async fn until(&self, count: usize, wait: Duration) -> Vec<Got> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let got = self.got();
            if got.len() >= count {
                return got;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{count} deliveries, only {} came: {:?}",
                got.len(),
                got.iter()
                    .map(|g| g.json()["type"].clone())
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    #[allow(dead_code)]
    pub fn then_answer(&self, status: u16) {
        self.script.lock().unwrap().push_back(status);
    }
}

/// Registers `url` for `page` (every page: "") through the admin's form, as sent by
/// the form; the secret the page shows once.
pub async fn register(app: &TestApp, url: &str, page: &str) -> (StatusCode, String) {
    let (_, form) = app.get_html("/editor/webhooks").await;
    let response = app
        .post_form(
            "/editor/webhooks",
            &[
                ("csrf_token", &csrf_token(&form)),
                ("url", url),
                ("page", page),
            ],
        )
        .await;
    let status = response.status();
    let html = response.text().await.unwrap();
    let secret = html
        .split("<code class=\"webhook-secret\">")
        .nth(1)
        .and_then(|rest| rest.split("</code>").next())
        .unwrap_or_default()
        .to_owned();
    (status, if secret.is_empty() { html } else { secret })
}

fn types(got: &[Got]) -> Vec<String> {
    got.iter()
        .map(|g| g.json()["type"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn every_change_reaches_the_receiver_in_order_and_signed() {
    let app = spawn_app().await;
    app.login().await;
    let receiver = Receiver::start(&[]).await;
    let (status, secret) = register(&app, &receiver.url, "").await;
    assert_eq!(status, StatusCode::OK, "{secret}");
    assert!(secret.starts_with("whsec_"), "{secret}");
    let token = token(&app, "wire", &[]);
    let entries = format!("/api/v1/live/{DEMO}/entries");

    let new = json!({ "title": "Bridge closed", "body": "Both ways." });
    let (_, entry) = call(&app, Method::POST, &entries, &token, Some(new)).await;
    let path = format!("{entries}/{}", entry["id"]);
    let fix = json!({ "body": "Both ways, until noon.", "correction": "Added the time." });
    call(&app, Method::PATCH, &path, &token, Some(fix)).await;
    let pin = json!({ "pinned": true });
    call(&app, Method::PATCH, &path, &token, Some(pin)).await;
    call(&app, Method::DELETE, &path, &token, None).await;
    let page = format!("/api/v1/live/{DEMO}");
    let summary = json!({ "summary": ["The bridge is shut"] });
    let (status, answer) = call(&app, Method::PATCH, &page, &token, Some(summary)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    call(&app, Method::POST, &format!("{page}/close"), &token, None).await;
    call(&app, Method::POST, &format!("{page}/reopen"), &token, None).await;

    let got = receiver.until(8, Duration::from_secs(10)).await;
    assert_eq!(
        types(&got),
        [
            "entry.created",
            "entry.corrected",
            "entry.pinned",
            // The demo page's pinned entry, unpinned by the pin.
            "entry.unpinned",
            "entry.deleted",
            "page.changed",
            "page.closed",
            "page.reopened"
        ]
    );
    let seqs: Vec<u64> = got
        .iter()
        .map(|g| g.json()["data"]["seq"].as_u64().unwrap())
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "in the page's order: {seqs:?}"
    );
    for delivery in &got {
        assert!(delivery.signed_with(&secret), "{delivery:?}");
        assert!(delivery.id.starts_with("msg_"));
    }
    let created = got[0].json();
    assert_eq!(created["data"]["entry"]["title"], "Bridge closed");
    assert_eq!(
        created["data"]["entry"]["body"], "Both ways.",
        "as it was at the change"
    );
    assert_eq!(
        got[1].json()["data"]["entry"]["body"],
        "Both ways, until noon."
    );
    assert_ne!(got[3].json()["data"]["entry"]["id"], entry["id"]);
    assert_eq!(got[4].json()["data"]["entry"]["id"], entry["id"]);
    assert_eq!(got[6].json()["data"]["page"]["status"], "closed");
    assert!(!got[0].signed_with("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

    // The log on the admin's page.
    let (_, html) = app.get_html("/editor/webhooks").await;
    assert!(html.contains(&receiver.url));
    assert!(html.contains("delivery-delivered"), "{html}");
}

#[tokio::test]
async fn a_delivery_answered_with_500_is_tried_again() {
    let app = spawn_app().await;
    app.login().await;
    let receiver = Receiver::start(&[500]).await;
    let (_, secret) = register(&app, &receiver.url, DEMO).await;
    let token = token(&app, "wire", &[]);
    let new = json!({ "title": "Ferry back", "body": "At last." });
    let entries = format!("/api/v1/live/{DEMO}/entries");
    call(&app, Method::POST, &entries, &token, Some(new)).await;
    let got = receiver.until(2, Duration::from_secs(20)).await;
    assert_eq!(got[0].id, got[1].id, "the same delivery, under the same id");
    assert_eq!(got[0].body, got[1].body);
    assert!(got[1].signed_with(&secret));
    let waited =
        got[1].timestamp.parse::<i64>().unwrap() - got[0].timestamp.parse::<i64>().unwrap();
    assert!(waited >= 4, "the second try waits: {waited} s");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(receiver.got().len(), 2, "delivered once answered 200");
    let (_, html) = app.get_html("/editor/webhooks").await;
    assert!(html.contains("delivery-delivered"));
    assert!(html.contains("<td>2</td>"), "two tries in the log: {html}");
}

#[tokio::test]
async fn an_address_on_this_machine_is_refused_unless_allowed() {
    let app = spawn_app_with(|settings| settings.webhooks_to_private_addresses = false).await;
    app.login().await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://[::1]:9/",
        "http://10.0.0.8/",
        "ftp://example.org/",
    ] {
        let (status, html) = register(&app, url, "").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        assert!(html.contains("field-error"), "{url}: the problem is named");
        assert!(
            html.contains(&format!("value=\"{url}\"")),
            "{url}: the address is kept"
        );
    }
    let (_, html) = app.get_html("/editor/webhooks").await;
    assert!(!html.contains("http://127.0.0.1:9/hook"), "none was added");
    // Editors who are not admins do not reach the page.
    let editor = crate::helpers::person(&app, "sam", "editor").await;
    assert_eq!(
        editor.get("/editor/webhooks").await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn with_two_instances_each_change_arrives_once() {
    const CHANGES: usize = 20;
    let db = TestDatabase::create().await;
    let a = spawn_on(&db).await;
    let b = spawn_on(&db).await;
    a.login().await;
    let receiver = Receiver::start(&[]).await;
    let (_, secret) = register(&a, &receiver.url, "").await;
    let token = db.token();
    let entries = format!("/api/v1/live/{DEMO}/entries");
    for n in 0..CHANGES {
        let app = if n % 2 == 0 { &a } else { &b };
        let new = json!({ "title": format!("Update {n}"), "body": "Through either." });
        let (status, _) = call(app, Method::POST, &entries, &token, Some(new)).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let got = receiver.until(CHANGES, Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let got_all = receiver.got();
    assert_eq!(got_all.len(), CHANGES, "each once: {:?}", types(&got_all));
    let mut ids: HashMap<String, usize> = HashMap::new();
    for delivery in &got {
        *ids.entry(delivery.id.clone()).or_default() += 1;
        assert!(delivery.signed_with(&secret));
    }
    assert_eq!(ids.len(), CHANGES);
    let titles: Vec<String> = got_all
        .iter()
        .map(|g| {
            g.json()["data"]["entry"]["title"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let wanted: Vec<String> = (0..CHANGES).map(|n| format!("Update {n}")).collect();
    assert_eq!(titles, wanted, "in the page's order");
    db.drop().await;
}
