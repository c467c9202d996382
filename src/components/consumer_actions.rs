use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::ApiError;
use crate::components::{ActionError, ActionResult, ConfirmButton};
use crate::i18n::{answer_text, failure_words, Words};
use crate::lazy_pages::{load_split_part, ActionCodeProblem, PageCodeProblem};
use crate::model::{Member, MemberStatus};
use crate::state::left_behind::LeftBehind;
use crate::state::{use_i18n, use_session};

/// Accept / Reject / Back to pending for an image shared with the current project. The same
/// control is used in the catalog rows and on the detail page. Reject asks for confirmation.
#[component]
pub fn ConsumerActions(
    /// The shared image.
    #[prop(into)]
    image_id: String,
    /// Its name, for the confirmation.
    #[prop(into)]
    image_name: String,
    /// This project's current member status.
    #[prop(into)]
    status: Signal<MemberStatus>,
    /// Called with the status asked for and Glance's answer after a change, or what Glance
    /// holds after a change that got no clear answer. Either may hold another status than
    /// the one asked for (see [`answer_text`]).
    #[prop(into)]
    on_changed: Callback<(MemberStatus, Member)>,
    /// Called when Glance answers 404: this project can no longer see the image (its owner
    /// removed the project, made the image private, or deleted it).
    #[prop(optional, into)]
    on_gone: Option<Callback<()>>,
    /// Shows the outcome here (announced, and focused after the action). Off where the
    /// control goes away with its answer (a catalog row) and the page says it instead.
    #[prop(optional)]
    show_result: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = RwSignal::new(None::<Words>);
    let name_for_result = image_name.clone();
    let session = use_session();
    let invitations = use_context::<crate::state::invitations::Invitations>();
    let image_id = StoredValue::new(image_id);
    let code_problem = RwSignal::new(None::<PageCodeProblem>);
    // Where the outcome goes when this control is gone by the time Glance answers (the user
    // left the page, or the list was made again).
    let left = LeftBehind::here();
    let change = Job::new_local(move |status: &MemberStatus| {
        let id = image_id.get_value();
        // Marked while on its way: "Accept all" leaves this image out meanwhile.
        if let Some(i) = invitations {
            i.begin_answers([&id]);
        }
        code_problem.set(None);
        let args = AnswerRun {
            glance: session.glance_for_action(),
            project_id: session.project_id(),
            id: id.clone(),
            status: status.clone(),
            name: name_for_result.clone(),
            result: show_result.then_some(result),
            left: left.clone(),
            on_changed,
            on_gone,
            invitations,
        };
        async move {
            // In release builds the answer's code is fetched on the first answer (README
            // "Size"); if it cannot be had, nothing was sent, and that is said here.
            let answered = match load_split_part!(answer_run(args)) {
                Ok(work) => work.await,
                Err(problem) => {
                    let _ = code_problem.try_set(Some(problem));
                    Ok(())
                }
            };
            if let Some(i) = invitations {
                i.end_answers([&id]);
            }
            answered
        }
    });
    // An answer for this image is on its way: this control's own, or "Accept all"'s.
    let answering = move || {
        change.pending().get()
            || invitations.is_some_and(|i| image_id.with_value(|id| i.is_answering(id)))
    };
    let button = move |target: MemberStatus,
                       label: fn(&'static crate::i18n::Messages) -> &'static str| {
        let is_current = {
            let target = target.clone();
            move || status.get() == target
        };
        view! {
            <button
                type="button"
                class="button button--small"
                disabled=move || answering() || is_current()
                on:click=move |_| {
                    change.dispatch(target.clone());
                }
            >
                {move || label(i18n.t())}
            </button>
        }
    };
    let image_name = StoredValue::new(image_name);
    let rejected = MemberStatus::Rejected;
    view! {
        <span class="consumer-actions" role="group" aria-label=move || format!("{} {}", i18n.t().your_status, image_name.get_value())>
            {button(MemberStatus::Accepted, |t| t.accept)}
            <ConfirmButton
                class="button button--small"
                label=Signal::derive(move || i18n.t().reject.to_string())
                disabled=Signal::derive(move || answering() || status.get() == rejected)
                question=move |_| i18n.t().confirm_reject.fill(&[&&image_name.get_value()])
                confirm_label=Signal::derive(move || i18n.t().reject.to_string())
                on_confirm=move |_| {
                    change.dispatch(MemberStatus::Rejected);
                }
            />
            {button(MemberStatus::Pending, |t| t.set_pending)}
            <ActionError action=change />
            <ActionCodeProblem problem=code_problem />
            {show_result.then(|| view! { <ActionResult text=result /> })}
        </span>
    }
}

/// What one answer (accept, reject, back to pending) works with.
struct AnswerRun {
    glance: Result<crate::api::client::Glance, ApiError>,
    project_id: String,
    id: String,
    status: MemberStatus,
    /// The image's name, for the result line.
    name: String,
    /// Where the result line goes, when the control shows it.
    result: Option<RwSignal<Option<Words>>>,
    /// Posts the outcome as a notice when the control is gone.
    left: LeftBehind,
    on_changed: Callback<(MemberStatus, Member)>,
    on_gone: Option<Callback<()>>,
    invitations: Option<crate::state::invitations::Invitations>,
}

/// Sends one answer and hands Glance's answer on. In split builds this is in the `bulk_run`
/// module with "Accept all", fetched on the first answer: the buttons are on the first screen
/// (the Invitations tab), the work after a click is not.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(bulk_run, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn answer_run(
    run: AnswerRun,
) -> Result<LocalBoxFuture<'static, Result<(), ApiError>>, PageCodeProblem> {
    let AnswerRun {
        glance,
        project_id,
        id,
        status,
        name,
        result,
        left,
        on_changed,
        on_gone,
        invitations,
    } = run;
    Ok(Box::pin(async move {
        let glance = glance?;
        match glance.set_member_status(&id, &project_id, &status).await {
            Ok(member) => {
                // Said as Glance answered: a 200 may hold another status.
                let (asked, answered) = (status.clone(), member.status.clone());
                let name_said = name.clone();
                let words = Words::new(move |t| answer_text(t, &name_said, &asked, &answered));
                left.report_sentence(member.status == status, words.clone());
                if let Some(result) = result {
                    let _ = result.try_set(Some(words));
                }
                // The row (or page) may be gone by now, e.g. the list was re-read.
                let _ = on_changed.try_run((status, member));
                if let Some(i) = invitations {
                    i.refresh();
                }
                Ok(())
            }
            Err(e) if e.status == 404 => {
                left.report(name, button_words(&status), Err(failure_words(&e)));
                if let Some(gone) = on_gone {
                    let _ = gone.try_run(());
                }
                Err(e)
            }
            Err(e) => {
                // No clear answer (or one about another image or member): Glance may have
                // applied it. Show what it holds (a catalog row hands it to its page, which
                // shows the list as Glance now holds it).
                left.report(name, button_words(&status), Err(failure_words(&e)));
                if e.outcome_unknown() {
                    if let Ok(members) = glance.members(&id).await {
                        if let Some(now) = members.into_iter().find(|m| m.member_id == project_id) {
                            let _ = on_changed.try_run((status, now));
                        }
                    }
                }
                Err(e)
            }
        }
    }))
}

/// The words of the button that asks for `status` (for a notice of a refused answer).
fn button_words(status: &MemberStatus) -> fn(&'static crate::i18n::Messages) -> &'static str {
    match status {
        MemberStatus::Accepted => |t| t.accept,
        MemberStatus::Rejected => |t| t.reject,
        _ => |t| t.set_pending,
    }
}
