use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use crate::api::ApiError;

use crate::browser;
use crate::components::{ConfirmDialog, CopyButton, ErrorMessage, MemberStatusBadge, TimeCell};
use crate::model::{MemberStatus, MemberTable};
use crate::state::{use_i18n, use_session};

/// The owner's view of an image's members: a count per status with a filter, one row per
/// project (name where known, id copyable, status, added and changed times), and removal of
/// one or several projects after a confirmation naming them. Removal is shown at once and
/// rolled back with Glance's message if Glance refuses.
#[component]
pub fn MemberList(
    /// The image whose members these are.
    #[prop(into)]
    image_id: String,
    /// The member table, keyed by project id.
    table: RwSignal<MemberTable>,
    /// Project id → name for the projects the user can see.
    #[prop(into)]
    names: Signal<HashMap<String, String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let filter = RwSignal::new(None::<MemberStatus>);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let confirming = RwSignal::new(None::<Vec<String>>);
    let image_id = StoredValue::new(image_id);
    let label_of = move |id: &str| {
        names.with(|n| {
            n.get(id)
                .map(|name| format!("{name} ({id})"))
                .unwrap_or_else(|| id.to_string())
        })
    };

    let remove = Action::new_local(move |ids: &Vec<String>| {
        let ids = ids.clone();
        let glance = session.glance();
        let image_id = image_id.get_value();
        async move {
            let glance = glance.ok_or_else(|| ApiError::network("no image service"))?;
            let mut first_error = None;
            for id in ids {
                // Optimistic: the row goes at once, and comes back if Glance refuses.
                let previous = table.try_update(|t| t.remove(&id)).flatten();
                selected.update(|s| {
                    s.remove(&id);
                });
                if let Err(e) = glance.remove_member(&image_id, &id).await {
                    session.report(&e);
                    if let Some(member) = previous {
                        table.update(|t| t.roll_back(member));
                    }
                    first_error.get_or_insert(e);
                }
            }
            first_error.map_or(Ok(()), Err)
        }
    });

    let counts = move || table.with(MemberTable::counts);
    let filter_button =
        move |status: Option<MemberStatus>,
              label: fn(&'static crate::i18n::Messages) -> &'static str| {
            let pressed_status = status.clone();
            let count = {
                let status = status.clone();
                move || {
                    let c = counts();
                    match status {
                        None => c.total,
                        Some(MemberStatus::Pending) => c.pending,
                        Some(MemberStatus::Accepted) => c.accepted,
                        Some(MemberStatus::Rejected) => c.rejected,
                        Some(MemberStatus::Other(_)) => 0,
                    }
                }
            };
            view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || (filter.get() == pressed_status).to_string()
                    on:click=move |_| filter.set(status.clone())
                >
                    {move || format!("{} ({})", label(i18n.t()), count())}
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
                <button
                    type="button"
                    class="button button--danger"
                    disabled=move || selected.with(BTreeSet::is_empty) || remove.pending().get()
                    on:click=move |_| confirming.set(Some(selected.get_untracked().into_iter().collect()))
                >
                    {move || format!("{} ({})", i18n.t().remove_selected, selected.with(BTreeSet::len))}
                </button>
            </div>
            {move || remove.value().get().and_then(Result::err).map(|e| view! { <ErrorMessage error=e /> })}
            <Show
                when=move || !table.with(MemberTable::is_empty)
                fallback=move || view! { <p class="empty-state">{move || i18n.t().no_members}</p> }
            >
                <table class="member-table">
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t().select_member}</span></th>
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
                                view! {
                                    <tr class="member-row" data-member-id=id.get_value()>
                                        <td>
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
                                        </td>
                                        <td class="member-row__project">
                                            {move || name().map(|n| view! { <strong>{n}</strong> " " })}
                                            <code>{id.get_value()}</code>
                                            <CopyButton text=Signal::derive(move || id.get_value()) what=Signal::derive(move || i18n.t().project_id.to_string()) />
                                        </td>
                                        <td><MemberStatusBadge status=status /></td>
                                        <td>{move || member().map(|m| view! { <TimeCell at=m.created_at now_ms=now /> })}</td>
                                        <td>{move || member().map(|m| view! { <TimeCell at=m.updated_at now_ms=now /> })}</td>
                                        <td>
                                            <button
                                                type="button"
                                                class="button button--small"
                                                aria-label=move || format!("{} {}", i18n.t().remove, label_of(&id.get_value()))
                                                disabled=move || remove.pending().get()
                                                on:click=move |_| confirming.set(Some(vec![id.get_value()]))
                                            >
                                                {move || i18n.t().remove}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
            {move || confirming.get().map(|ids| {
                let labels = ids.iter().map(|id| label_of(id)).collect::<Vec<_>>().join(", ");
                view! {
                    <ConfirmDialog
                        message=(i18n.t().confirm_remove)(&labels)
                        confirm_label=i18n.t().remove
                        on_confirm=move |_| {
                            confirming.set(None);
                            remove.dispatch(ids.clone());
                        }
                        on_cancel=move |_| confirming.set(None)
                    />
                }
            })}
        </div>
    }
}
