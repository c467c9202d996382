use std::collections::BTreeMap;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::components::bulk_report::{item_result, ReportTo, RunReport};
use crate::components::{BulkProgress, ConfirmButton, ItemResult, ResultList, ShareManyButton};
use crate::i18n::{Messages, Words};
use crate::lazy_pages::{load_split_part, ActionCodeProblem, PageCodeProblem};
use crate::model::Image;
use crate::state::bulk::{run_bulk, Scope};
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

impl BulkAct {
    fn button(self, t: &'static Messages) -> &'static str {
        match self {
            BulkAct::Deactivate => t.deactivate_selected,
            BulkAct::Reactivate => t.reactivate_selected,
            BulkAct::Delete => t.delete_selected,
        }
    }

    fn confirm_label(self, t: &'static Messages) -> &'static str {
        match self {
            BulkAct::Deactivate => t.deactivate,
            BulkAct::Reactivate => t.reactivate,
            BulkAct::Delete => t.delete,
        }
    }

    fn question(self, t: &'static Messages) -> fn(&[String]) -> String {
        match self {
            BulkAct::Deactivate => t.confirm_deactivate_many,
            BulkAct::Reactivate => t.confirm_reactivate_many,
            BulkAct::Delete => t.confirm_delete_many,
        }
    }

    fn done(self, t: &'static Messages) -> &'static str {
        match self {
            BulkAct::Deactivate => t.deactivated,
            BulkAct::Reactivate => t.reactivated,
            BulkAct::Delete => t.deleted,
        }
    }

    fn summary(self, t: &'static Messages) -> fn(usize, usize) -> String {
        match self {
            BulkAct::Deactivate => t.notice_deactivated,
            BulkAct::Reactivate => t.notice_reactivated,
            BulkAct::Delete => t.notice_deleted,
        }
    }
}

/// The bulk actions for the owner's images: deactivate, reactivate and delete the selected
/// images, each after a confirmation naming them, and share them with projects
/// ([`ShareManyButton`]). Each runs with bounded concurrency and lists
/// the result per image, with Glance's words for a refusal (a protected image, an image that
/// is not active); the selection keeps the images the action failed on.
///
/// Leaving the page does not stop a run: it finishes and its result appears in the notice
/// area of the page the user is on. A project switch or logout stops the requests not yet
/// sent (they would go out with another project's token), and the notice says so.
#[component]
pub fn BulkActions(
    /// Selected images, id → name.
    selection: RwSignal<BTreeMap<String, String>>,
    /// The images on the page (their visibility, for "Share with projects…").
    #[prop(into)]
    images: Signal<Vec<Image>>,
    /// Called when every answer is in and the page is still shown (the list is re-read).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let code_problem = RwSignal::new(None::<PageCodeProblem>);
    let report = ReportTo::new();
    let run = Job::new_local(move |act: &BulkAct| {
        let chosen = selection
            .with_untracked(|s| images.with_untracked(|on_page| in_table_order(s, on_page)));
        let scope = Scope::current(&session);
        let report = report.clone();
        results.set(Vec::new());
        code_problem.set(None);
        progress.set(Some((0, chosen.len())));
        let act = *act;
        async move {
            let Some(scope) = scope else { return };
            let to = RunReport {
                scope,
                session,
                progress,
                results,
                report,
                on_done,
            };
            let total = chosen.len();
            let args = BulkActRun {
                act,
                chosen,
                selection,
                to: to.clone(),
            };
            // In release builds the run's code is fetched on the first run (README "Size").
            match load_split_part!(bulk_act_run(args)) {
                Ok(work) => work.await,
                Err(problem) => {
                    let summary = Words::new(move |t| act.summary(t)(0, total));
                    to.code_unavailable(problem, summary, code_problem)
                }
            }
        }
    });
    let count = move || selection.with(BTreeMap::len);
    let idle = Signal::derive(move || count() == 0 || run.pending().get());
    let button = move |act: BulkAct, class: &'static str| {
        view! {
            <ConfirmButton
                class=class
                label=Signal::derive(move || i18n.t().with_note(act.button(i18n.t()), count()))
                disabled=idle
                question=move |_| {
                    let names: Vec<String> = selection
                        .with_untracked(|s| images.with_untracked(|on_page| in_table_order(s, on_page)))
                        .into_iter()
                        .map(|(_, name)| name)
                        .collect();
                    act.question(i18n.t())(&names)
                }
                confirm_label=Signal::derive(move || act.confirm_label(i18n.t()).to_string())
                on_confirm=move |_| {
                    run.dispatch(act);
                }
            />
        }
    };
    view! {
        <div class="bulk-actions">
            <div class="bulk-actions__buttons">
                {button(BulkAct::Deactivate, "button")}
                {button(BulkAct::Reactivate, "button")}
                {button(BulkAct::Delete, "button button--danger")}
                <ShareManyButton selection=selection images=images on_done=on_done />
            </div>
            <BulkProgress progress=progress />
            <ActionCodeProblem problem=code_problem />
            <ResultList items=results />
        </div>
    }
}

/// The selected (id, name) pairs in the order the table shows them (any selected image no
/// longer on the page last): the confirmation, the requests and the results read like the
/// table, not in the order of the images' ids.
fn in_table_order(
    selection: &BTreeMap<String, String>,
    on_page: &[Image],
) -> Vec<(String, String)> {
    let mut chosen: Vec<(String, String)> = selection
        .iter()
        .map(|(id, name)| (id.clone(), name.clone()))
        .collect();
    // Stable: images no longer on the page keep their order, after the others.
    chosen.sort_by_key(|(id, _)| {
        on_page
            .iter()
            .position(|i| &i.id == id)
            .unwrap_or(usize::MAX)
    });
    chosen
}

/// What one run of a bulk action works with: the images chosen, the selection to leave with
/// the images not done, and where its progress and results go.
struct BulkActRun {
    act: BulkAct,
    /// (id, name) of the images, as selected when the user confirmed.
    chosen: Vec<(String, String)>,
    selection: RwSignal<BTreeMap<String, String>>,
    to: RunReport,
}

/// The run of a bulk action: one request per image with bounded concurrency, then the
/// per-image results, the selection left with the images not done, and the summary (here or,
/// if the page was left, in the notice area). In split builds this is in the `bulk_run`
/// module with "Accept all"'s run, fetched on the first run.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(bulk_run, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn bulk_act_run(run: BulkActRun) -> Result<LocalBoxFuture<'static, ()>, PageCodeProblem> {
    let BulkActRun {
        act,
        chosen,
        selection,
        to,
    } = run;
    Ok(Box::pin(async move {
        let progress = to.progress;
        let outcome = run_bulk(
            to.session,
            to.scope.clone(),
            chosen,
            CONCURRENT_REQUESTS,
            |done, total| {
                let _ = progress.try_set(Some((done, total)));
            },
            move |glance, (id, _name)| async move {
                match act {
                    BulkAct::Deactivate => glance.set_active(&id, false).await,
                    BulkAct::Reactivate => glance.set_active(&id, true).await,
                    BulkAct::Delete => glance.delete_image(&id).await,
                }
            },
        )
        .await;
        // A selection changed meanwhile (another page, tab or project) was cleared; what
        // is still selected keeps the images that were not done.
        let _ = selection.try_update(|s| {
            for ((id, _), o) in &outcome.outcomes {
                if o.is_done() {
                    s.remove(id);
                }
            }
        });
        let items: Vec<ItemResult> = outcome
            .outcomes
            .iter()
            .map(|((_, name), o)| {
                item_result(
                    name.clone(),
                    o,
                    Words::new(move |t| act.done(t).to_string()),
                )
            })
            .collect();
        let (done, total) = (outcome.done_count(), outcome.outcomes.len());
        let summary = Words::new(move |t| act.summary(t)(done, total));
        to.finish(&outcome, items, summary, |_, (_, name)| name.clone());
    }))
}
