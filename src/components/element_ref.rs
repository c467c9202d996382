//! A reference to an element of a view, one type for every tag.
//!
//! Leptos's `NodeRef<E>` is a signal of the element's own interface, so each tag the app
//! refers to (a button, a div, a select, a list, a paragraph, an input…) compiles the signal
//! and its loading again; five tags on the first screen alone were about 9 KB of the first
//! load's wasm before optimisation (README "Size"). This one holds any element as an
//! `HtmlElement`; the few places that need a tag's own interface (a select's or a file
//! input's value) cast it.

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use leptos::tachys::html::node_ref::NodeRefContainer;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Filled with its element when the view that names it (`node_ref=`) is made.
#[derive(Clone, Copy)]
pub struct ElementRef(RwSignal<Option<HtmlElement>, LocalStorage>);

impl ElementRef {
    /// An empty reference, owned by the current view.
    #[allow(clippy::new_without_default)] // made inside a component, for its owner
    pub fn new() -> Self {
        Self(RwSignal::new_local(None))
    }

    /// The element once it is made (tracked: an effect that reads it runs again then).
    pub fn get(&self) -> Option<HtmlElement> {
        self.0.try_get().flatten()
    }

    /// The element, untracked; `None` also once the view that owned the reference is gone
    /// (a timer that fires after the page was left).
    pub fn get_untracked(&self) -> Option<HtmlElement> {
        self.0.try_get_untracked().flatten()
    }

    /// The element as its tag's own interface (`HtmlSelectElement` for its value), untracked.
    pub fn get_as<T: JsCast>(&self) -> Option<T> {
        self.get_untracked()?.dyn_into().ok()
    }
}

impl<E: ElementType> NodeRefContainer<E> for ElementRef {
    fn load(self, element: &web_sys::Element) {
        // `try_`: the view may be made while its owner is being cleaned up.
        let _ = self.0.try_set(element.clone().dyn_into().ok());
    }
}
