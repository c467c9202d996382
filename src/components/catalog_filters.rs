use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::image_query::{CatalogView, ImageQuery, SortKey};
use crate::components::filter_fields::Fields;
use crate::i18n::Messages;
use crate::model::formats::{CONTAINER_FORMATS, DISK_FORMATS};
use crate::state::use_i18n;

const STATUSES: [&str; 7] = [
    "active",
    "queued",
    "saving",
    "importing",
    "deactivated",
    "killed",
    "pending_delete",
];
const VISIBILITIES: [&str; 4] = ["private", "shared", "public", "community"];

/// The catalog's filter form: every Glance filter of the list call plus "name contains" over
/// the rows of the page (labelled as such). Applying writes the filters into the URL.
#[component]
pub fn CatalogFilters(
    /// The query shown (from the URL).
    query: Memo<ImageQuery>,
    /// Called with the new query (first page) when the user applies or clears.
    #[prop(into)]
    on_apply: Callback<ImageQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let f = Fields::new();
    // Only a change of the applied filters resets the fields: changing sort or page keeps
    // what the user typed but has not applied yet.
    let applied = Memo::new(move |_| {
        let q = query.get();
        ImageQuery {
            view: CatalogView::Mine,
            limit: 0,
            marker: None,
            sort_key: SortKey::Name,
            ascending: true,
            ..q
        }
    });
    Effect::new(move |_| f.load(&applied.get()));

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
            ..Default::default()
        });
    };

    let select = move |id: &'static str,
                       label: fn(&'static Messages) -> &'static str,
                       value: RwSignal<String>,
                       options: Vec<(String, Signal<String>)>| {
        view! {
            <div class="form-field">
                <label for=id>{move || label(i18n.t())}</label>
                <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    {options
                        .into_iter()
                        .map(|(v, text)| {
                            let v2 = v.clone();
                            view! { <option value=v selected=move || value.get() == v2>{move || text.get()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let any = move || {
        (
            String::new(),
            Signal::derive(move || i18n.t().any.to_string()),
        )
    };
    // Format names are technical and shown as they are; Glance's statuses and visibilities
    // are put in words (the option's value stays the raw value).
    let plain = move |values: &[&'static str]| {
        let mut out = vec![any()];
        out.extend(
            values
                .iter()
                .map(|v| (v.to_string(), Signal::stored(v.to_string()))),
        );
        out
    };
    let worded = move |values: &[&'static str], word: fn(&'static Messages, &str) -> String| {
        let mut out = vec![any()];
        out.extend(values.iter().map(|v| {
            let v: &'static str = v;
            (v.to_string(), Signal::derive(move || word(i18n.t(), v)))
        }));
        out
    };
    let yes_no = move || {
        vec![
            any(),
            (
                "true".to_string(),
                Signal::derive(move || i18n.t().yes.to_string()),
            ),
            (
                "false".to_string(),
                Signal::derive(move || i18n.t().no.to_string()),
            ),
        ]
    };
    let input = move |id: &'static str,
                      label: fn(&'static Messages) -> &'static str,
                      value: RwSignal<String>,
                      kind: &'static str| {
        view! {
            <div class="form-field">
                <label for=id>{move || label(i18n.t())}</label>
                // Sizes in MiB may have decimals: without step="any" the browser refuses to
                // submit "0.5" (step mismatch with the default step of 1).
                <input
                    id=id
                    type=kind
                    step=(kind == "number").then_some("any")
                    min=(kind == "number").then_some("0")
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };
    let date_bound = move |id: &'static str,
                           label: fn(&'static Messages) -> &'static str,
                           op: RwSignal<String>,
                           date: RwSignal<String>| {
        view! {
            <div class="form-field">
                <label for=id>{move || label(i18n.t())}</label>
                <span class="filters__date">
                    <select
                        aria-label=move || format!("{} ({} / {})", label(i18n.t()), i18n.t().on_or_after, i18n.t().on_or_before)
                        on:change=move |ev| op.set(event_target_value(&ev))
                    >
                        <option value="after" selected=move || op.get() == "after">{move || i18n.t().on_or_after}</option>
                        <option value="before" selected=move || op.get() == "before">{move || i18n.t().on_or_before}</option>
                    </select>
                    <input id=id type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                </span>
            </div>
        }
    };
    let shows_visibility = move || matches!(query.get().view, CatalogView::Mine | CatalogView::All);

    view! {
        <form class="filters" on:submit=on_submit role="search">
            {input("filter-name", |t| t.filter_name_exact, f.name, "text")}
            {input("filter-contains", |t| t.filter_contains, f.contains, "search")}
            {select("filter-status", |t| t.filter_status, f.status, worded(&STATUSES, |t, v| t.image_status_label(v)))}
            <Show when=shows_visibility>
                {select("filter-visibility", |t| t.filter_visibility, f.visibility, worded(&VISIBILITIES, |t, v| t.visibility_label_of(v)))}
            </Show>
            {select("filter-disk-format", |t| t.filter_disk_format, f.disk_format, plain(&DISK_FORMATS))}
            {select("filter-container-format", |t| t.filter_container_format, f.container_format, plain(&CONTAINER_FORMATS))}
            {input("filter-tag", |t| t.filter_tag, f.tag, "text")}
            {select("filter-protected", |t| t.filter_protected, f.protected, yes_no())}
            {select(
                "filter-hidden",
                |t| t.filter_hidden,
                f.hidden,
                vec![
                    (String::new(), Signal::derive(move || i18n.t().no.to_string())),
                    ("true".to_string(), Signal::derive(move || i18n.t().only_hidden.to_string())),
                ],
            )}
            {input("filter-size-min", |t| t.filter_size_min, f.size_min, "number")}
            {input("filter-size-max", |t| t.filter_size_max, f.size_max, "number")}
            {date_bound("filter-created", |t| t.filter_created, f.created_op, f.created)}
            {date_bound("filter-updated", |t| t.filter_updated, f.updated_op, f.updated)}
            <div class="filters__actions">
                <button type="submit" class="button button--primary">{move || i18n.t().apply_filters}</button>
                <button type="button" class="button" on:click=clear>{move || i18n.t().clear_filters}</button>
            </div>
        </form>
    }
}
