use crate::components::PageTitle;
use crate::router::A;
use leptos::prelude::*;

use crate::state::use_i18n;

/// The page for an address that matches no route.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="page" id="main">
            <PageTitle page=Signal::derive(move || i18n.t().page_not_found.to_string()) />
            <h1>{move || i18n.t().page_not_found}</h1>
            <A href="/images" exact=true>{move || i18n.t().back_to_catalog}</A>
        </main>
    }
}
