use crate::router::use_navigate;
use crate::router::NavigateOptions;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::state::effect::effect;

use crate::api::image_query::{CatalogView, ImageQuery, SortKey};
use crate::components::filter_fields::Fields;
use crate::components::filter_inputs::{filter_input, FilterField};
use crate::components::DisclosureButton;
use crate::pages::catalog::catalog_href;
use crate::state::use_i18n;

/// The catalog's filter bar: the exact name and the tab's most used filter in one row with
/// Apply, Clear and "More filters", which shows every other Glance filter of the list call
/// plus "name contains" over the rows of the page. Whether "More filters" is open is kept in
/// the URL with the filters. Applying writes the filters into the URL. (The chips of the
/// filters applied, [`crate::components::FilterChips`], go right below.)
#[component]
pub fn CatalogFilters(
    /// The query shown (from the URL).
    query: Memo<ImageQuery>,
    /// Called with the new query (first page) when the user applies, clears or removes a
    /// filter.
    #[prop(into)]
    on_apply: Callback<ImageQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let f = Fields::new();
    // Only a change of the applied filters resets the fields: changing sort or page, or
    // opening "More filters", keeps what the user typed but has not applied yet.
    let applied = Memo::new(move |_| {
        let q = query.get();
        ImageQuery {
            view: CatalogView::Mine,
            limit: 0,
            marker: None,
            sort_key: SortKey::Name,
            ascending: true,
            more_filters: false,
            ..q
        }
    });
    effect(move || f.load(&applied.get()));
    let view = Memo::new(move |_| query.get().view);
    let open = Memo::new(move |_| query.get().more_filters);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_apply.run(f.to_query(&query.get_untracked()));
    };
    let clear = move |_| {
        let q = query.get_untracked();
        on_apply.run(ImageQuery {
            view: q.view,
            limit: q.limit,
            sort_key: q.sort_key,
            ascending: q.ascending,
            more_filters: q.more_filters,
            ..Default::default()
        });
    };
    // Same rows, same page: only the URL's record of the disclosure changes (replacing the
    // history entry, so Back leaves the catalog instead of toggling the form).
    let toggle = move |_| {
        let q = query.get_untracked();
        let href = catalog_href(&ImageQuery {
            more_filters: !q.more_filters,
            ..q
        });
        navigate(
            &href,
            NavigateOptions {
                replace: true,
                scroll: false,
            },
        );
    };

    view! {
        <form class="filters" on:submit=on_submit role="search">
            <div class="filters__bar">
                {filter_input(f, FilterField::Name)}
                {move || filter_input(f, FilterField::primary(view.get()))}
                <div class="filters__actions">
                    <button type="submit" class="button button--primary">{move || i18n.t().apply_filters}</button>
                    <button type="button" class="button" on:click=clear>{move || i18n.t().clear_filters}</button>
                    <DisclosureButton
                        class="button filters__more-toggle"
                        controls="more-filters"
                        open=open
                        label=Signal::derive(move || i18n.t().more_filters.to_string())
                        on_toggle=toggle
                    />
                </div>
            </div>
            <div class="filters__more" id="more-filters" hidden=move || !open.get()>
                {move || FilterField::more(view.get()).into_iter().map(|w| filter_input(f, w)).collect_view()}
            </div>
        </form>
    }
}
