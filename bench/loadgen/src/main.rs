//! `loadgen`: the load generator behind `bench/run.sh`.
//!
//! `fanout` opens many SSE readers on one live page (liveblog) or one channel (nginx
//! with nchan), publishes marked events one after another, and measures how long each
//! takes to reach every reader and what the server spends in memory and CPU on them.
//! `seed` fills a live page with entries of a realistic size through liveblog's API.
//! `soak` runs a live page under steady load for minutes, restarts the server in the
//! middle, and checks that every reader got every entry exactly once.

mod crowd;
mod error;
mod fanout;
mod http;
mod marker;
mod process;
mod seed;
mod soak;
mod stats;
mod wire;
mod words;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::{Error, Result};

/// Load for liveblog's benchmarks, sent to 127.0.0.1 only.
#[derive(Debug, Parser)]
#[command(name = "loadgen", version, about)]
struct Cli {
    /// Worker threads of the generator's own runtime.
    #[arg(long, global = true, default_value_t = 2)]
    threads: usize,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Many SSE readers, a few published events: delivery latency, memory and CPU.
    Fanout(fanout::FanoutArgs),
    /// Publish entries of realistic size to a liveblog page through the API.
    Seed(seed::SeedArgs),
    /// Readers, page requests and posts for minutes, with a restart in the middle:
    /// every entry reaches every reader exactly once.
    Soak(soak::SoakArgs),
    /// Readers of one server, coming back with Last-Event-ID whenever their stream
    /// ends: when each read each event the wire publishes.
    Crowd(crowd::CrowdArgs),
    /// Marked events at a steady rate, for crowds reading elsewhere.
    Wire(wire::WireArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cli.threads.max(1))
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("loadgen: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(async {
        match cli.command {
            Command::Fanout(args) => fanout::run(args).await,
            Command::Seed(args) => seed::run(args).await,
            Command::Soak(args) => soak::run(args).await,
            Command::Crowd(args) => crowd::run(args).await,
            Command::Wire(args) => wire::run(args).await,
        }
    });
    // Subscriber tasks may still be parked on their sockets: do not wait for them.
    runtime.shutdown_background();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("loadgen: {error}");
            ExitCode::FAILURE
        }
    }
}
