//! Warm start: the request a page shows first is sent while the wasm still loads.
//!
//! When the catalog asks Glance for its list (or the detail or invitation page for its image),
//! the app notes in `sessionStorage` which page (the address bar's path and query) asked for
//! which URL, under which `config.json`. On the next load of that same page in this tab, with a
//! session that has not expired and the same `config.json` (the endpoint may have moved: the
//! token must not go to the old one), the small inline script of `index.html` sends that
//! request as soon as `config.json` is in, in parallel with the wasm download and compile,
//! instead of after them. When the app then makes the same call (same URL, same token) it takes
//! that answer instead of sending its own; any other call, a different URL or token, or an
//! early request that got no answer at all (network error, blocked, aborted) leaves the app
//! sending its own request as before. The answer goes through the same status, timeout, abort
//! and error path as any other.
//!
//! Nothing here is read from the network or a link: the hint is written by the app only, the
//! token comes from the session record the app keeps in the same storage.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

use crate::browser;

/// `sessionStorage` key of the hint (read by the inline script of `index.html`).
const HINT_KEY: &str = "glance-share.warm-start";
/// The `window` property under which the inline script leaves its request.
const PREFETCH_GLOBAL: &str = "glanceShareWarmStart";
/// The `window` property under which the inline script leaves its fetch of `config.json`.
const CONFIG_GLOBAL: &str = "glanceShareConfig";

thread_local! {
    /// The text of the `config.json` this load runs with (set once it is valid).
    static CONFIG_TEXT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Which page asked first for which URL, under which `config.json` (what the inline script
/// replays, if the file has not changed since).
#[derive(Serialize)]
struct Hint<'a> {
    page: &'a str,
    url: &'a str,
    config: &'a str,
}

/// A request the inline script started before the app ran.
pub(super) struct Prefetched {
    /// A promise of the `Response`, or of `null` when the script did not send the request
    /// (`config.json` changed).
    pub(super) response: js_sys::Promise,
    /// Aborts it (the caller's abort signal and the timeout reach it through this).
    pub(super) controller: AbortController,
}

/// Notes the text of the valid `config.json` this load runs with.
pub fn note_config(text: &str) {
    CONFIG_TEXT.with(|c| *c.borrow_mut() = Some(text.to_string()));
}

/// Notes that the page now in the address bar shows the answer of `url` first.
pub(super) fn remember(url: &str) {
    let (Some(storage), Some(path)) = (browser::session_storage(), browser::address_bar_path())
    else {
        return;
    };
    // Path and query, as the inline script compares them with `location` on the next load.
    let page = browser::page_of(&path);
    let hint = CONFIG_TEXT.with(|c| {
        let config = c.borrow();
        let config = config.as_deref()?;
        serde_json::to_string(&Hint { page, url, config }).ok()
    });
    if let Some(text) = hint {
        let _ = storage.set_item(HINT_KEY, &text);
    }
}

/// Takes the `window` property `name` (it is gone afterwards), if it holds an object.
fn take_global(name: &str) -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(name);
    let left = js_sys::Reflect::get(&window, &key).ok()?;
    if !left.is_object() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    Some(left)
}

/// The inline script's fetch of `config.json` (a promise of the `Response`), taken once.
pub fn take_config() -> Option<js_sys::Promise> {
    take_global(CONFIG_GLOBAL)?.dyn_into().ok()
}

/// What an early fetch's promise brought: its `Response`, or `None` when it got no answer
/// (network error, blocked, aborted) or was not sent; the caller then sends its own request.
pub async fn answer_of(promise: js_sys::Promise) -> Option<gloo_net::http::Response> {
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let raw = value.dyn_into::<web_sys::Response>().ok()?;
    Some(gloo_net::http::Response::from(raw))
}

/// Forgets the hint (logout: the next user of this tab must not replay it).
pub fn forget() {
    if let Some(storage) = browser::session_storage() {
        let _ = storage.remove_item(HINT_KEY);
    }
}

/// Takes the inline script's request if it was for exactly `url` with `token`. Taken once:
/// whatever was there is gone afterwards, and one for another URL or token is aborted (nothing
/// will use its answer).
pub(super) fn take(url: &str, token: &str) -> Option<Prefetched> {
    let left = take_global(PREFETCH_GLOBAL)?;
    let field = |name: &str| js_sys::Reflect::get(&left, &JsValue::from_str(name)).ok();
    let controller = field("controller")?.dyn_into::<AbortController>().ok()?;
    let same = field("url").and_then(|u| u.as_string()).as_deref() == Some(url)
        && field("token").and_then(|t| t.as_string()).as_deref() == Some(token);
    let response = field("response").and_then(|r| r.dyn_into::<js_sys::Promise>().ok());
    match response {
        Some(response) if same => Some(Prefetched {
            response,
            controller,
        }),
        _ => {
            controller.abort();
            None
        }
    }
}
