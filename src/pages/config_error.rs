use leptos::prelude::*;

use crate::api::config::ConfigError;
use crate::components::LanguageSwitcher;
use crate::i18n::Messages;
use crate::state::use_i18n;

/// A minimal `config.json`, shown as code (it is the same in every language).
const EXAMPLE: &str =
    r#"{"auth_url": "https://keystone.example.com/v3", "region_name": "RegionOne"}"#;

/// What is wrong with `config.json`, in the UI language. The details that come from the
/// browser or the JSON parser (`why`) are shown as they are.
pub fn config_problem_text(t: &Messages, problem: &ConfigError) -> String {
    match problem {
        ConfigError::FetchFailed(why) => (t.config_fetch_failed)(why),
        ConfigError::TimedOut(seconds) => (t.config_timed_out)(*seconds),
        ConfigError::Http(status) => (t.config_http)(*status),
        ConfigError::Unreadable(why) => (t.config_unreadable)(why),
        ConfigError::BadJson(why) => (t.config_bad_json)(why),
        ConfigError::MissingAuthUrl => t.config_missing_auth_url.to_string(),
        ConfigError::BadInterface(value) => (t.config_bad_interface)(value),
        ConfigError::NotAString { field } => (t.config_not_a_string)(field),
        ConfigError::BadSeconds { field } => (t.config_bad_seconds)(field),
    }
}

/// Shown instead of the app when `config.json` is missing or wrong: what is wrong and how to
/// fix it, never a blank page.
#[component]
pub fn ConfigErrorPage(
    /// What is wrong.
    problem: ConfigError,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="page page--narrow" id="main">
            <LanguageSwitcher />
            <h1>{move || i18n.t().config_error_title}</h1>
            <p class="error-message" role="alert">{move || config_problem_text(i18n.t(), &problem)}</p>
            <p>{move || i18n.t().config_error_help}</p>
            <pre><code>{EXAMPLE}</code></pre>
        </main>
    }
}
