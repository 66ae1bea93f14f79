//! Corrections: a public note readers can open, who wrote and who changed an entry,
//! and two editors saving the same entry without either losing their work.

use reqwest::StatusCode;
use serde_json::json;

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, csrf_token, new_client, spawn_app};

#[tokio::test]
async fn a_correction_note_is_public_and_kept() {
    let app = spawn_app().await;
    app.login().await;
    let id = app.publish_titled("12,000 homes without power").await;
    let mut reader = app.events(DEMO, None).await;
    let (_, form) = app
        .get_html(&format!("/editor/live/{DEMO}/entries/{id}"))
        .await;
    assert!(form.contains("name=\"version\" value=\"1\""));
    let fields = [
        ("title", "14,000 homes without power"),
        ("body", "Some text."),
        ("version", "1"),
        ("correction", "Corrected the number of homes without power"),
        ("csrf_token", &csrf_token(&form)),
    ];
    let response = app
        .post_form(&format!("/editor/live/{DEMO}/entries/{id}"), &fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let event = reader.next().await;
    let html = event.data["html"].as_str().unwrap();
    assert!(
        html.contains("<details class=\"corrections\">")
            && html.contains("Corrected the number of homes")
    );

    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        compose.contains("by admin, changed by admin"),
        "the editor page says who"
    );

    let long = "x".repeat(301);
    let mut bad = fields;
    bad[2] = ("version", "2");
    bad[3] = ("correction", &long);
    let response = app
        .post_form(&format!("/editor/live/{DEMO}/entries/{id}"), &bad)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("id=\"correction-error\"")
    );

    let app = app.restart().await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}/entries/{id}")).await;
    assert!(
        page.contains("1 correction")
            && page.contains("Corrected the number of homes without power")
    );
    let dump = stdout(&liveblog(
        &[
            "export",
            "--data-dir",
            app.data_dir.path().to_str().unwrap(),
        ],
        "",
    ));
    assert!(
        dump.contains("Corrected the number of homes without power")
            && dump.contains("\"created_by\": \"admin\"")
    );
}

#[tokio::test]
async fn the_second_of_two_editors_sees_both_versions_and_loses_nothing() {
    let app = spawn_app().await;
    app.login().await;
    let id = app.publish_titled("Bridge closed").await;
    let path = format!("/editor/live/{DEMO}/entries/{id}");

    // A second editor with their own session.
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    stdout(&liveblog(
        &["user", "add", "kim", "--role", "editor", "--data-dir", &dir],
        "kim's long password\n",
    ));
    let kim = app.with_client(new_client());
    assert_eq!(
        kim.login_with("kim", "kim's long password").await.status(),
        StatusCode::SEE_OTHER
    );

    let (_, admin_form) = app.get_html(&path).await;
    let (_, kim_form) = kim.get_html(&path).await;
    let response = app
        .post_form(
            &path,
            &[
                ("title", "Bridge closed both ways"),
                ("body", "Admin's text."),
                ("version", "1"),
                ("csrf_token", &csrf_token(&admin_form)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let kims = [
        ("title", "Bridge closed until Friday"),
        ("body", "Kim's careful text."),
        ("version", "1"),
        ("csrf_token", &csrf_token(&kim_form)),
    ];
    let response = kim.post_form(&path, &kims).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    assert!(html.contains("Someone else saved this entry") && html.contains("(admin)"));
    assert!(html.contains("Bridge closed both ways"), "theirs is shown");
    assert!(
        html.contains("value=\"Bridge closed until Friday\"")
            && html.contains("Kim&#39;s careful text.</textarea>"),
        "hers is kept"
    );
    assert!(
        html.contains("name=\"version\" value=\"2\""),
        "the form now starts from theirs"
    );

    let (_, page) = app.get_html(&format!("/live/{DEMO}/entries/{id}")).await;
    assert!(
        page.contains("Bridge closed both ways"),
        "nothing was overwritten"
    );

    let mut again = kims;
    again[2] = ("version", "2");
    assert_eq!(
        kim.post_form(&path, &again).await.status(),
        StatusCode::SEE_OTHER,
        "saving again is deliberate"
    );
    let (_, page) = app.get_html(&format!("/live/{DEMO}/entries/{id}")).await;
    assert!(page.contains("Bridge closed until Friday"));
}

#[tokio::test]
async fn the_api_checks_versions_and_takes_correction_notes() {
    let app = spawn_app().await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let token = stdout(&liveblog(
        &["token", "create", "desk", "--data-dir", &dir],
        "",
    ))
    .trim()
    .to_owned();
    let entries = app.url(&format!("/api/v1/live/{DEMO}/entries"));
    let created: serde_json::Value = app
        .client
        .post(&entries)
        .bearer_auth(&token)
        .json(&json!({"title": "Ferry cancelled", "body": "x"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(created["version"], 1);
    let one = format!("{entries}/{}", created["id"]);

    let response = app.client.patch(&one).bearer_auth(&token)
        .json(&json!({"title": "Ferries cancelled", "version": 1, "correction": "More than one ferry"})).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let corrected: serde_json::Value = response.json().await.unwrap();
    assert_eq!(corrected["version"], 2);
    assert_eq!(corrected["corrections"][0]["note"], "More than one ferry");

    let response = app
        .client
        .patch(&one)
        .bearer_auth(&token)
        .json(&json!({"title": "Stale", "version": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["field"], "version");
}

#[tokio::test]
async fn a_colleague_with_the_entry_open_is_named() {
    let app = spawn_app().await;
    app.login().await;
    let id = app.publish_titled("Open twice").await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    stdout(&liveblog(
        &["user", "add", "kim", "--role", "editor", "--data-dir", &dir],
        "kim's long password\n",
    ));
    let kim = app.with_client(new_client());
    kim.login_with("kim", "kim's long password").await;
    let path = format!("/editor/live/{DEMO}/entries/{id}");

    let (_, kims_form) = kim.get_html(&path).await;
    assert!(!kims_form.contains("also has this entry open"));
    let (_, admins_form) = app.get_html(&path).await;
    assert!(admins_form.contains("kim also has this entry open for correcting"));

    let fields = [
        ("title", "Open twice"),
        ("body", "Saved."),
        ("version", "1"),
        ("csrf_token", &csrf_token(&kims_form)),
    ];
    assert_eq!(
        kim.post_form(&path, &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, admins_form) = app.get_html(&path).await;
    assert!(
        !admins_form.contains("also has this entry open"),
        "kim saved and left"
    );
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        compose.contains("data-events=\"/live/storm-maren/events\"")
            && compose.contains("/static/editor/main.js")
    );
}
