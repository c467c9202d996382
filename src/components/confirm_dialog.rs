use leptos::prelude::*;

use crate::components::modal::{Modal, ModalExit};
use crate::state::use_i18n;

/// A modal asking the user to confirm a consequential action (remove, reject, accept all).
/// Most call sites want [`crate::components::ConfirmButton`], which owns the open state;
/// use this directly only where the question opens from elsewhere. Focus moves into it (to
/// Cancel), stays inside while it is open, and goes back to the opener when it closes.
#[component]
pub fn ConfirmDialog(
    /// The question, naming what is affected.
    #[prop(into)]
    message: String,
    /// Label of the confirming button (e.g. "Remove").
    #[prop(into)]
    confirm_label: String,
    /// Runs when the user confirms.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// Runs when the user cancels.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // Escape cancels; every way out puts focus back on the control that asked.
        <Modal role="alertdialog" labelled_by="confirm-message" on_escape=move |exit: ModalExit| exit.close(|| on_cancel.run(())) let:exit>
            <p id="confirm-message">{message}</p>
            <div class="modal__actions">
                <button type="button" class="button" on:click=move |_| exit.close(|| on_cancel.run(()))>
                    {move || i18n.t().cancel}
                </button>
                <button type="button" class="button button--danger" on:click=move |_| exit.close(|| on_confirm.run(()))>
                    {confirm_label}
                </button>
            </div>
        </Modal>
    }
}
