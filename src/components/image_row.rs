use std::collections::BTreeMap;

use crate::router::A;
use leptos::prelude::*;

use crate::components::{CopyButton, StatusBadge, TimeCell, VisibilityName};
use crate::format::human_size;
use crate::model::Image;
use crate::state::use_i18n;

/// One row of the image catalog: name (or id when nameless) linking to the detail page,
/// status badge, visibility, size in human units, disk format, owner (name when known) and
/// times.
#[component]
pub fn ImageRow(
    /// The image to show.
    image: Image,
    /// The owner's project name, when the user can know it (it may come later: Keystone's
    /// answer can follow Glance's).
    #[prop(into)]
    owner_name: Signal<Option<String>>,
    /// "Now" for relative times.
    now_ms: i64,
    /// This project's member status, on views of images shared with it.
    #[prop(optional_no_strip)]
    member_status: Option<&'static str>,
    /// Actions for this image (accept/reject on shared views), in a last cell.
    #[prop(optional)]
    children: Option<Children>,
    /// When given, a first cell with a checkbox adds the image (id → name) to this selection.
    #[prop(optional)]
    selection: Option<RwSignal<BTreeMap<String, String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = crate::api::url::image_page(&image.id);
    let nameless = image.is_nameless();
    let name = image.display_name().to_string();
    let owner = image.owner.clone().unwrap_or_default();
    let title = name.clone();
    let owner_class = move || {
        if owner_name.with(Option::is_some) {
            "truncate"
        } else {
            "id-short"
        }
    };
    view! {
        <tr class="image-row">
            {selection.map(|sel| {
                let (id, label) = (image.id.clone(), image.name_in_text().into_owned());
                let (id2, label2) = (id.clone(), label.clone());
                view! {
                    <td class="table__select">
                        // The label around the box makes a 40 px touch target on narrow windows.
                        <label class="check-target">
                        <input
                            type="checkbox"
                            aria-label=move || format!("{} {}", i18n.t().select_member, label2)
                            prop:checked=move || sel.with(|s| s.contains_key(&id2))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                sel.update(|s| {
                                    if on { s.insert(id.clone(), label.clone()); } else { s.remove(&id); }
                                });
                            }
                        />
                        </label>
                    </td>
                }
            })}
            // One line, cut with "…": the whole name is in the link's title, and shown while
            // the link has keyboard focus.
            <td class="image-row__name">
                // translate="no": user data, for browser translators as for the untranslated-text test.
                <div class="image-row__name-line">
                    {match href {
                        Some(href) => view! { <A href=href attr:title=title><span translate="no">{name}</span></A> }.into_any(),
                        None => view! { <span title=title translate="no">{name}</span> }.into_any(),
                    }}
                    {nameless.then(|| view! { <span class="image-row__nameless">" " {move || i18n.t().no_name}</span> })}
                </div>
            </td>
            <td class="image-row__status"><StatusBadge status=image.status.clone() /></td>
            <td class="image-row__visibility"><VisibilityName visibility=image.visibility.clone() /></td>
            <td class="image-row__size">{human_size(image.size)}</td>
            <td class="image-row__format">{image.disk_format.clone().unwrap_or_else(|| "—".into())}</td>
            <td class="image-row__owner" data-label=move || i18n.t().col_owner>
                // A name when known, else the id cut short; the whole id is in the title and
                // its copy button.
                <span
                    class=owner_class
                    title=owner.clone()
                    translate="no"
                >
                    {
                        let owner = owner.clone();
                        move || owner_name.get().unwrap_or_else(|| owner.clone())
                    }
                </span>
                {(!owner.is_empty()).then(|| {
                    let id = owner.clone();
                    let copied = owner.clone();
                    // Named after the owner it copies ("Copy project ID (alpha)").
                    let what = Signal::derive(move || {
                        let owner_label = owner_name.get().unwrap_or_else(|| id.clone());
                        i18n.t().with_note(i18n.t().project_id, &owner_label)
                    });
                    view! { <CopyButton text=Signal::stored(copied) what=what /> }
                })}
            </td>
            // data-label: the column's name on narrow windows, where rows are cards.
            <td class="image-row__time" data-label=move || i18n.t().col_created>
                <TimeCell at=image.created_at.clone() now_ms=now_ms />
            </td>
            <td class="image-row__time" data-label=move || i18n.t().col_updated>
                <TimeCell at=image.updated_at.clone() now_ms=now_ms />
            </td>
            {member_status.map(|s| view! {
                <td class="image-row__member">
                    <span class=format!("member-status member-status--{s}") data-status=s>
                        {move || i18n.t().member_status_label(s)}
                    </span>
                </td>
            })}
            {children.map(|c| view! { <td class="image-row__actions">{c()}</td> })}
        </tr>
    }
}
