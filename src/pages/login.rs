use crate::components::PageTitle;
use crate::router::{use_location, use_navigate, NavigateOptions};
use leptos::prelude::*;

use crate::state::effect::effect;

use crate::api::url::{parse_query_string, safe_next};

use crate::components::{ErrorMessage, LanguageSwitcher, LoginForm};
use crate::state::{use_i18n, use_session};

/// The login page. After login it goes to `?next=` (a path inside the app) or the catalog.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    let cloud = session.config().cloud_name;

    let target = move || {
        parse_query_string(&location.search.get_untracked())
            .into_iter()
            .find(|(k, _)| k == "next")
            // Only this app's own paths: never an open redirect to another site.
            .and_then(|(_, v)| safe_next(&v))
            .unwrap_or_else(|| "/images".to_string())
    };
    let go = navigate.clone();
    // In place of the login page's history entry: Back after logging in goes to the page
    // before it, not to a login page that would send the user on again (and drop Forward).
    effect(move || {
        if session.is_logged_in() && !session.relogin_needed() {
            go(
                &target(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    view! {
        <main class="page page--narrow login-page" id="main">
            <PageTitle page="" />
            <div class="login-page__top">
                <LanguageSwitcher />
            </div>
            <h1>{move || i18n.t().app_title}</h1>
            {cloud.map(|c| view! { <p class="login-page__cloud" translate="no">{c}</p> })}
            {move || session.revoke_problem().map(|(error, expires_at)| view! {
                <ErrorMessage error=error title=i18n.t().revoke_failed.fill(&[&&expires_at]) />
            })}
            <h2>{move || i18n.t().login_title}</h2>
            <p>{move || i18n.t().login_intro}</p>
            // Reached through an invitation link: what is waiting after the login.
            {target().starts_with("/invitations/").then(|| view! {
                <p class="banner">{move || i18n.t().login_for_invitation}</p>
            })}
            <LoginForm on_success=move |s| session.establish(s) />
        </main>
    }
}
