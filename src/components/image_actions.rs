use crate::components::shown_when::{shown_when, shown_when_else};
use crate::router::use_navigate;
use crate::router::A;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::patch::flag_patch;
use crate::api::url::encode;
use crate::components::{ActionError, ConfirmButton};
use crate::i18n::{failure_words, Messages, Words};
use crate::model::{Image, ImageStatus};
use crate::state::left_behind::LeftBehind;
use crate::state::page_alive::PageAlive;
use crate::state::reread::reread_if_unclear;
use crate::state::route_image::{reread_if_gone, RouteImage};
use crate::state::{use_i18n, use_session};

/// One lifecycle action on an image.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Act {
    Protect(bool),
    Hide(bool),
    Activate(bool),
    Delete,
}

impl Act {
    /// Its button's words.
    fn label(self) -> fn(&'static Messages) -> &'static str {
        match self {
            Act::Protect(true) => |t| t.protect,
            Act::Protect(false) => |t| t.unprotect,
            Act::Hide(true) => |t| t.hide,
            Act::Hide(false) => |t| t.unhide,
            Act::Activate(true) => |t| t.reactivate,
            Act::Activate(false) => |t| t.deactivate,
            Act::Delete => |t| t.delete,
        }
    }

    /// What the image holds now in the field this action changes, as the page's fields say
    /// it ("Protected: Yes", "Status: Deactivated"): read from Glance's answer, not assumed.
    fn outcome(self, image: &Image) -> Words {
        let yes_no = |t: &'static Messages, on: bool| if on { t.yes } else { t.no };
        match self {
            Act::Protect(_) => {
                let on = image.protected;
                Words::new(move |t| t.labelled(t.field_protected, yes_no(t, on)))
            }
            Act::Hide(_) => {
                let on = image.os_hidden;
                Words::new(move |t| t.labelled(t.field_hidden, yes_no(t, on)))
            }
            Act::Activate(_) | Act::Delete => {
                let status = image.status.as_str().to_string();
                Words::new(move |t| t.labelled(t.col_status, t.image_status_label(&status)))
            }
        }
    }
}

/// Owner actions on an image: protect/unprotect, hide/unhide, deactivate/reactivate and delete
/// (after a confirmation naming it; a protected image explains why it cannot be deleted), and
/// for a record without data a link to send it (the create page in "existing image" mode).
/// Each answer from Glance updates the image shown; a refusal shows Glance's words.
#[component]
pub fn ImageActions(
    /// The image, updated from each answer.
    image: RwSignal<Image>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let explain_protected = RwSignal::new(false);
    let on_page = PageAlive::until_cleanup();
    let notices = crate::state::notices::use_notices();
    let left_behind = LeftBehind::here();
    let page = RouteImage::here();
    // What the last action did, said in a status that stays in the page (a screen reader
    // hears "Protected: Yes"; the button's new words alone are not read out).
    let done = RwSignal::new(None::<Words>);

    let run = Job::new_local(move |act: &Act| {
        let act = *act;
        let glance = session.glance_for_action();
        let (id, name) = image.with_untracked(|i| (i.id.clone(), i.name_in_text().into_owned()));
        let navigate = navigate.clone();
        let on_page = on_page.clone();
        let left_behind = left_behind.clone();
        done.set(None);
        async move {
            let glance = glance?;
            let result = match act {
                Act::Protect(on) => glance
                    .patch_image(&id, &flag_patch("protected", on))
                    .await
                    .map(Some),
                Act::Hide(on) => glance
                    .patch_image(&id, &flag_patch("os_hidden", on))
                    .await
                    .map(Some),
                Act::Activate(on) => match glance.set_active(&id, on).await {
                    Ok(()) => glance.image(&id, None).await.map(Some),
                    Err(e) => Err(e),
                },
                Act::Delete => match glance.delete_image(&id).await {
                    Ok(()) => Ok(None),
                    // No answer in time (or none readable): Glance may have deleted it all the
                    // same. Asked again, a 404 says it did.
                    Err(e) if e.outcome_unknown() => match glance.image(&id, None).await {
                        Err(now) if now.status == 404 => Ok(None),
                        _ => Err(e),
                    },
                    Err(e) => Err(e),
                },
            };
            // Deleted elsewhere since the page was read: Glance no longer has it, which is
            // what the user asked for; said as such, not as an error on a page that is gone.
            let gone_already = matches!((act, &result), (Act::Delete, Err(e)) if e.status == 404);
            let result = if gone_already { Ok(None) } else { result };
            match result {
                Ok(Some(updated)) => {
                    let outcome = act.outcome(&updated);
                    left_behind.report(name, act.label(), Ok(outcome.clone()));
                    done.try_set(Some(outcome));
                    image.try_set(updated);
                    Ok(())
                }
                Ok(None) => {
                    // The page is left: the notice below must not make it read a 404.
                    if let Some(page) = page {
                        page.mark_deleted();
                    }
                    // Said where the user lands, as after a bulk delete (the catalog's
                    // notices): the page they were on is gone.
                    if let (Some(notices), Some(s)) = (notices, session.get_untracked()) {
                        let summary = if gone_already {
                            Words::new(|t| t.already_deleted.to_string())
                        } else {
                            Words::new(move |t| t.deleted_named.fill(&[&name]))
                        };
                        notices.post(s.info.user_id, true, summary, Vec::new());
                    }
                    // Back to the list, unless the user has gone elsewhere meanwhile.
                    if on_page.get() {
                        navigate("/images", Default::default());
                    }
                    Ok(())
                }
                Err(e) => {
                    left_behind.report(name, act.label(), Err(failure_words(&e)));
                    reread_if_gone(page, &e);
                    reread_if_unclear(&glance, &id, image, &e).await;
                    Err(e)
                }
            }
        }
    });

    let button = move |label: Signal<&'static str>, act: Signal<Act>| {
        view! {
            <button
                type="button"
                class="button"
                disabled=move || run.pending().get()
                on:click=move |ev| {
                    // These buttons flip: the second click of a double click, landing after a
                    // quick answer, would undo the first.
                    if ev.detail() >= 2 {
                        return;
                    }
                    explain_protected.set(false);
                    run.dispatch(act.get_untracked());
                }
            >
                {move || label.get()}
            </button>
        }
    };
    let protected = move || image.with(|i| i.protected);
    let hidden = move || image.with(|i| i.os_hidden);
    let status = move || image.with(|i| i.status.clone());

    view! {
        <section class="image-actions" aria-labelledby="actions-title">
            <h2 id="actions-title">{move || i18n.t().actions_title}</h2>
            <div class="image-actions__buttons">
                {button(
                    Signal::derive(move || if protected() { i18n.t().unprotect } else { i18n.t().protect }),
                    Signal::derive(move || Act::Protect(!protected())),
                )}
                {button(
                    Signal::derive(move || if hidden() { i18n.t().unhide } else { i18n.t().hide }),
                    Signal::derive(move || Act::Hide(!hidden())),
                )}
                {shown_when(move || matches!(status(), ImageStatus::Active | ImageStatus::Deactivated), move || view! {
                    {button(
                        Signal::derive(move || if status() == ImageStatus::Deactivated { i18n.t().reactivate } else { i18n.t().deactivate }),
                        Signal::derive(move || Act::Activate(status() == ImageStatus::Deactivated)),
                    )}
                }.into_any())}
                // A protected image cannot be deleted: its Delete explains why instead of asking.
                {shown_when_else(protected, move || view! {
                    <button type="button" class="button" on:click=move |_| explain_protected.set(true)>
                        {move || i18n.t().delete}
                    </button>
                }.into_any(), move || view! {
                    <ConfirmButton
                        label=Signal::derive(move || i18n.t().delete.to_string())
                        question=move |_| i18n.t().confirm_delete.fill(&[&image.with_untracked(|i| i.name_in_text().into_owned()).as_str()])
                        confirm_label=Signal::derive(move || i18n.t().delete.to_string())
                        on_confirm=move |_| { run.dispatch(Act::Delete); }
                        disabled=Signal::derive(move || run.pending().get())
                    />
                }.into_any())}
                // A record without data (e.g. its upload failed or was cancelled): send it now.
                {shown_when(move || status() == ImageStatus::Queued, move || view! {
                    <A href=move || format!("/images/new?image={}", image.with(|i| encode(&i.id))) attr:class="button button--primary">
                        {move || i18n.t().upload_data}
                    </A>
                }.into_any())}
            </div>
            {shown_when(move || explain_protected.get(), move || view! {
                <p class="banner banner--warning" role="alert">{move || i18n.t().protected_cannot_delete}</p>
            }.into_any())}
            <p class="image-actions__status" role="status">
                {move || done.get().filter(|_| !run.pending().get()).map(|w| w.say(i18n.t()))}
            </p>
            <ActionError action=run />
        </section>
    }
}
