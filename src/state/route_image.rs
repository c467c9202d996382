//! The image named by the route's `:id`, read from Glance: shared by the detail page and the
//! invitation page, which both show one image and must follow the same rules.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::latest_request::LatestRequest;
use super::use_session;
use crate::api::ApiError;
use crate::model::Image;

/// What Glance answered for the route's image, with the id it was asked for. `None` inside
/// means there is no image service in the token's catalog.
pub type RouteImageAnswer = Option<(String, Result<Image, ApiError>)>;

/// Reads the image whose id is the route's `:id` parameter.
///
/// It is read again when the id or the current project changes, not when only the token does
/// (a re-login keeps what is on screen). A newer read aborts the older one, and leaving the
/// page aborts the read in flight, so a late answer never lands on another page. On a reload
/// of the same page the request goes out before the app runs (the warm start).
pub fn use_route_image() -> LocalResource<RouteImageAnswer> {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let project = Memo::new(move |_| session.project_id());
    let latest = LatestRequest::aborted_on_cleanup();
    LocalResource::new(move || {
        let id = id.get();
        project.track();
        let glance = session.try_glance();
        let signal = latest.next_signal();
        async move {
            let glance = glance?;
            let result = glance.image_shown(&id, signal.as_ref()).await;
            Some((id, result))
        }
    })
}
