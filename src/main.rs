//! The `liveblog` command: parse the command line, run the command.

use std::process::ExitCode;

use clap::Parser;
use liveblog::config::Cli;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "liveblog=info,tower_http=warn".into()),
        )
        .init();

    match liveblog::commands::run(Cli::parse().command()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("liveblog: {error}");
            ExitCode::FAILURE
        }
    }
}
