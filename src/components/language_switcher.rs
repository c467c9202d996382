use leptos::prelude::*;

use crate::i18n::Locale;
use crate::state::use_i18n;

/// Lets the user pick the UI language; the choice is remembered in this browser.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="language-switcher">
            <span class="visually-hidden">{move || i18n.t().language}</span>
            <select
                aria-label=move || i18n.t().language
                on:change=move |ev| i18n.set(Locale::from_tag(&event_target_value(&ev)))
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! {
                        <option value=l.tag() selected=move || i18n.locale() == l>{l.native_name()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
