use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect_with_previous;

use crate::components::focus::focus_result;
use crate::i18n::Words;
use crate::state::use_i18n;

/// The outcome of one item of a bulk action (one project added, one image accepted or deleted).
#[derive(Debug, Clone)]
pub struct ItemResult {
    /// What the item is (a project id, an image name).
    pub label: String,
    pub ok: bool,
    /// What happened, in the UI language or in Glance's words.
    pub text: Words,
}

/// The per-item results of a bulk action, announced to screen readers as they arrive. When
/// a run's results appear, keyboard focus moves onto the list (unless the user has moved it
/// out of the surrounding block meanwhile), so it does not end on the page body.
#[component]
pub fn ResultList(
    /// The results to show.
    #[prop(into)]
    items: Signal<Vec<ItemResult>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = ElementRef::new();
    effect_with_previous(move |first_run: Option<()>| {
        let shown = items.with(|i| !i.is_empty());
        if first_run.is_some() && shown {
            set_timeout(
                move || {
                    // (try_: the list may be gone by the time the timer fires.)
                    if let Some(ul) = node.get_untracked() {
                        focus_result(&ul, ul.parent_element().as_ref());
                    }
                },
                std::time::Duration::from_millis(0),
            );
        }
    });
    view! {
        <ul class="add-results" aria-live="polite" tabindex="-1" node_ref=node>
            {move || items.get().into_iter().map(|r| view! {
                <li class=if r.ok { "add-results__item add-results__item--ok" } else { "add-results__item add-results__item--error" }>
                    // A line about the whole input (nothing to add) names no item.
                    {(!r.label.is_empty()).then(|| view! {
                        <code>{r.label}</code> {move || i18n.t().colon}
                    })}
                    {move || r.text.say(i18n.t())}
                </li>
            }).collect_view()}
        </ul>
    }
}
