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

#[tokio::test]
async fn an_uploaded_picture_is_offered_to_social_networks_as_a_card_of_their_size() {
    let app = spawn_app().await;
    app.login().await;
    let mut png = Vec::new();
    image::DynamicImage::new_rgb8(1600, 500)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", app.session_csrf().await)
        .part(
            "image",
            reqwest::multipart::Part::bytes(png).file_name("wide.png"),
        );
    let kept: Value = app
        .client
        .post(app.url(&format!("/editor/live/{DEMO}/images")))
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let url = kept["url"].as_str().unwrap();
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "A wide view of the bay"),
                ("body", "B"),
                ("image_url", url),
                ("image_alt", "The bay"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let at = page.find(">A wide view of the bay</a>").unwrap();
    let id: String = page[page[..at].rfind("entries/").unwrap() + 8..at]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let (_, permalink) = app.get_html(&format!("/live/{DEMO}/entries/{id}")).await;
    let card = url.replace(".jpg", "-card.jpg");
    let absolute = format!("{}{card}", app.url("").trim_end_matches('/'));
    assert!(
        permalink.contains(&format!(
            "<meta property=\"og:image\" content=\"{absolute}\">"
        )),
        "{card}"
    );
    assert!(permalink.contains("<meta property=\"og:image:height\" content=\"630\">"));
    // Cut the first time it is asked for, kept after.
    for _ in 0..2 {
        let served = app.get(&card).await;
        assert_eq!(served.status(), StatusCode::OK);
        assert_eq!(served.headers()["content-type"], "image/jpeg");
        let cut = image::load_from_memory(&served.bytes().await.unwrap()).unwrap();
        assert_eq!((cut.width(), cut.height()), (1200, 630));
    }
    assert_eq!(
        app.get(&card.replace("-card", "-cards")).await.status(),
        StatusCode::NOT_FOUND
    );
}
