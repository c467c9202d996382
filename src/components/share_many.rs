//! "Share with projects…": share the selected images with many projects at once.

use std::collections::BTreeMap;

use crate::components::ready_view::ready_view;
use crate::components::shown_when::shown_when;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::members::{check_entries, CheckedEntry};
use crate::components::add_members_form::{split_checked, SplitEntries};
use crate::components::bulk_report::ReportTo;
use crate::components::modal::Modal;
use crate::components::share_many_run::run_share;
use crate::components::{BulkProgress, DoubtfulEntriesQuestion, ItemResult, ResultList};
use crate::i18n::Words;
use crate::lazy_pages::{load_split_part, CodeUnavailable, PageCodeProblem};
use crate::model::share_plan::{
    plan_share, private_count, typed_to_keep, PlanImage, PlanProject, SharePlan,
};
use crate::model::Image;
use crate::state::bulk::Scope;
use crate::state::projects::{known_projects, use_projects};
use crate::state::{use_i18n, use_session};

/// The button that opens [`ShareManyDialog`] for the selected images (disabled when none is).
#[component]
pub fn ShareManyButton(
    /// Selected images, id → name.
    selection: RwSignal<BTreeMap<String, String>>,
    /// The images on the page (for their visibility).
    #[prop(into)]
    images: Signal<Vec<Image>>,
    /// Called after a run while the dialog is shown (the list is re-read).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(None::<Vec<PlanImage>>);
    let chosen = move || {
        let selected = selection.get_untracked();
        images.with_untracked(|list| {
            list.iter()
                .filter(|i| selected.contains_key(&i.id))
                .map(|i| PlanImage {
                    id: i.id.clone(),
                    name: i.name_in_text().into_owned(),
                    visibility: i.visibility.clone(),
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <button
            type="button"
            class="button"
            disabled=move || selection.with(BTreeMap::is_empty)
            on:click=move |_| open.set(Some(chosen()))
        >
            {move || i18n.t().share_many_button}
        </button>
        {move || open.get().map(|images| {
            let close = Callback::new(move |_| open.set(None));
            let args = DialogArgs { images, on_close: close, on_done };
            // In release builds the dialog's code is fetched on its first opening.
            ready_view(async move {
                load_split_part!(share_many_dialog_view(args)).unwrap_or_else(|problem| {
                    // Close; the button opens it again, which asks again.
                    view! { <CodeUnavailable problem button=|t| t.close on_button=close /> }
                        .into_any()
                })
            })
        })}
    }
}

/// What the dialog is opened with.
struct DialogArgs {
    images: Vec<PlanImage>,
    on_close: Callback<()>,
    on_done: Callback<()>,
}

/// The dialog's view; in split builds its code is a wasm module of its own (README "Size"),
/// like the pages off the first screen (`lazy_pages.rs`).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        share_many_dialog_view,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn share_many_dialog_view(args: DialogArgs) -> Result<AnyView, PageCodeProblem> {
    let DialogArgs {
        images,
        on_close,
        on_done,
    } = args;
    Ok(view! { <ShareManyDialog images on_close on_done /> }.into_any())
}

/// One "Share" of the dialog: the plan, the lines about entries refused before sending, and
/// what the box keeps afterwards.
#[derive(Clone, Default)]
struct ShareRun {
    plan: SharePlan,
    entry_lines: Vec<ItemResult>,
    /// The projects sent, as typed: (what was typed, project id).
    typed: Vec<(String, String)>,
    /// Entries refused as typed wrong: they stay in the box to be corrected.
    keep: Vec<String>,
}

/// A modal dialog: project ids or names (checked like the sharing panel's add box), the
/// choice to make private images shared first, then every (image, project) pair with
/// bounded concurrency, progress and one result per pair in Glance's words. Failed pairs
/// stay for "Retry failed". Closing it (or leaving the page) during a run lets the run finish;
/// its summary then appears in the notice area.
#[component]
pub fn ShareManyDialog(
    /// The selected images, with their visibility.
    images: Vec<PlanImage>,
    /// Closes the dialog (Cancel, Close, Escape).
    #[prop(into)]
    on_close: Callback<()>,
    /// Called after a run while the dialog is shown.
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();
    let text = RwSignal::new(String::new());
    let private = private_count(&images);
    let make_shared = RwSignal::new(true);
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let retry = RwSignal::new(SharePlan::default());
    let report = ReportTo::new();
    let count = images.len();

    let last_run = StoredValue::new(ShareRun::default());
    let run = Job::new_local(move |run: &ShareRun| {
        // "Retry failed" keeps the box as this run left it, less what then goes through.
        last_run.set_value(run.clone());
        let ShareRun {
            plan,
            entry_lines,
            typed,
            mut keep,
        } = run.clone();
        let scope = Scope::current(&session);
        let report = report.clone();
        results.set(entry_lines.clone());
        retry.set(SharePlan::default());
        async move {
            let Some(scope) = scope else { return };
            let set_progress = move |done, total| {
                let _ = progress.try_set(Some((done, total)));
            };
            let outcome = run_share(session, scope, plan, &report, set_progress).await;
            let _ = progress.try_set(None);
            if outcome.shown {
                let mut lines = entry_lines;
                lines.extend(outcome.lines);
                // What went through leaves the box (as in the sharing panel's box); what is
                // to be corrected or retried stays.
                keep.extend(typed_to_keep(&typed, &outcome.retry));
                let _ = text.try_set(keep.join("\n"));
                let _ = results.try_set(lines);
                let _ = retry.try_set(outcome.retry);
                let _ = on_done.try_run(());
            }
        }
    });

    let plan_images = StoredValue::new(images.clone());
    // Entries waiting for "Add anyway" (see [`CheckedEntry::is_doubtful`]).
    let pending_doubtful = RwSignal::new(None::<Vec<CheckedEntry>>);
    // The run, once the entries are checked (and any doubt answered).
    let start = move |entries: Vec<CheckedEntry>| {
        let t = i18n.t();
        let SplitEntries {
            to_send,
            refused: mut lines,
            to_correct: keep,
        } = split_checked(entries);
        let typed: Vec<(String, String)> = to_send
            .iter()
            .map(|e| (e.input.clone(), e.project_id.clone()))
            .collect();
        let projects: Vec<PlanProject> = to_send
            .into_iter()
            .map(|e| PlanProject {
                label: match &e.project_name {
                    Some(name) if *name != e.input => t.with_note(&e.input, name),
                    _ => e.input.clone(),
                },
                id: e.project_id,
            })
            .collect();
        if projects.is_empty() {
            if lines.is_empty() {
                lines.push(ItemResult {
                    label: String::new(),
                    ok: false,
                    text: Words::new(|t| t.nothing_to_add.to_string()),
                });
            }
            results.set(lines);
            return;
        }
        let plan = plan_images
            .with_value(|images| plan_share(images, &projects, make_shared.get_untracked()));
        run.dispatch(ShareRun {
            plan,
            entry_lines: lines,
            typed,
            keep,
        });
    };
    let submit = move || {
        let known = known_projects(directory);
        // Members of each image are not known here: Glance answers 409 per pair.
        let entries = check_entries(&text.get_untracked(), &session.project_id(), &[], &known);
        if entries.iter().any(CheckedEntry::is_doubtful) {
            results.set(Vec::new());
            pending_doubtful.set(Some(entries));
        } else {
            pending_doubtful.set(None);
            start(entries);
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    // Enter shares, as in the sharing panel's box; Shift+Enter starts a new line, and Enter
    // that ends an input-method composition (Chinese) does not.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            if !run.pending().get_untracked() {
                submit();
            }
        }
    };

    let running = move || run.pending().get();
    view! {
        // Focus starts in the box, Tab stays inside, and every way out (Close, Escape) puts
        // it back on the button that opened the dialog.
        <Modal role="dialog" labelled_by="share-many-title" initial_focus="#share-many-input" class="share-many" let:exit>
            {
                // Escape closes from anywhere while the dialog is shown (focus may have left
                // it: a button that disappears after a run takes it along).
                let escape = window_event_listener(leptos::ev::keydown, move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        exit.close(|| on_close.run(()));
                    }
                });
                on_cleanup(move || escape.remove());
            }
                <h2 id="share-many-title">{move || i18n.t().share_many_title.fill(count, &[&count])}</h2>
                <form on:submit=on_submit>
                    <div class="form-field">
                        <label for="share-many-input">{move || i18n.t().add_members_label}</label>
                        <textarea
                            id="share-many-input"
                            rows="4"
                            prop:value=move || text.get()
                            on:input=move |ev| {
                                text.set(event_target_value(&ev));
                                // A question asked about other text no longer applies.
                                pending_doubtful.set(None);
                            }
                            on:keydown=on_keydown
                        ></textarea>
                    </div>
                    {(private > 0).then(|| view! {
                        <label class="share-many__make-shared">
                            <input
                                type="checkbox"
                                prop:checked=move || make_shared.get()
                                on:change=move |ev| make_shared.set(event_target_checked(&ev))
                            />
                            " " {move || i18n.t().share_many_make_shared.fill(private, &[&private])}
                        </label>
                    })}
                    <DoubtfulEntriesQuestion pending=pending_doubtful on_confirm=start />
                    <BulkProgress progress=progress />
                    <ResultList items=results />
                    <div class="modal__actions">
                        <button type="button" class="button" on:click=move |_| exit.close(|| on_close.run(()))>
                            {move || i18n.t().close}
                        </button>
                        {shown_when(move || retry.with(|r| !r.pairs.is_empty() || !r.make_shared.is_empty()), move || view! {
                            <button
                                type="button"
                                class="button"
                                disabled=running
                                on:click=move |_| {
                                    run.dispatch(ShareRun {
                                plan: retry.get_untracked(),
                                entry_lines: Vec::new(),
                                ..last_run.get_value()
                            });
                                }
                            >
                                {move || i18n.t().share_many_retry}
                            </button>
                        }.into_any())}
                        <button type="submit" class="button button--primary" disabled=running>
                            {move || i18n.t().share_many_submit}
                        </button>
                    </div>
                </form>
        </Modal>
    }
}
