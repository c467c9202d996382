use crate::router::A;
use leptos::prelude::*;

use crate::state::last_catalog::back_to_catalog_href;
use crate::state::use_i18n;

/// "← Back to images" at the top of the pages below the catalog (detail, invitation, create):
/// to the catalog view last shown to this user in this project (`state::last_catalog`). An
/// exact match, so it is never marked as the current page on a page below `/images`.
#[component]
pub fn BackToCatalog() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <A href=back_to_catalog_href() exact=true>{move || format!("← {}", i18n.t().back_to_catalog)}</A>
    }
}
