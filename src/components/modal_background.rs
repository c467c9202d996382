//! The page behind an open modal dialog, hidden from assistive technology (`aria-hidden`), so
//! a screen reader (or a query by role) finds only the dialog's controls while it is open: one
//! "Delete" button, the dialog's, not also the page's under it. `aria-modal` alone is not
//! honoured everywhere. Focus is not taken away (`inert` would be): the dialog returns it to
//! its opener when it closes.

use web_sys::Element;

/// Marks what a dialog hid, so another dialog opening inside it can tell its own ancestors
/// from the page's own `aria-hidden` elements.
const MARK: &str = "data-modal-hidden";

/// What one open dialog changed, to be undone when it closes.
#[derive(Default)]
pub struct HiddenBackground {
    /// Elements beside the dialog's ancestors that it hid.
    hidden: Vec<Element>,
    /// Its own ancestors, hidden by a dialog opened earlier, that it showed again (a re-login
    /// dialog over an open confirmation).
    revealed: Vec<Element>,
}

/// Hides everything beside `dialog` and its ancestors up to the body.
pub fn hide_background(dialog: &Element) -> HiddenBackground {
    let mut changed = HiddenBackground::default();
    let mut node = dialog.clone();
    while let Some(parent) = node.parent_element() {
        if node.has_attribute(MARK) {
            unmark(&node);
            changed.revealed.push(node.clone());
        }
        let mut sibling = parent.first_element_child();
        while let Some(el) = sibling {
            if el != node && !el.has_attribute("aria-hidden") {
                mark(&el);
                changed.hidden.push(el.clone());
            }
            sibling = el.next_element_sibling();
        }
        if parent.tag_name().eq_ignore_ascii_case("body") {
            break;
        }
        node = parent;
    }
    changed
}

impl HiddenBackground {
    /// Shows again what this dialog hid, and hides again what it showed.
    pub fn restore(self) {
        for el in &self.hidden {
            unmark(el);
        }
        for el in &self.revealed {
            mark(el);
        }
    }
}

fn mark(el: &Element) {
    let _ = el.set_attribute("aria-hidden", "true");
    let _ = el.set_attribute(MARK, "");
}

fn unmark(el: &Element) {
    let _ = el.remove_attribute("aria-hidden");
    let _ = el.remove_attribute(MARK);
}
