use leptos::prelude::*;

use crate::api::image_query::ImageQuery;
use crate::pages::catalog::catalog_href;
use crate::state::use_i18n;

/// First / previous / next page links of the catalog. Glance pages by marker (the image a
/// page starts after); "previous" is the page that ends before this one's first image
/// (`before`, read from Glance in the opposite order), so every link is a plain address and a
/// reload or a shared link of page 3 still offers all three.
///
/// `data-pager` names each link for `index.html`'s script, which puts the keyboard focus back
/// on the same link of the page it leads to.
///
/// Plain links, not the router's `<A>` (the router still handles their clicks): `<A>` marks
/// every link to the page's own path `aria-current="page"`, and these differ only in their
/// query, so a screen reader would call each of them the current page.
#[component]
pub fn Pager(
    /// The query of the page shown.
    query: ImageQuery,
    /// Where Next leads: the marker after this page, if there is a page after it.
    next_marker: Option<String>,
    /// Where Previous leads: the image the previous page ends before, if there is one.
    previous_before: Option<String>,
    /// Whether "First page" is offered (this page is not the first, under any address).
    first_page_link: bool,
    /// Whether the filter bar's "More filters" is open now (the links keep it so).
    #[prop(optional, into)]
    more_filters: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let at = |marker: Option<String>, before: Option<String>| ImageQuery {
        marker,
        before,
        ..query.first_page()
    };
    let next_query = next_marker.map(|m| at(Some(m), None));
    let previous_query = previous_before.map(|b| at(None, Some(b)));
    let first_query = first_page_link.then(|| query.first_page());
    // The page's look may change while this page is shown; the links follow it.
    let href = move |q: ImageQuery| {
        move || {
            catalog_href(&ImageQuery {
                more_filters: more_filters.get(),
                ..q.clone()
            })
        }
    };
    view! {
        <nav class="pager" aria-label=move || i18n.t().pagination>
            {first_query.map(|fq| view! {
                <a href=href(fq) data-pager="first">{move || i18n.t().first_page}</a>
            })}
            {previous_query.map(|pq| view! {
                <a href=href(pq) data-pager="previous">{move || i18n.t().previous_page}</a>
            })}
            {next_query.map(|nq| view! {
                <a href=href(nq) data-pager="next">{move || i18n.t().next_page}</a>
            })}
        </nav>
    }
}
