//! The server's listener. It accepts every connection and looks at its first request
//! without reading it: a connection that opens by asking for a live page's event stream
//! goes to [`DirectStreams`], which writes to the socket itself; every other connection
//! goes to the HTTP stack (axum on hyper), which reads the request as if nobody had
//! looked.
//!
//! An event stream asked for on a connection that has already carried other requests
//! (a browser reusing a kept-alive connection) is served by the HTTP stack's stream:
//! the same events, at a higher cost per subscriber.

use std::net::{IpAddr, SocketAddr};

use axum::http::{HeaderMap, HeaderValue};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::domain::BlogId;
use crate::live::request;
use crate::live::{DirectStreams, Resume};
use crate::per_address::{Held, PerAddress, client_address};
use crate::read_model::ReadModel;

/// The most of a first request looked at; a longer head goes to the HTTP stack.
pub const LOOK_AHEAD_BYTES: usize = 2048;

/// A connection for the HTTP stack: its socket, who connected, and its place among
/// its address's connections (to keep for as long as the connection lasts).
pub type Connection = (TcpStream, SocketAddr, Held);

/// Connections for the HTTP stack.
pub struct Listener {
    connections: mpsc::Receiver<Connection>,
    local_addr: SocketAddr,
}

/// What the listener needs to send event streams on their way.
pub struct Routes {
    pub pages: Arc<ReadModel>,
    pub direct: Arc<DirectStreams>,
    /// Open connections per client address, capped.
    pub connections: Arc<PerAddress>,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// Every stream to the HTTP stack (`--streams-through-http`).
    pub streams_through_http: bool,
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
    pub async fn next(&mut self) -> Option<Connection> {
        self.connections.recv().await
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }
}

async fn accept(
    tcp: TcpListener,
    routes: Arc<Routes>,
    http: mpsc::Sender<Connection>,
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
        // One address cannot hold every connection: beyond its share, it is closed at
        // once.
        let Some(held) = routes.connections.take(peer.ip()) else {
            tracing::debug!(address = %peer.ip(), "too many connections from one address");
            continue;
        };
        // Small writes (an SSE event, a redirect) go out at once rather than waiting
        // for Nagle's algorithm to gather more.
        if let Err(error) = socket.set_nodelay(true) {
            tracing::debug!(%error, "could not set TCP_NODELAY");
        }
        let routes = Arc::clone(&routes);
        let http = http.clone();
        tokio::spawn(async move {
            let looked = async {
                if routes.streams_through_http {
                    return None;
                }
                event_stream_request(&socket, peer.ip(), &routes).await
            };
            match tokio::time::timeout(first_request, looked).await {
                Ok(Some(request)) => serve_directly(socket, held, request, &routes).await,
                Ok(None) => {
                    let _ = http.send((socket, peer, held)).await;
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
    /// The client, as far as can be told (see [`client_address`]).
    client: IpAddr,
}

async fn serve_directly(
    mut socket: TcpStream,
    held: Held,
    request: EventStreamRequest,
    routes: &Routes,
) {
    let mut head = vec![0; request.head_len];
    if socket.read_exact(&mut head).await.is_err() {
        return;
    }
    drop(head);
    Arc::clone(&routes.direct)
        .serve(socket, held, request.blog, request.resume, request.client)
        .await;
}

/// Looks at the connection's first request, without reading it, and says whether it
/// is a plain `GET /live/{slug}/events` for a page this server has.
async fn event_stream_request(
    socket: &TcpStream,
    peer: IpAddr,
    routes: &Routes,
) -> Option<EventStreamRequest> {
    let mut buffer = [0; LOOK_AHEAD_BYTES];
    let seen = socket.peek(&mut buffer).await.ok()?;
    let head = event_stream_head(&buffer[..seen])?;
    let blog = routes.pages.id_of(head.slug)?;
    let mut forwarded = HeaderMap::new();
    for value in &head.forwarded_for {
        if let Ok(value) = HeaderValue::from_str(value) {
            forwarded.append("x-forwarded-for", value);
        }
    }
    routes
        .direct
        .can_serve(blog, head.resume)
        .then_some(EventStreamRequest {
            head_len: head.len,
            blog,
            resume: head.resume,
            client: client_address(peer, &forwarded, &routes.trusted_proxies),
        })
}

/// A connection's first request, read as the ask for a live page's event stream.
#[derive(Debug, PartialEq, Eq)]
pub struct StreamHead<'a> {
    /// How many bytes the request head takes.
    pub len: usize,
    pub slug: &'a str,
    /// From `Last-Event-ID`, or `?last_event_id=` when the header is missing.
    pub resume: Resume,
    /// Every `X-Forwarded-For` value, for a trusted proxy's word on the client.
    pub forwarded_for: Vec<&'a str>,
}

/// Reads the first bytes a connection sent: the ask for an event stream if they hold
/// the whole head of a plain `GET /live/{slug}/events`, with no body and no upgrade;
/// `None` for anything else, which the HTTP stack then reads in full.
pub fn event_stream_head(bytes: &[u8]) -> Option<StreamHead<'_>> {
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut request = httparse::Request::new(&mut headers);
    let httparse::Status::Complete(len) = request.parse(bytes).ok()? else {
        return None;
    };
    if request.method != Some("GET") {
        return None;
    }
    let target = request.path?;
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
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
    let mut forwarded_for = Vec::new();
    for header in request.headers.iter() {
        let name = header.name;
        // A request with a body, or one asking to switch protocols, is for the HTTP stack.
        if ["content-length", "transfer-encoding", "upgrade", "expect"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
        {
            return None;
        }
        if name.eq_ignore_ascii_case("x-forwarded-for") {
            forwarded_for.extend(std::str::from_utf8(header.value).ok());
        }
        if name.eq_ignore_ascii_case("last-event-id") {
            // A header that is not text is no number either: the browser gets a reset.
            last_event_id = Some(std::str::from_utf8(header.value).unwrap_or("unreadable"));
        }
    }
    let resume = request::resume(last_event_id, query);
    Some(StreamHead {
        len,
        slug,
        resume,
        forwarded_for,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_stream_request_is_read_with_where_the_browser_is() {
        let request =
            b"GET /live/storm-maren/events HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 41\r\n\r\n";
        let head = event_stream_head(request).unwrap();
        assert_eq!(head.len, request.len());
        assert_eq!(head.slug, "storm-maren");
        assert_eq!(head.resume, Resume::After(41));

        let query = b"GET /live/storm-maren/events?last_event_id=7 HTTP/1.1\r\n\r\n";
        assert_eq!(event_stream_head(query).unwrap().resume, Resume::After(7));
        let fresh = b"GET /live/a/events HTTP/1.1\r\n\r\n";
        assert_eq!(event_stream_head(fresh).unwrap().resume, Resume::Fresh);
        let garbled = b"GET /live/a/events HTTP/1.1\r\nLast-Event-ID: 1e9\r\n\r\n";
        assert_eq!(
            event_stream_head(garbled).unwrap().resume,
            Resume::Unreadable
        );
    }

    #[test]
    fn anything_else_is_left_to_the_http_stack() {
        for request in [
            &b"GET /live/storm-maren/events HTTP/1.1\r\nHost: x\r\n"[..],
            b"POST /live/storm-maren/events HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
            b"GET /live/storm-maren/events HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
            b"GET /live/storm-maren/events HTTP/1.1\r\nUpgrade: h2c\r\n\r\n",
            b"GET /live/../events HTTP/1.1\r\n\r\n",
            b"GET /live//events HTTP/1.1\r\n\r\n",
            b"GET /live/Storm/events HTTP/1.1\r\n\r\n",
            b"GET /live/storm-maren HTTP/1.1\r\n\r\n",
            b"\xff\xfe\r\n\r\n",
        ] {
            assert_eq!(event_stream_head(request), None, "{request:?}");
        }
    }
}
