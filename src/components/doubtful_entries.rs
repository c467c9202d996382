use crate::components::shown_when::shown_when;
use leptos::prelude::*;

use crate::api::members::CheckedEntry;
use crate::state::use_i18n;

/// Asks before projects are added when some entries are neither the names of the user's
/// projects nor shaped like project ids (typically another owner's project name, which Glance
/// would store as it is): names them, with "Add anyway" and Cancel. Shown while `pending`
/// holds the checked entries; either button empties it.
#[component]
pub fn DoubtfulEntriesQuestion(
    /// The entries waiting for the answer.
    pending: RwSignal<Option<Vec<CheckedEntry>>>,
    /// Goes on with all the entries after "Add anyway".
    #[prop(into)]
    on_confirm: Callback<Vec<CheckedEntry>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let question = move || {
        let typed: Vec<String> = pending.with(|p| {
            p.iter()
                .flatten()
                .filter(|e| e.is_doubtful())
                .map(|e| e.input.clone())
                .collect()
        });
        (i18n.t().doubtful_entries)(&typed)
    };
    view! {
        {shown_when(move || pending.with(Option::is_some), move || view! {
            <div class="banner banner--warning banner--question" role="alert">
                <span class="banner__text">{question}</span>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if let Some(entries) = pending.get_untracked() {
                            pending.set(None);
                            on_confirm.run(entries);
                        }
                    }
                >
                    {move || i18n.t().add_anyway}
                </button>
                <button type="button" class="button" on:click=move |_| pending.set(None)>
                    {move || i18n.t().cancel}
                </button>
            </div>
        }.into_any())}
    }
}
