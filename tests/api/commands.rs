//! The command line on the same store as a server: adding a user, and moving the whole
//! record from SQLite to PostgreSQL and back with export and import.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use reqwest::StatusCode;

use crate::helpers::{DEMO, TestDatabase, spawn_app, spawn_app_with};
use crate::json_api::new_token;

/// Runs `liveblog ARGS` with `input` on standard input.
pub fn liveblog(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_liveblog"))
        .args(args)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

impl TestDatabase {
    /// A new API token, made with `liveblog token create` on this database.
    pub fn token(&self) -> String {
        let data_dir = tempfile::tempdir().unwrap();
        let dir = data_dir.path().to_str().unwrap();
        stdout(&liveblog(
            &[
                "token",
                "create",
                "wire",
                "--database-url",
                &self.url,
                "--data-dir",
                dir,
            ],
            "",
        ))
        .trim()
        .to_owned()
    }
}

pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[tokio::test]
async fn a_user_added_on_the_command_line_can_sign_in() {
    let mut app = spawn_app().await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let output = liveblog(
        &["user", "add", "sam", "--role", "editor", "--data-dir", &dir],
        "a fine long password\n",
    );
    stdout(&output);
    assert_eq!(
        app.login_with("sam", "a fine long password").await.status(),
        StatusCode::SEE_OTHER
    );

    let again = liveblog(
        &["user", "add", "sam", "--role", "editor", "--data-dir", &dir],
        "another password\n",
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("taken"));
    let short = liveblog(
        &["user", "add", "kim", "--role", "editor", "--data-dir", &dir],
        "short\n",
    );
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10"));
    app.stop().await;
}

#[tokio::test]
async fn export_and_import_move_everything_between_sqlite_and_postgres() {
    let mut app = spawn_app().await;
    app.login().await;
    let shared = app
        .publish(
            DEMO,
            &[
                ("title", "Moved between stores"),
                ("body", "With a post."),
                ("post_url", "https://t.me/newsdesk/1234"),
                ("post_author", "Newsdesk channel"),
                ("post_text", "Ferries resume at noon."),
            ],
        )
        .await;
    assert_eq!(shared.status(), StatusCode::SEE_OTHER);
    let draft = app
        .publish(
            DEMO,
            &[("title", "Held back"), ("body", "x"), ("action", "draft")],
        )
        .await;
    assert_eq!(draft.status(), StatusCode::SEE_OTHER);
    let token = new_token(&app, "wire-feed");
    let seq = app.current_seq().await;
    app.stop().await;
    let sqlite_dir = app.data_dir.path().to_str().unwrap().to_owned();

    let from_sqlite = stdout(&liveblog(&["export", "--data-dir", &sqlite_dir], ""));
    assert!(from_sqlite.contains("Moved between stores") && from_sqlite.contains("$argon2id$"));
    assert!(
        from_sqlite.contains("Ferries resume at noon."),
        "the post's words travel"
    );
    assert!(from_sqlite.contains("Held back") && from_sqlite.contains("wire-feed"));
    assert!(
        !from_sqlite.contains(&token),
        "the token itself never travels"
    );

    let db = TestDatabase::create().await;
    stdout(&liveblog(
        &["import", "--database-url", &db.url],
        &from_sqlite,
    ));
    let from_postgres = stdout(&liveblog(&["export", "--database-url", &db.url], ""));
    assert_eq!(
        from_postgres, from_sqlite,
        "SQLite to PostgreSQL loses nothing"
    );

    let back = tempfile::tempdir().unwrap();
    let back_dir = back.path().to_str().unwrap();
    stdout(&liveblog(
        &["import", "--data-dir", back_dir],
        &from_postgres,
    ));
    assert_eq!(
        stdout(&liveblog(&["export", "--data-dir", back_dir], "")),
        from_sqlite,
        "and back"
    );

    // A server on the imported store: the same page, the numbering goes on, the
    // accounts work, and a new entry gets a new id.
    let url = db.url.clone();
    let mut moved = spawn_app_with(move |s| s.store.database_url = Some(url)).await;
    assert_eq!(moved.current_seq().await, seq);
    moved.login().await;
    moved.publish_titled("After the move").await;
    assert_eq!(moved.current_seq().await, seq + 1);
    let (_, compose) = moved.get_html(&format!("/editor/live/{DEMO}")).await;
    assert!(compose.contains("Held back"), "the draft moved too");
    let another = moved
        .publish(
            DEMO,
            &[("title", "Another"), ("body", "x"), ("action", "draft")],
        )
        .await;
    assert_eq!(another.status(), StatusCode::SEE_OTHER, "draft ids go on");
    let published = moved
        .client
        .post(moved.url(&format!("/api/v1/live/{DEMO}/entries")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"title": "From the wire", "body": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        published.status(),
        StatusCode::CREATED,
        "the token still works"
    );
    moved.stop().await;

    // An export from before drafts and tokens travelled still reads.
    let mut older: serde_json::Value = serde_json::from_str(&from_sqlite).unwrap();
    older["version"] = 1.into();
    let older = older.as_object_mut().unwrap();
    older.remove("drafts");
    older.remove("api_tokens");
    let old_dir = tempfile::tempdir().unwrap();
    let old_dir = old_dir.path().to_str().unwrap();
    stdout(&liveblog(
        &["import", "--data-dir", old_dir],
        &serde_json::to_string(&older).unwrap(),
    ));
    let reread: serde_json::Value =
        serde_json::from_str(&stdout(&liveblog(&["export", "--data-dir", old_dir], ""))).unwrap();
    assert_eq!(reread["blogs"], older["blogs"], "every page and entry");
    assert_eq!(reread["users"], older["users"], "every account");
    assert_eq!(reread["drafts"], serde_json::json!([]));

    let refused = liveblog(&["import", "--database-url", &db.url], &from_sqlite);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not empty"));
    let garbage = liveblog(&["import", "--data-dir", back_dir], "{\"not\": \"a dump\"}");
    assert!(!garbage.status.success());
    assert!(String::from_utf8_lossy(&garbage.stderr).contains("not a liveblog export"));
    db.drop().await;
}

#[tokio::test]
async fn an_import_is_checked_as_the_forms_check_and_refused_whole() {
    let mut app = spawn_app().await;
    app.stop().await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let good: serde_json::Value =
        serde_json::from_str(&stdout(&liveblog(&["export", "--data-dir", &dir], ""))).unwrap();
    let injected = serde_json::json!(["https://ok.example;", "script-src", "'unsafe-inline'", "*"]);
    let cases: [(&str, serde_json::Value, &str); 5] = [
        ("/blogs/0/blog/embed_origins", injected, "embed_origins"),
        ("/blogs/0/blog/language", "en\"><script>".into(), "language"),
        ("/blogs/0/entries/0/title", "".into(), "title"),
        ("/users/0/name", "two\nlines".into(), "name"),
        (
            "/blogs/0/entries/0/published_at",
            "+10000-01-01T00:00:00Z".into(),
            "published_at",
        ),
    ];
    for (pointer, value, field) in cases {
        let mut dump = good.clone();
        *dump.pointer_mut(pointer).expect(pointer) = value;
        let into = tempfile::tempdir().unwrap();
        let into = into.path().to_str().unwrap();
        let refused = liveblog(
            &["import", "--data-dir", into],
            &serde_json::to_string(&dump).unwrap(),
        );
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(!refused.status.success(), "{pointer}: {said}");
        assert!(
            said.contains("nothing was imported") && said.contains(&format!(", {field}:")),
            "{pointer}: {said}"
        );
        let record = if pointer.starts_with("/users") {
            "user"
        } else if pointer.contains("entries") {
            "entry"
        } else {
            "live page"
        };
        assert!(said.contains(record), "{pointer}: {said}");
        let after: serde_json::Value =
            serde_json::from_str(&stdout(&liveblog(&["export", "--data-dir", into], ""))).unwrap();
        assert_eq!(
            after["users"],
            serde_json::json!([]),
            "{pointer}: nothing imported"
        );
    }
}

#[tokio::test]
async fn the_demo_page_is_written_once() {
    let mut app = spawn_app().await;
    app.stop().await;
    let dir = app.data_dir.path().to_str().unwrap().to_owned();
    let dump = stdout(&liveblog(&["export", "--data-dir", &dir], ""));
    assert_eq!(dump.matches(&format!("\"slug\": \"{DEMO}\"")).count(), 1);
}
