//! After a change that got no clear answer, show what Glance really holds.

use leptos::prelude::*;

use crate::api::client::Glance;
use crate::api::ApiError;
use crate::model::Image;

/// When a change to image `id` failed without a clear refusal (no answer in time, a dropped
/// connection, a 5xx, an unreadable 2xx), Glance may still have applied it: read the image again and show that,
/// so the screen never claims a state Glance does not hold. A refusal that may come from a
/// change made elsewhere (403: protected meanwhile; 409: deactivated, or busy) is read again
/// too, so the buttons fit the image as it is; other refusals changed nothing and say why.
/// Quiet about its own failure: the error on screen stands.
pub async fn reread_if_unclear(
    glance: &Glance,
    id: &str,
    image: RwSignal<Image>,
    error: &ApiError,
) {
    if !error.outcome_unknown() && !matches!(error.status, 403 | 409) {
        return;
    }
    if let Ok(now) = glance.image(id, None).await {
        image.try_set(now);
    }
}
