//! What a reader gets: the index, the demo page, pages of older entries, permalinks.

use reqwest::StatusCode;

use crate::helpers::{DEMO, files_below, spawn_app, spawn_app_with, stream_articles};

#[tokio::test]
async fn health_and_index_answer() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    let (status, html) = app.get_html("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/live/{DEMO}\"")));
    assert!(html.contains("LIVE"));
}

#[tokio::test]
async fn the_demo_page_has_every_part_of_a_live_page() {
    let app = spawn_app().await;
    let (status, html) = app.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(status, StatusCode::OK);
    for part in [
        "<h1>Storm Maren",
        "class=\"live-badge\"",
        "id=\"summary\"",
        "<h2 id=\"key-events-heading\">Key events</h2>",
        "<a href=\"#entry-",
        "class=\"pinned-label\"",
        "class=\"label label-breaking\">Breaking",
        "class=\"label label-analysis\">Analysis",
        "class=\"byline-role\">Environment correspondent",
        "<blockquote>",
        "<aside class=\"context\">",
        "<li>",
        "<img src=\"/static/demo-harbour.svg\" alt=\"Waves breaking",
        "Image source, Liveblog demo illustration",
        "<script type=\"module\" src=\"/static/reader.js\"></script>",
        "<script type=\"module\" src=\"/static/live.js\"></script>",
    ] {
        assert!(html.contains(part), "the demo page lacks {part:?}");
    }
    let pinned = &html[html.find("id=\"pinned\"").unwrap()..html.find("id=\"stream\"").unwrap()];
    assert!(pinned.contains("How to stay safe"));
}

/// The stream's `<time datetime>` values, in page order.
fn stream_times(html: &str) -> Vec<chrono::DateTime<chrono::FixedOffset>> {
    let stream = &html[html.find("id=\"stream\"").unwrap()..];
    stream
        .match_indices("<time datetime=\"")
        .map(|(i, m)| {
            let value = stream[i + m.len()..].split('"').next().unwrap();
            chrono::DateTime::parse_from_rfc3339(value).unwrap()
        })
        .collect()
}

#[tokio::test]
async fn entries_are_newest_first_with_newsroom_times() {
    let app = spawn_app().await;
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    let entries = stream_articles(&html);
    assert!(
        entries.len() >= 12,
        "{} entries in the stream",
        entries.len()
    );
    let times = stream_times(&html);
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "times are not newest first: {times:?}"
    );
    assert_eq!(entries.first().unwrap(), "13", "the newest entry is on top");

    // "16:16 GMT 14 March": hour, minute, zone, day, month, in the page's zone.
    let first = &html[html.find("id=\"stream\"").unwrap()..];
    let shown = first[first.find("<time").unwrap()..]
        .split('>')
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    let parts: Vec<&str> = shown.split(' ').collect();
    assert_eq!(parts.len(), 4, "{shown}");
    assert!(
        parts[0].len() == 5 && parts[0].as_bytes()[2] == b':',
        "{shown}"
    );
    assert!(["GMT", "BST"].contains(&parts[1]), "{shown}");
    assert!(parts[2].parse::<u32>().is_ok(), "{shown}");
}

#[tokio::test]
async fn older_entries_are_on_further_pages() {
    let app = spawn_app().await;
    app.login().await;
    for n in 1..=10 {
        let title = format!("Update number {n}");
        let response = app
            .publish(DEMO, &[("title", title.as_str()), ("body", "Text.")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    // 12 demo entries in the stream (one more is pinned) and 10 new ones: 22.
    let (_, first) = app.get_html(&format!("/live/{DEMO}")).await;
    let (status, second) = app.get_html(&format!("/live/{DEMO}?page=2")).await;
    assert_eq!(status, StatusCode::OK);
    let (first, second_entries) = (stream_articles(&first), stream_articles(&second));
    assert_eq!(first.len(), 20);
    assert_eq!(second_entries.len(), 2);
    assert!(
        first.iter().all(|id| !second_entries.contains(id)),
        "no entry is on two pages"
    );
    assert!(second.contains("Newer updates"));
    assert!(
        !second.contains("id=\"summary\""),
        "the summary is on the first page only"
    );
    assert!(
        !second.contains("live.js"),
        "older pages do not update themselves"
    );

    assert_eq!(
        app.get(&format!("/live/{DEMO}?page=3")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/live/{DEMO}?page=0")).await.status(),
        StatusCode::NOT_FOUND
    );
    for bad in ["abc", "-1", "99999999999999999999999999"] {
        let (status, html) = app.get_html(&format!("/live/{DEMO}?page={bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "page={bad}");
        assert!(html.contains("whole number"));
    }
}

#[tokio::test]
async fn every_entry_has_a_permalink() {
    let app = spawn_app().await;
    let (status, html) = app.get_html(&format!("/live/{DEMO}/entries/13")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<article id=\"entry-13\""));
    assert!(html.contains("<time datetime=\""));
    assert!(html.contains(&format!("href=\"/live/{DEMO}#entry-13\"")));

    for missing in [
        format!("/live/{DEMO}/entries/9999"),
        format!("/live/{DEMO}/entries/abc"),
        format!("/live/{DEMO}/entries/99999999999999999999999"),
        "/live/no-such-page".to_owned(),
        "/live/no-such-page/entries/1".to_owned(),
        "/live/no-such-page/events".to_owned(),
        "/nowhere".to_owned(),
    ] {
        let (status, html) = app.get_html(&missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert!(
            html.contains("There is no page at this address"),
            "{missing}"
        );
    }
}

#[tokio::test]
async fn an_entry_is_found_where_it_sits_in_the_stream() {
    let app = spawn_app().await;
    app.login().await;
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    let oldest = stream_articles(&html).pop().unwrap();
    let mut newest = String::new();
    for n in 1..=10 {
        newest = app.publish_titled(&format!("Later update {n}")).await;
    }
    let location = |response: reqwest::Response| {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        response.headers()["location"].to_str().unwrap().to_owned()
    };
    // The oldest demo entry in the stream has been pushed to the second page.
    assert_eq!(
        location(
            app.get(&format!("/live/{DEMO}/entries/{oldest}/in-stream"))
                .await
        ),
        format!("/live/{DEMO}?page=2#entry-{oldest}")
    );
    assert_eq!(
        location(
            app.get(&format!("/live/{DEMO}/entries/{newest}/in-stream"))
                .await
        ),
        format!("/live/{DEMO}#entry-{newest}")
    );
    // An entry that is gone sends the reader to the latest updates.
    assert_eq!(
        location(
            app.get(&format!("/live/{DEMO}/entries/9999/in-stream"))
                .await
        ),
        format!("/live/{DEMO}")
    );
    assert_eq!(
        app.get("/live/no-such-page/entries/1/in-stream")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn static_files_and_security_headers() {
    let app = spawn_app().await;
    for (path, kind) in [
        ("/static/live.js", "text/javascript"),
        ("/static/reader.js", "text/javascript"),
        ("/static/format.js", "text/javascript"),
        ("/static/style.css", "text/css"),
        ("/static/demo-harbour.svg", "image/svg+xml"),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
    }
    assert_eq!(
        app.get("/static/../Cargo.toml").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/static/nothing.js").await.status(),
        StatusCode::NOT_FOUND
    );

    let response = app.get(&format!("/live/{DEMO}")).await;
    let headers = response.headers();
    let policy = headers["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers.contains_key("referrer-policy"));
}

/// Every script in `static/` is served as JavaScript, and so is each module it imports:
/// a module the server lacks would stop the page's scripts without a word.
#[tokio::test]
async fn every_script_and_each_module_it_imports_is_served() {
    let app = spawn_app().await;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("static")
        .canonicalize()
        .unwrap();
    let scripts = files_below(&root, "js");
    assert!(scripts.len() > 10, "the scripts were read: {scripts:?}");
    for script in &scripts {
        let name = script.strip_prefix(&root).unwrap().to_str().unwrap();
        let response = app.get(&format!("/static/{name}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/javascript"),
            "{name}"
        );
        let source = std::fs::read_to_string(script).unwrap();
        for import in source.split(" from \"").skip(1) {
            let target = import.split('"').next().unwrap();
            let imported = script.parent().unwrap().join(target).canonicalize();
            assert!(
                imported.is_ok_and(|path| scripts.contains(&path)),
                "{name} imports {target}, which is no script in static/"
            );
        }
    }
}

#[tokio::test]
async fn the_first_page_is_served_compressed_and_changes_with_each_change() {
    use std::io::Read;
    let app = spawn_app().await;
    let page = format!("/live/{DEMO}");
    let fetch = |encoding: &'static str| {
        let request = app
            .client
            .get(app.url(&page))
            .header("accept-encoding", encoding);
        async move { request.send().await.unwrap() }
    };

    let plain = fetch("identity").await;
    assert_eq!(plain.status(), StatusCode::OK);
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(
        plain.headers()["cache-control"],
        "public, max-age=0, s-maxage=5"
    );
    let cdn = plain.headers()["cdn-cache-control"].to_str().unwrap();
    assert!(cdn.contains("stale-while-revalidate"), "{cdn}");
    let html = plain.text().await.unwrap();

    let gzipped = fetch("gzip").await;
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&gzipped.bytes().await.unwrap()[..])
        .read_to_string(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, html);

    let brotli = fetch("gzip, deflate, br").await;
    assert_eq!(brotli.headers()["content-encoding"], "br");
    let etag = brotli.headers()["etag"].clone();
    let mut unbrotlied = String::new();
    brotli::Decompressor::new(&brotli.bytes().await.unwrap()[..], 4096)
        .read_to_string(&mut unbrotlied)
        .unwrap();
    assert_eq!(unbrotlied, html);

    let revalidate = || {
        app.client
            .get(app.url(&page))
            .header("accept-encoding", "br")
            .header("if-none-match", etag.clone())
            .send()
    };
    assert_eq!(
        revalidate().await.unwrap().status(),
        StatusCode::NOT_MODIFIED
    );

    // A change makes a new first page at once: no reader is served the old one.
    app.login().await;
    let id = app.publish_titled("Kept pages follow every change").await;
    let after = revalidate().await.unwrap();
    assert_eq!(after.status(), StatusCode::OK);
    assert_ne!(after.headers()["etag"], etag);
    let (_, html) = app.get_html(&page).await;
    assert_eq!(stream_articles(&html)[0], id);
}

#[tokio::test]
async fn only_the_embed_view_may_be_framed_by_the_sites_named() {
    let app = spawn_app_with(|settings| {
        settings.frame_ancestors = Some("https://news.example https://partner.example".into());
        settings.secure_cookies = true;
    })
    .await;
    let policy = |response: &reqwest::Response| {
        response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let response = app.get(&format!("/live/{DEMO}/embed")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let embed = policy(&response);
    assert!(
        embed.contains("frame-ancestors https://news.example https://partner.example"),
        "{embed}"
    );
    assert!(embed.contains("script-src 'self'"), "{embed}");
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
    for path in [format!("/live/{DEMO}"), format!("/live/{DEMO}/entries/13")] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let policy = policy(&response);
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{path}: {policy}"
        );
    }
    for path in ["/login", "/", "/editor"] {
        let response = app.get(path).await;
        assert!(
            policy(&response).contains("frame-ancestors 'none'"),
            "{path}"
        );
    }

    // By default no site may frame any page, and there is no HSTS over plain HTTP.
    let plain = spawn_app().await;
    let response = plain.get(&format!("/live/{DEMO}")).await;
    assert!(policy(&response).contains("frame-ancestors 'none'"));
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
}

/// Every header of an answer but its date, in order of name.
fn headers_of(response: &reqwest::Response) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = (response.headers().iter())
        .filter(|(name, _)| *name != "date")
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect();
    headers.sort();
    headers
}

#[tokio::test]
async fn the_first_page_answered_ahead_of_the_stack_is_the_answer_the_stack_gives() {
    // Behind TLS, so that the stack's headers include Strict-Transport-Security.
    let app = spawn_app_with(|settings| settings.secure_cookies = true).await;
    let client = reqwest::Client::builder()
        .no_gzip()
        .no_brotli()
        .build()
        .unwrap();
    let path = format!("/live/{DEMO}");
    // The first ask renders and keeps the first page; from then on `/live/{slug}` is
    // answered ahead of the stack, and `?page=1`, the same bytes, through it.
    assert_eq!(app.get(&path).await.status(), StatusCode::OK);
    let etag = app.get(&path).await.headers()["etag"].clone();
    for accept in [Some("br"), Some("gzip, deflate"), Some("identity"), None] {
        for held in [None, Some(etag.clone())] {
            let ask = |url: String| {
                let mut request = client.get(url);
                if let Some(accept) = accept {
                    request = request.header("accept-encoding", accept);
                }
                if let Some(held) = &held {
                    request = request.header("if-none-match", held.clone());
                }
                request.send()
            };
            let ahead = ask(app.url(&path)).await.unwrap();
            let through = ask(app.url(&format!("{path}?page=1"))).await.unwrap();
            assert_eq!(ahead.status(), through.status(), "{accept:?} {held:?}");
            assert_eq!(
                headers_of(&ahead),
                headers_of(&through),
                "{accept:?} {held:?}"
            );
            let ahead = ahead.bytes().await.unwrap();
            assert_eq!(ahead, through.bytes().await.unwrap(), "{accept:?}");
        }
    }
    // Both are counted among the page's answers.
    let metrics = app.get("/metrics").await.text().await.unwrap();
    let counted = metrics
        .lines()
        .find_map(|line| {
            line.strip_prefix("liveblog_http_request_duration_seconds_count{")
                .filter(|rest| {
                    rest.contains(r#"route="/live/{slug}""#) && rest.contains(r#"status="200""#)
                })
        })
        .and_then(|rest| rest.rsplit(' ').next()?.parse::<u64>().ok());
    assert!(counted.is_some_and(|n| n >= 8), "{counted:?}");
}
