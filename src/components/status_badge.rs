use leptos::prelude::*;

use crate::model::{ImageStatus, Visibility};
use crate::state::use_i18n;

/// A readable, colour-coded badge for an image status (`status-badge--active`, …), in the UI
/// language; the raw Glance value stays in `data-status` for operators and tests.
#[component]
pub fn StatusBadge(
    /// The status to show.
    status: ImageStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let modifier = match &status {
        ImageStatus::Active => "active",
        ImageStatus::Queued
        | ImageStatus::Saving
        | ImageStatus::Uploading
        | ImageStatus::Importing => "busy",
        ImageStatus::Deactivated => "inactive",
        ImageStatus::Killed | ImageStatus::Deleted | ImageStatus::PendingDelete => "failed",
        ImageStatus::Other(_) => "other",
    };
    let raw = status.as_str().to_string();
    let text = {
        let raw = raw.clone();
        move || i18n.t().image_status_label(&raw)
    };
    view! {
        <span class=format!("status-badge status-badge--{modifier}") data-status=raw>{text}</span>
    }
}

/// An image's visibility in words of the UI language; the raw value in `data-visibility`.
#[component]
pub fn VisibilityName(
    /// The visibility to show.
    visibility: Visibility,
) -> impl IntoView {
    let i18n = use_i18n();
    let raw = visibility.as_str().to_string();
    let text = {
        let raw = raw.clone();
        move || i18n.t().visibility_label_of(&raw)
    };
    view! { <span class="visibility-name" data-visibility=raw>{text}</span> }
}
