use leptos::prelude::*;

use crate::i18n::Messages;
use crate::state::use_i18n;

/// Picks the progress sentence from the message catalog.
pub type Describe = fn(&'static Messages) -> fn(usize, usize) -> String;

/// How far a running bulk action is, and what leaving the page means: it goes on, and its
/// result appears at the top of whatever page the user is on (a project switch or logout
/// stops what is not yet sent). Shown only while the action runs.
#[component]
pub fn BulkProgress(
    /// (answered, total) while running; `None` hides it.
    #[prop(into)]
    progress: Signal<Option<(usize, usize)>>,
    /// The progress sentence; defaults to "n of m answered".
    #[prop(optional)]
    describe: Option<Describe>,
) -> impl IntoView {
    let i18n = use_i18n();
    let describe: Describe = describe.unwrap_or(|t| t.bulk_progress);
    move || {
        progress.get().map(|(done, total)| {
            view! {
                <div role="status" class="bulk-progress">
                    <progress max=total.to_string() value=done.to_string() aria-label=i18n.t().bulk_progress_name></progress>
                    " " {describe(i18n.t())(done, total)}
                    <p class="form-field__hint bulk-progress__hint">{i18n.t().bulk_leave_hint}</p>
                </div>
            }
        })
    }
}
