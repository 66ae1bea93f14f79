//! Sign-in, sign-out, CSRF, and strangers kept out of the newsroom.

use reqwest::StatusCode;

use crate::helpers::{ADMIN_PASSWORD, DEMO, csrf_token, new_client, spawn_app, spawn_app_with};

#[tokio::test]
async fn a_stranger_is_sent_to_sign_in() {
    let app = spawn_app().await;
    let seq = app.current_seq().await;
    for path in [
        "/editor",
        "/editor/live/new",
        &format!("/editor/live/{DEMO}"),
        &format!("/editor/live/{DEMO}/entries/13"),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login"),
            "{path}"
        );
    }
    for path in [
        format!("/editor/live/{DEMO}/entries"),
        format!("/editor/live/{DEMO}/entries/13"),
        format!("/editor/live/{DEMO}/entries/13/delete"),
        "/editor/live".into(),
    ] {
        let response = app
            .post_form(
                &path,
                &[
                    ("title", "Hijack"),
                    ("body", "x"),
                    ("slug", "x"),
                    ("csrf_token", "x"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    }
    assert_eq!(app.current_seq().await, seq, "nothing changed");
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("id=\"entry-13\""));
}

#[tokio::test]
async fn sign_in_and_out() {
    let app = spawn_app().await;
    let response = app.login_with("admin", "not the password").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let html = response.text().await.unwrap();
    assert!(html.contains("do not match") && html.contains("value=\"admin\""));
    assert_eq!(
        app.login_with("nobody", ADMIN_PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let response = app.login_with("admin", ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/editor");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("liveblog_session="))
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert_eq!(app.get("/editor").await.status(), StatusCode::OK);

    let (_, editor) = app.get_html("/editor").await;
    let response = app
        .post_form("/logout", &[("csrf_token", &csrf_token(&editor))])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/editor").await.status(), StatusCode::SEE_OTHER);

    // The old cookie, replayed by someone who kept it, opens nothing.
    let session = cookie.split(';').next().unwrap();
    let response = new_client()
        .get(app.url("/editor"))
        .header("cookie", session)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn sign_in_returns_to_the_page_asked_for() {
    let app = spawn_app().await;
    let response = app.get(&format!("/editor/live/{DEMO}")).await;
    let login = response.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = app.get_html(&login).await;
    assert!(html.contains(&format!("name=\"next\" value=\"/editor/live/{DEMO}\"")));
    let response = app
        .post_form(
            "/login",
            &[
                ("username", "admin"),
                ("password", ADMIN_PASSWORD),
                ("csrf_token", &csrf_token(&html)),
                ("next", &format!("/editor/live/{DEMO}")),
            ],
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}")
    );

    let app = spawn_app().await;
    let (_, html) = app.get_html("/login?next=https://evil.example/").await;
    assert!(html.contains("name=\"next\" value=\"\""));
    let response = app
        .post_form(
            "/login",
            &[
                ("username", "admin"),
                ("password", ADMIN_PASSWORD),
                ("csrf_token", &csrf_token(&html)),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        "/editor",
        "never to another site"
    );
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_are_refused() {
    let app = spawn_app().await;
    // The sign-in form: a token that does not match its cookie.
    let _ = app.get("/login").await;
    let response = app
        .post_form(
            "/login",
            &[
                ("username", "admin"),
                ("password", ADMIN_PASSWORD),
                ("csrf_token", "forged"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = new_client()
        .post(app.url("/login"))
        .form(&[("username", "admin"), ("password", ADMIN_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    app.login().await;
    let seq = app.current_seq().await;
    let path = format!("/editor/live/{DEMO}/entries");
    let response = app
        .post_form(&path, &[("title", "Forged"), ("body", "x")])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .post_form(
            &path,
            &[("title", "Forged"), ("body", "x"), ("csrf_token", "0000")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("did not come from this site")
    );
    for path in [
        format!("/editor/live/{DEMO}/entries/13"),
        format!("/editor/live/{DEMO}/entries/13/delete"),
        "/editor/live".into(),
        "/logout".into(),
    ] {
        let response = app
            .post_form(
                &path,
                &[
                    ("title", "Forged"),
                    ("body", "x"),
                    ("slug", "forged"),
                    ("csrf_token", "bad"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.current_seq().await, seq, "nothing changed");
    assert_eq!(
        app.get("/editor").await.status(),
        StatusCode::OK,
        "still signed in"
    );
}

#[tokio::test]
async fn the_first_admin_gets_a_generated_password_when_none_is_given() {
    let app = spawn_app_with(|settings| settings.admin_password = None).await;
    let password = app
        .generated_password
        .clone()
        .expect("a password is generated");
    assert!(password.len() >= 16);
    assert_eq!(
        app.login_with("admin", &password).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn repeated_failures_refuse_the_account_at_that_address_for_a_while() {
    let app = spawn_app().await;
    for _ in 0..liveblog::throttle::SIGN_IN_PER_ACCOUNT_AND_ADDRESS.free {
        let response = app.login_with("admin", "a wrong password").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    // Now even the right password is refused, without being checked.
    let response = app.login_with("admin", ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = response.text().await.unwrap();
    assert!(html.contains("Too many failed sign-ins") && html.contains("value=\"admin\""));
    assert_eq!(
        app.get("/editor").await.status(),
        StatusCode::SEE_OTHER,
        "not signed in"
    );
}
