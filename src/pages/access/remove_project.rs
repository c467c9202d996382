//! "Remove one project from all images": pick a project present in the table, confirm with
//! its name and the number of images, and every membership it has there is removed.

use leptos::prelude::*;

use crate::components::ConfirmButton;
use crate::format::bidi_isolated;
use crate::model::access::{projects_in, rows_of_project, AccessRow};
use crate::state::use_i18n;

/// The project picker and its button. Acts on the rows shown (filters apply), like the
/// other removals: nothing hidden by a filter is removed.
#[component]
pub(super) fn RemoveProject(
    /// The rows after filters and sort, with project names where known.
    shown: Memo<Vec<AccessRow>>,
    /// Removes the given rows (the action bar's bounded, reported run).
    remove: Callback<Vec<AccessRow>>,
    /// True while a removal runs.
    busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(String::new());
    let projects = Memo::new(move |_| shown.with(|rows| projects_in(rows)));
    let targets = move || chosen.with(|id| shown.with(|rows| rows_of_project(rows, id)));
    // The project as the question names it: its name where known, and its id.
    let named = move || {
        let id = chosen.get_untracked();
        let name = projects
            .with_untracked(|ps| ps.iter().find(|p| p.id == id).and_then(|p| p.name.clone()));
        // Inside the question's sentence: isolated (see `bidi_isolated`).
        let name = name.map(|n| bidi_isolated(&n).into_owned());
        (i18n.t().access_project_option)(name.as_deref(), &bidi_isolated(&id))
    };

    view! {
        <div class="access-remove-project">
            <label>
                {move || i18n.t().access_project_label}
                <select
                    prop:value=chosen
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    <option value="">{move || i18n.t().access_project_choose}</option>
                    <For
                        each=move || projects.get()
                        key=|p| (p.id.clone(), p.name.clone(), p.images)
                        let:project
                    >
                        {
                            let id = project.id.clone();
                            let text = (i18n.t().access_project_option)(project.name.as_deref(), &project.id);
                            view! {
                                <option value=project.id translate="no" selected=move || chosen.with(|c| *c == id)>
                                    {text}
                                </option>
                            }
                        }
                    </For>
                </select>
            </label>
            <ConfirmButton
                label=Signal::derive(move || { let n = targets().len(); i18n.t().access_remove_project.fill(n, &[&n]) })
                question=Callback::new(move |_| {
                    let n = targets().len();
                    i18n.t().access_remove_project_confirm.fill(n, &[&named(), &n])
                })
                confirm_label=Signal::derive(move || i18n.t().access_remove_label.to_string())
                on_confirm=Callback::new(move |_| remove.run(targets()))
                disabled=Signal::derive(move || busy.get() || targets().is_empty())
            />
        </div>
    }
}
