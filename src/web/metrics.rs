//! `GET /metrics` in the Prometheus text format: request latency by route, and for
//! each live page its connected subscribers, events published, deliveries and resets.

use std::collections::BTreeSet;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::AppState;
use crate::live::{ChannelStats, LiveHub};
use crate::read_model::ReadModel;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    /// The route as written in the router (`/live/{slug}`), so the label set stays small.
    route: &'static str,
    method: &'static str,
    status: u16,
}

/// The router's routes, each kept once for the life of the process: labels then cost
/// no allocation per request.
fn interned(route: &str) -> &'static str {
    static ROUTES: RwLock<BTreeSet<&'static str>> = RwLock::new(BTreeSet::new());
    if let Some(known) = ROUTES.read().unwrap_or_else(|p| p.into_inner()).get(route) {
        return known;
    }
    let mut routes = ROUTES.write().unwrap_or_else(|p| p.into_inner());
    if let Some(known) = routes.get(route) {
        return known;
    }
    // At most one leak per route of the router: a fixed, small set.
    let kept: &'static str = Box::leak(route.to_owned().into_boxed_str());
    routes.insert(kept);
    kept
}

type Latencies = Family<RequestLabels, Histogram, fn() -> Histogram>;

/// Buckets from 100 µs to about 3.3 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0001, 2.0, 16))
}

/// Everything `/metrics` reports.
pub struct Metrics {
    registry: Registry,
    latencies: Latencies,
}

impl Metrics {
    pub fn new(hub: Arc<LiveHub>, pages: Arc<ReadModel>) -> Metrics {
        let mut registry = Registry::with_prefix("liveblog");
        let latencies = Latencies::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's arrival to its response's head, by route",
            latencies.clone(),
        );
        registry.register_collector(Box::new(LivePages { hub, pages }));
        registry.register_collector(Box::new(StoreFailures));
        Metrics {
            registry,
            latencies,
        }
    }

    fn encode(&self) -> Result<String, std::fmt::Error> {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// Times every request with a route; requests for no route (404s) are counted under
/// the route "unmatched".
impl Metrics {
    /// Counts one answer to `route`, given outside the HTTP stack (the direct stream
    /// writers'), like those the stack counts itself.
    pub fn observe(&self, route: &'static str, method: &'static str, status: u16, took: Duration) {
        let labels = RequestLabels {
            route,
            method,
            status,
        };
        self.latencies
            .get_or_create(&labels)
            .observe(took.as_secs_f64());
    }
}

pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |matched| interned(matched.as_str()));
    let method = match *request.method() {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        // Whatever else a client invents stays one label value.
        _ => "other",
    };
    let response = next.run(request).await;
    let labels = RequestLabels {
        route,
        method,
        status: response.status().as_u16(),
    };
    state
        .metrics
        .latencies
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    response
}

pub async fn metrics(State(state): State<AppState>) -> Response {
    match state.metrics.encode() {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(_) => super::AppError::Internal("metrics could not be written".into()).into_response(),
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PageLabels {
    page: String,
}

/// Reads one counter of a page.
type Reading = fn(&ChannelStats) -> u64;

/// Reads each live page's figures from the hub at the moment of the scrape.
struct LivePages {
    hub: Arc<LiveHub>,
    pages: Arc<ReadModel>,
}

impl std::fmt::Debug for LivePages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LivePages")
    }
}

/// The times the database failed (a full disk, an I/O error, a lost connection): the
/// writes refused for it, and the reads.
#[derive(Debug)]
struct StoreFailures;

impl Collector for StoreFailures {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let counter = ConstCounter::new(crate::store::failures());
        let metric = encoder.encode_descriptor(
            "store_failures",
            "Reads and writes the database failed (a full disk, an I/O error, a lost connection)",
            None,
            counter.metric_type(),
        )?;
        counter.encode(metric)
    }
}

impl Collector for LivePages {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let reports: Vec<_> = self
            .hub
            .report()
            .into_iter()
            .filter_map(|report| {
                let page = self.pages.listing_by_id(report.blog)?;
                // Years of ended pages nobody reads add no series: the live pages and
                // those read lately do.
                if !page.blog.is_live() && !report.held {
                    return None;
                }
                Some((
                    PageLabels {
                        page: page.blog.slug.as_str().to_owned(),
                    },
                    report,
                ))
            })
            .collect();

        let held = i64::try_from(self.hub.held_channels()).unwrap_or(i64::MAX);
        let gauge = ConstGauge::new(held);
        let metric = encoder.encode_descriptor(
            "held_channels",
            "Live pages whose event channel this instance holds open, for readers now or lately",
            None,
            gauge.metric_type(),
        )?;
        gauge.encode(metric)?;

        let (ended, weight) = self.pages.ended_in_memory();
        let ended_gauges = [
            (
                "ended_pages_in_memory",
                "Ended pages kept in memory since they were read",
                ended,
            ),
            (
                "ended_pages_bytes",
                "About how much memory the ended pages kept take, against --ended-pages-mb",
                weight,
            ),
        ];
        for (name, help, value) in ended_gauges {
            let gauge = ConstGauge::new(i64::try_from(value).unwrap_or(i64::MAX));
            let metric = encoder.encode_descriptor(name, help, None, gauge.metric_type())?;
            gauge.encode(metric)?;
        }

        let gauge = ConstGauge::new(0_i64);
        let mut family = encoder.encode_descriptor(
            "subscribers",
            "Browsers connected to a live page's event stream",
            None,
            gauge.metric_type(),
        )?;
        for (labels, report) in &reports {
            let count = i64::try_from(report.stats.subscribers()).unwrap_or(i64::MAX);
            ConstGauge::new(count).encode(family.encode_family(labels)?)?;
        }

        let counters: [(&str, &str, Reading); 4] = [
            (
                "events_published",
                "Changes published to a live page",
                |s| s.published(),
            ),
            (
                "deliveries",
                "Event frames handed to subscribers' connections",
                |s| s.deliveries(),
            ),
            (
                "lagged_resets",
                "Subscribers told to reload because they fell too far behind",
                |s| s.resets(),
            ),
            (
                "events_passed",
                "Passing events sent to a live page, not changes (its polls' counts)",
                |s| s.passed(),
            ),
        ];
        for (name, help, read) in counters {
            let mut family = encoder.encode_descriptor(
                name,
                help,
                None,
                ConstCounter::new(0_u64).metric_type(),
            )?;
            for (labels, report) in &reports {
                ConstCounter::new(read(&report.stats)).encode(family.encode_family(labels)?)?;
            }
        }
        Ok(())
    }
}
