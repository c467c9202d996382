use leptos::prelude::*;

use crate::components::LanguageSwitcher;
use crate::state::use_i18n;

/// Shown instead of the app when `config.json` is missing or wrong: what is wrong and how to
/// fix it, never a blank page.
#[component]
pub fn ConfigErrorPage(
    /// What is wrong, in words for the operator.
    #[prop(into)]
    problem: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="page page--narrow" id="main">
            <LanguageSwitcher />
            <h1>{move || i18n.t().config_error_title}</h1>
            <p class="error-message" role="alert">{problem}</p>
            <p>{move || i18n.t().config_error_help}</p>
        </main>
    }
}
