//! A live page's life: its summary changed and closed and reopened, each reaching the
//! readers at once; only an admin may do it.

use reqwest::StatusCode;

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, csrf_token, spawn_app};

#[tokio::test]
async fn a_new_summary_and_closing_reach_readers_at_once() {
    let app = spawn_app().await;
    app.login().await;
    let mut reader = app.events(DEMO, None).await;
    let (status, form) = app.get_html(&format!("/editor/live/{DEMO}/settings")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("Gusts of 90mph"),
        "the form holds the summary"
    );
    let token = csrf_token(&form);

    let settings = [
        ("title", "Storm Maren: the clear-up begins"),
        ("description", "Fictional coverage."),
        ("summary", "Winds have eased\nPower is back for most homes"),
        ("time_zone", "Europe/London"),
        ("csrf_token", token.as_str()),
    ];
    let response = app
        .post_form(&format!("/editor/live/{DEMO}/settings"), &settings)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let event = reader.next().await;
    assert_eq!(event.event, "blog-updated");
    assert_eq!(event.data["live"], true);
    assert!(
        event.data["html"]
            .as_str()
            .unwrap()
            .contains("<li>Power is back for most homes</li>")
    );
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("<h1>Storm Maren: the clear-up begins</h1>"));

    let mut bad = settings;
    bad[3] = ("time_zone", "Atlantis/Capital");
    let response = app
        .post_form(&format!("/editor/live/{DEMO}/settings"), &bad)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"time_zone-error\"")
            && html.contains("Power is back for most homes</textarea>")
    );

    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/close"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let closed = reader.next().await;
    assert_eq!(
        (closed.event.as_str(), closed.data["live"].as_bool()),
        ("blog-updated", Some(false))
    );
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    // The stream stays open on an ended page, so open tabs hear when it is reopened.
    assert!(page.contains("This live page has ended") && page.contains("live.js"));
    assert!(page.contains("Red warning issued"), "still readable");

    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/reopen"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(reader.next().await.data["live"], true);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("class=\"live-badge\""));
}

#[tokio::test]
async fn only_an_admin_opens_changes_or_closes_live_pages() {
    let app = spawn_app().await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    stdout(&liveblog(
        &["user", "add", "ed", "--role", "editor", "--data-dir", &dir],
        "an editor's password\n",
    ));
    assert_eq!(
        app.login_with("ed", "an editor's password").await.status(),
        StatusCode::SEE_OTHER
    );
    let seq = app.current_seq().await;
    let token = app.session_csrf().await;

    for path in [
        "/editor/live/new".to_owned(),
        format!("/editor/live/{DEMO}/settings"),
    ] {
        assert_eq!(
            app.get(&path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    for path in [
        "/editor/live".to_owned(),
        format!("/editor/live/{DEMO}/settings"),
        format!("/editor/live/{DEMO}/close"),
    ] {
        let fields = [
            ("title", "x"),
            ("slug", "x"),
            ("summary", "x"),
            ("csrf_token", token.as_str()),
        ];
        let response = app.post_form(&path, &fields).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.current_seq().await, seq, "nothing changed");
    // An editor still publishes.
    app.publish_titled("Published by an editor").await;
}

#[tokio::test]
async fn a_page_read_oldest_first_takes_new_entries_at_its_end() {
    let app = spawn_app().await;
    app.login().await;
    let (_, form) = app.get_html("/editor/live/new").await;
    let fields = [
        ("title", "Your questions answered"),
        ("slug", "questions"),
        ("time_zone", "Europe/London"),
        ("reading_order", "oldest"),
        ("csrf_token", &csrf_token(&form)),
    ];
    assert_eq!(
        app.post_form("/editor/live", &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let token = csrf_token(&app.get_html("/editor/live/questions").await.1);
    for n in 1..=22 {
        let title = format!("Question {n}");
        let response = app
            .post_form(
                "/editor/live/questions/entries",
                &[
                    ("title", title.as_str()),
                    ("body", "x"),
                    ("csrf_token", &token),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let (_, first) = app.get_html("/live/questions").await;
    let (_, last) = app.get_html("/live/questions?page=2").await;
    let q1 = first.find(">Question 1<").unwrap();
    let q2 = first.find(">Question 2<").unwrap();
    assert!(q1 < q2, "oldest first");
    assert!(!first.contains(">Question 21<") && last.contains(">Question 22<"));
    assert!(
        !first.contains("live.js") && last.contains("live.js"),
        "the last page is the live one"
    );
    assert!(last.contains("data-order=\"oldest\""));

    let (_, settings) = app.get_html("/editor/live/questions/settings").await;
    assert!(settings.contains("<option value=\"oldest\" selected>"));
}

#[tokio::test]
async fn years_of_pages_are_listed_fifty_to_an_index_page_and_a_hundred_to_an_answer() {
    let app = spawn_app().await;
    let token = crate::json_api::new_token(&app, "desk");
    for n in 0..150 {
        let (status, _) = crate::json_api::call(
            &app,
            reqwest::Method::POST,
            "/api/v1/live",
            Some(&token),
            Some(serde_json::json!({ "title": format!("Ward {n:03}"), "slug": format!("ward-{n:03}") })),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (_, closed) = crate::json_api::call(
        &app,
        reqwest::Method::POST,
        "/api/v1/live/ward-000/close",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(closed["status"], "closed");

    // 151 pages: the index shows fifty at a time, the live ones first.
    let (status, first) = app.get_html("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first.matches("<li>").count(), 50);
    assert!(first.contains(r#"href="/?page=2">Older live pages"#));
    assert!(!first.contains("Newer live pages"));
    let (_, last) = app.get_html("/?page=4").await;
    assert_eq!(last.matches("<li>").count(), 1);
    assert!(last.contains("Ward 000"), "the ended page comes last");
    assert!(last.contains(r#"href="/?page=3">Newer live pages"#));
    for missing in ["/?page=5", "/?page=0", "/?page=two"] {
        assert_eq!(
            app.get(missing).await.status(),
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }

    // The API, a hundred at a time, each answer naming the next.
    let listed: serde_json::Value = app.get("/api/v1/live").await.json().await.unwrap();
    assert_eq!(listed["pages"].as_array().unwrap().len(), 100);
    assert_eq!(
        (listed["page"].as_u64(), listed["page_count"].as_u64()),
        (Some(1), Some(2))
    );
    let next = listed["next"].as_str().unwrap();
    let rest: serde_json::Value = app.get(next).await.json().await.unwrap();
    assert_eq!(rest["pages"].as_array().unwrap().len(), 51);
    assert!(rest["next"].is_null());
    let slugs: std::collections::BTreeSet<_> = (listed["pages"].as_array().unwrap().iter())
        .chain(rest["pages"].as_array().unwrap())
        .map(|p| p["slug"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(slugs.len(), 151, "every page once");
    assert_eq!(
        app.get("/api/v1/live?page=3").await.status(),
        StatusCode::NOT_FOUND
    );

    // /metrics names the live pages, not an ended one nobody reads.
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains(r#"page="ward-001""#));
    assert!(!metrics.contains(r#"page="ward-000""#));
}
