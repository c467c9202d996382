//! Following long work at Glance (an import, data still being processed): one polling loop
//! bound to the page that started it, shared by the detail page and the create page.
//!
//! A follower never says "failed" unless Glance says so: no answer, a dropped connection or a
//! 5xx only slow it down (see [`Backoff`]); a refused token waits for the re-login the API
//! layer asked for and then carries on with the new token; leaving the page stops it.

use std::future::Future;
use std::time::Duration;

use super::page_alive::PageAlive;
use super::SessionState;
use crate::api::backoff::Backoff;
use crate::api::client::Glance;
use crate::api::ApiError;
use crate::model::Image;

/// What one round of a follower found.
pub enum Round<T> {
    /// The work is over (either way Glance says).
    Done(T),
    /// Still going: ask again after the pace.
    Again,
}

/// How often a follower asks while answers come, and at most how far apart while they do not.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    pub every: Duration,
    pub max: Duration,
}

/// While the re-login dialog is open, how often the follower looks whether it is done.
const RELOGIN_CHECK: Duration = Duration::from_secs(1);

/// Runs `round` with the session's current Glance handle until it returns [`Round::Done`]
/// (`Some(Ok)`), Glance answers with a definite failure (`Some(Err)`, e.g. 404 or a failed
/// task), or the page is left or the user logs out (`None`). Transient failures back off;
/// a 401 waits for the re-login and goes on.
pub async fn follow<T, F, Fut>(
    session: SessionState,
    on_page: PageAlive,
    pace: Pace,
    mut round: F,
) -> Option<Result<T, ApiError>>
where
    F: FnMut(Glance) -> Fut,
    Fut: Future<Output = Result<Round<T>, ApiError>>,
{
    let mut backoff = Backoff::new(pace.every, pace.max);
    loop {
        if !on_page.get() {
            return None;
        }
        if session.try_relogin_needed() {
            gloo_timers::future::sleep(RELOGIN_CHECK).await;
            continue;
        }
        // Read each round: a re-login or token renewal gives a new handle.
        let glance = session.try_glance()?;
        match round(glance).await {
            Ok(Round::Done(value)) => return Some(Ok(value)),
            Ok(Round::Again) => backoff.answered(),
            Err(e) if e.is_aborted() => return None,
            // The API layer already opened the re-login dialog; the next rounds wait for it.
            Err(e) if e.is_unauthorized() => backoff.answered(),
            Err(e) if e.is_transient() => backoff.unanswered(),
            Err(e) => return Some(Err(e)),
        }
        if !on_page.get() {
            return None;
        }
        gloo_timers::future::sleep(backoff.delay()).await;
    }
}

/// Reads image `id` until Glance has settled its data (not queued-with-work, saving,
/// uploading or importing any more), telling `on_change` every version it reads. Returns the
/// settled image, Glance's refusal (e.g. the image was deleted), or `None` (page left).
pub async fn image_until_settled(
    session: SessionState,
    on_page: PageAlive,
    id: String,
    pace: Pace,
    on_change: impl Fn(&Image) + Clone,
) -> Option<Result<Image, ApiError>> {
    follow(session, on_page, pace, move |glance| {
        let id = id.clone();
        let on_change = on_change.clone();
        async move {
            let image = glance.image(&id, None).await?;
            on_change(&image);
            Ok(if image.data_in_progress() {
                Round::Again
            } else {
                Round::Done(image)
            })
        }
    })
    .await
}
