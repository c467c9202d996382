use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::create::{
    create_body, disk_format_for_file, parse_properties, NewImage, NewImageProblem, Progress,
};
use crate::api::import::{check_url, import_body, DataSource, UrlProblem};
use crate::api::import_follow::import_and_follow;
use crate::api::upload::{self, Target, Upload, UploadEnd};
use crate::api::ApiError;
use crate::browser;
use crate::components::{DataSourcePicker, ErrorMessage, ProgressBar, SourceKind};
use crate::format::{human_duration, human_size};
use crate::model::formats::{CONTAINER_FORMATS, DISK_FORMATS};
use crate::model::ImageStatus;
use crate::state::on_page::OnPage;
use crate::state::{use_i18n, use_session};

/// Where creating the image stands.
#[derive(Clone, PartialEq)]
enum Phase {
    Editing,
    Creating,
    Uploading(Progress),
    WaitingActive,
    /// Glance is importing (glance-direct after staging, or web-download); its status.
    Importing(ImageStatus),
    Done,
    Cancelled,
    Failed(ApiError),
}

/// A problem found in the form before anything is sent.
#[derive(Clone, PartialEq)]
enum FormProblem {
    Image(NewImageProblem),
    Url(UrlProblem),
    /// Upload or stage chosen, but no file picked.
    NoFile,
}

/// The create page (`/images/new`): the record's fields, then the data: the file uploaded
/// with one streaming PUT with progress (bytes, percent, speed, time left) and Cancel, or,
/// where the cloud enables interoperable import, staged then imported (glance-direct) or
/// fetched by Glance from a URL (web-download), followed until active or failed. A failed or
/// cancelled attempt leaves the record and offers to retry or delete it.
#[component]
pub fn CreateImagePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = RwSignal::new(NewImage::default());
    let tags = RwSignal::new(String::new());
    let props = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<FormProblem>);
    let kind = RwSignal::new(SourceKind::Upload);
    let url = RwSignal::new(String::new());
    let methods = LocalResource::new(move || {
        let glance = session.glance();
        async move {
            match glance {
                Some(glance) => glance.import_methods().await,
                None => Vec::new(),
            }
        }
    });
    let methods = Signal::derive(move || methods.get().unwrap_or_default());
    // Polling stops when the page is left (Glance goes on importing regardless).
    let on_page = StoredValue::new(OnPage::new());
    let phase = RwSignal::new(Phase::Editing);
    // `?image=<id>`: send data to an existing record without data (linked from its detail
    // page) instead of creating one.
    let existing_id = use_query_map()
        .with_untracked(|q| q.get("image"))
        .filter(|id| !id.trim().is_empty());
    let image_id = RwSignal::new(existing_id.clone());
    let existing = {
        let existing_id = existing_id.clone();
        LocalResource::new(move || {
            let (id, glance) = (existing_id.clone(), session.glance());
            async move {
                match (id, glance) {
                    (Some(id), Some(glance)) => Some(glance.image(&id, None).await),
                    _ => None,
                }
            }
        })
    };
    // True while the page works on the existing record (it stops when that record is deleted).
    let for_existing = {
        let existing_id = existing_id.clone();
        Memo::new(move |_| existing_id.is_some() && image_id.get() == existing_id)
    };
    let file_input = NodeRef::<Input>::new();
    // Once the user picks a disk format, a file's extension no longer changes it.
    let format_chosen = RwSignal::new(false);
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

    let import = Action::new_local(move |(id, body): &(String, serde_json::Value)| {
        let (id, body) = (id.clone(), body.clone());
        let glance = session.glance();
        let on_page = on_page.get_value();
        async move {
            let Some(glance) = glance else { return };
            phase.set(Phase::Importing(ImageStatus::Queued));
            let result = import_and_follow(
                &glance,
                &id,
                &body,
                move || on_page.get(),
                move |status| phase.set(Phase::Importing(status)),
            )
            .await;
            match result {
                Ok(true) => phase.set(Phase::Done),
                Ok(false) => {}
                Err(e) => {
                    session.report(&e);
                    phase.set(Phase::Failed(e));
                }
            }
        }
    });

    let begin_upload = move |id: String, target: Target| {
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
            target,
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
                    UploadEnd::Done if target == Target::Stage => {
                        if let Some(body) = import_body(&DataSource::Stage) {
                            import.dispatch((id_for_end, body));
                        }
                    }
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

    // Sends the data the chosen way to the (new or retried) image record.
    let send_data = move |id: String, source: DataSource| match source {
        DataSource::Upload => begin_upload(id, Target::File),
        DataSource::Stage => begin_upload(id, Target::Stage),
        DataSource::WebDownload(_) => {
            if let Some(body) = import_body(&source) {
                import.dispatch((id, body));
            }
        }
    };
    // The data source as the form says now, checked.
    let chosen_source = move || -> Result<DataSource, FormProblem> {
        let has_file = file_input
            .get_untracked()
            .and_then(|i| i.files())
            .is_some_and(|l| l.length() > 0);
        let source = match kind.get_untracked() {
            SourceKind::Upload => DataSource::Upload,
            SourceKind::Stage => DataSource::Stage,
            SourceKind::Web => check_url(&url.get_untracked())
                .map(DataSource::WebDownload)
                .map_err(FormProblem::Url)?,
        };
        if source.needs_file() && !has_file {
            return Err(FormProblem::NoFile);
        }
        Ok(source)
    };

    let create = Action::new_local(move |(body, source): &(serde_json::Value, DataSource)| {
        let (body, source) = (body.clone(), source.clone());
        let glance = session.glance();
        async move {
            let Some(glance) = glance else { return };
            match glance.create_image(&body).await {
                Ok(img) => {
                    image_id.set(Some(img.id.clone()));
                    send_data(img.id, source);
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
        if for_existing.get_untracked() {
            if let Some(id) = image_id.get_untracked() {
                match chosen_source() {
                    Ok(source) => {
                        problem.set(None);
                        send_data(id, source);
                    }
                    Err(e) => problem.set(Some(e)),
                }
            }
            return;
        }
        let properties = match parse_properties(&props.get_untracked()) {
            Ok(p) => p,
            Err(e) => {
                problem.set(Some(FormProblem::Image(e)));
                return;
            }
        };
        let source = match chosen_source() {
            Ok(s) => s,
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
                create.dispatch((body, source));
            }
            Err(e) => problem.set(Some(FormProblem::Image(e))),
        }
    };

    let busy = move || {
        matches!(
            phase.get(),
            Phase::Creating | Phase::Uploading(_) | Phase::WaitingActive | Phase::Importing(_)
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
            <h1>{move || match existing.get().flatten() {
                Some(Ok(img)) if for_existing.get() => (i18n.t().send_data_title)(
                    img.display_name(),
                    img.disk_format.as_deref().unwrap_or("—"),
                ),
                _ => i18n.t().create_title.to_string(),
            }}</h1>
            {move || match existing.get().flatten() {
                Some(Err(e)) if for_existing.get() => view! { <ErrorMessage error=e /> }.into_any(),
                _ => ().into_any(),
            }}
            <form class="create-image__form" on:submit=on_submit>
                <fieldset disabled=busy>
                    // The record's fields: only when creating one.
                    <div class="create-image__record" hidden=move || for_existing.get()>
                    {text_field("new-name", |t| t.field_name, |f| f.name.clone(), |f, v| f.name = v)}
                    <div class="edit-image__row">
                        <div class="create-image__format" on:change=move |_| format_chosen.set(true)>
                            {choice("new-disk-format", |t| t.col_disk_format, &DISK_FORMATS, |f| f.disk_format.clone(), |f, v| f.disk_format = v)}
                        </div>
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
                    </div>
                    <DataSourcePicker methods=methods kind=kind url=url />
                    // Hidden rather than removed for web-download, so a picked file survives
                    // switching back and forth.
                    <div class="form-field" hidden=move || kind.get() == SourceKind::Web>
                        <label for="new-file">{move || i18n.t().file_label}</label>
                        <input id="new-file" type="file" node_ref=file_input on:change=move |_| {
                            let picked = file_input.get_untracked().and_then(|i| i.files()).and_then(|l| l.get(0));
                            if let Some(format) = picked.and_then(|f| disk_format_for_file(&f.name())) {
                                if !format_chosen.get_untracked() {
                                    form.update(|f| f.disk_format = format.to_string());
                                }
                            }
                        } />
                    </div>
                    {move || problem.get().map(|p| {
                        let text = match p {
                            FormProblem::Image(NewImageProblem::MissingName) => i18n.t().name_required.to_string(),
                            FormProblem::Image(NewImageProblem::BadProperty(line)) => format!("{} {line}", i18n.t().bad_property_line),
                            FormProblem::Url(UrlProblem::Empty) => i18n.t().url_required.to_string(),
                            FormProblem::Url(UrlProblem::NotHttp) => i18n.t().url_not_http.to_string(),
                            FormProblem::NoFile => i18n.t().file_required.to_string(),
                        };
                        view! { <p class="form-field__error" role="alert">{text}</p> }
                    })}
                    <Show when=move || image_id.get().is_none()>
                        <button type="submit" class="button button--primary">{move || i18n.t().create_and_upload}</button>
                    </Show>
                    <Show when=move || for_existing.get() && phase.get() == Phase::Editing>
                        <button type="submit" class="button button--primary">{move || i18n.t().send_data}</button>
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
                            <ProgressBar percent=p.percent() text=text class="upload-progress">
                                <button type="button" class="button button--danger" on:click=move |_| {
                                    running.with_value(|u| if let Some(u) = u { u.cancel() });
                                }>{i18n.t().cancel_upload}</button>
                            </ProgressBar>
                        }.into_any()
                    }
                    Phase::WaitingActive => view! { <p role="status">{i18n.t().waiting_active}</p> }.into_any(),
                    Phase::Importing(status) => view! {
                        <div role="status" class="import-progress">
                            <p class="import-progress__status">{(i18n.t().importing)(status.as_str())}</p>
                            <p class="import-progress__hint">{i18n.t().import_leave_hint}</p>
                        </div>
                    }.into_any(),
                    Phase::Done => {
                        let href = image_id.get().map(|id| format!("/images/{id}")).unwrap_or_else(|| "/images".into());
                        view! { <p role="status"><A href=href>{i18n.t().open_image}</A></p> }.into_any()
                    }
                    Phase::Cancelled | Phase::Failed(_) => {
                        let error = match phase.get() { Phase::Failed(e) => Some(e), _ => None };
                        let cancelled = error.is_none();
                        let importing = kind.get_untracked() != SourceKind::Upload;
                        let error = error.map(|mut e| {
                            if e.message.is_empty() { e.message = i18n.t().import_no_reason.to_string(); }
                            e
                        });
                        let banner = match (cancelled, importing) {
                            (true, _) => i18n.t().upload_cancelled,
                            (false, true) => i18n.t().import_failed,
                            (false, false) => i18n.t().upload_failed,
                        };
                        view! {
                            <div class="banner banner--warning" role="alert">
                                <p>{banner}</p>
                            </div>
                            {error.map(|e| view! { <ErrorMessage error=e /> })}
                            {move || image_id.get().map(|id| {
                                let (retry_id, delete_id, open) = (id.clone(), id.clone(), format!("/images/{id}"));
                                view! {
                                    <div class="create-image__choices">
                                        <button type="button" class="button button--primary" on:click=move |_| {
                                            match chosen_source() {
                                                Ok(source) => { problem.set(None); send_data(retry_id.clone(), source) }
                                                Err(e) => problem.set(Some(e)),
                                            }
                                        }>{move || if kind.get() == SourceKind::Upload { i18n.t().retry_upload } else { i18n.t().retry_import }}</button>
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
