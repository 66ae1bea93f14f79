//! `Idempotency-Key`: a write retried with its key (after a reset, a timeout, a killed
//! instance) makes nothing new and is given the first answer, however many copies
//! arrive at once and whichever instance they reach.

use futures_util::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{DEMO, TestApp, TestDatabase, open_store, spawn_app, spawn_on};
use crate::json_api::new_token;

/// An answer as a caller sees it.
struct Answer {
    status: StatusCode,
    replayed: bool,
    location: Option<String>,
    body: Value,
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    key: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let header =
        |name: &str| (response.headers().get(name)).map(|v| v.to_str().unwrap().to_owned());
    let (replayed, location) = (header("idempotent-replayed").is_some(), header("location"));
    let status = response.status();
    let text = response.text().await.unwrap();
    Answer {
        status,
        replayed,
        location,
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
    }
}

fn entries() -> String {
    format!("/api/v1/live/{DEMO}/entries")
}

async fn post(app: &TestApp, token: &str, key: Option<&str>, title: &str) -> Answer {
    let body = json!({ "title": title, "body": "From the wire." });
    send(app, Method::POST, &entries(), token, key, Some(body)).await
}

/// How many entries on the demo page carry `title`.
async fn titled(app: &TestApp, title: &str) -> usize {
    let page = app.get(&format!("/api/v1/live/{DEMO}")).await;
    let page: Value = page.json().await.unwrap();
    let entries = page["entries"].as_array().unwrap();
    entries.iter().filter(|e| e["title"] == title).count()
}

#[tokio::test]
async fn a_post_retried_with_its_key_makes_one_entry_and_is_given_the_first_answer() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire");
    let key = "7d3c1f0e-5b2a-4c8e-9f61-2a4b6c8d0e1f";

    let first = post(&app, &token, Some(key), "Bridge reopens").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert!(!first.replayed);
    let again = post(&app, &token, Some(key), "Bridge reopens").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert!(again.replayed, "a retry says it is one");
    assert_eq!(again.body, first.body, "the first answer, whole");
    assert_eq!(again.location, first.location);
    assert_eq!(titled(&app, "Bridge reopens").await, 1);

    // Without a key, a second post is a second entry, as before.
    post(&app, &token, None, "Bridge reopens").await;
    assert_eq!(titled(&app, "Bridge reopens").await, 2);

    // The key with another body is refused, naming the header; nothing is made.
    let other = post(&app, &token, Some(key), "Bridge closes").await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.body["field"], "Idempotency-Key", "{}", other.body);
    assert_eq!(titled(&app, "Bridge closes").await, 0);

    // Each token's keys are its own.
    let desk = new_token(&app, "desk-tool");
    let theirs = post(&app, &desk, Some(key), "Bridge reopens").await;
    assert_eq!(theirs.status, StatusCode::CREATED);
    assert!(!theirs.replayed);
    assert_ne!(theirs.body["id"], first.body["id"]);

    // A key is 1 to 255 visible ASCII characters.
    for bad in ["", "two words", &"k".repeat(256)] {
        let refused = post(&app, &token, Some(bad), "Bad key").await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert_eq!(refused.body["field"], "Idempotency-Key");
    }
    // An unknown token is refused before any key is looked at.
    let stranger = post(&app, "lb_unknown", Some(key), "Bridge reopens").await;
    assert_eq!(stranger.status, StatusCode::UNAUTHORIZED);
    assert_eq!(titled(&app, "Bad key").await, 0);
}

#[tokio::test]
async fn fifty_copies_of_one_request_at_once_make_one_entry_and_one_answer() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire");
    let copies = (0..50).map(|_| post(&app, &token, Some("burst-1"), "Flood gates shut"));
    let answers = join_all(copies).await;
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        assert_eq!(answer.body["id"], answers[0].body["id"]);
    }
    assert_eq!(answers.iter().filter(|a| !a.replayed).count(), 1);
    assert_eq!(titled(&app, "Flood gates shut").await, 1);
}

#[tokio::test]
async fn a_correction_a_deletion_and_a_new_page_retried_with_their_keys_change_nothing_more() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire");
    let made = post(&app, &token, None, "Polls open").await;
    let path = format!("{}/{}", entries(), made.body["id"]);
    let correction =
        json!({ "version": 1, "title": "Polls open at 7", "correction": "Time added." });

    // Each request sent, then sent again with its key.
    let twice = async |method: Method, path: &str, key: &str, body: Option<Value>| {
        let first = send(&app, method.clone(), path, &token, Some(key), body.clone()).await;
        let again = send(&app, method, path, &token, Some(key), body).await;
        assert!(!first.replayed && again.replayed);
        assert_eq!(again.status, first.status);
        (first, again)
    };
    let (first, again) = twice(Method::PATCH, &path, "fix-1", Some(correction.clone())).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(again.body["version"], 2, "one correction: {}", again.body);
    // Without the key, the retry is a correction of a version gone.
    let unkeyed = send(&app, Method::PATCH, &path, &token, None, Some(correction)).await;
    assert_eq!(unkeyed.status, StatusCode::CONFLICT);

    let (gone, _) = twice(Method::DELETE, &path, "rm-1", None).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);

    let page = json!({ "title": "Count night", "slug": "count-night" });
    let (opened, again) = twice(Method::POST, "/api/v1/live", "open-1", Some(page)).await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.body);
    assert_eq!(again.body, opened.body);
    assert_eq!(again.location.as_deref(), Some("/api/v1/live/count-night"));
}

#[tokio::test]
async fn a_retry_whose_first_answer_was_lost_is_answered_from_the_entry_made() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire");
    let first = post(&app, &token, Some("lost-1"), "Ferry docks").await;
    assert_eq!(first.status, StatusCode::CREATED);
    // As when the instance was killed after the commit, before it answered.
    let mut db = open_store(&app).await;
    sqlx::query("UPDATE request_keys SET status = NULL, location = NULL, body = NULL")
        .execute(&mut db)
        .await
        .unwrap();

    let again = post(&app, &token, Some("lost-1"), "Ferry docks").await;
    assert_eq!((again.status, again.replayed), (StatusCode::CREATED, true));
    assert_eq!(again.body["id"], first.body["id"], "{}", again.body);
    assert_eq!(again.body["title"], "Ferry docks");
    assert_eq!(again.location, first.location);
    assert_eq!(titled(&app, "Ferry docks").await, 1);
}

#[tokio::test]
async fn with_two_instances_copies_of_a_request_through_both_make_one_entry() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    let token = db.token();
    for round in 0..10 {
        let (key, title) = (format!("round-{round}"), format!("Round {round}"));
        let copies = (0..6).map(|i| {
            let app = if i % 2 == 0 { &a } else { &b };
            post(app, &token, Some(&key), &title)
        });
        let answers = join_all(copies).await;
        for answer in &answers {
            assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
            assert_eq!(answer.body["id"], answers[0].body["id"], "round {round}");
        }
        // Made through either instance: each shows it once the other's change reaches it.
        for app in [&a, &b] {
            let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
            while titled(app, &title).await == 0 && tokio::time::Instant::now() < deadline {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            assert_eq!(titled(app, &title).await, 1, "round {round}");
        }
    }
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn the_entry_form_sent_twice_with_its_key_publishes_once() {
    let app = spawn_app().await;
    app.login().await;
    let (_, html) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    let key = html
        .split(r#"name="request_key" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form carries its own key")
        .to_owned();
    let (_, again_html) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        !again_html.contains(&key),
        "each form is given a key of its own"
    );

    let form = |body: &'static str| {
        vec![
            ("action", "publish"),
            ("title", "Curfew ends"),
            ("body", body),
            ("request_key", key.as_str()),
        ]
    };
    for _ in 0..2 {
        let sent = app.publish(DEMO, &form("From midnight.")).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let to = sent.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.ends_with("?done=published"), "{to}");
    }
    assert_eq!(
        titled(&app, "Curfew ends").await,
        1,
        "sent twice, published once"
    );
    // The key with other text (the form gone back to and changed) is a new entry.
    app.publish(DEMO, &form("From midnight, not ten.")).await;
    assert_eq!(titled(&app, "Curfew ends").await, 2, "never swallowed");
}

#[tokio::test]
async fn the_description_offers_the_key_on_every_write_but_the_uploads() {
    let app = spawn_app().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let has_key = |path: &str, method: &str| {
        let parameters = doc["paths"][path][method]["parameters"].as_array().cloned();
        (parameters.unwrap_or_default().iter()).any(|p| p["name"] == "Idempotency-Key")
    };
    let entry = "/api/v1/live/{slug}/entries/{id}";
    assert!(has_key("/api/v1/live/{slug}/entries", "post"));
    assert!(has_key(entry, "patch") && has_key(entry, "delete"));
    assert!(has_key("/api/v1/live", "post") && has_key("/api/v1/live/{slug}/close", "post"));
    assert!(!has_key(entry, "get"));
    assert!(
        !has_key("/api/v1/images", "post"),
        "an upload is named by its content"
    );
}
