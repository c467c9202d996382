use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect;

use crate::components::focus::{
    active_element, focus_if_connected, focus_main_in_place, focusables,
};
use crate::components::modal_background::{hide_background, HiddenBackground};

/// Closes a modal and puts focus back on the control that opened it. Handed to the dialog's
/// content (its buttons, a form's success) so every way out ends in the same place.
#[derive(Clone, Copy)]
pub struct ModalExit {
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl ModalExit {
    /// Focuses the opener again (if it is still on the page), then runs `close`. A dialog
    /// that opened by itself (the re-login dialog over a page whose read was refused) had no
    /// opener: the focus goes to the page's `<main>`, not the body.
    pub fn close(self, close: impl FnOnce()) {
        let back = self.opener.try_get_value().flatten();
        if !back.is_some_and(|el| focus_if_connected(&el)) {
            focus_main_in_place();
        }
        close();
    }
}

/// The frame of a modal dialog: backdrop, `role` (`dialog` or `alertdialog`), `aria-modal`,
/// and the keyboard behaviour a modal owes its users; the page behind it is hidden from
/// assistive technology while it is open. On open, focus moves into it (to
/// `initial_focus` or its first control); Tab and Shift+Tab cycle through its controls only;
/// Escape runs `on_escape` (when given). `exit` remembers the control that had focus when it
/// opened, for [`ModalExit::close`].
#[component]
pub fn Modal<C, V>(
    /// `dialog`, or `alertdialog` for a question that interrupts.
    role: &'static str,
    /// Id of the element that names the dialog.
    labelled_by: &'static str,
    /// A CSS selector of the control to focus first; the first control when absent or absent
    /// from the dialog.
    #[prop(optional)]
    initial_focus: Option<&'static str>,
    /// What Escape does (usually: cancel). Without it Escape does nothing.
    #[prop(optional, into)]
    on_escape: Option<Callback<ModalExit>>,
    /// A class beside `modal` (its width, its own layout).
    #[prop(optional)]
    class: Option<&'static str>,
    /// Receives the exit handle (`let:exit`); returns the dialog's content.
    children: C,
) -> impl IntoView
where
    C: FnOnce(ModalExit) -> V,
    V: IntoView + 'static,
{
    let exit = ModalExit {
        opener: StoredValue::new_local(active_element()),
    };
    let node = ElementRef::new();
    let background = StoredValue::new_local(None::<HiddenBackground>);
    on_cleanup(move || {
        if let Some(hidden) = background.try_update_value(Option::take).flatten() {
            hidden.restore();
        }
    });
    effect(move || {
        if let Some(el) = node.get() {
            if background.with_value(Option::is_none) {
                background.set_value(Some(hide_background(&el)));
            }
            let first = initial_focus
                .and_then(|sel| el.query_selector(sel).ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                .or_else(|| focusables(&el).into_iter().next());
            if let Some(first) = first {
                let _ = first.focus();
            }
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        let Some(el) = node.get_untracked() else {
            return;
        };
        match ev.key().as_str() {
            "Escape" => {
                if let Some(cb) = on_escape {
                    ev.prevent_default();
                    cb.run(exit);
                }
            }
            "Tab" => {
                let controls = focusables(&el);
                let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
                    ev.prevent_default();
                    return;
                };
                let active = active_element();
                let inside = active.as_ref().is_some_and(|a| el.contains(Some(a)));
                let wrap_to = if ev.shift_key() {
                    (!inside || active.as_ref() == Some(first)).then_some(last)
                } else {
                    (!inside || active.as_ref() == Some(last)).then_some(first)
                };
                if let Some(target) = wrap_to {
                    ev.prevent_default();
                    let _ = target.focus();
                }
            }
            _ => {}
        }
    };
    view! {
        <div class="modal-backdrop">
            <div class=class.map_or("modal".to_string(), |c| format!("modal {c}")) role=role aria-modal="true" aria-labelledby=labelled_by node_ref=node on:keydown=on_keydown>
                {children(exit)}
            </div>
        </div>
    }
}
