use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::image_query::ImageQuery;
use crate::pages::catalog::catalog_href;
use crate::state::use_i18n;

thread_local! {
    /// The pager link just followed ("first", "previous", "next"): the page it leads to puts
    /// the keyboard focus back on the same link (the old one is gone with its page).
    static FOLLOWED: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// First / previous / next page links of the catalog. Glance pages by marker, so "previous"
/// needs the markers of the pages before this one: `trail` keeps them (not in the URL, so a
/// reload starts the trail again from "First page").
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
    let followed = |link: &'static str| FOLLOWED.with(|f| f.set(Some(link)));
    let nav = NodeRef::<leptos::html::Nav>::new();
    // A page reached by a pager link: the focus goes back onto that link, or the nearest
    // one left (the last page has no "Next page"; its "Previous page" comes last), unless
    // the user has put it somewhere meanwhile.
    Effect::new(move |_| {
        let Some(link) = FOLLOWED.with(|f| f.take()) else {
            return;
        };
        let Some(nav) = nav.get() else {
            return;
        };
        request_animation_frame(move || {
            if crate::components::focus::active_element().is_some_and(|el| el.is_connected()) {
                return;
            }
            let same = nav
                .query_selector(&format!("[data-pager={link}]"))
                .ok()
                .flatten();
            let target = same.or_else(|| nav.last_element_child());
            if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    });
    view! {
        <nav class="pager" aria-label=move || i18n.t().pagination node_ref=nav>
            {first_query.map(|fq| view! {
                <a href=href(fq) data-pager="first" on:click=move |_| { followed("first"); trail.set(Vec::new()) }>{move || i18n.t().first_page}</a>
            })}
            {previous_query.map(|pq| view! {
                <a href=href(pq) data-pager="previous" on:click=move |_| { followed("previous"); trail.update(|t| { t.pop(); }) }>{move || i18n.t().previous_page}</a>
            })}
            {next_query.map(|nq| view! {
                <a href=href(nq) data-pager="next" on:click=move |_| { followed("next"); trail.update(|t| t.push(current_marker.clone())) }>
                    {move || i18n.t().next_page}
                </a>
            })}
        </nav>
    }
}
