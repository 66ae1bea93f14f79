//! The Atom feed, read by a real feed parser: every entry with its id, title, times and
//! content; corrections carry their update time; deleted entries leave.

use reqwest::StatusCode;

use crate::helpers::{DEMO, spawn_app};

async fn parsed_feed(app: &crate::helpers::TestApp) -> feed_rs::model::Feed {
    let response = app.get(&format!("/live/{DEMO}/feed.atom")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let body = response.bytes().await.unwrap();
    feed_rs::parser::parse(body.as_ref()).expect("a valid Atom feed")
}

#[tokio::test]
async fn the_feed_follows_publications_corrections_and_deletions() {
    let app = spawn_app().await;
    app.login().await;
    let corrected = app.publish_titled("To be corrected in the feed").await;
    let deleted = app.publish_titled("To be deleted from the feed").await;
    // Not a wait for the server: the feed's times are to the second, and the
    // correction must be seen to come after the publication.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let token = app.session_csrf().await;
    let path = format!("/editor/live/{DEMO}/entries/{corrected}");
    let response = app
        .post_form(
            &path,
            &[
                ("title", "Corrected <&> in the feed"),
                ("body", "New text."),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post_form(
            &format!("{path}/delete").replace(&corrected, &deleted),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let feed = parsed_feed(&app).await;
    assert!(feed.title.unwrap().content.starts_with("Storm Maren"));
    assert_eq!(
        feed.entries.len(),
        13 + 1,
        "the demo's 13 and the corrected one"
    );
    for entry in &feed.entries {
        assert!(entry.id.ends_with(&format!(
            "/live/{DEMO}/entries/{}",
            entry.id.rsplit('/').next().unwrap()
        )));
        assert!(entry.title.is_some() && entry.updated.is_some() && entry.published.is_some());
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_ref())
            .expect("content");
        assert!(
            content.contains("<article id=\"entry-"),
            "the entry's own HTML"
        );
    }
    let fixed = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with(&format!("/entries/{corrected}")))
        .unwrap();
    assert_eq!(
        fixed.title.as_ref().unwrap().content,
        "Corrected <&> in the feed"
    );
    assert!(
        fixed.updated.unwrap() > fixed.published.unwrap(),
        "a correction carries its update time"
    );
    assert!(
        !feed
            .entries
            .iter()
            .any(|e| e.id.ends_with(&format!("/entries/{deleted}"))),
        "deleted entries leave"
    );
    assert_eq!(
        app.get("/live/nowhere/feed.atom").await.status(),
        StatusCode::NOT_FOUND
    );
}
