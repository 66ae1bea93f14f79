//! A page's call to its readers: an editor opens it; a reader sends a question with a
//! photo and a contact address; it reaches the desk (and nowhere else) and is
//! published as an entry with the editor's answer; robots, floods and a closed callout
//! are turned away; the contact is never in a page, the feed, the API or the log, and
//! is deleted after 30 days.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

use crate::helpers::{DEMO, TestApp, csrf_token, new_client, spawn_app};
use crate::uploads::PNG;

const CONTACT: &str = "ana.reader@example.net";
const QUESTION: &str = "Will the coast road be open for the school run tomorrow?";

/// Opens the demo page's callout through the desk's form.
pub(crate) async fn open_callout(app: &TestApp) {
    let (status, form) = app.get_html(&format!("/editor/live/{DEMO}/callout")).await;
    assert_eq!(status, StatusCode::OK);
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/callout"),
            &[
                ("csrf_token", &csrf_token(&form)),
                ("callout_kind", "questions"),
                (
                    "callout_prompt",
                    "What do you want to know about the storm?",
                ),
                ("action", "open"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

/// Sends a question as the page's script does; the status and the JSON answer.
async fn send(
    client: &reqwest::Client,
    app: &TestApp,
    fields: &[(&str, &str)],
    photo: bool,
) -> (StatusCode, Value) {
    let mut form = Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if photo {
        form = form.part(
            "photo",
            Part::bytes(PNG.to_vec())
                .file_name("road.png")
                .mime_str("image/png")
                .unwrap(),
        );
    }
    let response = client
        .post(app.url(&format!("/live/{DEMO}/contributions")))
        .header("Accept", "application/json")
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn question() -> Vec<(&'static str, &'static str)> {
    vec![
        ("text", QUESTION),
        ("name", "Ana"),
        ("place", "Calder Bay"),
        ("contact", CONTACT),
    ]
}

#[tokio::test]
async fn a_question_with_a_photo_reaches_the_desk_only_and_is_published_with_an_answer() {
    let app = spawn_app().await;
    app.login().await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(
        !page.contains("id=\"callout\""),
        "no callout before it is opened"
    );
    open_callout(&app).await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(page.contains("What do you want to know about the storm?"));
    assert!(page.contains("action=\"/live/storm-maren/contributions\""));

    let (status, answer) = send(&new_client(), &app, &question(), true).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["sent"], true);

    // On the desk, with the contact; in no reader's view.
    let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}/desk")).await;
    assert!(desk.contains(QUESTION), "the question waits on the desk");
    assert!(
        desk.contains(CONTACT),
        "editors see how to reach the reader"
    );
    assert!(desk.contains("with a photo"));
    assert!(desk.contains("1 from readers"));
    let reader_views = |app: &TestApp| {
        let app = app.clone_handle();
        async move {
            let mut seen = String::new();
            for path in [
                format!("/live/{DEMO}"),
                format!("/live/{DEMO}/feed.atom"),
                format!("/api/v1/live/{DEMO}"),
                format!("/live/{DEMO}/embed"),
            ] {
                seen.push_str(
                    &new_client()
                        .get(app.url(&path))
                        .send()
                        .await
                        .unwrap()
                        .text()
                        .await
                        .unwrap(),
                );
            }
            seen
        }
    };
    let seen = reader_views(&app).await;
    assert!(
        !seen.contains(QUESTION),
        "nothing is shown before an editor acts"
    );
    assert!(!seen.contains(CONTACT));

    // Published with an answer, through the answer form.
    let id = desk
        .split("data-contribution=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let (_, form) = app
        .get_html(&format!("/editor/live/{DEMO}/contributions/{id}"))
        .await;
    assert!(form.contains(CONTACT));
    let no_answer = app
        .post_form(
            &format!("/editor/live/{DEMO}/contributions/{id}/publish"),
            &[
                ("csrf_token", &csrf_token(&form)),
                ("title", "Your questions answered"),
                ("answer", " "),
            ],
        )
        .await;
    assert_eq!(
        no_answer.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an answer is needed"
    );
    let published = app
        .post_form(
            &format!("/editor/live/{DEMO}/contributions/{id}/publish"),
            &[
                ("csrf_token", &csrf_token(&form)),
                ("title", "Your questions answered"),
                ("answer", "The council expects it to reopen at 7am."),
            ],
        )
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(
        page.contains("<blockquote>"),
        "the reader's words are quoted"
    );
    assert!(page.contains(QUESTION));
    assert!(page.contains("Ana, Calder Bay"));
    assert!(page.contains("The council expects it to reopen at 7am."));
    assert!(
        page.contains("alt=\"Photo sent by Ana\""),
        "the photo, described"
    );
    let seen = reader_views(&app).await;
    assert!(!seen.contains(CONTACT), "the contact is never published");
    let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}/desk")).await;
    assert!(
        !desk.contains("data-contribution="),
        "answered: off the desk's list"
    );
    // Once answered, it cannot be published twice.
    let again = app
        .post_form(
            &format!("/editor/live/{DEMO}/contributions/{id}/publish"),
            &[
                ("csrf_token", &csrf_token(&form)),
                ("title", "Again"),
                ("answer", "Again."),
            ],
        )
        .await;
    assert_ne!(again.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn robots_floods_and_a_closed_callout_are_turned_away() {
    let app = spawn_app().await;
    app.login().await;
    let (status, _) = send(&new_client(), &app, &question(), false).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no callout open");
    open_callout(&app).await;

    // The hidden field filled in: thanked, nothing kept.
    let mut robot = question();
    robot.push(("website", "http://spam.example"));
    let (status, _) = send(&new_client(), &app, &robot, false).await;
    assert_eq!(status, StatusCode::OK);
    let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}/desk")).await;
    assert!(
        !desk.contains("data-contribution="),
        "a robot's message is not kept"
    );

    // Missing fields are named.
    let (status, answer) = send(
        &new_client(),
        &app,
        &[("text", " "), ("name", "Ana")],
        false,
    )
    .await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("text"))
    );
    // A photo that is no picture.
    let form = Form::new().text("text", "Look").text("name", "Ana").part(
        "photo",
        Part::bytes(b"<svg onload=alert(1)>".to_vec()).file_name("x.png"),
    );
    let response = new_client()
        .post(app.url(&format!("/live/{DEMO}/contributions")))
        .header("Accept", "application/json")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Five in ten minutes from one address, then refused; sent at once.
    let client = new_client();
    let fields = question();
    let sends = (0..8).map(|_| send(&client, &app, &fields, false));
    let statuses: Vec<StatusCode> = futures_util::future::join_all(sends)
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    // The bad photo and the missing text took two of the five.
    let sent = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert!(sent <= 5, "{statuses:?}");
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn a_contact_address_is_deleted_after_thirty_days_and_never_logged() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let start = || {
        let args = [std::ffi::OsStr::new("--data-dir"), dir.path().as_os_str()];
        crate::helpers::Process::serve_logged(&args, &[("RUST_LOG", "debug")], Some(&log))
    };
    let (process, app) = start();
    app.login().await;
    open_callout(&app).await;
    let (status, _) = send(&new_client(), &app, &question(), true).await;
    assert_eq!(status, StatusCode::OK);
    drop(process);
    // A backup leaves the contact out, unless asked to keep it.
    let data = dir.path().to_str().unwrap().to_owned();
    for (flag, kept) in [(None, false), (Some("--with-contacts"), true)] {
        let dest = tempfile::tempdir().unwrap();
        let into = dest.path().join("backup");
        let mut args = vec!["backup", into.to_str().unwrap(), "--data-dir", &data];
        args.extend(flag);
        crate::commands::stdout(&crate::commands::liveblog(&args, ""));
        let record = std::fs::read_to_string(into.join("record.jsonl")).unwrap();
        assert!(record.contains(QUESTION), "the question is in the backup");
        assert_eq!(record.contains(CONTACT), kept, "{flag:?}");
    }
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("a reader sent something"),
        "the log tells of it"
    );
    assert!(
        !logged.contains(CONTACT),
        "but never who sent it or how to reach them"
    );
    assert!(!logged.contains("Calder Bay"));

    // Thirty-one days later (the row's time moved back), the next start deletes it.
    {
        use sqlx::Connection;
        let file = dir.path().join("liveblog.db");
        let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", file.display()))
            .await
            .unwrap();
        let old = (chrono::Utc::now() - chrono::Duration::days(31))
            .format("%Y-%m-%dT%H:%M:%S%.6fZ")
            .to_string();
        sqlx::query("UPDATE contributions SET sent_at = ?")
            .bind(old)
            .execute(&mut db)
            .await
            .unwrap();
    }
    let (_process, app) = start();
    app.login().await;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}/desk")).await;
        assert!(desk.contains(QUESTION), "the question stays");
        if !desk.contains(CONTACT) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the contact is deleted"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
