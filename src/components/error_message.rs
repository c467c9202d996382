use leptos::prelude::*;

use crate::api::endpoint::CatalogError;
use crate::api::{ApiError, ErrorKind};
use crate::i18n::{error_hint, error_text, Messages};
use crate::state::use_i18n;

/// Why the image service cannot be used, in the user's language, naming the setting to fix.
pub fn catalog_error_text(t: &Messages, error: &CatalogError) -> String {
    match error {
        CatalogError::NoImageService => t.catalog_no_image_service.to_string(),
        CatalogError::NoMatchingEndpoint { interface, region } => {
            (t.catalog_no_endpoint)(interface, region)
        }
        CatalogError::NotHttp { url } => t.catalog_url_not_http.fill(&[&url]),
        CatalogError::MixedContent { url } => t.catalog_mixed_content.fill(&[&url]),
    }
}

/// Shows a failed call the way an operator can act on it: the service's own message, a
/// plain-words hint for common statuses, and the request id to look up in the logs.
#[component]
pub fn ErrorMessage(
    /// The failure to show.
    #[prop(into)]
    error: ApiError,
    /// Short context such as "Login failed"; defaults to a generic title.
    #[prop(optional, into)]
    title: Option<String>,
    /// The caller's own advice for this failure, in place of the generic hint, where it
    /// knows the cause better: login's 401 (which fields to check), a catalog page that
    /// starts after an image Glance no longer finds. `None` from it keeps the generic one.
    #[prop(optional)]
    hint: Option<fn(&Messages, &ApiError) -> Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = {
        let error = error.clone();
        move || error_text(i18n.t(), &error)
    };
    let hint = {
        let error = error.clone();
        move || {
            let t = i18n.t();
            match hint.and_then(|own| own(t, &error)) {
                Some(words) => Some(words.to_string()),
                None => error_hint(t, &error),
            }
        }
    };
    // The service's own words are shown as they are (in its language, usually English):
    // translate="no" tells browser translators, and the untranslated-text test, that they are
    // not the app's; the hint above says it in the UI language.
    let from_service =
        matches!(error.kind, ErrorKind::Http | ErrorKind::Task) && !error.message.is_empty();
    let status = (error.status != 0).then_some(error.status);
    let request_id = error.request_id.clone();
    view! {
        <div class="error-message" role="alert">
            <strong class="error-message__title">
                {move || {
                    let t = i18n.t();
                    let title = title.clone().unwrap_or_else(|| t.error_title.to_string());
                    match status {
                        Some(s) => t.with_note(&title, s),
                        None => title,
                    }
                }}
            </strong>
            <p class="error-message__text" translate=from_service.then_some("no")>{text}</p>
            {move || hint().map(|h| view! { <p class="error-message__hint">{h}</p> })}
            {request_id.map(|id| view! {
                <p class="error-message__request-id">
                    {move || i18n.t().request_id} {move || i18n.t().colon} <code>{id}</code>
                </p>
            })}
        </div>
    }
}
