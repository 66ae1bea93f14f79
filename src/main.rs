//! The `liveblog` command: parse the settings, build the server, serve until stopped.

use std::process::ExitCode;

use clap::Parser;
use liveblog::config::Cli;
use liveblog::server::{Server, shutdown_signal};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "liveblog=info,tower_http=warn".into()),
        )
        .init();

    let settings = Cli::parse().serve_args();
    let server = match Server::build(settings).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("liveblog: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(password) = server.generated_admin_password() {
        println!("First start: sign in at /login as \"admin\" with the password {password}");
        println!("(shown once; set LIVEBLOG_ADMIN_PASSWORD to choose it yourself)");
    }
    println!("liveblog is serving at http://{}", server.addr());
    match server.run(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("liveblog: {error}");
            ExitCode::FAILURE
        }
    }
}
