//! Web Push for key events, against a stand-in push service on 127.0.0.1 that
//! decrypts what it receives with the keys of its own subscriptions, as a browser
//! would: a key event arrives once, decrypts to its headline and link, carries a VAPID
//! signature; a subscription answered 410 is removed; with two instances each key
//! event is sent once; a page sends no more than its hourly share.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::Path;
use axum::http::HeaderMap;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use web_push_native::p256;

use crate::cms::{call, token};
use crate::helpers::{DEMO, TestApp, TestDatabase, spawn_app, spawn_app_with, spawn_on};

/// One browser's subscription at the stand-in: its keys, and what it was sent.
struct Browser {
    secret: p256::SecretKey,
    auth: [u8; 16],
    /// The status the stand-in answers with for this subscription.
    answer: u16,
    got: Vec<(HeaderMap, Vec<u8>)>,
}

/// A push service on this machine with a number of browsers subscribed through it.
struct StandIn {
    base: String,
    browsers: Arc<Mutex<Vec<Browser>>>,
}

impl StandIn {
    async fn start() -> StandIn {
        let browsers: Arc<Mutex<Vec<Browser>>> = Arc::default();
        let held = Arc::clone(&browsers);
        let app = axum::Router::new().route(
            "/push/{n}",
            axum::routing::post(
                move |Path(n): Path<usize>, headers: HeaderMap, body: axum::body::Bytes| {
                    let held = Arc::clone(&held);
                    async move {
                        let mut browsers = held.lock().unwrap();
                        let browser = &mut browsers[n];
                        browser.got.push((headers, body.to_vec()));
                        axum::http::StatusCode::from_u16(browser.answer).unwrap()
                    }
                },
            ),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        StandIn { base, browsers }
    }

    /// A new browser, answered with `answer`; its subscription as `toJSON()` gives it.
    fn browser(&self, answer: u16) -> (usize, Value) {
        let secret = p256::SecretKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
        let auth: [u8; 16] = rand::random();
        let public = secret.public_key();
        use p256::elliptic_curve::sec1::ToEncodedPoint;
        let p256dh = BASE64URL.encode(public.to_encoded_point(false).as_bytes());
        let mut browsers = self.browsers.lock().unwrap();
        let n = browsers.len();
        browsers.push(Browser {
            secret,
            auth,
            answer,
            got: Vec::new(),
        });
        let subscription = json!({
            "endpoint": format!("{}/push/{n}", self.base),
            "keys": { "p256dh": p256dh, "auth": BASE64URL.encode(auth) },
        });
        (n, subscription)
    }

    /// What browser `n` got, decrypted with its own keys, and the headers.
    fn opened(&self, n: usize) -> Vec<(HeaderMap, Value)> {
        let browsers = self.browsers.lock().unwrap();
        let browser = &browsers[n];
        browser
            .got
            .iter()
            .map(|(headers, body)| {
                let auth = web_push_native::Auth::from(browser.auth);
                let plain = web_push_native::decrypt(body.clone(), &browser.secret, &auth)
                    .expect("the message decrypts with the browser's keys");
                (headers.clone(), serde_json::from_slice(&plain).unwrap())
            })
            .collect()
    }

    fn count(&self, n: usize) -> usize {
        self.browsers.lock().unwrap()[n].got.len()
    }
}

async fn subscribe(app: &TestApp, subscription: &Value) -> StatusCode {
    app.client
        .post(app.url(&format!("/live/{DEMO}/push")))
        .json(subscription)
        .send()
        .await
        .unwrap()
        .status()
}

async fn key_event(app: &TestApp, token: &str, title: &str) -> i64 {
    let body = json!({ "title": title, "body": "A key moment.", "key_event": true });
    let (status, entry) = call(
        app,
        Method::POST,
        &format!("/api/v1/live/{DEMO}/entries"),
        token,
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    entry["id"].as_i64().unwrap()
}

async fn until(stand_in: &StandIn, n: usize, count: usize) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while stand_in.count(n) < count {
        assert!(
            tokio::time::Instant::now() < deadline,
            "browser {n} got {} of {count}",
            stand_in.count(n)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_key_event_reaches_each_subscriber_once_encrypted_and_a_gone_one_is_removed() {
    let app = spawn_app().await;
    let stand_in = StandIn::start().await;
    let (live, subscription) = stand_in.browser(201);
    let (gone, gone_subscription) = stand_in.browser(410);
    assert_eq!(subscribe(&app, &subscription).await, StatusCode::CREATED);
    assert_eq!(
        subscribe(&app, &gone_subscription).await,
        StatusCode::CREATED
    );
    let token = token(&app, "wire", &[]);

    // An entry that is no key event is not pushed.
    let body = json!({ "title": "A small update", "body": "Nothing much." });
    call(
        &app,
        Method::POST,
        &format!("/api/v1/live/{DEMO}/entries"),
        &token,
        Some(body),
    )
    .await;
    let id = key_event(&app, &token, "The bridge has reopened").await;
    until(&stand_in, live, 1).await;
    until(&stand_in, gone, 1).await;
    let opened = stand_in.opened(live);
    assert_eq!(opened.len(), 1, "one message for the key event alone");
    let (headers, message) = &opened[0];
    assert_eq!(message["title"], "The bridge has reopened");
    let url = message["url"].as_str().unwrap();
    assert!(
        url.ends_with(&format!("/live/{DEMO}/entries/{id}")),
        "{url}"
    );
    assert_eq!(headers["content-encoding"], "aes128gcm");
    let vapid = headers["authorization"].to_str().unwrap();
    assert!(
        vapid.starts_with("vapid t=") && vapid.contains(", k="),
        "{vapid}"
    );
    let (_, key) = vapid.split_once(", k=").unwrap();
    let served: Value = app.get("/push/key").await.json().await.unwrap();
    assert_eq!(
        served["key"], key,
        "signed with the key the page gives browsers"
    );

    // Corrected, it is not sent again; the next key event goes to the live one only.
    let path = format!("/api/v1/live/{DEMO}/entries/{id}");
    call(
        &app,
        Method::PATCH,
        &path,
        &token,
        Some(json!({ "body": "Both ways." })),
    )
    .await;
    key_event(&app, &token, "Ferries are running").await;
    until(&stand_in, live, 2).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(stand_in.count(live), 2);
    assert_eq!(
        stand_in.count(gone),
        1,
        "a subscription the push service called gone is removed"
    );
    assert_eq!(stand_in.opened(live)[1].1["title"], "Ferries are running");

    // Turned off by the reader: nothing more.
    let off = json!({ "endpoint": subscription["endpoint"] });
    let response = app
        .client
        .post(app.url(&format!("/live/{DEMO}/push/off")))
        .json(&off)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    key_event(&app, &token, "The storm has passed").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(stand_in.count(live), 2, "turned off");
}

#[tokio::test]
async fn a_page_pushes_no_more_than_its_hourly_share() {
    let app = spawn_app_with(|settings| settings.push_per_hour = 1).await;
    let stand_in = StandIn::start().await;
    let (n, subscription) = stand_in.browser(201);
    assert_eq!(subscribe(&app, &subscription).await, StatusCode::CREATED);
    let token = token(&app, "wire", &[]);
    key_event(&app, &token, "First").await;
    until(&stand_in, n, 1).await;
    key_event(&app, &token, "Second").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(stand_in.count(n), 1, "the hour's share was one");
}

#[tokio::test]
async fn a_subscription_is_refused_for_a_private_address_or_keys_no_browser_has() {
    let app = spawn_app_with(|settings| settings.push_to_private_addresses = false).await;
    let stand_in = StandIn::start().await;
    let (_, subscription) = stand_in.browser(201);
    assert_eq!(
        subscribe(&app, &subscription).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "this machine"
    );
    let mut bad = subscription.clone();
    bad["endpoint"] = json!("https://push.example.com/x");
    bad["keys"]["p256dh"] = json!("AAAA");
    let status = subscribe(&app, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let not_json = app
        .client
        .post(app.url(&format!("/live/{DEMO}/push")))
        .body("endpoint=x")
        .send()
        .await
        .unwrap();
    assert!(not_json.status().is_client_error());
}

#[tokio::test]
async fn with_two_instances_a_key_event_is_pushed_once() {
    let db = TestDatabase::create().await;
    let a = spawn_on(&db).await;
    let b = spawn_on(&db).await;
    let stand_in = StandIn::start().await;
    let (n, subscription) = stand_in.browser(201);
    assert_eq!(subscribe(&a, &subscription).await, StatusCode::CREATED);
    let token = db.token();
    key_event(&b, &token, "Through the other instance").await;
    until(&stand_in, n, 1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        stand_in.count(n),
        1,
        "once, though both instances heard of it"
    );
    assert_eq!(
        stand_in.opened(n)[0].1["title"],
        "Through the other instance"
    );
    db.drop().await;
}
