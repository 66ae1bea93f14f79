//! Image uploads in the entry form: recognised by their bytes, kept by content hash,
//! served with long cache lifetimes; a wrong or oversized file is named and the rest of
//! the form kept.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::helpers::{DEMO, TestApp, spawn_app};

/// A 1x1 PNG.
pub const PNG: &[u8] = b"\x89PNG\x0d\x0a\x1a\x0a\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0dIDATx\xdac\xfc\xcf\xc0P\x0f\x00\x04\x85\x01\x80\x84\xa9\x8c!\x00\x00\x00\x00IEND\xaeB`\x82";

pub async fn upload(
    app: &TestApp,
    fields: &[(&str, &str)],
    file_name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let token = app.session_csrf().await;
    let mut form = Form::new().text("csrf_token", token);
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    form = form.part("image", Part::bytes(bytes).file_name(file_name.to_owned()));
    app.client
        .post(app.url(&format!("/editor/live/{DEMO}/entries")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_uploaded_image_is_kept_and_served() {
    let app = spawn_app().await;
    app.login().await;
    let fields = [
        ("title", "A picture"),
        ("body", "See above."),
        ("image_alt", "A single pixel"),
        ("image_credit", "Desk"),
    ];
    let response = upload(&app, &fields, "pixel.bin", PNG.to_vec()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let at = page
        .find("<img src=\"/media/")
        .expect("the entry shows the image");
    let src = page[at + 10..].split('"').next().unwrap().to_owned();
    assert!(
        src.ends_with("_1x1.png") && src.len() == "/media/".len() + 64 + "_1x1.png".len(),
        "{src}"
    );
    let response = app.get(&src).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let kept = response.bytes().await.unwrap();
    assert!(kept.starts_with(b"\x89PNG"), "kept as a PNG, drawn again");
    assert_eq!(
        app.get("/media/..%2Fliveblog.db").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_wrong_or_oversized_file_is_named_and_the_form_kept() {
    let app = spawn_app().await;
    app.login().await;
    let seq = app.current_seq().await;
    let fields = [
        ("title", "Keep this headline"),
        ("body", "Keep this text."),
        ("image_alt", "Alt"),
    ];

    let response = upload(
        &app,
        &fields,
        "innocent.png",
        b"<svg onload=alert(1)>".to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"image-error\">The file is not a JPEG, PNG, WebP or GIF image."));
    assert!(
        html.contains("value=\"Keep this headline\"")
            && html.contains(">Keep this text.</textarea>")
    );

    // Over the limit set for the test server (64 KiB) but within what a form may carry.
    let mut big = PNG.to_vec();
    big.resize(100 * 1024, 0);
    let response = upload(&app, &fields, "big.png", big).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("the limit is 65536 bytes") && html.contains("value=\"Keep this headline\"")
    );

    // An image without alt text: refused, and the uploaded image is not lost.
    let response = upload(
        &app,
        &[("title", "No alt"), ("body", "x")],
        "p.png",
        PNG.to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"image_alt-error\"")
            && html.contains("name=\"image_url\" value=\"/media/")
    );
    assert_eq!(app.current_seq().await, seq, "nothing was published");
}
