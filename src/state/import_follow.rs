//! Runs an interoperable import and follows it until Glance says it is over.

use std::time::Duration;

use super::follow::{follow, Pace, Round};
use super::page_alive::PageAlive;
use super::SessionState;
use crate::api::import::{import_state, ImportState};
use crate::api::ApiError;
use crate::model::ImageStatus;

/// Asked once a second while answers come; at most 30 s apart while Glance does not answer.
const PACE: Pace = Pace {
    every: Duration::from_secs(1),
    max: Duration::from_secs(30),
};

/// Starts the import described by `body` on image `id` and follows it until the image is
/// active (`Ok(true)`), the import failed (`Err`, with Glance's words from the task when it
/// left any), or the page was left or the user logged out (`Ok(false)`: Glance goes on).
/// `on_status` hears every status the image passes through. Only Glance's own verdict (the
/// image's status, the task's result) ends it as failed: while Glance does not answer or
/// answers 5xx the follower slows down and keeps going, and after a re-login it carries on.
pub async fn import_and_follow(
    session: SessionState,
    on_page: PageAlive,
    id: &str,
    body: &serde_json::Value,
    on_status: impl Fn(ImageStatus) + Clone,
) -> Result<bool, ApiError> {
    let glance = session
        .try_glance()
        .ok_or_else(|| ApiError::network("no session"))?;
    // Tasks of earlier attempts: their failures must not fail this one.
    let earlier: Vec<String> = glance
        .image_tasks(id)
        .await
        .map(|tasks| tasks.into_iter().map(|t| t.id).collect())
        .unwrap_or_default();
    // Sent once: an unanswered start is reported, not repeated (it may have been applied).
    glance.start_import(id, body).await?;
    let id = id.to_string();
    let followed = follow(session, on_page, PACE, move |glance| {
        let id = id.clone();
        let earlier = earlier.clone();
        let on_status = on_status.clone();
        async move {
            let image = glance.image(&id, None).await?;
            // A failed import puts the image back to `queued`; only then is the task list
            // worth reading (Glance keeps the reason there).
            let tasks = if image.status == ImageStatus::Queued {
                glance.image_tasks(&id).await?
            } else {
                Vec::new()
            };
            match import_state(&image.status, &tasks, &earlier) {
                ImportState::Active => Ok(Round::Done(())),
                ImportState::Failed {
                    message,
                    request_id,
                } => Err(ApiError::task(message.unwrap_or_default(), request_id)),
                ImportState::Running(status) => {
                    on_status(status);
                    Ok(Round::Again)
                }
            }
        }
    })
    .await;
    match followed {
        None => Ok(false),
        Some(result) => result.map(|()| true),
    }
}
