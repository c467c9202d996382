use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::create::{create_body, parse_properties, NewImage, NewImageProblem, Progress};
use crate::api::upload::{self, Upload, UploadEnd};
use crate::api::ApiError;
use crate::components::ErrorMessage;
use crate::format::{human_duration, human_size};
use crate::model::ImageStatus;
use crate::state::{browser, use_i18n, use_session};

const DISK_FORMATS: [&str; 8] = ["qcow2", "raw", "vmdk", "vdi", "vhd", "vhdx", "iso", "ploop"];
const CONTAINER_FORMATS: [&str; 5] = ["bare", "ovf", "ova", "docker", "compressed"];

/// Where creating the image stands.
#[derive(Clone, PartialEq)]
enum Phase {
    Editing,
    Creating,
    Uploading(Progress),
    WaitingActive,
    Done,
    Cancelled,
    Failed(ApiError),
}

/// The create page (`/images/new`): the record's fields, then the file, uploaded with one
/// streaming PUT with progress (bytes, percent, speed, time left) and Cancel. A failed or
/// cancelled upload leaves the record and offers to retry or delete it.
#[component]
pub fn CreateImagePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = RwSignal::new(NewImage::default());
    let tags = RwSignal::new(String::new());
    let props = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<NewImageProblem>);
    let phase = RwSignal::new(Phase::Editing);
    let image_id = RwSignal::new(None::<String>);
    let file_input = NodeRef::<Input>::new();
    let running = StoredValue::new_local(None::<Upload>);

    // Waits (briefly) for Glance to finish processing the data, then shows the result.
    let wait_active = Action::new_local(move |id: &String| {
        let id = id.clone();
        let glance = session.glance();
        async move {
            let Some(glance) = glance else { return };
            for _ in 0..40 {
                if let Ok(img) = glance.image(&id, None).await {
                    match img.status {
                        ImageStatus::Active => {
                            phase.set(Phase::Done);
                            return;
                        }
                        ImageStatus::Killed => {
                            phase.set(Phase::Failed(ApiError::network(
                                "Glance marked the image as killed",
                            )));
                            return;
                        }
                        _ => {}
                    }
                }
                gloo_timers::future::sleep(Duration::from_millis(500)).await;
            }
            phase.set(Phase::Done);
        }
    });

    let begin_upload = move |id: String| {
        let Some(file) = file_input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|l| l.get(0))
        else {
            phase.set(Phase::Done);
            return;
        };
        let Some(s) = session.get_untracked() else {
            return;
        };
        let Ok(base) = s.image_endpoint.clone() else {
            return;
        };
        let started = browser::now_ms() as f64;
        let total = file.size();
        phase.set(Phase::Uploading(Progress {
            loaded: 0,
            total: total as u64,
            elapsed_ms: 0.0,
        }));
        let id_for_end = id.clone();
        let result = upload::start(
            &base,
            &s.token,
            &id,
            &file,
            move |loaded, total| {
                let elapsed_ms = browser::now_ms() as f64 - started;
                phase.set(Phase::Uploading(Progress {
                    loaded: loaded as u64,
                    total: total as u64,
                    elapsed_ms,
                }));
            },
            move |end| {
                running.set_value(None);
                match end {
                    UploadEnd::Done => {
                        phase.set(Phase::WaitingActive);
                        wait_active.dispatch(id_for_end);
                    }
                    UploadEnd::Cancelled => phase.set(Phase::Cancelled),
                    UploadEnd::Failed(e) => {
                        session.report(&e);
                        phase.set(Phase::Failed(e));
                    }
                }
            },
        );
        match result {
            Ok(u) => running.set_value(Some(u)),
            Err(e) => phase.set(Phase::Failed(e)),
        }
    };

    let create = Action::new_local(move |body: &serde_json::Value| {
        let body = body.clone();
        let glance = session.glance();
        async move {
            let Some(glance) = glance else { return };
            match glance.create_image(&body).await {
                Ok(img) => {
                    image_id.set(Some(img.id.clone()));
                    begin_upload(img.id);
                }
                Err(e) => {
                    session.report(&e);
                    phase.set(Phase::Failed(e));
                }
            }
        }
    });

    let delete_record = Action::new_local(move |id: &String| {
        let id = id.clone();
        let glance = session.glance();
        async move {
            let Some(glance) = glance else { return };
            match glance.delete_image(&id).await {
                Ok(()) => {
                    image_id.set(None);
                    phase.set(Phase::Editing);
                }
                Err(e) => phase.set(Phase::Failed(e)),
            }
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let properties = match parse_properties(&props.get_untracked()) {
            Ok(p) => p,
            Err(e) => {
                problem.set(Some(e));
                return;
            }
        };
        let mut image = form.get_untracked();
        image.tags = tags
            .get_untracked()
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        image.properties = properties;
        match create_body(&image) {
            Ok(body) => {
                problem.set(None);
                phase.set(Phase::Creating);
                create.dispatch(body);
            }
            Err(e) => problem.set(Some(e)),
        }
    };

    let busy = move || {
        matches!(
            phase.get(),
            Phase::Creating | Phase::Uploading(_) | Phase::WaitingActive
        )
    };
    let text_field = move |id: &'static str,
                           label: fn(&'static crate::i18n::Messages) -> &'static str,
                           get: fn(&NewImage) -> String,
                           set: fn(&mut NewImage, String)| {
        view! {
            <div class="form-field">
                <label for=id>{move || label(i18n.t())}</label>
                <input id=id prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            </div>
        }
    };
    let choice = move |id: &'static str,
                       label: fn(&'static crate::i18n::Messages) -> &'static str,
                       values: &'static [&'static str],
                       get: fn(&NewImage) -> String,
                       set: fn(&mut NewImage, String)| {
        view! {
            <div class="form-field">
                <label for=id>{move || label(i18n.t())}</label>
                <select id=id on:change=move |ev| form.update(|f| set(f, event_target_value(&ev)))>
                    {values.iter().map(|v| view! { <option value=*v selected=move || form.with(get) == *v>{*v}</option> }).collect_view()}
                </select>
            </div>
        }
    };

    view! {
        <main class="page create-image" id="main">
            <A href="/images">{move || format!("← {}", i18n.t().back_to_catalog)}</A>
            <h1>{move || i18n.t().create_title}</h1>
            <form class="create-image__form" on:submit=on_submit>
                <fieldset disabled=busy>
                    {text_field("new-name", |t| t.field_name, |f| f.name.clone(), |f, v| f.name = v)}
                    <div class="edit-image__row">
                        {choice("new-disk-format", |t| t.col_disk_format, &DISK_FORMATS, |f| f.disk_format.clone(), |f, v| f.disk_format = v)}
                        {choice("new-container-format", |t| t.field_container_format, &CONTAINER_FORMATS, |f| f.container_format.clone(), |f, v| f.container_format = v)}
                        {choice("new-visibility", |t| t.col_visibility, &["private", "shared", "community", "public"], |f| f.visibility.clone(), |f, v| f.visibility = v)}
                        {text_field("new-min-disk", |t| t.field_min_disk, |f| f.min_disk.to_string(), |f, v| f.min_disk = v.trim().parse().unwrap_or(0))}
                        {text_field("new-min-ram", |t| t.field_min_ram, |f| f.min_ram.to_string(), |f, v| f.min_ram = v.trim().parse().unwrap_or(0))}
                    </div>
                    <label class="create-image__check">
                        <input type="checkbox" prop:checked=move || form.with(|f| f.protected) on:change=move |ev| form.update(|f| f.protected = event_target_checked(&ev)) />
                        " " {move || i18n.t().protected_label}
                    </label>
                    <div class="form-field">
                        <label for="new-tags">{move || i18n.t().tags_comma}</label>
                        <input id="new-tags" prop:value=move || tags.get() on:input=move |ev| tags.set(event_target_value(&ev)) />
                    </div>
                    <div class="form-field">
                        <label for="new-properties">{move || i18n.t().properties_lines}</label>
                        <textarea id="new-properties" rows="3" prop:value=move || props.get() on:input=move |ev| props.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="form-field">
                        <label for="new-file">{move || i18n.t().file_label}</label>
                        <input id="new-file" type="file" node_ref=file_input />
                    </div>
                    {move || problem.get().map(|p| {
                        let text = match p {
                            NewImageProblem::MissingName => i18n.t().name_required.to_string(),
                            NewImageProblem::BadProperty(line) => format!("{} {line}", i18n.t().bad_property_line),
                        };
                        view! { <p class="form-field__error" role="alert">{text}</p> }
                    })}
                    <Show when=move || image_id.get().is_none()>
                        <button type="submit" class="button button--primary">{move || i18n.t().create_and_upload}</button>
                    </Show>
                </fieldset>
            </form>
            <div class="create-image__status" aria-live="polite">
                {move || match phase.get() {
                    Phase::Editing => ().into_any(),
                    Phase::Creating => view! { <p role="status">{i18n.t().creating}</p> }.into_any(),
                    Phase::Uploading(p) => {
                        let text = (i18n.t().upload_progress)(
                            &human_size(Some(p.loaded)),
                            &human_size(Some(p.total)),
                            p.percent(),
                            &human_size(Some(p.speed() as u64)),
                            &p.seconds_left().map(human_duration).unwrap_or_else(|| "—".into()),
                        );
                        view! {
                            <div role="status" class="upload-progress">
                                <progress max="100" value=format!("{:.1}", p.percent())></progress>
                                <p class="upload-progress__text">{text}</p>
                                <button type="button" class="button button--danger" on:click=move |_| {
                                    running.with_value(|u| if let Some(u) = u { u.cancel() });
                                }>{i18n.t().cancel_upload}</button>
                            </div>
                        }.into_any()
                    }
                    Phase::WaitingActive => view! { <p role="status">{i18n.t().waiting_active}</p> }.into_any(),
                    Phase::Done => {
                        let href = image_id.get().map(|id| format!("/images/{id}")).unwrap_or_else(|| "/images".into());
                        view! { <p role="status"><A href=href>{i18n.t().open_image}</A></p> }.into_any()
                    }
                    Phase::Cancelled | Phase::Failed(_) => {
                        let error = match phase.get() { Phase::Failed(e) => Some(e), _ => None };
                        let cancelled = error.is_none();
                        view! {
                            <div class="banner banner--warning" role="alert">
                                <p>{if cancelled { i18n.t().upload_cancelled } else { i18n.t().upload_failed }}</p>
                            </div>
                            {error.map(|e| view! { <ErrorMessage error=e /> })}
                            {move || image_id.get().map(|id| {
                                let (retry_id, delete_id, open) = (id.clone(), id.clone(), format!("/images/{id}"));
                                view! {
                                    <div class="create-image__choices">
                                        <button type="button" class="button button--primary" on:click=move |_| begin_upload(retry_id.clone())>{i18n.t().retry_upload}</button>
                                        <button type="button" class="button button--danger" on:click=move |_| { delete_record.dispatch(delete_id.clone()); }>{i18n.t().delete_record}</button>
                                        <A href=open>{i18n.t().open_image}</A>
                                    </div>
                                }
                            })}
                        }.into_any()
                    }
                }}
            </div>
        </main>
    }
}
