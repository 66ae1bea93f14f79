//! The command line and its environment variables, parsed once at start.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// liveblog: live pages for a newsroom.
#[derive(Debug, Parser)]
#[command(name = "liveblog", version, about)]
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
    Serve(ServeArgs),
}

/// Where the server listens and keeps its data.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "LIVEBLOG_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Where the server keeps its files.
    #[arg(long, env = "LIVEBLOG_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// The store to use. Today only the in-memory store exists; a value here is refused.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// The first admin's password, used only when the store has no users.
    #[arg(long, env = "LIVEBLOG_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,
    /// How many recent changes of each live page are kept for reconnecting browsers.
    #[arg(long, env = "LIVEBLOG_REPLAY_WINDOW", default_value_t = 1000)]
    pub replay_window: usize,
    /// Say the server sits behind TLS, so cookies are marked Secure.
    #[arg(long, env = "LIVEBLOG_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,
}

impl Cli {
    /// The serve options, wherever they were given.
    pub fn serve_args(self) -> ServeArgs {
        match self.command {
            Some(Command::Serve(args)) => args,
            None => self.serve,
        }
    }
}
