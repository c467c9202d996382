use leptos::prelude::*;

/// A button that shows or hides a part of the page (login domains, "More filters"): it says
/// whether the part is open (`aria-expanded`) and which it is (`aria-controls`), with an arrow
/// that a screen reader skips. A button rather than a `<details>` summary, which has no role
/// a query by role (or every screen reader) knows as a button.
#[component]
pub fn DisclosureButton(
    /// The button's classes.
    class: &'static str,
    /// The id of the part it opens.
    controls: &'static str,
    /// Whether the part is shown.
    #[prop(into)]
    open: Signal<bool>,
    /// The button's words.
    #[prop(into)]
    label: Signal<String>,
    /// Opens or closes the part.
    #[prop(into)]
    on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            on:click=move |_| on_toggle.run(())
        >
            {label}
            <span class="disclosure-arrow" aria-hidden="true">{move || if open.get() { "▴" } else { "▾" }}</span>
        </button>
    }
}
