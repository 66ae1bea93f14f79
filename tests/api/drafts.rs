//! Drafts, previews and the approval queue: a contributor writes, an editor publishes.

use reqwest::StatusCode;

use crate::commands::{liveblog, stdout};
use crate::helpers::{DEMO, csrf_token, new_client, spawn_app};

#[tokio::test]
async fn a_preview_shows_the_entry_and_publishes_nothing() {
    let app = spawn_app().await;
    app.login().await;
    let seq = app.current_seq().await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "Preview me"),
                ("body", "With **bold** text."),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("Preview: not published") && html.contains("<strong>bold</strong>"));
    assert!(
        html.contains("value=\"Preview me\""),
        "the form keeps the text"
    );
    assert_eq!(app.current_seq().await, seq, "nothing was published");
}

#[tokio::test]
async fn a_draft_is_saved_reopened_and_published() {
    let app = spawn_app().await;
    app.login().await;
    let seq = app.current_seq().await;
    let draft = app
        .save_draft(&[("title", "Half written"), ("body", "To be finished")])
        .await;
    assert!(draft.starts_with(&format!("/editor/live/{DEMO}/drafts/")));
    assert_eq!(app.current_seq().await, seq, "a draft is not published");

    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(compose.contains("Your drafts") && compose.contains("Half written"));
    let (status, form) = app.get_html(&draft).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("To be finished</textarea>"));
    let response = app
        .post_form(
            &draft,
            &[
                ("title", "Now finished"),
                ("body", "Done."),
                ("action", "publish"),
                ("csrf_token", &csrf_token(&form)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.current_seq().await, seq + 1);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("Now finished"));
    assert_eq!(
        app.get(&draft).await.status(),
        StatusCode::NOT_FOUND,
        "the draft is gone once published"
    );
}

#[tokio::test]
async fn a_contributors_entry_waits_for_an_editor() {
    let app = spawn_app().await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    stdout(&liveblog(
        &[
            "user",
            "add",
            "cat",
            "--role",
            "contributor",
            "--data-dir",
            &dir,
        ],
        "a contributor's password\n",
    ));
    let listed = stdout(&liveblog(&["user", "list", "--data-dir", &dir], ""));
    assert!(listed.contains("cat\tcontributor") && listed.contains("admin\tadmin"));

    let cat = app.with_client(new_client());
    assert_eq!(
        cat.login_with("cat", "a contributor's password")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let seq = app.current_seq().await;
    let (_, compose) = cat.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(compose.contains("Submit for approval") && !compose.contains(">Publish</button>"));
    let token = csrf_token(&compose);

    // Publishing, correcting and deleting are not hers to do.
    let entries = format!("/editor/live/{DEMO}/entries");
    let response = cat
        .post_form(
            &entries,
            &[("title", "Direct"), ("body", "x"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        cat.get(&format!("{entries}/13")).await.status(),
        StatusCode::FORBIDDEN
    );
    let response = cat
        .post_form(&format!("{entries}/13/delete"), &[("csrf_token", &token)])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.current_seq().await, seq);

    let response = cat
        .post_form(
            &entries,
            &[
                ("title", "Queue at the ferry port"),
                ("body", "Long queues."),
                ("action", "submit"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.current_seq().await, seq, "it waits");

    app.login().await;
    let (_, editor_view) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        editor_view.contains("Waiting for approval")
            && editor_view.contains("Queue at the ferry port")
    );
    let at = editor_view.find("/drafts/").unwrap();
    let draft = format!(
        "/editor/live/{DEMO}{}",
        editor_view[at..].split('"').next().unwrap()
    );
    let (_, form) = app.get_html(&draft).await;
    let response = app
        .post_form(
            &draft,
            &[
                ("title", "Queue at the ferry port"),
                ("body", "Long queues."),
                ("action", "publish"),
                ("csrf_token", &csrf_token(&form)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.current_seq().await, seq + 1);
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(compose.contains("by cat"), "published as hers");

    stdout(&liveblog(
        &["user", "remove", "cat", "--data-dir", &dir],
        "",
    ));
    assert_eq!(
        cat.get(&format!("/editor/live/{DEMO}")).await.status(),
        StatusCode::SEE_OTHER,
        "her session ended at once"
    );
}
