//! Builds the whole server from its settings: store, newsroom, accounts, routes and a
//! bound listener. `main` and every test start the server the same way.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::serve::ListenerExt;
use tokio::net::{TcpListener, TcpSocket};
use tokio_util::sync::CancellationToken;

use crate::accounts::{AccountError, Accounts};
use crate::config::ServeArgs;
use crate::demo;
use crate::listener::{Listener, Routes};
use crate::live::{DirectStreams, LiveHub};
use crate::media::MediaStore;
use crate::newsroom::{Newsroom, NewsroomError};
use crate::store::{Backend, Store, StoreError};
use crate::sync::follow_other_instances;
use crate::web::{self, AppState, Shared};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the store failed: {0}")]
    Store(#[from] StoreError),
    #[error("the demo page could not be written: {0}")]
    Demo(#[from] NewsroomError),
    #[error("the first admin could not be created: {0}")]
    Accounts(#[from] AccountError),
}

/// A server that is built and listening, ready to run.
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    state: AppState,
    generated_admin_password: Option<String>,
}

impl Server {
    pub async fn build(settings: ServeArgs) -> Result<Server, StartError> {
        let store = Arc::new(
            Store::open(
                settings.store.database_url.as_deref(),
                &settings.store.data_dir,
            )
            .await?,
        );
        let hub =
            Arc::new(LiveHub::new(settings.replay_window).with_max_streams(settings.max_streams));
        let newsroom = Arc::new(Newsroom::load(Arc::clone(&store), Arc::clone(&hub)).await?);
        if newsroom.pages().pages().is_empty() {
            match demo::write_demo_page(&newsroom).await {
                // Another instance starting at the same moment is writing it; this one
                // hears of it like any other change.
                Err(NewsroomError::Invalid(_)) => {
                    tracing::info!("the demo page is being written by another instance")
                }
                other => other?,
            }
        }
        let accounts = Arc::new(Accounts::new(Arc::clone(&store)));
        let generated_admin_password = accounts
            .ensure_first_admin(settings.admin_password.as_deref())
            .await?;

        let listener = listen(settings.addr).map_err(|source| StartError::Listen {
            addr: settings.addr,
            source,
        })?;
        let addr = listener.local_addr().map_err(|source| StartError::Listen {
            addr: settings.addr,
            source,
        })?;
        let shutdown = CancellationToken::new();
        if store.backend() == Backend::Postgres {
            let url = settings.store.database_url.clone().unwrap_or_default();
            tokio::spawn(follow_other_instances(
                url,
                Arc::clone(&newsroom),
                shutdown.clone(),
            ));
        }
        let state = Arc::new(Shared {
            pages: newsroom.pages(),
            metrics: Arc::new(web::Metrics::new(Arc::clone(&hub), newsroom.pages())),
            newsroom,
            hub,
            accounts,
            shutdown,
            secure_cookies: settings.secure_cookies,
            throttle: Arc::default(),
            presence: Arc::default(),
            first_pages: Arc::default(),
            reader_policy: web::content_security_policy(settings.frame_ancestors.as_deref()),
            media: Arc::new(MediaStore::new(
                &settings.store.data_dir,
                settings.max_upload_bytes,
            )),
        });
        Ok(Server {
            listener,
            addr,
            state,
            generated_admin_password,
        })
    }

    /// The address actually bound (the port is chosen by the system for `:0`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The first admin's password, when it was generated on this start.
    pub fn generated_admin_password(&self) -> Option<&str> {
        self.generated_admin_password.as_deref()
    }

    /// Serves until `shutdown` completes, then ends every live stream and finishes the
    /// requests in flight.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let token = self.state.shutdown.clone();
        let routes = Routes {
            pages: Arc::clone(&self.state.pages),
            direct: Arc::new(DirectStreams::new(
                Arc::clone(&self.state.hub),
                token.clone(),
            )),
        };
        let app = web::app(self.state);
        // `tap_io` is what lets axum read each connection's peer address.
        let listener = Listener::start(self.listener, routes, token.clone())?.tap_io(|_| {});
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown.await;
            token.cancel();
        })
        .await
    }
}

/// How many connections may wait to be accepted. Thousands of browsers reconnect at
/// once after a restart; the system's default of 128 would turn many of them away for
/// a second. The kernel caps it at `net.core.somaxconn`.
pub const LISTEN_BACKLOG: u32 = 4096;

fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
