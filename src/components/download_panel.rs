use crate::components::shown_when::shown_when;
use leptos::prelude::*;

use crate::state::job::Job;
use web_sys::AbortController;

use crate::api::checksum::{file_name, verdict, StreamHasher, Verdict};
use crate::api::create::Progress;
use crate::api::download::{
    can_stream_to_disk, choose_sink, fetch_into, streams_to_disk, FetchOptions, Fetched,
};
use crate::api::stall::stall_limit;
use crate::api::ApiError;
use crate::browser;
use crate::components::{ErrorMessage, ProgressBar};
use crate::format::human_size;
use crate::model::{Image, ImageStatus};
use crate::state::transfer_guard::{TransferKind, TransferSlot};
use crate::state::{use_i18n, use_session};

/// Where a download stands.
#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Running(Progress),
    Done {
        name: String,
        verdict: Verdict,
    },
    Cancelled,
    /// Aborted after the stall limit without data.
    Stalled,
    Failed(ApiError),
}

/// Downloads the image's data to a file with progress and Cancel, then checks it against the
/// hash Glance recorded (`os_hash_value`). Offered for active images to anyone who can see
/// them. Small images go through the browser's own download; big ones, where the browser can,
/// into a file picked in a save dialog; where it cannot, the panel says so before the download
/// (see [`crate::api::download`]). Leaving while it runs asks first
/// ([`crate::state::transfer_guard`]); a download without data for the stall limit stops.
#[component]
pub fn DownloadPanel(
    /// The image whose data to download.
    image: RwSignal<Image>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let phase = RwSignal::new(Phase::Idle);
    let controller = StoredValue::new_local(None::<AbortController>);
    let streams = can_stream_to_disk();

    let slot = TransferSlot::new();
    let stall = stall_limit(session.config().transfer_stall_s);
    let stream_above_mib = session.config().stream_downloads_above_mib;

    // The page may be gone after any await (a confirmed leave aborts the download and the
    // page goes): only `try_*` forms from there on.
    let download = Job::new_local(move |_: &()| {
        let img = image.get_untracked();
        let glance = session.glance();
        async move {
            let Some(glance) = glance else { return };
            let name = file_name(img.name.as_deref(), &img.id, img.disk_format.as_deref());
            let to_disk = streams_to_disk(img.size, stream_above_mib);
            let sink = match choose_sink(&name, to_disk).await {
                Ok(Some(sink)) => sink,
                Ok(None) => {
                    // The save dialog was closed (or, in a browser that cannot show one,
                    // refused at once): said, so the button does not look dead.
                    phase.try_set(Phase::Cancelled);
                    return;
                }
                Err(e) => {
                    phase.try_set(Phase::Failed(e));
                    return;
                }
            };
            let Ok(abort) = AbortController::new() else {
                sink.discard().await;
                return;
            };
            if controller.try_set_value(Some(abort.clone())).is_some() {
                // The panel is gone (left while the save dialog was open).
                sink.discard().await;
                return;
            }
            let aborter = abort.clone();
            slot.started(TransferKind::Download, move || aborter.abort());
            let started = browser::now_ms() as f64;
            let expected = img.size;
            phase.try_set(Phase::Running(Progress {
                loaded: 0,
                total: expected.unwrap_or(0),
                elapsed_ms: 0.0,
            }));
            let options = FetchOptions {
                hasher: img.os_hash_algo.as_deref().and_then(StreamHasher::for_algo),
                expected_size: expected,
                stall,
            };
            let result = fetch_into(
                &glance,
                &img.id,
                &sink,
                &abort,
                options,
                move |loaded, total| {
                    phase.try_set(Phase::Running(Progress {
                        loaded,
                        total: total.unwrap_or(loaded),
                        elapsed_ms: browser::now_ms() as f64 - started,
                    }));
                },
            )
            .await;
            slot.ended();
            controller.try_set_value(None);
            let end = match result {
                Ok(Fetched::Complete { hash, .. }) => match sink.finish(&name).await {
                    Ok(()) => Phase::Done {
                        name,
                        verdict: verdict(
                            img.os_hash_algo.as_deref(),
                            img.os_hash_value.as_deref(),
                            hash,
                        ),
                    },
                    Err(e) => Phase::Failed(e),
                },
                Ok(Fetched::Cancelled) => {
                    sink.discard().await;
                    Phase::Cancelled
                }
                Ok(Fetched::Stalled) => {
                    sink.discard().await;
                    Phase::Stalled
                }
                Err(e) => {
                    sink.discard().await;
                    session.report(&e);
                    Phase::Failed(e)
                }
            };
            phase.try_set(end);
        }
    });

    let running = move || matches!(phase.get(), Phase::Running(_));
    let status = move || {
        match phase.get() {
        Phase::Idle => ().into_any(),
        Phase::Running(p) => {
            let text = (i18n.t().download_progress)(
                &human_size(Some(p.loaded)),
                &human_size(Some(p.total)),
                p.percent(),
                &human_size(Some(p.speed() as u64)),
            );
            view! { <ProgressBar percent=p.percent() text=text name=i18n.t().download_progress_name class="download-progress" /> }
                .into_any()
        }
        Phase::Done { name, verdict } => {
            let t = i18n.t();
            let (class, text) = match verdict {
                Verdict::Verified { algo } => ("banner banner--ok", t.checksum_ok.fill(&[&&algo])),
                Verdict::Mismatch {
                    algo,
                    expected,
                    got,
                } => (
                    "banner banner--danger",
                    t.checksum_mismatch.fill(&[&&algo, &&expected, &&got]),
                ),
                Verdict::Unsupported { algo } => {
                    ("banner banner--warning", t.checksum_unsupported.fill(&[&&algo]))
                }
                Verdict::Missing => ("banner banner--warning", t.checksum_missing.to_string()),
            };
            let role = if class.contains("danger") {
                "alert"
            } else {
                "status"
            };
            view! {
                <div class=class role=role>
                    <p>{t.download_saved.fill(&[&&name])}</p>
                    <p class="download-verdict">{text}</p>
                </div>
            }
            .into_any()
        }
        Phase::Cancelled => view! { <p role="status">{i18n.t().download_cancelled}</p> }.into_any(),
        Phase::Stalled => view! {
            <p class="banner banner--warning" role="alert">{i18n.t().download_stalled.fill(&[&stall.as_secs()])}</p>
        }
        .into_any(),
        Phase::Failed(e) => {
            view! { <ErrorMessage error=e title=i18n.t().download_failed /> }.into_any()
        }
    }
    };

    view! {
        {shown_when(move || image.with(|i| i.status == ImageStatus::Active), move || view! {
            <section class="download-panel" aria-labelledby="download-title">
                <h2 id="download-title">{move || i18n.t().download}</h2>
                {(!streams).then(|| view! { <p class="download-panel__note">{move || i18n.t().download_fallback_note}</p> })}
                <div class="download-panel__actions">
                    <button type="button" class="button" disabled=running on:click=move |_| { download.dispatch(()); }>
                        {move || i18n.t().with_note(i18n.t().download, human_size(image.with(|i| i.size)))}
                    </button>
                    {shown_when(running, move || view! {
                        <button type="button" class="button button--danger" on:click=move |_| {
                            // Cloned out first: the abort runs code that stores into `controller`.
                            if let Some(Some(c)) = controller.try_get_value() { c.abort() }
                        }>{move || i18n.t().cancel_download}</button>
                    }.into_any())}
                </div>
                <div aria-live="polite">{status}</div>
            </section>
        }.into_any())}
    }
}
