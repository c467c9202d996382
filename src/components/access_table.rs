use std::collections::HashSet;

use crate::router::A;
use leptos::prelude::*;

use crate::components::{MemberStatusBadge, TimeCell};
use crate::i18n::Messages;
use crate::model::access::{AccessColumn, AccessRow, AccessSort};
use crate::state::projects::use_projects;
use crate::state::use_i18n;

/// Key of a row in the selection: (image id, project id).
pub type RowKey = (String, String);

/// The header text of a sortable column.
fn column_label(t: &Messages, column: AccessColumn) -> &'static str {
    match column {
        AccessColumn::Image => t.access_col_image,
        AccessColumn::Project => t.access_col_project,
        AccessColumn::Status => t.access_col_status,
        AccessColumn::Added => t.access_col_added,
        AccessColumn::Changed => t.access_col_changed,
    }
}

/// The table of the access overview: one row per member of an owned image, a checkbox per
/// row (named after project and image), and a sort button in each header (with `aria-sort`).
#[component]
pub fn AccessTable(
    /// The rows to show, already filtered and sorted.
    #[prop(into)]
    rows: Signal<Vec<AccessRow>>,
    /// The table's order; the header buttons change it.
    sort: RwSignal<AccessSort>,
    /// The selected rows.
    selected: RwSignal<HashSet<RowKey>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let header = move |column: AccessColumn| {
        view! {
            <th scope="col" aria-sort=move || sort.get().aria(column)>
                <button
                    type="button"
                    class="table-sort"
                    on:click=move |_| sort.update(|s| *s = s.clicked(column))
                >
                    {move || column_label(i18n.t(), column)}
                </button>
            </th>
        }
    };
    let all_selected = move || {
        let rows = rows.get();
        !rows.is_empty() && selected.with(|s| rows.iter().all(|r| s.contains(&r.key())))
    };
    let toggle_all = move |on: bool| {
        let keys: Vec<RowKey> = rows.get_untracked().iter().map(AccessRow::key).collect();
        selected.update(|s| {
            for k in keys {
                if on {
                    s.insert(k);
                } else {
                    s.remove(&k);
                }
            }
        });
    };
    view! {
        <table class="access-table">
            <caption class="visually-hidden">{move || i18n.t().access_caption}</caption>
            <thead>
                <tr>
                    <th scope="col" class="table__select">
                        <label class="check-target">
                        <input
                            type="checkbox"
                            aria-label=move || i18n.t().access_select_all
                            prop:checked=all_selected
                            on:change=move |ev| toggle_all(event_target_checked(&ev))
                        />
                        </label>
                    </th>
                    {header(AccessColumn::Image)}
                    {header(AccessColumn::Project)}
                    {header(AccessColumn::Status)}
                    {header(AccessColumn::Added)}
                    {header(AccessColumn::Changed)}
                </tr>
            </thead>
            <tbody>
                // Keyed by what the row shows, but for the project's name: a name that arrives
                // later (Keystone answering after Glance) fills in its cell, and the row, with
                // the focus in it, stays.
                <For each=move || rows.get() key=|r| AccessRow { project_name: None, ..r.clone() } let:row>
                    <AccessTableRow row selected />
                </For>
            </tbody>
        </table>
    }
}

/// One member of one image.
#[component]
fn AccessTableRow(row: AccessRow, selected: RwSignal<HashSet<RowKey>>) -> impl IntoView {
    let i18n = use_i18n();
    let key = row.key();
    let now_ms = crate::browser::now_ms();
    let checked = {
        let key = key.clone();
        move || selected.with(|s| s.contains(&key))
    };
    // The name as the directory knows it now (the row may have been made before it came).
    let project_name = {
        let (directory, id, first) = (
            use_projects(),
            row.project_id.clone(),
            row.project_name.clone(),
        );
        Signal::derive(move || {
            directory
                .and_then(|d| d.name_of(&id))
                .or_else(|| first.clone())
        })
    };
    let label = {
        let (id, image) = (row.project_id.clone(), row.image_name.clone());
        move || {
            let project = project_name.get().unwrap_or_else(|| id.clone());
            i18n.t().access_select_row.fill(&[&&project, &&image])
        }
    };
    let href = crate::api::url::image_page(&row.image_id);
    let image_name = if row.image_name.is_empty() {
        row.image_id.clone()
    } else {
        row.image_name.clone()
    };
    let image = match href {
        Some(href) => view! { <A href=href>{image_name}</A> }.into_any(),
        None => view! { <span>{image_name}</span> }.into_any(),
    };
    let status = row.status.clone();
    view! {
        <tr data-image=row.image_id.clone() data-project=row.project_id.clone()>
            <td class="table__select">
                <label class="check-target">
                <input
                    type="checkbox"
                    aria-label=label
                    prop:checked=checked
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let key = key.clone();
                        selected.update(|s| {
                            if on {
                                s.insert(key);
                            } else {
                                s.remove(&key);
                            }
                        });
                    }
                />
                </label>
            </td>
            <td class="access-row__image">{image}</td>
            <td class="access-row__project">
                {move || project_name.get().map(|n| view! { <span class="access-table__project-name">{n}</span> " " })}
                <code>{row.project_id.clone()}</code>
            </td>
            <td><MemberStatusBadge status=Signal::stored(status) /></td>
            // data-label: the column's name on narrow windows, where rows are cards.
            // As in the catalog: "3 h ago", the exact time in the title (the CSV keeps it exact).
            <td data-label=move || i18n.t().access_col_added><TimeCell at=row.created_at.clone() now_ms /></td>
            <td data-label=move || i18n.t().access_col_changed><TimeCell at=row.updated_at.clone() now_ms /></td>
        </tr>
    }
}
