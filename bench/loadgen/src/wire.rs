//! `wire`: publishes marked events at a steady rate, as a news agency's feed does, and
//! says when each was sent and acknowledged (ns since the epoch), for `crowd`s reading
//! elsewhere to measure from.

use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::Args;

use crate::fanout::Stream;
use crate::http::{Client, Server};
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct WireArgs {
    /// Where to publish, e.g. http://127.0.0.1:3001.
    #[arg(long)]
    url: String,
    /// liveblog: an API token; without one, the target is nchan.
    #[arg(long)]
    token: Option<String>,
    /// liveblog: the live page's slug.
    #[arg(long, default_value = "storm-maren")]
    slug: String,
    /// nchan: the channel.
    #[arg(long, default_value = "bench")]
    channel: String,
    /// How many events, one every `--every-ms`.
    #[arg(long, default_value_t = 60)]
    events: usize,
    #[arg(long, default_value_t = 1000)]
    every_ms: u64,
    /// About how many bytes of text each event carries.
    #[arg(long, default_value_t = 1500)]
    payload_bytes: usize,
}

fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

pub async fn run(args: WireArgs) -> Result<()> {
    let server = Server::from_url(&args.url).await?;
    let stream = match &args.token {
        Some(token) => Stream::Liveblog {
            slug: args.slug.clone(),
            token: token.clone(),
        },
        None => Stream::Nchan {
            channel: args.channel.clone(),
        },
    };
    let mut client = Client::new(server.clone());
    let mut every = tokio::time::interval(Duration::from_millis(args.every_ms.max(1)));
    let mut sent = Vec::with_capacity(args.events);
    for k in 0..args.events {
        every.tick().await;
        let request = stream.publish(&server, k, args.payload_bytes)?;
        let sent_at = now_ns();
        let status = match client.request(&request).await {
            Ok((head, _)) => head.status,
            Err(error) => {
                eprintln!("wire: event {k} not acknowledged: {error}");
                0
            }
        };
        sent.push(serde_json::json!({
            "k": k,
            "sent_at": sent_at,
            "acked_at": now_ns(),
            "status": status,
        }));
    }
    let failed = sent
        .iter()
        .filter(|e| !(200..300).contains(&e["status"].as_u64().unwrap_or(0)))
        .count();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        serde_json::json!({ "url": args.url, "failed": failed, "events": sent })
    )?;
    if failed > 0 {
        return Err(Error::new(format!("{failed} events were not acknowledged")));
    }
    Ok(())
}
