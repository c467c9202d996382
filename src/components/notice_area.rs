use leptos::prelude::*;

use crate::components::keyed_list::{keyed_list, Keyed};
use crate::state::notices::use_notices;
use crate::state::{use_i18n, use_session};

/// The results of actions that finished after the user left the page that started them
/// (e.g. "Deleted 4 of 5 images." with Glance's words for the refused one), at the top of the
/// page the user is on now. A polite live region: screen readers read each new notice. Each
/// stays until dismissed; only the user who started the action sees it. Its words follow a
/// language switch made after it was posted.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let notices = use_notices();
    let shown = move || {
        let user = session.get().map(|s| s.info.user_id).unwrap_or_default();
        notices.map(|n| n.for_user(&user)).unwrap_or_default()
    };
    view! {
        <section class="notice-area" role="status" aria-live="polite" aria-label=move || i18n.t().notices_label>
            {keyed_list(move || shown().into_iter().map(|notice| Keyed::new(notice.id.to_string(), move || {
                    let id = notice.id;
                    // Said again on each language switch: in the text and in the button's name.
                    let summary = notice.summary;
                    let label = summary.clone();
                    view! {
                        <div
                            class=if notice.ok { "notice banner banner--ok" } else { "notice banner banner--warning" }
                            data-testid="notice"
                        >
                            <div class="notice__text">
                                <p class="notice__summary">{move || summary.say(i18n.t())}</p>
                                {(!notice.details.is_empty()).then(|| view! {
                                    <ul class="notice__details">
                                        {notice.details.into_iter().map(|d| view! { <li>{move || d.say(i18n.t())}</li> }).collect_view()}
                                    </ul>
                                })}
                            </div>
                            <button
                                type="button"
                                class="button button--small"
                                aria-label=move || i18n.t().labelled(i18n.t().dismiss, label.say(i18n.t()))
                                on:click=move |_| {
                                    if let Some(n) = notices {
                                        n.dismiss(id);
                                    }
                                    // The focused button goes with its notice: the focus goes
                                    // to the page's start, not to <body> (the top of the tab).
                                    crate::components::focus::focus_main_in_place();
                                }
                            >
                                {move || i18n.t().dismiss}
                            </button>
                        </div>
                    }.into_any()
            })).collect())}
        </section>
    }
}
