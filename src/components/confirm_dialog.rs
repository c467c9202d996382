use leptos::prelude::*;

use crate::state::use_i18n;

/// A modal asking the user to confirm a consequential action (remove, reject, accept all).
/// Most call sites want [`crate::components::ConfirmButton`], which owns the open state;
/// use this directly only where the question opens from elsewhere.
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
        <div class="modal-backdrop">
            <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-message">
                <p id="confirm-message">{message}</p>
                <div class="modal__actions">
                    <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                        {move || i18n.t().cancel}
                    </button>
                    <button type="button" class="button button--danger" on:click=move |_| on_confirm.run(())>
                        {confirm_label}
                    </button>
                </div>
            </div>
        </div>
    }
}
