//! A panic is never a silent freeze: the panic hook logs the panic (as before) and puts a
//! banner on the page saying, in the user's language, that the app stopped, with a Reload
//! button and the message to copy into a bug report.
//!
//! The banner is built with plain DOM calls, not Leptos: after a panic the reactive system
//! may be half-way through an update, and with `panic = "abort"` the wasm instance traps as
//! soon as the hook returns, so nothing that needs wasm afterwards may be relied on. That is
//! also why Reload is a plain form submission (no wasm click handler; allowed by the CSP's
//! `form-action 'self'`) instead of a button calling `location.reload()`.

use web_sys::{Document, Element};

use crate::i18n::{Locale, Messages};

/// The id of the banner element (one per page, whatever the number of panics).
pub const BANNER_ID: &str = "panic-banner";

/// Installs the hook: console logging first (the stack trace for developers), then the banner.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Puts the banner on the page with `message`, in the language of `<html lang>` (which the
/// app keeps equal to the chosen language). Never panics; does nothing without a document.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(BANNER_ID).is_some() {
        return; // the first panic is the one worth reporting
    }
    let t = page_locale(&document).messages();
    let _ = build(&document, t, message);
}

/// The locale the page is shown in.
fn page_locale(document: &Document) -> Locale {
    let tag = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_default();
    Locale::from_tag(&tag)
}

/// Appends a new element (see [`element`]) to `parent`.
fn add(document: &Document, parent: &Element, tag: &str, class: &str, text: &str) -> Option<()> {
    let child = element(document, tag, class, text)?;
    parent.append_child(&child).ok().map(|_| ())
}

/// Creates an element with a class and (optional) text.
fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    el.set_class_name(class);
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    Some(el)
}

fn build(document: &Document, t: &Messages, message: &str) -> Option<()> {
    let banner = element(document, "div", "panic-banner", "")?;
    banner.set_id(BANNER_ID);
    banner.set_attribute("role", "alert").ok()?;
    add(
        document,
        &banner,
        "strong",
        "panic-banner__title",
        t.panic_title,
    )?;
    add(document, &banner, "p", "panic-banner__text", t.panic_text)?;

    // Reload: a GET form to this very address. Its query goes in hidden fields, since a GET
    // submission replaces the action's query with the form's fields.
    let form = element(document, "form", "panic-banner__reload", "")?;
    form.set_attribute("method", "get").ok()?;
    let location = document.location()?;
    form.set_attribute("action", &location.pathname().ok()?)
        .ok()?;
    let search = location.search().unwrap_or_default();
    for (key, value) in crate::api::url::parse_query_string(&search) {
        let field = element(document, "input", "", "")?;
        field.set_attribute("type", "hidden").ok()?;
        field.set_attribute("name", &key).ok()?;
        field.set_attribute("value", &value).ok()?;
        form.append_child(&field).ok()?;
    }
    let button = element(document, "button", "button button--primary", t.panic_reload)?;
    button.set_attribute("type", "submit").ok()?;
    form.append_child(&button).ok()?;
    banner.append_child(&form).ok()?;

    let details = element(document, "details", "panic-banner__details", "")?;
    add(document, &details, "summary", "", t.panic_details)?;
    // A read-only text area: selectable and copyable as a whole, with a label.
    let area = element(document, "textarea", "panic-banner__message", "")?;
    area.set_attribute("readonly", "").ok()?;
    area.set_attribute("aria-label", t.panic_details).ok()?;
    area.set_attribute("rows", "4").ok()?;
    area.set_text_content(Some(message));
    details.append_child(&area).ok()?;
    banner.append_child(&details).ok()?;

    let body = document.body()?;
    body.insert_before(&banner, body.first_child().as_ref())
        .ok()?;
    // Focus goes to the reload button so keyboard and screen-reader users land on the way out.
    if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
        let _ = button.focus();
    }
    Some(())
}
