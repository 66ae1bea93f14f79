//! Polls: a reader votes once per browser, with a script or a plain form; counts live
//! in the store, exact across instances, and reach every open page at most about once
//! a second per poll however fast votes come; a closed poll takes no more.

use std::time::Duration;

use futures_util::StreamExt;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::cms::{call, token};
use crate::helpers::{
    DEMO, SseReader, TestApp, TestDatabase, csrf_token, new_client, spawn_app, spawn_app_with,
};

/// Publishes an entry with a poll through the API and gives its id.
pub(crate) async fn publish_poll(app: &TestApp, token: &str, answers: &[&str]) -> i64 {
    let (status, entry) = call(
        app,
        Method::POST,
        &format!("/api/v1/live/{DEMO}/entries"),
        token,
        Some(json!({
            "title": "Have your say",
            "body": "Should the bridge reopen tonight?",
            "poll": { "question": "Should the bridge reopen tonight?", "answers": answers },
        })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{entry}");
    assert_eq!(entry["poll"]["answers"][0]["text"], answers[0], "{entry}");
    assert_eq!(entry["poll"]["open"], true);
    entry["id"].as_i64().unwrap()
}

/// One vote as the page's script sends it: the status and the JSON answer.
async fn vote(
    client: &reqwest::Client,
    app: &TestApp,
    id: i64,
    answer: &str,
) -> (StatusCode, Value) {
    let response = client
        .post(app.url(&format!("/live/{DEMO}/entries/{id}/vote")))
        .header("Accept", "application/json")
        .form(&[("answer", answer)])
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The next `poll-results` event on `events`, skipping the rest.
async fn next_counts(events: &mut SseReader, wait: Duration) -> Option<crate::helpers::SseEvent> {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        let event = events.next_within(left).await?;
        if event.event == "poll-results" {
            return Some(event);
        }
    }
}

/// The poll's votes as the API shows them on `app`.
async fn votes(app: &TestApp, id: i64) -> Vec<u64> {
    let entry: Value = app
        .get(&format!("/api/v1/live/{DEMO}/entries/{id}"))
        .await
        .json()
        .await
        .unwrap();
    // None yet, on an instance that has not heard of the entry.
    let answers = entry["poll"]["answers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    answers
        .iter()
        .map(|a| a["votes"].as_u64().unwrap())
        .collect()
}

/// Waits until `app` shows `wanted` votes in all.
async fn until_total(app: &TestApp, id: i64, wanted: u64) -> Vec<u64> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let now = votes(app, id).await;
        if !now.is_empty() && now.iter().sum::<u64>() == wanted {
            return now;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{wanted} votes shown, not {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_reader_votes_once_and_every_open_page_sees_the_counts() {
    let app = spawn_app().await;
    let token = token(&app, "wire", &[]);
    let id = publish_poll(&app, &token, &["Yes", "No", "Not yet"]).await;
    let mut events = app.events(DEMO, None).await;

    let reader = new_client();
    let (status, answer) = vote(&reader, &app, id, "0").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["counted"], true);
    // The same browser again: refused, whichever answer.
    let (status, answer) = vote(&reader, &app, id, "1").await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert_eq!(answer["field"], "answer");
    // Another browser.
    let (status, _) = vote(&new_client(), &app, id, "2").await;
    assert_eq!(status, StatusCode::OK);

    let counts = next_counts(&mut events, Duration::from_secs(5))
        .await
        .expect("the counts reach an open page");
    assert_eq!(
        counts.id, None,
        "counts are no change to replay: {counts:?}"
    );
    assert_eq!(counts.data["id"], id);
    let html = counts.data["html"].as_str().unwrap();
    assert!(html.contains("poll-results"), "{html}");
    assert_eq!(until_total(&app, id, 2).await, [1, 0, 1]);
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(
        page.contains("50% (1 vote)"),
        "the page shows the counts as text"
    );
    assert!(page.contains("2 votes so far"));
}

#[tokio::test]
async fn the_plain_form_votes_and_answers_with_a_page_of_the_counts() {
    let app = spawn_app().await;
    let token = token(&app, "wire", &[]);
    let id = publish_poll(&app, &token, &["Yes", "No"]).await;
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    let action = format!("action=\"/live/{DEMO}/entries/{id}/vote\"");
    assert!(page.contains(&action), "the poll is a plain form");

    let response = app
        .post_form(
            &format!("/live/{DEMO}/entries/{id}/vote"),
            &[("answer", "1")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("liveblog_voter="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    let html = response.text().await.unwrap();
    assert!(html.contains("your vote is counted"), "{html}");
    assert!(
        html.contains("100% (1 vote)"),
        "the counts include the vote: {html}"
    );

    let again = app
        .post_form(
            &format!("/live/{DEMO}/entries/{id}/vote"),
            &[("answer", "0")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("voted in this poll already")
    );

    // No answer chosen, an answer the poll lacks, a cookie not signed here.
    let none = app
        .post_form(&format!("/live/{DEMO}/entries/{id}/vote"), &[])
        .await;
    assert_eq!(none.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (status, answer) = vote(&new_client(), &app, id, "2").await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("answer"))
    );
    let forged = reqwest::Client::new()
        .post(app.url(&format!("/live/{DEMO}/entries/{id}/vote")))
        .header("Accept", "application/json")
        .header(
            "Cookie",
            "liveblog_voter=00000000000000000000000000000000.00",
        )
        .form(&[("answer", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        forged.status(),
        StatusCode::OK,
        "a forged voter is a new voter"
    );
    assert_eq!(until_total(&app, id, 2).await, [1, 1]);

    let results = app.get(&format!("/live/{DEMO}/entries/{id}/poll")).await;
    assert_eq!(results.status(), StatusCode::OK);
    let first = app.get(&format!("/live/{DEMO}/entries/1/poll")).await;
    assert_eq!(
        first.status(),
        StatusCode::NOT_FOUND,
        "an entry without a poll"
    );
}

#[tokio::test]
async fn a_poll_closed_from_the_desk_takes_no_more_votes_and_shows_its_final_counts() {
    let app = spawn_app().await;
    let token = token(&app, "wire", &[]);
    let id = publish_poll(&app, &token, &["Yes", "No"]).await;
    assert_eq!(vote(&new_client(), &app, id, "0").await.0, StatusCode::OK);
    app.login().await;
    let (_, desk) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    let close = format!("/editor/live/{DEMO}/entries/{id}/close-poll");
    assert!(desk.contains(&close), "the desk offers to close the poll");
    let mut events = app.events(DEMO, None).await;
    let response = app
        .post_form(&close, &[("csrf_token", &csrf_token(&desk))])
        .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let updated = events.next().await;
    assert_eq!(updated.event, "entry-updated");
    let html = updated.data["html"].as_str().unwrap();
    assert!(html.contains("Final result: 1 vote"), "{html}");
    assert!(!html.contains("poll-form"), "no form once closed: {html}");

    let (status, answer) = vote(&new_client(), &app, id, "1").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
    assert_eq!(votes(&app, id).await, [1, 0]);
    // Without the token, no one closes it.
    let anyone = new_client()
        .post(app.url(&close))
        .form(&[("csrf_token", "x")])
        .send()
        .await
        .unwrap();
    assert!(anyone.status().is_redirection() || anyone.status() == StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_hundred_votes_at_once_from_one_address_are_held_to_its_limit() {
    let app = spawn_app_with(|settings| settings.poll_votes_per_address = 3).await;
    let token = token(&app, "wire", &[]);
    let id = publish_poll(&app, &token, &["Yes", "No"]).await;
    // Each request without a cookie is a new browser, all from 127.0.0.1.
    let client = reqwest::Client::new();
    let statuses: Vec<StatusCode> = futures_util::stream::iter(0..100)
        .map(|_| {
            let client = client.clone();
            let app = &app;
            async move { vote(&client, app, id, "0").await.0 }
        })
        .buffer_unordered(100)
        .collect()
        .await;
    let counted = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let refused = (statuses.iter())
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((counted, refused), (3, 97), "{statuses:?}");
    assert_eq!(until_total(&app, id, 3).await, [3, 0]);
}

#[tokio::test]
async fn a_poll_with_one_answer_or_answers_over_lines_is_refused_by_field() {
    let app = spawn_app().await;
    let token = token(&app, "wire", &[]);
    let entries = format!("/api/v1/live/{DEMO}/entries");
    for (poll, why) in [
        (
            json!({ "question": "Who?", "answers": ["Only"] }),
            "one answer",
        ),
        (
            json!({ "question": "Who?", "answers": ["A\nB", "C"] }),
            "an answer over lines",
        ),
        (
            json!({ "question": "Who?", "answers": ["A", "a"] }),
            "an answer twice",
        ),
        (
            json!({ "question": " ", "answers": ["A", "B"] }),
            "no question",
        ),
        (
            json!({ "question": "Who?", "answers": ["A", "B"], "open_minutes": 0 }),
            "no time open",
        ),
    ] {
        let body = json!({ "title": "Poll", "body": "Text.", "poll": poll });
        let (status, answer) = call(&app, Method::POST, &entries, &token, Some(body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {answer}");
        assert_eq!(answer["field"], "poll", "{why}: {answer}");
    }
    // Once it has votes, its answers may be reworded, not added to.
    let id = publish_poll(&app, &token, &["Yes", "No"]).await;
    assert_eq!(vote(&new_client(), &app, id, "1").await.0, StatusCode::OK);
    until_total(&app, id, 1).await;
    let path = format!("{entries}/{id}");
    let more = json!({ "poll": { "question": "Q?", "answers": ["Yes", "No", "Maybe"] } });
    let (status, answer) = call(&app, Method::PATCH, &path, &token, Some(more)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["field"], "poll");
    let reworded = json!({ "poll": { "question": "Q?", "answers": ["Yes, tonight", "No"] } });
    let (status, answer) = call(&app, Method::PATCH, &path, &token, Some(reworded)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        answer["poll"]["answers"][1]["votes"], 1,
        "the votes stay: {answer}"
    );
}

/// Ten thousand readers vote in a burst, half through each of two instances: every
/// vote is counted once, a second vote from any of them is refused, and a reader on
/// either instance is sent the counts a few times a second at most.
#[tokio::test]
async fn ten_thousand_votes_through_two_instances_are_each_counted_once() {
    const VOTES: usize = 10_000;
    let db = TestDatabase::create().await;
    let loose = |settings: &mut liveblog::config::ServeArgs| {
        settings.poll_votes_per_address = 100_000;
    };
    let url = db.url.clone();
    let a = spawn_app_with(|s| {
        loose(s);
        s.store.database_url = Some(url.clone());
    })
    .await;
    let b = spawn_app_with(|s| {
        loose(s);
        s.store.database_url = Some(url);
    })
    .await;
    let token = db.token();
    let id = publish_poll(&a, &token, &["Yes", "No", "Not yet"]).await;
    until_total(&b, id, 0).await;
    let readers = [a.events(DEMO, None).await, b.events(DEMO, None).await];
    let frames = readers.map(|mut events| {
        tokio::spawn(async move {
            let mut seen = Vec::new();
            while let Some(event) = next_counts(&mut events, Duration::from_secs(8)).await {
                seen.push((
                    tokio::time::Instant::now(),
                    event.data["total"].as_u64().unwrap(),
                ));
            }
            seen
        })
    });

    let started = tokio::time::Instant::now();
    // Each request without a cookie is a new browser; some send their vote twice.
    let client = reqwest::Client::new();
    let outcomes: Vec<(StatusCode, StatusCode)> = futures_util::stream::iter(0..VOTES)
        .map(|n| {
            let app = if n % 2 == 0 { &a } else { &b };
            let other = if n % 2 == 0 { &b } else { &a };
            let client = client.clone();
            async move {
                let answer = (n % 3).to_string();
                let response = client
                    .post(app.url(&format!("/live/{DEMO}/entries/{id}/vote")))
                    .header("Accept", "application/json")
                    .form(&[("answer", answer.as_str())])
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let again = if n % 20 == 0 {
                    let cookie = response.headers()["set-cookie"].to_str().unwrap();
                    let voter = cookie.split(';').next().unwrap().to_owned();
                    client
                        .post(other.url(&format!("/live/{DEMO}/entries/{id}/vote")))
                        .header("Accept", "application/json")
                        .header("Cookie", voter)
                        .form(&[("answer", "0")])
                        .send()
                        .await
                        .unwrap()
                        .status()
                } else {
                    StatusCode::CONFLICT
                };
                (status, again)
            }
        })
        .buffer_unordered(64)
        .collect()
        .await;
    let took = started.elapsed();
    assert!(outcomes.iter().all(|(first, _)| *first == StatusCode::OK));
    assert!(
        outcomes
            .iter()
            .all(|(_, again)| *again == StatusCode::CONFLICT)
    );
    let per_answer = VOTES as u64 / 3;
    let wanted = [per_answer + 1, per_answer, per_answer];
    assert_eq!(until_total(&a, id, VOTES as u64).await, wanted);
    assert_eq!(until_total(&b, id, VOTES as u64).await, wanted);

    for (instance, frames) in frames.into_iter().enumerate() {
        let seen = frames.await.unwrap();
        let last = seen.last().expect("counts reached the reader").1;
        assert_eq!(
            last, VOTES as u64,
            "the last counts sent are the final ones"
        );
        // At most about one a second while votes came, and one or two after.
        let during = took.as_secs_f64().ceil() as usize;
        assert!(
            seen.len() <= during + 3,
            "instance {instance}: {} frames in {took:?}",
            seen.len()
        );
        println!(
            "instance {instance}: {} votes in {took:?}, {} poll-results frames",
            VOTES,
            seen.len()
        );
    }
    db.drop().await;
}

#[tokio::test]
async fn the_desk_form_adds_a_poll_and_keeps_its_text_when_refused() {
    let app = spawn_app().await;
    app.login().await;
    let refused = app
        .publish(
            DEMO,
            &[
                ("title", "Your view"),
                ("body", "Tell us."),
                ("poll_question", "Should the bridge reopen?"),
                ("poll_answers", "Yes"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("2 to 6 answers"), "the problem is named");
    assert!(
        html.contains("value=\"Should the bridge reopen?\""),
        "the question is kept"
    );
    let published = app
        .publish(
            DEMO,
            &[
                ("title", "Your view"),
                ("body", "Tell us."),
                ("poll_question", "Should the bridge reopen?"),
                ("poll_answers", "Yes\r\nNo\r\n"),
                ("poll_open_minutes", "30"),
            ],
        )
        .await;
    assert!(
        published.status().is_redirection(),
        "{}",
        published.status()
    );
    let (_, page) = app.get_html(&format!("/live/{DEMO}")).await;
    assert!(
        page.contains("Voting closes at"),
        "the closing time is shown"
    );
    assert!(page.contains("name=\"answer\" value=\"1\""));
}
