use leptos::prelude::*;

use crate::components::ActionError;
use crate::model::{Image, Visibility};
use crate::state::reread::reread_if_unclear;
use crate::state::{use_i18n, use_session};

/// The four visibilities, each with its one-line explanation where it is chosen. A change is
/// sent at once as a JSON patch of only `/visibility`; Glance's answer (or refusal, e.g. a
/// policy that forbids public) is shown.
#[component]
pub fn VisibilityControl(
    /// The image, updated with Glance's answer.
    image: RwSignal<Image>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let save = Action::new_local(move |visibility: &Visibility| {
        let visibility = visibility.clone();
        let glance = session.glance_for_action();
        let id = image.get_untracked().id;
        async move {
            let glance = glance?;
            match glance.set_visibility(&id, &visibility).await {
                Ok(updated) => {
                    image.set(updated);
                    Ok(())
                }
                Err(e) => {
                    // The browser already moved the radio: re-assert the image's real value,
                    // read again from Glance when the answer left it unclear.
                    image.try_update(|_| {});
                    reread_if_unclear(&glance, &id, image, &e).await;
                    Err(e)
                }
            }
        }
    });
    let options = [
        Visibility::Private,
        Visibility::Shared,
        Visibility::Community,
        Visibility::Public,
    ];
    view! {
        <fieldset class="visibility-control" disabled=move || save.pending().get()>
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
                    view! {
                        <label class="visibility-control__option">
                            <input
                                type="radio"
                                name="visibility"
                                value=value.clone()
                                prop:checked=move || image.with(|i| i.visibility == checked_value)
                                on:change=move |_| {
                                    save.dispatch(chosen.clone());
                                }
                            />
                            <span class="visibility-control__name">
                                {move || i18n.t().visibility_label_of(&value)}
                            </span>
                            <span class="visibility-control__help">{help}</span>
                        </label>
                    }
                })
                .collect_view()}
            <Show when=move || save.pending().get()>
                <p role="status">{move || i18n.t().saving}</p>
            </Show>
            <ActionError action=save />
        </fieldset>
    }
}
