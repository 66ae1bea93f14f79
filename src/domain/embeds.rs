//! Posts and video from other platforms, by the address of the post: which platform
//! it is on, and the address of that platform's own embed frame (an iframe; never a
//! platform's script). One table, one row per platform: to take another platform,
//! add a row and its test.
//!
//! A reader's page shows nothing from the platform until the reader asks: the entry
//! holds a card with a link to the post, and the frame is loaded from the address
//! given here only then.
//!
//! The pages' `frame-src` names every platform's frame hosts, and only those. Mastodon
//! runs on thousands of servers and a page's policy is fixed before its entries are
//! known (the first page is served compressed, once per change), so its frames are
//! shown from the servers in [`MASTODON_SERVERS`]; a post on any other server is a card
//! that links to it.

use url::Url;

/// A platform whose posts an entry may carry.
#[derive(Debug)]
pub struct Provider {
    /// Its name in the page's attributes and the reader's stored choices, as `youtube`.
    pub key: &'static str,
    /// What readers call it, as `YouTube`.
    pub name: &'static str,
    /// The hosts its embed frames come from, for the page's `frame-src`.
    pub frame_hosts: &'static [&'static str],
    /// The hosts its posts' addresses are on; empty: any host (Mastodon).
    hosts: &'static [&'static str],
    /// The embed frame's address for a post's address on one of `hosts`.
    frame: fn(&Url) -> Option<String>,
    /// Its oEmbed endpoint, which says a post's author and title without a key; `None`
    /// for platforms that have none or ask for an app's token. Mastodon's is each
    /// listed server's own `/api/oembed`.
    pub oembed: Option<&'static str>,
}

/// Platforms are told apart by their key.
impl PartialEq for Provider {
    fn eq(&self, other: &Provider) -> bool {
        self.key == other.key
    }
}

impl Eq for Provider {}

/// A post recognised: its platform, the address as given, and its embed frame's, if
/// the page may show it (it is on one of the platform's `frame_hosts`).
#[derive(Debug, PartialEq, Eq)]
pub struct Embed {
    pub provider: &'static Provider,
    pub url: String,
    pub frame: Option<String>,
}

/// The Mastodon servers whose frames a page may show, the largest and the newsrooms'
/// own: add a server here to show its posts in place.
pub const MASTODON_SERVERS: &[&str] = &[
    "mastodon.social",
    "mastodon.online",
    "mastodon.world",
    "mstdn.social",
    "mas.to",
    "infosec.exchange",
    "journa.host",
    "newsie.social",
    "social.bund.de",
    "mastodon.nl",
];

/// The hosts of every platform's posts, Mastodon's aside (a post there is known by its
/// path: `/@{user}/{number}` on any host), for the editor's form to spot a post.
pub fn post_hosts() -> impl Iterator<Item = &'static str> {
    PROVIDERS.iter().flat_map(|p| p.hosts.iter().copied())
}

/// The hosts of every platform's frames: what the pages' `frame-src` names.
pub fn frame_hosts() -> impl Iterator<Item = &'static str> {
    PROVIDERS.iter().flat_map(|p| p.frame_hosts.iter().copied())
}

/// The path's parts, without empty ones: `/@ana/status/12/` gives `@ana`, `status`, `12`.
fn parts(url: &Url) -> Vec<&str> {
    url.path_segments()
        .map(|s| s.filter(|part| !part.is_empty()).collect())
        .unwrap_or_default()
}

/// A value of the address's query, as `v` in `?v=abc`.
fn query(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// Letters, digits, `-` and `_` only: an id as platforms write them, safe in a path.
fn id(value: &str) -> Option<&str> {
    let plain = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    plain.then_some(value)
}

fn digits(value: &str) -> Option<&str> {
    (!value.is_empty() && value.len() <= 32 && value.chars().all(|c| c.is_ascii_digit()))
        .then_some(value)
}

/// `value` percent-encoded for a query.
fn encoded(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn youtube(url: &Url) -> Option<String> {
    let parts = parts(url);
    let video = match (url.host_str()?, parts.as_slice()) {
        ("youtu.be", [video]) => video.to_string(),
        (_, ["watch"]) => query(url, "v")?,
        (_, ["shorts" | "live" | "embed", video]) => video.to_string(),
        _ => return None,
    };
    Some(format!(
        "https://www.youtube-nocookie.com/embed/{}",
        id(&video)?
    ))
}

fn vimeo(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        [video] | ["video", video] => Some(format!(
            "https://player.vimeo.com/video/{}?dnt=1",
            digits(video)?
        )),
        _ => None,
    }
}

fn x(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        [user, "status", post, ..] => {
            id(user)?;
            Some(format!(
                "https://platform.twitter.com/embed/Tweet.html?id={}&dnt=true",
                digits(post)?
            ))
        }
        _ => None,
    }
}

fn bluesky(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        ["profile", who, "post", post] => {
            // A handle (`desk.bsky.social`) or a DID (`did:plc:…`).
            let plain = who.len() <= 253
                && who
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
            plain.then_some(())?;
            Some(format!(
                "https://embed.bsky.app/embed/{who}/app.bsky.feed.post/{}",
                id(post)?
            ))
        }
        _ => None,
    }
}

fn instagram(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        [kind @ ("p" | "reel" | "tv"), post, ..] => Some(format!(
            "https://www.instagram.com/{kind}/{}/embed/",
            id(post)?
        )),
        _ => None,
    }
}

fn tiktok(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        [user, "video", video] if user.starts_with('@') => Some(format!(
            "https://www.tiktok.com/embed/v2/{}",
            digits(video)?
        )),
        _ => None,
    }
}

fn facebook(url: &Url) -> Option<String> {
    let parts = parts(url);
    let plugin = match parts.as_slice() {
        [_, "videos", ..] | ["watch"] | ["reel", _] => "video",
        [_, "posts", _] | ["permalink.php"] | ["photo.php"] | [_, "photos", ..] => "post",
        _ => return None,
    };
    Some(format!(
        "https://www.facebook.com/plugins/{plugin}.php?href={}",
        encoded(url.as_str())
    ))
}

fn threads(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        [user, "post", post] if user.starts_with('@') => {
            id(&user[1..])?;
            Some(format!(
                "https://www.threads.net/{user}/post/{}/embed",
                id(post)?
            ))
        }
        _ => None,
    }
}

/// Any Mastodon server: `https://{server}/@{user}/{number}`.
fn mastodon(url: &Url) -> Option<String> {
    if url.scheme() != "https" || url.port().is_some() {
        return None;
    }
    let host = url.host_str()?;
    match parts(url).as_slice() {
        [user, post] if user.starts_with('@') && !user[1..].contains('@') => {
            id(&user[1..])?;
            Some(format!("https://{host}/{user}/{}/embed", digits(post)?))
        }
        _ => None,
    }
}

fn telegram(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        [channel, post] => Some(format!(
            "https://t.me/{}/{}?embed=1",
            id(channel)?,
            digits(post)?
        )),
        _ => None,
    }
}

fn reddit(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        ["r", sub, "comments", post, rest @ ..] => {
            let slug = rest.first().and_then(|s| id(s)).unwrap_or("_");
            Some(format!(
                "https://embed.reddit.com/r/{}/comments/{}/{slug}/?embed=true",
                id(sub)?,
                id(post)?
            ))
        }
        _ => None,
    }
}

fn soundcloud(url: &Url) -> Option<String> {
    match parts(url).as_slice() {
        [user, track] => {
            id(user)?;
            id(track)?;
            Some(format!(
                "https://w.soundcloud.com/player/?url={}&auto_play=false",
                encoded(&format!("https://soundcloud.com/{user}/{track}"))
            ))
        }
        _ => None,
    }
}

/// Every platform, in the order their addresses are tried: Mastodon, which takes any
/// server, last.
pub static PROVIDERS: [Provider; 12] = [
    Provider {
        key: "youtube",
        name: "YouTube",
        frame_hosts: &["www.youtube-nocookie.com"],
        hosts: &[
            "youtube.com",
            "www.youtube.com",
            "m.youtube.com",
            "youtu.be",
        ],
        frame: youtube,
        oembed: Some("https://www.youtube.com/oembed"),
    },
    Provider {
        key: "vimeo",
        name: "Vimeo",
        frame_hosts: &["player.vimeo.com"],
        hosts: &["vimeo.com", "www.vimeo.com", "player.vimeo.com"],
        frame: vimeo,
        oembed: Some("https://vimeo.com/api/oembed.json"),
    },
    Provider {
        key: "x",
        name: "X",
        frame_hosts: &["platform.twitter.com"],
        hosts: &[
            "x.com",
            "www.x.com",
            "twitter.com",
            "www.twitter.com",
            "mobile.twitter.com",
        ],
        frame: x,
        oembed: Some("https://publish.twitter.com/oembed"),
    },
    Provider {
        key: "bluesky",
        name: "Bluesky",
        frame_hosts: &["embed.bsky.app"],
        hosts: &["bsky.app"],
        frame: bluesky,
        oembed: Some("https://embed.bsky.app/oembed"),
    },
    Provider {
        key: "instagram",
        name: "Instagram",
        frame_hosts: &["www.instagram.com"],
        hosts: &["instagram.com", "www.instagram.com"],
        frame: instagram,
        oembed: None,
    },
    Provider {
        key: "tiktok",
        name: "TikTok",
        frame_hosts: &["www.tiktok.com"],
        hosts: &["tiktok.com", "www.tiktok.com", "m.tiktok.com"],
        frame: tiktok,
        oembed: Some("https://www.tiktok.com/oembed"),
    },
    Provider {
        key: "facebook",
        name: "Facebook",
        frame_hosts: &["www.facebook.com"],
        hosts: &["facebook.com", "www.facebook.com", "m.facebook.com"],
        frame: facebook,
        oembed: None,
    },
    Provider {
        key: "threads",
        name: "Threads",
        frame_hosts: &["www.threads.net"],
        hosts: &[
            "threads.net",
            "www.threads.net",
            "threads.com",
            "www.threads.com",
        ],
        frame: threads,
        oembed: None,
    },
    Provider {
        key: "telegram",
        name: "Telegram",
        frame_hosts: &["t.me"],
        hosts: &["t.me", "telegram.me"],
        frame: telegram,
        oembed: None,
    },
    Provider {
        key: "reddit",
        name: "Reddit",
        frame_hosts: &["embed.reddit.com"],
        hosts: &[
            "reddit.com",
            "www.reddit.com",
            "old.reddit.com",
            "new.reddit.com",
        ],
        frame: reddit,
        oembed: Some("https://www.reddit.com/oembed"),
    },
    Provider {
        key: "soundcloud",
        name: "SoundCloud",
        frame_hosts: &["w.soundcloud.com"],
        hosts: &["soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"],
        frame: soundcloud,
        oembed: Some("https://soundcloud.com/oembed"),
    },
    Provider {
        key: "mastodon",
        name: "Mastodon",
        frame_hosts: MASTODON_SERVERS,
        hosts: &[],
        frame: mastodon,
        oembed: None,
    },
];

/// Where a post's author and title are asked for: its platform's oEmbed endpoint, or,
/// on a Mastodon server this page shows frames from, that server's. `None` for any
/// other post.
pub fn oembed_endpoint(embed: &Embed) -> Option<String> {
    if let Some(endpoint) = embed.provider.oembed {
        return Some(endpoint.to_owned());
    }
    let url = Url::parse(&embed.url).ok()?;
    let host = url.host_str()?;
    (embed.provider.key == "mastodon" && MASTODON_SERVERS.contains(&host))
        .then(|| format!("https://{host}/api/oembed"))
}

/// The post at `address`, if it is one from a platform in [`PROVIDERS`]: only
/// `https://` and `http://` addresses, and nothing with a user name or password in it.
pub fn embed_for(address: &str) -> Option<Embed> {
    let url = Url::parse(address.trim()).ok()?;
    if !matches!(url.scheme(), "https" | "http")
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    PROVIDERS
        .iter()
        .filter(|p| p.hosts.is_empty() || p.hosts.contains(&host.as_str()))
        .find_map(|provider| {
            let frame = (provider.frame)(&url)?;
            let shown_here = Url::parse(&frame)
                .ok()
                .and_then(|f| f.host_str().map(|h| provider.frame_hosts.contains(&h)))
                .unwrap_or(false);
            Some(Embed {
                provider,
                url: url.to_string(),
                frame: shown_here.then_some(frame),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The platform's key and the frame's address for a post's address.
    fn frame(address: &str) -> Option<(&'static str, String)> {
        embed_for(address).map(|e| (e.provider.key, e.frame.unwrap_or_default()))
    }

    #[test]
    fn youtube_plays_from_its_privacy_enhanced_host() {
        for address in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?t=42",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://youtube.com/live/dQw4w9WgXcQ",
        ] {
            assert_eq!(
                frame(address),
                Some((
                    "youtube",
                    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ".into()
                )),
                "{address}"
            );
        }
        assert_eq!(frame("https://www.youtube.com/watch?v=a%22onload%3D"), None);
        assert_eq!(frame("https://www.youtube.com/@newsroom"), None);
    }

    #[test]
    fn vimeo_x_and_bluesky() {
        assert_eq!(
            frame("https://vimeo.com/76979871"),
            Some((
                "vimeo",
                "https://player.vimeo.com/video/76979871?dnt=1".into()
            ))
        );
        let tweet = "https://platform.twitter.com/embed/Tweet.html?id=1600000000000000000&dnt=true";
        assert_eq!(
            frame("https://x.com/newsdesk/status/1600000000000000000"),
            Some(("x", tweet.into()))
        );
        assert_eq!(
            frame("https://twitter.com/newsdesk/status/1600000000000000000/photo/1"),
            Some(("x", tweet.into()))
        );
        assert_eq!(
            frame("https://bsky.app/profile/newsdesk.bsky.social/post/3kq2xyzabc"),
            Some((
                "bluesky",
                "https://embed.bsky.app/embed/newsdesk.bsky.social/app.bsky.feed.post/3kq2xyzabc"
                    .into()
            ))
        );
        assert_eq!(frame("https://x.com/newsdesk"), None);
    }

    #[test]
    fn instagram_tiktok_facebook_and_threads() {
        assert_eq!(
            frame("https://www.instagram.com/p/C1a2B3c4D5e/?igsh=abc"),
            Some((
                "instagram",
                "https://www.instagram.com/p/C1a2B3c4D5e/embed/".into()
            ))
        );
        assert_eq!(
            frame("https://www.tiktok.com/@newsdesk/video/7300000000000000000"),
            Some((
                "tiktok",
                "https://www.tiktok.com/embed/v2/7300000000000000000".into()
            ))
        );
        assert_eq!(
            frame("https://www.facebook.com/newsdesk/posts/pfbid02abc"),
            Some((
                "facebook",
                "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnewsdesk%2Fposts%2Fpfbid02abc".into()
            ))
        );
        assert_eq!(
            frame("https://www.facebook.com/newsdesk/videos/1234567890/")
                .map(|(k, f)| (k, f.contains("/plugins/video.php?href="))),
            Some(("facebook", true))
        );
        assert_eq!(
            frame("https://www.threads.net/@newsdesk/post/C1a2B3c4D5e"),
            Some((
                "threads",
                "https://www.threads.net/@newsdesk/post/C1a2B3c4D5e/embed".into()
            ))
        );
    }

    #[test]
    fn telegram_reddit_and_soundcloud() {
        assert_eq!(
            frame("https://t.me/newsdesk/1234"),
            Some(("telegram", "https://t.me/newsdesk/1234?embed=1".into()))
        );
        assert_eq!(
            frame("https://www.reddit.com/r/worldnews/comments/1abc2de/storm_reaches_coast/"),
            Some((
                "reddit",
                "https://embed.reddit.com/r/worldnews/comments/1abc2de/storm_reaches_coast/?embed=true".into()
            ))
        );
        assert_eq!(
            frame("https://soundcloud.com/newsdesk/morning-briefing"),
            Some((
                "soundcloud",
                "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnewsdesk%2Fmorning-briefing&auto_play=false".into()
            ))
        );
    }

    #[test]
    fn mastodon_on_any_server_and_nothing_else_taken_for_it() {
        assert_eq!(
            frame("https://mastodon.social/@newsdesk/111222333444555666"),
            Some((
                "mastodon",
                "https://mastodon.social/@newsdesk/111222333444555666/embed".into()
            ))
        );
        // A server the pages may not frame: the card links to the post.
        assert_eq!(
            frame("https://news.example/@desk/42"),
            Some(("mastodon", String::new()))
        );
        for address in [
            "http://news.example/@desk/42",
            "https://news.example:8443/@desk/42",
            "https://news.example/@desk@elsewhere.example/42",
            "https://news.example/about",
        ] {
            assert_eq!(frame(address), None, "{address}");
        }
    }

    #[test]
    fn every_platform_has_its_frames_shown_in_place() {
        for address in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://vimeo.com/76979871",
            "https://x.com/newsdesk/status/1600000000000000000",
            "https://bsky.app/profile/newsdesk.bsky.social/post/3kq2xyzabc",
            "https://www.instagram.com/p/C1a2B3c4D5e/",
            "https://www.tiktok.com/@newsdesk/video/7300000000000000000",
            "https://www.facebook.com/newsdesk/posts/pfbid02abc",
            "https://www.threads.net/@newsdesk/post/C1a2B3c4D5e",
            "https://t.me/newsdesk/1234",
            "https://www.reddit.com/r/worldnews/comments/1abc2de/storm/",
            "https://soundcloud.com/newsdesk/morning-briefing",
            "https://mastodon.social/@newsdesk/111222333444555666",
        ] {
            let embed = embed_for(address).expect(address);
            assert!(embed.frame.is_some(), "{address}");
        }
    }

    #[test]
    fn only_web_addresses_without_credentials() {
        for address in [
            "javascript:alert(1)//youtube.com/watch?v=abc",
            "https://user:secret@www.youtube.com/watch?v=dQw4w9WgXcQ",
            "ftp://youtu.be/dQw4w9WgXcQ",
            "not an address",
        ] {
            assert_eq!(frame(address), None, "{address}");
        }
    }

    #[test]
    fn every_platform_names_where_its_frames_come_from() {
        for provider in &PROVIDERS {
            assert!(!provider.frame_hosts.is_empty(), "{}", provider.key);
        }
        let mut keys: Vec<_> = PROVIDERS.iter().map(|p| p.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), PROVIDERS.len(), "each key once");
    }
}
