//! The invitation page (`/invitations/:id`): where an owner's invitation link takes the
//! consumer.

use crate::components::shown_when::shown_when;
use crate::components::{BackToCatalog, PageTitle};
use crate::router::A;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::url::encode;
use crate::components::{ActionError, CopyButton, ErrorMessage, SharingPanel};
use crate::format::human_size;
use crate::model::Image;
use crate::state::projects::{switch_project, use_projects};
use crate::state::route_image::use_route_image;
use crate::state::{use_i18n, use_session};

/// Opens an invitation: when the current project can see the image, its name, owner, format
/// and size with the project's answer and Accept / Reject / Back to pending right there; when
/// it cannot, why, an offer to switch to another of the user's projects (the owner may have
/// invited that one), and the current project's id to give the owner. The owner opening its
/// own link is told what the link is for, with the same offer to switch (a user in the owner's
/// project and the invited one opens the link in the wrong one).
#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let image = use_route_image();
    let body = move || match image.get() {
        None => view! { <p role="status">{i18n.t().loading}</p> }.into_any(),
        Some(None) => ().into_any(),
        Some(Some((_, Ok(img)))) => view! { <Invited image=img /> }.into_any(),
        Some(Some((_, Err(e)))) if e.is_aborted() => ().into_any(),
        Some(Some((id, Err(e)))) if matches!(e.status, 403 | 404) => {
            view! { <NotVisible image_id=id /> }.into_any()
        }
        Some(Some((_, Err(e)))) => view! { <ErrorMessage error=e /> }.into_any(),
    };
    view! {
        <main class="page invitation" id="main">
            <BackToCatalog />
            <PageTitle page=Signal::derive(move || i18n.t().invitation_title.to_string()) />
            <h1>{move || i18n.t().invitation_title}</h1>
            {body}
        </main>
    }
}

/// The image the current project can see, with its sharing panel (the consumer's answer).
#[component]
fn Invited(image: Image) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();
    let owner = image.owner.clone().unwrap_or_default();
    let own = session.may_manage(&image) && owner == session.project_id();
    let owner_for_name = owner.clone();
    let owner_name = move || directory.and_then(|d| d.name_of(&owner_for_name));
    let href = format!("/images/{}", encode(&image.id));
    let summary = view! {
        <h2 class="invitation__name">{image.display_name().to_string()}</h2>
        <dl class="fields">
            <dt>{move || i18n.t().col_owner}</dt>
            <dd><span>{owner_name}</span> " " <code>{owner.clone()}</code></dd>
            <dt>{move || i18n.t().col_disk_format}</dt>
            <dd>{image.disk_format.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{move || i18n.t().col_size}</dt>
            <dd>{human_size(image.size)}</dd>
        </dl>
        <p><A href=href>{move || i18n.t().open_image}</A></p>
    };
    let image = RwSignal::new(image);
    view! {
        {summary}
        {if own {
            view! {
                <p class="banner">{move || i18n.t().invitation_own_image}</p>
                <OtherProjects />
            }
            .into_any()
        } else {
            view! { <SharingPanel image=image /> }.into_any()
        }}
    }
}

/// The current project cannot see the image: why, the user's other projects to switch to,
/// and this project's id for the owner.
#[component]
fn NotVisible(image_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let project_name = move || {
        let id = session.project_id();
        session
            .get()
            .and_then(|s| s.info.project_name.clone())
            .unwrap_or(id)
    };
    let project_id = move || session.project_id();
    view! {
        <p class="empty-state" role="alert">
            {move || i18n.t().invitation_not_visible.fill(&[&&image_id, &&project_name()])}
        </p>
        <OtherProjects />
        <p class="invitation__project-id">
            // One text before the id: a space of the markup would follow the Chinese colon.
            {move || { let t = i18n.t(); format!("{}{}", t.your_project_id, t.colon) }}<code>{project_id}</code>
            <CopyButton text=Signal::derive(project_id) what=Signal::derive(move || i18n.t().your_project_id.to_string()) />
        </p>
    }
}

/// The user's other enabled projects, each with a button that switches to it: the invitation
/// may be for one of them (a user in several projects opens the link in the wrong one, or
/// the owner's own project). Nothing when the user has no other project.
#[component]
fn OtherProjects() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();
    let switch = Job::new_local(move |project_id: &String| {
        let project_id = project_id.clone();
        async move { switch_project(session, &project_id).await }
    });
    let others = move || {
        let current = session.project_id();
        directory
            .and_then(|d| d.projects.get())
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|p| p.id != current && p.enabled)
            .collect::<Vec<_>>()
    };
    view! {
        {shown_when(move || !others().is_empty(), move || view! {
            <p>{move || i18n.t().invitation_try_other}</p>
            <ul class="invitation__projects">
                {move || others().into_iter().map(|p| {
                    let label = i18n.t().switch_to.fill(&[&&p.name]);
                    view! {
                        <li>
                            <button type="button" class="button" disabled=move || switch.pending().get()
                                on:click=move |_| { switch.dispatch(p.id.clone()); }>
                                {label}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any())}
        <ActionError action=switch />
    }
}
