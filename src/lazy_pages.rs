//! Routes whose page code the first screen (login, catalog) does not need. With the `split`
//! feature (release builds, scripts/build-release.sh and scripts/split-wasm.sh) each page's
//! view function goes into its own wasm module that the browser fetches on the first visit of
//! the route; without it (`trunk serve`, the tests of the code) the same routes are plain views
//! in the one wasm.
//!
//! Leptos's own `#[lazy]` panics when a module cannot be fetched, which would freeze the tab
//! on one network fault. These routes use the splitter's `fallible` form instead: a failed or
//! hung fetch shows [`PageCodeUnavailable`], and the next visit tries again. The time limit and
//! the message also serve the other split-off part, the "Share with projects…" dialog
//! (`components/share_many.rs`).

use leptos::prelude::*;

use crate::i18n::Messages;
use crate::pages::{AccessPage, CreateImagePage, ImageDetailPage, InvitationPage};
use crate::state::use_i18n;

/// Why a page's code is not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageCodeProblem {
    /// The browser could not fetch or instantiate the page's module.
    Failed,
    /// No answer within the request time limit (seconds).
    TimedOut(u32),
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PageCodeProblem {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PageCodeProblem::Failed
    }
}

/// Waits for a module at most as long as for any request.
#[cfg(feature = "split")]
pub async fn within_time_limit<T>(
    load: impl std::future::Future<Output = Result<T, PageCodeProblem>>,
) -> Result<T, PageCodeProblem> {
    use futures::future::{select, Either};
    let seconds = crate::api::client::request_timeout();
    let timer = gloo_timers::future::sleep(std::time::Duration::from_secs(u64::from(seconds)));
    match select(Box::pin(load), Box::pin(timer)).await {
        Either::Left((loaded, _)) => loaded,
        Either::Right(_) => Err(PageCodeProblem::TimedOut(seconds)),
    }
}

/// Adds the stylesheet of the pages off the first screen, the first time one of their parts
/// is loaded. The release build does not link it from `index.html` (1 KB brotli less on the
/// first load, README "Size") but names it in `<meta name="page-styles">`; the link takes the
/// meta's place, so a second call finds nothing to do. It is fetched beside the part's module,
/// which is larger, so it is in by the time the part shows.
#[cfg(feature = "split")]
pub fn add_page_styles() {
    let meta = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=page-styles]").ok().flatten());
    if let Some(meta) = meta {
        // The href is the build's own file name (`/pages-<hex>.css`): nothing to escape.
        let href = meta.get_attribute("content").unwrap_or_default();
        // Failing leaves the pages unstyled, never broken: nothing to report.
        meta.set_outer_html(&format!("<link rel=stylesheet href={href}>"));
    }
}

/// Loads a split-off part: in split builds `$call` fetches the part's module, waited for at
/// most [`within_time_limit`], and the pages' stylesheet comes with it
/// ([`add_page_styles`]); otherwise it is a plain call into the one wasm.
macro_rules! load_split_part {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        $crate::lazy_pages::add_page_styles();
        #[cfg(feature = "split")]
        let part = $crate::lazy_pages::within_time_limit($call).await;
        #[cfg(not(feature = "split"))]
        let part = $call;
        part
    }};
}
pub(crate) use load_split_part;

/// What happened, in the user's language.
pub fn code_problem_text(t: &Messages, problem: PageCodeProblem) -> String {
    match problem {
        PageCodeProblem::Failed => t.page_code_failed.to_string(),
        PageCodeProblem::TimedOut(s) => t.page_code_timed_out.fill(&[&s]),
    }
}

/// In place of a split-off part whose code could not be loaded: what happened, and one button
/// (a page's Retry, a dialog's Close).
#[component]
pub fn CodeUnavailable(
    problem: PageCodeProblem,
    /// The button's label.
    button: fn(&Messages) -> &'static str,
    /// What the button does.
    on_button: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-message" role="alert">
            <strong class="error-message__title">{move || i18n.t().error_title}</strong>
            <p class="error-message__text">{move || code_problem_text(i18n.t(), problem)}</p>
            <p>
                <button type="button" class="button" on:click=move |_| on_button.run(())>
                    {move || button(i18n.t())}
                </button>
            </p>
        </div>
    }
}

/// Where an action whose code is split off (the catalog's bulk actions, "Accept all") says
/// that its code could not be loaded, with Close. The selection and the page stay; starting
/// the action again asks for the code again.
#[component]
pub fn ActionCodeProblem(
    /// Set when the action's code could not be had; Close clears it.
    problem: RwSignal<Option<PageCodeProblem>>,
) -> impl IntoView {
    let close = Callback::new(move |_| problem.set(None));
    move || {
        problem.get().map(|now| {
            view! { <CodeUnavailable problem=now button=|t| t.close on_button=close /> }
        })
    }
}

/// Shown in place of a page whose code could not be loaded, with Retry (a reload: the page had
/// not started, so nothing the user typed is lost).
#[component]
pub fn PageCodeUnavailable(problem: PageCodeProblem) -> impl IntoView {
    let reload = Callback::new(|_| {
        if let Some(window) = web_sys::window() {
            // Nothing to do if the browser refuses: the message stays.
            let _ = window.location().reload();
        }
    });
    view! {
        <main class="page" id="main">
            <CodeUnavailable problem button=|t| t.retry on_button=reload />
        </main>
    }
}

/// Declares the view of a route whose page is one component, in its own module in split
/// builds: shown once its code is in (`router::when_loaded`), or the reason it is not.
macro_rules! lazy_page_route {
    ($(#[$doc:meta])* $route:ident, $view_fn:ident, $page:ident) => {
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split($view_fn, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $view_fn() -> Result<AnyView, PageCodeProblem> {
            Ok(view! { <$page /> }.into_any())
        }

        $(#[$doc])*
        pub fn $route() -> AnyView {
            crate::router::when_loaded(async {
                load_split_part!($view_fn()).unwrap_or_else(|problem| view! { <PageCodeUnavailable problem /> }.into_any())
            })
        }
    };
}

lazy_page_route!(
    /// `/images/new` (create, upload, import).
    create_route, create_page_view, CreateImagePage
);
lazy_page_route!(
    /// `/images/:id` (detail, edit, sharing panel, download).
    image_detail_route, image_detail_view, ImageDetailPage
);
lazy_page_route!(
    /// `/invitations/:id` (accept or reject one invitation).
    invitation_route, invitation_view, InvitationPage
);
lazy_page_route!(
    /// `/access` (who has access to all my images, CSV export).
    access_route, access_view, AccessPage
);
