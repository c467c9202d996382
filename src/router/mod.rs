//! The app's own router: the address as signals, moves by link or by code, Back and Forward.
//!
//! It replaced leptos_router (README "Size": about 20 KB brotli of the first load, for matching
//! machinery the app's seven fixed addresses did not need). What each address shows is
//! [`crate::routes::Page`]; this module follows the address bar and changes it:
//! - a click on a link to this app (same origin, no `target`, `download` or `rel=external`, no
//!   modifier key) moves without loading the page; a link to a part of the page
//!   (`href="#sharing"`) scrolls to it and stays on the page (the page's `<base href="/">` would
//!   otherwise make the browser resolve it to the root);
//! - [`use_navigate`] moves from code; Back and Forward (`popstate`) update the signals;
//! - a page whose code comes in its own module ([`when_loaded`]) counts as a move under way
//!   until it is in, for "Loading page…" ([`use_is_routing`]).

mod link;

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use crate::state::effect::effect;
use wasm_bindgen::JsValue;

pub use link::A;

/// The parts of an address the app reads, as the browser writes them (percent-encoded).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Address {
    path: String,
    /// Without the `?`.
    search: String,
    /// With the `#`, or empty.
    hash: String,
}

impl Address {
    /// The address bar's.
    fn current() -> Address {
        web_sys::window()
            .map(|w| w.location())
            .map(|l| Address {
                path: l.pathname().unwrap_or_default(),
                search: strip_question_mark(l.search().unwrap_or_default()),
                hash: l.hash().unwrap_or_default(),
            })
            .unwrap_or_default()
    }

    fn of_url(url: &web_sys::Url) -> Address {
        Address {
            path: url.pathname(),
            search: strip_question_mark(url.search()),
            hash: url.hash(),
        }
    }

    /// Path, query and fragment, as a history entry's address.
    fn full(&self) -> String {
        let question = if self.search.is_empty() { "" } else { "?" };
        format!("{}{question}{}{}", self.path, self.search, self.hash)
    }
}

fn strip_question_mark(search: String) -> String {
    match search.strip_prefix('?') {
        Some(rest) => rest.to_string(),
        None => search,
    }
}

/// The address shown, for the components that follow it.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    /// The path (`/images/abc`), percent-encoded as in the address bar.
    pub pathname: Memo<String>,
    /// The query, without the `?`.
    pub search: Memo<String>,
    /// The fragment with its `#`, or empty.
    pub hash: Memo<String>,
}

#[derive(Debug, Clone, Copy)]
struct RouterState {
    address: RwSignal<Address>,
    location: Location,
    /// Pages whose code is on its way.
    loading: RwSignal<u32>,
}

impl RouterState {
    fn new() -> RouterState {
        let address = RwSignal::new(Address::current());
        let location = Location {
            pathname: Memo::new(move |_| address.with(|a| a.path.clone())),
            search: Memo::new(move |_| address.with(|a| a.search.clone())),
            hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
        };
        RouterState {
            address,
            location,
            loading: RwSignal::new(0),
        }
    }
}

/// The router of the components below (or, outside any, one that reads the address once).
fn router_state() -> RouterState {
    use_context::<RouterState>().unwrap_or_else(RouterState::new)
}

/// Follows the address bar for everything below it: the address as [`Location`], clicks on
/// the app's own links, Back and Forward.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    let state = RouterState::new();
    provide_context(state);
    let clicks = window_event_listener(leptos::ev::click, move |ev| on_click(state, ev));
    let history = window_event_listener(leptos::ev::popstate, move |_| {
        state.address.try_set(Address::current());
    });
    on_cleanup(move || {
        clicks.remove();
        history.remove();
    });
    children()
}

/// The address shown.
pub fn use_location() -> Location {
    router_state().location
}

/// The query's pairs, decoded (`?image=abc` → `("image", "abc")`).
pub fn use_query_map() -> Memo<Vec<(String, String)>> {
    let location = use_location();
    Memo::new(move |_| {
        location
            .search
            .with(|s| crate::api::url::parse_query_string(s))
    })
}

/// True while a page's code is on its way (the move to it has not ended).
pub fn use_is_routing() -> Signal<bool> {
    let loading = router_state().loading;
    Signal::derive(move || loading.get() > 0)
}

/// How a move from code changes the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one (Back skips it).
    pub replace: bool,
    /// Scroll to the top (or to the element the fragment names) once moved.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

/// A function that moves to an address of the app (`/images?sort=size`), or loads another
/// site's address in the tab.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let state = router_state();
    move |to: &str, options: NavigateOptions| navigate(state, to, options)
}

fn navigate(state: RouterState, to: &str, options: NavigateOptions) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(here), Ok(origin)) = (location.href(), location.origin()) else {
        return;
    };
    let Ok(url) = web_sys::Url::new_with_base(to, &here) else {
        return;
    };
    if url.origin() != origin {
        // Nothing in the app links elsewhere through here; if it did, the browser goes.
        let _ = location.set_href(&url.href());
        return;
    }
    let next = Address::of_url(&url);
    let target = next.full();
    if let Ok(history) = window.history() {
        // Failing leaves the address bar behind; the page still follows the move.
        let _ = if options.replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&target))
        } else if target != Address::current().full() {
            history.push_state_with_url(&JsValue::NULL, "", Some(&target))
        } else {
            Ok(())
        };
    }
    state.address.try_set(next);
    if options.scroll {
        scroll_when_drawn();
    }
}

/// Once the moved-to page is drawn: to the element the fragment names, or to the top.
fn scroll_when_drawn() {
    request_animation_frame(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(element) = fragment_target(&Address::current().hash) {
            element.scroll_into_view();
        } else {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}

/// The element a fragment (`#sharing`) names, if the page has it.
fn fragment_target(hash: &str) -> Option<web_sys::Element> {
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    let id = js_sys::decode_uri_component(id)
        .ok()
        .and_then(|d| d.as_string())
        .unwrap_or_else(|| id.to_string());
    web_sys::window()?.document()?.get_element_by_id(&id)
}

/// A click on a link: moves inside the app when the link leads to one of its pages (the same
/// tests as the browser's own "open here" and leptos_router's).
fn on_click(state: RouterState, ev: web_sys::MouseEvent) {
    let Some(link) = crate::browser::link_followed_here(&ev) else {
        return;
    };
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if external {
        return;
    }
    // A link to a part of this page.
    if let Some(fragment) = link
        .get_attribute("href")
        .and_then(|h| h.strip_prefix('#').map(String::from))
    {
        ev.prevent_default();
        let here = Address::current();
        let to = Address {
            hash: format!("#{fragment}"),
            ..here.clone()
        };
        // A second click on the same link adds no history entry (Back would stay put).
        if to != here {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&to.full()));
            }
            state.address.try_set(to);
        }
        // Focus too, not only the view: the next Tab starts in that part of the page.
        if let Some(element) = fragment_target(&format!("#{fragment}")) {
            crate::components::focus::focus_and_scroll_to(element);
        }
        return;
    }
    let (href, origin) = (
        link.href(),
        web_sys::window().and_then(|w| w.location().origin().ok()),
    );
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    if href.is_empty() || Some(url.origin()) != origin {
        return;
    }
    ev.prevent_default();
    let options = NavigateOptions {
        scroll: !link.has_attribute("data-noscroll"),
        ..Default::default()
    };
    navigate(state, &Address::of_url(&url).full(), options);
}

/// Sends the visitor on to `path` as soon as it is drawn, in place of the current history
/// entry (Back does not return to an address that only sends on).
#[component]
pub fn Redirect(
    /// Where to (a path of the app).
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let navigate = use_navigate();
    effect(move || {
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    });
}

/// Shows `page` once it is ready (a page whose code comes in its own module); until then
/// nothing, and the move to it counts as under way ([`use_is_routing`]).
pub fn when_loaded(page: impl Future<Output = AnyView> + 'static) -> AnyView {
    let loading = router_state().loading;
    loading.update(|n| *n = n.saturating_add(1));
    let done = Arc::new(AtomicBool::new(false));
    let finish = move || {
        if !done.swap(true, Ordering::Relaxed) {
            loading.try_update(|n| *n = n.saturating_sub(1));
        }
    };
    // Left before the code came: the move it belonged to is over.
    on_cleanup({
        let finish = finish.clone();
        move || finish()
    });
    crate::components::ready_view::ready_view(async move {
        let view = page.await;
        finish();
        view
    })
}
