//! Builds the whole server from its settings: store, newsroom, accounts, routes and a
//! bound listener. `main` and every test start the server the same way.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpSocket};
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;

use crate::accounts::{AccountError, Accounts};
use crate::audience::Audience;
use crate::config::ServeArgs;
use crate::contributions::Contributions;
use crate::demo;
use crate::figures::Figures;
use crate::listener::{Listener, Routes};
use crate::live::request::EVENTS_ROUTE;
use crate::live::{DirectStreams, LiveHub};
use crate::media::{MediaStore, Shelf, UNUSED_KEPT_FOR};
use crate::newsroom::{Newsroom, NewsroomError};
use crate::per_address::PerAddress;
use crate::polls::Polls;
use crate::presence::Presence;
use crate::push::Push;
use crate::schedule::publish_scheduled;
use crate::store::{Backend, Store, StoreError};
use crate::sync::follow_other_instances;
use crate::throttle::Throttle;
use crate::web::{self, AppState, Shared};
use crate::webhooks::Webhooks;

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
    #[error(transparent)]
    Media(#[from] crate::media::BadMediaUrl),
}

/// A server that is built and listening, ready to run.
pub struct Server {
    listener: TcpListener,
    /// Every stream answered by the HTTP stack, none by the direct writers.
    streams_through_http: bool,
    /// Open connections per client address.
    connections: Arc<PerAddress>,
    /// How long a request's head may take to arrive, and a connection sit idle.
    header_read_timeout: Duration,
    /// The largest request head taken.
    max_header_bytes: usize,
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
        let trusted = &settings.trusted_proxies.0;
        let hub = Arc::new(
            LiveHub::new(settings.replay_window)
                .with_max_streams(settings.max_streams)
                .with_streams_per_address(settings.max_streams_per_address, trusted),
        );
        let newsroom = Arc::new(
            Newsroom::load(
                Arc::clone(&store),
                Arc::clone(&hub),
                settings.ended_pages_bytes(),
            )
            .await?,
        );
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
        let audience = Arc::new(Audience::new(Arc::clone(&hub)));
        if store.backend() == Backend::Postgres {
            let url = settings
                .store
                .database_url
                .clone()
                .expect("a PostgreSQL store was opened from its address");
            tokio::spawn(follow_other_instances(
                url,
                Arc::clone(&newsroom),
                shutdown.clone(),
            ));
            tokio::spawn(Arc::clone(&audience).share(Arc::clone(&store), shutdown.clone()));
        }
        tokio::spawn(publish_scheduled(Arc::clone(&newsroom), shutdown.clone()));
        let polls = Arc::new(
            Polls::new(
                Arc::clone(&store),
                Arc::clone(&newsroom),
                Arc::clone(&hub),
                settings.poll_votes_per_address,
            )
            .await?,
        );
        tokio::spawn(Arc::clone(&polls).follow(shutdown.clone()));
        // Shared posts' authors and titles, asked of their platforms where reachable.
        let stand_in =
            (settings.oembed_stand_in.as_deref()).and_then(|at| url::Url::parse(at).ok());
        let filler = Arc::new(crate::oembed::PostFiller::new(stand_in));
        let (saved_posts, mut to_fill) = tokio::sync::mpsc::unbounded_channel();
        newsroom.tell_of_saved_posts(saved_posts);
        let filling = Arc::clone(&newsroom);
        tokio::spawn(async move {
            while let Some((slug, entry)) = to_fill.recv().await {
                filler.fill_later(Arc::clone(&filling), slug, entry);
            }
        });
        // Several instances share PostgreSQL, and so its images; one SQLite instance
        // keeps them as files beside its database.
        let shelf = match (&settings.media_url, store.backend()) {
            (Some(url), _) => Shelf::objects_at(url)?,
            (None, Backend::Postgres) => Shelf::Record(Arc::clone(&store)),
            (None, Backend::Sqlite) => Shelf::folder_in(&settings.store.data_dir),
        };
        let media = Arc::new(
            MediaStore::on(shelf, settings.max_upload_bytes)
                .with_max_clip_bytes(settings.max_clip_bytes)
                .with_scratch(settings.store.data_dir.join("media").join("incoming")),
        );
        tokio::spawn(remove_unused_uploads(
            Arc::clone(&media),
            Arc::clone(&store),
            shutdown.clone(),
        ));
        let public_url = (settings.public_url.clone()).unwrap_or_else(|| format!("http://{addr}"));
        let webhooks = Arc::new(Webhooks::new(
            Arc::clone(&store),
            newsroom.pages(),
            newsroom.changes(),
            public_url.clone(),
            settings.webhooks_to_private_addresses,
        ));
        Arc::clone(&webhooks).start(shutdown.clone());
        let push = Arc::new(
            Push::new(
                Arc::clone(&store),
                public_url.clone(),
                settings.push_per_hour,
                settings.push_to_private_addresses,
            )
            .await?,
        );
        let (key_events, to_push) = tokio::sync::mpsc::unbounded_channel();
        newsroom.tell_of_key_events(key_events);
        tokio::spawn(Arc::clone(&push).follow(to_push, shutdown.clone()));
        let figures = Arc::new(Figures::new(
            Arc::clone(&store),
            Arc::clone(&hub),
            Duration::from_secs(settings.figures_every.max(1)),
        ));
        tokio::spawn(Arc::clone(&figures).write(shutdown.clone()));
        let contributions = Arc::new(Contributions::new(Arc::clone(&store)));
        tokio::spawn(Arc::clone(&contributions).forget_old_contacts(shutdown.clone()));
        let state = Arc::new(Shared {
            pages: newsroom.pages(),
            metrics: Arc::new(web::Metrics::new(Arc::clone(&hub), newsroom.pages())),
            newsroom,
            hub,
            accounts,
            shutdown,
            secure_cookies: settings.secure_cookies,
            throttle: Arc::new(Throttle::new(Arc::clone(&store))),
            trusted_proxies: settings.trusted_proxies.0.clone(),
            presence: Arc::new(Presence::new(Arc::clone(&store))),
            audience,
            polls,
            contributions,
            push,
            figures,
            first_pages: Arc::default(),
            embed_sites: settings
                .frame_ancestors
                .iter()
                .flat_map(|origins| origins.split_whitespace().map(str::to_owned))
                .collect(),
            max_body_bytes: settings.max_body_bytes,
            public_url,
            webhooks,
            media,
        });
        Ok(Server {
            listener,
            streams_through_http: settings.streams_through_http,
            connections: PerAddress::new(settings.max_connections_per_address, trusted),
            header_read_timeout: Duration::from_secs(settings.header_read_timeout),
            max_header_bytes: settings.max_header_bytes,
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
    /// requests in flight, for at most [`SHUTDOWN_GRACE`].
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
                &crate::headers::every_answer(self.state.secure_cookies),
                {
                    let metrics = Arc::clone(&self.state.metrics);
                    Box::new(move |status, took| {
                        metrics.observe(EVENTS_ROUTE, "GET", status, took);
                    })
                },
            )),
            streams_through_http: self.streams_through_http,
            connections: self.connections,
            trusted_proxies: self.state.trusted_proxies.clone(),
        };
        let ahead = self.state.clone();
        let app = web::app(self.state);
        let mut listener = Listener::start(
            self.listener,
            routes,
            self.header_read_timeout,
            token.clone(),
        )?;
        // A client that trickles its request a byte at a time, or keeps a connection
        // open doing nothing, cannot hold it for ever.
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(self.header_read_timeout)
            .max_header_size(self.max_header_bytes);
        let graceful = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            let (socket, peer, held) = tokio::select! {
                _ = &mut shutdown => break,
                accepted = listener.next() => match accepted {
                    Some(connection) => connection,
                    None => break,
                },
            };
            // A live page's first page, kept ready, is answered ahead of the stack.
            // Handlers that want the reader's address find it as axum's `ConnectInfo`.
            let (ahead, app) = (ahead.clone(), app.clone());
            let service = tower::service_fn(move |mut request: Request<Incoming>| {
                let answered = web::ahead::answer(&ahead, &request);
                request.extensions_mut().insert(ConnectInfo(peer));
                let app = app.clone();
                async move {
                    match answered {
                        Some(response) => Ok(response),
                        None => app.oneshot(request).await,
                    }
                }
            });
            let connection =
                http.serve_connection(TokioIo::new(socket), TowerToHyperService::new(service));
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                // The connection keeps its place among its address's until it ends.
                let _held = held;
                if let Err(error) = connection.await {
                    tracing::debug!(%error, "a connection ended with an error");
                }
            });
        }
        tracing::info!("no longer accepting connections");
        // Ends every live stream: browsers reconnect, to this server once it is back or
        // to another instance.
        token.cancel();
        drop(listener);
        if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("requests still in flight after {SHUTDOWN_GRACE:?}; stopping anyway");
        }
        Ok(())
    }
}

/// How often uploads nothing uses are looked for, besides at start.
const UNUSED_UPLOADS_CHECK: Duration = Duration::from_secs(60 * 60);

/// Removes uploads no entry or draft uses once they are a day old, at start and every
/// hour, until shutdown.
async fn remove_unused_uploads(
    media: Arc<MediaStore>,
    store: Arc<Store>,
    shutdown: CancellationToken,
) {
    loop {
        match store.images_in_use().await {
            Ok(in_use) => match media.remove_unused(&in_use, UNUSED_KEPT_FOR).await {
                Ok(0) => {}
                Ok(removed) => tracing::info!(removed, "removed uploads nothing uses"),
                Err(error) => tracing::warn!(%error, "could not remove unused uploads"),
            },
            Err(error) => tracing::warn!(%error, "could not read which uploads are used"),
        }
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(UNUSED_UPLOADS_CHECK) => {}
        }
    }
}

/// How long requests in flight have to finish once the server is told to stop.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(8);

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
