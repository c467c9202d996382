use leptos::prelude::*;

use crate::browser;
use crate::state::use_i18n;

/// A button that copies `text` (an id, usually) and says "Copied" for a moment (also to
/// screen readers). Its accessible name says what it copies ("Copy project ID").
#[component]
pub fn CopyButton(
    /// What to copy.
    #[prop(into)]
    text: Signal<String>,
    /// What is being copied, for the accessible name ("Copy project ID").
    #[prop(into)]
    what: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let on_click = move |_| {
        browser::copy_to_clipboard(&text.get_untracked());
        copied.set(true);
        set_timeout(
            move || {
                copied.try_set(false);
            },
            std::time::Duration::from_millis(1500),
        );
    };
    view! {
        <button
            type="button"
            class="copy-button"
            aria-label=move || (i18n.t().copy_what)(&what.get())
            on:click=on_click
        >
            {move || if copied.get() { i18n.t().copied } else { i18n.t().copy }}
        </button>
        // The button's name stays "Copy …"; this says that it worked.
        <span class="visually-hidden" role="status">
            {move || copied.get().then(|| i18n.t().labelled(i18n.t().copied, what.get()))}
        </span>
    }
}
