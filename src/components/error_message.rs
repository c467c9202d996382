use leptos::prelude::*;

use crate::api::endpoint::CatalogError;
use crate::api::{ApiError, ErrorKind};
use crate::i18n::Messages;
use crate::state::use_i18n;

/// What went wrong, in words for the user: the service's own words when it answered;
/// otherwise, in the user's language, which service did not answer (no answer in time, a
/// dropped connection) or why the request was not sent.
pub fn error_text(t: &Messages, error: &ApiError) -> String {
    let service = error.service.map(|s| s.name());
    match (error.kind, service) {
        (ErrorKind::Timeout(seconds), Some(s)) => (t.timed_out)(s, seconds),
        (ErrorKind::Network, Some(s)) => (t.unreachable)(s),
        (ErrorKind::Network, None) => t.network_error.to_string(),
        (ErrorKind::Unaddressable, _) => (t.unaddressable_id)(&error.message),
        // The decoder's detail ("unexpected answer: …") is technical and stays as it is.
        (ErrorKind::Decode, _) => (t.unreadable_answer)(&error.message),
        _ => error.message.clone(),
    }
}

/// A 502/503/504 without the service's request id came from the proxy in front of it (nginx
/// could not connect, or refused the service's certificate): its page names no service, so
/// this says which one could not be reached.
fn gateway_hint(t: &Messages, error: &ApiError) -> Option<String> {
    let service = error.service?;
    (error.kind == ErrorKind::Http
        && matches!(error.status, 502..=504)
        && error.request_id.is_none())
    .then(|| (t.gateway_error)(service.name(), error.status))
}

/// Why the image service cannot be used, in the user's language, naming the setting to fix.
pub fn catalog_error_text(t: &Messages, error: &CatalogError) -> String {
    match error {
        CatalogError::NoImageService => t.catalog_no_image_service.to_string(),
        CatalogError::NoMatchingEndpoint { interface, region } => {
            (t.catalog_no_endpoint)(interface, region)
        }
        CatalogError::NotHttp { url } => (t.catalog_url_not_http)(url),
        CatalogError::MixedContent { url } => (t.catalog_mixed_content)(url),
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
) -> impl IntoView {
    let i18n = use_i18n();
    let text = {
        let error = error.clone();
        move || error_text(i18n.t(), &error)
    };
    let hint = {
        let error = error.clone();
        move || {
            gateway_hint(i18n.t(), &error).or_else(|| match (error.kind, error.service) {
                // Without a service name the text itself is this advice: not twice.
                (ErrorKind::Network, Some(_)) => Some(i18n.t().network_error.to_string()),
                _ if error.status == 401 => Some(i18n.t().unauthorized_hint.to_string()),
                _ if error.status == 403 => Some(i18n.t().forbidden_hint.to_string()),
                _ => None,
            })
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
