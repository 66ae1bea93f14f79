//! What search engines and social sites read: schema.org LiveBlogPosting JSON-LD, and
//! Open Graph and Twitter card tags, on live pages and permalinks.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{DEMO, csrf_token, spawn_app};

fn json_ld(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("the page has JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[tokio::test]
async fn pages_and_permalinks_describe_themselves() {
    let app = spawn_app().await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let ld = json_ld(&page);
    assert_eq!(ld["@type"], "LiveBlogPosting");
    assert!(ld["coverageStartTime"].is_string() && ld.get("coverageEndTime").is_none());
    let updates = ld["liveBlogUpdate"].as_array().unwrap();
    assert_eq!(updates.len(), 12, "the entries the page shows");
    for update in updates {
        for field in [
            "headline",
            "datePublished",
            "dateModified",
            "articleBody",
            "url",
        ] {
            assert!(update[field].is_string(), "{field} in {update}");
        }
    }
    assert!(
        updates
            .iter()
            .any(|u| u["author"]["name"] == "Priya Nandakumar")
    );
    for tag in [
        "og:title",
        "og:description",
        "og:url",
        "og:image",
        "twitter:card",
    ] {
        assert!(page.contains(&format!("=\"{tag}\" content=\"")), "{tag}");
    }

    let (_, permalink) = app.get_html(&format!("/live/{DEMO}/entries/4")).await;
    let ld = json_ld(&permalink);
    assert_eq!(ld["@type"], "BlogPosting");
    assert_eq!(ld["headline"], "Harbour wall overtopped at Harwick");
    assert!(
        ld["image"]
            .as_str()
            .unwrap()
            .ends_with("/static/demo-harbour.svg")
    );
    assert!(
        permalink.contains(
            "<meta property=\"og:title\" content=\"Harbour wall overtopped at Harwick\">"
        )
    );
    // Social networks show no SVG: the entry's picture is one, so they get the card,
    // a PNG of 1200 by 630 served here.
    let card = format!("{}/static/card.png", app.url("").trim_end_matches('/'));
    assert!(permalink.contains(&format!("<meta property=\"og:image\" content=\"{card}\">")));
    assert!(permalink.contains("<meta property=\"og:image:width\" content=\"1200\">"));
    assert!(permalink.contains(&format!("<meta name=\"twitter:image\" content=\"{card}\">")));
    let served = app.get("/static/card.png").await;
    assert_eq!(served.headers()["content-type"], "image/png");
    let png = served.bytes().await.unwrap();
    assert_eq!(&png[16..24], &[0, 0, 4, 176, 0, 0, 2, 118], "1200 by 630");
    // The body as plain text, without its Markdown.
    let body = ld["articleBody"].as_str().unwrap();
    assert!(body.starts_with("Waves have been breaking") && !body.contains("**"));

    // A script typed into a headline cannot close the JSON-LD element.
    app.login().await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "</script><script>alert(1)</script>"),
                ("body", "x"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(!page.contains("<script>alert(1)"));
    assert_eq!(
        json_ld(&page)["liveBlogUpdate"][0]["headline"],
        "</script><script>alert(1)</script>"
    );

    // Once the page is closed, coverage has an end.
    let (_, settings) = app.get_html(&format!("/editor/live/{DEMO}/settings")).await;
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/close"),
            &[("csrf_token", &csrf_token(&settings))],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(json_ld(&page)["coverageEndTime"].is_string());
}
