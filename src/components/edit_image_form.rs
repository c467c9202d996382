use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::patch::{image_patch, is_editable_custom, ImageEdit};
use crate::api::ApiError;
use crate::components::ErrorMessage;
use crate::model::Image;
use crate::state::{use_i18n, use_session};

/// What saving ended with, besides an error.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Saved {
    Done,
    NothingChanged,
    ChangedElsewhere,
}

/// Edits an image's name, minimum disk and RAM, tags (added and removed inline) and custom
/// properties. Saving sends a JSON patch of only what changed. If someone else changed the
/// image since the form was filled, nothing is sent: the form reloads the current values.
#[component]
pub fn EditImageForm(
    /// The image, updated with Glance's answer.
    image: RwSignal<Image>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The image the form started from, to diff against and detect concurrent changes.
    let base = RwSignal::new(image.get_untracked());
    let edit = RwSignal::new(ImageEdit::from_image(&base.get_untracked()));
    let new_tag = RwSignal::new(String::new());
    let new_key = RwSignal::new(String::new());
    let new_value = RwSignal::new(String::new());
    let key_problem = RwSignal::new(false);

    let save = Action::new_local(move |_: &()| {
        let glance = session.glance_for_action();
        let started_from = base.get_untracked();
        let wanted = edit.get_untracked();
        async move {
            let glance = glance?;
            let current = glance.image(&started_from.id, None).await?;
            // Changed elsewhere means a field of this form changed: the app's own updates
            // (visibility, protect, hide, deactivate) also move `updated_at`, and must not
            // make the user's edit look stale.
            if ImageEdit::from_image(&current) != ImageEdit::from_image(&started_from) {
                base.set(current.clone());
                edit.set(ImageEdit::from_image(&current));
                image.set(current);
                return Ok::<Saved, ApiError>(Saved::ChangedElsewhere);
            }
            let patch = image_patch(&current, &wanted);
            if patch.as_array().is_some_and(Vec::is_empty) {
                return Ok(Saved::NothingChanged);
            }
            let updated = match glance.patch_image(&started_from.id, &patch).await {
                Ok(updated) => updated,
                Err(e) => {
                    // No clear answer: show what Glance holds. If it holds what the user
                    // asked for, the change was made: the form's base follows, so saving
                    // again is "nothing changed", not "changed elsewhere". The form keeps
                    // what was typed either way.
                    if e.outcome_unknown() {
                        if let Ok(now) = glance.image(&started_from.id, None).await {
                            if ImageEdit::from_image(&now) == wanted {
                                base.try_set(now.clone());
                            }
                            image.try_set(now);
                        }
                    }
                    return Err(e);
                }
            };
            base.set(updated.clone());
            edit.set(ImageEdit::from_image(&updated));
            image.set(updated);
            Ok(Saved::Done)
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        save.dispatch(());
    };
    let add_tag = move || {
        let tag = new_tag.get_untracked().trim().to_string();
        if !tag.is_empty() {
            edit.update(|e| {
                if !e.tags.contains(&tag) {
                    e.tags.push(tag);
                }
            });
            new_tag.set(String::new());
        }
    };
    let add_property = move || {
        let key = new_key.get_untracked().trim().to_string();
        let ok =
            is_editable_custom(&key) && !edit.with_untracked(|e| e.properties.contains_key(&key));
        key_problem.set(!ok);
        if ok {
            edit.update(|e| {
                e.properties.insert(key, new_value.get_untracked());
            });
            new_key.set(String::new());
            new_value.set(String::new());
        }
    };
    let number = move |text: String| text.trim().parse::<u64>().unwrap_or(0);

    view! {
        <form class="edit-image" on:submit=on_submit>
            <h2>{move || i18n.t().edit_title}</h2>
            <div class="edit-image__row">
                <div class="form-field">
                    <label for="edit-name">{move || i18n.t().field_name}</label>
                    <input id="edit-name" maxlength=crate::api::create::NAME_MAX_CHARS prop:value=move || edit.with(|e| e.name.clone()) on:input=move |ev| edit.update(|e| e.name = event_target_value(&ev)) />
                </div>
                <div class="form-field">
                    <label for="edit-min-disk">{move || i18n.t().field_min_disk}</label>
                    <input id="edit-min-disk" type="number" min="0" prop:value=move || edit.with(|e| e.min_disk.to_string()) on:input=move |ev| edit.update(|e| e.min_disk = number(event_target_value(&ev))) />
                </div>
                <div class="form-field">
                    <label for="edit-min-ram">{move || i18n.t().field_min_ram}</label>
                    <input id="edit-min-ram" type="number" min="0" prop:value=move || edit.with(|e| e.min_ram.to_string()) on:input=move |ev| edit.update(|e| e.min_ram = number(event_target_value(&ev))) />
                </div>
            </div>
            <h3>{move || i18n.t().field_tags}</h3>
            <ul class="tags">
                {move || edit.with(|e| e.tags.clone()).into_iter().map(|tag| {
                    let t = tag.clone();
                    view! {
                        <li class="tag">
                            {tag.clone()}
                            <button
                                type="button"
                                class="tag__remove"
                                aria-label=move || format!("{} {}", i18n.t().remove_tag, t)
                                on:click=move |_| edit.update(|e| e.tags.retain(|x| x != &tag))
                            >"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="edit-image__add">
                <input
                    aria-label=move || i18n.t().add_tag
                    prop:value=move || new_tag.get()
                    on:input=move |ev| new_tag.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_tag(); }
                />
                <button type="button" class="button" on:click=move |_| add_tag()>{move || i18n.t().add_tag}</button>
            </div>
            <h3>{move || i18n.t().custom_properties}</h3>
            <table class="properties">
                <caption class="visually-hidden">{move || i18n.t().edit_properties_caption}</caption>
                <tbody>
                    {move || edit.with(|e| e.properties.clone()).into_iter().map(|(key, value)| {
                        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
                        view! {
                            <tr>
                                <th scope="row">{key.clone()}</th>
                                <td>
                                    <input
                                        aria-label=move || format!("{} {}", i18n.t().property_value, k1)
                                        prop:value=value
                                        on:change=move |ev| edit.update(|e| { e.properties.insert(k2.clone(), event_target_value(&ev)); })
                                    />
                                </td>
                                <td>
                                    <button
                                        type="button"
                                        class="button button--small"
                                        aria-label=move || format!("{} {}", i18n.t().remove_property, k3)
                                        on:click=move |_| edit.update(|e| { e.properties.remove(&key); })
                                    >"×"</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="edit-image__add">
                <input aria-label=move || i18n.t().property_key placeholder=move || i18n.t().property_key prop:value=move || new_key.get() on:input=move |ev| new_key.set(event_target_value(&ev)) />
                <input aria-label=move || i18n.t().new_property_value placeholder=move || i18n.t().property_value prop:value=move || new_value.get() on:input=move |ev| new_value.set(event_target_value(&ev)) />
                <button type="button" class="button" on:click=move |_| add_property()>{move || i18n.t().add_property}</button>
            </div>
            <Show when=move || key_problem.get()>
                <p class="form-field__error" role="alert">{move || i18n.t().bad_property_key}</p>
            </Show>
            <button type="submit" class="button button--primary" disabled=move || save.pending().get()>
                {move || if save.pending().get() { i18n.t().saving } else { i18n.t().save }}
            </button>
            // The outcome's status stays in the page and changes its words, so a screen reader
            // reads each save's outcome (a status made anew with its text is not read out).
            <p class="edit-image__status" role="status">
                // Empty while a save runs, so the same outcome twice is read out twice.
                {move || save.value().with(|r| match r {
                    _ if save.pending().get() => None,
                    Some(Ok(Saved::Done)) => Some(i18n.t().saved),
                    Some(Ok(Saved::NothingChanged)) => Some(i18n.t().nothing_changed),
                    _ => None,
                })}
            </p>
            {move || save.value().get().and_then(|r| match r {
                Ok(Saved::ChangedElsewhere) => Some(view! { <p class="banner banner--warning" role="alert">{i18n.t().changed_elsewhere}</p> }.into_any()),
                Err(e) => Some(view! { <ErrorMessage error=e /> }.into_any()),
                Ok(_) => None,
            })}
        </form>
    }
}
