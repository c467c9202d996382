use std::collections::{BTreeSet, HashMap};

use crate::components::shown_when::shown_when_else;
use leptos::prelude::*;

use crate::state::job::Job;

use crate::api::members::{cli_remove_member, is_dot_segment};
use crate::api::url::path_segment;
use crate::api::ApiError;
use crate::browser;
use crate::components::bulk_report::ReportTo;
use crate::components::{
    ActionError, ActionResult, BulkProgress, ConfirmButton, CopyButton, MemberStatusBadge, TimeCell,
};
use crate::i18n::{Messages, Words};
use crate::model::{MemberStatus, MemberTable};
use crate::state::bulk::{run_bulk, Outcome, Scope};
use crate::state::members::MemberState;
use crate::state::{use_i18n, use_session};

/// How many removals are sent at the same time.
const CONCURRENT_REMOVALS: usize = 4;

/// A project as questions and results name it: its name with the id in brackets when the
/// name is known, else the id.
fn project_label(t: &Messages, id: &str, name: Option<&String>) -> String {
    name.map_or_else(|| id.to_string(), |name| t.with_note(name, id))
}

/// The owner's view of an image's members: a count per status with a filter, one row per
/// project (name where known, id copyable, status, added and changed times), and removal of
/// one or several projects after a confirmation naming them. Removal is shown at once and
/// rolled back with Glance's message if Glance refuses.
///
/// Leaving the page does not stop a removal of several projects: its result then appears in
/// the notice area of the page the user is on. A project switch or logout stops the removals
/// not yet sent, and the notice says so.
#[component]
pub fn MemberList(
    /// The image whose members these are.
    #[prop(into)]
    image_id: String,
    /// Its name, for the result of a removal that finishes after the user left.
    #[prop(into)]
    image_name: Signal<String>,
    /// The member table, keyed by project id.
    members: MemberState,
    /// Project id → name for the projects the user can see.
    #[prop(into)]
    names: Signal<HashMap<String, String>>,
    /// Whether the image is shared: only then is an empty table worth a word (Glance keeps
    /// no members for the other visibilities).
    #[prop(into)]
    shared: Signal<bool>,
    /// Whether reading Glance's list failed before any read answered.
    #[prop(into)]
    read_failed: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let filter = RwSignal::new(None::<MemberStatus>);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    // What the last removal did, announced and focused (its row, and button, are gone).
    let removed = RwSignal::new(None::<Words>);
    let table = members.table();
    let image_id = StoredValue::new(image_id);
    let label_of = move |id: &str| names.with(|n| project_label(i18n.t(), id, n.get(id)));

    let report = ReportTo::new();
    let remove = Job::new_local(move |ids: &Vec<String>| {
        let ids = ids.clone();
        let scope = Scope::current(&session);
        let image_id = image_id.get_value();
        let image_name = image_name.get_untracked();
        // (id, name): a notice names each project in the language it is read in.
        let projects: Vec<(String, Option<String>)> = names.with_untracked(|n| {
            ids.iter()
                .map(|id| (id.clone(), n.get(id).cloned()))
                .collect()
        });
        let report = report.clone();
        progress.set(Some((0, projects.len())));
        async move {
            let scope = scope.ok_or_else(|| ApiError::network("no session"))?;
            let target = image_id.clone();
            let outcome = run_bulk(
                session,
                scope.clone(),
                projects,
                CONCURRENT_REMOVALS,
                |done, total| {
                    let _ = progress.try_set(Some((done, total)));
                },
                move |glance, (id, _name)| {
                    let image_id = target.clone();
                    async move {
                        // Optimistic: the row goes at once, and comes back if Glance refuses.
                        let previous = members.edit(|t| t.remove(&id)).flatten();
                        let _ = selected.try_update(|s| s.remove(&id));
                        let answer = match glance.remove_member(&image_id, &id).await {
                            // Glance no longer holds the member (removed meanwhile, in another
                            // tab or by someone else): what was asked for, as on /access.
                            Err(e) if e.status == 404 => Ok(()),
                            // No answer (in time): the removal may have been
                            // made all the same; the image's member list says whether it was. (An odd answer is said as it is, with its
                            // request id.)
                            Err(e) if e.no_answer() => match glance.members(&image_id).await {
                                Ok(now) if !now.iter().any(|m| m.member_id == id) => Ok(()),
                                _ => Err(e),
                            },
                            answer => answer,
                        };
                        if answer.is_err() {
                            if let Some(member) = previous {
                                members.edit(|t| t.roll_back(member));
                            }
                        }
                        answer
                    }
                },
            )
            .await;
            let _ = progress.try_set(None);
            let (done, total) = (outcome.done_count(), outcome.outcomes.len());
            let summary = Words::new(move |t| (t.notice_removed)(&image_name, done, total));
            if report.deliver(scope, &outcome, summary.clone(), |t, (id, name)| {
                project_label(t, id, name.as_ref())
            }) {
                let _ = removed.try_set(Some(summary));
            }
            let first_error = outcome.outcomes.into_iter().find_map(|(_, o)| match o {
                Outcome::Failed(e) => Some(e),
                _ => None,
            });
            first_error.map_or(Ok(()), Err)
        }
    });

    // Instead of actions, for a member whose id no request can safely address.
    let unaddressable_note = move |member_id: String| {
        if !is_dot_segment(&member_id) {
            // `/`: Glance itself decodes the `%2F` before routing; outside ASCII: Glance reads
            // the path as Latin-1. No command reaches such a member either, so none is offered.
            return view! {
                <div class="member-row__unaddressable" role="note">
                    <p>{move || i18n.t().member_with_slash}</p>
                </div>
            }
            .into_any();
        }
        // `.` and `..`: a command that keeps the dots reaches it.
        let command = cli_remove_member(&image_id.get_value(), &member_id);
        let copied = command.clone();
        view! {
            <div class="member-row__unaddressable" role="note">
                <p>{move || i18n.t().member_unaddressable}</p>
                <code class="member-row__command">{command}</code>
                <CopyButton text=Signal::derive(move || copied.clone()) what=Signal::derive(move || i18n.t().cli_command.to_string()) />
            </div>
        }
        .into_any()
    };

    let counts = move || table.with(MemberTable::counts);
    let filter_button =
        move |status: Option<MemberStatus>,
              label: fn(&'static crate::i18n::Messages) -> &'static str| {
            let pressed_status = status.clone();
            let count = {
                let status = status.clone();
                // No count before Glance's list has been read: "All (0)" would say there
                // are none when the list is unknown (still loading, or its read failed).
                move || {
                    members.answered().then(|| {
                        let c = counts();
                        match status {
                            None => c.total,
                            Some(MemberStatus::Pending) => c.pending,
                            Some(MemberStatus::Accepted) => c.accepted,
                            Some(MemberStatus::Rejected) => c.rejected,
                            Some(MemberStatus::Other(_)) => 0,
                        }
                    })
                }
            };
            view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || (filter.get() == pressed_status).to_string()
                    on:click=move |_| filter.set(status.clone())
                >
                    {move || match count() {
                        Some(n) => i18n.t().with_note(label(i18n.t()), n),
                        None => label(i18n.t()).to_string(),
                    }}
                </button>
            }
        };

    let rows = move || {
        table
            .with(|t| t.filtered(filter.get().as_ref()))
            .into_iter()
            .map(|m| m.member_id)
            .collect::<Vec<_>>()
    };

    view! {
        <div class="member-list">
            <div class="member-list__filters" role="group" aria-label=move || i18n.t().members_title>
                {filter_button(None, |t| t.status_all)}
                {filter_button(Some(MemberStatus::Pending), |t| t.status_pending)}
                {filter_button(Some(MemberStatus::Accepted), |t| t.status_accepted)}
                {filter_button(Some(MemberStatus::Rejected), |t| t.status_rejected)}
                <ConfirmButton
                    class="button button--danger"
                    label=Signal::derive(move || i18n.t().with_note(i18n.t().remove_selected, selected.with(BTreeSet::len)))
                    disabled=Signal::derive(move || selected.with(BTreeSet::is_empty) || remove.pending().get())
                    question=move |_| {
                        let labels: Vec<String> = selected.with_untracked(|s| s.iter().map(|id| label_of(id)).collect());
                        (i18n.t().confirm_remove)(&labels)
                    }
                    confirm_label=Signal::derive(move || i18n.t().remove.to_string())
                    on_confirm=move |_| {
                        remove.dispatch(selected.get_untracked().into_iter().collect());
                    }
                />
            </div>
            <BulkProgress progress=progress />
            <ActionError action=remove />
            <ActionResult text=removed />
            // Not shared: Glance lists no members (403), though it keeps them; say so rather
            // than show an empty list as if they were gone.
            // A list that could not be read is not an empty one: it says so (the error is
            // above) instead of "no members"; nothing while the first read is on its way.
            {shown_when_else(move || !table.with(MemberTable::is_empty), move || view! {
                <table class="member-table">
                    <caption class="visually-hidden">{move || i18n.t().members_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="table__select"><span class="visually-hidden">{move || i18n.t().select_member}</span></th>
                            <th scope="col">{move || i18n.t().col_project}</th>
                            <th scope="col">{move || i18n.t().col_status}</th>
                            <th scope="col">{move || i18n.t().col_added}</th>
                            <th scope="col">{move || i18n.t().col_changed}</th>
                            <th scope="col">{move || i18n.t().col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|id| id.clone() let:member_id>
                            {
                                let id = StoredValue::new(member_id);
                                let member = move || table.with(|t| t.get(&id.get_value()).cloned());
                                let status = Signal::derive(move || member().map(|m| m.status).unwrap_or(MemberStatus::Other(String::new())));
                                let name = move || names.with(|n| n.get(&id.get_value()).cloned());
                                let now = browser::now_ms();
                                // An id a browser cannot put in a URL gets no action that would send one.
                                let addressable = path_segment(&id.get_value()).is_some();
                                view! {
                                    <tr class="member-row" data-member-id=id.get_value()>
                                        <td class="table__select">
                                            {addressable.then(|| view! {
                                                <label class="check-target">
                                                <input
                                                    type="checkbox"
                                                    aria-label=move || format!("{} {}", i18n.t().select_member, label_of(&id.get_value()))
                                                    prop:checked=move || selected.with(|s| s.contains(&id.get_value()))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        selected.update(|s| {
                                                            if on { s.insert(id.get_value()); } else { s.remove(&id.get_value()); }
                                                        });
                                                    }
                                                />
                                                </label>
                                            })}
                                        </td>
                                        <td class="member-row__project">
                                            {move || name().map(|n| view! { <strong>{n}</strong> " " })}
                                            <code class="id-short" title=id.get_value()>{id.get_value()}</code>
                                            <CopyButton
                                                text=Signal::derive(move || id.get_value())
                                                what=Signal::derive(move || i18n.t().with_note(i18n.t().project_id, name().unwrap_or_else(|| id.get_value())))
                                            />
                                        </td>
                                        <td><MemberStatusBadge status=status /></td>
                                        <td data-label=move || i18n.t().col_added>{move || member().map(|m| view! { <TimeCell at=m.created_at now_ms=now /> })}</td>
                                        <td data-label=move || i18n.t().col_changed>{move || member().map(|m| view! { <TimeCell at=m.updated_at now_ms=now /> })}</td>
                                        <td class="member-row__actions">
                                            {if addressable { view! {
                                                <ConfirmButton
                                                    class="button button--small"
                                                    label=Signal::derive(move || i18n.t().remove.to_string())
                                                    aria_label=Signal::derive(move || format!("{} {}", i18n.t().remove, label_of(&id.get_value())))
                                                    disabled=Signal::derive(move || remove.pending().get())
                                                    question=move |_| (i18n.t().confirm_remove)(&[label_of(&id.get_value())])
                                                    confirm_label=Signal::derive(move || i18n.t().remove.to_string())
                                                    on_confirm=move |_| {
                                                        remove.dispatch(vec![id.get_value()]);
                                                    }
                                                />
                                            }.into_any() } else { unaddressable_note(id.get_value()).into_any() }}
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                // A status filter that leaves no row says so, rather than a bare table head.
                <p class="empty-state" role="status">
                    {move || rows().is_empty().then(|| i18n.t().access_none_match)}
                </p>
            }.into_any(), move || view! {
                <p class="empty-state">
                    {move || if !shared.get() {
                        i18n.t().members_need_shared
                    } else if members.answered() {
                        i18n.t().no_members
                    } else if read_failed.get() {
                        i18n.t().members_unreadable
                    } else {
                        ""
                    }}
                </p>
            }.into_any())}
        </div>
    }
}
