//! The new record's fields on the create page.

use leptos::prelude::*;

use super::form::FormState;
use crate::api::create::NewImage;
use crate::components::property_rows::PropertyRows;
use crate::components::FormField;
use crate::i18n::Messages;
use crate::model::formats::{CONTAINER_FORMATS, DISK_FORMATS};
use crate::state::use_i18n;

const VISIBILITIES: [&str; 4] = ["private", "shared", "community", "public"];

/// Name, formats, visibility, minimum disk and RAM, protected, tags and custom properties of
/// the record to create. Hidden (not removed) when the page sends data to an existing record.
#[component]
pub fn RecordFields(
    /// The form they belong to.
    form: FormState,
    /// True when the page works on an existing record.
    #[prop(into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let record = form.record;
    let label = move |text: fn(&'static Messages) -> &'static str| {
        Signal::derive(move || text(i18n.t()).to_string())
    };
    let field = move |id: &'static str,
                      text: fn(&'static Messages) -> &'static str,
                      options: &'static [&'static str],
                      get: fn(&NewImage) -> String,
                      set: fn(&mut NewImage, String)| {
        view! {
            <FormField
                id=id
                label=label(text)
                options=options
                value=Signal::derive(move || record.with(get))
                on_change=move |v: String| record.update(|r| set(r, v))
            />
        }
    };
    view! {
        <div class="create-image__record" hidden=move || hidden.get()>
            <FormField
                id="new-name"
                label=label(|t| t.field_name)
                max_length=crate::api::create::NAME_MAX_CHARS
                value=Signal::derive(move || record.with(|r| r.name.clone()))
                on_change=move |v: String| record.update(|r| r.name = v)
            />
            <div class="edit-image__row">
                <div class="create-image__format" on:change=move |_| form.format_chosen.set(true)>
                    {field("new-disk-format", |t| t.col_disk_format, &DISK_FORMATS, |r| r.disk_format.clone(), |r, v| r.disk_format = v)}
                </div>
                {field("new-container-format", |t| t.field_container_format, &CONTAINER_FORMATS, |r| r.container_format.clone(), |r, v| r.container_format = v)}
                <FormField
                    id="new-visibility"
                    label=label(|t| t.col_visibility)
                    options=&VISIBILITIES
                    option_label=|t: &'static Messages, v: &str| t.visibility_label_of(v)
                    value=Signal::derive(move || record.with(|r| r.visibility.clone()))
                    on_change=move |v: String| record.update(|r| r.visibility = v)
                />
                // Kept as typed; checked to be whole numbers on "Create image".
                <FormField id="new-min-disk" label=label(|t| t.field_min_disk) value=form.min_disk on_change=move |v| form.min_disk.set(v) />
                <FormField id="new-min-ram" label=label(|t| t.field_min_ram) value=form.min_ram on_change=move |v| form.min_ram.set(v) />
            </div>
            <label class="create-image__check">
                <input type="checkbox" prop:checked=move || record.with(|r| r.protected) on:change=move |ev| record.update(|r| r.protected = event_target_checked(&ev)) />
                " " {move || i18n.t().protected_label}
            </label>
            <FormField id="new-tags" label=label(|t| t.tags_comma) value=form.tags on_change=move |v| form.tags.set(v) />
            <h2 class="create-image__properties">{move || i18n.t().custom_properties}</h2>
            <PropertyRows
                rows=form.properties
                caption=|t| t.custom_properties
                on_value=move |(key, value): (String, String)| form.properties.update_untracked(|p| { p.insert(key, value); })
                on_remove=move |key: String| form.properties.update(|p| { p.remove(&key); })
                adding=form.new_property
                on_add=move |_| { form.add_typed_property(); }
            />
        </div>
    }
}
