//! Any bytes as a connection's first request, `Last-Event-ID` included: the listener
//! reads them without panicking, and what it takes for an event stream is sound.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog::listener::event_stream_head;
use liveblog::live::Resume;
use liveblog::store::Seq;

fuzz_target!(|bytes: &[u8]| {
    if let Some(head) = event_stream_head(bytes) {
        assert!(head.len <= bytes.len());
        assert!(!head.slug.is_empty());
        assert!(
            head.slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        );
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        match Resume::from_last_event_id(text) {
            Resume::After(seq) => assert_eq!(text.trim().parse(), Ok(seq)),
            Resume::Unreadable => assert!(text.trim().parse::<Seq>().is_err()),
            Resume::Fresh => panic!("a Last-Event-ID is never a fresh start"),
        }
    }
});
