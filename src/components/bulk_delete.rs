use std::collections::BTreeMap;

use futures::stream::{self, StreamExt};
use leptos::prelude::*;

use crate::components::{ConfirmDialog, ItemResult, ResultList};
use crate::state::{use_i18n, use_session};

/// How many images are deleted at the same time.
const CONCURRENT_DELETES: usize = 4;

/// "Delete selected" for the owner's images: asks for confirmation naming them, deletes with
/// bounded concurrency and lists the result per image (Glance's words for a refusal, e.g. a
/// protected image). The selection keeps the images that could not be deleted.
#[component]
pub fn BulkDelete(
    /// Selected images, id → name.
    selection: RwSignal<BTreeMap<String, String>>,
    /// Called when every answer is in (the list is then re-read).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let confirming = RwSignal::new(false);
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let delete = Action::new_local(move |_: &()| {
        let glance = session.glance();
        let chosen = selection.get_untracked();
        async move {
            let Some(glance) = glance else { return };
            let answers: Vec<(String, String, Result<(), String>)> = stream::iter(chosen)
                .map(|(id, name)| {
                    let glance = glance.clone();
                    async move {
                        let answer = glance.delete_image(&id).await;
                        if let Err(e) = &answer {
                            session.report(e);
                        }
                        (id, name, answer.map_err(|e| e.message))
                    }
                })
                .buffer_unordered(CONCURRENT_DELETES)
                .collect()
                .await;
            selection.update(|s| {
                for (id, _, r) in &answers {
                    if r.is_ok() {
                        s.remove(id);
                    }
                }
            });
            let deleted = i18n.t().deleted;
            results.set(
                answers
                    .into_iter()
                    .map(|(_, label, r)| ItemResult {
                        label,
                        ok: r.is_ok(),
                        text: r.err().unwrap_or_else(|| deleted.to_string()),
                    })
                    .collect(),
            );
            on_done.run(());
        }
    });
    let count = move || selection.with(BTreeMap::len);
    view! {
        <div class="bulk-delete">
            <button
                type="button"
                class="button button--danger"
                disabled=move || count() == 0 || delete.pending().get()
                on:click=move |_| confirming.set(true)
            >
                {move || format!("{} ({})", i18n.t().delete_selected, count())}
            </button>
            <ResultList items=results />
            <Show when=move || confirming.get()>
                <ConfirmDialog
                    message=(i18n.t().confirm_delete)(&selection.with_untracked(|s| s.values().cloned().collect::<Vec<_>>().join(", ")))
                    confirm_label=i18n.t().delete
                    on_confirm=move |_| {
                        confirming.set(false);
                        delete.dispatch(());
                    }
                    on_cancel=move |_| confirming.set(false)
                />
            </Show>
        </div>
    }
}
