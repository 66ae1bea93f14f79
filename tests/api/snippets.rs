//! Snippets kept by editors: a refused one comes back as typed, a name is taken once,
//! and the limit holds when many are added at once through two instances.

use reqwest::StatusCode;

use crate::helpers::{DEMO, TestApp, TestDatabase, spawn_app, spawn_on};

/// The most snippets (MAX_SNIPPETS in src/domain/snippet.rs).
const MAX_SNIPPETS: usize = 100;

async fn add(app: &TestApp, token: &str, name: &str) -> reqwest::Response {
    let fields = [
        ("name", name),
        ("body", "Stay indoors and away from the coast road."),
        ("csrf_token", token),
    ];
    app.post_form("/editor/snippets", &fields).await
}

#[tokio::test]
async fn a_snippet_is_kept_offered_on_the_compose_page_and_refused_with_its_text_kept() {
    let app = spawn_app().await;
    app.login().await;
    let token = app.session_csrf().await;
    let response = add(&app, &token, "Safety advice").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, compose) = app.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(
        compose.contains(
            r#"{"name":"Safety advice","text":"Stay indoors and away from the coast road."}"#
        ),
        "offered above the text"
    );

    let again = add(&app, &token, "Safety advice").await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = again.text().await.unwrap();
    assert!(
        page.contains("A snippet has that name already")
            && page.contains("away from the coast road")
    );

    let blank = app
        .post_form(
            "/editor/snippets",
            &[
                ("name", "What we know"),
                ("body", " "),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = blank.text().await.unwrap();
    assert!(page.contains("id=\"body-error\"") && page.contains("value=\"What we know\""));
}

#[tokio::test]
async fn the_limit_holds_when_editors_on_two_instances_add_at_once() {
    let db = TestDatabase::create().await;
    let a = spawn_on(&db).await;
    let b = spawn_on(&db).await;
    a.login().await;
    let b = b.with_client(a.client.clone());
    let token = a.session_csrf().await;
    for n in 0..MAX_SNIPPETS - 5 {
        let response = add(&a, &token, &format!("Snippet {n}")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let mut adding = tokio::task::JoinSet::new();
    for n in 0..30 {
        let instance = if n % 2 == 0 {
            a.url("/editor/snippets")
        } else {
            b.url("/editor/snippets")
        };
        let client = a.client.clone();
        let token = token.clone();
        adding.spawn(async move {
            let fields = [
                ("name", format!("At once {n}")),
                ("body", "Text.".to_owned()),
                ("csrf_token", token),
            ];
            client.post(instance).form(&fields).send().await.unwrap()
        });
    }
    let mut kept = 0;
    let mut refused = 0;
    while let Some(response) = adding.join_next().await {
        let response = response.unwrap();
        match response.status() {
            StatusCode::SEE_OTHER => kept += 1,
            StatusCode::UNPROCESSABLE_ENTITY => {
                assert!(
                    response
                        .text()
                        .await
                        .unwrap()
                        .contains("at most 100 snippets")
                );
                refused += 1;
            }
            other => panic!("an add answered {other}"),
        }
    }
    assert_eq!((kept, refused), (5, 25));
    let (_, page) = b.get_html("/editor/snippets").await;
    assert_eq!(page.matches("class=\"snippet\"").count(), MAX_SNIPPETS);
    db.drop().await;
}
