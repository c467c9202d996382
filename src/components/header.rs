use crate::router::A;
use leptos::ev::{FocusEvent, KeyboardEvent};
use leptos::prelude::*;

use crate::components::element_ref::ElementRef;
use wasm_bindgen::JsCast;

use crate::components::{CopyButton, LanguageSwitcher, ProjectSwitcher};
use crate::state::invitations::use_invitations;
use crate::state::transfer_guard::{confirm_leave, Leave};
use crate::state::{use_i18n, use_session};

/// The top bar of every logged-in page: app name, pending-invitation badge, who is logged in,
/// the project (switchable, id copyable), language and logout. On narrow windows (CSS, below
/// 1024 px) the session controls fold behind a "Menu" button (`aria-expanded`); Escape closes
/// it and puts focus back on the button.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let invitations = use_invitations();

    let user_name = move || session.get().map(|s| s.info.user_name).unwrap_or_default();
    let project_id = Signal::derive(move || session.project_id());
    let badge = move || {
        invitations.count().filter(|n| *n > 0).map(|n| {
            view! {
                // A plain link (the router still takes its click): the router's own marks
                // every catalog view as this link's page (`aria-current`), the query aside.
                <a
                    href="/images?view=invitations"
                    class="invitation-badge"
                    title=move || i18n.t().invitations_badge_hint
                >
                    // Inside a link, text is rendered once: only a closure follows the language.
                    {move || i18n.t().invitations_badge.fill(&[&n])}
                </a>
            }
        })
    };

    let open = RwSignal::new(false);
    let menu_button = ElementRef::new();
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = menu_button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    // The menu closes when focus moves on past it (Tab after "Log out", a click on the page):
    // left open, it would cover the control that now has focus.
    let session_panel = ElementRef::new();
    // `try_`: focus also leaves when the header itself goes (logout removes the focused
    // button), and then its signals are already disposed.
    let on_focusout = move |ev: FocusEvent| {
        if open.try_get_untracked() != Some(true) {
            return;
        }
        let Some(next) = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        let within = |el: Option<web_sys::Element>| el.is_some_and(|el| el.contains(Some(&next)));
        let stays = within(session_panel.get_untracked().map(Into::into))
            || within(menu_button.get_untracked().map(Into::into));
        if !stays {
            open.try_set(false);
        }
    };
    let session_class = move || {
        if open.get() {
            "app-header__session app-header__session--open"
        } else {
            "app-header__session"
        }
    };

    view! {
        <header class="app-header" on:keydown=on_keydown on:focusout=on_focusout>
            <A href="/images" exact=true attr:class="app-header__title">{move || i18n.t().app_title}</A>
            <nav class="app-header__nav" aria-label=move || i18n.t().main_nav>
                <A href="/access">{move || i18n.t().access_title}</A>
            </nav>
            <div class="app-header__badge" aria-live="polite">{badge}</div>
            // Shown by the CSS on narrow windows only; wide ones show the controls themselves.
            <button
                type="button"
                class="button app-header__menu-button"
                aria-expanded=move || open.get().to_string()
                aria-controls="app-header-session"
                node_ref=menu_button
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || i18n.t().menu}
            </button>
            <div id="app-header-session" class=session_class node_ref=session_panel>
                <span class="app-header__user">
                    <span class="app-header__label">{move || i18n.t().signed_in_as}</span>
                    " "
                    // Cut short on a wide bar (CSS): the whole value in the title.
                    <strong data-testid="current-user" translate="no" title=user_name>{user_name}</strong>
                </span>
                <ProjectSwitcher />
                <span class="app-header__project-id">
                    <span class="app-header__label">{move || i18n.t().project_id}</span>
                    " "
                    <code data-testid="current-project-id" title=move || project_id.get()>{move || project_id.get()}</code>
                    <CopyButton text=project_id what=Signal::derive(move || i18n.t().current_project_id.to_string()) />
                </span>
                <LanguageSwitcher />
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if confirm_leave(Leave::LogOut) {
                            session.log_out();
                        }
                    }
                >
                    {move || i18n.t().log_out}
                </button>
            </div>
        </header>
    }
}
