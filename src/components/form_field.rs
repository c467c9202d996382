use leptos::prelude::*;

use crate::i18n::Messages;
use crate::state::use_i18n;

/// A labelled form field: a visible `<label for>` and one input or select, so the control's
/// accessible name is exactly the label on screen. `options` makes it a select of those
/// values (shown as they are, e.g. format names, unless `option_label` puts them in words),
/// after a `blank` choice if given; otherwise an input of type `kind`. Children (e.g. the
/// "on or after / on or before" choice of a date) go before the control, within the field.
#[component]
pub fn FormField(
    /// The control's id (what the label points at).
    id: &'static str,
    /// The visible label, which is also the control's accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Hears every change (each keystroke for an input, each choice for a select).
    #[prop(into)]
    on_change: Callback<String>,
    /// The values of a select; empty for an input.
    #[prop(optional)]
    options: &'static [&'static str],
    /// Words for an option's value in the UI language (Glance values such as visibilities).
    #[prop(optional)]
    option_label: Option<fn(&'static Messages, &str) -> String>,
    /// A first option with the empty value (no choice), in words such as "Any".
    #[prop(optional)]
    blank: Option<fn(&'static Messages) -> &'static str>,
    /// The input's type (`text` unless given): `number`, `search`, `date`, …
    #[prop(optional)]
    kind: Option<&'static str>,
    /// The most characters an input takes (Glance's limits, so that a too-long value is not
    /// sent only to be refused).
    #[prop(optional)]
    max_length: Option<u32>,
    /// Controls shown before this one that belong to the same field.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let control = if options.is_empty() {
        let kind = kind.unwrap_or("text");
        // A number here is a size or an amount: decimals allowed (without step="any" the
        // browser refuses to submit "0.5", a step mismatch with the default step of 1).
        let number = kind == "number";
        view! {
            <input
                id=id
                type=kind
                step=number.then_some("any")
                min=number.then_some("0")
                maxlength=max_length
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
        }
        .into_any()
    } else {
        let blank = blank.map(|text| {
            view! { <option value="" selected=move || value.with(String::is_empty)>{move || text(i18n.t())}</option> }
        });
        // `selected` picks the first value (the options do not exist yet when the select's
        // value is first set); `prop:value` follows later changes, which an option's
        // `selected` attribute no longer does once the user has chosen.
        view! {
            <select
                id=id
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {blank}
                // A value from the address that is none of the choices (`?status=bogus`)
                // shows as itself, as the filter's chip does, rather than a blank select.
                {move || {
                    value
                        .with(|now| (!now.is_empty() && !options.contains(&now.as_str())).then(|| now.clone()))
                        .map(|odd| {
                            let text = option_label.map_or_else(|| odd.clone(), |f| f(i18n.t(), &odd));
                            view! { <option value=odd selected=true>{text}</option> }
                        })
                }}
                {options
                    .iter()
                    .map(|v| {
                        let text = move || option_label.map_or_else(|| v.to_string(), |f| f(i18n.t(), v));
                        view! { <option value=*v selected=move || value.with(|now| now == v)>{text}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any()
    };
    let control = match children {
        Some(before) => {
            view! { <span class="form-field__group">{before()} {control}</span> }.into_any()
        }
        None => control,
    };
    view! {
        <div class="form-field">
            <label for=id>{move || label.get()}</label>
            {control}
        </div>
    }
}
