//! A CMS running the newsroom through the API: a live page's whole life driven with a
//! token for that page alone (opened, entries, its summary, closed, reopened), with the
//! same live events readers get from the forms; and tokens refused what their scope
//! does not reach, nothing changed.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, TestApp, spawn_app};

const PAGE: &str = "election-night";

/// A token made with `liveblog token create NAME` and `scope`'s flags.
pub(crate) fn token(app: &TestApp, name: &str, scope: &[&str]) -> String {
    let dir = app.data_dir.path().to_str().unwrap();
    let mut args = vec!["token", "create", name, "--data-dir", dir];
    args.extend_from_slice(scope);
    stdout(&liveblog(&args, "")).trim().to_owned()
}

pub(crate) async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn new_page() -> Value {
    json!({
        "title": "Election night",
        "slug": PAGE,
        "description": "Results as they come in.",
        "summary": ["Polls close at 22:00"],
        "time_zone": "Europe/London",
        "reading_order": "newest",
    })
}

#[tokio::test]
async fn a_token_for_one_page_runs_that_page_from_opening_to_reopening() {
    let app = spawn_app().await;
    let desk = token(&app, "election desk", &["--page", PAGE]);

    let (status, page) = call(&app, Method::POST, "/api/v1/live", &desk, Some(new_page())).await;
    assert_eq!(status, StatusCode::CREATED, "{page}");
    assert_eq!(
        (
            page["slug"].as_str(),
            page["status"].as_str(),
            page["time_zone"].as_str()
        ),
        (Some(PAGE), Some("live"), Some("Europe/London"))
    );
    assert_eq!(page["summary"], json!(["Polls close at 22:00"]));
    assert_eq!(page["url"], format!("/live/{PAGE}"));
    let mut reader = app.events(PAGE, None).await;

    let entries = format!("/api/v1/live/{PAGE}/entries");
    let first = json!({ "title": "Polls are closed", "body": "Counting begins." });
    let (status, entry) = call(&app, Method::POST, &entries, &desk, Some(first)).await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    let event = reader.next().await;
    assert_eq!(event.event, "entry-created");
    assert_eq!(event.data["title"], "Polls are closed");

    let summary = json!({ "summary": ["Turnout 64%", "First result at 23:30"] });
    let path = format!("/api/v1/live/{PAGE}");
    let (status, page) = call(&app, Method::PATCH, &path, &desk, Some(summary)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(
        page["summary"],
        json!(["Turnout 64%", "First result at 23:30"])
    );
    assert_eq!(page["title"], "Election night", "what was not sent stays");
    let event = reader.next().await;
    assert_eq!(event.event, "blog-updated");
    assert!(event.data["html"].as_str().unwrap().contains("Turnout 64%"));

    let (status, page) = call(&app, Method::POST, &format!("{path}/close"), &desk, None).await;
    assert_eq!(
        (status, page["status"].as_str()),
        (StatusCode::OK, Some("closed"))
    );
    let event = reader.next().await;
    assert_eq!(
        (event.event.as_str(), &event.data["live"]),
        ("blog-updated", &json!(false))
    );
    let late = json!({ "title": "Too late", "body": "x" });
    let (status, _) = call(&app, Method::POST, &entries, &desk, Some(late)).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a closed page takes no entries"
    );

    let (status, page) = call(&app, Method::POST, &format!("{path}/reopen"), &desk, None).await;
    assert_eq!(
        (status, page["status"].as_str()),
        (StatusCode::OK, Some("live"))
    );
    assert_eq!(reader.next().await.data["live"], json!(true));
    let recount = json!({ "title": "A recount is called", "body": "In one seat." });
    let (status, _) = call(&app, Method::POST, &entries, &desk, Some(recount)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(reader.next().await.data["title"], "A recount is called");

    let listed: Value = app.get("/api/v1/live").await.json().await.unwrap();
    let slugs: Vec<&str> = listed["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&PAGE) && slugs.contains(&DEMO), "{slugs:?}");
    let (status, html) = app.get_html(&format!("/live/{PAGE}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Turnout 64%") && html.contains("A recount is called"));
}

#[tokio::test]
async fn a_token_is_refused_what_its_scope_does_not_reach_and_nothing_changes() {
    let app = spawn_app().await;
    let desk = token(&app, "election desk", &["--page", PAGE]);
    let reader = token(&app, "partner", &["--read-only"]);
    let demo = format!("/api/v1/live/{DEMO}");
    let entry = json!({ "title": "Not mine to post", "body": "x" });
    let tries = [
        (
            &desk,
            Method::POST,
            format!("{demo}/entries"),
            Some(entry.clone()),
        ),
        (
            &desk,
            Method::PATCH,
            format!("{demo}/entries/1"),
            Some(json!({ "title": "No" })),
        ),
        (&desk, Method::DELETE, format!("{demo}/entries/1"), None),
        (
            &desk,
            Method::PATCH,
            demo.clone(),
            Some(json!({ "title": "Taken over" })),
        ),
        (&desk, Method::POST, format!("{demo}/close"), None),
        (
            &desk,
            Method::POST,
            "/api/v1/live".to_owned(),
            Some(json!({ "title": "Other", "slug": "other-desk" })),
        ),
        (
            &reader,
            Method::POST,
            format!("{demo}/entries"),
            Some(entry.clone()),
        ),
        (&reader, Method::DELETE, format!("{demo}/entries/1"), None),
        (&reader, Method::POST, format!("{demo}/close"), None),
        (
            &reader,
            Method::POST,
            "/api/v1/live".to_owned(),
            Some(new_page()),
        ),
    ];
    for (token, method, path, body) in tries {
        let (status, answer) = call(&app, method.clone(), &path, token, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}: {answer}");
        let said = answer["error"].as_str().unwrap();
        assert!(
            said.contains(PAGE) || said.contains("only reads"),
            "the refusal says what the token may do: {said}"
        );
    }
    let page: Value = app.get(&demo).await.json().await.unwrap();
    assert_eq!(page["status"], "live");
    assert_ne!(page["title"], "Taken over");
    assert_eq!(
        app.get(&format!("{demo}/entries/1")).await.status(),
        StatusCode::OK
    );
    assert!(!page.to_string().contains("Not mine to post"));
    assert_eq!(
        app.get("/api/v1/live/other-desk").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/v1/live/{PAGE}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let listed = app.get("/api/v1/live").await;
    assert_eq!(
        listed.status(),
        StatusCode::OK,
        "reading needs no token at all"
    );
}

#[tokio::test]
async fn a_page_sent_wrong_is_refused_naming_the_field() {
    let app = spawn_app().await;
    let any = token(&app, "cms", &[]);
    let cases = [
        (
            json!({ "title": "", "slug": "fine-slug" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "title",
        ),
        (
            json!({ "title": "A page", "slug": "Not A Slug" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "slug",
        ),
        (
            json!({ "title": "A page", "slug": DEMO }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "slug",
        ),
        (
            json!({ "title": "A page", "slug": "zoned", "time_zone": "Mars/Olympus" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "time_zone",
        ),
        (
            json!({ "title": "A page", "slug": "points", "summary": ["one\ntwo"] }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "summary",
        ),
        (
            json!({ "title": "A page", "slug": "extra", "colour": "red" }),
            StatusCode::BAD_REQUEST,
            "colour",
        ),
        (
            json!({ "title": "A page", "slug": "typed", "summary": "not a list" }),
            StatusCode::BAD_REQUEST,
            "summary",
        ),
    ];
    for (body, status, field) in cases {
        let (got, answer) =
            call(&app, Method::POST, "/api/v1/live", &any, Some(body.clone())).await;
        assert_eq!(
            (got, answer["field"].as_str()),
            (status, Some(field)),
            "{body}: {answer}"
        );
    }
    let demo = format!("/api/v1/live/{DEMO}");
    let (status, answer) = call(
        &app,
        Method::PATCH,
        &demo,
        &any,
        Some(json!({ "slug": "moved" })),
    )
    .await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("slug"))
    );
    let response = app
        .client
        .post(app.url("/api/v1/live"))
        .bearer_auth(&any)
        .header("content-type", "text/plain")
        .body("title=x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let listed: Value = app.get("/api/v1/live").await.json().await.unwrap();
    assert_eq!(
        listed["pages"].as_array().unwrap().len(),
        1,
        "no page was opened"
    );
}

#[tokio::test]
async fn a_language_tag_or_an_origin_beyond_the_rule_is_refused_on_every_door() {
    let app = spawn_app().await;
    let any = token(&app, "cms", &[]);
    let demo = format!("/api/v1/live/{DEMO}");
    // 25,000 variants: a tag ICU reads, 225 KB long.
    let variants: Vec<String> = (0..25_000).map(|n| format!("v{n:07}")).collect();
    let long_tag = format!("en-{}", variants.join("-"));
    let (status, answer) = call(
        &app,
        Method::PATCH,
        &demo,
        &any,
        Some(json!({ "language": long_tag })),
    )
    .await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("language")),
        "{answer}"
    );
    for origin in [
        "https://*",
        "http://*:*",
        "https://*.*",
        "https://*.example",
        "https://ok.example;",
    ] {
        let (status, answer) = call(
            &app,
            Method::PATCH,
            &demo,
            &any,
            Some(json!({ "embed_origins": [origin] })),
        )
        .await;
        assert_eq!(
            (status, answer["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("embed_origins")),
            "{origin}: {answer}"
        );
    }
    let (status, answer) = call(
        &app,
        Method::PATCH,
        &demo,
        &any,
        Some(json!({ "embed_origins": ["https://*.news.example", "http://localhost:*"], "language": "zh-hant-hk" })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["language"], "zh-Hant-HK");

    // And through the settings form, with what was typed kept.
    app.login().await;
    let (_, form) = app.get_html(&format!("/editor/live/{DEMO}/settings")).await;
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/settings"),
            &[
                ("csrf_token", &crate::helpers::csrf_token(&form)),
                ("title", "Storm Maren"),
                ("slug", DEMO),
                ("time_zone", "Europe/London"),
                ("embed_origins", "https://*"),
                ("language", &"x".repeat(36)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"embed_origins-error\"") && html.contains("id=\"language-error\""));
    assert!(
        html.contains(">https://*</textarea>"),
        "the typed origin is kept"
    );
}

#[test]
fn a_token_for_a_page_that_cannot_exist_is_not_made() {
    let dir = tempfile::tempdir().unwrap();
    let made = liveblog(
        &[
            "token",
            "create",
            "desk",
            "--page",
            "Not A Slug",
            "--data-dir",
            dir.path().to_str().unwrap(),
        ],
        "",
    );
    assert!(!made.status.success());
    assert!(String::from_utf8_lossy(&made.stderr).contains("Not A Slug"));
}

pub(crate) async fn send_image(app: &TestApp, token: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let form = reqwest::multipart::Form::new().part(
        "image",
        reqwest::multipart::Part::bytes(bytes).file_name("from-the-cms.png"),
    );
    let response = app
        .client
        .post(app.url("/api/v1/images"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_image_sent_through_the_api_is_checked_kept_and_given_to_an_entry() {
    let app = spawn_app().await;
    let any = token(&app, "cms", &[]);
    let (status, kept) = send_image(&app, &any, crate::uploads::PNG.to_vec()).await;
    assert_eq!(status, StatusCode::CREATED, "{kept}");
    let url = kept["url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with("/media/") && url.ends_with("_1x1.png"),
        "{url}"
    );
    let served = app.get(&url).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/png");

    let entry =
        json!({ "title": "A picture", "body": "x", "image_url": url, "image_alt": "A pixel" });
    let path = format!("/api/v1/live/{DEMO}/entries");
    let (status, entry) = call(&app, Method::POST, &path, &any, Some(entry)).await;
    assert_eq!(
        (status, entry["image_url"].as_str()),
        (StatusCode::CREATED, Some(url.as_str()))
    );

    let (status, answer) = send_image(&app, &any, b"<svg onload=alert(1)>".to_vec()).await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("image"))
    );
    let (status, _) = send_image(&app, &any, vec![0xFF; 200 * 1024]).await;
    assert_eq!(
        status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "over the upload limit"
    );
    let reader = token(&app, "partner", &["--read-only"]);
    let (status, _) = send_image(&app, &reader, crate::uploads::PNG.to_vec()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = app
        .client
        .post(app.url("/api/v1/images"))
        .bearer_auth(&any)
        .json(&json!({ "image": "base64?" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_page_in_arabic_says_its_language_and_direction_everywhere() {
    let app = spawn_app().await;
    let any = token(&app, "cms", &[]);
    let arabic = json!({ "title": "عاصفة مارين", "slug": "storm-ar", "language": "ar" });
    let (status, page) = call(&app, Method::POST, "/api/v1/live", &any, Some(arabic)).await;
    assert_eq!(
        (status, page["language"].as_str()),
        (StatusCode::CREATED, Some("ar"))
    );
    let entry = json!({ "title": "تحذير أحمر", "body": "نص." });
    let (status, entry) = call(
        &app,
        Method::POST,
        "/api/v1/live/storm-ar/entries",
        &any,
        Some(entry),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = entry["id"].as_i64().unwrap();
    for path in [
        "/live/storm-ar".to_owned(),
        "/live/storm-ar/embed".to_owned(),
        format!("/live/storm-ar/entries/{id}"),
    ] {
        let (_, html) = app.get_html(&path).await;
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\""), "{path}");
    }
    let (_, html) = app.get_html("/live/storm-ar").await;
    assert!(
        html.contains("\"inLanguage\":\"ar\""),
        "the JSON-LD says it"
    );
    let (_, feed) = app.get_html("/live/storm-ar/feed.atom").await;
    assert!(feed.contains("xml:lang=\"ar\""));
    let (_, english) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(english.contains("<html lang=\"en-GB\" dir=\"ltr\""));

    let chinese = json!({ "title": "风暴", "slug": "storm-zh", "language": "zh-hans" });
    let (_, page) = call(&app, Method::POST, "/api/v1/live", &any, Some(chinese)).await;
    assert_eq!(page["language"], "zh-Hans", "kept in its canonical form");
    let wrong = json!({ "title": "Storm", "slug": "storm-x", "language": "english!" });
    let (status, answer) = call(&app, Method::POST, "/api/v1/live", &any, Some(wrong)).await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("language"))
    );
}
