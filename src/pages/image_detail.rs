use std::time::Duration;

use crate::components::shown_when::shown_when;
use crate::components::{BackToCatalog, PageTitle};
use leptos::prelude::*;

use crate::state::effect::{effect, effect_with_previous};

use crate::components::{
    CopyButton, DownloadPanel, EditImageForm, ErrorMessage, ImageActions, SharingPanel,
    StatusBadge, TimeWithExact, VisibilityName,
};
use crate::format::human_size;
use crate::model::Image;
use crate::state::follow::{image_until_settled, Pace};
use crate::state::page_alive::PageAlive;
use crate::state::projects::use_projects;
use crate::state::route_image::{route_id, use_route_image, RouteImage};
use crate::state::{use_i18n, use_session};

/// The detail page of one image (`/images/:id`): standard fields, checksums, stores, custom
/// properties and tags. A 404 says "image not found" with the id.
///
/// The image is read again when the id or the project changes, not when only the token does
/// (a re-login keeps everything on screen); a new answer for the image on screen updates it in
/// place, so what the user typed in its forms stays.
#[component]
pub fn ImageDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let image = use_route_image();
    // The id in the address: an answer (or a view) for another id is the image before it,
    // shown only until this one's answer comes (Back or Forward from one image to another).
    let route_id = route_id();
    // The newest image Glance sent for this page; ImageView follows it without being rebuilt.
    let newest = RwSignal::new(None::<Image>);
    effect(move || {
        if let Some(Some((_, Ok(img)))) = image.get() {
            newest.set(Some(img));
        }
    });
    // An action that ended after its page was left (its notice is posted now) may have changed
    // this image after it was read here (Back to it while the action was on its way): read
    // again.
    if let (Some(notices), Some(page)) = (crate::state::notices::use_notices(), RouteImage::here())
    {
        effect_with_previous(move |seen: Option<u64>| {
            let posted = notices.posted();
            if seen.is_some_and(|s| s != posted) {
                page.reread();
            }
            posted
        });
    }
    // What the page shows, as a value that stays equal while the same image is re-read, so
    // the view below is built once per image, not once per answer.
    let shown = Memo::new(move |previous: Option<&Option<Shown>>| {
        let route = route_id.get();
        // While an answer is on its way, what is shown stays if it is this image (a re-read
        // after a project switch); another image's page is not left on screen under this
        // address, where its buttons would act on it.
        let keep = || previous.cloned().flatten().filter(|s| s.is_for(&route));
        match image.get() {
            None => keep(),
            Some(Some((id, _))) if id != route => None,
            Some(None) => Some(Shown::NoService),
            Some(Some((id, Err(e)))) if e.status == 404 => Some(Shown::NotFound(id)),
            Some(Some((_, Err(e)))) if e.is_aborted() => keep(),
            Some(Some((_, Err(e)))) => Some(Shown::Failed(e)),
            Some(Some((id, Ok(_)))) => Some(Shown::Image(id)),
        }
    });

    let no_service_why = move || {
        session
            .endpoint_problem()
            .map(|e| crate::components::catalog_error_text(i18n.t(), &e))
    };
    let body = move || match shown.get() {
        None => view! { <p role="status">{i18n.t().loading}</p> }.into_any(),
        Some(Shown::NoService) => view! {
            <p class="error-message" role="alert">
                {i18n.t().no_image_service} {i18n.t().sentence_gap} {no_service_why}
            </p>
        }
        .into_any(),
        Some(Shown::NotFound(id)) => view! {
            <h1>{move || i18n.t().image_not_found_title}</h1>
            <p class="empty-state" role="alert">{move || i18n.t().image_not_found.fill(&[&&id])}</p>
        }
        .into_any(),
        // A heading still names the page (screen readers move by headings), above the error.
        Some(Shown::Failed(e)) => view! {
            <h1>{move || i18n.t().image_unreadable_title}</h1>
            <ErrorMessage error=e />
        }
        .into_any(),
        Some(Shown::Image(_)) => match image.get_untracked() {
            Some(Some((_, Ok(first)))) => {
                view! { <ImageView image=first newest=newest /> }.into_any()
            }
            _ => ().into_any(),
        },
    };

    view! {
        <main class="page image-detail" id="main">
            <PageTitle page=Signal::derive(move || {
                if let Some(heading) = shown.with(|s| s.as_ref().and_then(Shown::heading)) {
                    return heading(i18n.t()).to_string();
                }
                newest.with(|i| {
                    i.as_ref()
                        .filter(|i| i.id == route_id.get())
                        .map(|i| i.name_in_text().into_owned())
                        .unwrap_or_default()
                })
            }) />
            <BackToCatalog />
            {body}
        </main>
    }
}

/// What the detail page shows.
#[derive(Clone, PartialEq)]
enum Shown {
    NoService,
    NotFound(String),
    Failed(crate::api::ApiError),
    Image(String),
}

impl Shown {
    /// The page's own heading (and title) when it shows no image: its name is the title then.
    fn heading(&self) -> Option<fn(&crate::i18n::Messages) -> &'static str> {
        match self {
            Shown::NotFound(_) => Some(|t| t.image_not_found_title),
            Shown::Failed(_) => Some(|t| t.image_unreadable_title),
            Shown::NoService | Shown::Image(_) => None,
        }
    }

    /// True when this is what the page shows for the image `id` (not for the one before).
    fn is_for(&self, id: &str) -> bool {
        match self {
            Shown::NotFound(shown) | Shown::Image(shown) => shown == id,
            Shown::NoService | Shown::Failed(_) => false,
        }
    }
}

/// One loaded image: its fields and its sharing panel, sharing one reactive copy of the image
/// so a visibility change made in the panel shows in the fields too.
#[component]
fn ImageView(
    /// The image as first read.
    image: Image,
    /// Newer versions of the same image read by the page (after a project switch, say);
    /// also set from here when an answer to this view's own actions changes it.
    newest: RwSignal<Option<Image>>,
) -> impl IntoView {
    let image = RwSignal::new(image);
    let session = use_session();
    effect(move || {
        if let Some(now) = newest.get() {
            if image.with_untracked(|i| i.id == now.id && *i != now) {
                image.set(now);
            }
        }
    });
    // And the other way: what an action or a save got back from Glance (a new name) is the
    // page's newest too, which the tab title follows.
    effect(move || {
        let now = image.get();
        if newest.with_untracked(|n| n.as_ref() != Some(&now)) {
            newest.set(Some(now));
        }
    });
    follow_processing(image);
    // Only the owning project (or an admin) is offered edits and lifecycle actions.
    let is_owner = Memo::new(move |_| image.with(|i| session.may_manage(i)));
    view! {
        {move || view! { <ImageFields image=image.get() /> }}
        <DownloadPanel image=image />
        <SharingPanel image=image />
        {shown_when(move || is_owner.get(), move || view! {
            <ImageActions image=image />
            <EditImageForm image=image />
        }.into_any())}
    }
}

/// Read every 2 s while answers come, at most 30 s apart while Glance does not answer.
const FOLLOW_PACE: Pace = Pace {
    every: Duration::from_secs(2),
    max: Duration::from_secs(30),
};

/// While Glance is busy with the image's data (an upload or import started elsewhere, e.g. on
/// the create page or by another user), reads the image every few seconds so its status and
/// size change on screen without a reload. Stops when it settles, when Glance answers with a
/// definite refusal (the image was deleted: the last state stays on screen) or when the page is
/// left; a slow or failing Glance only slows it down, a re-login lets it carry on.
fn follow_processing(image: RwSignal<Image>) {
    let session = use_session();
    let on_page = PageAlive::until_cleanup();
    let following = StoredValue::new(false);
    effect(move || {
        let busy = image.with(Image::data_in_progress);
        if !busy || following.get_value() {
            return;
        }
        following.set_value(true);
        let on_page = on_page.clone();
        let id = image.with_untracked(|i| i.id.clone());
        leptos::task::spawn_local(async move {
            // The image on screen was just read: the first re-read waits one round.
            gloo_timers::future::sleep(FOLLOW_PACE.every).await;
            let on_change = move |now: &Image| {
                image.try_set(now.clone());
            };
            let _ = image_until_settled(session, on_page, id, FOLLOW_PACE, on_change).await;
            following.try_set_value(false);
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
    let owner_name = move || directory.and_then(|d| d.name_of(&owner_for_name));
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
        <h1 translate="no">{image.display_name().to_string()}</h1>
        <p class="image-detail__jump">
            <a href="#sharing">{move || format!("{} ↓", i18n.t().sharing_title)}</a>
        </p>
        <dl class="fields">
            {row(s(|t| t.field_id), view! {
                <code>{id.clone()}</code>
                <CopyButton text=Signal::derive(move || id.clone()) what=Signal::derive(move || i18n.t().field_id.to_string()) />
            }.into_any())}
            {row(s(|t| t.col_status), view! { <StatusBadge status=image.status.clone() /> }.into_any())}
            {row(s(|t| t.col_visibility), view! { <VisibilityName visibility=image.visibility.clone() /> }.into_any())}
            {row(s(|t| t.col_owner), view! {
                <span translate="no">{owner_name}</span> " " <code>{owner.clone()}</code>
                <CopyButton text=Signal::derive(move || owner.clone()) what=Signal::derive(move || i18n.t().with_note(i18n.t().project_id, i18n.t().col_owner)) />
            }.into_any())}
            {row(s(|t| t.col_size), human_size(image.size).into_any())}
            {row(s(|t| t.field_virtual_size), human_size(image.virtual_size).into_any())}
            {row(s(|t| t.col_disk_format), opt(image.disk_format.clone()).into_any())}
            {row(s(|t| t.field_container_format), opt(image.container_format.clone()).into_any())}
            {row(s(|t| t.field_checksum), view! { <code>{opt(image.checksum.clone())}</code> }.into_any())}
            {row(s(|t| t.field_hash), view! { <code class="fields__hash">{hash}</code> }.into_any())}
            {row(s(|t| t.field_stores), view! { <span translate="no">{opt(image.stores.clone())}</span> }.into_any())}
            {row(s(|t| t.field_min_disk), image.min_disk.unwrap_or(0).to_string().into_any())}
            {row(s(|t| t.field_min_ram), image.min_ram.unwrap_or(0).to_string().into_any())}
            {row(s(|t| t.field_protected), (move || yes_no(image.protected)).into_any())}
            {row(s(|t| t.field_hidden), (move || yes_no(image.os_hidden)).into_any())}
            {row(s(|t| t.col_created), view! { <TimeWithExact at=image.created_at.clone() /> }.into_any())}
            {row(s(|t| t.col_updated), view! { <TimeWithExact at=image.updated_at.clone() /> }.into_any())}
            {row(s(|t| t.field_tags), view! {
                <ul class="tags" translate="no">{image.tags.iter().map(|tag| view! { <li class="tag">{tag.clone()}</li> }).collect_view()}</ul>
            }.into_any())}
        </dl>
        <h2>{move || t().custom_properties}</h2>
        {if props.is_empty() {
            view! { <p class="empty-state">{move || t().no_custom_properties}</p> }.into_any()
        } else {
            view! {
                <table class="properties" translate="no">
                    <caption class="visually-hidden" translate="yes">{move || t().custom_properties}</caption>
                    <tbody>
                        {props.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
