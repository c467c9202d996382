//! Reactive application state provided through context.

pub mod access;
pub mod bulk;
pub mod edit_drafts;
pub mod effect;
pub mod follow;
pub mod import_follow;
pub mod invitations;
pub mod job;
pub mod last_catalog;
pub mod latest_request;
pub mod left_behind;
pub mod loaded;
pub mod locale;
pub mod members;
pub mod notices;
pub mod page_alive;
pub mod projects;
pub mod reread;
pub mod route_image;
pub mod sequence;
pub mod session;
mod session_record;
pub mod transfer_guard;

pub use locale::{use_i18n, I18n};
pub use session::{use_session, Session, SessionState};
