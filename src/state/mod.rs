//! Reactive application state provided through context.

pub mod abort;
pub mod invitations;
pub mod locale;
pub mod on_page;
pub mod projects;
pub mod session;
pub mod transfer_guard;

pub use locale::{use_i18n, I18n};
pub use session::{use_session, Session, SessionState};
