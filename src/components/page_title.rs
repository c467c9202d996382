//! What a new page tells the browser when it opens: its name in the tab title (and in the
//! history list), and, after a move from another page of the app, the keyboard focus at its
//! start, where a screen reader then reads from.

use std::cell::Cell;

use crate::components::focus;
use crate::state::use_i18n;
use leptos::prelude::*;

use crate::state::effect::effect;

thread_local! {
    /// Whether a page has opened before in this tab: the first one, opened by the browser
    /// itself, leaves the focus where the browser puts it.
    static OPENED_BEFORE: Cell<bool> = const { Cell::new(false) };
}

/// Names the page in the tab title, "<page> – <app>" (the app's name alone when `page` gives
/// an empty string), in the current language and kept up to date. When the page opens after
/// another one of the app and the focus was left on the page body (the link that was clicked
/// is gone), moves it to the page's `<main>` without scrolling.
#[component]
pub fn PageTitle(
    /// The page's own name: a heading's words, or an image's name.
    #[prop(into)]
    page: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    effect(move || {
        let app = i18n.t().app_title;
        let page = page.get();
        let title = if page.trim().is_empty() {
            app.to_string()
        } else {
            format!("{page} – {app}")
        };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });
    effect(move || {
        if OPENED_BEFORE.with(|o| o.replace(true)) {
            focus_main_once_left_on_body(FRAMES_TO_WAIT);
        }
    });
}

/// How many frames (about one second) a new page waits for the page it replaces to leave.
const FRAMES_TO_WAIT: u32 = 60;

/// Moves the focus to the new page's `<main>` at the first frame where it is on the page and
/// the focus is on the body (the replaced page, with the clicked link, may stay on the screen
/// a few frames while the new one loads). Gives up after `frames` frames; focus the user or
/// the page has put on a control is never moved.
fn focus_main_once_left_on_body(frames: u32) {
    request_animation_frame(move || {
        let on_body = match focus::active_element() {
            None => true,
            Some(el) => !el.is_connected(),
        };
        if on_body && focus::focus_main_in_place() {
            return;
        }
        if frames > 0 {
            focus_main_once_left_on_body(frames - 1);
        }
    });
}
