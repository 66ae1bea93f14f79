//! The newsroom's people: accounts added and removed from the admin page, passwords
//! changed, and sessions ended at once.

use reqwest::StatusCode;

use crate::helpers::{csrf_token, new_client, spawn_app};

#[tokio::test]
async fn an_admin_adds_and_removes_people_and_sessions_end_at_once() {
    let app = spawn_app().await;
    app.login().await;
    let (status, page) = app.get_html("/editor/people").await;
    assert_eq!(status, StatusCode::OK);
    let token = csrf_token(&page);

    let response = app
        .post_form(
            "/editor/people",
            &[
                ("username", "ron"),
                ("role", "editor"),
                ("password", "short"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.text().await.unwrap().contains("value=\"ron\""),
        "the name is kept"
    );
    for dots in [".", ".."] {
        let response = app
            .post_form(
                "/editor/people",
                &[
                    ("username", dots),
                    ("role", "editor"),
                    ("password", "a long enough password"),
                    ("csrf_token", &token),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{dots:?}"
        );
    }
    let response = app
        .post_form(
            "/editor/people",
            &[
                ("username", "ron"),
                ("role", "editor"),
                ("password", "ron's long password"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let ron = app.with_client(new_client());
    assert_eq!(
        ron.login_with("ron", "ron's long password").await.status(),
        StatusCode::SEE_OTHER
    );
    let (status, newsroom) = ron.get_html("/editor").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !newsroom.contains("href=\"/editor/people\""),
        "no link to a page an editor cannot open"
    );
    assert!(
        app.get_html("/editor")
            .await
            .1
            .contains("href=\"/editor/people\"")
    );
    assert_eq!(
        ron.get("/editor/people").await.status(),
        StatusCode::FORBIDDEN,
        "people are for admins"
    );

    let response = app
        .post_form("/editor/people/ron/remove", &[("csrf_token", &token)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        ron.get("/editor").await.status(),
        StatusCode::SEE_OTHER,
        "ron's session ended"
    );
    assert_eq!(
        ron.login_with("ron", "ron's long password").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_new_password_ends_every_session() {
    let app = spawn_app().await;
    app.login().await;
    let other_device = app.with_client(new_client());
    other_device.login().await;
    let (_, page) = app.get_html("/editor/account").await;
    let token = csrf_token(&page);

    let response = app
        .post_form(
            "/editor/account",
            &[
                ("current_password", "not it"),
                ("new_password", "a brand new password"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .post_form(
            "/editor/account",
            &[
                ("current_password", crate::helpers::ADMIN_PASSWORD),
                ("new_password", "a brand new password"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/editor").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        other_device.get("/editor").await.status(),
        StatusCode::SEE_OTHER,
        "every device"
    );
    assert_eq!(
        app.login_with("admin", "a brand new password")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}
