//! A deleted entry restored: under its own number, in its place in the stream, with its
//! corrections, once; on SQLite, and across two instances on PostgreSQL.

use reqwest::StatusCode;

use crate::helpers::{DEMO, TestApp, TestDatabase, csrf_token, spawn_app, spawn_on};

/// Where `id`'s entry stands in the first page of the stream, if it is there.
async fn place(app: &TestApp, id: &str) -> Option<usize> {
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    page.find(&format!("<article id=\"entry-{id}\""))
}

/// Deletes an entry through `deleting` and restores it through `restoring` (the same
/// instance, or another on the same database), with a reader on `deleting` watching.
pub async fn deleted_then_restored(deleting: &TestApp, restoring: &TestApp) {
    let before = deleting.publish_titled("Published before").await;
    let id = deleting.publish_titled("Deleted by mistake").await;
    let after = deleting.publish_titled("Published after").await;
    let path = format!("/editor/live/{DEMO}/entries/{id}");
    let (_, form) = deleting.get_html(&path).await;
    let token = csrf_token(&form);
    let corrected = [
        ("title", "Deleted by mistake"),
        ("body", "Reported from the scene."),
        ("version", "1"),
        ("correction", "Corrected the place"),
        ("csrf_token", token.as_str()),
    ];
    let response = deleting.post_form(&path, &corrected).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mut reader = deleting
        .events(DEMO, Some(&deleting.current_seq().await.to_string()))
        .await;

    let delete = deleting
        .post_form(&format!("{path}/delete"), &[("csrf_token", &token)])
        .await;
    assert_eq!(delete.status(), StatusCode::SEE_OTHER);
    assert_eq!(reader.next().await.event, "entry-deleted");
    assert_eq!(place(deleting, &id).await, None);

    let (_, desk) = restoring
        .get_html(&format!("/editor/live/{DEMO}/desk"))
        .await;
    assert!(
        desk.contains("Deleted in the last 30 days")
            && desk.contains("Deleted by mistake")
            && desk.contains("Deleted by admin at ")
            && desk.contains(&format!("{path}/restore")),
        "{desk}"
    );
    let restore = format!("{path}/restore?inline=1");
    let token = restoring.session_csrf().await;
    let response = restoring
        .post_form(&restore, &[("csrf_token", &token)])
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let back = reader.next().await;
    assert_eq!(back.event, "entry-created");
    assert_eq!(back.data["id"].to_string(), id, "under its own number");
    let html = back.data["html"].as_str().unwrap();
    assert!(
        html.contains("Corrected the place"),
        "with its corrections: {html}"
    );
    let (newer, restored, older) = (
        place(deleting, &after).await.unwrap(),
        place(deleting, &id).await.unwrap(),
        place(deleting, &before).await.unwrap(),
    );
    assert!(
        newer < restored && restored < older,
        "in its place in the stream"
    );
    let (status, _) = deleting
        .get_html(&format!("/live/{DEMO}/entries/{id}"))
        .await;
    assert_eq!(status, StatusCode::OK, "its permalink works again");
    let (_, desk) = restoring
        .get_html(&format!("/editor/live/{DEMO}/desk"))
        .await;
    assert!(
        !desk.contains(&format!("{path}/restore")),
        "no longer listed as deleted"
    );

    let again = restoring
        .post_form(&restore, &[("csrf_token", &token)])
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND, "restored once");
}

#[tokio::test]
async fn a_deleted_entry_comes_back_in_its_place_and_stays_after_a_restart() {
    let app = spawn_app().await;
    app.login().await;
    deleted_then_restored(&app, &app).await;
    let app = app.restart().await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("Deleted by mistake") && page.contains("1 correction"));
}

#[tokio::test]
async fn an_entry_deleted_on_one_instance_is_restored_on_another() {
    let db = TestDatabase::create().await;
    let a = spawn_on(&db).await;
    let b = spawn_on(&db).await;
    a.login().await;
    let b = b.with_client(a.client.clone());
    deleted_then_restored(&a, &b).await;
    db.drop().await;
}
