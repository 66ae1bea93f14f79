//! `GET /metrics`: what an operator's Prometheus reads.

use reqwest::StatusCode;

use crate::helpers::{DEMO, spawn_app};

/// The value of one sample line, such as `liveblog_subscribers{page="storm-maren"}`.
fn sample(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in:\n{text}"))
}

#[tokio::test]
async fn metrics_count_subscribers_events_deliveries_and_requests() {
    let app = spawn_app().await;
    let page = format!("{{page=\"{DEMO}\"}}");
    let before = app.get("/metrics").await.text().await.unwrap();
    assert_eq!(sample(&before, &format!("liveblog_subscribers{page}")), 0.0);
    let published = sample(&before, &format!("liveblog_events_published_total{page}"));

    let mut first = app.events(DEMO, None).await;
    let mut second = app.events(DEMO, None).await;
    app.login().await;
    app.publish_titled("Counted once, delivered twice").await;
    first.next().await;
    second.next().await;

    let response = app.get("/metrics").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    let after = response.text().await.unwrap();
    assert_eq!(sample(&after, &format!("liveblog_subscribers{page}")), 2.0);
    assert_eq!(
        sample(&after, &format!("liveblog_events_published_total{page}")),
        published + 1.0
    );
    assert_eq!(
        sample(&after, &format!("liveblog_deliveries_total{page}")),
        2.0
    );
    assert_eq!(
        sample(&after, &format!("liveblog_lagged_resets_total{page}")),
        0.0
    );
    let page_requests = "liveblog_http_request_duration_seconds_count{route=\"/live/{slug}\",method=\"GET\",status=\"200\"}";
    assert!(sample(&after, page_requests) >= 1.0);
}
