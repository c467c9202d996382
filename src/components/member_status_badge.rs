use leptos::prelude::*;

use crate::model::MemberStatus;
use crate::state::use_i18n;

/// A coloured badge for a member status (`member-status--pending`, …), in the UI language; a
/// status this app does not know is shown as Glance wrote it ("Unknown status" when blank)
/// with `member-status--other`. The raw value stays in `data-status`.
#[component]
pub fn MemberStatusBadge(
    /// The status to show.
    #[prop(into)]
    status: Signal<MemberStatus>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class =
        move || status.with(|s| format!("member-status member-status--{}", s.class_modifier()));
    let text = move || status.with(|s| i18n.t().member_status_label(s.as_str()));
    view! { <span class=class data-status=move || status.get().as_str().to_string()>{text}</span> }
}
