//! Event streams written straight to their sockets: a connection that opens by asking
//! for a page's events is answered outside the HTTP stack. Each test talks raw HTTP/1.1
//! over its own TCP connection, as a browser's first request on a connection does.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::helpers::{DEMO, spawn_app, spawn_app_with};

/// One SSE connection read by hand: the response head, then events as they come.
struct RawStream {
    socket: TcpStream,
    buffer: String,
    head: String,
}

/// An event as read off the wire.
#[derive(Debug, PartialEq)]
struct Frame {
    id: Option<u64>,
    event: String,
    data: String,
}

impl RawStream {
    async fn open(socket: TcpStream, extra_headers: &str) -> RawStream {
        let mut stream = RawStream {
            socket,
            buffer: String::new(),
            head: String::new(),
        };
        stream.send_events_request(extra_headers).await;
        stream
    }

    async fn connect(addr: SocketAddr, extra_headers: &str) -> RawStream {
        RawStream::open(TcpStream::connect(addr).await.unwrap(), extra_headers).await
    }

    async fn send_events_request(&mut self, extra_headers: &str) {
        let request = format!(
            "GET /live/{DEMO}/events HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n{extra_headers}\r\n"
        );
        self.socket.write_all(request.as_bytes()).await.unwrap();
        while !self.buffer.contains("\r\n\r\n") {
            self.fill().await.expect("a response head");
        }
        let end = self.buffer.find("\r\n\r\n").unwrap() + 4;
        self.head = self
            .buffer
            .drain(..end)
            .collect::<String>()
            .to_ascii_lowercase();
    }

    /// Reads more bytes; `None` when the server has closed the stream.
    async fn fill(&mut self) -> Option<()> {
        let mut chunk = [0; 16 * 1024];
        let read = tokio::time::timeout(Duration::from_secs(10), self.socket.read(&mut chunk))
            .await
            .expect("the server answers within 10 s")
            .ok()?;
        if read == 0 {
            return None;
        }
        self.buffer
            .push_str(std::str::from_utf8(&chunk[..read]).unwrap());
        Some(())
    }

    /// The next event (comments and retry hints skipped), or `None` at the end.
    async fn next(&mut self) -> Option<Frame> {
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut frame = Frame {
                    id: None,
                    event: String::new(),
                    data: String::new(),
                };
                for line in block.lines() {
                    if let Some(id) = line.strip_prefix("id: ") {
                        frame.id = Some(id.parse().unwrap());
                    } else if let Some(event) = line.strip_prefix("event: ") {
                        frame.event = event.to_owned();
                    } else if let Some(data) = line.strip_prefix("data: ") {
                        frame.data = data.to_owned();
                    }
                }
                if !frame.event.is_empty() {
                    return Some(frame);
                }
            }
            self.fill().await?;
        }
    }
}

/// The direct writer's head: delimited by the connection's end, not chunked.
fn written_directly(head: &str) -> bool {
    head.contains("content-type: text/event-stream")
        && head.contains("connection: close")
        && !head.contains("transfer-encoding")
}

#[tokio::test]
async fn a_first_request_for_events_is_written_directly_and_a_later_one_by_the_http_stack() {
    let app = spawn_app().await;
    let mut direct = RawStream::connect(app.addr, "").await;
    assert!(
        direct.head.starts_with("http/1.1 200 ok"),
        "{}",
        direct.head
    );
    assert!(written_directly(&direct.head), "{}", direct.head);
    assert!(direct.head.contains("x-accel-buffering: no"));

    // The same request on a connection that has already carried one.
    let mut reused = TcpStream::connect(app.addr).await.unwrap();
    reused
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .unwrap();
    let mut answer = [0; 1024];
    let read = reused.read(&mut answer).await.unwrap();
    assert!(
        std::str::from_utf8(&answer[..read])
            .unwrap()
            .ends_with("ok")
    );
    let mut stacked = RawStream::open(reused, "").await;
    assert!(
        stacked.head.starts_with("http/1.1 200 ok"),
        "{}",
        stacked.head
    );
    assert!(!written_directly(&stacked.head), "{}", stacked.head);

    app.login().await;
    let id = app.publish_titled("Both kinds of stream carry it").await;
    for stream in [&mut direct, &mut stacked] {
        let frame = stream.next().await.unwrap();
        assert_eq!(frame.event, "entry-created");
        assert!(
            frame.data.contains(&format!("\"id\":{id}")),
            "{}",
            frame.data
        );
    }
}

#[tokio::test]
async fn a_direct_stream_replays_what_the_browser_missed() {
    let app = spawn_app().await;
    app.login().await;
    let before = app.current_seq().await;
    app.publish_titled("Missed one").await;
    app.publish_titled("Missed two").await;

    let mut stream = RawStream::connect(app.addr, &format!("Last-Event-ID: {before}\r\n")).await;
    assert!(written_directly(&stream.head));
    assert_eq!(stream.next().await.unwrap().id, Some(before + 1));
    assert_eq!(stream.next().await.unwrap().id, Some(before + 2));

    // An id that cannot be read gets a reset, as from the HTTP stack.
    let mut unreadable = RawStream::connect(app.addr, "Last-Event-ID: yesterday\r\n").await;
    assert_eq!(unreadable.next().await.unwrap().event, "reset");
}

#[tokio::test]
async fn a_reader_that_stops_reading_never_holds_up_the_others() {
    // A small replay window, so the stalled reader falls out of it.
    let app = spawn_app_with(|settings| settings.replay_window = 5).await;
    app.login().await;

    // A reader with a tiny receive buffer that reads nothing for now.
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stalled = socket.connect(app.addr).await.unwrap();
    let mut stalled = RawStream::open(stalled, "").await;
    assert!(written_directly(&stalled.head));
    let mut reading = RawStream::connect(app.addr, "").await;

    // About 20 KB an event, 5 MB in all: more than the kernel holds for one socket
    // (4 MB here at most).
    let body = "Gales along the whole coast tonight. ".repeat(540);
    let mut published = Vec::new();
    for n in 0..250 {
        let response = app
            .publish(
                DEMO,
                &[("title", &format!("Long update {n}")), ("body", &body)],
            )
            .await;
        assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
        let frame = reading
            .next()
            .await
            .expect("the reading reader gets every event");
        assert_eq!(frame.event, "entry-created");
        published.push(frame.id.unwrap());
    }
    assert!(published.windows(2).all(|w| w[1] == w[0] + 1));

    // The stalled reader, reading at last: what it got is in order, without a gap,
    // and either all of it or cut short by a reset.
    let mut seen = Vec::new();
    let mut reset = false;
    while let Some(frame) = stalled.next().await {
        if frame.event == "reset" {
            reset = true;
            break;
        }
        seen.push(frame.id.unwrap());
        if seen.last() == published.last() {
            break;
        }
    }
    assert!(seen.windows(2).all(|w| w[1] == w[0] + 1), "{seen:?}");
    assert!(reset || seen == published, "{seen:?}");
    assert!(
        reset,
        "5 MB of events do not fit in the socket's buffers and a window of 5"
    );
}

#[tokio::test]
async fn direct_streams_end_when_the_server_shuts_down() {
    let mut app = spawn_app().await;
    let mut stream = RawStream::connect(app.addr, "").await;
    assert!(written_directly(&stream.head));
    app.stop().await;
    assert_eq!(stream.next().await, None, "the stream ends");
}

#[tokio::test]
async fn streams_beyond_the_limit_get_503_with_retry_after() {
    let app = spawn_app_with(|settings| settings.max_streams = 1).await;
    let first = RawStream::connect(app.addr, "").await;
    assert!(first.head.starts_with("http/1.1 200 ok"));

    // A second reader on a connection of its own, and one asking through the HTTP stack.
    let mut refused = TcpStream::connect(app.addr).await.unwrap();
    refused
        .write_all(format!("GET /live/{DEMO}/events HTTP/1.1\r\nHost: test\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut answer = String::new();
    refused.read_to_string(&mut answer).await.unwrap();
    let answer = answer.to_ascii_lowercase();
    assert!(answer.starts_with("http/1.1 503"), "{answer}");
    assert!(answer.contains("retry-after: 5"), "{answer}");
    assert!(answer.ends_with("try again shortly.\n"), "{answer}");

    // The client's connection has carried a request already: the HTTP stack answers.
    assert_eq!(app.get("/healthz").await.status(), reqwest::StatusCode::OK);
    let stacked = app.get(&format!("/live/{DEMO}/events")).await;
    assert_eq!(stacked.status(), reqwest::StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(stacked.headers()["retry-after"], "5");
    drop(first);
}

#[tokio::test]
async fn clients_that_send_nothing_or_trickle_their_request_are_cut_off() {
    let app = spawn_app_with(|settings| settings.header_read_timeout = 1).await;
    let closed_within = |mut socket: TcpStream| async move {
        let started = std::time::Instant::now();
        let mut rest = Vec::new();
        let read =
            tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut rest)).await;
        assert!(read.is_ok(), "the server closed the connection");
        started.elapsed()
    };

    // Connects and says nothing.
    let silent = TcpStream::connect(app.addr).await.unwrap();
    assert!(closed_within(silent).await < Duration::from_secs(3));

    // Sends half a request head and stops.
    let mut trickling = TcpStream::connect(app.addr).await.unwrap();
    trickling
        .write_all(b"GET / HTTP/1.1\r\nHost: test\r\n")
        .await
        .unwrap();
    assert!(closed_within(trickling).await < Duration::from_secs(3));

    // Keeps a connection open after a request, doing nothing.
    let mut idle = TcpStream::connect(app.addr).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .unwrap();
    assert!(closed_within(idle).await < Duration::from_secs(3));
}

/// A head's headers that say what the answer is, by name (those about the connection,
/// its length, encoding and date aside, which differ by how it is sent).
fn what_the_head_says(head: &str) -> Vec<String> {
    let mut lines: Vec<String> = head
        .lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .filter(|line| {
            ![
                "date:",
                "connection:",
                "transfer-encoding:",
                "content-length:",
                "vary:",
            ]
            .iter()
            .any(|name| line.starts_with(name))
        })
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

#[tokio::test]
async fn both_ways_of_answering_a_stream_send_the_same_headers_and_refusals() {
    let app = spawn_app_with(|settings| settings.max_streams_per_address = 1).await;
    let direct = RawStream::connect(app.addr, "").await;
    assert!(written_directly(&direct.head), "{}", direct.head);
    let through_http = spawn_app_with(|settings| {
        settings.streams_through_http = true;
        settings.max_streams_per_address = 1;
    })
    .await;
    let stacked = RawStream::connect(through_http.addr, "").await;
    assert!(!written_directly(&stacked.head), "{}", stacked.head);
    assert_eq!(
        what_the_head_says(&direct.head),
        what_the_head_says(&stacked.head)
    );
    for header in [
        "content-security-policy: default-src 'self'",
        "referrer-policy: strict-origin-when-cross-origin",
        "x-content-type-options: nosniff",
    ] {
        assert!(direct.head.contains(header), "{header}: {}", direct.head);
    }

    // One stream too many from one address: refused alike.
    let trusted = "X-Forwarded-For: 203.0.113.77\r\n";
    let mut refusals = Vec::new();
    for addr in [app.addr, through_http.addr] {
        let _first = RawStream::connect(addr, trusted).await;
        let refused = RawStream::connect(addr, trusted).await;
        assert!(refused.head.starts_with("http/1.1 429"), "{}", refused.head);
        refusals.push(what_the_head_says(&refused.head));
    }
    assert_eq!(refusals[0], refusals[1]);
    drop(direct);
    drop(stacked);

    // Both are counted in /metrics under the same route.
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(
        metrics.contains("route=\"/live/{slug}/events\",method=\"GET\",status=\"200\""),
        "{metrics}"
    );
    assert!(metrics.contains("route=\"/live/{slug}/events\",method=\"GET\",status=\"429\""));
}

/// `liveblog_held_channels` from `/metrics`.
async fn held_channels(app: &crate::helpers::TestApp) -> u64 {
    let metrics = app.get("/metrics").await.text().await.unwrap();
    metrics
        .lines()
        .find_map(|line| line.strip_prefix("liveblog_held_channels "))
        .and_then(|n| n.parse().ok())
        .expect("the gauge is reported")
}

/// A raw event stream of the page `slug`, its head read.
async fn stream_of(addr: SocketAddr, slug: &str) -> TcpStream {
    let mut socket = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET /live/{slug}/events HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n"
    );
    socket.write_all(request.as_bytes()).await.unwrap();
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        let mut byte = [0];
        socket.read_exact(&mut byte).await.unwrap();
        head.push(byte[0]);
    }
    assert!(
        head.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&head)
    );
    socket
}

#[tokio::test]
async fn pages_read_once_and_left_let_go_of_their_writers_and_channels() {
    let app = spawn_app().await;
    let token = crate::json_api::new_token(&app, "desk");
    let mut slugs = Vec::new();
    for n in 0..10 {
        let slug = format!("county-{n}");
        let opened = (app.client.post(app.url("/api/v1/live")))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "title": format!("County {n}"), "slug": slug }))
            .send()
            .await
            .unwrap();
        assert_eq!(opened.status(), reqwest::StatusCode::CREATED);
        slugs.push(slug);
    }
    let mut streams = Vec::new();
    for slug in &slugs {
        streams.push(stream_of(app.addr, slug).await);
    }
    assert!(
        held_channels(&app).await >= 10,
        "each page read holds its channel"
    );
    drop(streams);

    // Once their readers have gone and a while has passed, the pages hold nothing.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    while held_channels(&app).await > 0 {
        assert!(tokio::time::Instant::now() < deadline, "still held");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }

    // A reader who comes back is served as before.
    let mut socket = stream_of(app.addr, &slugs[3]).await;
    let posted = (app
        .client
        .post(app.url(&format!("/api/v1/live/{}/entries", slugs[3]))))
    .bearer_auth(&token)
    .json(&serde_json::json!({ "title": "Turnout 61%", "body": "Counted." }))
    .send()
    .await
    .unwrap();
    assert_eq!(posted.status(), reqwest::StatusCode::CREATED);
    let mut seen = String::new();
    while !seen.contains("Turnout 61%") {
        let mut chunk = [0; 4096];
        let read = tokio::time::timeout(Duration::from_secs(10), socket.read(&mut chunk))
            .await
            .expect("the entry comes")
            .unwrap();
        assert!(read > 0, "the stream stays open");
        seen.push_str(&String::from_utf8_lossy(&chunk[..read]));
    }
}
