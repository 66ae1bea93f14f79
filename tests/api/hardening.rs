//! Holding up against attack: control characters that would forge log lines, editor
//! pages that no cache may keep.

use reqwest::StatusCode;

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, csrf_token, spawn_app};
use crate::json_api::new_token;

#[tokio::test]
async fn control_characters_are_refused_in_names_and_one_line_fields() {
    let app = spawn_app().await;
    app.login().await;
    let (_, people) = app.get_html("/editor/people").await;
    let response = app
        .post_form(
            "/editor/people",
            &[
                ("username", "mallory\nINFO signed in user=admin"),
                ("role", "contributor"),
                ("password", "a long enough password"),
                ("csrf_token", &csrf_token(&people)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"username-error\"") && html.contains("one line"));

    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let output = liveblog(
        &[
            "user",
            "add",
            "eve\tadmin",
            "--role",
            "editor",
            "--data-dir",
            &dir,
        ],
        "a long enough password\n",
    );
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("one line"));
    let listed = stdout(&liveblog(&["user", "list", "--data-dir", &dir], ""));
    assert!(!listed.contains("mallory") && !listed.contains("eve"));

    for (field, value) in [
        ("title", "Two\nlines"),
        ("author_name", "Sam\u{1b}[31m"),
        ("image_alt", "alt\ttext"),
    ] {
        let mut fields = vec![("title", "A headline"), ("body", "Text.")];
        fields.retain(|(name, _)| *name != field);
        fields.push((field, value));
        if field == "image_alt" {
            fields.push(("image_url", "https://example.org/a.png"));
        }
        let response = app.publish(DEMO, &fields).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("id=\"{field}-error\"")), "{field}");
    }

    let token = new_token(&app, "wire");
    let response = app
        .client
        .post(app.url(&format!("/api/v1/live/{DEMO}/entries")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"title": "Line one\r\nLine two", "body": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["field"], "title");

    // A longer text keeps its lines.
    let response = app
        .publish(
            DEMO,
            &[("title", "Fine"), ("body", "Line one\r\n\r\nLine two")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn no_cache_keeps_an_editor_page_or_the_answer_to_a_change() {
    let app = spawn_app().await;
    let (_, login) = app.get_html("/login").await;
    assert!(!login.is_empty());
    assert_eq!(
        app.get("/login").await.headers()["cache-control"],
        "no-store"
    );
    app.login().await;
    for path in [
        "/editor".to_owned(),
        format!("/editor/live/{DEMO}"),
        format!("/editor/live/{DEMO}/desk"),
        "/editor/people".to_owned(),
        "/editor/account".to_owned(),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let token = new_token(&app, "wire");
    let response = app
        .client
        .post(app.url(&format!("/api/v1/live/{DEMO}/entries")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"title": "Posted", "body": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.headers()["cache-control"], "no-store");
    // What readers read stays cacheable.
    let response = app.get(&format!("/api/v1/live/{DEMO}")).await;
    assert_ne!(
        response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store")
    );
    let response = app.get(&format!("/live/{DEMO}")).await;
    assert_ne!(
        response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store")
    );
}

#[tokio::test]
async fn a_made_up_host_goes_into_no_page_and_takes_no_readers_cache() {
    let app = spawn_app().await;
    app.login().await;
    app.publish_titled("Fresh news").await;
    let own = format!("http://{}/live/{DEMO}", app.addr);
    // The first request after the change comes with a made-up Host.
    let response = app
        .client
        .get(app.url(&format!("/live/{DEMO}")))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap();
    let html = response.text().await.unwrap();
    assert!(
        !html.contains("evil.example"),
        "the Host never goes into a page"
    );
    assert!(
        html.contains(&own),
        "links are made from the server's own address"
    );
    // A real reader next still gets the kept, precompressed page.
    let response = app
        .client
        .get(app.url(&format!("/live/{DEMO}")))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert!(response.headers().contains_key("etag"));
    assert_eq!(response.headers()["content-encoding"], "br");

    for path in [
        format!("/live/{DEMO}/feed.atom"),
        format!("/live/{DEMO}/entries/1"),
    ] {
        let response = app
            .client
            .get(app.url(&path))
            .header("host", "evil.example")
            .send()
            .await
            .unwrap();
        assert!(
            !response.text().await.unwrap().contains("evil.example"),
            "{path}"
        );
    }

    let public = crate::helpers::spawn_app_with(|settings| {
        settings.public_url = Some("https://live.example.org".into());
    })
    .await;
    let (_, html) = public.get_html(&format!("/live/{DEMO}")).await;
    assert!(html.contains(&format!("https://live.example.org/live/{DEMO}")));
}

/// A server that believes 127.0.0.1's `X-Forwarded-For` (as by default), so a test
/// can speak from many addresses.
async fn behind_a_proxy() -> crate::helpers::TestApp {
    spawn_app().await
}

/// Signs in as `user` with `password`, from `address` (through the trusted proxy).
async fn sign_in_from(
    app: &crate::helpers::TestApp,
    token: &str,
    address: &str,
    user: &str,
    password: &str,
) -> StatusCode {
    app.client
        .post(app.url("/login"))
        .header("x-forwarded-for", address)
        .form(&[
            ("username", user),
            ("password", password),
            ("csrf_token", token),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_hundred_guesses_at_once_get_five_checked_and_a_success_erases_none() {
    let app = spawn_app().await;
    let (_, form) = app.get_html("/login").await;
    let token = csrf_token(&form);
    let guesses = (0..100).map(|n| {
        let (app, token) = (app.clone_handle(), token.clone());
        tokio::spawn(async move {
            // One of them is right.
            let password = if n == 50 {
                crate::helpers::ADMIN_PASSWORD.to_owned()
            } else {
                format!("guess number {n}")
            };
            app.post_form(
                "/login",
                &[
                    ("username", "admin"),
                    ("password", &password),
                    ("csrf_token", &token),
                ],
            )
            .await
            .status()
        })
    });
    let mut answers = Vec::new();
    for guess in guesses {
        answers.push(guess.await.unwrap());
    }
    let checked = answers
        .iter()
        .filter(|s| **s != StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(checked <= 5, "{checked} checked: {answers:?}");
    assert!(answers.iter().all(|s| {
        [
            StatusCode::UNAUTHORIZED,
            StatusCode::SEE_OTHER,
            StatusCode::TOO_MANY_REQUESTS,
        ]
        .contains(s)
    }));
    // Whatever got through, the failures still count: the next guess is refused.
    let response = app.login_with("admin", "one more guess").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn failures_from_one_address_do_not_lock_the_owner_out_from_another() {
    let app = behind_a_proxy().await;
    let (_, form) = app.get_html("/login").await;
    let token = csrf_token(&form);
    for _ in 0..5 {
        let status = sign_in_from(&app, &token, "203.0.113.66", "admin", "a guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let status = sign_in_from(&app, &token, "203.0.113.66", "admin", "a guess").await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "that address is refused"
    );
    let status = sign_in_from(
        &app,
        &token,
        "198.51.100.10",
        "admin",
        crate::helpers::ADMIN_PASSWORD,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the owner, elsewhere, gets in"
    );
}

#[tokio::test]
async fn the_password_change_form_takes_five_wrong_passwords_then_waits() {
    let app = spawn_app().await;
    app.login().await;
    let token = app.session_csrf().await;
    let mut answers = Vec::new();
    for n in 0..30 {
        let response = app
            .post_form(
                "/editor/account",
                &[
                    ("current_password", format!("guess {n}").as_str()),
                    ("new_password", "a password of my own"),
                    ("csrf_token", &token),
                ],
            )
            .await;
        answers.push(response.status());
    }
    assert_eq!(
        answers
            .iter()
            .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
            .count(),
        5
    );
    assert!(
        answers[5..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS)
    );
    let response = app
        .post_form(
            "/editor/account",
            &[
                ("current_password", crate::helpers::ADMIN_PASSWORD),
                ("new_password", "a password of my own"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "not even checked"
    );
}

#[tokio::test]
async fn an_address_sending_unknown_tokens_is_refused_for_a_while() {
    let app = behind_a_proxy().await;
    app.login().await;
    let token = new_token(&app, "wire");
    let post = |address: &'static str, bearer: String| {
        let app = app.clone_handle();
        async move {
            app.client
                .post(app.url(&format!("/api/v1/live/{DEMO}/entries")))
                .header("x-forwarded-for", address)
                .bearer_auth(bearer)
                .json(&serde_json::json!({"title": "Via the API", "body": "x"}))
                .send()
                .await
                .unwrap()
        }
    };
    for n in 0..20 {
        let response = post("203.0.113.99", format!("lb_made_up_{n}")).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let response = post("203.0.113.99", format!("lb_made_up_{}", 21)).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    let response = post("198.51.100.3", token.clone()).await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "other addresses go on"
    );
}

#[tokio::test]
async fn markdown_nested_thousands_deep_is_refused_naming_the_limit() {
    let app = spawn_app().await;
    app.login().await;
    let attack = ">- ".repeat(6666);
    let seq = app.current_seq().await;
    for action in ["preview", "publish", "submit"] {
        let response = app
            .publish(
                DEMO,
                &[
                    ("title", "Deep"),
                    ("body", attack.as_str()),
                    ("action", action),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{action}"
        );
        let html = response.text().await.unwrap();
        assert!(
            html.contains("more than 32 deep; 32 is the most"),
            "{action}"
        );
    }
    let token = app.session_csrf().await;
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/preview"),
            &[
                ("title", "Deep"),
                ("body", attack.as_str()),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let api = new_token(&app, "wire");
    let response = app
        .client
        .post(app.url(&format!("/api/v1/live/{DEMO}/entries")))
        .bearer_auth(&api)
        .json(&serde_json::json!({"title": "Deep", "body": attack}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["field"], "body");
    assert_eq!(app.current_seq().await, seq);
    // Nesting a real entry uses is fine.
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "Quoted list"),
                (
                    "body",
                    "> The council said:\n> - roads shut\n> - schools open",
                ),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn one_address_cannot_take_every_live_stream() {
    let app = behind_a_proxy().await;
    let events = app.url(&format!("/live/{DEMO}/events"));
    let open = |address: &'static str| {
        app.client
            .get(&events)
            .header("x-forwarded-for", address)
            .send()
    };
    let mut held = Vec::new();
    for _ in 0..liveblog::per_address::DEFAULT_STREAMS_PER_ADDRESS {
        let response = open("203.0.113.5").await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        held.push(response);
    }
    let refused = open("203.0.113.5").await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    let other = open("198.51.100.1").await.unwrap();
    assert_eq!(
        other.status(),
        StatusCode::OK,
        "another reader still gets in"
    );

    // A reader who leaves gives the place back within moments, not a keep-alive.
    drop(held.pop());
    let started = std::time::Instant::now();
    loop {
        let response = open("203.0.113.5").await.unwrap();
        if response.status() == StatusCode::OK {
            held.push(response);
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "the place was not given back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn one_address_cannot_hold_every_connection() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = crate::helpers::spawn_app_with(|settings| {
        // Nobody trusted: the test's own address is a client like any other.
        settings.trusted_proxies = liveblog::config::TrustedProxies(Vec::new());
        settings.max_connections_per_address = 10;
    })
    .await;
    let mut idle = Vec::new();
    for _ in 0..10 {
        idle.push(tokio::net::TcpStream::connect(app.addr).await.unwrap());
    }
    let mut eleventh = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let _ = eleventh
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        eleventh.read_to_end(&mut answer),
    )
    .await
    .expect("closed at once, not left waiting");
    assert!(
        read.is_err() || answer.is_empty(),
        "closed without an answer"
    );

    drop(idle.pop());
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let response = app.get("/healthz").await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "a place given back is taken"
    );
}
