//! The shared store: PostgreSQL keeps the record, and several instances on one database
//! show every reader every change, once, in order, whichever instance took the write.

use std::time::Duration;

use reqwest::StatusCode;

use crate::helpers::{DEMO, TestApp, TestDatabase, spawn_on};

#[tokio::test]
async fn postgres_keeps_the_record_across_a_restart() {
    let db = TestDatabase::create().await;
    let app = spawn_on(&db).await;
    app.login().await;
    let seq = app.current_seq().await;
    app.publish_titled("Kept in PostgreSQL").await;
    let mut app = app.restart().await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("Kept in PostgreSQL"));
    assert_eq!(app.current_seq().await, seq + 1);
    app.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn a_reader_on_one_instance_sees_every_post_made_on_another_in_order() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    a.login().await;
    let start = b.current_seq().await;
    let mut reader_on_b = b.events(DEMO, Some(&start.to_string())).await;
    let mut reader_on_a = a.events(DEMO, Some(&start.to_string())).await;

    for n in 1..=5 {
        let title = format!("Posted on A, number {n}");
        let response = a
            .publish(DEMO, &[("title", title.as_str()), ("body", "Text.")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    for n in 1..=5u64 {
        let event = reader_on_b.next().await;
        assert_eq!(
            (event.event.as_str(), event.id),
            ("entry-created", Some(start + n))
        );
        let html = event.data["html"].as_str().unwrap();
        assert!(html.contains(&format!("Posted on A, number {n}")), "{html}");
    }

    // The session is in the database, so the same editor can post through B.
    let b_client = b.with_client(a.client.clone());
    let response = b_client
        .publish(DEMO, &[("title", "Posted on B"), ("body", "Text.")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    for n in 1..=6u64 {
        assert_eq!(
            reader_on_a.next().await.id,
            Some(start + n),
            "A's reader gets all six in order"
        );
    }
    assert!(
        reader_on_b.next().await.data["html"]
            .as_str()
            .unwrap()
            .contains("Posted on B")
    );
    let (_, page_on_b) = b.get_html(&format!("/live/{DEMO}")).await;
    assert!(page_on_b.contains("Posted on A, number 5") && page_on_b.contains("Posted on B"));
    // Nothing twice: the next thing B's reader gets is the next change.
    a.publish_titled("The marker").await;
    let marker = reader_on_b.next().await;
    assert_eq!(marker.id, Some(start + 7), "nothing before it");
    assert!(marker.data["html"].as_str().unwrap().contains("The marker"));

    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn writes_on_two_instances_at_once_get_distinct_numbers() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    a.login().await;
    b.login().await;
    let start = a.current_seq().await;
    let mut reader = b.events(DEMO, Some(&start.to_string())).await;

    let post = |app: &TestApp, who: &'static str| {
        let app = app.clone_handle();
        async move {
            for n in 0..10 {
                let title = format!("{who} {n}");
                let response = app
                    .publish(DEMO, &[("title", title.as_str()), ("body", "x")])
                    .await;
                assert_eq!(response.status(), StatusCode::SEE_OTHER);
            }
        }
    };
    tokio::join!(post(&a, "from A"), post(&b, "from B"));

    let mut titles = Vec::new();
    for n in 1..=20u64 {
        let event = reader.next().await;
        assert_eq!(event.id, Some(start + n), "in order, no gap, no repeat");
        titles.push(event.data["title"].as_str().unwrap().to_owned());
    }
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 20, "every post once");

    // A hears B's last changes a moment after B's reader did.
    for _ in 0..50 {
        if a.current_seq().await == start + 20 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, page_a) = a.get_html(&format!("/live/{DEMO}")).await;
    let (_, page_b) = b.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(
        crate::helpers::stream_articles(&page_a),
        crate::helpers::stream_articles(&page_b)
    );

    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn two_instances_starting_together_on_an_empty_database_both_come_up() {
    let db = TestDatabase::create().await;
    let (mut a, mut b) = tokio::join!(spawn_on(&db), spawn_on(&db));
    // Whichever wrote the demo page, both serve it, with the same changes.
    let mut same = false;
    for _ in 0..100 {
        let (status_a, _) = a.get_html(&format!("/live/{DEMO}")).await;
        let (status_b, _) = b.get_html(&format!("/live/{DEMO}")).await;
        let both = status_a == StatusCode::OK && status_b == StatusCode::OK;
        if both && a.current_seq().await == b.current_seq().await {
            same = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        same,
        "both instances serve the demo page at the same change"
    );
    a.login().await;
    b.with_client(a.client.clone())
        .publish_titled("Posted through B")
        .await;
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn scheduled_entries_are_published_once_by_whichever_instance_gets_there_first() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    a.login().await;
    let start = a.current_seq().await;
    // Due after B's next look at the schedule, so both wake for them at once.
    for n in 1..=10 {
        let response = crate::desk::schedule(&a, &format!("Scheduled number {n}"), 7).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let mut reader_on_b = b.events(DEMO, Some(&start.to_string())).await;
    for n in 1..=10u64 {
        let event = reader_on_b
            .next_within(Duration::from_secs(15))
            .await
            .unwrap();
        assert_eq!(
            (event.event.as_str(), event.id),
            ("entry-created", Some(start + n))
        );
    }
    // Nothing published twice: the next thing B's reader gets is the next change.
    a.publish_titled("The marker").await;
    let marker = reader_on_b.next().await;
    assert_eq!(marker.id, Some(start + 11), "nothing before it");
    for app in [&a, &b] {
        let (_, page) = app.get_html(&format!("/live/{DEMO}?page=1")).await;
        for n in 1..=10 {
            assert_eq!(
                page.matches(&format!(">Scheduled number {n}</a>")).count(),
                1
            );
        }
    }
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn the_compose_page_counts_readers_on_every_instance() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    a.login().await;
    let _on_a = a.events(DEMO, None).await;
    let _on_b = b.events(DEMO, None).await;
    let _also_on_b = b.events(DEMO, None).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (_, desk) = a.get_html(&format!("/editor/live/{DEMO}/desk")).await;
        if desk.contains("3 readers have this page open") {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{desk}");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    a.stop().await;
    b.stop().await;
    db.drop().await;
}

#[tokio::test]
async fn failed_sign_ins_are_counted_once_for_every_instance() {
    let db = TestDatabase::create().await;
    let mut a = spawn_on(&db).await;
    let mut b = spawn_on(&db).await;
    let mut c = spawn_on(&db).await;
    for (app, wrong) in [(&a, 3), (&b, 2)] {
        for _ in 0..wrong {
            let response = app.login_with("admin", "a wrong password").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
    }
    let response = c.login_with("admin", "a wrong password").await;
    assert_eq!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "five failures on A and B together: C refuses the sixth"
    );
    for app in [&mut a, &mut b, &mut c] {
        app.stop().await;
    }
    db.drop().await;
}

#[tokio::test]
async fn a_contributor_is_told_of_her_entry_sent_back_and_published() {
    let db = TestDatabase::create().await;
    let mut app = spawn_on(&db).await;
    crate::desk::sent_back_with_a_note_then_approved(&app).await;
    app.stop().await;
    db.drop().await;
}
