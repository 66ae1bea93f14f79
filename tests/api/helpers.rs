//! Starts the real server on 127.0.0.1:0 with a fresh store and talks to it over HTTP.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use liveblog::config::{ServeArgs, StoreArgs};
use liveblog::server::Server;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const ADMIN_PASSWORD: &str = "correct horse battery staple";
pub const DEMO: &str = "storm-maren";

pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub generated_password: Option<String>,
    /// What the server was started with, to start it again.
    pub settings: ServeArgs,
    /// The server's data directory, removed when the test ends.
    pub data_dir: Arc<tempfile::TempDir>,
    stop: Option<oneshot::Sender<()>>,
    running: Option<JoinHandle<std::io::Result<()>>>,
}

pub fn settings(data_dir: &std::path::Path) -> ServeArgs {
    ServeArgs {
        addr: "127.0.0.1:0".parse().unwrap(),
        store: StoreArgs {
            data_dir: data_dir.to_owned(),
            database_url: None,
        },
        admin_password: Some(ADMIN_PASSWORD.to_owned()),
        ended_pages_mb: liveblog::config::DEFAULT_ENDED_PAGES_MB,
        poll_votes_per_address: liveblog::polls::DEFAULT_VOTES_PER_ADDRESS,
        webhooks_to_private_addresses: true,
        push_per_hour: liveblog::push::DEFAULT_PUSH_PER_HOUR,
        push_to_private_addresses: true,
        figures_every: 60,
        replay_window: 1000,
        max_streams: liveblog::config::DEFAULT_MAX_STREAMS,
        max_upload_bytes: 64 * 1024,
        max_clip_bytes: liveblog::media::DEFAULT_MAX_CLIP_BYTES,
        header_read_timeout: 30,
        max_body_bytes: liveblog::web::DEFAULT_MAX_BODY_BYTES,
        max_header_bytes: liveblog::config::DEFAULT_MAX_HEADER_BYTES,
        secure_cookies: false,
        media_url: None,
        oembed_stand_in: None,
        frame_ancestors: None,
        public_url: None,
        // The test command runs the live tests a second time with every stream through
        // the HTTP stack.
        streams_through_http: std::env::var_os("LIVEBLOG_STREAMS_THROUGH_HTTP").is_some(),
        trusted_proxies: liveblog::config::TrustedProxies::this_machine(),
        max_streams_per_address: liveblog::per_address::DEFAULT_STREAMS_PER_ADDRESS,
        max_connections_per_address: liveblog::per_address::DEFAULT_CONNECTIONS_PER_ADDRESS,
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(change: impl FnOnce(&mut ServeArgs)) -> TestApp {
    let data_dir = Arc::new(tempfile::tempdir().unwrap());
    let mut settings = settings(data_dir.path());
    change(&mut settings);
    start(settings, data_dir, new_client()).await
}

/// An instance of the server on the PostgreSQL database `db`, which others may share.
pub async fn spawn_on(db: &TestDatabase) -> TestApp {
    let url = db.url.clone();
    spawn_app_with(move |settings| settings.store.database_url = Some(url)).await
}

async fn start(
    settings: ServeArgs,
    data_dir: Arc<tempfile::TempDir>,
    client: reqwest::Client,
) -> TestApp {
    let server = Server::build(settings.clone())
        .await
        .expect("server builds");
    let addr = server.addr();
    let generated_password = server.generated_admin_password().map(str::to_owned);
    let (stop, stopped) = oneshot::channel::<()>();
    let running = tokio::spawn(server.run(async move {
        let _ = stopped.await;
    }));
    TestApp {
        addr,
        client,
        generated_password,
        settings,
        data_dir,
        stop: Some(stop),
        running: Some(running),
    }
}

impl TestApp {
    /// A handle on a server running as a process of its own at `addr` (started with
    /// [`ADMIN_PASSWORD`]); stopping it is the caller's business.
    pub fn external(addr: SocketAddr) -> TestApp {
        let data_dir = Arc::new(tempfile::tempdir().unwrap());
        TestApp {
            addr,
            client: new_client(),
            generated_password: None,
            settings: settings(data_dir.path()),
            data_dir,
            stop: None,
            running: None,
        }
    }

    /// Shuts the server down and waits until it has stopped.
    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(running) = self.running.take() {
            running.await.unwrap().unwrap();
        }
    }

    /// Another handle on the same server, talking through `client`; it cannot stop it.
    pub fn with_client(&self, client: reqwest::Client) -> TestApp {
        TestApp {
            addr: self.addr,
            client,
            generated_password: None,
            settings: self.settings.clone(),
            data_dir: Arc::clone(&self.data_dir),
            stop: None,
            running: None,
        }
    }

    /// Another handle on the same server with the same cookies.
    pub fn clone_handle(&self) -> TestApp {
        self.with_client(self.client.clone())
    }

    /// Stops the server and starts it again on the same store (on a new port), keeping
    /// this client and its cookies.
    pub async fn restart(mut self) -> TestApp {
        self.stop().await;
        start(
            self.settings.clone(),
            Arc::clone(&self.data_dir),
            self.client.clone(),
        )
        .await
    }
}

/// A browser-like client: keeps cookies, does not follow redirects.
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The value of the first `name="csrf_token"` field in a page.
pub fn csrf_token(html: &str) -> String {
    let start = html
        .find("name=\"csrf_token\" value=\"")
        .expect("page has a csrf_token field")
        + "name=\"csrf_token\" value=\"".len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// How many entries a page shows in its stream (the pinned entry is outside it).
pub fn stream_articles(html: &str) -> Vec<String> {
    let stream = &html[html.find("id=\"stream\"").expect("page has a stream")..];
    let stream = &stream[..stream.find("</section>").unwrap()];
    stream
        .match_indices("<article id=\"entry-")
        .map(|(i, _)| stream[i + 19..].split('"').next().unwrap().to_owned())
        .collect()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_html(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        (response.status(), response.text().await.unwrap())
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    pub async fn login_with(&self, username: &str, password: &str) -> reqwest::Response {
        let (_, html) = self.get_html("/login").await;
        let token = csrf_token(&html);
        self.post_form(
            "/login",
            &[
                ("username", username),
                ("password", password),
                ("csrf_token", &token),
            ],
        )
        .await
    }

    pub async fn login(&self) {
        let response = self.login_with("admin", ADMIN_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in succeeds");
    }

    /// The CSRF token of the signed-in session, read from the compose form.
    pub async fn session_csrf(&self) -> String {
        let (status, html) = self.get_html(&format!("/editor/live/{DEMO}")).await;
        assert_eq!(status, StatusCode::OK);
        csrf_token(&html)
    }

    /// Posts the compose form with the session's CSRF token added.
    pub async fn publish(&self, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.session_csrf().await;
        let mut fields = fields.to_vec();
        fields.push(("csrf_token", &token));
        self.post_form(&format!("/editor/live/{slug}/entries"), &fields)
            .await
    }

    /// Keeps `fields` as a draft on the demo page through the form, and returns the
    /// draft's address, read from the desk's list of drafts (the form itself comes
    /// back empty, ready for the next entry).
    pub async fn save_draft(&self, fields: &[(&str, &str)]) -> String {
        let title = fields
            .iter()
            .find(|(name, _)| *name == "title")
            .map(|(_, value)| *value)
            .expect("a draft with a headline, to find it by");
        let mut fields = fields.to_vec();
        fields.push(("action", "draft"));
        let response = self.publish(DEMO, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()["location"],
            format!("/editor/live/{DEMO}?done=saved")
        );
        let (_, desk) = self.get_html(&format!("/editor/live/{DEMO}")).await;
        let at = desk
            .find(&format!(">{title}</a>"))
            .expect("the draft is listed");
        let start = desk[..at].rfind("href=\"").expect("linked") + 6;
        desk[start..].split('"').next().unwrap().to_owned()
    }

    /// Publishes a plain entry and returns its id, read from the reader's page.
    pub async fn publish_titled(&self, title: &str) -> String {
        let response = self
            .publish(DEMO, &[("title", title), ("body", "Some text.")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, html) = self.get_html(&format!("/live/{DEMO}")).await;
        let at = html
            .find(&format!(">{title}</a></h2>"))
            .expect("published entry is on the page");
        let before = &html[..at];
        let start = before.rfind("<article id=\"entry-").unwrap() + 19;
        before[start..].split('"').next().unwrap().to_owned()
    }

    /// The page's sequence number, as the reader's page states it.
    pub async fn current_seq(&self) -> u64 {
        let (_, html) = self.get_html(&format!("/live/{DEMO}")).await;
        let start = html.find("data-seq=\"").unwrap() + 10;
        html[start..].split('"').next().unwrap().parse().unwrap()
    }

    pub async fn events(&self, slug: &str, last_event_id: Option<&str>) -> SseReader {
        let mut request = self.client.get(self.url(&format!("/live/{slug}/events")));
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id);
        }
        SseReader::open(request).await
    }

    pub async fn events_at(&self, path: &str) -> SseReader {
        SseReader::open(self.client.get(self.url(path))).await
    }
}

/// One event read from an SSE stream.
#[derive(Debug)]
pub struct SseEvent {
    pub id: Option<u64>,
    pub event: String,
    pub data: Value,
}

/// Reads events from a live SSE response, skipping comments and `retry:` hints.
pub struct SseReader {
    body: std::pin::Pin<Box<dyn futures_util::Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>,
    buffer: String,
}

impl SseReader {
    pub async fn open(request: reqwest::RequestBuilder) -> SseReader {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        SseReader {
            body: Box::pin(response.bytes_stream()),
            buffer: String::new(),
        }
    }

    /// The next event, or `None` if none comes within `wait`.
    pub async fn next_within(&mut self, wait: Duration) -> Option<SseEvent> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                if let Some(event) = parse_block(&block) {
                    return Some(event);
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.body.next())
                .await
                .ok()??;
            self.buffer
                .push_str(std::str::from_utf8(&chunk.unwrap()).unwrap());
        }
    }

    pub async fn next(&mut self) -> SseEvent {
        self.next_within(Duration::from_secs(5))
            .await
            .expect("an event arrives")
    }
}

pub fn parse_block(block: &str) -> Option<SseEvent> {
    let (mut id, mut event, mut data) = (None, None, None);
    for line in block.lines() {
        if let Some(v) = line.strip_prefix("id: ") {
            id = Some(v.parse().unwrap());
        } else if let Some(v) = line.strip_prefix("event: ") {
            event = Some(v.to_owned());
        } else if let Some(v) = line.strip_prefix("data: ") {
            data = Some(serde_json::from_str(v).expect("data is JSON"));
        }
    }
    Some(SseEvent {
        id,
        event: event?,
        data: data?,
    })
}

/// A second person in the newsroom, signed in on their own client.
pub async fn person(admin: &TestApp, name: &str, role: &str) -> TestApp {
    let token = admin.session_csrf().await;
    let password = format!("{name}'s long password");
    let response = admin
        .post_form(
            "/editor/people",
            &[
                ("username", name),
                ("role", role),
                ("password", &password),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{name} is added");
    let them = admin.with_client(new_client());
    let response = them.login_with(name, &password).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{name} signs in");
    them
}

/// The machine's PostgreSQL server, where each test makes a database of its own.
pub const POSTGRES: &str = "postgres://postgres@127.0.0.1:5432";

/// A fresh PostgreSQL database for one test.
pub struct TestDatabase {
    pub url: String,
    name: String,
}

impl TestDatabase {
    pub async fn create() -> TestDatabase {
        use sqlx::Connection;
        let name = format!(
            "liveblog_test_{}",
            liveblog::accounts::random_token()[..16].to_owned()
        );
        let mut admin = sqlx::PgConnection::connect(&format!("{POSTGRES}/test"))
            .await
            .unwrap();
        let create = format!("CREATE DATABASE {name}");
        sqlx::raw_sql(sqlx::AssertSqlSafe(create))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        TestDatabase {
            url: format!("{POSTGRES}/{name}"),
            name,
        }
    }

    /// Removes the database, whoever is still connected.
    pub async fn drop(self) {
        use sqlx::Connection;
        let mut admin = sqlx::PgConnection::connect(&format!("{POSTGRES}/test"))
            .await
            .unwrap();
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        sqlx::raw_sql(sqlx::AssertSqlSafe(drop))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
    }
}

/// Every file below `dir`, in its folders too, whose name ends in `.{extension}`.
pub fn files_below(dir: &std::path::Path, extension: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        for item in std::fs::read_dir(dir).unwrap() {
            let path = item.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                files.push(path);
            }
        }
    }
    files
}

/// A port nothing listens on just now, for a server the test starts.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The server's SQLite file, opened beside it.
pub async fn open_store(app: &TestApp) -> sqlx::SqliteConnection {
    use sqlx::Connection;
    let file = app.data_dir.path().join("liveblog.db");
    sqlx::SqliteConnection::connect(&format!("sqlite://{}", file.display()))
        .await
        .unwrap()
}

/// Everything the record holds, as text: every row of every table but the sessions,
/// the counted tries at secrets (which sign-ins, tokens and their expiry change by
/// design) and the row `/healthz` writes to find the store writable.
pub async fn record(app: &TestApp) -> Vec<String> {
    use sqlx::{Connection, Row};
    let mut db = open_store(app).await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT IN ('sessions', 'attempt_limits', 'store_health') \
         ORDER BY name",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
            .bind(&table)
            .fetch_all(&mut db)
            .await
            .unwrap();
        let quoted: Vec<String> = columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
        let query = format!(
            "SELECT {} FROM \"{table}\" ORDER BY rowid",
            quoted.join(" || '|' || ")
        );
        for row in sqlx::query(sqlx::AssertSqlSafe(query.as_str()))
            .fetch_all(&mut db)
            .await
            .unwrap()
        {
            rows.push(format!("{table}: {}", row.get::<String, _>(0)));
        }
    }
    db.close().await.unwrap();
    rows
}

/// A server running as a process of its own, killed when dropped.
pub struct Process(pub std::process::Child);

impl Process {
    /// Starts `liveblog serve` on 127.0.0.1:0 with `args` and `env` besides, signed in
    /// to as [`ADMIN_PASSWORD`], and a handle on it once it says where it serves.
    pub fn serve(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> (Process, TestApp) {
        Process::serve_logged(args, env, None)
    }

    /// As [`Process::serve`], with what it logs appended to the file `log`.
    pub fn serve_logged(
        args: &[&std::ffi::OsStr],
        env: &[(&str, &str)],
        log: Option<&std::path::Path>,
    ) -> (Process, TestApp) {
        use std::io::BufRead;
        let stderr = match log {
            Some(file) => std::process::Stdio::from(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(file)
                    .unwrap(),
            ),
            None => std::process::Stdio::null(),
        };
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_liveblog"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .env_remove("DATABASE_URL")
            .env("LIVEBLOG_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .envs(env.iter().copied())
            .stdout(std::process::Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let addr = lines
            .map_while(Result::ok)
            .find_map(|line| {
                line.strip_prefix("liveblog is serving at http://")
                    .map(str::to_owned)
            })
            .expect("the server starts");
        (Process(child), TestApp::external(addr.parse().unwrap()))
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
