//! Tags: readers follow one thread of the story by `?tag=`, or the key events alone by
//! `?key-events`, on pages that work without script, and in the tag's own feed.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{DEMO, TestApp, spawn_app};
use crate::json_api::{call, new_token};

async fn publish(app: &TestApp, title: &str, tags: &str, key_event: bool) {
    let mut fields = vec![("title", title), ("body", "Reported."), ("tags", tags)];
    if key_event {
        fields.push(("key_event", "on"));
    }
    let response = app.publish(DEMO, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{title}");
}

/// The headlines of the stream a page shows, in order.
fn headlines(html: &str) -> Vec<String> {
    let stream = &html[html.find("id=\"stream\"").unwrap()..];
    let stream = &stream[..stream.find("</section>").unwrap()];
    stream
        .split("class=\"entry-title\"")
        .skip(1)
        .map(|part| {
            let link = &part[part.find("<a ").unwrap()..];
            let words = &link[link.find('>').unwrap() + 1..];
            words[..words.find("</a>").unwrap()].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_tag_s_page_and_feed_hold_its_entries_and_no_others() {
    let app = spawn_app().await;
    app.login().await;
    publish(&app, "Harbour wall breached", "Harbour, Evacuation", false).await;
    publish(&app, "Rail lines closed", "Transport", true).await;
    publish(&app, "Harbour reopens", " harbour ", false).await;

    let (status, html) = app.get_html(&format!("/live/{DEMO}?tag=HARBOUR")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headlines(&html),
        ["Harbour reopens", "Harbour wall breached"]
    );
    assert!(html.contains("data-filter=\"tag\" data-filter-tag=\"harbour\""));
    assert!(html.contains("Updates tagged “HARBOUR”"));
    assert!(html.contains(&format!("href=\"/live/{DEMO}\">Show all updates</a>")));
    assert!(html.contains(&format!("/live/{DEMO}/feed.atom?tag=HARBOUR")));
    assert!(
        !html.contains("id=\"pinned\""),
        "no pinned entry above a thread"
    );
    assert!(
        html.contains(&format!(
            "<a class=\"tag\" href=\"/live/{DEMO}?tag=Evacuation\">Evacuation</a>"
        )),
        "each tag links to its own thread"
    );

    let (_, html) = app.get_html(&format!("/live/{DEMO}?key-events")).await;
    let key_events = headlines(&html);
    assert_eq!(key_events[0], "Rail lines closed");
    assert!(!key_events.contains(&"Harbour reopens".to_owned()));

    let (_, html) = app.get_html(&format!("/live/{DEMO}?tag=Nowhere")).await;
    assert!(headlines(&html).is_empty());
    let (status, _) = app
        .get_html(&format!("/live/{DEMO}?tag=Harbour&page=2"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let feed = app
        .get(&format!("/live/{DEMO}/feed.atom?tag=harbour"))
        .await;
    let feed = feed_rs::parser::parse(feed.bytes().await.unwrap().as_ref()).unwrap();
    let titles: Vec<_> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(titles, ["Harbour reopens", "Harbour wall breached"]);
    assert_eq!(
        feed.entries[1].categories.len(),
        2,
        "its tags as categories"
    );
}

#[tokio::test]
async fn a_long_thread_pages_with_its_tag_kept() {
    let app = spawn_app().await;
    app.login().await;
    for n in 1..=23 {
        publish(&app, &format!("Flood update {n}"), "Flood", false).await;
    }
    let (_, first) = app.get_html(&format!("/live/{DEMO}?tag=Flood")).await;
    assert_eq!(headlines(&first).len(), 20);
    let next = first.find("rel=\"next\"").expect("a next page");
    assert!(
        first[next..].starts_with("rel=\"next\" href=\"/live/storm-maren?tag=Flood&#38;page=2\""),
        "the next page keeps the tag: {}",
        &first[next..next + 80]
    );
    let (_, second) = app
        .get_html(&format!("/live/{DEMO}?tag=Flood&page=2"))
        .await;
    assert_eq!(
        headlines(&second),
        ["Flood update 3", "Flood update 2", "Flood update 1"]
    );
    assert!(
        !second.contains("data-events="),
        "an older page of a thread is not live"
    );
}

#[tokio::test]
async fn the_api_takes_tags_as_a_list_and_refuses_one_that_would_be_two() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire-feed");
    let entries = format!("/api/v1/live/{DEMO}/entries");
    let (status, created) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        Some(&token),
        Some(json!({"title": "Tagged", "body": "Text.", "tags": ["Harbour", "harbour", "港口"]})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["tags"], json!(["Harbour", "港口"]));
    let id = created["id"].as_i64().unwrap();
    for tags in [
        json!(["a, b"]),
        json!(["1", "2", "3", "4", "5", "6", "7", "8", "9"]),
    ] {
        let (status, refused) = call(
            &app,
            reqwest::Method::PATCH,
            &format!("{entries}/{id}"),
            Some(&token),
            Some(json!({ "tags": tags })),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["field"], "tags");
    }
}
