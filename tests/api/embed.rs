//! A live page inside another site: the embed view and the teaser, framed only by the
//! sites named, and oEmbed for a CMS that embeds pasted links.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{DEMO, spawn_app, spawn_app_with, stream_articles};

#[tokio::test]
async fn the_embed_view_is_the_live_page_without_the_site_around_it() {
    let app = spawn_app_with(|settings| {
        settings.frame_ancestors = Some("https://news.example".into());
    })
    .await;
    let response = app.get(&format!("/live/{DEMO}/embed")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("frame-ancestors https://news.example"),
        "{policy}"
    );
    let html = response.text().await.unwrap();
    assert!(!html.contains("site-header") && !html.contains("site-footer"));
    for part in [
        "id=\"key-events\"",
        "class=\"summary",
        "data-events=",
        "/static/live.js",
        "/static/embed-frame.js",
    ] {
        assert!(html.contains(part), "the embed has {part}");
    }
    let (_, full) = app.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(
        stream_articles(&html),
        stream_articles(&full),
        "the first page of the stream"
    );
    assert!(html.contains("All updates on the live page"));
}

#[tokio::test]
async fn a_teaser_shows_the_newest_few_and_keeps_to_them() {
    let app = spawn_app().await;
    let (status, html) = app
        .get_html(&format!("/live/{DEMO}/embed?view=latest&n=2"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, full) = app.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(stream_articles(&html), stream_articles(&full)[..2].to_vec());
    assert!(html.contains("data-keep=\"2\""));
    assert!(
        !html.contains("id=\"key-events\""),
        "a teaser is entries only"
    );
    for bad in [
        "?view=latest&n=0",
        "?view=latest&n=11",
        "?view=latest&n=two",
        "?view=map",
    ] {
        let response = app.get(&format!("/live/{DEMO}/embed{bad}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(
        app.get("/live/no-such-page/embed").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_cms_finds_the_live_page_as_oembed_from_its_address() {
    let app = spawn_app_with(|settings| {
        settings.public_url = Some("https://live.example".into());
    })
    .await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let discovery = "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://live.example/oembed?url=https%3A%2F%2Flive.example%2Flive%2Fstorm-maren\"";
    assert!(
        page.contains(discovery),
        "the live page says where its oEmbed is"
    );

    let url = format!("/oembed?url=https://live.example/live/{DEMO}%3Fpage%3D2");
    let response = app.get(&url).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let answer: Value = response.json().await.unwrap();
    assert_eq!(
        (answer["version"].as_str(), answer["type"].as_str()),
        (Some("1.0"), Some("rich"))
    );
    let html = answer["html"].as_str().unwrap();
    assert!(
        html.starts_with("<iframe src=\"https://live.example/live/storm-maren/embed\""),
        "{html}"
    );
    assert!(answer["height"].as_u64().is_some_and(|h| h > 0));
    assert_eq!(answer["provider_url"], "https://live.example");

    for (query, status) in [
        (
            "?url=https://elsewhere.example/live/storm-maren",
            StatusCode::NOT_FOUND,
        ),
        (
            "?url=https://live.example/live/no-such-page",
            StatusCode::NOT_FOUND,
        ),
        ("", StatusCode::BAD_REQUEST),
        (
            "?url=https://live.example/live/storm-maren&format=xml",
            StatusCode::NOT_IMPLEMENTED,
        ),
    ] {
        assert_eq!(
            app.get(&format!("/oembed{query}")).await.status(),
            status,
            "{query}"
        );
    }
}

#[tokio::test]
async fn a_page_names_the_sites_that_may_embed_it_on_top_of_every_pages() {
    let app = spawn_app_with(|settings| {
        settings.frame_ancestors = Some("https://wire.example".into());
    })
    .await;
    let token = crate::json_api::new_token(&app, "cms");
    let change = |origins: serde_json::Value| {
        app.client
            .patch(app.url(&format!("/api/v1/live/{DEMO}")))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "embed_origins": origins }))
            .send()
    };
    let response = change(serde_json::json!(["https://gazette.example"]))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page: Value = response.json().await.unwrap();
    assert_eq!(
        page["embed_origins"],
        serde_json::json!(["https://gazette.example"])
    );
    let response = app.get(&format!("/live/{DEMO}/embed")).await;
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("frame-ancestors https://wire.example https://gazette.example;")
            || policy.ends_with("frame-ancestors https://wire.example https://gazette.example"),
        "{policy}"
    );
    let full = app.get(&format!("/live/{DEMO}")).await;
    let full = full.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        full.contains("frame-ancestors 'none'"),
        "the full page stays unframeable"
    );

    for bad in [
        serde_json::json!(["gazette.example"]),
        serde_json::json!(["https://gazette.example/live"]),
        serde_json::json!(["https://gazette.example; script-src *"]),
    ] {
        let response = change(bad.clone()).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        let answer: Value = response.json().await.unwrap();
        assert_eq!(answer["field"], "embed_origins", "{bad}");
    }
}
