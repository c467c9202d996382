//! One chip per filter the catalog applies, each with a button that takes it away.

use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::components::shown_when::shown_when;
use crate::state::effect::effect;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::active_filter::ActiveFilter;
use crate::api::image_query::ImageQuery;
use crate::format::mib::mib_text;
use crate::i18n::Messages;
use crate::state::use_i18n;

/// A chip's filter name, its value in words, and whether that value is the user's own text
/// (kept from translation tools).
fn chip_parts(t: &'static Messages, filter: &ActiveFilter) -> (&'static str, String, bool) {
    use ActiveFilter as F;
    let date = |b: &crate::api::image_query::DateBound| {
        let op = if b.after {
            t.on_or_after
        } else {
            t.on_or_before
        };
        format!("{op} {}", b.date)
    };
    match filter {
        F::Name(v) => (t.filter_name_exact, v.clone(), true),
        F::Contains(v) => (t.filter_contains, v.clone(), true),
        F::Status(v) => (t.filter_status, t.image_status_label(v), false),
        F::Visibility(v) => (t.filter_visibility, t.visibility_label_of(v), false),
        F::DiskFormat(v) => (t.filter_disk_format, v.clone(), true),
        F::ContainerFormat(v) => (t.filter_container_format, v.clone(), true),
        F::Tag(v) => (t.filter_tag, v.clone(), true),
        F::Protected(b) => (
            t.filter_protected,
            (if *b { t.yes } else { t.no }).into(),
            false,
        ),
        F::Hidden(b) => (
            t.filter_hidden,
            (if *b { t.only_hidden } else { t.no }).into(),
            false,
        ),
        F::SizeMin(n) => (t.filter_size_min, mib_text(Some(*n)), false),
        F::SizeMax(n) => (t.filter_size_max, mib_text(Some(*n)), false),
        F::Created(b) => (t.filter_created, date(b), false),
        F::Updated(b) => (t.filter_updated, date(b), false),
    }
}

/// The filters of `query` as chips ("Status: Active ×"). A chip's button (named "Remove
/// filter Status: Active") applies the query without that filter at once, from the first
/// page; focus then moves to the chip that took its place, or to the name field when none
/// is left, never to the page body.
#[component]
pub fn FilterChips(
    /// The query shown (from the URL).
    query: Memo<ImageQuery>,
    /// Called with the query without the removed filter.
    #[prop(into)]
    on_remove: Callback<ImageQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let filters = Memo::new(move |_| query.get().active_filters());
    let area = ElementRef::new();
    // Index of the chip just removed, until the chips without it are drawn.
    let refocus = StoredValue::new(None::<usize>);
    effect(move || {
        let left = filters.with(Vec::len);
        let Some(index) = refocus.get_value() else {
            return;
        };
        refocus.set_value(None);
        set_timeout(
            move || {
                // (try_: the catalog may be gone by the time the timer fires.)
                let chip = area.get_untracked().and_then(|a| {
                    let buttons = a.query_selector_all("button").ok()?;
                    let at = index.min(left.checked_sub(1)?);
                    buttons.item(at as u32)?.dyn_into::<HtmlElement>().ok()
                });
                let target = chip.or_else(|| {
                    let doc = web_sys::window()?.document()?;
                    doc.get_element_by_id("filter-name")?
                        .dyn_into::<HtmlElement>()
                        .ok()
                });
                if let Some(el) = target {
                    let _ = el.focus();
                }
            },
            std::time::Duration::from_millis(0),
        );
    });

    let chips = move || {
        let t = i18n.t();
        filters
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, filter)| {
                let (label, value, user_text) = chip_parts(t, &filter);
                let name = t
                    .remove_filter
                    .fill(&[&&format!("{label}{}{value}", t.label_separator)]);
                let remove = move |_| {
                    refocus.set_value(Some(index));
                    on_remove.run(query.get_untracked().without(&filter));
                };
                // The button's name says it all ("Remove filter Status: Active"), so screen
                // readers skip the visible text instead of reading it twice. The name is the
                // button's own text, not an aria-label, so a search by label ("Status") finds
                // the form field only.
                view! {
                    <li class="filter-chip">
                        <span class="filter-chip__text" aria-hidden="true">
                            {label}{t.label_separator}
                            <span translate=user_text.then_some("no")>{value}</span>
                        </span>
                        <button type="button" class="filter-chip__remove" on:click=remove>
                            <span class="visually-hidden">{name}</span>
                            <span aria-hidden="true">"×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="filter-chips" node_ref=area>
            {shown_when(move || filters.with(|f| !f.is_empty()), move || view! {
                <ul class="filter-chips__list" aria-label=move || i18n.t().active_filters>
                    {chips}
                </ul>
            }.into_any())}
        </div>
    }
}
