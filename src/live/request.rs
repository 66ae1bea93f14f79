//! One model of a request for a live page's event stream, for the two ways it is
//! answered: by the listener's direct writers (a connection's first request) and by
//! the HTTP stack's route (a request on a connection that carried others). Both read
//! where the browser resumes the same way, refuse the same way, and send the same
//! head and keep-alive.

use bytes::Bytes;

use super::hub::{Resume, StreamsFull};

/// The route, as the HTTP stack names it and `/metrics` counts it.
pub const EVENTS_ROUTE: &str = "/live/{slug}/events";

/// A comment, sent when nothing else has been for a while, so proxies keep the stream
/// open and a browser that has left is noticed.
pub const KEEP_ALIVE_FRAME: Bytes = Bytes::from_static(b":\n\n");

/// The headers of a stream's answer, besides those every answer carries
/// ([`crate::headers::every_answer`]).
pub const STREAM_HEADERS: [(&str, &str); 4] = [
    ("content-type", "text/event-stream"),
    ("cache-control", "no-cache"),
    // Tells nginx not to buffer the stream.
    ("x-accel-buffering", "no"),
    crate::headers::ANY_ORIGIN,
];

/// Where a browser resumes: from its `Last-Event-ID` header, or, from a fresh
/// `EventSource` that cannot send the header, from `?last_event_id=` in the query.
pub fn resume(last_event_id: Option<&str>, query: Option<&str>) -> Resume {
    let from_query = || query_value(query?, "last_event_id");
    match last_event_id.map(str::to_owned).or_else(from_query) {
        Some(id) => Resume::from_last_event_id(&id),
        None => Resume::Fresh,
    }
}

/// The value of `name` in a query string, decoded.
fn query_value(query: &str, name: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    pairs
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// A stream refused for lack of room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub reason: &'static str,
    /// Seconds before trying again.
    pub retry_after: &'static str,
    pub body: &'static str,
}

impl From<StreamsFull> for Refusal {
    fn from(full: StreamsFull) -> Refusal {
        match full {
            // The page's script tries again.
            StreamsFull::Instance => Refusal {
                status: 503,
                reason: "Service Unavailable",
                retry_after: "5",
                body: "This server is full just now. Try again shortly.\n",
            },
            StreamsFull::Address => Refusal {
                status: 429,
                reason: "Too Many Requests",
                retry_after: "30",
                body: "Too many live streams from your address just now.\n",
            },
        }
    }
}

impl Refusal {
    /// The headers of the refusal, besides those every answer carries.
    pub fn headers(&self) -> [(&'static str, &'static str); 3] {
        [
            ("content-type", "text/plain; charset=utf-8"),
            ("retry-after", self.retry_after),
            ("cache-control", "no-store"),
        ]
    }
}

/// An answer's head as the direct writers put it on the wire: the status line,
/// `headers`, then `every_answer`'s, and the connection closing at the end of the body.
pub fn raw_head(
    status: u16,
    reason: &str,
    headers: &[(&str, &str)],
    every_answer: &[(&str, &str)],
) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status} {reason}\r\n");
    for (name, value) in headers.iter().chain(every_answer) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("connection: close\r\n\r\n");
    head.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_ids_ask_for_a_reset() {
        assert_eq!(Resume::from_last_event_id("42"), Resume::After(42));
        assert_eq!(Resume::from_last_event_id(" 7 "), Resume::After(7));
        for bad in ["", "-1", "abc", "99999999999999999999999", "1e3"] {
            assert_eq!(Resume::from_last_event_id(bad), Resume::Unreadable, "{bad}");
        }
    }

    #[test]
    fn the_header_wins_over_the_query_and_garbage_asks_for_a_reset() {
        assert_eq!(
            resume(Some("41"), Some("last_event_id=7")),
            Resume::After(41)
        );
        assert_eq!(resume(None, Some("x=1&last_event_id=7")), Resume::After(7));
        assert_eq!(resume(None, None), Resume::Fresh);
        assert_eq!(resume(None, Some("other=1")), Resume::Fresh);
        assert_eq!(resume(Some("1e9"), None), Resume::Unreadable);
    }
}
