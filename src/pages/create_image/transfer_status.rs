//! What the create page says about sending the data, and what can be done about it.

use std::time::Duration;

use crate::components::shown_when::{shown_when, shown_when_else};
use crate::router::A;
use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect_with_previous;

use super::phase::Phase;
use crate::components::focus::focus_result;
use crate::components::{ErrorMessage, ProgressBar, SourceKind};
use crate::format::human_size;
use crate::state::{use_i18n, use_session};

/// The status under the create form: creating, the upload's progress with Cancel, waiting for
/// Glance, the import's status, the link to the finished image, or, after a failure, cancel
/// or stall, why, with retry, delete and open.
#[component]
pub fn TransferStatus(
    /// Where creating the image stands.
    phase: RwSignal<Phase>,
    /// The record being worked on, once there is one.
    image_id: RwSignal<Option<String>>,
    /// How the data is sent (the words of failures and retry depend on it).
    kind: RwSignal<SourceKind>,
    /// The stall limit, for the words of a stalled upload.
    stall: Duration,
    /// Stops the running upload.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// Sends the data again to this record.
    #[prop(into)]
    on_retry: Callback<String>,
    /// Deletes this record.
    #[prop(into)]
    on_delete: Callback<String>,
    /// False for a record the page did not make (`?image=<id>`): it may hold data by now
    /// (sent another way), and its own page deletes it after asking, with its status shown.
    #[prop(into)]
    offer_delete: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The project the record was made in: read when the record appears, not followed.
    let record_project = Memo::new(move |_| {
        image_id
            .get()
            .and(session.get_untracked())
            .map(|s| s.project_id())
    });
    let open_link = move || {
        let href = image_id
            .get()
            .and_then(|id| crate::api::url::image_page(&id))
            .unwrap_or_else(|| "/images".into());
        view! { <A href=href>{move || i18n.t().open_image}</A> }
    };
    // Glance refused the data itself (415: its format inspection found another disk format):
    // the record keeps the refused file in its store and answers any later data with a 500,
    // so no retry is offered, only deleting the record and creating the image again.
    let retry_refused = move || phase.with(|p| matches!(p, Phase::Failed(e) if e.status == 415));
    let choices = move || {
        let id = image_id.get()?;
        // After a project switch the record is another project's: this one's token can
        // neither send it data nor delete it.
        if record_project.get() != Some(session.project_id()) {
            return Some(view! { <p class="create-image__choices" role="note">{move || i18n.t().record_in_other_project}</p> }.into_any());
        }
        Some({
            let (retry_id, delete_id) = (id.clone(), id);
            // The second click of a double click on Cancel lands on Retry, which takes the
            // place of Cancel: a click that is part of a double click does nothing here.
            view! {
                <div class="create-image__choices">
                    {shown_when_else(move || !retry_refused(), move || view! {
                        <button type="button" class="button button--primary" on:click={
                            let retry_id = retry_id.clone();
                            move |ev| if ev.detail() < 2 { on_retry.run(retry_id.clone()) }
                        }>
                            {move || if kind.get() == SourceKind::Upload { i18n.t().retry_upload } else { i18n.t().retry_import }}
                        </button>
                    }.into_any(), move || view! { <p role="note">{move || i18n.t().record_refused_data}</p> }.into_any())}
                    {shown_when(move || offer_delete.get(), move || view! {
                        <button type="button" class="button button--danger" on:click={
                            let delete_id = delete_id.clone();
                            move |ev| if ev.detail() < 2 { on_delete.run(delete_id.clone()) }
                        }>
                            {i18n.t().delete_record}
                        </button>
                    }.into_any())}
                    {open_link}
                </div>
            }
            .into_any()
        })
    };
    let ended_badly = move |banner: String, error: Option<crate::api::ApiError>| {
        let error = error.map(|mut e| {
            if e.message.is_empty() {
                e.message = i18n.t().import_no_reason.to_string();
            }
            e
        });
        view! {
            <div class="banner banner--warning" role="alert">
                <p>{banner}</p>
            </div>
            {error.map(|e| view! { <ErrorMessage error=e /> })}
            {choices}
        }
        .into_any()
    };
    let status = move || {
        match phase.get() {
        Phase::Editing => ().into_any(),
        Phase::Creating => view! { <p role="status">{i18n.t().creating}</p> }.into_any(),
        Phase::Uploading(p) => {
            let text = (i18n.t().upload_progress)(
                &human_size(Some(p.loaded)),
                &human_size(Some(p.total)),
                p.percent(),
                &human_size(Some(p.speed() as u64)),
                &p.seconds_left()
                    .map(i18n.t().duration)
                    .unwrap_or_else(|| "—".into()),
            );
            view! {
                <ProgressBar percent=p.percent() text=text name=i18n.t().upload_progress_name class="upload-progress">
                    <button type="button" class="button button--danger" on:click=move |_| on_cancel.run(())>
                        {i18n.t().cancel_upload}
                    </button>
                </ProgressBar>
            }
            .into_any()
        }
        Phase::WaitingActive => view! { <p role="status">{i18n.t().waiting_active}</p> }.into_any(),
        Phase::Importing(status) => view! {
            <div role="status" class="import-progress">
                <p class="import-progress__status">{i18n.t().importing.fill(&[&&i18n.t().image_status_label(status.as_str())])}</p>
                <p class="import-progress__hint">{i18n.t().import_leave_hint}</p>
            </div>
        }
        .into_any(),
        Phase::Done => view! {
            <p role="status">{move || i18n.t().image_ready} {move || i18n.t().sentence_gap} {open_link}</p>
        }
        .into_any(),
        Phase::Cancelled => ended_badly(i18n.t().upload_cancelled.to_string(), None),
        Phase::Stalled => ended_badly(i18n.t().upload_stalled.fill(&[&stall.as_secs()]), None),
        Phase::Failed(e) => {
            let importing = kind.get_untracked() != SourceKind::Upload;
            // No record: creating it failed, so there is nothing to send again or delete.
            let banner = if image_id.get().is_none() {
                i18n.t().create_failed
            } else if importing {
                i18n.t().import_failed
            } else {
                i18n.t().upload_failed
            };
            ended_badly(banner.to_string(), Some(e))
        }
    }
    };
    // Focus follows the outcome: when sending ends (its Cancel or the disabled form had the
    // focus) the outcome takes it, so a keyboard or screen-reader user is at what happened and
    // at the choices; once the record is deleted, the form's first field takes it, and on a
    // retry the status with its Cancel.
    let status_box = ElementRef::new();
    effect_with_previous(move |was_ended: Option<bool>| {
        let ended = phase.with(|p| {
            matches!(
                p,
                Phase::Done | Phase::Cancelled | Phase::Stalled | Phase::Failed(_)
            )
        });
        let document = web_sys::window().and_then(|w| w.document());
        let by_id = |id: &str| {
            document
                .as_ref()
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        };
        let form = document
            .as_ref()
            .and_then(|d| d.query_selector(".create-image__form").ok().flatten());
        match (was_ended, ended) {
            (Some(false), true) => {
                if let Some(status) = status_box.get_untracked() {
                    focus_result(&status, form.as_ref());
                }
            }
            (Some(true), false) if phase.with(|p| *p == Phase::Editing) => {
                if let Some(name) = by_id("new-name") {
                    focus_result(&name, status_box.get_untracked().map(Into::into).as_ref());
                }
            }
            // Retry: sending again, with its Cancel in the status.
            (Some(true), false) => {
                if let Some(status) = status_box.get_untracked() {
                    focus_result(&status, None);
                }
            }
            _ => {}
        }
        ended
    });
    view! { <div
        class="create-image__status"
        // Not while uploading: the progress says itself in steps (see ProgressBar).
        aria-live=move || phase.with(|p| !matches!(p, Phase::Uploading(_))).then_some("polite")
        tabindex="-1"
        node_ref=status_box
    >{status}</div> }
}
