use crate::components::shown_when::shown_when;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::job::Job;

use crate::api::patch::{image_patch, ImageEdit};
use crate::api::ApiError;
use crate::components::property_rows::{NewProperty, PropertyRows};
use crate::components::ErrorMessage;
use crate::i18n::{failure_words, Messages, Words};
use crate::model::Image;
use crate::state::edit_drafts::{self, EditDraft};
use crate::state::left_behind::LeftBehind;
use crate::state::route_image::{reread_if_gone, RouteImage};
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
/// What was typed and not saved when the page is left comes back on the next visit to the
/// image (in this tab), with a note and a way to discard it.
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
    // Why the last Add tag added nothing (a blank field, a tag the image has), said beside
    // the field instead of nothing happening; the typed text stays.
    let tag_note = RwSignal::new(None::<fn(&Messages) -> &'static str>);
    let adding = NewProperty::new();
    // Minimum disk and RAM as typed: the fields are not re-rendered from the number while
    // the user types (a "-" alone would turn into "0"), and Save refuses what is not a
    // whole number instead of sending another number.
    let disk_text = RwSignal::new(edit.with_untracked(|e| e.min_disk.to_string()));
    let ram_text = RwSignal::new(edit.with_untracked(|e| e.min_ram.to_string()));
    // Bumped when the form takes new values from Glance: only then are the fields rewritten.
    let loaded = Trigger::new();
    let number_problem = RwSignal::new(None::<&'static str>);
    // True while the form shows a draft left on an earlier visit and not saved since.
    let restored = RwSignal::new(false);
    let user_id = session
        .get_untracked()
        .map(|s| s.info.user_id)
        .unwrap_or_default();
    let image_id = base.with_untracked(|b| b.id.clone());
    if let Some(draft) = edit_drafts::take(&image_id, &user_id) {
        base.set(draft.base);
        edit.set(draft.edit);
        disk_text.set(draft.disk_text);
        ram_text.set(draft.ram_text);
        new_tag.set(draft.new_tag);
        adding.key.set(draft.new_key);
        adding.value.set(draft.new_value);
        restored.set(true);
    }

    // The form shows `img` as Glance holds it now (and the page too).
    let load = move |img: Image| {
        let values = ImageEdit::from_image(&img);
        disk_text.try_set(values.min_disk.to_string());
        ram_text.try_set(values.min_ram.to_string());
        edit.try_set(values);
        base.try_set(img.clone());
        image.try_set(img);
        // (A no-op once the form is gone.)
        loaded.notify();
    };

    let left_behind = LeftBehind::here();
    let page = RouteImage::here();
    let save = Job::new_local(move |_: &()| {
        let glance = session.glance_for_action();
        let started_from = base.get_untracked();
        let wanted = edit.get_untracked();
        let typed = (disk_text.get_untracked(), ram_text.get_untracked());
        let left_behind = left_behind.clone();
        let name = started_from.name_in_text().into_owned();
        async move {
            let saved = async {
                let glance = glance?;
                let current = glance.image(&started_from.id, None).await?;
                // Changed elsewhere means a field of this form changed: the app's own updates
                // (visibility, protect, hide, deactivate) also move `updated_at`, and must not
                // make the user's edit look stale.
                if ImageEdit::from_image(&current) != ImageEdit::from_image(&started_from) {
                    load(current);
                    return Ok::<Saved, ApiError>(Saved::ChangedElsewhere);
                }
                let patch = image_patch(&current, &wanted);
                if patch.as_array().is_some_and(Vec::is_empty) {
                    edit_drafts::after_save(&started_from.id, &wanted, &current);
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
                // A draft kept by leaving while this save ran: gone if this save holds it all.
                edit_drafts::after_save(&started_from.id, &wanted, &updated);
                // What the user typed while the save ran stays in the form, to be saved next.
                let typed_since = edit.try_with_untracked(|e| *e != wanted).unwrap_or(true)
                    || disk_text.try_get_untracked() != Some(typed.0)
                    || ram_text.try_get_untracked() != Some(typed.1);
                if !typed_since {
                    load(updated);
                } else {
                    base.try_set(updated.clone());
                    image.try_set(updated);
                }
                Ok(Saved::Done)
            }
            .await;
            // The page was left while saving: its messages are gone, the notice area says it.
            let save_words = |t: &'static crate::i18n::Messages| t.save;
            match &saved {
                Ok(Saved::Done) => {
                    left_behind.report(name, save_words, Ok(Words::new(|t| t.saved.to_string())))
                }
                Ok(Saved::ChangedElsewhere) => left_behind.report(
                    name,
                    save_words,
                    Err(Words::new(|t| t.changed_elsewhere.to_string())),
                ),
                Err(e) => {
                    reread_if_gone(page, e);
                    left_behind.report(name, save_words, Err(failure_words(e)))
                }
                Ok(Saved::NothingChanged) => {}
            }
            saved
        }
    });

    // Leaving keeps what was typed and not saved, a save on its way too: if that save fails
    // (its outcome is said where the user is), the typing comes back on the next visit; if it
    // succeeds, it drops the draft (`edit_drafts::after_save`). The form's signals are still
    // there while its cleanups run.
    on_cleanup(move || {
        let text = |s: RwSignal<String>| s.try_get_untracked().unwrap_or_default();
        let (Some(base), Some(edit)) = (base.try_get_untracked(), edit.try_get_untracked()) else {
            return;
        };
        edit_drafts::keep(
            &image_id,
            EditDraft {
                user_id,
                base,
                edit,
                disk_text: disk_text.try_get_untracked().unwrap_or_default(),
                ram_text: ram_text.try_get_untracked().unwrap_or_default(),
                new_tag: text(new_tag),
                new_key: text(adding.key),
                new_value: text(adding.value),
            },
        );
    });
    // Back to the image as Glance holds it, dropping the draft.
    let discard = move |_| {
        new_tag.set(String::new());
        tag_note.set(None);
        adding.clear();
        number_problem.set(None);
        restored.set(false);
        load(image.get_untracked());
        // The banner goes with the button that had the focus: on to the form's first field.
        request_animation_frame(|| {
            let name = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("edit-name"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(name) = name {
                let _ = name.focus();
            }
        });
    };

    // An edit after a save: "Saved." (or "Nothing to save.") no longer describes what the form
    // holds, so it goes until the next Save. Errors stay: they say what to correct.
    let edited = move || {
        let outcome_stale = save
            .value()
            .with_untracked(|r| matches!(r, Some(Ok(Saved::Done | Saved::NothingChanged))));
        if outcome_stale && !save.pending().get_untracked() {
            save.value().set(None);
        }
    };
    let add_tag = move |asked: bool| {
        let tag = new_tag.get_untracked().trim().to_string();
        let present = edit.with_untracked(|e| e.tags.contains(&tag));
        if tag.is_empty() || present {
            // Saving with a blank field or a tag the image has is no mistake: nothing to say.
            if asked {
                tag_note.set(Some(if present {
                    |t| t.tag_present
                } else {
                    |t| t.tag_blank
                }));
            }
            if present && !asked {
                new_tag.set(String::new());
            }
            return;
        }
        tag_note.set(None);
        edit.update(|e| e.tags.push(tag));
        new_tag.set(String::new());
        edited();
    };
    // Adds the property typed in the add row; says whether it could.
    let add_property = move || {
        let taken = adding.take(|k| edit.with_untracked(|e| e.properties.contains_key(k)));
        let added = taken.is_some();
        if let Some((key, value)) = taken {
            edit.update(|e| {
                e.properties.insert(key, value);
            });
            edited();
        }
        added
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // A tag or property typed but not added yet is part of what the user saves.
        tag_note.set(None);
        add_tag(false);
        let typed_property = adding.typed();
        // A refused Save leaves no earlier outcome ("Saved.") beside the refusal.
        let refuse = || save.value().set(None);
        if typed_property && !add_property() {
            refuse();
            return;
        }
        let number =
            |text: RwSignal<String>| text.with_untracked(|t| crate::format::whole_number(t));
        match (number(disk_text), number(ram_text)) {
            (Some(disk), Some(ram)) => {
                number_problem.set(None);
                restored.set(false);
                edit.update(|e| {
                    e.min_disk = disk;
                    e.min_ram = ram;
                });
                save.dispatch(());
            }
            (disk, _) => {
                let field = if disk.is_none() {
                    "edit-min-disk"
                } else {
                    "edit-min-ram"
                };
                // Marked aria-invalid: index.html's script puts the focus on it.
                number_problem.set(Some(field));
                refuse();
            }
        }
    };
    // One minimum field: shows what was typed, marks itself when Save refused it.
    let number_field = move |id: &'static str,
                             label: fn(&'static crate::i18n::Messages) -> &'static str,
                             text: RwSignal<String>| {
        let refused = move || number_problem.get() == Some(id);
        let error_id = format!("{id}-error");
        let error_id2 = error_id.clone();
        view! {
            <div class="form-field">
                <label for=id>{move || label(i18n.t())}</label>
                // A text box, as on the create page: what was typed stays as typed (a number
                // box empties itself on "1e"), and Save says when it is not a whole number.
                <input
                    id=id
                    type="text"
                    inputmode="numeric"
                    aria-invalid=move || refused().then_some("true")
                    aria-describedby=move || refused().then(|| error_id.clone())
                    prop:value=move || {
                        loaded.track();
                        text.get_untracked()
                    }
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        if refused() {
                            number_problem.set(None);
                        }
                    }
                />
                // Made only when there is something to say: an empty alert is still one to
                // a screen reader's list of alerts.
                {shown_when(refused, move || view! {
                    <span id=error_id2.clone() class="form-field__error" role="alert">
                        {move || i18n.t().whole_number_needed}
                    </span>
                }.into_any())}
            </div>
        }
    };
    let tags = Memo::new(move |_| edit.with(|e| e.tags.clone()));
    // A removed tag's button goes with it: the focus goes to the button that takes its place
    // (the next tag's, or the last one's), or to the tag field when none is left, once the
    // list shows the change.
    let tag_list = ElementRef::new();
    let tag_field = ElementRef::new();
    let focus_after_tag_removal = move |index: usize| {
        request_animation_frame(move || {
            let buttons = tag_list
                .get_untracked()
                .map(|list| crate::components::focus::focusables(&list))
                .unwrap_or_default();
            let target = buttons
                .get(index)
                .or(buttons.last())
                .cloned()
                .or_else(|| tag_field.get_untracked());
            if let Some(target) = target {
                let _ = target.focus();
            }
        });
    };
    let properties = Memo::new(move |_| edit.with(|e| e.properties.clone()));
    // Typed values are kept without making the table again (which would take the focus
    // away), so Save or Enter has every keystroke.
    let set_value = move |(key, value): (String, String)| {
        edit.update_untracked(|e| {
            e.properties.insert(key, value);
        })
    };

    let unsaved = move || {
        image
            .with(|held| edit.with(|e| image_patch(held, e)))
            .as_array()
            .is_some_and(|ops| !ops.is_empty())
    };
    view! {
        // novalidate: the form checks its numbers itself and says why in the page (the
        // browser's own bubble is not read with the field and goes away).
        // Any typing in the form (name, minimums, a property's value) is an edit too.
        <form class="edit-image" on:submit=on_submit on:input=move |_| edited() novalidate>
            <h2>{move || i18n.t().edit_title}</h2>
            {shown_when(move || restored.get(), move || view! {
                <p class="banner banner--warning edit-image__draft">
                    <span class="banner__text">{move || i18n.t().draft_kept}</span>
                    <button type="button" class="button button--small" on:click=discard>{move || i18n.t().discard_changes}</button>
                </p>
            }.into_any())}
            <div class="edit-image__row">
                <div class="form-field">
                    <label for="edit-name">{move || i18n.t().field_name}</label>
                    <input id="edit-name" maxlength=crate::api::create::NAME_MAX_CHARS prop:value=move || edit.with(|e| e.name.clone()) on:input=move |ev| edit.update(|e| e.name = event_target_value(&ev)) />
                </div>
                {number_field("edit-min-disk", |t| t.field_min_disk, disk_text)}
                {number_field("edit-min-ram", |t| t.field_min_ram, ram_text)}
            </div>
            <h3>{move || i18n.t().field_tags}</h3>
            <ul class="tags" node_ref=tag_list>
                {move || tags.get().into_iter().enumerate().map(|(index, tag)| {
                    let t = tag.clone();
                    view! {
                        <li class="tag">
                            {tag.clone()}
                            <button
                                type="button"
                                class="tag__remove"
                                aria-label=move || format!("{} {}", i18n.t().remove_tag, t)
                                on:click=move |_| {
                                    // A note about the field ("type a tag first") is stale now.
                                    tag_note.set(None);
                                    edit.update(|e| e.tags.retain(|x| x != &tag));
                                    edited();
                                    focus_after_tag_removal(index);
                                }
                            >"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="edit-image__add">
                <input
                    node_ref=tag_field
                    aria-label=move || i18n.t().add_tag
                    aria-describedby="edit-tag-note"
                    maxlength="255"
                    prop:value=move || new_tag.get()
                    on:input=move |ev| { tag_note.set(None); new_tag.set(event_target_value(&ev)); }
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_tag(true); }
                />
                <button type="button" class="button" on:click=move |_| add_tag(true)>{move || i18n.t().add_tag}</button>
            </div>
            // Only while there is something to say: the form's one status otherwise is the
            // outcome of Save.
            {move || tag_note.get().map(|words| view! {
                <p id="edit-tag-note" class="form-field__hint" role="status">{words(i18n.t())}</p>
            })}
            // Named as the table it heads: the view above is headed "Custom properties" already,
            // and two headings of one name on a page cannot be told apart in a list of them.
            <h3>{move || i18n.t().edit_properties_caption}</h3>
            <PropertyRows
                rows=properties
                caption=|t| t.edit_properties_caption
                on_value=set_value
                on_remove=move |key: String| {
                    edit.update(|e| { e.properties.remove(&key); });
                    edited();
                }
                adding=adding
                on_add=move |_| { add_property(); }
            />
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
                    // A tag or property added shows at once, as if it were applied: it is not
                    // until Save (the image as Glance holds it differs from the form).
                    _ if unsaved() => Some(i18n.t().edit_unsaved),
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
