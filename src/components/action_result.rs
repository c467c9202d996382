use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect_with_previous;

use crate::components::focus::focus_result;
use crate::i18n::Words;
use crate::state::use_i18n;

/// The sentence that says how an action ended ("Removed 1 project…", "You accepted…"),
/// in a polite live region so screen readers read it. It is kept as [`Words`], so a switch of
/// language says it again in the new one. Each time `text` is set, keyboard focus
/// moves onto it, so after an action focus lands on its result and not on the page body
/// (unless the user has meanwhile moved focus out of the surrounding block).
#[component]
pub fn ActionResult(
    /// The latest result; set it (even to the same words) to announce and focus it again.
    text: RwSignal<Option<Words>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = ElementRef::new();
    effect_with_previous(move |first_run: Option<()>| {
        text.track();
        if first_run.is_none() || text.with_untracked(Option::is_none) {
            return;
        }
        // After the page has drawn the change that came with the result (a row gone, a
        // button disabled), so focus is not pulled back by it.
        set_timeout(
            move || {
                // (try_: the component may be gone by the time the timer fires.)
                if let Some(p) = node.get_untracked() {
                    let within = p.parent_element();
                    focus_result(&p, within.as_ref());
                }
            },
            std::time::Duration::from_millis(0),
        );
    });
    view! {
        <p class="action-result" role="status" tabindex="-1" node_ref=node>
            {move || text.with(|w| w.as_ref().map(|w| w.say(i18n.t())))}
        </p>
    }
}
