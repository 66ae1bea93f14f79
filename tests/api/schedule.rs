//! Times a schedule can hold, and rows that no version can read: a time past the year
//! 9999 is refused beside its field; a scheduled row the store cannot read back (as an
//! earlier version wrote them) goes back to its author, named on the desk, and holds
//! up no other page's schedule, no desk and no export; an entry due while no instance
//! ran is published at start-up with its due time, in its place in the stream.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::commands::liveblog;
use crate::helpers::{DEMO, TestApp, open_store, spawn_app};
use crate::json_api::new_token;

/// Waits until `done` holds, for at most `seconds`.
async fn within(seconds: u64, mut done: impl AsyncFnMut() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
    while tokio::time::Instant::now() < deadline {
        if done().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    false
}

async fn page_json(app: &TestApp, slug: &str) -> Value {
    app.get(&format!("/api/v1/live/{slug}"))
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_time_past_the_year_9999_is_refused_beside_its_field_with_the_text_kept() {
    let app = spawn_app().await;
    app.login().await;
    for typed in ["+10000-01-01T00:00", "+99999-06-01T12:00"] {
        let response = app
            .publish(
                DEMO,
                &[
                    ("title", "Far ahead"),
                    ("body", "Written for later."),
                    ("publish_at", typed),
                    ("action", "schedule"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{typed}"
        );
        let html = response.text().await.unwrap();
        let error = &html[html
            .find("id=\"publish_at-error\"")
            .expect("named beside the field")..];
        assert!(error[..200].contains("9999"), "{typed}: {}", &error[..200]);
        assert!(
            html.contains("value=\"Far ahead\"") && html.contains(&format!("value=\"{typed}\""))
        );
    }
    let (status, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!compose.contains("Far ahead"), "nothing was scheduled");
}

#[tokio::test]
async fn a_scheduled_row_that_cannot_be_read_holds_up_no_other() {
    let app = spawn_app().await;
    app.login().await;
    // Two rows as an earlier version could leave them: a time RFC 3339 cannot write
    // (so that it reads as due), and a text that is not the draft's JSON.
    let mut db = open_store(&app).await;
    for (input, at) in [
        (
            r#"{"title": "Year ten thousand", "body": "x"}"#,
            Some("+10000-01-01T11:59:00.000000Z"),
        ),
        ("{damaged", None),
    ] {
        sqlx::query(
            "INSERT INTO drafts (blog_id, input, created_by, submitted, publish_at, updated_at) \
             VALUES ((SELECT id FROM blogs WHERE slug = $1), $2, 'admin', 0, $3, '2026-12-01T10:00:00.000000Z')",
        )
        .bind(DEMO)
        .bind(input)
        .bind(at)
        .execute(&mut db)
        .await
        .unwrap();
    }

    // Another page's entry, due now, is published all the same.
    let token = new_token(&app, "cms");
    let response = app
        .client
        .post(app.url("/api/v1/live"))
        .bearer_auth(&token)
        .json(&json!({"title": "Harbour works", "slug": "harbour-works"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string();
    let response = app
        .publish(
            "harbour-works",
            &[
                ("title", "Due now"),
                ("body", "On time."),
                ("publish_at", &now),
                ("action", "schedule"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        within(10, async || {
            page_json(&app, "harbour-works")
                .await
                .to_string()
                .contains("Due now")
        })
        .await,
        "the other page's entry was published"
    );

    // The unreadable time went back to its author with the problem named, once.
    assert!(
        within(10, async || {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM drafts WHERE publish_at IS NULL AND review_note LIKE '%could not be read%'",
            )
            .fetch_one(&mut db)
            .await
            .unwrap()
                == 1
        })
        .await,
        "taken off the schedule with a note"
    );
    let (status, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert_eq!(status, StatusCode::OK, "the desk still opens");
    assert!(
        compose.contains("Year ten thousand"),
        "back among the drafts"
    );
    let unreadable = &compose[compose
        .find("id=\"unreadable\"")
        .expect("the damaged row is named")..];
    assert!(
        unreadable.contains("unreadable draft"),
        "{}",
        &unreadable[..300]
    );
    let (status, _) = app.get_html("/editor").await;
    assert_eq!(status, StatusCode::OK);

    // The export goes through, naming the row it left out.
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let exported = liveblog(&["export", "--data-dir", &dir], "");
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let stderr = String::from_utf8_lossy(&exported.stderr);
    assert!(
        stderr.contains("left out draft") && stderr.contains("unreadable draft"),
        "{stderr}"
    );
    let dump: Value = serde_json::from_slice(&exported.stdout).unwrap();
    assert!(dump["drafts"].to_string().contains("Year ten thousand"));
}

#[tokio::test]
async fn an_entry_due_while_no_instance_ran_is_published_with_its_due_time() {
    let app = spawn_app().await;
    app.login().await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "Due while the server was down"),
                ("body", "Written for later."),
                ("publish_at", "2099-01-01T09:00"),
                ("action", "schedule"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mut app = app;
    app.stop().await;
    // While no instance runs, the time comes and goes: twenty minutes ago.
    let due = chrono::Utc::now() - chrono::Duration::minutes(20);
    let kept = due.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let mut store = open_store(&app).await;
    let moved = sqlx::query("UPDATE drafts SET publish_at = $1 WHERE publish_at IS NOT NULL")
        .bind(&kept)
        .execute(&mut store)
        .await
        .unwrap();
    assert_eq!(moved.rows_affected(), 1);
    drop(store);
    let app = app.restart().await;
    let mut published = None;
    let found = within(20, async || {
        let page = page_json(&app, DEMO).await;
        published = page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["title"] == "Due while the server was down")
            .cloned();
        published.is_some()
    })
    .await;
    assert!(found, "published at start-up");
    let at =
        chrono::DateTime::parse_from_rfc3339(published.unwrap()["published_at"].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono::Utc);
    assert_eq!(
        at.timestamp(),
        due.timestamp(),
        "its due time, not the restart's"
    );
    let page = page_json(&app, DEMO).await;
    let titles: Vec<&str> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_ne!(
        titles[0], "Due while the server was down",
        "below what came after it: {titles:?}"
    );
}
