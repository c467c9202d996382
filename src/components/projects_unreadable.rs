use leptos::prelude::*;

use crate::components::ErrorMessage;
use crate::state::projects::use_projects;
use crate::state::use_i18n;

/// Says, under the header, that Keystone's list of the user's projects could not be read
/// (its words and request id), with Retry: the project switcher then offers only the current
/// project and owners show as ids, which must not pass for "you have no other project".
/// Nothing while it loads, or for a 401 (the re-login dialog answers that).
#[component]
pub fn ProjectsUnreadable() -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_projects();
    let failure = move || {
        directory
            .and_then(|d| d.projects.get())
            .and_then(Result::err)
            .filter(|e| !e.is_aborted() && !e.is_unauthorized())
    };
    move || {
        failure().map(|error| {
            view! {
                <div class="banner banner--warning projects-unreadable">
                    <ErrorMessage error=error title=i18n.t().projects_unreadable />
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            if let Some(d) = directory {
                                d.projects.refetch();
                            }
                        }
                    >
                        {move || i18n.t().retry}
                    </button>
                </div>
            }
        })
    }
}
