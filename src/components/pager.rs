use leptos::prelude::*;

use crate::api::image_query::ImageQuery;
use crate::pages::catalog::catalog_href;
use crate::state::use_i18n;

/// First / previous / next page links of the catalog. Glance pages by marker, so "previous"
/// needs the markers of the pages before this one: `trail` keeps them (not in the URL, so a
/// reload starts the trail again from "First page").
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
    /// Glance's marker for the next page, if there is one.
    next_marker: Option<String>,
    /// Markers of the pages before this one.
    trail: RwSignal<Vec<Option<String>>>,
    /// Whether the filter bar's "More filters" is open now (the links keep it so).
    #[prop(optional, into)]
    more_filters: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current_marker = query.marker.clone();
    let next_query = next_marker.map(|m| ImageQuery {
        marker: Some(m),
        ..query.clone()
    });
    let first_query = query.marker.is_some().then(|| query.first_page());
    let previous_query = trail
        .with_untracked(|t| t.last().cloned())
        .map(|m| ImageQuery {
            marker: m,
            ..query.clone()
        });
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
                <a href=href(fq) data-pager="first" on:click=move |_| trail.set(Vec::new())>{move || i18n.t().first_page}</a>
            })}
            {previous_query.map(|pq| view! {
                <a href=href(pq) data-pager="previous" on:click=move |_| trail.update(|t| { t.pop(); })>{move || i18n.t().previous_page}</a>
            })}
            {next_query.map(|nq| view! {
                <a href=href(nq) data-pager="next" on:click=move |_| trail.update(|t| t.push(current_marker.clone()))>
                    {move || i18n.t().next_page}
                </a>
            })}
        </nav>
    }
}
