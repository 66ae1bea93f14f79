//! The command line and its environment variables, parsed once at start.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// liveblog: live pages for a newsroom.
#[derive(Debug, Parser)]
#[command(
    name = "liveblog",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// `serve`'s options, for when no subcommand is given.
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve(Box<ServeArgs>),
    /// Manage newsroom accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Write everything in the store to standard output as JSON.
    Export(StoreArgs),
    /// Read an export from standard input into an empty store.
    Import(StoreArgs),
    /// Write one snapshot of everything (the record, the change log, accounts, tokens
    /// and every upload) into the new folder DEST, while the server runs.
    Backup {
        dest: PathBuf,
        /// Keeps the contact addresses readers left with what they sent (left out
        /// otherwise: they are for the desk, and deleted after 30 days).
        #[arg(long)]
        with_contacts: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Bring the backup in the folder SRC back whole into an empty store.
    Restore {
        src: PathBuf,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account; the password is read from standard input.
    Add {
        name: String,
        #[arg(long, value_parser = ["admin", "editor", "contributor"])]
        role: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List the accounts and their roles.
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Remove an account; its sessions end at once.
    Remove {
        name: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Make a token for the JSON API; it is printed once, alone on standard output.
    Create {
        name: String,
        /// The one live page (its slug) the token may change, or open; without it, every
        /// page, and new ones.
        #[arg(long)]
        page: Option<String>,
        /// The token only reads: every change it asks for is refused.
        #[arg(long)]
        read_only: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a token at once.
    Revoke {
        name: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// Which store to use: the same flags for the server and every other command, so they
/// work on the same record.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Where the server keeps its files (and its SQLite database, by default).
    #[arg(long, env = "LIVEBLOG_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// A shared database instead of the SQLite file: postgres://user@host/database.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
}

/// Streams held at once by default: room for them and the rest under an open-file
/// limit of 20,000.
pub const DEFAULT_MAX_STREAMS: u64 = 19_000;

/// The memory ended pages may take by default, in MiB: some fifty pages of 200 entries.
pub const DEFAULT_ENDED_PAGES_MB: usize = 64;

/// Where the server listens and keeps its data.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "LIVEBLOG_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub store: StoreArgs,
    /// The first admin's password, used only when the store has no users.
    #[arg(long, env = "LIVEBLOG_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,
    /// How much memory, in MiB, ended pages may take while they are read: the ended
    /// page read longest ago makes room for the next. Live pages are always in memory,
    /// beside it.
    #[arg(long, env = "LIVEBLOG_ENDED_PAGES_MB", default_value_t = DEFAULT_ENDED_PAGES_MB)]
    pub ended_pages_mb: usize,
    /// The most votes one client address may cast in one poll (each browser votes
    /// once); beyond it, refused.
    #[arg(long, env = "LIVEBLOG_POLL_VOTES_PER_ADDRESS",
        default_value_t = crate::polls::DEFAULT_VOTES_PER_ADDRESS)]
    pub poll_votes_per_address: u32,
    /// Sends webhooks to addresses on this machine or a private network too (by
    /// default only the open internet is sent to).
    #[arg(long, env = "LIVEBLOG_WEBHOOKS_TO_PRIVATE_ADDRESSES")]
    pub webhooks_to_private_addresses: bool,
    /// The most key events one page pushes to its subscribers in an hour.
    #[arg(long, env = "LIVEBLOG_PUSH_PER_HOUR", default_value_t = crate::push::DEFAULT_PUSH_PER_HOUR)]
    pub push_per_hour: u32,
    /// Sends Web Push messages to push services on this machine or a private network
    /// too (for a stand-in push service in tests).
    #[arg(long, env = "LIVEBLOG_PUSH_TO_PRIVATE_ADDRESSES")]
    pub push_to_private_addresses: bool,
    /// How often, in seconds, each instance writes down its readers and its entries'
    /// views and shares for the desk.
    #[arg(
        long,
        env = "LIVEBLOG_FIGURES_EVERY",
        default_value_t = 60,
        hide = true
    )]
    pub figures_every: u64,
    /// How many recent changes of each live page are kept for reconnecting browsers.
    #[arg(long, env = "LIVEBLOG_REPLAY_WINDOW", default_value_t = 1000)]
    pub replay_window: usize,
    /// The most live streams (readers' open pages) this instance holds at once; beyond
    /// it, new ones are answered 503 with Retry-After. Keep it below the process's
    /// open-file limit (`ulimit -n`).
    #[arg(long, env = "LIVEBLOG_MAX_STREAMS", default_value_t = DEFAULT_MAX_STREAMS)]
    pub max_streams: u64,
    /// The most live streams one client address holds at once (this machine's
    /// addresses and trusted proxies excepted); beyond it, 429.
    #[arg(long, env = "LIVEBLOG_MAX_STREAMS_PER_ADDRESS",
        default_value_t = crate::per_address::DEFAULT_STREAMS_PER_ADDRESS)]
    pub max_streams_per_address: u32,
    /// The most connections one client address holds open at once, its streams
    /// included (this machine's addresses and trusted proxies excepted); beyond it, a
    /// new connection is closed at once.
    #[arg(long, env = "LIVEBLOG_MAX_CONNECTIONS_PER_ADDRESS",
        default_value_t = crate::per_address::DEFAULT_CONNECTIONS_PER_ADDRESS)]
    pub max_connections_per_address: u32,
    /// Answer every live stream through the HTTP stack, as for a request on a connection
    /// that carried others, never by the direct writers (a connection's first request
    /// for events, at a fraction of the memory). For comparing the two, and in tests.
    #[arg(long, env = "LIVEBLOG_STREAMS_THROUGH_HTTP", default_value_t = false)]
    pub streams_through_http: bool,
    /// How long a client may take to send a request's head, in seconds; also how long
    /// a kept-alive connection may sit idle between requests.
    #[arg(long, env = "LIVEBLOG_HEADER_READ_TIMEOUT", default_value_t = 30)]
    pub header_read_timeout: u64,
    /// The largest request body taken, in bytes, by every route but the entry and draft
    /// forms (which may carry an image: they take the upload limit and 1 MiB more).
    #[arg(long, env = "LIVEBLOG_MAX_BODY_BYTES", default_value_t = crate::web::DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// The largest request head taken (request line and headers), in bytes, 4096 at the
    /// least; beyond it, 431.
    #[arg(long, env = "LIVEBLOG_MAX_HEADER_BYTES", default_value_t = DEFAULT_MAX_HEADER_BYTES,
        value_parser = parse_header_bytes)]
    pub max_header_bytes: usize,
    /// The largest image an editor may upload, in bytes.
    #[arg(long, env = "LIVEBLOG_MAX_UPLOAD_BYTES", default_value_t = crate::media::DEFAULT_MAX_UPLOAD_BYTES)]
    pub max_upload_bytes: usize,
    /// The largest video or sound file an editor may upload, in bytes (200 MiB); it is
    /// streamed to disk, never held in memory.
    #[arg(long, env = "LIVEBLOG_MAX_CLIP_BYTES", default_value_t = crate::media::DEFAULT_MAX_CLIP_BYTES)]
    pub max_clip_bytes: u64,
    /// Sites allowed to show reader pages (live pages and permalinks) in a frame, as
    /// space-separated origins: "https://news.example https://partner.example". No
    /// site may by default; editor pages never.
    #[arg(long, env = "LIVEBLOG_FRAME_ANCESTORS", value_parser = parse_frame_ancestors)]
    pub frame_ancestors: Option<String>,
    /// The address readers reach this server at, such as https://live.example.org:
    /// every absolute link in a page (canonical, og:url, JSON-LD, the feed's ids) is
    /// made from it, never from a request's Host header. Without it, the address the
    /// server serves on.
    #[arg(long, env = "LIVEBLOG_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,
    /// Proxies in front of the server whose `X-Forwarded-For` is believed, as
    /// space- or comma-separated addresses ("127.0.0.1 10.0.0.5"); by default this
    /// machine's own, where a proxy in front usually is. A request from one counts as
    /// coming from the address the header gives (or from the proxy itself, without
    /// one); limits per address (sign-ins, streams, connections) use it, and never cap a
    /// trusted proxy itself.
    #[arg(long, env = "LIVEBLOG_TRUSTED_PROXIES", value_parser = parse_addresses,
        default_value = TrustedProxies::THIS_MACHINE)]
    pub trusted_proxies: TrustedProxies,
    /// Keep uploaded images in an S3-compatible object store, `s3://bucket/prefix`,
    /// instead of the database (PostgreSQL) or the data directory (SQLite); keys,
    /// region and endpoint come from the usual `AWS_*` variables (`AWS_ENDPOINT` for a
    /// store other than Amazon's).
    #[arg(long, env = "LIVEBLOG_MEDIA_URL")]
    pub media_url: Option<String>,
    /// Ask this address on this machine for every platform's oEmbed answers, instead
    /// of the platforms: for tests only.
    #[arg(long, env = "LIVEBLOG_OEMBED_STAND_IN", hide = true)]
    pub oembed_stand_in: Option<String>,
    /// Say the server sits behind TLS, so cookies are marked Secure.
    #[arg(long, env = "LIVEBLOG_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,
}

/// A limit on request heads no smaller than the listener's own look at a first
/// request, so that one limit holds for every request.
fn parse_header_bytes(value: &str) -> Result<usize, String> {
    let bytes: usize = value
        .parse()
        .map_err(|_| format!("{value:?} is not a number of bytes"))?;
    if bytes < MIN_HEADER_BYTES {
        return Err(format!("at least {MIN_HEADER_BYTES} bytes"));
    }
    Ok(bytes)
}

/// The largest request head taken by default, as much as nginx's default buffers
/// for large headers hold; `--max-header-bytes` sets another.
pub const DEFAULT_MAX_HEADER_BYTES: usize = 32 * 1024;

/// The smallest `--max-header-bytes`: twice what the listener looks at of a first
/// request itself, so that one limit holds for every request.
const MIN_HEADER_BYTES: usize = 2 * crate::listener::LOOK_AHEAD_BYTES;

/// Origins for `frame-ancestors`: each `https://` or `http://` and a host (with `*.` for
/// subdomains, and a port), nothing that could end the policy's directive.
fn parse_frame_ancestors(value: &str) -> Result<String, String> {
    let origins = crate::domain::parse_origins(value)?;
    if origins.is_empty() {
        return Err("give at least one origin, such as https://news.example".into());
    }
    Ok(origins.join(" "))
}

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(pub Vec<std::net::IpAddr>);

impl ServeArgs {
    /// How many bytes ended pages may take in memory.
    pub fn ended_pages_bytes(&self) -> usize {
        self.ended_pages_mb.saturating_mul(1024 * 1024)
    }
}

impl TrustedProxies {
    /// This machine's own addresses, the default.
    pub const THIS_MACHINE: &str = "127.0.0.1 ::1";

    pub fn this_machine() -> TrustedProxies {
        TrustedProxies(vec![
            std::net::Ipv4Addr::LOCALHOST.into(),
            std::net::Ipv6Addr::LOCALHOST.into(),
        ])
    }
}

fn parse_addresses(value: &str) -> Result<TrustedProxies, String> {
    value
        .split([',', ' '])
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse()
                .map_err(|_| format!("{part:?} is not an IP address"))
        })
        .collect::<Result<_, _>>()
        .map(TrustedProxies)
}

/// A public address: `https://` or `http://` and a host (and a port), no path; a
/// trailing slash is dropped.
fn parse_public_url(value: &str) -> Result<String, String> {
    let value = value.trim().trim_end_matches('/');
    let host = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| format!("{value:?} must start with https:// or http://"))?;
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b);
    if host.is_empty() || !host.bytes().all(allowed) {
        return Err(format!(
            "{value:?} is not an address such as https://live.example.org (no path)"
        ));
    }
    Ok(value.to_owned())
}

impl Cli {
    /// The command to run: `serve` when none is given.
    pub fn command(self) -> Command {
        self.command.unwrap_or(Command::Serve(Box::new(self.serve)))
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_frame_ancestors, parse_public_url};

    #[test]
    fn a_public_url_is_an_origin() {
        assert_eq!(
            parse_public_url("https://live.example.org/").unwrap(),
            "https://live.example.org"
        );
        assert!(parse_public_url("http://[::1]:3000").is_ok());
        for bad in [
            "live.example.org",
            "https://",
            "https://a.example/live",
            "https://a b",
            "ftp://x",
        ] {
            assert!(parse_public_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_plain_origins_may_frame_reader_pages() {
        assert_eq!(
            parse_frame_ancestors(" https://news.example   https://*.partner.example:8443 ")
                .unwrap(),
            "https://news.example https://*.partner.example:8443"
        );
        for bad in [
            "",
            "news.example",
            "https://",
            "https://a.example; script-src *",
            "javascript:x",
            "https://a.example/'none'",
        ] {
            assert!(parse_frame_ancestors(bad).is_err(), "{bad}");
        }
    }
}
