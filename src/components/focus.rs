//! Where keyboard focus goes: into a dialog when it opens, back to its opener when it closes,
//! and onto the result of an action when it ends (never left on the page body, where a
//! keyboard or screen-reader user would have to start over from the top).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Controls a keyboard user can reach with Tab.
const FOCUSABLE: &str =
    "a[href], button:not([disabled]), input:not([disabled]):not([type=\"hidden\"]), \
     select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex=\"-1\"])";

/// The element that has focus now, unless it is the page body (i.e. nothing has focus).
pub fn active_element() -> Option<HtmlElement> {
    let document = web_sys::window()?.document()?;
    let active = document.active_element()?;
    if document.body().is_some_and(|b| Element::from(b) == active) {
        return None;
    }
    active.dyn_into::<HtmlElement>().ok()
}

/// Focuses `el` if it is still on the page; says whether it was.
pub fn focus_if_connected(el: &HtmlElement) -> bool {
    el.is_connected() && el.focus().is_ok()
}

/// The rendered, keyboard-reachable controls inside `root`, in document order (controls in
/// a closed `<details>` or otherwise not laid out are left out: they cannot take focus).
pub fn focusables(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some())
        .collect()
}

/// Moves focus to `target` (an action's result, made focusable with `tabindex="-1"`) when
/// focus is lost on the body, still within `within` (the part of the page the action ran
/// from), or on a section around the result (where `index.html`'s focus keeper puts it while
/// the action's button is disabled); focus the user has since moved elsewhere is left where
/// it is.
pub fn focus_result(target: &HtmlElement, within: Option<&Element>) {
    let here = match active_element() {
        None => true,
        Some(active) => {
            active.contains(Some(target)) || within.is_some_and(|w| w.contains(Some(&active)))
        }
    };
    if here {
        let _ = target.focus();
    }
}

/// The page's `<main id="main">`, made focusable by script only (`tabindex="-1"`, so it does
/// not become a Tab stop itself).
fn main_element() -> Option<HtmlElement> {
    let main = web_sys::window()?
        .document()?
        .get_element_by_id("main")?
        .dyn_into::<HtmlElement>()
        .ok()?;
    Some(focusable_by_script(main))
}

/// `el`, made focusable by script if it is not already (`tabindex="-1"`: not a Tab stop).
fn focusable_by_script(el: HtmlElement) -> HtmlElement {
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    el
}

/// Moves focus to `target` (the part of the page a link leads to, e.g. the sharing panel)
/// and scrolls to it, so the next Tab starts there, not back where the link was.
pub fn focus_and_scroll_to(target: Element) {
    if let Ok(target) = target.dyn_into::<HtmlElement>() {
        let target = focusable_by_script(target);
        let _ = target.focus();
        target.scroll_into_view();
    }
}

/// Moves focus to the page's `<main id="main">`, the skip link's target, so the next Tab
/// starts inside the page's own content, and scrolls to it.
pub fn focus_main() {
    if let Some(main) = main_element() {
        focus_and_scroll_to(main.into());
    }
}

/// Moves focus to the page's `<main id="main">` without scrolling (for a page just opened,
/// which the router has already shown from its top); says whether it has the focus now. It
/// may not: a page whose code is still on its way has no `<main>` yet.
pub fn focus_main_in_place() -> bool {
    let Some(main) = main_element() else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = main.focus_with_options(&options);
    active_element().is_some_and(|active| active == main)
}
