//! One subscriber's SSE byte stream: a retry hint, the catch-up, then live frames and
//! keep-alive comments until the browser leaves or the server shuts down.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{Interval, MissedTickBehavior};
use tokio_util::sync::CancellationToken;

use super::hub::{Catchup, LiveEvent, Subscription};
use crate::store::Seq;

/// How often an idle stream sends a comment, so proxies keep it open.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How long a browser waits before reconnecting, sent as the SSE `retry:` field.
pub const RETRY: Duration = Duration::from_secs(2);

const KEEP_ALIVE_FRAME: &[u8] = b":\n\n";

struct State {
    subscription: Subscription,
    /// Frames ready to go before anything else is read.
    queued: VecDeque<Bytes>,
    /// The newest sequence number sent; anything at or below it is not sent again.
    sent: Seq,
    keep_alive: Interval,
    shutdown: CancellationToken,
}

/// The SSE body for one subscriber.
pub fn event_stream(
    mut subscription: Subscription,
    shutdown: CancellationToken,
) -> impl Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    let mut queued = VecDeque::new();
    queued.push_back(Bytes::from(format!("retry: {}\n\n", RETRY.as_millis())));
    let sent = subscription.last_seq;
    match std::mem::replace(&mut subscription.catchup, Catchup::Replay(Vec::new())) {
        Catchup::Replay(events) => queued.extend(events.iter().map(|e| e.frame.clone())),
        Catchup::Reset => {
            queued.push_back(LiveEvent::reset(sent).frame.clone());
        }
    }
    let mut keep_alive =
        tokio::time::interval_at(tokio::time::Instant::now() + KEEP_ALIVE, KEEP_ALIVE);
    keep_alive.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let state = State {
        subscription,
        queued,
        sent,
        keep_alive,
        shutdown,
    };

    futures_util::stream::unfold(state, |mut state| async move {
        let frame = next_frame(&mut state).await?;
        Some((Ok(frame), state))
    })
}

async fn next_frame(state: &mut State) -> Option<Bytes> {
    if let Some(frame) = state.queued.pop_front() {
        return Some(frame);
    }
    loop {
        tokio::select! {
            _ = state.shutdown.cancelled() => return None,
            _ = state.keep_alive.tick() => return Some(Bytes::from_static(KEEP_ALIVE_FRAME)),
            received = state.subscription.receiver.recv() => match received {
                Ok(event) => {
                    if let Some(frame) = fresh_frame(&mut state.sent, &event) {
                        state.keep_alive.reset();
                        return Some(frame);
                    }
                }
                // Too slow to keep up: the browser reloads rather than miss changes.
                Err(RecvError::Lagged(_)) => {
                    let reset = LiveEvent::reset(state.sent);
                    state.subscription.receiver = state.subscription.receiver.resubscribe();
                    return Some(reset.frame.clone());
                }
                Err(RecvError::Closed) => return None,
            },
        }
    }
}

/// The event's frame, unless the subscriber already has it (sent in its catch-up).
fn fresh_frame(sent: &mut Seq, event: &Arc<LiveEvent>) -> Option<Bytes> {
    if event.seq <= *sent {
        return None;
    }
    *sent = event.seq;
    Some(event.frame.clone())
}
