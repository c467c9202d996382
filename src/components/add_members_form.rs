use futures::stream::{self, StreamExt};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::members::{check_entries, AddOutcome, CheckedEntry, EntryProblem};
use crate::components::{ErrorMessage, ItemResult, ResultList};
use crate::i18n::Messages;
use crate::model::{Image, MemberTable, Visibility};
use crate::state::projects::use_projects;
use crate::state::{use_i18n, use_session};

/// How many members are added at the same time in a bulk add.
const CONCURRENT_ADDS: usize = 4;

fn problem_text(t: &'static Messages, p: &EntryProblem) -> &'static str {
    match p {
        EntryProblem::Malformed => t.entry_malformed,
        EntryProblem::Duplicate => t.entry_duplicate,
        EntryProblem::AlreadyMember => t.entry_already_member,
        EntryProblem::OwnProject => t.entry_own_project,
    }
}

/// Adds projects to an image: ids or the names of the user's own projects, one or many at
/// once. Entries are checked before sending; valid ones are added with bounded concurrency,
/// with progress and one result per project. Entries that failed stay in the box to retry.
/// On a private image it offers to make it shared first instead of failing with a 403.
#[component]
pub fn AddMembersForm(
    /// The image (its visibility may be changed to shared here).
    image: RwSignal<Image>,
    /// The member table, updated from each answer.
    table: RwSignal<MemberTable>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let directory = use_projects();
    let text = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<ItemResult>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let pending_private = RwSignal::new(None::<Vec<CheckedEntry>>);
    let empty_input = RwSignal::new(false);

    let add = Action::new_local(move |(entries, make_shared): &(Vec<CheckedEntry>, bool)| {
        let entries = entries.clone();
        let make_shared = *make_shared;
        let glance = session.glance();
        let image_id = image.get_untracked().id;
        async move {
            let Some(glance) = glance else { return Ok(()) };
            if make_shared {
                match glance.set_visibility(&image_id, &Visibility::Shared).await {
                    Ok(updated) => image.set(updated),
                    Err(e) => {
                        session.report(&e);
                        return Err(e);
                    }
                }
            }
            let t = i18n.t();
            let mut lines = Vec::new();
            let mut keep = Vec::new();
            let mut valid = Vec::new();
            for e in entries {
                match &e.problem {
                    Some(p) => {
                        if *p == EntryProblem::Malformed {
                            keep.push(e.input.clone());
                        }
                        lines.push(ItemResult {
                            label: e.input.clone(),
                            ok: false,
                            text: problem_text(t, p).to_string(),
                        });
                    }
                    None => valid.push(e),
                }
            }
            let total = valid.len();
            progress.set(Some((0, total)));
            let mut answers = stream::iter(valid)
                .map(|entry| {
                    let glance = glance.clone();
                    let image_id = image_id.clone();
                    async move {
                        let answer = glance.add_member(&image_id, &entry.project_id).await;
                        (entry, answer)
                    }
                })
                .buffer_unordered(CONCURRENT_ADDS);
            let mut done = 0;
            while let Some((entry, answer)) = answers.next().await {
                done += 1;
                progress.set(Some((done, total)));
                let label = entry
                    .project_name
                    .clone()
                    .map(|n| format!("{} ({n})", entry.input))
                    .unwrap_or(entry.input.clone());
                let (outcome, detail) = match answer {
                    Ok(member) => {
                        table.update(|t| t.upsert(member));
                        (AddOutcome::Added, String::new())
                    }
                    Err(e) => {
                        session.report(&e);
                        let detail = e
                            .request_id
                            .as_ref()
                            .map(|id| format!(" ({}: {id})", t.request_id))
                            .unwrap_or_default();
                        (AddOutcome::from_status(Some(e.status), &e.message), detail)
                    }
                };
                let text = match &outcome {
                    AddOutcome::Added => t.entry_added.to_string(),
                    AddOutcome::AlreadyMember => t.entry_already_member.to_string(),
                    AddOutcome::QuotaExceeded => t.entry_quota.to_string(),
                    AddOutcome::Failed(message) => format!("{message}{detail}"),
                };
                if outcome.keep_in_input() {
                    keep.push(entry.input.clone());
                }
                lines.push(ItemResult {
                    label,
                    ok: outcome == AddOutcome::Added,
                    text,
                });
            }
            progress.set(None);
            results.set(lines);
            text.set(keep.join("\n"));
            Ok(())
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let img = image.get_untracked();
        let known: Vec<(String, String)> = directory
            .and_then(|d| d.projects.get_untracked())
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let entries = check_entries(
            &text.get_untracked(),
            img.owner.as_deref().unwrap_or_default(),
            &table.with_untracked(MemberTable::ids),
            &known,
        );
        results.set(Vec::new());
        empty_input.set(entries.is_empty());
        if entries.is_empty() {
            return;
        }
        if img.visibility == Visibility::Private && entries.iter().any(|e| e.problem.is_none()) {
            pending_private.set(Some(entries));
        } else {
            add.dispatch((entries, false));
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
                    rows="3"
                    aria-describedby="add-members-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <p id="add-members-hint" class="form-field__hint">
                    {move || i18n.t().add_members_hint} " "
                    {move || project_options().into_iter().map(|p| view! { <code class="add-members__known">{p.name}</code> " " }).collect_view()}
                </p>
            </div>
            <Show when=move || empty_input.get()>
                <p class="form-field__error" role="alert">{move || i18n.t().nothing_to_add}</p>
            </Show>
            <Show when=move || pending_private.with(Option::is_some)>
                <div class="banner banner--warning" role="alert">
                    <span>{move || i18n.t().make_shared_first}</span>
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
            </Show>
            <button type="submit" class="button button--primary" disabled=move || add.pending().get()>
                {move || i18n.t().add_members_button}
            </button>
            {move || progress.get().map(|(done, total)| view! {
                <div role="status" class="add-members__progress">
                    <progress max=total.to_string() value=done.to_string()></progress>
                    " " {(i18n.t().adding_progress)(done, total)}
                </div>
            })}
            {move || add.value().get().and_then(Result::err).map(|e| view! { <ErrorMessage error=e /> })}
            <ResultList items=results />
        </form>
    }
}
