//! Malformed input of every kind gets a 4xx with a clear message: never a 500, never a
//! panic, and nothing changes.

use reqwest::{Method, StatusCode};

use crate::helpers::{DEMO, record, spawn_app};
use crate::json_api::new_token;

/// A request as a hostile or broken client sends it: any method, path, content type
/// and bytes.
struct Raw {
    method: Method,
    path: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    /// With the editor's session cookie and the API token.
    signed_in: bool,
    /// Words the answer must hold, where the reason is plain.
    says: Option<&'static str>,
}

impl Raw {
    fn says(self, words: &'static str) -> Raw {
        Raw {
            says: Some(words),
            ..self
        }
    }
}

fn raw(method: Method, path: &str, content_type: Option<&'static str>, body: &[u8]) -> Raw {
    Raw {
        method,
        path: path.to_owned(),
        content_type,
        body: body.to_vec(),
        signed_in: true,
        says: None,
    }
}

#[tokio::test]
async fn malformed_requests_get_a_clear_4xx_and_change_nothing() {
    let app = spawn_app().await;
    app.login().await;
    let csrf = app.session_csrf().await;
    let token = new_token(&app, "malformed");
    let seq = app.current_seq().await;
    let before = record(&app).await;

    let form = Some("application/x-www-form-urlencoded");
    let json = Some("application/json");
    let entries = format!("/editor/live/{DEMO}/entries");
    let api_entries = format!("/api/v1/live/{DEMO}/entries");
    let with_csrf = |fields: &str| format!("{fields}&csrf_token={csrf}").into_bytes();
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cut_multipart = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHalf a"
    );
    let bad_multipart = [
        format!("--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n").as_bytes(),
        &[0xff, 0xfe],
        b"\r\n--XyZ\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nb\r\n--XyZ--\r\n",
    ]
    .concat();

    let cases = vec![
        // Bad UTF-8, raw and percent-encoded, in a form.
        raw(
            Method::POST,
            &entries,
            form,
            &[b"title=".as_slice(), &[0xff, 0xfe], b"&body=x"].concat(),
        )
        .says("not UTF-8"),
        raw(
            Method::POST,
            &entries,
            form,
            &with_csrf("title=%FF%FE&body=%C3%28"),
        )
        .says("not UTF-8"),
        // The wrong content type, or none.
        raw(
            Method::POST,
            &entries,
            Some("text/plain"),
            &with_csrf("title=t&body=b"),
        ),
        raw(Method::POST, &entries, None, &with_csrf("title=t&body=b")),
        raw(
            Method::POST,
            &api_entries,
            Some("text/plain"),
            b"{\"title\":\"t\",\"body\":\"b\"}",
        ),
        raw(
            Method::POST,
            &api_entries,
            None,
            b"{\"title\":\"t\",\"body\":\"b\"}",
        ),
        // Multipart cut short, and multipart with no boundary.
        raw(
            Method::POST,
            &entries,
            Some("multipart/form-data; boundary=XyZ"),
            cut_multipart.as_bytes(),
        ),
        raw(
            Method::POST,
            &entries,
            Some("multipart/form-data; boundary=XyZ"),
            &bad_multipart,
        )
        .says("not UTF-8"),
        raw(
            Method::POST,
            &entries,
            Some("multipart/form-data"),
            b"--XyZ\r\n",
        ),
        // Broken JSON: cut short, bad UTF-8, nested beyond reason, a number too big.
        raw(Method::POST, &api_entries, json, b"{\"title\": \"t\", \"bo"),
        raw(
            Method::POST,
            &api_entries,
            json,
            &[
                b"{\"title\": \"".as_slice(),
                &[0xc3, 0x28],
                b"\", \"body\": \"b\"}",
            ]
            .concat(),
        ),
        raw(Method::POST, &api_entries, json, nested.as_bytes()),
        raw(
            Method::POST,
            &api_entries,
            json,
            b"{\"title\": \"t\", \"body\": \"b\", \"pinned\": 1e999}",
        ),
        raw(Method::POST, &api_entries, json, b""),
        raw(
            Method::PATCH,
            &format!("{api_entries}/99999999999999999999999"),
            json,
            b"{\"title\": \"t\"}",
        ),
        raw(Method::DELETE, &format!("{api_entries}/-1"), None, b""),
        // Giant and negative numbers where ids and pages go.
        raw(
            Method::GET,
            &format!("/live/{DEMO}?page=99999999999999999999"),
            None,
            b"",
        ),
        raw(Method::GET, &format!("/live/{DEMO}?page=-3"), None, b""),
        raw(
            Method::GET,
            &format!("/live/{DEMO}/entries/99999999999999999999"),
            None,
            b"",
        ),
        raw(
            Method::GET,
            &format!("/editor/live/{DEMO}/entries/18446744073709551616"),
            None,
            b"",
        ),
        raw(
            Method::POST,
            &format!("/editor/live/{DEMO}/entries/1e9/delete"),
            form,
            &with_csrf(""),
        ),
        // Climbing out of the folders.
        raw(Method::GET, "/static/..%2F..%2FCargo.toml", None, b""),
        raw(Method::GET, "/media/..%2F..%2F..%2Fetc%2Fpasswd", None, b""),
        raw(Method::GET, "/media/../../liveblog.db", None, b""),
        raw(Method::GET, "/live/..%2F..%2Fetc/events", None, b""),
        // Pages and entries that do not exist, on every kind of route.
        raw(Method::GET, "/live/no-such-page", None, b""),
        raw(Method::GET, "/live/no-such-page/feed.atom", None, b""),
        raw(Method::GET, "/api/v1/live/no-such-page", None, b""),
        raw(
            Method::POST,
            "/api/v1/live/no-such-page/entries",
            json,
            b"{\"title\":\"t\",\"body\":\"b\"}",
        ),
        raw(Method::GET, "/editor/live/no-such-page", None, b""),
        raw(
            Method::POST,
            "/editor/live/no-such-page/entries",
            form,
            &with_csrf("title=t&body=b"),
        ),
        raw(
            Method::POST,
            "/editor/live/no-such-page/close",
            form,
            &with_csrf(""),
        ),
        raw(
            Method::GET,
            &format!("/editor/live/{DEMO}/entries/424242"),
            None,
            b"",
        ),
        raw(
            Method::POST,
            &format!("/editor/live/{DEMO}/entries/424242"),
            form,
            &with_csrf("title=t&body=b"),
        ),
        // Methods a route does not take.
        raw(Method::PUT, &format!("/live/{DEMO}"), None, b""),
        raw(Method::DELETE, "/login", None, b""),
        raw(Method::PUT, &api_entries, json, b"{}"),
    ];

    for case in cases {
        let mut request = app
            .client
            .request(case.method.clone(), app.url(&case.path))
            .body(case.body.clone());
        if let Some(kind) = case.content_type {
            request = request.header("content-type", kind);
        }
        if case.signed_in && case.path.starts_with("/api/") {
            request = request.bearer_auth(&token);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let what = format!("{} {} ({:?})", case.method, case.path, case.content_type);
        assert!(status.is_client_error(), "{what}: {status}\n{text}");
        assert!(!text.trim().is_empty(), "{what}: {status} says why");
        if let Some(words) = case.says {
            assert!(text.contains(words), "{what}: says {words:?}: {text}");
        }
        if status == StatusCode::METHOD_NOT_ALLOWED {
            assert!(headers.contains_key("allow"), "{what}: says which methods");
        }
        if case.path.starts_with("/api/") {
            let error: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|_| panic!("{what}: the API answers JSON: {text}"));
            assert!(
                error["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{what}: {text}"
            );
        }
    }

    // A request head beyond the limit is refused with 431, and the server carries on.
    let padding = "p".repeat(liveblog::config::DEFAULT_MAX_HEADER_BYTES + 1);
    let response = app
        .client
        .get(app.url("/"))
        .header("x-padding", padding)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
    );
    let under = "p".repeat(liveblog::config::DEFAULT_MAX_HEADER_BYTES / 2);
    let response = app
        .client
        .get(app.url("/"))
        .header("x-padding", under)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "a large head within the limit"
    );

    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    assert_eq!(app.current_seq().await, seq, "nothing changed");
    assert_eq!(record(&app).await, before, "nothing in the store changed");
}
