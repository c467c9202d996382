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
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .filter(|e| !e.is_aborted())
            .map(|e| view! { <ErrorMessage error=e /> })
    }
}
