use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::{
    CopyButton, DownloadPanel, EditImageForm, ErrorMessage, ImageActions, SharingPanel, StatusBadge,
};
use crate::format::human_size;
use crate::model::Image;
use crate::state::abort::LatestRequest;
use crate::state::on_page::OnPage;
use crate::state::projects::use_projects;
use crate::state::{use_i18n, use_session};

/// The detail page of one image (`/images/:id`): standard fields, checksums, stores, custom
/// properties and tags. A 404 says "image not found" with the id.
#[component]
pub fn ImageDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let latest = LatestRequest::new();
    let image = LocalResource::new(move || {
        let id = id.get();
        let glance = session.glance();
        let signal = latest.next_signal();
        async move {
            let glance = glance?;
            let result = glance.image(&id, signal.as_ref()).await;
            if let Err(e) = &result {
                session.report(e);
            }
            Some((id, result))
        }
    });

    let body = move || {
        image.get().map(|answer| match answer {
            None => view! {
                <p class="error-message" role="alert">
                    {i18n.t().no_image_service} " " {session.endpoint_problem()}
                </p>
            }
            .into_any(),
            Some((id, Err(e))) if e.status == 404 => {
                view! { <p class="empty-state" role="alert">{(i18n.t().image_not_found)(&id)}</p> }
                    .into_any()
            }
            Some((_, Err(e))) => view! { <ErrorMessage error=e /> }.into_any(),
            Some((_, Ok(img))) => view! { <ImageView image=img /> }.into_any(),
        })
    };

    view! {
        <main class="page image-detail" id="main">
            <A href="/images">{move || format!("← {}", i18n.t().back_to_catalog)}</A>
            <Transition fallback=move || view! { <p role="status">{i18n.t().loading}</p> }>{body}</Transition>
        </main>
    }
}

/// One loaded image: its fields and its sharing panel, sharing one reactive copy of the image
/// so a visibility change made in the panel shows in the fields too.
#[component]
fn ImageView(image: Image) -> impl IntoView {
    let image = RwSignal::new(image);
    let session = use_session();
    follow_processing(image);
    // Only the owning project (or an admin) is offered edits and lifecycle actions.
    let is_owner = Memo::new(move |_| image.with(|i| session.may_manage(i)));
    view! {
        {move || view! { <ImageFields image=image.get() /> }}
        <DownloadPanel image=image />
        <SharingPanel image=image />
        <Show when=move || is_owner.get()>
            <ImageActions image=image />
            <EditImageForm image=image />
        </Show>
    }
}

/// How often an image whose data Glance is still processing is read again.
const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// While Glance is busy with the image's data (an upload or import started elsewhere, e.g. on
/// the create page or by another user), reads the image every few seconds so its status and
/// size change on screen without a reload. Stops when it settles or the page is left.
fn follow_processing(image: RwSignal<Image>) {
    let session = use_session();
    let on_page = OnPage::new();
    let following = StoredValue::new(false);
    Effect::new(move |_| {
        let busy = image.with(|i| i.status.is_in_progress());
        if !busy || following.get_value() {
            return;
        }
        following.set_value(true);
        let on_page = on_page.clone();
        let id = image.with_untracked(|i| i.id.clone());
        let glance = session.glance();
        leptos::task::spawn_local(async move {
            let Some(glance) = glance else { return };
            loop {
                gloo_timers::future::sleep(FOLLOW_EVERY).await;
                if !on_page.get() {
                    return;
                }
                match glance.image(&id, None).await {
                    Ok(now) => {
                        let settled = !now.status.is_in_progress();
                        image.set(now);
                        if settled {
                            break;
                        }
                    }
                    Err(e) => {
                        session.report(&e);
                        break;
                    }
                }
            }
            following.set_value(false);
        });
    });
}

/// The fields of one image as a definition list plus its custom properties table.
#[component]
fn ImageFields(image: Image) -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_projects();
    let t = move || i18n.t();
    let yes_no = move |b: bool| if b { i18n.t().yes } else { i18n.t().no };
    let owner = image.owner.clone().unwrap_or_default();
    let owner_for_name = owner.clone();
    let owner_name = move || directory.and_then(|d| d.names().get(&owner_for_name).cloned());
    let hash = match (&image.os_hash_algo, &image.os_hash_value) {
        (Some(a), Some(v)) => format!("{a}: {v}"),
        _ => "—".to_string(),
    };
    let props = image.custom_properties();
    let id = image.id.clone();
    let opt = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    let row = |label: Signal<&'static str>, value: AnyView| {
        view! { <dt>{move || label.get()}</dt> <dd>{value}</dd> }
    };
    let s =
        |f: fn(&'static crate::i18n::Messages) -> &'static str| Signal::derive(move || f(i18n.t()));
    view! {
        <h1>{image.display_name().to_string()}</h1>
        <p class="image-detail__jump">
            <a href="#sharing">{move || format!("{} ↓", i18n.t().sharing_title)}</a>
        </p>
        <dl class="fields">
            {row(s(|t| t.field_id), view! {
                <code>{id.clone()}</code>
                <CopyButton text=Signal::derive(move || id.clone()) what=Signal::derive(move || i18n.t().field_id.to_string()) />
            }.into_any())}
            {row(s(|t| t.col_status), view! { <StatusBadge status=image.status.clone() /> }.into_any())}
            {row(s(|t| t.col_visibility), image.visibility.as_str().to_string().into_any())}
            {row(s(|t| t.col_owner), view! {
                <span>{owner_name}</span> " " <code>{owner.clone()}</code>
                <CopyButton text=Signal::derive(move || owner.clone()) what=Signal::derive(move || i18n.t().col_owner.to_string()) />
            }.into_any())}
            {row(s(|t| t.col_size), human_size(image.size).into_any())}
            {row(s(|t| t.field_virtual_size), human_size(image.virtual_size).into_any())}
            {row(s(|t| t.col_disk_format), opt(image.disk_format.clone()).into_any())}
            {row(s(|t| t.field_container_format), opt(image.container_format.clone()).into_any())}
            {row(s(|t| t.field_checksum), view! { <code>{opt(image.checksum.clone())}</code> }.into_any())}
            {row(s(|t| t.field_hash), view! { <code class="fields__hash">{hash}</code> }.into_any())}
            {row(s(|t| t.field_stores), opt(image.stores.clone()).into_any())}
            {row(s(|t| t.field_min_disk), image.min_disk.unwrap_or(0).to_string().into_any())}
            {row(s(|t| t.field_min_ram), image.min_ram.unwrap_or(0).to_string().into_any())}
            {row(s(|t| t.field_protected), (move || yes_no(image.protected)).into_any())}
            {row(s(|t| t.field_hidden), (move || yes_no(image.os_hidden)).into_any())}
            {row(s(|t| t.col_created), image.created_at.clone().into_any())}
            {row(s(|t| t.col_updated), image.updated_at.clone().into_any())}
            {row(s(|t| t.field_tags), view! {
                <ul class="tags">{image.tags.iter().map(|tag| view! { <li class="tag">{tag.clone()}</li> }).collect_view()}</ul>
            }.into_any())}
        </dl>
        <h2>{move || t().custom_properties}</h2>
        {if props.is_empty() {
            view! { <p class="empty-state">{move || t().no_custom_properties}</p> }.into_any()
        } else {
            view! {
                <table class="properties">
                    <tbody>
                        {props.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
