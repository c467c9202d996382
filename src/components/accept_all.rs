use futures::stream::{self, StreamExt};
use leptos::prelude::*;

use crate::components::{ConfirmDialog, ItemResult, ResultList};
use crate::model::MemberStatus;
use crate::state::invitations::Invitations;
use crate::state::{use_i18n, use_session};

/// How many invitations are answered at the same time.
const CONCURRENT_ACCEPTS: usize = 4;

/// "Accept all" for the invitations on screen: asks for confirmation, accepts each image with
/// bounded concurrency and lists the result per image (Glance's words for a refusal).
#[component]
pub fn AcceptAll(
    /// (image id, name) of the invitations shown.
    #[prop(into)]
    images: Signal<Vec<(String, String)>>,
    /// Called when every answer is in (the list is then re-read).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let invitations = use_context::<Invitations>();
    let confirming = RwSignal::new(false);
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let count = move || images.with(Vec::len);
    let accept = Action::new_local(move |_: &()| {
        let glance = session.glance();
        let project_id = session.project_id();
        let images = images.get_untracked();
        async move {
            let Some(glance) = glance else { return };
            let answers: Vec<(String, Result<(), String>)> = stream::iter(images)
                .map(|(id, name)| {
                    let glance = glance.clone();
                    let project_id = project_id.clone();
                    async move {
                        let answer = glance
                            .set_member_status(&id, &project_id, &MemberStatus::Accepted)
                            .await;
                        if let Err(e) = &answer {
                            session.report(e);
                        }
                        (name, answer.map(|_| ()).map_err(|e| e.message))
                    }
                })
                .buffer_unordered(CONCURRENT_ACCEPTS)
                .collect()
                .await;
            let accepted = i18n.t().status_accepted;
            results.set(
                answers
                    .into_iter()
                    .map(|(label, r)| ItemResult {
                        label,
                        ok: r.is_ok(),
                        text: r.err().unwrap_or_else(|| accepted.to_string()),
                    })
                    .collect(),
            );
            if let Some(i) = invitations {
                i.refresh();
            }
            on_done.run(());
        }
    });
    view! {
        <div class="accept-all">
            <Show when=move || { count() > 0 }>
                <button type="button" class="button button--primary" disabled=move || accept.pending().get() on:click=move |_| confirming.set(true)>
                    {move || format!("{} ({})", i18n.t().accept_all, count())}
                </button>
            </Show>
            <ResultList items=results />
            <Show when=move || confirming.get()>
                <ConfirmDialog
                    message=(i18n.t().confirm_accept_all)(count())
                    confirm_label=i18n.t().accept_all
                    on_confirm=move |_| {
                        confirming.set(false);
                        accept.dispatch(());
                    }
                    on_cancel=move |_| confirming.set(false)
                />
            </Show>
        </div>
    }
}
