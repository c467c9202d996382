//! One file per route.

pub mod access;
pub mod catalog;
pub mod config_error;
pub mod create_image;
pub mod image_detail;
pub mod invitation;
pub mod login;
pub mod not_found;

pub use access::AccessPage;
pub use catalog::CatalogPage;
pub use config_error::{ConfigErrorPage, ConfigProblem};
pub use create_image::CreateImagePage;
pub use image_detail::ImageDetailPage;
pub use invitation::InvitationPage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
