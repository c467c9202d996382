//! Reusable UI pieces, one concept per file.

pub mod copy_button;
pub mod error_message;
pub mod expiry_banner;
pub mod header;
pub mod image_row;
pub mod language_switcher;
pub mod login_form;
pub mod project_switcher;
pub mod relogin_dialog;
pub mod status_badge;

pub use copy_button::CopyButton;
pub use error_message::ErrorMessage;
pub use expiry_banner::ExpiryBanner;
pub use header::Header;
pub use image_row::ImageRow;
pub use language_switcher::LanguageSwitcher;
pub use login_form::LoginForm;
pub use project_switcher::ProjectSwitcher;
pub use relogin_dialog::ReloginDialog;
pub use status_badge::StatusBadge;
