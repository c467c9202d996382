use leptos::prelude::*;

use crate::components::ConfirmDialog;

/// A button that asks first: clicking it opens a [`ConfirmDialog`] with the question built at
/// that moment (so it names what is affected now), and `on_confirm` runs only when the user
/// confirms. The dialog's open state and its close wiring live here, not at each call site.
#[component]
pub fn ConfirmButton(
    /// The button's text (e.g. "Delete selected (3)").
    #[prop(into)]
    label: Signal<String>,
    /// Builds the question when the dialog opens.
    #[prop(into)]
    question: Callback<(), String>,
    /// The label of the dialog's confirming button (e.g. "Delete").
    #[prop(into)]
    confirm_label: Signal<String>,
    /// Runs when the user confirms.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// Disables the button (e.g. nothing selected, or a run in progress).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The button's CSS classes.
    #[prop(default = "button")]
    class: &'static str,
    /// An accessible name when the text alone is ambiguous (e.g. "Remove <project>").
    #[prop(optional, into)]
    aria_label: MaybeProp<String>,
) -> impl IntoView {
    let question_shown = RwSignal::new(None::<String>);
    view! {
        <button
            type="button"
            class=class
            aria-label=move || aria_label.get()
            disabled=move || disabled.get()
            on:click=move |_| question_shown.set(Some(question.run(())))
        >
            {move || label.get()}
        </button>
        {move || question_shown.get().map(|message| view! {
            <ConfirmDialog
                message=message
                confirm_label=confirm_label.get_untracked()
                on_confirm=move |_| {
                    question_shown.set(None);
                    on_confirm.run(());
                }
                on_cancel=move |_| question_shown.set(None)
            />
        })}
    }
}
