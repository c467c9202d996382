//! The root component: language, runtime configuration, session and routes.

use gloo_net::http::Request;
use leptos::prelude::*;

use crate::api::config::{
    check_for_page, parse_config, AppConfig, ConfigError, DEFAULT_REQUEST_TIMEOUT_S,
};
use crate::components::{
    CspNotice, ExpiryBanner, Header, NoticeArea, PageLoading, PageOutlet, ProjectsUnreadable,
    ReloginDialog,
};
use crate::pages::{CatalogPage, ConfigErrorPage, ConfigProblem, LoginPage, NotFoundPage};
use crate::router::{use_is_routing, use_location, Redirect, Router};
use crate::routes::Page;
use crate::state::invitations::Invitations;
use crate::state::loaded::Loaded;
use crate::state::notices::Notices;
use crate::state::projects::ProjectDirectory;
use crate::state::{use_i18n, use_session, I18n, SessionState};

/// Fetches and validates `config.json` from beside `index.html`, also against this page (an
/// http:// service from an https:// page would be blocked by the browser).
async fn load_config() -> Result<AppConfig, ConfigProblem> {
    let text = fetch_config().await.map_err(ConfigProblem::Invalid)?;
    let config = parse_config(&text).map_err(ConfigProblem::Invalid)?;
    check_for_page(&config, crate::browser::page_is_https()).map_err(ConfigProblem::Invalid)?;
    crate::api::warm_start::note_config(&text);
    Ok(config)
}

/// The text of `config.json`, or why it could not be had.
async fn fetch_config() -> Result<String, ConfigError> {
    // Relative to the document's <base>, so the app can live under any path. Bounded like
    // every other request: a hung server must not leave the app on "Loading" forever.
    // index.html's inline script has usually fetched it already, while the wasm loaded.
    let early = crate::api::warm_start::take_config();
    let fetch = Box::pin(async move {
        if let Some(promise) = early {
            if let Some(response) = crate::api::warm_start::answer_of(promise).await {
                return Ok(response);
            }
        }
        // No early fetch, or it got no answer at all: ask ourselves, as without it.
        Request::get("config.json")
            .header("Cache-Control", "no-cache")
            .send()
            .await
    });
    let limit = Box::pin(gloo_timers::future::sleep(std::time::Duration::from_secs(
        u64::from(DEFAULT_REQUEST_TIMEOUT_S),
    )));
    let response = match futures::future::select(fetch, limit).await {
        futures::future::Either::Left((sent, _)) => {
            sent.map_err(|e| ConfigError::FetchFailed(e.to_string()))?
        }
        futures::future::Either::Right(_) => {
            return Err(ConfigError::TimedOut(DEFAULT_REQUEST_TIMEOUT_S))
        }
    };
    if !response.ok() {
        return Err(ConfigError::Http(response.status()));
    }
    response
        .text()
        .await
        .map_err(|e| ConfigError::Unreadable(e.to_string()))
}

/// The app: loads the configuration, then provides the session and the routes.
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    crate::state::transfer_guard::install_listeners();
    let config = Loaded::new(load_config);
    // No `<Suspense>` anywhere (README "Size"): each page says "Loading…" itself while its
    // first answer is on its way, and keeps what it shows while it reads again.
    move || match config.get() {
        None => view! { <p class="page" role="status">{i18n.t().loading_config}</p> }.into_any(),
        Some(Ok(config)) => view! { <ConfiguredApp config /> }.into_any(),
        Some(Err(problem)) => view! { <ConfigErrorPage problem /> }.into_any(),
    }
}

/// Everything that needs a valid configuration.
#[component]
fn ConfiguredApp(config: AppConfig) -> impl IntoView {
    crate::api::client::set_request_timeout(config.request_timeout_s);
    SessionState::provide(config);
    // Above the routes: a bulk action's result outlives the page that started it.
    Notices::provide();
    // Above the routes too: "Back to images" returns to the catalog view last shown.
    crate::state::last_catalog::LastCatalog::provide();
    view! {
        <CspNotice />
        <Router>
            <PageLoading is_routing=use_is_routing() />
            // Not a navigation: with the page's `<base href="/">` the browser would load
            // `/#main`. `rel="external"` keeps the router out, the handler keeps the browser
            // out and moves focus itself.
            <a
                class="skip-link"
                href="#main"
                rel="external"
                on:click=|ev| {
                    ev.prevent_default();
                    crate::components::focus::focus_main();
                }
            >
                {move || use_i18n().t().skip_to_content}
            </a>
            <Pages />
        </Router>
    }
}

/// The page the address names. Every logged-in page shares one frame, made once per session:
/// moving between them replaces only the page inside it, not the header and what it holds.
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    // Which top-level view: a move between two pages of the frame keeps the frame.
    let top = Memo::new(move |_| {
        let page = location.pathname.with(|p| Page::of(p));
        if page.in_frame() {
            Page::Catalog
        } else {
            page
        }
    });
    move || match top.get() {
        Page::Login => view! { <LoginPage /> }.into_any(),
        Page::Root => view! { <Redirect path="/images" /> }.into_any(),
        Page::NotFound => view! { <NotFoundPage /> }.into_any(),
        _ => view! { <Shell /> }.into_any(),
    }
}

/// The view of a page inside the frame.
fn frame_page(page: Page) -> AnyView {
    match page {
        Page::Create => crate::lazy_pages::create_route(),
        Page::ImageDetail => crate::lazy_pages::image_detail_route(),
        Page::Invitation => crate::lazy_pages::invitation_route(),
        Page::Access => crate::lazy_pages::access_route(),
        // The catalog, and nothing else the frame shows: the frame is left for the others.
        _ => view! { <CatalogPage /> }.into_any(),
    }
}

/// The frame of every logged-in page (a parent route: made once per session, the page below
/// it in its outlet): header, expiry warning, notices and re-login dialog. Sends a visitor
/// without a session to the login page, remembering where they wanted to go.
#[component]
fn Shell() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    // Only logging in or out rebuilds the page: a new token (re-login, project switch) must
    // keep everything on screen, including what the user typed.
    let logged_in = Memo::new(move |_| session.is_logged_in());
    // A memo, so a new token with the same answer does not rebuild the page.
    let no_service = Memo::new(move |_| session.endpoint_problem());
    move || {
        if logged_in.get() {
            ProjectDirectory::provide();
            Invitations::provide();
            // Without an image service nothing below can work: say it once, here, instead of
            // in every view (the header still offers another project and logout).
            let page = move || match no_service.get() {
                Some(problem) => {
                    let t = move || use_i18n().t();
                    let why = move || crate::components::catalog_error_text(t(), &problem);
                    view! {
                        <main class="page" id="main">
                            <p class="error-message" role="alert">
                                {move || t().no_image_service} " " {why}
                            </p>
                        </main>
                    }
                    .into_any()
                }
                None => view! { <PageOutlet page_view=frame_page /> }.into_any(),
            };
            view! {
                <Header />
                <ExpiryBanner />
                <ProjectsUnreadable />
                <NoticeArea />
                {page}
                <ReloginDialog />
            }
            .into_any()
        } else if session.logged_out() {
            view! { <Redirect path="/login" /> }.into_any()
        } else {
            // The whole address, fragment included: a link to a page's part (`#sharing`)
            // opens at that part after the login.
            let here = crate::browser::address_bar_path()
                .unwrap_or_else(|| location.pathname.get_untracked());
            let next = crate::api::url::encode(&here);
            view! { <Redirect path=format!("/login?next={next}") /> }.into_any()
        }
    }
}
