//! The JSON API: tokens from the command line, the same rules and live events as the
//! forms, and errors that name the field at fault.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, TestApp, spawn_app};

fn data_dir(app: &TestApp) -> String {
    app.data_dir.path().to_str().unwrap().to_owned()
}

pub fn new_token(app: &TestApp, name: &str) -> String {
    let printed = stdout(&liveblog(
        &["token", "create", name, "--data-dir", &data_dir(app)],
        "",
    ));
    assert_eq!(printed.lines().count(), 1, "the token alone: {printed:?}");
    let token = printed.trim().to_owned();
    assert!(token.starts_with("lb_") && token.len() > 40);
    token
}

pub async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = app.client.request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (
        status,
        if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap()
        },
    )
}

#[tokio::test]
async fn automation_publishes_corrects_and_deletes_with_a_token() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire-feed");
    let mut reader = app.events(DEMO, None).await;
    let entries = format!("/api/v1/live/{DEMO}/entries");

    let (status, created) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        Some(&token),
        Some(json!({"title": "Ferry service resumes", "body": "The first crossing left at **noon**.", "label": "breaking", "key_event": true})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["label"], "breaking");
    assert_eq!(created["key_event"], true);
    assert!(
        created["html"]
            .as_str()
            .unwrap()
            .contains("<strong>noon</strong>")
    );
    let event = reader.next().await;
    assert_eq!(event.event, "entry-created");
    assert_eq!(
        event.data["html"], created["html"],
        "the same fragment as the forms send"
    );

    let (status, page) = call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/live/{DEMO}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["entries"][0]["id"], id, "newest first");
    assert_eq!(page["last_event_id"], event.id.unwrap());
    assert_eq!(
        page["pinned"]["title"],
        "How to stay safe during Storm Maren"
    );

    let one = format!("{entries}/{id}");
    let (status, corrected) = call(
        &app,
        reqwest::Method::PATCH,
        &one,
        Some(&token),
        Some(json!({"title": "Ferry service resumes at noon"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    assert_eq!(corrected["title"], "Ferry service resumes at noon");
    assert_eq!(
        corrected["body"], "The first crossing left at **noon**.",
        "fields left out are kept"
    );
    assert_eq!(corrected["label"], "breaking");
    assert!(corrected["updated_at"].is_string());
    let event = reader.next().await;
    assert_eq!(event.event, "entry-updated");
    assert!(
        event.data["html"]
            .as_str()
            .unwrap()
            .contains("Updated <time")
    );

    let (status, _) = call(&app, reqwest::Method::DELETE, &one, Some(&token), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(reader.next().await.event, "entry-deleted");
    let (status, gone) = call(&app, reqwest::Method::GET, &one, None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(gone["error"].is_string());
}

#[tokio::test]
async fn without_a_valid_token_nothing_changes() {
    let app = spawn_app().await;
    let token = new_token(&app, "to-revoke");
    let seq = app.current_seq().await;
    let entries = format!("/api/v1/live/{DEMO}/entries");
    let body = json!({"title": "Nope", "body": "x"});
    for (token, why) in [(None, "no token"), (Some("lb_forged"), "a forged token")] {
        let (status, error) = call(
            &app,
            reqwest::Method::POST,
            &entries,
            token,
            Some(body.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{why}");
        assert!(
            error["error"].as_str().unwrap().contains("token"),
            "{why}: {error}"
        );
    }
    stdout(&liveblog(
        &[
            "token",
            "revoke",
            "to-revoke",
            "--data-dir",
            &data_dir(&app),
        ],
        "",
    ));
    let (status, _) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        Some(&token),
        Some(body.clone()),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a revoked token is refused at once"
    );
    for method in [reqwest::Method::PATCH, reqwest::Method::DELETE] {
        let (status, _) = call(
            &app,
            method,
            &format!("{entries}/13"),
            None,
            Some(body.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(app.current_seq().await, seq);
}

#[tokio::test]
async fn bad_input_is_named_by_field() {
    let app = spawn_app().await;
    let token = new_token(&app, "tests");
    let entries = format!("/api/v1/live/{DEMO}/entries");
    let seq = app.current_seq().await;
    let long_title = "t".repeat(201);
    let cases = [
        (
            json!({"title": "", "body": "x"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "title",
        ),
        (
            json!({"title": long_title, "body": "x"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "title",
        ),
        (
            json!({"title": "t"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "body",
        ),
        (
            json!({"title": "t", "body": "x", "label": "gossip"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "label",
        ),
        (
            json!({"title": "t", "body": "x", "image_url": "javascript:alert(1)", "image_alt": "a"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_url",
        ),
        (
            json!({"title": "t", "body": "x", "pinned": "yes"}),
            StatusCode::BAD_REQUEST,
            "pinned",
        ),
        (
            json!({"title": "t", "body": "x", "colour": "red"}),
            StatusCode::BAD_REQUEST,
            "colour",
        ),
        (
            json!({"title": 7, "body": "x"}),
            StatusCode::BAD_REQUEST,
            "title",
        ),
    ];
    for (body, expected, field) in cases {
        let (status, error) = call(
            &app,
            reqwest::Method::POST,
            &entries,
            Some(&token),
            Some(body.clone()),
        )
        .await;
        assert_eq!(status, expected, "{body}: {error}");
        assert_eq!(error["field"], field, "{body}: {error}");
        assert!(!error["error"].as_str().unwrap().is_empty());
    }

    let send = |body: &'static str, kind: &'static str| {
        app.client
            .post(app.url(&entries))
            .bearer_auth(&token)
            .header("content-type", kind)
            .body(body)
            .send()
    };
    let response = send("{\"title\": ", "application/json").await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = send("title=t&body=x", "application/x-www-form-urlencoded")
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        response.json::<Value>().await.unwrap()["error"]
            .as_str()
            .unwrap()
            .contains("application/json")
    );
    let huge = json!({"title": "t", "body": "x".repeat(300 * 1024)});
    let (status, error) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        Some(&token),
        Some(huge),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{error}");

    let (status, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/live/nowhere/entries",
        Some(&token),
        Some(json!({"title": "t", "body": "x"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, error) = call(
        &app,
        reqwest::Method::PATCH,
        &format!("{entries}/99999"),
        Some(&token),
        Some(json!({"title": "t"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{error}");
    let (status, error) = call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/live/{DEMO}?page=abc"),
        None,
        None,
    )
    .await;
    assert_eq!(
        (status, error["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("page"))
    );
    assert_eq!(app.current_seq().await, seq, "nothing was published");
}
