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
    // A known token is never counted, nor refused: a wire feed's burst all goes.
    let burst = (0..40).map(|_| post("203.0.113.99", token.clone()));
    for response in futures_util::future::join_all(burst).await {
        assert_eq!(response.status(), StatusCode::CREATED);
    }
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

    // A place given back is taken: once the server has seen the close, which it may
    // take a moment to, a new connection is answered.
    drop(idle.pop());
    let given_back = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let mut next = tokio::net::TcpStream::connect(app.addr).await.unwrap();
        let _ = next
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await;
        let mut answer = Vec::new();
        let _ = next.read_to_end(&mut answer).await;
        if answer.starts_with(b"HTTP/1.1 200 OK") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < given_back,
            "the place given back was not taken"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// A JPEG of `width` by `height` pixels, as a camera writes it: with an EXIF block
/// saying how to turn it (`orientation`) and a serial number.
fn camera_jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 10) as u8, (y * 10) as u8, 128])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&image)
        .unwrap();
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    exif.extend_from_slice(&orientation.to_be_bytes());
    exif.extend_from_slice(b"\0\0\0\0\0\0SERIAL-123456 GPS 48.8566N 2.3522E");
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    app1.extend_from_slice(&exif);
    jpeg.splice(2..2, app1);
    jpeg
}

/// A PNG of a few bytes that says it is `width` by `height` pixels.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut chunk = b"IHDR".to_vec();
    chunk.extend_from_slice(&width.to_be_bytes());
    chunk.extend_from_slice(&height.to_be_bytes());
    chunk.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for chunk in [
        chunk,
        b"IDAT\x78\x9c\x03\0\0\0\0\x01".to_vec(),
        b"IEND".to_vec(),
    ] {
        png.extend_from_slice(&u32::try_from(chunk.len() - 4).unwrap().to_be_bytes());
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc(&chunk).to_be_bytes());
    }
    png
}

/// Attaches an image through the compose page's upload address; the answer's JSON.
async fn attach(app: &crate::helpers::TestApp, bytes: Vec<u8>) -> (StatusCode, serde_json::Value) {
    let token = app.session_csrf().await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .part(
            "image",
            reqwest::multipart::Part::bytes(bytes).file_name("upload"),
        );
    let response = app
        .client
        .post(app.url(&format!("/editor/live/{DEMO}/images")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn an_upload_is_trusted_only_once_decoded() {
    let app = spawn_app().await;
    app.login().await;
    let mut disguised = b"\x89PNG\r\n\x1a\n".to_vec();
    disguised.extend_from_slice(b"<html><script>alert(1)</script><svg onload=alert(1)>");
    let (status, body) = attach(&app, disguised).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("does not read as the image")
    );
    let mut gif_then_html = b"GIF89a".to_vec();
    gif_then_html.extend_from_slice(b"<script>alert(1)</script>");
    assert_eq!(
        attach(&app, gif_then_html).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // A few bytes that would take gigabytes once decoded.
    let (status, body) = attach(&app, png_claiming(60_000, 60_000)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("60000 by 60000 pixels"),
        "{body}"
    );
    let media = app.data_dir.path().join("media");
    assert_eq!(
        std::fs::read_dir(&media).map_or(0, |d| d.count()),
        0,
        "nothing kept"
    );
}

#[tokio::test]
async fn a_photo_is_kept_upright_and_without_its_camera_metadata() {
    let app = spawn_app().await;
    app.login().await;
    // Taken turned: 40 by 20 as stored, to be shown 20 wide and 40 high.
    let (status, body) = attach(&app, camera_jpeg(40, 20, 6)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let url = body["url"].as_str().unwrap();
    assert!(url.ends_with("_20x40.jpg"), "turned upright: {url}");
    let kept = app.get(url).await.bytes().await.unwrap();
    let text = String::from_utf8_lossy(&kept);
    assert!(!text.contains("Exif") && !text.contains("SERIAL") && !text.contains("GPS"));
    let decoded = image::load_from_memory(&kept).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (20, 40));
}

#[tokio::test]
async fn a_wide_photo_is_offered_in_narrower_copies() {
    let app = crate::helpers::spawn_app_with(|settings| settings.max_upload_bytes = 4 << 20).await;
    app.login().await;
    let (status, body) = attach(&app, camera_jpeg(2000, 1000, 1)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let url = body["url"].as_str().unwrap().to_owned();
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "A wide photo"),
                ("body", "See above."),
                ("image_url", &url),
                ("image_alt", "The coast"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let stem = url.trim_end_matches(".jpg");
    let srcset = format!(
        "srcset=\"{stem}-480.jpg 480w, {stem}-960.jpg 960w, {stem}-1600.jpg 1600w, {url} 2000w\""
    );
    assert!(page.contains(&srcset), "{srcset}");
    assert!(page.contains("width=\"2000\" height=\"1000\""));
    for width in [480u32, 960, 1600] {
        let copy = app
            .get(&format!("{stem}-{width}.jpg"))
            .await
            .bytes()
            .await
            .unwrap();
        let decoded = image::load_from_memory(&copy).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (width, width / 2));
    }
}

#[tokio::test]
async fn uploads_nothing_uses_are_removed_after_a_day() {
    let app = spawn_app().await;
    app.login().await;
    let (_, unused) = attach(&app, camera_jpeg(30, 30, 1)).await;
    let (_, used) = attach(&app, camera_jpeg(31, 31, 1)).await;
    let (unused, used) = (
        unused["url"].as_str().unwrap(),
        used["url"].as_str().unwrap(),
    );
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "Kept"),
                ("body", "x"),
                ("image_url", used),
                ("image_alt", "A photo"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Both a couple of days old, then the server starts again and looks.
    let media = app.data_dir.path().join("media");
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 24 * 60 * 60);
    for file in std::fs::read_dir(&media).unwrap() {
        let file = std::fs::File::options()
            .write(true)
            .open(file.unwrap().path())
            .unwrap();
        file.set_modified(long_ago).unwrap();
    }
    let app = app.restart().await;
    let mut waited = 0;
    while app.get(unused).await.status() != StatusCode::NOT_FOUND && waited < 50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    assert_eq!(
        app.get(unused).await.status(),
        StatusCode::NOT_FOUND,
        "the unused one went"
    );
    assert_eq!(
        app.get(used).await.status(),
        StatusCode::OK,
        "the one an entry shows stays"
    );
}
