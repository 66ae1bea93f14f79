//! How the day went, on the compose page: readers over the last hours (every
//! instance's together) drawn beside the readers now, and each entry's views of its
//! own page and the times readers shared it.

use std::time::Duration;

use reqwest::StatusCode;

use crate::helpers::{DEMO, TestApp, TestDatabase, spawn_app_with};

/// Waits until the desk says `wanted`.
async fn until_desk_says(app: &TestApp, wanted: &str) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}/desk")).await;
        if desk.contains(wanted) {
            return desk;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the desk says {wanted:?}: {desk}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn the_desk_draws_readers_over_the_hours_and_counts_each_entrys_views_and_shares() {
    let app = spawn_app_with(|settings| settings.figures_every = 1).await;
    app.login().await;
    let _readers = [
        app.events(DEMO, None).await,
        app.events(DEMO, None).await,
        app.events(DEMO, None).await,
    ];
    let desk = until_desk_says(&app, "at most 3 at once").await;
    assert!(
        desk.contains("<svg class=\"readers-chart\""),
        "drawn beside the count"
    );
    assert!(desk.contains("<polyline points=\""));

    let id = app.publish_titled("Counted").await;
    for _ in 0..2 {
        assert_eq!(
            app.get(&format!("/live/{DEMO}/entries/{id}"))
                .await
                .status(),
            StatusCode::OK
        );
    }
    let shared = app
        .client
        .post(app.url(&format!("/live/{DEMO}/entries/{id}/shared")))
        .send()
        .await
        .unwrap();
    assert_eq!(shared.status(), StatusCode::NO_CONTENT);
    until_desk_says(&app, "2 views of its page · 1 share").await;
    let none = app
        .client
        .post(app.url(&format!("/live/{DEMO}/entries/99999/shared")))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn readers_on_two_instances_are_drawn_together() {
    let db = TestDatabase::create().await;
    let url = db.url.clone();
    let on = |url: String| {
        move |settings: &mut liveblog::config::ServeArgs| {
            settings.figures_every = 1;
            settings.store.database_url = Some(url);
        }
    };
    let a = spawn_app_with(on(url.clone())).await;
    let b = spawn_app_with(on(url)).await;
    a.login().await;
    let _readers = [
        a.events(DEMO, None).await,
        b.events(DEMO, None).await,
        b.events(DEMO, None).await,
    ];
    until_desk_says(&a, "at most 3 at once").await;
    db.drop().await;
}
