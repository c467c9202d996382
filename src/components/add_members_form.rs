use crate::components::shown_when::shown_when;
use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect_with_previous;

use crate::state::job::Job;

use crate::api::members::{check_entries, is_malformed, CheckedEntry, EntryProblem};
use crate::components::bulk_report::{add_result, ReportTo};
use crate::components::{
    ActionError, BulkProgress, DoubtfulEntriesQuestion, ItemResult, ResultList,
};
use crate::i18n::{Messages, Words};
use crate::model::{Image, MemberTable, Visibility};
use crate::state::bulk::{run_bulk, Outcome, Scope};
use crate::state::members::MemberState;
use crate::state::projects::{known_projects, use_projects};
use crate::state::route_image::{reread_if_gone, RouteImage};
use crate::state::{use_i18n, use_session};

/// How many members are added at the same time in a bulk add.
const CONCURRENT_ADDS: usize = 4;

/// [`problem_text`] in the language shown at the time.
pub fn problem_words(p: &EntryProblem) -> Words {
    let p = p.clone();
    Words::new(move |t| problem_text(t, &p).to_string())
}

/// Why an entry of the add box is not sent, in the UI language.
pub fn problem_text(t: &'static Messages, p: &EntryProblem) -> &'static str {
    match p {
        EntryProblem::Malformed => t.entry_malformed,
        EntryProblem::Unaddressable => t.entry_unaddressable,
        EntryProblem::Duplicate => t.entry_duplicate,
        EntryProblem::AlreadyMember => t.entry_already_member,
        EntryProblem::OwnProject => t.entry_own_project,
    }
}

/// The checked entries of an add box, split: those to send, the result lines of those that are
/// not sent (why, in words), and what stays in the box to be corrected (the entries typed
/// wrong; a project listed twice or already a member does not stay).
pub struct SplitEntries {
    pub to_send: Vec<CheckedEntry>,
    pub refused: Vec<ItemResult>,
    pub to_correct: Vec<String>,
}

/// Splits `entries` (see [`SplitEntries`]).
pub fn split_checked(entries: Vec<CheckedEntry>) -> SplitEntries {
    let mut split = SplitEntries {
        to_send: Vec::new(),
        refused: Vec::new(),
        to_correct: Vec::new(),
    };
    for e in entries {
        match &e.problem {
            Some(p) => {
                if is_malformed(p) {
                    split.to_correct.push(e.input.clone());
                }
                split.refused.push(ItemResult {
                    label: e.input.clone(),
                    ok: false,
                    text: problem_words(p),
                });
            }
            None => split.to_send.push(e),
        }
    }
    split
}

/// The label of an entry in results: what was typed, with the project's name when known.
fn entry_label(t: &Messages, entry: &CheckedEntry) -> String {
    match &entry.project_name {
        Some(name) => t.with_note(&entry.input, name),
        None => entry.input.clone(),
    }
}

/// Adds projects to an image: ids or the names of the user's own projects, one or many at
/// once. Entries are checked before sending; valid ones are added with bounded concurrency,
/// with progress and one result per project. Entries that failed stay in the box to retry.
/// On a private image it offers to make it shared first instead of failing with a 403.
///
/// Leaving the page does not stop the adds: the result then appears in the notice area of
/// the page the user is on. A project switch or logout stops the adds not yet sent (they
/// would go out with another project's token), and the notice says so.
#[component]
pub fn AddMembersForm(
    /// The image (its visibility may be changed to shared here).
    image: RwSignal<Image>,
    /// The member table, updated from each answer.
    members: MemberState,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();
    let text = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let pending_private = RwSignal::new(None::<Vec<CheckedEntry>>);
    // Entries waiting for "Add anyway": some look like neither a project of the user's nor
    // a project id (see [`CheckedEntry::is_doubtful`]).
    let pending_doubtful = RwSignal::new(None::<Vec<CheckedEntry>>);
    let empty_input = RwSignal::new(false);
    let input_ref = ElementRef::new();
    // A question's buttons leave the page with it (Cancel, "Add anyway", "Make shared and
    // add"): the focus, dropped on the page body, goes back to the text to add.
    effect_with_previous(move |was_asking: Option<bool>| {
        let asking =
            pending_doubtful.with(Option::is_some) || pending_private.with(Option::is_some);
        if was_asking == Some(true) && !asking {
            // After the frame, once the question has left the page (and its focus with it).
            request_animation_frame(move || {
                if crate::components::focus::active_element().is_none() {
                    if let Some(input) = input_ref.get_untracked() {
                        let _ = input.focus();
                    }
                }
            });
        }
        asking
    });

    let report = ReportTo::new();
    let page = RouteImage::here();
    let add = Job::new_local(move |(entries, make_shared): &(Vec<CheckedEntry>, bool)| {
        let entries = entries.clone();
        let make_shared = *make_shared;
        let scope = Scope::current(&session);
        let glance = session.glance();
        let (image_id, image_name) =
            image.with_untracked(|i| (i.id.clone(), i.name_in_text().into_owned()));
        let report = report.clone();
        async move {
            let (Some(scope), Some(glance)) = (scope, glance) else {
                return Ok(());
            };
            if make_shared {
                match glance.set_visibility(&image_id, &Visibility::Shared).await {
                    Ok(updated) => {
                        let _ = image.try_set(updated);
                    }
                    Err(e) => {
                        reread_if_gone(page, &e);
                        return Err(e);
                    }
                }
            }
            let t = i18n.t();
            let SplitEntries {
                to_send: valid,
                refused: mut lines,
                to_correct: mut keep,
            } = split_checked(entries);
            let total = valid.len();
            let _ = progress.try_set(Some((0, total)));
            let target = image_id.clone();
            let reread_id = image_id.clone();
            let outcome = run_bulk(
                session,
                scope.clone(),
                valid,
                CONCURRENT_ADDS,
                |done, total| {
                    let _ = progress.try_set(Some((done, total)));
                },
                move |glance, entry| {
                    let image_id = target.clone();
                    async move {
                        let answer = match glance.add_member(&image_id, &entry.project_id).await {
                            // No answer (in time): the member may have been
                            // added all the same; the image's member list says whether it was. (An odd answer is said as it is, with its
                            // request id.)
                            Err(e) if e.no_answer() => match glance.members(&image_id).await {
                                Ok(now) => now
                                    .into_iter()
                                    .find(|m| m.member_id == entry.project_id)
                                    .ok_or(e),
                                Err(_) => Err(e),
                            },
                            answer => answer,
                        };
                        // Each member shows as soon as Glance has it.
                        if let Ok(member) = &answer {
                            members.edit(|t| t.upsert(member.clone()));
                        }
                        answer
                    }
                },
            )
            .await;
            let _ = progress.try_set(None);
            // An add without a clear answer (no answer, 5xx, unreadable 2xx) may have been
            // made: show the members Glance really holds.
            let unclear = outcome
                .outcomes
                .iter()
                .any(|(_, o)| matches!(o, Outcome::Failed(e) if e.outcome_unknown()));
            if unclear {
                if let Some(glance) = session.try_glance() {
                    let ticket = members.reload_started();
                    if let Ok(list) = glance.members(&reread_id).await {
                        members.reload_done(ticket, MemberTable::from_members(list));
                    }
                }
            }
            for (entry, answer) in &outcome.outcomes {
                let label = entry_label(t, entry);
                let (ok, text, keep_it) = add_result(answer);
                if keep_it {
                    keep.push(entry.input.clone());
                }
                lines.push(ItemResult { label, ok, text });
            }
            let done = outcome.done_count();
            let summary = Words::new(move |t| (t.notice_added)(&image_name, done, total));
            if report.deliver(scope, &outcome, summary, entry_label) {
                let _ = results.try_set(lines);
            }
            // What was not added stays in the box to retry (if the page is still shown).
            let _ = text.try_set(keep.join("\n"));
            Ok(())
        }
    });

    // The adds, once every question is answered: an image that is not shared (private,
    // community, public) is made shared first, if the user agrees: Glance keeps members for
    // shared images only.
    let proceed = move |entries: Vec<CheckedEntry>| {
        let not_shared = image.with_untracked(|i| i.visibility != Visibility::Shared);
        if not_shared && entries.iter().any(|e| e.problem.is_none()) {
            pending_private.set(Some(entries));
        } else {
            add.dispatch((entries, false));
        }
    };
    let submit = move || {
        let img = image.get_untracked();
        let known = known_projects(directory);
        let entries = check_entries(
            &text.get_untracked(),
            img.owner.as_deref().unwrap_or_default(),
            &members.table().with_untracked(MemberTable::ids),
            &known,
        );
        results.set(Vec::new());
        pending_private.set(None);
        empty_input.set(entries.is_empty());
        if entries.is_empty() {
            return;
        }
        if entries.iter().any(CheckedEntry::is_doubtful) {
            pending_doubtful.set(Some(entries));
        } else {
            pending_doubtful.set(None);
            proceed(entries);
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submit();
    };
    // Enter adds what was typed (keyboard users need no trip to the button); Shift+Enter
    // starts a new line, and Enter that ends an input-method composition (Chinese) does not.
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter"
            && !ev.shift_key()
            && !ev.is_composing()
            && !add.pending().get_untracked()
        {
            ev.prevent_default();
            submit();
        }
    };

    let project_options = move || {
        directory
            .and_then(|d| d.projects.get())
            .and_then(Result::ok)
            .unwrap_or_default()
    };

    view! {
        <form class="add-members" on:submit=on_submit>
            <h3>{move || i18n.t().add_members_title}</h3>
            <div class="form-field">
                <label for="add-members-input">{move || i18n.t().add_members_label}</label>
                <textarea
                    id="add-members-input"
                    node_ref=input_ref
                    rows="3"
                    aria-describedby="add-members-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        // A question asked about other text no longer applies.
                        pending_doubtful.set(None);
                        pending_private.set(None);
                    }
                    on:keydown=on_keydown
                ></textarea>
                <p id="add-members-hint" class="form-field__hint">
                    {move || i18n.t().add_members_hint} {move || i18n.t().sentence_gap} {move || i18n.t().add_members_keys_hint}
                    // The names the box takes as they are: said to be the user's own projects.
                    {move || {
                        let known = project_options();
                        (!known.is_empty()).then(|| view! {
                            // No space after Chinese punctuation (`sentence_gap` is empty there).
                            {i18n.t().sentence_gap} {i18n.t().your_projects} {i18n.t().sentence_gap}
                            {known.into_iter().map(|p| view! { <code class="add-members__known">{p.name}</code> " " }).collect_view()}
                        })
                    }}
                </p>
            </div>
            {shown_when(move || empty_input.get(), move || view! {
                <p class="form-field__error" role="alert">{move || i18n.t().nothing_to_add}</p>
            }.into_any())}
            <DoubtfulEntriesQuestion pending=pending_doubtful on_confirm=proceed />
            {shown_when(move || pending_private.with(Option::is_some), move || view! {
                <div class="banner banner--warning banner--question" role="alert">
                    <span class="banner__text">{move || {
                        let t = i18n.t();
                        match image.with(|i| i.visibility.clone()) {
                            Visibility::Private => t.make_shared_first.to_string(),
                            other => t.make_shared_first_wider.fill(&[&&t.visibility_label_of(other.as_str())]),
                        }
                    }}</span>
                    <button
                        type="button"
                        class="button button--primary"
                        on:click=move |_| {
                            if let Some(entries) = pending_private.get_untracked() {
                                pending_private.set(None);
                                add.dispatch((entries, true));
                            }
                        }
                    >
                        {move || i18n.t().make_shared_and_add}
                    </button>
                    <button type="button" class="button" on:click=move |_| pending_private.set(None)>
                        {move || i18n.t().cancel}
                    </button>
                </div>
            }.into_any())}
            // The second click of a double click sends nothing: after a quick answer it would
            // find the box emptied and replace the outcome with "enter at least one".
            <button
                type="submit"
                class="button button--primary"
                disabled=move || add.pending().get()
                on:click=|ev: leptos::ev::MouseEvent| {
                    if ev.detail() >= 2 {
                        ev.prevent_default()
                    }
                }
            >
                {move || i18n.t().add_members_button}
            </button>
            <BulkProgress progress=progress describe=|t| t.adding_progress />
            <ActionError action=add />
            <ResultList items=results />
        </form>
    }
}
