//! The catalog filter form's fields, each one [`FormField`], and which of them the filter
//! bar shows at once on each tab.

use leptos::prelude::*;

use crate::api::image_query::CatalogView;
use crate::components::filter_fields::Fields;
use crate::components::FormField;
use crate::i18n::Messages;
use crate::model::formats::{CONTAINER_FORMATS, DISK_FORMATS};
use crate::state::use_i18n;

const STATUSES: [&str; 8] = [
    "active",
    "queued",
    "saving",
    "uploading",
    "importing",
    "deactivated",
    "killed",
    "pending_delete",
];
const VISIBILITIES: [&str; 4] = ["private", "shared", "public", "community"];
const YES_NO: [&str; 2] = ["true", "false"];
const ONLY_HIDDEN: [&str; 1] = ["true"];

/// The fields of the catalog filter form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Name,
    Contains,
    Status,
    Visibility,
    DiskFormat,
    ContainerFormat,
    Tag,
    Protected,
    Hidden,
    SizeMin,
    SizeMax,
    Created,
    Updated,
}

impl FilterField {
    /// Every field but the name, in the form's order.
    const OTHERS: [FilterField; 12] = [
        FilterField::Contains,
        FilterField::Status,
        FilterField::Visibility,
        FilterField::DiskFormat,
        FilterField::ContainerFormat,
        FilterField::Tag,
        FilterField::Protected,
        FilterField::Hidden,
        FilterField::SizeMin,
        FilterField::SizeMax,
        FilterField::Created,
        FilterField::Updated,
    ];

    /// The filter most used on `view`, shown beside the name. Invitations are nearly always
    /// of active images (an owner shares what works), so the status narrows little there;
    /// the disk format tells whether an image fits where it will be used.
    pub fn primary(view: CatalogView) -> Self {
        match view {
            CatalogView::Invitations => FilterField::DiskFormat,
            _ => FilterField::Status,
        }
    }

    /// The fields behind "More filters" on `view` (the visibility only where it narrows).
    pub fn more(view: CatalogView) -> Vec<Self> {
        let primary = Self::primary(view);
        Self::OTHERS
            .into_iter()
            .filter(|f| *f != primary)
            .filter(|f| *f != FilterField::Visibility || view.takes_visibility_filter())
            .collect()
    }
}

/// The "on or after / on or before" choice of a date field, named after it.
fn date_op(op: RwSignal<String>, label: fn(&'static Messages) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let name = move || {
        let t = i18n.t();
        t.with_note(label(t), format!("{} / {}", t.on_or_after, t.on_or_before))
    };
    view! {
        <select aria-label=name prop:value=move || op.get() on:change=move |ev| op.set(event_target_value(&ev))>
            <option value="after" selected=move || op.get() == "after">{move || i18n.t().on_or_after}</option>
            <option value="before" selected=move || op.get() == "before">{move || i18n.t().on_or_before}</option>
        </select>
    }
}

/// The form control of `which`, bound to its field of `f`. Labels and ids are those the
/// form always had (tests and users find the fields by them).
pub fn filter_input(f: Fields, which: FilterField) -> AnyView {
    let i18n = use_i18n();
    let label = move |text: fn(&'static Messages) -> &'static str| {
        Signal::derive(move || text(i18n.t()).to_string())
    };
    let any = |t: &'static Messages| t.any;
    use FilterField as F;
    match which {
        F::Name => view! {
            <FormField id="filter-name" label=label(|t| t.filter_name_exact) max_length=crate::api::create::NAME_MAX_CHARS value=f.name on_change=move |v| f.name.set(v) />
        }
        .into_any(),
        F::Contains => view! {
            <FormField id="filter-contains" kind="search" label=label(|t| t.filter_contains) value=f.contains on_change=move |v| f.contains.set(v) />
        }
        .into_any(),
        F::Status => view! {
            <FormField
                id="filter-status"
                label=label(|t| t.filter_status)
                options=&STATUSES
                blank=any
                option_label=|t: &'static Messages, v: &str| t.image_status_label(v)
                value=f.status
                on_change=move |v| f.status.set(v)
            />
        }
        .into_any(),
        F::Visibility => view! {
            <FormField
                id="filter-visibility"
                label=label(|t| t.filter_visibility)
                options=&VISIBILITIES
                blank=any
                option_label=|t: &'static Messages, v: &str| t.visibility_label_of(v)
                value=f.visibility
                on_change=move |v| f.visibility.set(v)
            />
        }
        .into_any(),
        F::DiskFormat => view! {
            <FormField id="filter-disk-format" label=label(|t| t.filter_disk_format) options=&DISK_FORMATS blank=any value=f.disk_format on_change=move |v| f.disk_format.set(v) />
        }
        .into_any(),
        F::ContainerFormat => view! {
            <FormField id="filter-container-format" label=label(|t| t.filter_container_format) options=&CONTAINER_FORMATS blank=any value=f.container_format on_change=move |v| f.container_format.set(v) />
        }
        .into_any(),
        F::Tag => view! {
            <FormField id="filter-tag" label=label(|t| t.filter_tag) value=f.tag on_change=move |v| f.tag.set(v) />
        }
        .into_any(),
        F::Protected => view! {
            <FormField
                id="filter-protected"
                label=label(|t| t.filter_protected)
                options=&YES_NO
                blank=any
                option_label=|t: &'static Messages, v: &str| (if v == "true" { t.yes } else { t.no }).to_string()
                value=f.protected
                on_change=move |v| f.protected.set(v)
            />
        }
        .into_any(),
        F::Hidden => view! {
            <FormField
                id="filter-hidden"
                label=label(|t| t.filter_hidden)
                options=&ONLY_HIDDEN
                blank=|t: &'static Messages| t.no
                option_label=|t: &'static Messages, _: &str| t.only_hidden.to_string()
                value=f.hidden
                on_change=move |v| f.hidden.set(v)
            />
        }
        .into_any(),
        F::SizeMin => view! {
            <FormField id="filter-size-min" kind="number" label=label(|t| t.filter_size_min) value=f.size_min on_change=move |v| f.size_min.set(v) />
        }
        .into_any(),
        F::SizeMax => view! {
            <FormField id="filter-size-max" kind="number" label=label(|t| t.filter_size_max) value=f.size_max on_change=move |v| f.size_max.set(v) />
        }
        .into_any(),
        F::Created => view! {
            <FormField id="filter-created" kind="date" label=label(|t| t.filter_created) value=f.created on_change=move |v| f.created.set(v)>
                {date_op(f.created_op, |t| t.filter_created)}
            </FormField>
        }
        .into_any(),
        F::Updated => view! {
            <FormField id="filter-updated" kind="date" label=label(|t| t.filter_updated) value=f.updated on_change=move |v| f.updated.set(v)>
                {date_op(f.updated_op, |t| t.filter_updated)}
            </FormField>
        }
        .into_any(),
    }
}
