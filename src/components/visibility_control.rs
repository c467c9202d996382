use leptos::ev::FocusEvent;
use leptos::prelude::*;

use crate::state::effect::effect_with_previous;

use crate::state::job::Job;
use wasm_bindgen::JsCast;

use crate::components::settle::Settle;
use crate::components::{ActionError, ConfirmDialog};
use crate::i18n::{failure_words, Words};
use crate::model::{Image, Visibility};
use crate::state::left_behind::LeftBehind;
use crate::state::reread::reread_if_unclear;
use crate::state::route_image::{reread_if_gone, RouteImage};
use crate::state::{use_i18n, use_session};

/// The four visibilities, each with its one-line explanation where it is chosen. A choice is
/// sent at once when clicked; made by keyboard, on Enter or when the focus leaves the choices
/// (or the page is left): arrow keys move a radio group's choice one value per key press, and
/// no value passed on the way, however long the user rests on it to hear its explanation, may
/// be saved (Community shows the image to every project). The status says a keyboard choice
/// is not saved yet and how to save it. It is sent as a JSON patch of only `/visibility`; Glance's
/// answer (or refusal, e.g. a policy that forbids public) is shown. The radios stay usable
/// while a save runs (disabling them would drop the keyboard focus); a choice made meanwhile
/// is sent when that save has finished. Taking a shared image with members to another
/// visibility asks first: its members lose it (or are no longer listed), which one click on a
/// radio must not do unasked.
#[component]
pub fn VisibilityControl(
    /// The image, updated with Glance's answer.
    image: RwSignal<Image>,
    /// How many members the image has (shown in the member list); `None` while Glance's list
    /// could not be read (then the image may have members, and leaving "shared" asks too).
    #[prop(into)]
    members: Signal<Option<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The user's choice not yet confirmed by Glance: the radios show it until then.
    let wanted = RwSignal::new(None::<Visibility>);
    // A choice that takes the members' image from them, waiting for the user's answer.
    let asking = RwSignal::new(None::<Visibility>);
    let needs_asking = move |choice: &Visibility| {
        *choice != Visibility::Shared
            && image.try_with_untracked(|i| i.visibility == Visibility::Shared) == Some(true)
            && members.try_get_untracked().flatten() != Some(0)
    };
    let left_behind = LeftBehind::here();
    let page = RouteImage::here();
    // Sends one choice, reports it if the page is left meanwhile, and says how it went.
    let send = move |visibility: Visibility| {
        let glance = session.glance_for_action();
        let (id, name) = image.with_untracked(|i| (i.id.clone(), i.name_in_text().into_owned()));
        let left_behind = left_behind.clone();
        async move {
            let label = |t: &'static crate::i18n::Messages| t.col_visibility;
            let result = match glance {
                Err(e) => Err(e),
                Ok(glance) => match glance.set_visibility(&id, &visibility).await {
                    Ok(updated) => {
                        // Left meanwhile: the notice area says what Glance now holds.
                        let now = updated.visibility.as_str().to_string();
                        let done = Words::new(move |t| {
                            t.labelled(t.col_visibility, t.visibility_label_of(&now))
                        });
                        left_behind.report(name, label, Ok(done));
                        image.try_set(updated);
                        Ok(())
                    }
                    Err(e) => {
                        left_behind.report(name, label, Err(failure_words(&e)));
                        reread_if_gone(page, &e);
                        reread_if_unclear(&glance, &id, image, &e).await;
                        Err(e)
                    }
                },
            };
            // Done with this choice unless the user chose again meanwhile; after a refusal
            // the radios go back to the image's real value.
            if wanted.try_get_untracked().flatten().as_ref() == Some(&visibility) {
                wanted.try_set(None);
            }
            result
        }
    };
    let save = Job::new_local({
        let send = send.clone();
        move |visibility: &Visibility| send(visibility.clone())
    });
    // Read once here: `save.pending()` itself panics once the action is gone (in a timer or
    // while the page is left), this memo's `try_` reads do not.
    let saving = save.pending();
    // A keyboard choice waits for Enter or the focus leaving (for the status's hint).
    let held = RwSignal::new(false);
    // Sends the resting choice, unless a save runs (it is sent after) or nothing changed.
    let send_wanted = move || {
        if saving.try_get_untracked() != Some(false) {
            return;
        }
        let Some(choice) = wanted.try_get_untracked().flatten() else {
            return;
        };
        if image.try_with_untracked(|i| i.visibility == choice) == Some(true) {
            wanted.try_set(None);
        } else if needs_asking(&choice) {
            asking.try_set(Some(choice));
        } else {
            save.dispatch(choice);
        }
    };
    effect_with_previous(move |was_pending: Option<bool>| {
        let pending = saving.get();
        // (A keyboard choice made meanwhile still waits for Enter.)
        if was_pending == Some(true) && !pending && held.try_get_untracked() == Some(false) {
            send_wanted();
        }
        pending
    });
    // Left while a keyboard choice rested: it is sent all the same (the user chose it), and
    // the notice area says how it went.
    let settle = Settle::flushed_by(move || {
        let Some(choice) = wanted.try_get_untracked().flatten() else {
            return;
        };
        let unchanged = image.try_with_untracked(|i| i.visibility == choice) != Some(false);
        // (Not one that would have asked: the page is going, the question with it.)
        if !unchanged && saving.try_get_untracked() == Some(false) && !needs_asking(&choice) {
            let sent = send(choice);
            leptos::task::spawn_local(async move {
                let _ = sent.await;
            });
        }
    });
    // Set by a pointer's click, which the browser sends just before the radio's change.
    let by_pointer = StoredValue::new(false);
    let send_held = move || {
        held.set(false);
        send_wanted();
    };
    let choose = move |choice: Visibility| {
        wanted.set(Some(choice));
        if by_pointer.try_update_value(std::mem::take) == Some(true) {
            settle.stop();
            send_held();
        } else {
            settle.hold();
            held.set(true);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && settle.stop() {
            ev.prevent_default();
            send_held();
        }
    };
    // Leaving the group (Tab on, a click on a link) sends a choice still resting at once: the
    // page may be left next.
    let on_focusout = move |ev: FocusEvent| {
        let group = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let next = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let stays = matches!((group, next), (Some(g), Some(n)) if g.contains(Some(&n)));
        if !stays && settle.stop() {
            send_held();
        }
    };
    let shown = move || {
        wanted
            .get()
            .unwrap_or_else(|| image.with(|i| i.visibility.clone()))
    };
    let options = [
        Visibility::Private,
        Visibility::Shared,
        Visibility::Community,
        Visibility::Public,
    ];
    view! {
        <fieldset
            class="visibility-control"
            aria-busy=move || saving.get().to_string()
            on:focusout=on_focusout
            on:keydown=on_keydown
        >
            <legend>{move || i18n.t().visibility_label}</legend>
            {options
                .into_iter()
                .map(|v| {
                    let value = v.as_str().to_string();
                    let checked_value = v.clone();
                    let chosen = v.clone();
                    let help = move || {
                        let t = i18n.t();
                        match &v {
                            Visibility::Private => t.vis_private_help,
                            Visibility::Shared => t.vis_shared_help,
                            Visibility::Community => t.vis_community_help,
                            _ => t.vis_public_help,
                        }
                    };
                    // The explanation describes the radio rather than naming it: its name is the
                    // visibility alone ("Shared"), the explanation is read after it.
                    let help_id = format!("visibility-help-{value}");
                    view! {
                        <label class="visibility-control__option">
                            <input
                                type="radio"
                                name="visibility"
                                aria-describedby=help_id.clone()
                                value=value.clone()
                                prop:checked=move || shown() == checked_value
                                // A click made by keyboard (arrows, space) counts no clicks.
                                on:click=move |ev| by_pointer.set_value(ev.detail() > 0)
                                on:change=move |_| choose(chosen.clone())
                            />
                            <span class="visibility-control__name">
                                {move || i18n.t().visibility_label_of(&value)}
                            </span>
                            <span class="visibility-control__help" id=help_id aria-hidden="true">{help}</span>
                        </label>
                    }
                })
                .collect_view()}
            // One status that stays in the page, so a screen reader reads "Saving…" and then
            // "Saved." (a region made anew with its text is not read out).
            <p class="visibility-control__status" role="status">
                {move || {
                    let unsaved = held.get()
                        && wanted.with(|w| w.as_ref().is_some_and(|w| image.with(|i| i.visibility != *w)));
                    if saving.get() {
                        Some(i18n.t().saving)
                    } else if unsaved {
                        Some(i18n.t().visibility_press_enter)
                    } else {
                        save.value().with(|r| matches!(r, Some(Ok(()))).then_some(i18n.t().visibility_saved))
                    }
                }}
            </p>
            <ActionError action=save />
            {move || asking.get().map(|choice| {
                let t = i18n.t();
                let message = (t.confirm_leave_shared)(
                    &t.visibility_label_of(choice.as_str()),
                    members.get_untracked(),
                    choice == Visibility::Private,
                );
                view! {
                    <ConfirmDialog
                        message=message
                        confirm_label=t.change_visibility
                        on_confirm=move |_| {
                            asking.set(None);
                            save.dispatch(choice.clone());
                        }
                        // The radios go back to what Glance holds.
                        on_cancel=move |_| {
                            asking.set(None);
                            wanted.set(None);
                        }
                    />
                }
            })}
        </fieldset>
    }
}
