//! The create page (`/images/new`): one concept per file: the page and its [`phase`], the
//! [`form`] state and checks, the [`record_fields`], the [`sender`] of the data and the
//! [`transfer_status`].

mod file_head;
mod file_picker;
mod form;
mod phase;
mod record;
mod record_fields;
mod sender;
mod transfer_status;

use crate::components::shown_when::shown_when;
use crate::components::{BackToCatalog, PageTitle};
use crate::router::use_query_map;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::state::effect::effect;

use crate::state::job::Job;

use crate::api::create::disk_format_for_file;
use crate::api::disk_sniff::{preselect, refuses};
use crate::api::import::DataSource;
use crate::components::{DataSourcePicker, ErrorMessage, SourceKind};
use crate::model::ImageStatus;
use crate::state::loaded::Loaded;
use crate::state::{use_i18n, use_session};
use file_head::disk_format_of_file;
use file_picker::FilePicker;
use form::FormState;
use phase::{FormProblem, Phase};
use record::{Created, RecordId};
use record_fields::RecordFields;
use sender::Sender;
use transfer_status::TransferStatus;

/// The create page (`/images/new`): the record's fields, then the data: the file uploaded
/// with one streaming PUT with progress (bytes, percent, speed, time left) and Cancel, or,
/// where the cloud enables interoperable import, staged then imported (glance-direct) or
/// fetched by Glance from a URL (web-download), followed until active or failed. A failed,
/// cancelled or stalled attempt leaves the record and offers to retry or delete it. With
/// `?image=<id>` it sends data to that existing record instead. Leaving while the file is
/// being sent asks first.
#[component]
pub fn CreateImagePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = FormState::new();
    let phase = RwSignal::new(Phase::Editing);
    let sender = Sender::new(phase, form);
    // Not a resource: the router holds a page back until every resource made while its view
    // is built has answered (its transition), so a resource here kept the catalog on screen
    // for as long as Glance took to answer, up to the request time limit. The question goes
    // out once the page is shown; until the answer the choices keep their place, unseen. A
    // new token (re-login, project switch) asks again; the answers are the cloud's, the same
    // whichever comes last.
    let methods = RwSignal::new(None::<Vec<&'static str>>);
    effect(move || {
        let glance = session.glance();
        leptos::task::spawn_local(async move {
            let offered = match glance {
                Some(glance) => glance.import_methods().await,
                None => Vec::new(),
            };
            methods.try_set(Some(offered));
        });
    });
    // `?image=<id>`: send data to an existing record without data (linked from its detail
    // page) instead of creating one.
    let existing_id = use_query_map()
        .with_untracked(|q| q.iter().find(|(k, _)| k == "image").map(|(_, v)| v.clone()))
        .filter(|id| !id.trim().is_empty());
    let image_id = RwSignal::new(existing_id.clone());
    let existing = {
        let existing_id = existing_id.clone();
        Loaded::new(move || {
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
    // Glance takes data only for a record without any (queued): for another existing record
    // (it has data, or it is gone) the form is not offered, only what stands in its way.
    // Once sending has begun the form stays, whatever the record has become since.
    let existing_not_queued = move || {
        for_existing.get()
            && phase.with(|p| *p == Phase::Editing)
            && existing.with(|e| match e {
                Some(Some(Ok(img))) => img.status != ImageStatus::Queued,
                Some(Some(Err(_))) => true,
                _ => false,
            })
    };

    // Creates the record, then sends the data to it. When Glance made the record but its
    // answer was lost or unreadable, the record is linked and the data waits for "Retry".
    let record_id = RecordId::new();
    let create = Job::new_local(move |(body, source): &(serde_json::Value, DataSource)| {
        let (body, source) = (body.clone(), source.clone());
        let glance = session.glance();
        async move {
            let Some(glance) = glance else { return };
            match record_id.create(&glance, &body).await {
                Created::Made(id) => {
                    image_id.try_set(Some(id.clone()));
                    sender.send(id, source);
                }
                Created::MadeUnclear(id, e) => {
                    image_id.try_set(Some(id));
                    phase.try_set(Phase::Failed(e));
                }
                Created::NotMade(e) => {
                    phase.try_set(Phase::Failed(e));
                }
            }
        }
    });
    let delete_record = Job::new_local(move |id: &String| {
        let id = id.clone();
        let glance = session.glance();
        async move {
            let Some(glance) = glance else { return };
            match glance.delete_image(&id).await {
                Ok(()) => {
                    image_id.try_set(None);
                    phase.try_set(Phase::Editing);
                }
                Err(e) => {
                    phase.try_set(Phase::Failed(e));
                }
            }
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if for_existing.get_untracked() {
            if let (Some(id), Some(source)) =
                (image_id.get_untracked(), form.checked(form.source()))
            {
                sender.send(id, source);
            }
        } else if form.new_property.typed() && !form.add_typed_property() {
            // A property typed but not added is part of what is created; its key was
            // refused: the row says why.
        } else if let Some(record) = form.checked(form.new_record()) {
            phase.set(Phase::Creating);
            create.dispatch(record);
        }
    };
    let retry = move |id: String| {
        if let Some(source) = form.checked(form.source()) {
            sender.send(id, source);
        }
    };
    // A file whose extension names a disk format preselects it, until the user picks one;
    // then what its first bytes show (Glance inspects the data, not the name).
    let on_file = move || {
        // "Choose the image file" is answered by choosing one.
        if form.file().is_some()
            && matches!(form.problem.get_untracked(), Some(FormProblem::NoFile))
        {
            form.problem.set(None);
        }
        let file = form.file();
        let format = file.as_ref().and_then(|f| disk_format_for_file(&f.name()));
        if let Some(format) = format.filter(|_| !form.format_chosen.get_untracked()) {
            form.record.update(|r| r.disk_format = format.to_string());
        }
        form.detected.set(None);
        let Some(file) = file else { return };
        leptos::task::spawn_local(async move {
            let detected = disk_format_of_file(&file).await;
            // Another file may have been picked meanwhile (or the page left): its own read
            // answers for it.
            if form.file().as_ref() != Some(&file) {
                return;
            }
            form.detected.try_set(detected);
            let preselected = detected.and_then(preselect);
            // (`try_`: whatever the check above saw, a read of a page gone must not panic.)
            let chosen = form.format_chosen.try_get_untracked().unwrap_or(true);
            if let Some(format) = preselected.filter(|_| !chosen) {
                form.record
                    .try_update(|r| r.disk_format = format.to_string());
            }
        });
    };
    // The disk format Glance will find in the file and the one the record declares, when
    // Glance will refuse the data (415, only after the whole file was sent).
    let format_mismatch = move || {
        if form.kind.get() == SourceKind::Web {
            return None;
        }
        let detected = form.detected.get()?;
        let declared = if for_existing.get() {
            existing.get().flatten()?.ok()?.disk_format?
        } else {
            form.record.with(|r| r.disk_format.clone())
        };
        refuses(&declared, detected).then_some((detected, declared))
    };

    view! {
        <main class="page create-image" id="main">
            <BackToCatalog />
            <PageTitle page=Signal::derive(move || match existing.get().flatten() {
                Some(Ok(img)) if for_existing.get() => img.name_in_text().into_owned(),
                _ => i18n.t().create_title.to_string(),
            }) />
            <h1>{move || match existing.get().flatten() {
                Some(Ok(img)) if for_existing.get() => i18n.t().send_data_title.fill(&[&&img.name_in_text(), &img.disk_format.as_deref().unwrap_or("—")]),
                _ => i18n.t().create_title.to_string(),
            }}</h1>
            {move || match existing.get().flatten() {
                Some(Err(e)) if for_existing.get() => view! { <ErrorMessage error=e /> }.into_any(),
                Some(Ok(img)) if existing_not_queued() => {
                    let t = i18n.t();
                    let status = t.image_status_label(img.status.as_str());
                    view! { <p class="banner banner--warning" role="alert">{t.send_data_not_queued.fill(&[&status])}</p> }.into_any()
                }
                _ => ().into_any(),
            }}
            <form class="create-image__form" on:submit=on_submit hidden=existing_not_queued>
                // A fieldset only to disable the whole form while it sends: not a group of its
                // own to a screen reader (it has no legend, and the page's heading names it).
                <fieldset role="none" disabled=move || phase.with(Phase::busy)>
                    // The record's fields: only when creating one.
                    <RecordFields form=form hidden=for_existing />
                    <DataSourcePicker methods=methods kind=form.kind url=form.url />
                    // Hidden rather than removed for web-download, so a picked file survives
                    // switching back and forth.
                    <div class="form-field" hidden=move || form.kind.get() == SourceKind::Web>
                        <label for="new-file">{move || i18n.t().file_label}</label>
                        <FilePicker
                            id="new-file"
                            input=form.file_input
                            on_change=on_file
                            missing=Signal::derive(move || matches!(form.problem.get(), Some(FormProblem::NoFile)))
                            message_id="create-problem"
                            note=Signal::derive(move || format_mismatch().map(|_| "create-format-note"))
                        />
                        {move || format_mismatch().map(|(detected, declared)| {
                            let t = i18n.t();
                            let shown = preselect(detected).unwrap_or(detected);
                            let mut text = t.format_mismatch.fill(&[&shown, &declared]);
                            if let Some(format) = preselect(detected).filter(|_| !for_existing.get()) {
                                text.push_str(t.sentence_gap);
                                text.push_str(&t.format_choose.fill(&[&format]));
                            }
                            view! { <p class="create-image__format-note" id="create-format-note">{text}</p> }
                        })}
                    </div>
                    {move || form.problem.get().map(|p| view! {
                        <p class="form-field__error" id="create-problem" role="alert">{p.text(i18n.t())}</p>
                    })}
                    {shown_when(move || image_id.get().is_none(), move || view! {
                        <button type="submit" class="button button--primary">{move || i18n.t().create_and_upload}</button>
                    }.into_any())}
                    {shown_when(move || for_existing.get() && phase.get() == Phase::Editing, move || view! {
                        <button type="submit" class="button button--primary">{move || i18n.t().send_data}</button>
                    }.into_any())}
                </fieldset>
            </form>
            <TransferStatus
                phase=phase
                image_id=image_id
                kind=form.kind
                stall=sender.stall()
                on_cancel=move |_| sender.cancel()
                on_retry=retry
                on_delete=move |id| { delete_record.dispatch(id); }
                offer_delete=Signal::derive(move || !for_existing.get())
            />
        </main>
    }
}
