use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::components::element_ref::ElementRef;

use crate::state::effect::effect;

use crate::api::image_query::{CatalogView, SortKey};
use crate::components::{ConsumerActions, ImageRow};
use crate::i18n::{answer_text, Messages, Words};
use crate::model::{Image, Member, MemberStatus};
use crate::state::use_i18n;

fn empty_text(t: &'static Messages, view: CatalogView) -> &'static str {
    match view {
        CatalogView::Mine => t.empty_mine,
        CatalogView::SharedWithMe => t.empty_shared,
        CatalogView::Invitations => t.empty_invitations,
        CatalogView::Rejected => t.empty_rejected,
        CatalogView::Public => t.empty_public,
        _ => t.empty_other,
    }
}

/// This project's member status on the views of images shared with it.
fn member_status_of(view: CatalogView) -> Option<&'static str> {
    match view {
        CatalogView::SharedWithMe => Some("accepted"),
        CatalogView::Invitations => Some("pending"),
        CatalogView::Rejected => Some("rejected"),
        _ => None,
    }
}

/// One page of the catalog as a table: a row per image, with a selection checkbox on
/// "My images" (for the bulk actions) and accept/reject/pending on the views of images shared
/// with this project; the tab's own "nothing here" text when the page is empty. The headers of
/// the columns Glance can sort by are buttons that order the list.
#[component]
pub fn ImageTable(
    /// The images of the page, as shown.
    images: Vec<Image>,
    /// The tab they were listed for.
    view: CatalogView,
    /// Project id → name, for the owner column (read by each owner cell, so that names
    /// arriving later do not make the table again).
    names: Signal<HashMap<String, String>>,
    /// "Now" for relative times.
    now_ms: i64,
    /// The bulk selection (id → name), offered on "My images".
    selection: RwSignal<BTreeMap<String, String>>,
    /// Called after this project accepted, rejected or reset an invitation here, with the
    /// sentence that announces it (the row itself may go with the re-read list).
    #[prop(into)]
    on_member_changed: Callback<Words>,
    /// The list's order: sort key and whether ascending (the sortable headers show it).
    sort: (SortKey, bool),
    /// Asks for another order (key, ascending): a sortable header was clicked.
    #[prop(into)]
    on_sort: Callback<(SortKey, bool)>,
    /// Set when a header asked for the order shown: the table made for it puts the focus on
    /// that header (the old table, with the focused button, is gone) and clears it, so a
    /// later re-making (another language, a re-read) leaves the focus where it is.
    focus_sort_header: StoredValue<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    if images.is_empty() {
        return view! { <p class="empty-state">{move || empty_text(i18n.t(), view)}</p> }
            .into_any();
    }
    let member_status = member_status_of(view);
    let selectable = view == CatalogView::Mine;
    // The page's images as the selection holds them (id → name), for "Select all on this
    // page"; the selection may also hold images of other pages, which it leaves alone.
    let page_images: StoredValue<Vec<(String, String)>> = StoredValue::new(if selectable {
        images
            .iter()
            .map(|i| (i.id.clone(), i.name_in_text().into_owned()))
            .collect()
    } else {
        Vec::new()
    });
    let selected_here = move || {
        page_images.with_value(|p| {
            selection.with(|s| p.iter().filter(|(id, _)| s.contains_key(id)).count())
        })
    };
    let select_page = move |on: bool| {
        page_images.with_value(|p| {
            selection.update(|s| {
                for (id, name) in p {
                    if on {
                        s.insert(id.clone(), name.clone());
                    } else {
                        s.remove(id);
                    }
                }
            })
        })
    };
    let (sort_key, ascending) = sort;
    // A header that orders the list: a button (the list's first page in the other order;
    // the same column again turns the order round), with `aria-sort` on the current one.
    let sortable = move |key: SortKey, label: &'static str, class: Option<&'static str>| {
        let current = key == sort_key;
        let aria = current.then_some(if ascending { "ascending" } else { "descending" });
        // A new column starts where people look first: names A→Z, dates and sizes newest
        // and largest first.
        let next = if current {
            !ascending
        } else {
            key == SortKey::Name
        };
        let button = ElementRef::new();
        if current && focus_sort_header.get_value() {
            effect(move || {
                if let Some(button) = button.get() {
                    focus_sort_header.set_value(false);
                    let _ = button.focus();
                }
            });
        }
        view! {
            // The button is named by the column (as in the ARIA sortable-table pattern), so the
            // header keeps its name; no label on the header, which a search by label finds.
            <th scope="col" class=class aria-sort=aria>
                <button type="button" class="table-sort" node_ref=button on:click=move |_| on_sort.run((key, next))>
                    {label}
                </button>
            </th>
        }
    };
    // The caption and the headers follow the language (the table stays in the page when it
    // is switched): made again as a whole, one closure for all of them.
    let head = move || {
        let t = i18n.t();
        view! {
            <caption class="visually-hidden">{t.images_caption}</caption>
            <thead>
                <tr>
                    {selectable.then(|| view! {
                        <th scope="col" class="table__select">
                            <label class="check-target">
                            <input
                                type="checkbox"
                                aria-label=t.select_page
                                prop:checked=move || selected_here() == page_images.with_value(Vec::len)
                                prop:indeterminate=move || { let n = selected_here(); n > 0 && n < page_images.with_value(Vec::len) }
                                on:change=move |ev| select_page(event_target_checked(&ev))
                            />
                            </label>
                        </th>
                    })}
                    {sortable(SortKey::Name, t.col_name, Some("image-table__name"))}
                    {sortable(SortKey::Status, t.col_status, None)}
                    <th scope="col">{t.col_visibility}</th>
                    {sortable(SortKey::Size, t.col_size, None)}
                    <th scope="col" class="image-table__format">{t.col_disk_format}</th>
                    <th scope="col">{t.col_owner}</th>
                    {sortable(SortKey::CreatedAt, t.col_created, None)}
                    {sortable(SortKey::UpdatedAt, t.col_updated, None)}
                    {member_status.map(|_| view! { <th scope="col">{t.col_member_status}</th> <th scope="col">{t.col_actions}</th> })}
                </tr>
            </thead>
        }
    };
    view! {
        <table class="image-table">
            {head}
            <tbody>
                {images
                    .into_iter()
                    .map(|image| {
                        let owner = image.owner.clone();
                        let owner_name = Signal::derive(move || {
                            owner.as_ref().and_then(|o| names.with(|n| n.get(o).cloned()))
                        });
                        match member_status {
                            Some(m) => {
                                let status = Signal::stored(MemberStatus::from(m.to_string()));
                                let (id, name) = (image.id.clone(), image.name_in_text().into_owned());
                                let announced = name.clone();
                                let gone_name = name.clone();
                                view! {
                                    <ImageRow image owner_name now_ms=now_ms member_status=Some(m)>
                                        <ConsumerActions
                                            image_id=id
                                            image_name=name
                                            status=status
                                            on_changed=move |(asked, m): (MemberStatus, Member)| {
                                                let announced = announced.clone();
                                                on_member_changed.run(Words::new(move |t| answer_text(t, &announced, &asked, &m.status)))
                                            }
                                            // Gone for this project: the list is read again (the row goes) and says why.
                                            on_gone=move |_| {
                                                let gone_name = gone_name.clone();
                                                on_member_changed.run(Words::new(move |t| t.labelled(&gone_name, t.not_shared_with_you)))
                                            }
                                        />
                                    </ImageRow>
                                }
                                .into_any()
                            }
                            None if selectable => view! {
                                <ImageRow image owner_name now_ms=now_ms member_status=None selection=selection />
                            }
                            .into_any(),
                            None => view! { <ImageRow image owner_name now_ms=now_ms member_status=None /> }.into_any(),
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
