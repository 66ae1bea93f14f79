//! Healing after the database fails: a full disk, an I/O error, a lost connection.
//!
//! A connection that was open when the database failed may be left holding what it
//! had (on SQLite, a transaction that neither committed nor rolled back, keeping the
//! others locked out for good). So every failure is noted, and a connection opened
//! before the last one is closed as it is handed back or taken, never used again: the
//! pool opens fresh ones, and writes go on by themselves once the fault is gone.
//! The failures are counted, for `/metrics`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sqlx::pool::PoolConnectionMetadata;

/// When the last failure was noted, in nanoseconds since [`start`] (0: none yet).
static LAST_FAILURE: AtomicU64 = AtomicU64::new(0);
/// How many times the database has failed since the server started.
static FAILURES: AtomicU64 = AtomicU64::new(0);

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn since_start(at: Instant) -> u64 {
    u64::try_from(at.saturating_duration_since(start()).as_nanos()).unwrap_or(u64::MAX)
}

/// Notes that the database failed, just now.
pub(super) fn failed() {
    FAILURES.fetch_add(1, Ordering::Relaxed);
    LAST_FAILURE.store(since_start(Instant::now()).max(1), Ordering::Release);
}

/// How many times the database has failed since the server started.
pub fn failures() -> u64 {
    FAILURES.load(Ordering::Relaxed)
}

/// Whether a connection of this age was opened after the last failure, and so may be
/// used: an older one may hold what the failure left.
pub(super) fn opened_since_last_failure(connection: &PoolConnectionMetadata) -> bool {
    let last = LAST_FAILURE.load(Ordering::Acquire);
    if last == 0 {
        return true;
    }
    let now = Instant::now();
    let opened = now.checked_sub(connection.age).unwrap_or(start());
    since_start(opened) > last
}

/// How long `/healthz` trusts what it last found of the store's writes.
pub const PROBE_KEPT: Duration = Duration::from_secs(1);
/// How long after a failure `/healthz` says "cannot write" whatever the probe finds: a
/// disk with a little room left takes the probe's one row and not an entry.
pub const FAILURE_TOLD_FOR: Duration = Duration::from_secs(2);

/// How long ago the last failure was, if it was within [`FAILURE_TOLD_FOR`].
fn failed_lately() -> Option<Duration> {
    let last = LAST_FAILURE.load(Ordering::Acquire);
    if last == 0 {
        return None;
    }
    let ago = Duration::from_nanos(since_start(Instant::now()).saturating_sub(last));
    (ago < FAILURE_TOLD_FOR).then_some(ago)
}

/// What the last probe of the store's writes found, and when.
#[derive(Default)]
pub(super) struct Probe {
    last: tokio::sync::Mutex<Option<(Instant, Result<(), String>)>>,
}

impl super::Store {
    /// Whether the store takes writes now: no write has failed lately, and a one-row
    /// write goes through, made at most once a [`PROBE_KEPT`] however often it is
    /// asked (a load balancer's health checks).
    pub async fn writable(&self) -> Result<(), String> {
        if let Some(ago) = failed_lately() {
            return Err(format!("a write failed {:.1} s ago", ago.as_secs_f64()));
        }
        let mut last = self.probe.last.lock().await;
        if let Some((at, found)) = last.as_ref()
            && at.elapsed() < PROBE_KEPT
        {
            return found.clone();
        }
        let now = super::rows::time_text(chrono::Utc::now());
        let written = sqlx::query("UPDATE store_health SET probed_at = $1 WHERE id = 1")
            .bind(now)
            .execute(self.pool())
            .await;
        let found = written
            .map(|_| ())
            .map_err(|error| super::StoreError::from(error).to_string());
        *last = Some((Instant::now(), found.clone()));
        found
    }
}
