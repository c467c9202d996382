use std::time::Duration;

use leptos::prelude::*;

use crate::state::effect::effect;

use crate::browser;
use crate::state::{use_i18n, use_session};

/// Warn this long before the token expires.
const WARN_BEFORE_MS: i64 = 10 * 60 * 1000;

/// Warns that the token is about to expire (with a button to log in again), and opens the
/// re-login dialog when it has.
#[component]
pub fn ExpiryBanner() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let now = RwSignal::new(browser::now_ms());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(browser::now_ms()), Duration::from_secs(5))
    {
        on_cleanup(move || handle.clear());
    }
    let remaining_ms = move || {
        session
            .get()
            .and_then(|s| s.expires_at_ms())
            .map(|t| t - now.get())
    };
    effect(move || {
        if remaining_ms().is_some_and(|r| r <= 0) && !session.relogin_needed() {
            session.request_relogin();
        }
    });
    view! {
        {move || {
            remaining_ms()
                .filter(|r| *r > 0 && *r < WARN_BEFORE_MS)
                .map(|r| view! {
                    <div class="banner banner--warning" role="status">
                        {i18n.t().session_expires_in.fill(&[&&(i18n.t().duration)(r / 1000)])}
                        " "
                        <button type="button" class="button" on:click=move |_| session.request_relogin()>
                            {i18n.t().renew}
                        </button>
                    </div>
                })
        }}
    }
}
