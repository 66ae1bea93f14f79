//! An entry's history: every version the record had, an unpinning by another entry's
//! pin among them.

use reqwest::StatusCode;

use crate::helpers::{DEMO, spawn_app};

#[tokio::test]
async fn an_entry_unpinned_by_anothers_pin_keeps_that_version_in_its_history() {
    let app = spawn_app().await;
    app.login().await;
    let first = app.publish_titled("Pinned first").await;
    let token = app.session_csrf().await;
    let pin = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{first}/pin"),
            &[("pinned", "true"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(pin.status(), StatusCode::SEE_OTHER);
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "Pinned next"),
                ("body", "Text."),
                ("pinned", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let (status, history) = app
        .get_html(&format!("/editor/live/{DEMO}/entries/{first}/history"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let versions: Vec<&str> = history
        .split("<li class=\"history-version\"")
        .skip(1)
        .collect();
    assert_eq!(versions.len(), 3, "published, pinned, unpinned: {history}");
    let unpinned = versions[0];
    assert!(
        unpinned.contains("Version 3") && unpinned.contains("by admin"),
        "{unpinned}"
    );
    assert!(
        unpinned.contains("Pin above the stream")
            && unpinned.contains("<del>yes</del><ins>no</ins>"),
        "{unpinned}"
    );
}
