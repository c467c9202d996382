//! Routes whose page code the first screen (login, catalog) does not need. With the `split`
//! feature (release builds, scripts/build-release.sh) each `#[lazy]` function goes into its own
//! wasm chunk that the browser fetches on the first visit of the route; without it (trunk
//! serve, tests) the same routes are plain async views in the one wasm.

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::pages::CreateImagePage;

/// The create page's view; in split builds its code is a chunk loaded on first use.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn create_page_view() -> AnyView {
    view! { <CreateImagePage /> }.into_any()
}

/// Route `/images/new` (create, upload, import), loaded lazily in split builds.
#[derive(Debug)]
pub struct CreateRoute;

impl LazyRoute for CreateRoute {
    fn data() -> Self {
        CreateRoute
    }

    async fn view(_this: Self) -> AnyView {
        create_page_view().await
    }
}
