//! Labels the newsroom keeps: editors add one with its key and a name per language, and
//! an entry shows it in its page's language; a rename or a removal changes no entry
//! already published, and the list's limit holds when many are added at once.

use reqwest::StatusCode;
use serde_json::json;

use crate::cms::{call, token};
use crate::helpers::{DEMO, TestApp, spawn_app};

/// Posts a label's form on the Labels page with the session's token.
async fn label_form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let token = app.session_csrf().await;
    let mut fields = fields.to_vec();
    fields.push(("csrf_token", &token));
    app.post_form(path, &fields).await
}

/// The label printed above the headline of the entry titled `title` on `page`.
async fn label_of(app: &TestApp, page: &str, title: &str) -> String {
    let (_, html) = app.get_html(&format!("/live/{page}")).await;
    let at = html.find(&format!(">{title}</a></h2>")).expect("the entry");
    let article = &html[html[..at].rfind("<article").unwrap()..at];
    let start = article.find("<p class=\"label").expect("a label");
    article[start..article[start..].find("</p>").unwrap() + start].to_owned()
}

#[tokio::test]
async fn a_label_is_named_in_each_page_s_language_and_entries_keep_theirs() {
    let app = spawn_app().await;
    app.login().await;
    let response = label_form(
        &app,
        "/editor/labels",
        &[
            ("key", "kursk"),
            ("name_en", "Kursk"),
            ("name_fr", "Koursk"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/editor/labels").await;
    assert!(page.contains("id=\"label-kursk\"") && page.contains("value=\"Koursk\""));
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        compose.contains("<option value=\"kursk\">Kursk</option>"),
        "the form offers it"
    );

    let published = app
        .publish(
            DEMO,
            &[
                ("title", "Shelling near the border"),
                ("body", "B"),
                ("label", "kursk"),
            ],
        )
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        label_of(&app, DEMO, "Shelling near the border").await,
        "<p class=\"label label-kursk\">Kursk"
    );

    // A page in French names it in French, chosen by its name as well as its key.
    let api = token(&app, "desk", &[]);
    let (status, _) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/live",
        &api,
        Some(json!({"title": "Frontière", "slug": "frontiere", "language": "fr"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, entry) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/live/frontiere/entries",
        &api,
        Some(json!({"title": "Tirs à la frontière", "body": "B", "label": "Koursk"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    assert_eq!(entry["label"], "kursk");
    assert!(
        label_of(&app, "frontiere", "Tirs à la frontière")
            .await
            .ends_with(">Koursk")
    );

    // Renamed: the entry published says what it said; the next takes the new name.
    let response = label_form(
        &app,
        "/editor/labels/kursk",
        &[("name_en", "Kursk region"), ("name_fr", "Région de Koursk")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        label_of(&app, DEMO, "Shelling near the border")
            .await
            .ends_with(">Kursk")
    );
    app.publish(
        DEMO,
        &[("title", "Evacuations"), ("body", "B"), ("label", "kursk")],
    )
    .await;
    assert!(
        label_of(&app, DEMO, "Evacuations")
            .await
            .ends_with(">Kursk region")
    );

    // Removed: entries keep it, a correction too; a new entry cannot take it.
    let response = label_form(&app, "/editor/labels/kursk/delete", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let refused = app
        .publish(
            DEMO,
            &[
                ("title", "Later"),
                ("body", "Kept as typed."),
                ("label", "kursk"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Unknown label") && html.contains(">Kept as typed.</textarea>"));
    let id = entry["id"].to_string();
    let (status, corrected) = call(
        &app,
        reqwest::Method::PATCH,
        &format!("/api/v1/live/frontiere/entries/{id}"),
        &api,
        Some(json!({"body": "Corrected.", "label": "kursk"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    assert!(
        label_of(&app, "frontiere", "Tirs à la frontière")
            .await
            .ends_with(">Koursk")
    );
}

#[tokio::test]
async fn a_label_s_form_comes_back_with_its_problems_and_the_limit_holds_at_once() {
    let app = spawn_app().await;
    app.login().await;
    let response = label_form(
        &app,
        "/editor/labels",
        &[
            ("key", "Kursk offensive"),
            ("name_fr", "Offensive de Koursk"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"key-error\"") && html.contains("id=\"name_en-error\""));
    assert!(
        html.contains("value=\"Kursk offensive\"")
            && html.contains("value=\"Offensive de Koursk\"")
    );
    // A key that is another label's name, or a name that is another's key, would make
    // a form's value mean two labels.
    let video = label_form(
        &app,
        "/editor/labels",
        &[("key", "video"), ("name_en", "Video")],
    )
    .await;
    assert_eq!(video.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        video
            .text()
            .await
            .unwrap()
            .contains("is a name of the label watch")
    );
    let named = label_form(
        &app,
        "/editor/labels",
        &[("key", "clips"), ("name_en", "Watch")],
    )
    .await;
    assert_eq!(named.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(named.text().await.unwrap().contains("id=\"name_en-error\""));
    let taken = label_form(
        &app,
        "/editor/labels",
        &[("key", "watch"), ("name_en", "Again")],
    )
    .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.text().await.unwrap().contains("has that key already"));

    // Forty at once: the five every newsroom has and twenty-five more, no others.
    let token = app.session_csrf().await;
    let sent = (0..40).map(|n| {
        let (app, token) = (&app, &token);
        async move {
            let key = format!("thread-{n}");
            app.post_form(
                "/editor/labels",
                &[
                    ("key", key.as_str()),
                    ("name_en", "A thread"),
                    ("csrf_token", token),
                ],
            )
            .await
            .status()
        }
    });
    let statuses = futures_util::future::join_all(sent).await;
    let saved = statuses
        .iter()
        .filter(|s| **s == StatusCode::SEE_OTHER)
        .count();
    assert_eq!(saved, 25, "{statuses:?}");
    let (_, page) = app.get_html("/editor/labels").await;
    assert_eq!(page.matches("<li id=\"label-").count(), 30);
}
