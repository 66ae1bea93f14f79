//! Access: every editor and API route, tried by everyone who should not get through:
//! nobody signed in, a session gone stale, a forged or missing CSRF token, a role
//! without the right, a revoked or made-up API token. Each is refused for its own
//! reason, and nothing in the record changes. A census of the routes the source
//! declares keeps the matrix whole: a route that is neither tried here nor named as
//! open to anyone fails it.

use chrono::{Duration, Utc};
use reqwest::header::{AUTHORIZATION, LOCATION};
use reqwest::{Method, StatusCode};
use sqlx::{Connection, Row};

use crate::commands::{liveblog, stdout};
use crate::helpers::{
    DEMO, TestApp, csrf_token, files_below, new_client, open_store, person, record, spawn_app,
};
use crate::json_api::new_token;
use crate::uploads::{PNG, upload};

/// Who may use a route, at the least.
#[derive(Clone, Copy, PartialEq)]
enum Least {
    /// Anyone signed in.
    SignedIn,
    /// Editors and admins.
    Publisher,
    /// Admins.
    Admin,
    /// The draft's author.
    Author,
}

struct Route {
    method: Method,
    path: String,
    /// The fields a real request would send, the CSRF token aside.
    fields: Vec<(&'static str, &'static str)>,
    least: Least,
}

fn get(path: String, least: Least) -> Route {
    Route {
        method: Method::GET,
        path,
        fields: Vec::new(),
        least,
    }
}

fn post(path: String, fields: &[(&'static str, &'static str)], least: Least) -> Route {
    Route {
        method: Method::POST,
        path,
        fields: fields.to_vec(),
        least,
    }
}

/// Every editor route, with a request that would succeed for the right person.
fn editor_routes(entry: &str, draft: &str) -> Vec<Route> {
    use Least::*;
    let page = format!("/editor/live/{DEMO}");
    let entry_fields = &[("title", "Let in"), ("body", "Should not be here.")];
    let snippet_fields = &[("name", "Let in"), ("body", "Should not be here.")];
    let label_fields = &[("key", "let-in"), ("name_en", "Let in")];
    let blog_fields = &[
        ("title", "A page nobody may make"),
        ("slug", "intruder"),
        ("description", "x"),
        ("summary", ""),
        ("time_zone", "Europe/London"),
        ("reading_order", "newest"),
    ];
    vec![
        get("/editor".into(), SignedIn),
        get("/editor/account".into(), SignedIn),
        get("/editor/alerts".into(), SignedIn),
        get(page.clone(), SignedIn),
        get("/editor/live/new".into(), Admin),
        get(format!("{page}/settings"), Admin),
        get("/editor/people".into(), Admin),
        get("/editor/webhooks".into(), Admin),
        get("/editor/snippets".into(), Publisher),
        get("/editor/labels".into(), Publisher),
        get("/editor/profiles".into(), Publisher),
        get(format!("{page}/drafts/{draft}"), Author),
        get(format!("{page}/entries/{entry}"), Publisher),
        get(format!("{page}/entries/{entry}/delete"), Publisher),
        get(format!("{page}/entries/{entry}/history"), Publisher),
        get(format!("{page}/entries/{entry}?inline=1"), Publisher),
        get(format!("{page}/desk"), SignedIn),
        post("/editor/live".into(), blog_fields, Admin),
        post(format!("{page}/settings"), blog_fields, Admin),
        post(format!("{page}/close"), &[], Admin),
        post(format!("{page}/reopen"), &[], Admin),
        post(
            "/editor/people".into(),
            &[
                ("username", "mallory"),
                ("role", "admin"),
                ("password", "a long enough password"),
            ],
            Admin,
        ),
        post("/editor/people/pat/remove".into(), &[], Admin),
        post(
            "/editor/webhooks".into(),
            &[("url", "https://example.org/hook"), ("page", "")],
            Admin,
        ),
        post("/editor/webhooks/1/remove".into(), &[], Admin),
        post("/editor/snippets".into(), snippet_fields, Publisher),
        post("/editor/snippets/1".into(), snippet_fields, Publisher),
        post("/editor/snippets/1/delete".into(), &[], Publisher),
        post("/editor/labels".into(), label_fields, Publisher),
        post("/editor/labels/watch".into(), label_fields, Publisher),
        post("/editor/labels/watch/delete".into(), &[], Publisher),
        post("/editor/profiles".into(), &[("name", "Let in")], Publisher),
        post(
            "/editor/profiles/1".into(),
            &[("name", "Let in")],
            Publisher,
        ),
        post("/editor/profiles/1/delete".into(), &[], Publisher),
        post(
            format!("{page}/entries"),
            &[("title", "Let in"), ("body", "x"), ("action", "publish")],
            Publisher,
        ),
        post(
            format!("{page}/drafts/{draft}"),
            &[("title", "Let in"), ("body", "x"), ("action", "publish")],
            Author,
        ),
        post(format!("{page}/entries/{entry}"), entry_fields, Publisher),
        post(format!("{page}/entries/{entry}/delete"), &[], Publisher),
        post(format!("{page}/entries/{entry}/restore"), &[], Publisher),
        post(
            format!("{page}/entries/{entry}/pin"),
            &[("pinned", "true")],
            Publisher,
        ),
        post(
            format!("{page}/entries/{entry}/key-event"),
            &[("key_event", "true")],
            Publisher,
        ),
        post(format!("{page}/entries/{entry}/close-poll"), &[], Publisher),
        get(format!("{page}/callout"), Publisher),
        post(
            format!("{page}/callout"),
            &[
                ("callout_kind", "questions"),
                ("callout_prompt", "Ask us"),
                ("action", "open"),
            ],
            Publisher,
        ),
        get(format!("{page}/contributions/1"), Publisher),
        post(
            format!("{page}/contributions/1/publish"),
            &[("title", "Answered"), ("answer", "Yes.")],
            Publisher,
        ),
        post(format!("{page}/contributions/1/discard"), &[], Publisher),
        post(
            format!("{page}/entries/{entry}?inline=1"),
            entry_fields,
            Publisher,
        ),
        post(format!("{page}/drafts/{draft}/unschedule"), &[], Publisher),
        post(format!("{page}/preview"), entry_fields, SignedIn),
        post(format!("{page}/images"), &[], SignedIn),
        post(format!("{page}/clips"), &[], SignedIn),
        post(
            "/editor/account".into(),
            &[
                ("current_password", "correct horse battery staple"),
                ("new_password", "a password chosen by someone else"),
            ],
            SignedIn,
        ),
        post(
            "/editor/account/language".into(),
            &[("language", "es")],
            SignedIn,
        ),
    ]
}

/// Every API route that changes the record, which only a token opens.
fn api_write_routes(entry: &str) -> Vec<(Method, String)> {
    let api = format!("/api/v1/live/{DEMO}/entries");
    vec![
        (Method::POST, api.clone()),
        (Method::PATCH, format!("{api}/{entry}")),
        (Method::DELETE, format!("{api}/{entry}")),
    ]
}

/// Every API route that opens or changes a live page, or keeps an image, which only a
/// token opens: tried in a test of their own, so that its unknown tokens do not run
/// into the limit per address.
fn api_page_routes() -> Vec<(Method, String)> {
    let page = format!("/api/v1/live/{DEMO}");
    vec![
        (Method::POST, "/api/v1/images".to_owned()),
        (Method::POST, "/api/v1/clips".to_owned()),
        (Method::POST, "/api/v1/captions".to_owned()),
        (Method::POST, "/api/v1/live".to_owned()),
        (Method::PATCH, page.clone()),
        (Method::POST, format!("{page}/close")),
        (Method::POST, format!("{page}/reopen")),
    ]
}

/// The routes anyone may use, each with why: everything else is in the matrices above.
const OPEN_ROUTES: &[(&str, &str, &str)] = &[
    ("GET", "/", "the list of live pages"),
    ("GET", "/live/{slug}", "a live page"),
    ("GET", "/live/{slug}/entries/{id}", "an entry's own page"),
    (
        "GET",
        "/live/{slug}/entries/{id}/in-stream",
        "an entry in the stream",
    ),
    ("GET", "/live/{slug}/feed.atom", "the feed"),
    (
        "POST",
        "/live/{slug}/entries/{id}/vote",
        "a reader's vote (once per browser, limited per address: tested in polls)",
    ),
    (
        "GET",
        "/live/{slug}/entries/{id}/poll",
        "a poll's counts, for a reader without script",
    ),
    (
        "POST",
        "/live/{slug}/entries/{id}/shared",
        "a share counted for the desk's figures (an addition in memory)",
    ),
    (
        "GET",
        "/push-worker.js",
        "the service worker that shows key events",
    ),
    ("GET", "/push/key", "the server's public key for Web Push"),
    (
        "POST",
        "/live/{slug}/push",
        "a browser's subscription to key events (JSON; limited per address: tested in push)",
    ),
    (
        "POST",
        "/live/{slug}/push/off",
        "a browser's subscription turned off",
    ),
    (
        "POST",
        "/live/{slug}/contributions",
        "a reader's message to the callout (limited per address: tested in callout)",
    ),
    ("GET", "/live/{slug}/events", "the live stream"),
    (
        "GET",
        "/live/{slug}/embed",
        "a live page for another site's frame",
    ),
    ("GET", "/oembed", "a live page as oEmbed"),
    ("GET", "/static/{*file}", "styles and scripts"),
    ("GET", "/media/{file}", "published images"),
    ("GET", "/login", "the sign-in form"),
    (
        "POST",
        "/login",
        "signing in (throttled, tested in auth and hardening)",
    ),
    (
        "POST",
        "/logout",
        "signing out (its CSRF check is tried above)",
    ),
    ("GET", "/healthz", "the health check"),
    ("GET", "/metrics", "the metrics"),
    ("GET", "/api/v1/openapi.json", "the API's description"),
    ("GET", "/api/v1/live", "the list of live pages, as data"),
    ("GET", "/api/v1/live/{slug}", "a live page, as data"),
    (
        "GET",
        "/api/v1/live/{slug}/entries/{id}",
        "an entry, as data",
    ),
];

/// Where each file that declares routes is mounted. A new file with routes must be
/// added here, which brings its routes into the census below.
const MOUNTED_AT: &[(&str, &str)] = &[
    ("src/web/mod.rs", ""),
    ("src/web/reader.rs", ""),
    ("src/web/embed.rs", ""),
    ("src/web/events.rs", ""),
    ("src/web/feed.rs", ""),
    ("src/web/polls.rs", ""),
    ("src/web/callout.rs", ""),
    ("src/web/push.rs", ""),
    ("src/web/compose/contributions.rs", "/editor"),
    ("src/web/auth.rs", ""),
    ("src/web/assets.rs", ""),
    ("src/web/api/mod.rs", ""),
    ("src/web/editor.rs", "/editor"),
    ("src/web/people.rs", "/editor"),
    ("src/web/webhooks.rs", "/editor"),
    ("src/web/snippets.rs", "/editor"),
    ("src/web/labels.rs", "/editor"),
    ("src/web/profiles.rs", "/editor"),
    ("src/web/compose/mod.rs", "/editor"),
    ("src/web/compose/corrections.rs", "/editor"),
];

/// Every `(method, path)` the server's source declares with `.route(...)`, read from
/// the source itself so that a route added there cannot be missed here. A route's path
/// is a string or a `&str` constant; its methods are the `get`, `post`, `patch`, `put`
/// and `delete` calls inside the `.route(...)`.
fn declared_routes() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources: Vec<(String, String)> = files_below(&root.join("src"), "rs")
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    let constant = |name: &str| -> String {
        let declared = format!("const {name}: &str = \"");
        let source = sources
            .iter()
            .find_map(|(_, s)| s.split_once(&declared).map(|(_, rest)| rest))
            .unwrap_or_else(|| panic!("no &str constant {name} in src"));
        source.split('"').next().unwrap().to_owned()
    };
    let mut routes = Vec::new();
    for (file, source) in &sources {
        let calls: Vec<&str> = source.split(".route(").skip(1).collect();
        if calls.is_empty() {
            continue;
        }
        let prefix = MOUNTED_AT
            .iter()
            .find(|(f, _)| f == file)
            .unwrap_or_else(|| panic!("{file} declares routes: say where it is mounted"))
            .1;
        for call in calls {
            let arguments = within_parentheses(call);
            let (first, handlers) = arguments.split_once(',').unwrap();
            let first = first.trim();
            let path = match first.strip_prefix('"') {
                Some(literal) => literal.trim_end_matches('"').to_owned(),
                None => constant(first),
            };
            let path = match (prefix, path.as_str()) {
                ("", _) => path,
                (prefix, "/") => prefix.to_owned(),
                (prefix, _) => format!("{prefix}{path}"),
            };
            for method in ["get", "post", "patch", "put", "delete"] {
                let called = handlers
                    .match_indices(&format!("{method}("))
                    .any(|(at, _)| {
                        let before = handlers[..at].chars().next_back();
                        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    });
                if called {
                    routes.push((method.to_uppercase(), path.clone()));
                }
            }
        }
    }
    routes.sort();
    routes.dedup();
    routes
}

/// The text up to the parenthesis that closes the one just opened.
fn within_parentheses(text: &str) -> &str {
    let mut depth = 1;
    let mut in_string = false;
    for (at, c) in text.char_indices() {
        match c {
            '"' => in_string = !in_string,
            '(' if !in_string => depth += 1,
            ')' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return &text[..at];
                }
            }
            _ => {}
        }
    }
    panic!("unclosed .route(")
}

/// Whether a concrete path is one `pattern` (`/live/{slug}`) serves, and how closely:
/// the number of fixed segments, as the router prefers the most fixed.
fn fixed_segments_matching(pattern: &str, path: &str) -> Option<usize> {
    let path = path.split('?').next().unwrap();
    let pattern: Vec<&str> = pattern.split('/').collect();
    let path: Vec<&str> = path.split('/').collect();
    if pattern.len() != path.len() {
        return None;
    }
    let mut fixed = 0;
    for (want, got) in pattern.iter().zip(&path) {
        if want.starts_with('{') {
            continue;
        }
        if want != got {
            return None;
        }
        fixed += 1;
    }
    Some(fixed)
}

#[test]
fn every_route_the_server_declares_is_in_the_access_matrix_or_open_by_name() {
    let declared = declared_routes();
    assert!(
        declared.len() > 30,
        "the census read the routes: {declared:?}"
    );
    let mut tried: Vec<(String, String)> = editor_routes("1", "1")
        .into_iter()
        .map(|r| (r.method.to_string(), r.path))
        .collect();
    tried.extend(
        api_write_routes("1")
            .into_iter()
            .chain(api_page_routes())
            .map(|(m, p)| (m.to_string(), p)),
    );

    let mut covered = std::collections::BTreeSet::new();
    for (method, path) in &tried {
        let best = declared
            .iter()
            .filter(|(m, _)| m == method)
            .filter_map(|route| Some((fixed_segments_matching(&route.1, path)?, route)))
            .max_by_key(|(fixed, _)| *fixed);
        let (_, route) =
            best.unwrap_or_else(|| panic!("{method} {path} is tried but no longer served"));
        covered.insert(route.clone());
    }
    for (method, path, _) in OPEN_ROUTES {
        let route = (method.to_string(), path.to_string());
        assert!(
            declared.contains(&route),
            "{method} {path} is listed as open but not served"
        );
        assert!(
            !covered.contains(&route),
            "{method} {path} is both tried and open"
        );
        covered.insert(route);
    }
    let missing: Vec<_> = declared.iter().filter(|r| !covered.contains(*r)).collect();
    assert!(
        missing.is_empty(),
        "routes nobody tries to get into: add each to editor_routes or api_write_routes \
         (or, if anyone may use it, to OPEN_ROUTES): {missing:?}"
    );
}

/// A person's session row as the store keeps it: (token hash, user, CSRF token, created).
async fn session_row(app: &TestApp, user: &str) -> (String, String, String, String) {
    let mut db = open_store(app).await;
    let row = sqlx::query(
        "SELECT token_hash, user_name, csrf_token, created_at FROM sessions WHERE user_name = ?",
    )
    .bind(user)
    .fetch_one(&mut db)
    .await
    .unwrap();
    (row.get(0), row.get(1), row.get(2), row.get(3))
}

/// Puts the session back, last seen 13 hours ago: past the 12-hour idle limit.
async fn make_stale(app: &TestApp, session: &(String, String, String, String)) {
    let long_ago =
        (Utc::now() - Duration::hours(13)).to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let mut db = open_store(app).await;
    sqlx::query(
        "INSERT OR REPLACE INTO sessions (token_hash, user_name, csrf_token, created_at, last_seen) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&session.0)
    .bind(&session.1)
    .bind(&session.2)
    .bind(&session.3)
    .bind(long_ago)
    .execute(&mut db)
    .await
    .unwrap();
    db.close().await.unwrap();
}

async fn session_row_gone(app: &TestApp, session: &(String, String, String, String)) -> bool {
    let mut db = open_store(app).await;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = ?")
        .bind(&session.0)
        .fetch_one(&mut db)
        .await
        .unwrap();
    db.close().await.unwrap();
    count == 0
}

/// The CSRF token of a signed-in person's session.
async fn session_csrf(person: &TestApp) -> String {
    let (status, html) = person.get_html("/editor/account").await;
    assert_eq!(status, StatusCode::OK);
    csrf_token(&html)
}

async fn send(app: &TestApp, route: &Route, csrf: Option<&str>) -> reqwest::Response {
    let mut fields: Vec<(&str, &str)> = route.fields.clone();
    if let Some(token) = csrf {
        fields.push(("csrf_token", token));
    }
    let mut request = app
        .client
        .request(route.method.clone(), app.url(&route.path));
    if route.method == Method::POST {
        request = request.form(&fields);
    }
    request.send().await.unwrap()
}

fn is_sign_in(response: &reqwest::Response) -> bool {
    response.status() == StatusCode::SEE_OTHER
        && response.headers()[LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/login")
}

#[tokio::test]
async fn every_editor_and_api_route_refuses_whoever_may_not_use_it() {
    let app = spawn_app().await;
    app.login().await;
    let editor = person(&app, "ed", "editor").await;
    let contributor = person(&app, "pat", "contributor").await;
    let stale = person(&app, "sleepy", "admin").await;
    let entry = app.publish_titled("Held by the newsroom").await;
    // A draft of the admin's own, not submitted: nobody else's to open.
    let draft = {
        let path = app
            .save_draft(&[("title", "Unfinished"), ("body", "x")])
            .await;
        path.rsplit('/').next().unwrap().to_owned()
    };
    let token = new_token(&app, "automation");
    let revoked = new_token(&app, "retired");
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    stdout(&liveblog(
        &["token", "revoke", "retired", "--data-dir", &dir],
        "",
    ));
    // Sleepy's session, to be made stale again before each attempt: the server ends a
    // stale session the first time it sees it.
    let sleepy_session = session_row(&app, "sleepy").await;
    let admin_csrf = app.session_csrf().await;
    let editor_csrf = session_csrf(&editor).await;
    let contributor_csrf = session_csrf(&contributor).await;
    let before = record(&app).await;
    let routes = editor_routes(&entry, &draft);
    let nobody = app.with_client(new_client());
    let mut tried = 0;

    for route in &routes {
        let what = format!("{} {}", route.method, route.path);

        // Nobody signed in, with or without a token that looks right.
        let response = send(&nobody, route, Some(&admin_csrf)).await;
        assert!(
            is_sign_in(&response),
            "{what}, signed out: {}",
            response.status()
        );
        // A session past its idle limit counts as none, and ends.
        make_stale(&app, &sleepy_session).await;
        let response = send(&stale, route, Some(&admin_csrf)).await;
        assert!(
            is_sign_in(&response),
            "{what}, stale session: {}",
            response.status()
        );
        assert!(
            session_row_gone(&app, &sleepy_session).await,
            "{what}: the stale session ended"
        );
        tried += 2;

        if route.method == Method::POST {
            // Signed in as an admin, but the form did not come from this session.
            for forged in [
                None,
                Some(""),
                Some("0".repeat(64).as_str()),
                Some(&editor_csrf),
            ] {
                let response = send(&app, route, forged).await;
                assert_eq!(
                    response.status(),
                    StatusCode::FORBIDDEN,
                    "{what}, CSRF token {forged:?}"
                );
                tried += 1;
            }
        }

        // Someone signed in whose role does not reach.
        let mut outsiders = Vec::new();
        match route.least {
            Least::Admin => {
                outsiders.push((&editor, &editor_csrf));
                outsiders.push((&contributor, &contributor_csrf));
            }
            Least::Publisher | Least::Author => {
                outsiders.push((&contributor, &contributor_csrf));
            }
            Least::SignedIn => {}
        }
        if route.least == Least::Author {
            outsiders.push((&editor, &editor_csrf));
        }
        for (who, csrf) in outsiders {
            let response = send(who, route, Some(csrf)).await;
            let status = response.status();
            let refused = if route.least == Least::Author {
                status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN
            } else {
                status == StatusCode::FORBIDDEN
            };
            assert!(refused, "{what}, as another role: {status}");
            tried += 1;
        }
    }

    // The API: no token, a made-up one, a revoked one, the wrong scheme, or only an
    // editor's session cookie.
    let body = serde_json::json!({ "title": "Let in", "body": "x" });
    for (method, path) in api_write_routes(&entry) {
        for authorization in [
            None,
            Some(format!("Bearer {}", "a".repeat(43))),
            Some(format!("Bearer {revoked}")),
            Some("Bearer ".to_owned()),
            Some(format!("Basic {token}")),
            Some(format!("Bearer {token}x")),
        ] {
            let mut request = nobody.client.request(method.clone(), app.url(&path));
            if method != Method::DELETE {
                request = request.json(&body);
            }
            if let Some(value) = &authorization {
                request = request.header(AUTHORIZATION, value);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{method} {path} with {authorization:?}"
            );
            tried += 1;
        }
        // A signed-in editor's browser is not an API client.
        let response = app
            .client
            .request(method.clone(), app.url(&path))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path} by cookie"
        );
        tried += 1;
    }

    // Signing out takes the session's own token too.
    let response = app
        .post_form("/logout", &[("csrf_token", &editor_csrf)])
        .await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "a forged sign-out"
    );
    assert_eq!(
        app.get("/editor").await.status(),
        StatusCode::OK,
        "still signed in"
    );

    // A contributor who presses Publish with an image attached: refused before the
    // image is kept, so nothing is served from it either.
    let response = upload(
        &contributor,
        &[("title", "Let in"), ("body", "x"), ("action", "publish")],
        "pixel.png",
        PNG.to_vec(),
    )
    .await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "publishing with an image"
    );
    let media = app.data_dir.path().join("media");
    let kept = std::fs::read_dir(&media).map_or(0, |files| files.count());
    assert_eq!(kept, 0, "no image was kept in {}", media.display());

    assert_eq!(
        record(&app).await,
        before,
        "nothing changed after {tried} attempts"
    );

    // The same requests do go through for the right person, so the refusals above were
    // for who sent them, not for what they sent.
    let close = routes.iter().find(|r| r.path.ends_with("/close")).unwrap();
    let response = send(&app, close, Some(&admin_csrf)).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the admin closes the page"
    );
    let reopen = routes.iter().find(|r| r.path.ends_with("/reopen")).unwrap();
    assert_eq!(
        send(&app, reopen, Some(&admin_csrf)).await.status(),
        StatusCode::SEE_OTHER
    );
    let add = routes
        .iter()
        .find(|r| r.path == "/editor/people" && r.method == Method::POST)
        .unwrap();
    assert_eq!(
        send(&app, add, Some(&admin_csrf)).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_ne!(record(&app).await, before);
}

#[tokio::test]
async fn page_routes_of_the_api_refuse_anyone_without_a_token() {
    let app = spawn_app().await;
    app.login().await;
    let revoked = new_token(&app, "retired");
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    stdout(&liveblog(
        &["token", "revoke", "retired", "--data-dir", &dir],
        "",
    ));
    let before = record(&app).await;
    let body = serde_json::json!({ "title": "Taken over", "slug": "taken-over" });
    let mut tried = 0;
    for (method, path) in api_page_routes() {
        for authorization in [
            None,
            Some(format!("Bearer {}", "a".repeat(43))),
            Some(format!("Bearer {revoked}")),
        ] {
            let mut request = app
                .client
                .request(method.clone(), app.url(&path))
                .json(&body);
            if let Some(value) = &authorization {
                request = request.header(AUTHORIZATION, value);
            }
            let response = request.send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{method} {path} with {authorization:?}, and a signed-in admin's cookie"
            );
            tried += 1;
        }
    }
    assert_eq!(
        record(&app).await,
        before,
        "nothing changed after {tried} attempts"
    );
}
