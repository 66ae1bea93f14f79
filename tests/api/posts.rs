//! Posts from other platforms in an entry: the page holds a card and no frame, its
//! policy lets frames come from the platforms' embed hosts only, and the feed carries
//! the card as HTML.

use reqwest::StatusCode;

use serde_json::json;

use crate::helpers::{DEMO, spawn_app};
use crate::json_api::{call, new_token};

#[tokio::test]
async fn a_post_s_address_on_a_line_of_its_own_becomes_a_card_and_no_frame() {
    let app = spawn_app().await;
    app.login().await;
    let body = "Footage from the quay.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n\
                Said in passing: https://x.com/desk/status/1600000000000000000";
    let response = app
        .publish(DEMO, &[("title", "Footage from the quay"), ("body", body)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let response = app.get(&format!("/live/{DEMO}")).await;
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let html = response.text().await.unwrap();
    assert!(
        html.contains(
            "<figure class=\"embed embed-youtube\" data-provider=\"youtube\" \
             data-provider-name=\"YouTube\" \
             data-frame=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\">"
        ),
        "{html}"
    );
    assert!(html.contains("href=\"https://youtu.be/dQw4w9WgXcQ\""));
    assert!(!html.contains("<iframe"), "no frame until a reader asks");
    // A post's address among other words stays a link.
    assert!(!html.contains("data-provider=\"x\""));

    let frames = policy
        .split(';')
        .map(str::trim)
        .find_map(|part| part.strip_prefix("frame-src "))
        .expect("a frame-src");
    let mut hosts: Vec<&str> = frames.split(' ').collect();
    hosts.sort_unstable();
    let mut expected: Vec<String> = liveblog::domain::embeds::frame_hosts()
        .map(|host| format!("https://{host}"))
        .collect();
    expected.sort_unstable();
    assert_eq!(hosts, expected, "exactly the platforms' frame hosts");
    assert!(policy.contains("default-src 'self'"));

    let feed = app.get(&format!("/live/{DEMO}/feed.atom")).await;
    let feed = feed_rs::parser::parse(feed.bytes().await.unwrap().as_ref()).unwrap();
    let content = feed.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .as_ref()
        .unwrap();
    assert!(
        content.contains("<figure class=\"embed embed-youtube\"")
            && content.contains("href=\"https://youtu.be/dQw4w9WgXcQ\""),
        "the feed carries the card as HTML: {content}"
    );
}

#[tokio::test]
async fn an_address_that_tries_to_break_out_of_the_card_is_no_card() {
    let app = spawn_app().await;
    app.login().await;
    for address in [
        "https://www.youtube.com/watch?v=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "https://x.com/a\"onmouseover=alert(1)/status/1",
        "https://mastodon.social/@desk\"><script>/1",
    ] {
        let title = format!("Address {}", address.len());
        let response = app
            .publish(DEMO, &[("title", &title), ("body", address)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("class=\"embed "), "none of them is a post");
}

#[tokio::test]
async fn a_post_s_author_and_words_are_kept_with_the_entry_and_changed_by_a_correction() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire-feed");
    let entries = format!("/api/v1/live/{DEMO}/entries");
    let post = "https://bsky.app/profile/coastguard.bsky.social/post/3kq2abcdefg";
    let (status, created) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        Some(&token),
        Some(json!({
            "title": "Coastguard: stay off the beaches",
            "body": "The coastguard's warning, in full below.",
            "post_url": post,
            "post_author": "Coastguard <official>",
            "post_text": "Stay off the beaches.\nWaves over 6 m.",
        })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["post_url"], post);
    assert_eq!(created["post_author"], "Coastguard <official>");
    let html = created["html"].as_str().unwrap();
    assert!(html.contains("data-provider=\"bluesky\""), "{html}");
    assert!(
        html.contains("Coastguard &#60;official&#62;")
            || html.contains("Coastguard &lt;official&gt;"),
        "{html}"
    );
    assert!(
        html.contains("Stay off the beaches.\nWaves over 6 m."),
        "{html}"
    );
    let card = html.find("<figure").unwrap();
    assert!(
        html.find("in full below").unwrap() < card,
        "the card after the text"
    );

    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let shared = "\"sharedContent\":{\"@type\":\"SocialMediaPosting\"";
    assert!(page.contains(shared), "the JSON-LD names the post");
    assert!(page.contains("\"text\":\"Stay off the beaches.\\nWaves over 6 m.\""));

    // A post the platforms table does not know is refused, by its field.
    let id = created["id"].as_i64().unwrap();
    let (status, refused) = call(
        &app,
        reqwest::Method::PATCH,
        &format!("{entries}/{id}"),
        Some(&token),
        Some(json!({ "post_url": "https://example.org/post/1" })),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["field"], "post_url");

    // Cleared, the card goes with it.
    let (status, changed) = call(
        &app,
        reqwest::Method::PATCH,
        &format!("{entries}/{id}"),
        Some(&token),
        Some(json!({ "post_url": "", "post_author": "", "post_text": "" })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["post_url"], serde_json::Value::Null);
    assert!(!changed["html"].as_str().unwrap().contains("<figure"));
}
