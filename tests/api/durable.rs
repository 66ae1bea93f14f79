//! The record survives: a restart keeps every entry and the sequence numbers go on, so
//! a browser that reconnects gets exactly what it missed; a database this build cannot
//! use stops the start with one line and is left as it was.

use liveblog::server::Server;
use reqwest::StatusCode;

use crate::helpers::{DEMO, settings, spawn_app, stream_articles};

#[tokio::test]
async fn a_restart_loses_nothing_and_readers_resume() {
    let app = spawn_app().await;
    app.login().await;
    let seen_by_reader = app.current_seq().await;
    let id = app.publish_titled("Published before the restart").await;
    let (_, before) = app.get_html(&format!("/live/{DEMO}")).await;

    let app = app.restart().await;
    let (status, after) = app.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        stream_articles(&after),
        stream_articles(&before),
        "the same entries, once each"
    );
    assert!(after.contains("Published before the restart"));
    assert_eq!(
        app.current_seq().await,
        seen_by_reader + 1,
        "the demo page is not written twice"
    );

    // A browser that saw everything up to `seen_by_reader` gets exactly the one change.
    let mut reader = app.events(DEMO, Some(&seen_by_reader.to_string())).await;
    let missed = reader.next().await;
    assert_eq!(
        (missed.event.as_str(), missed.id),
        ("entry-created", Some(seen_by_reader + 1))
    );
    assert_eq!(missed.data["id"].to_string(), id);

    // Sessions live in the store too: the editor is still signed in.
    assert_eq!(app.get("/editor").await.status(), StatusCode::OK);
    app.publish_titled("Published after the restart").await;
    assert_eq!(
        reader.next().await.id,
        Some(seen_by_reader + 2),
        "numbers go on, and nothing came between"
    );
}

#[tokio::test]
async fn corrections_and_deletions_survive_a_restart() {
    let app = spawn_app().await;
    app.login().await;
    let kept = app.publish_titled("To be corrected").await;
    let gone = app.publish_titled("To be deleted").await;
    let token = app.session_csrf().await;
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{kept}"),
            &[
                ("title", "Corrected headline"),
                ("body", "Corrected text."),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{gone}/delete"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let app = app.restart().await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("Corrected headline") && page.contains("Updated <time"));
    assert!(!page.contains("To be deleted") && !page.contains(&format!("entry-{gone}\"")));
    let (status, _) = app.get_html(&format!("/live/{DEMO}/entries/{gone}")).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a deleted entry never comes back"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("liveblog.db");
    let garbage = b"this is not an SQLite database, and it must stay exactly as it is".repeat(100);
    std::fs::write(&file, &garbage).unwrap();

    let error = Server::build(settings(dir.path()))
        .await
        .err()
        .expect("the start fails");
    let message = error.to_string();
    assert!(!message.contains('\n'), "one line: {message}");
    assert!(
        message.contains("liveblog.db") || message.contains("database"),
        "{message}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        garbage,
        "the file is untouched"
    );
}

#[tokio::test]
async fn a_database_from_a_newer_build_is_refused_and_left_alone() {
    let mut app = spawn_app().await;
    app.stop().await;
    let file = app.data_dir.path().join("liveblog.db");
    let url = format!("sqlite://{}", file.display());
    {
        use sqlx::Connection;
        let mut db = sqlx::SqliteConnection::connect(&url).await.unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (9999, 'from the future', 1, x'00', 0)",
        )
        .execute(&mut db)
        .await
        .unwrap();
        db.close().await.unwrap();
    }

    let error = Server::build(app.settings.clone())
        .await
        .err()
        .expect("the start fails");
    let message = error.to_string();
    assert!(
        message.contains("newer") && message.contains("9999"),
        "{message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");

    use sqlx::Connection;
    let mut db = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let entries: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM entries")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert!(entries >= 12, "nothing was dropped");
}
