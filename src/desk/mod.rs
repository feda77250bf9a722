//! `cartero web`: the writing desk, a page on this machine where each client's letter is read,
//! written, remembered and decided, through the same state and domain functions the commands
//! use. Served on 127.0.0.1 only, to whoever holds the secret token the terminal printed.
//!
//! - `guard`: who gets in (the token, its cookie, the `Host`, the `Origin`);
//! - `pages`: HTML from the templates in `desk/templates/`, in the run's language, escaped;
//! - `work`: what a page does (save, approve, skip, reject, remember), under the drafts
//!   folder's lock, which the desk holds while it runs.
//!
//! The desk prints nothing: `commands::web` says the address through `report`.

mod guard;
mod pages;
mod runs;
mod work;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};

use std::future::IntoFuture;

use anyhow::{Context, Result};
use axum::routing::{get, post};
use axum::Router;

use crate::settings::Settings;
use crate::state::lock::Lock;

pub use work::Work;

/// A desk bound to its port, holding the drafts folder, not yet serving.
pub struct Desk {
    listener: TcpListener,
    shared: Arc<Shared>,
}

/// What every request sees.
pub(crate) struct Shared {
    pub token: String,
    pub port: u16,
    pub settings: &'static Settings,
    pub work: Mutex<Work>,
    pub pages: pages::Pages,
    /// The drafts folder's lock: the desk's, except while a `send` or `replies` it started
    /// has it.
    pub lock: Mutex<Option<Lock>>,
    /// The `send` or `replies` under way, or the last one.
    pub run: Mutex<Option<runs::Run>>,
}

impl Desk {
    /// Takes the drafts folder's lock (a `send` or `review` beside it is refused, naming the
    /// desk), reads the campaign, and binds 127.0.0.1:`port` (0: any free port).
    pub fn open(settings: Settings, port: u16) -> Result<Desk> {
        let lock = Lock::take(&settings.drafts, "web")?;
        // The desk lives as long as the process: its settings with it.
        let settings: &'static Settings = Box::leak(Box::new(settings));
        let work = Work::open(settings)?;
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
            .with_context(|| tr!("desk-cannot-listen", port = port))?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared {
            token: guard::new_token()?,
            port,
            settings,
            work: Mutex::new(work),
            pages: pages::Pages::new()?,
            lock: Mutex::new(Some(lock)),
            run: Mutex::new(None),
        });
        Ok(Desk { listener, shared })
    }

    /// The address to open: the token in it, once; the page trades it for a cookie.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/?token={}",
            self.shared.port, self.shared.token
        )
    }

    /// Serves until Ctrl-C (or `stop` resolves). Every change a page makes is on disk before
    /// its answer leaves, so stopping at any moment loses nothing written.
    pub fn serve_until<F>(self, stop: F) -> Result<()>
    where
        F: std::future::Future<Output = ()> + Send + 'static,
    {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let app = router(self.shared.clone());
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener)?;
            let closing = Arc::new(tokio::sync::Notify::new());
            let told = closing.clone();
            let server = axum::serve(listener, app)
                .with_graceful_shutdown(async move { told.notified().await })
                .into_future();
            let server = tokio::spawn(server);
            stop.await;
            closing.notify_one();
            // Answers under way get a moment to finish; a request never finished (a browser
            // that went quiet halfway) does not keep the drafts folder.
            match tokio::time::timeout(std::time::Duration::from_secs(2), server).await {
                Ok(Ok(served)) => served.map_err(anyhow::Error::from),
                _ => Ok(()),
            }
        })
    }

    /// Serves until the person presses Ctrl-C.
    pub fn serve(self) -> Result<()> {
        self.serve_until(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(pages::list))
        .route("/client/{n}", get(pages::client).post(pages::act))
        .route("/client/{n}/remember", post(pages::remember))
        .route("/client/{n}/measure", post(pages::measure))
        .route("/send", get(pages::send_view).post(pages::send))
        .route("/replies", post(pages::replies))
        .route("/run", get(pages::run))
        .route("/assets/{name}", get(pages::asset))
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            guard::check,
        ))
        .with_state(shared)
}
