//! The image named by the route's `:id`, read from Glance: shared by the detail page and the
//! invitation page, which both show one image and must follow the same rules.

use crate::router::use_location;
use leptos::prelude::*;

use super::latest_request::LatestRequest;
use super::loaded::Loaded;
use super::use_session;
use crate::api::url::image_page_id;
use crate::api::ApiError;
use crate::model::Image;

/// What Glance answered for the route's image, with the id it was asked for. `None` inside
/// means there is no image service in the token's catalog.
pub type RouteImageAnswer = Option<(String, Result<Image, ApiError>)>;

/// The route's image, in context for the parts of its page that learn first that it is gone
/// for this project (the sharing panel: its owner withdrew the invitation, or deleted it):
/// reading it again makes the whole page say so.
#[derive(Clone, Copy)]
pub struct RouteImage {
    answer: Loaded<RouteImageAnswer>,
    /// Set when the page itself deleted the image: it is being left, nothing to read again.
    deleted_here: StoredValue<bool>,
}

impl RouteImage {
    /// Reads the page's image again (a no-op once the page is gone, or after its own Delete:
    /// the read would only fetch a 404 while the page leaves).
    pub fn reread(&self) {
        if !self.was_deleted() && !self.answer.is_disposed() {
            self.answer.refetch();
        }
    }

    /// Whether the page deleted its image.
    pub fn was_deleted(&self) -> bool {
        self.deleted_here.try_get_value().unwrap_or(true)
    }

    /// The page deleted its image (Glance said so): later re-reads are skipped.
    pub fn mark_deleted(&self) {
        self.deleted_here.try_set_value(true);
    }

    /// The page's own view of it, for a component that may be on such a page.
    pub fn here() -> Option<Self> {
        use_context::<Self>()
    }
}

/// After a change to the page's image refused with 404 (deleted meanwhile, or no longer
/// visible to this project), the page reads it again and says so ("not found"), instead of
/// a generic error beside controls that can only fail again.
pub fn reread_if_gone(page: Option<RouteImage>, error: &ApiError) {
    if let (404, Some(page)) = (error.status, page) {
        page.reread();
    }
}

/// The id the address names (`/images/<id>`, `/invitations/<id>`), decoded once (see
/// [`image_page_id`]). While the page is being left for another address, the last one stays:
/// nothing is read for the catalog's path.
pub fn route_id() -> Memo<String> {
    let location = use_location();
    Memo::new(move |previous: Option<&String>| {
        location
            .pathname
            .with(|path| image_page_id(path))
            .or_else(|| previous.cloned())
            .unwrap_or_default()
    })
}

/// Reads the image whose id is the route's `:id` parameter (and provides [`RouteImage`]).
///
/// It is read again when the id or the current project changes, not when only the token does
/// (a re-login keeps what is on screen), unless the token was refused (then the re-login
/// reads it again). A newer read aborts the older one, and leaving the
/// page aborts the read in flight, so a late answer never lands on another page. On a reload
/// of the same page the request goes out before the app runs (the warm start).
pub fn use_route_image() -> Loaded<RouteImageAnswer> {
    let session = use_session();
    let id = route_id();
    let project = Memo::new(move |_| session.project_id());
    let latest = LatestRequest::aborted_on_cleanup();
    let image = Loaded::new(move || {
        let id = id.get();
        // Read, not only tracked: a memo nobody reads is never computed, so it would never
        // learn of a project switch (and the effect reading it would never run again).
        project.with(|_| ());
        let glance = session.try_glance();
        let signal = latest.next_signal();
        async move {
            let glance = glance?;
            let result = glance.image_shown(&id, signal.as_ref()).await;
            Some((id, result))
        }
    });
    // A read refused with a token that has since been replaced (a re-login) is read again.
    session.on_new_token(move || {
        let refused = image
            .with_untracked(|answer| matches!(answer, Some(Some((_, Err(e)))) if e.status == 401));
        if refused {
            image.refetch();
        }
    });
    provide_context(RouteImage {
        answer: image,
        deleted_here: StoredValue::new(false),
    });
    image
}
