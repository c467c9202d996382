//! Everything about talking to Keystone and Glance. Knows HTTP, nothing of Leptos.
//!
//! Request building and response decoding are pure functions (tested natively); the
//! `client` module runs them through the browser's fetch.

pub mod access;
pub mod active_filter;
pub mod backoff;
pub mod catalog_view;
pub mod checksum;
pub mod config;
pub mod create;
pub mod date_bound;
pub mod disk_sniff;
pub mod endpoint;
pub mod error;
pub mod image_answer;
pub mod image_query;
pub mod import;
pub mod json_fields;
pub mod keystone;
pub mod member_answer;
pub mod members;
pub mod patch;
pub mod stall;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod call;
#[cfg(target_arch = "wasm32")]
pub mod client;

pub use error::{ApiError, ErrorKind, Service};

#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod upload;
#[cfg(target_arch = "wasm32")]
pub mod warm_start;
