//! The editor's desk from the server's side: one reader for every entry form, drafts
//! published once however often they are sent, the approval queue, marks from the
//! stream, ended pages, a session that ends mid-form, previews and attached images.
//! (The same flows by an editor's hands in Chromium are in `e2e/desk.test.js`.)

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::helpers::{DEMO, TestApp, csrf_token, person, spawn_app};
use crate::uploads::PNG;

/// The id of the draft a redirect or a page links to.
fn draft_id(text: &str) -> String {
    let at = text.find("/drafts/").expect("a draft is linked") + 8;
    text[at..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn an_unknown_button_publishes_nothing() {
    let app = spawn_app().await;
    app.login().await;
    let seq = app.current_seq().await;
    let response = app
        .publish(
            DEMO,
            &[("title", "Typo"), ("body", "x"), ("action", "publsh")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("not one this form has")
    );
    assert_eq!(app.current_seq().await, seq);
}

#[tokio::test]
async fn a_correction_sent_as_the_browser_sends_it_is_saved_with_a_new_image() {
    let app = spawn_app().await;
    app.login().await;
    let id = app.publish_titled("Harbour wall").await;
    let path = format!("/editor/live/{DEMO}/entries/{id}");
    let mut reader = app
        .events(DEMO, Some(&app.current_seq().await.to_string()))
        .await;
    let (_, form) = app.get_html(&path).await;
    assert!(form.contains("enctype=\"multipart/form-data\""));
    // The form as Chromium sends it: multipart, with the file field even when empty.
    let sent = Form::new()
        .text("csrf_token", csrf_token(&form))
        .text("version", "1")
        .text("title", "Harbour wall breached")
        .text("body", "Water over the wall.")
        .text("image_alt", "The harbour wall")
        .text("correction", "Added a photo")
        .text("action", "publish")
        .part("image", Part::bytes(PNG.to_vec()).file_name("wall.png"));
    let response = app
        .client
        .post(app.url(&path))
        .multipart(sent)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=corrected")
    );
    let event = reader.next().await;
    assert_eq!(event.event, "entry-updated");
    let html = event.data["html"].as_str().unwrap();
    assert!(html.contains("Harbour wall breached") && html.contains("<img src=\"/media/"));
    assert!(html.contains("Added a photo"));
}

#[tokio::test]
async fn a_draft_sent_ten_times_at_once_is_published_once() {
    let app = spawn_app().await;
    app.login().await;
    let path = app
        .save_draft(&[("title", "Only once"), ("body", "x")])
        .await;
    let token = app.session_csrf().await;
    let seq = app.current_seq().await;
    let sends = (0..10).map(|_| {
        let app = app.clone_handle();
        let (path, token) = (path.clone(), token.clone());
        tokio::spawn(async move {
            let fields = [
                ("title", "Only once"),
                ("body", "x"),
                ("action", "publish"),
                ("csrf_token", &token),
            ];
            let response = app.post_form(&path, &fields).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            response.headers()["location"].to_str().unwrap().to_owned()
        })
    });
    let mut answers = Vec::new();
    for send in sends {
        answers.push(send.await.unwrap());
    }
    let published = answers
        .iter()
        .filter(|a| a.ends_with("done=published"))
        .count();
    let gone = answers.iter().filter(|a| a.ends_with("done=gone")).count();
    assert_eq!((published, gone), (1, 9), "{answers:?}");
    assert_eq!(app.current_seq().await, seq + 1);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(page.matches(">Only once</a>").count(), 1);
    let (_, compose) = app
        .get_html(&format!("{}?done=gone", "/editor/live/storm-maren"))
        .await;
    assert!(compose.contains("Nothing was published twice"));
}

#[tokio::test]
async fn a_contributors_entry_is_sent_back_with_a_note_then_approved() {
    sent_back_with_a_note_then_approved(&spawn_app().await).await;
}

/// A contributor's entry sent back and approved on `app`, and what she is told of it.
pub async fn sent_back_with_a_note_then_approved(app: &TestApp) {
    app.login().await;
    let cat = person(app, "cat", "contributor").await;
    let entries = format!("/editor/live/{DEMO}/entries");
    let (_, compose) = cat.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        !compose.contains("name=\"pinned\"") && !compose.contains("name=\"key_event\""),
        "pinning is an editor's call"
    );
    let response = cat
        .post_form(
            &entries,
            &[
                ("title", "Queues at the port"),
                ("body", "Long queues."),
                ("pinned", "on"),
                ("key_event", "on"),
                ("action", "submit"),
                ("csrf_token", &csrf_token(&compose)),
            ],
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=submitted")
    );

    let (_, dashboard) = app.get_html("/editor").await;
    assert!(
        dashboard.contains("Waiting for approval (1)") && dashboard.contains("Queues at the port")
    );
    let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(desk.contains("1 entry waits for approval"));
    let draft = format!("/editor/live/{DEMO}/drafts/{}", draft_id(&dashboard));
    let (_, review) = app.get_html(&draft).await;
    assert!(review.contains("Review an entry from cat") && review.contains("Approve and publish"));
    assert!(
        !review.contains("value=\"discard\""),
        "no one-click discard of someone's work"
    );
    assert!(
        !review.contains("name=\"pinned\" checked"),
        "her ticks were not kept"
    );
    let token = csrf_token(&review);

    let mut send_back = vec![
        ("title", "Queues at the port"),
        ("body", "Long queues."),
        ("action", "send-back"),
        ("review_note", "  "),
        ("csrf_token", token.as_str()),
    ];
    let response = app.post_form(&draft, &send_back).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("id=\"review_note-error\"")
    );
    send_back[3] = ("review_note", "Which port? Name it.");
    let response = app.post_form(&draft, &send_back).await;
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=sent-back")
    );
    let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(desk.contains("0 entries wait for approval"));

    let (_, alerts) = cat.get_html("/editor/alerts").await;
    assert!(
        alerts.contains("sent back to you by admin") && alerts.contains("Which port? Name it.")
    );
    let (_, hers) = cat.get_html(&draft).await;
    assert!(hers.contains("Sent back by admin") && hers.contains("Which port? Name it."));
    assert!(hers.contains("Submit again"));
    let response = cat
        .post_form(
            &draft,
            &[
                ("title", "Queues at Calder port"),
                ("body", "Long queues."),
                ("action", "submit"),
                ("csrf_token", &csrf_token(&hers)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let seq = app.current_seq().await;
    let (_, review) = app.get_html(&draft).await;
    assert!(!review.contains("Sent back by"), "the note was answered");
    let response = app
        .post_form(
            &draft,
            &[
                ("title", "Queues at Calder port"),
                ("body", "Long queues."),
                ("key_event", "on"),
                ("action", "publish"),
                ("csrf_token", &csrf_token(&review)),
            ],
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=approved")
    );
    assert_eq!(app.current_seq().await, seq + 1);
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    let listed = compose
        .split("class=\"desk-entry\"")
        .find(|item| item.contains("Queues at Calder port"))
        .expect("the entry is on the desk");
    assert!(
        listed.contains("class=\"entry key-event\""),
        "as a key event"
    );
    assert!(compose.contains("by cat"), "published as hers");
    let (_, alerts) = cat.get_html("/editor/alerts").await;
    assert!(!alerts.contains("sent back to you"), "answered");
    assert!(alerts.contains("Queues at Calder port") && alerts.contains("was published on"));
}

#[tokio::test]
async fn nothing_new_is_published_on_an_ended_page() {
    let app = spawn_app().await;
    app.login().await;
    let token = app.session_csrf().await;
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/close"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(compose.contains("This live page has ended"));
    let seq = app.current_seq().await;
    let response = app
        .publish(
            DEMO,
            &[("title", "Too late"), ("body", "Kept in the form.")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    assert!(html.contains("nothing new is published on it") && html.contains("value=\"Too late\""));
    assert_eq!(app.current_seq().await, seq);

    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let api_token = crate::commands::stdout(&crate::commands::liveblog(
        &["token", "create", "wire", "--data-dir", &dir],
        "",
    ))
    .trim()
    .to_owned();
    let response = app
        .client
        .post(app.url(&format!("/api/v1/live/{DEMO}/entries")))
        .bearer_auth(&api_token)
        .json(&serde_json::json!({"title": "Too late", "body": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["error"].as_str().unwrap().contains("ended"));

    app.post_form(
        &format!("/editor/live/{DEMO}/reopen"),
        &[("csrf_token", &token)],
    )
    .await;
    let response = app
        .publish(DEMO, &[("title", "Back again"), ("body", "x")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn pins_and_key_events_are_set_from_the_stream_without_correcting() {
    let app = spawn_app().await;
    app.login().await;
    let old = app.publish_titled("An older entry").await;
    let _newer = app.publish_titled("A newer entry").await;
    let token = app.session_csrf().await;
    let mut reader = app
        .events(DEMO, Some(&app.current_seq().await.to_string()))
        .await;
    let mark = |what: &'static str, field: &'static str, value: &'static str| {
        let (app, token, old) = (app.clone_handle(), token.clone(), old.clone());
        async move {
            app.post_form(
                &format!("/editor/live/{DEMO}/entries/{old}/{what}"),
                &[(field, value), ("csrf_token", &token)],
            )
            .await
        }
    };

    let response = mark("pin", "pinned", "true").await;
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=marked")
    );
    let event = reader.next().await;
    assert_eq!(
        (event.event.as_str(), event.data["pinned"].as_bool()),
        ("entry-updated", Some(true))
    );
    let html = event.data["html"].as_str().unwrap();
    assert!(
        !html.contains("class=\"updated\""),
        "a pin is not a correction"
    );
    // The demo page's own pinned entry gives way.
    let unpinned = reader.next().await;
    assert_eq!(unpinned.data["pinned"], false);

    assert_eq!(
        mark("key-event", "key_event", "true").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(reader.next().await.data["key_event"], true);
    assert_eq!(
        mark("key-event", "key_event", "false").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(reader.next().await.data["key_event"], false);
    assert_eq!(
        mark("pin", "pinned", "false").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(reader.next().await.data["pinned"], false);
    assert_eq!(
        mark("pin", "pinned", "yes").await.status(),
        StatusCode::BAD_REQUEST
    );

    let api: serde_json::Value = app
        .get(&format!("/api/v1/live/{DEMO}/entries/{old}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["version"], 5, "each mark counts as a version");
    assert!(api["updated_at"].is_null());

    // From the compose page's script: answered without a page.
    let response = app
        .post_form(
            &format!("/editor/live/{DEMO}/entries/{old}/pin?inline=1"),
            &[("pinned", "true"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_form_sent_after_the_session_ended_leads_back_to_its_page() {
    let app = spawn_app().await;
    app.login().await;
    let token = app.session_csrf().await;
    let response = app.post_form("/logout", &[("csrf_token", &token)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .client
        .post(app.url(&format!("/editor/live/{DEMO}/entries")))
        .header("referer", app.url(&format!("/editor/live/{DEMO}")))
        .header("cookie", "liveblog_session=ended")
        .form(&[("title", "Typed"), ("body", "x"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    let login = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(login, format!("/login?next=/editor/live/{DEMO}&ended=1"));
    let (_, page) = app.get_html(&login).await;
    assert!(page.contains("Your session has ended") && page.contains("kept in this browser"));
    assert!(page.contains(&format!("name=\"next\" value=\"/editor/live/{DEMO}\"")));
}

#[tokio::test]
async fn previews_render_as_typed_and_images_attach_at_once() {
    let app = spawn_app().await;
    app.login().await;
    let token = app.session_csrf().await;
    let preview = format!("/editor/live/{DEMO}/preview");
    let response = app
        .post_form(
            &preview,
            &[("body", "With **bold**"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<strong>bold</strong>") && html.contains("(No headline yet)"));
    let response = app
        .post_form(
            &preview,
            &[
                ("title", "t"),
                ("body", "x"),
                ("author_role", "Reporter"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("A role needs a name")
    );

    let images = format!("/editor/live/{DEMO}/images");
    let attach = |bytes: Vec<u8>| {
        let form = Form::new()
            .text("csrf_token", token.clone())
            .part("image", Part::bytes(bytes).file_name("x.png"));
        app.client.post(app.url(&images)).multipart(form).send()
    };
    let response = attach(PNG.to_vec()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    let url = body["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("/media/") && url.ends_with(".png"));
    assert_eq!(app.get(&url).await.status(), StatusCode::OK);
    let response = attach(b"<svg onload=alert(1)>".to_vec()).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["field"], "image");
}

#[tokio::test]
async fn a_long_text_is_refused_with_its_count_and_kept_whole() {
    let app = spawn_app().await;
    app.login().await;
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        !compose.contains("maxlength"),
        "no field cuts what is pasted"
    );
    let long = "word ".repeat(4001);
    let response = app
        .publish(DEMO, &[("title", "Long"), ("body", long.as_str())])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("The text is 20004 characters long; the limit is 20000."));
    assert!(
        html.contains(&format!("{}</textarea>", long)),
        "every character is kept"
    );
}

#[tokio::test]
async fn the_next_entry_starts_with_the_byline_used_last_and_no_label() {
    let app = spawn_app().await;
    app.login().await;
    let response = app
        .publish(
            DEMO,
            &[
                ("title", "First"),
                ("body", "x"),
                ("label", "analysis"),
                ("author_name", "Ana Ruiz"),
                ("author_role", "Weather correspondent"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, compose) = app
        .get_html(&format!("/editor/live/{DEMO}?done=published"))
        .await;
    assert!(compose.contains("Published. The form is ready for the next entry."));
    assert!(compose.contains("name=\"author_name\" value=\"Ana Ruiz\""));
    assert!(compose.contains("value=\"Weather correspondent\""));
    assert!(
        compose.contains("id=\"byline-kept\">"),
        "the byline says it was kept"
    );
    assert!(
        !compose.contains("<option value=\"analysis\" selected>"),
        "a label is each entry's own"
    );
    assert!(compose.contains("name=\"title\" value=\"\"") && compose.contains("autofocus"));
}

#[tokio::test]
async fn people_start_with_the_fewest_rights_and_bad_input_is_named_beside_its_field() {
    let app = spawn_app().await;
    app.login().await;
    let (_, people) = app.get_html("/editor/people").await;
    assert!(people.contains("value=\"contributor\" checked"));
    let response = app
        .post_form(
            "/editor/people",
            &[
                ("username", "newbie"),
                ("role", "contributor"),
                ("password", "short"),
                ("csrf_token", &csrf_token(&people)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"password-error\"") && html.contains("value=\"newbie\""));
}

/// Schedules an entry on the demo page through the form, for `seconds` from now.
pub async fn schedule(app: &TestApp, title: &str, seconds: i64) -> reqwest::Response {
    let at = (chrono::Utc::now() + chrono::Duration::seconds(seconds))
        .with_timezone(&chrono_tz::Europe::London)
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    app.publish(
        DEMO,
        &[
            ("title", title),
            ("body", "Written ahead."),
            ("publish_at", &at),
            ("action", "schedule"),
        ],
    )
    .await
}

#[tokio::test]
async fn a_scheduled_entry_publishes_itself_once_even_across_a_restart() {
    let app = spawn_app().await;
    app.login().await;
    let response = schedule(&app, "Too early", -120).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("id=\"publish_at-error\"")
    );

    let seq = app.current_seq().await;
    let response = schedule(&app, "Written ahead", 3).await;
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=scheduled")
    );
    let response = schedule(&app, "Called off", 3).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(compose.contains("Scheduled") && compose.contains("Written ahead"));
    let called_off = compose[compose.find(">Called off<").unwrap() - 80..].to_owned();
    let response = app
        .post_form(
            &format!(
                "/editor/live/{DEMO}/drafts/{}/unschedule",
                draft_id(&called_off)
            ),
            &[("csrf_token", &csrf_token(&compose))],
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        format!("/editor/live/{DEMO}?done=unscheduled")
    );

    // Stopped before it is due, started after: it is published at start.
    let mut app = app;
    app.stop().await;
    tokio::time::sleep(std::time::Duration::from_secs(4)).await;
    let app = app.restart().await;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.current_seq().await == seq && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.current_seq().await,
        seq + 1,
        "published once, and only it"
    );
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert_eq!(page.matches(">Written ahead</a>").count(), 1);
    assert!(!page.contains("Called off"));
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(compose.contains("Your drafts") && compose.contains("Called off"));
}

#[tokio::test]
async fn an_entry_resubmitted_while_under_review_is_not_approved_unseen() {
    let app = spawn_app().await;
    app.login().await;
    let cat = person(&app, "cat", "contributor").await;
    let (_, compose) = cat.get_html(&format!("/editor/live/{DEMO}")).await;
    let cat_token = csrf_token(&compose);
    let response = cat
        .post_form(
            &format!("/editor/live/{DEMO}/entries"),
            &[
                ("title", "First try"),
                ("body", "x"),
                ("action", "submit"),
                ("csrf_token", &cat_token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, dashboard) = app.get_html("/editor").await;
    let draft = format!("/editor/live/{DEMO}/drafts/{}", draft_id(&dashboard));
    let (_, review) = app.get_html(&draft).await;
    let seen = review[review.find("name=\"draft_version\" value=\"").unwrap() + 28..]
        .split('"')
        .next()
        .unwrap()
        .to_owned();

    // While the editor reads, she sends a better version.
    let response = cat
        .post_form(
            &draft,
            &[
                ("title", "Second, better try"),
                ("body", "y"),
                ("action", "submit"),
                ("csrf_token", &cat_token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let seq = app.current_seq().await;
    let approve = |version: String| {
        let (app, draft, token) = (app.clone_handle(), draft.clone(), csrf_token(&review));
        async move {
            app.post_form(
                &draft,
                &[
                    ("title", "First try"),
                    ("body", "x, as the editor read it"),
                    ("action", "publish"),
                    ("draft_version", &version),
                    ("csrf_token", &token),
                ],
            )
            .await
        }
    };
    let response = approve(seen.clone()).await;
    assert_eq!(
        response.status(),
        StatusCode::CONFLICT,
        "{seen} {:?}",
        response.headers().get("location")
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("cat saved this entry again while you had it open"));
    assert!(html.contains("Second, better try"), "hers is shown");
    assert!(
        html.contains("x, as the editor read it</textarea>"),
        "the editor's text is kept"
    );
    assert_eq!(app.current_seq().await, seq, "nothing was published");
    let newer = html[html.find("name=\"draft_version\" value=\"").unwrap() + 28..]
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(approve(newer).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.current_seq().await,
        seq + 1,
        "approving again is deliberate"
    );
}

#[tokio::test]
async fn a_scheduled_entry_on_a_page_that_has_ended_goes_back_to_its_author() {
    let app = spawn_app().await;
    app.login().await;
    let response = schedule(&app, "Due after the end", 2).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let token = app.session_csrf().await;
    app.post_form(
        &format!("/editor/live/{DEMO}/close"),
        &[("csrf_token", &token)],
    )
    .await;
    let seq = app.current_seq().await;
    // Once it comes due, the schedule sends it back.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    let compose = loop {
        let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
        if compose.contains("sent back by the schedule") {
            break compose;
        }
        assert!(tokio::time::Instant::now() < deadline, "not sent back");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(compose.contains("Due after the end"));
    assert_eq!(
        app.current_seq().await,
        seq,
        "nothing published on an ended page"
    );
    let (_, draft) = app
        .get_html(&format!(
            "/editor/live/{DEMO}/drafts/{}",
            draft_id(&compose[compose.find("Your drafts").unwrap()..])
        ))
        .await;
    assert!(draft.contains("It was not published: the live page had ended."));
}

#[tokio::test]
async fn the_desk_refreshing_itself_does_not_keep_a_session_open() {
    use sqlx::Connection;
    let app = spawn_app().await;
    app.login().await;
    let last_seen = || async {
        let mut db = crate::helpers::open_store(&app).await;
        let seen: String = sqlx::query_scalar("SELECT last_seen FROM sessions")
            .fetch_one(&mut db)
            .await
            .unwrap();
        db.close().await.unwrap();
        seen
    };
    let an_hour_ago = (chrono::Utc::now() - chrono::Duration::hours(1))
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let mut db = crate::helpers::open_store(&app).await;
    sqlx::query("UPDATE sessions SET last_seen = ?")
        .bind(&an_hour_ago)
        .execute(&mut db)
        .await
        .unwrap();
    db.close().await.unwrap();
    let response = app.get(&format!("/editor/live/{DEMO}/desk")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        last_seen().await,
        an_hour_ago,
        "a background refresh is not use"
    );
    app.get(&format!("/editor/live/{DEMO}")).await;
    assert_ne!(last_seen().await, an_hour_ago, "opening a page is");
}
