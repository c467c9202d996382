use crate::components::PageTitle;
use leptos::prelude::*;

use crate::api::config::ConfigError;
use crate::components::LanguageSwitcher;
use crate::i18n::Messages;
use crate::state::use_i18n;

/// Why the app cannot start: `config.json` could not be loaded, or says something unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The file could not be had, or a setting in it is wrong.
    Invalid(ConfigError),
}

/// What is wrong with `config.json`, in the user's language, naming the setting to fix.
pub fn config_problem_text(t: &Messages, problem: &ConfigProblem) -> String {
    let ConfigProblem::Invalid(error) = problem;
    match error {
        ConfigError::FetchFailed(why) => t.config_fetch_failed.fill(&[&why]),
        ConfigError::TimedOut(seconds) => t.config_timed_out.fill(&[seconds]),
        ConfigError::Http(status) => t.config_http.fill(&[status]),
        ConfigError::Unreadable(why) => t.config_unreadable.fill(&[&why]),
        ConfigError::BadJson(detail) => t.config_bad_json.fill(&[&detail]),
        ConfigError::MissingAuthUrl => t.config_missing_auth_url.to_string(),
        ConfigError::BadInterface(value) => t.config_bad_interface.fill(&[&value]),
        ConfigError::NotAString { field } => t.config_not_a_string.fill(&[&field]),
        ConfigError::BadSeconds { field } => t.config_bad_seconds.fill(&[&field]),
        ConfigError::BadMib { field } => t.config_bad_mib.fill(&[&field]),
        ConfigError::UrlNotHttp { field, url } => t.config_url_not_http.fill(&[&field, &url]),
        ConfigError::MixedContent { field, url } => t.config_mixed_content.fill(&[&field, &url]),
    }
}

/// Shown instead of the app when `config.json` is missing or wrong: what is wrong and how to
/// fix it, never a blank page.
#[component]
pub fn ConfigErrorPage(
    /// What is wrong, for the operator.
    problem: ConfigProblem,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="page page--narrow" id="main">
            <LanguageSwitcher />
            <PageTitle page=Signal::derive(move || i18n.t().config_error_title.to_string()) />
            <h1>{move || i18n.t().config_error_title}</h1>
            <p class="error-message" role="alert">{move || config_problem_text(i18n.t(), &problem)}</p>
            <p>{move || i18n.t().config_error_help}</p>
        </main>
    }
}
