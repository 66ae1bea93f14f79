//! A shared post's author and title, asked of its platform where the server can reach
//! it. Only the platform's own oEmbed endpoint from the table of providers is asked
//! (never an address a post or an editor gives), never on this machine or a private
//! network, once, after the entry is saved, within [`OEMBED_TIMEOUT`]. Nothing waits for
//! it: the entry is published with what the editor gave, and corrected in place if the
//! platform tells what the editor left empty. Where it cannot be reached (a newsroom
//! without a way out, a platform down), nothing happens.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::domain::embeds::{self, oembed_endpoint};
use crate::domain::{Entry, EntryContent};
use crate::newsroom::{Edit, Newsroom};

/// How long the platform has to answer, connection included.
pub const OEMBED_TIMEOUT: Duration = Duration::from_secs(3);
/// The largest answer read; an oEmbed answer is a few hundred bytes.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// How many platforms are asked at once; a post beyond them is not asked.
const ASKS_AT_ONCE: usize = 4;
/// Who a correction made from the platform's answer is by, in the entry's history.
pub const FILLED_BY: &str = "oembed";

/// What a platform says of a post.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Described {
    pub author_name: Option<String>,
    pub title: Option<String>,
}

/// Asks platforms of posts.
pub struct PostFiller {
    client: reqwest::Client,
    /// One turn for each platform asked at once.
    asking: Arc<tokio::sync::Semaphore>,
    /// For tests: every endpoint is asked at this address instead (on this machine).
    stand_in: Option<Url>,
}

/// Whether an address is on the open internet: not this machine, a private or
/// shared network, a link, or one set aside.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0)
                || (a == 198 && (18..20).contains(&b))
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let [first, second, ..] = v6.segments();
            // NAT64 and 6to4 addresses carry an IPv4 address, which may be private.
            let nat64 = v6.segments()[..6] == [0x64, 0xff9b, 0, 0, 0, 0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || nat64
                || first == 0x2002
                || v6.segments()[..6] == [0; 6]
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || (first & 0xffc0) == 0xfec0
                || first == 0x2001 && second == 0x0db8)
        }
    }
}

impl PostFiller {
    /// Asks platforms themselves, or, for tests, a stand-in at `stand_in` on this
    /// machine that answers for all of them (the platform's host in `x-oembed-host`).
    pub fn new(stand_in: Option<Url>) -> PostFiller {
        let client = reqwest::Client::builder()
            .timeout(OEMBED_TIMEOUT)
            .connect_timeout(OEMBED_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("liveblog/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        PostFiller {
            client,
            asking: Arc::new(tokio::sync::Semaphore::new(ASKS_AT_ONCE)),
            stand_in,
        }
    }

    /// What the platform of the post at `post_url` says of it; `None` when it has no
    /// endpoint, cannot be reached, or answers with nothing readable.
    pub async fn describe(&self, post_url: &str) -> Option<Described> {
        let embed = embeds::embed_for(post_url)?;
        let mut endpoint = Url::parse(&oembed_endpoint(&embed)?).ok()?;
        endpoint
            .query_pairs_mut()
            .append_pair("url", &embed.url)
            .append_pair("format", "json")
            .append_pair("omit_script", "true");
        let request = match &self.stand_in {
            Some(stand_in) => {
                let mut asked = stand_in.clone();
                asked.set_path(endpoint.path());
                asked.set_query(endpoint.query());
                let host = endpoint.host_str()?.to_owned();
                self.client.get(asked).header("x-oembed-host", host)
            }
            None => {
                // The address is looked up once and checked: a name that leads to
                // this machine or a private network is never asked.
                let host = endpoint.host_str()?.to_owned();
                let port = endpoint.port_or_known_default()?;
                let found: Vec<SocketAddr> = tokio::time::timeout(
                    OEMBED_TIMEOUT,
                    tokio::net::lookup_host((host.as_str(), port)),
                )
                .await
                .ok()?
                .ok()?
                .collect();
                let address = *found.first()?;
                if !found.iter().all(|a| is_public(a.ip())) {
                    tracing::warn!(%host, "an oEmbed endpoint leads to a private address; not asked");
                    return None;
                }
                reqwest::Client::builder()
                    .timeout(OEMBED_TIMEOUT)
                    .connect_timeout(OEMBED_TIMEOUT)
                    .redirect(reqwest::redirect::Policy::none())
                    .resolve(&host, address)
                    .build()
                    .ok()?
                    .get(endpoint)
            }
        };
        let mut response = request.send().await.ok()?;
        if !response.status().is_success() {
            return None;
        }
        let mut answer = Vec::new();
        while let Some(chunk) = response.chunk().await.ok()? {
            answer.extend_from_slice(&chunk);
            if answer.len() > MAX_ANSWER_BYTES {
                return None;
            }
        }
        let described: Described = serde_json::from_slice(&answer).ok()?;
        let clean = |text: Option<String>| {
            text.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty())
        };
        Some(Described {
            author_name: clean(described.author_name),
            title: clean(described.title),
        })
    }

    /// After `entry` is saved on page `slug`: if its post lacks an author or words,
    /// asks the platform, and corrects the entry in place with what it tells, unless
    /// the entry has been saved again meanwhile.
    pub fn fill_later(self: &Arc<Self>, newsroom: Arc<Newsroom>, slug: String, entry: Entry) {
        let Some(post) = entry.post.clone() else {
            return;
        };
        // Asked once: not again after its own correction, nor for a post told already.
        if (post.author.is_some() && post.text.is_some())
            || entry.updated_by.as_deref() == Some(FILLED_BY)
        {
            return;
        }
        // A burst of posts asks a few platforms at once; the rest keep the editor's words.
        let Ok(turn) = Arc::clone(&self.asking).try_acquire_owned() else {
            return;
        };
        let filler = Arc::clone(self);
        tokio::spawn(async move {
            let _turn = turn;
            let Some(described) = filler.describe(&post.url).await else {
                return;
            };
            let mut input = entry.to_input();
            let mut filled = false;
            if input.post_author.trim().is_empty()
                && let Some(author) = described.author_name
            {
                input.post_author = author;
                filled = true;
            }
            if input.post_text.trim().is_empty()
                && let Some(title) = described.title
            {
                input.post_text = title;
                filled = true;
            }
            if !filled {
                return;
            }
            let Ok(content) = EntryContent::parse(&input) else {
                return;
            };
            let edit = Edit {
                by: FILLED_BY,
                base_version: Some(entry.version),
                note: None,
                published_at: None,
            };
            match newsroom.correct(&slug, entry.id, content, edit).await {
                Ok(_) => {
                    tracing::info!(entry = %entry.id, "a shared post's author and title filled from its platform")
                }
                Err(problem) => {
                    tracing::info!(entry = %entry.id, %problem, "a shared post was not filled from its platform")
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_addresses_on_the_open_internet_are_asked() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "64:ff9b::7f00:1",
            "2002:7f00:1::1",
            "::127.0.0.1",
            "fec0::1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["142.250.180.14", "2a00:1450:4009:81f::200e"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }
}
