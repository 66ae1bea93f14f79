//! The live hub: one broadcast channel per live page, carrying each change as a
//! ready-to-send SSE frame, with a replay window for browsers that reconnect.
//!
//! A frame is encoded once, when the change is published, and the same bytes go to
//! every subscriber: nothing is rendered or serialised per reader.

mod direct;
mod hub;
pub mod request;
mod stream;

pub use direct::{DirectStreams, SLOW_WRITE_TIMEOUT};
pub use hub::{
    Backlog, ChannelReport, ChannelStats, LiveEvent, LiveHub, Resume, StreamsFull, Subscription,
};
pub use stream::{AHEAD_GRACE, KEEP_ALIVE, event_stream};
