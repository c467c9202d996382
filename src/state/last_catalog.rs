//! The catalog view the user last looked at, so that "Back to images" on the detail, invitation
//! and create pages returns to that tab, filter, sort and page instead of the first page of
//! "My images".

use leptos::prelude::*;

use super::session::SessionState;

/// Where the catalog is: its app URL, remembered per user and project (another user of the
/// tab, or a list of another project, whose `marker` would name no image of this one, starts
/// from the catalog's first page).
#[derive(Clone, Copy)]
pub struct LastCatalog {
    last: RwSignal<Option<(String, String)>>,
}

/// What a remembered view belongs to: the user and the project of the session.
fn scope(session: &SessionState) -> Option<String> {
    session
        .get()
        .map(|s| format!("{} {}", s.info.user_id, s.project_id()))
}

impl LastCatalog {
    /// Creates the (empty) memory and provides it.
    pub fn provide() {
        provide_context(Self {
            last: RwSignal::new(None),
        });
    }

    /// Remembers `href` (an app URL of the catalog, `/images…`) as the view last shown.
    pub fn remember(&self, session: &SessionState, href: String) {
        if let Some(scope) = scope(session) {
            self.last.try_set(Some((scope, href)));
        }
    }

    /// The app URL of the catalog view to go back to (reactive): the one last shown to this
    /// user in this project, or the catalog's first page.
    pub fn href(&self, session: &SessionState) -> String {
        let scope = scope(session);
        self.last
            .with(|last| match (last, scope) {
                (Some((of, href)), Some(now)) if *of == now => Some(href.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "/images".to_string())
    }
}

/// The catalog link's target for the current session (reactive): the last catalog view shown,
/// or `/images` when the app provides no memory.
pub fn back_to_catalog_href() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let last = use_context::<LastCatalog>();
    let session = super::use_session();
    move || match last {
        Some(last) => last.href(&session),
        None => "/images".to_string(),
    }
}
