use leptos::prelude::*;

use crate::components::modal::Modal;
use crate::components::shown_when::shown_when;
use crate::components::LoginForm;
use crate::state::transfer_guard::{confirm_leave, Leave};
use crate::state::{use_i18n, use_session};

/// A modal over the current page that asks for the password (or secret) again when the token
/// was refused or has expired. The page below stays mounted, so nothing on it is lost; after
/// login every view re-reads with the new token and the user can retry an interrupted action.
/// A user who cannot or will not log in again (another user at the keyboard, a password not
/// at hand) logs out from the dialog: the backdrop covers the header's own Log out.
#[component]
pub fn ReloginDialog() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        {shown_when(move || session.relogin_needed(), move || view! {
            // No Escape: without a new login nothing on the page works. Focus starts in the
            // password field and returns to where it was once logged in again.
            <Modal role="dialog" labelled_by="relogin-title" initial_focus="input[type=password]" let:exit>
                <h2 id="relogin-title">{move || i18n.t().session_expired_title}</h2>
                <p>{move || i18n.t().session_expired_body}</p>
                <LoginForm
                    prefill=session.get_untracked().map(|s| s.login_method()).unwrap_or(
                        crate::state::session::LoginMethod::Password {
                            user_name: String::new(),
                            user_domain: session.config().user_domain_name,
                            project_name: String::new(),
                            project_domain: session.config().project_domain_name,
                        },
                    )
                    on_success=move |s| exit.close(|| session.establish(s))
                />
                <p class="relogin-dialog__leave">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            if confirm_leave(Leave::LogOut) {
                                exit.close(|| session.log_out());
                            }
                        }
                    >
                        {move || i18n.t().log_out}
                    </button>
                </p>
            </Modal>
        }.into_any())}
    }
}
