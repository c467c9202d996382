use std::time::Duration;

use leptos::prelude::*;

use crate::components::shown_when::shown_when;
use crate::state::effect::effect;

use crate::state::use_i18n;

/// How long a move to another page may take before it is announced: quicker moves (almost all
/// of them) show and announce nothing.
const SHOW_AFTER: Duration = Duration::from_millis(400);

/// Says "Loading page…" while a move to another page takes longer than a glance (a page whose
/// code is fetched on its first visit, on a slow connection), so a click that seems to do
/// nothing is not taken for a dead app and clicked again. `is_routing` is the router's.
#[component]
pub fn PageLoading(is_routing: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(false);
    // Which move a pending timer belongs to: a timer of a move that has ended does nothing.
    let moves = StoredValue::new(0_u32);
    effect(move || {
        let this = moves.try_get_value().unwrap_or(0).wrapping_add(1);
        moves.set_value(this);
        if is_routing.get() {
            set_timeout(
                move || {
                    let still = moves.try_get_value() == Some(this)
                        && is_routing.try_get_untracked() == Some(true);
                    if still {
                        shown.try_set(true);
                    }
                },
                SHOW_AFTER,
            );
        } else {
            shown.set(false);
        }
    });
    // The tab's title says so too: the page it named has already gone (the next page's own
    // title replaces this one when it opens).
    effect(move || {
        if shown.get() {
            let t = i18n.t();
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&format!("{} – {}", t.page_loading, t.app_title));
            }
        }
    });
    view! {
        <div class="page-loading" role="status">
            {shown_when(move || shown.get(), move || view! {
                <span class="page-loading__note">{move || i18n.t().page_loading}</span>
            }.into_any())}
        </div>
    }
}
