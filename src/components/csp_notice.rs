//! Says so when the site's Content-Security-Policy kept the app from calling a service.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{use_i18n, use_session};

/// The origin (`scheme://host:port`) of an absolute URL, if it is one.
fn origin_of(url: &str) -> Option<String> {
    web_sys::Url::new(url).ok().map(|u| u.origin())
}

/// Watches for calls the Content-Security-Policy blocked (`connect-src` violations, which the
/// browser reports as `securitypolicyviolation` events) and names the blocked address and the
/// `config.json` setting it came from. Without this, such a call looks like a dead network.
#[component]
pub fn CspNotice() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_session().config();
    let blocked = RwSignal::new(None::<String>);
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let field = |name: &str| {
                js_sys::Reflect::get(&event, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if field("effectiveDirective").as_deref() == Some("connect-src") {
                if let Some(url) = field("blockedURI") {
                    blocked.try_set(Some(url));
                }
            }
        });
        let _ = document.add_event_listener_with_callback(
            "securitypolicyviolation",
            listener.as_ref().unchecked_ref(),
        );
        // The configured app lives as long as the page: the listener may too.
        listener.forget();
    }
    let setting = move |url: &str| {
        let origin = origin_of(url);
        let named = |field: &'static str, value: Option<&String>| {
            (origin.is_some() && value.and_then(|v| origin_of(v)) == origin)
                .then(|| format!("config.json \"{field}\""))
        };
        named("auth_url", Some(&config.auth_url))
            .or_else(|| {
                named(
                    "image_endpoint_override",
                    config.image_endpoint_override.as_ref(),
                )
            })
            .unwrap_or_else(|| i18n.t().csp_setting_catalog.to_string())
    };
    move || {
        blocked.get().map(|url| {
            let text = i18n.t().csp_blocked.fill(&[&&url, &&setting(&url)]);
            view! { <p class="error-message page" role="alert">{text}</p> }
        })
    }
}
