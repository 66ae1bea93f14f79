//! The editor's forms: what bad input gets, and that nothing typed is lost.

use reqwest::StatusCode;

use crate::helpers::{DEMO, TestApp, csrf_token, spawn_app};

/// Posts the compose form and expects it back with 422, the problem named beside
/// `field`, and every typed value still there.
async fn rejected(app: &TestApp, fields: &[(&str, &str)], field: &str, problem: &str) {
    let response = app.publish(DEMO, fields).await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field}"
    );
    let html = response.text().await.unwrap();
    let error_at = html
        .find(&format!(
            "<span class=\"field-error\" id=\"{field}-error\">"
        ))
        .unwrap_or_else(|| panic!("no error beside {field}"));
    assert!(
        html[error_at..]
            .split("</span>")
            .next()
            .unwrap()
            .contains(problem),
        "{field}: {problem}"
    );
    assert!(html.contains(&format!("aria-describedby=\"{field}-error\"")));
    for (name, value) in fields {
        let escaped = value
            .replace('&', "&#38;")
            .replace('<', "&#60;")
            .replace('>', "&#62;")
            .replace('"', "&#34;")
            .replace('\'', "&#39;");
        let shown = html.contains(&format!("value=\"{escaped}\""))
            || html.contains(&format!(">{escaped}</textarea>"))
            || html.contains(&format!("value=\"{escaped}\" selected"));
        assert!(
            shown,
            "{name} was not kept in the form after a {field} error"
        );
    }
}

#[tokio::test]
async fn bad_entries_come_back_with_the_problem_named_and_the_text_kept() {
    let app = spawn_app().await;
    app.login().await;
    let body = "A long <b>careful</b> paragraph & \"quotes\" the editor must not lose.";
    let seq = app.current_seq().await;

    rejected(
        &app,
        &[("title", ""), ("body", body), ("author_name", "Ana Ruiz")],
        "title",
        "required",
    )
    .await;
    let long_title = "t".repeat(201);
    rejected(
        &app,
        &[("title", &long_title), ("body", body)],
        "title",
        "limit is 200",
    )
    .await;
    rejected(
        &app,
        &[("title", "Fine"), ("body", "")],
        "body",
        "needs some text",
    )
    .await;
    let long_body = "b".repeat(20_001);
    rejected(
        &app,
        &[("title", "Fine"), ("body", &long_body)],
        "body",
        "limit is 20000",
    )
    .await;
    rejected(
        &app,
        &[("title", "Fine"), ("body", body), ("label", "gossip")],
        "label",
        "Unknown label",
    )
    .await;
    rejected(
        &app,
        &[
            ("title", "Fine"),
            ("body", body),
            ("image_url", "javascript:alert(1)"),
            ("image_alt", "A map"),
        ],
        "image_url",
        "must start with https://",
    )
    .await;
    rejected(
        &app,
        &[
            ("title", "Fine"),
            ("body", body),
            ("image_url", "https://example.org/a.png"),
        ],
        "image_alt",
        "Describe the image",
    )
    .await;

    assert_eq!(app.current_seq().await, seq, "nothing was published");
}

#[tokio::test]
async fn a_bad_time_zone_keeps_the_new_page_form() {
    let app = spawn_app().await;
    app.login().await;
    let (_, form) = app.get_html("/editor/live/new").await;
    let fields = [
        ("title", "Election night"),
        ("slug", "election-night"),
        ("summary", "Polls close at 22:00"),
        ("time_zone", "Mars/Olympus_Mons"),
        ("csrf_token", &csrf_token(&form)),
    ];
    let response = app.post_form("/editor/live", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("<span class=\"field-error\" id=\"time_zone-error\">&#34;Mars/Olympus_Mons&#34; is not a time zone"));
    assert!(
        html.contains("value=\"Election night\"")
            && html.contains(">Polls close at 22:00</textarea>")
    );
    assert!(html.contains("value=\"Mars/Olympus_Mons\""));

    let mut fields = fields;
    fields[3] = ("time_zone", "America/New_York");
    let response = app.post_form("/editor/live", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, page) = app.get_html("/live/election-night").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Polls close at 22:00") && page.contains("No updates yet"));

    let response = app.post_form("/editor/live", &fields).await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a slug is used once"
    );
    assert!(response.text().await.unwrap().contains("id=\"slug-error\""));
}

#[tokio::test]
async fn script_in_a_body_is_inert() {
    let app = spawn_app().await;
    app.login().await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "<script>alert('title')</script>"),
                ("body", "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))"),
                ("author_name", "<b onmouseover=alert(4)>Eve</b>"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    // Inside every tag of the page: no script, no handler, no javascript: address.
    // (The same words may show as escaped text, which a browser never runs.)
    for tag in page
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap().to_ascii_lowercase())
    {
        assert!(tag != "script" && !tag.contains("alert"), "<{tag}>");
        assert!(
            !tag.contains("onerror") && !tag.contains("onmouseover"),
            "<{tag}>"
        );
        assert!(!tag.contains("javascript:"), "<{tag}>");
    }
    assert!(!page.contains("<script>alert"));
    assert!(
        page.contains("&#60;script&#62;alert(&#39;title&#39;)&#60;/script&#62;"),
        "the headline shows as text"
    );
}

#[tokio::test]
async fn an_oversized_request_is_refused_with_413() {
    let app = spawn_app().await;
    app.login().await;
    // Beyond what any form may carry: the largest image and a megabyte of fields.
    let huge = "x".repeat(1200 * 1024);
    let response = app
        .publish(DEMO, &[("title", "Huge"), ("body", &huge)])
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn an_entry_uses_every_field() {
    let app = spawn_app().await;
    app.login().await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "Ferry aground"),
                ("body", "> \"We are all safe,\" a passenger says.\n\n- one\n- two\n\n> [!NOTE]\n> The ferry runs twice a day."),
                ("label", "breaking"),
                ("author_name", "Sam Okafor"),
                ("author_role", "Reporting from Aldmouth"),
                ("image_url", "https://example.org/ferry.jpg"),
                ("image_alt", "A ferry on a sandbank"),
                ("image_caption", "The ferry this morning"),
                ("image_credit", "Aldmouth Coastguard"),
                ("key_event", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    for part in [
        "class=\"entry key-event\"",
        "<p class=\"label label-breaking\">Breaking</p>",
        "<span class=\"byline-name\">Sam Okafor</span><span class=\"byline-role\">Reporting from Aldmouth</span>",
        "<img src=\"https://example.org/ferry.jpg\" alt=\"A ferry on a sandbank\"",
        "<span class=\"caption\">The ferry this morning</span>",
        "Image source, Aldmouth Coastguard",
        "<aside class=\"context\"><strong class=\"context-label\">For context</strong>",
        "<span class=\"key-event-title\">Ferry aground</span></a></li>",
    ] {
        assert!(page.contains(part), "missing {part:?}");
    }
}
