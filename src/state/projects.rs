//! The projects the user may scope to, fetched once per token and shared by the project
//! switcher and by every view that shows a project's name instead of its id.

use std::collections::HashMap;

use leptos::prelude::*;

use super::effect::effect;

use super::loaded::Loaded;
use super::use_session;
use crate::api::client;
use crate::api::keystone::ProjectRef;
use crate::api::ApiError;

/// `GET /v3/auth/projects` for the current token, in context.
#[derive(Clone, Copy)]
pub struct ProjectDirectory {
    pub projects: Loaded<Result<Vec<ProjectRef>, ApiError>>,
    /// id → name, copied from the answer. Views read this plain map so that a list does not
    /// wait for Keystone before showing its rows: names fill in when they arrive.
    names: RwSignal<HashMap<String, String>>,
}

impl ProjectDirectory {
    /// Creates the directory; it re-reads whenever the token changes.
    pub fn provide() -> Self {
        let session = use_session();
        let projects = Loaded::new(move || {
            let token = session.get().map(|s| s.token);
            let auth_url = session.config().auth_url;
            async move {
                match token {
                    Some(token) => client::my_projects(&auth_url, &token).await,
                    None => Ok(Vec::new()),
                }
            }
        });
        let names = RwSignal::new(HashMap::new());
        effect(move || {
            if let Some(Ok(list)) = projects.get() {
                names.set(list.into_iter().map(|p| (p.id, p.name)).collect());
            }
        });
        let directory = Self { projects, names };
        provide_context(directory);
        directory
    }

    /// Project id → name for the projects this user can see (reactive; empty while loading).
    pub fn names(&self) -> HashMap<String, String> {
        self.names.get()
    }

    /// The name of project `id` when the user can see it (reactive; `None` while loading).
    pub fn name_of(&self, id: &str) -> Option<String> {
        self.names.with(|n| n.get(id).cloned())
    }

    /// The same map as a signal, for views that should not be made again when the names
    /// arrive: each cell that shows a name reads it on its own.
    pub fn names_signal(&self) -> Signal<HashMap<String, String>> {
        self.names.into()
    }
}

/// (id, name) of the projects this user can see, read once (not tracked) for checking what
/// was typed into an "add members" box; empty while Keystone has not answered.
pub fn known_projects(directory: Option<ProjectDirectory>) -> Vec<(String, String)> {
    directory
        .and_then(|d| d.projects.get_untracked())
        .and_then(Result::ok)
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect()
}

/// The project directory from context, if the page is inside the logged-in shell.
pub fn use_projects() -> Option<ProjectDirectory> {
    use_context::<ProjectDirectory>()
}

/// Re-scopes the session's token to `project_id` (Keystone issues a new token); every view
/// follows the new project. On failure the session stays where it was.
pub async fn switch_project(
    session: super::SessionState,
    project_id: &str,
) -> Result<(), ApiError> {
    let Some(current) = session.get_untracked() else {
        return Ok(());
    };
    let config = session.config();
    let issued = client::rescope(&config.auth_url, &current.token, project_id).await?;
    // Logged out (or switched again) while Keystone answered: the new token must not bring
    // back a session the user has left.
    let still_current = session
        .get_untracked()
        .is_some_and(|now| now.token == current.token);
    if still_current {
        session.establish(super::Session::new(issued, &config));
    }
    Ok(())
}
