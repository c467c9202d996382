//! The number of pending invitations (images shared with this project awaiting an answer),
//! shown as a badge on every page.

use std::collections::HashSet;

use leptos::prelude::*;

use super::loaded::Loaded;
use super::use_session;
use crate::api::image_query::{list_images_path, CatalogView, ImageQuery, OWN_PAGES_SKIPPED};

/// Invitations are listed this many at a time for the badge; more shows as "100+" would.
const BADGE_LIMIT: u32 = 100;

/// How often the count is read again while the tab is shown: another project may share an
/// image at any time, and moving between pages no longer re-reads it.
const REFRESH_EVERY_MS: u32 = 60_000;

/// What one read of the count was for: the project and the refresh number it answers.
type Asked = (String, u32);

/// The pending-invitation count in context; [`Invitations::refresh`] re-reads it after an
/// accept or reject.
#[derive(Clone, Copy)]
pub struct Invitations {
    count: Loaded<Option<(Asked, usize)>>,
    version: RwSignal<u32>,
    project_id: Memo<String>,
    /// Images whose answer (accept, reject, back to pending) has been sent and not yet
    /// answered: "Accept all" leaves them out, and their own buttons wait.
    answering: RwSignal<HashSet<String>>,
}

impl Invitations {
    pub fn provide() -> Self {
        let session = use_session();
        let version = RwSignal::new(0u32);
        let project_id = Memo::new(move |_| session.project_id());
        let count = Loaded::new(move || {
            let asked = (session.project_id(), version.get());
            let glance = session.glance();
            let project_id = asked.0.clone();
            async move {
                let glance = glance?;
                let query = ImageQuery {
                    view: CatalogView::Invitations,
                    limit: BADGE_LIMIT,
                    ..Default::default()
                };
                let mut answer = glance
                    .list_images(&list_images_path(&query, &project_id), None)
                    .await;
                // Past pages of nothing but this project's own shared images (Glance lists
                // them too), as the Invitations tab does.
                for _ in 0..OWN_PAGES_SKIPPED {
                    let Some(marker) = answer
                        .as_ref()
                        .ok()
                        .and_then(|p| query.view.skip_marker(p, &project_id))
                    else {
                        break;
                    };
                    let on = ImageQuery {
                        marker: Some(marker),
                        ..query.clone()
                    };
                    answer = glance
                        .list_images(&list_images_path(&on, &project_id), None)
                        .await;
                }
                match answer {
                    Ok(page) => Some((
                        asked,
                        page.images
                            .iter()
                            .filter(|i| i.owner.as_deref() != Some(project_id.as_str()))
                            .count(),
                    )),
                    Err(_) => None,
                }
            }
        });
        let invitations = Self {
            count,
            version,
            project_id,
            answering: RwSignal::new(HashSet::new()),
        };
        invitations.refresh_while_shown();
        provide_context(invitations);
        invitations
    }

    /// Re-reads the count on a timer while the tab is visible, and when the tab becomes
    /// visible again; both stop with the frame that provided the count (logout).
    fn refresh_while_shown(self) {
        let timer = gloo_timers::callback::Interval::new(REFRESH_EVERY_MS, move || {
            if crate::browser::tab_visible() {
                self.refresh();
            }
        });
        // Dropping the interval cancels it: it lives as long as this owner.
        StoredValue::new_local(timer);
        let on_visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if crate::browser::tab_visible() {
                self.refresh();
            }
        });
        on_cleanup(move || on_visible.remove());
    }

    /// The latest known count (reactive); `None` while unknown. The last answer stays
    /// until the next one arrives, so an answer for the previous project or from before an
    /// accept may still be held: it is not shown.
    pub fn count(&self) -> Option<usize> {
        // `try_`: on logout the frame that owns these goes in the same update.
        let current = (self.project_id.try_get()?, self.version.try_get()?);
        self.count
            .try_get()
            .flatten()
            .flatten()
            .and_then(|(asked, n)| (asked == current).then_some(n))
    }

    /// Notes that answers for `image_ids` are being sent.
    pub fn begin_answers<'a>(&self, image_ids: impl IntoIterator<Item = &'a String>) {
        let _ = self
            .answering
            .try_update(|set| set.extend(image_ids.into_iter().cloned()));
    }

    /// Notes that the answers for `image_ids` came back (or failed).
    pub fn end_answers<'a>(&self, image_ids: impl IntoIterator<Item = &'a String>) {
        let _ = self.answering.try_update(|set| {
            for id in image_ids {
                set.remove(id);
            }
        });
    }

    /// Whether an answer for `image_id` is on its way (reactive).
    pub fn is_answering(&self, image_id: &str) -> bool {
        self.answering
            .try_with(|set| set.contains(image_id))
            .unwrap_or(false)
    }

    /// Re-reads the count from Glance.
    pub fn refresh(&self) {
        // `try_`: called from bulk runs that may outlive the frame that provided this.
        let _ = self.version.try_update(|v| *v = v.wrapping_add(1));
    }
}

/// The invitation counter from context.
pub fn use_invitations() -> Invitations {
    expect_context::<Invitations>()
}
