//! The live stream: a post reaching readers, replay after a reconnect, and resets.

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::helpers::{DEMO, SseReader, csrf_token, spawn_app, spawn_app_with};

#[tokio::test]
async fn a_form_post_reaches_an_open_reader_at_once() {
    let app = spawn_app().await;
    app.login().await;
    let token = app.session_csrf().await;
    let mut reader = app.events(DEMO, None).await;
    let mut second_reader = app.events(DEMO, None).await;
    let before = app.current_seq().await;

    let started = Instant::now();
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries"),
            &[
                ("title", "Bridge reopens"),
                ("body", "The **bridge** is open again."),
                ("label", "breaking"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "post-redirect-get"
    );
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=published"),
        "back to a compose page ready for the next entry"
    );
    let event = reader.next().await;
    let elapsed = started.elapsed();
    println!(
        "form post to SSE event: {:.2} ms",
        elapsed.as_secs_f64() * 1000.0
    );

    assert_eq!(event.event, "entry-created");
    assert_eq!(event.id, Some(before + 1));
    let html = event.data["html"].as_str().unwrap();
    let id = event.data["id"].as_i64().unwrap();
    assert!(html.starts_with(&format!("<article id=\"entry-{id}\"")));
    assert!(html.contains("<strong>bridge</strong>") && html.contains("<time datetime=\""));
    assert!(html.contains("Breaking"));

    let other = second_reader.next().await;
    assert_eq!(
        other.data["html"], event.data["html"],
        "every reader gets the same fragment"
    );

    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(
        page.contains(html),
        "the page shows the same fragment the event carried"
    );
}

#[tokio::test]
async fn a_reconnecting_reader_gets_exactly_what_it_missed() {
    let app = spawn_app().await;
    app.login().await;
    let seen = app.current_seq().await;
    for title in ["First missed", "Second missed", "Third missed"] {
        app.publish_titled(title).await;
    }

    let mut reader = app.events(DEMO, Some(&(seen + 1).to_string())).await;
    let a = reader.next().await;
    let b = reader.next().await;
    assert_eq!((a.id, b.id), (Some(seen + 2), Some(seen + 3)));
    assert!(a.data["html"].as_str().unwrap().contains("Second missed"));
    assert!(b.data["html"].as_str().unwrap().contains("Third missed"));
    // Nothing twice: the next thing the reader gets is the next change.
    app.publish_titled("After the replay").await;
    let marker = reader.next().await;
    assert_eq!(marker.id, Some(seen + 4), "nothing before it");
    assert!(
        marker.data["html"]
            .as_str()
            .unwrap()
            .contains("After the replay")
    );

    // The same through the query string, for a browser that opens a fresh connection.
    let mut reader = app
        .events_at(&format!("/live/{DEMO}/events?last_event_id={seen}"))
        .await;
    assert_eq!(reader.next().await.id, Some(seen + 1));

    // The header wins over the query string: it is the newer of the two.
    let request = app
        .client
        .get(app.url(&format!("/live/{DEMO}/events?last_event_id={seen}")))
        .header("Last-Event-ID", (seen + 2).to_string());
    let mut reader = SseReader::open(request).await;
    assert_eq!(reader.next().await.id, Some(seen + 3));

    // Up to date: nothing to replay, so the first thing it gets is the next change.
    let mut reader = app.events(DEMO, Some(&(seen + 4).to_string())).await;
    app.publish_titled("Fifth, live").await;
    assert_eq!(reader.next().await.id, Some(seen + 5));
}

#[tokio::test]
async fn a_reader_too_far_behind_is_told_to_reset() {
    let app = spawn_app_with(|settings| settings.replay_window = 2).await;
    app.login().await;
    let seen = app.current_seq().await;
    for title in ["One", "Two", "Three", "Four"] {
        app.publish_titled(title).await;
    }
    for last in [seen.to_string(), (seen + 1).to_string(), "garbage".into()] {
        let mut reader = app.events(DEMO, Some(&last)).await;
        let event = reader.next().await;
        assert_eq!(event.event, "reset", "Last-Event-ID {last}");
    }
    // Within the window it still replays.
    let mut reader = app.events(DEMO, Some(&(seen + 2).to_string())).await;
    assert_eq!(reader.next().await.id, Some(seen + 3));

    // A browser ahead of this server (it read the page from another instance) waits a
    // moment for the server to catch up; when it does not, the browser is reset.
    let ahead = (seen + 6).to_string();
    let mut reader = app.events(DEMO, Some(&ahead)).await;
    let started = std::time::Instant::now();
    let reset = reader
        .next_within(Duration::from_secs(10))
        .await
        .expect("a reset in the end");
    assert_eq!(reset.event, "reset");
    assert!(started.elapsed() >= liveblog::live::AHEAD_GRACE - Duration::from_millis(100));
}

#[tokio::test]
async fn a_reader_ahead_of_the_server_gets_only_what_is_newer_once_it_catches_up() {
    let app = spawn_app().await;
    app.login().await;
    let seen = app.current_seq().await;
    // The browser says it has one change more than the server has yet.
    let mut reader = app.events(DEMO, Some(&(seen + 1).to_string())).await;
    app.publish_titled("The change the browser already has")
        .await;
    app.publish_titled("The change it does not have").await;
    let event = reader.next().await;
    assert_eq!(
        event.id,
        Some(seen + 2),
        "the change it had is not sent again"
    );
    assert!(
        event.data["html"]
            .as_str()
            .unwrap()
            .contains("does not have")
    );
    // No reset once the grace for a browser ahead has passed: the next thing it gets
    // after that is the next change.
    tokio::time::sleep(liveblog::live::AHEAD_GRACE + Duration::from_millis(500)).await;
    app.publish_titled("After the grace").await;
    assert_eq!(reader.next().await.id, Some(seen + 3), "and no reset");
}

#[tokio::test]
async fn corrections_and_deletions_reach_readers_in_place() {
    let app = spawn_app().await;
    app.login().await;
    let id = app.publish_titled("Casualty figure").await;
    let mut reader = app.events(DEMO, None).await;

    let (_, form) = app
        .get_html(&format!("/editor/live/{DEMO}/entries/{id}"))
        .await;
    assert!(
        form.contains("value=\"Casualty figure\""),
        "the edit form holds the entry"
    );
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{id}"),
            &[
                ("title", "Casualty figure corrected"),
                ("body", "New text."),
                ("csrf_token", &csrf_token(&form)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let updated = reader.next().await;
    assert_eq!(updated.event, "entry-updated");
    assert_eq!(updated.data["id"].to_string(), id);
    assert!(
        updated.data["html"]
            .as_str()
            .unwrap()
            .contains("Updated <time")
    );

    // Deleting takes a confirmation step, which changes nothing by itself.
    let (status, confirm) = app
        .get_html(&format!("/editor/live/{DEMO}/entries/{id}/delete"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        confirm.contains("Delete this entry?") && confirm.contains("Casualty figure corrected")
    );
    // The confirmation step changes nothing: the next event is the deletion itself.
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{id}/delete"),
            &[("csrf_token", &csrf_token(&form))],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let deleted = reader.next().await;
    assert_eq!(deleted.event, "entry-deleted");
    assert_eq!(deleted.data["id"].to_string(), id);
    assert!(deleted.data.get("html").is_none());

    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(!page.contains(&format!("id=\"entry-{id}\"")));
    assert_eq!(
        app.get(&format!("/live/{DEMO}/entries/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn pinning_an_entry_unpins_the_last_one() {
    let app = spawn_app().await;
    app.login().await;
    let mut reader = app.events(DEMO, None).await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "New pinned advice"),
                ("body", "Stay in."),
                ("pinned", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let created = reader.next().await;
    assert_eq!(
        (created.event.as_str(), created.data["pinned"].as_bool()),
        ("entry-created", Some(true))
    );
    let unpinned = reader.next().await;
    assert_eq!(unpinned.event, "entry-updated");
    assert_eq!(unpinned.data["id"], 1);
    assert_eq!(unpinned.data["pinned"], false);

    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let pinned = &page[page.find("id=\"pinned\"").unwrap()..page.find("id=\"stream\"").unwrap()];
    assert!(pinned.contains("New pinned advice") && !pinned.contains("How to stay safe"));
}

#[tokio::test]
async fn streams_end_when_the_server_shuts_down() {
    let data_dir = tempfile::tempdir().unwrap();
    let server = liveblog::server::Server::build(crate::helpers::settings(data_dir.path()))
        .await
        .unwrap();
    let addr = server.addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run(async move {
        let _ = stopped.await;
    }));
    let response = reqwest::get(format!("http://{addr}/live/{DEMO}/events"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    stop.send(()).unwrap();
    let finished = tokio::time::timeout(Duration::from_secs(5), running).await;
    assert!(finished.is_ok(), "the server stops with a stream open");
    let rest = tokio::time::timeout(Duration::from_secs(5), response.text()).await;
    assert!(rest.is_ok_and(|body| body.is_ok_and(|text| text.starts_with("retry: "))));
}

#[tokio::test]
async fn the_stream_and_the_embeds_assets_answer_any_site_without_credentials() {
    let app = spawn_app().await;
    // As a sandboxed frame (WordPress's) asks: from no origin at all.
    for path in [
        format!("/live/{DEMO}/events"),
        "/static/live.js".to_owned(),
        "/static/reader.js".to_owned(),
        "/static/words.js".to_owned(),
        "/static/embed-frame.js".to_owned(),
        "/static/style.css".to_owned(),
    ] {
        let response = crate::helpers::new_client()
            .get(app.url(&path))
            .header("origin", "null")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let headers = response.headers();
        assert_eq!(headers["access-control-allow-origin"], "*", "{path}");
        assert!(
            headers.get("access-control-allow-credentials").is_none(),
            "{path}: public, so no credentials"
        );
    }
}
