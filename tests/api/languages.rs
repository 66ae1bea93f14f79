//! Every word in the page's language: a live page in Arabic, Hindi or Chinese reads in
//! it (the catalogue's words, its dates, its plurals), and an editor reads the
//! newsroom's pages in the language chosen on their account.

use chrono::{DateTime, Utc};
use liveblog::words::Words;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::cms::{call, token};
use crate::helpers::{TestApp, csrf_token, spawn_app};

/// Opens a page in `language` and `zone` with one entry; returns the entry.
async fn page_with_an_entry(
    app: &TestApp,
    key: &str,
    slug: &str,
    language: &str,
    zone: &str,
) -> Value {
    let page = json!({ "title": "Storm", "slug": slug, "language": language, "time_zone": zone });
    let (status, _) = call(app, Method::POST, "/api/v1/live", key, Some(page)).await;
    assert_eq!(status, StatusCode::CREATED);
    let entry = json!({ "title": "Warning", "body": "Text.", "label": "breaking" });
    let path = format!("/api/v1/live/{slug}/entries");
    let (status, entry) = call(app, Method::POST, &path, key, Some(entry)).await;
    assert_eq!(status, StatusCode::CREATED);
    entry
}

fn published_at(entry: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(entry["published_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

/// The words of a reader's page that take no argument.
const READER_WORDS: [&str; 12] = [
    "skip-to-content",
    "live-badge",
    "summary",
    "latest-updates",
    "pause-live",
    "show-new-updates",
    "published-at",
    "label-breaking",
    "pages-of-updates",
    "all-updates",
    "key-events",
    "pinned",
];

#[tokio::test]
async fn an_arabic_page_has_no_english_word_left() {
    let app = spawn_app().await;
    let key = token(&app, "cms", &[]);
    let entry = page_with_an_entry(&app, &key, "storm-ar", "ar", "Asia/Riyadh").await;
    let id = entry["id"].as_i64().unwrap();
    let correction = json!({ "body": "نص مصحح.", "correction": "صححنا النص." });
    let path = format!("/api/v1/live/storm-ar/entries/{id}");
    let (status, _) = call(&app, Method::PATCH, &path, &key, Some(correction)).await;
    assert_eq!(status, StatusCode::OK);

    let (arabic, english) = (Words::of("ar"), Words::of("en-GB"));
    let (_, page) = app.get_html("/live/storm-ar").await;
    let (_, embed) = app.get_html("/live/storm-ar/embed").await;
    for key in READER_WORDS {
        let (theirs, ours) = (arabic.get(key), english.get(key));
        assert_ne!(theirs, ours, "{key} is translated");
        let html = if key == "all-updates" { &embed } else { &page };
        assert!(html.contains(&theirs), "{key}: {theirs}");
        assert!(!html.contains(&ours), "{key}: {ours} is left in English");
    }
    let when = arabic.published(published_at(&entry), chrono_tz::Asia::Riyadh);
    assert!(page.contains(&format!(">{when}</time>")), "{when}");
    assert!(page.contains(&arabic.count("corrections", 1)));
    assert!(!page.contains("1 correction"));
    // The words the page's scripts write are there for them, in Arabic.
    assert!(page.contains(r#"<script type="application/json" id="reader-words">"#));
    assert!(page.contains(&arabic.get("js-share")));
    // The permalink too.
    let (_, permalink) = app.get_html(&format!("/live/storm-ar/entries/{id}")).await;
    assert!(permalink.contains(&arabic.get("see-latest")));
    assert!(permalink.contains(&format!(">{when}</time>")));
}

#[tokio::test]
async fn hindi_and_chinese_pages_write_their_dates_in_their_language() {
    let app = spawn_app().await;
    let key = token(&app, "cms", &[]);
    for (slug, language, zone, tz, script) in [
        (
            "storm-hi",
            "hi",
            "Asia/Kolkata",
            chrono_tz::Asia::Kolkata,
            '\u{0900}'..='\u{097f}',
        ),
        (
            "storm-zh",
            "zh-Hans",
            "Asia/Shanghai",
            chrono_tz::Asia::Shanghai,
            '\u{4e00}'..='\u{9fff}',
        ),
    ] {
        let entry = page_with_an_entry(&app, &key, slug, language, zone).await;
        let words = Words::of(language);
        let when = words.published(published_at(&entry), tz);
        assert!(when.chars().any(|c| script.contains(&c)), "{when}");
        let (_, page) = app.get_html(&format!("/live/{slug}")).await;
        assert!(
            page.contains(&format!(">{when}</time>")),
            "{language}: {when}"
        );
        assert!(page.contains(&words.get("live-badge")), "{language}");
        assert!(
            page.contains(&format!("\"lang\":\"{language}\"")),
            "for Intl"
        );
    }
}

#[tokio::test]
async fn a_page_whose_language_changes_is_read_in_the_new_one() {
    let app = spawn_app().await;
    let key = token(&app, "cms", &[]);
    page_with_an_entry(&app, &key, "storm", "en-GB", "Europe/London").await;
    let (_, page) = app.get_html("/live/storm").await;
    assert!(page.contains(">Breaking</p>"));
    let change = json!({ "language": "es" });
    let (status, _) = call(
        &app,
        Method::PATCH,
        "/api/v1/live/storm",
        &key,
        Some(change),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let spanish = Words::of("es");
    let (_, page) = app.get_html("/live/storm").await;
    assert!(page.contains("<html lang=\"es\" dir=\"ltr\""));
    assert!(page.contains(&format!(">{}</p>", spanish.get("label-breaking"))));
    assert!(
        !page.contains(">Breaking</p>"),
        "the entries are rendered again"
    );
}

#[tokio::test]
async fn an_editor_reads_the_newsroom_in_the_language_they_choose() {
    let app = spawn_app().await;
    app.login().await;
    let (_, account) = app.get_html("/editor/account").await;
    assert!(account.contains("<html lang=\"en\" dir=\"ltr\""));
    let csrf = csrf_token(&account);
    let choose = |language: &'static str| {
        let csrf = csrf.clone();
        let app = &app;
        async move {
            app.post_form(
                "/editor/account/language",
                &[("csrf_token", &csrf), ("language", language)],
            )
            .await
        }
    };

    let response = choose("ar").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let arabic = Words::of("ar");
    assert_ne!(arabic.get("newsroom"), Words::of("en").get("newsroom"));
    let (_, newsroom) = app.get_html("/editor").await;
    assert!(newsroom.contains("<html lang=\"ar\" dir=\"rtl\""));
    assert!(newsroom.contains(&format!("<h1>{}</h1>", arabic.get("newsroom"))));
    assert!(newsroom.contains(&arabic.get("sign-out")));

    // Kept with the account: a new session reads Arabic too.
    let again = app.with_client(crate::helpers::new_client());
    again.login().await;
    let (_, newsroom) = again.get_html("/editor").await;
    assert!(newsroom.contains("<html lang=\"ar\" dir=\"rtl\""));

    // A language there is no catalogue for is refused, and nothing changes.
    let response = choose("tlh").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let (_, newsroom) = app.get_html("/editor").await;
    assert!(newsroom.contains("<html lang=\"ar\""));
    // The readers' page keeps its own language.
    let (_, page) = app
        .get_html(&format!("/live/{}", crate::helpers::DEMO))
        .await;
    assert!(page.contains("<html lang=\"en-GB\""));
}
