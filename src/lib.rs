//! Glance Share: a browser app for sharing OpenStack images.
//!
//! Data flows one way: config → session (Keystone) → API client (Glance) → state → components.

pub mod api;
pub mod format;
pub mod i18n;
pub mod model;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod lazy_pages;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod state;
