//! One subscriber's SSE byte stream: a retry hint, the backlog, then live frames and
//! keep-alive comments until the browser leaves or the server shuts down.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{Instant, Interval, MissedTickBehavior};
use tokio_util::sync::CancellationToken;

use super::hub::{Backlog, LiveEvent, LiveHub, Subscription};
use super::request::KEEP_ALIVE_FRAME;
use crate::domain::Seq;

/// How often an idle stream sends a comment, so proxies keep it open.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How long a browser waits before reconnecting, at the least and at the most. Each
/// stream's `retry:` is drawn between the two, so the readers of an instance that
/// restarts come back over a few seconds, not all in the same moment.
pub const RETRY_LEAST: Duration = Duration::from_secs(1);
pub const RETRY_MOST: Duration = Duration::from_secs(4);

/// The `retry:` field that opens a stream: this stream's own wait before reconnecting.
pub fn retry_field() -> String {
    let least = u64::try_from(RETRY_LEAST.as_millis()).expect("a second fits");
    let most = u64::try_from(RETRY_MOST.as_millis()).expect("seconds fit");
    format!("retry: {}\n\n", rand::random_range(least..=most))
}
/// How long a browser that is ahead of this instance (it read the page from another
/// one) waits for this instance to catch up before it is told to reset.
pub const AHEAD_GRACE: Duration = Duration::from_secs(5);

/// How often, while streams are refused for lack of room, a stream is checked for a
/// reader who has left.
pub const LEFT_CHECK_WHEN_PRESSED: Duration = Duration::from_secs(1);

struct State {
    subscription: Subscription,
    /// Frames ready to go before anything else is read.
    queued: VecDeque<Bytes>,
    /// The newest sequence number sent; anything at or below it is not sent again.
    sent: Seq,
    keep_alive: Interval,
    /// While streams are refused for lack of room, a comment every second: writing is
    /// how a browser that has left is noticed, and its place given back.
    left_check: Interval,
    hub: Arc<LiveHub>,
    /// While the browser is ahead of this instance: by when it must have caught up.
    ahead_until: Option<Instant>,
    shutdown: CancellationToken,
}

/// The SSE body for one subscriber.
pub fn event_stream(
    mut subscription: Subscription,
    hub: Arc<LiveHub>,
    shutdown: CancellationToken,
) -> impl Stream<Item = Result<Bytes, Infallible>> + Send + 'static {
    let mut queued = VecDeque::new();
    queued.push_back(Bytes::from(retry_field()));
    let mut sent = subscription.last_seq;
    let mut ahead_until = None;
    match std::mem::replace(&mut subscription.backlog, Backlog::Replay(Vec::new())) {
        Backlog::Replay(events) => queued.extend(events.iter().map(|e| e.frame.clone())),
        Backlog::Ahead(id) => {
            sent = id;
            ahead_until = Some(Instant::now() + AHEAD_GRACE);
        }
        Backlog::Reset => {
            queued.push_back(LiveEvent::reset(sent).frame.clone());
        }
    }
    let mut keep_alive = tokio::time::interval_at(Instant::now() + KEEP_ALIVE, KEEP_ALIVE);
    keep_alive.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut left_check = tokio::time::interval(LEFT_CHECK_WHEN_PRESSED);
    left_check.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let state = State {
        subscription,
        queued,
        sent,
        keep_alive,
        left_check,
        hub,
        ahead_until,
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
            _ = state.keep_alive.tick() => return Some(KEEP_ALIVE_FRAME),
            _ = state.left_check.tick() => {
                if state.hub.is_pressed() {
                    return Some(KEEP_ALIVE_FRAME);
                }
            }
            _ = sleep_until_some(state.ahead_until) => {
                // This instance never reached what the browser has: start it afresh.
                state.ahead_until = None;
                return Some(LiveEvent::reset(state.sent).frame.clone());
            }
            received = state.subscription.receiver.recv() => match received {
                Ok(event) => {
                    if event.seq >= state.sent {
                        state.ahead_until = None;
                    }
                    if let Some(frame) = fresh_frame(&mut state.sent, &event) {
                        state.keep_alive.reset();
                        state.subscription.counted.stats().count_deliveries(1);
                        return Some(frame);
                    }
                }
                // Too slow to keep up: the browser reloads rather than miss changes.
                Err(RecvError::Lagged(_)) => {
                    state.subscription.counted.stats().count_reset();
                    let reset = LiveEvent::reset(state.sent);
                    state.subscription.receiver = state.subscription.receiver.resubscribe();
                    return Some(reset.frame.clone());
                }
                Err(RecvError::Closed) => return None,
            },
        }
    }
}

/// Waits until `deadline`, or for ever when there is none.
async fn sleep_until_some(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

/// The event's frame, unless the subscriber already has it (sent in its backlog).
fn fresh_frame(sent: &mut Seq, event: &Arc<LiveEvent>) -> Option<Bytes> {
    // A passing event (no change, never replayed) goes to everyone.
    if event.seq == 0 {
        return Some(event.frame.clone());
    }
    if event.seq <= *sent {
        return None;
    }
    *sent = event.seq;
    Some(event.frame.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_told_to_come_back_after_waits_of_their_own() {
        let waits: std::collections::HashSet<u64> = (0..50)
            .map(|_| {
                let field = retry_field();
                let wait = field
                    .strip_prefix("retry: ")
                    .and_then(|rest| rest.strip_suffix("\n\n"))
                    .expect("a retry field")
                    .parse()
                    .expect("milliseconds");
                assert!((1000..=4000).contains(&wait), "{wait}");
                wait
            })
            .collect();
        assert!(waits.len() > 10, "spread, not one wait for all: {waits:?}");
    }
}
