//! `loadgen seed`: entries of realistic size published to a liveblog page through the
//! JSON API, so the page a benchmark reads is about the size of a real one.

use clap::Args;

use crate::http::{Client, Server};
use crate::words::Prose;
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// The server, e.g. http://127.0.0.1:3000.
    #[arg(long)]
    url: String,
    /// The live page's slug.
    #[arg(long, default_value = "storm-maren")]
    slug: String,
    /// An API token (`liveblog token create NAME`).
    #[arg(long)]
    token: String,
    /// How many entries to publish.
    #[arg(long, default_value_t = 20)]
    entries: usize,
    /// About how long each entry's Markdown body is, in characters.
    #[arg(long, default_value_t = 1500)]
    body_chars: usize,
}

pub async fn run(args: SeedArgs) -> Result<()> {
    let server = Server::from_url(&args.url).await?;
    let mut client = Client::new(server.clone());
    let path = format!("/api/v1/live/{}/entries", args.slug);
    let authorization = format!("Bearer {}", args.token);
    let mut bytes = 0;
    for n in 0..args.entries {
        let mut prose = Prose::new(n as u64 + 1);
        let fields = serde_json::json!({
            "title": prose.title(8),
            "body": entry_body(&mut prose, args.body_chars),
        });
        let body = serde_json::to_vec(&fields)?;
        bytes += body.len();
        let request = server.post(
            &path,
            &[
                ("Authorization", &authorization),
                ("Content-Type", "application/json"),
            ],
            &body,
        );
        let (head, answer) = client.request(&request).await?;
        if !matches!(head.status, 200 | 201) {
            return Err(Error::new(format!(
                "publishing entry {n}: {} {}",
                head.status,
                String::from_utf8_lossy(&answer)
            )));
        }
    }
    println!(
        "published {} entries to /live/{} ({} bytes of JSON)",
        args.entries, args.slug, bytes
    );
    Ok(())
}

/// A body as a reporter writes one: paragraphs, a quote, a short list, a last word.
fn entry_body(prose: &mut Prose, chars: usize) -> String {
    let paragraph = chars * 3 / 10;
    let mut body = String::new();
    body.push_str(&prose.line(paragraph));
    body.push_str("\n\n");
    body.push_str(&format!("> {}\n\n", prose.sentence()));
    body.push_str(&prose.line(paragraph));
    body.push_str("\n\n");
    for _ in 0..3 {
        body.push_str(&format!("- {}\n", prose.phrase()));
    }
    body.push('\n');
    let rest = chars.saturating_sub(body.len());
    body.push_str(&prose.line(rest.max(40)));
    body
}

#[cfg(test)]
mod tests {
    use super::entry_body;
    use crate::words::Prose;

    #[test]
    fn a_body_has_the_size_and_parts_asked_for() {
        let body = entry_body(&mut Prose::new(3), 1500);
        assert!((1450..1600).contains(&body.len()), "{}", body.len());
        assert!(body.contains("\n> "));
        assert_eq!(body.matches("\n- ").count(), 3);
    }
}
