//! Galleries: pictures after an entry's text, in the editor's order, each with its alt
//! text, caption and credit, through the form and the API; a picture without alt text
//! is refused by its place, the rest of the form kept.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{DEMO, spawn_app};
use crate::json_api::{call, new_token};

#[tokio::test]
async fn a_gallery_keeps_its_order_alt_texts_and_credits() {
    let app = spawn_app().await;
    app.login().await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "The harbour in three pictures"),
                ("body", "From dawn to the first ferry."),
                ("gallery_1_url", "/static/demo-harbour.svg"),
                ("gallery_1_alt", "The harbour wall at dawn"),
                ("gallery_1_credit", "Sam Lee"),
                ("gallery_2_url", ""),
                ("gallery_3_url", "https://images.example/quay.jpg"),
                ("gallery_3_alt", "The quay under water"),
                ("gallery_3_caption", "Water over the quay at 08:10"),
                ("gallery_4_url", "https://images.example/ferry.png"),
                ("gallery_4_alt", "The first ferry leaving"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&format!("/live/{DEMO}")).await;
    let start = html.find("<section class=\"gallery\"").expect("a gallery");
    let gallery = &html[start..start + html[start..].find("</section>").unwrap()];
    let alts: Vec<&str> = gallery
        .split("alt=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert_eq!(
        alts,
        [
            "The harbour wall at dawn",
            "The quay under water",
            "The first ferry leaving"
        ],
        "in order, the empty row left out"
    );
    assert!(gallery.contains("aria-label=\"2 of 3\""));
    assert!(gallery.contains("Water over the quay at 08:10") && gallery.contains("Sam Lee"));

    let response = app
        .publish(
            DEMO,
            &[
                ("title", "A picture without words"),
                ("body", "Kept."),
                ("gallery_1_url", "/static/demo-harbour.svg"),
                ("gallery_1_alt", "Described"),
                ("gallery_2_url", "/static/demo-harbour.svg"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = response.text().await.unwrap();
    assert!(refused.contains("Picture 2: Describe it for readers who cannot see it."));
    assert!(
        refused.contains("name=\"gallery_1_alt\" value=\"Described\""),
        "the rows kept"
    );
}

#[tokio::test]
async fn the_api_takes_a_gallery_and_a_correction_changes_it() {
    let app = spawn_app().await;
    let token = new_token(&app, "wire-feed");
    let entries = format!("/api/v1/live/{DEMO}/entries");
    let picture = |n: u32| json!({"url": format!("https://images.example/{n}.jpg"), "alt": format!("Picture {n}")});
    let (status, created) = call(
        &app,
        reqwest::Method::POST,
        &entries,
        Some(&token),
        Some(json!({"title": "Pictures", "body": "Text.", "gallery": [picture(1), picture(2)]})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["gallery"][1]["alt"], "Picture 2");
    let id = created["id"].as_i64().unwrap();
    let (status, changed) = call(
        &app,
        reqwest::Method::PATCH,
        &format!("{entries}/{id}"),
        Some(&token),
        Some(json!({"gallery": [picture(2)]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["gallery"].as_array().unwrap().len(), 1);
    assert!(!changed["html"].as_str().unwrap().contains("1.jpg"));
}
