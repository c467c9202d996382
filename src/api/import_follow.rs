//! Runs an interoperable import and follows it until Glance says it is over.

use std::time::Duration;

use super::client::Glance;
use super::error::ApiError;
use super::import::{import_state, ImportState};
use crate::model::ImageStatus;

/// How often the image is asked for while Glance imports.
const POLL_EVERY: Duration = Duration::from_secs(1);

/// Starts the import described by `body` on image `id` and polls until the image is active
/// (`Ok(true)`), the import failed (`Err`, with Glance's words from the task when it left
/// any), or `keep_going` turns false (`Ok(false)`: the page was left; Glance goes on).
/// `on_status` hears every status the image passes through.
pub async fn import_and_follow(
    glance: &Glance,
    id: &str,
    body: &serde_json::Value,
    keep_going: impl Fn() -> bool,
    mut on_status: impl FnMut(ImageStatus),
) -> Result<bool, ApiError> {
    // Tasks of earlier attempts: their failures must not fail this one.
    let earlier: Vec<String> = glance
        .image_tasks(id)
        .await
        .map(|tasks| tasks.into_iter().map(|t| t.id).collect())
        .unwrap_or_default();
    glance.start_import(id, body).await?;
    loop {
        if !keep_going() {
            return Ok(false);
        }
        let image = glance.image(id, None).await?;
        // A failed import puts the image back to `queued`; only then is the task list worth
        // reading (Glance keeps the reason there).
        let tasks = if image.status == ImageStatus::Queued {
            glance.image_tasks(id).await.unwrap_or_default()
        } else {
            Vec::new()
        };
        match import_state(&image.status, &tasks, &earlier) {
            ImportState::Active => return Ok(true),
            ImportState::Failed {
                message,
                request_id,
            } => return Err(ApiError::task(message.unwrap_or_default(), request_id)),
            ImportState::Running(status) => on_status(status),
        }
        gloo_timers::future::sleep(POLL_EVERY).await;
    }
}
