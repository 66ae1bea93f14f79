//! Posts from other platforms in an entry: the page holds a card and no frame, its
//! policy lets frames come from the platforms' embed hosts only, and the feed carries
//! the card as HTML.

use reqwest::StatusCode;

use crate::helpers::{DEMO, spawn_app};

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
