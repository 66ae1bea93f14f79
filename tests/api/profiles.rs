//! Profiles: the newsroom's people kept by editors, with a photo; an entry names them
//! and keeps each as it was, readers see their faces, and JSON-LD names every author.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::json;

use crate::helpers::{DEMO, TestApp, spawn_app};
use crate::json_api::{call, new_token};
use crate::uploads::PNG;

/// Adds a profile through its page's form, with a photo file.
async fn add_profile(app: &TestApp, name: &str, role: &str) -> reqwest::Response {
    let token = app.session_csrf().await;
    let form = Form::new()
        .text("csrf_token", token)
        .text("name", name.to_owned())
        .text("role", role.to_owned())
        .text("link", "https://news.example/people")
        .part("photo", Part::bytes(PNG.to_vec()).file_name("face.png"));
    app.client
        .post(app.url("/editor/profiles"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_entry_names_two_profiles_and_shows_both_faces() {
    let app = spawn_app().await;
    app.login().await;
    for (name, role) in [
        ("Ana Ruiz", "Weather correspondent"),
        ("Ben Cho", "Harbour reporter"),
    ] {
        let response = add_profile(&app, name, role).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let (_, page) = app.get_html("/editor/profiles").await;
    assert!(
        page.contains("Ana Ruiz") && page.contains("/media/"),
        "listed with the photo"
    );
    let refused = add_profile(&app, "ana ruiz", "Again").await;
    assert_eq!(
        refused.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a name in another case is the same name"
    );
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("A profile has that name already")
    );

    let response = app
        .publish(
            DEMO,
            &[
                ("title", "Two reporters at the harbour"),
                ("body", "Reported together."),
                ("profile_1", "Ana Ruiz"),
                ("profile_2", "Ben Cho"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    let article = &html[html.find("Two reporters at the harbour</a>").unwrap()..];
    let article = &article[..article.find("</article>").unwrap()];
    assert_eq!(
        article
            .matches("class=\"author-photo\" src=\"/media/")
            .count(),
        2,
        "{article}"
    );
    assert_eq!(
        article.matches("sizes=\"48px\"").count(),
        2,
        "each face offers its copies, for the narrowest to be taken"
    );
    assert!(article.contains("Weather correspondent") && article.contains("Harbour reporter"));
    assert!(
        html.contains("\"jobTitle\":\"Harbour reporter\""),
        "JSON-LD names every author"
    );

    // A name no profile has is refused beside its field, the text kept.
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "By someone unknown"),
                ("body", "Kept."),
                ("profile_1", "Nobody Here"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = response.text().await.unwrap();
    assert!(refused.contains("No profile is named “Nobody Here”"));
    assert!(refused.contains("<span class=\"field-error\" id=\"profile_1-error\">No profile"));
    assert!(refused.contains("value=\"Nobody Here\"") && refused.contains("By someone unknown"));
}

#[tokio::test]
async fn an_entry_keeps_its_byline_when_the_profile_changes_or_goes() {
    let app = spawn_app().await;
    app.login().await;
    let token = app.session_csrf().await;
    let fields = [
        ("csrf_token", token.as_str()),
        ("name", "Ana Ruiz"),
        ("role", "Weather correspondent"),
        ("photo_url", "/static/demo-harbour.svg"),
    ];
    let added = app.post_form("/editor/profiles", &fields).await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);

    let api = new_token(&app, "wire-feed");
    let (status, created) = call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/live/{DEMO}/entries"),
        Some(&api),
        Some(json!({"title": "By Ana", "body": "Text.", "profiles": ["ana ruiz"]})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["authors"][0]["name"], "Ana Ruiz", "{created}");
    assert_eq!(created["authors"][0]["role"], "Weather correspondent");

    let (_, list) = app.get_html("/editor/profiles").await;
    let id = list
        .split("id=\"profile-")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let gone = app
        .post_form(
            &format!("/editor/profiles/{id}/delete"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(gone.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(
        html.contains("<span class=\"byline-name\">Ana Ruiz</span>"),
        "the byline stays"
    );

    // Previewed and corrected, with the form as it comes (the profile's name in its
    // field), it keeps the byline the profile no longer backs.
    let entry = created["id"].as_i64().unwrap();
    let previewed = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{entry}"),
            &[
                ("csrf_token", &token),
                ("title", "By Ana"),
                ("body", "Text."),
                ("profile_1", "Ana Ruiz"),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(previewed.status(), StatusCode::OK);
    assert!(
        previewed
            .text()
            .await
            .unwrap()
            .contains("Weather correspondent")
    );
    let corrected = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{entry}"),
            &[
                ("csrf_token", &token),
                ("title", "By Ana, corrected"),
                ("body", "Text."),
                ("profile_1", "Ana Ruiz"),
            ],
        )
        .await;
    assert_eq!(corrected.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    let article = &html[html.find("By Ana, corrected</a>").unwrap()..];
    assert!(article[..article.find("</article>").unwrap()].contains("Weather correspondent"));
}
