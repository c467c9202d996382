//! The logged-in session: token, project, image endpoint and expiry, in context.
//!
//! The token lives in memory and in `sessionStorage` (so a reload keeps the user logged in
//! in this tab only); never in `localStorage` or a URL.

use leptos::prelude::*;

use super::effect::{effect, effect_with_previous};

pub use super::session_record::{LoginMethod, Session};
use crate::api::client::Glance;
use crate::api::config::AppConfig;
use crate::api::endpoint::CatalogError;
use crate::api::ApiError;
use crate::browser;

const STORAGE_KEY: &str = "glance-share.session";

/// The session state shared by every page.
#[derive(Clone, Copy)]
pub struct SessionState {
    config: StoredValue<AppConfig>,
    session: RwSignal<Option<Session>>,
    /// Set when Keystone or Glance refused the token: the re-login dialog opens over the page.
    relogin_needed: RwSignal<bool>,
    /// Set by logout, so the login page opens without a "come back here" target.
    logged_out: RwSignal<bool>,
    /// Why the last logout could not revoke the token at Keystone, and until when the token
    /// stays valid: the login page says so (on a shared computer the user must know).
    revoke_problem: RwSignal<Option<(ApiError, String)>>,
}

impl SessionState {
    /// Restores a session kept in this tab (if not expired) and keeps storage in step.
    pub fn provide(config: AppConfig) -> Self {
        let restored = browser::session_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|text| Session::from_storage(&text))
            .filter(|s| s.expires_at_ms().is_some_and(|t| t > browser::now_ms()))
            // The endpoint is not stored: it follows the config.json of this load, so a
            // changed file takes effect on reload, also for a tab that stays logged in.
            .map(|s| s.resolve_endpoint(&config));
        let state = Self {
            config: StoredValue::new(config),
            session: RwSignal::new(restored),
            relogin_needed: RwSignal::new(false),
            logged_out: RwSignal::new(false),
            revoke_problem: RwSignal::new(None),
        };
        effect(move || {
            let Some(storage) = browser::session_storage() else {
                return;
            };
            match state.session.get() {
                Some(s) => {
                    if let Some(text) = s.to_storage() {
                        let _ = storage.set_item(STORAGE_KEY, &text);
                    }
                }
                None => {
                    let _ = storage.remove_item(STORAGE_KEY);
                    // Whoever logs in next in this tab starts without our last page's request.
                    crate::api::warm_start::forget();
                }
            }
        });
        // Any call whose token is refused opens the re-login dialog (the API layer tells us;
        // no caller has to). `try_` forms: the listener outlives nothing, but stays harmless.
        crate::api::client::on_unauthorized(move || {
            if state
                .session
                .try_with_untracked(Option::is_some)
                .unwrap_or(false)
            {
                state.relogin_needed.try_set(true);
            }
        });
        provide_context(state);
        state
    }

    pub fn config(&self) -> AppConfig {
        self.config.get_value()
    }

    /// Logs out: the session leaves this tab at once (memory and storage), then the token is
    /// revoked at Keystone in the background, bounded by the request timeout, so a slow or
    /// hung Keystone never keeps a session on screen.
    pub fn log_out(&self) {
        let token = self.session.with_untracked(|s| {
            s.as_ref()
                .map(|s| (s.token.clone(), s.info.expires_at.clone()))
        });
        let auth_url = self.config.with_value(|c| c.auth_url.clone());
        self.clear();
        let problem = self.revoke_problem;
        problem.set(None);
        if let Some((token, expires_at)) = token {
            leptos::task::spawn_local(async move {
                match crate::api::client::revoke(&auth_url, &token).await {
                    // A 401: the token was already dead, which is what logout wants.
                    Err(e) if !e.is_unauthorized() => {
                        problem.try_set(Some((e, expires_at)));
                    }
                    _ => {}
                }
            });
        }
    }

    /// The current session (reactive).
    pub fn get(&self) -> Option<Session> {
        self.session.get()
    }

    /// The current session, read without tracking.
    pub fn get_untracked(&self) -> Option<Session> {
        self.session.get_untracked()
    }

    pub fn is_logged_in(&self) -> bool {
        self.session.with(Option::is_some)
    }

    /// The Glance client for the current token and project (reactive), if there is one.
    pub fn glance(&self) -> Option<Glance> {
        self.session.with(|s| {
            s.as_ref().and_then(|s| {
                s.image_endpoint.as_ref().ok().map(|base| Glance {
                    base: base.clone(),
                    token: s.token.clone(),
                })
            })
        })
    }

    /// The Glance client for the current token, read without tracking and without panicking
    /// (for loops that run after an `.await`); `None` when logged out.
    pub fn try_glance(&self) -> Option<Glance> {
        self.session
            .try_with_untracked(|s| {
                s.as_ref().and_then(|s| {
                    s.image_endpoint.as_ref().ok().map(|base| Glance {
                        base: base.clone(),
                        token: s.token.clone(),
                    })
                })
            })
            .flatten()
    }

    /// Whether the re-login dialog is open, untracked and without panicking.
    pub fn try_relogin_needed(&self) -> bool {
        self.relogin_needed.try_get_untracked().unwrap_or(false)
    }

    /// The Glance client for an action the user started. The page frame shows a missing image
    /// service once, so `None` here only means the session ended meanwhile: the error is then
    /// [`ApiError::aborted`], which no view reports as a failure.
    pub fn glance_for_action(&self) -> Result<Glance, ApiError> {
        self.try_glance().ok_or_else(ApiError::aborted)
    }

    /// Why there is no usable Glance endpoint (none in the catalog, or one the browser cannot
    /// call from this page), if that is the case.
    pub fn endpoint_problem(&self) -> Option<CatalogError> {
        self.session
            .with(|s| s.as_ref().and_then(|s| s.image_endpoint.clone().err()))
    }

    /// The current project's id (reactive); empty when logged out.
    pub fn project_id(&self) -> String {
        self.session
            .with(|s| s.as_ref().map(Session::project_id).unwrap_or_default())
    }

    /// True when the current project owns `image`, or the user is an admin: then its
    /// visibility, members and lifecycle are offered (reactive).
    pub fn may_manage(&self, image: &crate::model::Image) -> bool {
        self.session.with(|s| {
            s.as_ref().is_some_and(|s| {
                s.is_admin() || image.owner.as_deref() == s.info.project_id.as_deref()
            })
        })
    }

    /// Runs `reread` each time the session gets a new token after its first one (a re-login
    /// through the dialog), so that a page whose read was refused with the old token reads
    /// again instead of keeping the refusal on screen (`reread` decides whether it must).
    pub fn on_new_token(&self, reread: impl Fn() + 'static) {
        let state = *self;
        let token = Memo::new(move |_| state.session.with(|s| s.as_ref().map(|s| s.token.clone())));
        effect_with_previous(move |before: Option<Option<String>>| {
            let now = token.get();
            if matches!((&before, &now), (Some(Some(old)), Some(new)) if old != new) {
                reread();
            }
            now
        });
    }

    /// Starts (or replaces, after re-login or project switch) the session.
    pub fn establish(&self, session: Session) {
        self.revoke_problem.set(None);
        self.session.set(Some(session));
        self.relogin_needed.set(false);
        self.logged_out.set(false);
    }

    /// Forgets everything about the session (after logout).
    pub fn clear(&self) {
        self.logged_out.set(true);
        self.session.set(None);
        self.relogin_needed.set(false);
    }

    /// Why the last logout could not revoke its token, with the token's expiry (reactive).
    pub fn revoke_problem(&self) -> Option<(ApiError, String)> {
        self.revoke_problem.get()
    }

    /// True after an explicit logout (until the next login).
    pub fn logged_out(&self) -> bool {
        self.logged_out.get_untracked()
    }

    /// Looks at a failed call: a refused token asks the user to log in again. Calls through
    /// the API client report this themselves; uploads and downloads (their own transports)
    /// call this.
    pub fn report(&self, error: &ApiError) {
        if error.is_unauthorized() && self.session.with_untracked(Option::is_some) {
            self.relogin_needed.set(true);
        }
    }

    /// Opens the re-login dialog (expiry reached, or the user chose to renew).
    pub fn request_relogin(&self) {
        self.relogin_needed.set(true);
    }

    pub fn dismiss_relogin(&self) {
        self.relogin_needed.set(false);
    }

    pub fn relogin_needed(&self) -> bool {
        self.relogin_needed.get()
    }
}

/// The session state from context. Only valid below the app's configured root.
pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}
