use leptos::prelude::*;

use crate::model::ImageStatus;

/// A readable, colour-coded badge for an image status (`status-badge--active`, …).
#[component]
pub fn StatusBadge(
    /// The status to show.
    status: ImageStatus,
) -> impl IntoView {
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
    let text = status.as_str().replace('_', " ");
    view! { <span class=format!("status-badge status-badge--{modifier}")>{text}</span> }
}
