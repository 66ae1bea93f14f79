//! Any bytes as a connection's first request, `Last-Event-ID` included: the listener
//! reads them without panicking, and what it takes for an event stream is sound.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog::listener::event_stream_head;
use liveblog::live::Resume;

fuzz_target!(|bytes: &[u8]| {
    if let Some(head) = event_stream_head(bytes) {
        // The head it reads is inside what was sent, and names a slug from it, in the
        // characters a slug may have.
        assert!(head.len <= bytes.len());
        assert!(!head.slug.is_empty());
        assert!(
            head.slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        );
        // Empty lines before the request line are allowed, and skipped.
        let request_line = bytes
            .split(|&b| b == b'\n')
            .find(|line| !line.is_empty() && *line != b"\r")
            .unwrap_or_default();
        let wanted = format!("/live/{}/events", head.slug);
        assert!(
            request_line
                .windows(wanted.len())
                .any(|w| w == wanted.as_bytes())
        );
    }
    // Whatever a browser sends as its last event id, reading it never panics.
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _: Resume = Resume::from_last_event_id(text);
    }
});
