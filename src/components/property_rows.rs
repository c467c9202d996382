//! Custom properties as key/value rows, with a row to add one: the edit form and the create
//! form show them the same way, with the same names for a screen reader.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::api::patch::{custom_key_problem, KeyProblem};
use crate::i18n::Messages;
use crate::state::use_i18n;

/// The add row's state: the key and value typed and not added yet, and why the last key
/// was refused (with the key as it was typed).
#[derive(Clone, Copy)]
pub struct NewProperty {
    pub key: RwSignal<String>,
    pub value: RwSignal<String>,
    pub refused: RwSignal<Option<(KeyProblem, String)>>,
    key_input: ElementRef,
}

impl NewProperty {
    /// An empty add row.
    pub fn new() -> Self {
        Self {
            key: RwSignal::new(String::new()),
            value: RwSignal::new(String::new()),
            refused: RwSignal::new(None),
            key_input: ElementRef::new(),
        }
    }

    /// Whether anything is typed in the add row.
    pub fn typed(&self) -> bool {
        self.key.with_untracked(|k| !k.trim().is_empty())
            || self.value.with_untracked(|v| !v.is_empty())
    }

    /// The typed property, when its key is one a user may set and not already a row
    /// (`exists`): the row is emptied for the next. Otherwise it is marked refused, says why
    /// and takes the focus, and nothing is returned.
    pub fn take(&self, exists: impl Fn(&str) -> bool) -> Option<(String, String)> {
        let key = self.key.get_untracked().trim().to_string();
        let problem = custom_key_problem(&key, exists(&key));
        let refused = problem.is_some();
        self.refused.set(problem.map(|p| (p, key.clone())));
        if refused {
            if let Some(input) = self.key_input.get_untracked() {
                let _ = input.focus();
            }
            return None;
        }
        let value = self.value.get_untracked();
        self.key.set(String::new());
        self.value.set(String::new());
        Some((key, value))
    }

    /// Empties the row and forgets a refusal.
    pub fn clear(&self) {
        self.key.set(String::new());
        self.value.set(String::new());
        self.refused.set(None);
    }
}

impl Default for NewProperty {
    fn default() -> Self {
        Self::new()
    }
}

/// The properties as rows (the key, its value to edit, a remove button named after the key),
/// then the add row ("Property", "Value (Add property)", "Add property"; Enter in either
/// field adds, it does not submit the form) and, when a key was refused, why.
#[component]
pub fn PropertyRows(
    /// The rows, key → value (the table is made again only when a row comes or goes).
    #[prop(into)]
    rows: Signal<BTreeMap<String, String>>,
    /// The table's caption for a screen reader.
    caption: fn(&'static Messages) -> &'static str,
    /// A row's value was typed: (key, value). Kept without making the table again, so the
    /// focus stays in the field.
    #[prop(into)]
    on_value: Callback<(String, String)>,
    /// A row's remove button was pressed: its key.
    #[prop(into)]
    on_remove: Callback<String>,
    /// The add row.
    adding: NewProperty,
    /// "Add property" was pressed (or Enter in the add row).
    #[prop(into)]
    on_add: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_enter_add = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            on_add.run(());
        }
    };
    let table = ElementRef::new();
    // A removed row takes its button, which had the focus, with it: the focus goes to the
    // remove button now in its place (or the last one), or to the add row when none is left.
    let remove = move |index: usize, key: String| {
        on_remove.run(key);
        request_animation_frame(move || {
            let buttons = table
                .get_untracked()
                .and_then(|t| t.query_selector_all("tbody button").ok());
            let count = buttons.as_ref().map_or(0, |b| b.length());
            let next = buttons.and_then(|b| b.item((index as u32).min(count.saturating_sub(1))));
            let focused = next
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
                .is_some_and(|b| count > 0 && b.focus().is_ok());
            if !focused {
                if let Some(input) = adding.key_input.get_untracked() {
                    let _ = input.focus();
                }
            }
        });
    };
    view! {
        <table class="properties" node_ref=table>
            <caption class="visually-hidden">{move || caption(i18n.t())}</caption>
            <tbody>
                {move || rows.get().into_iter().enumerate().map(|(index, (key, value))| {
                    let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key.clone());
                    view! {
                        <tr>
                            <th scope="row">{key}</th>
                            <td>
                                <input
                                    aria-label=move || format!("{} {}", i18n.t().property_value, k1)
                                    prop:value=value
                                    on:input=move |ev| on_value.run((k2.clone(), event_target_value(&ev)))
                                />
                            </td>
                            <td>
                                <button
                                    type="button"
                                    class="button button--small"
                                    aria-label=move || format!("{} {}", i18n.t().remove_property, k3)
                                    on:click=move |_| remove(index, k4.clone())
                                >"×"</button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <div class="edit-image__add">
            <input
                node_ref=adding.key_input
                maxlength="255"
                aria-label=move || i18n.t().property_key
                placeholder=move || i18n.t().property_key
                prop:value=move || adding.key.get()
                on:input=move |ev| {
                    adding.key.set(event_target_value(&ev));
                    adding.refused.set(None);
                }
                on:keydown=on_enter_add
            />
            <input
                aria-label=move || i18n.t().new_property_value
                placeholder=move || i18n.t().property_value
                prop:value=move || adding.value.get()
                on:input=move |ev| adding.value.set(event_target_value(&ev))
                on:keydown=on_enter_add
            />
            <button type="button" class="button" on:click=move |_| on_add.run(())>{move || i18n.t().add_property}</button>
        </div>
        {move || adding.refused.get().map(|(problem, key)| {
            let t = i18n.t();
            let why = match problem {
                KeyProblem::Empty => t.property_key_empty.to_string(),
                KeyProblem::Reserved => t.property_key_reserved.fill(&[&key]),
                KeyProblem::Exists => t.property_key_exists.fill(&[&key]),
            };
            view! { <p class="form-field__error" role="alert">{why}</p> }
        })}
    }
}
