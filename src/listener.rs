//! The server's listener. It accepts every connection and looks at its first request
//! without reading it: a connection that opens by asking for a live page's event stream
//! goes to [`DirectStreams`], which writes to the socket itself; every other connection
//! goes to the HTTP stack (axum on hyper), which reads the request as if nobody had
//! looked.
//!
//! An event stream asked for on a connection that has already carried other requests
//! (a browser reusing a kept-alive connection) is served by the HTTP stack's stream:
//! the same events, at a higher cost per subscriber.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::domain::BlogId;
use crate::live::{DirectStreams, Resume};
use crate::read_model::ReadModel;

/// The most of a first request looked at; a longer head goes to the HTTP stack.
const LOOK_AHEAD_BYTES: usize = 2048;

/// Connections for the HTTP stack.
pub struct Listener {
    connections: mpsc::Receiver<(TcpStream, SocketAddr)>,
    local_addr: SocketAddr,
}

/// What the listener needs to send event streams on their way.
pub struct Routes {
    pub pages: Arc<ReadModel>,
    pub direct: Arc<DirectStreams>,
}

impl Listener {
    /// Starts accepting on `tcp` until `shutdown` is cancelled. A connection that sends
    /// nothing within `first_request` is closed.
    pub fn start(
        tcp: TcpListener,
        routes: Routes,
        first_request: Duration,
        shutdown: CancellationToken,
    ) -> std::io::Result<Listener> {
        let local_addr = tcp.local_addr()?;
        let (sender, connections) = mpsc::channel(1024);
        tokio::spawn(accept(
            tcp,
            Arc::new(routes),
            sender,
            first_request,
            shutdown,
        ));
        Ok(Listener {
            connections,
            local_addr,
        })
    }
}

impl Listener {
    /// The next connection for the HTTP stack; `None` once accepting has stopped.
    pub async fn next(&mut self) -> Option<(TcpStream, SocketAddr)> {
        self.connections.recv().await
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }
}

async fn accept(
    tcp: TcpListener,
    routes: Arc<Routes>,
    http: mpsc::Sender<(TcpStream, SocketAddr)>,
    first_request: Duration,
    shutdown: CancellationToken,
) {
    loop {
        let accepted = tokio::select! {
            _ = shutdown.cancelled() => return,
            accepted = tcp.accept() => accepted,
        };
        let (socket, peer) = match accepted {
            Ok(connection) => connection,
            Err(error) => {
                // Out of file descriptors, most likely: wait for some to be freed.
                tracing::warn!(%error, "could not accept a connection");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        // Small writes (an SSE event, a redirect) go out at once rather than waiting
        // for Nagle's algorithm to gather more.
        if let Err(error) = socket.set_nodelay(true) {
            tracing::debug!(%error, "could not set TCP_NODELAY");
        }
        let routes = Arc::clone(&routes);
        let http = http.clone();
        tokio::spawn(async move {
            match tokio::time::timeout(first_request, event_stream_request(&socket, &routes)).await
            {
                Ok(Some(request)) => serve_directly(socket, request, &routes).await,
                Ok(None) => {
                    let _ = http.send((socket, peer)).await;
                }
                // Nothing asked: the connection is closed.
                Err(_) => {}
            }
        });
    }
}

/// A first request the direct streams can answer.
struct EventStreamRequest {
    head_len: usize,
    blog: BlogId,
    resume: Resume,
}

async fn serve_directly(mut socket: TcpStream, request: EventStreamRequest, routes: &Routes) {
    let mut head = vec![0; request.head_len];
    if socket.read_exact(&mut head).await.is_err() {
        return;
    }
    drop(head);
    Arc::clone(&routes.direct)
        .serve(socket, request.blog, request.resume)
        .await;
}

#[derive(Deserialize)]
struct ResumeQuery {
    last_event_id: Option<String>,
}

/// Looks at the connection's first request, without reading it, and says whether it
/// is a plain `GET /live/{slug}/events` for a page this server has.
async fn event_stream_request(socket: &TcpStream, routes: &Routes) -> Option<EventStreamRequest> {
    let mut buffer = [0; LOOK_AHEAD_BYTES];
    let seen = socket.peek(&mut buffer).await.ok()?;
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut request = httparse::Request::new(&mut headers);
    let httparse::Status::Complete(head_len) = request.parse(&buffer[..seen]).ok()? else {
        return None;
    };
    if request.method != Some("GET") {
        return None;
    }
    let (path, query) = match request.path?.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (request.path?, None),
    };
    let slug = path.strip_prefix("/live/")?.strip_suffix("/events")?;
    if slug.is_empty()
        || !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let mut last_event_id = None;
    for header in request.headers.iter() {
        let name = header.name;
        // A request with a body, or one asking to switch protocols, is for the HTTP stack.
        if ["content-length", "transfer-encoding", "upgrade", "expect"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
        {
            return None;
        }
        if name.eq_ignore_ascii_case("last-event-id") {
            last_event_id = Some(
                std::str::from_utf8(header.value)
                    .unwrap_or_default()
                    .to_owned(),
            );
        }
    }
    let query: ResumeQuery = serde_urlencoded::from_str(query.unwrap_or_default()).ok()?;
    let resume = last_event_id
        .or(query.last_event_id)
        .map_or(Resume::Fresh, |id| Resume::from_last_event_id(&id));
    let blog = routes.pages.page(slug)?.blog.id;
    routes
        .direct
        .can_serve(blog, resume)
        .then_some(EventStreamRequest {
            head_len,
            blog,
            resume,
        })
}
