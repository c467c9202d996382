//! Asking before the user leaves while an upload, a staging upload or a download runs.
//!
//! A transfer lives in its page: leaving the page ends it. So while one runs, every way of
//! leaving asks first, naming what runs and what leaving does:
//! - an in-app link: a capture-phase click listener on `window` runs before the router's own
//!   (bubbling) one and cancels the click when the user declines;
//! - Back/Forward: a `popstate` listener added before the router's (see
//!   [`install_listeners`]) runs first; when the user declines, the router never hears of it
//!   and the page's URL is put back;
//! - project switch and logout: those controls call [`confirm_leave`] before acting;
//! - closing or reloading the tab: `beforeunload` (the browser asks, in its own words).
//!
//! A confirmed leave aborts the transfers at once (XHR `abort()`, fetch abort); a transfer's
//! component also aborts it when it is cleaned up, whatever removed it. With nothing running,
//! nothing is asked. The registry is per tab and outside the reactive graph, so the listeners
//! never touch a disposed reactive value.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser;
use crate::i18n::Messages;
use crate::state::{use_i18n, I18n};

/// What kind of transfer runs (the question names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferKind {
    /// The image's data to `PUT /file`.
    Upload,
    /// The file to `PUT /stage` (glance-direct), before the import.
    Stage,
    /// The image's data from `GET /file` to a file.
    Download,
}

/// What the user is about to do that would end the transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Another page of the app (link, Back/Forward).
    Page,
    SwitchProject,
    LogOut,
}

/// The question asked, e.g. "An upload is in progress. Leave this page and cancel it? The
/// image record stays, …".
pub fn question(t: &Messages, kind: TransferKind, leave: Leave) -> String {
    let running = match kind {
        TransferKind::Upload => t.upload_running,
        TransferKind::Stage => t.stage_running,
        TransferKind::Download => t.download_running,
    };
    let ask = match leave {
        Leave::Page => t.leave_page_question,
        Leave::SwitchProject => t.switch_project_question,
        Leave::LogOut => t.log_out_question,
    };
    let asked = t.leave_question.fill(&[&running, &ask]);
    match kind {
        // Glance keeps the record it made for the data: said before, not found later in
        // the catalog as a "Queued" image nobody asked for.
        TransferKind::Upload | TransferKind::Stage => {
            format!("{asked}{}{}", t.sentence_gap, t.record_stays_note)
        }
        TransferKind::Download => asked,
    }
}

struct Entry {
    slot: u64,
    kind: TransferKind,
    /// Path and query of the page the transfer runs on (put back when Back is declined).
    page: String,
    abort: Rc<dyn Fn()>,
}

#[derive(Default)]
struct Registry {
    entries: Vec<Entry>,
    next_slot: u64,
    i18n: Option<I18n>,
    installed: bool,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::default();
}

/// The place of one component's transfer (one at a time) in the tab's registry. Cheap to
/// copy into callbacks; every method is a no-op once the transfer has ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransferSlot(u64);

impl TransferSlot {
    /// A slot for the current component: a transfer still registered when the component is
    /// cleaned up is aborted then. Installs the tab-wide listeners on first use.
    pub fn new() -> Self {
        let i18n = use_i18n();
        let slot = REGISTRY.with(|r| {
            let mut r = r.borrow_mut();
            r.next_slot += 1;
            r.i18n = Some(i18n);
            r.next_slot
        });
        install_listeners();
        let slot = Self(slot);
        on_cleanup(move || slot.abort());
        slot
    }

    /// A transfer starts: remembers what it is and how to stop it.
    pub fn started(&self, kind: TransferKind, abort: impl Fn() + 'static) {
        let page = browser::address_bar_path().unwrap_or_default();
        let entry = Entry {
            slot: self.0,
            kind,
            page,
            abort: Rc::new(abort),
        };
        REGISTRY.with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                r.entries.retain(|e| e.slot != self.0);
                r.entries.push(entry);
            }
        });
    }

    /// The transfer ended (done, failed, cancelled): leaving no longer asks.
    pub fn ended(&self) {
        take_entries(|e| e.slot == self.0);
    }

    /// Aborts the transfer, if one runs, and forgets it.
    pub fn abort(&self) {
        for abort in take_entries(|e| e.slot == self.0) {
            abort();
        }
    }
}

impl Default for TransferSlot {
    fn default() -> Self {
        Self::new()
    }
}

/// Removes the matching entries and returns their abort functions, so they run with the
/// registry released (an abort calls back into the slot that registered it).
fn take_entries(matches: impl Fn(&Entry) -> bool) -> Vec<Rc<dyn Fn()>> {
    REGISTRY.with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else {
            return Vec::new();
        };
        let (gone, kept) = std::mem::take(&mut r.entries)
            .into_iter()
            .partition::<Vec<_>, _>(|e| matches(e));
        r.entries = kept;
        gone.into_iter().map(|e| e.abort).collect()
    })
}

/// The first running transfer and its page, if any.
fn running() -> Option<(TransferKind, String)> {
    REGISTRY.with(|r| {
        r.try_borrow()
            .ok()
            .and_then(|r| r.entries.first().map(|e| (e.kind, e.page.clone())))
    })
}

/// The question for `leave`, in the language on screen, when a transfer runs.
fn pending_question(leave: Leave) -> Option<String> {
    let (kind, _) = running()?;
    let i18n = REGISTRY.with(|r| r.try_borrow().ok().and_then(|r| r.i18n));
    let t = match i18n {
        // The language state belongs to the app's root, which lives as long as the tab.
        Some(i18n) => untrack(|| i18n.t()),
        None => crate::i18n::Locale::En.messages(),
    };
    Some(question(t, kind, leave))
}

/// Before an action that ends running transfers (logout, project switch, leaving the page):
/// `true` when nothing runs, or when the user confirmed, in which case the transfers are
/// aborted now; `false` when the user chose to stay.
pub fn confirm_leave(leave: Leave) -> bool {
    let Some(question) = pending_question(leave) else {
        return true;
    };
    let confirmed = web_sys::window()
        .and_then(|w| w.confirm_with_message(&question).ok())
        .unwrap_or(true);
    if confirmed {
        for abort in take_entries(|_| true) {
            abort();
        }
    }
    confirmed
}

/// Installs the tab-wide listeners (once). Must run before the router installs its own
/// `popstate` listener: at the target (`window`) listeners run in the order they were added,
/// capture or not, and the router's would remove the page, ending its transfer, first.
pub fn install_listeners() {
    let first = REGISTRY.with(|r| {
        r.try_borrow_mut()
            .map(|mut r| !std::mem::replace(&mut r.installed, true))
            .unwrap_or(false)
    });
    let Some(window) = web_sys::window().filter(|_| first) else {
        return;
    };
    // The listeners live as long as the tab (they do nothing while no transfer runs).
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(on_click);
    let popstate = Closure::<dyn Fn(web_sys::Event)>::new(on_popstate);
    let unload = Closure::<dyn Fn(web_sys::Event)>::new(on_beforeunload);
    for (kind, f, capture) in [
        ("click", click.as_ref(), true),
        ("popstate", popstate.as_ref(), true),
        ("beforeunload", unload.as_ref(), false),
    ] {
        let _ = window.add_event_listener_with_callback_and_bool(kind, f.unchecked_ref(), capture);
    }
    click.forget();
    popstate.forget();
    unload.forget();
}

/// A click on a link to another page of the app asks first (same tests as the router's).
fn on_click(ev: web_sys::MouseEvent) {
    if running().is_none() {
        return;
    }
    let Some(link) = browser::link_followed_here(&ev).filter(|l| !l.href().is_empty()) else {
        return;
    };
    let (Ok(to), Some(window)) = (web_sys::Url::new(&link.href()), web_sys::window()) else {
        return;
    };
    let here = window.location();
    if Some(to.origin()) != here.origin().ok() {
        // Another site: the browser's own beforeunload question covers it.
        return;
    }
    let same_page =
        here.pathname().ok() == Some(to.pathname()) && here.search().ok() == Some(to.search());
    if !same_page && !confirm_leave(Leave::Page) {
        ev.prevent_default();
        ev.stop_propagation();
    }
}

/// Back/Forward away from the transfer's page asks first; declined, the router is not told
/// and the page's address is put back.
fn on_popstate(ev: web_sys::Event) {
    let Some((_, page)) = running() else { return };
    let now = browser::address_bar_path().unwrap_or_default();
    if browser::page_of(&now) == browser::page_of(&page) || confirm_leave(Leave::Page) {
        return;
    }
    ev.stop_immediate_propagation();
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&page));
    }
}

/// Closing or reloading the tab: the browser asks (with its own words).
fn on_beforeunload(ev: web_sys::Event) {
    if let Some(question) = pending_question(Leave::Page) {
        ev.prevent_default();
        // Older Chromium needs `returnValue` set to ask.
        let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &question.into());
    }
}
