use std::time::Duration;

use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect_with_previous;

use crate::state::job::Job;

use crate::components::keyed_list::{keyed_list, Keyed};
use crate::components::settle::Settle;
use crate::components::shown_when::shown_when;
use crate::components::{focus, ActionError};
use crate::state::projects::{switch_project, use_projects};
use crate::state::transfer_guard::{confirm_leave, Leave};
use crate::state::{use_i18n, use_session};

/// How long a project chosen with the arrow keys must rest before the switch: on a closed
/// select each key press is a choice, and each project passed on the way must not be entered.
const SETTLE: Duration = Duration::from_millis(1000);

/// A select of the projects the user belongs to; choosing one re-scopes the token, and
/// every view follows the new project. A choice made with the mouse (or read out and picked
/// from the open list) switches at once; one made with the arrow keys on the closed select
/// switches after [`SETTLE`], on Enter, or when the focus leaves it.
#[component]
pub fn ProjectSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();

    let select_ref = ElementRef::new();
    let switch = Job::new_local(move |project_id: &String| {
        let project_id = project_id.clone();
        async move {
            let before = session.project_id();
            let switched = switch_project(session, &project_id).await;
            if switched.is_err() {
                // The session stays in its project: the select shows it again (the options'
                // `selected` does not change, so set the element itself).
                if let Some(select) = select_ref.get_as::<web_sys::HtmlSelectElement>() {
                    select.set_value(&before);
                }
            }
            switched
        }
    });
    let current_id = move || session.project_id();
    // The select is disabled while a switch runs, which drops the keyboard focus: give it
    // back when it is enabled again, unless the focus has gone somewhere else meanwhile.
    effect_with_previous(move |was_pending: Option<bool>| {
        let pending = switch.pending().get();
        if was_pending == Some(true) && !pending && focus::active_element().is_none() {
            if let Some(select) = select_ref.get_untracked() {
                request_animation_frame(move || {
                    let _ = select.focus();
                });
            }
        }
        pending
    });

    // Set by a key that moves the choice, until the change it causes.
    let by_key = StoredValue::new(false);
    let settle = Settle::new();
    // Switches to the project the select shows, if it is another one and the user may leave.
    let commit = move || {
        settle.stop();
        let Some(select) = select_ref.get_as::<web_sys::HtmlSelectElement>() else {
            return;
        };
        let id = select.value();
        if id == current_id() || switch.pending().get_untracked() {
            return;
        }
        if confirm_leave(Leave::SwitchProject) {
            switch.dispatch(id);
        } else {
            // Staying: the select shows the current project again.
            select.set_value(&current_id());
        }
    };

    let options = move || {
        let mut list = directory
            .and_then(|d| d.projects.get())
            .and_then(Result::ok)
            .unwrap_or_default();
        // Until the list arrives (or if it fails), still show the current project.
        if !list.iter().any(|p| p.id == current_id()) {
            if let Some(s) = session.get() {
                list.insert(
                    0,
                    crate::api::keystone::ProjectRef {
                        id: s.project_id(),
                        name: s.info.project_name.clone().unwrap_or_default(),
                        domain_id: None,
                        enabled: true,
                    },
                );
            }
        }
        list
    };

    view! {
        <div class="project-switcher">
            <label for="project-switcher">{move || i18n.t().project}</label>
            <select
                id="project-switcher"
                disabled=move || switch.pending().get()
                node_ref=select_ref
                on:keydown=move |ev| {
                    let key = ev.key();
                    if key == "Enter" {
                        by_key.set_value(false);
                        commit();
                    } else if moves_choice(&key) {
                        by_key.set_value(true);
                    }
                }
                on:change=move |_| {
                    if by_key.try_update_value(std::mem::take) == Some(true) {
                        settle.restart(SETTLE, commit);
                    } else {
                        commit();
                    }
                }
                on:blur=move |_| {
                    if settle.stop() {
                        commit();
                    }
                }
            >
                {keyed_list(move || options().into_iter().map(|project| Keyed::new(project.id.clone(), move || view! {
                    <option value=project.id.clone() selected=move || project.id == current_id()>
                        {project.name.clone()}
                    </option>
                }.into_any())).collect())}
            </select>
            {shown_when(move || switch.pending().get(), move || view! {
                <span role="status">{move || i18n.t().switching_project}</span>
            }.into_any())}
            <ActionError action=switch />
        </div>
    }
}

/// Keys that move a closed select's choice: arrows, Home/End, Page Up/Down, and typed letters
/// (type-ahead).
fn moves_choice(key: &str) -> bool {
    key.starts_with("Arrow")
        || matches!(key, "Home" | "End" | "PageUp" | "PageDown")
        || key.chars().count() == 1
}
