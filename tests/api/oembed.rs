//! A shared post's author and title asked of its platform: here a stand-in on this
//! machine answers for every platform's oEmbed endpoint. The entry is published with
//! what the editor gave and corrected in place with what the platform tells; what the
//! editor wrote is never replaced.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::cms::{call, token};
use crate::helpers::{DEMO, spawn_app_with};

/// What the stand-in was asked: the platform's host, the path and the post's address.
type Asked = Arc<Mutex<Vec<(String, String, String)>>>;

async fn stand_in() -> (String, Asked) {
    let asked: Asked = Arc::default();
    async fn answer(
        State(asked): State<Asked>,
        headers: HeaderMap,
        uri: axum::http::Uri,
        Query(query): Query<std::collections::HashMap<String, String>>,
    ) -> axum::Json<Value> {
        let host = headers["x-oembed-host"].to_str().unwrap().to_owned();
        let post = query.get("url").cloned().unwrap_or_default();
        asked
            .lock()
            .unwrap()
            .push((host, uri.path().to_owned(), post));
        axum::Json(json!({
            "type": "video",
            "author_name": "Met Office",
            "title": "Amber warning for wind\n extended to 18:00",
            "html": "<script>alert(1)</script>",
        }))
    }
    let app = axum::Router::new()
        .fallback(axum::routing::get(answer))
        .with_state(Arc::clone(&asked));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), asked)
}

#[tokio::test]
async fn a_shared_post_s_author_and_title_come_from_its_platform() {
    let (url, asked) = stand_in().await;
    let app = spawn_app_with(move |settings| settings.oembed_stand_in = Some(url)).await;
    let api = token(&app, "desk", &[]);
    let entries = format!("/api/v1/live/{DEMO}/entries");
    let (status, entry) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        &api,
        Some(json!({"title": "The warning", "body": "Extended.",
            "post_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    assert!(
        entry["post_author"].is_null(),
        "published with what was given"
    );
    let one = format!("{entries}/{}", entry["id"]);
    let mut filled = Value::Null;
    for _ in 0..100 {
        let (_, now) = call(&app, reqwest::Method::GET, &one, &api, None).await;
        if now["post_author"].is_string() {
            filled = now;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(filled["post_author"], "Met Office", "{filled}");
    assert_eq!(
        filled["post_text"],
        "Amber warning for wind extended to 18:00"
    );
    assert!(!filled["html"].as_str().unwrap().contains("<script>"));
    let (host, path, post) = asked.lock().unwrap()[0].clone();
    assert_eq!(
        (host.as_str(), path.as_str()),
        ("www.youtube.com", "/oembed")
    );
    assert_eq!(post, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("Met Office"), "the card shows it");

    // What the editor wrote stays; only what was left empty is filled.
    let (_, entry) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        &api,
        Some(
            json!({"title": "Bluesky", "body": "B", "post_author": "The desk's words",
            "post_url": "https://bsky.app/profile/desk.bsky.social/post/3kq2xyzabc"}),
        ),
    )
    .await;
    let one = format!("{entries}/{}", entry["id"]);
    let mut text = Value::Null;
    for _ in 0..100 {
        let (_, now) = call(&app, reqwest::Method::GET, &one, &api, None).await;
        if now["post_text"].is_string() {
            text = now;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(text["post_author"], "The desk's words");
    assert_eq!(
        text["post_text"],
        "Amber warning for wind extended to 18:00"
    );
    // A platform with no endpoint is not asked.
    let before = asked.lock().unwrap().len();
    call(
        &app,
        reqwest::Method::POST,
        &entries,
        &api,
        Some(json!({"title": "Telegram", "body": "B", "post_url": "https://t.me/durov/123"})),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(asked.lock().unwrap().len(), before);
}
