//! One logged-in session as kept in `sessionStorage` (token and Keystone's answer).

use std::sync::Arc;

use crate::api::client::IssuedToken;
use crate::api::config::AppConfig;
use crate::api::endpoint::{image_endpoint_for_page, CatalogError};
use crate::api::keystone::{token_info, TokenInfo};
use crate::browser;
use crate::format::parse_timestamp_ms;

/// Placeholder until [`Session::resolve_endpoint`] runs (a restored session has no endpoint).
fn unresolved() -> Result<String, CatalogError> {
    Err(CatalogError::NoImageService)
}

/// How the user logged in, without secrets: what a re-login starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginMethod {
    Password {
        user_name: String,
        user_domain: String,
        project_name: String,
        project_domain: String,
    },
    ApplicationCredential {
        id: String,
    },
}

impl LoginMethod {
    /// Read off Keystone's answer: an application credential's id, or the user's and the
    /// project's names as Keystone spells them. The project is the current one, so a
    /// re-login after a project switch lands in the project on screen.
    pub fn of_token(info: &TokenInfo) -> Self {
        match &info.application_credential_id {
            Some(id) => LoginMethod::ApplicationCredential { id: id.clone() },
            None => LoginMethod::Password {
                user_name: info.user_name.clone(),
                user_domain: info.user_domain.clone(),
                project_name: info.project_name.clone().unwrap_or_default(),
                project_domain: info.project_domain.clone().unwrap_or_default(),
            },
        }
    }
}

/// One logged-in, project-scoped session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token: String,
    pub info: TokenInfo,
    /// Keystone's token answer as it came: stored, and decoded again on a reload by the
    /// decoder of the login itself (one decoder, no second format of the token details).
    answer: Arc<str>,
    /// Glance base URL, or why none could be found in the catalog. Not stored: chosen again
    /// from the catalog and the current `config.json` when a session is restored.
    pub image_endpoint: Result<String, CatalogError>,
}

// The session as `sessionStorage` holds it (`glance-share.session`): `{"token": <the token>,
// "answer": <Keystone's answer>}` (whose `token.expires_at` index.html's warm start reads too).

impl Session {
    /// Builds the session from a fresh token, choosing the image endpoint per config.
    pub fn new(issued: IssuedToken, config: &AppConfig) -> Self {
        Self {
            token: issued.token,
            info: issued.info,
            answer: issued.answer.into(),
            image_endpoint: unresolved(),
        }
        .resolve_endpoint(config)
    }

    /// The session stored by [`Session::to_storage`], if `text` is one (the image endpoint
    /// still to resolve).
    pub fn from_storage(text: &str) -> Option<Self> {
        let stored = serde_json::from_str::<serde_json::Value>(text).ok()?;
        let token = stored.get("token")?.as_str()?.to_string();
        // A token no request could carry (edited in storage): logged out, not a dead page.
        if !crate::api::keystone::usable_token(&token) {
            return None;
        }
        // Read by the login's own decoder, and kept as stored.
        let answer = stored.get("answer")?;
        let info = token_info(answer).ok()?;
        Some(Self {
            token,
            info,
            answer: answer.to_string().into(),
            image_endpoint: unresolved(),
        })
    }

    /// The text [`Session::from_storage`] reads back.
    pub fn to_storage(&self) -> Option<String> {
        let token = serde_json::to_string(&self.token).ok()?;
        Some(format!(r#"{{"token":{token},"answer":{}}}"#, self.answer))
    }

    /// Chooses the image endpoint per `config` for this page (see [`image_endpoint_for_page`]).
    pub fn resolve_endpoint(mut self, config: &AppConfig) -> Self {
        self.image_endpoint =
            image_endpoint_for_page(&self.info.catalog, config, browser::page_is_https());
        self
    }

    /// How the user logged in (see [`LoginMethod::of_token`]).
    pub fn login_method(&self) -> LoginMethod {
        LoginMethod::of_token(&self.info)
    }

    /// Expiry in epoch milliseconds, if Keystone's timestamp is readable.
    pub fn expires_at_ms(&self) -> Option<i64> {
        parse_timestamp_ms(&self.info.expires_at)
    }

    pub fn project_id(&self) -> String {
        self.info.project_id.clone().unwrap_or_default()
    }

    /// True when the user has the admin role in this project (may see every image).
    pub fn is_admin(&self) -> bool {
        self.info.roles.iter().any(|r| r == "admin")
    }
}
