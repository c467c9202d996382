use crate::components::shown_when::shown_when;
use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect;

use crate::state::job::Job;

use crate::components::{
    ActionError, AddMembersForm, ConsumerActions, CopyButton, MemberList, MemberStatusBadge,
    VisibilityControl,
};
use crate::model::{Image, MemberStatus, MemberTable, Visibility};
use crate::state::members::MemberState;
use crate::state::projects::use_projects;
use crate::state::route_image::RouteImage;
use crate::state::{use_i18n, use_session};

/// Everything about who can use an image. The owner (or an admin) sets the visibility, adds
/// and removes member projects and sees each member's status; a project the image is shared
/// with sees its own answer and can accept, reject or go back to pending. The member table is
/// reactive: every answer from Glance updates it; "Refresh" re-reads it. A re-read that
/// answers after a newer re-read or after a change made here is dropped, not shown over it.
#[component]
pub fn SharingPanel(
    /// The image, shared with the detail page so a visibility change shows everywhere.
    image: RwSignal<Image>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();
    let members = MemberState::new();
    let table = members.table();
    let names = Signal::derive(move || directory.map(|d| d.names()).unwrap_or_default());

    // A memo, so that a change of the image (e.g. its visibility) does not rebuild the owner's
    // controls and lose what is typed in them.
    let is_owner = Memo::new(move |_| image.with(|i| session.may_manage(i)));
    // This project can no longer see the image (Glance: 404 to its answer or to the member
    // list): the page reads the image again and says so, instead of keeping a stale answer
    // with buttons that can only fail.
    let route_image = RouteImage::here();
    let gone = move || {
        if let Some(page) = route_image {
            page.reread();
        }
    };

    let load = Job::new_local(move |_: &()| {
        let glance = session.glance();
        let (id, shared) =
            image.with_untracked(|i| (i.id.clone(), i.visibility == Visibility::Shared));
        let ticket = members.reload_started();
        async move {
            let Some(glance) = glance else { return Ok(()) };
            // Only a shared image has a member list: Glance answers 403 for the others, which
            // the browser would log as a failed request. No need to ask.
            if !shared {
                members.reload_done(ticket, MemberTable::default());
                return Ok(());
            }
            match glance.members(&id).await {
                Ok(list) => {
                    members.reload_done(ticket, MemberTable::from_members(list));
                    Ok(())
                }
                // Made private meanwhile: no member list (Glance: 403); not an error here.
                Err(e)
                    if e.status == 403
                        && image
                            .try_with_untracked(|i| i.visibility != Visibility::Shared)
                            .unwrap_or(true) =>
                {
                    members.reload_done(ticket, MemberTable::default());
                    Ok(())
                }
                // (try_: the page may be gone by now, e.g. the project was switched.)
                Err(e) if e.status == 404 && is_owner.try_get_untracked() == Some(false) => {
                    gone();
                    Err(e)
                }
                Err(e) => {
                    // An older re-read's failure is not news either.
                    if members.reload_done_failed(ticket) {
                        Err(e)
                    } else {
                        Ok(())
                    }
                }
            }
        }
    });
    // Load on first show and whenever the token, the project or the visibility changes (an
    // image made shared again still has the members it had before it was made private).
    // Also when an action ended after its page was left (its notice is posted now): it may
    // have changed the members after they were read here.
    let notices = crate::state::notices::use_notices();
    effect(move || {
        session.project_id();
        image.with(|i| i.visibility.clone());
        session.get().map(|s| s.token);
        notices.map(|n| n.posted());
        // Its own page deleted the image: leaving, nothing to read.
        if route_image.is_some_and(|p| p.was_deleted()) {
            return;
        }
        load.dispatch(());
    });

    // No read has answered and the last one failed: the members (or this project's answer)
    // are unknown, which is not "none" (its error is shown above).
    let read_failed = Signal::derive(move || {
        !members.answered() && load.value().with(|v| matches!(v, Some(Err(_))))
    });

    let owner_view = move || {
        let id = image.with_untracked(|i| i.id.clone());
        view! {
            <VisibilityControl image=image members=Signal::derive(move || members.count()) />
            // The count only for a shared image (Glance lists the members of no other) whose
            // list has been read.
            <h3>
                {move || i18n.t().members_title}
                {shown_when(move || image.with(|i| i.visibility == Visibility::Shared) && members.answered(), move || view! {
                    {move || i18n.t().note_open}
                    <span class="member-count" data-testid="member-count">{move || table.with(MemberTable::len)}</span>
                    {move || i18n.t().note_close}
                }.into_any())}
            </h3>
            <MemberList
                image_id=id
                image_name=Signal::derive(move || image.with(|i| i.name_in_text().into_owned()))
                members=members
                names=names
                shared=Signal::derive(move || image.with(|i| i.visibility == Visibility::Shared))
                read_failed=read_failed
            />
            <AddMembersForm image=image members=members />
            <InvitationLink image_id=image.with_untracked(|i| i.id.clone()) />
        }
    };

    let own_member_id = Memo::new(move |_| {
        let project_id = session.project_id();
        table.with(|t| t.get(&project_id).map(|m| m.member_id.clone()))
    });
    let consumer_view = move || {
        // Only the membership appearing or going rebuilds the actions (a status change must
        // not: it would drop the error of the action that was just tried).
        match own_member_id.get() {
            Some(member_id) => {
                let (id, name) =
                    image.with_untracked(|i| (i.id.clone(), i.name_in_text().into_owned()));
                let status = Signal::derive(move || {
                    table.with(|t| {
                        t.get(&member_id)
                            .map(|m| m.status.clone())
                            .unwrap_or(MemberStatus::Pending)
                    })
                });
                view! {
                    <p class="consumer-status">
                        {move || i18n.t().your_status} {move || i18n.t().colon} <MemberStatusBadge status=status />
                    </p>
                    <ConsumerActions
                        image_id=id
                        image_name=name
                        status=status
                        show_result=true
                        // The badge above shows the status Glance answered with.
                        on_changed=move |(_, m): (MemberStatus, _)| {
                            members.edit(|t| t.upsert(m));
                        }
                        on_gone=move |_| gone()
                    />
                }
                .into_any()
            }
            None => view! {
                <p class="empty-state">
                    {move || if members.answered() {
                        i18n.t().not_shared_with_you
                    } else if read_failed.get() {
                        i18n.t().own_answer_unreadable
                    } else {
                        ""
                    }}
                </p>
            }
            .into_any(),
        }
    };

    // A link to the panel (`…#sharing`, also kept through the login) opens the page at it: the
    // browser looked for the anchor before the page was built, so the panel scrolls itself
    // into view once it is in the page, unless the user has scrolled meanwhile.
    let section = ElementRef::new();
    effect(move || {
        let Some(section) = section.get() else { return };
        let at_top = web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .is_some_and(|y| y == 0.0);
        if at_top && crate::browser::address_bar_path().is_some_and(|p| p.ends_with("#sharing")) {
            section.scroll_into_view();
        }
    });

    view! {
        <section class="sharing-panel" id="sharing" aria-labelledby="sharing-title" node_ref=section>
            <div class="sharing-panel__head">
                <h2 id="sharing-title">{move || i18n.t().sharing_title}</h2>
                <button type="button" class="button" disabled=move || load.pending().get() on:click=move |_| { load.dispatch(()); }>
                    {move || i18n.t().refresh}
                </button>
            </div>
            <ActionError action=load />
            {move || if is_owner.get() { owner_view().into_any() } else { consumer_view().into_any() }}
        </section>
    }
}

/// The owner's invitation link: a read-only field with the app's URL that takes a consumer
/// to Accept / Reject (`/invitations/<image id>`), and a Copy button.
#[component]
fn InvitationLink(image_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let link = format!(
        "{}/invitations/{}",
        crate::browser::origin(),
        crate::api::url::encode(&image_id)
    );
    let copied = link.clone();
    view! {
        <div class="form-field invitation-link">
            <label for="invitation-link">{move || i18n.t().invitation_link}</label>
            <div class="invitation-link__row">
                <input id="invitation-link" type="text" readonly value=link aria-describedby="invitation-link-hint" />
                <CopyButton text=Signal::derive(move || copied.clone()) what=Signal::derive(move || i18n.t().invitation_link.to_string()) />
            </div>
            <p class="form-field__hint" id="invitation-link-hint">{move || i18n.t().invitation_link_hint}</p>
        </div>
    }
}
