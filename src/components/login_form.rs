use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::client;
use crate::api::keystone::Credentials;
use crate::api::ApiError;
use crate::components::shown_when::{shown_when, shown_when_else};
use crate::components::{DisclosureButton, ErrorMessage};
use crate::i18n::Messages;
use crate::state::session::LoginMethod;
use crate::state::{use_i18n, use_session, Session};

/// Which credential form is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Password,
    ApplicationCredential,
}

impl Tab {
    /// The id of the tab's button (the arrow keys move the focus onto it).
    fn id(self) -> &'static str {
        match self {
            Tab::Password => "login-tab-password",
            Tab::ApplicationCredential => "login-tab-app-credential",
        }
    }
}

/// The Keystone login form (password or application credential), used on the login page and
/// in the re-login dialog. On failure it shows Keystone's message and keeps every field.
#[component]
pub fn LoginForm(
    /// Values to start with (the previous session's user, domain and project).
    #[prop(optional)]
    prefill: Option<LoginMethod>,
    /// Called with the new session after a successful login.
    #[prop(into)]
    on_success: Callback<Session>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let config = session.config();

    let (tab, user_name, user_domain, project_name, project_domain, app_id) = match prefill {
        Some(LoginMethod::ApplicationCredential { id }) => (
            Tab::ApplicationCredential,
            String::new(),
            config.user_domain_name.clone(),
            String::new(),
            config.project_domain_name.clone(),
            id,
        ),
        Some(LoginMethod::Password {
            user_name,
            user_domain,
            project_name,
            project_domain,
        }) => (
            Tab::Password,
            user_name,
            user_domain,
            project_name,
            project_domain,
            String::new(),
        ),
        None => (
            Tab::Password,
            String::new(),
            config.user_domain_name.clone(),
            String::new(),
            config.project_domain_name.clone(),
            String::new(),
        ),
    };
    let tab = RwSignal::new(tab);
    let user_name = RwSignal::new(user_name);
    let password = RwSignal::new(String::new());
    let user_domain = RwSignal::new(user_domain);
    let project_name = RwSignal::new(project_name);
    let project_domain = RwSignal::new(project_domain);
    let app_id = RwSignal::new(app_id);
    let app_secret = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let domains_open = RwSignal::new(false);

    let login = Job::new_local(move |credentials: &Credentials| {
        let credentials = credentials.clone();
        let config = session.config();
        async move {
            let issued = client::log_in(&config.auth_url, &credentials).await?;
            let new_session = Session::new(issued, &config);
            // try_run: the form may be gone by now (the user left, the dialog closed).
            on_success.try_run(new_session);
            Ok::<(), ApiError>(())
        }
    });

    let missing = move |value: RwSignal<String>| tried.get() && value.with(|v| v.trim().is_empty());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let credentials = match tab.get_untracked() {
            Tab::Password => Credentials::Password {
                user_name: user_name.get_untracked(),
                password: password.get_untracked(),
                user_domain: user_domain.get_untracked(),
                project_name: project_name.get_untracked(),
                project_domain: project_domain.get_untracked(),
            },
            Tab::ApplicationCredential => Credentials::ApplicationCredential {
                id: app_id.get_untracked(),
                secret: app_secret.get_untracked(),
            },
        };
        let complete = match &credentials {
            Credentials::Password {
                user_name,
                password,
                user_domain,
                ..
            } => {
                !user_name.trim().is_empty()
                    && !password.is_empty()
                    && !user_domain.trim().is_empty()
            }
            Credentials::ApplicationCredential { id, secret } => {
                !id.trim().is_empty() && !secret.is_empty()
            }
        };
        if complete {
            login.dispatch(credentials);
        } else if user_domain.with_untracked(|d| d.trim().is_empty()) {
            // An emptied domain shows itself, before index.html's script focuses the field.
            domains_open.set(true);
        }
        // (index.html's script puts the focus on the first empty required field.)
    };

    // One labelled text input bound to a signal, with its "required" message.
    let field = move |id: &'static str,
                      label: fn(&'static Messages) -> &'static str,
                      value: RwSignal<String>,
                      kind: &'static str,
                      required: bool,
                      autocomplete: &'static str| {
        let invalid = move || required && missing(value);
        let error_id = format!("{id}-error");
        let described_by = error_id.clone();
        view! {
            <div class="form-field">
                <label for=id>{move || label(i18n.t())}</label>
                <input
                    id=id
                    name=id
                    type=kind
                    autocomplete=autocomplete
                    aria-invalid=move || invalid().to_string()
                    aria-describedby=move || invalid().then(|| described_by.clone())
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                {shown_when(invalid, move || view! {
                    <p class="form-field__error" id=error_id.clone()>{move || i18n.t().field_required}</p>
                }.into_any())}
            </div>
        }
    };

    let tab_button = move |which: Tab, label: fn(&'static Messages) -> &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=which.id()
                class="login-form__tab"
                aria-controls="login-panel"
                aria-selected=move || (tab.get() == which).to_string()
                // One stop for Tab; the arrow keys move between the two (the tabs pattern).
                tabindex=move || if tab.get() == which { "0" } else { "-1" }
                on:click=move |_| {
                    tab.set(which);
                    tried.set(false);
                }
            >
                {move || label(i18n.t())}
            </button>
        }
    };

    // Arrow keys, Home and End choose the other tab and move the focus onto it.
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" if tab.get_untracked() == Tab::Password => {
                Tab::ApplicationCredential
            }
            "ArrowLeft" | "ArrowRight" | "Home" => Tab::Password,
            "End" => Tab::ApplicationCredential,
            _ => return,
        };
        ev.prevent_default();
        tab.set(next);
        tried.set(false);
        if let Some(button) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(next.id()))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = button.focus();
        }
    };

    view! {
        <form class="login-form" on:submit=on_submit novalidate>
            <div class="login-form__tabs" role="tablist" aria-label=move || i18n.t().login_method on:keydown=on_tab_key>
                {tab_button(Tab::Password, |t| t.method_password)}
                {tab_button(Tab::ApplicationCredential, |t| t.method_app_credential)}
            </div>
            // Not named after its tab: a panel labelled "Password" would be one more element
            // labelled "Password" beside the password field.
            <div role="tabpanel" id="login-panel">
            {shown_when_else(move || tab.get() == Tab::Password, move || view! {
                {field("user-name", |t| t.user_name, user_name, "text", true, "username")}
                {field("password", |t| t.password, password, "password", true, "current-password")}
                {field("project-name", |t| t.project_name, project_name, "text", false, "off")}
                <DisclosureButton
                    class="login-form__domains-toggle"
                    controls="login-domains"
                    open=domains_open
                    label=Signal::derive(move || format!("{} / {}", i18n.t().user_domain, i18n.t().project_domain))
                    on_toggle=move |_| domains_open.update(|open| *open = !*open)
                />
                // The domain fields exist only while shown: hidden, "Project domain" would still
                // be found by a search for the label "Project" (and 项目域 by 项目). What they
                // hold stays in their signals.
                <div class="login-form__domains" id="login-domains" hidden=move || !domains_open.get()>
                    {move || domains_open.get().then(|| view! {
                        {field("user-domain", |t| t.user_domain, user_domain, "text", true, "off")}
                        {field("project-domain", |t| t.project_domain, project_domain, "text", false, "off")}
                    })}
                </div>
            }.into_any(), move || view! {
                {field("app-credential-id", |t| t.app_credential_id, app_id, "text", true, "username")}
                {field("app-credential-secret", |t| t.app_credential_secret, app_secret, "password", true, "current-password")}
            }.into_any())}
            </div>
            {move || {
                login
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|e| {
                        // Keystone's 401 does not say which part was wrong: the advice names
                        // what this way of logging in asked for.
                        let hint: fn(&Messages, &ApiError) -> Option<&'static str> =
                            if tab.get_untracked() == Tab::ApplicationCredential {
                                |t, e| (e.status == 401).then_some(t.app_credential_refused_hint)
                            } else {
                                |t, e| (e.status == 401).then_some(t.login_refused_hint)
                            };
                        view! { <ErrorMessage error=e title=i18n.t().login_failed.to_string() hint=hint /> }
                    })
            }}
            <button type="submit" class="button button--primary" disabled=move || login.pending().get()>
                {move || if login.pending().get() { i18n.t().logging_in } else { i18n.t().log_in }}
            </button>
        </form>
    }
}
