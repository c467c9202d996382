//! The action bar of the access overview: remove selected, remove all rejected, export, reload;
//! and the result of the last removal, one line per row.

use crate::components::shown_when::shown_when;
use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::{effect, effect_with_previous};

use super::remove_project::RemoveProject;
use super::save::save_text;
use super::AccessState;
use crate::api::ApiError;
use crate::components::focus::focus_result;
use crate::components::ConfirmButton;
use crate::components::ErrorMessage;
use crate::format::bidi_isolated;
use crate::i18n::{Counted, Messages};
use crate::model::access::{to_csv, AccessRow};
use crate::model::MemberStatus;
use crate::state::access::remove_rows;
use crate::state::{use_i18n, use_session};

/// Clicks on "Export CSV" closer than this to the last export are the same click.
const EXPORT_AGAIN_AFTER_MS: f64 = 1000.0;

/// What became of one removal: `None` when it was not sent.
type RowResult = (AccessRow, Option<Result<(), ApiError>>);

/// True when Glance no longer holds the member: it confirmed the removal, or answered that
/// there was no such member (removed meanwhile by someone else).
fn gone(answer: &Option<Result<(), ApiError>>) -> bool {
    match answer {
        Some(Ok(())) => true,
        Some(Err(e)) => e.status == 404,
        None => false,
    }
}

/// Buttons and results of the access overview.
#[component]
pub(super) fn AccessActions(
    state: AccessState,
    /// Reads the overview again.
    reload: Callback<()>,
    /// True while a reading runs.
    loading: Signal<bool>,
    /// How many images' members could not be read in the last reading (absent from `rows`).
    unread_images: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let AccessState {
        rows,
        selected,
        shown,
    } = state;
    let busy = RwSignal::new(false);
    let results = RwSignal::new(Vec::<RowResult>::new());

    let chosen = move || -> Vec<AccessRow> {
        // Only rows on screen: a filter must not hide what is about to be removed.
        shown.with(|rows| {
            selected.with(|s| {
                rows.iter()
                    .filter(|r| s.contains(&r.key()))
                    .cloned()
                    .collect()
            })
        })
    };
    let rejected = move || -> Vec<AccessRow> {
        shown.with(|rows| {
            rows.iter()
                .filter(|r| r.status == MemberStatus::Rejected)
                .cloned()
                .collect()
        })
    };
    let remove = move |targets: Vec<AccessRow>| {
        if targets.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        results.set(Vec::new());
        leptos::task::spawn_local(async move {
            let answers = remove_rows(session, targets).await;
            let removed: Vec<_> = answers
                .iter()
                .filter(|(_, a)| gone(a))
                .map(|(r, _)| r.key())
                .collect();
            // What Glance confirmed leaves the table and the selection; failures stay selected.
            let _ = rows.try_update(|rows| rows.retain(|r| !removed.contains(&r.key())));
            let _ = selected.try_update(|s| s.retain(|k| !removed.contains(k)));
            let _ = results.try_set(answers);
            let _ = busy.try_set(false);
        });
    };
    let remove_cb = Callback::new(remove);
    // What the last run did not remove (refused, or not sent): still in the table, ready to retry.
    let failed = move || -> Vec<AccessRow> {
        results.with(|list| {
            list.iter()
                .filter(|(_, a)| !gone(a))
                .map(|(r, _)| r.clone())
                .collect()
        })
    };
    // What the last export saved: (rows, images left out). Said under the buttons, so a
    // screen reader hears that it happened and the user learns when the file is incomplete.
    let exported = RwSignal::new(None::<(usize, usize)>);
    let last_export_ms = StoredValue::new(f64::NEG_INFINITY);
    let export = move |_| {
        // A double click saves one file, not two.
        let now = js_sys::Date::now();
        if now - last_export_ms.get_value() < EXPORT_AGAIN_AFTER_MS {
            return;
        }
        last_export_ms.set_value(now);
        let t = i18n.t();
        let header = [
            t.access_col_image,
            t.access_col_image_id,
            t.access_col_project,
            t.access_col_project_id,
            t.access_col_status,
            t.access_col_added,
            t.access_col_changed,
            t.access_col_status_raw,
        ];
        let csv = shown.with(|rows| to_csv(&header, rows, |raw| t.member_status_label(raw)));
        // A browser without Blob URLs simply gets no file; nothing else depends on it.
        if save_text("access-overview.csv", &csv, "text/csv;charset=utf-8").is_ok() {
            exported.set(Some((shown.with(Vec::len), unread_images.get_untracked())));
        }
    };
    // A new reading or another filter makes the last export's figures stale.
    effect(move || {
        shown.track();
        exported.set(None);
    });

    // "Remove access for 2 members? … Members: beta (image-a), gamma (image-b).": what is
    // about to go, named, as the catalog's confirmations name their images.
    let question = move |targets: Vec<AccessRow>, asked: fn(&Messages) -> Counted| {
        let t = i18n.t();
        let n = targets.len();
        let pairs: Vec<(String, String)> = targets
            .iter()
            .map(|row| {
                let project = row.project_name.as_deref().unwrap_or(&row.project_id);
                (
                    bidi_isolated(project).into_owned(),
                    bidi_isolated(&row.image_name).into_owned(),
                )
            })
            .collect();
        format!(
            "{}{}",
            asked(t).fill(n, &[&n]),
            (t.access_rows_listed)(&pairs)
        )
    };
    // A run's results take the focus (the button that ran it may have gone with its rows),
    // unless the user has moved it out of the page meanwhile; the list is in a live region too.
    let results_box = ElementRef::new();
    effect_with_previous(move |first_run: Option<()>| {
        let any = results.with(|r| !r.is_empty());
        if first_run.is_some() && any {
            set_timeout(
                move || {
                    if let Some(section) = results_box.get_untracked() {
                        let page = section.closest("main").ok().flatten();
                        focus_result(&section, page.as_ref());
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    });

    let result_line = move |(row, answer): RowResult| {
        let t = i18n.t();
        // Both go into a sentence: isolated, so a right-to-left override in either cannot
        // turn the words around them.
        let project = row.project_name.as_deref().unwrap_or(&row.project_id);
        let project = bidi_isolated(project).into_owned();
        let image = bidi_isolated(&row.image_name).into_owned();
        match answer {
            Some(Ok(())) => view! { <li class="result result--done">{t.access_removed.fill(&[&&project, &&image])}</li> }.into_any(),
            Some(Err(e)) if e.status == 404 => view! { <li class="result result--done">{t.access_removed.fill(&[&&project, &&image])}</li> }.into_any(),
            Some(Err(e)) => view! {
                <li class="result result--failed">
                    <ErrorMessage error=e title=t.access_remove_failed.fill(&[&&project, &&image]) />
                </li>
            }
            .into_any(),
            None => view! { <li class="result result--not-sent">{t.access_not_sent.fill(&[&&project, &&image])}</li> }.into_any(),
        }
    };

    view! {
        <div class="access-actions" role="group" aria-label=move || i18n.t().access_title>
            <ConfirmButton
                label=Signal::derive(move || i18n.t().access_remove.fill(&[&chosen().len()]))
                question=Callback::new(move |_| question(chosen(), |t| t.access_remove_confirm))
                confirm_label=Signal::derive(move || i18n.t().access_remove_label.to_string())
                on_confirm=Callback::new(move |_| remove(chosen()))
                disabled=Signal::derive(move || busy.get() || chosen().is_empty())
            />
            <ConfirmButton
                label=Signal::derive(move || i18n.t().access_remove_rejected.fill(&[&rejected().len()]))
                question=Callback::new(move |_| question(rejected(), |t| t.access_remove_rejected_confirm))
                confirm_label=Signal::derive(move || i18n.t().access_remove_label.to_string())
                on_confirm=Callback::new(move |_| remove(rejected()))
                disabled=Signal::derive(move || busy.get() || rejected().is_empty())
            />
            <RemoveProject shown remove=remove_cb busy=busy.into() />
            <button type="button" class="button" on:click=export disabled=move || shown.with(Vec::is_empty) || loading.get()>
                {move || i18n.t().access_export}
            </button>
            <button type="button" class="button" on:click=move |_| reload.run(()) disabled=move || loading.get() || busy.get()>
                {move || i18n.t().access_reload}
            </button>
        </div>
        <p class="access-actions__exported" role="status">
            {move || exported.get().map(|(rows, left_out)| {
                let t = i18n.t();
                let partial = (left_out > 0).then(|| format!(" {}", t.access_export_partial.fill(left_out, &[&left_out])));
                format!("{}{}", t.access_exported.fill(rows, &[&rows]), partial.unwrap_or_default())
            })}
        </p>
        <div aria-live="polite">{move || {
            let list = results.get();
            (!list.is_empty()).then(|| view! {
                <section class="access-results" tabindex="-1" node_ref=results_box aria-label=move || i18n.t().access_results>
                    <ul>{list.into_iter().map(result_line).collect_view()}</ul>
                    {shown_when(move || !failed().is_empty(), move || view! {
                        <button type="button" class="button" disabled=move || busy.get() on:click=move |_| remove(failed())>
                            {move || i18n.t().access_retry.fill(&[&failed().len()])}
                        </button>
                    }.into_any())}
                </section>
            })
        }}</div>
    }
}
