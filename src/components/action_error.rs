use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::ApiError;
use crate::components::ErrorMessage;

/// The error of an action's last run, if it failed (nothing while it runs again or after it
/// succeeded; a request the app gave up on purpose is not shown as a failure).
#[component]
pub fn ActionError<I, O>(
    /// The action whose failures are shown.
    action: Job<I, Result<O, ApiError>>,
) -> impl IntoView
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let session = crate::state::use_session();
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .filter(|e| !e.is_aborted())
            // A refused token (401) is shown while the re-login dialog asks for a new login;
            // once logged in again it is over (the action can be redone), and its message
            // does not stay beside a session that works.
            .filter(|e| e.status != 401 || session.relogin_needed())
            .map(|e| view! { <ErrorMessage error=e /> })
    }
}
