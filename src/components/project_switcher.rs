use leptos::prelude::*;

use crate::components::ActionError;
use crate::state::projects::{switch_project, use_projects};
use crate::state::transfer_guard::{confirm_leave, Leave};
use crate::state::{use_i18n, use_session};

/// A select of the projects the user belongs to; choosing one re-scopes the token, and
/// every view follows the new project.
#[component]
pub fn ProjectSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();

    let select_ref = NodeRef::<leptos::html::Select>::new();
    let switch = Action::new_local(move |project_id: &String| {
        let project_id = project_id.clone();
        async move {
            let before = session.project_id();
            let switched = switch_project(session, &project_id).await;
            if switched.is_err() {
                // The session stays in its project: the select shows it again (the options'
                // `selected` does not change, so set the element itself).
                if let Some(select) = select_ref.try_get_untracked().flatten() {
                    select.set_value(&before);
                }
            }
            switched
        }
    });

    let current_id = move || session.project_id();
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
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if id != current_id() && !confirm_leave(Leave::SwitchProject) {
                        // Staying: the select shows the current project again.
                        let select = event_target::<web_sys::HtmlSelectElement>(&ev);
                        select.set_value(&current_id());
                    } else if id != current_id() {
                        switch.dispatch(id);
                    }
                }
            >
                <For each=options key=|p| p.id.clone() let:project>
                    <option value=project.id.clone() selected=move || project.id == current_id()>
                        {project.name.clone()}
                    </option>
                </For>
            </select>
            <Show when=move || switch.pending().get()>
                <span role="status">{move || i18n.t().switching_project}</span>
            </Show>
            <ActionError action=switch />
        </div>
    }
}
