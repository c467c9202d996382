use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::member_answer;
use crate::components::bulk_report::{item_result, ReportTo, RunReport};
use crate::components::shown_when::shown_when;
use crate::components::{BulkProgress, ConfirmButton, ItemResult, ResultList};
use crate::i18n::Words;
use crate::lazy_pages::{load_split_part, ActionCodeProblem, PageCodeProblem};
use crate::model::MemberStatus;
use crate::state::bulk::{run_bulk, Scope};
use crate::state::invitations::Invitations;
use crate::state::{use_i18n, use_session};

/// How many invitations are answered at the same time.
const CONCURRENT_ACCEPTS: usize = 4;

/// "Accept all" for the invitations on screen: asks for confirmation, accepts each image with
/// bounded concurrency and lists the result per image (Glance's words for a refusal).
///
/// Leaving the page does not stop it: the result then appears in the notice area of the page
/// the user is on. A project switch or logout stops the acceptances not yet sent (they would
/// answer for another project), and the notice says so.
#[component]
pub fn AcceptAll(
    /// (image id, name) of the invitations shown.
    #[prop(into)]
    images: Signal<Vec<(String, String)>>,
    /// Called when every answer is in and the page is still shown (the list is re-read).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let invitations = use_context::<Invitations>();
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let code_problem = RwSignal::new(None::<PageCodeProblem>);
    let report = ReportTo::new();
    // The invitations to answer: those shown, less any whose own answer is on its way (it
    // would be sent twice).
    let to_answer = Memo::new(move |_| {
        images.with(|list| {
            list.iter()
                .filter(|(id, _)| !invitations.is_some_and(|i| i.is_answering(id)))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let count = move || to_answer.with(Vec::len);
    let accept = Job::new_local(move |_: &()| {
        let scope = Scope::current(&session);
        let images = to_answer.get_untracked();
        let ids: Vec<String> = images.iter().map(|(id, _)| id.clone()).collect();
        if let Some(i) = invitations {
            i.begin_answers(&ids);
        }
        let report = report.clone();
        results.set(Vec::new());
        code_problem.set(None);
        progress.set(Some((0, images.len())));
        async move {
            let Some(scope) = scope else {
                if let Some(i) = invitations {
                    i.end_answers(&ids);
                }
                return;
            };
            let to = RunReport {
                scope,
                session,
                progress,
                results,
                report,
                on_done,
            };
            let total = images.len();
            let args = AcceptAllRun {
                images,
                invitations,
                to: to.clone(),
            };
            // In release builds the run's code is fetched on the first run (README "Size").
            match load_split_part!(accept_all_run(args)) {
                Ok(work) => work.await,
                Err(problem) => {
                    let summary = Words::new(move |t| (t.notice_accepted)(0, total));
                    to.code_unavailable(problem, summary, code_problem)
                }
            }
            if let Some(i) = invitations {
                i.end_answers(&ids);
            }
        }
    });
    view! {
        <div class="accept-all">
            {shown_when(move || count() > 0, move || view! {
                <ConfirmButton
                    class="button button--primary"
                    label=Signal::derive(move || i18n.t().with_note(i18n.t().accept_all, count()))
                    disabled=Signal::derive(move || accept.pending().get())
                    question=move |_| { let n = count(); i18n.t().confirm_accept_all.fill(n, &[&n]) }
                    confirm_label=Signal::derive(move || i18n.t().accept_all.to_string())
                    on_confirm=move |_| {
                        accept.dispatch(());
                    }
                />
            }.into_any())}
            <BulkProgress progress=progress />
            <ActionCodeProblem problem=code_problem />
            <ResultList items=results />
        </div>
    }
}

/// What one "Accept all" works with: the invitations, the badge to refresh, and where its
/// progress and results go.
struct AcceptAllRun {
    /// (image id, name) of the invitations, as shown when the user confirmed.
    images: Vec<(String, String)>,
    invitations: Option<Invitations>,
    to: RunReport,
}

/// The run of "Accept all": one acceptance per image with bounded concurrency, then the
/// per-image results, the invitation badge refreshed and the summary (here or, if the page was
/// left, in the notice area). In split builds this is in the `bulk_run` module with the bulk
/// actions' run, fetched on the first run.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(bulk_run, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn accept_all_run(run: AcceptAllRun) -> Result<LocalBoxFuture<'static, ()>, PageCodeProblem> {
    let AcceptAllRun {
        images,
        invitations,
        to,
    } = run;
    Ok(Box::pin(async move {
        let project_id = to.scope.project_id.clone();
        let progress = to.progress;
        let outcome = run_bulk(
            to.session,
            to.scope.clone(),
            images,
            CONCURRENT_ACCEPTS,
            |done, total| {
                let _ = progress.try_set(Some((done, total)));
            },
            move |glance, (id, _name)| {
                let project_id = project_id.clone();
                async move {
                    let accepted = MemberStatus::Accepted;
                    let member = glance
                        .set_member_status(&id, &project_id, &accepted)
                        .await?;
                    // Another status in a 200 is no acceptance: listed with the status Glance
                    // holds, not counted.
                    member_answer::accepted(member)
                }
            },
        )
        .await;
        let items: Vec<ItemResult> = outcome
            .outcomes
            .iter()
            .map(|((_, name), o)| {
                item_result(
                    name.clone(),
                    o,
                    Words::new(|t| t.status_accepted.to_string()),
                )
            })
            .collect();
        let (done, total) = (outcome.done_count(), outcome.outcomes.len());
        let summary = Words::new(move |t| (t.notice_accepted)(done, total));
        // The badge lives in the frame, which outlives this page.
        if let Some(i) = invitations {
            i.refresh();
        }
        to.finish(&outcome, items, summary, |_, (_, name)| name.clone());
    }))
}
