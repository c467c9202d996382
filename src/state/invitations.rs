//! The number of pending invitations (images shared with this project awaiting an answer),
//! shown as a badge on every page.

use leptos::prelude::*;

use super::use_session;
use crate::api::image_query::{list_images_path, CatalogView, ImageQuery};

/// Invitations are listed this many at a time for the badge; more shows as "100+" would.
const BADGE_LIMIT: u32 = 100;

/// The pending-invitation count in context; [`Invitations::refresh`] re-reads it after an
/// accept or reject.
#[derive(Clone, Copy)]
pub struct Invitations {
    count: LocalResource<Option<usize>>,
    version: RwSignal<u32>,
}

impl Invitations {
    pub fn provide() -> Self {
        let session = use_session();
        let version = RwSignal::new(0u32);
        let count = LocalResource::new(move || {
            version.track();
            let glance = session.glance();
            let project_id = session.project_id();
            async move {
                let glance = glance?;
                let query = ImageQuery {
                    view: CatalogView::Invitations,
                    limit: BADGE_LIMIT,
                    ..Default::default()
                };
                match glance
                    .list_images(&list_images_path(&query, &project_id), None)
                    .await
                {
                    Ok(page) => Some(
                        page.images
                            .iter()
                            .filter(|i| i.owner.as_deref() != Some(project_id.as_str()))
                            .count(),
                    ),
                    Err(e) => {
                        session.report(&e);
                        None
                    }
                }
            }
        });
        let invitations = Self { count, version };
        provide_context(invitations);
        invitations
    }

    /// The latest known count (reactive); `None` while unknown.
    pub fn count(&self) -> Option<usize> {
        self.count.get().flatten()
    }

    /// Re-reads the count from Glance.
    pub fn refresh(&self) {
        self.version.update(|v| *v = v.wrapping_add(1));
    }
}

/// The invitation counter from context.
pub fn use_invitations() -> Invitations {
    expect_context::<Invitations>()
}
