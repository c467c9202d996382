use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::ErrorMessage;

/// The error of an action's last run, if it failed (nothing while it runs again or after it
/// succeeded; a request the app gave up on purpose is not shown as a failure).
#[component]
pub fn ActionError<I, O>(
    /// The action whose failures are shown.
    action: Action<I, Result<O, ApiError>>,
) -> impl IntoView
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    // A refused token (401) is over once the user has logged in again in the re-login
    // dialog: its message does not stay beside a session that works (the action can be
    // redone).
    crate::state::use_session().on_new_token(move || {
        let refused = action
            .value()
            .with_untracked(|v| matches!(v, Some(Err(e)) if e.status == 401));
        if refused {
            action.value().set(None);
        }
    });
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .filter(|e| !e.is_aborted())
            .map(|e| view! { <ErrorMessage error=e /> })
    }
}
