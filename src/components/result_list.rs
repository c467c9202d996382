use leptos::prelude::*;

/// The outcome of one item of a bulk action (one project added, one image accepted or deleted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    /// What the item is (a project id, an image name).
    pub label: String,
    pub ok: bool,
    /// What happened, in the UI language or in Glance's words.
    pub text: String,
}

/// The per-item results of a bulk action, announced to screen readers as they arrive.
#[component]
pub fn ResultList(
    /// The results to show.
    #[prop(into)]
    items: Signal<Vec<ItemResult>>,
) -> impl IntoView {
    view! {
        <ul class="add-results" aria-live="polite">
            {move || items.get().into_iter().map(|r| view! {
                <li class=if r.ok { "add-results__item add-results__item--ok" } else { "add-results__item add-results__item--error" }>
                    <code>{r.label}</code> ": " {r.text}
                </li>
            }).collect_view()}
        </ul>
    }
}
