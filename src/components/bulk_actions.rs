use std::collections::BTreeMap;

use futures::stream::{self, StreamExt};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{ConfirmDialog, ItemResult, ResultList};
use crate::state::{use_i18n, use_session};

/// How many images are changed at the same time.
const CONCURRENT_REQUESTS: usize = 4;

/// One action applied to every selected image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BulkAct {
    Deactivate,
    Reactivate,
    Delete,
}

/// The bulk actions for the owner's images: deactivate, reactivate and delete the selected
/// images (delete after a confirmation naming them). Each runs with bounded concurrency and
/// lists the result per image, with Glance's words for a refusal (a protected image, an image
/// that is not active). The selection keeps the images the action failed on.
#[component]
pub fn BulkActions(
    /// Selected images, id → name.
    selection: RwSignal<BTreeMap<String, String>>,
    /// Called when every answer is in (the list is then re-read).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let confirming_delete = RwSignal::new(false);
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let run = Action::new_local(move |act: &BulkAct| {
        let act = *act;
        let glance = session.glance();
        let chosen = selection.get_untracked();
        async move {
            let Some(glance) = glance else { return };
            let answers: Vec<(String, String, Result<(), ApiError>)> = stream::iter(chosen)
                .map(|(id, name)| {
                    let glance = glance.clone();
                    async move {
                        let answer = match act {
                            BulkAct::Deactivate => glance.set_active(&id, false).await,
                            BulkAct::Reactivate => glance.set_active(&id, true).await,
                            BulkAct::Delete => glance.delete_image(&id).await,
                        };
                        if let Err(e) = &answer {
                            session.report(e);
                        }
                        (id, name, answer)
                    }
                })
                .buffer_unordered(CONCURRENT_REQUESTS)
                .collect()
                .await;
            selection.update(|s| {
                for (id, _, r) in &answers {
                    if r.is_ok() {
                        s.remove(id);
                    }
                }
            });
            let t = i18n.t();
            let done = match act {
                BulkAct::Deactivate => t.deactivated,
                BulkAct::Reactivate => t.reactivated,
                BulkAct::Delete => t.deleted,
            };
            results.set(
                answers
                    .into_iter()
                    .map(|(_, label, r)| ItemResult {
                        label,
                        ok: r.is_ok(),
                        text: r
                            .err()
                            .map(|e| e.message)
                            .unwrap_or_else(|| done.to_string()),
                    })
                    .collect(),
            );
            on_done.run(());
        }
    });
    let count = move || selection.with(BTreeMap::len);
    let idle = move || count() == 0 || run.pending().get();
    let button = move |act: BulkAct,
                       class: &'static str,
                       label: fn(&'static crate::i18n::Messages) -> &'static str| {
        view! {
            <button
                type="button"
                class=class
                disabled=idle
                on:click=move |_| {
                    if act == BulkAct::Delete {
                        confirming_delete.set(true);
                    } else {
                        run.dispatch(act);
                    }
                }
            >
                {move || format!("{} ({})", label(i18n.t()), count())}
            </button>
        }
    };
    view! {
        <div class="bulk-actions">
            <div class="bulk-actions__buttons">
                {button(BulkAct::Deactivate, "button", |t| t.deactivate_selected)}
                {button(BulkAct::Reactivate, "button", |t| t.reactivate_selected)}
                {button(BulkAct::Delete, "button button--danger", |t| t.delete_selected)}
            </div>
            <ResultList items=results />
            <Show when=move || confirming_delete.get()>
                <ConfirmDialog
                    message=(i18n.t().confirm_delete)(&selection.with_untracked(|s| s.values().cloned().collect::<Vec<_>>().join(", ")))
                    confirm_label=i18n.t().delete
                    on_confirm=move |_| {
                        confirming_delete.set(false);
                        run.dispatch(BulkAct::Delete);
                    }
                    on_cancel=move |_| confirming_delete.set(false)
                />
            </Show>
        </div>
    }
}
